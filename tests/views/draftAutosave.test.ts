// The studio's autosave: saved once typing pauses, one save at a time, at once when the page is
// hidden, and never over another tab's save unseen. The server is a small stand-in that keeps one
// draft and checks the revision as the real route does (tests/server/studioDraftRoutes.test.ts
// tests the route itself); time is a clock the test moves.
import { describe, expect, it } from 'vitest';
import { AUTOSAVE_DELAY_MS, DraftAutosave, RETRY_MS, type AutosaveTimers, type DraftSaveRequest, type DraftSaveResult, type DraftTexts } from '../../src/views/staff/studio/draftAutosave.ts';

/** Timers run by hand: `advance` moves time and runs what comes due. */
class ManualTimers implements AutosaveTimers {
  private now = 0;
  private readonly due = new Map<number, { at: number; run: () => void }>();
  private next = 1;
  setTimeout(run: () => void, ms: number): unknown {
    const id = this.next++;
    this.due.set(id, { at: this.now + ms, run });
    return id;
  }
  clearTimeout(handle: unknown): void {
    this.due.delete(handle as number);
  }
  async advance(ms: number): Promise<void> {
    this.now += ms;
    for (const [id, timer] of [...this.due].sort((a, b) => a[1].at - b[1].at)) {
      if (timer.at > this.now) continue;
      this.due.delete(id);
      timer.run();
    }
    await settle();
  }
}

/** Lets pending promise callbacks run. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

/** One stored draft, saved only over the revision it has; saves wait until `answer()` when `held`. */
class DraftServer {
  stored: { revision: number; texts: DraftTexts; basedOn: string } | null = null;
  readonly requests: { request: DraftSaveRequest; keepalive: boolean }[] = [];
  held = false;
  down = false;
  private waiting: (() => void)[] = [];

  save = async (request: DraftSaveRequest, options: { keepalive: boolean }): Promise<DraftSaveResult> => {
    this.requests.push({ request, keepalive: options.keepalive });
    if (this.held) await new Promise<void>((resolve) => this.waiting.push(resolve));
    if (this.down) throw new Error('The shop could not be reached');
    return this.store(request);
  };

  /** Another tab saving. */
  store(request: DraftSaveRequest): DraftSaveResult {
    if ((this.stored?.revision ?? 0) !== request.revision) return { kind: 'changed', stored: this.stored && { revision: this.stored.revision, updatedAt: 'earlier' } };
    this.stored = { revision: request.revision + 1, texts: { product: request.product, rules: request.rules }, basedOn: request.basedOn };
    return { kind: 'saved', draft: { revision: this.stored.revision, updatedAt: `saved ${this.stored.revision}` } };
  }

  async answer(): Promise<void> {
    this.held = false;
    for (const resolve of this.waiting.splice(0)) resolve();
    await settle();
  }
}

function setUp(revision = 0) {
  const timers = new ManualTimers();
  const server = new DraftServer();
  const autosave = new DraftAutosave({ basedOn: 'v1', revision, save: server.save, timers });
  let text = '';
  const type = (more: string) => {
    text += more;
    const now = text;
    autosave.edited(() => ({ product: 'product', rules: now }));
  };
  return { timers, server, autosave, type };
}

