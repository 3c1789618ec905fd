// What the checkout and the personal text rest on, in the domain: the width check with the print
// method's smallest clear letters, the default ink by contrast, what stops an order, the shipping
// address by country, and the product's own words.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  checkShippingAddress, compileRules, loadRules, contrastRatio, countOf, countryName, defaultInk, designBlockers, formatProblem, garmentHexUnder, loadProduct,
  personalisedItems, summariseDesign, textFit, validateText, wordingOf, type Assignment, type Problem, type Product, type Result, type TextFieldDef,
} from '../../src/domain/index.ts';
import { loadCatalogFromDisk } from '../../src/server/catalogFiles.ts';

const { entries } = loadCatalogFromDisk(process.cwd());
const sneaker = entries.find((entry) => entry.product.id === 'sneaker')!;
const tshirt = entries.find((entry) => entry.product.id === 'tshirt')!;
const textField = (entry: typeof tshirt, id: string) => entry.ruleSet.personalisation!.find((field) => field.id === id) as TextFieldDef;
const frontText = textField(tshirt, 'frontText');
const tshirtSpace = compileRules(tshirt.product, tshirt.ruleSet);
const sneakerSpace = compileRules(sneaker.product, sneaker.ruleSet);
const printedFront = [{ attribute: 'front.method', option: 'dtg' }];

describe('the width of a personal text', () => {
  it.each(Object.keys(tshirt.fonts!))('accepts "Summer Crew" on the t-shirt front in %s', (font) => {
    expect(validateText(frontText, 'Summer Crew', tshirt.fonts![font]).problems).toEqual([]);
  });

  it('refuses a text whose capitals would be smaller than the field\'s smallest clear size, not half the zone', () => {
    const inter = tshirt.fonts!.inter!;
    const wide = validateText(frontText, 'W'.repeat(frontText.maxLength), inter);
    expect(wide.problems.map((problem) => problem.code)).toEqual(['too-wide']);
    // The width named is the width at the smallest clear size, which is what the counter's bar shows.
    const named = Number(/is (\d+) mm wide/.exec(wide.problems[0]!.message)![1]);
    expect(named).toBe(Math.round(wide.setting!.neededWidthMm));
    expect(wide.setting!.neededWidthMm).toBeGreaterThan(frontText.widthMm);
    // Set as large as it fits, the accepted text never has capitals under the limit.
    const fits = validateText(frontText, 'Summer Crew', inter).setting!;
    expect(fits.capHeightMm).toBeGreaterThanOrEqual(frontText.minCapHeightMm);
    expect(fits.neededWidthMm).toBeLessThanOrEqual(frontText.widthMm);
  });

  it('keeps its promise of characters: a full count of ordinary letters fits in the default font', () => {
    for (const entry of [sneaker, tshirt]) {
      for (const field of entry.ruleSet.personalisation!.filter((candidate): candidate is TextFieldDef => candidate.kind === 'text')) {
        const text = 'Abcdefghij'.repeat(10).slice(0, field.maxLength);
        expect(validateText(field, text, entry.fonts![field.fonts[0]!]).problems, `${entry.product.id} ${field.id}`).toEqual([]);
      }
    }
  });

  it('refuses a rules file whose smallest clear capitals are taller than the zone, and a contrast out of range', () => {
    const rules = readFileSync('rules/sneaker.rules.yaml', 'utf8');
    const broken = loadRules(sneaker.product, 'rules/sneaker.rules.yaml', rules.replace('minCapHeightMm: 3.5', 'minCapHeightMm: 9').replace('minContrast: 3\n    maxLength: 8\n    allowed: [letters, digits, space]\n    fonts: [bebas-neue, inter, roboto-slab]\n    colours: [optic-white, black, red, navy, tan, volt, silver]\n    price: 5.00\n  - id: tongueText', 'minContrast: 30\n    maxLength: 8\n    allowed: [letters, digits, space]\n    fonts: [bebas-neue, inter, roboto-slab]\n    colours: [optic-white, black, red, navy, tan, volt, silver]\n    price: 5.00\n  - id: tongueText'));
    const messages = broken.ok ? [] : broken.problems.map((problem) => formatProblem(problem)).join('\n');
    expect(messages).toMatch(/rules\/sneaker\.rules\.yaml:\d+:\d+.*minCapHeightMm 9 is taller than the zone \(heightMm 7\).*lower it to at most 7/s);
    expect(messages).toMatch(/minContrast/);
  });

  it('says which limit binds: characters for a short word in a wide zone, width for wide letters', () => {
    const inter = tshirt.fonts!.inter!;
    expect(textFit(frontText, validateText(frontText, 'Summer Crew', inter))).toMatchObject({ binding: 'characters', characters: 11, maxLength: 24 });
    expect(textFit(frontText, validateText(frontText, 'WWWWWWWWWWWWWWW', inter))).toMatchObject({ binding: 'width', widthMm: 260 });
    expect(textFit(frontText, null)).toBeNull();
  });
});

