import { measureText, type FontMetrics } from './fontMetrics.ts';
import { moderateText, type ModerationOptions } from '../moderation/index.ts';
import { TEXT_CHARACTER_CLASSES, type CharacterClass, type TextFieldDef } from './personalisationModel.ts';

/** What is wrong with a personal text, for the customer, as they type. */
export interface TextProblem {
  readonly code: 'too-long' | 'control-character' | 'not-allowed' | 'look-alike' | 'stacked-marks' | 'blocked-word' | 'too-wide' | 'unknown-font' | 'unknown-colour';
  readonly message: string;
}

/** The verdict on a personal text: its problems (empty when it may be ordered) and how it is set. */
export interface TextCheck {
  readonly problems: readonly TextProblem[];
  /** The text as it is printed: Unicode NFC, trimmed. */
  readonly text: string;
  /** Grapheme clusters, as a customer counts characters. */
  readonly length: number;
  /**
   * How it is set in the zone: the font size and the width it takes, in millimetres; null for no
   * text. `neededWidthMm` is the width it takes at the smallest size that prints clearly (capitals
   * `minCapHeightMm` tall): what the check compares with the zone's width, and so the figure a
   * counter shows ("uses 212 of 260 mm").
   */
  readonly setting: { readonly fontSizeMm: number; readonly widthMm: number; readonly capHeightMm: number; readonly neededWidthMm: number } | null;
}

// Invisible characters that reorder or hide text: never printable, a classic way to smuggle words.
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROLS = /[\u0000-\u001f\u007f-\u009f\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff\ufff9-\ufffb]/u;
const MARK = /\p{M}/u;
const PICTOGRAPHIC = /\p{Extended_Pictographic}/u;
const CLASS_WORDS: Readonly<Record<CharacterClass, string>> = { letters: 'letters', digits: 'digits', space: 'spaces', punctuation: 'the punctuation . , ! ? \' & - :' };
const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/**
 * Checks a personal text against its field, the way a factory would: at most `maxLength`
 * characters as a person counts them (grapheme clusters, so an emoji family is one), only the
 * allowed characters (Latin letters, so look-alike Cyrillic or Greek letters are named as such),
 * no invisible control characters (right-to-left overrides, zero-width joiners), no blocked words
 * (profanity, protected brands, after undoing look-alikes and leetspeak), and a measured width in
 * the chosen font that fits the zone: the text is set as large as the zone allows and refused when
 * its capitals would be smaller than the field's `minCapHeightMm` (the print method's limit).
 *
 * @example
 * validateText(heelText, 'ADA', bebas).problems // []
 * validateText(heelText, 'ADA LOVELACE', bebas).problems[0].message // "Up to 8 characters: this has 12."
 */
