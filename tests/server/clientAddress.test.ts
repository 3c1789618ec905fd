// Which proxies are trusted (ATELIER_TRUST_PROXY) and the limits from the environment: parsed once
// at start-up, refused with the entry named when they are wrong.
import { describe, expect, it } from 'vitest';
import { parseTrustedProxies } from '../../src/server/clientAddress.ts';
import { clientLimitsFromEnv, DEFAULT_CLIENT_LIMITS } from '../../src/server/clientLimits.ts';

describe('the trusted proxies', () => {
  it('trusts no one when unset or empty', () => {
    for (const text of [undefined, '', ' , ']) {
      const proxies = parseTrustedProxies(text);
      expect(proxies.trusts('127.0.0.1')).toBe(false);
      expect(proxies.description).toBe('none');
    }
  });

  it.each([
    ['127.0.0.1', '127.0.0.1', true],
    ['127.0.0.1', '::ffff:127.0.0.1', true],
    ['127.0.0.1', '127.0.0.2', false],
    ['10.0.0.0/8, 192.168.1.0/24', '10.200.3.4', true],
    ['10.0.0.0/8 192.168.1.0/24', '192.168.2.1', false],
    ['2001:db8::/32', '2001:db8:ffff::1', true],
    ['2001:db8::/32', '10.0.0.1', false],
    ['::ffff:10.0.0.0/104', '10.1.1.1', true],
    ['loopback', '::1', true],
    ['loopback', '127.8.8.8', true],
    ['uniquelocal', '172.20.0.5', true],
    ['uniquelocal', '8.8.8.8', false],
    ['10.0.0.0/8', 'not an address', false],
  ])('with %s trusts %s: %s', (list, address, trusted) => {
    expect(parseTrustedProxies(list).trusts(address)).toBe(trusted);
  });

  it.each(['10.0.0.0/33', 'proxy.example', '10.0.0', '10.0.0.0/8/8', 'localhost'])('refuses "%s", naming it and saying what fits', (entry) => {
    expect(() => parseTrustedProxies(`127.0.0.1, ${entry}`)).toThrow(new RegExp(`ATELIER_TRUST_PROXY: "${entry.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}" is not an IP address, a CIDR range or one of loopback, linklocal, uniquelocal`));
  });
});

describe('the limits per client address from the environment', () => {
  it('keeps the defaults when unset, and reads whole numbers per hour', () => {
    expect(clientLimitsFromEnv({})).toEqual(DEFAULT_CLIENT_LIMITS);
    expect(clientLimitsFromEnv({ ATELIER_VOTER_IDS_PER_HOUR: '100000', ATELIER_SUBMISSIONS_PER_HOUR: ' 5 ' })).toEqual({
      voterIds: { max: 100000, windowSeconds: 3600 },
      submissions: { max: 5, windowSeconds: 3600 },
    });
  });

  it.each(['0', '-1', '2.5', 'lots', '1e3'])('refuses %s, naming the variable', (value) => {
    expect(() => clientLimitsFromEnv({ ATELIER_SUBMISSIONS_PER_HOUR: value })).toThrow(new RegExp(`ATELIER_SUBMISSIONS_PER_HOUR must be a whole number of at least 1, not "${value.replace('.', '\\.')}"`));
  });
});
