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
  // The rules version of the last entry sent: an entry is sent once per version (see StudioCheckAnswer.entry).
  const sent = { version: null as string | null };
  const run = () => {
    const request = waiting;
    if (!request) return;
    waiting = null;
    endpoint.postMessage(answer(request, now, cache, sent));
  };
  endpoint.onmessage = (event) => {
    if (event.data?.type !== 'check') return;
    waiting = event.data;
    // Let the messages already queued arrive first: only the newest of them is checked.
    setTimeout(run, 0);
  };
}

function answer(request: StudioCheckRequest, now: () => number, cache: DraftCheckCache, sent: { version: string | null }): StudioAnswer {
  const started = now();
  try {
    const check = checkDraft(request.draft, cache);
    const reply: StudioAnswer = {
      type: 'checked',
      id: request.id,
      diagnostics: check.diagnostics,
      cards: check.product && check.ruleSet ? ruleCards(check.product, check.ruleSet, check.diagnostics) : null,
      vocabulary: check.product ? draftVocabulary(check.product) : null,
      designs: check.counts ? check.counts.designs.toString() : null,
      examples: runDraftExamples(request.draft, check) ?? null,
      rulesVersion: check.entry?.rulesVersion ?? null,
      entry: check.entry && check.entry.rulesVersion !== sent.version ? check.entry : null,
      millis: Math.round(now() - started),
    };
    if (check.entry) sent.version = check.entry.rulesVersion;
    return reply;
  } catch (error) {
    return { type: 'failed', id: request.id, message: error instanceof Error ? error.message : String(error) };
  }
}
