import { useActorRef, useSelector } from '@xstate/react';
import { useCallback, useImperativeHandle, useMemo, type Ref } from 'react';
import { fromPromise } from 'xstate';
import type { CatalogEntry, ConfigurationSpace, Explanation, PartId, Product, SessionFacts } from '../domain/index.ts';
import {
  checkoutMachine, configuratorMachine, gallerySubmissionMachine,
  type ArtworkUploadInput, type CatalogCheckInput, type CatalogCheckOutput, type GallerySubmission, type OrderSubmission, type PlacedOrder, type SubmittedCandidate, type UploadedArtwork,
} from '../machines/index.ts';
import { checkCatalog } from './api/catalogClient.ts';
import { placeOrderOverHttp } from './api/placeOrderOverHttp.ts';
import { submitCandidateOverHttp } from './api/submitCandidateOverHttp.ts';
import { uploadArtwork } from './api/uploadArtwork.ts';
import { AppHeader } from './AppHeader.tsx';
import { ConfiguratorActorContext, GallerySubmissionMachineContext, type ConfiguratorActor } from './ConfiguratorActorContext.ts';
import { ConflictDialog } from './ConflictDialog.tsx';
import { HistoryBar } from './HistoryBar.tsx';
import { LiveAnnouncer } from './LiveAnnouncer.tsx';
import { OptionPanel } from './OptionPanel.tsx';
import { OrderConfirmation } from './OrderConfirmation.tsx';
import { PartStepper } from './PartStepper.tsx';
import { PresetPicker } from './PresetPicker.tsx';
import { PreviewPane } from './PreviewPane.tsx';
import { PriceSummary } from './PriceSummary.tsx';
import { ReviewPanel } from './ReviewPanel.tsx';
import { RuleExplanationContext } from './RuleExplanationContext.ts';
import { RulesUpdateNotice } from './RulesUpdateNotice.tsx';
import { StartingNotice } from './StartingNotice.tsx';
import type { StartingDesign } from './startingDesign.ts';
import { useCatalogWatch } from './useCatalogWatch.ts';
import { useKeyboardShortcuts } from './useKeyboardShortcuts.ts';
import { useOrderDownload } from './useOrderDownload.ts';
import { usePartSections } from './usePartSections.ts';

/** Props of {@link App}. */
export interface AppProps {
  readonly entry: CatalogEntry;
  /** The entry's rules, compiled once by the caller. */
  readonly space: ConfigurationSpace;
  /** What `space` was compiled with (date, region): rules the shop publishes later are compiled the same way. */
  readonly facts?: SessionFacts;
  /** A shared or remixed design to start from (see `loadStartingDesign`). */
  readonly start?: StartingDesign;
  /** Every product of the shop, for the header's product links (default: this one). */
  readonly products?: readonly Pick<Product, 'id' | 'name'>[];
  /**
   * Runs inside the rules studio's try-it pane (default false: the customer page). No order,
   * share link or gallery (the review that holds them is not offered), no header or skip link (the
   * studio page has its own) and no asking the shop for published rules: the studio brings drafts.
   */
  readonly tryIt?: boolean;
  /** Which rules decide an unavailable option, in words, added to its description (default none: customers never see it). */
  readonly explainRules?: (explanation: Explanation, entry: CatalogEntry) => string;
  /** Receives the session actor, for a host that reads the design (the try-it pane). */
  readonly sessionRef?: Ref<ConfiguratorActor | null>;
  /** The 3D preview where WebGL works (default: on the customer page, off in the try-it pane unless its host asks). */
  readonly threeD?: boolean;
}

// The page's one connection to the server that served it: orders (through the session's
// checkout), artwork uploads, gallery submissions and the checks for newly published rules go there.
const configurator = configuratorMachine.provide({
  actors: {
    checkout: checkoutMachine.provide({
      actors: { placeOrder: fromPromise<PlacedOrder, OrderSubmission>(({ input, signal }) => placeOrderOverHttp(input, signal)) },
    }),
    uploadArtwork: fromPromise<UploadedArtwork, ArtworkUploadInput>(({ input, signal }) => uploadArtwork(input.file, signal)),
    checkCatalog: fromPromise<CatalogCheckOutput, CatalogCheckInput>(({ input, signal }) => checkCatalog(input, signal)),
  },
});
const gallerySubmission = gallerySubmissionMachine.provide({
  actors: { submitCandidate: fromPromise<SubmittedCandidate, GallerySubmission>(({ input }) => submitCandidateOverHttp(input)) },
});

/**
 * The customer's configurator for one product: one session actor, the preview beside the option
 * panel (or the review), the price and delivery summary, and the action bar.
 */
export function App({ entry, space, facts, start, products = [entry.product], tryIt = false, explainRules, sessionRef, threeD = !tryIt }: AppProps) {
  const actor = useActorRef(configurator, {
    input: {
      entry, space, watchCatalog: !tryIt,
      ...(facts ? { facts } : {}),
      ...(start ? { choices: start.choices } : {}),
      ...(start?.startedFrom ? { startedFrom: start.startedFrom } : {}),
      ...(start?.remixOf ? { remixOf: start.remixOf } : {}),
    },
  });
  const ordered = useSelector(actor, (snapshot) => snapshot.matches('ordered'));
  // The confirmation takes the review's place beside the preview.
  const reviewing = useSelector(actor, (snapshot) => snapshot.matches('reviewing')) || ordered;
  // The session's product, not the page's first: the shop may publish new rules while the page is open.
  const product = useSelector(actor, (snapshot) => snapshot.context.entry.product);
  const sessionEntry = useSelector(actor, (snapshot) => snapshot.context.entry);
  const explain = useMemo(() => (explainRules ? (explanation: Explanation) => explainRules(explanation, sessionEntry) : null), [explainRules, sessionEntry]);
  useImperativeHandle(sessionRef, () => actor, [actor]);
  const sections = usePartSections(product);
  const { reveal } = sections;
  useKeyboardShortcuts(actor);
  useCatalogWatch(actor);
  useOrderDownload(actor);

  const onPartClick = useCallback((partId: PartId) => {
    actor.send({ type: 'part.focus', partId });
    if (actor.getSnapshot().hasTag('editable')) reveal(partId);
  }, [actor, reveal]);

  return (
    <ConfiguratorActorContext value={actor}>
      <GallerySubmissionMachineContext value={gallerySubmission}>
        {!tryIt && <a className="skip-link" href="#design-panel">Skip to the options</a>}
        <div className="app">
          {!tryIt && <AppHeader product={product} products={products} />}
          <main className={reviewing ? 'workspace workspace--reviewing' : 'workspace'}>
            <div className="workspace__stage">
              <PreviewPane product={product} onPartClick={onPartClick} threeD={threeD} />
              <PriceSummary />
            </div>
            <div id="design-panel" className="workspace__panel" tabIndex={-1}>
              <RulesUpdateNotice />
              {start?.notice && <StartingNotice notice={start.notice} />}
              <div hidden={reviewing}>
                <PartStepper product={product} sections={sections} />
                <PresetPicker />
                <RuleExplanationContext value={explain}>
                  <OptionPanel product={product} sections={sections} />
                </RuleExplanationContext>
              </div>
              {reviewing && !ordered && <ReviewPanel onRevealPart={reveal} />}
              {ordered && <OrderConfirmation />}
            </div>
          </main>
          <HistoryBar review={!tryIt} />
        </div>
        <ConflictDialog />
        <LiveAnnouncer />
      </GallerySubmissionMachineContext>
    </ConfiguratorActorContext>
  );
}
