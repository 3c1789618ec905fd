import { expect, test, type Page } from '@playwright/test';
import { ConfiguratorPage } from './pages/ConfiguratorPage.ts';

// Ordering against the real server (src/server on a fresh embedded database, see
// playwright.config.ts): checkout, the confirmation, retries that never order twice, refusals,
// and share links. The page runs without WebGL; the order's picture is then the 2D illustration.

const FULFILMENT_TOKEN = 'e2e-fulfilment-token';

let configurator: ConfiguratorPage;

test.beforeEach(async ({ page }) => {
  configurator = new ConfiguratorPage(page);
  await configurator.open();
});

/** Reviews the design and fills in size, quantity and contact. */
async function fillCheckout(page: Page, email: string): Promise<void> {
  await configurator.reviewButton.click();
  await configurator.sizeSelect.selectOption({ label: 'EU 42 · US 8.5 · UK 8' });
  await configurator.quantityInput.fill('2');
  await configurator.fillContactAndAddress({ email });
}

/** The orders the fulfilment export holds for one email address. */
async function ordersFor(page: Page, email: string): Promise<{ orderNumber: string; quantity: number }[]> {
  const response = await page.request.get('/api/orders/export?format=ndjson', { headers: { Authorization: `Bearer ${FULFILMENT_TOKEN}` } });
  expect(response.ok()).toBe(true);
  return (await response.text()).split('\n').filter(Boolean).map((line) => JSON.parse(line)).filter((order) => order.contact.email === email);
}

test('places an order, confirms its number, and finds it again after a reload', async ({ page }) => {
  await configurator.choose('Toe cap colour', 'Navy');
  await fillCheckout(page, 'ada.first@example.com');
  await page.getByRole('button', { name: 'Place order' }).click();

  const heading = page.getByRole('heading', { name: /^Thank you: order ATL-\d{6}$/ });
  await expect(heading).toBeFocused();
  const orderNumber = (await page.getByTestId('order-number').textContent())!;
  await expect(configurator.announcements).toContainText(`Order ${orderNumber} sent to the shop: €238.00`);
  const recordUrl = (await page.getByRole('link', { name: 'order record' }).getAttribute('href'))!;

  await page.reload();
  await expect(configurator.radioGroup('Toe cap colour')).toBeVisible();
  const response = await page.request.get(recordUrl);
  expect(response.status()).toBe(200);
  const order = await response.json();
  expect(order).toMatchObject({
    orderNumber,
    status: 'received',
    quantity: 2,
    size: { eu: '42' },
    // The record is public by its unguessable URL, so the contact is masked there.
    contact: { masked: true, name: 'A.', email: 'a•••@e•••.com' },
    price: { unitTotal: 11900, total: 23800, currency: 'EUR' },
    design: { choices: { 'toeCap.colour': 'navy' }, chosenByCustomer: ['toeCap.colour'] },
  });
  const full = await (await page.request.get(recordUrl, { headers: { Authorization: `Bearer ${FULFILMENT_TOKEN}` } })).json();
  expect(full.contact).toEqual({ name: 'Ada Lovelace', email: 'ada.first@example.com' });
  // The picture of the design the customer saw was sent along and is served as a PNG.
  expect(order.previewImages).toHaveLength(1);
  const image = await page.request.get(order.previewImages[0].url);
  expect(image.headers()['content-type']).toBe('image/png');
  expect((await image.body()).subarray(1, 4).toString()).toBe('PNG');
});

test('says what is missing before sending anything', async ({ page }) => {
  let posted = 0;
  page.on('request', (request) => {
    if (request.method() === 'POST' && request.url().endsWith('/api/orders')) posted += 1;
  });
  await configurator.reviewButton.click();
  await page.getByRole('textbox', { name: 'Email', exact: true }).fill('ada-at-example');
  await page.getByRole('button', { name: 'Place order' }).click();
  await expect(page.getByRole('textbox', { name: 'Email', exact: true })).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByRole('textbox', { name: 'Email', exact: true })).toHaveAccessibleDescription(/not an email address/);
  await expect(page.getByRole('textbox', { name: 'Name', exact: true })).toHaveAccessibleDescription(/Enter the name/);
  await expect(page.getByText('Choose your size above to place the order.')).toBeVisible();
  expect(posted).toBe(0);
});

