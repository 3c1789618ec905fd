// What a change of a product's rules does before it is published: the designs before and after,
// the options gained and lost, the rules added, removed and changed, and the stored orders and
// gallery designs the new rules would refuse or change. Shared by `npm run rules -- diff` and the
// studio's `POST /api/staff/studio/:productId/impact`; all the rules logic is the domain's
// (`diffRules`, `judgeDesign`).
import {
  attributeDisplayName,
  compileRules,
  diffRules,
  judgeDesign,
  loadProduct,
  loadRules,
  rulesVersionOf,
  type CatalogEntry,
  type ConfigurationSpace,
  type DesignVerdict,
  type Problem,
  type Product,
  type ReadTable,
  type RefusingRule,
  type RuleSet,
  type RulesDiff,
} from '../domain/index.ts';
import type { StoredCandidateDesign, StoredDesigns, StoredDesignsQuery, StoredOrderDesign } from './storedDesigns.ts';

/** The days before `now` whose orders are judged: orders placed at or after this time. */
export function impactSince(days: number, now: Date): Date {
  return new Date(now.getTime() - days * 24 * 60 * 60 * 1000);
}

/** How many orders and gallery designs are shown as examples. */
export const IMPACT_EXAMPLES = 5;

/** How many stored designs are judged between two turns of the event loop (a few milliseconds' work on the sneaker). */
const DESIGNS_PER_TURN = 200;

/** One side of a comparison, loaded and compiled. */
export interface ImpactSide {
  readonly product: Product;
  readonly ruleSet: RuleSet;
  readonly rulesVersion: string;
  readonly space: ConfigurationSpace;
}

/** A refused design shown as an example: which one, why, and (orders) what it was worth. */
export interface RefusedExample {
  readonly id: string;
  /** Order number (`ATL-000123`) or gallery title. */
  readonly name: string;
  readonly createdAt: string;
  /** Minor units of `currency`; orders only. */
  readonly total?: number;
  readonly currency?: string;
  readonly rules: readonly RefusingRule[];
  /** Choices naming options or attributes the new product no longer has. */
  readonly removedChoices: readonly { attribute: string; option: string }[];
}

/** The impact on one kind of stored design. */
export interface DesignImpact {
  readonly checked: number;
  /** Not valid as they are under the new rules. */
  readonly refused: number;
  /** Of those, how many the old side refused already (e.g. orders under an older version). */
  readonly refusedBefore: number;
  /** Valid, but the product has attributes they do not name (they would be completed). */
  readonly changed: number;
  readonly examples: readonly RefusedExample[];
}

/** The impact on the stored orders of the last `days` days and on every gallery design of the product. */
export interface StoredImpact {
  readonly days: number;
  readonly since: string;
  readonly orders: DesignImpact & { readonly refusedValue: readonly { currency: string; total: number }[] };
  readonly candidates: DesignImpact;
}

/** Names of attributes and options as merchandisers read them, from both sides (an option removed keeps its old name). */
export interface ImpactNames {
  /** "Vamp material", by attribute id. */
  readonly attributes: Readonly<Record<string, string>>;
  /** "Knit", by attribute id then option id. */
  readonly options: Readonly<Record<string, Readonly<Record<string, string>>>>;
}

/** A rules diff as JSON answers and `rules diff --json` print it: the counts as decimal strings (they exceed JavaScript's safe integers). */
export interface RulesDiffJson {
  readonly designs: { readonly before: string; readonly after: string };
  readonly attributesAdded: RulesDiff['attributesAdded'];
  readonly attributesRemoved: RulesDiff['attributesRemoved'];
  readonly options: RulesDiff['options'];
  readonly rules: RulesDiff['rules'];
}

/** A {@link RulesDiff} as {@link RulesDiffJson}. */
export function rulesDiffJson(diff: RulesDiff): RulesDiffJson {
  const { designs, ...rest } = diff;
  return { designs: { before: designs.before.toString(), after: designs.after.toString() }, ...rest };
}

/** What `POST /api/staff/studio/:productId/impact` answers. */
export interface RulesImpact extends RulesDiffJson {
  readonly productId: string;
  readonly from: { readonly rulesVersion: string };
  readonly to: { readonly rulesVersion: string };
  readonly names: ImpactNames;
  readonly impact: StoredImpact;
  /** How long the comparison took on the server, in milliseconds. */
  readonly millis: number;
}

/** A published version as one side, compiled from its stored artifact (no compile from the rules). */
export function publishedSide(entry: CatalogEntry): ImpactSide {
  return { product: entry.product, ruleSet: entry.ruleSet, rulesVersion: entry.rulesVersion, space: compileRules(entry.product, entry.ruleSet, { artifact: entry.compiled }) };
}

/**
 * A draft's files as one side, or the problems that keep them from loading (each at file:line:column;
 * a table's at the CSV's). `readTable` reads the CSV tables the rules file names; without it, a
 * rule that names one is a problem.
 */
export function draftSide(productFile: { file: string; text: string }, rulesFile: { file: string; text: string }, readTable?: ReadTable): { ok: true; side: ImpactSide } | { ok: false; problems: readonly Problem[] } {
  const product = loadProduct(productFile.file, productFile.text);
  if (!product.ok) return { ok: false, problems: product.problems };
  const ruleSet = loadRules(product.value, rulesFile.file, rulesFile.text, { readTable });
  if (!ruleSet.ok) return { ok: false, problems: ruleSet.problems };
  return { ok: true, side: { product: product.value, ruleSet: ruleSet.value, rulesVersion: rulesVersionOf(product.value, ruleSet.value), space: compileRules(product.value, ruleSet.value) } };
}