describe('the default ink', () => {
  const design = (colour: string): Assignment => ({ ...summariseDesign(tshirt, tshirtSpace, printedFront).resolved.assignment, 'body.colour': colour });

  it('computes WCAG contrast ratios', () => {
    expect(contrastRatio('#ffffff', '#000000')).toBeCloseTo(21);
    expect(contrastRatio('#777777', '#777777')).toBeCloseTo(1);
    expect(contrastRatio('#767676', '#ffffff')).toBeCloseTo(4.54, 2);
    expect(() => contrastRatio('white', '#000000')).toThrow(/"white" is not a #rrggbb colour/);
  });

  it('reads the garment under the text: the part a print zone sits on', () => {
    expect(garmentHexUnder(tshirt.product, design('navy'), frontText)).toBe(tshirt.product.colours!.find((colour) => colour.id === 'navy')!.hex);
  });

  it('picks, on every garment colour, an ink of the field that reaches the minimum contrast', () => {
    const hexOf = (id: string) => tshirt.product.colours!.find((colour) => colour.id === id)!.hex!;
    for (const garment of tshirt.product.attributes.find((attribute) => attribute.id === 'body.colour')!.options) {
      const ink = defaultInk(tshirt.product, design(garment.id), frontText);
      const best = Math.max(...frontText.colours.map((colour) => contrastRatio(hexOf(colour), garment.hex!)));
      expect(frontText.colours).toContain(ink);
      // The minimum when some ink reaches it; the most contrast there is otherwise.
      expect(contrastRatio(hexOf(ink), garment.hex!)).toBeGreaterThanOrEqual(Math.min(frontText.minContrast, best));
    }
  });

  it('keeps the merchandiser\'s order: the first ink that reaches the minimum, not the most contrasting', () => {
    const ink = defaultInk(tshirt.product, design('black'), frontText);
    expect(ink).toBe(frontText.colours.find((colour) => contrastRatio(tshirt.product.colours!.find((c) => c.id === colour)!.hex!, tshirt.product.colours!.find((c) => c.id === 'black')!.hex!) >= frontText.minContrast));
  });

  it('is what a text gets until the customer picks a colour, and a picked colour stays', () => {
    const white = summariseDesign(tshirt, tshirtSpace, [...printedFront, { attribute: 'body.colour', option: 'white' }], {}, { frontText: 'Summer Crew' });
    expect(white.personalisation.find((status) => status.field.id === 'frontText')!.colour).not.toBe('white');
    const picked = summariseDesign(tshirt, tshirtSpace, [...printedFront, { attribute: 'body.colour', option: 'white' }], {}, { frontText: 'Summer Crew', 'frontText.colour': 'white' });
    expect(picked.personalisation.find((status) => status.field.id === 'frontText')!.colour).toBe('white');
  });
});

describe('what stops an order', () => {
  it('lists each refused personal text with the field and part to fix it in, and nothing for a good one', () => {
    const refused = summariseDesign(sneaker, sneakerSpace, [], {}, { heelText: 'ADA 🎉', tongueText: 'OK' });
    expect(designBlockers(refused)).toEqual([
      { target: { kind: 'personalisation', fieldId: 'heelText', partId: 'heelTab' }, message: expect.stringMatching(/^Heel tab text: "🎉" is an emoji/) },
    ]);
    expect(designBlockers(summariseDesign(sneaker, sneakerSpace, [], {}, { heelText: 'ADA' }))).toEqual([]);
  });

  it('ignores a text on a zone that is not printed: it is not made', () => {
    expect(designBlockers(summariseDesign(tshirt, tshirtSpace, [], {}, { frontText: '🎉' }))).toEqual([]);
  });

  it('the review lists only what will be made, with what it adds', () => {
    const summary = summariseDesign(sneaker, sneakerSpace, [], {}, { heelText: 'ADA', 'heelText.colour': 'black', tongueText: 'N1KE' });
    expect(personalisedItems(sneaker.product, summary)).toEqual([{ fieldId: 'heelText', label: 'Heel tab text', description: '"ADA" in Bebas Neue, Black', amount: 500 }]);
  });
});

describe('a shipping address', () => {
  const all = ['DE', 'FR', 'GB', 'US', 'NL', 'IE', 'PT'];
  const at = (country: string, postalCode: string) => checkShippingAddress({ line1: ' 1  Main Street ', line2: '', city: 'Town', postalCode, country }, all);

  it.each([
    ['DE', '10115'], ['FR', '75001'], ['GB', 'SW1A 1AA'], ['GB', 'nw1 6xe'], ['US', '90210'], ['US', '90210-1234'], ['NL', '1012 JS'], ['PT', '1100-148'],
  ])('accepts a postal code of %s: %s', (country, code) => {
    const result = at(country, code);
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.address).toMatchObject({ line1: '1 Main Street', postalCode: code.toUpperCase(), country });
  });

  it.each([
    ['DE', '1011', '"1011" is not a postal code in Germany: it should look like 10115.'],
    ['FR', 'SW1A 1AA', '"SW1A 1AA" is not a postal code in France: it should look like 75008.'],
    ['GB', '75001', '"75001" is not a postal code in United Kingdom: it should look like SW1A 1AA.'],
    ['US', '9021', '"9021" is not a postal code in United States: it should look like 10001.'],
    ['NL', '1012', '"1012" is not a postal code in Netherlands: it should look like 1012 JS.'],
  ])('refuses a postal code of another shape in %s', (country, code, message) => {
    expect(at(country, code)).toEqual({ ok: false, problems: { postalCode: message } });
  });

  it('names every missing field, and a country the product does not ship to', () => {
    expect(checkShippingAddress({ line1: '', line2: '', city: ' ', postalCode: '', country: '' }, all)).toEqual({
      ok: false,
      problems: { line1: 'Enter the street and house number the parcel goes to.', city: 'Enter the town or city.', country: 'Choose the country the parcel goes to.' },
    });
    const japan = checkShippingAddress({ line1: '1-1 Chiyoda', line2: '', city: 'Tokyo', postalCode: '100-0001', country: 'JP' }, ['FR', 'DE']);
    expect(japan).toEqual({ ok: false, problems: { country: 'We do not ship to Japan yet: choose one of France, Germany.' } });
    expect(checkShippingAddress({ line1: 'x', line2: '', city: 'y', postalCode: '1', country: 'XX' }, ['XX']).ok).toBe(false);
  });

  it('gives examples that the postal code formats themselves accept', () => {
    for (const country of sneaker.product.shipsTo!) {
      const result = at(country, 'X');
      const example = !result.ok ? /it should look like (.+)\.$/.exec(result.problems.postalCode ?? '')?.[1] : undefined;
      if (example) expect(at(country, example).ok, `${country} ${example}`).toBe(true);
    }
  });

  it('names countries in English from their codes', () => {
    expect(countryName('DE')).toBe('Germany');
    expect(countryName('XX')).toBeNull();
    expect(countryName('de')).toBeNull();
  });
});

