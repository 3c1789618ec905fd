// What a colleague's studio draft changes, in the few words a merchandiser picks it by: the
// colourways (presets) its product file adds to the product as published now. A designer's
// "Make colourway…" puts them there; the merchandiser continues from that draft and publishes it.
import { loadProduct, type PresetDef } from '../../domain/index.ts';

/**
 * The names of the presets in `productText` whose ids the published product does not have, in the
 * file's order; none when the draft's product file does not load (it is mid-edit: the studio shows
 * its problems once opened).
 */
export function colourwaysAdded(published: readonly Pick<PresetDef, 'id'>[], productFile: string, productText: string): string[] {
  return presetsAdded(published, productFile, productText).map((preset) => preset.name);
}

/** The presets in `productText` whose ids the published product does not have, in the file's order (none when it does not load). */
export function presetsAdded(published: readonly Pick<PresetDef, 'id'>[], productFile: string, productText: string): PresetDef[] {
  const loaded = loadProduct(productFile, productText);
  if (!loaded.ok) return [];
  const known = new Set(published.map((preset) => preset.id));
  return loaded.value.presets.filter((preset) => !known.has(preset.id));
}
