import { Hono, type Context } from 'hono';
import { validator } from 'hono-openapi';
import * as v from 'valibot';
import { accountChangeRequestSchema, MAX_PASSWORD_LENGTH, MAX_RULES_SOURCE_LENGTH, newAccountRequestSchema, publicationNoteSchema, publishRulesRequestSchema } from '../domain/index.ts';
import { MAX_RULES_TABLES_LENGTH } from '../domain/staff/index.ts';
import { describeRefusal, describeValue, fieldsObject, requestProblems, withHint } from '../domain/requests/index.ts';
import { apiError, errorResponse, type ApiError } from './apiError.ts';
import { requireBearerToken } from './bearerToken.ts';
import type { Catalog } from './catalog.ts';
import { operatorRulesVersions, type OperatorRulesVersions, type RetireAnswer } from './operatorRulesVersions.ts';
import { PROJECT_ROOT } from './projectRoot.ts';
import type { PublicationOutcome } from './rulesPublishing.ts';
import { operatorStaffAccounts, type OperatorStaffAccounts } from './operatorStaffAccounts.ts';
import { readStoredDesigns, type StoredDesignsRepository } from './storedDesigns.ts';
import { jsonBody } from './requestValidation.ts';
import type { AccountOutcome, StaffServices } from './staff/index.ts';

/** What the admin API can do in the running server. */
export interface AdminOptions {
  /** The bearer token every request must carry (random per run, recorded in the lock file, mode 0600). */
  readonly token: string;
  /** Who is running, for `GET /admin/status`. */
  readonly status: () => Record<string, unknown>;
  /** A backup file of the data directory (gzipped tar), when the database is embedded. */
  readonly backup?: () => Promise<Uint8Array<ArrayBuffer>>;
  /**
   * What the staff routes act with (as the operator, actor `cli`); without it they answer 404. The
   * rules routes act with its repository and clock too.
   */
  readonly staff?: StaffServices;
  /** What the read-only design routes read (`rules diff`); the staff services' repository when left out. */
  readonly designs?: StoredDesignsRepository;
  /**
   * The server's catalog: a publish or rollback through the rules routes takes effect in it at once
   * (`refresh`), and replaced versions get its grace. Without it they take effect at the next start
   * or poll, with a 24-hour grace.
   */
  readonly catalog?: Pick<Catalog, 'refresh' | 'graceSeconds'>;
  /** Where a published product's print zones and fonts are read (default: the project root). */
  readonly rootDir?: string;
}

/** The largest body the staff routes read: an account with a 256-character password is far below it. */
const STAFF_BODY_BYTES = 16 * 1024;

/** The largest body the rules routes read: a product and a rules file and the CSV tables at their largest, as JSON text (which escapes a CSV's line ends). */
const RULES_BODY_BYTES = 3 * MAX_RULES_SOURCE_LENGTH + 2 * MAX_RULES_TABLES_LENGTH;

/** `POST /admin/staff/accounts/:name/password`: the account's new password (the policy is the shared action's). */
const newPasswordRequestSchema = fieldsObject({
  password: v.pipe(
    v.string((issue) => withHint(`"password" must be a string, not ${describeValue(issue.input)}`, 'send the new password as text')),
    v.maxLength(MAX_PASSWORD_LENGTH, withHint(`the password is longer than ${MAX_PASSWORD_LENGTH} characters`, 'use a shorter passphrase')),
  ),
}, 'refuse', {
  notAnObject: (input) => withHint(`the password change must be a JSON object, not ${describeValue(input)}`, 'send {"password":"…"}'),
  unknownField: (key) => withHint(`unknown field "${key}"`, 'send only "password"'),
});

