// Buying votes, and the limits that stop it, in-process over a real PGlite: a vote counts only from
// a voter whose signed cookie was issued on an earlier request; new voter ids and gallery
// submissions are limited per client address (counted in the database, so two app instances on
// one database share the count); the address is the socket's unless the socket's peer is a
// trusted proxy.
import type { Hono } from 'hono';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { DesignDocument } from '../../src/domain/index.ts';
import type { Candidate } from '../../src/server/candidate.ts';
import { distinctDesigns, productUnderTest } from '../../scripts/support/orderBodies.ts';
import { fromAddress, startTestApp, type TestApp } from './support/testApp.ts';

let t: TestApp;
let designs: DesignDocument[];

beforeAll(async () => {
  t = await startTestApp();
  designs = distinctDesigns(productUnderTest(t.entry), 6, 7);
}, 120_000);

afterAll(async () => {
  await t?.dispose();
});

beforeEach(async () => {
  await t.client.query('TRUNCATE rate_limit_windows, vote_casts, votes, candidate_submitters, candidates RESTART IDENTITY');
  t.setNow('2026-11-25T12:00:00.000Z');
});

type CandidateBody = { candidate: Candidate; joined?: true };
type ErrorBody = { error: { code: string; message: string; hint: string } };

const HONEST = '198.51.100.10';
const BUYER = '203.0.113.66';

interface Sent {
  readonly address: string;
  readonly cookie?: string;
  readonly headers?: Record<string, string>;
  readonly encrypted?: boolean;
  readonly app?: Hono;
}

async function send(method: string, path: string, body: unknown, from: Sent): Promise<Response> {
  const init: RequestInit = {
    method,
    headers: { ...(body === undefined ? {} : { 'Content-Type': 'application/json' }), ...(from.cookie ? { Cookie: from.cookie } : {}), ...from.headers },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  };
  return (from.app ?? t.app).request(path, init, fromAddress(from.address, from.encrypted));
}
const gallery = (from: Sent) => send('GET', '/api/candidates?sort=top', undefined, from);
const vote = (id: string, value: string, from: Sent) => send('POST', `/api/candidates/${id}/votes`, { vote: value }, from);
const submit = (design: DesignDocument, from: Sent) => send('POST', '/api/candidates', { design, title: 'Midnight runner' }, from);

/** The `name=value` of the voter cookie a response sets, if it sets one. */
const cookieOf = (response: Response) => response.headers.get('set-cookie')?.split(';')[0];

async function newVoter(address: string): Promise<string> {
  const cookie = cookieOf(await gallery({ address }));
  if (!cookie) throw new Error('the gallery set no voter cookie');
  return cookie;
}

async function created(design: DesignDocument, address = HONEST): Promise<Candidate> {
  const response = await submit(design, { address });
  expect(response.status).toBe(201);
  return ((await response.json()) as CandidateBody).candidate;
}

async function errorOf(response: Response, status: number, code: string) {
  expect(response.status).toBe(status);
  const body = (await response.json()) as ErrorBody;
  expect(body.error.code).toBe(code);
  return body.error;
}

function rateLimitHeaders(response: Response) {
  return {
    limit: response.headers.get('ratelimit-limit'),
    remaining: response.headers.get('ratelimit-remaining'),
    reset: response.headers.get('ratelimit-reset'),
    retryAfter: response.headers.get('retry-after'),
  };
}

async function ranked(): Promise<Candidate[]> {
  return ((await (await gallery({ address: HONEST })).json()) as { candidates: Candidate[] }).candidates;
}

