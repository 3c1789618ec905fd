import { expect, test, type Locator, type Page } from '@playwright/test';
import { ConfiguratorPage } from './pages/ConfiguratorPage.ts';

// The layout on phones, tablets and desktops, portrait and landscape: every page fits the screen's
// width, the price and the next step stay on screen, the header never overprints itself, the
// preview keeps its size when advice appears, and no text is smaller than 14 px.

const SIZES = [
  { width: 360, height: 740 },
  { width: 390, height: 844 },
  { width: 768, height: 1024 },
] as const;
const VIEWPORTS = SIZES.flatMap((size) => [
  { ...size, orientation: 'portrait' },
  { width: size.height, height: size.width, orientation: 'landscape' },
]);
/** The smallest text a shopper should have to read, in CSS pixels. */
const MIN_FONT_PX = 14;

let configurator: ConfiguratorPage;

test.beforeEach(async ({ page }) => {
  configurator = new ConfiguratorPage(page);
});

/** Asserts that nothing on the page is wider than the viewport (no sideways scrolling). */
async function expectNoSidewaysScroll(page: Page, where: string): Promise<void> {
  const { scrollWidth, innerWidth } = await page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth }));
  expect(scrollWidth, `${where}: the page is ${scrollWidth} px wide in a ${innerWidth} px viewport`).toBeLessThanOrEqual(innerWidth);
}

/** Asserts that an element is entirely on screen, not merely partly. */
async function expectFullyOnScreen(page: Page, element: Locator, what: string): Promise<void> {
  await expect(element, `${what} is shown`).toBeVisible();
  const box = (await element.boundingBox())!;
  const viewport = page.viewportSize()!;
  expect(box.x, `${what} starts left of the screen`).toBeGreaterThanOrEqual(0);
  expect(box.y, `${what} starts above the screen`).toBeGreaterThanOrEqual(0);
  expect(box.x + box.width, `${what} ends right of the screen`).toBeLessThanOrEqual(viewport.width);
  expect(box.y + box.height, `${what} ends below the screen`).toBeLessThanOrEqual(viewport.height);
}

/** The design's total as the price breakdown states it, e.g. "€119.00". */
async function totalPrice(page: Page): Promise<string> {
  const total = page.getByRole('table', { name: 'Price breakdown' }).getByRole('row', { name: /^Total/ }).getByRole('cell');
  return (await total.textContent())!.trim();
}

/** Asserts that the title and every visible control of the header keep apart. */
async function expectHeaderApart(page: Page, where: string): Promise<void> {
  const header = page.getByRole('banner');
  const title = (await header.getByRole('heading', { level: 1 }).boundingBox())!;
  for (const control of await header.locator('a, button, select').filter({ visible: true }).all()) {
    const box = await control.boundingBox();
    if (!box) continue;
    const apart = box.x >= title.x + title.width || box.x + box.width <= title.x || box.y >= title.y + title.height || box.y + box.height <= title.y;
    expect(apart, `${where}: "${(await control.textContent())?.trim()}" overprints the title`).toBe(true);
  }
}

/** The configurator checks: fits, price and next step fully on screen, header apart. */
async function expectConfiguratorFits(page: Page, where: string): Promise<void> {
  await expectNoSidewaysScroll(page, where);
  await expectHeaderApart(page, where);
  const price = await totalPrice(page);
  const shown = page.getByText(price, { exact: true }).filter({ visible: true });
  await expect(shown.first(), `${where}: the price ${price} is shown`).toBeVisible();
  let onScreen = false;
  const viewport = page.viewportSize()!;
  for (const element of await shown.all()) {
    const box = await element.boundingBox();
    if (box && box.x >= 0 && box.y >= 0 && box.x + box.width <= viewport.width && box.y + box.height <= viewport.height) onScreen = true;
  }
  expect(onScreen, `${where}: the price ${price} is on screen`).toBe(true);
  await expectFullyOnScreen(page, configurator.reviewButton, `${where}: Review design`);
}

/** Every visible piece of text smaller than {@link MIN_FONT_PX}, with its size. Drawings (SVG) are pictures, not text. */
function smallTexts(page: Page): Promise<string[]> {
  return page.evaluate((minimum) => {
    const found: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent?.trim();
      const element = node.parentElement;
      if (!text || !element || element.closest('svg')) continue;
      if (!element.checkVisibility({ opacityProperty: true, visibilityProperty: true })) continue;
      const rect = element.getBoundingClientRect();
      if (rect.width <= 1 || rect.height <= 1) continue;
      const size = Number.parseFloat(getComputedStyle(element).fontSize);
      if (size < minimum) found.push(`"${text.slice(0, 40)}" at ${size} px`);
    }
    return found;
  }, MIN_FONT_PX);
}

