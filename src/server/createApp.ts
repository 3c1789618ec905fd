import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Hono, type Context, type MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { HTTPException } from 'hono/http-exception';
import { openAPIRouteHandler, validator } from 'hono-openapi';
import { ARTWORK_LIMITS } from '../domain/artwork/index.ts';
import { DEFAULT_PRODUCT_ID, modelParts, sizeSystemsOf, type ModerationOptions, type Problem } from '../domain/index.ts';
import { candidateListQuerySchema, candidateRequestSchema, designSignalRequestSchema, orderRequestSchema, requestProblems, voteRequestSchema } from '../domain/requests/index.ts';
import { apiEndpoints } from './apiEndpoints.ts';
import { apiError, errorResponse, type ApiError } from './apiError.ts';
import { bodyBudget } from './bodyBudget.ts';
import { candidatesUnder } from './candidate.ts';
import { candidateNotFound, castVote, invalidVote } from './castVote.ts';
import { registerCatalogVersionRoute } from './catalogVersionRoute.ts';
import type { Catalog } from './catalog.ts';
import { systemClock, type Clock } from './clock.ts';
import { exportOrders, type ExportFormat } from './fulfilmentExport.ts';
import type { OrderCsvLayout } from './orderCsv.ts';
import { corsForAllowedOrigins, refuseForeignWrites } from './allowedOrigins.ts';
import { candidatePicture } from './candidatePicture.ts';
import { createJobPool, type JobPool } from './jobs/index.ts';
import { createOrderPrintFiles } from './orderPrintFiles.ts';
import { storeArtwork } from './storeArtwork.ts';
import { PROJECT_ROOT } from './projectRoot.ts';
import { registerRulesSourceRoutes } from './staff/rulesSourceRoutes.ts';
import { registerStudioImpactRoutes } from './staff/studioImpactRoutes.ts';
import { registerStudioDraftRoutes } from './staff/studioDraftRoutes.ts';
import { registerDesignInsightRoutes } from './staff/designInsightRoutes.ts';
import { registerColourwayRoutes } from './staff/colourwayRoutes.ts';
import { registerDesignReviewRoutes } from './staff/designReviewRoutes.ts';
import { creditOrder } from './designCredits.ts';
import { DEFAULT_REVIEW_SETTINGS, type ReviewSettings } from './reviewSettings.ts';
import type { BodyHints } from './readJsonBody.ts';
import { jsonBody, type Refuse } from './requestValidation.ts';
import { ROUTE_DOCS } from './routeDocs.ts';
import { isResourceId } from './resourceIds.ts';
import type { Repository } from './repository.ts';
import { publicOrderView } from './publicOrder.ts';
import { toServerOrder } from './serverOrder.ts';
import { DEFAULT_LIMITS, type ServerLimits } from './serverLimits.ts';
import { securityHeaders } from './securityHeaders.ts';
import { DEFAULT_SIGNAL_REQUESTS_PER_HOUR } from './signalSettings.ts';
import { createPasswordHasher, DEFAULT_LOGIN_LIMITS, DEFAULT_SESSION_LIFETIME, identifyStaff, registerStaffRoutes, requireStaff, rolesOf, type LoginLimits, type PasswordHasher } from './staff/index.ts';
import type { SessionLifetime } from './staffRecords.ts';
import { builtApp } from './staticFiles.ts';
import { invalidCandidateRequest, submitCandidate } from './submitCandidate.ts';
import { invalidOrderRequest, refuseUnlessStored, submitOrder, type SubmitOrderResult } from './submitOrder.ts';
import { createVoterCookies } from './voterCookie.ts';
import { checkRateLimit, rateLimitHeaders, type RateLimitVerdict } from './checkRateLimit.ts';
import { clientConnection, parseTrustedProxies } from './clientAddress.ts';
import { DEFAULT_CLIENT_LIMITS, type ClientLimits, type RateLimit } from './clientLimits.ts';
import { identifyVoter, tooManyNewVoters, voterCookieRequired, type Voter } from './identifyVoter.ts';
import { tooManySubmissions } from './submitCandidate.ts';
import { DEFAULT_VOTING_POLICY, type VotingPolicy } from './votingPolicy.ts';
import { previewPreloads, type Preload } from './previewPreloads.ts';
import { acceptBrowserSignals, limitSignalRequests, recordServerSignal, type SignalServices } from './designSignalRoute.ts';
import type { SignalRecorder } from './designSignals.ts';

