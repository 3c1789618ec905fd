// What can be done to staff accounts, once, for every way in: the staff API (an admin), the local
// admin API and `npm run staff` (the server's operator). Each action is checked, stored and
// appended to the audit log; a refusal is an ApiError and stores nothing.
import { checkNewPassword, normaliseRoles, type StaffRole } from '../../domain/index.ts';
import { apiError, type ApiError } from '../apiError.ts';
import type { Clock } from '../clock.ts';
import type { Repository } from '../repository.ts';
import type { AuditActor, StaffAccount } from '../staffRecords.ts';
import type { PasswordHasher } from './passwords.ts';
import { newSecret } from './secrets.ts';

/** What the account actions need. */
export interface StaffServices {
  readonly repository: Repository;
  readonly clock: Clock;
  readonly passwords: PasswordHasher;
}

/** Who acts, and from where (a client address, or `cli`). */
export interface ActingAs {
  readonly actor: AuditActor;
  readonly client: string;
}

/** An action's result: the account as it now is, or why nothing was done. */
export type AccountOutcome = { readonly ok: true; readonly account: StaffAccount } | { readonly ok: false; readonly error: ApiError };

/** Adds an account with its roles and first password (checked by the domain's password policy). */
export async function addStaffAccount(services: StaffServices, request: { readonly email: string; readonly roles: readonly StaffRole[]; readonly password: string }, as: ActingAs): Promise<AccountOutcome> {
  const email = request.email.trim().toLowerCase();
  const weak = passwordRefusal(request.password, email);
  if (weak) return weak;
  const roles = normaliseRoles(request.roles);
  const now = services.clock.now();
  const created = await services.repository.createStaffAccount({ id: newSecret('acc_', 16), email, roles, passwordHash: await services.passwords.hash(request.password), createdAt: now });
  if (created.kind === 'email_taken') return { ok: false, error: apiError(409, 'email_taken', `there is already an account for ${email}`, 'change that account\'s roles instead, or use another email') };
  await services.repository.appendAudit({ at: now, ...as, action: 'account.created', target: created.account.id, details: { email, roles } });
  return { ok: true, account: created.account };
}

/**
 * Changes an account's roles, or disables or enables it. The last enabled admin can be neither
 * disabled nor lose the role: the shop would have no one left to manage accounts.
 */
export async function changeStaffAccount(services: StaffServices, id: string, change: { readonly roles?: readonly StaffRole[]; readonly disabled?: boolean }, as: ActingAs): Promise<AccountOutcome> {
  const { repository } = services;
  const current = await repository.findStaffAccount(id);
  if (!current) return { ok: false, error: accountNotFound(id) };
  const roles = change.roles === undefined ? undefined : normaliseRoles(change.roles);
  const losesAdmin = current.roles.includes('admin') && !current.disabled && (change.disabled === true || (roles !== undefined && !roles.includes('admin')));
  if (losesAdmin && (await repository.countEnabledStaffWithRole('admin')) <= 1) {
    return { ok: false, error: apiError(409, 'last_admin', `${current.email} is the last enabled admin`, 'give another account the admin role first') };
  }
  const now = services.clock.now();
  const account = await repository.updateStaffAccount(id, { ...(roles ? { roles } : {}), ...(change.disabled === undefined ? {} : { disabled: change.disabled }), now });
  if (!account) return { ok: false, error: accountNotFound(id) };
  if (roles) await repository.appendAudit({ at: now, ...as, action: 'account.roles_changed', target: id, details: { email: account.email, from: current.roles, to: roles } });
  if (change.disabled !== undefined && change.disabled !== current.disabled) {
    await repository.appendAudit({ at: now, ...as, action: change.disabled ? 'account.disabled' : 'account.enabled', target: id, details: { email: account.email } });
  }
  return { ok: true, account };
}

/** Sets a new password for an account; every session of the account ends. */
export async function resetStaffPassword(services: StaffServices, id: string, password: string, as: ActingAs): Promise<AccountOutcome> {
  const current = await services.repository.findStaffAccount(id);
  if (!current) return { ok: false, error: accountNotFound(id) };
  const weak = passwordRefusal(password, current.email);
  if (weak) return weak;
  const now = services.clock.now();
  const account = await services.repository.updateStaffAccount(id, { passwordHash: await services.passwords.hash(password), now });
  if (!account) return { ok: false, error: accountNotFound(id) };
  await services.repository.appendAudit({ at: now, ...as, action: 'account.password_reset', target: id, details: { email: account.email } });
  return { ok: true, account };
}

/** The account named by its id (`acc_…`) or its email, as the CLI lets the operator name it. */
export async function findStaffAccountByName(repository: Repository, name: string): Promise<StaffAccount | undefined> {
  const stored = name.startsWith('acc_') ? await repository.findStaffAccount(name) : await repository.findStaffAccountByEmail(name.trim().toLowerCase());
  if (!stored) return undefined;
  const { passwordHash: _hidden, ...account } = stored;
  return account;
}

function passwordRefusal(password: string, email: string): { readonly ok: false; readonly error: ApiError } | undefined {
  const check = checkNewPassword(password, email);
  return check.ok ? undefined : { ok: false, error: apiError(400, 'weak_password', check.message, check.hint) };
}

function accountNotFound(id: string): ApiError {
  return apiError(404, 'not_found', `there is no staff account "${id.slice(0, 80)}"`, 'list the accounts (GET /api/staff/accounts, or npm run staff -- list) and use an id from there');
}
