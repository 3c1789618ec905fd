import type { CatalogEntry, SourceFile } from '../catalog/index.ts';
import type { ConfigurationSpace, LintCode, LintFinding } from '../engine/index.ts';
import type { Product } from '../product/index.ts';
import { DraftCheckCache, REDUNDANCY_CHECK_MAX_ROWS } from './draftCheckCache.ts';
import { loadRules, tableFileOf, type RuleSet } from '../rules/index.ts';
import { parseYamlSource, type Problem } from '../shared/index.ts';
import { lineColumnOf, offsetOf, tokenAt } from './textRange.ts';

/** What a diagnostic is about: a lint finding's code, or `load` for a file that does not load. */
export type DiagnosticCode = LintCode | 'load';

/** A replacement that fixes a diagnostic in one step (the "did you mean" of a typo). */
export interface DiagnosticEdit {
  /** Offsets in the diagnostic's file's text. */
  readonly from: number;
  readonly to: number;
  readonly insert: string;
  /** What the edit does, as a button says it: `Replace with "textile"`. */
  readonly label: string;
}

/**
 * One thing wrong with a draft, where an editor marks it: a character range of one of the two
 * files, with the message and how to fix it.
 */
export interface Diagnostic {
  /** The file's name as the draft gave it (`rules/sneaker.rules.yaml`). */
  readonly file: string;
  /** Character offsets in that file's text (UTF-16 code units, as editors count). */
  readonly from: number;
  readonly to: number;
  /** 1-based, where `from` is, for a list beside the editor. */
  readonly line: number;
  readonly column: number;
  readonly severity: 'error' | 'warning' | 'info';
  readonly code: DiagnosticCode;
  readonly message: string;
  /** How to fix it, phrased as an instruction. */
  readonly fix: string;
  /** The rules involved, by id (a minimal set when the finding is caused by rules). */
  readonly ruleIds: readonly string[];
  /** A one-step fix, when the check knows the right text (a typo with a close known name). */
  readonly edit?: DiagnosticEdit;
  /** For findings about one option (dead, overridden, unused). */
  readonly attribute?: string;
  readonly option?: string;
}

/** A product file and its rules file as a merchandiser is editing them. */
export interface Draft {
  readonly product: SourceFile;
  readonly rules: SourceFile;
  /** The CSV tables the rules file names (`rows: { csv: <name> }`), text by name as written; a diagnostic in one has the table's file (beside the rules file). */
  readonly tables?: Readonly<Record<string, string>>;
}

/** What checking a draft found. */
export interface DraftCheck {
  /** Every problem, ordered by file (rules first) and position. */
  readonly diagnostics: readonly Diagnostic[];
  /** The draft as it would be published: present when both files load and some valid design exists with every preset valid. */
  readonly entry?: CatalogEntry;
  /** How many designs the draft allows, when both files load. */
  readonly counts?: { readonly designs: bigint };
  /** The product, when its file loads (for completion while the rules file does not). */
  readonly product?: Product;
  /** The rules, when both files load (for the rule cards, also when no design is valid). */
  readonly ruleSet?: RuleSet;
  /** The compiled rules, when both files load (the examples run on them without compiling again). */
  readonly space?: ConfigurationSpace;
}

/**
 * Checks a draft as publishing would: both files loaded (every problem at its node, with its
 * "did you mean"), the rules compiled, and the strict lint (`rules check --strict`: dead options
 * and the rules that kill them, overridden defaults, conditions that never hold, invalid presets,
 * unused colours, and redundant rules as warnings). Every finding becomes a {@link Diagnostic} at
 * a character range of the file it is in. Never throws for bad input. Given the
 * {@link DraftCheckCache} of earlier checks of the same draft, what an edit left unchanged is not
 * loaded or compiled again; redundant rules are looked for only up to
 * {@link REDUNDANCY_CHECK_MAX_ROWS} table rows (a note says so above it).
 *
 * @example
 * const { diagnostics } = checkDraft({ product: { file: 'models/sneaker/product.yaml', text }, rules: { file: 'rules/sneaker.rules.yaml', text: rulesText } });
 */
export function checkDraft(draft: Draft, cache: DraftCheckCache = new DraftCheckCache()): DraftCheck {
  const product = cache.loadProduct(draft.product);
  if (!product.ok) return { diagnostics: sorted(draft, product.problems.map((problem) => fromProblem(draft, draft.product, problem))) };
  const ruleSet = loadRules(product.value, draft.rules.file, draft.rules.text, { readTable: (name) => tableText(draft, name), tableCache: cache.tables });
  if (!ruleSet.ok) {
    const ids = writtenRuleIds(draft.rules);
    return { diagnostics: sorted(draft, ruleSet.problems.map((problem) => fromProblem(draft, draft.rules, problem, ids))), product: product.value };
  }

  const analysis = cache.analyse(draft, product.value, ruleSet.value);
  const { space, findings } = analysis;
  const diagnostics = sorted(draft, [...findings.map((finding) => fromFinding(draft, finding)), ...redundancyNote(draft, analysis.redundancySkipped)]);
  // These two findings are exactly what `loadCatalogEntry` refuses to publish (no design at all,
  // a preset that is not a valid design); without them the draft is an entry as it would ship.
  const publishable = !findings.some((finding) => finding.code === 'no-valid-design' || finding.code === 'preset-invalid');
  return {
    diagnostics,
    ...(publishable ? { entry: { product: product.value, ruleSet: ruleSet.value, rulesVersion: analysis.rulesVersion, compiled: analysis.compiled } } : {}),
    counts: { designs: analysis.designs },
    product: product.value,
    ruleSet: ruleSet.value,
    space,
  };
}

