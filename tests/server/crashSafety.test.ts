// A small run of the crash test (scripts/crashTest.ts; `npm run crash-test` runs 1,000 orders):
// the real server as a child process on PGlite, killed with SIGKILL mid-run and restarted.
import { describe, expect, it } from 'vitest';
import { formatCrashTestResult, runCrashTest } from '../../scripts/crashTest.ts';
import { freshPgliteDataDir } from '../../scripts/support/testDatabases.ts';

describe('when the server is killed while taking orders', () => {
  it('keeps every acknowledged order exactly once, and stores every retried order exactly once', async () => {
    const result = await runCrashTest({ orders: 150, concurrency: 25, kills: 1, dataDir: await freshPgliteDataDir() });
    expect(result.ok, formatCrashTestResult(result)).toBe(true);
    expect(result.failedInFlight).toBeGreaterThan(0);
    expect(result.stored).toBe(150);
  }, 120_000);
});
