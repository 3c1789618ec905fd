/**
 * `npm run staff -- <command>`: the server's operator manages staff accounts from the server's
 * machine — above all the first admin, before anyone can sign in to the staff pages. It works on
 * the database the server uses (ATELIER_DATA_DIR, default ./data, or DATABASE_URL), also while the
 * server runs (through its local admin API). Passwords are typed (twice, not shown) or piped on
 * standard input, never given as arguments. Messages are one line. Exit codes: 0 done, 1 refused
 * or failed, 2 usage.
 */
import process from 'node:process';
import { checkEmailAddress, checkNewPassword, isStaffRole, ROLE_DESCRIPTIONS, STAFF_ROLES, type StaffRole } from '../domain/index.ts';
import type { ApiError } from '../server/apiError.ts';
import { databaseConfigFromEnv, type DatabaseConfig } from '../server/openDatabase.ts';
import { refusalSentence, type OperatorStaffAccounts } from '../server/operatorStaffAccounts.ts';
import { reachStaffAccounts, type ReachedStaffAccounts } from '../server/reachStaffAccounts.ts';
import type { AccountOutcome } from '../server/staff/index.ts';
import type { StaffAccount } from '../server/staffRecords.ts';
import { CliError, EXIT_FAILED, EXIT_OK, UsageError } from './cliErrors.ts';
import { isEntryPoint } from './isEntryPoint.ts';
import { capitalised, columns, describeWhere, oneLine } from './operatorLines.ts';

const COMMAND = 'npm run staff --';

/** The commands, what each needs, and one line on what it does. */
const COMMANDS = {
  add: { email: true, roles: true, password: true, synopsis: 'add --email <email> --role <role> [--role <role>…]', does: 'adds an account; asks for its first password' },
  list: { email: false, roles: false, password: false, synopsis: 'list', does: 'lists the accounts: email, roles, enabled or disabled, last login' },
  'set-roles': { email: true, roles: true, password: false, synopsis: 'set-roles --email <email> --role <role> [--role <role>…]', does: 'replaces an account\'s roles' },
  disable: { email: true, roles: false, password: false, synopsis: 'disable --email <email>', does: 'stops an account from signing in and ends its sessions' },
  enable: { email: true, roles: false, password: false, synopsis: 'enable --email <email>', does: 'lets a disabled account sign in again' },
  'reset-password': { email: true, roles: false, password: true, synopsis: 'reset-password --email <email>', does: 'sets a new password and ends the account\'s sessions' },
} as const;

type StaffCommand = keyof typeof COMMANDS;

/** The usage text: the commands, the roles and how passwords are given. */
export const STAFF_USAGE = [
  `Usage: ${COMMAND} <command> [options]   (the database of ATELIER_DATA_DIR, default ./data, or DATABASE_URL; also while the server runs)`,
  '',
  ...Object.values(COMMANDS).map((command) => `  ${command.synopsis.padEnd(58)} ${command.does}`),
  '',
  '  --roles a,b is the same as --role a --role b. Roles:',
  ...STAFF_ROLES.map((role) => `    ${role.padEnd(13)} ${ROLE_DESCRIPTIONS[role]}`),
  '',
  'Passwords: typed twice on a terminal, not shown; otherwise the first line of standard input (e.g. < password.txt).',
  'Never as an argument. First admin: npm run staff -- add --email you@example.com --role admin',
].join('\n');

// Why a password given as an argument is refused, whatever the option is called.
const PASSWORD_ARGUMENT = /^-{1,2}(password|passwd|pass|pw|p|new-password|secret)(=|$)/i;
const PASSWORD_ARGUMENT_REFUSED = `A password is never given as an argument: it would stay in your shell history and show in ps to every user of this machine. Leave it out: the command asks for it on a terminal (typed twice, not shown), or reads the first line of its standard input (${COMMAND} add --email you@example.com --role admin < password.txt).`;

/** The command line once read. */
export interface StaffCommandLine {
  readonly command: StaffCommand | 'help';
  /** The account's email as typed (trimmed, lower-cased), or an `acc_` id. */
  readonly email: string | undefined;
  /** Each once, in the order of STAFF_ROLES. */
  readonly roles: readonly StaffRole[];
}

