import { spawn } from 'node:child_process';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, test, type Browser, type Page } from '@playwright/test';
import { Webhook } from 'standardwebhooks';
import { ConfiguratorPage } from './pages/ConfiguratorPage.ts';
import { StaffPages } from './pages/StaffPages.ts';

// The shop's side against the real server (playwright.config.ts): the first admin made with the
// staff CLI, signing in, roles and the pages they open, the staff API closed to customers and to
// other sites, API tokens, signed webhooks, and axe on the staff pages. Every account, token and
// endpoint is named after this run, so the tests hold whatever ran before on the same server.

const DATA_DIR = process.env.ATELIER_E2E_DATA_DIR ?? 'test-results/e2e-data';
const RUN = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
const ADMIN = { email: `admin-${RUN}@shop.example`, password: 'admin passphrase of the staff spec' };
const DESIGNER = { email: `designer-${RUN}@shop.example`, password: 'designer passphrase of the staff spec' };
const MERCHANDISER = { email: `merchandiser-${RUN}@shop.example`, password: 'merchandiser passphrase of the staff spec' };

/**
 * `npm run staff -- add --email … --role …` with the password on standard input, on the data
 * directory of the running server (so the CLI goes through the server's local admin API).
 */
async function addAccountWithCli(email: string, role: string, password: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn('npm', ['run', '--silent', 'staff', '--', 'add', '--email', email, '--role', role], {
      env: { ...process.env, ATELIER_DATA_DIR: DATA_DIR },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => { output += chunk.toString(); });
    child.stderr.on('data', (chunk: Buffer) => { output += chunk.toString(); });
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve(output) : reject(new Error(`npm run staff -- add exited with ${code}:\n${output}`))));
    child.stdin.end(`${password}\n`);
  });
}

/** A staff page of its own browser context (its own cookies), signed in as `account`. */
async function signedIn(browser: Browser, account: { email: string; password: string }, path = '/staff'): Promise<StaffPages> {
  const context = await browser.newContext();
  const staff = new StaffPages(await context.newPage());
  await staff.open(path);
  await staff.signIn(account.email, account.password);
  return staff;
}

test.beforeAll(async () => {
  test.setTimeout(120_000);
  const said = await addAccountWithCli(ADMIN.email, 'admin', ADMIN.password);
  expect(said).toContain(ADMIN.email);
});

