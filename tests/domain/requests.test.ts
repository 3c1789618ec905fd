import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import {
  candidateListQuerySchema, candidateRequestSchema, checkContactName, checkGalleryTitle, DEFAULT_REQUEST_LIMITS, describeRefusal,
  describeValue, orderRequestSchema, requestProblems, voteRequestSchema,
} from '../../src/domain/requests/index.ts';

// The request shapes the checkout, the gallery and the server share, with the messages the API
// answers (`tests/server/*` check them through the app).

const problems = (schema: v.GenericSchema, value: unknown) => {
  const result = v.safeParse(schema, value);
  return result.success ? [] : requestProblems(result.issues);
};
const paths = (schema: v.GenericSchema, value: unknown) => problems(schema, value).map((problem) => problem.path);

const order = orderRequestSchema(DEFAULT_REQUEST_LIMITS);
const design = { productId: 'sneaker', rulesVersion: 'abc', choices: {} };
const address = { line1: '1 Rue de Rivoli', city: 'Paris', postalCode: '75001', country: 'FR' };
const validOrder = { design, size: { eu: '42' }, quantity: 1, contact: { name: 'Ada Lovelace', email: 'ada@example.com' }, shippingAddress: address };

describe('describeValue', () => {
  it.each([[null, 'null'], [undefined, 'nothing'], [[1], 'a list'], [42, 'the number 42'], [true, 'true'], [{}, 'an object'], ['x'.repeat(50), `the text "${'x'.repeat(40)}…"`]])('describes %j as %s', (value, text) => {
    expect(describeValue(value)).toBe(text);
  });
});

