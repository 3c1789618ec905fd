// Design and order documents: canonical keys, validation of untrusted designs, orders with their bill
// of materials, the published JSON Schemas, the SHA-256 behind rules versions, and rules versions.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  DESIGN_SCHEMA, MAX_QUANTITY, ORDER_SCHEMA, canonicalKey, createDesignDocument, createOrderDocument, loadCatalogEntry, priceDesign,
  estimateLeadTime, resolveDesign, rulesVersionOf, toAssignment, validateDesignDocument, type Assignment, type Choice, type DesignDocument, type Problem,
} from '../../src/domain/index.ts';
import { sha256Hex } from '../../src/domain/shared/sha256.ts';
import { loadSneaker, sneakerSources } from './support/sneaker.ts';

const { entry, space } = loadSneaker();
const { product, ruleSet, rulesVersion } = entry;
const now = new Date('2026-11-25T12:00:00Z');
const size42 = product.sizes.find((size) => size.codes.eu === '42')!;

const defaultDesign = resolveDesign(space, ruleSet, {}).assignment;
const designOf = (choices: Assignment, chosen: readonly string[] = Object.keys(choices)) =>
  createDesignDocument(product.id, rulesVersion, resolveDesign(space, ruleSet, choices).assignment, chosen);

/** A random customer session on the real sneaker: each step picks an offered option of a random attribute. */
const sessionArb = fc.array(fc.tuple(fc.nat(), fc.nat()), { maxLength: 8 }).map((picks) => {
  const choices: Choice[] = [];
  for (const [attributePick, optionPick] of picks) {
    const fixed = toAssignment(choices);
    const free = product.attributes.filter((attribute) => fixed[attribute.id] === undefined);
    const attribute = free[attributePick % free.length]!;
    const offered = space.domains(fixed).get(attribute.id)!;
    choices.push({ attribute: attribute.id, option: offered[optionPick % offered.length]! });
  }
  return choices;
});

function loadSchemas() {
  const ajv = new Ajv2020({ allErrors: true, strict: true });
  addFormats(ajv);
  const designSchema: unknown = JSON.parse(readFileSync('public/schemas/design.schema.json', 'utf8'));
  const orderSchema: unknown = JSON.parse(readFileSync('public/schemas/order.schema.json', 'utf8'));
  ajv.addSchema(designSchema as object);
  return { validateDesign: ajv.compile(designSchema as object), validateOrder: ajv.compile(orderSchema as object) };
}
const { validateDesign, validateOrder } = loadSchemas();
const schemaErrors = (validate: typeof validateDesign, value: unknown) => (validate(value) ? [] : validate.errors);

describe('the canonical key of a design', () => {
  it('lists the product and every choice, sorted', () => {
    const key = canonicalKey(designOf({}));
    expect(key.startsWith('sneaker|eyestay.colour=optic-white;eyestay.material=leather;heelCounter.colour=optic-white;')).toBe(true);
    expect(key.split('|')[1]!.split(';')).toHaveLength(product.attributes.length);
  });

  it('does not depend on the order of the choices', () => {
    fc.assert(fc.property(fc.shuffledSubarray(Object.entries(defaultDesign), { minLength: product.attributes.length }), (entries) => {
      expect(canonicalKey({ productId: 'sneaker', choices: Object.fromEntries(entries) })).toBe(canonicalKey({ productId: 'sneaker', choices: defaultDesign }));
    }), { numRuns: 50 });
  });

  it('does not depend on who chose what, the rules version or personalisation', () => {
    const byCustomer = createDesignDocument(product.id, rulesVersion, defaultDesign, product.attributes.map((attribute) => attribute.id));
    const byDefaults = { ...createDesignDocument(product.id, 'ffffffffffffffff', defaultDesign, []), personalisation: { initials: 'AB' } };
    expect(canonicalKey(byCustomer)).toBe(canonicalKey(byDefaults));
  });

  it('differs when any choice differs', () => {
    fc.assert(fc.property(sessionArb, sessionArb, (first, second) => {
      const a = resolveDesign(space, ruleSet, toAssignment(first)).assignment;
      const b = resolveDesign(space, ruleSet, toAssignment(second)).assignment;
      const same = product.attributes.every((attribute) => a[attribute.id] === b[attribute.id]);
      expect(canonicalKey({ productId: 'sneaker', choices: a }) === canonicalKey({ productId: 'sneaker', choices: b })).toBe(same);
    }), { numRuns: 50 });
  });
});

