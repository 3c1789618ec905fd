// Design signals in SQL (migrations 015 and 017): each batch written as one JSON parameter (one
// prepared statement whatever its size) into `design_signals`, and added to the daily and monthly
// rollups and the product's high-water mark by the same statement, so the rollups never miss or
// double-count a batch. A design is stored once (`design_keys`); signals and rollups hold its id,
// `md5(canonical key)::uuid`, which every statement computes from the key.
import type { DesignDemand, DesignDemandDetails, DesignSignal, Repository } from '../repository.ts';
import type { SqlClient } from '../sqlClient.ts';

/** The part of the {@link Repository} that records design signals and reads their rollup. */
export type SignalStore = Pick<Repository, 'recordDesignSignals' | 'deleteDesignSignalsBefore' | 'listDesignDemand' | 'describeDesignDemand' | 'designDemandMark'>;

/** The design signals' statements over a client (PGlite or PostgreSQL). */
export function createSignalStore(client: SqlClient): SignalStore {
  return {
    recordDesignSignals: async (signals) => {
      if (signals.length === 0) return;
      await client.query(INSERT_SIGNALS, [JSON.stringify(signals.map(asRow))]);
    },
    deleteDesignSignalsBefore: async (before) => {
      await client.query(`DELETE FROM design_visit_days WHERE day < ${RECENT_DAY}`);
      const rows = await client.query<{ n: number }>('WITH gone AS (DELETE FROM design_signals WHERE at < $1::text::timestamptz RETURNING 1) SELECT count(*)::int AS n FROM gone', [before.toISOString()]);
      return Number(rows[0]?.n ?? 0);
    },
    designDemandMark: async (productId) => {
      const rows = await client.query<{ mark: string }>('SELECT mark::text AS mark FROM design_demand_marks WHERE product_id = $1', [productId]);
      return Number(rows[0]?.mark ?? 0);
    },
    describeDesignDemand: (productId, designKeys, until) => describeDesignDemand(client, productId, designKeys, until),
    listDesignDemand: async (query) => {
      const { fullMonthsFrom, fullMonthsUntil } = fullMonthsOf(query.since, query.until);
      // The whole months of the period from the monthly rollup, the days at its ends from the daily one.
      const rows = await client.query<Record<keyof DesignDemand, string | number>>(
        // The days before the whole months and the days after them are read as two ranges of the
        // (product, day, …) key: one range with the months filtered out read every day of a year.
        `WITH parts AS (
           SELECT design_id, reviewed, shared, submitted, voted, orders, units, remixes, visits FROM design_demand_daily
           WHERE product_id = $1 AND day >= $2::text::date AND day <= $3::text::date AND day < $4::text::date
             AND ($6::text IS NULL OR rules_version = $6::text)
           UNION ALL
           SELECT design_id, reviewed, shared, submitted, voted, orders, units, remixes, visits FROM design_demand_daily
           WHERE product_id = $1 AND day >= $2::text::date AND day <= $3::text::date AND day >= $5::text::date
             AND ($6::text IS NULL OR rules_version = $6::text)
           UNION ALL
           SELECT design_id, reviewed, shared, submitted, voted, orders, units, remixes, visits FROM design_demand_monthly
           WHERE product_id = $1 AND month >= $4::text::date AND month < $5::text::date AND ($6::text IS NULL OR rules_version = $6::text)
         ), totals AS (
           SELECT design_id, sum(reviewed)::int AS reviewed, sum(shared)::int AS shared, sum(submitted)::int AS submitted,
             sum(voted)::int AS voted, sum(orders)::int AS orders, sum(units)::int AS units, sum(remixes)::int AS remixes, sum(visits)::int AS visits
           FROM parts GROUP BY design_id
           ORDER BY sum(units) DESC, sum(reviewed + shared + submitted + voted) DESC, design_id
           LIMIT $7
         )
         -- The top rows are chosen by id (a sort of small rows); only they are joined to their keys.
         SELECT k.design_key AS "designKey", t.reviewed, t.shared, t.submitted, t.voted, t.orders, t.units, t.remixes, t.visits
         FROM totals t JOIN design_keys k ON k.design_id = t.design_id
         ORDER BY t.units DESC, t.reviewed + t.shared + t.submitted + t.voted DESC, t.design_id`,
        [query.productId, day(query.since), day(query.until), day(fullMonthsFrom), day(fullMonthsUntil), query.rulesVersion ?? null, query.limit],
      );
      return rows.map((row) => ({
        designKey: String(row.designKey), reviewed: Number(row.reviewed), shared: Number(row.shared), submitted: Number(row.submitted),
        voted: Number(row.voted), orders: Number(row.orders), units: Number(row.units), remixes: Number(row.remixes), visits: Number(row.visits),
      }));
    },
  };
}

