// Uploading an artwork through the session: the machine starts the upload (the network is an
// in-process fake provided as the `uploadArtwork` actor), places what the shop accepted, and says
// why an upload failed. The rules and the t-shirt are the real ones.
import { describe, expect, it } from 'vitest';
import { createActor, fromPromise, waitFor } from 'xstate';
import { compileRules, type ArtworkMeta } from '../../src/domain/index.ts';
import { ArtworkUploadError, configuratorMachine, type ArtworkFile, type ArtworkUploadInput, type UploadedArtwork } from '../../src/machines/index.ts';
import { loadCatalogFromDisk } from '../../src/server/catalogFiles.ts';

const tshirt = loadCatalogFromDisk(process.cwd()).entries.find((candidate) => candidate.product.id === 'tshirt')!;
const space = compileRules(tshirt.product, tshirt.ruleSet);
const artwork: ArtworkMeta = { id: '0123456789abcdef', format: 'svg', widthPx: 400, heightPx: 200, vector: true, colours: 2, url: '/api/artworks/0123456789abcdef' };

function file(name: string, size = 2048): ArtworkFile {
  return { name, size, type: 'image/svg+xml', arrayBuffer: async () => new ArrayBuffer(size) };
}

/** A shop that answers uploads with `outcome`, and remembers what it received. */
function session(outcome: (input: ArtworkUploadInput) => UploadedArtwork | Error) {
  const received: ArtworkUploadInput[] = [];
  const machine = configuratorMachine.provide({
    actors: {
      uploadArtwork: fromPromise<UploadedArtwork, ArtworkUploadInput>(async ({ input }) => {
        received.push(input);
        const answer = outcome(input);
        if (answer instanceof Error) throw answer;
        return answer;
      }),
    },
  });
  const actor = createActor(machine, { input: { entry: tshirt, space } }).start();
  actor.send({ type: 'option.select', attribute: 'front.method', option: 'screen' });
  return { actor, received };
}

