import { assertEvent, assign, fromPromise, setup } from 'xstate';
import { pagesFor, type StaffAccount } from '../domain/index.ts';
import type { StaffCredentials, StaffSession } from './staffRecords.ts';
import { StaffRequestError, staffFailure, type StaffFailure } from './staffRequestError.ts';

/** What the session and login endpoints answer: the account and its CSRF token. */
export interface StaffSignIn {
  readonly account: StaffAccount;
  readonly csrfToken: string;
}

/** What "sign out everywhere" answers: how many sessions it ended, this one included. */
export interface StaffSignOutEverywhere {
  readonly ended: number;
}

/** Everything the staff area's session holds. */
export interface StaffSessionContext {
  /** Null while signed out (and while the session is being checked). */
  readonly session: StaffSession | null;
  /** Why the last sign-in failed; null when it did not. */
  readonly loginError: StaffFailure | null;
  /** Bumped by every failed sign-in, so the form moves focus to the error each time. */
  readonly loginFailures: number;
  /** Bumped by every sign-in and sign-out made on this page (not by the session found at load), so the page moves focus to its new heading. */
  readonly sessionChanges: number;
  /** Why the session could not be checked, or a sign-out failed; null when nothing failed. */
  readonly error: string | null;
  /** What just happened, for the polite live region. */
  readonly status: string;
}

/** The staff session's events. */
export type StaffSessionEvent =
  | ({ type: 'login.submit' } & StaffCredentials)
  | { type: 'logout' }
  | { type: 'logout.everywhere' }
  /** A page's request found the session gone (expired, or ended on another device). */
  | { type: 'session.ended' };

const notConnected = () => Promise.reject(new StaffRequestError('The staff area is not connected in this page.', 'not_connected'));

function isNotSignedIn(error: unknown): boolean {
  return error instanceof StaffRequestError && error.code === 'not_signed_in';
}

/** The session of an answer: the pages come from the domain's table of roles, the one home of that rule. */
function sessionOf(answer: StaffSignIn): StaffSession {
  return { account: answer.account, csrfToken: answer.csrfToken, pages: pagesFor(answer.account.roles) };
}

/**
 * A staff member's session in the staff area: `checking` the session cookie at load, `signedOut`
 * (the login form; `signingIn` while the credentials are on their way, the failure in words) and
 * `signedIn` (account, CSRF token, the pages the roles open; `logout` and `logout.everywhere`).
 * The requests are `fromPromise` placeholders the staff app provides with `.provide()`:
 * `readSession`, `logIn`, `logOut` and `logOutEverywhere`.
 */
export const staffSessionMachine = setup({
  types: {} as { context: StaffSessionContext; events: StaffSessionEvent },
  actors: {
    readSession: fromPromise<StaffSignIn, void>(notConnected),
    logIn: fromPromise<StaffSignIn, StaffCredentials>(notConnected),
    logOut: fromPromise<void, { csrfToken: string }>(notConnected),
    logOutEverywhere: fromPromise<StaffSignOutEverywhere, { csrfToken: string }>(notConnected),
  },
  guards: {
    notSignedIn: (_, { error }: { error: unknown }) => isNotSignedIn(error),
  },
  actions: {
    startSession: assign(({ context }, { answer, signedInHere }: { answer: StaffSignIn; signedInHere: boolean }) => ({
      session: sessionOf(answer),
      loginError: null,
      error: null,
      sessionChanges: context.sessionChanges + (signedInHere ? 1 : 0),
      status: signedInHere ? `Signed in as ${answer.account.email}.` : '',
    })),
    endSession: assign(({ context }, { status }: { status: string }) => ({ session: null, error: null, status, sessionChanges: context.sessionChanges + 1 })),
    clearLoginError: assign({ loginError: null, status: '' }),
    refuseLogin: assign(({ context }, { error }: { error: unknown }) => ({
      loginError: staffFailure(error, 'Signing in failed; try again.'),
      loginFailures: context.loginFailures + 1,
    })),
    showError: assign((_, { message }: { message: string }) => ({ error: message })),
  },
}).createMachine({
  id: 'staffSession',
  context: { session: null, loginError: null, loginFailures: 0, sessionChanges: 0, error: null, status: '' },
  initial: 'checking',
  states: {
    checking: {
      tags: ['busy'],
      invoke: {
        src: 'readSession',
        onDone: { target: 'signedIn', actions: { type: 'startSession', params: ({ event }) => ({ answer: event.output, signedInHere: false }) } },
        onError: [
          { guard: { type: 'notSignedIn', params: ({ event }) => ({ error: event.error }) }, target: 'signedOut' },
          {
            target: 'signedOut',
            actions: { type: 'showError', params: ({ event }) => ({ message: staffFailure(event.error, 'Your session could not be checked; sign in.').message }) },
          },
        ],
      },
    },
    signedOut: {
      initial: 'idle',
      states: {
        idle: {
          on: { 'login.submit': { target: 'signingIn', actions: 'clearLoginError' } },
        },
        signingIn: {
          tags: ['busy'],
          invoke: {
            src: 'logIn',
            input: ({ event }) => {
              assertEvent(event, 'login.submit');
              return { email: event.email, password: event.password };
            },
            onDone: { target: '#staffSession.signedIn', actions: { type: 'startSession', params: ({ event }) => ({ answer: event.output, signedInHere: true }) } },
            onError: { target: 'idle', actions: { type: 'refuseLogin', params: ({ event }) => ({ error: event.error }) } },
          },
        },
      },
    },
    signedIn: {
      initial: 'idle',
      on: {
        'session.ended': { target: 'signedOut', actions: { type: 'endSession', params: { status: 'Your session has ended: sign in again.' } } },
      },
      states: {
        idle: {
          on: {
            logout: 'signingOut',
            'logout.everywhere': 'signingOutEverywhere',
          },
        },
        signingOut: {
          tags: ['busy'],
          invoke: {
            src: 'logOut',
            input: ({ context }) => ({ csrfToken: context.session!.csrfToken }),
            onDone: { target: '#staffSession.signedOut', actions: { type: 'endSession', params: { status: 'Signed out.' } } },
            onError: [
              { guard: { type: 'notSignedIn', params: ({ event }) => ({ error: event.error }) }, target: '#staffSession.signedOut', actions: { type: 'endSession', params: { status: 'Signed out.' } } },
              { target: 'idle', actions: { type: 'showError', params: ({ event }) => ({ message: staffFailure(event.error, 'Signing out failed; try again.').message }) } },
            ],
          },
        },
        signingOutEverywhere: {
          tags: ['busy'],
          invoke: {
            src: 'logOutEverywhere',
            input: ({ context }) => ({ csrfToken: context.session!.csrfToken }),
            onDone: {
              target: '#staffSession.signedOut',
              actions: { type: 'endSession', params: ({ event }) => ({ status: `Signed out everywhere: ${event.output.ended} ${event.output.ended === 1 ? 'session' : 'sessions'} ended.` }) },
            },
            onError: [
              { guard: { type: 'notSignedIn', params: ({ event }) => ({ error: event.error }) }, target: '#staffSession.signedOut', actions: { type: 'endSession', params: { status: 'Signed out.' } } },
              { target: 'idle', actions: { type: 'showError', params: ({ event }) => ({ message: staffFailure(event.error, 'Signing out everywhere failed; try again.').message }) } },
            ],
          },
        },
      },
    },
  },
});