/** Reviews the design and places an order through the checkout form. */
async function placeOrder(page: Page): Promise<void> {
  await configurator.reviewButton.click();
  await configurator.sizeSelect.selectOption({ index: 1 });
  await configurator.fillContactAndAddress({ name: 'Layout Test', email: 'layout@example.com' });
  await page.getByRole('button', { name: 'Place order' }).click();
  await expect(page.getByRole('heading', { name: /^Thank you: order/ })).toBeVisible();
}

test.describe('every page fits the screen', () => {
  test.beforeAll(async ({ browser }) => {
    // One design in the gallery, so that its cards are measured too (a worker restarted after a
    // failure finds it there already).
    const page = await browser.newPage();
    const listed = await (await page.request.get('/api/candidates?product=sneaker&limit=1')).json();
    if (listed.candidates.length === 0) {
      const setup = new ConfiguratorPage(page);
      await setup.open();
      await setup.reviewButton.click();
      await page.getByRole('textbox', { name: 'Design name' }).fill(`Layout check ${Math.random().toString(36).slice(2, 7)}`);
      await page.getByRole('button', { name: 'Submit to the gallery' }).click();
      await expect(page.getByRole('status').filter({ hasText: 'community gallery' })).toBeVisible();
    }
    await page.close();
  });

  for (const viewport of VIEWPORTS) {
    const name = `${viewport.width} × ${viewport.height} (${viewport.orientation})`;
    test.describe(name, () => {
      test.use({ viewport: { width: viewport.width, height: viewport.height } });

      test('the configurators, the review, the confirmation, a share link, the gallery and an unknown product', async ({ page }) => {
        await configurator.open();
        await expectConfiguratorFits(page, 'sneaker');

        await page.goto('/?product=tshirt');
        await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
        await expect(page.getByRole('table', { name: 'Price breakdown' })).toBeAttached();
        await expectConfiguratorFits(page, 't-shirt');

        await page.goto('/');
        await configurator.reviewButton.click();
        await expect(configurator.reviewHeading).toBeVisible();
        await expectNoSidewaysScroll(page, 'review');
        const shareLink = await page.getByRole('textbox', { name: 'Share link' }).inputValue();

        await page.goto(shareLink);
        await expect(configurator.radioGroup('Toe cap colour')).toBeVisible();
        await expectConfiguratorFits(page, 'share link');

        await placeOrder(page);
        await expectNoSidewaysScroll(page, 'order confirmation');

        await page.goto('/gallery?product=sneaker');
        await expect(page.getByRole('article').first()).toBeVisible();
        await expectNoSidewaysScroll(page, 'gallery');
        await expectHeaderApart(page, 'gallery');

        await page.goto('/?product=no-such-product');
        await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
        await expectNoSidewaysScroll(page, 'unknown product');
      });
    });
  }
});

test.describe('on a phone', () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test('offers colours as touch-sized swatches in a radio group that scrolls sideways by itself', async ({ page }) => {
    await configurator.open();
    const radios = await configurator.radioGroup('Toe cap colour').getByRole('radio').all();
    expect(radios.length).toBeGreaterThan(1);
    for (const radio of radios) {
      const box = (await radio.boundingBox())!;
      expect(box.width, 'a swatch is at least 44 px wide').toBeGreaterThanOrEqual(44);
      expect(box.height, 'a swatch is at least 44 px high').toBeGreaterThanOrEqual(44);
    }
    await expectNoSidewaysScroll(page, 'colour swatches');
  });

  test('steps through the parts one at a time with Previous and Next', async ({ page }) => {
    await configurator.open();
    const steps = page.getByRole('navigation', { name: 'Parts, step by step' });
    await expect(steps).toBeVisible();
    const position = steps.getByText(/^Part \d+ of \d+$/);
    await expect(position).toHaveText(/^Part 1 of \d+$/);
    const count = Number(/of (\d+)/.exec((await position.textContent())!)![1]);
    const first = page.getByRole('region', { name: 'Parts' }).getByRole('button', { expanded: true });
    await expect(first).toHaveCount(1);
    const firstName = (await first.getAttribute('aria-labelledby'))!;

    await steps.getByRole('button', { name: /^Next/ }).click();
    await expect(position).toHaveText(`Part 2 of ${count}`);
    // Only the current part is open, and it is the one the preview turns to.
    const open = page.getByRole('region', { name: 'Parts' }).getByRole('button', { expanded: true });
    await expect(open).toHaveCount(1);
    expect(await open.getAttribute('aria-labelledby')).not.toBe(firstName);
    await expectFullyOnScreen(page, open, 'the current part');

    await steps.getByRole('button', { name: /^Previous/ }).click();
    await expect(position).toHaveText(`Part 1 of ${count}`);
    await expect(steps.getByRole('button', { name: /^Previous/ })).toBeDisabled();
  });

  test('keeps the price and the Review button on screen while the options scroll', async ({ page }) => {
    await configurator.open();
    await configurator.openPart('Outsole');
    await configurator.option('Outsole colour', 'Black').scrollIntoViewIfNeeded();
    await expectConfiguratorFits(page, 'scrolled to the outsole');
  });
});