test('retries after the shop could not be reached, and the order is stored once', async ({ page }) => {
  const email = 'ada.retry@example.com';
  const keys: string[] = [];
  let failNext = true;
  await page.route('**/api/orders', async (route) => {
    keys.push(route.request().headers()['idempotency-key']!);
    if (failNext) {
      failNext = false;
      // The request reaches the server, but its answer is lost on the way back.
      await route.fetch();
      return route.abort('connectionreset');
    }
    return route.continue();
  });
  await fillCheckout(page, email);
  await page.getByRole('button', { name: 'Place order' }).click();
  await expect(page.getByRole('alert')).toContainText('The shop could not be reached');
  await page.getByRole('button', { name: 'Try again' }).click();
  await expect(page.getByRole('heading', { name: /^Thank you: order ATL-\d{6}$/ })).toBeVisible();

  expect(keys).toHaveLength(2);
  expect(keys[1]).toBe(keys[0]);
  const stored = await ordersFor(page, email);
  expect(stored).toHaveLength(1);
  await expect(page.getByTestId('order-number')).toHaveText(stored[0]!.orderNumber);
});

test('shows the server\'s reason when it refuses the order', async ({ page }) => {
  const email = 'ada.refused@example.com';
  // A browser that shows a stale price: the server recomputes it and refuses.
  await page.route('**/api/orders', (route) => {
    const body = JSON.parse(route.request().postData()!);
    body.clientPrice.unitTotal -= 1000;
    body.clientPrice.total -= 2000;
    return route.continue({ postData: JSON.stringify(body) });
  });
  await fillCheckout(page, email);
  await page.getByRole('button', { name: 'Place order' }).click();
  await expect(page.getByRole('alert')).toContainText('The shop refused the order: the price sent differs from the price under the rules');
  await expect(page.getByRole('alert')).toContainText('€119.00');
  await expect(page.getByRole('button', { name: 'Place order' })).toBeEnabled();
  expect(await ordersFor(page, email)).toHaveLength(0);
});

test.describe('share links', () => {
  test('open the exact design, with the customer\'s choices still theirs', async ({ page, context }) => {
    await configurator.colourway('Midnight Suede').click();
    await configurator.choose('Laces colour', 'Optic white');
    await configurator.reviewButton.click();
    const link = await page.getByRole('textbox', { name: 'Share link' }).inputValue();
    expect(link).toMatch(/\?product=sneaker&design=v2_[0-9a-f]{16}_[A-Za-z0-9._-]+_[0-9a-f]{4}$/);
    const designBefore = await configurator.reviewTable.textContent();

    const other = new ConfiguratorPage(await context.newPage());
    await other.open({ path: new URL(link).pathname + new URL(link).search });
    await expect(other.page.getByRole('status').filter({ hasText: 'Opened a shared design' })).toBeVisible();
    await other.openPart('Laces');
    await other.expectChosen('Laces colour', 'Optic white');
    await other.reviewButton.click();
    expect(await other.reviewTable.textContent()).toBe(designBefore);
  });

  test('say why a damaged link cannot be opened, and start from the suggested design', async ({ page }) => {
    await configurator.open({ path: '/?product=sneaker&design=v2_0123456789abcdef_colour.toeCap.chalk' });
    await expect(page.getByRole('alert')).toContainText('The shared design could not be opened');
    await expect(page.getByRole('alert')).toContainText('copy the whole link again');
    await configurator.expectChosen('Toe cap colour', 'Optic white');
  });

  test('read an older link\'s positions with the options of its rules version, and say when the shop does not know it', async ({ page }) => {
    const answer = page.waitForResponse((response) => response.url().includes('/api/catalog/sneaker/versions/0123456789abcdef/options'));
    await configurator.open({ path: '/?product=sneaker&design=0123456789abcdef.AAAA' });
    expect((await answer).status()).toBe(404);
    await expect(page.getByRole('alert')).toContainText('The shared design could not be opened');
    await expect(page.getByRole('alert')).toContainText('options this shop does not know');
    await configurator.expectChosen('Toe cap colour', 'Optic white');
  });
});
