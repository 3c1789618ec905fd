// Personal text, checked the way the factory would: characters as people count them, only the
// allowed characters, no invisible controls, no blocked words, and a measured width that fits.
import { describe, expect, it } from 'vitest';
import { createDesignDocument, createOrderDocument, loadRules, personalisationProblems, resolveDesign, compileRules, validateText, type TextFieldDef } from '../../src/domain/index.ts';
import { loadCatalogFromDisk } from '../../src/server/catalogFiles.ts';

const { entries } = loadCatalogFromDisk(process.cwd());
const sneaker = entries.find((entry) => entry.product.id === 'sneaker')!;
const tshirt = entries.find((entry) => entry.product.id === 'tshirt')!;
const heelText = sneaker.ruleSet.personalisation!.find((field) => field.id === 'heelText')! as TextFieldDef;
const bebas = sneaker.fonts!['bebas-neue']!;
const inter = sneaker.fonts!.inter!;
const codes = (text: string, font = bebas) => validateText(heelText, text, font).problems.map((problem) => problem.code);

describe('a personal text on the heel tab (8 letters, digits and spaces)', () => {
  it.each([
    ['plain capitals', 'ADA', []],
    ['letters with a composed accent', 'ZOË', []],
    ['a decomposed accent, composed before checking', 'ZOE\u0308', []],
    ['digits and a space', 'NO 23', []],
    ['nine characters', 'ABCDEFGHI', ['too-long']],
    ['an emoji family (one character, not printable)', '👨‍👩‍👧', ['not-allowed']],
    ['a flag', '🇫🇷', ['not-allowed']],
    ['a right-to-left override', 'AB\u202eCD', ['control-character']],
    ['a zero-width space hiding a brand', 'NI\u200bKE', ['control-character', 'blocked-word']],
    ['a zero-width joiner between letters', 'A\u200dB', ['control-character']],
    ['a Cyrillic look-alike', 'АDA', ['look-alike']],
    ['a Greek look-alike', 'ΑDA', ['look-alike']],
    ['stacked combining marks', 'A\u0301\u0301\u0301', ['stacked-marks']],
    ['punctuation not allowed here', 'ADA!', ['not-allowed']],
    ['a brand in leetspeak', 'N1KE', ['blocked-word']],
    ['profanity', 'FUCK', ['blocked-word']],
    // the same matcher as gallery titles: look-alike I, spacing inside a word, sound-alike letters
    ['a small L for the I', 'NlKE', ['blocked-word']],
    ['a brand split in two', 'NI KE', ['blocked-word']],
    ['a brand with z for s', 'ADIDAZ', ['blocked-word']],
    ['a brand with y for i', 'NYKE', ['blocked-word']],
    ['a near miss that is a word', 'NICE', []],
  ])('%s: %j', (_name, text, expected) => {
    expect(codes(text)).toEqual(expected);
  });

  it('counts an emoji family as one character, as a person would', () => {
    expect(validateText(heelText, '👨‍👩‍👧AB', bebas).length).toBe(3);
  });

  it('refuses a text that fits the count but not the width, naming the widths and the font', () => {
    // Eight wide capitals in a wide font: within 8 characters, too wide for 24 mm at a legible size.
    const check = validateText(heelText, 'WWWWWWWW', inter);
    expect(check.problems.map((problem) => problem.code)).toEqual(['too-wide']);
    expect(check.problems[0]!.message).toMatch(/^"WWWWWWWW" is \d+ mm wide in Inter at the smallest size that prints clearly; the heel tab text holds 24 mm\./);
    // The same letters in a condensed font fit.
    expect(codes('WWWWWWWW', bebas)).toEqual([]);
  });

  it('sets a short text at the zone height and a longer one smaller, within the width', () => {
    const short = validateText(heelText, 'ADA', bebas).setting!;
    expect(short.capHeightMm).toBeCloseTo(heelText.heightMm);
    const long = validateText(heelText, 'ADA LOVE', bebas).setting!;
    expect(long.widthMm).toBeLessThanOrEqual(heelText.widthMm + 1e-9);
    expect(long.capHeightMm).toBeLessThan(short.capHeightMm);
  });
});

