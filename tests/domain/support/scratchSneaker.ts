// A later version of the real sneaker, made in memory (no file is edited): what a merchandiser's
// palette edit does to old share links. One colour is inserted second in a palette, one option is
// dropped, one renamed (its label changed, its id kept), a section with a new choice is added and
// the attributes are reordered. Which attributes and options are picked follows from the product's
// shape, not from today's option lists.
import { compileRules, type AttributeDef, type CatalogEntry, type ConfigurationSpace, type OptionDef, type OptionId, type PartDef, type Product } from '../../../src/domain/index.ts';

/** What the scratch version changed, so that tests can say what they expect. */
export interface ScratchEdits {
  /** The colour attribute a colour was inserted into, second, before `shifted` (the toe cap's Chalk today). */
  readonly palette: AttributeDef;
  readonly inserted: OptionDef;
  /** The option that was second before the insertion. */
  readonly shifted: OptionId;
  /** The attribute that lost `dropped`. */
  readonly droppedFrom: AttributeDef;
  readonly dropped: OptionDef;
  /** The attribute whose option `renamed` got a new label. */
  readonly renamedIn: AttributeDef;
  readonly renamed: OptionId;
  readonly newLabel: string;
  /** The attribute added (in a new section). */
  readonly added: AttributeDef;
}

/** A scratch version of `entry`'s product, its rules unchanged, and its compiled space. */
export interface ScratchVersion {
  readonly entry: CatalogEntry;
  readonly space: ConfigurationSpace;
  readonly edits: ScratchEdits;
}

/**
 * The sneaker under a scratch version: `dropped` is `design`'s value of the second colour
 * attribute, `renamed` its value of the first material attribute, so that a link to `design`
 * meets every edit.
 */
export function scratchVersion(entry: CatalogEntry, design: Readonly<Record<string, OptionId>>): ScratchVersion {
  const product = structuredClone(entry.product) as Mutable<Product>;
  const attributes = product.attributes as Mutable<AttributeDef>[];
  const colours = attributes.filter((attribute) => attribute.kind === 'colour' && attribute.options.length >= 3);
  const palette = colours[0]!;
  const droppedFrom = colours[1]!;
  const renamedIn = attributes.find((attribute) => attribute.kind === 'material' && attribute.options.length >= 2)!;

  const inserted: OptionDef = { id: 'scratch-mint', label: 'Scratch mint', code: 'SCR-MINT', hex: '#a8e6cf' };
  const shifted = palette.options[1]!.id;
  palette.options = [palette.options[0]!, inserted, ...palette.options.slice(1)];
  const materials = attributes.find((attribute) => attribute.partId === palette.partId && attribute.kind === 'material')!;
  product.palettes = product.palettes.map((entryPalette) => (materials.options.some((option) => option.id === entryPalette.materialId)
    ? { ...entryPalette, colourIds: [entryPalette.colourIds[0]!, inserted.id, ...entryPalette.colourIds.slice(1)] }
    : entryPalette));

  const dropped = droppedFrom.options.find((option) => option.id === design[droppedFrom.id])!;
  droppedFrom.options = droppedFrom.options.filter((option) => option.id !== dropped.id);

  const renamed = design[renamedIn.id]!;
  const newLabel = `Renamed ${renamedIn.options.find((option) => option.id === renamed)!.label}`;
  renamedIn.options = renamedIn.options.map((option) => (option.id === renamed ? { ...option, label: newLabel } : option));

  const added: AttributeDef = { id: 'scratchBox.box', label: 'Shoe box', kind: 'choice', partId: 'scratchBox', options: [{ id: 'plain', label: 'Plain', code: 'BOX-P' }, { id: 'gift', label: 'Gift', code: 'BOX-G' }] };
  const section: PartDef = { id: 'scratchBox', label: 'Box', kind: 'section', attributeIds: [added.id], meshes: [] };
  product.parts = [...product.parts, section];
  product.attributes = [added, ...attributes].reverse();

  const scratch: CatalogEntry = { product, ruleSet: entry.ruleSet, rulesVersion: 'feedfacecafe0001' };
  return { entry: scratch, space: compileRules(product, entry.ruleSet), edits: { palette, inserted, shifted, droppedFrom, dropped, renamedIn, renamed, newLabel, added } };
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };
