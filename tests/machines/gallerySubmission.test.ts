// The gallery submission machine checks what it sends with the server's own schema and title rule.
import { describe, expect, it } from 'vitest';
import { createActor, fromPromise } from 'xstate';
import { compileRules, createDesignDocument, resolveDesign, type CatalogEntry } from '../../src/domain/index.ts';
import { gallerySubmissionMachine, titleProblem, type GallerySubmission, type SubmittedCandidate } from '../../src/machines/index.ts';
import { loadCatalogFromDisk } from '../../src/server/catalogFiles.ts';

const entry: CatalogEntry = loadCatalogFromDisk(process.cwd()).entries.find((candidate) => candidate.product.id === 'sneaker')!;
const space = compileRules(entry.product, entry.ruleSet);
const design = createDesignDocument(entry.product.id, entry.rulesVersion, resolveDesign(space, entry.ruleSet, {}).assignment, []);

function gallery(remixOf: string | null = null) {
  const received: GallerySubmission[] = [];
  const machine = gallerySubmissionMachine.provide({
    actors: {
      submitCandidate: fromPromise<SubmittedCandidate, GallerySubmission>(async ({ input }) => {
        received.push(input);
        return { id: 'candidate-id', joined: false };
      }),
    },
  });
  return { actor: createActor(machine, { input: { design, remixOf } }).start(), received };
}

describe('submitting to the gallery', () => {
  it('counts the title as the server does: cleaned, in graphemes', () => {
    expect(titleProblem(' \u200B ')).toBe('Give your design a name.');
    expect(titleProblem('👟'.repeat(60))).toBeUndefined();
    expect(titleProblem('👟'.repeat(61))).toBe('Shorten the name to 60 characters (it has 61).');
    expect(titleProblem('\u0301'.repeat(401))).toMatch(/too many accents/);
  });

  it('sends a named design', () => {
    const { actor, received } = gallery();
    actor.send({ type: 'title.change', title: ' Midnight runner ' });
    actor.send({ type: 'submit' });
    expect(received).toEqual([{ design, title: 'Midnight runner' }]);
  });

  it('does not send what the server would refuse for its shape, in the server\'s words', () => {
    const { actor, received } = gallery('not-a-candidate-id');
    actor.send({ type: 'title.change', title: 'Midnight runner' });
    actor.send({ type: 'submit' });
    expect(received).toHaveLength(0);
    expect(actor.getSnapshot().context.error).toBe('The design cannot be sent: remixOf: "remixOf" must be the id of a gallery candidate (a UUID), not the text "not-a-candidate-id". Send the "id" of the candidate the design was started from, or leave "remixOf" out.');
  });
});
