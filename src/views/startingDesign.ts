import { readShareTokenHeader, restoreSharedDesign, type Assignment, type CatalogEntry, type Choice, type ConfigurationSpace, type DecodedShareToken, type VersionOptions } from '../domain/index.ts';
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
 * Reads the option ids of a product under an earlier rules version, or why it could not, in
 * sentences (the page passes `readVersionOptions` from `api/`).
 */
export type ReadVersionOptions = (productId: string, rulesVersion: string) => Promise<VersionOptions | { error: string }>;

/**
 * Reads `?design=<token>` (a share link) or `?remix=<candidate id>` (a gallery design, read with
 * `readCandidate`) and carries that design to the current rules. A link of the first format made
 * under other rules counts positions in that version's option lists: they are read first with
 * `readVersionOptions`, never guessed from today's. A link that cannot be read starts a fresh
 * design and says why; it never fails the page.
 */
export async function loadStartingDesign(entry: CatalogEntry, space: ConfigurationSpace, search: URLSearchParams, readCandidate: ReadCandidate, readVersionOptions: ReadVersionOptions): Promise<StartingDesign> {
  const remix = search.get('remix');
  if (remix) return fromGallery(entry, space, remix, readCandidate);
  const token = search.get('design');
  if (!token) return FRESH;
  const header = readShareTokenHeader(token);
  if (!('error' in header) && header.format === 'positions' && header.rulesVersion !== entry.rulesVersion) {
    const options = await readVersionOptions(entry.product.id, header.rulesVersion);
    if ('error' in options) return { choices: [], notice: { tone: 'warning', title: 'The shared design could not be opened', lines: [`${options.error} You are starting from the suggested design.`] } };
    return fromShared(entry, space, token, 'shared design', undefined, options);
  }
  return fromShared(entry, space, token, 'shared design');
}

function fromShared(entry: CatalogEntry, space: ConfigurationSpace, shared: string | DecodedShareToken, what: string, remixOf?: string, sharedVersion?: VersionOptions): StartingDesign {
  const restored = restoreSharedDesign(entry, space, shared, sharedVersion);
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
  // Its choices are by id already: carried to today's rules like a share link's.
  const shared: DecodedShareToken = { rulesVersion: candidate.rulesVersion, design: candidate.design.choices, chosenByCustomer: candidate.design.chosenByCustomer };
  return fromShared(entry, space, shared, 'gallery design', candidate.id);
}
