// The local admin API answers only to the token of its run.
import { describe, expect, it } from 'vitest';
import { createAdminApp } from '../../src/server/adminApp.ts';

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
