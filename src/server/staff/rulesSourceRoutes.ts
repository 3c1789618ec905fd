// GET /api/staff/rules/:productId/sources: the files of a product's current rules version (the
// product and rules files, and the CSV tables the rules file names), for the rules studio to open. The files are read from the database (`rules_sources`, recorded when
// a version is published); a version published before the files were recorded is answered from
// the project's own `models/` and `rules/` when they make that very version.
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import type { Hono } from 'hono';
import { describeRoute } from 'hono-openapi';
import { loadProduct, loadRules, rulesVersionOf } from '../../domain/index.ts';
import { apiError, errorResponse } from '../apiError.ts';
import type { Catalog } from '../catalog.ts';
import { findCatalogFiles, readTablesBeside, tableReaderOf } from '../catalogFiles.ts';
import type { Repository } from '../repository.ts';
import type { RulesSources } from '../repository/rulesSourceStore.ts';
import { json, route } from '../routeDocs.ts';
import { requireStaff } from './staffAuth.ts';

/** What the route needs. */
export interface RulesSourceRouteDeps {
  readonly repository: Pick<Repository, 'findRulesSources'>;
  readonly catalog: Pick<Catalog, 'current'>;
  /** Where `models/` and `rules/` are read from when the database has no files for the version. */
  readonly rootDir: string;
}

/** The answer: the current version, its two files, and its CSV tables by name as the rules file writes them (`{}`: none). */
export interface RulesSourcesAnswer {
  readonly rulesVersion: string;
  readonly product: { readonly file: string; readonly text: string };
  readonly rules: { readonly file: string; readonly text: string };
  readonly tables: Readonly<Record<string, string>>;
}

const DOCS = describeRoute(route(
  'staff',
  'The product and rules files of a product\'s current rules version, for the rules studio (merchandiser)',
  { 200: json('`{ rulesVersion, product: { file, text }, rules: { file, text }, tables: { "<name>.csv": text } }`') },
  [401, 403, 404],
));

/** Registers the route (after the staff routes, whose middleware identifies the caller). */
export function registerRulesSourceRoutes(app: Hono, deps: RulesSourceRouteDeps): void {
  const filesVersions = new FilesVersions();
  app.get('/api/staff/rules/:productId/sources', DOCS, requireStaff({ role: 'merchandiser', tokens: true }), async (c) => {
    const productId = c.req.param('productId');
    const current = deps.catalog.current.get(productId);
    if (!current) {
      return errorResponse(apiError(404, 'unknown_product', `there is no product "${productId.slice(0, 80)}"`, `use one of: ${[...deps.catalog.current.keys()].join(', ')}`));
    }
    const { rulesVersion } = current.entry;
    const sources = await findVersionSources(deps, filesVersions, productId, rulesVersion);
    if ('missing' in sources) {
      return errorResponse(apiError(404, 'not_found', `the files of rules version "${rulesVersion}" of "${productId}" were not recorded, and ${sources.missing}`,
        `publish the product's files again (npm run rules -- publish ${productId} --message "…"): publishing records them, and the studio opens them from then on`));
    }
    const answer: RulesSourcesAnswer = { rulesVersion, product: sources.product, rules: sources.rules, tables: sources.tables ?? {} };
    return c.json(answer, 200, { 'Cache-Control': 'no-store' });
  });
}

/**
 * The files a product's rules version was made from: as recorded in the database, else the
 * project's own files when they make that very version, else why neither could be had.
 */
export async function findVersionSources(deps: Pick<RulesSourceRouteDeps, 'repository' | 'rootDir'>, filesVersions: FilesVersions, productId: string, rulesVersion: string): Promise<RulesSources | { readonly missing: string }> {
  return await deps.repository.findRulesSources(productId, rulesVersion) ?? filesVersions.ofVersion(deps.rootDir, productId, rulesVersion);
}

/**
 * The version the project's files make (with the CSV tables beside the rules file), computed again
 * only when a file's text changed (loading both files takes a few hundred milliseconds).
 */
export class FilesVersions {
  private readonly known = new Map<string, { readonly productText: string; readonly rulesText: string; readonly tables: Readonly<Record<string, string>>; readonly version: string | undefined }>();

  ofVersion(rootDir: string, productId: string, rulesVersion: string): RulesSources | { readonly missing: string } {
    const paths = findCatalogFiles(rootDir).find((candidate) => relative(rootDir, candidate.productFile).split(/[\\/]/)[1] === productId);
    if (!paths) return { missing: 'the project has no files for it' };
    let productText: string;
    let rulesText: string;
    try {
      productText = readFileSync(paths.productFile, 'utf8');
      rulesText = readFileSync(paths.rulesFile, 'utf8');
    } catch {
      return { missing: 'the project\'s files for it cannot be read' };
    }
    const product = { file: relative(rootDir, paths.productFile), text: productText };
    const rules = { file: relative(rootDir, paths.rulesFile), text: rulesText };
    const tables = readTablesBeside(paths.rulesFile, rulesText);
    const version = this.versionOf(productId, product, rules, tables);
    if (version !== rulesVersion) return { missing: version === undefined ? 'the project\'s files for it do not load' : `the project's files make another version ("${version}")` };
    return { productId, rulesVersion, product, rules, tables };
  }

  private versionOf(productId: string, product: { file: string; text: string }, rules: { file: string; text: string }, tables: Readonly<Record<string, string>>): string | undefined {
    const cached = this.known.get(productId);
    if (cached && cached.productText === product.text && cached.rulesText === rules.text && sameTables(cached.tables, tables)) return cached.version;
    const loadedProduct = loadProduct(product.file, product.text);
    const ruleSet = loadedProduct.ok ? loadRules(loadedProduct.value, rules.file, rules.text, { readTable: tableReaderOf(tables) }) : undefined;
    const version = loadedProduct.ok && ruleSet?.ok ? rulesVersionOf(loadedProduct.value, ruleSet.value) : undefined;
    this.known.set(productId, { productText: product.text, rulesText: rules.text, tables, version });
    return version;
  }
}

function sameTables(a: Readonly<Record<string, string>>, b: Readonly<Record<string, string>>): boolean {
  const names = Object.keys(a);
  return names.length === Object.keys(b).length && names.every((name) => Object.hasOwn(b, name) && a[name] === b[name]);
}
