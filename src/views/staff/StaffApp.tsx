import { useActorRef, useSelector } from '@xstate/react';
import { useEffect, useMemo } from 'react';
import { fromPromise } from 'xstate';
import { staffSessionMachine, type StaffCredentials, type StaffSignIn, type StaffSignOutEverywhere } from '../../machines/index.ts';
import { logIn, logOut, logOutEverywhere, readSession, type StaffConnection } from '../api/staffClient.ts';
import { StaffHeader } from './StaffHeader.tsx';
import { StaffLoginPage } from './StaffLoginPage.tsx';
import { StaffNavigationContext } from './StaffNavigationContext.ts';
import { STAFF_HOME, StaffRoute, staffPageAt } from './StaffRoute.tsx';
import { StaffSessionActorContext } from './StaffSessionActorContext.ts';
import { RulesStudioRoute } from './studio/RulesStudioRoute.tsx';
import { studioProductAt } from './studio/studioPath.ts';
import { useStaffLocation } from './useStaffLocation.ts';
import './staff.css';

/** The session machine connected once to the staff API. */
const staffSession = staffSessionMachine.provide({
  actors: {
    readSession: fromPromise<StaffSignIn, void>(() => readSession()),
    logIn: fromPromise<StaffSignIn, StaffCredentials>(({ input }) => logIn(input)),
    logOut: fromPromise<void, { csrfToken: string }>(({ input }) => logOut(input)),
    logOutEverywhere: fromPromise<StaffSignOutEverywhere, { csrfToken: string }>(({ input }) => logOutEverywhere(input)),
  },
});

/**
 * The staff area at `/staff` (its own lazily loaded chunk, with its own CSS): the session machine
 * (checking the cookie, the login form, signed in), client-side routing by pathname, and the
 * page of the path. Each page is mounted anew for its path, so its data is read when it opens.
 */
export function StaffApp() {
  const actor = useActorRef(staffSession);
  const { path, navigations, navigate } = useStaffLocation();
  const session = useSelector(actor, (snapshot) => snapshot.context.session);
  const checking = useSelector(actor, (snapshot) => snapshot.matches('checking'));
  const sessionChanges = useSelector(actor, (snapshot) => snapshot.context.sessionChanges);
  const status = useSelector(actor, (snapshot) => snapshot.context.status);
  const signOutError = useSelector(actor, (snapshot) => (snapshot.context.session ? snapshot.context.error : null));
  const csrfToken = session?.csrfToken;
  // A request that finds the session gone (it expired, or "sign out everywhere" on another device) signs this page out.
  const connection = useMemo<StaffConnection | null>(() => (csrfToken ? { csrfToken, onSignedOut: () => actor.send({ type: 'session.ended' }) } : null), [csrfToken, actor]);
  const studioProduct = studioProductAt(path);
  const title = checking ? 'Staff' : !session ? 'Sign in' : path === STAFF_HOME ? 'Staff area' : studioProduct !== undefined ? `Rules studio: ${studioProduct}` : (staffPageAt(path)?.title ?? 'Not found');

  useEffect(() => {
    document.title = `${title} · Atelier staff`;
  }, [title]);

  const navigation = useMemo(() => ({ path, navigate, focusOnArrival: navigations > 0 || sessionChanges > 0 }), [path, navigate, navigations, sessionChanges]);
  return (
    <StaffSessionActorContext.Provider value={actor}>
      <StaffNavigationContext.Provider value={navigation}>
        <div className="staff">
          <a className="skip-link" href="#staff-main">Skip to the page</a>
          <StaffHeader />
          <main id="staff-main" className="staff__main">
            {signOutError && <p role="alert" className="checkout__error">{signOutError}</p>}
            {/* Heard, not shown: the pages show where one is (the login form says "Signed out."). */}
            <p role="status" aria-live="polite" className="sr-only">{status}</p>
            {checking && <p className="staff-loading">Checking your session…</p>}
            {!checking && !session && <StaffLoginPage />}
            {session && connection && (studioProduct !== undefined
              ? <RulesStudioRoute key={path} productId={studioProduct} session={session} connection={connection} />
              : <StaffRoute key={path} path={path} session={session} connection={connection} />)}
          </main>
        </div>
      </StaffNavigationContext.Provider>
    </StaffSessionActorContext.Provider>
  );
}
