/**
 * The domain layer: product model, rules, the compiled engine, explanations, pricing and design
 * documents. Plain TypeScript; see CONTEXT.md.
 */
export type { Problem, Result, SourceLocation } from './problems.ts';
export { formatProblem } from './problems.ts';
export type { AttributeDef, AttributeId, AttributeKind, MaterialAppearance, OptionDef, OptionId, PartDef, PartId, PresetDef, Product, SizeDef } from './productModel.ts';
export { attributeById, attributeDisplayName, optionById } from './productModel.ts';
export type { Condition, Rule, RuleSet } from './rulesModel.ts';
export { loadProduct } from './loadProduct.ts';
export { loadRules } from './loadRules.ts';
export type { CatalogEntry, SourceFile } from './catalogEntry.ts';
export { loadCatalogEntry, rulesVersionOf } from './catalogEntry.ts';
export type { Assignment, ConfigurationSpace, ConstraintInfo } from './configurationSpace.ts';
export { compileRules } from './compileRules.ts';
export type { Provenance, ResolvedDesign, ResolvedValue } from './resolveDesign.ts';
export { resolveDesign } from './resolveDesign.ts';
export type { Choice, Explanation, Repair, RepairChange } from './explainUnavailable.ts';
export { describeExplanation, describeRepair, explainUnavailable, toAssignment } from './explainUnavailable.ts';
export type { PriceBreakdown, PriceLine } from './priceDesign.ts';
export { formatMoney, priceDesign } from './priceDesign.ts';
export type { LeadTimeEstimate } from './estimateLeadTime.ts';
export { activeAlerts, estimateLeadTime } from './estimateLeadTime.ts';
export type { DesignDocument } from './designDocument.ts';
export { DESIGN_SCHEMA, canonicalKey, createDesignDocument, validateDesignDocument } from './designDocument.ts';
export type { BillOfMaterialsLine, OrderDocument } from './orderDocument.ts';
export { MAX_QUANTITY, ORDER_SCHEMA, createOrderDocument } from './orderDocument.ts';
export type { AttributeStatus, DesignSummary, OptionStatus } from './summariseDesign.ts';
export { summariseDesign } from './summariseDesign.ts';
export { explainBlocking, proposeRepair } from './explainUnavailable.ts';
export type { PartLook } from './partLooks.ts';
export { partLooks } from './partLooks.ts';
export type { TableProblem } from './mdd/tableProblem.ts';
export { compileTableProblem, loadTableProblem, looksLikeTableProblem } from './loadTableProblem.ts';
export type { LintFinding, LintOptions } from './lintRules.ts';
export { lintRules } from './lintRules.ts';
export { findBlockingRules } from './explainUnavailable.ts';
export type { SerialisedDiagram } from './serialisedDiagram.ts';
export { DIAGRAM_FORMAT, deserialiseDiagram } from './serialisedDiagram.ts';
export type { SessionFacts, WithdrawnOption } from './sessionFacts.ts';
export { withdrawnOptions } from './sessionFacts.ts';
export type { CompileOptions } from './compileRules.ts';
export { wilsonLowerBound } from './wilsonLowerBound.ts';
export type { DecodedShareToken } from './shareLink.ts';
export { decodeShareToken, encodeShareToken } from './shareLink.ts';
export { sha256Hex } from './sha256.ts';