test('the first admin, made with the CLI, adds a designer and a merchandiser, who each open only their own pages', async ({ page, browser }) => {
  const admin = new StaffPages(page);
  await admin.open();
  await admin.signIn(ADMIN.email, ADMIN.password);
  // Signed in here: the focus is on the new page's heading, and the home says what the roles open.
  await expect(admin.heading).toHaveText('Staff area');
  await expect(admin.heading).toBeFocused();
  for (const title of ['Staff accounts', 'API tokens', 'Webhooks', 'Audit log']) {
    await expect(page.getByRole('main').getByRole('link', { name: title, exact: true })).toBeVisible();
  }
  await expect(page.getByRole('main').getByRole('link', { name: 'Orders', exact: true })).toHaveCount(0);
  await expect(page.getByRole('definition')).toContainText('Manages staff accounts, API tokens and webhooks');

  await admin.go('Staff accounts');
  await expect(page).toHaveURL(/\/staff\/accounts$/);
  await expect(admin.heading).toBeFocused();
  await admin.addAccount(DESIGNER.email, ['Designer'], DESIGNER.password);
  await expect(admin.status.filter({ hasText: `Account ${DESIGNER.email} added with the designer role.` })).toBeVisible();
  await admin.addAccount(MERCHANDISER.email, ['Merchandiser'], MERCHANDISER.password);
  await expect(admin.row(MERCHANDISER.email)).toContainText('merchandiser');
  await expect(admin.row(MERCHANDISER.email)).toContainText('Active');

  const designer = await signedIn(browser, DESIGNER);
  await expect(designer.navigation.getByRole('link')).toHaveText(['Home', 'Customer designs', 'What customers design', 'Review']);
  await designer.go('Customer designs');
  await expect(designer.page.getByRole('combobox', { name: 'Order' })).toBeVisible();
  await designer.open('/staff/accounts');
  await expect(designer.heading).toHaveText('You do not have access to this page');
  await expect(designer.page.getByRole('main')).toContainText('Staff accounts needs the admin role');
  // The server refuses the data anyway.
  expect((await designer.page.request.get('/api/staff/accounts')).status()).toBe(403);

  const merchandiser = await signedIn(browser, MERCHANDISER, '/staff/rules');
  await expect(merchandiser.navigation.getByRole('link')).toHaveText(['Home', 'Rules']);
  await expect(merchandiser.heading).toHaveText('Rules');
  await expect(merchandiser.page.getByRole('table', { name: /^Rules versions of / }).first()).toBeVisible();
  await expect(merchandiser.page.getByRole('cell', { name: 'Current' }).first()).toBeVisible();
  await merchandiser.open('/staff/tokens');
  await expect(merchandiser.heading).toHaveText('You do not have access to this page');

  // The admin gives the merchandiser the designer role too: the form below the table has the focus, and gives it back.
  const changeRoles = admin.row(MERCHANDISER.email).getByRole('button', { name: `Change roles of ${MERCHANDISER.email}` });
  await changeRoles.click();
  const rolesForm = page.getByRole('form', { name: `Roles of ${MERCHANDISER.email}` });
  await expect(rolesForm.getByRole('heading')).toBeFocused();
  await rolesForm.getByRole('group', { name: 'Roles' }).getByRole('checkbox', { name: 'Designer', exact: true }).check();
  await rolesForm.getByRole('button', { name: 'Save roles' }).click();
  await expect(changeRoles).toBeFocused();
  await expect(admin.row(MERCHANDISER.email)).toContainText('merchandiser, designer');
  await merchandiser.page.reload();
  await expect(merchandiser.navigation.getByRole('link')).toHaveText(['Home', 'Rules', 'Customer designs', 'What customers design', 'Review']);

  // Disabling the designer ends their session: their open page says so at its next request.
  await admin.row(DESIGNER.email).getByRole('button', { name: `Disable ${DESIGNER.email}` }).click();
  await expect(admin.row(DESIGNER.email)).toContainText('Disabled');
  await designer.navigation.getByRole('link', { name: 'Customer designs' }).click();
  await expect(designer.loginHeading).toBeVisible();
  await expect(designer.page.getByRole('main')).toContainText('Your session has ended: sign in again.');

  // Each of these changes is in the audit log, with who made it.
  await admin.go('Audit log');
  const log = page.getByRole('table', { name: 'Newest entries' });
  await expect(log.getByRole('row').filter({ hasText: 'account.created' }).filter({ hasText: MERCHANDISER.email }).first()).toBeVisible();
  await expect(log.getByRole('row').filter({ hasText: ADMIN.email }).first()).toBeVisible();

  // Signing out shows the form again, and the cookie no longer opens anything.
  await merchandiser.page.getByRole('button', { name: 'Sign out', exact: true }).click();
  await expect(merchandiser.loginHeading).toBeVisible();
  // Shown on the form (and announced by the hidden status, which is not a paragraph).
  await expect(merchandiser.page.getByRole('main').getByRole('paragraph').filter({ hasText: /^Signed out\.$/ })).toBeVisible();
  await expect(merchandiser.status.filter({ hasText: 'Signed out.' })).toHaveCount(1);
  expect((await merchandiser.page.request.get('/api/staff/session')).status()).toBe(401);
  await designer.page.context().close();
  await merchandiser.page.context().close();
});

test('a refused sign-in says why, and the form says how the first admin is made', async ({ page }) => {
  const staff = new StaffPages(page);
  let logins = 0;
  page.on('request', (request) => {
    if (request.url().endsWith('/api/staff/login')) logins += 1;
  });
  await staff.open('/staff/webhooks');
  await expect(staff.loginHeading).toBeVisible();
  await expect(page.getByText('npm run staff -- add --email you@shop.example --role admin')).toBeVisible();

  // Not an email address: said at once, nothing sent.
  await page.getByRole('textbox', { name: 'Email' }).fill('admin-at-shop');
  await page.getByLabel('Password', { exact: true }).fill('whatever it is');
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(staff.alert).toContainText('not an email address');
  await expect(staff.alert).toBeFocused();
  await expect(page.getByRole('textbox', { name: 'Email' })).toHaveAttribute('aria-invalid', 'true');
  expect(logins).toBe(0);

  await page.getByRole('textbox', { name: 'Email' }).fill(ADMIN.email);
  await page.getByLabel('Password', { exact: true }).fill('not the password at all');
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(staff.alert).toContainText('The email or the password is wrong');
  expect(logins).toBe(1);
  await expect(staff.loginHeading).toBeVisible();
});