describe('validating an untrusted design', () => {
  it('accepts a resolved design, also after a JSON round trip', () => {
    const document = designOf({ 'vamp.material': 'suede', 'outsole.material': 'crepe' });
    const result = validateDesignDocument(space, rulesVersion, JSON.parse(JSON.stringify(document)));
    expect(result).toEqual({ ok: true, value: document });
  });

  it('accepts every design a customer can make', () => {
    fc.assert(fc.property(sessionArb, (choices) => {
      const document = designOf(toAssignment(choices), choices.map((choice) => choice.attribute));
      expect(validateDesignDocument(space, rulesVersion, document).ok).toBe(true);
    }), { numRuns: 60 });
  });

  const valid = designOf({});
  const withChoices = (change: (choices: Record<string, string>) => void) => {
    const choices: Record<string, string> = { ...valid.choices };
    change(choices);
    return { ...valid, choices };
  };

  const rejected: readonly [string, unknown, Pick<Problem, 'path' | 'message'>][] = [
    ['null', null, { path: '', message: 'a design must be a JSON object, not nothing' }],
    ['a number', 42, { path: '', message: 'a design must be a JSON object, not 42' }],
    ['a string', 'sneaker', { path: '', message: 'a design must be a JSON object, not "sneaker"' }],
    ['a list', [valid], { path: '', message: 'a design must be a JSON object, not a list' }],
    ['another schema', { ...valid, schema: 'atelier.design/0' }, { path: 'schema', message: 'unsupported schema "atelier.design/0"' }],
    ['another product', { ...valid, productId: 'hoodie' }, { path: 'productId', message: 'the design is for product "hoodie", not "sneaker"' }],
    ['a stale rules version', { ...valid, rulesVersion: '0123456789abcdef' }, { path: 'rulesVersion', message: `the design was made under rules version "0123456789abcdef", but the current version is "${rulesVersion}"` }],
    ['an unknown attribute', withChoices((c) => { c['toeCap.shine'] = 'high'; }), { path: 'choices.toeCap.shine', message: 'unknown attribute "toeCap.shine"' }],
    ['an unknown option', withChoices((c) => { c['vamp.material'] = 'gold'; }), { path: 'choices.vamp.material', message: '"gold" is not an option of "vamp.material"' }],
    ['a missing attribute', withChoices((c) => { delete c['laces.colour']; }), { path: 'choices.laces.colour', message: '"laces.colour" has no option' }],
    ['choices that are not an object', { ...valid, choices: ['leather'] }, { path: 'choices', message: '"choices" must be an object of attribute → option, not a list' }],
    [
      'a design that breaks a rule',
      withChoices((c) => { c['laces.material'] = 'waxed-cotton'; c['laces.colour'] = 'black'; c['tongue.material'] = 'canvas'; }),
      { path: 'choices', message: 'the design breaks rule "waxed-laces-with-leather": Waxed laces are too heavy for a mesh or canvas tongue.' },
    ],
    [
      'a colour its material does not come in',
      withChoices((c) => { c['toeCap.material'] = 'patent'; c['toeCap.colour'] = 'navy'; }),
      { path: 'choices', message: 'the design breaks rule "palette:toeCap:patent": Patent leather comes in Optic white, Black and Court red.' },
    ],
    ['chosenByCustomer naming an unknown attribute', { ...valid, chosenByCustomer: ['toeCap.shine'] }, { path: 'chosenByCustomer', message: '"chosenByCustomer" must list attribute ids' }],
    ['chosenByCustomer naming an attribute twice', { ...valid, chosenByCustomer: ['vamp.material', 'vamp.material'] }, { path: 'chosenByCustomer', message: '"chosenByCustomer" lists an attribute twice' }],
    ['personalisation that is not text', { ...valid, personalisation: { initials: 7 } }, { path: 'personalisation', message: '"personalisation" must be an object of field → text' }],
  ];

  it.each(rejected)('rejects %s with a named problem and a fix', (_, input, expected) => {
    const result = validateDesignDocument(space, rulesVersion, input);
    expect(result.ok).toBe(false);
    const problems = result.ok ? [] : result.problems;
    expect(problems.map(({ path, message }) => ({ path, message }))).toEqual([expected]);
    expect(problems[0]!.hint.length).toBeGreaterThan(0);
  });

  it('keeps the personalisation it validated', () => {
    const result = validateDesignDocument(space, rulesVersion, { ...valid, personalisation: { initials: 'AB' } });
    expect(result.ok && result.value.personalisation).toEqual({ initials: 'AB' });
  });

  it('reports every problem at once', () => {
    const result = validateDesignDocument(space, rulesVersion, { ...withChoices((c) => { c['vamp.material'] = 'gold'; }), productId: 'hoodie' });
    expect(result.ok ? [] : result.problems.map((problem) => problem.path)).toEqual(['productId', 'choices.vamp.material']);
  });
});

