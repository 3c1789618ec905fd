import { cleanText, type Problem } from '../domain/index.ts';
import { checkDesignField, checkRemixOfField, type DesignField, type ReportProblem } from './designField.ts';
import { describeValue, isObject } from './describeValue.ts';
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
  readonly remixOf?: string;
}

/** Either the request, or every problem found. */
export type ParsedCandidateRequest =
  | { readonly ok: true; readonly request: CandidateRequest }
  | { readonly ok: false; readonly problems: readonly Problem[] };

const FIELDS = ['design', 'title', 'remixOf'];
const graphemes = new Intl.Segmenter('en', { granularity: 'grapheme' });

/**
 * Checks the shape of a gallery submission: a design object, a title of 1 to 60 graphemes and an
 * optional `remixOf` candidate id. A picture is refused: the server draws every gallery picture
 * from the design's choices, so that no personal text or artwork reaches the gallery. Collects
 * every problem, each with a path and a fix.
 *
 * @example
 * parseCandidateRequest({ design, title: 'Midnight runner' }, DEFAULT_LIMITS)
 */
export function parseCandidateRequest(body: unknown, limits: ServerLimits): ParsedCandidateRequest {
  const problems: Problem[] = [];
  const report = (path: string, message: string, hint: string) => problems.push({ path, message, hint });
  if (!isObject(body)) {
    report('', `the submission must be a JSON object, not ${describeValue(body)}`, 'send {"design":…,"title":"…"}');
    return { ok: false, problems };
  }
  for (const key of Object.keys(body)) {
    if (key === 'thumbnail') {
      report(key, 'the gallery takes no picture: the shop draws every gallery picture itself, from the design\'s choices, so that no personal text or artwork is ever public', `remove "thumbnail"; the fields are ${FIELDS.join(', ')}`);
    } else if (!FIELDS.includes(key)) report(key, `unknown field "${key}"`, `remove it; the fields are ${FIELDS.join(', ')}`);
  }
  const design = checkDesignField(body.design, limits, report);
  const title = checkTitle(body.title, report);
  const remixOf = checkRemixOfField(body.remixOf, report);
  if (problems.length > 0 || !design || title === undefined) return { ok: false, problems };
  return { ok: true, request: { design, title, ...(remixOf ? { remixOf } : {}) } };
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
