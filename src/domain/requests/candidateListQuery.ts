import * as v from 'valibot';
import { fieldsObject, withHint } from './requestProblem.ts';

/**
 * How the gallery lists its candidates: `top` (Wilson lower bound of the votes), `most-ordered`,
 * `trending` (recent activity against the week before) or `newest`.
 */
export type CandidateSort = 'top' | 'most-ordered' | 'trending' | 'newest';
export const CANDIDATE_SORTS: readonly CandidateSort[] = ['top', 'most-ordered', 'trending', 'newest'];
/** The default and largest page. */
export const DEFAULT_CANDIDATE_LIMIT = 24;
export const MAX_CANDIDATE_LIMIT = 100;
/** The farthest a visitor can page into a list (deeper pages are the moderators' tools). */
export const MAX_CANDIDATE_OFFSET = 10_000;

/** A query parameter as the message quotes it: a repeated parameter is named as such. */
function quoted(input: unknown, length: number): string {
  return typeof input === 'string' ? `"${input.slice(0, length)}"` : 'a repeated parameter';
}

function wholeNumber(text: unknown, digits: number, min: number, max: number): boolean {
  return typeof text === 'string' && new RegExp(`^\\d{1,${digits}}$`).test(text) && Number(text) >= min && Number(text) <= max;
}

const limitMessage = (issue: v.BaseIssue<unknown>) => withHint(`"limit" must be a whole number from 1 to ${MAX_CANDIDATE_LIMIT}, not ${quoted(issue.input, 20)}`, `use e.g. limit=${DEFAULT_CANDIDATE_LIMIT}`);
const offsetMessage = (issue: v.BaseIssue<unknown>) => withHint(`"offset" must be a whole number from 0 to ${MAX_CANDIDATE_OFFSET}, not ${quoted(issue.input, 20)}`, 'use the "nextOffset" of the previous page, or leave it out for the first page');

/**
 * The query of `GET /api/candidates`: `product` (one of `products()`, the products the shop sells;
 * all when left out), `sort` (default top), `limit` (1–100; default 24) and `offset` (0–10,000;
 * default 0: the designs to skip, for the next page). Other parameters are ignored; a parameter
 * given twice is refused.
 *
 * @example v.parse(candidateListQuerySchema(() => ['sneaker']), { product: 'sneaker', sort: 'newest' })
 * // { productId: 'sneaker', sort: 'newest', limit: 24, offset: 0 }
 */
export function candidateListQuerySchema(products: () => readonly string[]) {
  return v.pipe(
    fieldsObject({
      sort: v.optional(v.picklist(CANDIDATE_SORTS, (issue) => withHint(typeof issue.input === 'string' ? `unknown sort ${quoted(issue.input, 40)}` : '"sort" is given more than once', `use sort=${CANDIDATE_SORTS.join(', sort=')}`)), 'top'),
      limit: v.optional(v.pipe(v.string(limitMessage), v.check((text) => wholeNumber(text, 4, 1, MAX_CANDIDATE_LIMIT), limitMessage), v.transform(Number)), String(DEFAULT_CANDIDATE_LIMIT)),
      offset: v.optional(v.pipe(v.string(offsetMessage), v.check((text) => wholeNumber(text, 5, 0, MAX_CANDIDATE_OFFSET), offsetMessage), v.transform(Number)), '0'),
      product: v.optional(v.pipe(
        v.string((issue) => withHint(`"product" must be one product id, not ${quoted(issue.input, 40)}`, 'give product once, or leave it out for every product')),
        v.check((id) => products().includes(id), (issue) => withHint(`there is no product ${quoted(issue.input, 40)}`, `use product=${products().join(', product=')}, or leave it out for every product`)),
      )),
    }, 'drop', { notAnObject: () => withHint('the query must be a list of parameters', 'use e.g. ?sort=top&limit=24') }),
    v.transform(({ product, ...rest }) => ({ ...(product !== undefined ? { productId: product } : {}), ...rest })),
  );
}

/** What `GET /api/candidates` asks for, once checked. */
export type CandidateListQuery = v.InferOutput<ReturnType<typeof candidateListQuerySchema>>;
