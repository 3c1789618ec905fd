// A staff page's machine: its data for a query, one change at a time then the data read again, a
// refusal with the fields at fault, and a new query that drops the old answer. The network is an
// in-process fake of a list the page changes; the machine is the real one.
import { describe, expect, it } from 'vitest';
import { createActor, waitFor } from 'xstate';
import { createStaffPageMachine, StaffRequestError, staffPageActors, type StaffChangeDone } from '../../src/machines/index.ts';

type Shelf = 'a' | 'b';
const listPage = createStaffPageMachine<Shelf, readonly string[], string, number>();

/** Two shelves of names; adding a name that is there already is refused for its field, as the server does. */
function fakeList(options: { failLoad?: (shelf: Shelf) => Error | undefined; slow?: Shelf } = {}) {
  const shelves: Record<Shelf, string[]> = { a: ['ada'], b: ['grace', 'hedy'] };
  const loads: Shelf[] = [];
  const release: (() => void)[] = [];
  const machine = listPage.provide({
    actors: staffPageActors<Shelf, readonly string[], string, number>({
      load: async (shelf) => {
        loads.push(shelf);
        const failure = options.failLoad?.(shelf);
        if (failure) throw failure;
        if (options.slow === shelf) await new Promise<void>((resolve) => release.push(resolve));
        return [...shelves[shelf]];
      },
      change: async (name): Promise<StaffChangeDone<number>> => {
        if (shelves.a.includes(name)) throw new StaffRequestError(`${name} is there already. Choose another name.`, 'email_taken', [{ path: 'email', message: `${name} is there already`, hint: 'choose another name' }]);
        shelves.a.push(name);
        return { outcome: shelves.a.length, said: `${name} added.` };
      },
    }),
  });
  const actor = createActor(machine, { input: { query: 'a' as Shelf } }).start();
  return { actor, loads, shelves, release };
}

const idle = (actor: ReturnType<typeof fakeList>['actor']) => waitFor(actor, (snapshot) => snapshot.matches({ ready: 'idle' }) || snapshot.matches('failed'));

describe('loading', () => {
  it('reads the data of its query', async () => {
    const { actor, loads } = fakeList();
    expect(actor.getSnapshot().hasTag('loading')).toBe(true);
    await idle(actor);
    expect(loads).toEqual(['a']);
    expect(actor.getSnapshot().context.data).toEqual(['ada']);
  });

  it('says why the data could not be loaded, and tries again when asked', async () => {
    let fail = true;
    const { actor } = fakeList({ failLoad: () => (fail ? new StaffRequestError('The shop could not be reached.', 'unreachable') : undefined) });
    await idle(actor);
    expect(actor.getSnapshot().matches('failed')).toBe(true);
    expect(actor.getSnapshot().context).toMatchObject({ error: { message: 'The shop could not be reached.', code: 'unreachable' }, failures: 1 });
    fail = false;
    actor.send({ type: 'page.reload' });
    await idle(actor);
    expect(actor.getSnapshot().context.data).toEqual(['ada']);
  });

  it('shows another query from no data, and drops an answer for the old one', async () => {
    const { actor, release } = fakeList({ slow: 'b' });
    await idle(actor);
    actor.send({ type: 'page.query', query: 'b' });
    expect(actor.getSnapshot().context.data).toBeNull();
    actor.send({ type: 'page.query', query: 'a' });
    release.forEach((resolve) => resolve());
    await idle(actor);
    expect(actor.getSnapshot().context).toMatchObject({ query: 'a', data: ['ada'] });
  });
});

describe('changing', () => {
  it('sends a change, says what it did, keeps its outcome until dismissed, and reads the data again', async () => {
    const { actor, loads } = fakeList();
    await idle(actor);
    actor.send({ type: 'change.submit', change: 'grace' });
    expect(actor.getSnapshot().hasTag('busy')).toBe(true);
    // One change at a time.
    expect(actor.getSnapshot().can({ type: 'change.submit', change: 'hedy' })).toBe(false);
    const refreshing = await waitFor(actor, (snapshot) => snapshot.hasTag('refreshing'));
    // The data shown stays while it is read again.
    expect(refreshing.context.data).toEqual(['ada']);
    await idle(actor);
    expect(loads).toEqual(['a', 'a']);
    expect(actor.getSnapshot().context).toMatchObject({ data: ['ada', 'grace'], outcome: 2, status: 'grace added.', changes: 1, error: null });
    actor.send({ type: 'outcome.dismiss' });
    expect(actor.getSnapshot().context.outcome).toBeNull();
  });

  it('keeps the data and names the field at fault when a change is refused', async () => {
    const { actor } = fakeList();
    await idle(actor);
    actor.send({ type: 'change.submit', change: 'ada' });
    await idle(actor);
    expect(actor.getSnapshot().context).toMatchObject({
      data: ['ada'],
      changes: 0,
      failures: 1,
      error: { message: 'ada is there already. Choose another name.', code: 'email_taken', problems: [{ path: 'email', message: 'ada is there already', hint: 'choose another name' }] },
    });
    // The next change clears the old reason as it starts.
    actor.send({ type: 'change.submit', change: 'hedy' });
    expect(actor.getSnapshot().context.error).toBeNull();
  });

  it('refuses changes on a page that only reads', async () => {
    const readOnly = createStaffPageMachine<null, readonly string[], never, never>().provide({ actors: staffPageActors<null, readonly string[], never, never>({ load: async () => ['x'] }) });
    const actor = createActor(readOnly, { input: { query: null } }).start();
    await waitFor(actor, (snapshot) => snapshot.matches({ ready: 'idle' }));
    actor.send({ type: 'change.submit', change: undefined as never });
    await waitFor(actor, (snapshot) => snapshot.context.failures === 1);
    expect(actor.getSnapshot().context.error?.message).toBe('This staff page is not connected.');
  });
});
