import { createStaffPageMachine, type ProductRules } from '../../machines/index.ts';
import { listProductRules } from '../api/staffClient.ts';
import type { StaffDataPageProps } from './StaffDataPageProps.ts';
import { StaffPageFrame } from './StaffPageFrame.tsx';
import { StaffTable } from './StaffTable.tsx';
import { StaffTime } from './StaffTime.tsx';
import { useStaffPage } from './useStaffPage.ts';

const rulesPage = createStaffPageMachine<null, readonly ProductRules[], never, never>();

/**
 * Merchandiser: every product and the rules versions it has published, the one customers
 * configure with now marked current. Rules are authored in `rules/` and checked with `npm run rules`.
 */
export function RulesPage({ connection }: StaffDataPageProps) {
  const { actor, view } = useStaffPage(rulesPage, { load: () => listProductRules(connection) }, null);
  return (
    <StaffPageFrame title="Rules" lead="The products and their published rules versions. Orders keep the version they were placed with." view={view} onReload={() => actor.send({ type: 'page.reload' })}>
      {view.data?.map((product) => (
        <section key={product.id} className="staff-section" aria-labelledby={`staff-rules-${product.id}`}>
          <h2 id={`staff-rules-${product.id}`}>{product.name} <span className="staff-table__note">{product.id}</span></h2>
          <StaffTable caption={`Rules versions of ${product.name}`}>
            <thead>
              <tr>
                <th scope="col">Rules version</th>
                <th scope="col">Published</th>
                <th scope="col">In use</th>
              </tr>
            </thead>
            <tbody>
              {product.rulesVersions.map((version) => (
                <tr key={version.rulesVersion}>
                  <th scope="row" className="staff-table__key"><code>{version.rulesVersion}</code></th>
                  <td><StaffTime iso={version.publishedAt} /></td>
                  <td>{version.current ? <span className="staff-badge staff-badge--on">Current</span> : 'Older'}</td>
                </tr>
              ))}
            </tbody>
          </StaffTable>
        </section>
      ))}
    </StaffPageFrame>
  );
}
