// Moderation of public text (gallery titles): cleaning, folding of look-alikes, leetspeak, spacing and
// other scripts, and the four refusals — profanity, protected brand names, personal data, web
// addresses — with the innocent words that must pass.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PROTECTED_BRANDS, cleanText, findBlockedWord, findLink, findPersonalData, matchingReadings, moderateText, type ModerationReason } from '../../src/domain/index.ts';

const reasonOf = (text: string, options?: Parameters<typeof moderateText>[1]): ModerationReason | 'ok' => {
  const result = moderateText(text, options);
  return result.ok ? 'ok' : result.reason;
};

describe('cleaning a text', () => {
  it.each([
    ['full-width letters', 'Ｎｉｇｈｔ ｒｕｎ', 'Night run'],
    ['zero-width spaces and joiners', 'Ni\u200Bght\u200C r\u200Dun\uFEFF', 'Night run'],
    ['bidirectional controls', '\u202ENight\u202C \u2066run\u2069', 'Night run'],
    ['a soft hyphen', 'Night\u00ADrun', 'Nightrun'],
    ['runs of white space, tabs and new lines', '  Night \t\n  run  ', 'Night run'],
    ['a ligature', 'ﬁre', 'fire'],
    ['control characters', 'Night\u0000run\u0007', 'Night run'],
    ['half an emoji (a lone surrogate)', 'run \ud83d', 'run \ufffd'],
  ])('normalises %s', (_name, input, expected) => {
    expect(cleanText(input)).toBe(expected);
  });

  it('keeps accents, case and emoji built with a zero-width joiner', () => {
    expect(cleanText('Café 👨‍👩‍👧')).toBe('Café 👨‍👩‍👧');
    expect(moderateText('Café 👨‍👩‍👧')).toEqual({ ok: true, normalised: 'Café 👨‍👩‍👧' });
  });
});

describe('folding for matching', () => {
  it.each([
    ['case and accents', 'NÏKÉ', 'nike'],
    ['Cyrillic look-alikes', 'nіkе', 'nike'],
    ['Greek look-alike capitals', 'ΝΙΚΕ', 'nike'],
    ['Greek look-alike small letters', 'αdιdαs', 'adidas'],
    ['leetspeak', 'n1k3', 'nike'],
    ['symbols for letters', '@d1d@$', 'adidas'],
    ['spaced letters', 'n i k e', 'nike'],
    ['dotted letters', 'n.i.k.e', 'nike'],
    ['dashes inside a word', 'ni-ke', 'nike'],
    ['styled mathematical letters', '𝐧𝐢𝐤𝐞', 'nike'],
    ['a small L for an I', 'NlKE', 'nike'],
    ['Cyrillic spelling', 'Адидас', 'adidas'],
  ])('undoes %s', (_name, input, brand) => {
    expect(findBlockedWord(cleanText(input), PROTECTED_BRANDS)).toEqual({ kind: 'brand', brand });
  });

  it('reads the words as written, spelt in Latin, and with single letters joined', () => {
    expect(matchingReadings('N.1.K.E (Адидас)!')).toEqual(['N 1 K E Адидас', 'N 1 K E adidas', 'N1KE Адидас', 'N1KE adidas']);
    expect(matchingReadings('Nike! N!KE |x|')).toEqual(['Nike N!KE x']);
  });
});

