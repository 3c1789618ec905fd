// The community-gallery API in-process (app.request) over a real PGlite and the real catalog:
// submitting designs (revalidated, personalisation removed, titles moderated), joining identical
// designs, the four sorts, votes with signed voter cookies, rate limits and burst flags, remixes.
import { readFileSync } from 'node:fs';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { DesignDocument } from '../../src/domain/index.ts';
import type { Candidate } from '../../src/server/candidate.ts';
import type { ServerOrder } from '../../src/server/serverOrder.ts';
import { designFrom, distinctDesigns, orderBody, productUnderTest } from '../../scripts/support/orderBodies.ts';
import { fromAddress, startTestApp, type TestApp } from './support/testApp.ts';

let t: TestApp;
let sneaker: ReturnType<typeof productUnderTest>;
let designs: DesignDocument[];

beforeAll(async () => {
  t = await startTestApp();
  sneaker = productUnderTest(t.entry);
  designs = distinctDesigns(sneaker, 6, 7);
}, 120_000);

afterAll(async () => {
  await t?.dispose();
});

beforeEach(async () => {
  await t.client.query('TRUNCATE rate_limit_windows, vote_casts, votes, candidate_submitters, candidates, print_files, order_images, orders RESTART IDENTITY');
  t.setNow('2026-11-25T12:00:00.000Z');
});

type CandidateBody = { candidate: Candidate; joined?: true };
type ErrorBody = { error: { code: string; message: string; hint: string; problems?: { path: string; message: string }[] } };

const submission = (design: DesignDocument, extra: Record<string, unknown> = {}) => ({ design, title: 'Midnight runner', ...extra });

