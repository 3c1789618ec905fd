import * as v from 'valibot';
import { cleanText } from '../moderation/index.ts';
import { designFieldSchema, remixOfSchema } from './designField.ts';
import { describeValue, fieldsObject, withHint } from './requestProblem.ts';
import type { RequestLimits } from './requestLimits.ts';

/** The longest gallery title, in grapheme clusters (what a reader counts as characters). */
export const MAX_TITLE_GRAPHEMES = 60;
/** And in UTF-16 code units: room for 60 emoji sequences, but not for a tower of combining marks. */
export const MAX_TITLE_CODE_UNITS = 400;

/** Whether a gallery title (cleaned by `cleanText`) may be used, and if not, why. */
export type GalleryTitleCheck =
  | { readonly ok: true; readonly length: number }
  | { readonly ok: false; readonly reason: 'empty' | 'too-long' | 'too-many-code-units'; readonly length: number };

/**
 * The one rule for a gallery title's length: 1 to 60 characters as a reader counts them (grapheme
 * clusters), and at most 400 UTF-16 code units. Checked on the title as `cleanText` leaves it.
 * What the title says is moderation's (`moderateText`) to judge.
 *
 * @example checkGalleryTitle(cleanText('👟'.repeat(61))) // { ok: false, reason: 'too-long', length: 61 }
 */
export function checkGalleryTitle(clean: string): GalleryTitleCheck {
  if (clean.length > MAX_TITLE_CODE_UNITS) return { ok: false, reason: 'too-many-code-units', length: clean.length };
  const length = [...new Intl.Segmenter('en', { granularity: 'grapheme' }).segment(clean)].length;
  if (length === 0) return { ok: false, reason: 'empty', length };
  if (length > MAX_TITLE_GRAPHEMES) return { ok: false, reason: 'too-long', length };
  return { ok: true, length };
}

const TITLE_HINT = `name the design in 1 to ${MAX_TITLE_GRAPHEMES} characters`;

/** A gallery title: text, cleaned of invisible characters and extra spaces, 1 to 60 characters. */
export const galleryTitleSchema = v.pipe(
  v.string((issue) => withHint(`"title" must be text, not ${describeValue(issue.input)}`, TITLE_HINT)),
  v.transform(cleanText),
  v.rawCheck(({ dataset, addIssue }) => {
    if (!dataset.typed) return;
    const check = checkGalleryTitle(dataset.value);
    if (check.ok) return;
    addIssue({
      message: check.reason === 'too-many-code-units'
        ? withHint(`the title is ${check.length} code units long, more than the ${MAX_TITLE_CODE_UNITS} allowed (it holds many combining marks or long emoji sequences)`, `name the design in 1 to ${MAX_TITLE_GRAPHEMES} plain characters`)
        : withHint(check.reason === 'empty' ? 'the title is empty' : `the title is ${check.length} characters, more than ${MAX_TITLE_GRAPHEMES}`, TITLE_HINT),
    });
  }),
);

/**
 * The body of `POST /api/candidates` (a gallery submission), checked for shape: a design, a title
 * of 1 to 60 characters and an optional `remixOf` candidate id. A `thumbnail` is refused: the shop
 * draws every gallery picture from the design's choices, so that no personal text or artwork
 * reaches the gallery. The design is checked afterwards by the domain, the title by moderation.
 *
 * @example v.safeParse(candidateRequestSchema(DEFAULT_REQUEST_LIMITS), { design, title: 'Midnight runner' })
 */
export function candidateRequestSchema(limits: RequestLimits) {
  return v.pipe(
    fieldsObject({
      design: designFieldSchema(limits),
      title: galleryTitleSchema,
      remixOf: remixOfSchema,
    }, 'refuse', {
      notAnObject: (input) => withHint(`the submission must be a JSON object, not ${describeValue(input)}`, 'send {"design":…,"title":"…"}'),
      unknownField: (key, fields) => (key === 'thumbnail'
        ? withHint('the gallery takes no picture: the shop draws every gallery picture itself, from the design\'s choices, so that no personal text or artwork is ever public', `remove "thumbnail"; the fields are ${fields.join(', ')}`)
        : undefined),
    }),
    v.transform(({ remixOf, ...rest }) => ({ ...rest, ...(remixOf ? { remixOf } : {}) })),
  );
}

/** A gallery submission once its shape is checked; `title` is cleaned. */
export type CandidateRequest = v.InferOutput<ReturnType<typeof candidateRequestSchema>>;
/** A gallery submission as the configurator sends it. */
export type CandidateRequestBody = v.InferInput<ReturnType<typeof candidateRequestSchema>>;
