/** The catalog room of the domain: see CONTEXT.md. Import from this file outside the room. */
export type { CatalogEntry, SourceFile } from './catalogEntry.ts';
export { loadCatalogEntry, rulesVersionOf } from './catalogEntry.ts';
export { DEFAULT_PRODUCT_ID } from './defaultProduct.ts';
export type { ExampleOutcome } from './runRuleExamples.ts';
export { runRuleExamples } from './runRuleExamples.ts';
