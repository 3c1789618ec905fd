import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveDesign, restoreSharedDesign, versionOptionsOf, type VersionOptions } from '../../src/domain/index.ts';
import { firstFormatShareToken } from '../domain/support/firstFormatShareToken.ts';
import { scratchVersion, type ScratchVersion } from '../domain/support/scratchSneaker.ts';
import { loadSneaker } from '../domain/support/sneaker.ts';
import { startTestApp, type TestApp } from './support/testApp.ts';

// GET /api/catalog/:productId/versions/:rulesVersion/options: the option ids of a version the shop
// published before, which share links of the first format count positions in.

const { entry, space } = loadSneaker();
let earlier: ScratchVersion;
let t: TestApp;

beforeAll(async () => {
  earlier = scratchVersion(entry, resolveDesign(space, entry.ruleSet, {}).assignment);
  t = await startTestApp([earlier.entry]);
}, 120_000);

afterAll(async () => {
  await t?.dispose();
});

const optionsUrl = (productId: string, rulesVersion: string) => `/api/catalog/${productId}/versions/${rulesVersion}/options`;

describe('GET /api/catalog/:productId/versions/:rulesVersion/options', () => {
  it('answers an earlier version\'s option ids in that version\'s order, cached for good', async () => {
    const response = await t.app.request(optionsUrl('sneaker', earlier.entry.rulesVersion));
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    const body = (await response.json()) as VersionOptions;
    expect(body).toEqual(versionOptionsOf(earlier.entry));
    expect(body.attributes.find((attribute) => attribute.id === earlier.edits.palette.id)!.options[1]).toBe(earlier.edits.inserted.id);
  });

  it('answers the current version too', async () => {
    const response = await t.app.request(optionsUrl('sneaker', t.entry.rulesVersion));
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual(versionOptionsOf(t.entry));
  });

  it('is what an old link made under that version is read with, in today\'s shop', async () => {
    const design = resolveDesign(earlier.space, earlier.entry.ruleSet, { [earlier.edits.palette.id]: earlier.edits.shifted }).assignment;
    const token = firstFormatShareToken(earlier.entry.product, earlier.entry.rulesVersion, design, [earlier.edits.palette.id]);
    const options = (await (await t.app.request(optionsUrl('sneaker', earlier.entry.rulesVersion))).json()) as VersionOptions;
    const restored = restoreSharedDesign(t.entry, space, token, options);
    if ('error' in restored) throw new Error(restored.error);
    expect(restored.choices).toContainEqual({ attribute: earlier.edits.palette.id, option: earlier.edits.shifted });
  });

  it.each([
    ['a version never published', () => optionsUrl('sneaker', '0123456789abcdef'), 'unknown_rules_version', /current one is [0-9a-f]{16}/],
    ['something that is not a version', () => optionsUrl('sneaker', 'latest'), 'unknown_rules_version', /16 hex digits/],
    ['an unknown product', () => optionsUrl('boots', '0123456789abcdef'), 'unknown_product', /sneaker/],
  ])('answers 404 for %s, with a hint', async (_what, url, code, hint) => {
    const response = await t.app.request(url());
    expect(response.status).toBe(404);
    expect(response.headers.get('cache-control')).toBe('no-store');
    const { error } = (await response.json()) as { error: { code: string; hint: string } };
    expect(error.code).toBe(code);
    expect(error.hint).toMatch(hint);
  });
});