describe('the product\'s own words', () => {
  it('speaks of the sneaker in pairs and of the t-shirt in shirts', () => {
    expect(countOf(sneaker.product, 1)).toBe('1 pair');
    expect(countOf(tshirt.product, 20)).toBe('20 shirts');
    expect(wordingOf(tshirt.product).sizeHint).not.toMatch(/EU, US and UK/);
    expect(countOf({}, 2)).toBe('2 items');
  });

  const MINI = `id: mini
name: Mini Shoe
currency: EUR
basePrice: 100.00
baseLeadTimeDays: 5
model: mini.glb
colours:
  white: { label: White, code: CL-1, hex: "#ffffff" }
materials:
  leather:
    label: Leather
    code: MT-1
    appearance: { roughness: 0.5, metalness: 0, clearcoat: 0, sheen: 0 }
    colours: [white]
parts:
  - { id: toeCap, label: Toe cap, materials: [leather] }
sizes:
  - { eu: "42", us: "8.5", uk: "8" }
presets: []
`;
  const problems = (result: Result<Product>) => (result.ok ? [] : result.problems.map((problem: Problem) => formatProblem(problem)));

  it('reads wording and shipping countries from product.yaml, with defaults when left out', () => {
    const result = loadProduct('models/mini/product.yaml', `${MINI}wording: { unit: shoe, units: shoes, sizeHint: EU sizes. }\nshipsTo: [FR, DE]\n`);
    expect(result.ok && result.value.wording).toEqual({ unit: 'shoe', units: 'shoes', sizeHint: 'EU sizes.' });
    expect(result.ok && result.value.shipsTo).toEqual(['FR', 'DE']);
    const plain = loadProduct('models/mini/product.yaml', MINI);
    expect(plain.ok && plain.value.wording).toEqual({ unit: 'item', units: 'items', sizeHint: '' });
  });

  it.each([
    ['a missing plural', 'wording: { unit: shoe }', /"units" is missing.*units: pairs/],
    ['a number for a word', 'wording: { unit: 7, units: shoes }', /unit/],
    ['an unknown key', 'wording: { unit: shoe, units: shoes, colour: red }', /unknown key "colour"/i],
    ['a country that is not one', 'shipsTo: [FR, XX]', /"XX" is not an ISO 3166-1 alpha-2 country code.*DE for Germany/],
    ['a country twice', 'shipsTo: [FR, FR]', /FR is listed twice/],
    ['no country', 'shipsTo: []', /"shipsTo" is empty/],
  ])('refuses %s with a located message and a fix', (_name, line, expected) => {
    const found = problems(loadProduct('models/mini/product.yaml', `${MINI}${line}\n`));
    expect(found.join('\n')).toMatch(expected);
    expect(found[0]).toMatch(/^models\/mini\/product\.yaml:\d+:\d+/);
  });
});
