import { ROLE_DESCRIPTIONS, type StaffPage } from '../../domain/index.ts';
import type { StaffSession } from '../../machines/index.ts';
import { describeRoles } from './describeRoles.ts';
import { StaffLink } from './StaffLink.tsx';
import { StaffPageHeading } from './StaffPageHeading.tsx';

/**
 * A staff page the account's roles do not open: which role it needs and what that role is for.
 * The server refuses its data anyway; this only says so before asking.
 */
export function NoAccessPage({ page, session }: { readonly page: StaffPage; readonly session: StaffSession }) {
  return (
    <div className="staff-page">
      <StaffPageHeading>You do not have access to this page</StaffPageHeading>
      <div className="staff-card">
        <p>
          <strong>{page.title}</strong> needs the <strong>{page.role}</strong> role, which {ROLE_DESCRIPTIONS[page.role]}.
          Your account has {describeRoles(session.account.roles)}.
        </p>
        <p>If your work needs this page, ask an admin to give your account the {page.role} role, then reload this page.</p>
      </div>
      <p><StaffLink to="/staff">Back to your pages</StaffLink></p>
    </div>
  );
}
