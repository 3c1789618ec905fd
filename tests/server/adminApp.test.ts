// The local admin API answers only to the token of its run; its staff routes act as the operator.
import type { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestPglite } from '../../scripts/support/testDatabases.ts';
import type { CatalogEntry } from '../../src/domain/index.ts';
import { createAdminApp } from '../../src/server/adminApp.ts';
import { systemClock } from '../../src/server/clock.ts';
import { applyMigrations } from '../../src/server/migrate.ts';
import type { Repository } from '../../src/server/repository.ts';
import { createSqlRepository } from '../../src/server/sqlRepository.ts';
import { createPasswordHasher } from '../../src/server/staff/index.ts';
import type { StaffAccount } from '../../src/server/staffRecords.ts';

const app = createAdminApp({ token: 'the-right-token', status: () => ({ pid: 42 }), backup: async () => new Uint8Array([0x1f, 0x8b, 1, 2]) });

describe('the admin API', () => {
  it.each([
    ['no token', {}],
    ['a wrong token', { Authorization: 'Bearer the-wrong-token' }],
    ['a prefix of the token', { Authorization: 'Bearer the-right' }],
    ['the token without "Bearer"', { Authorization: 'the-right-token' }],
  ])('refuses %s with 401 and says where the token is', async (_, headers: Record<string, string>) => {
    for (const path of ['/admin/status', '/admin/backup', '/admin/anything']) {
      const response = await app.request(path, { headers });
      expect(response.status).toBe(401);
      expect(response.headers.get('www-authenticate')).toBe('Bearer');
      const body = (await response.json()) as { error: { code: string; hint: string } };
      expect(body.error.code).toBe('unauthorized');
      expect(body.error.hint).toContain('atelier.lock');
    }
  });

  it('answers the right token with the status and the backup file', async () => {
    const headers = { Authorization: 'Bearer the-right-token' };
    expect(await (await app.request('/admin/status', { headers })).json()).toEqual({ pid: 42 });
    const backup = await app.request('/admin/backup', { headers });
    expect(backup.status).toBe(200);
    expect(backup.headers.get('content-type')).toBe('application/gzip');
    expect(backup.headers.get('content-disposition')).toMatch(/^attachment; filename="atelier-backup-.*\.tar\.gz"$/);
    expect(new Uint8Array(await backup.arrayBuffer())).toEqual(new Uint8Array([0x1f, 0x8b, 1, 2]));
  });

  it('sends a server on PostgreSQL to pg_dump', async () => {
    const postgres = createAdminApp({ token: 't', status: () => ({}) });
    const response = await postgres.request('/admin/backup', { headers: { Authorization: 'Bearer t' } });
    expect(response.status).toBe(404);
    expect(((await response.json()) as { error: { hint: string } }).error.hint).toContain('pg_dump');
  });
});

