import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import {
  compileRules,
  compileTableProblem,
  loadCatalogEntry,
  loadProduct,
  loadRules,
  loadTableProblem,
  looksLikeTableProblem,
  type ConfigurationSpace,
  type LintSource,
  type Problem,
  type Product,
  type RuleSet,
  type SourceLocation,
  type TableProblem,
} from '../domain/index.ts';
import { knownNamesHint } from '../domain/shared/index.ts';
import { findCatalogFiles, tableReaderBeside } from '../server/catalogFiles.ts';
import { CliError } from './cliErrors.ts';

/** A rules source, loaded and compiled: a product with its rules file, or a table problem. */
export interface LoadedModel {
  readonly kind: 'product' | 'table';
  /** The file as named on the command line. */
  readonly file: string;
  readonly space: ConfigurationSpace;
  /** The product's rules (empty for a table problem: it has no defaults). */
  readonly ruleSet: RuleSet;
  /** Where each rule (or table) is written. */
  readonly locations: ReadonlyMap<string, SourceLocation>;
  /** A product's files, so lint can point at the exact node (absent for a table problem). */
  readonly sources?: { readonly product: LintSource; readonly rules: LintSource };
  /** Compiles the same rules without one rule (for redundancy checks). */
  recompileWithout(ruleId: string): ConfigurationSpace;
}

/** What `check` gets: the model when the files load, plus publish problems (presets breaking rules). */
export type CheckedLoad =
  | { readonly ok: true; readonly model: LoadedModel; readonly publishProblems: readonly Problem[] }
  | { readonly ok: false; readonly problems: readonly Problem[] };

