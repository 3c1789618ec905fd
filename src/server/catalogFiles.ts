import { readFontMetrics } from './fontFiles.ts';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, dirname, join, relative } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { compileRules, findingAsProblem, formatProblem, lintRules, loadCatalogEntry, type CatalogEntry, type PrintAtlas, type PrintZone, type Problem, type ReadTable } from '../domain/index.ts';
import type { TableTexts } from './repository/tableTexts.ts';

/** Where a product's files live, relative to the project root. */
export interface CatalogFilePaths {
  readonly productFile: string;
  readonly rulesFile: string;
}

/** The product and rules files of every product: `models/<id>/product.yaml` with `rules/<id>.rules.yaml`. */
export function findCatalogFiles(rootDir: string): CatalogFilePaths[] {
  const modelsDir = join(rootDir, 'models');
  return readdirSync(modelsDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(join(modelsDir, entry.name, 'product.yaml')))
    .map((entry) => entry.name)
    .sort()
    .map((id) => ({ productFile: join(modelsDir, id, 'product.yaml'), rulesFile: join(rootDir, 'rules', `${id}.rules.yaml`) }));
}

/** A product's two files as text, each with the name its problems are reported under, and the CSV tables its rules file names. */
export interface CatalogSources {
  readonly product: { readonly file: string; readonly text: string };
  readonly rules: { readonly file: string; readonly text: string };
  /** Text by name as the rules file writes it (`rows: { csv: <name> }`); absent or empty: none. */
  readonly tables?: TableTexts;
}

/**
 * Loads and checks one product from its files' text, as {@link loadCatalogFromDisk} does for each
 * product: the print zones come from `models/<id>/printZones.json` and the fonts from `rootDir`;
 * the CSV tables through `options.readTable`, else from `sources.tables`, else beside the rules file.
 * With `strict` (what publishing always asks), the strict lint's errors are problems too. Problems
 * are formatted `file:line:column path: message. Fix: hint`.
 *
 * @example
 * const loaded = catalogEntryFromSources(rootDir, { product: { file: 'models/sneaker/product.yaml', text }, rules: { file: 'rules/sneaker.rules.yaml', text: rules } }, { strict: true });
 * if (!loaded.ok) console.error(loaded.problems.join('\n'));
 */
export function catalogEntryFromSources(rootDir: string, sources: CatalogSources, options: { strict?: boolean; readTable?: ReadTable } = {}): { ok: true; entry: CatalogEntry } | { ok: false; problems: string[] } {
  const { entry, problems } = checkSources(rootDir, sources, options);
  return entry && problems.length === 0 ? { ok: true, entry } : { ok: false, problems };
}

/** The entry when the files load (even with problems of the lint or the print zones, which the project's load reports beside it), and every problem. */
function checkSources(rootDir: string, sources: CatalogSources, options: { strict?: boolean; readTable?: ReadTable }): { entry?: CatalogEntry; problems: string[] } {
  const readTable = options.readTable ?? (sources.tables ? tableReaderOf(sources.tables) : tableReaderBeside(join(rootDir, sources.rules.file)));
  const result = loadCatalogEntry(sources.product, sources.rules, { readTable });
  if (!result.ok) return { problems: result.problems.map((problem: Problem) => formatProblem(problem)) };
  const problems = options.strict ? strictProblems(result.value, sources) : [];
  const atlas = readPrintAtlas(join(rootDir, 'models', result.value.product.id, 'printZones.json'), result.value, problems);
  return { entry: withFonts(rootDir, atlas ? { ...result.value, printAtlas: atlas } : result.value), problems };
}

/**
 * Reads the CSV tables a rules file names (`rows: { csv: <name> }`) from the rules file's folder;
 * undefined for a name that is not a plain file name there or a file that is not there.
 */
export function tableReaderBeside(rulesPath: string): ReadTable {
  const folder = dirname(rulesPath);
  return (name) => {
    if (basename(name) !== name || name.startsWith('.')) return undefined;
    const path = join(folder, name);
    return existsSync(path) ? readFileSync(path, 'utf8') : undefined;
  };
}

/**
 * Reads tables through `read` and keeps each one read, by name: after a load, `tables` holds
 * exactly the tables the rules file named and found (what a version is made from, to record with it).
 */
export function recordingTableReader(read: ReadTable): { readonly read: ReadTable; readonly tables: Record<string, string> } {
  const tables: Record<string, string> = {};
  return {
    tables,
    read: (name) => {
      const text = read(name);
      if (text !== undefined) tables[name] = text;
      return text;
    },
  };
}

/** Reads tables from `tables` alone (a draft's or a request's): a name it does not hold is not there. */
export function tableReaderOf(tables: TableTexts): ReadTable {
  return (name) => (Object.hasOwn(tables, name) ? tables[name] : undefined);
}

/**
 * The names of the CSV tables a rules file's text names (`rows: { csv: <name> }` in its rules), in
 * the order written; none when the text is not YAML (its load reports that).
 */
export function tableNamesIn(rulesText: string): string[] {
  let data: unknown;
  try {
    data = parseYaml(rulesText);
  } catch {
    return [];
  }
  const rules = (data as { rules?: unknown } | null | undefined)?.rules;
  if (!Array.isArray(rules)) return [];
  const names = rules.map((rule) => ((rule as { rows?: { csv?: unknown } } | null | undefined)?.rows as { csv?: unknown } | null | undefined)?.csv);
  return [...new Set(names.filter((name): name is string => typeof name === 'string'))];
}

