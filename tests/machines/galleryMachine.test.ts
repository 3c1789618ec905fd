// The community gallery's session: pages of designs per product and order, votes, failures in
// words. The network is an in-process fake of the gallery's API; the machine is the real one.
import { describe, expect, it } from 'vitest';
import { createActor, fromPromise, waitFor } from 'xstate';
import {
  GalleryError, galleryMachine, type GalleryCandidate, type GalleryListRequest, type GalleryPageOfCandidates, type GalleryVoteRequest,
} from '../../src/machines/index.ts';

function candidate(id: string, overrides: Partial<GalleryCandidate> = {}): GalleryCandidate {
  return {
    id, productId: 'sneaker', title: `Design ${id}`, design: { choices: {} }, thumbnailUrl: `/api/candidates/${id}/thumbnail.png`,
    upVotes: 0, downVotes: 0, score: 0, orders: 0, remixes: 0, remixOf: null, createdAt: '2026-11-25T12:00:00Z', myVote: 0, orderableAsIs: true, ...overrides,
  };
}

/** A gallery of `count` designs per order, answered a page of `pageSize` at a time; votes are counted as the server would. */
function fakeGallery(options: { count?: number; pageSize?: number; failList?: (request: GalleryListRequest) => Error | undefined; failVote?: Error } = {}) {
  const { count = 5, pageSize = 2 } = options;
  const lists: GalleryListRequest[] = [];
  const votes: GalleryVoteRequest[] = [];
  const stored = new Map(Array.from({ length: count }, (_, index) => [`c${index}`, candidate(`c${index}`)]));
  const machine = galleryMachine.provide({
    actors: {
      listCandidates: fromPromise<GalleryPageOfCandidates, GalleryListRequest>(async ({ input }) => {
        lists.push(input);
        const failure = options.failList?.(input);
        if (failure) throw failure;
        const all = [...stored.values()];
        const ordered = input.sort === 'newest' ? all.reverse() : all;
        const end = input.offset + pageSize;
        return { candidates: ordered.slice(input.offset, end), nextOffset: end < ordered.length ? end : null };
      }),
      castVote: fromPromise<GalleryCandidate, GalleryVoteRequest>(async ({ input }) => {
        votes.push(input);
        if (options.failVote) throw options.failVote;
        const before = stored.get(input.candidateId)!;
        const myVote = input.vote === 'up' ? 1 : input.vote === 'down' ? -1 : 0;
        const updated = {
          ...before, myVote,
          upVotes: before.upVotes - (before.myVote === 1 ? 1 : 0) + (myVote === 1 ? 1 : 0),
          downVotes: before.downVotes - (before.myVote === -1 ? 1 : 0) + (myVote === -1 ? 1 : 0),
        } as const;
        stored.set(updated.id, updated);
        return updated;
      }),
    },
  });
  const actor = createActor(machine, { input: { productId: 'sneaker' } }).start();
  return { actor, lists, votes, stored };
}

const ids = (actor: ReturnType<typeof fakeGallery>['actor']) => actor.getSnapshot().context.listing?.candidates.map((shown) => shown.id);

describe('listing', () => {
  it('loads the first page of the top designs of the product', async () => {
    const { actor, lists } = fakeGallery();
    expect(actor.getSnapshot().context.listing).toBeNull();
    expect(actor.getSnapshot().hasTag('loading')).toBe(true);
    await waitFor(actor, (snapshot) => snapshot.context.listing !== null);
    expect(lists).toEqual([{ productId: 'sneaker', sort: 'top', offset: 0 }]);
    expect(ids(actor)).toEqual(['c0', 'c1']);
    expect(actor.getSnapshot().context.listing?.nextOffset).toBe(2);
  });

  it('shows more from the next offset, each design once, until the last page', async () => {
    const { actor, lists, stored } = fakeGallery();
    await waitFor(actor, (snapshot) => snapshot.context.listing !== null);
    // A design that moves up between two pages is shown once: c1 is on the second page too now.
    const reordered = new Map([['c0', stored.get('c0')!], ['c2', stored.get('c2')!], ['c1', stored.get('c1')!], ['c3', stored.get('c3')!], ['c4', stored.get('c4')!]]);
    stored.clear();
    for (const [id, shown] of reordered) stored.set(id, shown);
    actor.send({ type: 'listing.more' });
    expect(actor.getSnapshot().hasTag('loadingMore')).toBe(true);
    await waitFor(actor, (snapshot) => !snapshot.hasTag('loadingMore'));
    expect(lists.at(-1)).toEqual({ productId: 'sneaker', sort: 'top', offset: 2 });
    expect(ids(actor)).toEqual(['c0', 'c1', 'c3']);
    expect(actor.getSnapshot().context.status).toBe('1 more design shown.');
    actor.send({ type: 'listing.more' });
    await waitFor(actor, (snapshot) => snapshot.context.listing?.nextOffset === null);
    expect(ids(actor)).toEqual(['c0', 'c1', 'c3', 'c4']);
    expect(actor.getSnapshot().can({ type: 'listing.more' })).toBe(false);
  });

  it('starts again from the first page when the order changes, and drops an answer for the old order', async () => {
    const { actor, lists } = fakeGallery();
    actor.send({ type: 'sort.change', sort: 'newest' });
    await waitFor(actor, (snapshot) => snapshot.context.listing !== null);
    expect(lists.map((request) => request.sort)).toEqual(['top', 'newest']);
    expect(actor.getSnapshot().context.sort).toBe('newest');
    expect(ids(actor)).toEqual(['c4', 'c3']);
  });

  it('says why the gallery could not be loaded, in the client\'s words or in its own', async () => {
    const { actor } = fakeGallery({ failList: () => new GalleryError('The gallery could not be reached: check your connection and try again.') });
    await waitFor(actor, (snapshot) => snapshot.context.error !== null);
    expect(actor.getSnapshot().context.error).toBe('The gallery could not be reached: check your connection and try again.');
    const other = fakeGallery({ failList: () => new Error('boom') });
    await waitFor(other.actor, (snapshot) => snapshot.context.error !== null);
    expect(other.actor.getSnapshot().context.error).toBe('The gallery could not be loaded; try again.');
  });

  it('keeps the designs shown when more cannot be loaded', async () => {
    const { actor } = fakeGallery({ failList: (request) => (request.offset > 0 ? new Error('boom') : undefined) });
    await waitFor(actor, (snapshot) => snapshot.context.listing !== null);
    actor.send({ type: 'listing.more' });
    await waitFor(actor, (snapshot) => snapshot.context.error !== null);
    expect(actor.getSnapshot().context.error).toBe('More designs could not be loaded; try again.');
    expect(ids(actor)).toEqual(['c0', 'c1']);
  });
});

