import { readFile } from 'node:fs/promises';
import { expect, test } from '@playwright/test';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { ConfiguratorPage } from './pages/ConfiguratorPage.ts';

// The customer's 2D interface, driven by roles and names like an assistive technology would.
// The 3D preview's pixels are tested with the preview; here the page runs without WebGL (showing
// its 2D illustration) except where the test says otherwise.

let configurator: ConfiguratorPage;

test.beforeEach(async ({ page }) => {
  configurator = new ConfiguratorPage(page);
  await configurator.open();
});

test.describe('the option panel', () => {
  test('offers each attribute as a named radio group of real radios', async () => {
    await expect(configurator.radioGroup('Toe cap colour')).toBeVisible();
    await expect(configurator.option('Toe cap colour', 'Navy')).toBeVisible();
    await expect(configurator.option('Toe cap colour', 'Navy')).toHaveAttribute('type', 'radio');
    await configurator.expectChosen('Toe cap material', 'Full-grain leather');
    await expect(configurator.radioGroup('Toe cap material')).toContainText('Suggested');
  });

  test('opens and closes a part with its header button', async () => {
    const vamp = configurator.partToggle('Vamp');
    await expect(vamp).toHaveAttribute('aria-expanded', 'false');
    await expect(configurator.radioGroup('Vamp material')).toBeHidden();
    await vamp.click();
    await expect(vamp).toHaveAttribute('aria-expanded', 'true');
    await expect(configurator.radioGroup('Vamp material')).toBeVisible();
    await vamp.click();
    await expect(configurator.radioGroup('Vamp material')).toBeHidden();
  });

  test('choosing a colour updates the summary and tells screen readers', async () => {
    await configurator.choose('Toe cap colour', 'Navy');
    await configurator.expectChosen('Toe cap colour', 'Navy');
    await expect(configurator.radioGroup('Toe cap colour')).toContainText('Your choice');
    await expect(configurator.announcements).toHaveText('Toe cap colour: Navy. Price €119.00.');
    await expect(configurator.illustration).toHaveAccessibleName(/toe cap Navy full-grain leather/);
  });

  test('a colour that needs another material changes the price, the breakdown and the count', async () => {
    const before = await configurator.remainingDesigns.textContent();
    await expect(configurator.header).toContainText('€119.00');

    await configurator.choose('Vamp colour', 'Sand');

    await configurator.expectChosen('Vamp material', 'Suede');
    await expect(configurator.radioGroup('Vamp material')).toContainText('Set by the rules');
    await expect(configurator.header).toContainText('€134.00');
    await expect(configurator.priceBreakdown.getByRole('row', { name: /Suede upper/ })).toContainText('+€15.00');
    await expect(configurator.priceBreakdown.getByRole('row', { name: /Total/ })).toContainText('€134.00');
    await expect(configurator.remainingDesigns).not.toHaveText(before ?? '');
    await expect(configurator.announcements).toContainText('Vamp colour: Sand.');
    await expect(configurator.announcements).toContainText('Vamp material is now Suede');
    await expect(configurator.announcements).toContainText('Price €134.00.');
    await expect(configurator.page.getByRole('status', { name: 'Notices' })).toContainText('Pale suede marks easily');
  });

  test('clicking a part of the illustration opens and scrolls to its section', async () => {
    await expect(configurator.partToggle('Outsole')).toHaveAttribute('aria-expanded', 'false');
    await configurator.illustration.locator('[data-part="outsole"]').click();
    await expect(configurator.partToggle('Outsole')).toHaveAttribute('aria-expanded', 'true');
    await expect(configurator.partToggle('Outsole')).toBeFocused();
    await expect(configurator.radioGroup('Outsole colour')).toBeInViewport();
  });
});

