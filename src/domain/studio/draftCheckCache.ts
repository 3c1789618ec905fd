import { rulesVersionOf, type SourceFile } from '../catalog/index.ts';
import { compileRules, lintRules, type ConfigurationSpace, type LintFinding, type SerialisedDiagram } from '../engine/index.ts';
import { loadProduct, type Product } from '../product/index.ts';
import type { RuleSet, TableCsvResult } from '../rules/index.ts';
import type { Result } from '../shared/index.ts';
import { lineColumnOf, offsetOf } from './textRange.ts';

/**
 * Above this many table rows, redundant rules are not looked for while typing: the check compiles
 * the rules once more per rule (a Renault-size file: 147 compilations, minutes), and a redundant
 * rule changes nothing customers see. `rules check --strict` still finds them.
 */
export const REDUNDANCY_CHECK_MAX_ROWS = 20_000;

/** What a draft's rules mean once compiled and linted, with what publishing would record. */
export interface DraftAnalysis {
  readonly space: ConfigurationSpace;
  readonly findings: readonly LintFinding[];
  readonly rulesVersion: string;
  readonly compiled: SerialisedDiagram;
  readonly designs: bigint;
  /** Set when redundant rules were not looked for, with the number of table rows. */
  readonly redundancySkipped?: number;
}

/**
 * What checking a draft keeps between checks, so that typing in a Renault-size draft (200k table
 * rows) answers within a second: the product as loaded, by its text; each CSV table as read, by
 * its text and columns; and the compiled rules with their lint, by what the rules mean (the rules
 * as loaded, positions and messages aside). An edit that changes no rule's meaning (a comment,
 * spacing, a message) reuses them, the findings moved to where their nodes now are; an edit elsewhere
 * compiles again. One cache per editor (the studio's worker keeps one).
 *
 * @example
 * const cache = new DraftCheckCache();
 * checkDraft(draft, cache); // compiles
 * checkDraft({ ...draft, rules: { ...draft.rules, text: withComment } }, cache); // reuses
 */
export class DraftCheckCache {
  /** Tables as read, for `loadRules` (valid for one product text: cleared when it changes). */
  readonly tables = new Map<string, TableCsvResult>();
  private product: { readonly text: string; readonly file: string; readonly result: Result<Product> } | undefined;
  private analysis: { readonly key: string; readonly messages: string; readonly rulesText: string; readonly value: DraftAnalysis } | undefined;
  /** Rows arrays read from CSV tables, each with a token standing for its content in the meaning key. */
  private readonly rowTokens = new WeakMap<object, number>();
  private nextToken = 0;

  /** The product file loaded, reusing the last result while its text is unchanged. */
  loadProduct(source: SourceFile): Result<Product> {
    // Edits to a CSV leave its earlier texts behind; a few hundred tables is far above any product's.
    if (this.tables.size > 256) this.tables.clear();
    if (this.product?.text === source.text && this.product.file === source.file) return this.product.result;
    this.tables.clear();
    this.analysis = undefined;
    const result = loadProduct(source.file, source.text);
    this.product = { text: source.text, file: source.file, result };
    return result;
  }

  /** The compiled rules and their lint, reused while the rules mean the same. */
  analyse(draft: { readonly product: SourceFile; readonly rules: SourceFile }, product: Product, ruleSet: RuleSet): DraftAnalysis {
    const { key, messages } = this.meaningKey(ruleSet);
    const cached = this.analysis;
    if (cached?.key === key) {
      const findings = () => ({ ...cached.value, findings: moved(cached.value.findings, draft.rules, cached.rulesText) });
      // Same meaning and same messages: the same rules version (it leaves out positions only), not hashed again.
      const value = cached.rulesText === draft.rules.text ? cached.value : cached.messages === messages ? findings() : withMessages(findings(), product, ruleSet);
      this.analysis = { key, messages, rulesText: draft.rules.text, value };
      return value;
    }
    const value = analyseDraft(draft, product, ruleSet);
    this.analysis = { key, messages, rulesText: draft.rules.text, value };
    return value;
  }

