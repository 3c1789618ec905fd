import type { RateLimit } from './clientLimits.ts';
import type { Repository } from './repository.ts';
import { createSignalRecorder, type SignalRecorder } from './designSignals.ts';

/** How the shop records design signals (ATELIER_SIGNALS, ATELIER_SIGNAL_RETENTION_DAYS, ATELIER_SIGNAL_REQUESTS_PER_HOUR). */
export interface SignalSettings {
  readonly enabled: boolean;
  /** Signals older than this are deleted; the daily rollup's counts are kept. */
  readonly retentionDays: number;
  /** `POST /api/signals` requests per client address (an IPv4 address or an IPv6 /64) in an hour; more are refused (429). */
  readonly perClient: RateLimit;
}

/** The default of ATELIER_SIGNAL_RETENTION_DAYS: about thirteen months, a year-on-year comparison and a little more. */
export const DEFAULT_SIGNAL_RETENTION_DAYS = 400;

/**
 * `POST /api/signals` requests per client address an hour by default: a page sends at most one a few
 * seconds (each up to 20 signals), so 600 lets a family, a shop floor or an office behind one
 * address browse freely, while one script cannot write more than 12,000 signals an hour.
 */
export const DEFAULT_SIGNAL_REQUESTS_PER_HOUR = 600;

/** Reads ATELIER_SIGNALS (`on`, the default, or `off`), ATELIER_SIGNAL_RETENTION_DAYS (1 to 3650) and ATELIER_SIGNAL_REQUESTS_PER_HOUR (1 or more). */
export function signalSettingsFromEnv(env: Readonly<Record<string, string | undefined>>): { ok: true; settings: SignalSettings } | { ok: false; message: string } {
  const switchText = (env.ATELIER_SIGNALS ?? 'on').trim().toLowerCase();
  if (switchText !== 'on' && switchText !== 'off') return { ok: false, message: `ATELIER_SIGNALS must be "on" or "off", not "${env.ATELIER_SIGNALS}".` };
  const daysText = env.ATELIER_SIGNAL_RETENTION_DAYS?.trim();
  const retentionDays = daysText ? Number(daysText) : DEFAULT_SIGNAL_RETENTION_DAYS;
  if (!Number.isInteger(retentionDays) || retentionDays < 1 || retentionDays > 3650) {
    return { ok: false, message: `ATELIER_SIGNAL_RETENTION_DAYS must be a whole number of days from 1 to 3650, not "${daysText}".` };
  }
  const perHourText = env.ATELIER_SIGNAL_REQUESTS_PER_HOUR?.trim();
  const perHour = perHourText ? Number(perHourText) : DEFAULT_SIGNAL_REQUESTS_PER_HOUR;
  if ((perHourText && !/^\d+$/.test(perHourText)) || !Number.isSafeInteger(perHour) || perHour < 1) {
    return { ok: false, message: `ATELIER_SIGNAL_REQUESTS_PER_HOUR must be a whole number of at least 1, not "${perHourText}" (default ${DEFAULT_SIGNAL_REQUESTS_PER_HOUR}).` };
  }
  return { ok: true, settings: { enabled: switchText === 'on', retentionDays, perClient: { max: perHour, windowSeconds: 3600 } } };
}

/** The running signal recording of a server process. */
export interface RunningSignals {
  /** Absent when signals are off. */
  readonly recorder: SignalRecorder | undefined;
  /** One line for the start-up log. */
  readonly description: string;
  /** Writes what is held and stops the retention sweep. */
  stop(): Promise<void>;
}

const SWEEP_EVERY_MS = 6 * 60 * 60 * 1000;

/**
 * Starts recording design signals (batched, see `createSignalRecorder`) and the retention sweep:
 * at start and every six hours, signals older than the retention period are deleted.
 */
export function startSignals(repository: Pick<Repository, 'recordDesignSignals' | 'deleteDesignSignalsBefore'>, settings: SignalSettings, now: () => Date = () => new Date()): RunningSignals {
  if (!settings.enabled) return { recorder: undefined, description: 'Design signals are off (ATELIER_SIGNALS=off): the designers\' review sees no new demand.', stop: async () => {} };
  const recorder = createSignalRecorder(repository);
  const sweep = () => {
    const before = new Date(now().getTime() - settings.retentionDays * 24 * 60 * 60 * 1000);
    repository.deleteDesignSignalsBefore(before).catch((error: unknown) => console.error(`[Atelier] old design signals could not be deleted: ${error instanceof Error ? error.message : String(error)}`));
  };
  sweep();
  const timer = setInterval(sweep, SWEEP_EVERY_MS);
  timer.unref();
  return {
    recorder,
    description: `Design signals are recorded anonymously (no names, emails or personal text; nothing under DNT or Global Privacy Control) and kept ${settings.retentionDays} days (ATELIER_SIGNALS, ATELIER_SIGNAL_RETENTION_DAYS).`,
    stop: async () => {
      clearInterval(timer);
      await recorder.flush();
    },
  };
}
