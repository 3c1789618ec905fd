// What crosses the studio's message channel once, not with every check: the worker sends a draft's
// entry (for Try it) without the rows of the tables the page already holds, and the page sends a
// draft without the CSV tables whose text the worker already has. A Renault-size draft's tables
// take longer to copy than the check. Over a real message channel, each side puts them back.
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { loadProduct, type CatalogEntry } from '../../src/domain/index.ts';
import { checkDraft, type Draft } from '../../src/domain/studio/index.ts';
import { serveStudioChecks } from '../../src/views/staff/studio/serveStudioChecks.ts';
import { createStudioChecker } from '../../src/views/staff/studio/studioChecker.ts';
import type { StudioAnswer, StudioCheckAnswer, StudioCheckRequest, StudioEndpoint } from '../../src/views/staff/studio/studioProtocol.ts';

const productText = readFileSync('models/sneaker/product.yaml', 'utf8');
const loaded = loadProduct('models/sneaker/product.yaml', productText);
if (!loaded.ok) throw new Error('the sneaker does not load');
// Two attributes of the product and every pairing of their options: a table that allows everything.
const [first, second] = [...loaded.value.attributes].sort((a, b) => a.options.length - b.options.length);
const pairings = (options: readonly { id: string }[]) => `${first!.id},${second!.id}\n${first!.options.flatMap((a) => options.map((b) => `${a.id},${b.id}\n`)).join('')}`;
const rulesWith = (message: string) => `${readFileSync('rules/sneaker.rules.yaml', 'utf8').replace(/^rules:\n/m, `rules:
  - id: every-pairing
    kind: allowed-combinations
    message: ${message}
    attributes: [${first!.id}, ${second!.id}]
    rows: { csv: pairings.csv }
`)}`;
const draft = (message: string, table = pairings(second!.options)): Draft => ({
  product: { file: 'models/sneaker/product.yaml', text: productText },
  rules: { file: 'rules/sneaker.rules.yaml', text: rulesWith(message) },
  tables: { 'pairings.csv': table },
});
const rowsOf = (entry: CatalogEntry | null | undefined) => {
  const rule = entry?.ruleSet.rules.find((candidate) => candidate.id === 'every-pairing');
  return rule && 'rows' in rule ? rule.rows : undefined;
};

describe('the entry a draft check sends', () => {
  let channel: MessageChannel;
  afterEach(() => {
    channel.port1.close();
    channel.port2.close();
  });

  it('leaves out the rows of unchanged tables, and the checker puts them back', async () => {
    channel = new MessageChannel();
    serveStudioChecks(channel.port1 as unknown as StudioEndpoint<StudioCheckRequest, StudioAnswer>);
    const sent: StudioCheckAnswer[] = [];
    let arrived: (answer: StudioCheckAnswer) => void = () => {};
    const checker = createStudioChecker(channel.port2 as unknown as StudioEndpoint<StudioAnswer, StudioCheckRequest>, (answer) => {
      if (answer.type !== 'checked') throw new Error(answer.message);
      arrived(answer);
    });
    channel.port2.addEventListener('message', (event) => sent.push((event as MessageEvent<StudioCheckAnswer>).data));
    const check = (next: Draft) => new Promise<StudioCheckAnswer>((resolve) => {
      arrived = resolve;
      checker.check(next);
    });

    const opened = await check(draft('Any pairing.'));
    const all = first!.options.length * second!.options.length;
    expect(rowsOf(opened.entry)).toHaveLength(all);
    expect(sent.at(-1)!.keptRows).toBeUndefined();

    // Another message: a new rules version, the table's rows as they were.
    const reworded = await check(draft('Any pairing at all.'));
    expect(reworded.rulesVersion).not.toBe(opened.rulesVersion);
    expect(sent.at(-1)!.keptRows).toContain('every-pairing');
    expect(rowsOf(sent.at(-1)!.entry)).toEqual([]);
    expect(reworded.entry!.rulesVersion).toBe(reworded.rulesVersion);
    expect(rowsOf(reworded.entry)).toEqual(rowsOf(opened.entry));
    expect(reworded.entry!.ruleSet.rules.find((rule) => rule.id === 'every-pairing')!.message).toBe('Any pairing at all.');

    // The table edited (its last option dropped from the second column): its rows are sent.
    const narrowed = await check(draft('Any pairing at all.', pairings(second!.options.slice(0, -1))));
    expect(sent.at(-1)!.keptRows ?? []).not.toContain('every-pairing');
    expect(rowsOf(narrowed.entry)).toHaveLength(all - first!.options.length);
    checker.dispose();
  }, 60_000);

  it('sends only the tables whose text changed, and the worker checks the whole draft, also after a skipped request', async () => {
    channel = new MessageChannel();
    serveStudioChecks(channel.port1 as unknown as StudioEndpoint<StudioCheckRequest, StudioAnswer>);
    const requests: StudioCheckRequest[] = [];
    channel.port1.addEventListener('message', (event) => requests.push((event as MessageEvent<StudioCheckRequest>).data));
    let arrived: (answer: StudioCheckAnswer) => void = () => {};
    const checker = createStudioChecker(channel.port2 as unknown as StudioEndpoint<StudioAnswer, StudioCheckRequest>, (answer) => {
      if (answer.type !== 'checked') throw new Error(answer.message);
      arrived(answer);
    });
    const answered = () => new Promise<StudioCheckAnswer>((resolve) => { arrived = resolve; });

    const opened = draft('Any pairing.');
    let answer = answered();
    checker.check(opened);
    await answer;
    expect(Object.keys(requests.at(-1)!.draft.tables!)).toEqual(['pairings.csv']);

    // The rules reworded, the table as it was: the request leaves it out.
    const reworded = draft('Any pairing at all.');
    answer = answered();
    checker.check(reworded);
    expect((await answer).designs).toBe(checkDraft(reworded).counts!.designs.toString());
    expect(requests.at(-1)!.keptTables).toEqual(['pairings.csv']);
    expect(requests.at(-1)!.draft.tables).toEqual({});

    // A burst: the narrowed table is sent once, in a request the worker may skip; the last request keeps it.
    const narrowed = draft('Any pairing at all.', pairings(second!.options.slice(0, -1)));
    answer = answered();
    checker.check(narrowed);
    checker.check({ ...narrowed, rules: { ...narrowed.rules, text: `${narrowed.rules.text}\n# edited` } });
    const last = await answer;
    expect(last.id).toBe(4);
    expect(requests.at(-1)!.keptTables).toEqual(['pairings.csv']);
    expect(last.designs).toBe(checkDraft(narrowed).counts!.designs.toString());
    expect(last.designs).not.toBe(checkDraft(reworded).counts!.designs.toString());
    checker.dispose();
  }, 60_000);
});
