// The designers' review workflow in-process over a real PGlite: the queue (a candidate over the
// orders threshold, a shortlisted design never submitted, one the rules no longer allow), decisions
// with reason codes (audited), gallery moderation, and creators' credit: the name moderated and
// public once approved, the email private, a credit entry per order of an approved design.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { canonicalKey, type DesignDocument } from '../../src/domain/index.ts';
import type { Candidate } from '../../src/server/candidate.ts';
import type { ReviewQueueItem } from '../../src/server/staff/designReviewRoutes.ts';
import type { DesignCredit } from '../../src/server/reviewRecords.ts';
import { distinctDesigns, orderBody, productUnderTest } from '../../scripts/support/orderBodies.ts';
import { addAccount, sessionFor, type StaffBrowser } from './support/staffSessions.ts';
import { fromAddress, startTestApp, type TestApp, type TestAppOptions } from './support/testApp.ts';

let t: TestApp;
let sneaker: ReturnType<typeof productUnderTest>;
let designer: StaffBrowser;
let admin: StaffBrowser;
let submitted: DesignDocument;
let neverSubmitted: DesignDocument;
let candidate: Candidate;
let voterCookie: string;
let keys = 0;
const EMAIL = 'ada.creator@example.org';
const NAME = 'Ada L.';
/** Orders enter the queue at 2 here; votes and scores are set out of reach, so the orders threshold is what is tested. */
const REVIEW = { thresholds: { minSupporters: 1_000, minScore: 1, minOrders: 2 }, creditRate: 0.05 };

const order = async (design: DesignDocument) => {
  const response = await t.app.request('/api/orders', {
    method: 'POST', headers: { 'Content-Type': 'application/json', 'Idempotency-Key': `review-key-${String(++keys).padStart(6, '0')}` }, body: JSON.stringify(orderBody(sneaker, design)),
  });
  expect(response.status).toBe(201);
  return (await response.json()) as { id: string; orderNumber: string; price: { total: number; currency: string } };
};
const submit = (body: unknown, address = '10.0.0.1') => t.app.request('/api/candidates', {
  method: 'POST', headers: { 'Content-Type': 'application/json', ...(voterCookie ? { Cookie: voterCookie } : {}) }, body: JSON.stringify(body),
}, fromAddress(address));
const get = (path: string, who: StaffBrowser | null = designer) => t.app.request(path, { headers: who ? { Cookie: who.cookie } : {} });
const post = (path: string, body: unknown, who: StaffBrowser = designer) => t.app.request(path, { method: 'POST', headers: who.writeHeaders(), body: JSON.stringify(body) });
const queue = async (status = 'pending') => ((await (await get(`/api/staff/review/queue?productId=sneaker&status=${status}`)).json()) as { items: ReviewQueueItem[] }).items;

beforeAll(async () => {
  t = await startTestApp([], { review: REVIEW } as TestAppOptions);
  sneaker = productUnderTest(t.entry);
  [submitted, neverSubmitted] = distinctDesigns(sneaker, 2, 14) as [DesignDocument, DesignDocument];
  const now = new Date('2026-11-25T12:00:00.000Z');
  designer = await sessionFor(t.repository, await addAccount(t.repository, 'designer@shop.example', ['designer']), now);
  admin = await sessionFor(t.repository, await addAccount(t.repository, 'admin@shop.example', ['admin']), now);
  voterCookie = (await t.app.request('/api/candidates', {}, fromAddress('10.0.0.1'))).headers.get('set-cookie')!.split(';')[0]!;
  const response = await submit({ design: submitted, title: 'Night runner', creatorName: `  ${NAME} `, creatorEmail: EMAIL });
  expect(response.status).toBe(201);
  candidate = ((await response.json()) as { candidate: Candidate }).candidate;
}, 120_000);

afterAll(async () => {
  await t?.dispose();
});

