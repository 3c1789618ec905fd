import type { Assignment, AttributeId, OptionId, Product } from '../product/index.ts';
import type { SerialisedDiagram } from './serialisedDiagram.ts';


/** A hard rule as the engine sees it: an id, a customer-facing message and the attributes it reads. */
export interface ConstraintInfo {
  readonly ruleId: string;
  readonly message: string;
  readonly attributes: readonly AttributeId[];
  /** True for constraints the loader generated (a material's palette), not written in a rules file. */
  readonly implicit: boolean;
}

/** See {@link ConfigurationSpace.narrow}. */
export interface DomainNarrowing {
  /** The valid options of an open attribute, given every value fixed so far. */
  options(attribute: AttributeId): OptionId[];
  /** Fixes an open attribute (once). */
  fix(attribute: AttributeId, option: OptionId): void;
}

/**
 * The compiled hard rules of a product: every valid design and nothing else. The rest of the
 * domain talks to the engine only through this interface, so the compiled form can change
 * (a larger, faster diagram for industrial models) without touching callers.
 */
export interface ConfigurationSpace {
  readonly product: Product;
  readonly constraints: readonly ConstraintInfo[];
  /** Size of the compiled form (decision-diagram nodes), for benchmarks and lint reports. */
  readonly size: number;
  /**
   * For each attribute, the options that some valid design takes while keeping every *other*
   * fixed value. For an attribute without a value these are its available options; for one
   * with a value, the options it could switch to without changing anything else.
   */
  domains(fixed: Assignment): Map<AttributeId, OptionId[]>;
  /** True when some valid design keeps every fixed value. */
  isConsistent(fixed: Assignment): boolean;
  /**
   * Domains that narrow as attributes are fixed one at a time, for completing a design attribute
   * by attribute: `options(a)` is what `domains(fixed).get(a)` gives for an open attribute, with
   * `fixed` the starting values plus every value fixed since, at a fraction of the cost.
   */
  narrow(fixed: Assignment): DomainNarrowing;
  /** The exact number of valid designs keeping every fixed value. */
  count(fixed: Assignment): bigint;
  /** Like {@link isConsistent}, but under only the named constraints (to find which rules conflict). */
  isConsistentUnder(ruleIds: readonly string[], fixed: Assignment): boolean;
  /**
   * A minimal set of the named constraints (all of them when omitted) that allow no design keeping
   * the fixed values: dropping any one of them allows one again. A single constraint over a fixed
   * attribute that excludes the values on its own is preferred. Empty when the constraints allow a
   * design. In constraint order.
   */
  conflictingRules(fixed: Assignment, among?: readonly string[]): string[];
  /**
   * Conjoins the named constraints in order under the fixed values and returns the position where
   * they first become inconsistent, or -1. Used to narrow a conflict before minimising it.
   */
  firstInconsistentPrefix(ruleIds: readonly string[], fixed: Assignment): number;
  /** The compiled form as a JSON artifact that {@link compileRules} can load instead of compiling. */
  serialise(): SerialisedDiagram;
}

export type { Assignment };
