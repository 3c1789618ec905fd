// The real sneaker product and rules, loaded the way the server loads them.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { compileRules, type CatalogEntry, type ConfigurationSpace, type SourceFile } from '../../../src/domain/index.ts';
import { loadCatalogFromDisk } from '../../../src/server/catalogFiles.ts';

export const ROOT = process.cwd();
export const PRODUCT_FILE = 'models/sneaker/product.yaml';
export const RULES_FILE = 'rules/sneaker.rules.yaml';

/** The sneaker's files as the catalogue reads them (paths relative to the project root). */
export const sneakerSources: { readonly product: SourceFile; readonly rules: SourceFile } = {
  product: { file: PRODUCT_FILE, text: readFileSync(join(ROOT, PRODUCT_FILE), 'utf8') },
  rules: { file: RULES_FILE, text: readFileSync(join(ROOT, RULES_FILE), 'utf8') },
};

/** The loaded sneaker catalogue entry; throws with every problem when the real files do not load. */
export function loadSneaker(): { entry: CatalogEntry; space: ConfigurationSpace } {
  const { entries, problems } = loadCatalogFromDisk(ROOT);
  if (problems.length > 0) throw new Error(`the real catalogue does not load:\n${problems.join('\n')}`);
  const entry = entries.find((candidate) => candidate.product.id === 'sneaker');
  if (!entry) throw new Error('no sneaker in the catalogue');
  return { entry, space: compileRules(entry.product, entry.ruleSet) };
}