/** The CSV tables a rules file names that are on disk beside it, by name. */
export function readTablesBeside(rulesPath: string, rulesText: string): Record<string, string> {
  const read = tableReaderBeside(rulesPath);
  const tables: Record<string, string> = {};
  for (const name of tableNamesIn(rulesText)) {
    const text = read(name);
    if (text !== undefined) tables[name] = text;
  }
  return tables;
}

/**
 * The text of a product's two files as they are on disk now (paths relative to `rootDir`), with
 * the CSV tables the rules file names, or undefined when either file is missing.
 */
export function readCatalogSources(rootDir: string, productId: string): Required<CatalogSources> | undefined {
  const product = join('models', productId, 'product.yaml');
  const rules = join('rules', `${productId}.rules.yaml`);
  if (!existsSync(join(rootDir, product)) || !existsSync(join(rootDir, rules))) return undefined;
  const rulesText = readFileSync(join(rootDir, rules), 'utf8');
  return { product: { file: product, text: readFileSync(join(rootDir, product), 'utf8') }, rules: { file: rules, text: rulesText }, tables: readTablesBeside(join(rootDir, rules), rulesText) };
}

/**
 * Loads and checks every product of the project. Returns the entries, or every problem found,
 * formatted `file:line:column path: message. Fix: hint` with paths relative to `rootDir`.
 * With `strict` (the shipped catalog's build), the files must also pass `rules check --strict`:
 * every error finding of the strict lint is a problem.
 */
export function loadCatalogFromDisk(rootDir: string, options: { strict?: boolean } = {}): { entries: CatalogEntry[]; problems: string[] } {
  const entries: CatalogEntry[] = [];
  const problems: string[] = [];
  for (const paths of findCatalogFiles(rootDir)) {
    const productFile = relative(rootDir, paths.productFile);
    const rulesFile = relative(rootDir, paths.rulesFile);
    if (!existsSync(paths.rulesFile)) {
      problems.push(`${productFile}: the product has no rules file. Fix: create ${rulesFile} (it may hold just "product: <id>" and "rules: []")`);
      continue;
    }
    const sources = { product: { file: productFile, text: readFileSync(paths.productFile, 'utf8') }, rules: { file: rulesFile, text: readFileSync(paths.rulesFile, 'utf8') } };
    const loaded = checkSources(rootDir, sources, options);
    if (loaded.entry) entries.push(loaded.entry);
    problems.push(...loaded.problems);
  }
  return { entries, problems };
}

/** The strict lint's errors for an entry that loads (its compiled diagram is reused). */
function strictProblems(entry: CatalogEntry, sources: CatalogSources): string[] {
  const space = compileRules(entry.product, entry.ruleSet, { artifact: entry.compiled });
  return lintRules(space, { strict: true, ruleSet: entry.ruleSet, sources })
    .filter((finding) => finding.severity === 'error')
    .map((finding) => `${formatProblem(findingAsProblem(finding))} (rules check --strict)`);
}

/** The entry with the metrics of every font its personalisation fields offer. */
function withFonts(rootDir: string, entry: CatalogEntry): CatalogEntry {
  const fontIds = [...new Set((entry.ruleSet.personalisation ?? []).flatMap((field) => (field.kind === 'text' ? field.fonts : [])))];
  if (fontIds.length === 0) return entry;
  return { ...entry, fonts: Object.fromEntries(fontIds.map((fontId) => [fontId, readFontMetrics(rootDir, fontId)])) };
}

/**
 * The model's print zones, when its generator wrote them; each personalisation field must name a
 * zone that holds its text box (reported otherwise, so a merchandiser finds it before customers).
 */
function readPrintAtlas(file: string, entry: CatalogEntry, problems: string[]): PrintAtlas | undefined {
  if (!existsSync(file)) {
    for (const field of entry.ruleSet.personalisation ?? []) problems.push(`${relative(process.cwd(), file)}: is missing, but ${field.id} prints on "${field.placement}". Fix: regenerate the model (npm run models), which writes its print zones`);
    return undefined;
  }
  const raw = JSON.parse(readFileSync(file, 'utf8')) as { atlasSize: number; zones: Record<string, PrintZone> };
  const atlas: PrintAtlas = {
    atlasSize: raw.atlasSize,
    zones: Object.fromEntries(Object.entries(raw.zones).map(([id, zone]) => [id, { widthMm: zone.widthMm, heightMm: zone.heightMm, uv: zone.uv, meshes: zone.meshes }])),
  };
  for (const field of entry.ruleSet.personalisation ?? []) {
    const zone = atlas.zones[field.placement];
    const where = field.source ? `${field.source.file}:${field.source.line}:${field.source.column}` : entry.product.id;
    if (!zone) problems.push(`${where}: ${field.id} prints on "${field.placement}", which is not a print zone of the model. Fix: use one of ${Object.keys(atlas.zones).join(', ')}`);
    else if (field.widthMm > zone.widthMm + 1e-6 || (field.kind === 'artwork' ? field.topMm : 0) + field.heightMm > zone.heightMm + 1e-6) problems.push(`${where}: ${field.id} is ${field.widthMm} × ${field.heightMm} mm${field.kind === 'artwork' && field.topMm > 0 ? `, ${field.topMm} mm below the top,` : ''} larger than its zone "${field.placement}" (${zone.widthMm} × ${zone.heightMm} mm). Fix: make it fit the zone`);
  }
  return atlas;
}