describe('an order', () => {
  const design = designOf({ 'vamp.material': 'suede', 'outsole.material': 'crepe' });
  const order = createOrderDocument(entry, design, size42, 3, now);

  it('recomputes the unit price from the rules and multiplies it by the quantity', () => {
    const price = priceDesign(product, ruleSet, design.choices);
    expect(order.price).toEqual({ ...price, total: price.unitTotal * 3 });
    expect(order.price.unitTotal).toBe(11900 + 1500 + 2200);
    expect(order.price.total).toBe(3 * 15600);
  });

  it('carries the design, its key, the size, the lead time and when it was made', () => {
    expect(order).toMatchObject({
      schema: ORDER_SCHEMA, status: 'exported', createdAt: '2026-11-25T12:00:00.000Z', product: { id: 'sneaker', name: 'Court Sneaker' },
      rulesVersion, canonicalKey: canonicalKey(design), design, size: { id: 'eu-42', codes: { eu: '42', us: '8.5', uk: '8' }, eu: '42', us: '8.5', uk: '8' }, quantity: 3,
    });
    expect(order.leadTime).toEqual(estimateLeadTime(product, ruleSet, design.choices));
    expect(order.leadTime.totalDays).toBe(17);
  });

  it('has one bill-of-materials line per part, with fulfilment codes', () => {
    expect(order.billOfMaterials.map((line) => line.part)).toEqual(product.parts.map((part) => part.id));
    expect(order.billOfMaterials.find((line) => line.part === 'vamp')).toEqual({
      part: 'vamp', partLabel: 'Vamp',
      material: { id: 'suede', label: 'Suede', code: 'MT-SUE' },
      colour: expect.objectContaining({ id: design.choices['vamp.colour'], code: expect.stringMatching(/^CL-1\d\d$/), hex: expect.stringMatching(/^#[0-9a-f]{6}$/) }),
    });
    expect(order.billOfMaterials.find((line) => line.part === 'outsole')).toEqual({
      part: 'outsole', partLabel: 'Outsole',
      material: { id: 'crepe', label: 'Natural crepe rubber', code: 'MT-CRP' },
      colour: { id: 'natural', label: 'Natural crepe', code: 'CL-117', hex: '#d9b77e' },
    });
  });

  it.each([0, MAX_QUANTITY + 1, 1.5, -1])('refuses a quantity of %s', (quantity) => {
    expect(() => createOrderDocument(entry, design, size42, quantity, now)).toThrow(/quantity/);
  });
});

describe('the published JSON Schemas', () => {
  it('accept a design document', () => {
    expect(schemaErrors(validateDesign, designOf({ 'toeCap.material': 'patent' }))).toEqual([]);
    expect(designOf({}).schema).toBe(DESIGN_SCHEMA);
  });

  it('accept an order document', () => {
    expect(schemaErrors(validateOrder, JSON.parse(JSON.stringify(createOrderDocument(entry, designOf({ 'midsole.material': 'cork' }), size42, 2, now))))).toEqual([]);
  });

  it('accept every design and order a customer can make', () => {
    fc.assert(fc.property(sessionArb, fc.integer({ min: 1, max: MAX_QUANTITY }), fc.constantFrom(...product.sizes), (choices, quantity, size) => {
      const design = designOf(toAssignment(choices), choices.map((choice) => choice.attribute));
      expect(schemaErrors(validateDesign, design)).toEqual([]);
      expect(schemaErrors(validateOrder, createOrderDocument(entry, design, size, quantity, now))).toEqual([]);
    }), { numRuns: 40 });
  });

  it('reject what the domain rejects: a wrong schema id, an extra field, a quantity out of range', () => {
    const design = designOf({});
    expect(validateDesign({ ...design, schema: 'atelier.design/0' })).toBe(false);
    expect(validateDesign({ ...design, price: 1 })).toBe(false);
    expect(validateOrder({ ...createOrderDocument(entry, design, size42, 1, now), quantity: MAX_QUANTITY + 1 })).toBe(false);
  });

  it('accept only designs whose customer choices the domain would also accept', () => {
    const document: DesignDocument = { ...designOf({}), chosenByCustomer: ['vamp.material', 'vamp.material'] };
    expect(validateDesign(document)).toBe(validateDesignDocument(space, rulesVersion, document).ok);
  });
});

describe('SHA-256', () => {
  const nodeSha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

  it.each([0, 1, 55, 56, 63, 64, 65, 119, 120, 128, 1000])('matches node:crypto on %s bytes (padding edges)', (length) => {
    const text = 'a'.repeat(length);
    expect(sha256Hex(text)).toBe(nodeSha256(text));
  });

  // Code points from all planes, lone surrogates included (both sides encode them as U+FFFD).
  const textArb = fc.array(fc.oneof(fc.integer({ min: 0, max: 0x7f }), fc.integer({ min: 0, max: 0x10ffff })), { maxLength: 150 })
    .map((codePoints) => String.fromCodePoint(...codePoints));

  it('matches node:crypto on random text, including multi-byte characters', () => {
    fc.assert(fc.property(textArb, (text) => {
      expect(sha256Hex(text)).toBe(nodeSha256(text));
    }), { numRuns: 300 });
  });

  it('matches the published test vector', () => {
    expect(sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });
});

describe('the rules version', () => {
  const versionWith = (rulesText: string) => {
    const result = loadCatalogEntry(sneakerSources.product, { file: sneakerSources.rules.file, text: rulesText });
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    return result.value.rulesVersion;
  };
  const edit = (from: string, to: string) => {
    const text = sneakerSources.rules.text;
    expect(text.split(from)).toHaveLength(2);
    return text.replace(from, to);
  };

  it('is a 16-digit hex hash of product and rules', () => {
    expect(rulesVersion).toMatch(/^[0-9a-f]{16}$/);
    expect(rulesVersionOf(product, ruleSet)).toBe(rulesVersion);
  });

  it.each([
    ['a lead time', 'days: 7', 'days: 8'],
    ['a price', 'amount: 22.00', 'amount: 23.00'],
    ['an option in a condition', 'then: { vamp.material: [leather, nubuck] }', 'then: { vamp.material: [leather] }'],
    ['a message', 'message: Suede upper', 'message: Suede upper (hand-finished)'],
    ['a rule id', 'id: gum-on-gum', 'id: gum-with-gum'],
  ])('changes when %s changes', (_, from, to) => {
    expect(versionWith(edit(from, to))).not.toBe(rulesVersion);
  });

  it.each([
    ['a comment is added', 'rules:\n', 'rules:\n  # a note for merchandisers\n'],
    ['blank lines are added', 'rules:\n', 'rules:\n\n\n'],
    ['a flow mapping is spaced differently', 'when: { toeCap.material: patent }', 'when: {toeCap.material:   patent}'],
    ['a flow mapping is written as a block', 'when: { toeCap.material: patent }', 'when:\n      toeCap.material: patent'],
    ['a number is written differently', 'amount: 22.00', 'amount: 22'],
  ])('stays the same when %s', (_, from, to) => {
    expect(versionWith(edit(from, to))).toBe(rulesVersion);
  });
});
