/**
 * Rules-engine benchmark: `npm run bench:rules` (node --expose-gc --import tsx scripts/benchRules.ts).
 *
 * For each model — every shipped product, a generated large product (scripts/generateLargeProduct.ts)
 * and every problem in ../shared/benchmarks/ when present — a fresh child process (so memory figures
 * are clean) loads the model, then measures:
 * - compile time: the first (cold) compilation, and the best of three more (warm);
 * - diagram size: nodes and edges;
 * - memory: the process's peak RSS (loading and compiling; an upper bound for compilation), the RSS
 *   just before compiling, and the heap + typed-array growth during the cold compilation;
 * - per choice, over random complete sessions (one untimed warm-up session, then SESSIONS timed;
 *   each step picks a random free attribute and a random option of its current valid domain):
 *   `space.domains(choices)` and `space.count(choices)` latencies (p50/p95/p99);
 * - `explainUnavailable` (explanation + repair) latency for unavailable options met during the
 *   sessions, sampled; options that are unavailable only because they are dead (in no valid design)
 *   are timed separately, with a time cap, since they have no blocking choices. As for domains and
 *   counts, untimed explanations come first (of options met in the warm-up session): the first of
 *   them builds, once per compiled space, the tables' indexes and the lemmas for the values no
 *   design has, and is reported on its own;
 * - the exact count, compared with the README's verified count for the benchmark files.
 * It ends with a table against the budgets of PRODUCT.md §7. A benchmark prints figures; it is not a test.
 *
 * The family of Renault-like instances (src/domain/engine/family/, the committed seeds) runs too, and
 * for every table instance (the family and ../shared/benchmarks/) the reference counter
 * (../shared/benchmarks/reference/mdd-count.mjs) runs in the same run: its count, compile time and
 * `--random-walks` per-choice domain latencies, and the ratio of Atelier's domains p95/p99 to its
 * own. p95 and p99 are the median of three (the sessions split in three for Atelier, three walks runs
 * for the reference). The issue 15 budgets are judged per instance, with the worst instance per
 * metric at the end. `--quick` (or BENCH_QUICK=1): FAMILY_QUICK_SEEDS and renault-mod-0,
 * fewer sessions, no shipped products.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  compileRules,
  compileTableProblem,
  explainUnavailable,
  loadTableProblem,
  type Choice,
  type ConfigurationSpace,
  type Product,
  type RuleSet,
  type TableProblem,
} from '../src/domain/index.ts';
import { loadCatalogFromDisk } from '../src/server/catalogFiles.ts';
import { seededRandom } from '../src/domain/shared/index.ts';
import { generateLargeProduct } from './generateLargeProduct.ts';
import { FAMILY_QUICK_SEEDS, FAMILY_SEEDS, generateFamilyInstance } from '../src/domain/engine/index.ts';
import { writeFamilyInstance } from './support/familyFiles.ts';
import { referenceCount, referenceCounterPresent, referenceWalks, type ReferenceWalks } from './support/referenceCounter.ts';

const root = resolve(fileURLToPath(import.meta.url), '../..');
const benchmarksDir = resolve(root, '../shared/benchmarks');
const QUICK = process.argv.includes('--quick') || process.env.BENCH_QUICK === '1';
const SESSIONS = QUICK ? 21 : 51;
/** p95 and p99 are the median of this many parts of the sessions (and of this many reference runs). */
const ROUNDS = 3;
/** Explanations sampled per session (of unavailable options that some design has). */
const EXPLANATIONS_PER_SESSION = 4;
/** Untimed explanations before the timed ones (the first builds the propagation indexes and lemmas). */
const WARM_UP_EXPLANATIONS = 20;
/** Wall-clock caps on explanation sampling per model, so the benchmark finishes in minutes. */
const EXPLANATION_CAP_MS = 60_000;
const DEAD_OPTION_CAP_MS = 30_000;
const CHILD_TIMEOUT_MS = 15 * 60_000;
/** Wall-clock cap on the timed sessions per model (a model this slow fails its budgets anyway). */
const SESSIONS_CAP_MS = 4 * 60_000;
/** Past this cold compile time, the warm compilations are skipped. */
const SLOW_COMPILE_MS = 10_000;

