// `npm run staff` with DATABASE_URL: the command connects to PostgreSQL itself (no admin API: every
// server on that database sees the account at once), bringing the schema up to date first.
// Needs ATELIER_TEST_DATABASE_URL (skipped without it here, fails under CI, where it must run).
import { randomBytes } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPostgresClient } from '../../src/server/postgresClient.ts';
import { createSqlRepository } from '../../src/server/sqlRepository.ts';
import { createPasswordHasher } from '../../src/server/staff/index.ts';

const url = process.env.ATELIER_TEST_DATABASE_URL?.trim();
const reason = 'ATELIER_TEST_DATABASE_URL is not set: npm run staff on PostgreSQL is not tested (set it to postgres://user@host:port/database, or run .ci/run, which starts a PostgreSQL server)';

if (!url && process.env.CI === 'true') {
  describe('npm run staff on PostgreSQL', () => {
    it('runs under CI', () => {
      throw new Error(`${reason}. Under CI it must run: check the PostgreSQL set-up step of .ci/run.`);
    });
  });
} else {
  if (!url) console.warn(`[staffCli.postgres.test.ts] ${reason}`);
  describe.skipIf(!url)('npm run staff on PostgreSQL', () => {
    const schema = `atelier_staff_cli_${process.pid}_${randomBytes(4).toString('hex')}`;
    const databaseUrl = () => `${url}${url!.includes('?') ? '&' : '?'}search_path=${schema}`;
    beforeAll(async () => {
      const admin = createPostgresClient({ url: url!, maxConnections: 1 });
      await admin.query(`CREATE SCHEMA ${schema}`);
      await admin.close();
    });
    afterAll(async () => {
      const admin = createPostgresClient({ url: url!, maxConnections: 1 });
      await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      await admin.close();
    });

    const staff = (args: readonly string[], stdin?: string) => {
      const result = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/staffCli.ts', ...args], {
        env: { ...process.env, DATABASE_URL: databaseUrl() },
        input: stdin ?? '',
        encoding: 'utf8',
      });
      return { code: result.status, stdout: result.stdout, stderr: result.stderr };
    };

    it('adds the first admin to an empty database, lists it, and refuses the same email again', async () => {
      const added = staff(['add', '--email', 'ada@example.com', '--role', 'admin'], 'correct horse battery staple\n');
      expect(added.stderr).toBe('');
      expect(added.stdout).toMatch(/^Added ada@example.com with the role admin: .*\(in the PostgreSQL database of DATABASE_URL\)\n$/);
      expect(added.code).toBe(0);
      const listed = staff(['list']);
      expect(listed.stdout).toContain('ada@example.com  admin  enabled  never');
      expect(listed.code).toBe(0);
      const again = staff(['add', '--email', 'ada@example.com', '--role', 'designer'], 'correct horse battery staple\n');
      expect(again.code).toBe(1);
      expect(again.stderr).toMatch(/^There is already an account for ada@example.com/);

      const client = createPostgresClient({ url: databaseUrl(), maxConnections: 1 });
      try {
        const account = await createSqlRepository(client).findStaffAccountByEmail('ada@example.com');
        expect(await createPasswordHasher().verify(account!.passwordHash, 'correct horse battery staple')).toBe(true);
      } finally {
        await client.close();
      }
    }, 120_000);
  });
}
