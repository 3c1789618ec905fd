/**
 * Runs the plain reference compiler and counter (`../shared/benchmarks/reference/mdd-count.mjs`, read
 * from beside the clone, never copied into it) on a table JSON file, for the family benchmark and
 * `bench:rules`: its count, MDD size and compile time, or its per-choice domain latencies.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Where the reference counter is expected (CI has ../shared beside the clone). */
export const referenceCounterPath = resolve(fileURLToPath(import.meta.url), '../../../../shared/benchmarks/reference/mdd-count.mjs');

/** True when the reference counter is there to run. */
export const referenceCounterPresent = (): boolean => existsSync(referenceCounterPath);

/** What `mdd-count.mjs FILE --json` prints. */
export interface ReferenceCount {
  readonly solutions: string;
  readonly mddNodes: number;
  readonly compileSeconds: number;
}

/** Per-choice valid-domain latencies of `--random-walks`, in ms. */
export interface ReferenceWalks {
  readonly p50: number;
  readonly p95: number;
  readonly p99: number;
}

function run(args: readonly string[], timeoutMs: number): string {
  const child = spawnSync(process.execPath, [referenceCounterPath, ...args], { encoding: 'utf8', timeout: timeoutMs, maxBuffer: 64 * 1024 * 1024 });
  if (child.status !== 0) throw new Error(`mdd-count ${args.join(' ')}: ${child.error?.message ?? `exit ${child.status}`} ${child.stderr ?? ''}`.trim());
  return child.stdout;
}

/** Compiles and counts `file` with the reference counter; throws when it fails or runs past `timeoutMs`. */
export function referenceCount(file: string, timeoutMs = 120_000): ReferenceCount {
  const line = run([file, '--json'], timeoutMs).trim().split('\n').pop()!;
  const parsed = JSON.parse(line) as ReferenceCount;
  return { solutions: parsed.solutions, mddNodes: parsed.mddNodes, compileSeconds: parsed.compileSeconds };
}

/**
 * Runs `walks` random sessions with the reference counter and reads its per-choice domain p50/p95/p99
 * from its report (`valid-domain ms per choice: p50 0.070  p95 0.394  p99 7.653 …`); undefined when it prints none (no
 * solution).
 */
export function referenceWalks(file: string, walks: number, seed: number, timeoutMs = 600_000): ReferenceWalks | undefined {
  const text = run([file, '--random-walks', String(walks), '--seed', String(seed)], timeoutMs);
  const line = text.split('\n').find((candidate) => candidate.startsWith('valid-domain ms per choice')) ?? '';
  const read = (name: string) => {
    const match = new RegExp(`\\b${name}\\s+([0-9.]+)`).exec(line);
    return match ? Number(match[1]) : undefined;
  };
  const p50 = read('p50');
  const p95 = read('p95');
  const p99 = read('p99');
  return p50 === undefined || p95 === undefined || p99 === undefined ? undefined : { p50, p95, p99 };
}
