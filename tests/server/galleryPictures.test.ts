// Gallery pictures are drawn by the shop from the design's choices, never taken from the browser:
// a design carrying a personal text gets the very picture the same design without it gets, with
// no pixel of the text's ink, and a picture sent by the browser is refused.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { decodePngPixels } from '../../src/domain/artwork/decodePng.ts';
import { readPngInfo } from '../../src/domain/artwork/index.ts';
import type { DesignDocument } from '../../src/domain/index.ts';
import type { Candidate } from '../../src/server/candidate.ts';
import { designFrom, pngDataUrl, pngFile, productUnderTest } from '../../scripts/support/orderBodies.ts';
import { startTestApp, type TestApp } from './support/testApp.ts';

let t: TestApp;
let design: DesignDocument;
/** The text's ink: a colour no part of the design is made in, so any pixel of it would be the text. */
let ink: { id: string; rgb: [number, number, number] };

beforeAll(async () => {
  t = await startTestApp();
  const sneaker = productUnderTest(t.entry);
  design = designFrom(sneaker, { 'vamp.colour': 'navy', 'toeCap.colour': 'navy' });
  const partColours = new Set(t.entry.product.attributes.filter((attribute) => attribute.kind === 'colour').map((attribute) => design.choices[attribute.id]));
  const personalColours = (t.entry.ruleSet.personalisation?.find((field) => field.id === 'heelText') as { colours: readonly string[] }).colours;
  const colour = t.entry.product.colours!.find((option) => personalColours.includes(option.id) && !partColours.has(option.id))!;
  ink = { id: colour.id, rgb: hexToRgb(colour.hex!) };
}, 120_000);

afterAll(async () => {
  await t?.dispose();
});

beforeEach(async () => {
  await t.client.query('TRUNCATE rate_limit_windows, vote_casts, votes, candidate_submitters, candidates RESTART IDENTITY');
});

function hexToRgb(hex: string): [number, number, number] {
  return [1, 3, 5].map((start) => parseInt(hex.slice(start, start + 2), 16)) as [number, number, number];
}

const submit = (body: unknown) => t.app.request('/api/candidates', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });

async function galleryPicture(submitted: DesignDocument): Promise<Uint8Array> {
  const response = await submit({ design: submitted, title: 'Navy court' });
  expect(response.status).toBe(201);
  const { candidate } = (await response.json()) as { candidate: Candidate };
  const picture = await t.app.request(candidate.thumbnailUrl);
  expect(picture.status).toBe(200);
  expect(picture.headers.get('content-type')).toBe('image/png');
  return new Uint8Array(await picture.arrayBuffer());
}

/** The picture's size and how many of its pixels are within `tolerance` of a colour. */
function pixelsOf(png: Uint8Array, rgb: readonly number[], tolerance: number): { width: number; height: number; matching: number } {
  const info = readPngInfo(png);
  if ('problem' in info) throw new Error(`not a PNG: ${info.problem}`);
  let matching = 0;
  const decoded = decodePngPixels(info, (row) => {
    for (let x = 0; x < row.length; x += 4) {
      if (row[x + 3]! > 0 && Math.abs(row[x]! - rgb[0]!) <= tolerance && Math.abs(row[x + 1]! - rgb[1]!) <= tolerance && Math.abs(row[x + 2]! - rgb[2]!) <= tolerance) matching++;
    }
  });
  expect(decoded.ok).toBe(true);
  return { width: info.width, height: info.height, matching };
}

describe('the gallery picture', () => {
  it('of a design with a personal text is the picture of the same design without it, with no pixel of the ink', async () => {
    const withText = { ...design, personalisation: { heelText: 'JAMES 23', 'heelText.font': 'bebas-neue', 'heelText.colour': ink.id } };
    const pictured = await galleryPicture(withText);
    await t.client.query('TRUNCATE vote_casts, votes, candidate_submitters, candidates RESTART IDENTITY');
    const plain = await galleryPicture(design);
    expect(pictured).toEqual(plain);

    const navy = hexToRgb(t.entry.product.colours!.find((option) => option.id === 'navy')!.hex!);
    const pixels = pixelsOf(pictured, navy, 24);
    expect(pixels.width).toBeGreaterThanOrEqual(320);
    // The design is in the picture (its navy vamp and toe cap), the text's ink is not.
    expect(pixels.matching).toBeGreaterThan(500);
    expect(pixelsOf(pictured, ink.rgb, 24).matching).toBe(0);
  });

  it('is never taken from the browser: a submission carrying a picture is refused, and nothing is stored', async () => {
    const inked = pngDataUrl(pngFile(64, 32, ink.rgb));
    const response = await submit({ design: { ...design, personalisation: { heelText: 'JAMES 23', 'heelText.colour': ink.id } }, title: 'Navy court', thumbnail: inked });
    expect(response.status).toBe(422);
    const { error } = (await response.json()) as { error: { code: string; problems: { path: string; message: string; hint: string }[] } };
    expect(error.code).toBe('invalid_request');
    expect(error.problems[0]).toMatchObject({ path: 'thumbnail', message: expect.stringMatching(/draws every gallery picture/), hint: expect.stringMatching(/remove/) });
    expect((await t.client.query<{ n: number }>('SELECT count(*)::int AS n FROM candidates'))[0]!.n).toBe(0);
  });

  it('of a candidate stored without one (from before the shop drew them) is drawn when first asked for, and kept', async () => {
    const plain = await galleryPicture(design);
    await t.client.query('UPDATE candidates SET thumbnail = NULL');
    const listed = (await (await t.app.request('/api/candidates?product=sneaker')).json()) as { candidates: Candidate[] };
    const redrawn = await t.app.request(listed.candidates[0]!.thumbnailUrl);
    expect(redrawn.status).toBe(200);
    expect(new Uint8Array(await redrawn.arrayBuffer())).toEqual(plain);
    const stored = await t.client.query<{ drawn: boolean }>('SELECT thumbnail IS NOT NULL AS drawn FROM candidates');
    expect(stored[0]!.drawn).toBe(true);
  });
});
