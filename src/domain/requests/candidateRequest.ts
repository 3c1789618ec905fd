import * as v from 'valibot';
import { cleanText } from '../moderation/index.ts';
import { emailAddressSchema } from './contact.ts';
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

/** The longest creator's display name, in characters (as a reader counts them). */
export const MAX_CREATOR_NAME = 40;

/**
 * The name a submitter wants credited ("co-created by …" once a designer approves the design):
 * cleaned as titles are, 1 to 40 characters; what it says is moderation's to judge, as for titles.
 */
export const creatorNameSchema = v.pipe(
  v.string((issue) => withHint(`"creatorName" must be text, not ${describeValue(issue.input)}`, 'send the name to credit, or leave "creatorName" out')),
  v.transform(cleanText),
  v.rawCheck(({ dataset, addIssue }) => {
    if (!dataset.typed) return;
    const length = [...new Intl.Segmenter('en', { granularity: 'grapheme' }).segment(dataset.value)].length;
    if (length === 0) addIssue({ message: withHint('the creator\'s name is empty', 'send the name to credit, or leave "creatorName" out') });
    else if (length > MAX_CREATOR_NAME || dataset.value.length > 4 * MAX_CREATOR_NAME) addIssue({ message: withHint(`the creator's name is ${length} characters, more than ${MAX_CREATOR_NAME}`, `shorten it to ${MAX_CREATOR_NAME} characters`) });
  }),
);

/**
 * The body of `POST /api/candidates` (a gallery submission), checked for shape: a design, a title
 * of 1 to 60 characters, an optional `remixOf` candidate id, and optionally the creator to credit:
 * `creatorName` (public once the design is approved) and `creatorEmail` (kept private: only the
 * admins' credit list reads it; it needs a name). A `thumbnail` is refused: the shop
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
      creatorName: v.optional(creatorNameSchema),
      creatorEmail: v.optional(emailAddressSchema('send an address like name@example.com, or leave "creatorEmail" out')),
    }, 'refuse', {
      notAnObject: (input) => withHint(`the submission must be a JSON object, not ${describeValue(input)}`, 'send {"design":…,"title":"…"}'),
      unknownField: (key, fields) => (key === 'thumbnail'
        ? withHint('the gallery takes no picture: the shop draws every gallery picture itself, from the design\'s choices, so that no personal text or artwork is ever public', `remove "thumbnail"; the fields are ${fields.join(', ')}`)
        : undefined),
    }),
    v.rawCheck(({ dataset, addIssue }) => {
      if (dataset.typed && dataset.value.creatorEmail !== undefined && dataset.value.creatorName === undefined) {
        addIssue({ message: withHint('an email for the creator needs a name to credit', 'send "creatorName" with "creatorEmail", or leave the email out'), path: [{ type: 'object', origin: 'value', input: dataset.value, key: 'creatorName', value: undefined }] });
      }
    }),
    v.transform(({ remixOf, creatorName, creatorEmail, ...rest }) => ({
      ...rest, ...(remixOf ? { remixOf } : {}), ...(creatorName !== undefined ? { creatorName } : {}), ...(creatorEmail !== undefined ? { creatorEmail } : {}),
    })),
  );
}

/** A gallery submission once its shape is checked; `title` is cleaned. */
export type CandidateRequest = v.InferOutput<ReturnType<typeof candidateRequestSchema>>;
/** A gallery submission as the configurator sends it. */
export type CandidateRequestBody = v.InferInput<ReturnType<typeof candidateRequestSchema>>;
