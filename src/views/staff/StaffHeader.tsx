import { useSelector } from '@xstate/react';
import { StaffLink } from './StaffLink.tsx';
import { useStaffSessionActor } from './StaffSessionActorContext.ts';

/**
 * The staff area's banner: its name (a link home), and once signed in, who is signed in, "Sign
 * out" and the pages the account may open, as links (the one shown marked current).
 */
export function StaffHeader() {
  const actor = useStaffSessionActor();
  const session = useSelector(actor, (snapshot) => snapshot.context.session);
  const signingOut = useSelector(actor, (snapshot) => snapshot.matches({ signedIn: 'signingOut' }) || snapshot.matches({ signedIn: 'signingOutEverywhere' }));
  return (
    <header className="staff-header">
      <div className="staff-header__bar">
        <StaffLink to="/staff" className="staff-header__home">
          <span className="brand">Atelier</span> <span className="staff-header__area">Staff</span>
        </StaffLink>
        {session && (
          <div className="staff-header__account">
            <span className="staff-header__email" title={session.account.email}>{session.account.email}</span>
            <button type="button" className="button button--secondary staff-header__sign-out" aria-disabled={signingOut || undefined} onClick={() => actor.send({ type: 'logout' })}>
              {signingOut ? 'Signing out…' : 'Sign out'}
            </button>
          </div>
        )}
      </div>
      {session && (
        <nav className="staff-nav" aria-label="Staff pages">
          <ul>
            <li><StaffLink to="/staff" className="staff-nav__link">Home</StaffLink></li>
            {session.pages.map((page) => (
              <li key={page.id}><StaffLink to={page.path} className="staff-nav__link">{page.title}</StaffLink></li>
            ))}
          </ul>
        </nav>
      )}
    </header>
  );
}
