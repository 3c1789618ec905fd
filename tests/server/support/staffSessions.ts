// Staff on the in-process app: accounts made through the same actions as the CLI, and sessions
// either signed in through the login route or made directly (for tests that need many).
import type { Hono } from 'hono';
import type { StaffRole } from '../../../src/domain/index.ts';
import type { Repository } from '../../../src/server/repository.ts';
import { addStaffAccount, createPasswordHasher, newSecret, sha256Text, type PasswordHasher } from '../../../src/server/staff/index.ts';
import { csrfTokenOf } from '../../../src/server/staff/staffAuth.ts';
import type { StaffAccount } from '../../../src/server/staffRecords.ts';

/** A password every test account has: long enough for the policy. */
export const STAFF_PASSWORD = 'correct horse battery staple';

/** A signed-in browser: the cookie header to send, and the CSRF token for writes. */
export interface StaffBrowser {
  readonly cookie: string;
  readonly csrfToken: string;
  /** Headers of a same-origin write with the session. */
  writeHeaders(extra?: Record<string, string>): Record<string, string>;
}

const clock = { now: () => new Date('2026-11-25T12:00:00.000Z') };

/** Adds an account as the CLI would. */
export async function addAccount(repository: Repository, email: string, roles: readonly StaffRole[], passwords: PasswordHasher = createPasswordHasher()): Promise<StaffAccount> {
  const result = await addStaffAccount({ repository, clock, passwords }, { email, roles, password: STAFF_PASSWORD }, { actor: { kind: 'cli' }, client: 'cli' });
  if (!result.ok) throw new Error(result.error.message);
  return result.account;
}

/** Signs in through POST /api/staff/login. */
export async function signIn(app: Hono, email: string, password = STAFF_PASSWORD, headers: Record<string, string> = {}, bindings?: object): Promise<StaffBrowser> {
  const response = await app.request('/api/staff/login', { method: 'POST', headers: { 'Content-Type': 'application/json', ...headers }, body: JSON.stringify({ email, password }) }, bindings);
  if (response.status !== 200) throw new Error(`login of ${email} answered ${response.status}: ${await response.text()}`);
  const cookie = (response.headers.get('set-cookie') ?? '').split(';')[0]!;
  const { csrfToken } = await response.json() as { csrfToken: string };
  return browser(cookie, csrfToken);
}

/** A session made directly in the database, as a login would make it (no password hashing: for tests that need many). */
export async function sessionFor(repository: Repository, account: StaffAccount, at: Date): Promise<StaffBrowser> {
  const sessionId = newSecret('', 32);
  await repository.createStaffSession({ idHash: sha256Text(sessionId), accountId: account.id, createdAt: at, client: '127.0.0.1' });
  return browser(`atelier_staff=${sessionId}`, csrfTokenOf(sessionId));
}

function browser(cookie: string, csrfToken: string): StaffBrowser {
  return {
    cookie,
    csrfToken,
    writeHeaders: (extra = {}) => ({ Cookie: cookie, 'X-CSRF-Token': csrfToken, 'Content-Type': 'application/json', Origin: 'http://localhost', Host: 'localhost', ...extra }),
  };
}
