import { lazy, Suspense } from 'react';
import { STAFF_PAGES } from '../../../domain/index.ts';
import { NoAccessPage } from '../NoAccessPage.tsx';
import type { StaffDataPageProps } from '../StaffDataPageProps.ts';

// CodeMirror and the page load only when the studio is opened: their own chunk, after the staff one.
const RulesStudioPage = lazy(async () => ({ default: (await import('./RulesStudioPage.tsx')).RulesStudioPage }));

/** Props of {@link RulesStudioRoute}. */
export interface RulesStudioRouteProps extends StaffDataPageProps {
  readonly productId: string;
}

/**
 * `/staff/rules/<productId>/studio`: the studio for an account that opens the Rules page
 * (merchandiser), else the page saying which role it needs (the server refuses the files anyway).
 */
export function RulesStudioRoute({ session, connection, productId }: RulesStudioRouteProps) {
  const rules = STAFF_PAGES.find((page) => page.id === 'rules')!;
  if (!session.pages.some((open) => open.id === rules.id)) return <NoAccessPage page={rules} session={session} />;
  return (
    <Suspense fallback={<p className="staff-loading">Opening the rules studio…</p>}>
      <RulesStudioPage session={session} connection={connection} productId={productId} />
    </Suspense>
  );
}
