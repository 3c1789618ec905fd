import { expect, type Download, type Locator, type Page } from '@playwright/test';

/** How to open the configurator. */
export interface OpenOptions {
  /**
   * Whether the browser offers WebGL. Without it the page shows its 2D illustration, which keeps
   * these tests about the 2D interface fast and independent of the 3D preview (tested on its own).
   */
  readonly webgl?: boolean;
  /** The address to open (default `/`), e.g. a share link. */
  readonly path?: string;
  /** A radio group the page shows once it is ready (default the sneaker's "Toe cap colour"). */
  readonly expectGroup?: string;
}

/**
 * The customer configurator as a person sees it: everything is found by role and accessible name,
 * the way a screen-reader user would find it.
 */
export class ConfiguratorPage {
  constructor(readonly page: Page) {}

  /** Opens the configurator of the sneaker, by default without WebGL (the 2D illustration). */
  async open({ webgl = false, path = '/', expectGroup = 'Toe cap colour' }: OpenOptions = {}): Promise<void> {
    if (!webgl) {
      await this.page.addInitScript(() => {
        const getContext = HTMLCanvasElement.prototype.getContext;
        // Only WebGL is refused; 2D canvases keep working.
        HTMLCanvasElement.prototype.getContext = function (this: HTMLCanvasElement, type: string, ...rest: unknown[]) {
          return /webgl/i.test(type) ? null : (getContext as (...args: unknown[]) => unknown).call(this, type, ...rest);
        } as typeof getContext;
      });
    }
    await this.page.goto(path);
    await expect(this.radioGroup(expectGroup)).toBeVisible();
  }

  // ------------------------------------------------------------------ design

  /** A radio group by its exact name, e.g. "Toe cap colour". */
  radioGroup(name: string): Locator {
    return this.page.getByRole('radiogroup', { name, exact: true });
  }

  /** One option of a group, e.g. `option('Toe cap colour', 'Navy')`. */
  option(group: string, name: string): Locator {
    return this.radioGroup(group).getByRole('radio', { name, exact: true });
  }

  /** The header button of a part's section, e.g. "Vamp" (its name goes on with the part's look: "Vamp Optic white · Leather"). */
  partToggle(part: string): Locator {
    return this.page.getByRole('button', { name: new RegExp(`^${part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?: |$)`) });
  }

  /** Opens a part's section unless it is open. */
  async openPart(part: string): Promise<void> {
    const toggle = this.partToggle(part);
    if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
    await expect(toggle).toHaveAttribute('aria-expanded', 'true');
  }

  /**
   * Chooses an option by clicking it, opening its part first. Unavailable options are clicked too
   * (they are `aria-disabled`, which Playwright would otherwise wait on): that opens the conflict dialog.
   */
  async choose(group: string, name: string): Promise<void> {
    await this.openPart(partOf(group));
    const radio = this.option(group, name);
    const unavailable = (await radio.getAttribute('aria-disabled')) === 'true';
    await radio.click({ force: unavailable });
  }

  /** Asserts which option of a group is checked. */
  async expectChosen(group: string, name: string): Promise<void> {
    await expect(this.option(group, name)).toBeChecked();
  }

  /** The colourway buttons' row. */
  colourway(name: string): Locator {
    return this.page.getByRole('button', { name, exact: true });
  }

  // ------------------------------------------------------------------ summary

  /** The page header, which always shows the price and production time. */
  get header(): Locator {
    return this.page.getByRole('banner');
  }

  get priceBreakdown(): Locator {
    return this.page.getByRole('table', { name: 'Price breakdown' });
  }

  /** The visually hidden live region screen readers hear. */
  get announcements(): Locator {
    return this.page.getByRole('status', { name: 'Announcements' });
  }

  get remainingDesigns(): Locator {
    return this.page.getByText(/designs? still possible/);
  }

  /** The 2D illustration shown without WebGL. */
  get illustration(): Locator {
    return this.page.getByRole('img', { name: /preview \(2D\)/ });
  }

  // ------------------------------------------------------------------ actions

  get undoButton(): Locator {
    return this.page.getByRole('button', { name: 'Undo', exact: true });
  }

  get redoButton(): Locator {
    return this.page.getByRole('button', { name: 'Redo', exact: true });
  }

