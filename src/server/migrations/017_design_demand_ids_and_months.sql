-- The designers' views at scale (a million orders, five million signals). A design's canonical key
-- names every choice (600 bytes for the sneaker): stored in every signal and every rollup row, and
-- in their indexes, it made the tables several times larger than their counts, and a view over a
-- year read gigabytes. From here on a design is stored once, in `design_keys`, and the signals and
-- rollups hold its 16-byte id: the md5 of its canonical key, which any statement can compute from
-- the key itself (`md5(key)::uuid`), so writing a signal needs no lookup.
CREATE TABLE design_keys (
  design_id  uuid PRIMARY KEY,
  product_id text NOT NULL,
  design_key text NOT NULL
);
INSERT INTO design_keys (design_id, product_id, design_key)
SELECT md5(design_key)::uuid, product_id, design_key
FROM (SELECT product_id, design_key FROM design_demand_daily UNION SELECT product_id, design_key FROM design_signals) AS seen;

ALTER TABLE design_signals ADD COLUMN design_id uuid;
UPDATE design_signals SET design_id = md5(design_key)::uuid;
ALTER TABLE design_signals ALTER COLUMN design_id SET NOT NULL;
DROP INDEX design_signals_design;
ALTER TABLE design_signals DROP COLUMN design_key;
-- The distinct visits behind the designs a designer looks at, read from the index alone.
CREATE INDEX design_signals_design ON design_signals (product_id, design_id, at) INCLUDE (session_id);

ALTER TABLE design_demand_daily ADD COLUMN design_id uuid;
UPDATE design_demand_daily SET design_id = md5(design_key)::uuid;
ALTER TABLE design_demand_daily ALTER COLUMN design_id SET NOT NULL;
ALTER TABLE design_demand_daily DROP CONSTRAINT design_demand_daily_pkey;
ALTER TABLE design_demand_daily DROP COLUMN design_key;
ALTER TABLE design_demand_daily ADD PRIMARY KEY (product_id, day, design_id, rules_version);
-- The primary key starts with (product_id, day): this one only cost writes.
DROP INDEX design_demand_daily_day;

-- Distinct visits, added up like the other counts: a page's anonymous session lasts one visit, so
-- the distinct sessions of a design on each day, summed over a period, are its distinct visits,
-- read from the rollups instead of counted from millions of signals on every view.
ALTER TABLE design_demand_daily ADD COLUMN visits integer NOT NULL DEFAULT 0;
UPDATE design_demand_daily AS daily SET visits = seen.n
FROM (SELECT product_id, (at AT TIME ZONE 'UTC')::date AS day, design_id, rules_version, count(DISTINCT session_id) AS n
      FROM design_signals GROUP BY product_id, (at AT TIME ZONE 'UTC')::date, design_id, rules_version) AS seen
WHERE daily.product_id = seen.product_id AND daily.day = seen.day AND daily.design_id = seen.design_id AND daily.rules_version = seen.rules_version;

-- The sessions already counted for a design today and yesterday (UTC), so that a visit's later
-- signals in other batches are not counted again; older days are deleted by the retention sweep.
CREATE TABLE design_visit_days (
  product_id    text NOT NULL,
  day           date NOT NULL,
  design_id     uuid NOT NULL,
  rules_version text NOT NULL,
  session_id    text NOT NULL,
  PRIMARY KEY (product_id, day, design_id, rules_version, session_id)
);
INSERT INTO design_visit_days (product_id, day, design_id, rules_version, session_id)
SELECT DISTINCT product_id, (at AT TIME ZONE 'UTC')::date, design_id, rules_version, session_id FROM design_signals
WHERE at >= (now() AT TIME ZONE 'UTC')::date - 1;

-- The same counts by calendar month: a view over a year sums eleven or twelve months and the days
-- at its two ends, not 365 days of rows. Written with the daily rollup, by the same statement.
CREATE TABLE design_demand_monthly (
  product_id    text    NOT NULL,
  month         date    NOT NULL,
  design_id     uuid    NOT NULL,
  rules_version text    NOT NULL,
  reviewed      integer NOT NULL DEFAULT 0,
  shared        integer NOT NULL DEFAULT 0,
  submitted     integer NOT NULL DEFAULT 0,
  voted         integer NOT NULL DEFAULT 0,
  orders        integer NOT NULL DEFAULT 0,
  units         integer NOT NULL DEFAULT 0,
  remixes       integer NOT NULL DEFAULT 0,
  visits        integer NOT NULL DEFAULT 0,
  PRIMARY KEY (product_id, month, design_id, rules_version)
);
INSERT INTO design_demand_monthly (product_id, month, design_id, rules_version, reviewed, shared, submitted, voted, orders, units, remixes, visits)
SELECT product_id, date_trunc('month', day)::date, design_id, rules_version,
  sum(reviewed), sum(shared), sum(submitted), sum(voted), sum(orders), sum(units), sum(remixes), sum(visits)
FROM design_demand_daily
GROUP BY product_id, date_trunc('month', day)::date, design_id, rules_version;

-- The rollup's high-water mark per product: one more with every batch of signals written. The
-- server keeps a designer view (the clustering most of all) until the mark moves, and then adds
-- only what changed.
CREATE TABLE design_demand_marks (
  product_id text   PRIMARY KEY,
  mark       bigint NOT NULL
);
