// `npm run duplicates:check` (jscpd with .jscpd.json) is part of `npm test`: a run of six or more
// lines copied in src/ fails it. Here it is shown to fire on a planted copy, and to pass on src/.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const jscpd = (folder: string) =>
  spawnSync(process.execPath, ['node_modules/jscpd/run-jscpd.js', '--config', '.jscpd.json', folder], { encoding: 'utf8' });

const planted = mkdtempSync(join(tmpdir(), 'atelier-jscpd-'));
afterAll(() => rmSync(planted, { recursive: true, force: true }));

const body = (name: string) => `export function ${name}(values: readonly number[]): number {
  let total = 0;
  for (const value of values) {
    if (value < 0) continue;
    total += value * 2;
    if (total > 1000) total = 1000;
  }
  const rounded = Math.round(total * 100) / 100;
  return rounded > 500 ? rounded - 500 : rounded;
}
`;

describe('the copy-paste check', () => {
  it('fails on a function copied into a second file', () => {
    writeFileSync(join(planted, 'first.ts'), body('first'));
    writeFileSync(join(planted, 'second.ts'), body('second'));
    const run = jscpd(planted);
    expect(run.status).toBe(1);
    expect(run.stdout).toMatch(/Found 1 clone/);
  }, 60_000);

  it('passes on src/ today', () => {
    const run = jscpd('src');
    expect(run.stdout).toMatch(/Found 0 clones/);
    expect(run.status).toBe(0);
  }, 60_000);
});
