// The staff area's session: checking the cookie, signing in (and being refused), signing out here
// and everywhere, and a session that ends under the page. The network is an in-process fake of the
// staff API (accounts, sessions, CSRF tokens); the machine is the real one.
import { describe, expect, it } from 'vitest';
import { createActor, fromPromise, initialTransition, transition, waitFor } from 'xstate';
import type { StaffAccount, StaffRole } from '../../src/domain/index.ts';
import {
  StaffRequestError, staffSessionMachine, type StaffCredentials, type StaffSignIn, type StaffSignOutEverywhere,
} from '../../src/machines/index.ts';

function account(email: string, roles: readonly StaffRole[]): StaffAccount {
  return { id: `acc_${email.split('@')[0]}`, email, roles, disabled: false, createdAt: '2026-12-01T09:00:00.000Z', updatedAt: '2026-12-01T09:00:00.000Z', lastLoginAt: null };
}

/**
 * The staff API as the machine sees it: accounts with passwords, the browser's session cookie (one
 * per fake), the sessions the server holds, and the requests made. `reachable: false` makes every
 * request fail as an unreachable server does.
 */
function fakeStaffApi(options: { signedInAs?: string; reachable?: boolean } = {}) {
  const accounts = new Map([
    ['ada@shop.example', { account: account('ada@shop.example', ['admin']), password: 'correct horse battery staple' }],
    ['grace@shop.example', { account: account('grace@shop.example', ['designer', 'fulfilment']), password: 'four unrelated words here' }],
  ]);
  const server = { reachable: options.reachable ?? true, sessions: new Map<string, string>(), otherDevices: 2 };
  const browser = { cookie: undefined as string | undefined };
  const requests: string[] = [];
  const signIn = (email: string): StaffSignIn => {
    const id = `session-${server.sessions.size + 1}`;
    server.sessions.set(id, email);
    browser.cookie = id;
    return { account: accounts.get(email)!.account, csrfToken: `csrf-${id}` };
  };
  if (options.signedInAs) signIn(options.signedInAs);
  const reach = (request: string) => {
    requests.push(request);
    if (!server.reachable) throw new StaffRequestError('The shop could not be reached: check your connection and try again.', 'unreachable');
  };
  const signedIn = (csrfToken?: string) => {
    const email = browser.cookie === undefined ? undefined : server.sessions.get(browser.cookie);
    if (email === undefined) throw new StaffRequestError('This needs a signed-in staff account.', 'not_signed_in');
    if (csrfToken !== undefined && csrfToken !== `csrf-${browser.cookie}`) throw new StaffRequestError('The request has no valid X-CSRF-Token header.', 'csrf_refused');
    return email;
  };
  const machine = staffSessionMachine.provide({
    actors: {
      readSession: fromPromise<StaffSignIn, void>(async () => {
        reach('session');
        const email = signedIn();
        return { account: accounts.get(email)!.account, csrfToken: `csrf-${browser.cookie}` };
      }),
      logIn: fromPromise<StaffSignIn, StaffCredentials>(async ({ input }) => {
        reach(`login ${input.email}`);
        const stored = accounts.get(input.email);
        if (!stored || stored.password !== input.password) throw new StaffRequestError('The email or the password is wrong. Check both and try again.', 'invalid_credentials');
        return signIn(input.email);
      }),
      logOut: fromPromise<void, { csrfToken: string }>(async ({ input }) => {
        reach('logout');
        signedIn(input.csrfToken);
        server.sessions.delete(browser.cookie!);
        browser.cookie = undefined;
      }),
      logOutEverywhere: fromPromise<StaffSignOutEverywhere, { csrfToken: string }>(async ({ input }) => {
        reach('logout-everywhere');
        const email = signedIn(input.csrfToken);
        const ended = [...server.sessions].filter(([, owner]) => owner === email).length + server.otherDevices;
        server.sessions.clear();
        browser.cookie = undefined;
        return { ended };
      }),
    },
  });
  return { machine, server, browser, requests };
}

function start(api: ReturnType<typeof fakeStaffApi>) {
  return createActor(api.machine).start();
}

type SessionActor = ReturnType<typeof start>;
const settled = (actor: SessionActor) => waitFor(actor, (snapshot) => !snapshot.hasTag('busy'));

