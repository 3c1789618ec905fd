// The gallery submission's optional credit: a name to credit and a private email, sent only when
// given, and an email without a name refused before sending, in the server's words.
import { describe, expect, it } from 'vitest';
import { createActor, fromPromise } from 'xstate';
import { compileRules, createDesignDocument, resolveDesign, type CatalogEntry } from '../../src/domain/index.ts';
import { gallerySubmissionMachine, type GallerySubmission, type SubmittedCandidate } from '../../src/machines/index.ts';
import { loadCatalogFromDisk } from '../../src/server/catalogFiles.ts';

const entry: CatalogEntry = loadCatalogFromDisk(process.cwd()).entries.find((candidate) => candidate.product.id === 'sneaker')!;
const design = createDesignDocument(entry.product.id, entry.rulesVersion, resolveDesign(compileRules(entry.product, entry.ruleSet), entry.ruleSet, {}).assignment, []);

function submit(creator: { creatorName?: string; creatorEmail?: string }) {
  const received: GallerySubmission[] = [];
  const machine = gallerySubmissionMachine.provide({
    actors: { submitCandidate: fromPromise<SubmittedCandidate, GallerySubmission>(async ({ input }) => (received.push(input), { id: 'c', joined: false })) },
  });
  const actor = createActor(machine, { input: { design } }).start();
  actor.send({ type: 'title.change', title: 'Night runner' });
  actor.send({ type: 'creator.change', ...creator });
  actor.send({ type: 'submit' });
  return { received, error: actor.getSnapshot().context.error };
}

describe('crediting the creator of a gallery design', () => {
  it('sends the name and email when given, trimmed, and nothing of them when left empty', () => {
    expect(submit({ creatorName: ' Ada L. ', creatorEmail: ' ada@example.org ' }).received).toEqual([{ design, title: 'Night runner', creatorName: 'Ada L.', creatorEmail: 'ada@example.org' }]);
    expect(submit({ creatorName: '  ', creatorEmail: '' }).received).toEqual([{ design, title: 'Night runner' }]);
  });

  it('refuses an email without a name before sending, saying what to do', () => {
    const { received, error } = submit({ creatorEmail: 'ada@example.org' });
    expect(received).toEqual([]);
    expect(error).toMatch(/needs a name/);
  });
});