test.describe('an unavailable option', () => {
  test.beforeEach(async () => {
    await configurator.choose('Vamp material', 'Suede');
  });

  test('stays focusable, is marked aria-disabled and explains why', async () => {
    const patent = configurator.option('Toe cap material', 'Patent leather');
    await expect(patent).toHaveAttribute('aria-disabled', 'true');
    await expect(patent).not.toHaveAttribute('disabled');
    await expect(patent).toHaveAccessibleDescription(/bonded onto a leather or nubuck vamp/);
    await expect(patent).toHaveAccessibleDescription(/Vamp material: Suede/);
    await patent.focus();
    await expect(patent).toBeFocused();
  });

  test('opens the conflict dialog with the reason and the repair when chosen', async () => {
    await configurator.choose('Toe cap material', 'Patent leather');
    const dialog = configurator.conflictDialog;
    await expect(dialog).toBeVisible();
    await expect(dialog).toHaveAttribute('aria-modal', 'true');
    await expect(dialog).toHaveAccessibleName('Toe cap material: Patent leather is not available with your design');
    await expect(dialog).toContainText('bonded onto a leather or nubuck vamp');
    await expect(dialog).toContainText('Change Vamp material from Suede to Full-grain leather.');
    await expect(configurator.applyChangeButton).toBeFocused();
  });

  test('"Apply change" applies the repair', async () => {
    await configurator.choose('Toe cap material', 'Patent leather');
    await configurator.applyChangeButton.click();
    await expect(configurator.conflictDialog).toBeHidden();
    await configurator.expectChosen('Toe cap material', 'Patent leather');
    await expect(configurator.option('Vamp material', 'Suede')).not.toBeChecked();
    await configurator.expectChosen('Vamp material', 'Full-grain leather');
    await expect(configurator.option('Toe cap material', 'Patent leather')).toBeFocused();
    await expect(configurator.priceBreakdown).toContainText('Patent leather accents');
  });

  test('"Keep my design" leaves the design as it was and returns focus to the option', async () => {
    await configurator.choose('Toe cap material', 'Patent leather');
    await configurator.keepDesignButton.click();
    await expect(configurator.conflictDialog).toBeHidden();
    await configurator.expectChosen('Toe cap material', 'Full-grain leather');
    await configurator.expectChosen('Vamp material', 'Suede');
    await expect(configurator.option('Toe cap material', 'Patent leather')).toBeFocused();
    await expect(configurator.announcements).toHaveText('Kept your design as it was.');
  });

  test('keeps focus inside the dialog and closes it on Escape without a change', async ({ page }) => {
    await configurator.choose('Toe cap material', 'Patent leather');
    await expect(configurator.applyChangeButton).toBeFocused();
    await page.keyboard.press('Tab');
    await expect(configurator.keepDesignButton).toBeFocused();
    await page.keyboard.press('Tab');
    await expect(configurator.applyChangeButton).toBeFocused();
    await page.keyboard.press('Shift+Tab');
    await expect(configurator.keepDesignButton).toBeFocused();
    await page.keyboard.press('Escape');
    await expect(configurator.conflictDialog).toBeHidden();
    await configurator.expectChosen('Vamp material', 'Suede');
    await configurator.expectChosen('Toe cap material', 'Full-grain leather');
  });
});

