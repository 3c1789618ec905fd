import { useState } from 'react';
import type { Problem } from '../../domain/index.ts';
import { createStaffPageMachine, StaffRequestError, type ProductRules, type ProductRulesVersion, type StaffChangeDone } from '../../machines/index.ts';
import { listProductRules, publishRulesDraft, retireRulesVersion, rollBackRules, type StaffConnection } from '../api/staffClient.ts';
import { checkedPublicationNote } from '../api/staffRequestChecks.ts';
import { OpenInStudioLink } from './studio/OpenInStudioLink.tsx';
import { ConfirmDialog } from './ConfirmDialog.tsx';
import type { StaffDataPageProps } from './StaffDataPageProps.ts';
import { StaffPageFrame } from './StaffPageFrame.tsx';
import { StaffTable } from './StaffTable.tsx';
import { StaffTextField } from './StaffTextField.tsx';
import { StaffTime } from './StaffTime.tsx';
import { useStaffPage } from './useStaffPage.ts';

/** A version to act on, and the product it belongs to. */
interface VersionOf {
  readonly product: ProductRules;
  readonly version: ProductRulesVersion;
}

/** What the merchandiser asks: retire a superseded version, or make a draft or an earlier version current (with why). */
type RulesChange = (VersionOf & { readonly kind: 'retire' }) | (VersionOf & { readonly kind: 'make-current'; readonly message: string });

const rulesPage = createStaffPageMachine<null, readonly ProductRules[], RulesChange, RulesChange>();

async function change(connection: StaffConnection, asked: RulesChange): Promise<StaffChangeDone<RulesChange>> {
  const { product, version } = asked;
  if (asked.kind === 'retire') {
    await retireRulesVersion(connection, product.id, version.rulesVersion);
    return { outcome: asked, said: `Rules version ${version.rulesVersion} of ${product.name} retired: orders made under it are refused from now on.` };
  }
  if (version.state === 'draft') await publishRulesDraft(connection, product.id, version.rulesVersion, asked.message);
  else await rollBackRules(connection, product.id, version.rulesVersion, asked.message);
  return { outcome: asked, said: `Rules version ${version.rulesVersion} of ${product.name} is current now: customers see it at once, and orders under the version it replaced are accepted for the grace period.` };
}

/** Where a version stands, in words: current, accepted until a time, or retired since one. */
function Standing({ version, now }: { readonly version: ProductRulesVersion; readonly now: Date }) {
  if (version.state === 'draft') return <><span className="staff-badge">Draft</span><span className="staff-table__note">never published</span></>;
  if (version.state === 'published') return <span className="staff-badge staff-badge--on">Current</span>;
  if (version.state === 'superseded' && version.acceptUntil !== null && Date.parse(version.acceptUntil) > now.getTime()) {
    return <>Superseded: orders accepted until <StaffTime iso={version.acceptUntil} /></>;
  }
  const since = version.retiredAt ?? version.acceptUntil;
  return <><span className="staff-badge staff-badge--off">Retired</span>{since && <span className="staff-table__note">since <StaffTime iso={since} /></span>}</>;
}

/** Who published a version, in words: an account's email, or how the operator published it. */
function publisher(publishedBy: string): string {
  if (publishedBy === 'files') return 'the files at the first start';
  if (publishedBy === 'cli') return 'the command line';
  return publishedBy;
}

/** When a version was recorded, who made it current last, and their message. */
function Published({ version }: { readonly version: ProductRulesVersion }) {
  return (
    <>
      <StaffTime iso={version.publishedAt} />
      {version.publishedBy && <span className="staff-table__note">by {publisher(version.publishedBy)}</span>}
      {version.message && <q className="staff-table__note">{version.message}</q>}
    </>
  );
}

/**
 * Merchandiser: every product and its rules versions, with where each stands — draft, current,
 * superseded (orders under it still accepted for the grace period) or retired — who published it
 * and why; "Publish" for a draft and "Make current" for an earlier version (a rollback), each asked
 * first with a required message, and "Retire now" for a superseded one. Rules are authored in
 * `rules/` and published with `npm run rules -- publish`.
 */
export function RulesPage({ connection }: StaffDataPageProps) {
  const { actor, view } = useStaffPage(rulesPage, { load: () => listProductRules(connection), change: (asked) => change(connection, asked) }, null);
  const [retiring, setRetiring] = useState<VersionOf | null>(null);
  const [making, setMaking] = useState<VersionOf | null>(null);
  const [message, setMessage] = useState('');
  const [problem, setProblem] = useState<Problem | undefined>(undefined);
  const ask = (asked: VersionOf) => {
    setMessage('');
    setProblem(undefined);
    setMaking(asked);
  };
  const now = new Date();
  return (
    <StaffPageFrame title="Rules" lead="The products and their rules versions, who published each and why. After a new version, orders made under the one it replaced are accepted for a grace period, then refused." view={view} onReload={() => actor.send({ type: 'page.reload' })}>
      {view.data?.map((product) => (
        <section key={product.id} className="staff-section" aria-labelledby={`staff-rules-${product.id}`}>
          <h2 id={`staff-rules-${product.id}`}>{product.name} <span className="staff-table__note">{product.id}</span></h2>
          <p><OpenInStudioLink productId={product.id} productName={product.name} /></p>
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
                    <td><Published version={version} /></td>
                    <td><Standing version={version} now={now} /></td>
                    <td className="staff-table__actions">
                      {version.state !== 'published' && (
                        <button type="button" className="button button--secondary button--small" aria-disabled={view.busy || undefined} onClick={() => view.busy || ask({ product, version })}>
                          {version.state === 'draft' ? 'Publish' : 'Make current'}<span className="sr-only"> {version.rulesVersion}</span>
                        </button>
                      )}
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
            actor.send({ type: 'change.submit', change: { kind: 'retire', ...retiring } });
            setRetiring(null);
          }}
        >
          <p>Customers with a design made under it can no longer order it as it is: they are told what the current rules change and can reopen it. Orders already placed are still made.</p>
        </ConfirmDialog>
      )}
      {making && (
        <ConfirmDialog
          title={`${making.version.state === 'draft' ? 'Publish draft' : 'Make current'} ${making.version.rulesVersion} of ${making.product.name}?`}
          confirm={making.version.state === 'draft' ? 'Publish version' : 'Make it current'}
          onCancel={() => setMaking(null)}
          onConfirm={() => {
            try {
              const note = checkedPublicationNote({ message });
              actor.send({ type: 'change.submit', change: { kind: 'make-current', ...making, message: note.message } });
              setMaking(null);
            } catch (error) {
              if (!(error instanceof StaffRequestError)) throw error;
              // The field says how to fix it here; the API's hint names the command line's option.
              const [first] = error.problems;
              setProblem(first && { ...first, hint: 'say in a sentence what changes for customers and why' });
            }
          }}
        >
          <p>
            Customers see it at once. The version current now stays readable, and orders made under it are accepted for the grace period.
            {making.version.state === 'draft' ? '' : ' This is a rollback: it is kept in the history with your message.'}
          </p>
          <StaffTextField label="Why (required)" value={message} onChange={setMessage} hint="In a sentence, what changes for customers and why. It is kept with the version." problem={problem} required />
        </ConfirmDialog>
      )}
    </StaffPageFrame>
  );
}