describe('the order request', () => {
  it('takes a valid order, trimmed, its size named one way, line2 empty when left out', () => {
    const output = v.parse(order, { ...validOrder, size: { eu: 42 }, contact: { name: ' Ada ', email: ' ada@example.com ' }, remixOf: null });
    expect(output).toEqual({ ...validOrder, size: { eu: '42' }, contact: { name: 'Ada', email: 'ada@example.com' }, shippingAddress: { ...address, line2: '' }, previewImages: [] });
    expect(v.parse(order, { ...validOrder, size: undefined, sizeId: 'eu-42' }).size).toEqual({ id: 'eu-42' });
  });

  it('takes the size by its id, as the checkout sends it, or by its code in the first size system', () => {
    expect(v.parse(order, { ...validOrder, size: { id: 'letter-m' } }).size).toEqual({ id: 'letter-m' });
    expect(v.parse(order, { ...validOrder, size: { eu: 'M' } }).size).toEqual({ eu: 'M' });
    expect(paths(order, { ...validOrder, size: { id: 'letter-m', eu: 'M' } })).toEqual(['size']);
    expect(paths(order, { ...validOrder, size: {} })).toEqual(['size']);
    expect(paths(order, { ...validOrder, size: { id: '' } })).toEqual(['size.id']);
  });

  it('lists every field of the wrong type, an unknown field first, each with a path, what is wrong and how to fix it', () => {
    const found = problems(order, { design: 'sneaker', size: 42, quantity: 0, contact: { name: 7 }, colour: 'red' });
    expect(found.map((problem) => problem.path)).toEqual(['colour', 'design', 'size', 'quantity', 'contact.name', 'contact.email', 'shippingAddress']);
    expect(found[0]).toEqual({ path: 'colour', message: 'unknown field "colour"', hint: 'remove it; the fields are design, size, sizeId, quantity, contact, shippingAddress, clientPrice, previewImages, remixOf' });
    expect(found[1]).toEqual({ path: 'design', message: '"design" must be a design document (an object), not the text "sneaker"', hint: 'send the design document the configurator exported' });
    expect(found[3]).toEqual({ path: 'quantity', message: '"quantity" must be a whole number from 1 to 20, not the number 0', hint: 'send a quantity from 1 to 20; for more, place several orders' });
    expect(found[5]!.message).toBe('"email" must be a string, not nothing');
    expect(found[6]!.message).toBe('the order has no shipping address');
    expect(describeRefusal('order', found).message).toBe('the order has 7 problems: colour: unknown field "colour"');
  });

  it('refuses a body that is not an object, a quantity over the maximum, two sizes and none', () => {
    expect(problems(order, [])).toEqual([expect.objectContaining({ path: '', message: 'the order must be a JSON object, not a list' })]);
    expect(paths(order, { ...validOrder, quantity: 21 })).toEqual(['quantity']);
    expect(paths(order, { ...validOrder, quantity: 1.5 })).toEqual(['quantity']);
    expect(problems(order, { ...validOrder, sizeId: 'eu-42' })).toEqual([expect.objectContaining({ path: 'size', message: 'send either "size" or "sizeId", not both' })]);
    expect(problems(order, { ...validOrder, size: undefined })).toEqual([expect.objectContaining({ path: 'size', message: 'the order has no size' })]);
  });

  it.each(['<script>@x.com', 'a@[127.0.0.1]', 'a@-b.com', 'ada@example.com\r\nBcc: eve@example.com', 'ada\u0085@example.com', `${'a'.repeat(250)}@example.com`])('refuses the email address %j by the domain\'s rule, length included', (email) => {
    const found = problems(order, { ...validOrder, contact: { name: 'Ada', email } });
    expect(found.map((problem) => problem.path)).toEqual(['contact.email']);
    expect(found[0]!.message).toMatch(/^this is not an email address: /);
  });

  it.each([['a NUL', 'Ada\u0000'], ['a lone surrogate', 'Ada\ud800'], ['a bell', 'Ada\u0007']])('refuses a name with %s, without quoting it', (_case, name) => {
    expect(problems(order, { ...validOrder, contact: { name, email: 'ada@example.com' } })).toEqual([
      { path: 'contact.name', message: 'the name holds a control character or broken text (half a surrogate pair)', hint: 'send the name as plain text, without control characters' },
    ]);
  });

  it('never quotes a shipping address, which is personal data', () => {
    const found = problems(order, { ...validOrder, shippingAddress: { ...address, city: 42, postalCode: 'x'.repeat(201), country: 'F\u0000R', extra: 1 } });
    expect(found.map((problem) => problem.path)).toEqual(['shippingAddress.extra', 'shippingAddress.city', 'shippingAddress.postalCode', 'shippingAddress.country']);
    expect(found.map((problem) => problem.message)).toEqual(['unknown field "extra"', '"city" must be a string, not number', '"postalCode" is longer than 200 characters', '"country" holds a control character or broken text']);
  });

  it('checks the preview images\' shape and number, the price and remixOf', () => {
    expect(problems(order, { ...validOrder, previewImages: Array.from({ length: 5 }, () => ({ view: 'side', dataUrl: 'data:' })) })).toEqual([
      { path: 'previewImages', message: '5 preview images are more than the 4 allowed', hint: 'send at most 4' },
    ]);
    expect(paths(order, { ...validOrder, previewImages: [{ view: 'Side', dataUrl: 'x' }, 3] })).toEqual(['previewImages[0].view', 'previewImages[1]']);
    expect(paths(order, { ...validOrder, clientPrice: { unitTotal: 1.5, total: 2, currency: 'eur' } })).toEqual(['clientPrice.unitTotal', 'clientPrice.currency']);
    expect(problems(order, { ...validOrder, remixOf: 42 })[0]!.message).toBe('"remixOf" must be the id of a gallery candidate (a UUID), not the number 42');
  });

  it('bounds the design\'s personalisation by the limits', () => {
    const personalisation = Object.fromEntries(Array.from({ length: 21 }, (_, index) => [`f${index}`, index === 0 ? 'x'.repeat(501) : 'x']));
    expect(problems(order, { ...validOrder, design: { ...design, personalisation } }).map(({ path, message }) => ({ path, message }))).toEqual([
      { path: 'design.personalisation', message: '21 personalisation fields are more than the 20 allowed' },
      { path: 'design.personalisation.f0', message: 'the text is 501 characters, more than 500' },
    ]);
  });
});

