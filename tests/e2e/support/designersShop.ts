// A shop with demand for the designers' spec, made through the shop's public API as customers make
// it: orders of a design nobody submitted to the gallery (the most ordered) and of near-identical
// designs (one option changed), and a gallery design submitted with its creator's name, voted up
// and ordered. Designs are the real sneaker's, built from the files the server serves.
import { expect, request as newRequest, type APIRequestContext } from '@playwright/test';
import { canonicalKey, type DesignDocument } from '../../../src/domain/index.ts';
import { catalogEntryFromSources, readCatalogSources } from '../../../src/server/catalogFiles.ts';
import { designFrom, distinctDesigns, orderBody, productUnderTest, type ProductUnderTest } from '../../../scripts/support/orderBodies.ts';

/** What the spec seeded, to find again on the designer's pages. */
export interface DesignersShop {
  readonly sneaker: ProductUnderTest;
  /** Ordered most, never submitted to the gallery. */
  readonly favourite: DesignDocument;
  readonly favouriteUnits: number;
  /** The favourite with one option changed, each ordered once. */
  readonly nearDuplicates: readonly DesignDocument[];
  /** Submitted to the gallery with a creator's name, voted up and ordered. */
  readonly gallery: { readonly design: DesignDocument; readonly title: string; readonly creator: string; readonly units: number };
}

const FAVOURITE_ORDERS = 3;
const FAVOURITE_QUANTITY = 5;
const GALLERY_UNITS = 7;

/**
 * Seeds the shop for one run (`run` makes every design and key its own). The designs are built
 * from the sneaker's files on disk; the server must serve that version (it does, unless another
 * spec left a publication behind).
 */
export async function seedDesignersShop(api: APIRequestContext, baseURL: string, run: string): Promise<DesignersShop> {
  const loaded = catalogEntryFromSources(process.cwd(), readCatalogSources(process.cwd(), 'sneaker')!);
  if (!loaded.ok) throw new Error(loaded.problems.join('\n'));
  const sneaker = productUnderTest(loaded.entry);
  const served = (await api.get('/api/catalog/sneaker')).headers().etag?.replace(/^W\//, '').replace(/"/g, '');
  expect(served, 'the files on disk are the sneaker version the server serves').toBe(sneaker.entry.rulesVersion);

  // A seed of its own per run, so that the run's designs are not another run's (or another spec's).
  const seed = [...run].reduce((sum, character) => (sum * 31 + character.charCodeAt(0)) % 1_000_003, 7);
  // Designs a customer changed: the starting design, unchanged, is no customer's own.
  const starting = canonicalKey(designFrom(sneaker));
  const [favourite, galleryDesign] = distinctDesigns(sneaker, 3, seed).filter((design) => canonicalKey(design) !== starting) as [DesignDocument, DesignDocument];
  const nearDuplicates = oneOptionAway(sneaker, favourite, 3);

  const order = async (design: DesignDocument, quantity: number, key: string) => {
    const response = await api.post('/api/orders', {
      data: orderBody(sneaker, design, { quantity, contact: { name: 'Grace Hopper', email: `designers-${run}@example.com` } }),
      headers: { 'Idempotency-Key': `designers-${run}-${key}` },
    });
    expect(response.status(), await response.text()).toBe(201);
  };
  const orders = async () => {
    for (let index = 0; index < FAVOURITE_ORDERS; index++) await order(favourite, FAVOURITE_QUANTITY, `favourite-${index}`);
    for (const [index, design] of nearDuplicates.entries()) await order(design, 1, `near-${index}`);
    await order(galleryDesign, GALLERY_UNITS, 'gallery');
  };

  // The gallery design: submitted with the creator's public name, voted up by its creator and one
  // other customer (the server draws its picture meanwhile: the orders go in beside it).
  const title = `Night runner ${run}`;
  const creator = `Ada ${run.slice(0, 4)}`;
  const submitAndVote = async () => {
    const submitter = await newRequest.newContext({ baseURL });
    await submitter.get('/api/candidates?productId=sneaker');
    const submitted = await submitter.post('/api/candidates', { data: { design: galleryDesign, title, creatorName: creator } });
    expect(submitted.status(), await submitted.text()).toBe(201);
    const candidateId = ((await submitted.json()) as { candidate: { id: string } }).candidate.id;
    const voter = await newRequest.newContext({ baseURL });
    await voter.get('/api/candidates?productId=sneaker');
    for (const context of [submitter, voter]) {
      const voted = await context.post(`/api/candidates/${candidateId}/votes`, { data: { vote: 'up' } });
      expect(voted.status(), await voted.text()).toBeLessThan(300);
      await context.dispose();
    }
  };
  await Promise.all([orders(), submitAndVote()]);
  return { sneaker, favourite, favouriteUnits: FAVOURITE_ORDERS * FAVOURITE_QUANTITY, nearDuplicates, gallery: { design: galleryDesign, title, creator, units: GALLERY_UNITS } };
}

/** `count` designs that differ from `design` in one attribute only (the first with enough other options the rules allow). */
function oneOptionAway(sneaker: ProductUnderTest, design: DesignDocument, count: number): DesignDocument[] {
  for (const attribute of sneaker.entry.product.attributes) {
    const others = attribute.options
      .filter((option) => !option.retired && option.id !== design.choices[attribute.id])
      .map((option) => ({ ...design.choices, [attribute.id]: option.id }))
      .filter((choices) => sneaker.space.isConsistent(choices));
    if (others.length >= count) return others.slice(0, count).map((choices) => designFrom(sneaker, choices));
  }
  throw new Error(`no attribute of the sneaker has ${count} other options allowed with ${canonicalKey(design)}`);
}