/** What the app is built from. */
export interface AppOptions {
  readonly repository: Repository;
  readonly catalog: Catalog;
  readonly clock?: Clock;
  readonly limits?: ServerLimits;
  /** The built browser app (default `dist/`). */
  readonly distDir?: string;
  /** The published JSON Schemas (default `public/schemas/`). */
  readonly schemasDir?: string;
  /**
   * Deprecated (ATELIER_FULFILMENT_TOKEN): a shared bearer token that acts with the fulfilment role,
   * for the export and orders' contacts. API tokens with the fulfilment role replace it.
   */
  readonly fulfilmentToken?: string;
  /** Hashes and checks staff passwords (default: argon2id, `createPasswordHasher()`). */
  readonly passwords?: PasswordHasher;
  /** When staff sessions end (default {@link DEFAULT_SESSION_LIFETIME}). */
  readonly sessionLifetime?: SessionLifetime;
  /** Login attempts let through per account and per address (default {@link DEFAULT_LOGIN_LIMITS}). */
  readonly loginLimits?: LoginLimits;
  /** Told when an order was stored, so its webhook deliveries go out at once rather than at the next poll. */
  readonly webhooks?: { wake(): void };
  /**
   * The secret that signs voter cookies (at least 16 characters; `main.ts` reads
   * ATELIER_VOTER_SECRET). Random per process when left out: voters then get new ids after a restart.
   */
  readonly voterSecret?: string;
  /** Vote rate limit and burst flagging (default {@link DEFAULT_VOTING_POLICY}). */
  readonly voting?: VotingPolicy;
  /** What title moderation blocks, e.g. the shop's extra protected brands. */
  readonly moderation?: ModerationOptions;
  /**
   * The reverse proxies whose `X-Forwarded-For` and `X-Forwarded-Proto` are believed, in the form
   * of ATELIER_TRUST_PROXY (addresses and CIDR ranges, e.g. "127.0.0.1, 10.0.0.0/8"); none when
   * left out: the client's address and protocol are then the socket's. Throws on a bad entry.
   */
  readonly trustProxy?: string;
  /** New voter ids and gallery submissions per client address (default {@link DEFAULT_CLIENT_LIMITS}). */
  readonly clientLimits?: Partial<ClientLimits>;
  /**
   * Other sites' origins allowed to write to the API and read it through CORS (`main.ts` reads
   * ATELIER_ALLOWED_ORIGINS with `parseAllowedOrigins`). The server's own origin always is.
   */
  readonly allowedOrigins?: readonly string[];
  /**
   * The worker threads that read uploaded artworks and render print files, with their queue and
   * time and pixel budgets (default: `createJobPool()`, whose threads start at the first job). Whoever
   * passes a pool closes it.
   */
  readonly jobs?: JobPool;
  /**
   * Where the design signals go (what customers do with designs, anonymously, for the designers'
   * review: `designSignals.ts`); none are recorded when left out. `main.ts` passes one unless
   * ATELIER_SIGNALS=off.
   */
  readonly signals?: SignalRecorder;
  /** `POST /api/signals` requests per client address (default 600 an hour; `main.ts` reads ATELIER_SIGNAL_REQUESTS_PER_HOUR). */
  readonly signalLimit?: RateLimit;
  /** The designers' review: queue thresholds and the creators' credit rate (default `DEFAULT_REVIEW_SETTINGS`; `main.ts` reads ATELIER_REVIEW_* and ATELIER_CREDIT_RATE). */
  readonly review?: ReviewSettings;
}

const CANDIDATE_BODY_HINTS: BodyHints = {
  empty: 'send the submission as a JSON object: {"design":…,"title":"…"}',
  tooLarge: 'send only the design, its title and remixOf: the shop draws the picture itself',
};
const VOTE_BODY_HINTS: BodyHints = { empty: 'send {"vote":"up"}, {"vote":"down"} or {"vote":"none"}', tooLarge: 'send only {"vote":"up"}' };
const VOTE_BODY_BYTES = 1024;
const SIGNALS_BODY_HINTS: BodyHints = { empty: 'send {"session":…,"signals":[…]}', tooLarge: 'send at most 20 signals, each a design\'s choices only' };
const SIGNALS_BODY_BYTES = 64 * 1024;

/** A client's key for one order: 8 to 200 characters, e.g. a UUID. */
const IDEMPOTENCY_KEY = /^[A-Za-z0-9][A-Za-z0-9._:-]{7,199}$/;

