// The embedded database keeps a small buffer pool: PGlite's WebAssembly memory never shrinks, so
// PostgreSQL's default 128 MB pool would stay resident once images had passed through it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SqlClient } from '../../src/server/sqlClient.ts';
import { openTestPglite } from '../../scripts/support/testDatabases.ts';

let client: SqlClient;
let dispose: () => Promise<void>;

beforeAll(async () => {
  ({ client, dispose } = await openTestPglite());
}, 120_000);

afterAll(async () => {
  await dispose?.();
});

describe('the embedded database', () => {
  it('runs with a 16 MB buffer pool, and keeps the settings initdb wrote', async () => {
    expect(await client.query('SHOW shared_buffers')).toEqual([{ shared_buffers: '16MB' }]);
    expect(await client.query('SHOW timezone')).toEqual([{ TimeZone: 'UTC' }]);
  });
});
