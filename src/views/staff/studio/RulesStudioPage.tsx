import { createStaffPageMachine } from '../../../machines/index.ts';
import { readRulesSources, type RulesSources } from '../../api/staffClient.ts';
import type { StaffDataPageProps } from '../StaffDataPageProps.ts';
import { StaffLink } from '../StaffLink.tsx';
import { StaffPageFrame } from '../StaffPageFrame.tsx';
import { useStaffPage } from '../useStaffPage.ts';
import { StudioWorkbench } from './StudioWorkbench.tsx';
import './studio.css';

const studioPage = createStaffPageMachine<string, RulesSources, never, never>();

/** Props of {@link RulesStudioPage}. */
export interface RulesStudioPageProps extends StaffDataPageProps {
  readonly productId: string;
}

/**
 * Merchandiser: the rules studio of one product. Opens the files of its current rules version
 * and checks every edit as publishing would (in a worker), with the problems and the rules as
 * cards beside the editor. Nothing is saved or published from here yet.
 */
export function RulesStudioPage({ connection, productId }: RulesStudioPageProps) {
  const { actor, view } = useStaffPage(studioPage, { load: (id) => readRulesSources(connection, id) }, productId);
  return (
    <StaffPageFrame
      title={`Rules studio: ${productId}`}
      lead={<>Edit the product&apos;s rules and product files and see at once what publishing would say. Changes stay in this page until publishing from the studio arrives; <StaffLink to="/staff/rules">back to Rules</StaffLink>.</>}
      view={view}
      onReload={() => actor.send({ type: 'page.reload' })}
    >
      {view.data && (
        <>
          <p className="studio-version">Opened from rules version <code>{view.data.rulesVersion}</code> (the current one): <code>{view.data.rules.file}</code> and <code>{view.data.product.file}</code>.</p>
          <StudioWorkbench key={view.data.rulesVersion} sources={view.data} />
        </>
      )}
    </StaffPageFrame>
  );
}