describe('moderating a title', () => {
  it.each([
    // brands, however they are written
    ['Nike', 'brand'],
    ['My NIKE kicks', 'brand'],
    ['n1k3 runner', 'brand'],
    ['N I K E', 'brand'],
    ['n.i.k.e', 'brand'],
    ['nіke (Cyrillic і)', 'brand'],
    ['ΡUΜΑ (Greek Ρ and Μ and Α)', 'brand'],
    ['ni\u200Bke with a zero-width space', 'brand'],
    ['ＮＩＫＥ', 'brand'],
    ['New Balance 550', 'brand'],
    ['newbalance', 'brand'],
    ['Louis-Vuitton', 'brand'],
    ['1ouis vuitton', 'brand'],
    ['@didas', 'brand'],
    ['$upreme drop', 'brand'],
    ['v4ns', 'brand'],
    ['my nikes', 'brand'],
    ['HERMES', 'brand'],
    ['Air Jordan 1', 'brand'],
    // profanity, however it is written
    ['shit', 'profanity'],
    ['sh1t', 'profanity'],
    ['$h!t', 'profanity'],
    ['f u c k', 'profanity'],
    ['f.u.c.k', 'profanity'],
    ['fuсk (Cyrillic с)', 'profanity'],
    ['fu\u200Bck', 'profanity'],
    ['motherfucker', 'profanity'],
    ['bullshit', 'profanity'],
    ['a s s', 'profanity'],
    // personal data
    ['mail ada@example.com', 'personal-data'],
    ['ada (at) example (dot) com', 'personal-data'],
    ['ada at example dot com', 'personal-data'],
    ['call +31 6 1234 5678', 'personal-data'],
    ['0612345678', 'personal-data'],
    ['(020) 555-0199', 'personal-data'],
    // innocent words that hold a blocked word
    ['Scunthorpe', 'ok'],
    ['Classic', 'ok'],
    ['Assistant', 'ok'],
    ['Pumpkin spice', 'ok'],
    ['Diorama', 'ok'],
    ['Jordanian sunset', 'ok'],
    ['Supremely comfy', 'ok'],
    ['Conversation piece', 'ok'],
    ['Vanilla', 'ok'],
    ['Shiitake', 'ok'],
    ['Cocktail hour', 'ok'],
    ['Bass line', 'ok'],
    ['Sussex grass', 'ok'],
    ['Off-white laces', 'ok'],
    ['Midnight runner', 'ok'],
    ['Class of 2024', 'ok'],
    ['Season 2024-2025', 'ok'],
    ['Retro 85', 'ok'],
    ['A B C', 'ok'],
    ['Café au lait', 'ok'],
  ])('%s → %s', (text, expected) => {
    expect(reasonOf(text)).toBe(expected);
  });

  it('says what is wrong and how to fix it, naming the brand', () => {
    expect(moderateText('My n1ke kicks')).toEqual({
      ok: false,
      reason: 'brand',
      message: 'Titles cannot name other brands ("nike"): choose a name of your own.',
      hint: 'remove "nike"',
    });
    const email = moderateText('write to ada@example.com');
    expect(email).toMatchObject({ ok: false, reason: 'personal-data', hint: 'remove "ada@example.com"' });
    expect(!email.ok && email.message).toMatch(/cannot contain an email address/);
    const phone = moderateText('Tel 0612 345 678');
    expect(!phone.ok && phone.message).toMatch(/cannot contain a phone number/);
    const rude = moderateText('sh1t');
    expect(!rude.ok && rude.message).toBe('Titles cannot contain offensive words: choose another title.');
  });

  it('returns the clean text of an accepted title', () => {
    expect(moderateText('  Midnight\u200B   runner ')).toEqual({ ok: true, normalised: 'Midnight runner' });
  });

  it('lets a shop extend the brand list, and name what is moderated', () => {
    expect(reasonOf('Acme runner')).toBe('ok');
    const result = moderateText('Acme runner', { brands: [...PROTECTED_BRANDS, 'acme'], subject: 'Names' });
    expect(result).toMatchObject({ ok: false, reason: 'brand', message: 'Names cannot name other brands ("acme"): choose a name of your own.' });
  });

  it('refuses every protected brand, in any case and with invisible characters anywhere', () => {
    const invisible = fc.constantFrom('\u200B', '\u200C', '\u200D', '\u2060', '\uFEFF', '\u202E', '\u00AD');
    fc.assert(fc.property(fc.constantFrom(...PROTECTED_BRANDS), fc.array(fc.tuple(fc.nat(), invisible), { maxLength: 4 }), fc.boolean(), (brand, inserts, upper) => {
      const characters = [...(upper ? brand.toUpperCase() : brand)];
      for (const [position, character] of inserts) characters.splice(position % (characters.length + 1), 0, character);
      expect(reasonOf(`The ${characters.join('')} edition`)).toBe('brand');
    }));
  });

  it('accepts ordinary titles made of colour and material words', () => {
    const words = ['midnight', 'runner', 'volt', 'suede', 'crepe', 'classic', 'optic', 'white', 'black', 'navy', 'court', 'retro', 'street', 'sunset', 'ember',
      // near misses of brand names: a letter changed, added or dropped
      'nice', 'knight', 'nile', 'like', 'bike', 'nuke', 'cross', 'chapel', 'heroes', 'umbra', 'salmon', 'basics', 'channel', 'prado', 'fend',
      'van', 'vanilla', 'pump', 'pumpkin', 'dash', 'of', 'lime', 'on', 'summer', 'pick', 'kicks', 'diorama', 'supremely', 'conversation', 'jordanian'];
    fc.assert(fc.property(fc.array(fc.constantFrom(...words), { minLength: 1, maxLength: 5 }), (title) => {
      expect(reasonOf(title.join(' '))).toBe('ok');
    }));
  });
});