describe('creator credit on a gallery submission', () => {
  it('keeps the email private and the name unpublished until the design is approved', async () => {
    expect(candidate.coCreatedBy).toBeUndefined();
    const publicText = await (await t.app.request(`/api/candidates/${candidate.id}`)).text();
    expect(publicText).not.toContain(EMAIL);
    expect(publicText).not.toContain(NAME);
  });

  it('moderates the name as titles are, and takes an email only with a name', async () => {
    const withLink = await submit({ design: neverSubmitted, title: 'Fine title', creatorName: 'see www.example.com' });
    expect(withLink.status).toBe(422);
    expect(((await withLink.json()) as { error: { problems: { path: string }[] } }).error.problems[0]!.path).toBe('creatorName');
    const emailOnly = await submit({ design: neverSubmitted, title: 'Fine title', creatorEmail: EMAIL });
    expect(emailOnly.status).toBe(422);
    const badEmail = await submit({ design: neverSubmitted, title: 'Fine title', creatorName: 'Bo', creatorEmail: 'not-an-email' });
    expect(badEmail.status).toBe(422);
    expect((await t.client.query('SELECT 1 FROM candidates')).length).toBe(1);
  });
});

describe('the review queue', () => {
  it('holds a candidate once its design reaches the orders threshold, and a design a designer shortlists', async () => {
    await order(submitted);
    expect((await queue()).map((item) => item.designKey)).toEqual([]);
    await order(submitted);
    const [item] = await queue();
    expect(item).toMatchObject({ designKey: canonicalKey(submitted), orders: 2, reasons: ['orders'], status: 'pending', allowedNow: true, creatorName: NAME });
    expect(item!.candidate!.id).toBe(candidate.id);
    expect(JSON.stringify(item)).not.toContain(EMAIL);

    await order(neverSubmitted);
    expect((await post('/api/staff/review/shortlist', { productId: 'sneaker', designKey: canonicalKey(neverSubmitted), note: 'most ordered, never submitted' })).status).toBe(200);
    const shortlisted = (await queue()).find((entry) => entry.designKey === canonicalKey(neverSubmitted))!;
    expect(shortlisted).toMatchObject({ candidate: null, orders: 1, reasons: ['shortlisted'], allowedNow: true, choices: neverSubmitted.choices });
    expect(shortlisted.shortlisted).toMatchObject({ by: 'designer@shop.example', note: 'most ordered, never submitted' });
  });

  it('flags a shortlisted design the current rules do not allow', async () => {
    const key = canonicalKey({ productId: 'sneaker', choices: { ...neverSubmitted.choices, 'laces.colour': 'no-such-colour' } });
    expect((await post('/api/staff/review/shortlist', { productId: 'sneaker', designKey: key })).status).toBe(200);
    expect((await queue()).find((entry) => entry.designKey === key)!.allowedNow).toBe(false);
  });

  it('refuses a key of another product, a bad status, and anyone but a designer with a session', async () => {
    expect((await post('/api/staff/review/shortlist', { productId: 'sneaker', designKey: 'hoodie|x=y' })).status).toBe(422);
    expect((await get('/api/staff/review/queue?status=maybe')).status).toBe(400);
    expect((await get('/api/staff/review/queue', null)).status).toBe(401);
    expect((await get('/api/staff/review/queue', admin)).status).toBe(403);
  });
});

describe('decisions', () => {
  it('takes only a reason of the decision, and a note with "other"', async () => {
    const decide = (body: object) => post('/api/staff/review/decisions', { productId: 'sneaker', designKey: canonicalKey(submitted), ...body });
    expect((await decide({ decision: 'approve', reason: 'off-brand' })).status).toBe(422);
    expect((await decide({ decision: 'reject', reason: 'other' })).status).toBe(422);
    expect((await decide({ decision: 'maybe', reason: 'popular' })).status).toBe(422);
  });

  it('approves with a reason and a note, audited with the designer; the public answer then credits the creator', async () => {
    const response = await post('/api/staff/review/decisions', { productId: 'sneaker', designKey: canonicalKey(submitted), decision: 'approve', reason: 'popular', note: 'ordered twice in a week' });
    expect(response.status).toBe(200);
    expect((await queue('approved')).map((item) => [item.designKey, item.decision?.reason, item.decision?.by])).toEqual([[canonicalKey(submitted), 'popular', 'designer@shop.example']]);
    expect((await queue()).some((item) => item.designKey === canonicalKey(submitted))).toBe(false);
    const audit = await t.repository.listAudit(10);
    expect(audit[0]).toMatchObject({ action: 'review.approved', target: canonicalKey(submitted), actor: { kind: 'staff', email: 'designer@shop.example' }, details: { reason: 'popular', note: 'ordered twice in a week' } });
    const publicAnswer = (await (await t.app.request(`/api/candidates/${candidate.id}`)).json()) as { candidate: Candidate };
    expect(publicAnswer.candidate.coCreatedBy).toBe(NAME);
    expect(JSON.stringify(publicAnswer)).not.toContain(EMAIL);
  });

  it('rejects a shortlisted design with a reason code', async () => {
    const response = await post('/api/staff/review/decisions', { productId: 'sneaker', designKey: canonicalKey(neverSubmitted), decision: 'reject', reason: 'not-manufacturable', note: '' });
    expect(response.status).toBe(200);
    expect((await queue('rejected')).map((item) => item.status)).toEqual(['rejected']);
  });
});

