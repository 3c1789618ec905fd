// `npm run export:colourways -- <productId> [--out <dir>] [--base-url <url>]`: the product's
// colourway exports written as files: `<id>-colourways.glb` (a KHR_materials_variants variant per
// colourway), `<id>-feed.jsonld` (schema.org ProductGroup) and `<id>-feed.csv`.
//
// Made from the project's files (models/<id>/product.yaml and rules/<id>.rules.yaml, with the
// colourways a designer's draft added once they are published and the files updated); to export
// what the shop serves now, download the same three files from /api/staff/exports/<id>/… with a
// designer's API token.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { colourwayFeedCsv, colourwayVariants, encodeShareToken, productGroupJsonLd, type FeedLinks } from '../domain/design/index.ts';
import { compileRules } from '../domain/index.ts';
import { catalogEntryFromSources } from '../server/catalogFiles.ts';
import { colourwayModel } from '../server/colourwayModel.ts';
import { isEntryPoint } from './isEntryPoint.ts';

const USAGE = `usage: npm run export:colourways -- <productId> [--out <dir>] [--base-url <url>]
  writes <productId>-colourways.glb, <productId>-feed.jsonld and <productId>-feed.csv
  --out       the folder to write them to (default: exports)
  --base-url  the shop's address, for the feed's pages and pictures (default: http://127.0.0.1:4173)`;

/** Where the command writes its lines. */
export interface ExportOutput {
  readonly out: (line: string) => void;
  readonly err: (line: string) => void;
}

/**
 * Runs the command; returns the exit code (0 written, 1 the product does not load, 2 usage).
 *
 * @example await runExportCli(['sneaker', '--out', 'exports'], output, process.cwd()) // 0, three files written
 */
export async function runExportCli(argv: readonly string[], output: ExportOutput, rootDir: string): Promise<number> {
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse(argv);
  } catch (error) {
    output.err(`${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  const { values, positionals } = parsed;
  const [productId] = positionals;
  if (values.help) {
    output.out(USAGE);
    return 0;
  }
  if (productId === undefined || positionals.length > 1 || !/^[a-z0-9-]+$/.test(productId)) {
    output.err(`name one product, e.g. sneaker\n${USAGE}`);
    return 2;
  }
  const productFile = join(rootDir, 'models', productId, 'product.yaml');
  const rulesFile = join(rootDir, 'rules', `${productId}.rules.yaml`);
  let texts: { product: string; rules: string };
  try {
    texts = { product: readFileSync(productFile, 'utf8'), rules: readFileSync(rulesFile, 'utf8') };
  } catch {
    output.err(`there is no product "${productId}" here: expected ${relative(rootDir, productFile)} and ${relative(rootDir, rulesFile)}`);
    return 1;
  }
  const loaded = catalogEntryFromSources(rootDir, { product: { file: relative(rootDir, productFile), text: texts.product }, rules: { file: relative(rootDir, rulesFile), text: texts.rules } });
  if (!loaded.ok) {
    output.err(`${productId} does not load; fix these first (npm run rules -- check ${relative(rootDir, rulesFile)}):\n${loaded.problems.join('\n')}`);
    return 1;
  }
  const { entry } = loaded;
  const baseUrl = (values['base-url'] ?? 'http://127.0.0.1:4173').replace(/\/+$/, '');
  const page = (search: Record<string, string>) => `${baseUrl}/?${new URLSearchParams({ product: productId, ...search }).toString()}`;
  const links: FeedLinks = {
    productUrl: page({}),
    variantUrl: (variant) => page({ design: encodeShareToken(entry.product, entry.rulesVersion, variant.design) }),
    pictureUrl: (variant) => `${baseUrl}/api/catalog/${encodeURIComponent(productId)}/colourways/${encodeURIComponent(variant.preset.id)}/picture`,
  };
  const variants = colourwayVariants(entry, compileRules(entry.product, entry.ruleSet, entry.compiled ? { artifact: entry.compiled } : {}));
  const model = new Uint8Array(readFileSync(join(rootDir, 'public', 'models', entry.product.model)));
  const outDir = resolve(rootDir, values.out ?? 'exports');
  mkdirSync(outDir, { recursive: true });
  const files: [string, string | Uint8Array][] = [
    [`${productId}-colourways.glb`, await colourwayModel(model, entry.product, variants)],
    [`${productId}-feed.jsonld`, `${JSON.stringify(productGroupJsonLd(entry, variants, links), null, 2)}\n`],
    [`${productId}-feed.csv`, colourwayFeedCsv(entry, variants, links)],
  ];
  for (const [name, content] of files) {
    writeFileSync(join(outDir, name), content);
    output.out(`wrote ${relative(rootDir, join(outDir, name)) || name}`);
  }
  output.out(`${variants.length} colourways: ${variants.map((variant) => variant.preset.name).join(', ')}`);
  return 0;
}

function parse(argv: readonly string[]) {
  return parseArgs({ args: [...argv], allowPositionals: true, strict: true, options: { out: { type: 'string' }, 'base-url': { type: 'string' }, help: { type: 'boolean', short: 'h' } } });
}

if (isEntryPoint(import.meta.url)) {
  process.exitCode = await runExportCli(process.argv.slice(2), { out: (line) => process.stdout.write(`${line}\n`), err: (line) => process.stderr.write(`${line}\n`) }, process.cwd());
}
