// Design signals in SQL (migration 015): each batch written as one JSON parameter (one prepared
// statement whatever its size) into `design_signals`, and added to the daily rollup
// `design_demand_daily` by the same statement, so the rollup never misses or double-counts a batch.
import type { DesignDemand, DesignSignal, Repository } from '../repository.ts';
import type { SqlClient } from '../sqlClient.ts';

/** The part of the {@link Repository} that records design signals and reads their rollup. */
export type SignalStore = Pick<Repository, 'recordDesignSignals' | 'deleteDesignSignalsBefore' | 'listDesignDemand'>;

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
