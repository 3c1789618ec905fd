import { compileRules } from '../engine/index.ts';
import { findAmong } from '../engine/index.ts';
import type { FontMetrics } from '../personalisation/index.ts';
import type { PrintAtlas } from '../personalisation/index.ts';
import type { ConfigurationSpace } from '../engine/index.ts';
import { loadProduct } from '../product/index.ts';
import { loadRules, type LoadRulesOptions } from '../rules/index.ts';
import { failed, ok, type Problem, type Result } from '../shared/index.ts';
import type { Product } from '../product/index.ts';
import type { RuleSet } from '../rules/index.ts';
import type { SerialisedDiagram } from '../engine/index.ts';
import { sha256Hex } from '../shared/index.ts';
import { parseYamlSource } from '../shared/index.ts';

/** A product with its rules and their version: plain data, safe to serialise and ship to the browser. */
export interface CatalogEntry {
  readonly product: Product;
  readonly ruleSet: RuleSet;
  /** Content hash of product and rules; designs and orders carry it. */
  readonly rulesVersion: string;
  /** The compiled rules, so the browser loads them instead of compiling (pass to `compileRules`). */
  readonly compiled?: SerialisedDiagram;
  /** Widths of the fonts the personalisation fields offer, by font id (read from the font files when the catalog is built). */
  readonly fonts?: Readonly<Record<string, FontMetrics>>;
  /** The model's print zones (`models/<id>/printZones.json`), when it has any. */
  readonly printAtlas?: PrintAtlas;
}

/** A source file's name and text. */
export interface SourceFile {
  readonly file: string;
  readonly text: string;
}

/**
 * Loads a product file and its rules file, checks both, checks that the product's presets are
 * valid designs under the rules and that at least one valid design exists, and computes the
 * rules version. `options.readTable` reads the CSV tables the rules file names.
 */
export function loadCatalogEntry(productSource: SourceFile, rulesSource: SourceFile, options: LoadRulesOptions = {}): Result<CatalogEntry> {
  const product = loadProduct(productSource.file, productSource.text);
  if (!product.ok) return product;
  const ruleSet = loadRules(product.value, rulesSource.file, rulesSource.text, options);
  if (!ruleSet.ok) return ruleSet;
  const space = compileRules(product.value, ruleSet.value);
  const problems = checkPublishable(space, ruleSet.value, productSource);
  if (problems.length > 0) return failed(problems);
  return ok({ product: product.value, ruleSet: ruleSet.value, rulesVersion: rulesVersionOf(product.value, ruleSet.value), compiled: space.serialise() });
}

/** The content hash identifying a product and its rules (ignores comments, formatting and file positions). */
export function rulesVersionOf(product: Product, ruleSet: RuleSet): string {
  // `source` positions change with formatting, not with meaning.
  return sha256Hex(canonicalJson({ product, ruleSet }) ?? 'null').slice(0, 16);
}

/**
 * `value` as `JSON.stringify(value, (key, v) => (key === 'source' ? undefined : v))` writes it, for
 * plain data, without a replacer called for every cell of a 200k-row table (300 ms a version): a
 * table's rows (an array of arrays of strings) are written by `JSON.stringify` once and kept with
 * the array, so the rules studio's next version reuses every table its edit left unchanged. Loaded
 * rows are never changed in place.
 */
function canonicalJson(value: unknown): string | undefined {
  if (typeof value !== 'object' || value === null || typeof (value as { toJSON?: unknown }).toJSON === 'function') return JSON.stringify(value);
  if (Array.isArray(value)) {
    const rows = rowsJson(value);
    if (rows !== undefined) return rows;
    return `[${Array.from(value, (item) => canonicalJson(item) ?? 'null').join(',')}]`;
  }
  const members: string[] = [];
  for (const key of Object.keys(value)) {
    if (key === 'source') continue;
    const written = canonicalJson((value as Record<string, unknown>)[key]);
    if (written !== undefined) members.push(`${JSON.stringify(key)}:${written}`);
  }
  return `{${members.join(',')}}`;
}

const ROWS_KEPT_FROM = 64;
const rowsJsonKept = new WeakMap<object, string>();

/** The JSON of an array of arrays of strings (a table's rows) of some length, kept with the array; undefined for any other array. */
function rowsJson(array: readonly unknown[]): string | undefined {
  if (array.length < ROWS_KEPT_FROM) return undefined;
  const kept = rowsJsonKept.get(array);
  if (kept !== undefined) return kept;
  for (const row of array) {
    if (!Array.isArray(row)) return undefined;
    for (const cell of row) if (typeof cell !== 'string') return undefined;
  }
  const json = JSON.stringify(array);
  rowsJsonKept.set(array, json);
  return json;
}

function checkPublishable(space: ConfigurationSpace, ruleSet: RuleSet, productSource: SourceFile): Problem[] {
  const problems: Problem[] = [];
  const located = parseYamlSource(productSource.file, productSource.text);
  if (!space.isConsistent({})) {
    const conflict = findAmong(space, space.constraints.map((constraint) => constraint.ruleId), {});
    const first = ruleSet.rules.find((rule) => conflict.includes(rule.id));
    problems.push({
      path: 'rules',
      message: `no design satisfies all the hard rules: ${conflict.map((id) => `"${id}"`).join(', ')} cannot all hold together`,
      hint: `relax or remove one of ${conflict.join(', ')}: dropping any one of them resolves this conflict`,
      ...(first?.source ? { location: first.source } : {}),
    });
  }
  space.product.presets.forEach((preset, index) => {
    if (space.isConsistent(preset.choices)) return;
    const broken = space.constraints.filter((constraint) => !space.isConsistentUnder([constraint.ruleId], preset.choices)).map((c) => `"${c.ruleId}" (${c.message})`);
    problems.push(located.problem(['presets', index, 'choices'], `preset "${preset.id}" is not a valid design${broken.length ? `: it breaks ${broken.join(', ')}` : ''}`, 'change the preset\'s choices so they satisfy the rules, or relax the rule'));
  });
  return problems;
}