// The endpoints: GET /api/openapi.json, generated from the routes below (each carries its
// description, `routeDocs.ts`, and its request schema, `src/domain/requests/`).

/**
 * Builds the Atelier HTTP app: the API under `/api` and the built browser app for everything else.
 * It holds no state of its own, so tests run it in-process with `app.request(...)` and several
 * servers can share one PostgreSQL database.
 *
 * @example
 * const app = createApp({ repository, catalog });
 * const response = await app.request('/api/orders', { method: 'POST', headers: {…}, body });
 */
export function createApp(options: AppOptions): Hono {
  const { repository, catalog } = options;
  const services = {
    repository,
    catalog,
    clock: options.clock ?? systemClock,
    limits: options.limits ?? DEFAULT_LIMITS,
    voting: options.voting ?? DEFAULT_VOTING_POLICY,
    moderation: options.moderation ?? {},
    jobs: options.jobs ?? createJobPool(),
  };
  const printFile = createOrderPrintFiles(services);
  const reviewSettings = options.review ?? DEFAULT_REVIEW_SETTINGS;
  const voters = createVoterCookies(options.voterSecret ?? randomBytes(32).toString('base64url'));
  const proxies = parseTrustedProxies(options.trustProxy);
  const clientLimits: ClientLimits = { ...DEFAULT_CLIENT_LIMITS, ...options.clientLimits };
  const clientOf = (c: Context) => clientConnection(c, proxies);
  const signalServices: SignalServices = {
    catalog, clock: services.clock, signals: options.signals,
    limit: { repository, clientOf, perClient: options.signalLimit ?? { max: DEFAULT_SIGNAL_REQUESTS_PER_HOUR, windowSeconds: 3600 } },
  };
  const voterServices = { repository, clock: services.clock, voters, voterIds: clientLimits.voterIds };
  const voterOf = (c: Context): Promise<Voter> => identifyVoter(voterServices, c, clientOf(c));
  // A refusal carries the voter's cookie and limits when a gallery route's middleware found them.
  const refuse: Refuse = (c, error, headers = {}) => {
    const voter = c.var.voter as Voter | undefined;
    const response = errorResponse(error, headers);
    return voter ? withVoter(response, voter, ...(c.var.verdicts as readonly RateLimitVerdict[] | undefined ?? [])) : response;
  };
  const schemasDir = options.schemasDir ?? join(PROJECT_ROOT, 'public', 'schemas');
  const schemas = new Map([
    ['order.json', readFileSync(join(schemasDir, 'server-order.schema.json'), 'utf8')],
    ['design.json', readFileSync(join(schemasDir, 'design.schema.json'), 'utf8')],
    ['order-file.json', readFileSync(join(schemasDir, 'order.schema.json'), 'utf8')],
    ['webhook-order-placed.json', readFileSync(join(schemasDir, 'webhook-order-placed.schema.json'), 'utf8')],
    ['product.json', readFileSync(join(schemasDir, 'product.schema.json'), 'utf8')],
    ['rules.json', readFileSync(join(schemasDir, 'rules.schema.json'), 'utf8')],
  ]);
  const staffAuth = {
    repository, clock: services.clock, clientOf, lifetime: options.sessionLifetime ?? DEFAULT_SESSION_LIFETIME,
    ...(options.fulfilmentToken === undefined ? {} : { sharedFulfilmentToken: options.fulfilmentToken }),
  };
  const identify = identifyStaff(staffAuth);
  const csvLayout: OrderCsvLayout = {
    partIds: [...new Set([...catalog.current.values()].flatMap((version) => modelParts(version.entry.product).map((part) => part.id)))],
    sizeSystems: new Map([...catalog.current.values()].map((version) => [version.entry.product.id, sizeSystemsOf(version.entry.product)])),
  };
  const app = new Hono();
  const allowedOrigins = options.allowedOrigins ?? [];
  app.use('*', securityHeaders(allowedOrigins));
  // The staff API answers the shop's own pages only: other sites get no CORS headers for it.
  const cors = corsForAllowedOrigins(allowedOrigins);
  const corsOutsideStaff: MiddlewareHandler = (c, next) => (c.req.path.startsWith('/api/staff/') ? next() : cors(c, next));
  app.use('/api/*', corsOutsideStaff);
  app.use('*', refuseForeignWrites(allowedOrigins));

  app.onError((error, c) => {
    // A refusal a middleware threw (the bearer token's 401), already in the API's error shape.
    if (error instanceof HTTPException) return error.getResponse();
    // Only an id, the route and the error's class and message: never the body, query or headers,
    // which hold customers' names, addresses and tokens.
    const errorId = randomBytes(6).toString('hex');
    console.error(`[Atelier] request failed: error ${errorId} in ${c.req.method} ${c.req.routePath}: ${describeError(error)}`);
    return errorResponse(apiError(500, 'internal_error', `the server failed to handle the request (error ${errorId}); nothing was stored`, `try again; if it keeps failing, tell the shop the error id ${errorId}`));
  });

  // Bodies held at once are bounded (memory); the largest any route takes is the artwork upload's.
  app.use('/api/*', bodyBudget(services.limits.maxBodyBytesInFlight, Math.max(services.limits.maxBodyBytes, ARTWORK_LIMITS.maxBytes + 64 * 1024)));

  app.get('/api/health', ROUTE_DOCS.health, (c) => c.json({ status: 'ok' }, 200, { 'Cache-Control': 'no-store' }));

  const idempotencyKey: MiddlewareHandler = async (c, next) => {
    const key = c.req.header('idempotency-key');
    if (key === undefined) return errorResponse(apiError(400, 'missing_idempotency_key', 'the request has no Idempotency-Key header', 'send a new key with every order, e.g. "Idempotency-Key: <crypto.randomUUID()>", and the same key when you retry it'));
    if (!IDEMPOTENCY_KEY.test(key)) return errorResponse(apiError(400, 'malformed_idempotency_key', `the Idempotency-Key "${key.slice(0, 60)}" is not 8 to 200 letters, digits or . _ : -`, 'use a UUID, e.g. crypto.randomUUID()'));
    c.set('idempotencyKey', key);
    await next();
  };
  app.post('/api/orders', ROUTE_DOCS.placeOrder, idempotencyKey, jsonBody(services.limits.maxBodyBytes, undefined, refuse),
    validator('json', orderRequestSchema(services.limits), async (result, c) => {
      if (result.success) return undefined;
      return orderResponse(await refuseUnlessStored(services, c.var.idempotencyKey, c.var.body, invalidOrderRequest(requestProblems(result.error))));
    }),
    async (c) => {
      const result = await submitOrder(services, c.var.idempotencyKey, c.var.body, c.req.valid('json'));
      if (result.kind === 'created') {
        options.webhooks?.wake();
        const { order } = result;
        recordServerSignal(signalServices, c, { productId: order.product.id, rulesVersion: order.rulesVersion, designKey: order.canonicalKey, kind: 'ordered', units: order.quantity, remix: order.remixOf !== undefined });
        // One indexed statement after the order is stored; a failure is logged, never the order's.
        await creditOrder(repository, reviewSettings.creditRate, order);
      }
      return orderResponse(result);
    });

  app.get('/api/orders/export', ROUTE_DOCS.exportOrders, identify, requireStaff({ role: 'fulfilment', tokens: true }), (c) => {
    const format = c.req.query('format') ?? 'ndjson';
    if (format !== 'ndjson' && format !== 'csv') return errorResponse(apiError(400, 'invalid_query', `unknown format "${format}"`, 'use format=ndjson or format=csv'));
    const sinceText = c.req.query('since');
    const since = sinceText === undefined ? new Date(0) : new Date(sinceText);
    if (sinceText !== undefined && (!/^\d{4}-\d{2}-\d{2}/.test(sinceText) || Number.isNaN(since.getTime()))) {
      return errorResponse(apiError(400, 'invalid_query', `"since" must be an ISO 8601 date or time, not "${sinceText}"`, 'use e.g. since=2026-11-25 or since=2026-11-25T12:00:00Z'));
    }
    const stream = exportOrders(repository, since, format satisfies ExportFormat, csvLayout);
    const stamp = since.toISOString().slice(0, 10);
    return new Response(stream, {
      headers: format === 'csv'
        ? { 'Content-Type': 'text/csv; charset=utf-8', 'Content-Disposition': `attachment; filename="atelier-orders-since-${stamp}.csv"`, 'Cache-Control': 'no-store' }
        : { 'Content-Type': 'application/x-ndjson; charset=utf-8', 'Cache-Control': 'no-store' },
    });
  });

  // Anyone with the URL sees the order with its contact masked; staff with the fulfilment role (a
  // session, an API token) see it in full. A bearer token that does not work is refused (401).
  app.get('/api/orders/:id', ROUTE_DOCS.order, identify, async (c) => {
    const principal = c.var.principal;
    const fulfilment = principal !== undefined && rolesOf(principal).includes('fulfilment');
    if (principal !== undefined && !fulfilment && c.req.header('authorization') !== undefined) {
      return errorResponse(apiError(403, 'forbidden', 'the order\'s full contact needs the fulfilment role', 'use an API token with the fulfilment role, or no Authorization header for the order with its contact masked'));
    }
    const stored = isResourceId('order', c.req.param('id')) ? await repository.findOrder(c.req.param('id')) : undefined;
    if (!stored) return orderNotFound(c.req.param('id'));
    const order = toServerOrder(stored.seq, stored.id, stored.record);
    return jsonResponse(fulfilment ? order : publicOrderView(order), 200, { Vary: 'Authorization, Cookie' });
  });

  app.get('/api/orders/:id/images/:n', ROUTE_DOCS.orderImage, async (c) => {
    const position = /^[1-9][0-9]{0,5}$/.test(c.req.param('n')) ? Number(c.req.param('n')) : 0;
    const image = position >= 1 && isResourceId('order', c.req.param('id')) ? await repository.findOrderImage(c.req.param('id'), position) : undefined;
    if (!image) return errorResponse(apiError(404, 'not_found', `order "${c.req.param('id')}" has no preview image ${c.req.param('n')}`, 'use the image URLs listed in the order\'s "previewImages"'));
    return new Response(image.bytes, {
      headers: { 'Content-Type': 'image/png', 'Content-Length': String(image.bytes.byteLength), 'Cache-Control': 'private, max-age=31536000, immutable', 'X-Content-Type-Options': 'nosniff' },
    });
  });

  app.post('/api/candidates', ROUTE_DOCS.submitCandidate, async (c, next) => {
    const client = clientOf(c);
    const submissions = await checkRateLimit(repository, 'submissions', clientLimits.submissions, client.limitKey, services.clock.now());
    if (!submissions.allowed) return errorResponse(tooManySubmissions(submissions), rateLimitHeaders([submissions], true));
    const voter = await identifyVoter(voterServices, c, client);
    if (voter.kind === 'refused') return errorResponse(tooManyNewVoters(voter.verdict), rateLimitHeaders([voter.verdict], true));
    c.set('voter', voter);
    c.set('verdicts', [submissions]);
    await next();
  }, jsonBody(services.limits.maxCandidateBodyBytes, CANDIDATE_BODY_HINTS, refuse),
  validator('json', candidateRequestSchema(services.limits), (result, c) => (result.success ? undefined : refuse(c, invalidCandidateRequest(requestProblems(result.error))))),
  async (c) => {
    const { voter, verdicts } = c.var;
    if (voter.kind === 'refused') throw new Error('[Atelier] a refused voter reached the submission');
    const result = await submitCandidate(services, voter.voterId, c.req.valid('json'));
    switch (result.kind) {
      case 'refused':
        return withVoter(errorResponse(result.error, { ...result.headers }), voter, ...verdicts);
      case 'created':
        recordServerSignal(signalServices, c, { productId: result.candidate.design.productId, rulesVersion: result.candidate.design.rulesVersion, designKey: result.candidate.canonicalKey, kind: 'submitted', units: 1, remix: result.candidate.remixOf != null });
        return withVoter(jsonResponse({ candidate: result.candidate }, 201, { Location: `/api/candidates/${encodeURIComponent(result.candidate.id)}` }), voter, ...verdicts);
      case 'joined':
        return withVoter(jsonResponse({ candidate: result.candidate, joined: true }, 200, { Location: `/api/candidates/${encodeURIComponent(result.candidate.id)}` }), voter, ...verdicts);
      default:
        throw new Error(`[Atelier] unknown result ${JSON.stringify(result satisfies never)}`);
    }
  });

  const listQuery = candidateListQuerySchema(() => [...catalog.current.keys()]);
  app.get('/api/candidates', ROUTE_DOCS.listCandidates, async (c, next) => {
    c.set('voter', await voterOf(c));
    c.set('verdicts', []);
    await next();
  }, validator('query', listQuery, (result, c) => (result.success ? undefined : refuse(c, invalidQuery(requestProblems(result.error))))),
  async (c) => {
    const { voter } = c.var;
    const query = c.req.valid('query');
    // Over the limit of new voter ids, the gallery is still shown, to a visitor without one.
    const viewer = voter.kind === 'refused' ? {} : { viewer: voter.voterId };
    // One more than the page, to tell whether a next page exists.
    const { limit, offset } = query;
    const stored = await repository.listCandidates({ ...query, limit: limit + 1, ...viewer, now: services.clock.now() });
    const nextOffset = stored.length > limit ? offset + limit : null;
    return withVoter(jsonResponse({ candidates: stored.slice(0, limit).map(candidatesUnder(catalog)), nextOffset }, 200), voter);
  });

  app.get('/api/candidates/:id', ROUTE_DOCS.candidate, async (c) => {
    const voter = await voterOf(c);
    const stored = isResourceId('candidate', c.req.param('id')) ? await repository.findCandidate(c.req.param('id'), voter.kind === 'refused' ? undefined : voter.voterId) : undefined;
    if (!stored) return withVoter(errorResponse(candidateNotFound(c.req.param('id'))), voter);
    return withVoter(jsonResponse({ candidate: candidatesUnder(catalog)(stored) }, 200), voter);
  });

  app.get('/api/candidates/:id/thumbnail', ROUTE_DOCS.thumbnail, async (c) => {
    if (!isResourceId('candidate', c.req.param('id'))) return errorResponse(candidateNotFound(c.req.param('id')));
    const image = await candidatePicture(services, c.req.param('id'));
    if (image.kind === 'no_candidate') return errorResponse(candidateNotFound(c.req.param('id')));
    if (image.kind === 'refused') return errorResponse(image.error, image.headers);
    return new Response(image.bytes, {
      headers: { 'Content-Type': 'image/png', 'Content-Length': String(image.bytes.byteLength), 'Cache-Control': 'public, max-age=31536000, immutable', 'X-Content-Type-Options': 'nosniff' },
    });
  });

  app.post('/api/candidates/:id/votes', ROUTE_DOCS.vote, async (c, next) => {
    const voter = await voterOf(c);
    // A vote counts only from a voter issued earlier: an id issued with the vote would let a loop
    // without cookies vote as a new voter every time.
    if (voter.kind === 'refused') return errorResponse(tooManyNewVoters(voter.verdict), rateLimitHeaders([voter.verdict], true));
    if (voter.kind === 'issued') return withVoter(errorResponse(voterCookieRequired()), voter);
    if (!isResourceId('candidate', c.req.param('id'))) return withVoter(errorResponse(candidateNotFound(c.req.param('id'))), voter);
    c.set('voter', voter);
    c.set('verdicts', []);
    await next();
  }, jsonBody(VOTE_BODY_BYTES, VOTE_BODY_HINTS, refuse),
  validator('json', voteRequestSchema, (result, c) => (result.success ? undefined : refuse(c, invalidVote(requestProblems(result.error))))),
  async (c) => {
    const { voter } = c.var;
    if (voter.kind === 'refused') throw new Error('[Atelier] a refused voter reached the vote');
    const result = await castVote(services, c.req.param('id'), voter.voterId, c.req.valid('json'));
    if (result.kind === 'refused') {
      return withVoter(errorResponse(result.error, result.limit === undefined ? {} : rateLimitHeaders([result.limit], true)), voter);
    }
    // An up-vote is support for the design; a down-vote or a vote taken back is not counted as one.
    if (c.req.valid('json').vote === 'up') {
      recordServerSignal(signalServices, c, { productId: result.candidate.design.productId, rulesVersion: result.candidate.design.rulesVersion, designKey: result.candidate.canonicalKey, kind: 'voted', units: 1, remix: result.candidate.remixOf != null });
    }
    return withVoter(jsonResponse({ candidate: result.candidate }, 200, rateLimitHeaders([result.limit])), voter);
  });

  app.post('/api/signals', ROUTE_DOCS.designSignals, limitSignalRequests(signalServices), jsonBody(SIGNALS_BODY_BYTES, SIGNALS_BODY_HINTS, refuse),
    validator('json', designSignalRequestSchema, (result, c) => (result.success ? undefined : refuse(c, apiError(422, 'invalid_signals', 'the signals are not as the API takes them', 'send {"session":…,"signals":[{"kind":"reviewed","productId":…,"rulesVersion":…,"choices":{…}}]}', requestProblems(result.error))))),
    (c) => acceptBrowserSignals(signalServices, c, c.req.valid('json')));

  app.post('/api/artworks', ROUTE_DOCS.uploadArtwork, bodyLimit({
    maxSize: ARTWORK_LIMITS.maxBytes + 64 * 1024,
    onError: () => errorResponse(apiError(413, 'body_too_large', 'the artwork is larger than 10 MB', 'export it smaller (PNG, JPEG or SVG up to 10 MB)'), { Connection: 'close' }),
  }), async (c) => {
    const bytes = new Uint8Array(await c.req.arrayBuffer());
    const name = c.req.header('x-file-name');
    const result = await storeArtwork(services, bytes, name === undefined ? undefined : safeDecode(name));
    if (!result.ok) return errorResponse(result.error, result.retryAfterSeconds === undefined ? {} : { 'Retry-After': String(result.retryAfterSeconds) });
    return c.json({ artwork: result.artwork, warnings: result.warnings }, 201, { Location: result.artwork.url, 'Cache-Control': 'no-store' });
  });

  app.get('/api/artworks/:id', ROUTE_DOCS.artwork, async (c) => {
    const [stored] = isResourceId('artwork', c.req.param('id')) ? await repository.findArtworks([c.req.param('id')]) : [];
    if (!stored) return errorResponse(apiError(404, 'not_found', `there is no artwork "${c.req.param('id')}"`, 'upload it again (POST /api/artworks)'));
    const type = { png: 'image/png', jpeg: 'image/jpeg', svg: 'image/svg+xml' }[stored.meta.format];
    return new Response(new Uint8Array(stored.bytes), {
      headers: {
        'Content-Type': type, 'Content-Length': String(stored.bytes.byteLength), 'Cache-Control': 'public, max-age=31536000, immutable', 'X-Content-Type-Options': 'nosniff',
        // Sanitised already; this keeps even a mistake in the sanitiser from running anything.
        'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'; img-src data:",
      },
    });
  });

  app.get('/api/orders/:id/print/:file', ROUTE_DOCS.printFile, async (c) => {
    if (!isResourceId('order', c.req.param('id'))) return orderNotFound(c.req.param('id'));
    const result = await printFile(c.req.param('id'), c.req.param('file'));
    if (result.kind === 'no_order') return orderNotFound(c.req.param('id'));
    if (result.kind === 'refused') return errorResponse(result.error, result.headers);
    return new Response(result.png, { headers: { 'Content-Type': 'image/png', 'Content-Length': String(result.png.byteLength), 'Cache-Control': 'private, max-age=31536000, immutable', 'Content-Disposition': `inline; filename="${result.fileName}"` } });
  });

  app.get('/api/schemas/:name', ROUTE_DOCS.schema, (c) => {
    const schema = schemas.get(c.req.param('name'));
    if (schema === undefined) return errorResponse(apiError(404, 'not_found', `there is no schema "${c.req.param('name')}"`, `use one of: ${[...schemas.keys()].join(', ')}`));
    return c.body(schema, 200, { 'Content-Type': 'application/schema+json; charset=utf-8', 'Cache-Control': 'no-cache' });
  });

  app.get('/api/openapi.json', ROUTE_DOCS.openapi, openAPIRouteHandler(app, {
    // `/api/openapi.json` names a file, but is a route of its own.
    excludeStaticFile: false,
    documentation: {
      openapi: '3.1.0',
      info: { title: 'Atelier API', version: '1', description: 'Orders, artworks and the community gallery of an Atelier shop. Every error has the body `{ "error": { "code", "message", "hint", "problems"? } }`.' },
    },
  }));

  registerCatalogVersionRoute(app, { repository, catalog });
  registerStaffRoutes(app, {
    ...staffAuth, catalog, passwords: options.passwords ?? createPasswordHasher(), loginLimits: options.loginLimits ?? DEFAULT_LOGIN_LIMITS, refuse,
  });
  registerRulesSourceRoutes(app, { repository, catalog, rootDir: PROJECT_ROOT });
  registerStudioImpactRoutes(app, { repository, catalog, clock: services.clock, refuse, jobs: services.jobs });
  registerDesignInsightRoutes(app, { repository, catalog, clock: services.clock });
  registerColourwayRoutes(app, { repository, catalog, clock: services.clock, jobs: services.jobs, rootDir: PROJECT_ROOT, refuse });
  registerDesignReviewRoutes(app, { repository, catalog, clock: services.clock, settings: reviewSettings, refuse, clientOf });
  registerStudioDraftRoutes(app, { ...staffAuth, catalog, rootDir: PROJECT_ROOT, refuse });

  app.all('/api/*', (c) => errorResponse(apiError(404, 'not_found', `there is no API endpoint ${c.req.method} ${c.req.path}`, `see GET /api/openapi.json for what each endpoint takes; the endpoints are: ${apiEndpoints(app).join(', ')}`)));
  const distDir = options.distDir ?? join(PROJECT_ROOT, 'dist');
  const preview = previewPreloads(distDir);
  app.route('/', builtApp(distDir, { preloads: (url) => customerPagePreloads(url, catalog, preview) }));
  return app;
}

