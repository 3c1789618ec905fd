import type { Context, MiddlewareHandler } from 'hono';
import { canonicalKey } from '../domain/index.ts';
import { ANONYMOUS_SESSION, type DesignSignalRequest } from '../domain/requests/index.ts';
import { apiError, errorResponse } from './apiError.ts';
import type { Catalog } from './catalog.ts';
import { checkRateLimit, describeRateLimit, describeWait, rateLimitHeaders } from './checkRateLimit.ts';
import type { ClientConnection } from './clientAddress.ts';
import type { RateLimit } from './clientLimits.ts';
import type { Clock } from './clock.ts';
import { declinesTracking, newAnonymousSession, type SignalRecorder } from './designSignals.ts';
import type { DesignSignal, Repository } from './repository.ts';

/** The header a page sends its anonymous session id in with an order, a submission or a vote. */
export const SESSION_HEADER = 'Atelier-Session';

/** What the signal routes need. */
export interface SignalServices {
  readonly catalog: Pick<Catalog, 'find'>;
  readonly clock: Clock;
  /** Where signals go; none recorded when absent (signals switched off). */
  readonly signals: SignalRecorder | undefined;
  /** `POST /api/signals` requests allowed per client address, counted in the database (`rate_limit_windows`); no limit when absent. */
  readonly limit?: {
    readonly repository: Repository;
    readonly perClient: RateLimit;
    readonly clientOf: (c: Context) => ClientConnection;
  };
}

/**
 * The per-address limit of `POST /api/signals`, before its body is read: a script posting signals
 * in a loop is refused (429, with `Retry-After`) instead of filling the rollups with made-up demand.
 * Counted under its own name in the table the gallery's limits use, so it holds across server
 * processes. A request that could record nothing (signals off, `DNT`/`Sec-GPC`) is not counted.
 */
export function limitSignalRequests(services: SignalServices): MiddlewareHandler {
  return async (c, next) => {
    const limit = services.limit;
    if (!limit || !services.signals || declinesTracking((name) => c.req.header(name))) return next();
    const verdict = await checkRateLimit(limit.repository, 'signals', limit.perClient, limit.clientOf(c).limitKey, services.clock.now());
    if (!verdict.allowed) {
      return errorResponse(apiError(429, 'rate_limited', `too many signal requests from this address: at most ${describeRateLimit(limit.perClient, 'requests')}`,
        `wait ${describeWait(verdict.resetSeconds)} before sending more; a page sends its signals in batches of up to 20 a request`), rateLimitHeaders([verdict], true));
    }
    await next();
    for (const [name, value] of Object.entries(rateLimitHeaders([verdict]))) c.res.headers.set(name, value);
  };
}

/**
 * Records what the server itself saw done with a design (submitted, voted on, ordered), unless
 * signals are off or the request declined tracking (`DNT: 1`, `Sec-GPC: 1`). The session is the
 * page's anonymous one from {@link SESSION_HEADER}, or a new one.
 */
export function recordServerSignal(services: SignalServices, c: Context, signal: Omit<DesignSignal, 'at' | 'sessionId'>): void {
  if (!services.signals || declinesTracking((name) => c.req.header(name))) return;
  const session = c.req.header(SESSION_HEADER);
  services.signals.record({ ...signal, at: services.clock.now(), sessionId: session !== undefined && ANONYMOUS_SESSION.test(session) ? session : newAnonymousSession() });
}

/**
 * `POST /api/signals`, once its body is checked: the page's "reviewed" and "shared" signals. Each
 * design must name a product and a rules version the shop has published, and options that version
 * has: a refusal (422) lists every signal that does not, and records none. Answers 202 with how many
 * were taken (0 when signals are off or the browser asked not to be tracked).
 */
export async function acceptBrowserSignals(services: SignalServices, c: Context, request: DesignSignalRequest): Promise<Response> {
  if (!services.signals || declinesTracking((name) => c.req.header(name))) return c.json({ recorded: 0 }, 202);
  const problems: { path: string; message: string; hint: string }[] = [];
  const accepted: DesignSignal[] = [];
  const now = services.clock.now();
  for (const [index, signal] of request.signals.entries()) {
    const path = `signals[${index}]`;
    const found = await services.catalog.find(signal.productId, signal.rulesVersion);
    if (found.kind !== 'found' && found.kind !== 'retired-rules-version') {
      problems.push(found.kind === 'unknown-product'
        ? { path: `${path}.productId`, message: `the shop has no product "${signal.productId}"`, hint: `use one of ${found.knownProducts.join(', ')}` }
        : { path: `${path}.rulesVersion`, message: `the shop never published rules version "${signal.rulesVersion}" of ${signal.productId}`, hint: 'send the rules version the page was given with the product' });
      continue;
    }
    const attributes = new Map(found.version.entry.product.attributes.map((attribute) => [attribute.id, attribute]));
    const unknown = Object.entries(signal.choices).find(([attributeId, optionId]) => !attributes.get(attributeId)?.options.some((option) => option.id === optionId));
    if (unknown) {
      problems.push({ path: `${path}.choices.${unknown[0]}`, message: `"${unknown[0]}: ${unknown[1]}" is not an option of ${signal.productId} under rules version ${signal.rulesVersion}`, hint: 'send the design\'s choices as the page holds them' });
      continue;
    }
    accepted.push({
      at: now, productId: signal.productId, rulesVersion: signal.rulesVersion, designKey: canonicalKey({ productId: signal.productId, choices: signal.choices }),
      kind: signal.kind, units: 1, sessionId: request.session, remix: signal.remix === true,
    });
  }
  if (problems.length > 0) {
    return errorResponse(apiError(422, 'invalid_signals', `${problems.length} of ${request.signals.length} signals name no design of this shop: ${problems[0]!.message}`, problems[0]!.hint, problems));
  }
  for (const signal of accepted) services.signals.record(signal);
  return c.json({ recorded: accepted.length }, 202);
}