/** Says, at the top of the rules file, that redundant rules were not looked for in a draft this large. */
function redundancyNote(draft: Draft, rows: number | undefined): Diagnostic[] {
  if (rows === undefined) return [];
  return [{
    file: draft.rules.file, ...rangeOf(draft.rules, undefined), severity: 'info', code: 'redundant-rule', ruleIds: [],
    message: `redundant rules are not looked for while you type: the tables have ${rows} rows (more than ${REDUNDANCY_CHECK_MAX_ROWS}), and each rule would be compiled once more`,
    fix: `run npm run rules -- check --strict ${draft.rules.file} to list rules that the others already imply`,
  }];
}

function fromProblem(draft: Draft, loading: SourceFile, problem: Problem, ruleIds: readonly (string | undefined)[] = []): Diagnostic {
  const source = sourceNamed(draft, problem.location?.file) ?? loading;
  const range = rangeOf(source, problem.location);
  const suggestion = /did you mean "([^"]+)"/.exec(problem.hint)?.[1];
  const written = source.text.slice(range.from, range.to).replace(/^["']|["']$/g, '');
  const edit = suggestion !== undefined && written !== suggestion && written.length > 0
    ? { edit: { from: range.from, to: range.to, insert: suggestion, label: `Replace with "${suggestion}"` } }
    : {};
  return {
    file: source.file,
    ...range,
    severity: 'error',
    code: 'load',
    message: problem.path ? `${problem.path}: ${problem.message}` : problem.message,
    fix: problem.hint,
    ruleIds: ruleIdOfPath(ruleIds, problem.path),
    ...edit,
  };
}

function fromFinding(draft: Draft, finding: LintFinding): Diagnostic {
  // A finding with no node of its own (a conflict of generated rules) is shown at the top of the rules file.
  const source = sourceNamed(draft, finding.location?.file) ?? draft.rules;
  return {
    file: source.file,
    ...rangeOf(source, finding.location),
    severity: finding.severity,
    code: finding.code,
    message: finding.message,
    fix: finding.hint,
    ruleIds: finding.ruleIds,
    ...(finding.attribute !== undefined ? { attribute: finding.attribute } : {}),
    ...(finding.option !== undefined ? { option: finding.option } : {}),
  };
}

function sourceNamed(draft: Draft, file: string | undefined): SourceFile | undefined {
  if (file === draft.rules.file) return draft.rules;
  if (file === draft.product.file) return draft.product;
  const name = Object.keys(draft.tables ?? {}).find((candidate) => tableFileOf(draft.rules.file, candidate) === file);
  return name === undefined ? undefined : { file: file!, text: draft.tables![name]! };
}

function tableText(draft: Draft, name: string): string | undefined {
  return draft.tables && Object.hasOwn(draft.tables, name) ? draft.tables[name] : undefined;
}

function rangeOf(source: SourceFile, location: { readonly line: number; readonly column: number } | undefined) {
  const token = tokenAt(source.text, location ? offsetOf(source.text, location.line, location.column) : 0);
  return { ...token, ...lineColumnOf(source.text, token.from) };
}

/** The id written in each item of the rules file's `rules:` list (undefined where none is), read once per check. */
function writtenRuleIds(rules: SourceFile): (string | undefined)[] {
  const list = (parseYamlSource(rules.file, rules.text).data as { rules?: unknown } | null | undefined)?.rules;
  return Array.isArray(list) ? list.map((raw) => {
    const id = (raw as { id?: unknown } | null | undefined)?.id;
    return typeof id === 'string' ? id : undefined;
  }) : [];
}

/** A load problem inside a rule (`rules[3].then…`) is about that rule, when the rule has an id. */
function ruleIdOfPath(ruleIds: readonly (string | undefined)[], path: string): readonly string[] {
  const index = /^rules\[(\d+)\]/.exec(path)?.[1];
  const id = index === undefined ? undefined : ruleIds[Number(index)];
  return id === undefined ? [] : [id];
}

function sorted(draft: Draft, diagnostics: readonly Diagnostic[]): Diagnostic[] {
  const fileOrder = (file: string) => (file === draft.rules.file ? 0 : 1);
  return [...diagnostics].sort((a, b) => fileOrder(a.file) - fileOrder(b.file) || a.from - b.from || a.to - b.to);
}
