import { StaffLink } from './StaffLink.tsx';
import { StaffPageHeading } from './StaffPageHeading.tsx';

/** A staff address that names no page (a mistyped or old link). */
export function StaffNotFoundPage({ path }: { readonly path: string }) {
  return (
    <div className="staff-page">
      <StaffPageHeading>There is no staff page here</StaffPageHeading>
      <p className="staff-card">Nothing is at <code>{path}</code>. The link may be mistyped or out of date.</p>
      <p><StaffLink to="/staff">Go to your pages</StaffLink></p>
    </div>
  );
}
