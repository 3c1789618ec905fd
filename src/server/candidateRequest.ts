import { cleanText, type Problem } from '../domain/index.ts';
import { checkDesignField, checkRemixOfField, type DesignField, type ReportProblem } from './designField.ts';
import { describeValue, isObject } from './describeValue.ts';
import { decodePngDataUrl, type PngImage } from './pngImage.ts';
import type { ServerLimits } from './serverLimits.ts';

/** The longest gallery title, in grapheme clusters (what a reader counts as characters). */
export const MAX_TITLE_GRAPHEMES = 60;
/** And in UTF-16 code units: room for 60 emoji sequences, but not for a tower of combining marks. */
const MAX_TITLE_CODE_UNITS = 400;

/**
 * The body of `POST /api/candidates`, checked for shape. The design is checked afterwards by the
 * domain, under the rules version it names, and the title by moderation.
 */
export interface CandidateRequest {
  readonly design: DesignField;
  /** The title as sent (cleaned of invisible characters and extra spaces only). */
  readonly title: string;
  readonly thumbnail: PngImage;
  readonly remixOf?: string;
}

/** Either the request, or every problem found (`imagesOnly` when only the thumbnail was refused). */
export type ParsedCandidateRequest =
  | { readonly ok: true; readonly request: CandidateRequest }
  | { readonly ok: false; readonly problems: readonly Problem[]; readonly imagesOnly: boolean };

const FIELDS = ['design', 'title', 'thumbnail', 'remixOf'];
const graphemes = new Intl.Segmenter('en', { granularity: 'grapheme' });

/**
 * Checks the shape of a gallery submission: a design object, a title of 1 to 60 graphemes, a PNG
 * thumbnail as a data URL within the size limit, and an optional `remixOf` candidate id. Collects
 * every problem, each with a path and a fix.
 *
 * @example
 * parseCandidateRequest({ design, title: 'Midnight runner', thumbnail: canvas.toDataURL('image/png') }, DEFAULT_LIMITS)
 */
export function parseCandidateRequest(body: unknown, limits: ServerLimits): ParsedCandidateRequest {
  const problems: Problem[] = [];
  const imageProblems: Problem[] = [];
  const report = (path: string, message: string, hint: string) => problems.push({ path, message, hint });
  if (!isObject(body)) {
    report('', `the submission must be a JSON object, not ${describeValue(body)}`, 'send {"design":…,"title":"…","thumbnail":"data:image/png;base64,…"}');
    return { ok: false, problems, imagesOnly: false };
  }
  for (const key of Object.keys(body)) {
    if (!FIELDS.includes(key)) report(key, `unknown field "${key}"`, `remove it; the fields are ${FIELDS.join(', ')}`);
  }
  const design = checkDesignField(body.design, limits, report);
  const title = checkTitle(body.title, report);
  const remixOf = checkRemixOfField(body.remixOf, report);
  let thumbnail: PngImage | undefined;
  if (typeof body.thumbnail !== 'string') {
    imageProblems.push({ path: 'thumbnail', message: `"thumbnail" must be a PNG data URL, not ${describeValue(body.thumbnail)}`, hint: 'send canvas.toDataURL(\'image/png\') of the preview' });
  } else {
    const png = decodePngDataUrl(body.thumbnail, limits.maxThumbnailBytes);
    if ('message' in png) imageProblems.push({ path: 'thumbnail', message: png.message, hint: png.hint });
    else thumbnail = png;
  }
  const all = [...problems, ...imageProblems];
  if (all.length > 0 || !design || title === undefined || !thumbnail) {
    return { ok: false, problems: all, imagesOnly: problems.length === 0 && imageProblems.length > 0 };
  }
  return { ok: true, request: { design, title, thumbnail, ...(remixOf ? { remixOf } : {}) } };
}

function checkTitle(title: unknown, report: ReportProblem): string | undefined {
  if (typeof title !== 'string') {
    report('title', `"title" must be text, not ${describeValue(title)}`, `name the design in 1 to ${MAX_TITLE_GRAPHEMES} characters`);
    return undefined;
  }
  const clean = cleanText(title);
  if (clean.length > MAX_TITLE_CODE_UNITS) {
    report('title', `the title is ${clean.length} code units long, more than the ${MAX_TITLE_CODE_UNITS} allowed (it holds many combining marks or long emoji sequences)`, `name the design in 1 to ${MAX_TITLE_GRAPHEMES} plain characters`);
    return undefined;
  }
  const length = [...graphemes.segment(clean)].length;
  if (length === 0 || length > MAX_TITLE_GRAPHEMES) {
    report('title', length === 0 ? 'the title is empty' : `the title is ${length} characters, more than ${MAX_TITLE_GRAPHEMES}`, `name the design in 1 to ${MAX_TITLE_GRAPHEMES} characters`);
    return undefined;
  }
  return clean;
}
