// `npm run staff` on a real data directory — opened by the command itself when no server runs, and
// through the admin API of a server that holds it. Real processes where the process is what is
// checked (the password piped in, or not, or given as an argument; what reaches stdout and stderr);
// the other steps run `runStaffCommand` in this process, which saves starting Node and tsx each time.
// The command line's own refusals are also checked through `runStaffCommand`, which needs no database.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startServerProcess } from '../../scripts/serverProcess.ts';
import { freshPgliteDataDir } from '../../scripts/support/testDatabases.ts';
import { runStaffCommand, staffTable, type StaffCliIo } from '../../src/cli/staffCli.ts';
import { LOCK_FILE_NAME, type LockHolder } from '../../src/server/dataDirectoryLock.ts';
import { openDataDirectory } from '../../src/server/openDataDirectory.ts';
import { createSqlRepository } from '../../src/server/sqlRepository.ts';
import { createPasswordHasher } from '../../src/server/staff/index.ts';
import type { AuditEntry, StaffAccount, StoredStaffAccount } from '../../src/server/staffRecords.ts';

const FIRST_PASSWORD = 'correct horse battery staple';
const NEW_PASSWORD = 'a different long passphrase';

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

interface Run {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * Runs `npm run staff -- <args>` as the operator would (the same script, without npm) on `dataDir`;
 * `stdin` is what is piped in (nothing, and no terminal, when undefined).
 */
function staff(args: readonly string[], dataDir: string, stdin?: string): Promise<Run> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/staffCli.ts', ...args], {
    env: { ...process.env, ATELIER_DATA_DIR: dataDir, DATABASE_URL: '' },
    stdio: [stdin === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'],
  });
  if (stdin !== undefined) child.stdin!.end(stdin);
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (chunk: Buffer) => { stdout += chunk.toString(); });
  child.stderr!.on('data', (chunk: Buffer) => { stderr += chunk.toString(); });
  return new Promise((done) => child.once('close', (code) => done({ code, stdout, stderr })));
}

/**
 * Runs `npm run staff -- <args>` on `dataDir` in this process: what {@link staff} does without a new
 * process, the first line of `stdin` being the new password (the real process reads it the same way).
 */
async function staffHere(args: readonly string[], dataDir: string, stdin?: string): Promise<Run> {
  let stdout = '';
  let stderr = '';
  const io: StaffCliIo = {
    out: (line) => { stdout += `${line}\n`; },
    err: (line) => { stderr += `${line}\n`; },
    readNewPassword: async () => {
      if (stdin === undefined) throw new Error('staffHere needs the password piped in: give stdin');
      return stdin.split('\n')[0]!.replace(/\r$/, '');
    },
  };
  const code = await runStaffCommand(args, io, { ...process.env, ATELIER_DATA_DIR: dataDir, DATABASE_URL: '' }, process.cwd());
  return { code, stdout, stderr };
}

/** What the data directory stores, read after the commands have let go of it. */
async function stored(dataDir: string): Promise<{ account: (email: string) => Promise<StoredStaffAccount | undefined>; audit: AuditEntry[] }> {
  const client = await openDataDirectory(dataDir, { create: false });
  const repository = createSqlRepository(client);
  const accounts = new Map<string, StoredStaffAccount | undefined>();
  for (const account of await repository.listStaffAccounts()) accounts.set(account.email, await repository.findStaffAccountByEmail(account.email));
  const audit = await repository.listAudit(100);
  await client.close();
  return { account: async (email) => accounts.get(email), audit };
}

/** Runs the command in this process, for the refusals that come before any database. */
async function runInProcess(args: readonly string[], password = FIRST_PASSWORD): Promise<{ code: number; out: string; err: string; asked: number }> {
  const out: string[] = [];
  const err: string[] = [];
  let asked = 0;
  const io: StaffCliIo = { out: (line) => out.push(line), err: (line) => err.push(line), readNewPassword: async () => { asked++; return password; } };
  const code = await runStaffCommand(args, io, { ATELIER_DATA_DIR: join(tmpdir(), 'atelier-staff-cli-never-created') }, process.cwd());
  return { code, out: out.join('\n'), err: err.join('\n'), asked };
}