function send(method: string, path: string, body: unknown, cookie?: string, headers: Record<string, string> = {}) {
  return t.app.request(path, {
    method,
    headers: { 'Content-Type': 'application/json', ...(cookie ? { Cookie: cookie } : {}), ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}
const submit = (body: unknown, cookie?: string) => send('POST', '/api/candidates', body, cookie);
const vote = (id: string, value: unknown, cookie?: string) => send('POST', `/api/candidates/${id}/votes`, typeof value === 'string' ? { vote: value } : value, cookie);
const get = (path: string, cookie?: string) => t.app.request(path, cookie ? { headers: { Cookie: cookie } } : {});

/** The `name=value` of the voter cookie a response sets. */
function cookieOf(response: Response): string {
  const header = response.headers.get('set-cookie');
  if (!header) throw new Error('the response set no cookie');
  return header.split(';')[0]!;
}

let voters = 0;
/** A new voter: a first visit to the gallery, from an address of its own, and the cookie it was given. */
async function newVoter(): Promise<string> {
  voters++;
  return cookieOf(await t.app.request('/api/candidates', {}, fromAddress(`10.${(voters >> 16) & 255}.${(voters >> 8) & 255}.${voters & 255}`)));
}

async function created(design: DesignDocument, extra: Record<string, unknown> = {}, cookie?: string): Promise<Candidate> {
  const response = await submit(submission(design, extra), cookie);
  expect(response.status).toBe(201);
  return ((await response.json()) as CandidateBody).candidate;
}

async function list(query: string, cookie?: string): Promise<Candidate[]> {
  const response = await get(`/api/candidates?${query}`, cookie);
  expect(response.status).toBe(200);
  return ((await response.json()) as { candidates: Candidate[] }).candidates;
}

async function expectError(response: Response, status: number, code: string) {
  expect(response.status).toBe(status);
  expect(response.headers.get('content-type')).toMatch(/^application\/json/);
  const body = (await response.json()) as ErrorBody;
  expect(Object.keys(body)).toEqual(['error']);
  expect(body.error.code).toBe(code);
  expect(body.error.message.length).toBeGreaterThan(10);
  expect(body.error.hint.length).toBeGreaterThan(5);
  return body.error;
}

const storedCandidates = async () => Number((await t.client.query<{ n: number }>('SELECT count(*)::int AS n FROM candidates'))[0]!.n);

describe('submitting a design', () => {
  it('stores a valid design and answers 201 with the candidate, its thumbnail URL and a voter cookie', async () => {
    const response = await submit(submission(designs[0]!));
    expect(response.status).toBe(201);
    const { candidate } = (await response.json()) as CandidateBody;
    expect(candidate).toEqual({
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      productId: 'sneaker',
      rulesVersion: t.entry.rulesVersion,
      canonicalKey: expect.stringMatching(/^sneaker\|/),
      title: 'Midnight runner',
      design: { ...designs[0]!, personalisation: {} },
      thumbnailUrl: `/api/candidates/${candidate.id}/thumbnail`,
      upVotes: 0, downVotes: 0, flaggedVotes: 0, score: 0, orders: 0, remixes: 0, submitters: 1,
      remixOf: null,
      createdAt: '2026-11-25T12:00:00.000000Z',
      myVote: 0,
      orderableAsIs: true,
    });
    expect(response.headers.get('location')).toBe(`/api/candidates/${candidate.id}`);
    expect(response.headers.get('set-cookie')).toMatch(/^atelier_voter=[A-Za-z0-9_-]{22}\.(?:[A-Za-z0-9]|%2B|%2F){43}%3D; Max-Age=31536000; Path=\/; HttpOnly; SameSite=Lax$/);

    const fetched = await get(`/api/candidates/${candidate.id}`, cookieOf(response));
    expect(fetched.status).toBe(200);
    expect(fetched.headers.get('set-cookie')).toBeNull();
    expect(((await fetched.json()) as CandidateBody).candidate).toEqual(candidate);
    const image = await get(candidate.thumbnailUrl);
    expect(image.status).toBe(200);
    expect(image.headers.get('content-type')).toBe('image/png');
    // Drawn by the shop from the design (tests/server/galleryPictures.test.ts looks at its pixels).
    expect([...new Uint8Array(await image.arrayBuffer()).subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  });

  it('removes the personalisation: personal text never goes public', async () => {
    const personal = { ...designs[0]!, personalisation: { 'tongue.text': 'ADA LOVELACE 1815' } };
    const response = await submit(submission(personal));
    expect(response.status).toBe(201);
    const text = await response.text();
    expect(text).not.toContain('LOVELACE');
    expect(((JSON.parse(text) as CandidateBody).candidate.design.personalisation)).toEqual({});
    const rows = await t.client.query<{ design: string }>('SELECT design::text AS design FROM candidates');
    expect(rows[0]!.design).not.toContain('LOVELACE');
  });

  it('joins an identical design to its candidate (200, joined), counting each customer once', async () => {
    const first = await submit(submission(designs[0]!));
    const { candidate } = (await first.json()) as CandidateBody;
    // Another customer reached the same choices another way, and named it otherwise.
    const sameChoices = { ...designs[0]!, chosenByCustomer: [] };
    const second = await submit(submission(sameChoices, { title: 'Deep sea' }));
    expect(second.status).toBe(200);
    const joined = (await second.json()) as CandidateBody;
    expect(joined.joined).toBe(true);
    expect(joined.candidate).toMatchObject({ id: candidate.id, title: 'Midnight runner', submitters: 2 });
    const again = (await (await submit(submission(designs[0]!), cookieOf(second))).json()) as CandidateBody;
    expect(again.candidate.submitters).toBe(2);
    expect(await storedCandidates()).toBe(1);
  });

  it.each([
    ['a brand', 'N1KE runner', 'title_brand', /other brands \("nike"\)/],
    ['a spaced-out brand', 'a d i d a s', 'title_brand', /"adidas"/],
    ['profanity', 'sh1t kicks', 'title_profanity', /offensive words/],
    ['an email address', 'ask ada@example.com', 'title_personal_data', /email address/],
    ['a phone number', 'call 0612 345 678', 'title_personal_data', /phone number/],
    ['a brand with a small L for the I', 'NlKE', 'title_brand', /"nike"/],
    ['a brand in Cyrillic', 'Адидас', 'title_brand', /"adidas"/],
    ['a web address', 'evil.example', 'title_link', /web address: the gallery shows no links/],
    ['a defanged web address', 'hxxp://evil[.]example', 'title_link', /web address/],
  ])('refuses a title with %s (422), storing nothing', async (_name, title, code, message) => {
    const error = await expectError(await submit(submission(designs[0]!, { title })), 422, code);
    expect(error.message).toMatch(message);
    expect(error.problems?.[0]?.path).toBe('title');
    expect(await storedCandidates()).toBe(0);
  });

  it('accepts innocent titles holding a blocked word, stored clean', async () => {
    const candidate = await created(designs[0]!, { title: '  Pumpkin\u200B spice  Classic ' });
    expect(candidate.title).toBe('Pumpkin spice Classic');
    expect((await created(designs[1]!, { title: 'Scunthorpe Assistant' })).title).toBe('Scunthorpe Assistant');
  });

  it('cleans odd Unicode in a title instead of failing: control characters, bidi overrides, a lone surrogate', async () => {
    const response = await submit(JSON.stringify(submission(designs[0]!, { title: 'Night\u0000run \u202Eevil\u202C \ud800end' })));
    expect(response.status).toBe(201);
    const { candidate } = (await response.json()) as CandidateBody;
    expect(candidate.title).toBe('Night run evil \ufffdend');
  });

  it('counts the title in graphemes: 60 emoji pass, 61 do not, nor an empty title', async () => {
    expect((await created(designs[0]!, { title: '👟'.repeat(60) })).title).toBe('👟'.repeat(60));
    const long = await expectError(await submit(submission(designs[1]!, { title: '👟'.repeat(61) })), 422, 'invalid_request');
    expect(long.message).toMatch(/61 characters, more than 60/);
    await expectError(await submit(submission(designs[1]!, { title: ' \u200B ' })), 422, 'invalid_request');
    await expectError(await submit(submission(designs[1]!, { title: 42 })), 422, 'invalid_request');
    expect(await storedCandidates()).toBe(1);
  });

  it('revalidates the design like an order: 409 for an unknown rules version, 422 for an invalid design or product', async () => {
    const unknown = await expectError(await submit(submission({ ...designs[0]!, rulesVersion: 'feedfacefeedface' })), 409, 'unknown_rules_version');
    expect(unknown.message).toContain('feedfacefeedface');
    const design = designFrom(sneaker, { 'vamp.material': 'suede' });
    const tampered = { ...design, choices: { ...design.choices, 'toeCap.material': 'patent', 'toeCap.colour': 'black' } };
    const invalid = await expectError(await submit(submission(tampered)), 422, 'invalid_design');
    expect(JSON.stringify(invalid.problems)).toContain('patent-toe-on-firm-vamp');
    await expectError(await submit(submission({ ...design, choices: { ...design.choices, 'laces.colour': 'gold' } })), 422, 'invalid_design');
    await expectError(await submit(submission({ ...design, productId: 'boot' })), 422, 'unknown_product');
    expect(await storedCandidates()).toBe(0);
  });

  it('refuses malformed JSON (400), a body that is not JSON (415), an oversized body (413) and unknown fields (422)', async () => {
    const malformed = await expectError(await submit('{"design": {"productId": "sneaker",'), 400, 'malformed_json');
    expect(malformed.message).toMatch(/not valid JSON/);
    await expectError(await send('POST', '/api/candidates', 'title=x', undefined, { 'Content-Type': 'text/plain' }), 415, 'unsupported_media_type');
    const huge = await expectError(await submit({ ...submission(designs[0]!), padding: 'x'.repeat(2 * 1024 * 1024 + 1) }), 413, 'body_too_large');
    expect(huge.hint).toMatch(/draws the picture/);
    const unknown = await expectError(await submit({ ...submission(designs[0]!), colour: 'red' }), 422, 'invalid_request');
    expect(unknown.problems?.map((problem) => problem.path)).toEqual(['colour']);
    await expectError(await submit([]), 422, 'invalid_request');
    expect(await storedCandidates()).toBe(0);
  });

  it('refuses a remix of a candidate that does not exist (422)', async () => {
    const error = await expectError(await submit(submission(designs[0]!, { remixOf: '00000000-0000-4000-8000-000000000000' })), 422, 'unknown_candidate');
    expect(error.hint).toMatch(/GET \/api\/candidates/);
    await expectError(await submit(submission(designs[0]!, { remixOf: 'not an id' })), 422, 'invalid_request');
    expect(await storedCandidates()).toBe(0);
  });
});

describe('listing the gallery', () => {
  it('ranks top by the Wilson lower bound: 5 up of 10 below 50 up of 100', async () => {
    const few = await created(designs[0]!, { title: 'Few votes' });
    const many = await created(designs[1]!, { title: 'Many votes' });
    await created(designs[2]!, { title: 'No votes' });
    for (let index = 0; index < 10; index++) expect((await vote(few.id, index < 5 ? 'up' : 'down', await newVoter())).status).toBe(200);
    for (let index = 0; index < 100; index++) expect((await vote(many.id, index < 50 ? 'up' : 'down', await newVoter())).status).toBe(200);
    const top = await list('product=sneaker&sort=top');
    expect(top.map((candidate) => candidate.title)).toEqual(['Many votes', 'Few votes', 'No votes']);
    expect(top[0]).toMatchObject({ upVotes: 50, downVotes: 50, flaggedVotes: 0 });
    expect(top[0]!.score).toBeCloseTo(0.404, 3);
    expect(top[1]!.score).toBeCloseTo(0.237, 3);
    expect(top[2]!.score).toBe(0);
  });

  it('ranks most-ordered by the orders of the same design, whoever ordered it and however they chose it', async () => {
    const once = await created(designs[0]!, { title: 'Ordered once' });
    const twice = await created(designs[1]!, { title: 'Ordered twice' });
    await created(designs[2]!, { title: 'Never ordered' });
    const order = (design: DesignDocument) => t.app.request('/api/orders', {
      method: 'POST', headers: { 'Content-Type': 'application/json', 'Idempotency-Key': crypto.randomUUID() }, body: JSON.stringify(orderBody(sneaker, design)),
    });
    expect((await order(designs[0]!)).status).toBe(201);
    expect((await order(designs[1]!)).status).toBe(201);
    expect((await order({ ...designs[1]!, chosenByCustomer: [] })).status).toBe(201);
    expect((await order(designs[3]!)).status).toBe(201);
    const ranked = await list('sort=most-ordered');
    expect(ranked.map((candidate) => [candidate.title, candidate.orders])).toEqual([['Ordered twice', 2], ['Ordered once', 1], ['Never ordered', 0]]);
    expect(ranked.map((candidate) => candidate.id).slice(0, 2)).toEqual([twice.id, once.id]);
  });

  it('ranks trending by recent up-votes and orders against the week before, and newest by time', async () => {
    t.setNow('2026-11-10T12:00:00.000Z');
    const early = await created(designs[0]!, { title: 'Early' });
    for (let index = 0; index < 4; index++) await vote(early.id, 'up', await newVoter());
    t.setNow('2026-11-20T12:00:00.000Z');
    const late = await created(designs[1]!, { title: 'Late' });
    await vote(late.id, 'up', await newVoter());
    t.setNow('2026-11-21T12:00:00.000Z');
    expect((await list('sort=trending')).map((candidate) => candidate.title)).toEqual(['Late', 'Early']);
    expect((await list('sort=top')).map((candidate) => candidate.title)).toEqual(['Early', 'Late']);
    expect((await list('sort=newest')).map((candidate) => candidate.title)).toEqual(['Late', 'Early']);
    expect((await list('sort=newest&limit=1')).map((candidate) => candidate.title)).toEqual(['Late']);
  });

  it('pages through the gallery with offset, and says where the next page starts', async () => {
    const titles: string[] = [];
    for (let index = 0; index < 5; index++) {
      t.setNow(`2026-11-2${index}T12:00:00.000Z`);
      titles.unshift((await created(designs[index]!, { title: `Design ${index}` })).title);
    }
    const page = async (query: string) => {
      const response = await get(`/api/candidates?sort=newest&${query}`);
      expect(response.status).toBe(200);
      return (await response.json()) as { candidates: Candidate[]; nextOffset: number | null };
    };
    const first = await page('limit=2');
    const second = await page(`limit=2&offset=${first.nextOffset}`);
    const last = await page(`limit=2&offset=${second.nextOffset}`);
    expect([first, second, last].map((body) => body.candidates.map((candidate) => candidate.title))).toEqual([titles.slice(0, 2), titles.slice(2, 4), titles.slice(4)]);
    expect([first.nextOffset, second.nextOffset, last.nextOffset]).toEqual([2, 4, null]);
    // A page that ends exactly at the last design says there is no next one.
    expect((await page('limit=5')).nextOffset).toBeNull();
    expect((await page('limit=2&offset=10')).candidates).toEqual([]);
  });

  it('shows each voter their own vote, and gives a voter cookie to a first visit', async () => {
    const candidate = await created(designs[0]!);
    const firstVisit = await get('/api/candidates');
    expect(firstVisit.headers.get('set-cookie')).toMatch(/^atelier_voter=.*HttpOnly; SameSite=Lax$/);
    const ada = cookieOf(firstVisit);
    await vote(candidate.id, 'up', ada);
    expect((await list('', ada))[0]!.myVote).toBe(1);
    expect((await list(''))[0]!.myVote).toBe(0);
    const response = await get('/api/candidates', ada);
    expect(response.headers.get('set-cookie')).toBeNull();
    expect(response.headers.get('cache-control')).toBe('no-store');
  });

  it.each([
    ['sort=best', /unknown sort "best"/],
    ['limit=0', /from 1 to 100/],
    ['limit=101', /from 1 to 100/],
    ['limit=ten', /from 1 to 100/],
    ['offset=-1', /"offset" must be a whole number from 0 to 10000/],
    ['offset=ten', /"offset" must be a whole number from 0 to 10000/],
    ['offset=10001', /"offset" must be a whole number from 0 to 10000/],
    ['product=boot', /no product "boot"/],
  ])('refuses %s with 400', async (query, message) => {
    const error = await expectError(await get(`/api/candidates?${query}`), 400, 'invalid_query');
    expect(error.message).toMatch(message);
  });

  it('answers 404 for an unknown candidate or thumbnail', async () => {
    await expectError(await get('/api/candidates/00000000-0000-4000-8000-000000000000'), 404, 'not_found');
    await expectError(await get('/api/candidates/00000000-0000-4000-8000-000000000000/thumbnail'), 404, 'not_found');
    const unknown = await expectError(await get('/api/gallery'), 404, 'not_found');
    expect(unknown.hint).toContain('POST /api/candidates/:id/votes');
  });
});

describe('voting', () => {
  it('keeps one vote per voter: a second vote replaces the first, none removes it', async () => {
    const candidate = await created(designs[0]!);
    const ada = await newVoter();
    const first = await vote(candidate.id, 'up', ada);
    expect(first.status).toBe(200);
    expect(((await first.json()) as CandidateBody).candidate).toMatchObject({ upVotes: 1, downVotes: 0, myVote: 1 });
    const again = (await (await vote(candidate.id, 'down', ada)).json()) as CandidateBody;
    expect(again.candidate).toMatchObject({ upVotes: 0, downVotes: 1, myVote: -1 });
    await vote(candidate.id, 'up', await newVoter());
    const none = (await (await vote(candidate.id, 'none', ada)).json()) as CandidateBody;
    expect(none.candidate).toMatchObject({ upVotes: 1, downVotes: 0, myVote: 0 });
    expect(none.candidate.score).toBeCloseTo(0.207, 3);
  });

  it('ignores a tampered cookie: its holder must come back as a new voter and cannot touch the real voter\'s vote', async () => {
    const candidate = await created(designs[0]!);
    const ada = await newVoter();
    expect((await vote(candidate.id, 'up', ada)).status).toBe(200);
    const [name, value] = ada.split('=') as [string, string];
    const [id, mac] = value.split('.') as [string, string];
    const otherId = `${id.slice(0, -1)}${id.endsWith('A') ? 'B' : 'A'}`;
    for (const tampered of [`${name}=${otherId}.${mac}`, `${name}=${id}.${mac.slice(0, -1)}${mac.endsWith('A') ? 'B' : 'A'}`, `${name}=${id}`, `${name}=garbage`]) {
      const response = await vote(candidate.id, 'none', tampered);
      await expectError(response, 403, 'voter_cookie_required');
      expect(response.headers.get('set-cookie')).toMatch(/^atelier_voter=/);
      const fresh = cookieOf(response);
      expect(fresh).not.toBe(ada);
      expect(((await (await vote(candidate.id, 'none', fresh)).json()) as CandidateBody).candidate).toMatchObject({ upVotes: 1, myVote: 0 });
    }
    expect(((await (await get(`/api/candidates/${candidate.id}`, ada)).json()) as CandidateBody).candidate.myVote).toBe(1);
  });

  it('does not read a cookie of the earlier format (a base64url HMAC): its holder is issued a new voter id', async () => {
    const candidate = await created(designs[0]!);
    const { createHmac } = await import('node:crypto');
    const id = 'AAAAAAAAAAAAAAAAAAAAAA';
    const earlier = `atelier_voter=${id}.${createHmac('sha256', 'test-voter-secret-0123456789').update(id).digest('base64url')}`;
    const response = await vote(candidate.id, 'up', earlier);
    await expectError(response, 403, 'voter_cookie_required');
    expect(cookieOf(response)).not.toContain(id);
  });

  it('refuses the 31st vote in a minute with 429 and Retry-After, writing nothing, and takes votes again a minute later', async () => {
    const candidate = await created(designs[0]!);
    const ada = await newVoter();
    const first = await vote(candidate.id, 'up', ada);
    expect(first.status).toBe(200);
    expect([...first.headers].filter(([name]) => name.startsWith('ratelimit'))).toEqual([
      ['ratelimit-limit', '30'], ['ratelimit-policy', '30;w=60'], ['ratelimit-remaining', '29'], ['ratelimit-reset', '60'],
    ]);
    for (let index = 1; index < 30; index++) {
      t.setNow(`2026-11-25T12:00:${String(index).padStart(2, '0')}.000Z`);
      const response = await vote(candidate.id, index % 2 === 0 ? 'up' : 'down', ada);
      expect(response.status).toBe(200);
      expect([response.headers.get('ratelimit-remaining'), response.headers.get('ratelimit-reset')]).toEqual([String(29 - index), String(60 - index)]);
    }
    t.setNow('2026-11-25T12:00:40.000Z');
    const refused = await vote(candidate.id, 'none', ada);
    const error = await expectError(refused, 429, 'rate_limited');
    expect(refused.headers.get('retry-after')).toBe('20');
    expect([refused.headers.get('ratelimit-remaining'), refused.headers.get('ratelimit-reset')]).toEqual(['0', '20']);
    expect(error.message).toMatch(/30 votes in the last 60 seconds/);
    expect(error.hint).toMatch(/wait 20 seconds/);
    expect(((await (await get(`/api/candidates/${candidate.id}`, ada)).json()) as CandidateBody).candidate.myVote).not.toBe(0);
    expect(await t.client.query('SELECT 1 FROM vote_casts')).toHaveLength(30);
    t.setNow('2026-11-25T12:01:00.500Z');
    expect((await vote(candidate.id, 'none', ada)).status).toBe(200);
  });

  it('stores the votes beyond 10 within 60 seconds flagged: kept, shown, not counted', async () => {
    const [first, second, third] = [await created(designs[0]!), await created(designs[1]!), await created(designs[2]!)];
    const ada = await newVoter();
    expect((await vote(first.id, 'up', ada)).status).toBe(200);
    for (let index = 1; index < 10; index++) {
      t.setNow(`2026-11-25T12:00:${String(index * 5).padStart(2, '0')}.000Z`);
      await vote(first.id, index % 2 === 0 ? 'up' : 'down', ada);
    }
    t.setNow('2026-11-25T12:00:55.000Z');
    const burst = ((await (await vote(second.id, 'up', ada)).json()) as CandidateBody).candidate;
    expect(burst).toMatchObject({ upVotes: 0, downVotes: 0, flaggedVotes: 1, score: 0, myVote: 1 });
    const rows = await t.client.query<{ flagged: boolean }>('SELECT v.flagged FROM votes v JOIN candidates c ON c.seq = v.candidate_seq WHERE c.public_id = $1', [second.id]);
    expect(rows.map((row) => row.flagged)).toEqual([true]);
    // A minute after the first vote, the window holds fewer than 10 votes again.
    t.setNow('2026-11-25T12:01:20.000Z');
    expect(((await (await vote(third.id, 'up', ada)).json()) as CandidateBody).candidate).toMatchObject({ upVotes: 1, flaggedVotes: 0 });
  });

  it('refuses a vote on an unknown candidate (404), a bad vote (422) and malformed JSON (400)', async () => {
    const candidate = await created(designs[0]!);
    const ada = await newVoter();
    await expectError(await vote('00000000-0000-4000-8000-000000000000', 'up', ada), 404, 'not_found');
    const sideways = await expectError(await vote(candidate.id, 'sideways', ada), 422, 'invalid_request');
    expect(sideways.message).toMatch(/"up", "down" or "none"/);
    // Names every object inherits are not votes either.
    for (const inherited of ['toString', 'constructor', '__proto__', 'hasOwnProperty', 'valueOf']) {
      const error = await expectError(await vote(candidate.id, inherited, ada), 422, 'invalid_request');
      expect(error.message).toContain(`"${inherited}"`);
    }
    await expectError(await send('POST', `/api/candidates/${candidate.id}/votes`, '{"vote":"__proto__"}', ada), 422, 'invalid_request');
    await expectError(await vote(candidate.id, { vote: 'up', weight: 10 }, ada), 422, 'invalid_request');
    await expectError(await send('POST', `/api/candidates/${candidate.id}/votes`, '{"vote":', ada), 400, 'malformed_json');
    await expectError(await vote(candidate.id, { vote: 'up', padding: 'x'.repeat(2000) }, ada), 413, 'body_too_large');
    expect(await t.client.query('SELECT 1 FROM vote_casts')).toHaveLength(0);
  });
});

describe('remixes', () => {
  function schemaValidator() {
    const ajv = new Ajv2020({ allErrors: true, strict: true });
    addFormats(ajv);
    for (const file of ['design', 'order']) ajv.addSchema(JSON.parse(readFileSync(`public/schemas/${file}.schema.json`, 'utf8')) as object);
    return ajv.compile(JSON.parse(readFileSync('public/schemas/server-order.schema.json', 'utf8')) as object);
  }
  const order = (body: Record<string, unknown>) => t.app.request('/api/orders', {
    method: 'POST', headers: { 'Content-Type': 'application/json', 'Idempotency-Key': crypto.randomUUID() }, body: JSON.stringify(body),
  });

  it('counts the candidates and the orders started from a candidate', async () => {
    const original = await created(designs[0]!, { title: 'Original' });
    const remix = await created(designs[1]!, { title: 'Remix', remixOf: original.id });
    expect(remix.remixOf).toBe(original.id);
    const placed = await order({ ...orderBody(sneaker, designs[2]!), remixOf: original.id });
    expect(placed.status).toBe(201);
    const stored = (await placed.json()) as ServerOrder & { remixOf?: string };
    expect(stored.remixOf).toBe(original.id);
    const validate = schemaValidator();
    expect(validate(stored) ? [] : validate.errors).toEqual([]);
    expect((await order(orderBody(sneaker, designs[3]!))).status).toBe(201);
    const fetched = ((await (await get(`/api/candidates/${original.id}`)).json()) as CandidateBody).candidate;
    expect(fetched).toMatchObject({ remixes: 2, remixOf: null });
    expect((await list('sort=newest')).find((candidate) => candidate.id === remix.id)!.remixes).toBe(0);
  });

  it('refuses an order naming a candidate that does not exist (422), storing nothing', async () => {
    const error = await expectError(await order({ ...orderBody(sneaker, designs[0]!), remixOf: '00000000-0000-4000-8000-000000000000' }), 422, 'unknown_candidate');
    expect(error.problems?.[0]?.path).toBe('remixOf');
    await expectError(await order({ ...orderBody(sneaker, designs[0]!), remixOf: 42 }), 422, 'invalid_request');
    expect(await t.repository.countOrders()).toBe(0);
  });
});
