import { useSelector } from '@xstate/react';
import { useState, type FormEvent } from 'react';
import { fieldProblem } from '../../machines/index.ts';
import { FirstAdminHint } from './FirstAdminHint.tsx';
import { StaffAlert } from './StaffAlert.tsx';
import { StaffPageHeading } from './StaffPageHeading.tsx';
import { useStaffSessionActor } from './StaffSessionActorContext.ts';
import { StaffTextField } from './StaffTextField.tsx';

/**
 * The sign-in form of the staff area (email and password), shown at every staff address while
 * nobody is signed in: a failure is an alert that takes the focus, with the field at fault marked;
 * below, how the first admin is created.
 */
export function StaffLoginPage() {
  const actor = useStaffSessionActor();
  const loginError = useSelector(actor, (snapshot) => snapshot.context.loginError);
  const loginFailures = useSelector(actor, (snapshot) => snapshot.context.loginFailures);
  const sessionError = useSelector(actor, (snapshot) => snapshot.context.error);
  // "Signed out." or "Your session has ended: sign in again.": announced by the app's status, shown here.
  const sessionStatus = useSelector(actor, (snapshot) => snapshot.context.status);
  const signingIn = useSelector(actor, (snapshot) => snapshot.matches({ signedOut: 'signingIn' }));
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    actor.send({ type: 'login.submit', email, password });
  };

  return (
    <div className="staff-page staff-login">
      <StaffPageHeading>Sign in to the staff area</StaffPageHeading>
      <p className="staff-page__lead">For the shop's team: accounts, tokens and webhooks, rules, customer designs and orders.</p>
      {sessionError && <p className="staff-notice">{sessionError}</p>}
      {!sessionError && sessionStatus && <p className="staff-notice">{sessionStatus}</p>}
      <StaffAlert failure={loginError} failures={loginFailures} />
      <form className="staff-card staff-form" onSubmit={onSubmit} noValidate aria-label="Sign in">
        <StaffTextField label="Email" type="email" autoComplete="username" spellCheck={false} value={email} onChange={setEmail} problem={fieldProblem(loginError, 'email')} />
        <StaffTextField label="Password" type="password" autoComplete="current-password" value={password} onChange={setPassword} problem={fieldProblem(loginError, 'password')} />
        <div className="staff-form__actions">
          <button type="submit" className="button button--primary" aria-disabled={signingIn || undefined}>{signingIn ? 'Signing in…' : 'Sign in'}</button>
        </div>
      </form>
      <FirstAdminHint />
    </div>
  );
}
