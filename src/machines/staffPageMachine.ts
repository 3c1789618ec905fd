import { assertEvent, assign, fromPromise, setup } from 'xstate';
import { StaffRequestError, staffFailure, type StaffFailure } from './staffRequestError.ts';

/** What a page's `change` actor answers: what came back (e.g. a secret shown once) and what to announce. */
export interface StaffChangeDone<Outcome> {
  readonly outcome: Outcome;
  /** What happened, in a sentence for the polite live region, e.g. "Account ada@shop.example added." */
  readonly said: string;
}

/** Everything a staff page holds. */
export interface StaffPageContext<Query, Data, Outcome> {
  /** What the page shows: e.g. the audit log before an entry, the designs in an order. */
  readonly query: Query;
  /** Null until the first answer for the query is in. */
  readonly data: Data | null;
  /** Why the last load or change failed (with the fields at fault); null when it did not. */
  readonly error: StaffFailure | null;
  /** Bumped by every failure, so the page moves focus to its alert each time. */
  readonly failures: number;
  /** The last change's answer, until it is dismissed (a secret is shown once, then gone). */
  readonly outcome: Outcome | null;
  /** Bumped by every change made, so a form can start empty again. */
  readonly changes: number;
  /** What just happened, for the polite live region. */
  readonly status: string;
}

/** A staff page's events. */
export type StaffPageEvent<Query, Change> =
  | { type: 'page.reload' }
  /** Show something else: starts again from no data. */
  | { type: 'page.query'; query: Query }
  | { type: 'change.submit'; change: Change }
  | { type: 'outcome.dismiss' };

const notConnected = () => Promise.reject(new StaffRequestError('This staff page is not connected.', 'not_connected'));

// XState cannot type an invoked actor's input that is a type parameter (its config types are
// conditional on the input and stay unresolved), so the actors take their query or change
// wrapped, as `unknown`, and `staffPageActors` unwraps them with the page's types. The machine
// only ever passes the query of its context and the change of a typed `change.submit` event.

/** What the `load` actor receives: the page's query. */
export interface StaffPageLoad {
  readonly query: unknown;
}

/** What the `change` actor receives: the change submitted. */
export interface StaffPageChange {
  readonly change: unknown;
}

/** How a page reads its data and makes its changes: the staff API client's functions. */
export interface StaffPageConnection<Query, Data, Change, Outcome> {
  readonly load: (query: Query) => Promise<Data>;
  /** Left out by a page that only reads. */
  readonly change?: (change: Change) => Promise<StaffChangeDone<Outcome>>;
}

/**
 * The `load` and `change` actors of a page machine made by {@link createStaffPageMachine} with the
 * same types, for its `.provide({ actors })`.
 *
 * @example accountsPage.provide({ actors: staffPageActors({ load: () => listAccounts(connection), change: (change) => … }) })
 */
export function staffPageActors<Query, Data, Change, Outcome>(connection: StaffPageConnection<Query, Data, Change, Outcome>) {
  return {
    load: fromPromise<Data, StaffPageLoad>(({ input }) => connection.load(input.query as Query)),
    change: fromPromise<StaffChangeDone<Outcome>, StaffPageChange>(({ input }) => (connection.change ? connection.change(input.change as Change) : notConnected())),
  };
}

/**
 * A machine for one staff page that reads a resource and changes it: `loading` (tag `loading`)
 * the data for the query, `failed`, or `ready`, where `change.submit` sends one change at a time
 * (`changing`, tag `busy`) and then reads the data again (`refreshing`), keeping what is shown.
 * A refused change keeps the data and says why, with the fields at fault; a new query
 * (`page.query`) drops an answer for the old one. The page provides the `load` and `change`
 * actors (the staff API client) with `.provide()`; the type parameters name what they carry.
 *
 * @example
 * const accountsPage = createStaffPageMachine<null, readonly StaffAccount[], AccountChange, StaffAccount>();
 * useActorRef(accountsPage.provide({ actors: staffPageActors({ load: () => listAccounts(connection), change: … }) }), { input: { query: null } });
 */
export function createStaffPageMachine<Query, Data, Change, Outcome>() {
  return setup({
    types: {} as { context: StaffPageContext<Query, Data, Outcome>; events: StaffPageEvent<Query, Change>; input: { query: Query } },
    actors: {
      load: fromPromise<Data, StaffPageLoad>(notConnected),
      change: fromPromise<StaffChangeDone<Outcome>, StaffPageChange>(notConnected),
    },
    actions: {
      showData: assign((_, { data }: { data: Data }) => ({ data })),
      fail: assign(({ context }, { error, fallback }: { error: unknown; fallback: string }) => ({ error: staffFailure(error, fallback), failures: context.failures + 1 })),
      setQuery: assign(({ event }) => {
        assertEvent(event, 'page.query');
        return { query: event.query, data: null, error: null };
      }),
      startChange: assign({ error: null, status: '' }),
      recordChange: assign(({ context }, { done }: { done: StaffChangeDone<Outcome> }) => ({ outcome: done.outcome, status: done.said, changes: context.changes + 1 })),
      dismissOutcome: assign({ outcome: null }),
    },
  }).createMachine({
    id: 'staffPage',
    context: ({ input }) => ({ query: input.query, data: null, error: null, failures: 0, outcome: null, changes: 0, status: '' }),
    on: {
      'page.query': { target: '.loading', reenter: true, actions: 'setQuery' },
      'outcome.dismiss': { actions: 'dismissOutcome' },
    },
    initial: 'loading',
    states: {
      loading: {
        tags: ['loading'],
        invoke: {
          src: 'load',
          input: ({ context }) => ({ query: context.query }),
          onDone: { target: 'ready', actions: { type: 'showData', params: ({ event }) => ({ data: event.output }) } },
          onError: { target: 'failed', actions: { type: 'fail', params: ({ event }) => ({ error: event.error, fallback: 'The page could not be loaded; try again.' }) } },
        },
      },
      failed: {
        on: { 'page.reload': 'loading' },
      },
      ready: {
        initial: 'idle',
        states: {
          idle: {
            on: {
              'change.submit': { target: 'changing', actions: 'startChange' },
              'page.reload': 'refreshing',
            },
          },
          changing: {
            tags: ['busy'],
            invoke: {
              src: 'change',
              input: ({ event }) => {
                assertEvent(event, 'change.submit');
                return { change: event.change };
              },
              onDone: { target: 'refreshing', actions: { type: 'recordChange', params: ({ event }) => ({ done: event.output }) } },
              onError: { target: 'idle', actions: { type: 'fail', params: ({ event }) => ({ error: event.error, fallback: 'The change could not be made; try again.' }) } },
            },
          },
          refreshing: {
            tags: ['refreshing'],
            invoke: {
              src: 'load',
              input: ({ context }) => ({ query: context.query }),
              onDone: { target: 'idle', actions: { type: 'showData', params: ({ event }) => ({ data: event.output }) } },
              onError: { target: 'idle', actions: { type: 'fail', params: ({ event }) => ({ error: event.error, fallback: 'The page could not be brought up to date; reload it.' }) } },
            },
          },
        },
      },
    },
  });
}

/** The machine {@link createStaffPageMachine} makes for these types. */
export type StaffPageMachine<Query, Data, Change, Outcome> = ReturnType<typeof createStaffPageMachine<Query, Data, Change, Outcome>>;