describe('when the page opens', () => {
  it('starts by checking the session cookie, busy, with nobody signed in yet', () => {
    const [snapshot, actions] = initialTransition(staffSessionMachine);
    expect(snapshot.value).toBe('checking');
    expect(snapshot.hasTag('busy')).toBe(true);
    expect(snapshot.context.session).toBeNull();
    expect(actions.map((action) => action.type)).toContain('xstate.spawnChild');
  });

  it('finds a session the cookie holds: the account, its CSRF token and the pages its roles open', async () => {
    const api = fakeStaffApi({ signedInAs: 'grace@shop.example' });
    const actor = start(api);
    await settled(actor);
    const { session, sessionChanges, status } = actor.getSnapshot().context;
    expect(actor.getSnapshot().matches({ signedIn: 'idle' })).toBe(true);
    expect(session?.account.email).toBe('grace@shop.example');
    expect(session?.csrfToken).toBe('csrf-session-1');
    expect(session?.pages.map((page) => page.id)).toEqual(['designs', 'insight', 'review', 'orders']);
    // Found at load, not signed in here: the page does not move the focus, and says nothing.
    expect(sessionChanges).toBe(0);
    expect(status).toBe('');
  });

  it('shows the login form without an error when nobody is signed in', async () => {
    const actor = start(fakeStaffApi());
    await settled(actor);
    expect(actor.getSnapshot().matches({ signedOut: 'idle' })).toBe(true);
    expect(actor.getSnapshot().context.error).toBeNull();
  });

  it('shows the login form with the reason when the session could not be checked', async () => {
    const actor = start(fakeStaffApi({ reachable: false }));
    await settled(actor);
    expect(actor.getSnapshot().matches('signedOut')).toBe(true);
    expect(actor.getSnapshot().context.error).toBe('The shop could not be reached: check your connection and try again.');
  });

  it('falls back to its own words for a failure that is not a staff request error', async () => {
    const machine = staffSessionMachine.provide({ actors: { readSession: fromPromise<StaffSignIn, void>(() => Promise.reject(new TypeError('boom'))) } });
    const actor = createActor(machine).start();
    await settled(actor);
    expect(actor.getSnapshot().context.error).toBe('Your session could not be checked; sign in.');
  });
});

describe('when signed out', () => {
  it('signs in with the credentials typed, says so, and counts the sign-in so the page moves the focus', async () => {
    const api = fakeStaffApi();
    const actor = start(api);
    await settled(actor);
    actor.send({ type: 'login.submit', email: 'ada@shop.example', password: 'correct horse battery staple' });
    expect(actor.getSnapshot().matches({ signedOut: 'signingIn' })).toBe(true);
    expect(actor.getSnapshot().hasTag('busy')).toBe(true);
    await settled(actor);
    const { session, status, sessionChanges, loginError } = actor.getSnapshot().context;
    expect(api.requests).toEqual(['session', 'login ada@shop.example']);
    expect(session?.account.roles).toEqual(['admin']);
    expect(session?.pages.map((page) => page.id)).toEqual(['accounts', 'tokens', 'webhooks', 'audit']);
    expect(status).toBe('Signed in as ada@shop.example.');
    expect(sessionChanges).toBe(1);
    expect(loginError).toBeNull();
  });

  it('says why a sign-in was refused, counts each refusal, and signs in on a later try', async () => {
    const actor = start(fakeStaffApi());
    await settled(actor);
    actor.send({ type: 'login.submit', email: 'ada@shop.example', password: 'wrong' });
    await settled(actor);
    expect(actor.getSnapshot().matches({ signedOut: 'idle' })).toBe(true);
    expect(actor.getSnapshot().context.loginError).toEqual({ message: 'The email or the password is wrong. Check both and try again.', code: 'invalid_credentials', problems: [] });
    actor.send({ type: 'login.submit', email: 'nobody@shop.example', password: 'wrong' });
    await settled(actor);
    expect(actor.getSnapshot().context.loginFailures).toBe(2);
    actor.send({ type: 'login.submit', email: 'ada@shop.example', password: 'correct horse battery staple' });
    // The old reason goes as soon as the next attempt is on its way.
    expect(actor.getSnapshot().context.loginError).toBeNull();
    await settled(actor);
    expect(actor.getSnapshot().matches('signedIn')).toBe(true);
  });

  it('keeps the fields at fault of a sign-in checked before it was sent', async () => {
    const problems = [{ path: 'email', message: 'this is not an email address: it has no @', hint: 'send an address like name@example.com' }];
    const machine = staffSessionMachine.provide({
      actors: {
        readSession: fromPromise<StaffSignIn, void>(() => Promise.reject(new StaffRequestError('Not signed in.', 'not_signed_in'))),
        logIn: fromPromise<StaffSignIn, StaffCredentials>(() => Promise.reject(new StaffRequestError('You were not signed in: email: …', 'invalid_request', problems))),
      },
    });
    const actor = createActor(machine).start();
    await settled(actor);
    actor.send({ type: 'login.submit', email: 'ada', password: 'x' });
    await settled(actor);
    expect(actor.getSnapshot().context.loginError?.problems).toEqual(problems);
  });

  it('takes no second sign-in while one is on its way', async () => {
    const actor = start(fakeStaffApi());
    await settled(actor);
    actor.send({ type: 'login.submit', email: 'ada@shop.example', password: 'correct horse battery staple' });
    expect(actor.getSnapshot().can({ type: 'login.submit', email: 'grace@shop.example', password: 'four unrelated words here' })).toBe(false);
  });
});

