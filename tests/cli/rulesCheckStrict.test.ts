// `npm run rules -- check --strict`: every finding that lets a mistake ship is an error (exit 1);
// without --strict the same findings are warnings (exit 0). Scratch files in a temp project; the
// shipped files must pass strict, through the CLI and through the catalog build.
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/rulesCli.ts';
import { loadCatalogFromDisk } from '../../src/server/catalogFiles.ts';
import { GUM_ON_GUM, productYaml, rulesYaml } from '../domain/support/scratchShoe.ts';

const root = resolve(import.meta.dirname, '../..');

function run(cwd: string, ...args: string[]): { code: number; stdout: string } {
  const out: string[] = [];
  const code = main(args, { out: (text) => out.push(text), err: () => undefined }, cwd);
  return { code, stdout: out.join('\n') };
}

let project: string;
beforeAll(() => {
  project = mkdtempSync(join(tmpdir(), 'atelier-strict-'));
  mkdirSync(join(project, 'models', 'shoe'), { recursive: true });
  mkdirSync(join(project, 'rules'));
  writeFileSync(join(project, 'models', 'shoe', 'product.yaml'), productYaml());
});
afterAll(() => rmSync(project, { recursive: true, force: true }));

/** `file:line:` of the first line of `text` containing `needle`. */
function at(file: string, text: string, needle: string): string {
  return `${file}:${text.split('\n').findIndex((line) => line.includes(needle)) + 1}:`;
}

function writeRules(name: string, text: string): string {
  writeFileSync(join(project, 'rules', name), text);
  return `rules/${name}`;
}

describe('check --strict', () => {
  const neverCharged = rulesYaml(GUM_ON_GUM, [
    '  - id: gum-on-white-price',
    '    kind: price',
    '    message: Gum on white.',
    '    when: { midsole.colour: gum, outsole.colour: white }',
    '    amount: 5.00',
  ]);

  it('a price rule that can never apply: a warning and exit 0 without --strict', () => {
    const file = writeRules('price.rules.yaml', neverCharged);
    const result = run(project, 'check', file);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/ok \(1 hard rule, 0 errors, 1 warning\)/);
    expect(result.stdout).toContain(`${at(file, neverCharged, 'when: { midsole.colour: gum, outsole.colour: white }')}11 warning rule-never-applies: `);
    expect(result.stdout).toMatch(/can never hold.*Fix: /);
  });

  it('the same file: an error and exit 1 with --strict, in text and JSON', () => {
    const file = writeRules('price.rules.yaml', neverCharged);
    const result = run(project, 'check', '--strict', file);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/price\.rules\.yaml: FAILED \(1 hard rule, 1 error, 0 warnings\)/);
    expect(result.stdout).toContain(`${at(file, neverCharged, 'when: { midsole.colour: gum, outsole.colour: white }')}11 error rule-never-applies: `);
    expect(result.stdout).toMatch(/"gum-on-gum" rules it out.*Fix: .*relax "gum-on-gum"/);
    const json = JSON.parse(run(project, 'check', '--strict', '--json', file).stdout) as { files: { ok: boolean; findings: { code: string; severity: string; ruleIds: string[] }[] }[] };
    expect(json.files[0]).toMatchObject({ ok: false, findings: [{ code: 'rule-never-applies', severity: 'error', ruleIds: ['gum-on-white-price', 'gum-on-gum'] }] });
  });

  it('a default that a hard rule overrides fails strict at the default\'s line', () => {
    const text = rulesYaml(GUM_ON_GUM, [
      '  - id: default-soles',
      '    kind: default',
      '    message: Gum on black.',
      '    set: { midsole.colour: gum, outsole.colour: black }',
    ]);
    const file = writeRules('defaults.rules.yaml', text);
    expect(run(project, 'check', file).code).toBe(0);
    const result = run(project, 'check', '--strict', file);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain(`${at(file, text, 'outsole.colour: black')}49 error default-overridden: `);
    expect(result.stdout).toMatch(/"outsole\.colour" defaults to "black".*completes it to "gum"/);
  });

  it('a clean file passes strict', () => {
    expect(run(project, 'check', '--strict', writeRules('clean.rules.yaml', rulesYaml(GUM_ON_GUM))).code).toBe(0);
  });
});

describe('the shipped files', () => {
  const shipped = readdirSync(join(root, 'rules')).filter((name) => name.endsWith('.rules.yaml'));
  it.each(shipped)('rules/%s passes check --strict', (name) => {
    const result = run(root, 'check', '--strict', `rules/${name}`);
    expect(result.stdout, result.stdout).toMatch(/: ok /);
    expect(result.code).toBe(0);
  });

  it('the catalog build (strict) finds no problem', () => {
    expect(loadCatalogFromDisk(root, { strict: true }).problems).toEqual([]);
  });
});
