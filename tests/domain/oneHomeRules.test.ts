// Business rules with one home in the domain, read by machines and views alike: the order total,
// a part's material and colour, where personalisation values are kept, and which choices shape
// the model (the t-shirt's fit and cut), all over the real products.
import { describe, expect, it } from 'vitest';
import {
  artworkPlacementKeys, compileRules, createDesignDocument, createOrderDocument, orderTotal, partMaterialAndColour, personalisationKeysOf, productIllustration,
  resolveDesign, shapingAttributes, textStyleKeys,
} from '../../src/domain/index.ts';
import { loadCatalogFromDisk } from '../../src/server/catalogFiles.ts';

const entries = loadCatalogFromDisk(process.cwd()).entries;
const sneaker = entries.find((entry) => entry.product.id === 'sneaker')!;
const tshirt = entries.find((entry) => entry.product.id === 'tshirt')!;
const designOf = (entry: typeof sneaker, choices: Record<string, string> = {}) => resolveDesign(compileRules(entry.product, entry.ruleSet), entry.ruleSet, choices).assignment;

describe('orderTotal', () => {
  it('is the unit price times the quantity, in the price\'s currency', () => {
    expect(orderTotal({ unitTotal: 13400, currency: 'EUR' }, 2)).toEqual({ unitTotal: 13400, total: 26800, currency: 'EUR' });
  });

  it('is the total the order document states', () => {
    const design = designOf(sneaker);
    const document = createDesignDocument('sneaker', sneaker.rulesVersion, design, []);
    const order = createOrderDocument(sneaker, document, sneaker.product.sizes[0]!, 3, new Date('2026-11-25T12:00:00Z'));
    expect(order.price.total).toBe(orderTotal(order.price, 3).total);
  });
});

describe('partMaterialAndColour', () => {
  it('finds a part\'s material and colour by the attributes\' kinds', () => {
    const design = designOf(sneaker, { 'toeCap.colour': 'navy' });
    const toeCap = sneaker.product.parts.find((part) => part.id === 'toeCap')!;
    const { material, colour, choices } = partMaterialAndColour(sneaker.product, design, toeCap);
    expect(material?.id).toBe(design['toeCap.material']);
    expect(colour?.id).toBe('navy');
    expect(choices).toEqual([]);
  });

  it('gives a section its choices, and no material or colour', () => {
    const design = designOf(tshirt, { 'cut.fit': 'slim' });
    const cut = tshirt.product.parts.find((part) => part.kind === 'section' && part.attributeIds.includes('cut.fit'))!;
    const looks = partMaterialAndColour(tshirt.product, design, cut);
    expect(looks.material).toBeUndefined();
    expect(looks.colour).toBeUndefined();
    expect(looks.choices.map((choice) => choice.label)).toEqual(['Slim', 'Short sleeves', 'Crew neck']);
  });

  it('skips what a design leaves open', () => {
    const toeCap = sneaker.product.parts.find((part) => part.id === 'toeCap')!;
    expect(partMaterialAndColour(sneaker.product, {}, toeCap)).toEqual({ choices: [] });
  });
});

describe('personalisation keys', () => {
  it('names where an artwork\'s placement and a text\'s style are kept', () => {
    expect(artworkPlacementKeys('frontArtwork')).toEqual({ x: 'frontArtwork.x', y: 'frontArtwork.y', width: 'frontArtwork.width' });
    expect(textStyleKeys('heelText')).toEqual({ font: 'heelText.font', colour: 'heelText.colour' });
    expect(personalisationKeysOf({ id: 'frontArtwork', kind: 'artwork' })).toEqual(['frontArtwork', 'frontArtwork.x', 'frontArtwork.y', 'frontArtwork.width']);
    expect(personalisationKeysOf({ id: 'heelText', kind: 'text' })).toEqual(['heelText', 'heelText.font', 'heelText.colour']);
  });
});

describe('shapingAttributes', () => {
  it('are the choices whose options show variant meshes or scale the model, as the product data marks them', () => {
    expect(shapingAttributes(tshirt.product).map((attribute) => attribute.id)).toEqual(['cut.fit', 'cut.sleeves', 'cut.neck']);
    expect(shapingAttributes(sneaker.product)).toEqual([]);
  });

  it('open the t-shirt drawing\'s words, whatever the section is called', () => {
    const label = productIllustration(tshirt.product, designOf(tshirt, { 'cut.sleeves': 'long' })).label;
    expect(label.startsWith(`${tshirt.product.name} preview (2D): regular, long sleeves, crew neck, body `)).toBe(true);
  });
});
