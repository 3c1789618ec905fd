/**
 * `npm run backup -- --out <file>` and `npm run restore -- <file>`: back up and restore the embedded
 * database of ATELIER_DATA_DIR (default ./data). A backup goes through the running server's admin
 * API when a server holds the directory, and opens the directory itself otherwise; a restore writes
 * only into an empty or new folder that no server holds. With DATABASE_URL set, both point to
 * pg_dump/pg_restore. Errors are one-line messages. Exit codes: 0 done, 1 refused or failed, 2 usage.
 */
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import process from 'node:process';
import { backupDataDirectory } from '../server/backupDataDirectory.ts';
import { databaseConfigFromEnv } from '../server/openDatabase.ts';
import { restoreDataDirectory } from '../server/restoreDataDirectory.ts';
import { isEntryPoint } from './isEntryPoint.ts';

const POSTGRES_HINT = 'DATABASE_URL is set: back up a PostgreSQL database with pg_dump -Fc "$DATABASE_URL" -f atelier.dump, restore with pg_restore -d <new database> atelier.dump (see the README, "Backup and restore").';

/** Runs `backup` or `restore` with the rest of the command line; returns the exit code. */
export async function runDataCommand(command: string, argv: readonly string[], env: NodeJS.ProcessEnv = process.env, cwd: string = process.cwd()): Promise<number> {
  const say = (line: string) => process.stdout.write(`${line}\n`);
  const complain = (line: string) => process.stderr.write(`${line}\n`);
  const config = databaseConfigFromEnv(env, cwd);
  if (config.kind === 'postgres') {
    complain(POSTGRES_HINT);
    return 1;
  }
  try {
    if (command === 'backup') {
      const at = argv.indexOf('--out');
      const out = at >= 0 ? argv[at + 1] : undefined;
      if (!out) {
        complain('Usage: npm run backup -- --out <file.tar.gz>   (backs up ATELIER_DATA_DIR, default ./data)');
        return 2;
      }
      if (existsSync(out)) {
        complain(`${out} already exists: choose a new file name (e.g. atelier-$(date +%F).tar.gz); a backup never overwrites a file.`);
        return 1;
      }
      const backup = await backupDataDirectory(config.dataDir);
      writeFileSync(`${out}.partial`, backup.bytes, { mode: 0o600 });
      renameSync(`${out}.partial`, out);
      const how = backup.via === 'server' ? `by the running server (process ${backup.pid}) through its admin API` : 'directly (no server was running)';
      say(`Backed up ${config.dataDir} to ${out} (${(backup.bytes.length / 1024 / 1024).toFixed(1)} MB), ${how}.`);
      return 0;
    }
    if (command === 'restore') {
      const file = argv.find((argument) => !argument.startsWith('--'));
      if (!file) {
        complain('Usage: ATELIER_DATA_DIR=<empty or new folder> npm run restore -- <backup file.tar.gz>');
        return 2;
      }
      if (!existsSync(file)) {
        complain(`There is no file ${file}: name a backup made by npm run backup.`);
        return 1;
      }
      const result = await restoreDataDirectory(readFileSync(file), config.dataDir);
      say(`Restored ${file} into ${config.dataDir} (${result.orders} orders). Start the server on it with ATELIER_DATA_DIR=${config.dataDir} npm start.`);
      return 0;
    }
    complain(`Unknown command "${command}": use backup or restore.`);
    return 2;
  } catch (error) {
    complain(error instanceof Error ? error.message : String(error));
    return 1;
  }
}

if (isEntryPoint(import.meta.url)) {
  process.exitCode = await runDataCommand(process.argv[2] ?? '', process.argv.slice(3));
}