/** Every route of the staff API, with a body where it takes one. */
const STAFF_ROUTES = [
  ['GET', '/api/staff/session'],
  ['POST', '/api/staff/logout'],
  ['POST', '/api/staff/logout-everywhere'],
  ['GET', '/api/staff/accounts'],
  ['POST', '/api/staff/accounts', { email: 'mallory@shop.example', roles: ['admin'], password: 'a long enough password' }],
  ['PATCH', '/api/staff/accounts/acc_0000000000000000000000', { roles: ['admin'] }],
  ['GET', '/api/staff/tokens'],
  ['POST', '/api/staff/tokens', { name: 'Mallory', role: 'fulfilment', expiresInDays: 30 }],
  ['DELETE', '/api/staff/tokens/tok_0000000000000000000000'],
  ['GET', '/api/staff/webhooks'],
  ['POST', '/api/staff/webhooks', { url: 'https://mallory.example/hook', events: ['order.placed'] }],
  ['DELETE', '/api/staff/webhooks/whk_0000000000000000000000'],
  ['GET', '/api/staff/webhooks/whk_0000000000000000000000/deliveries'],
  ['POST', '/api/staff/webhooks/deliveries/1/redeliver'],
  ['GET', '/api/staff/audit'],
  ['GET', '/api/staff/rules'],
  ['GET', '/api/staff/designs'],
  ['GET', '/api/staff/orders'],
] as const;

test('a customer without a session gets 401 from every staff route, and the login form on every staff page', async ({ page, request }) => {
  for (const [method, url, body] of STAFF_ROUTES) {
    const response = await request.fetch(url, { method, ...(body ? { data: body } : {}) });
    expect([401, 403], `${method} ${url}`).toContain(response.status());
    expect((await response.json()).error.code, `${method} ${url}`).toBe('not_signed_in');
  }
  const staff = new StaffPages(page);
  for (const path of ['/staff', '/staff/accounts', '/staff/tokens', '/staff/webhooks', '/staff/audit', '/staff/rules', '/staff/designs', '/staff/orders']) {
    await staff.open(path);
    await expect(staff.loginHeading, path).toBeVisible();
  }
});

test('a write with the session cookie needs the session\'s CSRF token and the shop\'s own origin', async ({ page }) => {
  const api = page.context().request;
  const login = await api.post('/api/staff/login', { data: { email: ADMIN.email, password: ADMIN.password } });
  expect(login.status()).toBe(200);
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  const token = { name: `CSRF check ${RUN}`, role: 'designer', expiresInDays: 1 };

  const withoutToken = await api.post('/api/staff/tokens', { data: token });
  expect(withoutToken.status()).toBe(403);
  expect((await withoutToken.json()).error.code).toBe('csrf_refused');

  const wrongToken = await api.post('/api/staff/tokens', { data: token, headers: { 'X-CSRF-Token': `${csrfToken.slice(0, -2)}xx` } });
  expect(wrongToken.status()).toBe(403);

  const foreign = await api.post('/api/staff/tokens', { data: token, headers: { 'X-CSRF-Token': csrfToken, Origin: 'https://evil.example' } });
  expect(foreign.status()).toBe(403);
  expect((await foreign.json()).error.code).toBe('forbidden_origin');

  // The same write with the token, from the shop itself, is made: the refusals were for the token and the origin.
  const made = await api.post('/api/staff/tokens', { data: token, headers: { 'X-CSRF-Token': csrfToken } });
  expect(made.status()).toBe(201);
});

test('an API token with the fulfilment role exports the orders until it is revoked', async ({ page, request }) => {
  const admin = new StaffPages(page);
  await admin.open('/staff/tokens');
  await admin.signIn(ADMIN.email, ADMIN.password);
  await expect(admin.heading).toHaveText('API tokens');
  const name = `ERP ${RUN}`;
  const secret = await admin.createToken(name, 'Fulfilment', 30);
  expect(secret).toMatch(/^atl_/);

  const bearer = { Authorization: `Bearer ${secret}` };
  const ndjson = await request.get('/api/orders/export?format=ndjson', { headers: bearer });
  expect(ndjson.status()).toBe(200);
  const csv = await request.get('/api/orders/export?format=csv', { headers: bearer });
  expect(csv.status()).toBe(200);
  expect(csv.headers()['content-type']).toContain('text/csv');

  await page.getByRole('button', { name: 'Done, I have copied it' }).click();
  await expect(page.getByRole('region', { name: `New token: ${name}` })).toHaveCount(0);
  await expect(admin.row(name)).toContainText('Active');
  await admin.confirm(admin.row(name).getByRole('button', { name: `Revoke ${name}` }), 'Revoke token');
  await expect(admin.row(name)).toContainText('Revoked');

  const refused = await request.get('/api/orders/export?format=ndjson', { headers: bearer });
  expect(refused.status()).toBe(401);
});

