// Size systems are the product's data: a product names its systems (EU, US, UK; a shirt's letter
// sizes) and each size its code in every one. Orders carry the size by id with every code, and
// what was stored before (sizes and orders with only eu, us and uk) still reads.
import { readFileSync } from 'node:fs';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import {
  createDesignDocument, createOrderDocument, findSize, formatProblem, loadProduct, orderSizeCodes, resolveDesign, compileRules, sizeSystemsOf, upgradeStoredProduct,
  type Product,
} from '../../src/domain/index.ts';
import { loadCatalogFromDisk } from '../../src/server/catalogFiles.ts';

const catalog = loadCatalogFromDisk(process.cwd()).entries;
const sneaker = catalog.find((entry) => entry.product.id === 'sneaker')!;
const tshirt = catalog.find((entry) => entry.product.id === 'tshirt')!;

/** A small product with the given `sizeSystems:` and `sizes:` sections. */
function product(sizeSections: string): Product {
  const text = `id: mini
name: Mini
currency: EUR
basePrice: 10.00
baseLeadTimeDays: 5
model: mini.glb
colours:
  white: { label: White, code: CL-1, hex: "#ffffff" }
materials:
  cotton:
    label: Cotton
    code: MT-1
    appearance: { roughness: 0.5, metalness: 0, clearcoat: 0, sheen: 0 }
    colours: [white]
parts:
  - { id: body, label: Body, materials: [cotton] }
${sizeSections}`;
  const result = loadProduct('models/mini/product.yaml', text);
  if (!result.ok) throw new Error(result.problems.map(formatProblem).join('\n'));
  return result.value;
}

function orderSchema() {
  const ajv = new Ajv2020({ allErrors: true, strict: true });
  addFormats(ajv);
  ajv.addSchema(JSON.parse(readFileSync('public/schemas/design.schema.json', 'utf8')) as object);
  return ajv.compile(JSON.parse(readFileSync('public/schemas/order.schema.json', 'utf8')) as object);
}

function orderOf(entry: typeof tshirt, sizeId: string) {
  const space = compileRules(entry.product, entry.ruleSet);
  const design = createDesignDocument(entry.product.id, entry.rulesVersion, resolveDesign(space, entry.ruleSet, {}).assignment, []);
  return createOrderDocument(entry, design, entry.product.sizes.find((size) => size.id === sizeId)!, 1, new Date('2026-11-25T12:00:00Z'));
}

describe('a product with a letter size system', () => {
  const letters = product(`sizeSystems:
  - { id: letter, label: Size }
sizes:
  - { letter: S }
  - { letter: M, label: "M · chest 96–101 cm" }
`);

  it('loads with its one system, ids from it, and labels in its words', () => {
    expect(letters.sizeSystems).toEqual([{ id: 'letter', label: 'Size' }]);
    expect(letters.sizes).toEqual([
      { id: 'letter-s', label: 'Size S', codes: { letter: 'S' } },
      { id: 'letter-m', label: 'M · chest 96–101 cm', codes: { letter: 'M' } },
    ]);
  });

  it('is found by id, and by its letter given as `eu` (the first system\'s code, for older clients)', () => {
    expect(findSize(letters, { id: 'letter-m' })?.codes.letter).toBe('M');
    expect(findSize(letters, { eu: 'M' })?.id).toBe('letter-m');
    expect(findSize(letters, { id: 'eu-m' })?.id).toBe('letter-m');
    expect(findSize(letters, { eu: '42' })).toBeUndefined();
    expect(findSize(letters, { id: 'letter-xl' })).toBeUndefined();
  });
});

describe('a product without sizeSystems', () => {
  it('has EU, US and UK sizes, labelled with every system', () => {
    const plain = product('sizes:\n  - { eu: "42", us: "8.5", uk: "8" }\n');
    expect(sizeSystemsOf(plain).map((system) => system.label)).toEqual(['EU', 'US', 'UK']);
    expect(plain.sizes).toEqual([{ id: 'eu-42', label: 'EU 42 · US 8.5 · UK 8', codes: { eu: '42', us: '8.5', uk: '8' } }]);
  });
});

describe('the shipped products', () => {
  it('name sizes in their own systems: the sneaker in EU, US and UK, the t-shirt in letters', () => {
    expect(sneaker.product.sizeSystems?.map((system) => system.id)).toEqual(['eu', 'us', 'uk']);
    expect(sneaker.product.sizes.find((size) => size.id === 'eu-42')).toMatchObject({ label: 'EU 42 · US 8.5 · UK 8', codes: { eu: '42', us: '8.5', uk: '8' } });
    expect(tshirt.product.sizeSystems).toEqual([{ id: 'letter', label: 'Size' }]);
    for (const size of tshirt.product.sizes) expect(Object.keys(size.codes)).toEqual(['letter']);
  });
});

describe('the size of an order', () => {
  const validate = orderSchema();

  it('of a t-shirt carries its id, label and letter code, and no EU, US or UK code', () => {
    const medium = tshirt.product.sizes.find((size) => size.codes.letter === 'M')!;
    const order = orderOf(tshirt, medium.id);
    expect(order.size).toEqual({ id: medium.id, label: medium.label, codes: { letter: 'M' } });
    expect(validate(JSON.parse(JSON.stringify(order))) ? [] : validate.errors).toEqual([]);
  });

  it('of a sneaker carries every code, and eu, us and uk for readers of earlier orders', () => {
    const order = orderOf(sneaker, 'eu-42');
    expect(order.size).toEqual({ id: 'eu-42', label: 'EU 42 · US 8.5 · UK 8', codes: { eu: '42', us: '8.5', uk: '8' }, eu: '42', us: '8.5', uk: '8' });
    expect(validate(JSON.parse(JSON.stringify(order)))).toBe(true);
  });

  it('as stored before size systems were data (eu, us and uk only) is still valid and reads as codes', () => {
    const { size: _size, ...rest } = orderOf(sneaker, 'eu-42');
    const earlier = { ...JSON.parse(JSON.stringify(rest)) as object, size: { eu: '42', us: '8.5', uk: '8' } };
    expect(validate(earlier)).toBe(true);
    expect(validate({ ...earlier, size: {} })).toBe(false);
    expect(orderSizeCodes({ eu: '42', us: '8.5', uk: '8' })).toEqual({ eu: '42', us: '8.5', uk: '8' });
    expect(orderSizeCodes({ id: 'letter-m', label: 'M', codes: { letter: 'M' } })).toEqual({ letter: 'M' });
  });
});

describe('a product stored before size systems were data', () => {
  it('reads with EU, US and UK systems and its sizes\' codes, keeping its ids', () => {
    const stored = JSON.parse(JSON.stringify({
      ...tshirt.product, sizeSystems: undefined,
      sizes: [{ id: 'eu-m', eu: 'M', us: 'M', uk: 'M', label: 'M · chest 96–101 cm' }],
    })) as Product;
    const upgraded = upgradeStoredProduct(stored);
    expect(upgraded.sizeSystems?.map((system) => system.id)).toEqual(['eu', 'us', 'uk']);
    expect(upgraded.sizes).toEqual([{ id: 'eu-m', label: 'M · chest 96–101 cm', codes: { eu: 'M', us: 'M', uk: 'M' } }]);
    expect(findSize(upgraded, { eu: 'M' })?.id).toBe('eu-m');
    expect(upgradeStoredProduct(tshirt.product)).toBe(tshirt.product);
  });
});
