// The designers' review (issue 14): what customers really design, from the daily rollup of design
// signals (`design_demand_daily`, migration 015), never from a table of people. Designer role.
//
//   GET /api/staff/insight/:productId/popular   the designs with the most demand in a period
//   GET /api/staff/insight/:productId/clusters  near-identical designs grouped (DesignClusters)
//   GET /api/staff/insight/:productId/options   take rates, the strongest lifts, the funnel, the parts changed most
import type { Context, Hono } from 'hono';
import { describeRoute } from 'hono-openapi';
import {
  DesignClusters, choicesOfCanonicalKey, clusterDifferences, designDistance, optionLift, partChangeRates, resolveDesign, takeRates, trend, type DesignChoices, type Product,
} from '../../domain/index.ts';
import type { InsightCluster, InsightDesign, InsightOptions } from '../../domain/staff/index.ts';
import { apiError, errorResponse } from '../apiError.ts';
import type { Catalog } from '../catalog.ts';
import type { Clock } from '../clock.ts';
import type { DesignDemand, Repository } from '../repository.ts';
import { json, route } from '../routeDocs.ts';
import { InsightCache, type InsightKey } from './insightCache.ts';
import { requireStaff } from './staffAuth.ts';

/** What the routes need. */
export interface DesignInsightRouteDeps {
  readonly repository: Pick<Repository, 'listDesignDemand' | 'describeDesignDemand' | 'designDemandMark'>;
  readonly catalog: Pick<Catalog, 'current'>;
  readonly clock: Clock;
}

/** The period when the request does not say. */
export const DEFAULT_INSIGHT_DAYS = 30;
const MAX_DAYS = 3650;
/** The designs clustered and counted at most: the most demanded (PRODUCT.md §9: the top 10,000 carry the demand). */
export const MAX_DESIGNS_CLUSTERED = 10_000;
const MAX_POPULAR = 500;
/** A lift resting on fewer units than this is not shown. */
const MIN_LIFT_SUPPORT = 5;

const SIGNED_IN = [401, 403] as const;
const DOCS = {
  popular: describeRoute(route('staff', 'The designs customers made with the most demand in a period (units ordered, then signals), gallery or not (designer)', { 200: json('`{ product, since, until, designs: [{ designKey, choices, reviewed, shared, submitted, voted, orders, units, remixes, allowedNow, sessions, trend: { recentUnits, baselineUnits, change }, gallery: { candidateId, upVotes, downVotes, score } | null }] }`') }, [...SIGNED_IN, 400, 404])),
  clusters: describeRoute(route('staff', 'Near-identical designs grouped, each shown by its medoid, with what its members differ in (designer)', { 200: json('`{ designsClustered, designsAdded, clusters: [{ medoid, size, units, demand, differences, members }] }`: `designsAdded` is how many designs were newly grouped for this answer (0 when the demand has not moved since the last one; the groups are kept between requests and brought up to date)') }, [...SIGNED_IN, 400, 404])),
  options: describeRoute(route('staff', 'Take rate per option, the strongest pairwise lifts, the funnel reviewed → shared → submitted → ordered, and how often customers change each part from the starting design (designer)', { 200: json('`{ takeRates, lifts, funnel, partChanges: { basis, total, starting, parts: [{ partId, kind, rate, weight, attributes: [{ attributeId, rate, weight }] }] } }`') }, [...SIGNED_IN, 400, 404])),
};