describe('personalisation of a design', () => {
  const design = resolveDesign(compileRules(tshirt.product, tshirt.ruleSet), tshirt.ruleSet, { 'front.method': 'dtg' }).assignment;

  it('accepts offered fields with good text, fonts and colours', () => {
    expect(personalisationProblems(tshirt, design, { frontText: 'Hello, world!', 'frontText.font': 'pacifico', 'frontText.colour': 'mustard' })).toEqual([]);
  });

  it('refuses a field whose zone has no print method, unknown fields, fonts and colours', () => {
    const problems = personalisationProblems(tshirt, design, { backText: 'HI', sticker: 'x', 'frontText.font': 'comic-sans', 'frontText.colour': 'gold', frontText: 'OK' });
    expect(problems.map((problem) => problem.path)).toEqual(['personalisation.sticker', 'personalisation.frontText.font', 'personalisation.frontText.colour', 'personalisation.backText']);
    expect(problems[3]!.message).toBe('Back text is not offered with this design');
  });

  it('prices personal text on the sneaker into the order', () => {
    const space = compileRules(sneaker.product, sneaker.ruleSet);
    const assignment = resolveDesign(space, sneaker.ruleSet, {}).assignment;
    const document = createDesignDocument('sneaker', sneaker.rulesVersion, assignment, [], { heelText: 'ADA', 'heelText.font': 'bebas-neue', 'heelText.colour': 'black' });
    const order = createOrderDocument(sneaker, document, sneaker.product.sizes[0]!, 1, new Date('2026-12-01T00:00:00Z'));
    expect(order.price.surcharges).toContainEqual({ ruleId: 'personalisation:heelText', label: 'Heel tab text', amount: 500 });
    expect(order.price.unitTotal).toBe(11900 + 500);
  });
});

describe('personalisation in the rules file', () => {
  const header = 'product: sneaker\nrules: []\npersonalisation:\n';
  const field = (extra: string) => `${header}  - { id: heelText, kind: text, label: Heel tab text, placement: heelTab, widthMm: 24, heightMm: 7, maxLength: 8, allowed: [letters], fonts: [inter], colours: [black]${extra} }\n`;
  const problemsOf = (text: string) => {
    const result = loadRules(sneaker.product, 'rules/sneaker.rules.yaml', text);
    return result.ok ? [] : result.problems.map((problem) => `${problem.location?.line}:${problem.location?.column} ${problem.message} | ${problem.hint}`);
  };

  it.each([
    ['an unknown placement', field('').replace('placement: heelTab', 'placement: heel'), /there is no part or print zone "heel".*heelTab/],
    ['a font that is not shipped', field('').replace('fonts: [inter]', 'fonts: [comic-sans]'), /"comic-sans" is not one of the shipped fonts/],
    ['a colour outside the palette', field('').replace('colours: [black]', 'colours: [gold]'), /"gold" is not one of the colours of the Court Sneaker/],
    ['an unknown character class', field('').replace('allowed: [letters]', 'allowed: [emoji]'), /"emoji" is not one of the character classes/],
    ['a zero width', field('').replace('widthMm: 24', 'widthMm: 0'), /widthMm/],
    ['an unknown kind', `${header}  - { id: art, kind: sticker }\n`, /unknown personalisation kind "sticker".*kind: text/],
    ['an unknown key', field(', size: 3'), /unknown key "size"/],
    ['a condition naming an unknown attribute', field(', when: { front.method: dtg }'), /unknown attribute "front.method"/],
  ])('reports %s with its position and a fix', (_name, text, expected) => {
    const problems = problemsOf(text);
    expect(problems.length).toBeGreaterThan(0);
    expect(problems.join('\n')).toMatch(expected);
    expect(problems[0]).toMatch(/^\d+:\d+ /);
  });
});