/** Where the command writes, and how it reads a new password; the process's streams unless a test passes its own. */
export interface StaffCliIo {
  /** Results: the table, what was done. */
  out(line: string): void;
  /** Why something was refused or failed, and the prompts. */
  err(line: string): void;
  /** A new password: asked twice without echo on a terminal, otherwise the first line of standard input. */
  readNewPassword(email: string): Promise<string>;
}

/**
 * Runs one staff command (`argv` is what follows `npm run staff --`) and returns the exit code:
 * 0 done, 1 refused or failed, 2 usage. Refusals and failures are one line on `io.err`; no
 * password or hash is ever written.
 */
export async function runStaffCommand(argv: readonly string[], io: StaffCliIo = processIo(), env: NodeJS.ProcessEnv = process.env, cwd: string = process.cwd()): Promise<number> {
  try {
    const parsed = parseStaffCommandLine(argv);
    if (parsed.command === 'help') {
      io.out(STAFF_USAGE);
      return EXIT_OK;
    }
    const line = { ...parsed, command: parsed.command };
    const config = readDatabaseConfig(env, cwd);
    // The password first: the data directory is not held locked while someone types.
    const password = COMMANDS[line.command].password ? await newPassword(io, line.email!) : undefined;
    const reached = await reachStaffAccounts(config, { create: line.command === 'add' }).catch((error: unknown) => {
      throw new CliError(oneLine(error));
    });
    try {
      return await perform(line, password, reached, config, io);
    } finally {
      await reached.close();
    }
  } catch (error) {
    if (error instanceof CliError) {
      io.err(error.message);
      return error.exitCode;
    }
    io.err(oneLine(error));
    return EXIT_FAILED;
  }
}

/** Reads the command line; refuses a password among the arguments before anything else. */
export function parseStaffCommandLine(argv: readonly string[]): StaffCommandLine {
  if (argv.some((argument) => PASSWORD_ARGUMENT.test(argument))) throw new UsageError(PASSWORD_ARGUMENT_REFUSED);
  const positionals: string[] = [];
  const roleNames: string[] = [];
  let email: string | undefined;
  let help = false;
  for (let index = 0; index < argv.length; index++) {
    const argument = argv[index]!;
    const [option, inlineValue] = argument.startsWith('--') && argument.includes('=') ? [argument.slice(0, argument.indexOf('=')), argument.slice(argument.indexOf('=') + 1)] : [argument, undefined];
    const value = (example: string): string => {
      const next = inlineValue ?? argv[index + 1];
      if (next === undefined || next === '' || (inlineValue === undefined && next.startsWith('-'))) throw new UsageError(`${option} needs a value, e.g. ${option} ${example}.`);
      if (inlineValue === undefined) index++;
      return next;
    };
    if (option === '--help' || option === '-h') help = true;
    else if (option === '--email') email = value('ada@example.com');
    else if (option === '--role') roleNames.push(value('admin'));
    else if (option === '--roles') roleNames.push(...value('admin,designer').split(','));
    // Only the option's name is repeated: what follows an "=" may be anything, a secret included.
    else if (option.startsWith('-')) throw new UsageError(`Unknown option "${option}": use --email, --role or --roles.`);
    else positionals.push(argument);
  }
  const [commandName, ...extra] = positionals;
  if (help || commandName === 'help') return { command: 'help', email: undefined, roles: [] };
  if (commandName === undefined) throw new UsageError(`Name a command: ${Object.keys(COMMANDS).join(', ')} (e.g. ${COMMAND} list).`);
  if (!Object.hasOwn(COMMANDS, commandName)) throw new UsageError(`Unknown command "${commandName.slice(0, 40)}": use ${Object.keys(COMMANDS).join(', ')}.`);
  const command = commandName as StaffCommand;
  const needs = COMMANDS[command];
  // Extra words are not echoed: a password typed in the wrong place must not be printed back.
  if (extra.length > 0) throw new UsageError(`${command} takes no other words (${extra.length} given): write it as ${COMMAND} ${needs.synopsis}.`);
  if (needs.email && email === undefined) throw new UsageError(`${command} needs --email: write it as ${COMMAND} ${needs.synopsis}.`);
  if (!needs.email && email !== undefined) throw new UsageError(`${command} takes no --email: write it as ${COMMAND} ${needs.synopsis}.`);
  if (needs.roles && roleNames.length === 0) throw new UsageError(`${command} needs at least one --role (${STAFF_ROLES.join(', ')}): write it as ${COMMAND} ${needs.synopsis}.`);
  if (!needs.roles && roleNames.length > 0) throw new UsageError(`${command} takes no --role${command === 'list' ? '' : `: change roles with ${COMMAND} ${COMMANDS['set-roles'].synopsis}`}.`);
  return { command, email: email === undefined ? undefined : checkedEmail(email), roles: checkedRoles(roleNames) };
}

