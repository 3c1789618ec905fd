#!/usr/bin/env node
// Makes sure Debian's Chromium is at /usr/bin/chromium (Playwright and the
// screenshot script use it; Playwright's own browser downloads are not used).
//
//   - present            -> print its version, exit 0
//   - missing, can root  -> apt-get update && apt-get install -y chromium fonts-dejavu-core
//   - missing, cannot    -> say what is missing and the exact command, exit 1
import { spawnSync } from 'node:child_process';
import { accessSync, constants, existsSync } from 'node:fs';
import { delimiter, join } from 'node:path';

const CHROMIUM = '/usr/bin/chromium';
const PACKAGES = ['chromium', 'fonts-dejavu-core'];
const INSTALL_CMD = `apt-get update && apt-get install -y ${PACKAGES.join(' ')}`;

function which(cmd) {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    if (!dir) continue;
    const candidate = join(dir, cmd);
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // not here
    }
  }
  return null;
}

function printVersion() {
  const r = spawnSync(CHROMIUM, ['--version'], { encoding: 'utf8', timeout: 30_000 });
  const version = (r.stdout || '').trim();
  console.log(version ? `Chromium: ${version} (${CHROMIUM})` : `Chromium: ${CHROMIUM}`);
}

if (existsSync(CHROMIUM)) {
  printVersion();
  process.exit(0);
}

console.log(`${CHROMIUM} is missing: installing Debian's ${PACKAGES.join(' + ')}.`);

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
const aptGet = which('apt-get');
let prefix = null; // command prefix to run apt-get as root
if (isRoot) {
  prefix = [];
} else if (which('sudo')) {
  const probe = spawnSync('sudo', ['-n', 'true'], { stdio: 'ignore', timeout: 30_000 });
  if (probe.status === 0) prefix = ['sudo', '-n'];
}

if (!aptGet || !prefix) {
  const missing = [];
  if (!aptGet) missing.push('apt-get was not found (this is not a Debian/Ubuntu machine?)');
  if (!prefix) missing.push('this user is not root and sudo does not work without a password');
  console.error(
    [
      `Cannot install Chromium automatically: ${missing.join('; ')}.`,
      `Install it yourself, as root, so that ${CHROMIUM} exists:`,
      '',
      `    sudo sh -c '${INSTALL_CMD}'`,
      '',
      'then run this again (node scripts/ensureChromium.mjs).',
    ].join('\n'),
  );
  process.exit(1);
}

const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
function run(args) {
  const [cmd, ...rest] = [...prefix, ...args];
  console.log(`$ ${[cmd, ...rest].join(' ')}`);
  const r = spawnSync(cmd, rest, { stdio: 'inherit', env });
  if (r.error) {
    console.error(`Failed to run ${cmd}: ${r.error.message}`);
    return 1;
  }
  return r.status ?? 1;
}

if (run(['apt-get', 'update']) !== 0) {
  console.error(`apt-get update failed. Fix apt, then run: ${INSTALL_CMD}`);
  process.exit(1);
}
if (run(['apt-get', 'install', '-y', ...PACKAGES]) !== 0) {
  console.error(`apt-get install failed. Try by hand, as root: ${INSTALL_CMD}`);
  process.exit(1);
}
if (!existsSync(CHROMIUM)) {
  console.error(`apt-get finished but ${CHROMIUM} still does not exist.`);
  process.exit(1);
}
printVersion();