describe('gallery moderation', () => {
  it('hides a candidate from the public gallery, keeps it for staff, and shows it again, each audited', async () => {
    const inGallery = async () => ((await (await t.app.request('/api/candidates?productId=sneaker')).json()) as { candidates: Candidate[] }).candidates.map((entry) => entry.id);
    expect(await inGallery()).toEqual([candidate.id]);
    expect((await post(`/api/staff/review/candidates/${candidate.id}/visibility`, { hidden: true, note: 'checking the print' })).status).toBe(200);
    expect(await inGallery()).toEqual([]);
    const staffList = (await (await get('/api/staff/designs')).json()) as { candidates: Candidate[] };
    expect(staffList.candidates.map((entry) => [entry.id, entry.hidden])).toEqual([[candidate.id, true]]);
    expect((await queue('approved'))[0]!.candidate!.hidden).toBe(true);
    expect((await post(`/api/staff/review/candidates/${candidate.id}/visibility`, { hidden: false })).status).toBe(200);
    expect(await inGallery()).toEqual([candidate.id]);
    expect((await t.repository.listAudit(2)).map((entry) => entry.action)).toEqual(['gallery.shown', 'gallery.hidden']);
    expect((await post('/api/staff/review/candidates/00000000-0000-4000-8000-000000000000/visibility', { hidden: true })).status).toBe(404);
  });
});

describe('creators\' credits', () => {
  it('records a share of each order of an approved design, listed for admins and exported as CSV', async () => {
    const placed = await order(submitted);
    await order(neverSubmitted);
    const response = await get('/api/staff/credits', admin);
    expect(response.status).toBe(200);
    const { credits, rate } = (await response.json()) as { credits: DesignCredit[]; rate: number };
    expect(rate).toBe(0.05);
    expect(credits).toHaveLength(1);
    expect(credits[0]).toMatchObject({
      orderId: placed.id, orderNumber: placed.orderNumber, candidateId: candidate.id, displayName: NAME, email: EMAIL,
      currency: placed.price.currency, orderTotal: placed.price.total, rate: 0.05, amount: Math.round(placed.price.total * 5) / 100,
    });
    const csv = await (await get('/api/staff/credits?format=csv', admin)).text();
    const lines = csv.trimEnd().split('\r\n');
    expect(lines[0]).toBe('created_at,order_number,product_id,candidate_id,creator_name,creator_email,currency,order_total,rate,amount');
    expect(lines[1]).toContain(`${placed.orderNumber},sneaker,${candidate.id},${NAME},${EMAIL}`);
    expect(lines).toHaveLength(2);
    expect((await get('/api/staff/credits', designer)).status).toBe(403);
  });

  it('keeps the creator\'s email out of signals, the audit log and every public answer', async () => {
    const holding = await t.client.query<{ t: string }>(
      `SELECT 'audit' AS t FROM audit_log WHERE details::text LIKE '%' || $1 || '%'
       UNION ALL SELECT 'signals' FROM design_keys WHERE design_key LIKE '%' || $1 || '%'
       UNION ALL SELECT 'candidates' FROM candidates WHERE design::text LIKE '%' || $1 || '%' OR title LIKE '%' || $1 || '%'`,
      [EMAIL],
    );
    expect(holding).toEqual([]);
    expect(await (await t.app.request('/api/candidates?productId=sneaker')).text()).not.toContain(EMAIL);
  });
});
