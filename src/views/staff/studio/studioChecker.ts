import type { CatalogEntry } from '../../../domain/index.ts';
import type { Draft } from '../../../domain/studio/index.ts';
import type { StudioAnswer, StudioCheckAnswer, StudioCheckRequest, StudioEndpoint } from './studioProtocol.ts';

/** Asks for drafts to be checked; only the answer to the newest request is passed on. */
export interface StudioChecker {
  check(draft: Draft): void;
  /** Stops the worker; no answer is passed on after. */
  dispose(): void;
}

/**
 * A checker over an endpoint (a `Worker`, or a `MessagePort` in tests). Each request gets the
 * next id; an answer to any request but the last is dropped, so a slow answer about an older
 * draft never replaces a newer one.
 */
export function createStudioChecker(endpoint: StudioEndpoint<StudioAnswer, StudioCheckRequest>, onAnswer: (answer: StudioAnswer) => void, stop: () => void = () => {}): StudioChecker {
  let latest = 0;
  let disposed = false;
  // The worker sends a draft's entry once per rules version, also in answers dropped here as stale.
  let lastEntry: CatalogEntry | null = null;
  endpoint.onmessage = (event) => {
    const answer = event.data.type === 'checked' && event.data.keptRows ? withKeptRows(event.data, lastEntry) : event.data;
    if (answer.type === 'checked' && answer.entry) lastEntry = answer.entry;
    if (disposed || answer.id !== latest) return;
    const same = answer.type === 'checked' && !answer.entry && answer.rulesVersion !== null && lastEntry?.rulesVersion === answer.rulesVersion;
    onAnswer(same ? { ...answer, entry: lastEntry } : answer);
  };
  // The tables of the last request: a table whose text is unchanged is not copied to the worker again.
  let sentTables: Readonly<Record<string, string>> | undefined;
  return {
    check(draft) {
      latest += 1;
      const { request, kept } = leavingOutSent(draft, sentTables);
      sentTables = draft.tables;
      endpoint.postMessage({ type: 'check', id: latest, draft: request, ...(kept.length > 0 ? { keptTables: kept } : {}) });
    },
    dispose() {
      disposed = true;
      endpoint.onmessage = null;
      stop();
    },
  };
}

/** The draft without the tables whose text the last request sent (see StudioCheckRequest.keptTables). */
function leavingOutSent(draft: Draft, sent: Readonly<Record<string, string>> | undefined): { request: Draft; kept: string[] } {
  if (!draft.tables || !sent) return { request: draft, kept: [] };
  const kept: string[] = [];
  const changed: Record<string, string> = {};
  for (const [name, text] of Object.entries(draft.tables)) {
    if (sent[name] === text) kept.push(name);
    else changed[name] = text;
  }
  return { request: kept.length === 0 ? draft : { ...draft, tables: changed }, kept };
}

/** An answer whose entry left out the rows of unchanged tables, with them put back from the last entry received. */
function withKeptRows(answer: StudioCheckAnswer, last: CatalogEntry | null): StudioCheckAnswer {
  if (!answer.entry || !answer.keptRows) return answer;
  const kept = new Set(answer.keptRows);
  const rowsOf = new Map(last?.ruleSet.rules.flatMap((rule) => ('rows' in rule && kept.has(rule.id) ? [[rule.id, rule.rows] as const] : [])));
  const rules = answer.entry.ruleSet.rules.map((rule) => {
    const rows = rowsOf.get(rule.id);
    if (!rows || !('rows' in rule)) return rule;
    return { ...rule, rows };
  });
  const { keptRows: _, ...rest } = answer;
  return { ...rest, entry: { ...answer.entry, ruleSet: { ...answer.entry.ruleSet, rules } } };
}

/** The studio's checker in its own worker (its own chunk: the engine is loaded there, not on the page's thread). */
export function startStudioChecker(onAnswer: (answer: StudioAnswer) => void): StudioChecker {
  const worker = new Worker(new URL('./studioWorker.ts', import.meta.url), { type: 'module', name: 'atelier-rules-studio' });
  return createStudioChecker(worker as unknown as StudioEndpoint<StudioAnswer, StudioCheckRequest>, onAnswer, () => worker.terminate());
}
