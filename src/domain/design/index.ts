/** The design room of the domain: see CONTEXT.md. Import from this file outside the room. */
export type { ColourwayVariant, FeedLinks, JsonLd } from './colourwayFeed.ts';
export { colourwayFeedCsv, colourwayVariants, moneyText, productGroupJsonLd } from './colourwayFeed.ts';
export type { DesignDocument } from './designDocument.ts';
export { DESIGN_SCHEMA, canonicalKey, choicesOfCanonicalKey, createDesignDocument, validateDesignDocument } from './designDocument.ts';
export type { DesignHighlights, HighlightColour, HighlightMaterial } from './designHighlights.ts';
export { designHighlights } from './designHighlights.ts';
export type { PartChoices, PartLook } from './partLooks.ts';
export { partLooks, partMaterialAndColour, surfaceKindsOf } from './partLooks.ts';
export type { RestoredDesign } from './restoreSharedDesign.ts';
export { restoreSharedDesign } from './restoreSharedDesign.ts';
export type { DecodedShareToken, ShareTokenHeader, ShareTokenLayout, ShareTokenOptions, VersionOptions } from './shareLink.ts';
export { decodeShareToken, encodeShareToken, holdsPersonalisation, readShareTokenHeader, versionOptionsOf } from './shareLink.ts';
export type { AttributeStatus, DesignSummary, OptionStatus } from './summariseDesign.ts';
export { summariseDesign } from './summariseDesign.ts';
