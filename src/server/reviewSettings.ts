// The designers' review settings: when a gallery candidate enters the review queue by itself, and
// the share of an order's total credited to the creator of an approved design.
import type { ReviewThresholds } from './reviewRecords.ts';

/** The review's settings (ATELIER_REVIEW_MIN_SUPPORTERS, ATELIER_REVIEW_MIN_SCORE, ATELIER_REVIEW_MIN_ORDERS, ATELIER_CREDIT_RATE). */
export interface ReviewSettings {
  readonly thresholds: ReviewThresholds;
  /** The share of an order's total credited to the creator of an approved design, 0 to 1. */
  readonly creditRate: number;
}

/**
 * The defaults: a candidate enters the queue with 10 supporters (unflagged up-votes), a Wilson
 * score of 0.5 (at least 7 up-votes of 7, 11 of 12…) or 5 orders; a creator earns 5 % of each order.
 */
export const DEFAULT_REVIEW_SETTINGS: ReviewSettings = {
  thresholds: { minSupporters: 10, minScore: 0.5, minOrders: 5 },
  creditRate: 0.05,
};

/** Reads the review's settings from the environment; an unset variable keeps its default. */
export function reviewSettingsFromEnv(env: Readonly<Record<string, string | undefined>>): { ok: true; settings: ReviewSettings } | { ok: false; message: string } {
  const read = (name: string, fallback: number, check: (value: number) => boolean, what: string): number | string => {
    const text = env[name]?.trim();
    if (!text) return fallback;
    const value = Number(text);
    return check(value) ? value : `${name} must be ${what}, not "${text.slice(0, 40)}".`;
  };
  const whole = (value: number) => Number.isInteger(value) && value >= 1 && value <= 1_000_000;
  const share = (value: number) => Number.isFinite(value) && value >= 0 && value <= 1;
  const defaults = DEFAULT_REVIEW_SETTINGS;
  const values = [
    read('ATELIER_REVIEW_MIN_SUPPORTERS', defaults.thresholds.minSupporters, whole, 'a whole number from 1 to 1000000'),
    read('ATELIER_REVIEW_MIN_SCORE', defaults.thresholds.minScore, (value) => share(value) && value > 0, 'a Wilson score above 0 and at most 1, e.g. 0.5'),
    read('ATELIER_REVIEW_MIN_ORDERS', defaults.thresholds.minOrders, whole, 'a whole number from 1 to 1000000'),
    read('ATELIER_CREDIT_RATE', defaults.creditRate, share, 'a share of the order\'s total from 0 to 1, e.g. 0.05 for 5 %'),
  ];
  const problem = values.find((value) => typeof value === 'string');
  if (typeof problem === 'string') return { ok: false, message: problem };
  const [minSupporters, minScore, minOrders, creditRate] = values as number[];
  return { ok: true, settings: { thresholds: { minSupporters: minSupporters!, minScore: minScore!, minOrders: minOrders! }, creditRate: creditRate! } };
}
