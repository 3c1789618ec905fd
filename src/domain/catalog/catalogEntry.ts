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
  // `source` positions change with formatting, not with meaning. They are left out by a copy, not
  // by a replacer: a replacer is called for every cell of a 200k-row table (300 ms a version).
  const canonical = JSON.stringify(withoutSources({ product, ruleSet }));
  return sha256Hex(canonical).slice(0, 16);
}

/**
 * `value` as `JSON.stringify(value, (key, v) => (key === 'source' ? undefined : v))` would write
 * it: every `source` key left out, every part without one shared (a table's rows are not copied).
 */
function withoutSources(value: unknown): unknown {
  if (typeof value !== 'object' || value === null || typeof (value as { toJSON?: unknown }).toJSON === 'function') return value;
  if (Array.isArray(value)) {
    let copy: unknown[] | undefined;
    for (let index = 0; index < value.length; index++) {
      const item: unknown = value[index];
      if (typeof item !== 'object' || item === null) continue;
      const kept = withoutSources(item);
      if (kept !== item) (copy ??= value.slice())[index] = kept;
    }
    return copy ?? value;
  }
  let copy: Record<string, unknown> | undefined;
  const keys = Object.keys(value);
  for (const key of keys) {
    const item = (value as Record<string, unknown>)[key];
    const kept = key === 'source' ? undefined : withoutSources(item);
    if (kept === item) continue;
    copy ??= Object.fromEntries(keys.map((name) => [name, (value as Record<string, unknown>)[name]]));
    if (kept === undefined) delete copy[key];
    else copy[key] = kept;
  }
  return copy ?? value;
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
