// The staff room's rules: which pages a role opens, what a password must be, where a webhook may
// go, when a failed delivery is tried again, and what the staff API's requests must hold.
import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import {
  MAX_DELIVERY_ATTEMPTS, STAFF_PAGES, STAFF_ROLES, TOKEN_ROLES, accountChangeRequestSchema, checkNewPassword, checkWebhookUrl, loginRequestSchema,
  newAccountRequestSchema, newTokenRequestSchema, newWebhookRequestSchema, normaliseRoles, pagesFor, retryDelaySeconds,
} from '../../src/domain/index.ts';

describe('staff roles and pages', () => {
  it('opens every page to exactly one role, and each role some page', () => {
    for (const role of STAFF_ROLES) expect(pagesFor([role]).length, role).toBeGreaterThan(0);
    const all = pagesFor(STAFF_ROLES);
    expect(all).toEqual(STAFF_PAGES);
    for (const page of STAFF_PAGES) expect(STAFF_ROLES.filter((role) => pagesFor([role]).includes(page))).toEqual([page.role]);
  });

  it('gives an account with two roles the pages of both, and no other', () => {
    const pages = pagesFor(['designer', 'fulfilment']);
    expect(new Set(pages.map((page) => page.role))).toEqual(new Set(['designer', 'fulfilment']));
  });

  it('never lets a token carry the admin role', () => {
    expect(TOKEN_ROLES).not.toContain('admin');
    expect(v.safeParse(newTokenRequestSchema, { name: 'ERP', role: 'admin', expiresInDays: 30 }).success).toBe(false);
  });

  it('stores roles once each, in the table\'s order', () => {
    expect(normaliseRoles(['fulfilment', 'admin', 'fulfilment'])).toEqual(['admin', 'fulfilment']);
  });
});

describe('new passwords', () => {
  it('accepts a passphrase and refuses the short, the email, the common and the monotonous with a hint', () => {
    expect(checkNewPassword('correct horse battery staple', 'ada@shop.example')).toEqual({ ok: true });
    for (const [password, why] of [['short1!', 'at least 12'], ['ada@shop.example', 'email'], ['ADA@shop.example', 'email'], ['password1234', 'first'], ['abababababab', 'first']] as const) {
      const check = checkNewPassword(password, 'ada@shop.example');
      expect(check.ok, password).toBe(false);
      if (!check.ok) {
        expect(check.message).toContain(why);
        expect(check.hint.length).toBeGreaterThan(10);
      }
    }
  });

  it('counts characters, not UTF-16 units, and refuses control characters and overlong input', () => {
    expect(checkNewPassword('🙂🎉🚀🌈🍀🎈🐢🦊🌻🍉🎲🧩', 'a@b.example').ok).toBe(true);
    expect(checkNewPassword('🙂🎉🚀🌈🍀🎈🐢🦊🌻🍉🎲', 'a@b.example').ok).toBe(false);
    // Twelve of one character is not a password, however it is spelled.
    expect(checkNewPassword('🙂'.repeat(12), 'a@b.example').ok).toBe(false);
    expect(checkNewPassword('long enough\u0000pass', 'a@b.example').ok).toBe(false);
    expect(checkNewPassword('x'.repeat(257) + 'yz', 'a@b.example').ok).toBe(false);
  });
});

describe('webhook URLs', () => {
  it('takes HTTPS anywhere and plain HTTP only to this machine', () => {
    expect(checkWebhookUrl('https://erp.example/hooks')).toEqual({ ok: true, url: 'https://erp.example/hooks' });
    expect(checkWebhookUrl('http://127.0.0.1:9000/hooks').ok).toBe(true);
    expect(checkWebhookUrl('http://localhost/hooks').ok).toBe(true);
    expect(checkWebhookUrl('http://erp.example/hooks').ok).toBe(false);
    expect(checkWebhookUrl('ftp://erp.example/').ok).toBe(false);
    expect(checkWebhookUrl('not a url').ok).toBe(false);
  });

  it('refuses credentials in the URL, saying the deliveries are signed instead', () => {
    const check = checkWebhookUrl('https://user:secret@erp.example/hooks');
    expect(check.ok).toBe(false);
    if (!check.ok) expect(check.hint).toContain('signed');
  });
});

describe('the retry schedule of a failed delivery', () => {
  it('waits twice as long after each failure, never more than 6 hours, and gives up after the last attempt', () => {
    const delays = Array.from({ length: MAX_DELIVERY_ATTEMPTS - 1 }, (_, index) => retryDelaySeconds(index + 1)!);
    expect(delays[0]).toBeGreaterThan(0);
    for (let index = 1; index < delays.length; index++) {
      expect(delays[index]).toBeGreaterThanOrEqual(delays[index - 1]!);
      expect(delays[index]).toBeLessThanOrEqual(Math.max(delays[index - 1]! * 2, 6 * 3600));
    }
    expect(Math.max(...delays)).toBe(6 * 3600);
    expect(retryDelaySeconds(MAX_DELIVERY_ATTEMPTS)).toBeUndefined();
    // Long enough for a receiver down over a long weekend to get its events.
    expect(delays.reduce((sum, delay) => sum + delay, 0)).toBeGreaterThan(3 * 86_400);
  });

  it('is asked only about counts of failed attempts', () => {
    expect(() => retryDelaySeconds(0)).toThrow(RangeError);
  });
});

describe('staff requests', () => {
  it('lower-cases and trims a login email, and refuses unknown fields', () => {
    expect(v.parse(loginRequestSchema, { email: ' Ada@Shop.Example ', password: 'x' })).toEqual({ email: 'ada@shop.example', password: 'x' });
    expect(v.safeParse(loginRequestSchema, { email: 'ada@shop.example', password: 'x', remember: true }).success).toBe(false);
  });

  it('needs at least one known role for an account', () => {
    expect(v.safeParse(newAccountRequestSchema, { email: 'a@shop.example', roles: [], password: 'p' }).success).toBe(false);
    expect(v.safeParse(newAccountRequestSchema, { email: 'a@shop.example', roles: ['owner'], password: 'p' }).success).toBe(false);
    expect(v.safeParse(newAccountRequestSchema, { email: 'a@shop.example', roles: ['designer'], password: 'p' }).success).toBe(true);
  });

  it('refuses an account change that changes nothing', () => {
    expect(v.safeParse(accountChangeRequestSchema, {}).success).toBe(false);
    expect(v.safeParse(accountChangeRequestSchema, { disabled: true }).success).toBe(true);
  });

  it('keeps a token\'s lifetime to whole days from 1 to 366', () => {
    for (const days of [0, 367, 1.5, '30']) expect(v.safeParse(newTokenRequestSchema, { name: 'ERP', role: 'fulfilment', expiresInDays: days }).success, String(days)).toBe(false);
    expect(v.safeParse(newTokenRequestSchema, { name: ' ERP ', role: 'fulfilment', expiresInDays: 366 }).output).toEqual({ name: 'ERP', role: 'fulfilment', expiresInDays: 366 });
  });

  it('refuses a webhook with no event or a secret of its own', () => {
    expect(v.safeParse(newWebhookRequestSchema, { url: 'https://erp.example/h', events: [] }).success).toBe(false);
    expect(v.safeParse(newWebhookRequestSchema, { url: 'https://erp.example/h', events: ['order.placed'], secret: 'mine' }).success).toBe(false);
    expect(v.parse(newWebhookRequestSchema, { url: 'https://erp.example/h', events: ['order.placed'] })).toEqual({ url: 'https://erp.example/h', events: ['order.placed'], description: '' });
  });
});
