// An API token's status as the admin page shows it: active until it expires, revoked as soon as
// someone revokes it, whatever its expiry.
import { describe, expect, it } from 'vitest';
import { apiTokenStatus } from '../../src/domain/index.ts';

const NOW = new Date('2026-12-07T12:00:00.000Z');

describe('apiTokenStatus', () => {
  it.each([
    ['active before it expires', { revokedAt: null, expiresAt: '2026-12-07T12:00:00.001Z' }, 'active'],
    ['expired at the instant it expires', { revokedAt: null, expiresAt: '2026-12-07T12:00:00.000Z' }, 'expired'],
    ['expired after', { revokedAt: null, expiresAt: '2026-01-01T00:00:00.000Z' }, 'expired'],
    ['revoked before it expired', { revokedAt: '2026-12-01T00:00:00.000Z', expiresAt: '2027-01-01T00:00:00.000Z' }, 'revoked'],
    ['revoked, and expired since', { revokedAt: '2026-01-01T00:00:00.000Z', expiresAt: '2026-02-01T00:00:00.000Z' }, 'revoked'],
  ] as const)('is %s', (_, token, status) => {
    expect(apiTokenStatus(token, NOW)).toBe(status);
  });
});
