import { encodeShareToken, restoreSharedDesign, type Assignment, type CatalogEntry, type Choice, type ConfigurationSpace } from '../domain/index.ts';
import { GalleryError } from '../machines/index.ts';
import { capitalise } from './capitalise.ts';

/** What a session starts from when the page was opened from a share link or a gallery remix. */
export interface StartingDesign {
  readonly choices: readonly Choice[];
  readonly startedFrom?: Assignment;
  /** The gallery design being remixed. */
  readonly remixOf?: string;
  /** What to tell the customer about it: restored as shared, what changed since, or why it could not be opened. */
  readonly notice?: { readonly tone: 'info' | 'warning'; readonly title: string; readonly lines: readonly string[] };
}

const FRESH: StartingDesign = { choices: [] };
const LEFT_OUT = 'The sender\'s text and artwork are not in shared links, so the price shown here leaves them out; add your own if you like.';

/** A gallery design as a remix starts from it: its product, rules version and choices. */
export interface RemixSource {
  readonly id: string;
  readonly productId: string;
  readonly rulesVersion: string;
  readonly design: { readonly choices: Readonly<Record<string, string>>; readonly chosenByCustomer: readonly string[] };
}

/** Reads one gallery design by its id (the page passes `readCandidate` from `api/`). */
export type ReadCandidate = (candidateId: string) => Promise<RemixSource>;

/**
 * Reads `?design=<token>` (a share link) or `?remix=<candidate id>` (a gallery design, read with
 * `readCandidate`) and rebuilds that design under the current rules. A link that cannot be read
 * starts a fresh design and says why; it never fails the page.
 */
export async function loadStartingDesign(entry: CatalogEntry, space: ConfigurationSpace, search: URLSearchParams, readCandidate: ReadCandidate): Promise<StartingDesign> {
  const remix = search.get('remix');
  if (remix) return fromGallery(entry, space, remix, readCandidate);
  const token = search.get('design');
  if (token) return fromToken(entry, space, token, 'shared design');
  return FRESH;
}

function fromToken(entry: CatalogEntry, space: ConfigurationSpace, token: string, what: string, remixOf?: string): StartingDesign {
  const restored = restoreSharedDesign(entry, space, token);
  if ('error' in restored) {
    return { choices: [], notice: { tone: 'warning', title: `The ${what} could not be opened`, lines: [`${capitalise(restored.error)}. You are starting from the suggested design.`] } };
  }
  const base = { choices: restored.choices, startedFrom: restored.suggested, ...(remixOf ? { remixOf } : {}) };
  // Share links never carry personal text or artwork: say so rather than promise the same design and price.
  const leftOut = restored.personalisationLeftOut ? [LEFT_OUT] : [];
  if (restored.changes.length > 0) {
    const title = restored.rulesChanged ? `The shop's options changed since this ${what} was made` : `Part of this ${what} is not available to you`;
    return { ...base, notice: { tone: 'warning', title, lines: [...restored.changes, ...leftOut] } };
  }
  const lines = restored.personalisationLeftOut ? ['The choices are as they were shared; change anything you like.', LEFT_OUT] : ['Every choice is as it was shared; change anything you like.'];
  return { ...base, notice: { tone: 'info', title: remixOf ? 'Remixing a gallery design' : 'Opened a shared design', lines } };
}

async function fromGallery(entry: CatalogEntry, space: ConfigurationSpace, candidateId: string, readCandidate: ReadCandidate): Promise<StartingDesign> {
  let candidate: RemixSource;
  try {
    candidate = await readCandidate(candidateId);
  } catch (error) {
    const reason = error instanceof GalleryError ? error.message : 'The gallery could not be reached.';
    return { choices: [], notice: { tone: 'warning', title: 'The gallery design could not be opened', lines: [`${reason} You are starting from the suggested design.`] } };
  }
  if (candidate.productId !== entry.product.id) {
    return { choices: [], notice: { tone: 'warning', title: 'The gallery design could not be opened', lines: [`It is a design of another product ("${candidate.productId}"). You are starting from the suggested design.`] } };
  }
  let token: string;
  try {
    token = encodeShareToken(entry.product, candidate.rulesVersion, candidate.design.choices, candidate.design.chosenByCustomer);
  } catch {
    return { choices: [], notice: { tone: 'warning', title: 'The gallery design could not be opened', lines: ['It names options this product no longer has. You are starting from the suggested design.'] } };
  }
  return fromToken(entry, space, token, 'gallery design', candidate.id);
}