/** A webhook receiver on 127.0.0.1 that answers 204 and keeps what it was sent. */
async function startReceiver() {
  const received: { headers: IncomingHttpHeaders; body: string }[] = [];
  const server = createServer((request, response) => {
    let body = '';
    request.setEncoding('utf8');
    request.on('data', (chunk: string) => { body += chunk; });
    request.on('end', () => {
      received.push({ headers: request.headers, body });
      response.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/atelier/webhooks`, received, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

/** Places an order through the customer's checkout (as orders.spec.ts does) and returns its number. */
async function placeOrder(page: Page, email: string): Promise<string> {
  const configurator = new ConfiguratorPage(page);
  await configurator.open();
  await configurator.reviewButton.click();
  await configurator.sizeSelect.selectOption({ label: 'EU 42 · US 8.5 · UK 8' });
  await configurator.fillContactAndAddress({ email });
  await page.getByRole('button', { name: 'Place order' }).click();
  await expect(page.getByRole('heading', { name: /^Thank you: order ATL-\d{6}$/ })).toBeVisible();
  return (await page.getByTestId('order-number').textContent())!;
}

test('a webhook endpoint added on the webhooks page receives a signed order.placed for a new order', async ({ page, browser }) => {
  const receiver = await startReceiver();
  try {
    const admin = new StaffPages(page);
    await admin.open('/staff/webhooks');
    await admin.signIn(ADMIN.email, ADMIN.password);
    const description = `E2E receiver ${RUN}`;
    const secret = await admin.addWebhook(receiver.url, description);
    expect(secret).toMatch(/^whsec_/);

    const customer = await browser.newContext();
    const orderNumber = await placeOrder(await customer.newPage(), `webhook-${RUN}@example.com`);
    await customer.close();

    const ours = () => receiver.received.find((delivery) => delivery.body.includes(`"${orderNumber}"`));
    await expect.poll(() => ours() !== undefined, { timeout: 15_000 }).toBe(true);
    const delivery = ours()!;
    const verified = new Webhook(secret).verify(delivery.body, {
      'webhook-id': String(delivery.headers['webhook-id']),
      'webhook-timestamp': String(delivery.headers['webhook-timestamp']),
      'webhook-signature': String(delivery.headers['webhook-signature']),
    }) as { type: string; data: { orderNumber: string; order: { contact: { masked: boolean } } } };
    expect(verified.type).toBe('order.placed');
    expect(verified.data.orderNumber).toBe(orderNumber);
    expect(verified.data.order.contact.masked).toBe(true);
    expect(delivery.headers['webhook-id']).toMatch(/^evt_/);
    // A signature made with another secret does not verify.
    expect(() => new Webhook(`whsec_${Buffer.alloc(32, 7).toString('base64')}`).verify(delivery.body, delivery.headers as Record<string, string>)).toThrow();

    // The delivery log of the endpoint says it was delivered, and offers "Redeliver".
    await page.getByRole('button', { name: `Deliveries to ${receiver.url}` }).click();
    const log = page.getByRole('region', { name: `Deliveries to ${description}` });
    await expect(log.getByRole('cell', { name: 'Delivered' }).first()).toBeVisible();
    await expect(log.getByRole('button', { name: /^Redeliver delivery \d+$/ }).first()).toBeVisible();

    // Done: nothing more is sent to a receiver that is about to stop.
    await admin.confirm(admin.row(receiver.url).getByRole('button', { name: `Disable ${receiver.url}` }), 'Disable endpoint');
    await expect(admin.row(receiver.url)).toContainText('Disabled');
  } finally {
    await receiver.close();
  }
});

for (const viewport of [{ name: 'phone', width: 390, height: 844 }, { name: 'desktop', width: 1280, height: 800 }] as const) {
  test(`the login page, the home and the accounts page on a ${viewport.name} have no axe violations`, async ({ page }, testInfo) => {
    await page.setViewportSize(viewport);
    await page.emulateMedia({ reducedMotion: 'reduce' });
    const staff = new StaffPages(page);
    await staff.open('/staff/accounts');
    await expect(staff.loginHeading).toBeVisible();
    expect(await staff.axeViolations()).toEqual([]);
    await page.screenshot({ path: testInfo.outputPath(`staff-login-${viewport.name}.png`), fullPage: true });

    await staff.signIn(ADMIN.email, ADMIN.password);
    await expect(staff.heading).toHaveText('Staff accounts');
    await expect(staff.row(ADMIN.email)).toBeVisible();
    expect(await staff.axeViolations()).toEqual([]);
    await page.screenshot({ path: testInfo.outputPath(`staff-accounts-${viewport.name}.png`), fullPage: true });
    // Nothing sticks out sideways: only tables scroll, inside their own region.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(viewport.width);

    await staff.go('Home');
    expect(await staff.axeViolations()).toEqual([]);
  });
}