test.describe('history', () => {
  test('undoes and redoes with the buttons', async () => {
    await expect(configurator.undoButton).toBeDisabled();
    await expect(configurator.redoButton).toBeDisabled();
    await configurator.choose('Toe cap colour', 'Navy');
    await configurator.choose('Toe cap colour', 'Court red');

    await configurator.undoButton.click();
    await configurator.expectChosen('Toe cap colour', 'Navy');
    await expect(configurator.announcements).toContainText('Undid Toe cap colour: Court red');
    await configurator.undoButton.click();
    await configurator.expectChosen('Toe cap colour', 'Optic white');
    await expect(configurator.undoButton).toBeDisabled();

    await configurator.redoButton.click();
    await configurator.expectChosen('Toe cap colour', 'Navy');
    await expect(configurator.announcements).toContainText('Redid Toe cap colour: Navy');
  });

  test('undoes with Ctrl+Z and redoes with Ctrl+Shift+Z and Ctrl+Y', async ({ page }) => {
    await configurator.choose('Toe cap colour', 'Navy');
    await page.keyboard.press('Control+z');
    await configurator.expectChosen('Toe cap colour', 'Optic white');
    await page.keyboard.press('Control+Shift+Z');
    await configurator.expectChosen('Toe cap colour', 'Navy');
    await page.keyboard.press('Control+z');
    await configurator.expectChosen('Toe cap colour', 'Optic white');
    await page.keyboard.press('Control+y');
    await configurator.expectChosen('Toe cap colour', 'Navy');
  });

  test('starts over from the suggested design, undoably', async () => {
    await expect(configurator.startOverButton).toBeDisabled();
    await configurator.choose('Toe cap colour', 'Navy');
    await configurator.startOverButton.click();
    await configurator.expectChosen('Toe cap colour', 'Optic white');
    await configurator.undoButton.click();
    await configurator.expectChosen('Toe cap colour', 'Navy');
  });
});

test.describe('colourways', () => {
  test('apply a whole design in one click', async () => {
    await configurator.colourway('Court Red').click();
    await configurator.expectChosen('Toe cap material', 'Patent leather');
    await configurator.expectChosen('Toe cap colour', 'Court red');
    await expect(configurator.priceBreakdown).toContainText('Patent leather accents');
    await expect(configurator.header).toContainText('€131.00');
    await expect(configurator.header).toContainText('13 days');
    await expect(configurator.announcements).toContainText('Colourway Court Red');
    await configurator.undoButton.click();
    await configurator.expectChosen('Toe cap material', 'Full-grain leather');
  });
});

test.describe('review and order', () => {
  test('orders only once a size is chosen, and says so at the size', async () => {
    await configurator.reviewButton.click();
    await expect(configurator.reviewHeading).toBeFocused();
    await expect(configurator.reviewTable.getByRole('row', { name: /Toe cap/ })).toContainText('Full-grain leather');
    await configurator.fillContactAndAddress();
    await configurator.placeOrderButton.click();
    await expect(configurator.sizeSelect).toHaveAttribute('aria-invalid', 'true');
    await expect(configurator.orderProblems.getByRole('link', { name: 'Choose your size.' })).toBeFocused();
    await configurator.sizeSelect.selectOption({ label: 'EU 42 · US 8.5 · UK 8' });
    await expect(configurator.sizeSelect).not.toHaveAttribute('aria-invalid', 'true');
    await expect(configurator.orderProblems).toHaveCount(0);
    await configurator.backToDesignButton.click();
    await expect(configurator.reviewButton).toBeFocused();
    await expect(configurator.radioGroup('Toe cap colour')).toBeVisible();
  });

  test('places the order, which the shop\'s staff read in the published schema', async () => {
    await configurator.choose('Toe cap colour', 'Navy');
    await configurator.reviewButton.click();
    await configurator.sizeSelect.selectOption({ label: 'EU 42 · US 8.5 · UK 8' });
    await configurator.quantityInput.fill('2');
    await expect(configurator.page.getByRole('definition').filter({ hasText: '€238.00' })).toBeVisible();
    await configurator.fillContactAndAddress();
    await configurator.placeOrderButton.click();

    const order = await configurator.placedOrder(FULFILMENT_TOKEN);
    await expectValidOrder(order);
    expect(order).toMatchObject({
      product: { id: 'sneaker' },
      size: { id: 'eu-42', codes: { eu: '42', us: '8.5', uk: '8' }, eu: '42', us: '8.5', uk: '8' },
      quantity: 2,
      price: { unitTotal: 11900, total: 23800 },
      design: { choices: { 'toeCap.colour': 'navy' }, chosenByCustomer: ['toeCap.colour'] },
    });
  });
});

