// Every staff route, walked as nobody, as each role, as a disabled account and with each kind of
// token: exactly the allowed callers get a 2xx. The routes come from the app itself, so a route
// added later without an entry in ALLOWED fails here rather than going unchecked.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { STAFF_ROLES, TOKEN_ROLES, canonicalKey, createOrderDocument, type StaffRole, type TokenRole } from '../../src/domain/index.ts';
import { seededRandom } from '../../src/domain/shared/seededRandom.ts';
import type { OrderRecord } from '../../src/server/serverOrder.ts';
import { randomDesign, productUnderTest } from '../../scripts/support/orderBodies.ts';
import { apiEndpoints } from '../../src/server/apiEndpoints.ts';
import { newSecret, sha256Text } from '../../src/server/staff/index.ts';
import { startTestApp, type TestApp } from './support/testApp.ts';
import { addAccount, sessionFor, type StaffBrowser } from './support/staffSessions.ts';

/** Who may call each route: the role (any signed-in person when null) and whether API tokens may. */
const ALLOWED: Record<string, { readonly role: StaffRole | null; readonly tokens: boolean }> = {
  'POST /api/staff/logout': { role: null, tokens: false },
  'POST /api/staff/logout-everywhere': { role: null, tokens: false },
  'GET /api/staff/session': { role: null, tokens: false },
  'GET /api/staff/accounts': { role: 'admin', tokens: false },
  'POST /api/staff/accounts': { role: 'admin', tokens: false },
  'PATCH /api/staff/accounts/:id': { role: 'admin', tokens: false },
  'GET /api/staff/tokens': { role: 'admin', tokens: false },
  'POST /api/staff/tokens': { role: 'admin', tokens: false },
  'DELETE /api/staff/tokens/:id': { role: 'admin', tokens: false },
  'GET /api/staff/webhooks': { role: 'admin', tokens: false },
  'POST /api/staff/webhooks': { role: 'admin', tokens: false },
  'DELETE /api/staff/webhooks/:id': { role: 'admin', tokens: false },
  'GET /api/staff/webhooks/:id/deliveries': { role: 'admin', tokens: false },
  'POST /api/staff/webhooks/deliveries/:seq/redeliver': { role: 'admin', tokens: false },
  'GET /api/staff/audit': { role: 'admin', tokens: false },
  'GET /api/staff/rules': { role: 'merchandiser', tokens: true },
  'POST /api/staff/rules/:productId/versions/:rulesVersion/retire': { role: 'merchandiser', tokens: false },
  'GET /api/staff/rules/:productId/sources': { role: 'merchandiser', tokens: true },
  'POST /api/staff/studio/:productId/impact': { role: 'merchandiser', tokens: false },
  'POST /api/staff/rules/:productId/versions': { role: 'merchandiser', tokens: false },
  'POST /api/staff/rules/:productId/versions/:rulesVersion/publish': { role: 'merchandiser', tokens: false },
  'POST /api/staff/rules/:productId/rollback': { role: 'merchandiser', tokens: false },
  'GET /api/staff/studio/:productId': { role: 'merchandiser', tokens: false },
  'GET /api/staff/studio/:productId/drafts/:accountId': { role: 'merchandiser', tokens: false },
  'PUT /api/staff/studio/:productId/draft': { role: 'merchandiser', tokens: false },
  'DELETE /api/staff/studio/:productId/draft': { role: 'merchandiser', tokens: false },
  'POST /api/staff/studio/:productId/publish': { role: 'merchandiser', tokens: false },
  'GET /api/staff/designs': { role: 'designer', tokens: true },
  'GET /api/staff/insight/:productId/popular': { role: 'designer', tokens: true },
  'GET /api/staff/insight/:productId/clusters': { role: 'designer', tokens: true },
  'GET /api/staff/insight/:productId/options': { role: 'designer', tokens: true },
  'POST /api/staff/colourways/:productId': { role: 'designer', tokens: false },
  'GET /api/staff/exports/:productId/colourways.glb': { role: 'designer', tokens: true },
  'GET /api/staff/exports/:productId/feed.jsonld': { role: 'designer', tokens: true },
  'GET /api/staff/exports/:productId/feed.csv': { role: 'designer', tokens: true },
  'GET /api/staff/review/queue': { role: 'designer', tokens: true },
  'POST /api/staff/review/shortlist': { role: 'designer', tokens: false },
  'POST /api/staff/review/decisions': { role: 'designer', tokens: false },
  'POST /api/staff/review/candidates/:id/visibility': { role: 'designer', tokens: false },
  'GET /api/staff/credits': { role: 'admin', tokens: false },
  'GET /api/staff/orders': { role: 'fulfilment', tokens: true },
  // Not under /api/staff, but holding every customer's contact.
  'GET /api/orders/export': { role: 'fulfilment', tokens: true },
};

