// Staff accounts on the running e2e server, as a shop's admin makes them: the staff CLI's `add`
// (what `npm run staff -- add` runs, without npm's start-up) on the server's data directory, the
// password on standard input; and a staff page signed in, in a browser context of its own.
import { spawn } from 'node:child_process';
import type { Browser } from '@playwright/test';
import { StaffPages } from '../pages/StaffPages.ts';

const DATA_DIR = process.env.ATELIER_E2E_DATA_DIR ?? 'test-results/e2e-data';

/** An account a spec signs in with. */
export interface StaffLogin {
  readonly email: string;
  readonly password: string;
}

/** Adds an account with these roles (`designer`, `merchandiser`, …) through the staff CLI. */
export async function addStaffAccount(account: StaffLogin, roles: readonly string[]): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/staffCli.ts', 'add', '--email', account.email, ...roles.flatMap((role) => ['--role', role])], {
      env: { ...process.env, ATELIER_DATA_DIR: DATA_DIR },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => { output += chunk.toString(); });
    child.stderr.on('data', (chunk: Buffer) => { output += chunk.toString(); });
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`the staff CLI's add exited with ${code}:\n${output}`))));
    child.stdin.end(`${account.password}\n`);
  });
}

/** A staff page of its own browser context (its own cookies), signed in as `account` at `path`. */
export async function signedInStaff(browser: Browser, account: StaffLogin, path = '/staff'): Promise<StaffPages> {
  const staff = new StaffPages(await (await browser.newContext()).newPage());
  await staff.open(path);
  await staff.signIn(account.email, account.password);
  return staff;
}