describe('folds that were missing (issue 8)', () => {
  // Each of these was published before the folds below existed.
  it.each([
    // look-alikes for the I: a small L, a bar, an exclamation mark
    ['NlKE', 'brand'],
    ['N|KE', 'brand'],
    ['N!KE', 'brand'],
    // a brand split into short pieces
    ['Ni ke', 'brand'],
    ['Ad id as', 'brand'],
    // whole words in Cyrillic, transliterated, and the spellings used in Russian
    ['Адидас', 'brand'],
    ['Пума', 'brand'],
    ['Найк', 'brand'],
    ['Найки', 'brand'],
    ['Рибок', 'brand'],
    // near misses that sound the same: s written z, i written y, a letter repeated
    ['Adidaz', 'brand'],
    ['Vanz', 'brand'],
    ['Zupreme', 'brand'],
    ['Nyke', 'brand'],
    ['Reeebok', 'brand'],
    // web addresses with any ending, defanged, or with spaced dots
    ['evil.example', 'link'],
    ['EVIL.EXAMPLE', 'link'],
    ['Buy from evil.shoes', 'link'],
    ['evil\uFF0Eexample', 'link'],
    ['hxxp://evil.example/x', 'link'],
    ['hxxps[:]//evil[.]example', 'link'],
    ['www . evil . com', 'link'],
    ['evil[.]com', 'link'],
    ['evil(.)example', 'link'],
    ['evil(dot)com', 'link'],
    ['evil [dot] example', 'link'],
    ['evil dot com', 'link'],
    ['evil . com', 'link'],
    ['https://example.org/me', 'link'],
    ['www.example.org', 'link'],
    ['visit myshop.store', 'link'],
  ])('%s → %s', (text, expected) => {
    expect(reasonOf(text)).toBe(expected);
  });

  // Caught before; kept as the folds moved into the matcher.
  it.each([
    ['ΝΙΚΕ', 'brand'],
    ['ВАРЕ', 'brand'],
    ['Nike!', 'brand'],
    ['(Nike)', 'brand'],
    ['"Adidas"', 'brand'],
    ['Adidas-free zone', 'brand'],
    ['Reebok', 'brand'],
    ['Pumas', 'brand'],
    ['1ouis vuitton', 'brand'],
    ['Louis Vuitton', 'brand'],
    ['Calvin Klein', 'brand'],
    ['Stüssy', 'brand'],
    ['ΗΕRΜΕS', 'brand'],
  ])('%s → %s', (text, expected) => {
    expect(reasonOf(text)).toBe(expected);
  });

  it('explains why a web address is refused, naming it', () => {
    expect(moderateText('hxxp://evil.example/x')).toEqual({
      ok: false,
      reason: 'link',
      message: 'Titles cannot contain a web address: the gallery shows no links, so a title cannot send people elsewhere.',
      hint: 'remove "hxxp://evil.example/x"',
    });
    expect(moderateText('Адидас')).toMatchObject({ ok: false, reason: 'brand', hint: 'remove "adidas"' });
  });

  it.each([
    // ordinary titles that look like a brand or a near miss, and must pass
    'Nice kicks', 'Summer on court', 'Midnight runner', 'Dash of lime', 'Knight rider', "Nikita's pick", 'Nile blue',
    'Like new', 'Bike ride', 'Nuke pink', "Mike's kicks", 'Van life', 'Vanilla sky', 'Cross trainer', 'Chapel hill',
    'Heroes', 'Umbra', 'Salmon pink', 'Basics', 'Channel surfer', 'Prado', 'Fend off', 'Pumpkin spice', 'Puzzle',
    'Jordanian sunset', 'Diorama', 'Is it ok', 'Go on by', 'Зимний вечер', 'Καλοκαίρι', 'Room 101', 'Kapa cloth', 'Naik',
    'Timber land', 'Lulu lemons', 'Con verse',
    // dots that are not web addresses
    'U.S.A. edition', 'Vol. 2', 'St. Louis blues', 'No.5 blend', 'e.g. blue', 'Polka dot dress', 'Dot matrix',
    'Mr. Blue sky', 'Run. Jump. Fly.', 'Version 2.0',
  ])('%s passes', (text) => {
    expect(reasonOf(text)).toBe('ok');
  });
});

describe('finding web addresses', () => {
  it('names the address as written', () => {
    expect(findLink('see www.example.org/x')).toBe('www.example.org/x');
    expect(findLink('go to evil [dot] example now')).toBe('evil [dot] example');
    expect(findLink('U.S.A. 2.0')).toBeUndefined();
  });
});

describe('finding personal data', () => {
  it('names the kind and the text that matched', () => {
    expect(findPersonalData('Call 0612 345 678 now')).toEqual({ kind: 'phone', match: '0612 345 678' });
    expect(findPersonalData('six digits 123456 are fine')).toBeUndefined();
  });
});