/** Who calls. */
type Caller =
  | { readonly kind: 'anonymous' }
  | { readonly kind: 'session'; readonly roles: readonly StaffRole[]; readonly disabled: boolean }
  | { readonly kind: 'token'; readonly role: TokenRole };

const CALLERS: readonly Caller[] = [
  { kind: 'anonymous' },
  ...STAFF_ROLES.map((role): Caller => ({ kind: 'session', roles: [role], disabled: false })),
  { kind: 'session', roles: ['admin'], disabled: true },
  ...TOKEN_ROLES.map((role): Caller => ({ kind: 'token', role })),
];

const name = (caller: Caller) => (caller.kind === 'anonymous' ? 'nobody' : caller.kind === 'token' ? `a ${caller.role} token` : `${caller.disabled ? 'a disabled ' : /^[aeiou]/.test(caller.roles[0]!) ? 'an ' : 'a '}${caller.roles.join('+')}`);

function allowed(route: string, caller: Caller): boolean {
  const rule = ALLOWED[route]!;
  if (caller.kind === 'anonymous') return false;
  if (caller.kind === 'token') return rule.tokens && rule.role === caller.role;
  if (caller.disabled) return false;
  return rule.role === null || caller.roles.includes(rule.role);
}

describe('who may call each staff route', () => {
  let t: TestApp;
  let deliverySeq: number;
  // A superseded version to retire (retiring it again answers 200 too).
  const retiredVersion = 'f00dfeedf00dfeed';
  let counter = 0;
  const now = new Date('2026-11-25T12:00:00.000Z');
  let approvedKey = '';
  // An account with a draft of the sneaker, which merchandisers may read to continue from.
  let draftAuthorId = '';
  const candidateId = '6b1f8c1e-3d2a-4f5b-9c8d-7e6f5a4b3c2d';

  beforeAll(async () => {
    t = await startTestApp();
    // An approved design, which the colourway route makes a preset of.
    const approvedDesign = randomDesign(productUnderTest(t.entry), seededRandom(14));
    approvedKey = canonicalKey(approvedDesign);
    // Its gallery candidate, which the review's visibility route hides and shows.
    await t.repository.submitCandidate({ id: candidateId, productId: 'sneaker', rulesVersion: t.entry.rulesVersion, canonicalKey: approvedKey, design: approvedDesign, title: 'Matrix', thumbnail: new Uint8Array([1]), submittedBy: 'matrix-voter', createdAt: now.toISOString() });
    await t.repository.decideDesign({ productId: 'sneaker', designKey: approvedKey, status: 'approved', reason: 'popular', note: '', at: now, by: 'matrix' });
    const author = await addAccount(t.repository, 'draft-author@shop.example', ['designer']);
    draftAuthorId = author.id;
    await t.repository.saveStudioDraft({ productId: 'sneaker', accountId: author.id, basedOn: t.entry.rulesVersion, productText: readFileSync('models/sneaker/product.yaml', 'utf8'), rulesText: readFileSync('rules/sneaker.rules.yaml', 'utf8'), readRevision: 0, at: now });
    await t.repository.publishCatalogEntry({ ...t.entry, rulesVersion: retiredVersion }, now);
    await t.repository.makeCurrentRulesVersion('sneaker', retiredVersion, now, 60);
    await t.repository.makeCurrentRulesVersion('sneaker', t.entry.rulesVersion, now, 60);
    // An order with a delivery, so the redelivery and deliveries routes have something to name.
    await t.repository.createWebhookEndpoint({ id: 'whk_matrix', url: 'https://erp.example/hooks', events: ['order.placed'], description: '', secret: `whsec_${Buffer.alloc(32, 1).toString('base64')}`, createdAt: now });
    await t.repository.placeOrder({ id: 'order-matrix', idempotencyKey: 'matrix-order-1', requestHash: 'h', record: sampleOrderRecord(t), images: [] });
    const [delivery] = await t.repository.listDeliveries('whk_matrix', 1);
    deliverySeq = delivery!.seq;
  }, 60_000);
  afterAll(() => t?.dispose());

  it('lists every staff route in the table of who may call it', () => {
    const staffRoutes = apiEndpoints(t.app).filter((route) => route.startsWith('GET /api/staff/') || / \/api\/staff\//.test(route)).filter((route) => route !== 'POST /api/staff/login');
    expect(staffRoutes.sort()).toEqual(Object.keys(ALLOWED).filter((route) => route.includes('/api/staff/')).sort());
  });

  /** Who to send as: a fresh session (so a logout ends only its own), or a token. */
  async function credentials(caller: Caller): Promise<{ headers: Record<string, string>; write: Record<string, string> }> {
    if (caller.kind === 'anonymous') return { headers: {}, write: { 'Content-Type': 'application/json' } };
    if (caller.kind === 'token') {
      const secret = `atl_${newSecret('', 32)}`;
      await t.repository.createApiToken({ id: newSecret('tok_', 16), name: 'matrix', role: caller.role, tokenHash: sha256Text(secret), createdAt: now, expiresAt: new Date('2027-01-01T00:00:00Z'), createdBy: (await t.repository.listStaffAccounts())[0]!.id });
      const headers = { Authorization: `Bearer ${secret}` };
      return { headers, write: { ...headers, 'Content-Type': 'application/json' } };
    }
    const account = await addAccount(t.repository, `staff-${++counter}@shop.example`, caller.roles);
    const browser: StaffBrowser = await sessionFor(t.repository, account, now);
    // Disabled after signing in: the session must die with the account.
    if (caller.disabled) await t.repository.updateStaffAccount(account.id, { disabled: true, now });
    return { headers: { Cookie: browser.cookie }, write: browser.writeHeaders() };
  }

  /** Saves the caller's draft of the current files, when the caller may (publishing it changes nothing). */
  async function draftOf(headers: Record<string, string>, write: Record<string, string>): Promise<void> {
    const opened = await t.app.request('/api/staff/studio/sneaker', { headers });
    if (opened.status !== 200) return void await opened.arrayBuffer();
    const { published } = (await opened.json()) as { published: { rulesVersion: string; product: { text: string }; rules: { text: string } } };
    const body = { basedOn: published.rulesVersion, revision: 0, product: published.product.text, rules: published.rules.text };
    expect((await t.app.request('/api/staff/studio/sneaker/draft', { method: 'PUT', headers: write, body: JSON.stringify(body) })).status).toBe(200);
  }

  /** A request to the route with real ids and a valid body: what a caller with the role would send. */
  async function requestFor(route: string): Promise<{ path: string; method: string; body?: string }> {
    const [method, pattern] = route.split(' ') as [string, string];
    const target = await addAccount(t.repository, `target-${++counter}@shop.example`, ['designer']);
    const token = newSecret('tok_', 16);
    await t.repository.createApiToken({ id: token, name: 'target', role: 'fulfilment', tokenHash: sha256Text(token), createdAt: now, expiresAt: new Date('2027-01-01T00:00:00Z'), createdBy: target.id });
    const endpoint = newSecret('whk_', 16);
    await t.repository.createWebhookEndpoint({ id: endpoint, url: 'https://erp.example/other', events: ['order.placed'], description: '', secret: `whsec_${Buffer.alloc(32, 2).toString('base64')}`, createdAt: now });
    const path = pattern
      .replace(':id', pattern.includes('/accounts/') ? target.id : pattern.includes('/tokens/') ? token : pattern.includes('/deliveries') ? 'whk_matrix' : pattern.includes('/candidates/') ? candidateId : endpoint)
      .replace(':seq', String(deliverySeq))
      .replace(':productId', 'sneaker')
      .replace(':accountId', draftAuthorId)
      .replace(':rulesVersion', retiredVersion);
    const bodies: Record<string, unknown> = {
      'POST /api/staff/accounts': { email: `new-${++counter}@shop.example`, roles: ['designer'], password: 'a long enough passphrase' },
      'PATCH /api/staff/accounts/:id': { roles: ['merchandiser'] },
      'POST /api/staff/tokens': { name: 'ERP', role: 'fulfilment', expiresInDays: 30 },
      'POST /api/staff/webhooks': { url: 'https://erp.example/atelier', events: ['order.placed'] },
      // The files as they are: the current version already (200, nothing changes).
      'POST /api/staff/rules/:productId/versions': { productYaml: readFileSync('models/sneaker/product.yaml', 'utf8'), rulesYaml: readFileSync('rules/sneaker.rules.yaml', 'utf8'), message: 'matrix' },
      // The superseded version made current again, then the files' version rolled back to.
      'POST /api/staff/rules/:productId/versions/:rulesVersion/publish': { message: 'matrix' },
      'POST /api/staff/rules/:productId/rollback': { message: 'matrix' },
      // The published files as the draft: a comparison that finds nothing.
      'POST /api/staff/studio/:productId/impact': { product: readFileSync('models/sneaker/product.yaml', 'utf8'), rules: readFileSync('rules/sneaker.rules.yaml', 'utf8') },
      // A first save (each caller is a new account); publishing needs the caller's own draft (see draftOf).
      'PUT /api/staff/studio/:productId/draft': { basedOn: t.entry.rulesVersion, revision: 0, product: readFileSync('models/sneaker/product.yaml', 'utf8'), rules: readFileSync('rules/sneaker.rules.yaml', 'utf8') },
      'POST /api/staff/studio/:productId/publish': { message: 'matrix' },
      'POST /api/staff/colourways/:productId': { name: 'Matrix', designKey: approvedKey },
      'POST /api/staff/review/shortlist': { productId: 'sneaker', designKey: approvedKey },
      // Approved again: the colourway route still finds it approved.
      'POST /api/staff/review/decisions': { productId: 'sneaker', designKey: approvedKey, decision: 'approve', reason: 'popular' },
      'POST /api/staff/review/candidates/:id/visibility': { hidden: false },
    };
    return { path, method, ...(route in bodies ? { body: JSON.stringify(bodies[route]) } : {}) };
  }

  for (const route of Object.keys(ALLOWED)) {
    it(`${route}: exactly ${CALLERS.filter((caller) => allowed(route, caller)).map(name).join(', ') || 'nobody'}`, async () => {
      for (const caller of CALLERS) {
        const { path, method, body } = await requestFor(route);
        const { headers, write } = await credentials(caller);
        if (route === 'POST /api/staff/studio/:productId/publish') await draftOf(headers, write);
        const response = await t.app.request(path, { method, headers: method === 'GET' ? headers : write, ...(body ? { body } : {}) });
        await response.arrayBuffer();
        const because = `${name(caller)} on ${route} answered ${response.status}`;
        if (allowed(route, caller)) expect(response.status >= 200 && response.status < 300, because).toBe(true);
        else expect([401, 403], because).toContain(response.status);
      }
    }, 60_000);
  }
});

/** An order record the repository accepts, from the test app's catalog. */
function sampleOrderRecord(t: TestApp): OrderRecord {
  const design = randomDesign(productUnderTest(t.entry), seededRandom(7));
  const createdAt = new Date('2026-11-25T12:00:00.000Z');
  const { schema: _schema, status: _status, ...document } = createOrderDocument(t.entry, design, t.entry.product.sizes[0]!, 1, createdAt);
  return { status: 'received', ...document, updatedAt: createdAt.toISOString(), contact: { name: 'Ada', email: 'ada@example.com' }, previewImages: [] };
}