test.describe('keyboard only', () => {
  test('designs, reviews and exports with Tab, arrow keys, Space and Enter', async ({ page }) => {
    const keys = page.keyboard;

    // Skip link first, then straight to the options.
    await keys.press('Tab');
    await expect(page.getByRole('link', { name: 'Skip to the options' })).toBeFocused();
    await keys.press('Enter');

    // Toe cap colour: Tab lands on the checked radio; arrows move and choose.
    await configurator.tabTo(configurator.option('Toe cap colour', 'Optic white'));
    await keys.press('ArrowRight');
    await keys.press('ArrowRight');
    await configurator.expectChosen('Toe cap colour', 'Tan');

    // Open the vamp with Enter, then choose suede with an arrow.
    await configurator.tabTo(configurator.partToggle('Vamp'));
    await keys.press('Enter');
    await expect(configurator.partToggle('Vamp')).toHaveAttribute('aria-expanded', 'true');
    await configurator.tabTo(configurator.option('Vamp material', 'Full-grain leather'));
    await keys.press('ArrowRight');
    await configurator.expectChosen('Vamp material', 'Suede');

    // The laces: Space opens the section; the left arrow wraps round to the last colour, Cognac,
    // which only waxed laces come in, so the rules switch the material.
    await configurator.tabTo(configurator.partToggle('Laces'));
    await keys.press('Space');
    await configurator.tabTo(configurator.option('Laces colour', 'Optic white'));
    await keys.press('ArrowLeft');
    await configurator.expectChosen('Laces colour', 'Cognac');
    await configurator.expectChosen('Laces material', 'Waxed round laces');

    // Review, size, quantity, then the order.
    await configurator.tabTo(configurator.reviewButton);
    await keys.press('Enter');
    await expect(configurator.reviewHeading).toBeFocused();
    await configurator.tabTo(configurator.sizeSelect);
    await keys.press('ArrowDown');
    await expect(configurator.sizeSelect).toHaveValue('eu-36');
    await keys.press('ArrowDown');
    await expect(configurator.sizeSelect).toHaveValue('eu-37');
    await configurator.tabTo(configurator.quantityInput);
    await keys.press('ArrowUp');
    await keys.press('ArrowUp');
    await expect(configurator.quantityInput).toHaveValue('3');
    for (const [name, value] of [['Name', 'Ada Lovelace'], ['Email', 'ada.keys@example.com']] as const) {
      await configurator.tabTo(page.getByRole('textbox', { name, exact: true }));
      await keys.type(value);
    }
    await configurator.tabTo(page.getByRole('combobox', { name: 'Country', exact: true }));
    await keys.type('Fra');
    await expect(page.getByRole('combobox', { name: 'Country', exact: true })).toHaveValue('FR');
    for (const [name, value] of [['Street and number', '1 Rue de Rivoli'], ['Postal code', '75001'], ['Town or city', 'Paris']] as const) {
      await configurator.tabTo(page.getByRole('textbox', { name, exact: true }));
      await keys.type(value);
    }
    await configurator.tabTo(configurator.placeOrderButton);
    await keys.press('Enter');
    await expect(page.getByRole('heading', { name: /^Thank you: order ATL-\d{6}$/ })).toBeFocused();

    const order = await configurator.placedOrder(FULFILMENT_TOKEN);
    await expectValidOrder(order);
    expect(order).toMatchObject({
      size: { id: 'eu-37', eu: '37' },
      quantity: 3,
      design: { choices: { 'toeCap.colour': 'tan', 'vamp.material': 'suede', 'laces.colour': 'cognac', 'laces.material': 'waxed-cotton' } },
    });
  });

  test('an unavailable option reached with the arrows shows its reason; Space asks for it, Escape keeps the design', async ({ page }) => {
    await configurator.choose('Vamp material', 'Suede');
    // With a suede vamp the rules pick Chalk; the option before it, Optic white, is not made in suede.
    await configurator.expectChosen('Vamp colour', 'Chalk');
    await configurator.option('Vamp colour', 'Chalk').focus();
    await page.keyboard.press('ArrowLeft');
    // Arrowing onto it only moves the focus there: the reason is announced, nothing is asked.
    await expect(configurator.option('Vamp colour', 'Optic white')).toBeFocused();
    await expect(configurator.option('Vamp colour', 'Optic white')).toHaveAccessibleDescription(/Suede comes in/);
    await expect(configurator.conflictDialog).toBeHidden();
    await configurator.expectChosen('Vamp colour', 'Chalk');
    await page.keyboard.press('Space');
    await expect(configurator.conflictDialog).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(configurator.conflictDialog).toBeHidden();
    await configurator.expectChosen('Vamp colour', 'Chalk');
    await expect(configurator.option('Vamp colour', 'Optic white')).toBeFocused();
  });
});