function checkedEmail(typed: string): string {
  const email = typed.trim().toLowerCase();
  // An id names an existing account as well as its email does.
  if (/^acc_[\w-]+$/.test(typed.trim())) return typed.trim();
  const check = checkEmailAddress(email);
  if (!check.ok) throw new UsageError(`"${email.slice(0, 80)}" is not an email address: ${check.reason}. Write it like --email ada@example.com.`);
  return email;
}

function checkedRoles(names: readonly string[]): StaffRole[] {
  const roles: StaffRole[] = [];
  for (const name of names.map((text) => text.trim().toLowerCase())) {
    if (!isStaffRole(name)) throw new UsageError(`"${name.slice(0, 40)}" is not a staff role: use ${STAFF_ROLES.join(', ')}.`);
    roles.push(name);
  }
  return STAFF_ROLES.filter((role) => roles.includes(role));
}

function readDatabaseConfig(env: NodeJS.ProcessEnv, cwd: string): DatabaseConfig {
  try {
    return databaseConfigFromEnv(env, cwd);
  } catch (error) {
    throw new CliError(oneLine(error));
  }
}

/** Reads the new password and checks it with the domain's policy before anything is sent. */
async function newPassword(io: StaffCliIo, email: string): Promise<string> {
  const password = await io.readNewPassword(email);
  // An `acc_` id is not the email the policy compares with: the shared action checks that again.
  const check = checkNewPassword(password, email.startsWith('acc_') ? '' : email);
  if (!check.ok) throw new CliError(`${capitalised(check.message)}: ${check.hint}. Nothing was changed.`);
  return password;
}

async function perform(line: StaffCommandLine & { readonly command: StaffCommand }, password: string | undefined, reached: ReachedStaffAccounts, config: DatabaseConfig, io: StaffCliIo): Promise<number> {
  const { accounts } = reached;
  const where = describeWhere(reached.via, config);
  const done = (outcome: AccountOutcome, say: (account: StaffAccount) => string): number => {
    if (!outcome.ok) throw new CliError(refusalLine(outcome.error, line));
    io.out(`${say(outcome.account)} (${where})`);
    return EXIT_OK;
  };
  if (line.command === 'list') return list(accounts, io, where);
  // Every other command names an account (the command line was refused otherwise).
  const email = line.email!;
  switch (line.command) {
    case 'add':
      return done(await accounts.add({ email, roles: line.roles, password: password! }), (account) => `Added ${account.email} with the role${account.roles.length === 1 ? '' : 's'} ${account.roles.join(', ')}: it signs in on the staff pages (/staff) with the password just set`);
    case 'set-roles':
      return done(await accounts.change(email, { roles: line.roles }), (account) => `${account.email} now has the role${account.roles.length === 1 ? '' : 's'} ${account.roles.join(', ')}`);
    case 'disable':
      return done(await accounts.change(email, { disabled: true }), (account) => `Disabled ${account.email}: it can no longer sign in, and its sessions ended`);
    case 'enable':
      return done(await accounts.change(email, { disabled: false }), (account) => `Enabled ${account.email}: it signs in again with its password`);
    case 'reset-password':
      return done(await accounts.resetPassword(email, password!), (account) => `Set a new password for ${account.email}: its sessions ended, it signs in with the new one`);
  }
}

async function list(accounts: OperatorStaffAccounts, io: StaffCliIo, where: string): Promise<number> {
  const all = await accounts.list();
  if (all.length === 0) {
    io.out(`No staff accounts yet (${where}): add the first admin with ${COMMAND} add --email you@example.com --role admin`);
    return EXIT_OK;
  }
  io.out(staffTable(all));
  const enabled = all.filter((account) => !account.disabled).length;
  io.out(`${all.length} account${all.length === 1 ? '' : 's'}, ${enabled} enabled (${where})`);
  return EXIT_OK;
}