/** Reads a file's text, or fails with a message naming the file. */
export function readSource(file: string, cwd: string): string {
  const path = resolve(cwd, file);
  if (!existsSync(path)) throw new CliError(`${file}: no such file`);
  if (statSync(path).isDirectory()) throw new CliError(`${file}: is a folder; give a rules file (rules/<id>.rules.yaml) or a table problem (.json)`);
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    throw new CliError(`${file}: cannot read the file (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
  }
}

/** Loads a rules file or table problem for `count`, `domains`, `explain` and `compile`; throws {@link CliError} when it does not load. */
export function loadModel(file: string, cwd: string): LoadedModel {
  const result = loadForCheck(file, cwd, { publishChecks: true });
  if (!result.ok) throw new CliError(`${file} does not load`, 1, result.problems);
  if (result.publishProblems.length > 0) throw new CliError(`${file} cannot be published`, 1, result.publishProblems);
  return result.model;
}

/**
 * Loads a rules file or table problem. Load problems are returned, not thrown, so `check` can
 * report them with the other files' results; missing or unreadable files still throw.
 */
export function loadForCheck(file: string, cwd: string, options: { publishChecks: boolean } = { publishChecks: true }): CheckedLoad {
  const text = readSource(file, cwd);
  if (looksLikeTableProblem(text) || file.toLowerCase().endsWith('.json')) return loadTableFile(file, text);
  return loadRulesFile(file, text, cwd, options.publishChecks);
}

function loadTableFile(file: string, text: string): CheckedLoad {
  const loaded = loadTableProblem(file, text);
  if (!loaded.ok) return { ok: false, problems: loaded.problems };
  const problem = loaded.value;
  const compileWithout = (ruleId: string) => compileTableProblem({ ...problem, constraints: problem.constraints.filter((constraint) => constraint.id !== ruleId) });
  return {
    ok: true,
    publishProblems: [],
    model: {
      kind: 'table',
      file,
      space: compileTableProblem(problem),
      ruleSet: { productId: problem.name, rules: [] },
      locations: tableLocations(file, text, problem),
      recompileWithout: compileWithout,
    },
  };
}

/**
 * The line of each table's id. The shared format holds one constraint per line, so the first
 * `"id"` on a line after `"constraints"` is that constraint's; positions are a courtesy and are
 * simply missing when the layout differs.
 */
function tableLocations(file: string, text: string, problem: TableProblem): Map<string, SourceLocation> {
  const locations = new Map<string, SourceLocation>();
  const ids = new Set(problem.constraints.map((constraint) => constraint.id));
  const start = text.indexOf('"constraints"');
  if (start < 0) return locations;
  let line = 1;
  for (let index = text.indexOf('\n'); index >= 0 && index < start; index = text.indexOf('\n', index + 1)) line++;
  const lines = text.slice(text.lastIndexOf('\n', start) + 1).split('\n');
  const idPattern = /"id"\s*:\s*"((?:[^"\\]|\\.)*)"/;
  lines.forEach((content, offset) => {
    const match = idPattern.exec(content);
    if (!match) return;
    const id = JSON.parse(`"${match[1]!}"`) as string;
    if (ids.has(id) && !locations.has(id)) locations.set(id, { file, line: line + offset, column: match.index + 1 });
  });
  return locations;
}

function loadRulesFile(file: string, text: string, cwd: string, publishChecks: boolean): CheckedLoad {
  const productId = /^product:\s*["']?([^\s"'#]+)/m.exec(text)?.[1];
  if (!productId) {
    const looksLikeProduct = /^(parts|materials|colours):/m.test(text);
    return {
      ok: false,
      problems: [{
        path: 'product',
        message: looksLikeProduct ? 'this is a product file, not a rules file' : 'the rules file does not say which product it is for',
        hint: looksLikeProduct ? 'give the product\'s rules file, rules/<id>.rules.yaml' : 'add "product: <id>" at the top, naming models/<id>/product.yaml',
        location: { file, line: 1, column: 1 },
      }],
    };
  }
  const productPath = findProductFile(file, productId, cwd);
  const productFile = relative(cwd, productPath) || productPath;
  const productSource = { file: productFile, text: readSource(productPath, cwd) };
  const rulesSource = { file, text };
  const product = loadProduct(productSource.file, productSource.text);
  if (!product.ok) return { ok: false, problems: product.problems };
  const readTable = tableReaderBeside(resolve(cwd, file));
  const ruleSet = loadRules(product.value, rulesSource.file, rulesSource.text, { readTable });
  if (!ruleSet.ok) return { ok: false, problems: ruleSet.problems };
  // loadCatalogEntry adds the publish checks: presets must be valid designs, some design must exist.
  const entry = publishChecks ? loadCatalogEntry(productSource, rulesSource, { readTable }) : undefined;
  const publishProblems = entry && !entry.ok ? entry.problems : [];
  return { ok: true, publishProblems, model: productModel(file, product.value, ruleSet.value, { product: productSource, rules: rulesSource }) };
}

function productModel(file: string, product: Product, ruleSet: RuleSet, sources: LoadedModel['sources']): LoadedModel {
  const locations = new Map<string, SourceLocation>();
  for (const rule of ruleSet.rules) if (rule.source) locations.set(rule.id, rule.source);
  return {
    kind: 'product',
    file,
    space: compileRules(product, ruleSet),
    ruleSet,
    locations,
    sources,
    recompileWithout: (ruleId) => compileRules(product, { ...ruleSet, rules: ruleSet.rules.filter((rule) => rule.id !== ruleId) }),
  };
}

/** `models/<id>/product.yaml` beside the rules folder, else under the working folder. */
function findProductFile(rulesFile: string, productId: string, cwd: string): string {
  const roots = [resolve(cwd, dirname(rulesFile), '..'), cwd];
  for (const root of roots) {
    const candidate = join(root, 'models', productId, 'product.yaml');
    if (existsSync(candidate)) return candidate;
  }
  const known = roots.flatMap((root) => (existsSync(join(root, 'models')) ? findCatalogFiles(root).map((paths) => relative(join(root, 'models'), dirname(paths.productFile))) : []));
  const hint = known.length > 0 ? knownNamesHint(productId, [...new Set(known)], 'products') : 'run the command from the project folder, where models/<id>/product.yaml lives';
  throw new CliError(`${rulesFile}: product "${productId}" not found (looked for models/${productId}/product.yaml). Fix: ${hint}`);
}
