// The rules CLI: a couple of cases as a real child process (exit codes, no stack traces), the rest
// through the exported main function with captured output so the file stays fast.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/rulesCli.ts';
import { compileRules, compileTableProblem, loadCatalogEntry, loadTableProblem, type SerialisedDiagram, type TableProblem } from '../../src/domain/index.ts';

const root = resolve(import.meta.dirname, '../..');
const benchmarks = resolve(root, '../shared/benchmarks');
const sneakerRules = 'rules/sneaker.rules.yaml';

interface Run {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs the CLI in this process, capturing what it prints. */
function run(...args: string[]): Run {
  const out: string[] = [];
  const err: string[] = [];
  const code = main(args, { out: (text) => out.push(text), err: (text) => err.push(text) }, root);
  return { code, stdout: out.join('\n'), stderr: err.join('\n') };
}

/** Runs the CLI as a real child process, as `npm run rules` does. */
function runProcess(...args: string[]): Run {
  const result = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/rulesCli.ts', ...args], { cwd: root, encoding: 'utf8' });
  return { code: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}

function json<T>(result: Run): T {
  return JSON.parse(result.stdout) as T;
}

let temp: string;
beforeAll(() => {
  temp = mkdtempSync(join(tmpdir(), 'atelier-cli-'));
});
afterAll(() => rmSync(temp, { recursive: true, force: true }));

/** Writes a rules file for the sneaker into the temp folder (its product is found under the project's models/). */
function writeRules(name: string, text: string): string {
  mkdirSync(join(temp, 'rules'), { recursive: true });
  const file = join(temp, 'rules', name);
  writeFileSync(file, text);
  return file;
}

describe('as a real process', () => {
  it('prints JSON and exits 0', () => {
    const result = runProcess('count', sneakerRules, '--json');
    expect(result.stderr).not.toMatch(/\n\s+at /);
    expect(result.code).toBe(0);
    expect(BigInt(json<{ count: string }>(result).count)).toBeGreaterThan(0n);
  }, 60_000);

  it('refuses an unknown command with exit 2, listing the commands, without a stack trace', () => {
    const result = runProcess('frobnicate');
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('unknown command "frobnicate"');
    expect(result.stderr).toContain('check, count, domains, explain, compile');
    expect(result.stderr).not.toMatch(/\n\s+at /);
  }, 60_000);
});

describe('queries on the sneaker rules', () => {
  it('domains: a patent toe cap comes in optic white, black and red', () => {
    const result = run('domains', sneakerRules, 'toeCap.material=patent', '--json');
    expect(result.code).toBe(0);
    const { domains } = json<{ domains: Record<string, string[]> }>(result);
    expect(domains['toeCap.colour']).toEqual(['optic-white', 'black', 'red']);
    expect(Object.keys(domains)[0]).toBe('toeCap.material');
  });

  it('count: exact, and shrinks after a choice', () => {
    const before = BigInt(json<{ count: string }>(run('count', sneakerRules, '--json')).count);
    const after = BigInt(json<{ count: string }>(run('count', sneakerRules, 'toeCap.material=patent', '--json')).count);
    expect(after).toBeGreaterThan(0n);
    expect(after).toBeLessThan(before);
  });

  it('count: choices that conflict leave 0 designs', () => {
    const result = run('count', sneakerRules, 'toeCap.material=patent', 'vamp.material=suede', '--json');
    expect(result.code).toBe(0);
    expect(json<{ count: string }>(result).count).toBe('0');
  });

  it('explain: names the rule and repairs the vamp material', () => {
    const result = run('explain', sneakerRules, 'toeCap.material=patent', 'vamp.material=suede', '--json');
    expect(result.code).toBe(0);
    const explanation = json<{
      available: boolean;
      blockingChoices: { attribute: string; option: string }[];
      rules: { ruleId: string; message: string }[];
      repair: { changes: { attribute: string; from: string; to: string }[]; choices: { attribute: string; option: string }[] } | null;
      reason: string;
      repairText: string | null;
    }>(result);
    expect(explanation.available).toBe(false);
    expect(explanation.blockingChoices).toEqual([{ attribute: 'vamp.material', option: 'suede' }]);
    expect(explanation.rules.map((rule) => rule.ruleId)).toContain('patent-toe-on-firm-vamp');
    expect(explanation.repair?.changes).toEqual([expect.objectContaining({ attribute: 'vamp.material', from: 'suede' })]);
    expect(['leather', 'nubuck']).toContain(explanation.repair!.changes[0]!.to);
    expect(explanation.repair!.choices).toContainEqual({ attribute: 'toeCap.material', option: 'patent' });
    expect(explanation.reason).toMatch(/Suede/);
    expect(explanation.repairText).toMatch(/^Change Vamp material from Suede/);
  });

  it('explain: an available option says so', () => {
    const result = run('explain', sneakerRules, 'toeCap.material=leather', 'vamp.material=suede', '--json');
    expect(result.code).toBe(0);
    expect(json<{ available: boolean; repair: unknown }>(result)).toMatchObject({ available: true, repair: null });
  });

  it('explain: the wanted option may switch an attribute the customer already chose', () => {
    const result = run('explain', sneakerRules, 'toeCap.material=patent', 'toeCap.material=leather', 'vamp.material=suede', '--json');
    expect(result.code).toBe(0);
    expect(json<{ blockingChoices: unknown[] }>(result).blockingChoices).toEqual([{ attribute: 'vamp.material', option: 'suede' }]);
  });

  it('readable text names the rule and the repair', () => {
    const result = run('explain', sneakerRules, 'toeCap.material=patent', 'vamp.material=suede');
    expect(result.stdout).toContain('patent-toe-on-firm-vamp');
    expect(result.stdout).toMatch(/change vamp\.material from suede to (leather|nubuck)/);
  });

  it('compile: writes an artifact the engine loads with the same answers', () => {
    const artifact = join(temp, 'out', 'sneaker.diagram.json');
    const result = run('compile', sneakerRules, '-o', artifact, '--json');
    expect(result.code).toBe(0);
    const serialised = JSON.parse(readFileSync(artifact, 'utf8')) as SerialisedDiagram;
    const entry = loadCatalogEntry(
      { file: 'models/sneaker/product.yaml', text: readFileSync(join(root, 'models/sneaker/product.yaml'), 'utf8') },
      { file: sneakerRules, text: readFileSync(join(root, sneakerRules), 'utf8') },
    );
    if (!entry.ok) throw new Error('the sneaker does not load');
    const restored = compileRules(entry.value.product, entry.value.ruleSet, { artifact: serialised });
    const compiled = compileRules(entry.value.product, entry.value.ruleSet);
    expect(restored.size).toBe(serialised.nodeCount);
    expect(restored.count({ 'toeCap.material': 'patent' })).toBe(compiled.count({ 'toeCap.material': 'patent' }));
  });
});

describe('check', () => {
  // Part of `npm test`: every shipped rules file must pass.
  const shipped = readdirSync(join(root, 'rules')).filter((name) => name.endsWith('.rules.yaml'));
  it.each(shipped)('rules/%s passes', (name) => {
    const result = run('check', `rules/${name}`, '--json');
    expect(result.stdout, result.stdout).toContain('"ok": true');
    expect(result.code).toBe(0);
  });

  it('a rules file that does not load: exit 1 with file:line:column', () => {
    const file = writeRules('typo.rules.yaml', [
      'product: sneaker',
      'rules:',
      '  - id: typo',
      '    kind: requires',
      '    message: A typo.',
      '    when: { vamp.materal: suede }',
      '    then: { toeCap.material: leather }',
      '',
    ].join('\n'));
    const result = run('check', file);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/typo\.rules\.yaml:6:\d+ .*unknown attribute "vamp\.materal".*Fix: did you mean "vamp\.material"/);
  });

  it('rules that allow no design: exit 1, naming the conflicting rules at their lines', () => {
    const file = writeRules('conflict.rules.yaml', [
      'product: sneaker',
      'rules:',
      '  - id: always-leather-vamp',
      '    kind: allowed-combinations',
      '    message: Leather vamps with leather toe caps only.',
      '    attributes: [vamp.material, toeCap.material]',
      '    rows: [[leather, leather]]',
      '  - id: never-leather-vamp',
      '    kind: forbidden-combinations',
      '    message: Never leather on leather.',
      '    attributes: [vamp.material, toeCap.material]',
      '    rows: [[leather, leather]]',
      '',
    ].join('\n'));
    const result = run('check', file, '--json');
    expect(result.code).toBe(1);
    const [report] = json<{ files: { ok: boolean; findings: { code: string; ruleIds: string[]; location?: { line: number } }[] }[] }>(result).files;
    expect(report!.ok).toBe(false);
    const finding = report!.findings.find((candidate) => candidate.code === 'no-valid-design')!;
    expect([...finding.ruleIds].sort()).toEqual(['always-leather-vamp', 'never-leather-vamp']);
    expect(finding.location?.line).toBe(3);
    expect(run('check', file).stdout).toMatch(/conflict\.rules\.yaml:3:\d+ error no-valid-design/);
  });

  it('several files: each reported, exit 1 when any fails', () => {
    const broken = join(temp, 'broken.json');
    writeFileSync(broken, '{"variables": [{"id": "A", "values": ["0", "1"]}],\n "constraints": [{"id": "C0", "scope": ["A"], "kind": "allowed", "tuples": [["2"]]}]}\n');
    const result = run('check', sneakerRules, broken, '--json');
    expect(result.code).toBe(1);
    const files = json<{ files: { file: string; ok: boolean; problems: { message: string; location?: { line: number } }[] }[] }>(result).files;
    expect(files.map((file) => file.ok)).toEqual([true, false]);
    expect(files[1]!.problems[0]!.message).toMatch(/value "2", not in the domain of "A"/);
    expect(run('check', broken).stdout).toMatch(/broken\.json:2:\d+ .*not in the domain of "A"\. Fix: /);
  });

  it('a table problem that is not valid JSON: exit 1 with file:line:column', () => {
    const broken = join(temp, 'truncated.json');
    writeFileSync(broken, '{"variables": [{"id": "A", "values": ["0", "1"]}],\n "constraints": [\n');
    const result = run('count', broken);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/truncated\.json:\d+:\d+ .*not valid JSON.*Fix: /);
  });
});

