import { MessageChannel } from 'node:worker_threads';
import { Piscina } from 'piscina';
import { ARTWORK_LIMITS, type ArtworkInspection } from '../../domain/artwork/index.ts';
import { zonePixels, type PrintZone, type TextPrint } from '../../domain/index.ts';
import type { ArtworkFile } from '../printFiles.ts';
import type { DraftComparison, DraftComparisonInput } from '../rulesImpact.ts';
import { resolveJobPoolOptions, type JobPoolOptions } from './jobPoolOptions.ts';
import type { Job, JobMessage, JobResults } from './runJob.ts';

/**
 * What became of a job: its result, or why there is none. `busy`: every thread was taken and the
 * queue full, so it never started; `timeout`: it ran past its time budget and its thread was ended;
 * `pixels`: it was over the pixel budget, so it never started; `memory`: its thread ran out of memory.
 */
export type JobOutcome<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly reason: 'busy'; readonly retryAfterSeconds: number }
  | { readonly ok: false; readonly reason: 'timeout'; readonly budgetMs: number }
  | { readonly ok: false; readonly reason: 'pixels'; readonly megapixels: number; readonly budgetMegapixels: number }
  | { readonly ok: false; readonly reason: 'memory' };

/** What the pool has done since it was made. */
export interface JobStats {
  readonly threads: number;
  readonly running: number;
  readonly waiting: number;
  /** Jobs sent to a thread, by kind. */
  readonly started: Readonly<Record<Job['kind'], number>>;
  /** Jobs refused because the queue was full. */
  readonly refusedBusy: number;
  /** Jobs ended at their time budget (each took its thread with it; a new one replaced it). */
  readonly timedOut: number;
}

/** The worker threads that do the server's heavy work, so that no request blocks the event loop. */
export interface JobPool {
  readonly options: JobPoolOptions;
  /** Inspects an uploaded artwork (`inspectArtwork` of the domain, with the pool's pixel budget). */
  inspectArtwork(bytes: Uint8Array, fileName: string | undefined): Promise<JobOutcome<ArtworkInspection>>;
  /** Renders a zone's print file (`renderZonePng`). */
  renderPrint(zone: PrintZone, texts: readonly TextPrint[], artworks: readonly ArtworkFile[]): Promise<JobOutcome<Uint8Array>>;
  /** Rasterises a gallery picture's SVG (`rasteriseSvg` of `galleryPicture.ts`; the server draws the SVG, a few KB). */
  renderPicture(svg: string): Promise<JobOutcome<Uint8Array>>;
  /** Compares a studio draft with the published version and judges the stored designs under both (`compareDraft` of `rulesImpact.ts`), under the print time budget. */
  compareRules(input: DraftComparisonInput): Promise<JobOutcome<DraftComparison>>;
  stats(): JobStats;
  /** Ends the threads, and any job still running. */
  close(): Promise<void>;
}

const WORKER = new URL('./jobWorker.mjs', import.meta.url).href;

/**
 * A pool of worker threads (piscina) in front of which jobs wait in a bounded queue. A job's time
 * budget runs from the moment its thread starts it (the worker says so on a port of its own), not
 * while it waits; a job over its budget is aborted, which ends its thread, and piscina starts a new
 * one. The threads start at the first job, and do not keep the process alive while idle.
 *
 * @example
 * const jobs = createJobPool({ threads: 1, maxQueue: 2, artworkTimeoutMs: 1000 });
 * const outcome = await jobs.inspectArtwork(bytes, 'logo.png');
 * if (!outcome.ok && outcome.reason === 'busy') // answer 503 with Retry-After: outcome.retryAfterSeconds
 */
export function createJobPool(options: Partial<JobPoolOptions> = {}): JobPool {
  const settings = resolveJobPoolOptions(options);
  const limits = { ...ARTWORK_LIMITS, maxMegapixels: settings.maxMegapixels };
  let piscina: Piscina<JobMessage, JobResults[Job['kind']]> | undefined;
  let running = 0;
  const waiting: (() => void)[] = [];
  const started: Record<Job['kind'], number> = { inspectArtwork: 0, renderPrint: 0, renderPicture: 0, compareRules: 0 };
  let refusedBusy = 0;
  let timedOut = 0;
  // A running average of how long jobs take, for the Retry-After of a refusal.
  let averageMs = 2000;

  async function run<K extends Job['kind']>(job: Extract<Job, { kind: K }>, budgetMs: number): Promise<JobOutcome<JobResults[K]>> {
    if (running < settings.threads) running++;
    else if (waiting.length < settings.maxQueue) await new Promise<void>((resolve) => waiting.push(resolve));
    else {
      refusedBusy++;
      const queued = waiting.length + settings.threads;
      return { ok: false, reason: 'busy', retryAfterSeconds: Math.min(60, Math.max(1, Math.ceil((averageMs * queued) / settings.threads / 1000))) };
    }
    try {
      return (await dispatch(job, budgetMs)) as JobOutcome<JobResults[K]>;
    } finally {
      // The thread goes straight to the next waiting job, so a newcomer cannot take it in between.
      const next = waiting.shift();
      if (next) next();
      else running--;
    }
  }

  async function dispatch(job: Job, budgetMs: number): Promise<JobOutcome<JobResults[Job['kind']]>> {
    piscina ??= new Piscina({ filename: WORKER, minThreads: settings.threads, maxThreads: settings.threads, idleTimeout: Number.MAX_SAFE_INTEGER });
    const abort = new AbortController();
    const { port1, port2 } = new MessageChannel();
    let timer: NodeJS.Timeout | undefined;
    let startedAt = performance.now();
    let finished = false;
    started[job.kind]++;
    port1.once('message', () => {
      if (finished) return;
      startedAt = performance.now();
      timer = setTimeout(() => abort.abort(), budgetMs);
    });
    try {
      const value = await piscina.run({ job, started: port2 }, { transferList: [port2], signal: abort.signal });
      averageMs = 0.8 * averageMs + 0.2 * (performance.now() - startedAt);
      return { ok: true, value };
    } catch (error) {
      if (abort.signal.aborted) {
        timedOut++;
        averageMs = 0.8 * averageMs + 0.2 * budgetMs;
        return { ok: false, reason: 'timeout', budgetMs };
      }
      if ((error as NodeJS.ErrnoException).code === 'ERR_WORKER_OUT_OF_MEMORY') return { ok: false, reason: 'memory' };
      throw error;
    } finally {
      finished = true;
      clearTimeout(timer);
      port1.close();
    }
  }

  return {
    options: settings,
    inspectArtwork: (bytes, fileName) => run({ kind: 'inspectArtwork', bytes, fileName, limits }, settings.artworkTimeoutMs),
    async renderPrint(zone, texts, artworks) {
      const pixels = zonePixels(zone);
      const megapixels = (pixels.width * pixels.height) / 1e6;
      if (megapixels > settings.maxMegapixels) return { ok: false, reason: 'pixels', megapixels, budgetMegapixels: settings.maxMegapixels };
      return run({ kind: 'renderPrint', zone, texts, artworks }, settings.printTimeoutMs);
    },
    renderPicture: (svg) => run({ kind: 'renderPicture', svg }, settings.printTimeoutMs),
    compareRules: (input) => run({ kind: 'compareRules', ...input }, settings.printTimeoutMs),
    stats: () => ({ threads: settings.threads, running, waiting: waiting.length, started: { ...started }, refusedBusy, timedOut }),
    async close() {
      await piscina?.destroy();
    },
  };
}