interface Latencies {
  readonly n: number;
  readonly p50: number;
  readonly p95: number;
  readonly p99: number;
  readonly max: number;
}

/** What a child process reports for one model. */
interface ModelResult {
  readonly name: string;
  readonly kind: 'shipped' | 'generated' | 'benchmark' | 'family';
  readonly attributes: number;
  readonly rules: number;
  readonly loadMs: number;
  readonly compileColdMs: number;
  readonly compileWarmMs: number;
  readonly nodes: number;
  readonly edges: number;
  readonly peakRssMb: number;
  readonly rssBeforeCompileMb: number;
  readonly compileGrowthMb: number;
  readonly retainedMb: number;
  readonly count: string;
  readonly expectedCount?: string;
  readonly sessions: number;
  readonly domains?: Latencies;
  readonly counts?: Latencies;
  readonly explain?: Latencies;
  readonly explainMet: number;
  readonly explainSampled: number;
  readonly explainCapped: boolean;
  /** The first explanation, which builds the propagation indexes and lemmas. */
  readonly explainFirstMs?: number;
  readonly dead?: Latencies;
  readonly deadMet: number;
  readonly deadSampled: number;
  readonly deadCapped: boolean;
  readonly deadOptions: number;
  readonly sessionsEndedComplete: boolean;
  /** True when the sessions stopped at SESSIONS_CAP_MS. */
  readonly sessionsCapped?: boolean;
  /** Median over ROUNDS parts of the sessions. */
  readonly domainsMedian?: Tail;
  readonly countsMedian?: Tail;
  readonly explainMedian?: Tail;
}

/** p95 and p99, each the median of ROUNDS. */
interface Tail {
  readonly p95: number;
  readonly p99: number;
}

/** The reference counter on the same instance, in the same run. */
interface ReferenceResult {
  readonly count?: string;
  readonly nodes?: number;
  readonly compileSeconds?: number;
  readonly walks?: Tail;
  readonly error?: string;
}

const median = (values: readonly number[]) => [...values].sort((x, y) => x - y)[Math.floor(values.length / 2)]!;

/** The median over rounds of each round's p95 and p99 (rounds with no sample left out). */
function medianTail(rounds: readonly number[][]): Tail | undefined {
  const tails = rounds.map((samples) => percentiles(samples)).filter((tail) => tail !== undefined);
  return tails.length === 0 ? undefined : { p95: median(tails.map((tail) => tail.p95)), p99: median(tails.map((tail) => tail.p99)) };
}

// ---------------------------------------------------------------------------------------------
// Child: one model.
// ---------------------------------------------------------------------------------------------

const gc = (globalThis as { gc?: () => void }).gc ?? (() => {});
const mb = (bytes: number) => bytes / (1024 * 1024);

function percentiles(samples: number[]): Latencies | undefined {
  if (samples.length === 0) return undefined;
  const sorted = Float64Array.from(samples).sort();
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!;
  return { n: sorted.length, p50: at(0.5), p95: at(0.95), p99: at(0.99), max: sorted[sorted.length - 1]! };
}

