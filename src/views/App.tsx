import { useActorRef, useSelector } from '@xstate/react';
import { useCallback } from 'react';
import type { CatalogEntry, ConfigurationSpace, PartId } from '../domain/index.ts';
import { configuratorMachine } from '../machines/index.ts';
import { AppHeader } from './AppHeader.tsx';
import { ConfiguratorActorContext } from './ConfiguratorActorContext.ts';
import { ConflictDialog } from './ConflictDialog.tsx';
import { HistoryBar } from './HistoryBar.tsx';
import { LiveAnnouncer } from './LiveAnnouncer.tsx';
import { OptionPanel } from './OptionPanel.tsx';
import { PresetPicker } from './PresetPicker.tsx';
import { PreviewPane } from './PreviewPane.tsx';
import { PriceSummary } from './PriceSummary.tsx';
import { ReviewPanel } from './ReviewPanel.tsx';
import { useKeyboardShortcuts } from './useKeyboardShortcuts.ts';
import { useOrderDownload } from './useOrderDownload.ts';
import { usePartSections } from './usePartSections.ts';

/** Props of {@link App}. */
export interface AppProps {
  readonly entry: CatalogEntry;
  /** The entry's rules, compiled once by the caller. */
  readonly space: ConfigurationSpace;
}

/**
 * The customer's configurator for one product: one session actor, the preview beside the option
 * panel (or the review), the price and delivery summary, and the action bar.
 */
export function App({ entry, space }: AppProps) {
  const actor = useActorRef(configuratorMachine, { input: { entry, space } });
  const reviewing = useSelector(actor, (snapshot) => snapshot.matches('reviewing'));
  const sections = usePartSections(entry.product);
  const { reveal } = sections;
  useKeyboardShortcuts(actor);
  useOrderDownload(actor);

  const onPartClick = useCallback((partId: PartId) => {
    actor.send({ type: 'part.focus', partId });
    if (!actor.getSnapshot().matches('reviewing')) reveal(partId);
  }, [actor, reveal]);

  return (
    <ConfiguratorActorContext value={actor}>
      <a className="skip-link" href="#design-panel">Skip to the options</a>
      <div className="app">
        <AppHeader product={entry.product} />
        <main className={reviewing ? 'workspace workspace--reviewing' : 'workspace'}>
          <div className="workspace__stage">
            <PreviewPane product={entry.product} onPartClick={onPartClick} />
            <PriceSummary />
          </div>
          <div id="design-panel" className="workspace__panel" tabIndex={-1}>
            <div hidden={reviewing}>
              <PresetPicker />
              <OptionPanel product={entry.product} sections={sections} />
            </div>
            {reviewing && <ReviewPanel />}
          </div>
        </main>
        <HistoryBar />
      </div>
      <ConflictDialog />
      <LiveAnnouncer />
    </ConfiguratorActorContext>
  );
}
