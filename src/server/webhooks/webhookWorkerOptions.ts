// The webhook worker's timings: their defaults, their checks, and the ones main.ts reads from the
// environment.

/** How often the worker looks, how long it reserves what it takes, how long a receiver has, how many at once. */
export interface WebhookWorkerSettings {
  /** How often due deliveries are looked for, besides `wake()`. */
  readonly pollMilliseconds: number;
  /**
   * How long a taken delivery is reserved for this worker: longer than an attempt can take, so no
   * other server sends it meanwhile. When the process dies mid-attempt, the delivery comes due
   * again this long after it was taken.
   */
  readonly leaseSeconds: number;
  /** How long a receiver has to answer (the contract's 10 s). */
  readonly timeoutMilliseconds: number;
  /** At most this many attempts in flight at once. */
  readonly batch: number;
}

/** The defaults: look every second, reserve for 30 s, 10 s to answer, 8 attempts at once. */
export const DEFAULT_WEBHOOK_WORKER_SETTINGS: WebhookWorkerSettings = {
  pollMilliseconds: 1000,
  leaseSeconds: 30,
  timeoutMilliseconds: 10_000,
  batch: 8,
};

/** Room left in a lease after the receiver's time is up, to record the attempt even on a slow database. */
export const LEASE_MARGIN_SECONDS = 5;

const ENV_NAMES = {
  pollMilliseconds: 'ATELIER_WEBHOOK_POLL_MS',
  leaseSeconds: 'ATELIER_WEBHOOK_LEASE_SECONDS',
} as const satisfies Partial<Record<keyof WebhookWorkerSettings, string>>;

/**
 * The worker's settings set in the environment: `ATELIER_WEBHOOK_POLL_MS` (how often it looks for
 * due deliveries) and `ATELIER_WEBHOOK_LEASE_SECONDS` (how long after a crash a delivery in flight
 * comes due again), or a message naming the variable that is wrong.
 *
 * @example webhookWorkerSettingsFromEnv({ ATELIER_WEBHOOK_POLL_MS: '250' }) // { ok: true, settings: { pollMilliseconds: 250 } }
 */
export function webhookWorkerSettingsFromEnv(env: Readonly<Record<string, string | undefined>>): { ok: true; settings: Partial<WebhookWorkerSettings> } | { ok: false; message: string } {
  const settings: Partial<Writable<WebhookWorkerSettings>> = {};
  for (const [key, name] of Object.entries(ENV_NAMES) as [keyof typeof ENV_NAMES, string][]) {
    const text = env[name]?.trim();
    if (!text) continue;
    const value = Number(text);
    if (!/^\d+$/.test(text) || value < 1) return { ok: false, message: `${name} must be a whole number of at least 1, not "${text}" (default ${DEFAULT_WEBHOOK_WORKER_SETTINGS[key]}).` };
    settings[key] = value;
  }
  const problem = settingsProblem({ ...DEFAULT_WEBHOOK_WORKER_SETTINGS, ...settings });
  if (problem) return { ok: false, message: `${ENV_NAMES.leaseSeconds} ${problem}.` };
  return { ok: true, settings };
}

/** The settings with the defaults filled in; throws a RangeError naming a setting out of its range. */
export function resolveWebhookWorkerSettings(chosen: Partial<WebhookWorkerSettings>): WebhookWorkerSettings {
  const settings: Writable<WebhookWorkerSettings> = { ...DEFAULT_WEBHOOK_WORKER_SETTINGS };
  for (const key of Object.keys(settings) as (keyof WebhookWorkerSettings)[]) {
    const value = chosen[key];
    if (value === undefined) continue;
    if (!Number.isFinite(value) || value <= 0 || (key === 'batch' && !Number.isInteger(value))) {
      throw new RangeError(`[Atelier] The webhook worker's ${key} must be a positive ${key === 'batch' ? 'whole ' : ''}number, not ${value}.`);
    }
    settings[key] = value;
  }
  const problem = settingsProblem(settings);
  if (problem) throw new RangeError(`[Atelier] The webhook worker's lease ${problem}.`);
  return settings;
}

type Writable<T> = { -readonly [K in keyof T]: T[K] };

/** Why a lease is too short for the receiver's time, or undefined. */
function settingsProblem(settings: WebhookWorkerSettings): string | undefined {
  const least = Math.ceil(settings.timeoutMilliseconds / 1000) + LEASE_MARGIN_SECONDS;
  if (settings.leaseSeconds >= least) return undefined;
  return `must be at least ${least} s (the receiver's ${settings.timeoutMilliseconds} ms and ${LEASE_MARGIN_SECONDS} s to record the attempt), or another server could send a delivery still in flight; it is ${settings.leaseSeconds} s`;
}
