import { Hono } from 'hono';
import { apiError, errorResponse } from './apiError.ts';
import { requireBearerToken } from './bearerToken.ts';

/** What the admin API can do in the running server. */
export interface AdminOptions {
  /** The bearer token every request must carry (random per run, recorded in the lock file, mode 0600). */
  readonly token: string;
  /** Who is running, for `GET /admin/status`. */
  readonly status: () => Record<string, unknown>;
  /** A backup file of the data directory (gzipped tar), when the database is embedded. */
  readonly backup?: () => Promise<Uint8Array<ArrayBuffer>>;
}

/**
 * The local admin API: the way commands such as `npm run backup` reach the database while the
 * server holds its data directory. It listens on 127.0.0.1 only, on a port of its own, and every
 * request needs `Authorization: Bearer <token>` with the token from the lock file (readable only
 * by the user running the server).
 *
 * - `GET /admin/status` → `{ pid, dataDir, startedAt, … }`
 * - `GET /admin/backup` → the backup file (`application/gzip`), as `npm run backup` writes it
 */
export function createAdminApp(options: AdminOptions): Hono {
  const app = new Hono();
  app.use('*', requireBearerToken(options.token, () => apiError(401, 'unauthorized', 'the admin API needs the admin token of this run', 'send "Authorization: Bearer <token>" with "adminToken" from the lock file atelier.lock in the data directory')));
  app.get('/admin/status', (c) => c.json(options.status()));
  app.get('/admin/backup', async () => {
    if (!options.backup) return errorResponse(apiError(404, 'not_found', 'this server keeps its orders in PostgreSQL, not in a data directory', 'back up PostgreSQL with pg_dump (see the README, "Backup and restore")'));
    const bytes = await options.backup();
    return new Response(bytes, {
      headers: {
        'Content-Type': 'application/gzip',
        'Content-Disposition': `attachment; filename="atelier-backup-${new Date().toISOString().replace(/[:.]/g, '-')}.tar.gz"`,
        'Cache-Control': 'no-store',
      },
    });
  });
  app.notFound(() => errorResponse(apiError(404, 'not_found', 'no such admin endpoint', 'use GET /admin/status or GET /admin/backup')));
  return app;
}
