// The studio's worker protocol over a real message channel: the worker's handler on one port,
// the page's checker on the other. A burst of drafts is answered once, for the newest.
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { serveStudioChecks } from '../../src/views/staff/studio/serveStudioChecks.ts';
import { createStudioChecker } from '../../src/views/staff/studio/studioChecker.ts';
import type { StudioAnswer, StudioCheckRequest, StudioEndpoint } from '../../src/views/staff/studio/studioProtocol.ts';
import type { Draft } from '../../src/domain/studio/index.ts';

const draft: Draft = {
  product: { file: 'models/sneaker/product.yaml', text: readFileSync('models/sneaker/product.yaml', 'utf8') },
  rules: { file: 'rules/sneaker.rules.yaml', text: readFileSync('rules/sneaker.rules.yaml', 'utf8') },
};
const broken: Draft = { ...draft, rules: { ...draft.rules, text: draft.rules.text.replace(/^product: (\S+)/m, 'product: $1\nrulez: []') } };

describe('the studio worker protocol', () => {
  let channel: MessageChannel;
  afterEach(() => {
    channel.port1.close();
    channel.port2.close();
  });

  function connect() {
    channel = new MessageChannel();
    serveStudioChecks(channel.port1 as unknown as StudioEndpoint<StudioCheckRequest, StudioAnswer>);
    const sent: StudioAnswer[] = [];
    channel.port2.addEventListener('message', (event) => sent.push((event as MessageEvent<StudioAnswer>).data));
    const answers: StudioAnswer[] = [];
    let arrived: (answer: StudioAnswer) => void = () => {};
    const checker = createStudioChecker(channel.port2 as unknown as StudioEndpoint<StudioAnswer, StudioCheckRequest>, (answer) => {
      answers.push(answer);
      arrived(answer);
    });
    const next = () => new Promise<StudioAnswer>((resolve) => { arrived = resolve; });
    return { checker, answers, sent, next };
  }

  it('answers a draft with its diagnostics, cards, vocabulary and count', async () => {
    const { checker, next } = connect();
    const answer = next();
    checker.check(draft);
    const checked = await answer;
    if (checked.type !== 'checked') throw new Error(checked.message);
    expect(checked.id).toBe(1);
    expect(checked.diagnostics.filter((diagnostic) => diagnostic.severity === 'error')).toEqual([]);
    expect(checked.cards!.length).toBeGreaterThan(0);
    expect(checked.vocabulary!.attributes.length).toBeGreaterThan(0);
    expect(BigInt(checked.designs!)).toBeGreaterThan(0n);
    expect(checked.rulesVersion).toMatch(/^[0-9a-f]{16}$/);
  }, 30_000);

  it('passes on only the answer to the newest of a burst of drafts', async () => {
    const { checker, answers, sent, next } = connect();
    const answer = next();
    checker.check(broken);
    checker.check(broken);
    checker.check(draft);
    const newest = await answer;
    // Give a stale answer, if one were sent, the time to arrive.
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(answers).toEqual([newest]);
    expect(newest).toMatchObject({ type: 'checked', id: 3 });
    expect(sent.length).toBeLessThan(3);
    checker.dispose();
  }, 30_000);
});