describe('npm run staff on a data directory no server holds', () => {
  it('adds the first admin into a new folder, lists, refuses, changes roles, disables and resets passwords', async () => {
    const parent = mkdtempSync(join(tmpdir(), 'atelier-staff-cli-'));
    cleanups.push(() => rmSync(parent, { recursive: true, force: true }));
    const dataDir = join(parent, 'data');

    // The first admin, before the server ever ran: the folder is created and migrated.
    const added = await staff(['add', '--email', 'Ada@Example.com', '--role', 'admin'], dataDir, `${FIRST_PASSWORD}\n`);
    expect(added.stderr).toBe('');
    expect(added.stdout).toBe(`Added ada@example.com with the role admin: it signs in on the staff pages (/staff) with the password just set (in ${dataDir})\n`);
    expect(added.code).toBe(0);

    const listed = await staffHere(['list'], dataDir);
    expect(listed.code).toBe(0);
    expect(listed.stdout.split('\n').slice(0, 2)).toEqual([
      'EMAIL            ROLES  STATUS   LAST LOGIN',
      'ada@example.com  admin  enabled  never',
    ]);
    expect(listed.stdout).not.toMatch(/argon2|\$/);

    const again = await staffHere(['add', '--email', 'ada@example.com', '--role', 'designer'], dataDir, `${FIRST_PASSWORD}\n`);
    expect(again.code).toBe(1);
    expect(again.stderr).toBe('There is already an account for ada@example.com: change its roles with npm run staff -- set-roles --email ada@example.com --role <role>, or give it a new password with npm run staff -- reset-password --email ada@example.com.\n');

    const weak = await staffHere(['add', '--email', 'bob@example.com', '--role', 'designer'], dataDir, 'short\n');
    expect(weak.code).toBe(1);
    expect(weak.stderr).toMatch(/^The password has 5 characters; it needs at least 12: use a passphrase .*Nothing was changed\.\n$/);

    const argument = await staff(['add', '--email', 'bob@example.com', '--role', 'designer', '--password', 'hunter2hunter2'], dataDir);
    expect(argument.code).toBe(2);
    expect(argument.stderr).toMatch(/^A password is never given as an argument: it would stay in your shell history and show in ps/);
    expect(argument.stderr).not.toContain('hunter2');

    const nothingPiped = await staff(['add', '--email', 'bob@example.com', '--role', 'designer'], dataDir);
    expect(nothingPiped.code).toBe(1);
    expect(nothingPiped.stderr).toMatch(/^No password on standard input: type it in a terminal, or pipe it in/);

    // Only the first line is the password; the second is never read as anything.
    const bob = await staff(['add', '--email', 'bob@example.com', '--roles', 'designer'], dataDir, 'bob\'s long passphrase\r\nsecond line\n');
    expect(bob.code).toBe(0);
    const roles = await staffHere(['set-roles', '--email', 'bob@example.com', '--role', 'fulfilment', '--role', 'designer'], dataDir);
    expect(roles.stdout).toMatch(/^bob@example.com now has the roles designer, fulfilment \(in /);
    expect(roles.code).toBe(0);
    const disabled = await staffHere(['disable', '--email', 'bob@example.com'], dataDir);
    expect(disabled.stdout).toMatch(/^Disabled bob@example.com: it can no longer sign in, and its sessions ended/);
    const lastAdmin = await staffHere(['disable', '--email', 'ada@example.com'], dataDir);
    expect(lastAdmin.code).toBe(1);
    expect(lastAdmin.stderr).toMatch(/^ada@example.com is the last enabled admin: give another account the admin role first/);
    const unknown = await staffHere(['reset-password', '--email', 'nobody@example.com'], dataDir, `${NEW_PASSWORD}\n`);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toBe('There is no staff account "nobody@example.com": list the accounts with npm run staff -- list and use an email from there.\n');

    const reset = await staffHere(['reset-password', '--email', 'ada@example.com'], dataDir, `${NEW_PASSWORD}\n`);
    expect(reset.stdout).toMatch(/^Set a new password for ada@example.com: its sessions ended/);
    expect(reset.code).toBe(0);

    const afterwards = await staffHere(['list'], dataDir);
    expect(afterwards.stdout).toMatch(/\nbob@example\.com +designer,fulfilment +disabled +never\n/);
    expect(afterwards.stdout).toContain('2 accounts, 1 enabled');

    const { account, audit } = await stored(dataDir);
    const hash = (await account('ada@example.com'))!.passwordHash;
    const passwords = createPasswordHasher();
    expect(await passwords.verify(hash, NEW_PASSWORD)).toBe(true);
    expect(await passwords.verify(hash, FIRST_PASSWORD)).toBe(false);
    expect(await passwords.verify((await account('bob@example.com'))!.passwordHash, 'bob\'s long passphrase')).toBe(true);
    // Every change is audited as the operator's, and no password is in the log.
    expect(audit.map((entry) => entry.action).reverse()).toEqual(['account.created', 'account.created', 'account.roles_changed', 'account.disabled', 'account.password_reset']);
    expect(audit.every((entry) => entry.actor.kind === 'cli' && entry.client === 'cli')).toBe(true);
    expect(JSON.stringify(audit)).not.toMatch(/passphrase|battery|argon2/);
  }, 240_000);
});

describe('npm run staff while a server holds the data directory', () => {
  it('adds and lists through the server\'s admin API, and the server signs the new account in at once', async () => {
    const dataDir = await freshPgliteDataDir();
    cleanups.push(() => rmSync(dataDir, { recursive: true, force: true }));
    const server = await startServerProcess({ ATELIER_DATA_DIR: dataDir }, 120_000);
    cleanups.push(() => server.stop('SIGKILL'));
    const via = `via the admin API of the running server, process ${server.child.pid}`;

    const added = await staff(['add', '--email', 'ada@example.com', '--role', 'admin', '--role', 'merchandiser'], dataDir, `${FIRST_PASSWORD}\n`);
    expect(added.stderr).toBe('');
    expect(added.stdout).toBe(`Added ada@example.com with the roles admin, merchandiser: it signs in on the staff pages (/staff) with the password just set (${via})\n`);
    expect(added.code).toBe(0);

    const listed = await staffHere(['list'], dataDir);
    expect(listed.code).toBe(0);
    expect(listed.stdout).toContain('ada@example.com  admin,merchandiser  enabled  never');
    expect(listed.stdout).toContain(`1 account, 1 enabled (${via})`);

    const taken = await staffHere(['add', '--email', 'ada@example.com', '--role', 'designer'], dataDir, `${FIRST_PASSWORD}\n`);
    expect(taken.code).toBe(1);
    expect(taken.stderr).toMatch(/^There is already an account for ada@example.com/);

    // The server that holds the folder knows the account: it was written by the server itself.
    const login = await fetch(`${server.url}/api/staff/login`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ email: 'ada@example.com', password: FIRST_PASSWORD }) });
    expect(login.status).toBe(200);
    expect(((await login.json()) as { account: StaffAccount }).account.roles).toEqual(['admin', 'merchandiser']);
    const holder = JSON.parse(readFileSync(join(dataDir, LOCK_FILE_NAME), 'utf8')) as LockHolder;
    const viaAdmin = await fetch(`${holder.adminUrl}/admin/staff/accounts`, { headers: { Authorization: `Bearer ${holder.adminToken}` } });
    expect(((await viaAdmin.json()) as { accounts: StaffAccount[] }).accounts.map((account) => account.email)).toEqual(['ada@example.com']);
  }, 240_000);
});