describe('buying votes', () => {
  it('counts none of 900 cookie-less votes from one client in 60 s, and the design does not rise', async () => {
    const honest = await created(designs[0]!);
    const bought = await created(designs[1]!);
    expect((await vote(honest.id, 'up', { address: HONEST, cookie: await newVoter(HONEST) })).status).toBe(200);

    const statuses = new Map<number, number>();
    for (let index = 0; index < 900; index++) {
      t.setNow(new Date(Date.parse('2026-11-25T12:00:00.000Z') + Math.floor((index * 60_000) / 900)).toISOString());
      const response = await vote(bought.id, 'up', { address: BUYER });
      statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
    }
    expect(statuses.get(200)).toBeUndefined();
    expect([...statuses.keys()].sort()).toEqual([403, 429]);

    const top = await ranked();
    expect(top.map((candidate) => candidate.id)).toEqual([honest.id, bought.id]);
    expect(top[1]).toMatchObject({ upVotes: 0, downVotes: 0, flaggedVotes: 0, score: 0 });
    expect(await t.client.query('SELECT 1 FROM vote_casts v JOIN candidates c ON c.seq = v.candidate_seq WHERE c.public_id = $1', [bought.id])).toHaveLength(0);
  });

  it('refuses a vote without a voter cookie from an earlier request (403, writing nothing), and gives one to vote with', async () => {
    const candidate = await created(designs[0]!);
    const refused = await vote(candidate.id, 'up', { address: HONEST });
    const error = await errorOf(refused, 403, 'voter_cookie_required');
    expect(error.message).toMatch(/cookie/);
    expect(error.hint).toMatch(/gallery/);
    expect(error.hint).toMatch(/cookies/);
    const cookie = cookieOf(refused);
    expect(cookie).toMatch(/^atelier_voter=/);
    expect(await t.client.query('SELECT 1 FROM vote_casts')).toHaveLength(0);

    const counted = await vote(candidate.id, 'up', { address: HONEST, cookie });
    expect(counted.status).toBe(200);
    expect(counted.headers.get('set-cookie')).toBeNull();
    expect(((await counted.json()) as CandidateBody).candidate).toMatchObject({ upVotes: 1, myVote: 1 });
    // A cookie the server did not sign is no cookie.
    const [id, mac] = cookie!.split('=')[1]!.split('.') as [string, string];
    await errorOf(await vote(candidate.id, 'down', { address: HONEST, cookie: `atelier_voter=${id.slice(0, -1)}${id.endsWith('A') ? 'B' : 'A'}.${mac}` }), 403, 'voter_cookie_required');
  });

  it('counts at most the voter-id limit of a loop that takes a new cookie before every vote', async () => {
    const bought = await created(designs[1]!);
    let counted = 0;
    let limited: Response | undefined;
    for (let index = 0; index < 900; index++) {
      t.setNow(new Date(Date.parse('2026-11-25T12:00:00.000Z') + Math.floor((index * 60_000) / 900)).toISOString());
      const first = await vote(bought.id, 'up', { address: BUYER });
      const cookie = first.status === 403 ? cookieOf(first) : undefined;
      if (!cookie) {
        limited = first;
        continue;
      }
      if ((await vote(bought.id, 'up', { address: BUYER, cookie })).status === 200) counted++;
    }
    expect(counted).toBe(30);
    expect((await ranked()).find((candidate) => candidate.id === bought.id)!.upVotes).toBe(30);
    await errorOf(limited!, 429, 'rate_limited');
    expect(rateLimitHeaders(limited!)).toMatchObject({ limit: '30', remaining: '0', reset: '3541', retryAfter: '3541' });
  });

  it('keeps the votes of one voter\'s burst recorded, flagged and out of the score', async () => {
    const [first, second] = [await created(designs[0]!), await created(designs[1]!)];
    const cookie = await newVoter(HONEST);
    for (let index = 0; index < 10; index++) {
      t.setNow(`2026-11-25T12:00:${String(index * 5).padStart(2, '0')}.000Z`);
      expect((await vote(first.id, index % 2 === 0 ? 'up' : 'down', { address: HONEST, cookie })).status).toBe(200);
    }
    const burst = await vote(second.id, 'up', { address: HONEST, cookie });
    expect(((await burst.json()) as CandidateBody).candidate).toMatchObject({ upVotes: 0, flaggedVotes: 1, score: 0, myVote: 1 });
  });
});

