// Crash safety of webhooks: the real server as a child process on PGlite, killed with SIGKILL
// while a delivery is in flight (the receiver took the request and never answered), started again
// on the same data directory: the delivery goes out again, with the same webhook-id and a valid
// signature, once the dead process's lease has ended, and is recorded as delivered.
import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { Webhook } from 'standardwebhooks';
import { afterEach, describe, expect, it } from 'vitest';
import { startServerProcess } from '../../scripts/serverProcess.ts';
import { designFrom, orderBody, productUnderTest } from '../../scripts/support/orderBodies.ts';
import { freshPgliteDataDir } from '../../scripts/support/testDatabases.ts';
import { loadCatalogFromDisk } from '../../src/server/catalogFiles.ts';
import { applyMigrations } from '../../src/server/migrate.ts';
import { openDataDirectory } from '../../src/server/openDataDirectory.ts';
import type { ServerOrder } from '../../src/server/serverOrder.ts';
import { createSqlRepository } from '../../src/server/sqlRepository.ts';
import { newWebhookSecret, type OrderPlacedPayload } from '../../src/server/webhooks/index.ts';
import { startWebhookReceiver } from './support/webhookReceiver.ts';

// The shortest lease the worker takes with the contract's 10 s: the test waits for it once.
const SERVER_ENV = { ATELIER_WEBHOOK_POLL_MS: '100', ATELIER_WEBHOOK_LEASE_SECONDS: '15' };

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** Opens the server's data directory as the server does (taking its lock), runs `use`, closes it. */
async function withDataDirectory<T>(dataDir: string, use: (repository: ReturnType<typeof createSqlRepository>) => Promise<T>): Promise<T> {
  const client = await openDataDirectory(dataDir);
  try {
    await applyMigrations(client);
    return await use(createSqlRepository(client));
  } finally {
    await client.close();
  }
}

describe('when the server is killed while a webhook is in flight', () => {
  it('sends it again after a restart, with the same webhook-id and a valid signature, and records it delivered', async () => {
    const dataDir = await freshPgliteDataDir();
    cleanups.push(() => rmSync(dataDir, { recursive: true, force: true }));
    const receiver = await startWebhookReceiver();
    cleanups.push(() => receiver.close());
    // The first request is taken and never answered: the server dies waiting for it.
    receiver.answer((_request, index) => (index === 0 ? 'hold' : 200));
    const secret = newWebhookSecret();
    const endpointId = `whk_${randomBytes(16).toString('base64url')}`;
    await withDataDirectory(dataDir, (repository) => repository.createWebhookEndpoint({
      id: endpointId, url: receiver.url, events: ['order.placed'], description: 'crash test receiver', secret, createdAt: new Date(),
    }));

    const first = await startServerProcess({ ATELIER_DATA_DIR: dataDir, ...SERVER_ENV }, 60_000);
    cleanups.push(() => first.stop('SIGKILL'));
    const sneaker = productUnderTest(loadCatalogFromDisk(process.cwd()).entries.find((entry) => entry.product.id === 'sneaker')!);
    const response = await fetch(`${first.url}/api/orders`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'Idempotency-Key': 'webhook-crash-test-1' },
      body: JSON.stringify(orderBody(sneaker, designFrom(sneaker))),
    });
    expect(response.status).toBe(201);
    const order = (await response.json()) as ServerOrder;
    const [inFlight] = await receiver.waitForRequests(1);
    expect(await first.stop('SIGKILL')).toBe('SIGKILL');

    const second = await startServerProcess({ ATELIER_DATA_DIR: dataDir, ...SERVER_ENV }, 60_000);
    cleanups.push(() => second.stop('SIGKILL'));
    const [, again] = await receiver.waitForRequests(2, 45_000);
    expect(again!.headers['webhook-id']).toBe(inFlight!.headers['webhook-id']);
    expect(again!.body).toBe(inFlight!.body);
    const payload = new Webhook(secret).verify(again!.body, again!.headers) as OrderPlacedPayload;
    expect(payload.data.orderId).toBe(order.id);

    // A clean stop waits for the attempt to be recorded; then the folder is ours to read.
    expect(await second.stop('SIGTERM')).toBe('exit 0');
    const deliveries = await withDataDirectory(dataDir, (repository) => repository.listDeliveries(endpointId, 10));
    // The killed attempt was never recorded: the one that reached a live server is the first on record.
    expect(deliveries).toEqual([expect.objectContaining({ eventId: inFlight!.headers['webhook-id'], subject: order.id, status: 'delivered', attempts: 1, lastStatusCode: 200 })]);
    expect(receiver.received).toHaveLength(2);
  }, 90_000);
});