describe('errors are messages with the right exit code', () => {
  const cases: [string, string[], number, RegExp][] = [
    ['missing file', ['count', 'rules/nope.rules.yaml'], 1, /rules\/nope\.rules\.yaml: no such file/],
    ['a folder instead of a file', ['count', 'rules'], 1, /rules: is a folder/],
    ['no command', [], 2, /no command given[\s\S]*Usage:/],
    ['missing file argument', ['domains'], 2, /domains needs a rules file[\s\S]*Usage:/],
    ['missing wanted option', ['explain', sneakerRules], 2, /explain needs a rules file and the wanted option/],
    ['missing -o', ['compile', sneakerRules], 2, /compile needs -o <artifact>/],
    ['malformed choice', ['count', sneakerRules, 'toeCap.material'], 2, /"toeCap\.material" is not a choice: write attribute=option/],
    ['unknown flag', ['count', sneakerRules, '--jsn'], 2, /unknown option "--jsn"/],
    ['unknown attribute', ['count', sneakerRules, 'toeCap.materal=patent'], 1, /unknown attribute "toeCap\.materal"\. Fix: did you mean "toeCap\.material"\?/],
    ['unknown option', ['domains', sneakerRules, 'toeCap.material=gold'], 1, /unknown option "gold" of "toeCap\.material"\. Fix: .*leather, suede, nubuck, patent/],
    ['choices that conflict', ['domains', sneakerRules, 'toeCap.material=patent', 'vamp.material=suede'], 1, /the choices conflict: vamp\.material=suede conflicts with toeCap\.material=patent, by rule patent-toe-on-firm-vamp/],
    ['a product file instead of its rules', ['count', 'models/sneaker/product.yaml'], 1, /product file, not a rules file/],
  ];
  it.each(cases)('%s', (_name, args, code, message) => {
    const result = run(...args);
    expect(result.stderr).toMatch(message);
    expect(result.code).toBe(code);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  it('--json errors are JSON too', () => {
    const result = run('domains', sneakerRules, 'toeCap.material=patent', 'vamp.material=suede', '--json');
    expect(result.code).toBe(1);
    const { error } = json<{ error: { message: string; conflict: { rules: { ruleId: string }[] } } }>(result);
    expect(error.conflict.rules.map((rule) => rule.ruleId)).toEqual(['patent-toe-on-firm-vamp']);
  });
});

const haveBenchmarks = existsSync(join(benchmarks, 'renault-mod-0.json'));
if (!haveBenchmarks) console.warn(`[rulesCli.test] ${benchmarks} is absent: the Renault benchmark cases are skipped.`);

describe.skipIf(!haveBenchmarks)('on the shared Renault benchmarks (skipped when ../shared/benchmarks is absent)', () => {
  it('count renault-mod-0 is the verified 212573703712768', () => {
    const result = run('count', join(benchmarks, 'renault-mod-0.json'), '--json');
    expect(result.stderr).toBe('');
    expect(json<{ count: string }>(result).count).toBe('212573703712768');
  }, 120_000);

  it('check renault-mod-01 exits 1 and names a minimal set of conflicting tables', () => {
    const file = join(benchmarks, 'renault-mod-01.json');
    const result = run('check', file, '--json');
    expect(result.code).toBe(1);
    const finding = json<{ files: { findings: { code: string; ruleIds: string[] }[] }[] }>(result).files[0]!.findings[0]!;
    expect(finding.code).toBe('no-valid-design');
    const conflict = finding.ruleIds;
    expect(conflict.length).toBeGreaterThan(0);
    // Minimal: the named tables allow nothing, and dropping any one of them allows something.
    const loaded = loadTableProblem(file, readFileSync(file, 'utf8'));
    if (!loaded.ok) throw new Error('renault-mod-01 does not load');
    const only = (ids: readonly string[]): TableProblem => ({ ...loaded.value, constraints: loaded.value.constraints.filter((table) => ids.includes(table.id)) });
    expect(compileTableProblem(only(conflict)).count({})).toBe(0n);
    for (const dropped of conflict) {
      expect(compileTableProblem(only(conflict.filter((id) => id !== dropped))).count({}), `without ${dropped}`).toBeGreaterThan(0n);
    }
  }, 120_000);
});