  /**
   * The rules as loaded, positions and messages left out (the diagram and the findings do not
   * depend on what a rule says to customers), and each CSV table's rows by a token (stringifying
   * 200k rows on every key would cost what the cache saves); and the messages left out, in order.
   */
  private meaningKey(ruleSet: RuleSet): { readonly key: string; readonly messages: string } {
    // A CSV table's rows are the same array while its text is unchanged (the table cache keeps it).
    for (const table of this.tables.values()) if (table.ok && !this.rowTokens.has(table.rows)) this.rowTokens.set(table.rows, this.nextToken++);
    const messages: unknown[] = [];
    const key = JSON.stringify(ruleSet, (name, value: unknown) => {
      if (name === 'source') return undefined;
      if (name === 'message') {
        messages.push(value);
        return undefined;
      }
      if (name === 'rows' && typeof value === 'object' && value !== null && this.rowTokens.has(value)) return `#rows${this.rowTokens.get(value)}`;
      return value;
    });
    return { key, messages: JSON.stringify(messages) };
  }
}

/**
 * Compiles and lints a draft's rules as publishing would (strict), with redundant rules looked
 * for only up to {@link REDUNDANCY_CHECK_MAX_ROWS} table rows.
 */
export function analyseDraft(draft: { readonly product: SourceFile; readonly rules: SourceFile }, product: Product, ruleSet: RuleSet): DraftAnalysis {
  const space = compileRules(product, ruleSet);
  const rows = ruleSet.rules.reduce((sum, rule) => sum + (rule.kind === 'allowed-combinations' || rule.kind === 'forbidden-combinations' ? rule.rows.length : 0), 0);
  const redundancy = rows <= REDUNDANCY_CHECK_MAX_ROWS;
  const findings = lintRules(space, {
    strict: true,
    ruleSet,
    sources: { product: draft.product, rules: draft.rules },
    ...(redundancy ? { recompileWithout: (ruleId: string) => compileRules(product, { ...ruleSet, rules: ruleSet.rules.filter((rule) => rule.id !== ruleId) }) } : {}),
  });
  const consistent = !findings.some((finding) => finding.code === 'no-valid-design');
  return {
    space,
    findings,
    rulesVersion: rulesVersionOf(product, ruleSet),
    compiled: space.serialise(),
    designs: consistent ? space.count({}) : 0n,
    ...(redundancy ? {} : { redundancySkipped: rows }),
  };
}

/**
 * An analysis of rules that differ at most in their messages, brought up to date: the compiled
 * rules' constraints say the new messages (explanations quote them), and the rules version is the
 * new rules' (messages are part of what is published).
 */
function withMessages(analysis: DraftAnalysis, product: Product, ruleSet: RuleSet): DraftAnalysis {
  const messages = new Map(ruleSet.rules.map((rule) => [rule.id, rule.message]));
  const constraints = analysis.space.constraints.map((constraint) => {
    const message = constraint.implicit ? undefined : messages.get(constraint.ruleId);
    return message === undefined || message === constraint.message ? constraint : { ...constraint, message };
  });
  const space = constraints.every((constraint, index) => constraint === analysis.space.constraints[index]) ? analysis.space : { ...analysis.space, constraints };
  return { ...analysis, space, rulesVersion: rulesVersionOf(product, ruleSet) };
}

/**
 * Findings of the rules file located in its previous text, moved to the same nodes in the new
 * one: the texts differ in one stretch (an edit), so a position before it stays and one after it
 * moves by the length the edit added.
 */
function moved(findings: readonly LintFinding[], rules: SourceFile, previous: string): LintFinding[] {
  const text = rules.text;
  let prefix = 0;
  while (prefix < previous.length && prefix < text.length && previous.charCodeAt(prefix) === text.charCodeAt(prefix)) prefix++;
  let suffix = 0;
  while (suffix < previous.length - prefix && suffix < text.length - prefix && previous.charCodeAt(previous.length - 1 - suffix) === text.charCodeAt(text.length - 1 - suffix)) suffix++;
  return findings.map((finding) => {
    if (!finding.location || finding.location.file !== rules.file) return finding;
    const offset = offsetOf(previous, finding.location.line, finding.location.column);
    const now = offset < prefix ? offset : offset >= previous.length - suffix ? offset + text.length - previous.length : prefix;
    return { ...finding, location: { ...finding.location, ...lineColumnOf(text, now) } };
  });
}