/**
 * What a customer page (the configurator, the gallery) asks for first: the product list, its
 * product under the rules served now and, on the configurator, that product's model and the 3D preview's code — sent as
 * preloads so the first frame does not wait for the page's code before asking for them. Nothing
 * for the staff pages; only the list for a product the shop does not have.
 */
function customerPagePreloads(url: URL, catalog: Pick<Catalog, 'current'>, preview: readonly Preload[]): Preload[] {
  if (url.pathname === '/staff' || url.pathname.startsWith('/staff/')) return [];
  const productId = url.searchParams.get('product') ?? DEFAULT_PRODUCT_ID;
  const list: Preload = { path: '/api/catalog', kind: 'fetch' };
  const entry = catalog.current.get(productId)?.entry;
  if (!entry) return [list];
  const product: Preload = { path: `/api/catalog/${encodeURIComponent(productId)}`, kind: 'fetch' };
  // The gallery shows pictures, not the 3D preview (src/main.tsx).
  if (url.pathname.replace(/\/+$/, '') === '/gallery') return [list, product];
  return [
    list,
    product,
    ...preview,
    { path: `/models/${encodeURIComponent(entry.product.model)}`, kind: 'fetch' },
  ];
}

/** The answer to an order: the order stored now, or again on a retry, or the refusal. */
function orderResponse(result: SubmitOrderResult): Response {
  switch (result.kind) {
    case 'refused':
      return errorResponse(result.error);
    case 'created':
      return jsonResponse(result.order, 201, { Location: `/api/orders/${encodeURIComponent(result.order.id)}` });
    case 'replayed':
      return jsonResponse(result.order, 200, { 'Idempotent-Replayed': 'true' });
    default:
      throw new Error(`[Atelier] unknown result ${JSON.stringify(result satisfies never)}`);
  }
}