describe('uploading an artwork', () => {
  it('uploads the file, places the artwork the shop accepted, and keeps the shop\'s notes', async () => {
    const { actor, received } = session(() => ({ artwork, warnings: ['Removed a script from the SVG.'] }));
    actor.send({ type: 'artwork.upload', field: 'frontArtwork', file: file('logo.svg') });
    expect(actor.getSnapshot().context.uploads.get('frontArtwork')).toEqual({ state: 'uploading', fileName: 'logo.svg' });
    await waitFor(actor, (snapshot) => snapshot.context.uploads.get('frontArtwork')?.state === 'uploaded');
    expect(received.map((input) => input.file.name)).toEqual(['logo.svg']);
    const { context } = actor.getSnapshot();
    expect(context.uploads.get('frontArtwork')).toEqual({ state: 'uploaded', warnings: ['Removed a script from the SVG.'] });
    expect(context.history.present.personalisation?.frontArtwork).toBe(artwork.id);
    expect(context.summary.artwork.find((status) => status.field.id === 'frontArtwork')?.artwork?.id).toBe(artwork.id);
    expect(context.announcement).toMatch(/^Front artwork added\./);
    // One step back removes it, as if it had been attached by hand.
    actor.send({ type: 'history.undo' });
    expect(actor.getSnapshot().context.history.present.personalisation?.frontArtwork).toBeUndefined();
  });

  it('places nothing when the customer removed the artwork while it was on its way, and a new upload is not refused', async () => {
    const answers: Array<(answer: UploadedArtwork) => void> = [];
    const machine = configuratorMachine.provide({
      actors: {
        uploadArtwork: fromPromise<UploadedArtwork, ArtworkUploadInput>(() => new Promise((resolve) => answers.push(resolve))),
      },
    });
    const actor = createActor(machine, { input: { entry: tshirt, space } }).start();
    actor.send({ type: 'option.select', attribute: 'front.method', option: 'screen' });
    actor.send({ type: 'artwork.upload', field: 'frontArtwork', file: file('first.svg') });
    actor.send({ type: 'artwork.remove', field: 'frontArtwork' });
    expect(actor.getSnapshot().context.uploads.get('frontArtwork')).toBeUndefined();
    answers[0]!({ artwork, warnings: [] });
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(actor.getSnapshot().context.history.present.personalisation?.frontArtwork).toBeUndefined();
    expect(actor.getSnapshot().context.uploads.get('frontArtwork')).toBeUndefined();
    // The customer picks another file: it uploads and is placed.
    actor.send({ type: 'artwork.upload', field: 'frontArtwork', file: file('second.svg') });
    expect(answers).toHaveLength(2);
    answers[1]!({ artwork: { ...artwork, id: 'fedcba9876543210' }, warnings: [] });
    await waitFor(actor, (snapshot) => snapshot.context.uploads.get('frontArtwork')?.state === 'uploaded');
    expect(actor.getSnapshot().context.history.present.personalisation?.frontArtwork).toBe('fedcba9876543210');
  });

  it('says why the shop refused the file, and places nothing', async () => {
    const { actor } = session(() => new ArtworkUploadError('The file is not a PNG, JPEG or SVG.'));
    actor.send({ type: 'artwork.upload', field: 'frontArtwork', file: file('notes.txt') });
    await waitFor(actor, (snapshot) => snapshot.context.uploads.get('frontArtwork')?.state === 'failed');
    expect(actor.getSnapshot().context.uploads.get('frontArtwork')).toEqual({ state: 'failed', message: 'The file is not a PNG, JPEG or SVG.' });
    expect(actor.getSnapshot().context.announcement).toBe('The file is not a PNG, JPEG or SVG.');
    expect(actor.getSnapshot().context.history.present.personalisation).toBeUndefined();
  });

  it('refuses a file over the shop\'s limit without sending it', () => {
    const { actor, received } = session(() => ({ artwork, warnings: [] }));
    actor.send({ type: 'artwork.upload', field: 'frontArtwork', file: file('huge.png', 11 * 1024 * 1024) });
    expect(received).toEqual([]);
    expect(actor.getSnapshot().context.uploads.get('frontArtwork')).toEqual({ state: 'failed', message: '"huge.png" is 11.0 MB; the limit is 10 MB: export it smaller.' });
  });

  it('ignores an upload for a zone without a print method, and says so', () => {
    const { actor, received } = session(() => ({ artwork, warnings: [] }));
    actor.send({ type: 'artwork.upload', field: 'backArtwork', file: file('logo.svg') });
    expect(received).toEqual([]);
    expect(actor.getSnapshot().context.announcement).toMatch(/^Ignored artwork.upload/);
  });

  it('says uploading is not connected when no client is provided', async () => {
    const actor = createActor(configuratorMachine, { input: { entry: tshirt, space } }).start();
    actor.send({ type: 'option.select', attribute: 'front.method', option: 'screen' });
    actor.send({ type: 'artwork.upload', field: 'frontArtwork', file: file('logo.svg') });
    await waitFor(actor, (snapshot) => snapshot.context.uploads.get('frontArtwork')?.state === 'failed');
    expect(actor.getSnapshot().context.uploads.get('frontArtwork')).toEqual({ state: 'failed', message: expect.stringMatching(/not connected/) });
  });

  it('forgets the upload\'s notes when the artwork is removed', async () => {
    const { actor } = session(() => ({ artwork, warnings: ['Removed a script from the SVG.'] }));
    actor.send({ type: 'artwork.upload', field: 'frontArtwork', file: file('logo.svg') });
    await waitFor(actor, (snapshot) => snapshot.context.uploads.get('frontArtwork')?.state === 'uploaded');
    actor.send({ type: 'artwork.remove', field: 'frontArtwork' });
    expect(actor.getSnapshot().context.uploads.has('frontArtwork')).toBe(false);
  });
});