describe('the admin API\'s staff routes (npm run staff while the server runs)', () => {
  const token = 'the-staff-token';
  const auth = { Authorization: `Bearer ${token}` };
  const json = (body: unknown) => ({ headers: { ...auth, 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
  const passwords = createPasswordHasher();
  let database: Awaited<ReturnType<typeof openTestPglite>>;
  let repository: Repository;
  let staffApp: Hono;
  beforeAll(async () => {
    database = await openTestPglite();
    await applyMigrations(database.client);
    repository = createSqlRepository(database.client);
    staffApp = createAdminApp({ token, status: () => ({}), staff: { repository, clock: systemClock, passwords } });
  });
  afterAll(async () => database.dispose());

  const routes: [string, string][] = [
    ['GET', '/admin/staff/accounts'],
    ['POST', '/admin/staff/accounts'],
    ['PATCH', '/admin/staff/accounts/ada%40example.com'],
    ['POST', '/admin/staff/accounts/ada%40example.com/password'],
  ];
  it.each(routes)('refuses %s %s without the token, and writes nothing', async (method, path) => {
    for (const headers of [{}, { Authorization: 'Bearer the-wrong-token' }] as Record<string, string>[]) {
      const response = await staffApp.request(path, { method, headers: { ...headers, 'Content-Type': 'application/json' }, body: method === 'GET' ? null : JSON.stringify({ email: 'eve@example.com', roles: ['admin'], password: 'correct horse battery staple', disabled: true }) });
      expect(response.status).toBe(401);
      expect(((await response.json()) as { error: { code: string } }).error.code).toBe('unauthorized');
    }
    expect(await repository.findStaffAccountByEmail('eve@example.com')).toBeUndefined();
  });

  it('adds, lists, changes and resets accounts with the token, as the shared actions refuse', async () => {
    const created = await staffApp.request('/admin/staff/accounts', { method: 'POST', ...json({ email: ' Ada@Example.com ', roles: ['admin'], password: 'correct horse battery staple' }) });
    expect(created.status).toBe(201);
    const { account } = (await created.json()) as { account: StaffAccount & { passwordHash?: string } };
    expect(account).toMatchObject({ email: 'ada@example.com', roles: ['admin'], disabled: false, lastLoginAt: null });
    expect(account.passwordHash).toBeUndefined();

    const listed = await staffApp.request('/admin/staff/accounts', { headers: auth });
    expect(listed.status).toBe(200);
    const listText = await listed.text();
    expect((JSON.parse(listText) as { accounts: StaffAccount[] }).accounts.map((each) => each.email)).toEqual(['ada@example.com']);
    expect(listText).not.toContain('argon2');

    const refusals: [unknown, number, string][] = [
      [{ email: 'ada@example.com', roles: ['designer'], password: 'another long passphrase' }, 409, 'email_taken'],
      [{ email: 'bo+b@example.com', roles: ['designer'], password: 'short' }, 400, 'weak_password'],
      [{ email: 'bo+b@example.com', roles: ['wizard'], password: 'another long passphrase' }, 422, 'invalid_request'],
      [{ email: 'bo+b@example.com', roles: ['designer'] }, 422, 'invalid_request'],
    ];
    for (const [body, status, code] of refusals) {
      const response = await staffApp.request('/admin/staff/accounts', { method: 'POST', ...json(body) });
      expect(response.status).toBe(status);
      expect(((await response.json()) as { error: { code: string } }).error.code).toBe(code);
    }

    const bob = await staffApp.request('/admin/staff/accounts', { method: 'POST', ...json({ email: 'bo+b@example.com', roles: ['designer'], password: 'another long passphrase' }) });
    expect(bob.status).toBe(201);
    const bobId = ((await bob.json()) as { account: StaffAccount }).account.id;
    // Named by email (URL-encoded, any case) or by id.
    const byEmail = await staffApp.request(`/admin/staff/accounts/${encodeURIComponent('BO+B@example.com')}`, { method: 'PATCH', ...json({ roles: ['fulfilment', 'designer'] }) });
    expect(byEmail.status).toBe(200);
    expect(((await byEmail.json()) as { account: StaffAccount }).account.roles).toEqual(['designer', 'fulfilment']);
    const byId = await staffApp.request(`/admin/staff/accounts/${bobId}`, { method: 'PATCH', ...json({ disabled: true }) });
    expect(((await byId.json()) as { account: StaffAccount }).account.disabled).toBe(true);

    const lastAdmin = await staffApp.request('/admin/staff/accounts/ada%40example.com', { method: 'PATCH', ...json({ disabled: true }) });
    expect(lastAdmin.status).toBe(409);
    expect(((await lastAdmin.json()) as { error: { code: string } }).error.code).toBe('last_admin');
    const unknown = await staffApp.request('/admin/staff/accounts/nobody%40example.com', { method: 'PATCH', ...json({ disabled: true }) });
    expect(unknown.status).toBe(404);
    expect(((await unknown.json()) as { error: { message: string } }).error.message).toBe('there is no staff account "nobody@example.com"');
    const emptyChange = await staffApp.request('/admin/staff/accounts/ada%40example.com', { method: 'PATCH', ...json({}) });
    expect(emptyChange.status).toBe(422);

    const weakReset = await staffApp.request('/admin/staff/accounts/ada%40example.com/password', { method: 'POST', ...json({ password: 'ada@example.com' }) });
    expect(weakReset.status).toBe(400);
    const reset = await staffApp.request('/admin/staff/accounts/ada%40example.com/password', { method: 'POST', ...json({ password: 'a different long passphrase' }) });
    expect(reset.status).toBe(200);
    const hash = (await repository.findStaffAccountByEmail('ada@example.com'))!.passwordHash;
    expect(await passwords.verify(hash, 'a different long passphrase')).toBe(true);
    expect(await passwords.verify(hash, 'correct horse battery staple')).toBe(false);

    const audit = await repository.listAudit(50);
    expect(audit.map((entry) => entry.action).reverse()).toEqual(['account.created', 'account.created', 'account.roles_changed', 'account.disabled', 'account.password_reset']);
    expect(audit.every((entry) => entry.actor.kind === 'cli' && entry.client === 'cli')).toBe(true);
  });

  it('says so when the server was started without staff accounts', async () => {
    const response = await app.request('/admin/staff/accounts', { headers: { Authorization: 'Bearer the-right-token' } });
    expect(response.status).toBe(404);
    expect(((await response.json()) as { error: { message: string } }).error.message).toBe('this server was started without staff accounts');
  });
});

describe('the admin API\'s rules routes (npm run rules -- versions|retire while the server runs)', () => {
  const token = 'the-rules-token';
  const auth = { Authorization: `Bearer ${token}` };
  let database: Awaited<ReturnType<typeof openTestPglite>>;
  let repository: Repository;
  let rulesApp: Hono;
  // Stored versions are only listed and retired here, never compiled: a product id and a version are enough.
  const entry = (rulesVersion: string) => ({ product: { id: 'sneaker' }, rulesVersion }) as unknown as CatalogEntry;
  beforeAll(async () => {
    database = await openTestPglite();
    await applyMigrations(database.client);
    repository = createSqlRepository(database.client);
    rulesApp = createAdminApp({ token, status: () => ({}), staff: { repository, clock: systemClock, passwords: createPasswordHasher() } });
    await repository.publishCatalogEntry(entry('aaaa000011112222'), new Date('2026-11-25T10:00:00Z'));
    await repository.makeCurrentRulesVersion('sneaker', 'aaaa000011112222', new Date('2026-11-25T10:00:00Z'), 86_400);
    await repository.publishCatalogEntry(entry('bbbb000011112222'), new Date('2026-11-26T10:00:00Z'));
    await repository.makeCurrentRulesVersion('sneaker', 'bbbb000011112222', new Date('2026-11-26T10:00:00Z'), 86_400);
  });
  afterAll(async () => database.dispose());
  const retire = (version: string, headers: Record<string, string> = auth) => rulesApp.request(`/admin/rules/sneaker/versions/${version}/retire`, { method: 'POST', headers });

  it('refuses both routes without the token, and retires nothing', async () => {
    expect((await rulesApp.request('/admin/rules/sneaker/versions')).status).toBe(401);
    expect((await retire('aaaa000011112222', { Authorization: 'Bearer wrong' })).status).toBe(401);
    expect((await repository.findRulesVersionStatus('sneaker', 'aaaa000011112222'))!.state).toBe('superseded');
  });

  it('lists the versions, refuses the current one and an unknown one, and retires a superseded one once, audited as the operator', async () => {
    const listed = await rulesApp.request('/admin/rules/sneaker/versions', { headers: auth });
    expect(listed.status).toBe(200);
    const { versions } = (await listed.json()) as { versions: { rulesVersion: string; state: string; acceptUntil: string | null }[] };
    expect(versions.map((version) => [version.rulesVersion, version.state, version.acceptUntil && new Date(version.acceptUntil).toISOString()])).toEqual([['aaaa000011112222', 'superseded', '2026-11-27T10:00:00.000Z'], ['bbbb000011112222', 'published', null]]);

    const current = await retire('bbbb000011112222');
    expect(current.status).toBe(409);
    expect(((await current.json()) as { error: { code: string; hint: string } }).error).toMatchObject({ code: 'rules_version_current', hint: expect.stringContaining('publish another version first') });

    const unknown = await retire('aaaa000011112223');
    expect(unknown.status).toBe(404);
    expect(((await unknown.json()) as { error: { hint: string } }).error.hint).toContain('did you mean "aaaa000011112222"?');

    const retired = await retire('aaaa000011112222');
    expect(retired.status).toBe(200);
    const answer = (await retired.json()) as { retired: string; already: boolean; retiredAt: string };
    expect(answer).toMatchObject({ retired: 'aaaa000011112222', already: false });
    const again = await retire('aaaa000011112222');
    expect(await again.json()).toEqual({ retired: 'aaaa000011112222', already: true, retiredAt: answer.retiredAt });

    const audit = (await repository.listAudit(50)).filter((line) => line.action === 'rules.retired');
    expect(audit.map((line) => [line.target, line.actor, line.client])).toEqual([['sneaker@aaaa000011112222', { kind: 'cli' }, 'cli']]);
  });

  it('says so when the server was started without its database services', async () => {
    const response = await app.request('/admin/rules/sneaker/versions', { headers: { Authorization: 'Bearer the-right-token' } });
    expect(response.status).toBe(404);
    expect(((await response.json()) as { error: { hint: string } }).error.hint).toContain('npm start');
  });
});
