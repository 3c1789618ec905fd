// `npm run export:colourways`: the three export files written from the project's files, in-process.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadProduct } from '../../src/domain/index.ts';
import { runExportCli } from '../../src/cli/exportCli.ts';

const outDir = mkdtempSync(join(tmpdir(), 'atelier-export-'));
afterAll(() => rmSync(outDir, { recursive: true, force: true }));

function run(argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  return runExportCli(argv, { out: (line) => out.push(line), err: (line) => err.push(line) }, process.cwd()).then((code) => ({ code, out: out.join('\n'), err: err.join('\n') }));
}

describe('npm run export:colourways', () => {
  it('writes the glb, the ProductGroup JSON-LD and the CSV of every colourway of the product', async () => {
    const { code, out } = await run(['sneaker', '--out', outDir, '--base-url', 'https://shop.example/']);
    expect(code).toBe(0);
    const loaded = loadProduct('models/sneaker/product.yaml', readFileSync('models/sneaker/product.yaml', 'utf8'));
    const presets = loaded.ok ? loaded.value.presets : [];
    expect(out).toContain(`${presets.length} colourways`);
    expect(readFileSync(join(outDir, 'sneaker-colourways.glb')).subarray(0, 4).toString('latin1')).toBe('glTF');
    const group = JSON.parse(readFileSync(join(outDir, 'sneaker-feed.jsonld'), 'utf8')) as { '@type': string; url: string; hasVariant: { sku: string; image: string }[] };
    expect(group['@type']).toBe('ProductGroup');
    expect(group.url).toBe('https://shop.example/?product=sneaker');
    expect(group.hasVariant.map((variant) => variant.sku)).toEqual(presets.map((preset) => `sneaker-${preset.id}`));
    expect(group.hasVariant[0]!.image).toMatch(/^https:\/\/shop\.example\/api\/catalog\/sneaker\/colourways\/[a-z0-9-]+\/picture$/);
    expect(readFileSync(join(outDir, 'sneaker-feed.csv'), 'utf8').trimEnd().split('\r\n')).toHaveLength(presets.length + 1);
  });

  it('says what is wrong: no product named (2), an unknown flag (2), a product that is not here (1)', async () => {
    expect(await run([])).toMatchObject({ code: 2, err: expect.stringContaining('name one product') });
    expect(await run(['sneaker', '--colour'])).toMatchObject({ code: 2, err: expect.stringContaining('usage:') });
    expect(await run(['nothing-here', '--out', outDir])).toMatchObject({ code: 1, err: expect.stringContaining('models/nothing-here/product.yaml') });
  });
});
