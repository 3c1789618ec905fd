import { DraftCheckCache, checkDraft, draftVocabulary, ruleCards, runDraftExamples } from '../../../domain/studio/index.ts';
import type { StudioAnswer, StudioCheckRequest, StudioEndpoint } from './studioProtocol.ts';

/**
 * Answers check requests on an endpoint (the worker's scope), the newest first: requests that
 * arrived while a check ran are skipped but for the last one, so a burst of typing costs one
 * check, not one per keystroke. (The page also drops any answer older than its last request.)
 */
export function serveStudioChecks(endpoint: StudioEndpoint<StudioCheckRequest, StudioAnswer>, now: () => number = () => performance.now()): void {
  let waiting: StudioCheckRequest | null = null;
  // What the last check loaded and compiled: an edit reuses what it left unchanged.
  const cache = new DraftCheckCache();
  const run = () => {
    const request = waiting;
    if (!request) return;
    waiting = null;
    endpoint.postMessage(answer(request, now, cache));
  };
  endpoint.onmessage = (event) => {
    if (event.data?.type !== 'check') return;
    waiting = event.data;
    // Let the messages already queued arrive first: only the newest of them is checked.
    setTimeout(run, 0);
  };
}

function answer(request: StudioCheckRequest, now: () => number, cache: DraftCheckCache): StudioAnswer {
  const started = now();
  try {
    const check = checkDraft(request.draft, cache);
    return {
      type: 'checked',
      id: request.id,
      diagnostics: check.diagnostics,
      cards: check.product && check.ruleSet ? ruleCards(check.product, check.ruleSet, check.diagnostics) : null,
      vocabulary: check.product ? draftVocabulary(check.product) : null,
      designs: check.counts ? check.counts.designs.toString() : null,
      examples: runDraftExamples(request.draft, check) ?? null,
      rulesVersion: check.entry?.rulesVersion ?? null,
      entry: check.entry ?? null,
      millis: Math.round(now() - started),
    };
  } catch (error) {
    return { type: 'failed', id: request.id, message: error instanceof Error ? error.message : String(error) };
  }
}
