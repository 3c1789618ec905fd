import { describe, expect, it } from 'vitest';
import { encodeShareToken, resolveDesign, versionOptionsOf } from '../../src/domain/index.ts';
import { loadStartingDesign, type ReadCandidate, type ReadVersionOptions } from '../../src/views/startingDesign.ts';
import { firstFormatShareToken } from '../domain/support/firstFormatShareToken.ts';
import { scratchVersion } from '../domain/support/scratchSneaker.ts';
import { loadSneaker } from '../domain/support/sneaker.ts';

// What a customer opening a link is told, in a shop whose palettes changed since the link was made:
// today's shop is the scratch version; the link was made under the real sneaker's version.

const { entry, space } = loadSneaker();
const palette = entry.product.attributes.find((attribute) => attribute.kind === 'colour' && attribute.options.length >= 3)!;
const design = resolveDesign(space, entry.ruleSet, { [palette.id]: palette.options[1]!.id }).assignment;
const today = scratchVersion(entry, design);
const chosen = [palette.id];

const noCandidates: ReadCandidate = (id) => Promise.reject(new Error(`no gallery here (asked for ${id})`));
// The server's answer for the versions it published (see GET /api/catalog/…/options).
const published = [versionOptionsOf(entry), versionOptionsOf(today.entry)];
const readVersionOptions: ReadVersionOptions = async (productId, rulesVersion) => published.find((version) => version.productId === productId && version.rulesVersion === rulesVersion)
  ?? { error: `This shop never published rules version "${rulesVersion}".` };
const open = (token: string, read = readVersionOptions) => loadStartingDesign(today.entry, today.space, new URLSearchParams({ design: token }), noCandidates, read);

describe('opening a share link made before a palette edit', () => {
  it.each([
    ['by ids', encodeShareToken(entry.product, entry.rulesVersion, design, chosen)],
    ['of the first format', firstFormatShareToken(entry.product, entry.rulesVersion, design, chosen)],
  ])('restores the shared colour from a link %s and says what changed, per attribute', async (_what, token) => {
    const start = await open(token);
    expect(start.choices).toContainEqual({ attribute: palette.id, option: palette.options[1]!.id });
    expect(start.notice?.tone).toBe('warning');
    expect(start.notice?.title).toBe('The shop\'s options changed since this shared design was made');
    expect(start.notice?.lines.some((line) => line.includes(' is no longer offered; now '))).toBe(true);
    expect(start.notice?.lines.join(' ')).not.toContain('Every choice is as it was shared');
  });

  it('promises every choice as shared only when it is true', async () => {
    const same = resolveDesign(today.space, today.entry.ruleSet, { [palette.id]: palette.options[1]!.id }).assignment;
    const start = await open(encodeShareToken(today.entry.product, today.entry.rulesVersion, same, chosen));
    expect(start.notice).toEqual({ tone: 'info', title: 'Opened a shared design', lines: ['Every choice is as it was shared; change anything you like.'] });
  });

  it('opens a fresh design and says why when the link\'s version cannot be read', async () => {
    const start = await open(firstFormatShareToken(entry.product, entry.rulesVersion, design, chosen), async () => ({ error: 'The shop could not be reached to read this link: check your connection and reload the page.' }));
    expect(start.choices).toEqual([]);
    expect(start.notice).toEqual({ tone: 'warning', title: 'The shared design could not be opened', lines: ['The shop could not be reached to read this link: check your connection and reload the page. You are starting from the suggested design.'] });
  });

  it('carries a gallery design by its ids, even one naming an option dropped since', async () => {
    const remix: ReadCandidate = async (id) => ({ id, productId: 'sneaker', rulesVersion: entry.rulesVersion, design: { choices: design, chosenByCustomer: chosen } });
    const start = await loadStartingDesign(today.entry, today.space, new URLSearchParams({ remix: 'c1' }), remix, readVersionOptions);
    expect(start.remixOf).toBe('c1');
    expect(start.choices).toContainEqual({ attribute: palette.id, option: palette.options[1]!.id });
    expect(start.notice?.lines.some((line) => line.includes(' is no longer offered; now '))).toBe(true);
  });
});