describe('limits per client address', () => {
  it('issues 30 new voter ids an hour per address, then none: a cookie-less vote gets 429 with Retry-After', async () => {
    const candidate = await created(designs[0]!);
    t.setNow('2026-11-25T12:10:00.000Z');
    const cookies: string[] = [];
    for (let index = 0; index < 30; index++) {
      const response = await gallery({ address: BUYER });
      expect(response.status).toBe(200);
      expect(rateLimitHeaders(response)).toEqual({ limit: '30', remaining: String(29 - index), reset: '3000', retryAfter: null });
      cookies.push(cookieOf(response)!);
    }
    expect(new Set(cookies).size).toBe(30);

    // Reading the gallery still works, without a new voter id.
    const over = await gallery({ address: BUYER });
    expect(over.status).toBe(200);
    expect(over.headers.get('set-cookie')).toBeNull();
    expect(rateLimitHeaders(over)).toEqual({ limit: '30', remaining: '0', reset: '3000', retryAfter: null });
    const refused = await vote(candidate.id, 'up', { address: BUYER });
    const error = await errorOf(refused, 429, 'rate_limited');
    expect(error.message).toMatch(/at most 30 new voter ids an hour/);
    expect(error.hint).toMatch(/50 minutes/);
    expect(refused.headers.get('set-cookie')).toBeNull();
    expect(rateLimitHeaders(refused)).toEqual({ limit: '30', remaining: '0', reset: '3000', retryAfter: '3000' });
    // The same refusal on submitting without a cookie: a submitter is a voter too.
    await errorOf(await submit(designs[1]!, { address: BUYER }), 429, 'rate_limited');

    // Voters who have their cookie vote as before; another address gets its own voter ids.
    expect((await vote(candidate.id, 'up', { address: BUYER, cookie: cookies[0]! })).status).toBe(200);
    expect(cookieOf(await gallery({ address: '203.0.113.67' }))).toBeDefined();
    // An IPv6 client counts per /64: another address of the same network shares the limit.
    for (let index = 0; index < 30; index++) expect(cookieOf(await gallery({ address: `2001:db8:1:2::${(index + 1).toString(16)}` }))).toBeDefined();
    expect(cookieOf(await gallery({ address: '2001:db8:1:2:ffff::1' }))).toBeUndefined();
    expect(cookieOf(await gallery({ address: '2001:db8:1:3::1' }))).toBeDefined();

    t.setNow('2026-11-25T13:00:00.000Z');
    expect(cookieOf(await gallery({ address: BUYER }))).toBeDefined();
  });

  it('accepts 20 of 37 submissions in a row from one address and refuses the rest with 429', async () => {
    const cookie = await newVoter(BUYER);
    const statuses: number[] = [];
    let last: Response | undefined;
    for (let index = 0; index < 37; index++) {
      last = await submit(designs[index % designs.length]!, { address: BUYER, cookie });
      statuses.push(last.status);
      if (index === 0) expect(rateLimitHeaders(last)).toEqual({ limit: '20', remaining: '19', reset: '3600', retryAfter: null });
    }
    expect(statuses.filter((status) => status === 201 || status === 200)).toHaveLength(20);
    expect(statuses.slice(20)).toEqual(Array(17).fill(429));
    const error = await errorOf(last!, 429, 'rate_limited');
    expect(error.message).toMatch(/at most 20 submissions an hour/);
    expect(rateLimitHeaders(last!)).toEqual({ limit: '20', remaining: '0', reset: '3600', retryAfter: '3600' });
    expect((await submit(designs[0]!, { address: HONEST })).status).toBe(200);
  });

  it('holds the limits across two app instances sharing one database', async () => {
    const other = await t.sibling();
    const statuses: number[] = [];
    for (let index = 0; index < 24; index++) {
      statuses.push((await submit(designs[index % designs.length]!, { address: BUYER, app: index % 2 === 0 ? t.app : other })).status);
    }
    expect(statuses.filter((status) => status === 429)).toHaveLength(4);
    expect(statuses.slice(20)).toEqual([429, 429, 429, 429]);
    // Voter ids: 20 were issued by the submissions above, 10 are left, shared by both.
    const issued = [];
    for (let index = 0; index < 12; index++) issued.push(cookieOf(await gallery({ address: BUYER, app: index % 2 === 0 ? other : t.app })));
    expect(issued.filter((cookie) => cookie !== undefined)).toHaveLength(10);
    // A voter issued by one instance votes through the other (one voter secret).
    const candidate = (await ranked())[0]!;
    expect((await vote(candidate.id, 'up', { address: BUYER, cookie: issued[0]!, app: other })).status).toBe(200);
  });
});

describe('client addresses behind proxies', () => {
  const spoofed = (index: number) => ({ 'X-Forwarded-For': `192.0.2.${index + 1}`, 'X-Forwarded-Proto': 'https' });

  it('ignores X-Forwarded-For and X-Forwarded-Proto from a peer that is not a trusted proxy', async () => {
    const behindProxy = await t.sibling({ trustProxy: '10.0.0.0/8' });
    for (const app of [t.app, behindProxy]) {
      await t.client.query('TRUNCATE rate_limit_windows');
      const cookies = [];
      for (let index = 0; index < 31; index++) {
        const response = await gallery({ address: BUYER, headers: spoofed(index), app });
        cookies.push(response.headers.get('set-cookie'));
      }
      expect(cookies.filter((cookie) => cookie !== null)).toHaveLength(30);
      expect(cookies[0]).not.toMatch(/Secure/);
    }
  });

  it('honours them from a trusted proxy: the client is the address before the first trusted hop', async () => {
    const behindProxy = await t.sibling({ trustProxy: '127.0.0.1, 10.0.0.0/8' });
    const viaProxy = (headers: Record<string, string>) => gallery({ address: '10.1.2.3', headers, app: behindProxy });
    // 40 clients behind the proxy, each its own new voter.
    for (let index = 0; index < 40; index++) {
      const response = await viaProxy(spoofed(index));
      expect(response.headers.get('set-cookie')).toMatch(/; Secure(;|$)/);
    }
    // What a client writes on the left is not believed: the proxy appended the client's real address.
    const sameClient = [];
    for (let index = 0; index < 31; index++) sameClient.push(cookieOf(await viaProxy({ 'X-Forwarded-For': `192.0.2.${200 + index}, 198.51.100.77, 127.0.0.1` })));
    expect(sameClient.filter((cookie) => cookie !== undefined)).toHaveLength(30);
    // Without the headers the client is the proxy itself; the socket's TLS makes the cookie Secure.
    expect((await gallery({ address: '10.1.2.3', app: behindProxy })).headers.get('set-cookie')).not.toMatch(/Secure/);
    expect((await gallery({ address: BUYER, encrypted: true })).headers.get('set-cookie')).toMatch(/; Secure(;|$)/);
  });
});
