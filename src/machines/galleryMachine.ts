import { assertEvent, assign, fromPromise, setup } from 'xstate';
import type { GalleryCandidateResponse } from '../domain/requests/index.ts';

/**
 * A design in the community gallery, as the gallery lists it: the fields of the server's answer
 * (`GalleryCandidateResponse`) the gallery shows. Its `design` holds choices only, never personal text.
 */
export type GalleryCandidate = Pick<GalleryCandidateResponse, 'id' | 'productId' | 'title' | 'thumbnailUrl' | 'upVotes' | 'downVotes' | 'score' | 'orders' | 'remixes' | 'remixOf' | 'createdAt' | 'myVote' | 'orderableAsIs' | 'coCreatedBy'> & {
  readonly design: Pick<GalleryCandidateResponse['design'], 'choices'>;
};

/** How the gallery is ordered. */
export type GallerySort = 'top' | 'most-ordered' | 'trending' | 'newest';

/** One page of the gallery. */
export interface GalleryPageOfCandidates {
  readonly candidates: readonly GalleryCandidate[];
  /** Where the next page starts, or null on the last one. */
  readonly nextOffset: number | null;
}

/** What the `listCandidates` actor is asked for: a page of a product's gallery in one order, from `offset`. */
export interface GalleryListRequest {
  readonly productId: string;
  readonly sort: GallerySort;
  readonly offset: number;
}

/** What the `castVote` actor sends: this visitor's vote on a design (`none` withdraws it). */
export interface GalleryVoteRequest {
  readonly candidateId: string;
  readonly vote: 'up' | 'down' | 'none';
}

/** A gallery request that failed, in words for the visitor. */
export class GalleryError extends Error {
  override readonly name = 'GalleryError';
}

/** The designs shown so far, and where the next page starts (null: no more). */
export type GalleryListing = GalleryPageOfCandidates;

/** A vote waiting to be sent, with what to say once it is. */
interface PendingVote extends GalleryVoteRequest {
  readonly title: string;
}

/** Everything the gallery page holds. */
export interface GalleryContext {
  readonly productId: string;
  readonly sort: GallerySort;
  /** Null until the first page is in (and again after the order changed). */
  readonly listing: GalleryListing | null;
  /** Why the last request failed, in words; null when it did not. */
  readonly error: string | null;
  /** What just happened, for the polite live region. */
  readonly status: string;
  /** Votes in the order they were cast; the first is on its way. */
  readonly votes: readonly PendingVote[];
}

export type GalleryEvent =
  | { type: 'sort.change'; sort: GallerySort }
  | { type: 'listing.more' }
  /** An up (1) or down (-1) vote; the same again withdraws it. */
  | { type: 'candidate.vote'; candidateId: string; direction: 1 | -1 };

function failure(error: unknown, fallback: string): string {
  return error instanceof GalleryError ? error.message : fallback;
}

/** The listing with the next page added: a design that moved up between two pages is shown once. */
export function appendPage(listing: GalleryListing, page: GalleryPageOfCandidates): { listing: GalleryListing; added: number } {
  const shown = new Set(listing.candidates.map((candidate) => candidate.id));
  const added = page.candidates.filter((candidate) => !shown.has(candidate.id));
  return { listing: { candidates: [...listing.candidates, ...added], nextOffset: page.nextOffset }, added: added.length };
}

const notConnected = () => Promise.reject(new GalleryError('The community gallery is not connected in this page.'));

/**
 * The community gallery of one product: its designs a page at a time in the chosen order ("Show
 * more" appends the next page from `nextOffset`), and this visitor's votes, sent one after another.
 * The views provide the HTTP client as the `listCandidates` and `castVote` actors.
 */
