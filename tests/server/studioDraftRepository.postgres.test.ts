// The studio drafts storage suite on a PostgreSQL server: the one named by ATELIER_TEST_DATABASE_URL
// (.ci/run starts one). Without it the suite is skipped here, but fails under CI, where it must run.
import { describe, it } from 'vitest';
import { describeStudioDraftRepository } from './studioDraftRepository.shared.ts';
import { openTestPostgres } from '../../scripts/support/testDatabases.ts';

const url = process.env.ATELIER_TEST_DATABASE_URL?.trim();
const reason = 'ATELIER_TEST_DATABASE_URL is not set: the PostgreSQL studio drafts suite is skipped (set it to postgres://user@host:port/database, or run .ci/run, which starts a PostgreSQL server)';

if (!url && process.env.CI === 'true') {
  describe('the PostgreSQL studio drafts repository', () => {
    it('runs under CI', () => {
      throw new Error(`${reason}. Under CI it must run: check the PostgreSQL set-up step of .ci/run.`);
    });
  });
} else {
  if (!url) console.warn(`[studioDraftRepository.postgres.test.ts] ${reason}`);
  describeStudioDraftRepository('PostgreSQL', () => openTestPostgres(url!), url ? undefined : reason);
}