test.describe('without WebGL', () => {
  test('shows a labelled 2D illustration coloured per part', async () => {
    await expect(configurator.illustration).toBeVisible();
    await expect(configurator.illustration).toHaveAccessibleName(/^Court Sneaker preview \(2D\): toe cap Optic white full-grain leather, /);
    await expect(configurator.illustration.locator('[data-part="sidePanel"]')).toHaveAttribute('fill', '#234b32');
    await configurator.choose('Side logo panel colour', 'Navy');
    await expect(configurator.illustration.locator('[data-part="sidePanel"]')).toHaveAttribute('fill', '#1d2a4d');
  });
});

test.describe('with WebGL', () => {
  test('loads the 3D preview as its own chunk and never shows the 2D illustration', async ({ browser }) => {
    const page = await browser.newPage();
    const scripts: string[] = [];
    page.on('request', (request) => {
      if (request.resourceType() === 'script') scripts.push(request.url());
    });
    const withWebGL = new ConfiguratorPage(page);
    await withWebGL.open({ webgl: true });
    await expect(withWebGL.illustration).toHaveCount(0);
    await withWebGL.choose('Toe cap colour', 'Navy');
    await withWebGL.expectChosen('Toe cap colour', 'Navy');
    expect(scripts.some((url) => /ProductPreview/.test(url))).toBe(true);
    await page.close();
  });
});

test.describe('on a phone', () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test('keeps the price and the Review button in view while the options scroll', async () => {
    await configurator.openPart('Outsole');
    await configurator.option('Outsole colour', 'Black').scrollIntoViewIfNeeded();
    await expect(configurator.header).toBeInViewport();
    await expect(configurator.header).toContainText('€119.00');
    await expect(configurator.reviewButton).toBeInViewport();
    await configurator.choose('Outsole colour', 'Black');
    await configurator.expectChosen('Outsole colour', 'Black');
  });
});

let validate: ((order: unknown) => Promise<void>) | undefined;

const FULFILMENT_TOKEN = 'e2e-fulfilment-token';

/** Validates an order as the shop stores it against public/schemas/server-order.schema.json (which refers to order and design). */
async function expectValidOrder(order: unknown): Promise<void> {
  if (!validate) {
    const [serverOrderSchema, orderSchema, designSchema] = await Promise.all(
      ['server-order', 'order', 'design'].map(async (name) => JSON.parse(await readFile(new URL(`../../public/schemas/${name}.schema.json`, import.meta.url), 'utf8'))),
    );
    const ajv = new Ajv2020({ allErrors: true, strict: true });
    addFormats(ajv);
    ajv.addSchema(designSchema);
    ajv.addSchema(orderSchema);
    const check = ajv.compile(serverOrderSchema);
    validate = async (candidate) => {
      const valid = check(candidate);
      expect(check.errors ?? [], 'the exported order should match order.schema.json').toEqual([]);
      expect(valid).toBe(true);
    };
  }
  await validate(order);
}
