import { DraftCheckCache, checkDraft, draftVocabulary, ruleCards, runDraftExamples } from '../../../domain/studio/index.ts';
import type { CatalogEntry } from '../../../domain/index.ts';
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
  const sent: SentEntry = { version: null, rows: new Map() };
  const run = () => {
    const request = waiting;
    if (!request) return;
    waiting = null;
    endpoint.postMessage(answer(request, now, cache, sent));
  };
  // The tables of the last request, as whole: a request leaves out those it kept (see StudioCheckRequest.keptTables).
  let tables: Readonly<Record<string, string>> | undefined;
  endpoint.onmessage = (event) => {
    if (event.data?.type !== 'check') return;
    // Every request is completed as it arrives, also those skipped below: a later one keeps their tables.
    const request = withKeptTables(event.data, tables);
    tables = request.draft.tables;
    waiting = request;
    // Let the messages already queued arrive first: only the newest of them is checked.
    setTimeout(run, 0);
  };
}

/** A request with the tables it kept put back from the last request's. */
function withKeptTables(request: StudioCheckRequest, last: Readonly<Record<string, string>> | undefined): StudioCheckRequest {
  if (!request.keptTables || request.keptTables.length === 0) return request;
  const tables: Record<string, string> = { ...request.draft.tables };
  for (const name of request.keptTables) {
    const text = last?.[name];
    if (text === undefined) throw new Error(`[Atelier] the studio's check request keeps table "${name}", but no earlier request sent it`);
    tables[name] = text;
  }
  const { keptTables: _, ...rest } = request;
  return { ...rest, draft: { ...request.draft, tables } };
}

/** What the page holds of the last entry sent: its version, and each table rule's rows (the same arrays while a table's text is unchanged). */
interface SentEntry {
  version: string | null;
  readonly rows: Map<string, readonly (readonly string[])[]>;
}

/** The entry with the rows the page already holds left out (see StudioCheckAnswer.keptRows); the rows sent are remembered. */
function entryToSend(entry: CatalogEntry, sent: SentEntry): { entry: CatalogEntry; keptRows: string[] } {
  const keptRows: string[] = [];
  const before = new Map(sent.rows);
  sent.rows.clear();
  const rules = entry.ruleSet.rules.map((rule) => {
    if (rule.kind !== 'allowed-combinations' && rule.kind !== 'forbidden-combinations') return rule;
    sent.rows.set(rule.id, rule.rows);
    if (before.get(rule.id) !== rule.rows) return rule;
    keptRows.push(rule.id);
    return { ...rule, rows: [] };
  });
  sent.version = entry.rulesVersion;
  return { entry: keptRows.length === 0 ? entry : { ...entry, ruleSet: { ...entry.ruleSet, rules } }, keptRows };
}

function answer(request: StudioCheckRequest, now: () => number, cache: DraftCheckCache, sent: SentEntry): StudioAnswer {
  const started = now();
  try {
    const check = checkDraft(request.draft, cache);
    const fresh = check.entry && check.entry.rulesVersion !== sent.version ? entryToSend(check.entry, sent) : null;
    const reply: StudioAnswer = {
      type: 'checked',
      id: request.id,
      diagnostics: check.diagnostics,
      cards: check.product && check.ruleSet ? ruleCards(check.product, check.ruleSet, check.diagnostics) : null,
      vocabulary: check.product ? draftVocabulary(check.product) : null,
      designs: check.counts ? check.counts.designs.toString() : null,
      examples: runDraftExamples(request.draft, check) ?? null,
      rulesVersion: check.entry?.rulesVersion ?? null,
      entry: fresh?.entry ?? null,
      ...(fresh && fresh.keptRows.length > 0 ? { keptRows: fresh.keptRows } : {}),
      millis: Math.round(now() - started),
    };
    return reply;
  } catch (error) {
    return { type: 'failed', id: request.id, message: error instanceof Error ? error.message : String(error) };
  }
}
