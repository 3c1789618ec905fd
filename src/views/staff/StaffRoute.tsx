import { STAFF_PAGES, type StaffPage } from '../../domain/index.ts';
import type { StaffSession } from '../../machines/index.ts';
import type { StaffConnection } from '../api/staffClient.ts';
import { AccountsPage } from './AccountsPage.tsx';
import { AuditLogPage } from './AuditLogPage.tsx';
import { DesignsPage } from './DesignsPage.tsx';
import { DesignInsightPage } from './DesignInsightPage.tsx';
import { NoAccessPage } from './NoAccessPage.tsx';
import { OrdersPage } from './OrdersPage.tsx';
import { ReviewPage } from './ReviewPage.tsx';
import { RulesPage } from './RulesPage.tsx';
import { StaffHomePage } from './StaffHomePage.tsx';
import { StaffNotFoundPage } from './StaffNotFoundPage.tsx';
import { TokensPage } from './TokensPage.tsx';
import { WebhooksPage } from './WebhooksPage.tsx';

/** The home of the staff area. */
export const STAFF_HOME = '/staff';

/**
 * The page of a staff path: the page itself, or undefined for the home and for a path that names
 * no page.
 */
export function staffPageAt(path: string): StaffPage | undefined {
  return STAFF_PAGES.find((page) => page.path === path);
}

/** Props of {@link StaffRoute}. */
export interface StaffRouteProps {
  readonly path: string;
  readonly session: StaffSession;
  readonly connection: StaffConnection;
}

/**
 * The page of the path for a signed-in account: the home, a page its roles open, "You do not have
 * access to this page" for one they do not (the server would refuse its data), or "no page here".
 */
export function StaffRoute({ path, session, connection }: StaffRouteProps) {
  if (path === STAFF_HOME) return <StaffHomePage session={session} />;
  const page = staffPageAt(path);
  if (!page) return <StaffNotFoundPage path={path} />;
  if (!session.pages.some((open) => open.id === page.id)) return <NoAccessPage page={page} session={session} />;
  const props = { session, connection };
  switch (page.id) {
    case 'accounts':
      return <AccountsPage {...props} />;
    case 'tokens':
      return <TokensPage {...props} />;
    case 'webhooks':
      return <WebhooksPage {...props} />;
    case 'audit':
      return <AuditLogPage {...props} />;
    case 'rules':
      return <RulesPage {...props} />;
    case 'designs':
      return <DesignsPage {...props} />;
    case 'insight':
      return <DesignInsightPage {...props} />;
    case 'review':
      return <ReviewPage {...props} />;
    case 'orders':
      return <OrdersPage {...props} />;
    default:
      throw new Error(`[Atelier] no component for the staff page ${JSON.stringify(page.id satisfies never)}`);
  }
}