/** The 400 of a gallery list query: its first problem, each in `problems`. */
function invalidQuery(problems: readonly Problem[]): ApiError {
  const first = problems[0] ?? { message: 'the query is not valid', hint: 'use e.g. ?sort=top&limit=24' };
  return apiError(400, 'invalid_query', first.message, first.hint, problems);
}

function jsonResponse(body: unknown, status: 200 | 201, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store', ...headers } });
}

/**
 * Sends the voter's new cookie along, when the request came without a valid one, and the
 * `RateLimit-*` headers of the limits the request was counted against.
 */
function withVoter(response: Response, voter: Voter, ...verdicts: RateLimitVerdict[]): Response {
  if (voter.kind === 'issued') response.headers.append('Set-Cookie', voter.setCookie);
  const counted = voter.kind === 'known' ? verdicts : [...verdicts, voter.verdict];
  for (const [name, value] of Object.entries(rateLimitHeaders(counted))) response.headers.set(name, value);
  return response;
}

function orderNotFound(id: string): Response {
  return errorResponse(apiError(404, 'not_found', `there is no order "${id}"`, 'use the "id" from the order confirmation (not the order number)'));
}

/** An error's class and first line of message, cut short, for the log. */
function describeError(error: unknown): string {
  const text = error instanceof Error ? `${error.name}: ${error.message}` : `thrown ${typeof error}`;
  // Drivers quote the offending value in their messages (`invalid input syntax for type uuid:
  // "…"`), and a value may be something the customer typed: quoted text never reaches the log.
  return (text.split('\n')[0] ?? '').replace(/"[^"]*"|'[^']*'|«[^»]*»/g, '"…"').slice(0, 200);
}

function safeDecode(text: string): string | undefined {
  try {
    return decodeURIComponent(text).slice(0, 200);
  } catch {
    return undefined;
  }
}
