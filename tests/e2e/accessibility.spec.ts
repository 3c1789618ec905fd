import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import axe from 'axe-core';
import type {} from '../../src/views/preview/previewTestApi.ts';
import { ConfiguratorPage } from './pages/ConfiguratorPage.ts';
import { waitForPreviewIdle } from './support/previewIdle.ts';

// axe-core on every state a customer meets: the configurator of both products on a phone and a
// desktop, the conflict dialog, the review after a refused order, and the gallery. Every rule and
// every impact level counts: a violation is fixed in the markup, never by switching a rule off.
// axe's experimental rules are switched on as well: label-content-name-mismatch (a visible label
// that the accessible name does not contain, which breaks voice control) is one of them.
const EXPERIMENTAL_RULES = Object.fromEntries(axe.getRules(['experimental']).map((rule) => [rule.ruleId, { enabled: true }]));

// Checked at rest: with reduced motion, no colour is caught halfway through a transition.
test.use({ reducedMotion: 'reduce' });

const VIEWPORTS = [
  { name: 'phone', width: 390, height: 844 },
  { name: 'desktop', width: 1280, height: 800 },
] as const;

/** The violations axe finds on the page now, each with the markup of its first few nodes, for a readable failure. */
async function violations(page: Page): Promise<string[]> {
  // Colours are judged at rest: transitions under way (a button fading in as it is enabled) end first
  // (or are cancelled by a newer one).
  await page.evaluate(() => Promise.all(document.getAnimations().filter((animation) => animation.effect?.getTiming().iterations !== Infinity).map((animation) => animation.finished.catch(() => undefined))));
  const results = await new AxeBuilder({ page }).options({ rules: EXPERIMENTAL_RULES }).analyze();
  return results.violations.map((violation) => `${violation.id} (${violation.impact}): ${violation.help}\n  ${violation.nodes.slice(0, 3).map((node) => node.html).join('\n  ')}`);
}

for (const viewport of VIEWPORTS) {
  for (const [product, id] of [['Court Sneaker', 'sneaker'], ['Essential Tee', 'tshirt']] as const) {
    test(`the configurator of the ${product} on a ${viewport.name} has no axe violations`, async ({ page }) => {
      await page.setViewportSize(viewport);
      const configurator = new ConfiguratorPage(page);
      await configurator.open({ webgl: true });
      // By its address: on a phone the other products wait behind the header's Products menu.
      await page.goto(`/?product=${id}`);
      await expect(page.getByRole('heading', { level: 1, name: product })).toBeVisible();
      await expect(page.getByRole('radiogroup').first()).toBeVisible();
      expect(await violations(page)).toEqual([]);
    });
  }
}

test('the conflict dialog has no axe violations', async ({ page }) => {
  const configurator = new ConfiguratorPage(page);
  await configurator.open();
  await configurator.choose('Vamp material', 'Suede');
  await configurator.choose('Toe cap material', 'Patent leather');
  await expect(configurator.conflictDialog).toBeVisible();
  expect(await violations(page)).toEqual([]);
});

test('a refused personal text, and the review after an order refused for it and missing details, have no axe violations', async ({ page }) => {
  const configurator = new ConfiguratorPage(page);
  await configurator.open();
  await configurator.openPart('Heel tab');
  await page.getByRole('textbox', { name: 'Heel tab text', exact: true }).fill('ADA LOVELACE');
  await expect(page.getByRole('alert')).toContainText('Up to 8 characters');
  expect(await violations(page)).toEqual([]);
  await configurator.reviewButton.click();
  await page.getByRole('button', { name: 'Place order' }).click();
  await expect(page.getByRole('textbox', { name: 'Name', exact: true })).toHaveAttribute('aria-invalid', 'true');
  expect(await violations(page)).toEqual([]);
});

test('the gallery, with a design to vote on, has no axe violations', async ({ page }) => {
  const configurator = new ConfiguratorPage(page);
  await configurator.open();
  await configurator.reviewButton.click();
  await page.getByRole('textbox', { name: 'Design name' }).fill(`Axe check ${Math.random().toString(36).slice(2, 7)}`);
  await page.getByRole('button', { name: 'Submit to the gallery' }).click();
  await page.getByRole('link', { name: 'See it in the gallery' }).click();
  await expect(page.getByRole('article').first()).toBeVisible();
  expect(await violations(page)).toEqual([]);
});

test.describe('the 3D view without a mouse', () => {
  async function toeCapPoint(page: Page): Promise<{ x: number; y: number } | null> {
    return page.evaluate(() => window.__atelierPreview!.partScreenPoint('toeCap'));
  }

  test('turns with the arrow keys on its focusable stage, which says how, and zooms with its buttons', async ({ page }) => {
    const configurator = new ConfiguratorPage(page);
    await configurator.open({ webgl: true });
    await page.waitForFunction(() => window.__atelierPreview?.ready === true);
    const stage = page.getByRole('application', { name: 'Turn and zoom the Court Sneaker' });
    await expect(stage).toHaveAccessibleDescription('Arrow keys turn the court sneaker; + and − zoom.');
    const before = await toeCapPoint(page);
    expect(before).not.toBeNull();

    await stage.focus();
    await expect(stage).toBeFocused();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    // The toe moves across the picture as the product turns.
    await expect.poll(async () => Math.abs(((await toeCapPoint(page))?.x ?? before!.x) - before!.x)).toBeGreaterThan(20);

    // Measured from where the turn comes to rest: mid-turn, the toe is still on its way.
    await waitForPreviewIdle(page, 400);
    const turned = (await toeCapPoint(page))!;
    const toolbar = page.getByRole('toolbar', { name: '3D view' });
    await toolbar.getByRole('button', { name: 'Zoom in' }).click();
    await toolbar.getByRole('button', { name: 'Zoom in' }).click();
    // Closer, every point but the centre moves away from the centre of the picture.
    const size = await page.locator('.preview canvas').boundingBox();
    const fromCentre = (point: { x: number; y: number }) => Math.hypot(point.x - size!.width / 2, point.y - size!.height / 2);
    await expect.poll(async () => fromCentre((await toeCapPoint(page)) ?? turned) - fromCentre(turned)).toBeGreaterThan(10);
  });
});