/**
 * The local admin API: the way commands such as `npm run backup` reach the database while the
 * server holds its data directory. It listens on 127.0.0.1 only, on a port of its own, and every
 * request needs `Authorization: Bearer <token>` with the token from the lock file (readable only
 * by the user running the server).
 *
 * - `GET /admin/status` → `{ pid, dataDir, startedAt, … }`
 * - `GET /admin/backup` → the backup file (`application/gzip`), as `npm run backup` writes it
 * - `GET /admin/staff/accounts` → `{ accounts }`; `POST /admin/staff/accounts` `{ email, roles,
 *   password }` → 201 `{ account }`; `PATCH /admin/staff/accounts/:name` `{ roles?, disabled? }` →
 *   `{ account }`; `POST /admin/staff/accounts/:name/password` `{ password }` → `{ account }`
 *   (`:name`: the account's email or `acc_` id): what `npm run staff` does while the server holds
 *   the data directory, with the same checks and audit lines (actor `cli`) as when it opens it.
 * - `GET /admin/rules/:productId/versions` → `{ versions }` (oldest first, with their state);
 *   `POST /admin/rules/:productId/versions/:rulesVersion/retire` → `{ retired, already, retiredAt }`,
 *   409 for the current version, 404 for an unknown one: what `npm run rules -- versions|retire`
 *   does while the server holds the data directory (audited `rules.retired`, actor `cli`).
 * - `POST /admin/rules/:productId/versions` `{ productYaml, rulesYaml, productFile?, rulesFile?,
 *   message, graceHours?, draft? }` → `{ productId, rulesVersion, state, already, superseded }` (422
 *   `rules_problems` with every problem of the strict lint); `POST /admin/rules/:productId/versions/:rulesVersion/publish`
 *   `{ message, graceHours? }` and `POST /admin/rules/:productId/rollback` `{ message, rulesVersion?,
 *   graceHours? }` → the same answer: what `npm run rules -- publish|rollback` does while the server
 *   holds the data directory (audited `rules.published`, `rules.rolled_back`, `rules.drafted`, actor
 *   `cli`); the catalog takes the new current version up before the answer.
 * - `GET /admin/orders/designs?since=<ISO 8601>[&product=<id>]` → `{ orders, candidates }` (see
 *   `storedDesigns.ts`); `GET /admin/catalog/:productId/:rulesVersion` → `{ entry }`: read-only, what
 *   `npm run rules -- diff` reads while the server holds the data directory.
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
  mountStaffRoutes(app, options.staff && operatorStaffAccounts(options.staff));
  mountDesignRoutes(app, options.designs ?? options.staff?.repository);
  const { catalog } = options;
  mountRulesRoutes(app, options.staff && operatorRulesVersions({
    ...options.staff,
    rootDir: options.rootDir ?? PROJECT_ROOT,
    ...(catalog ? { graceSeconds: catalog.graceSeconds, afterChange: () => catalog.refresh() } : {}),
  }));
  app.notFound(() => errorResponse(apiError(404, 'not_found', 'no such admin endpoint', 'use GET /admin/status, GET /admin/backup, /admin/staff/accounts or /admin/rules/<product>/versions')));
  return app;
}

/** The read-only routes of `rules diff`: stored designs and published versions. */
function mountDesignRoutes(app: Hono, repository: StoredDesignsRepository | undefined): void {
  const paths = ['/admin/orders/designs', '/admin/catalog/*'];
  if (!repository) {
    for (const path of paths) app.all(path, () => errorResponse(apiError(404, 'not_found', 'this server was started without its database', 'restart it with npm start, then run the command again')));
    return;
  }
  const noStore = { headers: { 'Cache-Control': 'no-store' } };
  app.get('/admin/orders/designs', async (c) => {
    const since = new Date(c.req.query('since') ?? '');
    if (Number.isNaN(since.getTime())) return errorResponse(apiError(422, 'invalid_request', '"since" must be a date and time', 'send ?since=2026-09-01T00:00:00.000Z'));
    return Response.json(await readStoredDesigns(repository, { since, productId: c.req.query('product') }), noStore);
  });
  app.get('/admin/catalog/:productId/:rulesVersion', async (c) => {
    const entry = await repository.findCatalogEntry(c.req.param('productId'), c.req.param('rulesVersion'));
    if (!entry) return errorResponse(apiError(404, 'not_found', 'no such published rules version', 'list the versions with npm run rules -- versions <productId>'));
    return Response.json({ entry }, noStore);
  });
}

const refuse = (_c: Context, error: ApiError) => errorResponse(error);