describe('the gallery submission', () => {
  const candidate = candidateRequestSchema(DEFAULT_REQUEST_LIMITS);

  it('cleans the title and counts it in graphemes: 60 emoji pass, 61 do not, nor an empty one', () => {
    expect(v.parse(candidate, { design, title: '  Night\u0000run  ' }).title).toBe('Night run');
    expect(v.parse(candidate, { design, title: '👟'.repeat(60) }).title).toBe('👟'.repeat(60));
    expect(problems(candidate, { design, title: '👟'.repeat(61) })).toEqual([{ path: 'title', message: 'the title is 61 characters, more than 60', hint: 'name the design in 1 to 60 characters' }]);
    expect(problems(candidate, { design, title: ' \u200B ' })[0]!.message).toBe('the title is empty');
    expect(problems(candidate, { design, title: 42 })[0]!.message).toBe('"title" must be text, not the number 42');
    expect(problems(candidate, { design, title: '\u0301'.repeat(401) })[0]!.message).toMatch(/code units long, more than the 400 allowed/);
  });

  it('refuses a thumbnail, saying the shop draws the picture, and unknown fields', () => {
    expect(problems(candidate, { design, title: 'x', thumbnail: 'data:' })).toEqual([expect.objectContaining({ path: 'thumbnail', message: expect.stringMatching(/draws every gallery picture/), hint: expect.stringMatching(/^remove/) })]);
    expect(paths(candidate, { design, title: 'x', colour: 'red' })).toEqual(['colour']);
    expect(paths(candidate, [])).toEqual(['']);
    expect(paths(candidate, { design, title: 'x', remixOf: 'not an id' })).toEqual(['remixOf']);
  });

  it('shares the title rule with the configurator', () => {
    expect(checkGalleryTitle('Midnight runner')).toEqual({ ok: true, length: 15 });
    expect(checkGalleryTitle('')).toEqual({ ok: false, reason: 'empty', length: 0 });
  });
});

describe('the vote', () => {
  it.each(['sideways', 'toString', 'constructor', '__proto__', 'hasOwnProperty', 'valueOf'])('refuses the vote %j, quoting it', (vote) => {
    expect(problems(voteRequestSchema, { vote })).toEqual([{ path: 'vote', message: `"vote" must be "up", "down" or "none", not the text "${vote}"`, hint: 'send {"vote":"up"}, {"vote":"down"}, or {"vote":"none"} to take your vote back' }]);
  });

  it('refuses another field and a body that is not an object', () => {
    expect(problems(voteRequestSchema, { vote: 'up', weight: 10 })).toEqual([{ path: 'weight', message: 'unknown field "weight"', hint: 'send only "vote"' }]);
    expect(problems(voteRequestSchema, JSON.parse('{"vote":"up","__proto__":1}'))[0]!.path).toBe('__proto__');
    expect(problems(voteRequestSchema, 'up')[0]!.message).toBe('the vote must be a JSON object, not the text "up"');
  });
});

describe('the gallery list query', () => {
  const query = candidateListQuerySchema(() => ['sneaker', 'tshirt']);

  it('fills in the defaults and names the product', () => {
    expect(v.parse(query, {})).toEqual({ sort: 'top', limit: 24, offset: 0 });
    expect(v.parse(query, { product: 'sneaker', sort: 'newest', limit: '5', offset: '10', other: 'ignored' })).toEqual({ productId: 'sneaker', sort: 'newest', limit: 5, offset: 10 });
  });

  it.each([
    [{ sort: 'best' }, 'unknown sort "best"', 'use sort=top, sort=most-ordered, sort=trending, sort=newest'],
    [{ limit: '0' }, '"limit" must be a whole number from 1 to 100, not "0"', 'use e.g. limit=24'],
    [{ limit: '101' }, '"limit" must be a whole number from 1 to 100, not "101"', 'use e.g. limit=24'],
    [{ limit: 'ten' }, '"limit" must be a whole number from 1 to 100, not "ten"', 'use e.g. limit=24'],
    [{ offset: '-1' }, '"offset" must be a whole number from 0 to 10000, not "-1"', 'use the "nextOffset" of the previous page, or leave it out for the first page'],
    [{ offset: '10001' }, '"offset" must be a whole number from 0 to 10000, not "10001"', 'use the "nextOffset" of the previous page, or leave it out for the first page'],
    [{ product: 'boot' }, 'there is no product "boot"', 'use product=sneaker, product=tshirt, or leave it out for every product'],
    [{ product: ['sneaker', 'x'] }, '"product" must be one product id, not a repeated parameter', 'give product once, or leave it out for every product'],
  ])('refuses %j', (params, message, hint) => {
    expect(problems(query, params)[0]).toEqual({ path: Object.keys(params)[0], message, hint });
  });
});

describe('the contact name rule', () => {
  it('takes 1 to 200 readable characters', () => {
    expect(checkContactName('Ada')).toEqual({ ok: true });
    expect(checkContactName('')).toEqual({ ok: false, reason: 'empty', length: 0 });
    expect(checkContactName('x'.repeat(201))).toEqual({ ok: false, reason: 'too-long', length: 201 });
    expect(checkContactName('A\u0000')).toEqual({ ok: false, reason: 'unreadable', length: 2 });
  });
});
