// Design signals in SQL (migration 015): each batch written as one JSON parameter (one prepared
// statement whatever its size) into `design_signals`, and added to the daily rollup
// `design_demand_daily` by the same statement, so the rollup never misses or double-counts a batch.
import type { DesignDemand, DesignDemandDetails, DesignSignal, Repository } from '../repository.ts';
import type { SqlClient } from '../sqlClient.ts';

/** The part of the {@link Repository} that records design signals and reads their rollup. */
export type SignalStore = Pick<Repository, 'recordDesignSignals' | 'deleteDesignSignalsBefore' | 'listDesignDemand' | 'describeDesignDemand'>;

/** The design signals' statements over a client (PGlite or PostgreSQL). */
export function createSignalStore(client: SqlClient): SignalStore {
  return {
    recordDesignSignals: async (signals) => {
      if (signals.length === 0) return;
      await client.query(INSERT_SIGNALS, [JSON.stringify(signals.map(asRow))]);
    },
    deleteDesignSignalsBefore: async (before) => {
      const rows = await client.query<{ n: number }>('WITH gone AS (DELETE FROM design_signals WHERE at < $1::text::timestamptz RETURNING 1) SELECT count(*)::int AS n FROM gone', [before.toISOString()]);
      return Number(rows[0]?.n ?? 0);
    },
    describeDesignDemand: (productId, designKeys, since, until) => describeDesignDemand(client, productId, designKeys, since, until),
    listDesignDemand: async (query) => {
      const rows = await client.query<Record<keyof DesignDemand, string | number>>(
        `SELECT design_key AS "designKey", sum(reviewed)::int AS reviewed, sum(shared)::int AS shared, sum(submitted)::int AS submitted,
           sum(voted)::int AS voted, sum(orders)::int AS orders, sum(units)::int AS units, sum(remixes)::int AS remixes
         FROM design_demand_daily
         WHERE product_id = $1 AND day BETWEEN $2::text::date AND $3::text::date AND ($4::text IS NULL OR rules_version = $4::text)
         GROUP BY design_key
         ORDER BY sum(units) DESC, sum(reviewed + shared + submitted + voted) DESC, design_key
         LIMIT $5`,
        [query.productId, day(query.since), day(query.until), query.rulesVersion ?? null, query.limit],
      );
      return rows.map((row) => ({
        designKey: String(row.designKey), reviewed: Number(row.reviewed), shared: Number(row.shared), submitted: Number(row.submitted),
        voted: Number(row.voted), orders: Number(row.orders), units: Number(row.units), remixes: Number(row.remixes),
      }));
    },
  };
}

async function describeDesignDemand(client: SqlClient, productId: string, designKeys: readonly string[], since: Date, until: Date): Promise<Map<string, DesignDemandDetails>> {
  const details = new Map<string, { sessions: number; recentUnits: number; baselineUnits: number; gallery: DesignDemandDetails['gallery'] }>(
    designKeys.map((key) => [key, { sessions: 0, recentUnits: 0, baselineUnits: 0, gallery: null }]),
  );
  if (designKeys.length === 0) return details;
  const keys = JSON.stringify(designKeys);
  const dayAfter = new Date(Date.UTC(until.getUTCFullYear(), until.getUTCMonth(), until.getUTCDate() + 1));
  const sessions = await client.query<{ key: string; n: number }>(
    `SELECT design_key AS key, count(DISTINCT session_id)::int AS n FROM design_signals
     WHERE product_id = $1 AND design_key IN (SELECT json_array_elements_text($2::text::json)) AND at >= $3::text::date AND at < $4::text::date
     GROUP BY design_key`,
    [productId, keys, day(since), day(dayAfter)],
  );
  for (const row of sessions) details.get(row.key)!.sessions = Number(row.n);
  const units = await client.query<{ key: string; recent: number; baseline: number }>(
    `SELECT design_key AS key,
       coalesce(sum(units) FILTER (WHERE day > $3::text::date - 7), 0)::int AS recent,
       coalesce(sum(units) FILTER (WHERE day <= $3::text::date - 7), 0)::int AS baseline
     FROM design_demand_daily
     WHERE product_id = $1 AND design_key IN (SELECT json_array_elements_text($2::text::json)) AND day > $3::text::date - 35 AND day <= $3::text::date
     GROUP BY design_key`,
    [productId, keys, day(until)],
  );
  for (const row of units) Object.assign(details.get(row.key)!, { recentUnits: Number(row.recent), baselineUnits: Number(row.baseline) });
  const candidates = await client.query<{ key: string; id: string; up: number; down: number; score: number }>(
    `SELECT DISTINCT ON (canonical_key) canonical_key AS key, public_id AS id, up_votes AS up, down_votes AS down, score FROM candidates
     WHERE product_id = $1 AND canonical_key IN (SELECT json_array_elements_text($2::text::json))
     ORDER BY canonical_key, score DESC, seq`,
    [productId, keys],
  );
  for (const row of candidates) details.get(row.key)!.gallery = { candidateId: row.id, upVotes: Number(row.up), downVotes: Number(row.down), score: Number(row.score) };
  return details;
}

function day(date: Date): string {
  return date.toISOString().slice(0, 10);
}

function asRow(signal: DesignSignal) {
  return {
    at: signal.at.toISOString(), product_id: signal.productId, rules_version: signal.rulesVersion, design_key: signal.designKey,
    kind: signal.kind, units: signal.units, session_id: signal.sessionId, remix: signal.remix,
  };
}

const INSERT_SIGNALS = `
  WITH input AS (
    SELECT * FROM json_to_recordset($1::text::json) AS input (
      at timestamptz, product_id text, rules_version text, design_key text, kind text, units int, session_id text, remix boolean)
  ), stored AS (
    INSERT INTO design_signals (at, product_id, rules_version, design_key, kind, units, session_id, remix)
    SELECT at, product_id, rules_version, design_key, kind, units, session_id, remix FROM input
  )
  INSERT INTO design_demand_daily AS daily (product_id, day, design_key, rules_version, reviewed, shared, submitted, voted, orders, units, remixes)
  SELECT product_id, (at AT TIME ZONE 'UTC')::date, design_key, rules_version,
    count(*) FILTER (WHERE kind = 'reviewed'), count(*) FILTER (WHERE kind = 'shared'), count(*) FILTER (WHERE kind = 'submitted'),
    count(*) FILTER (WHERE kind = 'voted'), count(*) FILTER (WHERE kind = 'ordered'), coalesce(sum(units) FILTER (WHERE kind = 'ordered'), 0),
    count(*) FILTER (WHERE remix)
  FROM input
  GROUP BY product_id, (at AT TIME ZONE 'UTC')::date, design_key, rules_version
  ON CONFLICT (product_id, day, design_key, rules_version) DO UPDATE SET
    reviewed = daily.reviewed + excluded.reviewed, shared = daily.shared + excluded.shared, submitted = daily.submitted + excluded.submitted,
    voted = daily.voted + excluded.voted, orders = daily.orders + excluded.orders, units = daily.units + excluded.units, remixes = daily.remixes + excluded.remixes`;
