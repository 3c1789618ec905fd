/** The personalisation room of the domain: see CONTEXT.md. Import from this file outside the room. */
export type { ArtworkBox, ArtworkMeta, ArtworkStatus } from './artworkPlacement.ts';
export { artworkStatus, placedBox } from './artworkPlacement.ts';
export type { FontMetrics } from './fontMetrics.ts';
export { FONT_FAMILIES, measureText } from './fontMetrics.ts';
export { contrastRatio, defaultInk, garmentHexUnder, relativeLuminance } from './inkContrast.ts';
export { readPersonalisation } from './loadPersonalisation.ts';
export type { PersonalisationStatus, PersonalisationValues } from './personalisation.ts';
export { artworkForDocument, personalisationForDocument, personalisationPrices, personalisationProblems, personalisationStatus } from './personalisation.ts';
export type { ArtworkColourRule, ArtworkFieldDef, CharacterClass, PersonalisationField, TextFieldDef } from './personalisationModel.ts';
export { TEXT_CHARACTER_CLASSES, artworkPlacementKeys, isArtworkField, isTextField, personalisationKeysOf, textStyleKeys } from './personalisationModel.ts';
export type { PrintAtlas, PrintZone } from './printAtlas.ts';
export { textBoxInZone } from './printAtlas.ts';
export type { ArtworkPlacement, ArtworkPrint, PrintPlacement, TextPrint } from './printLayout.ts';
export { artworkPlacements, artworkPrints, printPlacements, textPrints, zonePixels } from './printLayout.ts';
export type { TextCheck, TextFit, TextProblem } from './validateText.ts';
export { textFit, validateText } from './validateText.ts';

