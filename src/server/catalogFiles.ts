import { readFontMetrics } from './fontFiles.ts';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { formatProblem, loadCatalogEntry, type CatalogEntry, type Problem } from '../domain/index.ts';

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

/**
 * Loads and checks every product of the project. Returns the entries, or every problem found,
 * formatted `file:line:column path: message. Fix: hint` with paths relative to `rootDir`.
 */
export function loadCatalogFromDisk(rootDir: string): { entries: CatalogEntry[]; problems: string[] } {
  const entries: CatalogEntry[] = [];
  const problems: string[] = [];
  for (const paths of findCatalogFiles(rootDir)) {
    const productFile = relative(rootDir, paths.productFile);
    const rulesFile = relative(rootDir, paths.rulesFile);
    if (!existsSync(paths.rulesFile)) {
      problems.push(`${productFile}: the product has no rules file. Fix: create ${rulesFile} (it may hold just "product: <id>" and "rules: []")`);
      continue;
    }
    const result = loadCatalogEntry(
      { file: productFile, text: readFileSync(paths.productFile, 'utf8') },
      { file: rulesFile, text: readFileSync(paths.rulesFile, 'utf8') },
    );
    if (result.ok) entries.push(withFonts(rootDir, result.value));
    else problems.push(...result.problems.map((problem: Problem) => formatProblem(problem)));
  }
  return { entries, problems };
}

/** The entry with the metrics of every font its personalisation fields offer. */
function withFonts(rootDir: string, entry: CatalogEntry): CatalogEntry {
  const fontIds = [...new Set((entry.ruleSet.personalisation ?? []).flatMap((field) => field.fonts))];
  if (fontIds.length === 0) return entry;
  return { ...entry, fonts: Object.fromEntries(fontIds.map((fontId) => [fontId, readFontMetrics(rootDir, fontId)])) };
}
