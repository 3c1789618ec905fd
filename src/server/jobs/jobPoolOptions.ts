import { availableParallelism } from 'node:os';
import { ARTWORK_LIMITS } from '../../domain/artwork/index.ts';

/** How much heavy work the server takes on, and how long and how large one job may be. */
export interface JobPoolOptions {
  /** Worker threads that run jobs; the event loop keeps a CPU of its own. */
  readonly threads: number;
  /** Jobs that may wait for a free thread; one more is refused at once (503 with Retry-After). */
  readonly maxQueue: number;
  /** Time budget of reading an uploaded artwork, in ms from its start on a thread; past it the thread is ended and replaced. */
  readonly artworkTimeoutMs: number;
  /** Time budget of rendering one print file, in ms from its start on a thread. */
  readonly printTimeoutMs: number;
  /** Pixel budget of a job: an image to decode, or a print file to render, has at most this many megapixels. */
  readonly maxMegapixels: number;
}

const DEFAULT_THREADS = Math.max(1, Math.min(4, availableParallelism() - 1));

/**
 * The defaults: one thread per CPU but one (at least one, at most four), four jobs waiting per
 * thread, 20 s to read an artwork (a real 40-megapixel JPEG takes about 6 s on one core), 60 s to
 * render a print file (an SVG of 49,000 shapes across a T-shirt front takes about 17 s), and the
 * artwork limit of 40 megapixels.
 */
export const DEFAULT_JOB_POOL_OPTIONS: JobPoolOptions = {
  threads: DEFAULT_THREADS,
  maxQueue: 4 * DEFAULT_THREADS,
  artworkTimeoutMs: 20_000,
  printTimeoutMs: 60_000,
  maxMegapixels: ARTWORK_LIMITS.maxMegapixels,
};

const ENV_NAMES: Readonly<Record<keyof JobPoolOptions, string>> = {
  threads: 'ATELIER_JOB_THREADS',
  maxQueue: 'ATELIER_JOB_QUEUE',
  artworkTimeoutMs: 'ATELIER_JOB_ARTWORK_TIMEOUT_MS',
  printTimeoutMs: 'ATELIER_JOB_PRINT_TIMEOUT_MS',
  maxMegapixels: 'ATELIER_JOB_MAX_MEGAPIXELS',
};

/**
 * The job pool's options set in the environment (`ATELIER_JOB_THREADS`, `ATELIER_JOB_QUEUE`,
 * `ATELIER_JOB_ARTWORK_TIMEOUT_MS`, `ATELIER_JOB_PRINT_TIMEOUT_MS`, `ATELIER_JOB_MAX_MEGAPIXELS`),
 * or a message naming the variable that is not a whole number in its range.
 */
export function jobPoolOptionsFromEnv(env: Readonly<Record<string, string | undefined>>): { ok: true; options: Partial<JobPoolOptions> } | { ok: false; message: string } {
  const options: Partial<Record<keyof JobPoolOptions, number>> = {};
  for (const [key, name] of Object.entries(ENV_NAMES) as [keyof JobPoolOptions, string][]) {
    const text = env[name]?.trim();
    if (!text) continue;
    const problem = checkOption(key, Number(text));
    if (problem) return { ok: false, message: `${name} ${problem}, not "${text}" (default ${DEFAULT_JOB_POOL_OPTIONS[key]}).` };
    options[key] = Number(text);
  }
  return { ok: true, options };
}

/** The options with the defaults filled in; throws naming an option out of its range. */
export function resolveJobPoolOptions(options: Partial<JobPoolOptions>): JobPoolOptions {
  const resolved = { ...DEFAULT_JOB_POOL_OPTIONS, ...options };
  for (const key of Object.keys(ENV_NAMES) as (keyof JobPoolOptions)[]) {
    const problem = checkOption(key, resolved[key]);
    if (problem) throw new Error(`[Atelier] job pool option ${key} ${problem}, not ${resolved[key]}`);
  }
  return resolved;
}

function checkOption(key: keyof JobPoolOptions, value: number): string | undefined {
  const least = key === 'maxQueue' ? 0 : 1;
  if (!Number.isInteger(value) || value < least) return `must be a whole number of at least ${least}`;
  return undefined;
}