/**
 * The accounts as a table: email, roles, enabled or disabled, last login (UTC). Only those
 * columns: what an account is shown with never includes its password hash.
 */
export function staffTable(accounts: readonly StaffAccount[]): string {
  const rows = [
    ['EMAIL', 'ROLES', 'STATUS', 'LAST LOGIN'],
    ...accounts.map((account) => [account.email, account.roles.join(','), account.disabled ? 'disabled' : 'enabled', account.lastLoginAt === null ? 'never' : `${new Date(account.lastLoginAt).toISOString().slice(0, 16).replace('T', ' ')} UTC`]),
  ];
  return columns(rows);
}

/** A refusal as one line, with the command that fixes it where there is one. */
function refusalLine(error: ApiError, line: StaffCommandLine): string {
  switch (error.code) {
    case 'email_taken':
      return `There is already an account for ${line.email}: change its roles with ${COMMAND} set-roles --email ${line.email} --role <role>, or give it a new password with ${COMMAND} reset-password --email ${line.email}.`;
    case 'last_admin':
      return `${capitalised(error.message)}: give another account the admin role first (${COMMAND} set-roles --email <other email> --role admin), then run this again.`;
    case 'weak_password':
      return `${capitalised(error.message)}: ${error.hint}. Nothing was changed.`;
    default:
      return capitalised(refusalSentence(error));
  }
}


/** The process's streams; the password from the terminal, or else from standard input. */
function processIo(): StaffCliIo {
  return {
    out: (line) => process.stdout.write(`${line}\n`),
    err: (line) => process.stderr.write(`${line}\n`),
    async readNewPassword(email) {
      if (!process.stdin.isTTY) {
        const piped = await firstLineOfStandardInput();
        if (piped === undefined || piped === '') throw new CliError(`No password on standard input: type it in a terminal, or pipe it in (${COMMAND} … < password.txt, one line). Nothing was changed.`);
        return piped;
      }
      const first = await askWithoutEcho(`New password for ${email} (at least 12 characters, not shown): `);
      const second = await askWithoutEcho('The same password again: ');
      if (first !== second) throw new CliError('The two passwords differ: run the command again and type the same password twice. Nothing was changed.');
      return first;
    },
  };
}

/** The first line of standard input (without its line break), or undefined when it is empty. */
async function firstLineOfStandardInput(): Promise<string | undefined> {
  process.stdin.setEncoding('utf8');
  let text = '';
  for await (const chunk of process.stdin as AsyncIterable<string>) {
    text += chunk;
    const end = text.indexOf('\n');
    // Leaving the loop stops reading: the rest of the input is never read, nor waited for.
    if (end >= 0) return text.slice(0, end).replace(/\r$/, '');
  }
  return text === '' ? undefined : text.replace(/\r$/, '');
}

/**
 * Asks on the terminal with echo off (raw mode: every key arrives here and none is shown), for
 * the prompt on standard error. Backspace and Ctrl-U edit; Ctrl-C and Ctrl-D on an empty line cancel.
 */
function askWithoutEcho(prompt: string): Promise<string> {
  const input = process.stdin;
  process.stderr.write(prompt);
  input.setEncoding('utf8');
  input.setRawMode(true);
  input.resume();
  return new Promise((resolve, reject) => {
    let typed = '';
    const finish = (error?: CliError) => {
      input.off('data', onKeys);
      input.setRawMode(false);
      input.pause();
      process.stderr.write('\n');
      if (error) reject(error);
      else resolve(typed);
    };
    const cancelled = () => finish(new CliError('Cancelled: nothing was changed.'));
    const onKeys = (keys: string) => {
      for (const key of keys) {
        if (key === '\r' || key === '\n') return finish();
        if (key === '\u0003') return cancelled();
        if (key === '\u0004') return typed === '' ? cancelled() : finish();
        if (key === '\u007f' || key === '\b') typed = [...typed].slice(0, -1).join('');
        else if (key === '\u0015') typed = '';
        else typed += key;
      }
    };
    input.on('data', onKeys);
  });
}

if (isEntryPoint(import.meta.url)) {
  process.exitCode = await runStaffCommand(process.argv.slice(2));
}