describe('the command line of npm run staff', () => {
  it.each([
    [['add', '--email', 'a@example.com', '--role', 'admin', '--password=hunter2hunter2']],
    [['reset-password', '--email', 'a@example.com', '-p', 'hunter2hunter2']],
    [['--new-password', 'hunter2hunter2', 'add']],
  ])('refuses a password as an argument before anything else: %j', async (args) => {
    const run = await runInProcess(args);
    expect(run.code).toBe(2);
    expect(run.err).toContain('it would stay in your shell history and show in ps');
    expect(run.err).not.toContain('hunter2');
    expect(run.asked).toBe(0);
  });

  it.each([
    [[], 'Name a command: add, list, set-roles, disable, enable, reset-password (e.g. npm run staff -- list).'],
    [['remove', '--email', 'a@example.com'], 'Unknown command "remove": use add, list, set-roles, disable, enable, reset-password.'],
    [['add', '--email', 'a@example.com'], 'add needs at least one --role (admin, merchandiser, designer, fulfilment): write it as npm run staff -- add --email <email> --role <role> [--role <role>…].'],
    [['add', '--role', 'admin'], 'add needs --email: write it as npm run staff -- add --email <email> --role <role> [--role <role>…].'],
    [['add', '--email', 'a@example.com', '--role', 'wizard'], '"wizard" is not a staff role: use admin, merchandiser, designer, fulfilment.'],
    [['add', '--email', 'not-an-address', '--role', 'admin'], '"not-an-address" is not an email address: it has no "@". Write it like --email ada@example.com.'],
    [['add', '--email'], '--email needs a value, e.g. --email ada@example.com.'],
    [['list', '--email', 'a@example.com'], 'list takes no --email: write it as npm run staff -- list.'],
    [['disable', '--email', 'a@example.com', '--role', 'admin'], 'disable takes no --role: change roles with npm run staff -- set-roles --email <email> --role <role> [--role <role>…].'],
    [['list', '--verbose=yes'], 'Unknown option "--verbose": use --email, --role or --roles.'],
    // A word out of place may be a password typed in the wrong place: it is counted, not repeated.
    [['reset-password', '--email', 'a@example.com', 'my secret words'], 'reset-password takes no other words (1 given): write it as npm run staff -- reset-password --email <email>.'],
  ])('refuses %j with exit 2 and one line', async (args, message) => {
    const run = await runInProcess(args);
    expect(run).toEqual({ code: 2, out: '', err: message, asked: 0 });
  });

  it('prints its usage with the roles and how passwords are given', async () => {
    const run = await runInProcess(['help']);
    expect(run.code).toBe(0);
    expect(run.out).toContain('reset-password --email <email>');
    expect(run.out).toContain('fulfilment    reads orders with the customers\' contact details');
    expect(run.out).toContain('Never as an argument.');
    expect((await runInProcess(['list', '--help'])).out).toBe(run.out);
  });

  it('refuses a weak password before it opens the database', async () => {
    const run = await runInProcess(['add', '--email', 'ada@example.com', '--role', 'admin'], 'ada@example.com');
    expect(run.code).toBe(1);
    expect(run.err).toBe('The password is the account\'s email address: use a passphrase of four or more unrelated words, or a password manager\'s generated password. Nothing was changed.');
  });

  it('lists accounts in columns, never with a password hash', () => {
    const account = (email: string, changes: Partial<StaffAccount>): StaffAccount => ({ id: `acc_${email}`, email, roles: ['designer'], disabled: false, createdAt: '2026-11-25T12:00:00.000Z', updatedAt: '2026-11-25T12:00:00.000Z', lastLoginAt: null, ...changes });
    const withHash = { ...account('ada@example.com', { roles: ['admin', 'fulfilment'], lastLoginAt: '2026-11-26T08:30:12.345Z' }), passwordHash: '$argon2id$v=19$secret' };
    expect(staffTable([withHash, account('b@example.com', { disabled: true })]).split('\n')).toEqual([
      'EMAIL            ROLES             STATUS    LAST LOGIN',
      'ada@example.com  admin,fulfilment  enabled   2026-11-26 08:30 UTC',
      'b@example.com    designer          disabled  never',
    ]);
  });
});