export const galleryMachine = setup({
  types: {} as { context: GalleryContext; events: GalleryEvent; input: { productId: string; sort?: GallerySort } },
  actors: {
    listCandidates: fromPromise<GalleryPageOfCandidates, GalleryListRequest>(notConnected),
    castVote: fromPromise<GalleryCandidate, GalleryVoteRequest>(notConnected),
  },
  guards: {
    hasMore: ({ context }) => context.listing?.nextOffset != null,
    isShown: ({ context, event }) => {
      assertEvent(event, 'candidate.vote');
      return context.listing?.candidates.some((candidate) => candidate.id === event.candidateId) === true;
    },
    hasVoteToSend: ({ context }) => context.votes.length > 0,
  },
  actions: {
    setSort: assign(({ event }) => {
      assertEvent(event, 'sort.change');
      return { sort: event.sort, listing: null, error: null };
    }),
    showFirstPage: assign((_, { page }: { page: GalleryPageOfCandidates }) => ({ listing: page, error: null })),
    showNextPage: assign(({ context }, { page }: { page: GalleryPageOfCandidates }) => {
      const { listing, added } = appendPage(context.listing!, page);
      return { listing, error: null, status: `${added} more ${added === 1 ? 'design' : 'designs'} shown.` };
    }),
    queueVote: assign(({ context, event }) => {
      assertEvent(event, 'candidate.vote');
      const candidate = context.listing!.candidates.find((shown) => shown.id === event.candidateId)!;
      // The vote this visitor will have once the queue is sent: the last one queued, else the shown one.
      const queued = context.votes.filter((pending) => pending.candidateId === candidate.id).at(-1)?.vote;
      const current = queued === undefined ? candidate.myVote : queued === 'up' ? 1 : queued === 'down' ? -1 : 0;
      const vote = current === event.direction ? 'none' : event.direction === 1 ? 'up' : 'down';
      return { votes: [...context.votes, { candidateId: candidate.id, vote, title: candidate.title }] };
    }),
    recordVote: assign(({ context }, { candidate }: { candidate: GalleryCandidate }) => {
      const [sent, ...rest] = context.votes;
      const candidates = context.listing?.candidates.map((shown) => (shown.id === candidate.id ? candidate : shown));
      const status = sent!.vote === 'none' ? `Vote on ${sent!.title} withdrawn.` : `Voted ${sent!.vote} for ${sent!.title}: ${candidate.upVotes} up, ${candidate.downVotes} down.`;
      return { votes: rest, error: null, status, ...(context.listing && candidates ? { listing: { ...context.listing, candidates } } : {}) };
    }),
    dropVote: assign(({ context }, { error }: { error: unknown }) => ({ votes: context.votes.slice(1), error: failure(error, 'The vote could not be sent; try again.') })),
    showError: assign((_, { message }: { message: string }) => ({ error: message })),
  },
}).createMachine({
  id: 'gallery',
  context: ({ input }) => ({ productId: input.productId, sort: input.sort ?? 'top', listing: null, error: null, status: '', votes: [] }),
  on: {
    // A new order starts again from the first page; an answer for the old order is dropped.
    'sort.change': { target: '.loading', reenter: true, actions: 'setSort' },
  },
  initial: 'loading',
  states: {
    loading: {
      tags: ['loading'],
      invoke: {
        src: 'listCandidates',
        input: ({ context }) => ({ productId: context.productId, sort: context.sort, offset: 0 }),
        onDone: { target: 'ready', actions: { type: 'showFirstPage', params: ({ event }) => ({ page: event.output }) } },
        onError: { target: 'failed', actions: { type: 'showError', params: ({ event }) => ({ message: failure(event.error, 'The gallery could not be loaded; try again.') }) } },
      },
    },
    failed: {},
    ready: {
      type: 'parallel',
      states: {
        more: {
          initial: 'idle',
          states: {
            idle: { on: { 'listing.more': { guard: 'hasMore', target: 'loading' } } },
            loading: {
              tags: ['loadingMore'],
              invoke: {
                src: 'listCandidates',
                input: ({ context }) => ({ productId: context.productId, sort: context.sort, offset: context.listing!.nextOffset! }),
                onDone: { target: 'idle', actions: { type: 'showNextPage', params: ({ event }) => ({ page: event.output }) } },
                onError: { target: 'idle', actions: { type: 'showError', params: ({ event }) => ({ message: failure(event.error, 'More designs could not be loaded; try again.') }) } },
              },
            },
          },
        },
        voting: {
          initial: 'idle',
          on: { 'candidate.vote': { guard: 'isShown', actions: 'queueVote' } },
          states: {
            idle: { always: { guard: 'hasVoteToSend', target: 'sending' } },
            sending: {
              invoke: {
                src: 'castVote',
                input: ({ context }) => ({ candidateId: context.votes[0]!.candidateId, vote: context.votes[0]!.vote }),
                onDone: { target: 'idle', actions: { type: 'recordVote', params: ({ event }) => ({ candidate: event.output }) } },
                onError: { target: 'idle', actions: { type: 'dropVote', params: ({ event }) => ({ error: event.error }) } },
              },
            },
          },
        },
      },
    },
  },
});
