// What the server's operator (`npm run staff`, on the server's machine) can do to staff accounts,
// written once over the shared account actions (`staff/`), and once more as requests to the local
// admin API, so the command works the same whether it opened the database or a running server
// holds it. Accounts are named by email or `acc_` id; every action is audited as actor `cli`.
import type { StaffRole } from '../domain/index.ts';
import { apiError, type ApiError, type ApiErrorBody } from './apiError.ts';
import { addStaffAccount, changeStaffAccount, findStaffAccountByName, resetStaffPassword, type AccountOutcome, type ActingAs, type StaffServices } from './staff/index.ts';
import type { StaffAccount } from './staffRecords.ts';

/** Who acts when the operator does: the command line on the server's machine. */
export const OPERATOR: ActingAs = { actor: { kind: 'cli' }, client: 'cli' };

/** A new account as the operator asks for it. */
export interface OperatorNewAccount {
  readonly email: string;
  readonly roles: readonly StaffRole[];
  readonly password: string;
}

/** A change to an account: new roles, disabled or enabled again, or both. */
export interface OperatorAccountChange {
  readonly roles?: readonly StaffRole[];
  readonly disabled?: boolean;
}

/**
 * The operator's actions on staff accounts. `name` is an account's email (any case) or its `acc_`
 * id. A refusal (unknown account, email taken, weak password, last admin) is an outcome with the
 * API's error, never a throw; a throw means the database or the server could not be reached.
 */
export interface OperatorStaffAccounts {
  /** Every account, oldest first, without password hashes. */
  list(): Promise<StaffAccount[]>;
  add(account: OperatorNewAccount): Promise<AccountOutcome>;
  change(name: string, change: OperatorAccountChange): Promise<AccountOutcome>;
  resetPassword(name: string, password: string): Promise<AccountOutcome>;
}

/** The refusal for a name no account has. */
export function unknownStaffAccount(name: string): ApiError {
  return apiError(404, 'not_found', `there is no staff account "${name.slice(0, 80)}"`, 'list the accounts with npm run staff -- list and use an email from there');
}

/**
 * The operator's actions in this process, on the repository: what the local admin API runs, and
 * what `npm run staff` runs when it opened the database itself.
 */
export function operatorStaffAccounts(services: StaffServices): OperatorStaffAccounts {
  // The shared actions take an id: the operator's name for the account is looked up first.
  const withAccount = async (name: string, act: (account: StaffAccount) => Promise<AccountOutcome>): Promise<AccountOutcome> => {
    const account = await findStaffAccountByName(services.repository, name);
    return account ? act(account) : { ok: false, error: unknownStaffAccount(name) };
  };
  return {
    list: () => services.repository.listStaffAccounts(),
    add: (account) => addStaffAccount(services, account, OPERATOR),
    change: (name, change) => withAccount(name, (account) => changeStaffAccount(services, account.id, change, OPERATOR)),
    resetPassword: (name, password) => withAccount(name, (account) => resetStaffPassword(services, account.id, password, OPERATOR)),
  };
}

/** Sends a request to the local admin API of the server that holds the data directory. */
export type AdminRequest = (path: string, init?: RequestInit) => Promise<Response>;

/**
 * The operator's actions as requests to the local admin API (`/admin/staff/…`, see `adminApp.ts`)
 * of the running server, which runs {@link operatorStaffAccounts} on its own database.
 */
export function operatorStaffAccountsOverAdminApi(request: AdminRequest): OperatorStaffAccounts {
  const send = async (path: string, method: string, body?: unknown): Promise<Response> =>
    request(path, body === undefined ? { method } : { method, headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
  const outcome = async (response: Response): Promise<AccountOutcome> => {
    if (response.ok) return { ok: true, account: ((await response.json()) as { account: StaffAccount }).account };
    return { ok: false, error: await refusalOf(response) };
  };
  const accountPath = (name: string) => `/admin/staff/accounts/${encodeURIComponent(name)}`;
  return {
    async list() {
      const response = await send('/admin/staff/accounts', 'GET');
      if (!response.ok) throw new Error(refusalSentence(await refusalOf(response)));
      return ((await response.json()) as { accounts: StaffAccount[] }).accounts;
    },
    add: async (account) => outcome(await send('/admin/staff/accounts', 'POST', account)),
    change: async (name, change) => outcome(await send(accountPath(name), 'PATCH', change)),
    resetPassword: async (name, password) => outcome(await send(`${accountPath(name)}/password`, 'POST', { password })),
  };
}

/** One line for a refusal: what is wrong, then what to do. */
export function refusalSentence(error: Pick<ApiError, 'message' | 'hint'>): string {
  return `${error.message}: ${error.hint}.`;
}

/**
 * The API error in a refused response; a server without the routes (`what` it cannot do, e.g.
 * "manage staff accounts") is told apart from one that refused.
 */
export async function refusalOf(response: Response, what = 'manage staff accounts'): Promise<ApiError> {
  const text = await response.text();
  let body: Partial<ApiErrorBody> | undefined;
  try {
    body = JSON.parse(text) as Partial<ApiErrorBody>;
  } catch {
    body = undefined;
  }
  const error = body?.error;
  if (!error || typeof error.message !== 'string') {
    return apiError(500, 'internal_error', `the running server answered HTTP ${response.status} without an explanation`, 'look at the server\'s log, or stop the server and run the command again');
  }
  // An older server has the admin API but not its staff routes: it answers its generic 404.
  if (response.status === 404 && error.message === 'no such admin endpoint') {
    return apiError(404, 'not_found', `the running server is older than this command and cannot ${what}`, 'restart the server with this version of Atelier, then run the command again');
  }
  return { status: response.status as ApiError['status'], ...error };
}
