/** The product room of the domain: see CONTEXT.md. Import from this file outside the room. */
export type { Condition } from './condition.ts';
export { conditionAttributes, evaluateCondition } from './condition.ts';
export { checkChoice, loadProduct } from './loadProduct.ts';
export type { MaterialSurface, SurfaceKind, SurfaceSettings } from './materialSurface.ts';
export { SURFACE_DEFAULTS, SURFACE_KINDS, isSurfaceKind, materialSurface } from './materialSurface.ts';
export type { ModelVariant } from './modelVariant.ts';
export { modelVariant, shapingAttributes } from './modelVariant.ts';
export type { Assignment, AttributeDef, AttributeId, AttributeKind, CameraView, MaterialAppearance, OptionDef, OptionId, PartDef, PartId, PresetDef, Product, ProductIllustrationKind, ProductWording, SizeDef, SizeSystem, ViewDirection } from './productModel.ts';
export { DEFAULT_SIZE_SYSTEMS, DEFAULT_WORDING, attributeById, attributeDisplayName, countOf, findSize, mainSizeText, modelParts, optionById, partAttributeId, sizeCodesText, sizeSystemsOf, wordingOf } from './productModel.ts';
export { DEFAULT_SHIPS_TO, countryName } from './shipsTo.ts';
export { upgradeStoredProduct } from './storedProduct.ts';
