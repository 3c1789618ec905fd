// Signing in to the staff side, as an attacker would try it: enumeration, guessing, a planted
// session id, a stolen cookie's reach, cross-site writes, and what the audit log keeps.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createPasswordHasher, type PasswordHasher } from '../../src/server/staff/index.ts';
import { fromAddress, startTestApp, type TestApp } from './support/testApp.ts';
import { addAccount, signIn, STAFF_PASSWORD } from './support/staffSessions.ts';

/** The real hasher, counting the verifications it does. */
function countingHasher(): PasswordHasher & { verifications: number } {
  const real = createPasswordHasher();
  const counter = {
    verifications: 0,
    hash: (password: string) => real.hash(password),
    async verify(phc: string, password: string) {
      counter.verifications++;
      return real.verify(phc, password);
    },
    async verifyNothing(password: string) {
      counter.verifications++;
      await real.verifyNothing(password);
    },
  };
  return counter;
}

const login = (t: TestApp, email: string, password: string, headers: Record<string, string> = {}, bindings?: object) =>
  t.app.request('/api/staff/login', { method: 'POST', headers: { 'Content-Type': 'application/json', ...headers }, body: JSON.stringify({ email, password }) }, bindings);

describe('staff login', () => {
  let t: TestApp;
  let hasher: ReturnType<typeof countingHasher>;

  beforeEach(async () => {
    hasher = countingHasher();
    t = await startTestApp([], { passwords: hasher, loginLimits: { perAccount: { max: 5, windowSeconds: 900 }, perAddress: { max: 8, windowSeconds: 900 } } });
    await addAccount(t.repository, 'admin@shop.example', ['admin']);
    const disabled = await addAccount(t.repository, 'gone@shop.example', ['designer']);
    await t.repository.updateStaffAccount(disabled.id, { disabled: true, now: new Date() });
  }, 60_000);
  afterEach(() => t?.dispose());

  it('gives an unknown email, a wrong password and a disabled account the same answer, after the same hashing work', async () => {
    const answers = [];
    for (const [email, password] of [['nobody@shop.example', STAFF_PASSWORD], ['admin@shop.example', 'a wrong but long password'], ['gone@shop.example', STAFF_PASSWORD]] as const) {
      const before = hasher.verifications;
      const response = await login(t, email, password);
      // One argon2id verification each: an unknown email is checked against a decoy hash.
      expect(hasher.verifications - before).toBe(1);
      answers.push({ status: response.status, body: await response.json(), cookie: response.headers.get('set-cookie') });
    }
    expect(answers[0]!.status).toBe(401);
    expect(answers[1]).toEqual(answers[0]);
    expect(answers[2]).toEqual(answers[0]);
    expect(answers[0]!.cookie).toBeNull();
  });

  it('signs in with the right password, trimming and lower-casing the email, and the session answers who it is', async () => {
    const browser = await signIn(t.app, '  Admin@Shop.Example ');
    const session = await t.app.request('/api/staff/session', { headers: { Cookie: browser.cookie } });
    expect(session.status).toBe(200);
    const body = await session.json() as { account: { email: string; roles: string[] }; pages: { id: string }[]; csrfToken: string };
    expect(body.account).toMatchObject({ email: 'admin@shop.example', roles: ['admin'] });
    expect(body.pages.map((page) => page.id)).toEqual(['accounts', 'tokens', 'webhooks', 'audit']);
    expect(body.csrfToken).toBe(browser.csrfToken);
    expect(JSON.stringify(body)).not.toContain('argon2');
  });

  it('sets the cookie HttpOnly, SameSite=Lax, Path=/ over HTTP, and __Host- with Secure over HTTPS', async () => {
    const plain = await login(t, 'admin@shop.example', STAFF_PASSWORD);
    const cookie = plain.headers.get('set-cookie')!;
    expect(cookie).toMatch(/^atelier_staff=[A-Za-z0-9_-]{43};/);
    expect(cookie).toMatch(/; HttpOnly/);
    expect(cookie).toMatch(/; SameSite=Lax/);
    expect(cookie).toMatch(/; Path=\//);
    expect(cookie).not.toMatch(/Secure/);
    const secure = await login(t, 'admin@shop.example', STAFF_PASSWORD, {}, fromAddress('203.0.113.9', true));
    const secureCookie = secure.headers.get('set-cookie')!;
    expect(secureCookie).toMatch(/^__Host-atelier_staff=/);
    expect(secureCookie).toMatch(/; Secure/);
    expect(secureCookie).toMatch(/; HttpOnly/);
    expect(secureCookie).not.toMatch(/Domain=/);
  });

  it('gives a new session id at every login and ends the one the browser came with (no session fixation)', async () => {
    const first = await signIn(t.app, 'admin@shop.example');
    const planted = 'atelier_staff=chosen-by-the-attacker-0123456789';
    const second = await signIn(t.app, 'admin@shop.example', STAFF_PASSWORD, { Cookie: first.cookie });
    expect(second.cookie).not.toBe(first.cookie);
    expect((await t.app.request('/api/staff/session', { headers: { Cookie: first.cookie } })).status).toBe(401);
    expect((await t.app.request('/api/staff/session', { headers: { Cookie: second.cookie } })).status).toBe(200);
    const third = await signIn(t.app, 'admin@shop.example', STAFF_PASSWORD, { Cookie: planted });
    expect(third.cookie).not.toBe(planted);
    expect((await t.app.request('/api/staff/session', { headers: { Cookie: planted } })).status).toBe(401);
  });

  it('limits attempts per account: after 5 wrong passwords even the right one waits, with Retry-After', async () => {
    for (let attempt = 0; attempt < 5; attempt++) expect((await login(t, 'admin@shop.example', `wrong password ${attempt}!`, {}, fromAddress(`198.51.100.${attempt + 1}`))).status).toBe(401);
    const blocked = await login(t, 'admin@shop.example', STAFF_PASSWORD, {}, fromAddress('198.51.100.77'));
    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(((await blocked.json()) as { error: { code: string } }).error.code).toBe('rate_limited');
    t.setNow('2026-11-25T12:15:01.000Z');
    expect((await login(t, 'admin@shop.example', STAFF_PASSWORD, {}, fromAddress('198.51.100.77'))).status).toBe(200);
  });

  it('limits attempts per address across accounts, and another address is not held back', async () => {
    for (let attempt = 0; attempt < 8; attempt++) await login(t, `guess-${attempt}@shop.example`, 'a long wrong password', {}, fromAddress('203.0.113.50'));
    expect((await login(t, 'admin@shop.example', STAFF_PASSWORD, {}, fromAddress('203.0.113.50'))).status).toBe(429);
    expect((await login(t, 'admin@shop.example', STAFF_PASSWORD, {}, fromAddress('203.0.113.51'))).status).toBe(200);
  });

  it('refuses a login posted from another site', async () => {
    const response = await login(t, 'admin@shop.example', STAFF_PASSWORD, { Origin: 'https://evil.example' });
    expect(response.status).toBe(403);
    expect(response.headers.get('set-cookie')).toBeNull();
  });

  it('refuses a cookie-authenticated write without the CSRF token, with a wrong one, or from another origin', async () => {
    const browser = await signIn(t.app, 'admin@shop.example');
    const body = JSON.stringify({ email: 'new@shop.example', roles: ['designer'], password: 'a long enough passphrase' });
    const send = (headers: Record<string, string>) => t.app.request('/api/staff/accounts', { method: 'POST', headers, body });
    const { 'X-CSRF-Token': _token, ...withoutToken } = browser.writeHeaders();
    const missing = await send(withoutToken);
    expect(missing.status).toBe(403);
    expect(((await missing.json()) as { error: { code: string } }).error.code).toBe('csrf_refused');
    expect((await send(browser.writeHeaders({ 'X-CSRF-Token': `${browser.csrfToken.slice(0, -1)}x` }))).status).toBe(403);
    // Compared through digests in constant time: a token of another length is a 403 too, not a crash.
    expect((await send(browser.writeHeaders({ 'X-CSRF-Token': browser.csrfToken.slice(0, 8) }))).status).toBe(403);
    expect((await send(browser.writeHeaders({ Origin: 'https://evil.example' }))).status).toBe(403);
    expect((await send(browser.writeHeaders({ 'Sec-Fetch-Site': 'cross-site' }))).status).toBe(403);
    expect(await t.repository.findStaffAccountByEmail('new@shop.example')).toBeUndefined();
    expect((await send(browser.writeHeaders())).status).toBe(201);
  });

  it('ends a session after 2 idle hours, and 12 hours after login however busy', async () => {
    const idle = await signIn(t.app, 'admin@shop.example');
    t.setNow('2026-11-25T14:00:01.000Z');
    expect((await t.app.request('/api/staff/session', { headers: { Cookie: idle.cookie } })).status).toBe(401);
    const busy = await signIn(t.app, 'admin@shop.example');
    const times = ['2026-11-25T15:30', '2026-11-25T17:00', '2026-11-25T18:30', '2026-11-25T20:00', '2026-11-25T21:30', '2026-11-25T23:00', '2026-11-26T00:30', '2026-11-26T01:59'];
    for (const time of times) {
      t.setNow(`${time}:00.000Z`);
      expect((await t.app.request('/api/staff/session', { headers: { Cookie: busy.cookie } })).status, time).toBe(200);
    }
    // A minute later: seen a minute ago, but 12 hours after the login.
    t.setNow('2026-11-26T02:00:02.000Z');
    expect((await t.app.request('/api/staff/session', { headers: { Cookie: busy.cookie } })).status).toBe(401);
  });

  it('signs out of one session, or of every session of the account', async () => {
    const laptop = await signIn(t.app, 'admin@shop.example');
    const phone = await signIn(t.app, 'admin@shop.example');
    const tablet = await signIn(t.app, 'admin@shop.example');
    const out = await t.app.request('/api/staff/logout', { method: 'POST', headers: laptop.writeHeaders() });
    expect(out.status).toBe(204);
    expect(out.headers.get('set-cookie')).toMatch(/atelier_staff=;.*Max-Age=0/);
    expect((await t.app.request('/api/staff/session', { headers: { Cookie: laptop.cookie } })).status).toBe(401);
    expect((await t.app.request('/api/staff/session', { headers: { Cookie: phone.cookie } })).status).toBe(200);
    const everywhere = await t.app.request('/api/staff/logout-everywhere', { method: 'POST', headers: phone.writeHeaders() });
    expect(await everywhere.json()).toEqual({ ended: 2 });
    expect((await t.app.request('/api/staff/session', { headers: { Cookie: tablet.cookie } })).status).toBe(401);
  });

  it('writes who, what, when and from where to the audit log, and never a password or a token', async () => {
    await login(t, 'admin@shop.example', 'the wrong passphrase here', {}, fromAddress('192.0.2.10'));
    const browser = await signIn(t.app, 'admin@shop.example', STAFF_PASSWORD, {}, fromAddress('192.0.2.11'));
    const created = await t.app.request('/api/staff/tokens', { method: 'POST', headers: browser.writeHeaders(), body: JSON.stringify({ name: 'ERP', role: 'fulfilment', expiresInDays: 30 }) }, fromAddress('192.0.2.11'));
    const { secret } = await created.json() as { secret: string };
    const log = await t.app.request('/api/staff/audit', { headers: { Cookie: browser.cookie } });
    const { entries } = await log.json() as { entries: { action: string; actor: { kind: string; email?: string }; client: string; at: string }[] };
    expect(entries.map((entry) => entry.action).slice(0, 3)).toEqual(['token.created', 'login', 'login.failed']);
    expect(entries[0]).toMatchObject({ actor: { kind: 'staff', email: 'admin@shop.example' }, client: '192.0.2.11' });
    expect(entries[2]).toMatchObject({ actor: { kind: 'anonymous' }, client: '192.0.2.10' });
    const text = JSON.stringify(entries);
    expect(text).not.toContain(secret);
    expect(text).not.toContain(STAFF_PASSWORD);
    expect(text).not.toContain('the wrong passphrase here');
  });

  it('lets a fulfilment token export orders and read full contacts until it is revoked or expires', async () => {
    const browser = await signIn(t.app, 'admin@shop.example');
    const create = (expiresInDays: number) => t.app.request('/api/staff/tokens', { method: 'POST', headers: browser.writeHeaders(), body: JSON.stringify({ name: 'ERP', role: 'fulfilment', expiresInDays }) });
    const { token, secret } = await (await create(1)).json() as { token: { id: string }; secret: string };
    const bearer = { Authorization: `Bearer ${secret}` };
    expect((await t.app.request('/api/orders/export', { headers: bearer })).status).toBe(200);
    // A token on a page for people is refused even with the right role.
    expect((await t.app.request('/api/staff/session', { headers: bearer })).status).toBe(403);
    t.setNow('2026-11-26T12:00:01.000Z');
    expect((await t.app.request('/api/orders/export', { headers: bearer })).status).toBe(401);
    t.setNow('2026-11-25T12:00:00.000Z');
    expect((await t.app.request(`/api/staff/tokens/${token.id}`, { method: 'DELETE', headers: browser.writeHeaders() })).status).toBe(200);
    expect((await t.app.request('/api/orders/export', { headers: bearer })).status).toBe(401);
    const tokens = await (await t.app.request('/api/staff/tokens', { headers: { Cookie: browser.cookie } })).json() as { tokens: { id: string; revokedAt: string | null }[] };
    expect(tokens.tokens.find((listed) => listed.id === token.id)?.revokedAt).not.toBeNull();
    expect(JSON.stringify(tokens)).not.toContain(secret);
  });

  it('keeps the last admin: it can be neither disabled nor lose the role', async () => {
    const browser = await signIn(t.app, 'admin@shop.example');
    const { accounts } = await (await t.app.request('/api/staff/accounts', { headers: { Cookie: browser.cookie } })).json() as { accounts: { id: string; email: string }[] };
    const admin = accounts.find((account) => account.email === 'admin@shop.example')!;
    const refused = await t.app.request(`/api/staff/accounts/${admin.id}`, { method: 'PATCH', headers: browser.writeHeaders(), body: JSON.stringify({ disabled: true }) });
    expect(refused.status).toBe(409);
    expect(((await refused.json()) as { error: { code: string } }).error.code).toBe('last_admin');
    expect((await t.app.request(`/api/staff/accounts/${admin.id}`, { method: 'PATCH', headers: browser.writeHeaders(), body: JSON.stringify({ roles: ['designer'] }) })).status).toBe(409);
  });

  it('refuses a weak first password and a taken email with what to do', async () => {
    const browser = await signIn(t.app, 'admin@shop.example');
    const weak = await t.app.request('/api/staff/accounts', { method: 'POST', headers: browser.writeHeaders(), body: JSON.stringify({ email: 'd@shop.example', roles: ['designer'], password: 'short' }) });
    expect(weak.status).toBe(400);
    expect(await weak.json()).toMatchObject({ error: { code: 'weak_password', hint: expect.stringContaining('passphrase') } });
    const taken = await t.app.request('/api/staff/accounts', { method: 'POST', headers: browser.writeHeaders(), body: JSON.stringify({ email: 'ADMIN@shop.example', roles: ['designer'], password: 'a long enough passphrase' }) });
    expect(taken.status).toBe(409);
  });
});
