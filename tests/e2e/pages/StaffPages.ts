import AxeBuilder from '@axe-core/playwright';
import { expect, type Locator, type Page } from '@playwright/test';
import axe from 'axe-core';

/** A staff role as the pages name it (the checkbox and radio labels). */
export type StaffRoleLabel = 'Admin' | 'Merchandiser' | 'Designer' | 'Fulfilment';

/**
 * The staff area at /staff as a person uses it: every control found by its role and accessible
 * name, the way a screen-reader user finds it.
 */
export class StaffPages {
  constructor(readonly page: Page) {}

  /** Opens a staff address (default the home, /staff). */
  async open(path = '/staff'): Promise<void> {
    await this.page.goto(path);
  }

  /** The page's heading (`<h1>`). */
  get heading(): Locator {
    return this.page.getByRole('heading', { level: 1 });
  }

  /** The sign-in form's heading. */
  get loginHeading(): Locator {
    return this.page.getByRole('heading', { level: 1, name: 'Sign in to the staff area' });
  }

  /** The page's alert (why the last request failed). */
  get alert(): Locator {
    return this.page.getByRole('alert');
  }

  /** The polite status lines (what the last change did). */
  get status(): Locator {
    return this.page.getByRole('status');
  }

  /** The links to the account's pages in the banner. */
  get navigation(): Locator {
    return this.page.getByRole('navigation', { name: 'Staff pages' });
  }

  /** Signs in on the form shown at any staff address while nobody is signed in, and waits for the signed-in page. */
  async signIn(email: string, password: string): Promise<void> {
    await expect(this.loginHeading).toBeVisible();
    await this.page.getByRole('textbox', { name: 'Email' }).fill(email);
    await this.page.getByLabel('Password', { exact: true }).fill(password);
    await this.page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await expect(this.page.getByRole('button', { name: 'Sign out', exact: true })).toBeVisible();
  }

  /** Follows a link of the banner's navigation, e.g. "Staff accounts", and waits for its heading. */
  async go(title: string): Promise<void> {
    await this.navigation.getByRole('link', { name: title, exact: true }).click();
    await expect(this.heading).toHaveText(title === 'Home' ? 'Staff area' : title);
  }

  /** The row of a table whose row header is `key` (an email, a token's name, an endpoint's URL). */
  row(key: string): Locator {
    return this.page.getByRole('row').filter({ has: this.page.getByRole('rowheader', { name: key }) });
  }

  /** "Add an account" on the accounts page; waits until the account is listed. */
  async addAccount(email: string, roles: readonly StaffRoleLabel[], password: string): Promise<void> {
    const form = this.page.getByRole('form', { name: 'Add an account' });
    await form.getByRole('textbox', { name: 'Email' }).fill(email);
    const group = form.getByRole('group', { name: 'Roles' });
    for (const role of roles) await group.getByRole('checkbox', { name: role, exact: true }).check();
    await form.getByLabel('First password').fill(password);
    await form.getByRole('button', { name: 'Add account' }).click();
    await expect(this.row(email)).toBeVisible();
  }

  /** "Create a token" on the tokens page; returns the secret shown once. */
  async createToken(name: string, role: Exclude<StaffRoleLabel, 'Admin'>, days: number): Promise<string> {
    const form = this.page.getByRole('form', { name: 'Create a token' });
    await form.getByRole('textbox', { name: 'Name' }).fill(name);
    await form.getByRole('group', { name: 'Role' }).getByRole('radio', { name: role, exact: true }).check();
    await form.getByRole('spinbutton', { name: 'Expires in (days)' }).fill(String(days));
    await form.getByRole('button', { name: 'Create token' }).click();
    return this.shownSecret(`New token: ${name}`);
  }

  /** "Add an endpoint" on the webhooks page; returns the signing secret shown once. */
  async addWebhook(url: string, description: string): Promise<string> {
    const form = this.page.getByRole('form', { name: 'Add an endpoint' });
    await form.getByRole('textbox', { name: 'URL' }).fill(url);
    await expect(form.getByRole('group', { name: 'Events' }).getByRole('checkbox', { name: 'order.placed' })).toBeChecked();
    await form.getByRole('textbox', { name: 'Description (optional)' }).fill(description);
    await form.getByRole('button', { name: 'Add endpoint' }).click();
    return this.shownSecret(`New endpoint: ${description}`);
  }

  /** The secret of the panel that shows it once: it has the focus, warns, and offers "Copy". */
  private async shownSecret(title: string): Promise<string> {
    const panel = this.page.getByRole('region', { name: title });
    await expect(panel.getByRole('heading', { name: title })).toBeFocused();
    await expect(panel).toContainText('it is not shown again');
    await expect(panel.getByRole('button', { name: 'Copy' })).toBeVisible();
    return panel.getByRole('textbox', { name: 'Secret' }).inputValue();
  }

  /** Clicks a button and confirms in the dialog it opens. */
  async confirm(button: Locator, confirmation: string): Promise<void> {
    await button.click();
    const dialog = this.page.getByRole('dialog');
    await expect(dialog).toBeVisible();
    await dialog.getByRole('button', { name: confirmation }).click();
    await expect(dialog).toBeHidden();
  }

  /**
   * What axe finds on the page now (every rule, the experimental ones too, as the customer pages
   * are checked), each with the markup of its first nodes, for a readable failure.
   */
  async axeViolations(): Promise<string[]> {
    const experimental = Object.fromEntries(axe.getRules(['experimental']).map((rule) => [rule.ruleId, { enabled: true }]));
    const results = await new AxeBuilder({ page: this.page }).options({ rules: experimental }).analyze();
    return results.violations.map((violation) => `${violation.id} (${violation.impact}): ${violation.help}\n  ${violation.nodes.slice(0, 3).map((node) => node.html).join('\n  ')}`);
  }
}
