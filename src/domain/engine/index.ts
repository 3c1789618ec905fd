/** The engine room of the domain: see CONTEXT.md. Import from this file outside the room. */
export type { CompileOptions } from './compileRules.ts';
export { compileRules } from './compileRules.ts';
export type { Assignment, ConfigurationSpace, ConstraintInfo } from './configurationSpace.ts';
export type { Choice, Explanation, Repair, RepairChange } from './explainUnavailable.ts';
export { describeExplanation, describeRepair, explainBlocking, explainUnavailable, findAmong, findBlockingRules, proposeRepair, toAssignment } from './explainUnavailable.ts';
export { compileTableProblem, loadTableProblem, looksLikeTableProblem } from './loadTableProblem.ts';
export type { SerialisedDiagram } from './serialisedDiagram.ts';
export { DIAGRAM_FORMAT, deserialiseDiagram } from './serialisedDiagram.ts';
export type { SessionFacts, WithdrawnOption } from './sessionFacts.ts';
export { withdrawnOptions } from './sessionFacts.ts';
export type { TableProblem } from './tables/tableProblem.ts';
export type { LintCode, LintFinding, LintOptions, LintSource } from './lintRules.ts';
export { findingAsProblem, lintRules } from './lintRules.ts';
export type { Provenance, ResolvedDesign, ResolvedValue } from './resolveDesign.ts';
export { recommendingRule, resolveDesign, resolveValues } from './resolveDesign.ts';
export type { HardConstraint } from './hardConstraints.ts';
export { hardConstraints } from './hardConstraints.ts';
