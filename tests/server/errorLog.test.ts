// What the server logs when a request fails inside it: an error id the customer can quote, the
// route and the error's class and message, never what the request carried (names, emails).
import { afterAll, beforeAll, expect, it } from 'vitest';
import { designFrom, orderBody, productUnderTest } from '../../scripts/support/orderBodies.ts';
import { startTestApp, type TestApp } from './support/testApp.ts';

let t: TestApp;

beforeAll(async () => {
  t = await startTestApp();
}, 120_000);

afterAll(async () => {
  await t?.dispose();
});

it('logs a failed order with an error id and the route, and nothing the customer sent', async () => {
  const sneaker = productUnderTest(t.entry);
  const body = JSON.stringify({
    ...orderBody(sneaker, designFrom(sneaker), { contact: { name: 'Zelda Quixotefield', email: 'zelda.quixotefield@example.org' } }),
    shippingAddress: { line1: '7 Wisteria Lane', line2: '', city: 'Fairview', postalCode: '10001', country: 'US' },
  });
  // A real fault: the orders table is gone under the running app.
  await t.client.query('DROP TABLE order_images, orders CASCADE');
  const logged: string[] = [];
  const original = console.error;
  console.error = (...args: unknown[]) => { logged.push(args.map((arg) => (arg instanceof Error ? `${arg.stack ?? ''} ${JSON.stringify(arg)}` : String(arg))).join(' ')); };
  let response: Response;
  try {
    response = await t.app.request('/api/orders', { method: 'POST', headers: { 'Content-Type': 'application/json', 'Idempotency-Key': 'error-log-order-0001' }, body });
  } finally {
    console.error = original;
  }
  expect(response.status).toBe(500);
  expect(response.headers.get('content-security-policy')).toMatch(/frame-ancestors 'none'/);
  const { error } = (await response.json()) as { error: { code: string; message: string; hint: string } };
  expect(error.code).toBe('internal_error');
  const errorId = /error ([0-9a-f]{12})/.exec(error.message)?.[1];
  expect(errorId).toBeDefined();
  expect(error.hint).toContain(errorId);
  expect(logged).toHaveLength(1);
  expect(logged[0]).toContain(errorId);
  expect(logged[0]).toContain('POST /api/orders');
  expect(logged[0]).not.toMatch(/zelda|quixote|example\.org|wisteria|fairview|10001/i);
});

it('leaves out the values a database error quotes, since they may be what the customer sent', async () => {
  const own = await startTestApp();
  try {
    const sneaker = productUnderTest(own.entry);
    // A database fault whose message quotes the request's own value, as PostgreSQL's own messages do
    // (`invalid input syntax for type uuid: "…"`).
    await own.client.execScript(`CREATE FUNCTION refuse_order() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'cannot store the order with key "%"', NEW.idempotency_key; END $$;
      CREATE TRIGGER refuse_order BEFORE INSERT ON orders FOR EACH ROW EXECUTE FUNCTION refuse_order();`);
    const logged: string[] = [];
    const original = console.error;
    console.error = (...args: unknown[]) => { logged.push(args.map(String).join(' ')); };
    let response: Response;
    try {
      response = await own.app.request('/api/orders', { method: 'POST', headers: { 'Content-Type': 'application/json', 'Idempotency-Key': 'quixotefield-key-0001' }, body: JSON.stringify(orderBody(sneaker, designFrom(sneaker))) });
    } finally {
      console.error = original;
    }
    expect(response.status).toBe(500);
    expect(logged).toHaveLength(1);
    expect(logged[0]).toContain('cannot store the order with key');
    expect(logged[0]).not.toContain('quixotefield');
  } finally {
    await own.dispose();
  }
}, 120_000);