  get startOverButton(): Locator {
    return this.page.getByRole('button', { name: 'Start over', exact: true });
  }

  get reviewButton(): Locator {
    return this.page.getByRole('button', { name: 'Review design', exact: true });
  }

  // ------------------------------------------------------------------ conflict

  get conflictDialog(): Locator {
    return this.page.getByRole('alertdialog');
  }

  get applyChangeButton(): Locator {
    return this.conflictDialog.getByRole('button', { name: 'Apply change', exact: true });
  }

  get keepDesignButton(): Locator {
    return this.conflictDialog.getByRole('button', { name: 'Keep my design', exact: true });
  }

  // ------------------------------------------------------------------ review

  get reviewHeading(): Locator {
    return this.page.getByRole('heading', { name: 'Review your design' });
  }

  get reviewTable(): Locator {
    return this.page.getByRole('table', { name: /Every part of your/ });
  }

  get sizeSelect(): Locator {
    return this.page.getByRole('combobox', { name: 'Size' });
  }

  get quantityInput(): Locator {
    return this.page.getByRole('spinbutton', { name: 'Quantity' });
  }

  get exportButton(): Locator {
    return this.page.getByRole('button', { name: 'Export order', exact: true });
  }

  get placeOrderButton(): Locator {
    return this.page.getByRole('button', { name: /^(Place order|Try again)$/ });
  }

  /** The review's list of what stops the order (an error summary of links). */
  get orderProblems(): Locator {
    return this.page.getByRole('group', { name: /problems? stops? this order/ });
  }

  /** Fills in the checkout's contact and shipping address (a Paris address unless told otherwise). */
  async fillContactAndAddress({ name = 'Ada Lovelace', email = 'ada@example.com', country = 'France', line1 = '1 Rue de Rivoli', postalCode = '75001', city = 'Paris' } = {}): Promise<void> {
    await this.page.getByRole('textbox', { name: 'Name', exact: true }).fill(name);
    await this.page.getByRole('textbox', { name: 'Email', exact: true }).fill(email);
    await this.page.getByRole('combobox', { name: 'Country', exact: true }).selectOption({ label: country });
    await this.page.getByRole('textbox', { name: 'Street and number', exact: true }).fill(line1);
    await this.page.getByRole('textbox', { name: 'Postal code', exact: true }).fill(postalCode);
    await this.page.getByRole('textbox', { name: 'Town or city', exact: true }).fill(city);
  }

  /** The order the shop stored, as its staff read it (the fulfilment record, with the order's id from the confirmation). */
  async placedOrder(fulfilmentToken: string): Promise<Record<string, unknown> & { design: { personalisation: Record<string, string> } }> {
    const url = await this.page.getByRole('link', { name: 'order record' }).getAttribute('href');
    const response = await this.page.request.get(url!, { headers: { Authorization: `Bearer ${fulfilmentToken}` } });
    expect(response.ok()).toBe(true);
    return response.json();
  }

  get backToDesignButton(): Locator {
    return this.page.getByRole('button', { name: 'Back to design', exact: true });
  }

  /** Runs `action` and returns the download it starts. */
  async download(action: () => Promise<void>): Promise<Download> {
    const [download] = await Promise.all([this.page.waitForEvent('download'), action()]);
    return download;
  }

  // ------------------------------------------------------------------ keyboard

  /** Presses Tab (or Shift+Tab) until `target` has focus; fails after `maxPresses`. Keyboard only. */
  async tabTo(target: Locator, { backwards = false, maxPresses = 80 } = {}): Promise<void> {
    for (let presses = 0; presses < maxPresses; presses += 1) {
      if (await isFocused(target)) return;
      await this.page.keyboard.press(backwards ? 'Shift+Tab' : 'Tab');
    }
    await expect(target, `Tab never reached ${target}`).toBeFocused({ timeout: 1 });
  }
}

/** "Toe cap colour" → "Toe cap". */
function partOf(group: string): string {
  return group.replace(/ (colour|material)$/, '');
}

async function isFocused(target: Locator): Promise<boolean> {
  if ((await target.count()) !== 1) return false;
  return target.evaluate((element) => element === document.activeElement);
}