test.describe('a stable layout', () => {
  test('the preview keeps its size when advice appears, and the advice has room to read', async ({ page }) => {
    await configurator.open();
    const before = (await configurator.illustration.boundingBox())!;
    await configurator.choose('Vamp material', 'Suede');
    const advice = page.getByRole('status', { name: 'Notices' }).getByRole('listitem').first();
    await expect(advice).toBeVisible();
    const after = (await configurator.illustration.boundingBox())!;
    expect(Math.abs(after.width - before.width), `the preview went from ${before.width} to ${after.width} px wide`).toBeLessThanOrEqual(1);
    expect(Math.abs(after.height - before.height), `the preview went from ${before.height} to ${after.height} px high`).toBeLessThanOrEqual(1);
    const box = (await advice.boundingBox())!;
    expect(box.width, 'advice is given a readable line, not a narrow box').toBeGreaterThanOrEqual(320);
  });

  for (const viewport of [{ width: 1280, height: 800 }, { width: 844, height: 390 }]) {
    test(`the camera angles never cover the turn and zoom buttons at ${viewport.width} × ${viewport.height}`, async ({ page }) => {
      await page.setViewportSize(viewport);
      await configurator.open({ webgl: true });
      // The angles and the buttons come with the 3D preview, once its model has loaded.
      await page.waitForFunction(() => window.__atelierPreview?.ready === true, null, { timeout: 45_000 });
      const angles = (await page.locator('.camera-views').boundingBox())!;
      const buttons = (await page.locator('.preview-stage__buttons').boundingBox())!;
      expect(angles.x + angles.width, 'the camera angles end before the turn and zoom buttons begin').toBeLessThanOrEqual(buttons.x);
    });
  }

  test('the review panel never scrolls sideways', async () => {
    await configurator.open();
    await configurator.reviewButton.click();
    await expect(configurator.reviewHeading).toBeVisible();
    const { scrollWidth, clientWidth } = await configurator.reviewHeading.evaluate((heading) => {
      let panel = heading.parentElement;
      while (panel && !['auto', 'scroll'].includes(getComputedStyle(panel).overflowY)) panel = panel.parentElement;
      const box = panel ?? document.documentElement;
      return { scrollWidth: box.scrollWidth, clientWidth: box.clientWidth };
    });
    expect(scrollWidth, `the review is ${scrollWidth} px wide in a ${clientWidth} px panel`).toBeLessThanOrEqual(clientWidth);
  });
});

test.describe('text a shopper can read', () => {
  for (const viewport of [{ width: 1280, height: 800 }, { width: 390, height: 844 }]) {
    test(`no text under ${MIN_FONT_PX} px at ${viewport.width} × ${viewport.height}`, async ({ page }) => {
      await page.setViewportSize(viewport);
      await configurator.open();
      await configurator.choose('Vamp material', 'Suede');
      await expect(page.getByRole('status', { name: 'Notices' }).getByRole('listitem').first()).toBeAttached();
      expect(await smallTexts(page), 'configurator').toEqual([]);
      await configurator.reviewButton.click();
      await expect(configurator.reviewHeading).toBeVisible();
      expect(await smallTexts(page), 'review').toEqual([]);
      await page.goto('/gallery?product=sneaker');
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      expect(await smallTexts(page), 'gallery').toEqual([]);
    });
  }
});