export function validateText(field: TextFieldDef, value: string, font: FontMetrics | undefined, moderation: ModerationOptions = {}): TextCheck {
  const problems: TextProblem[] = [];
  // Segmented before anything is removed, so an emoji family (joined by U+200D) is one character.
  const graphemes = [...segmenter.segment(value.normalize('NFC').trim())].map((segment) => segment.segment);
  const allowedWords = field.allowed.map((name) => CLASS_WORDS[name]);
  const reported = new Set<string>();
  let controlReported = false;
  const kept: string[] = [];
  graphemes.forEach((grapheme, index) => {
    if (PICTOGRAPHIC.test(grapheme)) {
      if (!reported.has(grapheme)) problems.push({ code: 'not-allowed', message: `"${grapheme}" is an emoji and cannot be printed or embroidered: use ${listInWords(allowedWords)}.` });
      reported.add(grapheme);
      kept.push(grapheme);
      return;
    }
    const control = CONTROLS.exec(grapheme);
    if (control) {
      if (!controlReported) problems.push({ code: 'control-character', message: `Remove the invisible character ${codePoint(control[0])} after character ${index}: it cannot be printed and can hide or reorder text.` });
      controlReported = true;
      const rest = grapheme.replace(new RegExp(CONTROLS.source, 'gu'), '');
      if (rest) kept.push(rest);
      return;
    }
    kept.push(grapheme);
    if (reported.has(grapheme) || isAllowed(grapheme, field.allowed)) return;
    reported.add(grapheme);
    const base = [...grapheme][0]!;
    if ([...grapheme].length > 1 && [...grapheme].slice(1).every((part) => MARK.test(part)) && isAllowed(base, field.allowed)) {
      problems.push({ code: 'stacked-marks', message: `"${grapheme}" has accents the font cannot stack: type the letter with at most one accent.` });
    } else if (/\p{L}/u.test(base) && !/\p{Script=Latin}/u.test(base) && field.allowed.includes('letters')) {
      problems.push({ code: 'look-alike', message: `"${grapheme}" is a ${scriptOf(base)} letter, not a Latin one: the print fonts have Latin letters only (it may look the same; retype it with a Latin keyboard).` });
    } else {
      problems.push({ code: 'not-allowed', message: `"${grapheme}" cannot be printed here: use ${listInWords(allowedWords)}.` });
    }
  });
  const text = kept.join('').trim();
  const length = [...segmenter.segment(text)].length;
  if (length > field.maxLength) problems.unshift({ code: 'too-long', message: `Up to ${field.maxLength} characters: this has ${length}.` });

  if (text.length > 0) {
    const verdict = moderateText(text, { ...moderation, subject: 'Personal texts', instead: 'other words' });
    // A personal text is printed for its customer, never published: their own address may be on it.
    if (!verdict.ok && verdict.reason !== 'personal-data' && verdict.reason !== 'link') problems.push({ code: 'blocked-word', message: verdict.message });
  }

  let setting: TextCheck['setting'] = null;
  if (!font) {
    problems.push({ code: 'unknown-font', message: 'Choose one of the offered fonts.' });
  } else if (text.length > 0) {
    const atFullHeight = measureText(font, text, field.heightMm);
    const scale = Math.min(1, field.widthMm / atFullHeight.widthMm);
    const smallest = Math.min(1, field.minCapHeightMm / field.heightMm);
    const neededWidthMm = atFullHeight.widthMm * smallest;
    setting = { fontSizeMm: atFullHeight.fontSizeMm * scale, widthMm: atFullHeight.widthMm * scale, capHeightMm: field.heightMm * scale, neededWidthMm };
    if (scale < smallest) {
      problems.push({
        code: 'too-wide',
        message: `"${text}" is ${Math.round(neededWidthMm)} mm wide in ${font.label} at the smallest size that prints clearly; the ${field.label.toLowerCase()} holds ${field.widthMm} mm. Shorten it or choose a narrower font.`,
      });
    }
  }
  return { problems, text, length, setting };
}

function isAllowed(grapheme: string, allowed: readonly CharacterClass[]): boolean {
  return allowed.some((name) => TEXT_CHARACTER_CLASSES[name].test(grapheme));
}

function codePoint(character: string): string {
  return `U+${character.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
}

function scriptOf(letter: string): string {
  for (const script of ['Cyrillic', 'Greek', 'Armenian', 'Hebrew', 'Arabic', 'Han', 'Hiragana', 'Katakana', 'Hangul']) {
    if (new RegExp(`\\p{Script=${script}}`, 'u').test(letter)) return script;
  }
  return 'non-Latin';
}

function listInWords(items: readonly string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}

/** How full a personal text's field is, by both of its limits; see {@link textFit}. */
export interface TextFit {
  /** The width the text takes at the smallest clear size, and the zone's width, in millimetres. */
  readonly usedMm: number;
  readonly widthMm: number;
  readonly characters: number;
  readonly maxLength: number;
  /** The limit the text is nearer (or further over): what the counter shows first. */
  readonly binding: 'width' | 'characters';
  /** The share of the binding limit used, 0 to 1 and beyond when over. */
  readonly share: number;
}

/**
 * How much of its field a checked text uses: width in this font (what the width check compares)
 * and characters, and which of the two binds. Null for no text or no font.
 *
 * @example textFit(frontText, validateText(frontText, 'Summer Crew', inter)) // { usedMm: 93, widthMm: 260, characters: 11, maxLength: 24, binding: 'characters', … }
 */
export function textFit(field: TextFieldDef, check: TextCheck | null): TextFit | null {
  if (!check?.setting) return null;
  const widthShare = check.setting.neededWidthMm / field.widthMm;
  const characterShare = check.length / field.maxLength;
  const binding = widthShare >= characterShare ? 'width' : 'characters';
  return { usedMm: check.setting.neededWidthMm, widthMm: field.widthMm, characters: check.length, maxLength: field.maxLength, binding, share: Math.max(widthShare, characterShare) };
}