/** The README's verified solution counts, by file name. */
function readmeCounts(): Map<string, string> {
  const counts = new Map<string, string>();
  const readme = join(benchmarksDir, 'README.md');
  if (!existsSync(readme)) return counts;
  for (const match of readFileSync(readme, 'utf8').matchAll(/^\|\s*`([^`]+\.json)`.*\|\s*\*\*([\d,]+)\*\*[^|]*\|\s*$/gm)) {
    counts.set(match[1]!, match[2]!.replaceAll(',', ''));
  }
  return counts;
}

function runChild(spec: string): ModelResult {
  const loadStarted = performance.now();
  let name: string;
  let kind: ModelResult['kind'];
  let compile: () => ConfigurationSpace;
  let ruleSet: RuleSet;
  let expectedCount: string | undefined;
  if (spec.startsWith('family:')) {
    const seed = Number(spec.slice('family:'.length));
    const problem = generateFamilyInstance(seed);
    name = problem.name;
    kind = 'family';
    compile = () => compileTableProblem(problem);
    ruleSet = { productId: problem.name, rules: [] };
  } else if (spec.startsWith('table:')) {
    const file = spec.slice('table:'.length);
    const loaded = loadTableProblem(file, readFileSync(file, 'utf8'));
    if (!loaded.ok) throw new Error(`${file} does not load: ${loaded.problems.map((problem) => problem.message).join('; ')}`);
    const problem: TableProblem = loaded.value;
    name = basename(file, '.json');
    kind = 'benchmark';
    compile = () => compileTableProblem(problem);
    ruleSet = { productId: problem.name, rules: [] };
    expectedCount = readmeCounts().get(basename(file));
  } else if (spec === 'generated:large') {
    // Generation compiles once to check the product has designs: that warms the compiler, so
    // the "cold" figure here is a second compilation (the shipped and benchmark ones are truly cold).
    const generated = generateLargeProduct(1, { check: false });
    name = 'large (generated)';
    kind = 'generated';
    compile = () => compileRules(generated.product, generated.ruleSet);
    ruleSet = generated.ruleSet;
  } else {
    const id = spec.slice('product:'.length);
    const { entries, problems } = loadCatalogFromDisk(root);
    const entry = entries.find((candidate) => candidate.product.id === id);
    if (!entry) throw new Error(`product ${id} does not load: ${problems.join('; ')}`);
    const product: Product = entry.product;
    name = id;
    kind = 'shipped';
    ruleSet = entry.ruleSet;
    compile = () => compileRules(product, entry.ruleSet);
  }
  const loadMs = performance.now() - loadStarted;

  gc();
  const before = process.memoryUsage();
  const compileStarted = performance.now();
  const space = compile();
  const compileColdMs = performance.now() - compileStarted;
  const after = process.memoryUsage();
  const peakRssMb = process.resourceUsage().maxRSS / 1024;
  gc();
  const retained = process.memoryUsage();
  let compileWarmMs = Infinity;
  // A compilation of many seconds is not repeated: the figure is already a failure, and three more
  // would take the child past its time limit.
  for (let run = 0; run < (compileColdMs > SLOW_COMPILE_MS ? 0 : 3); run++) {
    const started = performance.now();
    compile();
    compileWarmMs = Math.min(compileWarmMs, performance.now() - started);
  }
  gc();

  const count = space.count({});
  const product = space.product;
  const initial = space.domains({});
  const deadKeys = new Set(product.attributes.flatMap((attribute) => attribute.options.filter((option) => !initial.get(attribute.id)!.includes(option.id)).map((option) => `${attribute.id}=${option.id}`)));
  const domainTimes: number[] = [];
  const countTimes: number[] = [];
  const domainRounds: number[][] = Array.from({ length: ROUNDS }, () => []);
  const countRounds: number[][] = Array.from({ length: ROUNDS }, () => []);
  let explainMet = 0;
  let deadMet = 0;
  let sessionsEndedComplete = true;
  const next = seededRandom(20_240_601);
  const sessions = count === 0n ? 0 : SESSIONS;
  /** Unavailable options met during the sessions, with the choices at that moment; explained after the sessions so their garbage does not disturb the per-choice timings. */
  const toExplain: { choices: Choice[]; target: Choice; round: number }[] = [];
  /** Explained untimed first, from the warm-up session (taken without drawing random numbers, so the timed samples stay the same). */
  const warmUp: { choices: Choice[]; target: Choice }[] = [];
  const deadToExplain: { choices: Choice[]; target: Choice }[] = [];

  // Session -1 is an untimed warm-up; none at all when no design exists.
  const sessionsStarted = performance.now();
  let sessionsRun = 0;
  for (let session = sessions > 0 ? -1 : 0; session < sessions; session++) {
    // A model slow enough to pass the cap stops after a multiple of ROUNDS sessions: its figures are
    // failures anyway, and the child must finish within its time limit.
    if (session > 0 && session % ROUNDS === 0 && performance.now() - sessionsStarted > SESSIONS_CAP_MS) break;
    if (session >= 0) sessionsRun++;
    const timed = session >= 0;
    const choices: Choice[] = [];
    const fixed: Record<string, string> = {};
    const free = product.attributes.map((attribute) => attribute.id);
    let sampledThisSession = 0;
    while (free.length > 0) {
      let started = performance.now();
      const domains = space.domains(fixed);
      if (timed) {
        const took = performance.now() - started;
        domainTimes.push(took);
        domainRounds[session % ROUNDS]!.push(took);
      }
      started = performance.now();
      space.count(fixed);
      if (timed) {
        const took = performance.now() - started;
        countTimes.push(took);
        countRounds[session % ROUNDS]!.push(took);
      }

      if (!timed && warmUp.length < WARM_UP_EXPLANATIONS) {
        const target = free.flatMap((attributeId) => product.attributes.find((attribute) => attribute.id === attributeId)!.options
          .filter((option) => !domains.get(attributeId)!.includes(option.id) && !deadKeys.has(`${attributeId}=${option.id}`))
          .map((option) => ({ attribute: attributeId, option: option.id })))[0];
        if (target) warmUp.push({ choices: [...choices], target });
      }

      // Unavailable options met at this step, among the free attributes; a few are sampled.
      if (timed && sampledThisSession < EXPLANATIONS_PER_SESSION && next() < 0.15) {
        const unavailable = free.flatMap((attributeId) => {
          const domain = domains.get(attributeId)!;
          return product.attributes.find((attribute) => attribute.id === attributeId)!.options
            .filter((option) => !domain.includes(option.id))
            .map((option) => ({ attribute: attributeId, option: option.id }));
        });
        const live = unavailable.filter((target) => !deadKeys.has(`${target.attribute}=${target.option}`));
        const dead = unavailable.filter((target) => deadKeys.has(`${target.attribute}=${target.option}`));
        explainMet += live.length;
        deadMet += dead.length;
        if (live.length > 0) {
          toExplain.push({ choices: [...choices], target: live[Math.floor(next() * live.length)]!, round: session % ROUNDS });
          sampledThisSession++;
        }
        if (dead.length > 0 && next() < 0.25) deadToExplain.push({ choices: [...choices], target: dead[Math.floor(next() * dead.length)]! });
      }

      const [attributeId] = free.splice(Math.floor(next() * free.length), 1);
      const options = domains.get(attributeId!)!;
      if (options.length === 0) {
        sessionsEndedComplete = false;
        break;
      }
      const option = options[Math.floor(next() * options.length)]!;
      choices.push({ attribute: attributeId!, option });
      fixed[attributeId!] = option;
    }
    if (space.count(fixed) !== 1n) sessionsEndedComplete = false;
  }

  const timeExplanations = (cases: readonly { choices: Choice[]; target: Choice; round?: number }[], capMs: number) => {
    const times: number[] = [];
    const rounds: number[][] = Array.from({ length: ROUNDS }, () => []);
    let spent = 0;
    for (const { choices, target, round } of cases) {
      if (spent >= capMs) return { times, rounds, capped: true };
      const started = performance.now();
      const explanation = explainUnavailable(space, ruleSet, choices, target);
      const took = performance.now() - started;
      spent += took;
      if (explanation) {
        times.push(took);
        rounds[round ?? 0]!.push(took);
      }
    }
    return { times, rounds, capped: false };
  };
  let explainFirstMs: number | undefined;
  for (const { choices, target } of warmUp) {
    const started = performance.now();
    explainUnavailable(space, ruleSet, choices, target);
    explainFirstMs ??= performance.now() - started;
  }
  const explained = timeExplanations(toExplain, EXPLANATION_CAP_MS);
  const deadExplained = timeExplanations(deadToExplain, DEAD_OPTION_CAP_MS);

  return {
    name,
    kind,
    attributes: product.attributes.length,
    rules: space.constraints.length,
    loadMs,
    compileColdMs,
    compileWarmMs,
    nodes: space.size,
    edges: space.serialise().edgeCount,
    peakRssMb,
    rssBeforeCompileMb: mb(before.rss),
    compileGrowthMb: mb(after.heapUsed + after.arrayBuffers - before.heapUsed - before.arrayBuffers),
    retainedMb: mb(retained.heapUsed + retained.arrayBuffers - before.heapUsed - before.arrayBuffers),
    count: count.toString(),
    ...(expectedCount !== undefined ? { expectedCount } : {}),
    sessions: sessionsRun,
    sessionsCapped: sessionsRun < sessions,
    domains: percentiles(domainTimes),
    counts: percentiles(countTimes),
    explain: percentiles(explained.times),
    explainMet,
    explainSampled: toExplain.length,
    explainCapped: explained.capped,
    ...(explainFirstMs !== undefined ? { explainFirstMs } : {}),
    dead: percentiles(deadExplained.times),
    deadMet,
    deadSampled: deadToExplain.length,
    deadCapped: deadExplained.capped,
    deadOptions: deadKeys.size,
    sessionsEndedComplete,
    domainsMedian: medianTail(domainRounds),
    countsMedian: medianTail(countRounds),
    explainMedian: medianTail(explained.rounds),
  };
}

// ---------------------------------------------------------------------------------------------
// Parent: one child per model, then the report.
// ---------------------------------------------------------------------------------------------

const ms = (value: number) => (value < 1 ? value.toFixed(3) : value < 100 ? value.toFixed(2) : value.toFixed(0));
const grouped = (value: string) => value.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
const latencyLine = (latencies: Latencies | undefined, withP99 = true) => latencies
  ? `p50 ${ms(latencies.p50)} ms  p95 ${ms(latencies.p95)} ms${withP99 ? `  p99 ${ms(latencies.p99)} ms` : ''}  max ${ms(latencies.max)} ms  (n=${latencies.n})`
  : 'n/a';

const tailLine = (tail: Tail | undefined) => tail ? `p95 ${ms(tail.p95)} ms  p99 ${ms(tail.p99)} ms` : 'n/a';
const ratio = (ours: number | undefined, theirs: number | undefined) => ours === undefined || theirs === undefined || theirs === 0 ? undefined : ours / theirs;

function printModel(result: ModelResult, reference?: ReferenceResult): void {
  const lines = [
    `${result.name} — ${result.kind}, ${result.attributes} attributes, ${result.rules} rules (tables)`,
    `  load              ${ms(result.loadMs)} ms`,
    `  compile           cold ${ms(result.compileColdMs)} ms, ${Number.isFinite(result.compileWarmMs) ? `warm best of 3 ${ms(result.compileWarmMs)} ms` : `warm not measured (cold took over ${SLOW_COMPILE_MS / 1000} s)`}`,
    `  diagram           ${result.nodes.toLocaleString('en')} nodes, ${result.edges.toLocaleString('en')} edges`,
    `  memory            peak RSS ${result.peakRssMb.toFixed(0)} MB (whole process: runtime, loading, compiling); RSS before compiling ${result.rssBeforeCompileMb.toFixed(0)} MB; heap+buffers grew ${result.compileGrowthMb.toFixed(1)} MB during compile, ${result.retainedMb.toFixed(1)} MB retained`,
    `  domains / choice  ${latencyLine(result.domains)}`,
    `  count / choice    ${latencyLine(result.counts)}`,
    `  explain+repair    ${latencyLine(result.explain, false)}; ${result.explainSampled} sampled of ${result.explainMet} unavailable options met${result.explainCapped ? `, stopped at the ${EXPLANATION_CAP_MS / 1000} s cap` : ''}${result.explainFirstMs !== undefined ? `; before them, untimed, the first explanation (it builds the tables' indexes and lemmas once) took ${ms(result.explainFirstMs)} ms` : ''}`,
    `  dead options      ${result.deadOptions} in no valid design; explaining one met in a session: ${latencyLine(result.dead, false)}; ${result.deadSampled} sampled of ${result.deadMet} met${result.deadCapped ? `, stopped at the ${DEAD_OPTION_CAP_MS / 1000} s cap` : ''}`,
    result.sessions === 0
      ? '  sessions          none: no valid design'
      : `  sessions          ${result.sessions} (+1 warm-up)${result.sessionsCapped ? `, stopped at the ${SESSIONS_CAP_MS / 60_000} min cap` : ''}, ${result.sessionsEndedComplete ? 'all ended in one complete valid design' : 'SOME HIT A DEAD END'}`,
    `  exact count       ${grouped(result.count)}${result.expectedCount !== undefined ? `  ${result.count === result.expectedCount ? 'PASS' : 'FAIL'} (README: ${grouped(result.expectedCount)})` : ''}`,
  ];
  if (result.kind === 'benchmark' || result.kind === 'family') {
    lines.push(`  median of ${ROUNDS}      domains ${tailLine(result.domainsMedian)}; count ${tailLine(result.countsMedian)}; explain+repair ${tailLine(result.explainMedian)}`);
    if (!reference || reference.error) {
      lines.push(`  reference         ${reference?.error ?? 'absent (../shared/benchmarks/reference)'}`);
    } else {
      const p95 = ratio(result.domainsMedian?.p95, reference.walks?.p95);
      const p99 = ratio(result.domainsMedian?.p99, reference.walks?.p99);
      lines.push(
        `  reference         count ${grouped(reference.count ?? '?')} ${reference.count === result.count ? 'PASS (equal)' : 'FAIL (differs)'}; ${reference.nodes?.toLocaleString('en')} MDD nodes, compile ${reference.compileSeconds?.toFixed(2)} s; domains ${tailLine(reference.walks)} (median of ${ROUNDS} runs of ${SESSIONS} walks)`,
        `  ratio to reference domains p95 ${p95?.toFixed(2) ?? 'n/a'}, p99 ${p99?.toFixed(2) ?? 'n/a'} (Atelier / reference; ≤ 1.00 passes)`,
      );
    }
  }
  console.log(`${lines.join('\n')}\n`);
}

interface BudgetRow {
  readonly what: string;
  readonly model: string;
  readonly measured: string;
  readonly budget: string;
  readonly pass: boolean | undefined;
}

/** The issue 15 budgets, per table instance (the family and the shared benchmark files). */
function familyRows(result: ModelResult, reference: ReferenceResult | undefined): BudgetRow[] {
  const rows: BudgetRow[] = [];
  const row = (what: string, value: number | undefined, limit: number, unit: string, format = (number: number) => `${ms(number)} ${unit}`) => rows.push({
    what, model: result.name, measured: value === undefined ? 'n/a' : format(value), budget: `≤ ${limit} ${unit}`.trim(),
    pass: value === undefined ? undefined : value <= limit,
  });
  const times = (value: number) => value.toFixed(2);
  row('domains p95 / reference', ratio(result.domainsMedian?.p95, reference?.walks?.p95), 1, '', times);
  row('domains p99 / reference', ratio(result.domainsMedian?.p99, reference?.walks?.p99), 1, '', times);
  row('count p99', result.countsMedian?.p99, 1, 'ms');
  row('explanation+repair p95', result.explainMedian?.p95, 5, 'ms');
  row('explanation+repair p99', result.explainMedian?.p99, 15, 'ms');
  row('compile (cold)', result.compileColdMs, 500, 'ms');
  row('compile memory (peak RSS)', result.peakRssMb, 256, 'MB', (value) => `${value.toFixed(0)} MB`);
  if (reference?.count !== undefined) rows.push({ what: 'count = reference', model: result.name, measured: grouped(result.count), budget: grouped(reference.count), pass: result.count === reference.count });
  return rows;
}

/** The worst instance per metric (the highest measured value; FAIL first). */
function worstRows(rows: readonly BudgetRow[]): BudgetRow[] {
  const byMetric = new Map<string, BudgetRow>();
  const value = (row: BudgetRow) => Number.parseFloat(row.measured.replaceAll(',', ''));
  for (const row of rows) {
    if (row.pass === undefined || row.what === 'count = reference') continue;
    const current = byMetric.get(row.what);
    if (!current || (row.pass === false && current.pass !== false) || (row.pass === current.pass && value(row) > value(current))) byMetric.set(row.what, row);
  }
  return [...byMetric.values()];
}

function budgetRows(results: readonly ModelResult[]): BudgetRow[] {
  const rows: BudgetRow[] = [];
  const row = (what: string, model: string, value: number | undefined, limit: number, unit: string, strict = false) => rows.push({
    what, model,
    measured: value === undefined ? 'n/a' : `${unit === 'MB' ? value.toFixed(0) : ms(value)} ${unit}`,
    budget: `${strict ? '<' : '≤'} ${limit} ${unit}`,
    pass: value === undefined ? undefined : strict ? value < limit : value <= limit,
  });
  for (const result of results) {
    if (result.kind === 'family') continue;
    if (result.kind === 'shipped') {
      row('domains p99 (issue)', result.name, result.domains?.p99, 0.1, 'ms', true);
      row('domains p99 (PRODUCT.md)', result.name, result.domains?.p99, 1, 'ms', true);
      continue;
    }
    // Renault-class budgets: the benchmark files, and the generated product for comparison.
    const model = result.kind === 'generated' ? `${result.name} (for comparison)` : result.name;
    row('compile (cold)', model, result.compileColdMs, 500, 'ms');
    row('compile (warm)', model, Number.isFinite(result.compileWarmMs) ? result.compileWarmMs : undefined, 500, 'ms');
    row('compile memory (peak RSS)', model, result.peakRssMb, 256, 'MB');
    row('domains p95', model, result.domains?.p95, 0.3, 'ms');
    row('domains p99', model, result.domains?.p99, 0.5, 'ms');
    row('count p99', model, result.counts?.p99, 1, 'ms');
    row('explanation+repair p95', model, result.explain?.p95, 5, 'ms');
    if (result.expectedCount !== undefined) {
      rows.push({ what: 'exact count = README', model, measured: grouped(result.count), budget: grouped(result.expectedCount), pass: result.count === result.expectedCount });
    }
  }
  return rows;
}

function printTable(rows: readonly BudgetRow[]): void {
  const header = ['what', 'model', 'measured', 'budget', 'result'];
  const cells = rows.map((row) => [row.what, row.model, row.measured, row.budget, row.pass === undefined ? 'n/a' : row.pass ? 'PASS' : 'FAIL']);
  const widths = header.map((title, column) => Math.max(title.length, ...cells.map((cell) => cell[column]!.length)));
  const format = (cell: readonly string[]) => `| ${cell.map((text, column) => text.padEnd(widths[column]!)).join(' | ')} |`;
  console.log(format(header));
  console.log(`|${widths.map((width) => '-'.repeat(width + 2)).join('|')}|`);
  for (const cell of cells) console.log(format(cell));
}

function runParent(): void {
  const specs: string[] = [];
  if (!QUICK) {
    const { entries, problems } = loadCatalogFromDisk(root);
    if (problems.length > 0) console.log(`Shipped products with problems (skipped):\n  ${problems.join('\n  ')}\n`);
    specs.push(...entries.map((entry) => `product:${entry.product.id}`), 'generated:large');
  }
  if (existsSync(benchmarksDir)) {
    const files = readdirSync(benchmarksDir).filter((name) => name.endsWith('.json') && (!QUICK || name === 'renault-mod-0.json')).sort();
    specs.push(...files.map((name) => `table:${join(benchmarksDir, name)}`));
  } else {
    console.log(`${benchmarksDir} is absent: the Renault benchmark problems are skipped.\n`);
  }
  const load = readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
  specs.push(...(QUICK ? FAMILY_QUICK_SEEDS : FAMILY_SEEDS).map((seed) => `family:${seed}`));
  const withReference = referenceCounterPresent();
  if (!withReference) console.log('The reference counter (../shared/benchmarks/reference/mdd-count.mjs) is absent: no ratios.\n');
  console.log(`Rules-engine benchmark${QUICK ? ' (quick)' : ''} — node ${process.version}, load average ${load} before starting; each model in a fresh process; ${SESSIONS} timed sessions per model\n`);

  const results: ModelResult[] = [];
  const familyBudgets: BudgetRow[] = [];
  const folder = mkdtempSync(join(tmpdir(), 'atelier-bench-rules-'));
  for (const spec of specs) {
    const child = spawnSync(process.execPath, ['--expose-gc', '--import', 'tsx', fileURLToPath(import.meta.url), '--model', spec], {
      cwd: root, encoding: 'utf8', timeout: CHILD_TIMEOUT_MS, maxBuffer: 64 * 1024 * 1024,
    });
    const line = child.stdout?.trim().split('\n').pop();
    if (child.status !== 0 || !line) {
      console.log(`${spec}: FAILED (${child.error?.message ?? `exit ${child.status}`})\n${child.stderr}\n`);
      continue;
    }
    const result = JSON.parse(line) as ModelResult;
    results.push(result);
    let reference: ReferenceResult | undefined;
    if (withReference && (spec.startsWith('table:') || spec.startsWith('family:'))) {
      let file = spec.slice(spec.indexOf(':') + 1);
      if (spec.startsWith('family:')) {
        file = join(folder, `family-${file}.json`);
        writeFamilyInstance(file, Number(spec.slice('family:'.length)));
      }
      reference = runReference(file, result.count !== '0');
      if (spec.startsWith('family:')) rmSync(file, { force: true });
    }
    printModel(result, reference);
    if (result.kind === 'benchmark' || result.kind === 'family') familyBudgets.push(...familyRows(result, reference));
  }
  rmSync(folder, { recursive: true, force: true });

  console.log('Budgets (PRODUCT.md §7; "issue" = the stricter per-choice budget for shipped products):');
  printTable(budgetRows(results));
  if (familyBudgets.length > 0) {
    console.log(`\nIssue 15 budgets per table instance (the family of ${QUICK ? FAMILY_QUICK_SEEDS.length : FAMILY_SEEDS.length} and ../shared/benchmarks; p95/p99 the median of ${ROUNDS}; ratios to the reference counter in the same run):`);
    printTable(familyBudgets);
    console.log('\nWorst instance per metric:');
    printTable(worstRows(familyBudgets));
    const failed = familyBudgets.filter((row) => row.pass === false).length;
    console.log(`\n${failed === 0 ? 'PASS' : 'FAIL'}: ${failed} of ${familyBudgets.filter((row) => row.pass !== undefined).length} budget checks failed.`);
  }
  const after = readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
  console.log(`\nLoad average after: ${after}. Timings on a shared 2-core machine are noisy: re-run when it is quiet.`);
}

/** The reference counter on one file: count and size, then ROUNDS runs of random walks (when there are solutions). */
function runReference(file: string, walks: boolean): ReferenceResult {
  try {
    const counted = referenceCount(file);
    const runs: ReferenceWalks[] = [];
    for (let round = 0; walks && round < ROUNDS; round++) {
      const run = referenceWalks(file, SESSIONS, round + 1);
      if (run) runs.push(run);
    }
    return {
      count: counted.solutions, nodes: counted.mddNodes, compileSeconds: counted.compileSeconds,
      ...(runs.length > 0 ? { walks: { p95: median(runs.map((run) => run.p95)), p99: median(runs.map((run) => run.p99)) } } : {}),
    };
  } catch (error) {
    return { error: `failed: ${(error as Error).message.slice(0, 300)}` };
  }
}

const modelIndex = process.argv.indexOf('--model');
if (modelIndex >= 0) {
  process.stdout.write(`${JSON.stringify(runChild(process.argv[modelIndex + 1]!))}\n`);
} else {
  runParent();
}