/**
 * The whole calendar months inside the days `since`..`until` (UTC), as the first day of the first
 * and the first day after the last; both the day after `until` when there is none.
 */
export function fullMonthsOf(since: Date, until: Date): { fullMonthsFrom: Date; fullMonthsUntil: Date } {
  const first = since.getUTCDate() === 1 ? utcDay(since) : new Date(Date.UTC(since.getUTCFullYear(), since.getUTCMonth() + 1, 1));
  const dayAfter = new Date(Date.UTC(until.getUTCFullYear(), until.getUTCMonth(), until.getUTCDate() + 1));
  const end = new Date(Date.UTC(dayAfter.getUTCFullYear(), dayAfter.getUTCMonth(), 1));
  return end > first ? { fullMonthsFrom: first, fullMonthsUntil: end } : { fullMonthsFrom: dayAfter, fullMonthsUntil: dayAfter };
}

function utcDay(date: Date): Date {
  return new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()));
}

async function describeDesignDemand(client: SqlClient, productId: string, designKeys: readonly string[], until: Date): Promise<Map<string, DesignDemandDetails>> {
  const details = new Map<string, { recentUnits: number; baselineUnits: number; gallery: DesignDemandDetails['gallery'] }>(
    designKeys.map((key) => [key, { recentUnits: 0, baselineUnits: 0, gallery: null }]),
  );
  if (designKeys.length === 0) return details;
  const keys = JSON.stringify(designKeys);
  const units = await client.query<{ key: string; recent: number; baseline: number }>(
    `SELECT k.key,
       coalesce(sum(d.units) FILTER (WHERE d.day > $3::text::date - 7), 0)::int AS recent,
       coalesce(sum(d.units) FILTER (WHERE d.day <= $3::text::date - 7), 0)::int AS baseline
     FROM json_array_elements_text($2::text::json) AS k (key)
     JOIN design_demand_daily d ON d.product_id = $1 AND d.design_id = md5(k.key)::uuid AND d.day > $3::text::date - 35 AND d.day <= $3::text::date
     GROUP BY k.key`,
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

const COUNTS = 'reviewed, shared, submitted, voted, orders, units, remixes, visits';
const ADD_COUNTS = (table: string) => ['reviewed', 'shared', 'submitted', 'voted', 'orders', 'units', 'remixes', 'visits'].map((column) => `${column} = ${table}.${column} + excluded.${column}`).join(', ');

/** Yesterday (UTC): signals of this day or later have their visits counted through `design_visit_days`. */
const RECENT_DAY = "((now() AT TIME ZONE 'UTC')::date - 1)";

/**
 * The rollups' part of a statement whose CTE `input` holds signals (product_id, rules_version,
 * design_id, kind, units, session_id, remix and their UTC `day`): their counts added to the daily and monthly
 * rollups, and the mark of each product they name moved on by one.
 */
const ROLL_UP = `
  recent_visits AS (
    INSERT INTO design_visit_days (product_id, day, design_id, rules_version, session_id)
    SELECT DISTINCT product_id, day, design_id, rules_version, session_id FROM input WHERE day >= ${RECENT_DAY}
    ON CONFLICT DO NOTHING
    RETURNING product_id, day, design_id, rules_version
  ), counted AS (
    -- Today's and yesterday's visits count once however many batches bring their signals; an older
    -- day's (a bulk load) are its distinct sessions in this statement.
    SELECT c.product_id, c.day, c.design_id, c.rules_version, c.reviewed, c.shared, c.submitted, c.voted, c.orders, c.units, c.remixes,
      CASE WHEN c.day >= ${RECENT_DAY} THEN coalesce(v.visits, 0) ELSE c.sessions END AS visits
    FROM (
      SELECT product_id, day, design_id, rules_version,
        count(*) FILTER (WHERE kind = 'reviewed') AS reviewed, count(*) FILTER (WHERE kind = 'shared') AS shared, count(*) FILTER (WHERE kind = 'submitted') AS submitted,
        count(*) FILTER (WHERE kind = 'voted') AS voted, count(*) FILTER (WHERE kind = 'ordered') AS orders, coalesce(sum(units) FILTER (WHERE kind = 'ordered'), 0) AS units,
        count(*) FILTER (WHERE remix) AS remixes, count(DISTINCT session_id) AS sessions
      FROM input
      GROUP BY product_id, day, design_id, rules_version
    ) AS c
    LEFT JOIN (SELECT product_id, day, design_id, rules_version, count(*) AS visits FROM recent_visits GROUP BY product_id, day, design_id, rules_version) AS v
      ON v.product_id = c.product_id AND v.day = c.day AND v.design_id = c.design_id AND v.rules_version = c.rules_version
  ), daily AS (
    INSERT INTO design_demand_daily AS daily (product_id, day, design_id, rules_version, ${COUNTS})
    SELECT product_id, day, design_id, rules_version, ${COUNTS} FROM counted
    ON CONFLICT (product_id, day, design_id, rules_version) DO UPDATE SET ${ADD_COUNTS('daily')}
  ), monthly AS (
    INSERT INTO design_demand_monthly AS monthly (product_id, month, design_id, rules_version, ${COUNTS})
    SELECT product_id, date_trunc('month', day)::date, design_id, rules_version,
      sum(reviewed), sum(shared), sum(submitted), sum(voted), sum(orders), sum(units), sum(remixes), sum(visits)
    FROM counted
    GROUP BY product_id, date_trunc('month', day)::date, design_id, rules_version
    ON CONFLICT (product_id, month, design_id, rules_version) DO UPDATE SET ${ADD_COUNTS('monthly')}
  )
  INSERT INTO design_demand_marks AS marks (product_id, mark)
  SELECT DISTINCT product_id, 1 FROM input
  ON CONFLICT (product_id) DO UPDATE SET mark = marks.mark + 1`;

const INSERT_SIGNALS = `
  WITH input AS (
    SELECT input.*, md5(input.design_key)::uuid AS design_id, (input.at AT TIME ZONE 'UTC')::date AS day FROM json_to_recordset($1::text::json) AS input (
      at timestamptz, product_id text, rules_version text, design_key text, kind text, units int, session_id text, remix boolean)
  ), keys AS (
    INSERT INTO design_keys (design_id, product_id, design_key)
    SELECT DISTINCT design_id, product_id, design_key FROM input
    ON CONFLICT (design_id) DO NOTHING
  ), stored AS (
    INSERT INTO design_signals (at, product_id, rules_version, design_id, kind, units, session_id, remix)
    SELECT at, product_id, rules_version, design_id, kind, units, session_id, remix FROM input
  ), ${ROLL_UP}`;

/**
 * Adds the signals stored after `afterSeq` to the rollups, in one statement: for a bulk load that
 * wrote `design_signals` (and `design_keys`) directly, such as `npm run seed:demand`. Signals
 * written by {@link SignalStore.recordDesignSignals} are rolled up already: never pass a `seq` before them.
 */
export async function rollUpStoredSignals(client: SqlClient, afterSeq: number): Promise<void> {
  await client.query(
    `WITH input AS (
       SELECT product_id, rules_version, design_id, kind, units, session_id, remix, (at AT TIME ZONE 'UTC')::date AS day FROM design_signals WHERE seq > $1::bigint
     ), ${ROLL_UP}`,
    [afterSeq],
  );
}
