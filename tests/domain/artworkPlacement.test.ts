// Artwork on a print zone: placed by default as large as its area allows, checked for print
// resolution (refused under 150 DPI, a warning under 300), for the area, and for the colours its
// print method allows; priced per colour for screen print; laid out for the print files.
import { describe, expect, it } from 'vitest';
import { artworkPlacements, artworkStatus, compileRules, createDesignDocument, createOrderDocument, personalisationProblems, resolveDesign, type ArtworkMeta } from '../../src/domain/index.ts';
import { loadCatalogFromDisk } from '../../src/server/catalogFiles.ts';

const tshirt = loadCatalogFromDisk(process.cwd()).entries.find((entry) => entry.product.id === 'tshirt')!;
const space = compileRules(tshirt.product, tshirt.ruleSet);
const designWith = (method: string) => resolveDesign(space, tshirt.ruleSet, { 'front.method': method }).assignment;
const logo = (overrides: Partial<ArtworkMeta> = {}): ArtworkMeta => ({ id: 'a1b2c3d4e5f60718', format: 'png', widthPx: 3200, heightPx: 1600, vector: false, colours: 3, url: '/api/artworks/a1b2c3d4e5f60718', ...overrides });
const front = (design: Record<string, string>, values: Record<string, string>, artwork = logo()) =>
  artworkStatus(tshirt, design, values, new Map([[artwork.id, artwork]])).find((status) => status.field.id === 'frontArtwork')!;

describe('an artwork on the front', () => {
  it('is placed as large as its area allows, centred across its top', () => {
    const status = front(designWith('dtg'), { frontArtwork: 'a1b2c3d4e5f60718' });
    expect(status.box).toEqual({ xMm: 0, yMm: 0, widthMm: 260, heightMm: 130 });
    expect(status.dpi).toBe(312);
    expect(status.problems).toEqual([]);
    expect(status.warnings).toEqual([]);
  });

  it('warns under 300 DPI and refuses under 150, saying how large an image would do', () => {
    const soft = front(designWith('dtg'), { frontArtwork: 'a1b2c3d4e5f60718' }, logo({ widthPx: 2400, heightPx: 1200 }));
    expect(soft.problems).toEqual([]);
    expect(soft.warnings).toEqual(['At this size the artwork prints at 234 DPI; under 300 it may look soft. Upload a larger image (3071 px wide or more at this size) or place it smaller.']);
    const blurry = front(designWith('dtg'), { frontArtwork: 'a1b2c3d4e5f60718' }, logo({ widthPx: 800, heightPx: 400 }));
    expect(blurry.problems).toEqual(['At this size the artwork prints at only 78 DPI; the minimum is 150: upload a larger image (1536 px wide or more at this size) or place it smaller.']);
    // Placed smaller, the same image prints well enough.
    const smaller = front(designWith('dtg'), { frontArtwork: 'a1b2c3d4e5f60718', 'frontArtwork.width': '100' }, logo({ widthPx: 800, heightPx: 400 }));
    expect(smaller.problems).toEqual([]);
    expect(smaller.dpi).toBe(203);
  });

  it('never minds the resolution of vector artwork', () => {
    expect(front(designWith('dtg'), { frontArtwork: 'a1b2c3d4e5f60718' }, logo({ format: 'svg', vector: true, widthPx: 24, heightPx: 12 })).dpi).toBeNull();
  });

  it('must stay inside its area', () => {
    const status = front(designWith('dtg'), { frontArtwork: 'a1b2c3d4e5f60718', 'frontArtwork.width': '200', 'frontArtwork.x': '100' });
    expect(status.problems).toEqual(['Keep the artwork inside the print area (260 × 290 mm): move it or make it smaller.']);
  });

  it('takes at most 6 colours embroidered, and is priced per colour screen printed', () => {
    const embroidered = front(designWith('embroidery'), { frontArtwork: 'a1b2c3d4e5f60718' }, logo({ colours: 9 }));
    expect(embroidered.problems).toEqual(['Embroidery takes at most 6 thread colours. This artwork has 9 colours.']);
    const screened = front(designWith('screen'), { frontArtwork: 'a1b2c3d4e5f60718' }, logo({ colours: 3 }));
    expect(screened.prices).toEqual([{ ruleId: 'personalisation:frontArtwork:colours:0', label: 'Screen colours (3 × €1.50)', amount: 450 }]);
  });

  it('is not offered without a print method on the front, and refused by the server then', () => {
    const design = designWith('none');
    expect(front(design, { frontArtwork: 'a1b2c3d4e5f60718' }).offered).toBe(false);
    const problems = personalisationProblems(tshirt, design, { frontArtwork: 'a1b2c3d4e5f60718' }, new Map([[logo().id, logo()]]));
    expect(problems.map((problem) => problem.message)).toEqual(['Front artwork is not offered with this design']);
  });

  it('names an artwork the shop does not have', () => {
    const problems = personalisationProblems(tshirt, designWith('dtg'), { frontArtwork: 'ffffffffffffffff' });
    expect(problems).toEqual([expect.objectContaining({ path: 'personalisation.frontArtwork', message: 'The front artwork could not be found: upload it again.' })]);
  });

  it('goes into the order with its placement in the zone and its price', () => {
    const assignment = designWith('screen');
    const document = createDesignDocument('tshirt', tshirt.rulesVersion, assignment, ['front.method'], { frontArtwork: 'a1b2c3d4e5f60718', 'frontArtwork.width': '200', 'frontArtwork.x': '30', 'frontArtwork.y': '10' });
    const artworks = new Map([[logo().id, logo()]]);
    expect(artworkPlacements(tshirt, document, artworks)).toEqual([expect.objectContaining({
      zone: 'front', field: 'frontArtwork', method: { id: 'screen', label: 'Screen print', code: 'PM-SCR' },
      // The area is centred across the 280 mm zone (10 mm each side) and starts 66 mm down.
      positionMm: { x: 40, y: 76 }, sizeMm: { width: 200, height: 100 }, effectiveDpi: 406, pixels: { width: 3307, height: 4252 },
    })]);
    const order = createOrderDocument(tshirt, document, tshirt.product.sizes[2]!, 1, new Date('2026-12-01T00:00:00Z'), artworks);
    expect(order.price.surcharges).toContainEqual({ ruleId: 'personalisation:frontArtwork:colours:0', label: 'Screen colours (3 × €1.50)', amount: 450 });
  });
});
