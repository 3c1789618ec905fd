import { describe, expect, it } from 'vitest';
import { DEFAULT_REVIEW_SETTINGS, reviewSettingsFromEnv } from '../../src/server/reviewSettings.ts';
import { creditsCsv } from '../../src/server/designCredits.ts';

describe('the review settings from the environment', () => {
  it('keeps the defaults when nothing is set, and reads each variable', () => {
    expect(reviewSettingsFromEnv({})).toEqual({ ok: true, settings: DEFAULT_REVIEW_SETTINGS });
    expect(reviewSettingsFromEnv({ ATELIER_REVIEW_MIN_SUPPORTERS: '25', ATELIER_REVIEW_MIN_SCORE: '0.7', ATELIER_REVIEW_MIN_ORDERS: '3', ATELIER_CREDIT_RATE: '0.1' }))
      .toEqual({ ok: true, settings: { thresholds: { minSupporters: 25, minScore: 0.7, minOrders: 3 }, creditRate: 0.1 } });
  });

  it('names the variable and what it takes when a value does not fit', () => {
    for (const [name, value] of [['ATELIER_CREDIT_RATE', '5%'], ['ATELIER_CREDIT_RATE', '1.5'], ['ATELIER_REVIEW_MIN_ORDERS', '0'], ['ATELIER_REVIEW_MIN_SCORE', '0'], ['ATELIER_REVIEW_MIN_SUPPORTERS', '2.5']] as const) {
      const result = reviewSettingsFromEnv({ [name]: value });
      expect(result.ok, `${name}=${value}`).toBe(false);
      if (!result.ok) expect(result.message).toContain(`${name} must be`);
    }
  });
});

describe('the credits CSV', () => {
  it('writes a header and one line per entry, a formula-looking name made harmless', () => {
    const csv = creditsCsv([{
      seq: 1, orderId: 'o', orderNumber: 'ATL-000001', productId: 'sneaker', designKey: 'sneaker|a=b', candidateId: 'c', displayName: '=HYPERLINK("x")', email: null,
      currency: 'EUR', orderTotal: 120, rate: 0.05, amount: 6, createdAt: '2026-11-25T12:00:00.000000Z',
    }]);
    expect(csv.split('\r\n')).toEqual([
      'created_at,order_number,product_id,candidate_id,creator_name,creator_email,currency,order_total,rate,amount',
      '2026-11-25T12:00:00.000000Z,ATL-000001,sneaker,c,"\'=HYPERLINK(""x"")",,EUR,120.00,0.05,6.00',
      '',
    ]);
  });
});
