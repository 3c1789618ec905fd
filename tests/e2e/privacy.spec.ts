import { expect, test } from '@playwright/test';
import { decodePngPixels } from '../../src/domain/artwork/decodePng.ts';
import { readPngInfo } from '../../src/domain/artwork/pngInfo.ts';
import { ConfiguratorPage } from './pages/ConfiguratorPage.ts';

// Privacy in public: a design's personal text never reaches the community gallery (the browser
// sends no picture; the shop draws one from the choices), and a share link says that it leaves
// the text and artwork out instead of promising the very same design.

/** The heel text's ink: volt, a colour the suggested design does not use, so any pixel of it would be the text. */
const INK = { label: 'Volt', rgb: [0xd4, 0xf0, 0x3c] } as const;

function inkPixels(png: Uint8Array): number {
  const info = readPngInfo(png);
  if ('problem' in info) throw new Error(`the gallery picture is not a PNG: ${info.problem}`);
  let count = 0;
  decodePngPixels(info, (row) => {
    for (let x = 0; x < row.length; x += 4) {
      if (Math.abs(row[x]! - INK.rgb[0]) <= 24 && Math.abs(row[x + 1]! - INK.rgb[1]) <= 24 && Math.abs(row[x + 2]! - INK.rgb[2]) <= 24) count++;
    }
  });
  return count;
}

async function typeHeelText(configurator: ConfiguratorPage, text: string): Promise<void> {
  await configurator.openPart('Heel tab');
  const box = configurator.page.getByRole('textbox', { name: 'Heel tab text', exact: true });
  await box.fill(text);
  await expect(box).not.toHaveAttribute('aria-invalid', 'true');
  await configurator.page.getByRole('combobox', { name: 'Heel tab text colour' }).selectOption({ label: INK.label });
}

test('a design with a personal text goes to the gallery without it: no picture is sent, and the shop\'s picture has none of its ink', async ({ page }) => {
  const configurator = new ConfiguratorPage(page);
  await configurator.open({ webgl: true });
  await typeHeelText(configurator, 'JAMES 23');
  await configurator.reviewButton.click();
  const title = `Private heel ${Math.random().toString(36).slice(2, 7)}`;
  await page.getByRole('textbox', { name: 'Design name' }).fill(title);
  const sent = page.waitForRequest((request) => request.url().endsWith('/api/candidates') && request.method() === 'POST');
  await page.getByRole('button', { name: 'Submit to the gallery' }).click();
  const body = (await sent).postDataJSON() as Record<string, unknown>;
  expect(Object.keys(body).sort()).toEqual(['design', 'title']);
  expect(JSON.stringify(body)).not.toContain('JAMES');
  // In the gallery (or joined to the same design shared earlier by another test).
  const gallery = page.getByRole('link', { name: 'See it in the gallery' });
  await expect(gallery).toBeVisible();
  const candidateId = /#candidate-(.+)$/.exec((await gallery.getAttribute('href'))!)![1]!;
  const picture = await page.request.get(`/api/candidates/${candidateId}/thumbnail`);
  expect(picture.headers()['content-type']).toBe('image/png');
  const png = new Uint8Array(await picture.body());
  expect(inkPixels(png)).toBe(0);
});

test.describe('a share link', () => {
  test('of a design with personal text says the text is left out, and so does the page it opens', async ({ page, context }) => {
    const configurator = new ConfiguratorPage(page);
    await configurator.open();
    await typeHeelText(configurator, 'JAMES');
    await configurator.reviewButton.click();
    const share = page.getByRole('textbox', { name: 'Share link' });
    await expect(share).toHaveAccessibleDescription('Your text and artwork are not in shared links: anyone with the link sees your choices without them.');
    const link = new URL(await share.inputValue());
    expect(link.href).not.toContain('JAMES');

    const other = new ConfiguratorPage(await context.newPage());
    await other.open({ path: link.pathname + link.search });
    const notice = other.page.getByRole('status').filter({ hasText: 'Opened a shared design' });
    await expect(notice).toContainText('text and artwork are not in shared links');
    await expect(notice).not.toContainText('Every choice is as it was shared');
    await other.openPart('Heel tab');
    await expect(other.page.getByRole('textbox', { name: 'Heel tab text', exact: true })).toHaveValue('');
  });

  test('of a design without personal text promises the design as it is', async ({ page, context }) => {
    const configurator = new ConfiguratorPage(page);
    await configurator.open();
    await configurator.reviewButton.click();
    const share = page.getByRole('textbox', { name: 'Share link' });
    await expect(share).toHaveAccessibleDescription('Anyone with the link sees this exact design.');
    const link = new URL(await share.inputValue());
    const other = new ConfiguratorPage(await context.newPage());
    await other.open({ path: link.pathname + link.search });
    await expect(other.page.getByRole('status').filter({ hasText: 'Opened a shared design' })).toContainText('Every choice is as it was shared');
  });
});
