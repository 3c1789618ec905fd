import { useState } from 'react';
import type { AuditActor, AuditEntry } from '../../domain/index.ts';
import { createStaffPageMachine, type AuditPage } from '../../machines/index.ts';
import { readAuditLog } from '../api/staffClient.ts';
import type { StaffDataPageProps } from './StaffDataPageProps.ts';
import { StaffPageFrame } from './StaffPageFrame.tsx';
import { StaffTable } from './StaffTable.tsx';
import { StaffTime } from './StaffTime.tsx';
import { useStaffPage } from './useStaffPage.ts';

/** Which page of the log: the entries before this line number, or null for the newest. */
type AuditQuery = number | null;

const auditPage = createStaffPageMachine<AuditQuery, AuditPage, never, never>();

/** Who did it, in words. */
function describeActor(actor: AuditActor): string {
  switch (actor.kind) {
    case 'staff':
      return actor.email;
    case 'token':
      return `Token ${actor.name}`;
    case 'cli':
      return 'Operator (npm run staff)';
    case 'anonymous':
      return 'Nobody signed in';
    default:
      throw new Error(`[Atelier] unknown audit actor ${JSON.stringify(actor satisfies never)}`);
  }
}

/** The entry's details as "key: value" pairs (never a secret: the server leaves them out). */
function describeDetails(entry: AuditEntry): string {
  return Object.entries(entry.details).map(([key, value]) => `${key}: ${typeof value === 'string' ? value : JSON.stringify(value)}`).join('; ');
}

/**
 * Admin: the audit log, newest first, 50 entries a page: when, who, what, to what, the details
 * and from where. "Older entries" goes on from the last line shown; "Newest entries" comes back;
 * the page shown takes the focus.
 */
export function AuditLogPage({ connection }: StaffDataPageProps) {
  const { actor, view } = useStaffPage(auditPage, { load: (before) => readAuditLog(connection, before) }, null);
  // Paging empties the table (and its buttons) until the page is in: the new page then takes the focus.
  const [paged, setPaged] = useState(false);
  const showPage = (before: AuditQuery) => {
    setPaged(true);
    actor.send({ type: 'page.query', query: before });
  };
  return (
    <StaffPageFrame title="Audit log" lead="Every staff action: who, when, what, from where. Failed sign-ins too." view={view} onReload={() => actor.send({ type: 'page.reload' })}>
      {view.data?.entries.length === 0 && <p>Nothing recorded{view.query === null ? ' yet' : ' before this'}.</p>}
      {view.data && view.data.entries.length > 0 && (
        <StaffTable key={view.query ?? 'newest'} focusOnMount={paged} caption={view.query === null ? 'Newest entries' : `Entries before line ${view.query}`}>
          <thead>
            <tr>
              <th scope="col">When</th>
              <th scope="col">Who</th>
              <th scope="col">Action</th>
              <th scope="col">Target</th>
              <th scope="col">Details</th>
              <th scope="col">From</th>
            </tr>
          </thead>
          <tbody>
            {view.data.entries.map((entry) => (
              <tr key={entry.seq}>
                <th scope="row" className="staff-table__key"><StaffTime iso={entry.at} /></th>
                <td>{describeActor(entry.actor)}</td>
                <td><code>{entry.action}</code></td>
                <td>{entry.target ?? '—'}</td>
                <td className="staff-table__details">{describeDetails(entry) || '—'}</td>
                <td>{entry.client}</td>
              </tr>
            ))}
          </tbody>
        </StaffTable>
      )}
      <div className="staff-form__actions">
        {view.query !== null && <button type="button" className="button button--secondary" onClick={() => showPage(null)}>Newest entries</button>}
        {view.data?.nextBefore != null && <button type="button" className="button button--secondary" onClick={() => showPage(view.data!.nextBefore)}>Older entries</button>}
      </div>
    </StaffPageFrame>
  );
}