/** The validator's hook: a body that does not fit its schema is refused with each problem. */
const invalid = (subject: string) => (result: { success: boolean; error?: readonly { message: string }[] }) => {
  if (result.success) return undefined;
  const problems = requestProblems(result.error ?? []);
  const { message, hint } = describeRefusal(subject, problems);
  return errorResponse(apiError(422, 'invalid_request', message, hint, problems));
};

/** The staff routes; without the services (a test's admin app) each answers why it cannot act. */
function mountStaffRoutes(app: Hono, accounts: OperatorStaffAccounts | undefined): void {
  if (!accounts) {
    app.all('/admin/staff/*', () => errorResponse(apiError(404, 'not_found', 'this server was started without staff accounts', 'restart it with npm start, then run the command again')));
    return;
  }
  const answer = (outcome: AccountOutcome, status: 200 | 201 = 200) =>
    outcome.ok ? Response.json({ account: outcome.account }, { status, headers: { 'Cache-Control': 'no-store' } }) : errorResponse(outcome.error);
  const body = jsonBody(STAFF_BODY_BYTES, { empty: 'send the account as a JSON object', tooLarge: 'send only the documented fields' }, refuse);

  app.get('/admin/staff/accounts', async () => Response.json({ accounts: await accounts.list() }, { headers: { 'Cache-Control': 'no-store' } }));
  app.post('/admin/staff/accounts', body, validator('json', newAccountRequestSchema, invalid('account')), async (c) => answer(await accounts.add(c.req.valid('json')), 201));
  app.patch('/admin/staff/accounts/:name', body, validator('json', accountChangeRequestSchema, invalid('change')), async (c) => answer(await accounts.change(c.req.param('name'), c.req.valid('json'))));
  app.post('/admin/staff/accounts/:name/password', body, validator('json', newPasswordRequestSchema, invalid('password change')), async (c) => answer(await accounts.resetPassword(c.req.param('name'), c.req.valid('json').password)));
}

/** The rules versions routes; without the services (a test's admin app) each answers why it cannot act. */
function mountRulesRoutes(app: Hono, versions: OperatorRulesVersions | undefined): void {
  if (!versions) {
    app.all('/admin/rules/*', () => errorResponse(apiError(404, 'not_found', 'this server was started without its database services', 'restart it with npm start, then run the command again')));
    return;
  }
  const noStore = { 'Cache-Control': 'no-store' };
  app.get('/admin/rules/:productId/versions', async (c) => Response.json({ versions: await versions.list(c.req.param('productId')) }, { headers: noStore }));
  app.post('/admin/rules/:productId/versions/:rulesVersion/retire', async (c) => {
    const outcome = await versions.retire(c.req.param('productId'), c.req.param('rulesVersion'));
    if (!outcome.ok) return errorResponse(outcome.error);
    const answer: RetireAnswer = { retired: outcome.rulesVersion, already: outcome.already, retiredAt: outcome.retiredAt };
    return Response.json(answer, { headers: noStore });
  });
  const body = jsonBody(RULES_BODY_BYTES, { empty: 'send the request as a JSON object', tooLarge: 'send the product and rules files as they are, and only the documented fields' }, refuse);
  const answer = (outcome: PublicationOutcome) => {
    if (!outcome.ok) return errorResponse(outcome.error);
    const { ok: _ok, ...published } = outcome;
    return Response.json(published, { headers: noStore });
  };
  app.post('/admin/rules/:productId/versions', body, validator('json', publishRulesRequestSchema, invalid('new version')), async (c) => {
    const { message, graceHours, draft, ...sources } = c.req.valid('json');
    return answer(await versions.publish(c.req.param('productId'), sources, { message, graceHours, draft }));
  });
  app.post('/admin/rules/:productId/versions/:rulesVersion/publish', body, validator('json', publicationNoteSchema, invalid('publication')), async (c) => {
    const { rulesVersion: _ignored, ...note } = c.req.valid('json');
    return answer(await versions.publishStored(c.req.param('productId'), c.req.param('rulesVersion'), note));
  });
  app.post('/admin/rules/:productId/rollback', body, validator('json', publicationNoteSchema, invalid('rollback')), async (c) => {
    const { rulesVersion, ...note } = c.req.valid('json');
    return answer(await versions.rollback(c.req.param('productId'), rulesVersion, note));
  });
}