describe('when signed in', () => {
  async function signedIn(api = fakeStaffApi({ signedInAs: 'ada@shop.example' })): Promise<SessionActor> {
    const actor = start(api);
    await settled(actor);
    expect(actor.getSnapshot().matches('signedIn')).toBe(true);
    return actor;
  }

  it('signs out with the session\'s CSRF token and shows the login form again', async () => {
    const api = fakeStaffApi({ signedInAs: 'ada@shop.example' });
    const actor = await signedIn(api);
    actor.send({ type: 'logout' });
    expect(actor.getSnapshot().matches({ signedIn: 'signingOut' })).toBe(true);
    await settled(actor);
    expect(actor.getSnapshot().matches({ signedOut: 'idle' })).toBe(true);
    expect(actor.getSnapshot().context).toMatchObject({ session: null, status: 'Signed out.', sessionChanges: 1 });
    expect(api.server.sessions.size).toBe(0);
  });

  it('signs out everywhere and says how many sessions ended', async () => {
    const api = fakeStaffApi({ signedInAs: 'ada@shop.example' });
    const actor = await signedIn(api);
    actor.send({ type: 'logout.everywhere' });
    await settled(actor);
    expect(actor.getSnapshot().matches('signedOut')).toBe(true);
    expect(actor.getSnapshot().context.status).toBe('Signed out everywhere: 3 sessions ended.');
  });

  it('stays signed in and says why when signing out failed', async () => {
    const api = fakeStaffApi({ signedInAs: 'ada@shop.example' });
    const actor = await signedIn(api);
    api.server.reachable = false;
    actor.send({ type: 'logout' });
    await settled(actor);
    expect(actor.getSnapshot().matches({ signedIn: 'idle' })).toBe(true);
    expect(actor.getSnapshot().context.error).toBe('The shop could not be reached: check your connection and try again.');
    api.server.reachable = true;
    actor.send({ type: 'logout' });
    await settled(actor);
    expect(actor.getSnapshot().matches('signedOut')).toBe(true);
    expect(actor.getSnapshot().context.error).toBeNull();
  });

  it('is signed out when signing out finds the session already ended elsewhere', async () => {
    const api = fakeStaffApi({ signedInAs: 'ada@shop.example' });
    const actor = await signedIn(api);
    api.server.sessions.clear();
    actor.send({ type: 'logout.everywhere' });
    await settled(actor);
    expect(actor.getSnapshot().matches('signedOut')).toBe(true);
    expect(actor.getSnapshot().context.status).toBe('Signed out.');
  });

  it('is signed out, and told so, when a page finds the session ended', async () => {
    const actor = await signedIn();
    actor.send({ type: 'session.ended' });
    expect(actor.getSnapshot().matches({ signedOut: 'idle' })).toBe(true);
    expect(actor.getSnapshot().context).toMatchObject({ session: null, status: 'Your session has ended: sign in again.', sessionChanges: 1 });
  });

  it('takes no sign-in while signed in (a pure transition: nothing happens)', async () => {
    const actor = await signedIn();
    const [after, actions] = transition(staffSessionMachine, actor.getSnapshot(), { type: 'login.submit', email: 'ada@shop.example', password: 'x' });
    expect(after.value).toEqual({ signedIn: 'idle' });
    expect(actions).toEqual([]);
  });

  it('sends no sign-out while another is on its way, and takes no sign-in', async () => {
    const actor = await signedIn();
    expect(actor.getSnapshot().can({ type: 'login.submit', email: 'ada@shop.example', password: 'x' })).toBe(false);
    actor.send({ type: 'logout' });
    expect(actor.getSnapshot().can({ type: 'logout.everywhere' })).toBe(false);
  });
});
