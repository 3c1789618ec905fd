import { randomBytes } from 'node:crypto';
import type { DesignSignal, Repository } from './repository.ts';

/** How a {@link SignalRecorder} batches. */
export interface SignalRecorderOptions {
  /** A batch is written this long after its first signal at the latest. 1000 ms by default. */
  readonly flushMs?: number;
  /** A batch is written at once when it holds this many. 500 by default. */
  readonly maxBatch?: number;
  /**
   * Most signals held while the database cannot take them (it is down, or slower than the shop):
   * beyond it the oldest are dropped and counted, so that signals never take the server's memory.
   * 50,000 by default.
   */
  readonly maxHeld?: number;
}

/** Records design signals off the request path. */
export interface SignalRecorder {
  /** Takes a signal; it is written with the next batch. Never waits and never throws. */
  record(signal: DesignSignal): void;
  /** Writes what is held now (at shutdown, and in tests); resolves when it is written or failed. */
  flush(): Promise<void>;
  /** Signals dropped so far because the database could not keep up. */
  readonly dropped: number;
}

/**
 * Design signals are counted for the designers, never on the customer's path: `record` puts the
 * signal in memory and returns at once; a batch is written by one statement (and its rollup by the
 * same statement) every `flushMs` or every `maxBatch` signals, whichever comes first, one batch at a
 * time. A failed write keeps its signals for the next one (up to `maxHeld`) and is reported once per
 * failure in the log without the signals' content.
 *
 * @example
 * const signals = createSignalRecorder(repository);
 * signals.record({ at: new Date(), productId, rulesVersion, designKey, kind: 'ordered', units: 2, sessionId, remix: false });
 */
export function createSignalRecorder(repository: Pick<Repository, 'recordDesignSignals'>, options: SignalRecorderOptions = {}): SignalRecorder {
  const flushMs = options.flushMs ?? 1000;
  const maxBatch = options.maxBatch ?? 500;
  const maxHeld = options.maxHeld ?? 50_000;
  let held: DesignSignal[] = [];
  let dropped = 0;
  let timer: NodeJS.Timeout | undefined;
  let writing: Promise<void> | undefined;

  async function writeHeld(): Promise<void> {
    if (timer) clearTimeout(timer);
    timer = undefined;
    while (held.length > 0) {
      const batch = held.slice(0, maxBatch);
      try {
        await repository.recordDesignSignals(batch);
        held = held.slice(batch.length);
      } catch (error) {
        console.error(`[Atelier] ${batch.length} design signals could not be written (${error instanceof Error ? error.message : String(error)}); they are kept for the next try`);
        schedule();
        return;
      }
    }
  }

  function flush(): Promise<void> {
    writing = (writing ?? Promise.resolve()).then(writeHeld);
    const current = writing;
    void current.finally(() => {
      if (writing === current) writing = undefined;
    });
    return current;
  }

  function schedule(): void {
    if (timer) return;
    timer = setTimeout(() => void flush(), flushMs);
    timer.unref();
  }

  return {
    record(signal) {
      held.push(signal);
      if (held.length > maxHeld) {
        dropped += held.length - maxHeld;
        held = held.slice(held.length - maxHeld);
      }
      if (held.length >= maxBatch) void flush();
      else schedule();
    },
    flush,
    get dropped() {
      return dropped;
    },
  };
}

/** An anonymous session id for a signal whose request sent none (an order from a shop's back end). */
export function newAnonymousSession(): string {
  return randomBytes(16).toString('base64url');
}

/** Whether the browser asked not to be tracked (`DNT: 1`, or Global Privacy Control's `Sec-GPC: 1`): then no signal is recorded for its requests. */
export function declinesTracking(header: (name: string) => string | undefined): boolean {
  return header('dnt') === '1' || header('sec-gpc') === '1';
}
