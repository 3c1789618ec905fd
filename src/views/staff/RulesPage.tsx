import { useState } from 'react';
import { createStaffPageMachine, type ProductRules, type ProductRulesVersion, type StaffChangeDone } from '../../machines/index.ts';
import { listProductRules, retireRulesVersion, type StaffConnection } from '../api/staffClient.ts';
import { ConfirmDialog } from './ConfirmDialog.tsx';
import type { StaffDataPageProps } from './StaffDataPageProps.ts';
import { StaffPageFrame } from './StaffPageFrame.tsx';
import { StaffTable } from './StaffTable.tsx';
import { StaffTime } from './StaffTime.tsx';
import { useStaffPage } from './useStaffPage.ts';

/** A version to retire, and the product it belongs to. */
interface Retirement {
  readonly product: ProductRules;
  readonly version: ProductRulesVersion;
}

const rulesPage = createStaffPageMachine<null, readonly ProductRules[], Retirement, Retirement>();

async function retire(connection: StaffConnection, change: Retirement): Promise<StaffChangeDone<Retirement>> {
  await retireRulesVersion(connection, change.product.id, change.version.rulesVersion);
  return { outcome: change, said: `Rules version ${change.version.rulesVersion} of ${change.product.name} retired: orders made under it are refused from now on.` };
}

/** Where a version stands, in words: current, accepted until a time, or retired since one. */
function Standing({ version, now }: { readonly version: ProductRulesVersion; readonly now: Date }) {
  if (version.state === 'published') return <span className="staff-badge staff-badge--on">Current</span>;
  if (version.state === 'superseded' && version.acceptUntil !== null && Date.parse(version.acceptUntil) > now.getTime()) {
    return <>Superseded: orders accepted until <StaffTime iso={version.acceptUntil} /></>;
  }
  const since = version.retiredAt ?? version.acceptUntil;
  return <><span className="staff-badge staff-badge--off">Retired</span>{since && <span className="staff-table__note">since <StaffTime iso={since} /></span>}</>;
}

/**
 * Merchandiser: every product and the rules versions it has published, with where each stands —
 * current, superseded (orders under it still accepted for the grace period) or retired — and
 * "Retire now" for a superseded one, asked first. Rules are authored in `rules/` and checked with
 * `npm run rules`.
 */
export function RulesPage({ connection }: StaffDataPageProps) {
  const { actor, view } = useStaffPage(rulesPage, { load: () => listProductRules(connection), change: (change) => retire(connection, change) }, null);
  const [retiring, setRetiring] = useState<Retirement | null>(null);
  const now = new Date();
  return (
    <StaffPageFrame title="Rules" lead="The products and their published rules versions. After a new version, orders made under the one it replaced are accepted for a grace period, then refused." view={view} onReload={() => actor.send({ type: 'page.reload' })}>
      {view.data?.map((product) => (
        <section key={product.id} className="staff-section" aria-labelledby={`staff-rules-${product.id}`}>
          <h2 id={`staff-rules-${product.id}`}>{product.name} <span className="staff-table__note">{product.id}</span></h2>
          <StaffTable caption={`Rules versions of ${product.name}`}>
            <thead>
              <tr>
                <th scope="col">Rules version</th>
                <th scope="col">Published</th>
                <th scope="col">Orders</th>
                <th scope="col">Actions</th>
              </tr>
            </thead>
            <tbody>
              {product.rulesVersions.map((version) => {
                const retirable = version.state === 'superseded' && version.acceptUntil !== null && Date.parse(version.acceptUntil) > now.getTime();
                return (
                  <tr key={version.rulesVersion}>
                    <th scope="row" className="staff-table__key"><code>{version.rulesVersion}</code></th>
                    <td><StaffTime iso={version.publishedAt} /></td>
                    <td><Standing version={version} now={now} /></td>
                    <td className="staff-table__actions">
                      {retirable && (
                        <button type="button" className="button button--secondary button--small" aria-disabled={view.busy || undefined} onClick={() => view.busy || setRetiring({ product, version })}>
                          Retire now<span className="sr-only"> {version.rulesVersion}</span>
                        </button>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </StaffTable>
        </section>
      ))}
      {retiring && (
        <ConfirmDialog
          title={`Retire rules version ${retiring.version.rulesVersion} of ${retiring.product.name}?`}
          confirm="Retire version"
          onCancel={() => setRetiring(null)}
          onConfirm={() => {
            actor.send({ type: 'change.submit', change: retiring });
            setRetiring(null);
          }}
        >
          <p>Customers with a design made under it can no longer order it as it is: they are told what the current rules change and can reopen it. Orders already placed are still made.</p>
        </ConfirmDialog>
      )}
    </StaffPageFrame>
  );
}