describe('voting', () => {
  it('votes up, withdraws with a second click on the same button, and says so', async () => {
    const { actor, votes } = fakeGallery();
    await waitFor(actor, (snapshot) => snapshot.context.listing !== null);
    actor.send({ type: 'candidate.vote', candidateId: 'c1', direction: 1 });
    await waitFor(actor, (snapshot) => snapshot.context.listing?.candidates[1]?.myVote === 1);
    expect(actor.getSnapshot().context.listing?.candidates[1]?.upVotes).toBe(1);
    expect(actor.getSnapshot().context.status).toBe('Voted up for Design c1: 1 up, 0 down.');
    actor.send({ type: 'candidate.vote', candidateId: 'c1', direction: 1 });
    await waitFor(actor, (snapshot) => snapshot.context.listing?.candidates[1]?.myVote === 0);
    expect(actor.getSnapshot().context.status).toBe('Vote on Design c1 withdrawn.');
    expect(votes).toEqual([{ candidateId: 'c1', vote: 'up' }, { candidateId: 'c1', vote: 'none' }]);
  });

  it('reads two quick clicks on the same button as a vote and its withdrawal, before the first answer', async () => {
    const { actor, votes } = fakeGallery();
    await waitFor(actor, (snapshot) => snapshot.context.listing !== null);
    actor.send({ type: 'candidate.vote', candidateId: 'c1', direction: 1 });
    actor.send({ type: 'candidate.vote', candidateId: 'c1', direction: 1 });
    await waitFor(actor, (snapshot) => snapshot.context.votes.length === 0);
    expect(votes).toEqual([{ candidateId: 'c1', vote: 'up' }, { candidateId: 'c1', vote: 'none' }]);
    expect(actor.getSnapshot().context.listing?.candidates[1]?.myVote).toBe(0);
  });

  it('sends votes on several designs one after another, none lost', async () => {
    const { actor, votes } = fakeGallery();
    await waitFor(actor, (snapshot) => snapshot.context.listing !== null);
    actor.send({ type: 'candidate.vote', candidateId: 'c0', direction: 1 });
    actor.send({ type: 'candidate.vote', candidateId: 'c1', direction: -1 });
    await waitFor(actor, (snapshot) => snapshot.context.listing?.candidates[1]?.myVote === -1);
    expect(votes).toEqual([{ candidateId: 'c0', vote: 'up' }, { candidateId: 'c1', vote: 'down' }]);
    expect(actor.getSnapshot().context.listing?.candidates[0]?.myVote).toBe(1);
  });

  it('ignores a vote on a design it does not show, and says why a vote failed', async () => {
    const { actor, votes } = fakeGallery({ failVote: new GalleryError('Your vote needs the gallery\'s cookie.') });
    await waitFor(actor, (snapshot) => snapshot.context.listing !== null);
    actor.send({ type: 'candidate.vote', candidateId: 'c9', direction: 1 });
    expect(votes).toEqual([]);
    actor.send({ type: 'candidate.vote', candidateId: 'c0', direction: 1 });
    await waitFor(actor, (snapshot) => snapshot.context.error !== null);
    expect(actor.getSnapshot().context.error).toBe('Your vote needs the gallery\'s cookie.');
    expect(actor.getSnapshot().context.listing?.candidates[0]?.myVote).toBe(0);
  });
});

it('says the gallery is not connected when no client is provided', async () => {
  const actor = createActor(galleryMachine, { input: { productId: 'sneaker' } }).start();
  await waitFor(actor, (snapshot) => snapshot.context.error !== null);
  expect(actor.getSnapshot().context.error).toMatch(/not connected/);
});