describe('the studio\'s autosave', () => {
  describe('while typing', () => {
    it('saves once, a second after typing stops, as the first revision', async () => {
      const { timers, server, autosave, type } = setUp();
      for (const letter of 'knit') {
        type(letter);
        await timers.advance(AUTOSAVE_DELAY_MS - 100);
      }
      expect(server.requests).toHaveLength(0);
      expect(autosave.state.status).toBe('pending');
      await timers.advance(100);
      expect(server.requests.map(({ request }) => request)).toEqual([{ basedOn: 'v1', revision: 0, product: 'product', rules: 'knit' }]);
      expect(autosave.state).toEqual({ status: 'saved', updatedAt: 'saved 1', revision: 1 });
      type(' mesh');
      await timers.advance(AUTOSAVE_DELAY_MS);
      expect(server.requests.at(-1)!.request).toMatchObject({ revision: 1, rules: 'knit mesh' });
      expect(server.stored).toMatchObject({ revision: 2, texts: { rules: 'knit mesh' } });
    });

    it('saves a CSV table\'s edit with the draft, the tables as they are when the save is sent', async () => {
      const { timers, server, autosave } = setUp();
      let table = 'midsole.colour,outsole.colour\ngum,gum\n';
      const edited = () => autosave.edited(() => ({ product: 'product', rules: 'rules', tables: { 'sneaker.soles.csv': table } }));
      edited();
      table += 'chalk,gum\n';
      edited();
      await timers.advance(AUTOSAVE_DELAY_MS);
      expect(server.requests.map(({ request }) => request)).toEqual([{ basedOn: 'v1', revision: 0, product: 'product', rules: 'rules', tables: { 'sneaker.soles.csv': 'midsole.colour,outsole.colour\ngum,gum\nchalk,gum\n' } }]);
    });

    it('saves nothing when nothing was typed', async () => {
      const { timers, server, autosave } = setUp();
      autosave.flush();
      await timers.advance(10 * AUTOSAVE_DELAY_MS);
      expect(server.requests).toHaveLength(0);
      expect(autosave.state.status).toBe('idle');
    });

    it('keeps one save in flight, and saves what was typed meanwhile right after it, over the new revision', async () => {
      const { timers, server, autosave, type } = setUp();
      server.held = true;
      type('a');
      await timers.advance(AUTOSAVE_DELAY_MS);
      expect(autosave.state.status).toBe('saving');
      type('b');
      await timers.advance(AUTOSAVE_DELAY_MS);
      type('c');
      await timers.advance(AUTOSAVE_DELAY_MS);
      expect(server.requests).toHaveLength(1);
      await server.answer();
      expect(server.requests.map(({ request }) => [request.revision, request.rules])).toEqual([[0, 'a'], [1, 'abc']]);
      expect(server.stored).toMatchObject({ revision: 2, texts: { rules: 'abc' } });
      expect(autosave.state).toMatchObject({ status: 'saved', revision: 2 });
    });
  });

  describe('when the page is hidden', () => {
    it('saves at once, asking the browser to finish the request as the page closes', async () => {
      const { timers, server, autosave, type } = setUp();
      type('unsaved');
      autosave.flush({ keepalive: true });
      await settle();
      expect(server.requests).toEqual([{ request: expect.objectContaining({ rules: 'unsaved' }), keepalive: true }]);
      await timers.advance(AUTOSAVE_DELAY_MS);
      expect(server.requests).toHaveLength(1);
    });
  });

  describe('before publishing', () => {
    it('saves what was typed at once and waits for every save, so the stored draft is the text on the page', async () => {
      const { server, autosave, type } = setUp();
      expect(autosave.hasDraft).toBe(false);
      server.held = true;
      type('first');
      autosave.flush();
      type(' second');
      expect(autosave.hasDraft).toBe(true);
      const done = autosave.saved();
      await server.answer();
      expect(await done).toMatchObject({ status: 'saved', revision: 2 });
      expect(server.stored).toMatchObject({ texts: { rules: 'first second' } });
    });
  });

  describe('when another tab saved', () => {
    it('saves nothing more until told which text wins, then saves this one over the stored revision', async () => {
      const { timers, server, autosave, type } = setUp(1);
      server.stored = { revision: 1, texts: { product: 'product', rules: 'start' }, basedOn: 'v1' };
      server.store({ basedOn: 'v1', revision: 1, product: 'product', rules: 'other tab' });
      type('this tab');
      await timers.advance(AUTOSAVE_DELAY_MS);
      expect(autosave.state).toEqual({ status: 'changed', stored: { revision: 2, updatedAt: 'earlier' } });
      type(' and more');
      await timers.advance(10 * AUTOSAVE_DELAY_MS);
      expect(server.requests).toHaveLength(1);
      expect(server.stored).toMatchObject({ texts: { rules: 'other tab' } });

      autosave.keepMine();
      await settle();
      expect(server.requests.at(-1)!.request).toMatchObject({ revision: 2, rules: 'this tab and more' });
      expect(server.stored).toMatchObject({ revision: 3, texts: { rules: 'this tab and more' } });
      expect(autosave.state.status).toBe('saved');
    });

    it('starts a new draft when the other tab discarded it', async () => {
      const { timers, server, autosave, type } = setUp(4);
      type('x');
      await timers.advance(AUTOSAVE_DELAY_MS);
      expect(autosave.state).toEqual({ status: 'changed', stored: null });
      autosave.keepMine();
      await settle();
      expect(server.stored).toMatchObject({ revision: 1, texts: { rules: 'x' } });
    });
  });

  describe('when the shop cannot be reached', () => {
    it('says so, keeps the text, and tries again', async () => {
      const { timers, server, autosave, type } = setUp();
      server.down = true;
      type('kept');
      await timers.advance(AUTOSAVE_DELAY_MS);
      expect(autosave.state).toEqual({ status: 'failed', message: 'The shop could not be reached' });
      server.down = false;
      await timers.advance(RETRY_MS);
      expect(server.stored).toMatchObject({ revision: 1, texts: { rules: 'kept' } });
      expect(autosave.state.status).toBe('saved');
    });
  });

  describe('after the page opens other texts', () => {
    it('forgets what was unsaved and saves the next edit from the new version and revision', async () => {
      const { timers, server, autosave, type } = setUp();
      type('old');
      autosave.reset('v2', 0);
      await timers.advance(AUTOSAVE_DELAY_MS);
      expect(server.requests).toHaveLength(0);
      type(' new');
      await timers.advance(AUTOSAVE_DELAY_MS);
      expect(server.requests.at(-1)!.request).toMatchObject({ basedOn: 'v2', revision: 0, rules: 'old new' });
    });

    it('saves nothing after it stops', async () => {
      const { timers, server, autosave, type } = setUp();
      type('gone');
      autosave.stop();
      type(' more');
      await timers.advance(10 * AUTOSAVE_DELAY_MS);
      expect(server.requests).toHaveLength(0);
    });
  });
});
