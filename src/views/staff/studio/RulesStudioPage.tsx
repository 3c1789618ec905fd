import { createStaffPageMachine } from '../../../machines/index.ts';
import { openStudio, type StudioOpening } from '../../api/studioClient.ts';
import type { StaffDataPageProps } from '../StaffDataPageProps.ts';
import { StaffLink } from '../StaffLink.tsx';
import { StaffPageFrame } from '../StaffPageFrame.tsx';
import { useStaffPage } from '../useStaffPage.ts';
import { StudioSession } from './StudioSession.tsx';
import './studio.css';

const studioPage = createStaffPageMachine<string, StudioOpening, never, never>();

/** Props of {@link RulesStudioPage}. */
export interface RulesStudioPageProps extends StaffDataPageProps {
  readonly productId: string;
}

/**
 * Merchandiser: the rules studio of one product. Opens the files of its current rules version
 * (or the merchandiser's unpublished draft of them) and checks every edit as publishing would (in
 * a worker), with the problems and the rules as cards beside the editor; the draft is saved on
 * the server as they type, and published from here.
 */
export function RulesStudioPage({ connection, productId }: RulesStudioPageProps) {
  const { actor, view } = useStaffPage(studioPage, { load: (id) => openStudio(connection, id) }, productId);
  return (
    <StaffPageFrame
      title={`Rules studio: ${productId}`}
      lead={<>Edit the product&apos;s rules and product files and see at once what publishing would say. Your draft is saved as you type and only you see it until you publish it; <StaffLink to="/staff/rules">back to Rules</StaffLink>.</>}
      view={view}
      onReload={() => actor.send({ type: 'page.reload' })}
    >
      {view.data && <StudioSession key={view.data.published.rulesVersion} connection={connection} productId={productId} opening={view.data} />}
    </StaffPageFrame>
  );
}
