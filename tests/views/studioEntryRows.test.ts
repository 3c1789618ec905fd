// The studio's worker sends a draft's entry (for Try it) once per rules version, and leaves out the
// rows of the tables the page already holds: a CSV table of 50k rows takes longer to clone than
// the check. Over a real message channel: the page's checker puts the rows back.
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { loadProduct, type CatalogEntry } from '../../src/domain/index.ts';
import type { Draft } from '../../src/domain/studio/index.ts';
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
});
