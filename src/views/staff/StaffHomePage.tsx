import { useSelector } from '@xstate/react';
import { ROLE_DESCRIPTIONS } from '../../domain/index.ts';
import type { StaffSession } from '../../machines/index.ts';
import { capitalise } from '../capitalise.ts';
import { StaffLink } from './StaffLink.tsx';
import { StaffPageHeading } from './StaffPageHeading.tsx';
import { useStaffSessionActor } from './StaffSessionActorContext.ts';

/**
 * The staff area's home: the pages this account may open (each with what it is for), what each
 * of its roles allows, and "Sign out everywhere" for a session left open on another device.
 */
export function StaffHomePage({ session }: { readonly session: StaffSession }) {
  const actor = useStaffSessionActor();
  const signingOut = useSelector(actor, (snapshot) => snapshot.matches({ signedIn: 'signingOutEverywhere' }));
  return (
    <div className="staff-page">
      <StaffPageHeading>Staff area</StaffPageHeading>
      <p className="staff-page__lead">Signed in as <strong>{session.account.email}</strong>.</p>
      <section className="staff-section" aria-labelledby="staff-home-pages">
        <h2 id="staff-home-pages">Your pages</h2>
        <ul className="staff-page-list">
          {session.pages.map((page) => (
            <li key={page.id} className="staff-card staff-page-list__item">
              <StaffLink to={page.path} className="staff-page-list__link">{page.title}</StaffLink>
              <p>{page.summary}</p>
              <p className="staff-page-list__role">For the {page.role} role</p>
            </li>
          ))}
        </ul>
      </section>
      <section className="staff-section" aria-labelledby="staff-home-roles">
        <h2 id="staff-home-roles">Your roles</h2>
        <dl className="staff-roles">
          {session.account.roles.map((role) => (
            <div key={role}>
              <dt>{capitalise(role)}</dt>
              <dd>{capitalise(ROLE_DESCRIPTIONS[role])}.</dd>
            </div>
          ))}
        </dl>
        <p className="field__hint">Only an admin changes roles, on the "Staff accounts" page.</p>
      </section>
      <section className="staff-section" aria-labelledby="staff-home-sessions">
        <h2 id="staff-home-sessions">Sessions</h2>
        <p>Left the staff area open on another computer, or lost a phone? Signing out everywhere ends every session of your account, this one included.</p>
        <div className="staff-form__actions">
          <button type="button" className="button button--secondary" aria-disabled={signingOut || undefined} onClick={() => actor.send({ type: 'logout.everywhere' })}>
            {signingOut ? 'Signing out everywhere…' : 'Sign out everywhere'}
          </button>
        </div>
      </section>
    </div>
  );
}