/**
 * Compares the published side with a draft and judges the stored designs (`read`: the orders of
 * the last `days` days and every gallery design of the product) under both. The judging gives the
 * event loop a turn every {@link DESIGNS_PER_TURN} designs, so a shop with many orders keeps
 * answering other requests while it runs.
 */
export async function compareRules(from: ImpactSide, to: ImpactSide, read: (query: StoredDesignsQuery) => Promise<StoredDesigns>, days: number, now: Date = new Date()): Promise<RulesImpact> {
  const started = performance.now();
  const diff = diffRules(from, to);
  const impact = await measureImpact(read, from, to, days, now);
  return {
    productId: to.product.id,
    from: { rulesVersion: from.rulesVersion },
    to: { rulesVersion: to.rulesVersion },
    ...rulesDiffJson(diff),
    names: namesOf(from.product, to.product),
    impact,
    millis: Math.round(performance.now() - started),
  };
}

/** The stored orders since `days` days before `now` and the gallery designs of `to`'s product, judged under both sides. */
export async function measureImpact(read: (query: StoredDesignsQuery) => Promise<StoredDesigns>, from: ImpactSide, to: ImpactSide, days: number, now: Date = new Date()): Promise<StoredImpact> {
  const since = impactSince(days, now);
  const stored = await read({ since, productId: to.product.id });
  const orders = await judgeAll(stored.orders, from, to, (order) => ({ id: order.id, name: order.orderNumber, createdAt: order.createdAt, total: order.total, currency: order.currency }));
  const refusedValue = new Map<string, number>();
  for (const order of orders.refusedDesigns) refusedValue.set(order.currency, (refusedValue.get(order.currency) ?? 0) + order.total);
  const candidates = await judgeAll(stored.candidates, from, to, (candidate) => ({ id: candidate.id, name: candidate.title, createdAt: candidate.createdAt }));
  return {
    days,
    since: since.toISOString(),
    orders: { ...orders.impact, refusedValue: [...refusedValue].map(([currency, total]) => ({ currency, total })) },
    candidates: candidates.impact,
  };
}

async function judgeAll<T extends StoredOrderDesign | StoredCandidateDesign>(
  designs: readonly T[], from: ImpactSide, to: ImpactSide, describe: (design: T) => Omit<RefusedExample, 'rules' | 'removedChoices'>,
): Promise<{ impact: DesignImpact; refusedDesigns: T[] }> {
  const refusedDesigns: T[] = [];
  const examples: RefusedExample[] = [];
  let changed = 0;
  let refusedBefore = 0;
  for (const [index, design] of designs.entries()) {
    if (index > 0 && index % DESIGNS_PER_TURN === 0) await new Promise<void>((resolve) => setImmediate(resolve));
    const verdict = judgeDesign(to.space, design.choices, { explain: false });
    if (verdict.kind === 'changed') changed++;
    if (verdict.kind !== 'refused') continue;
    refusedDesigns.push(design);
    if (judgeDesign(from.space, design.choices, { explain: false }).kind === 'refused') refusedBefore++;
    if (examples.length < IMPACT_EXAMPLES) {
      // Only the examples are explained: finding the minimal rules costs more than a validity check.
      const explained = judgeDesign(to.space, design.choices) as Extract<DesignVerdict, { kind: 'refused' }>;
      examples.push({ ...describe(design), rules: explained.rules, removedChoices: explained.removedChoices });
    }
  }
  return { impact: { checked: designs.length, refused: refusedDesigns.length, refusedBefore, changed, examples }, refusedDesigns };
}

function namesOf(before: Product, after: Product): ImpactNames {
  const attributes: Record<string, string> = {};
  const options: Record<string, Record<string, string>> = {};
  for (const product of [before, after]) {
    for (const attribute of product.attributes) {
      attributes[attribute.id] = attributeDisplayName(product, attribute);
      const labels = (options[attribute.id] ??= {});
      for (const option of attribute.options) labels[option.id] = option.label;
    }
  }
  return { attributes, options };
}

/** What the job pool's `compareRules` job takes: plain data, cloned to its thread. */
export interface DraftComparisonInput {
  readonly published: CatalogEntry;
  readonly draft: {
    readonly product: { readonly file: string; readonly text: string };
    readonly rules: { readonly file: string; readonly text: string };
    /** The CSV tables the rules file names, text by name as written (absent: none). */
    readonly tables?: Readonly<Record<string, string>>;
  };
  /** The stored designs to judge, read beforehand (the orders since {@link impactSince} of `days` and `now`). */
  readonly designs: StoredDesigns;
  readonly days: number;
  /** ISO 8601. */
  readonly now: string;
}

/** The comparison, or the problems that keep the draft from loading. */
export type DraftComparison = { readonly ok: true; readonly impact: RulesImpact } | { readonly ok: false; readonly problems: readonly Problem[] };

/**
 * A studio draft compared with the published version, the stored designs given: loads and compiles
 * the draft (the part that takes a CPU for a while: run it on the job pool), then {@link compareRules}.
 */
export async function compareDraft(input: DraftComparisonInput): Promise<DraftComparison> {
  const started = performance.now();
  const { tables = {} } = input.draft;
  const draft = draftSide(input.draft.product, input.draft.rules, (name) => (Object.hasOwn(tables, name) ? tables[name] : undefined));
  if (!draft.ok) return draft;
  const impact = await compareRules(publishedSide(input.published), draft.side, () => Promise.resolve(input.designs), input.days, new Date(input.now));
  return { ok: true, impact: { ...impact, millis: Math.round(performance.now() - started) } };
}