/** Registers the designers' insight routes on the app. */
export function registerDesignInsightRoutes(app: Hono, deps: DesignInsightRouteDeps): void {
  const designer = requireStaff({ role: 'designer', tokens: true });

  // Each view is kept until the product's rollup moves (insightCache.ts): a designer switching
  // between views and periods reads one row (the mark) instead of summing the rollup again.
  const popularKept = new InsightCache<{ designs: InsightDesign[] }>();
  const clustersKept = new InsightCache<KeptClustering>();
  const optionsKept = new InsightCache<InsightOptions>();

  app.get('/api/staff/insight/:productId/popular', DOCS.popular, designer, async (c) => {
    const query = readQuery(c, deps);
    if ('error' in query) return query.error;
    const limit = Number(c.req.query('limit') ?? 50);
    if (!Number.isInteger(limit) || limit < 1 || limit > MAX_POPULAR) return errorResponse(apiError(400, 'invalid_query', `"limit" must be a whole number from 1 to ${MAX_POPULAR}`, 'use e.g. limit=50'));
    const key = keyOf(query, String(limit));
    const mark = await deps.repository.designDemandMark(query.range.productId);
    const kept = popularKept.get(key);
    if (kept?.mark === mark) return c.json({ ...periodOf(query), ...kept.state }, 200, { 'Cache-Control': 'no-store' });
    const rows = await deps.repository.listDesignDemand({ ...query.range, limit });
    const details = await deps.repository.describeDesignDemand(query.range.productId, rows.map((row) => row.designKey), query.range.until);
    const designs = rows.map(({ visits, ...row }): InsightDesign => {
      const { recentUnits, baselineUnits, gallery } = details.get(row.designKey)!;
      // Units a day over the last 7 days against the 28 before: "+120 %" is a design catching on.
      const change = trend(recentUnits, 7, baselineUnits, 28).change;
      return { ...row, choices: choicesOf(row), allowedNow: allowedNow(query, choicesOf(row)), sessions: visits, trend: { recentUnits, baselineUnits, change }, gallery };
    });
    popularKept.set(key, mark, { designs });
    return c.json({ ...periodOf(query), designs }, 200, { 'Cache-Control': 'no-store' });
  });

  app.get('/api/staff/insight/:productId/clusters', DOCS.clusters, designer, async (c) => {
    const query = readQuery(c, deps);
    if ('error' in query) return query.error;
    const key = keyOf(query, '');
    const mark = await deps.repository.designDemandMark(query.range.productId);
    const kept = clustersKept.get(key);
    if (kept?.mark === mark) return c.json({ ...periodOf(query), ...kept.state.answer, designsAdded: 0 }, 200, { 'Cache-Control': 'no-store' });
    const rows = await deps.repository.listDesignDemand({ ...query.range, limit: MAX_DESIGNS_CLUSTERED });
    const product = query.version.entry.product;
    // The rollup moved (or this period was never clustered): the designs already grouped keep their
    // groups and take their new demand; only the new ones are compared (DesignClusters.add).
    const state = kept?.state ?? {
      clusters: new DesignClusters({ attributeIds: product.attributes.map((attribute) => attribute.id), distance: designDistance(product), threshold: 1 }),
      grouped: new Set<string>(),
      answer: { designsClustered: 0, clusters: [] },
    };
    const designsAdded = rows.reduce((sum, row) => sum + (state.grouped.has(row.designKey) ? 0 : 1), 0);
    state.clusters.add(rows.map((row) => ({ key: row.designKey, choices: choicesOf(row), demand: demandOf(row) })));
    for (const row of rows) state.grouped.add(row.designKey);
    state.answer = { designsClustered: rows.length, clusters: clustersAnswer(product, state.clusters, rows) };
    clustersKept.set(key, mark, state);
    return c.json({ ...periodOf(query), ...state.answer, designsAdded }, 200, { 'Cache-Control': 'no-store' });
  });

  app.get('/api/staff/insight/:productId/options', DOCS.options, designer, async (c) => {
    const query = readQuery(c, deps);
    if ('error' in query) return query.error;
    const key = keyOf(query, '');
    const mark = await deps.repository.designDemandMark(query.range.productId);
    const kept = optionsKept.get(key);
    if (kept?.mark === mark) return c.json({ ...periodOf(query), ...kept.state }, 200, { 'Cache-Control': 'no-store' });
    const rows = await deps.repository.listDesignDemand({ ...query.range, limit: MAX_DESIGNS_CLUSTERED });
    const ordered = rows.filter((row) => row.units > 0).map((row) => ({ choices: choicesOf(row), weight: row.units }));
    const funnel = rows.reduce((sum, row) => ({
      reviewed: sum.reviewed + row.reviewed, shared: sum.shared + row.shared, submitted: sum.submitted + row.submitted, ordered: sum.ordered + row.orders,
    }), { reviewed: 0, shared: 0, submitted: 0, ordered: 0 });
    const answer: InsightOptions = { takeRates: takeRates(query.version.entry.product, ordered), lifts: optionLift(ordered, MIN_LIFT_SUPPORT).slice(0, 50), funnel, partChanges: partChangesOf(query, rows) };
    optionsKept.set(key, mark, answer);
    return c.json({ ...periodOf(query), ...answer }, 200, { 'Cache-Control': 'no-store' });
  });
}

/**
 * How often each part differs from the design every customer starts from (the product's defaults,
 * as the configurator resolves an empty design): by units ordered, or by signals in a period with
 * no orders, so a new product's figure is not empty.
 */
function partChangesOf(query: InsightQuery, rows: readonly DesignDemand[]): InsightOptions['partChanges'] {
  const { entry, space } = query.version;
  const starting = resolveDesign(space, entry.ruleSet, {}).assignment;
  const basis = rows.some((row) => row.units > 0) ? 'units' : 'signals';
  const weighed = rows.map((row) => ({ choices: choicesOf(row), weight: basis === 'units' ? row.units : row.reviewed + row.shared + row.submitted + row.voted }));
  return { basis, starting, ...partChangeRates(entry.product, starting, weighed) };
}

/** A period's clustering, kept to be brought up to date, and the answer it gave last. */
interface KeptClustering {
  readonly clusters: DesignClusters;
  /** The designs the clustering has placed. */
  readonly grouped: Set<string>;
  answer: { designsClustered: number; clusters: InsightCluster[] };
}

/**
 * The 100 clusters with the most demand, counted over the designs of the period's top
 * {@link MAX_DESIGNS_CLUSTERED} only: a design kept from an earlier answer that has left them is
 * left out of its cluster.
 */
function clustersAnswer(product: Product, clusters: DesignClusters, rows: readonly DesignDemand[]): InsightCluster[] {
  const byKey = new Map(rows.map((row) => [row.designKey, row]));
  return clusters.clusters()
    .map((cluster) => ({ cluster, members: cluster.members.filter((member) => byKey.has(member.key)) }))
    .filter(({ members }) => members.length > 0)
    .map(({ cluster, members }) => ({ cluster, members, demand: members.reduce((sum, member) => sum + demandOf(byKey.get(member.key)!), 0) }))
    .sort((a, b) => b.demand - a.demand)
    .slice(0, 100)
    .map(({ cluster, members, demand }): InsightCluster => ({
      medoid: { designKey: cluster.medoid.key, choices: cluster.medoid.choices },
      size: members.length,
      units: members.reduce((sum, member) => sum + byKey.get(member.key)!.units, 0),
      demand,
      differences: clusterDifferences(product, members.map((member) => member.choices)),
      members: members.slice(0, 50).map((member) => ({ ...byKey.get(member.key)!, choices: member.choices })),
    }));
}

/** What a kept view is computed at: the product and its rules version, the period's days, the filter, and `variant`. */
function keyOf(query: InsightQuery, variant: string): InsightKey {
  const { productId, rulesVersion } = query.range;
  const { since, until } = periodOf(query);
  return { productId, rulesVersion: query.version.entry.rulesVersion, since, until, variant: `${rulesVersion ?? ''}|${variant}` };
}

type InsightQuery = { range: { productId: string; since: Date; until: Date; rulesVersion?: string }; version: NonNullable<ReturnType<Catalog['current']['get']>>; days: number };

/** The product (sold now), the period (`days`, 1 to 3650, ending today) and the rules version (`rulesVersion`, optional) of a request. */
function readQuery(c: Context, deps: DesignInsightRouteDeps): InsightQuery | { error: Response } {
  const productId = c.req.param('productId') ?? '';
  const version = deps.catalog.current.get(productId);
  if (!version) return { error: errorResponse(apiError(404, 'not_found', `the shop sells no product "${productId.slice(0, 60)}"`, `use one of: ${[...deps.catalog.current.keys()].join(', ')}`)) };
  const daysText = c.req.query('days');
  const days = daysText === undefined ? DEFAULT_INSIGHT_DAYS : Number(daysText);
  if (!Number.isInteger(days) || days < 1 || days > MAX_DAYS) return { error: errorResponse(apiError(400, 'invalid_query', `"days" must be a whole number from 1 to ${MAX_DAYS}, not "${String(daysText).slice(0, 20)}"`, 'use e.g. days=30')) };
  const rulesVersion = c.req.query('rulesVersion');
  const until = deps.clock.now();
  const since = new Date(until.getTime() - (days - 1) * 86_400_000);
  return { range: { productId, since, until, ...(rulesVersion ? { rulesVersion } : {}) }, version, days };
}

function periodOf(query: InsightQuery) {
  return { product: query.range.productId, since: query.range.since.toISOString().slice(0, 10), until: query.range.until.toISOString().slice(0, 10), days: query.days };
}

/** Designs' choices by key, read once: every view reads the same top 10,000 keys, and parsing a key costs tens of µs. */
const parsedChoices = new Map<string, DesignChoices>();
/** The parsed keys kept at most (each a design's few dozen choices): a shop's demanded designs, a few products' worth. */
const MAX_PARSED = 40_000;

function choicesOf(row: Pick<DesignDemand, 'designKey'>): DesignChoices {
  let choices = parsedChoices.get(row.designKey);
  if (choices === undefined) {
    choices = choicesOfCanonicalKey(row.designKey)?.choices ?? {};
    // Past the cap the oldest quarter goes: no per-hit bookkeeping on the path every view takes.
    if (parsedChoices.size >= MAX_PARSED) [...parsedChoices.keys()].slice(0, MAX_PARSED / 4).forEach((key) => parsedChoices.delete(key));
    parsedChoices.set(row.designKey, choices);
  }
  return choices;
}

/** Units ordered weigh most; each signal a little (a design reviewed a hundred times is worth an order). */
function demandOf(row: DesignDemand): number {
  return row.units + (row.reviewed + row.shared) / 100 + (row.submitted + row.voted) / 10;
}

/** Whether the product's current rules allow the design as it is (false once a rule or an option removed refuses it). */
function allowedNow(query: InsightQuery, choices: DesignChoices): boolean {
  const product: Product = query.version.entry.product;
  const known = product.attributes.every((attribute) => choices[attribute.id] === undefined || attribute.options.some((option) => option.id === choices[attribute.id]));
  return known && Object.keys(choices).every((id) => product.attributes.some((attribute) => attribute.id === id)) && query.version.space.isConsistent(choices);
}
