-- Design signals: what customers do with designs, for the designers' review — a design reviewed,
-- shared, submitted to the gallery, voted on, ordered (units) — anonymously. A row holds the
-- product, the rules version, the design's canonical key (its choices only: no personal text) and
-- an anonymous session id the page made for one visit; never a name, an email, an address, an
-- order id, a voter id or a client address. Signals are deleted after the retention period
-- (ATELIER_SIGNAL_RETENTION_DAYS); the daily rollup below holds counts only and is kept.
CREATE TABLE design_signals (
  seq           bigserial   PRIMARY KEY,
  at            timestamptz NOT NULL,
  product_id    text        NOT NULL,
  rules_version text        NOT NULL,
  design_key    text        NOT NULL,
  kind          text        NOT NULL CHECK (kind IN ('reviewed', 'shared', 'submitted', 'voted', 'ordered')),
  units         integer     NOT NULL CHECK (units > 0),
  session_id    text        NOT NULL CHECK (session_id ~ '^[A-Za-z0-9_-]{16,64}$'),
  remix         boolean     NOT NULL
);
CREATE INDEX design_signals_at ON design_signals (at);
-- The distinct visits behind the designs a designer looks at (a few keys at a time).
CREATE INDEX design_signals_design ON design_signals (product_id, design_key, at);

-- The designers' views read this rollup, not the signals: one row per product, day, design and
-- rules version, its counts added to as each batch of signals is written (in the same transaction),
-- so a view over a million orders sums days, not rows.
CREATE TABLE design_demand_daily (
  product_id    text    NOT NULL,
  day           date    NOT NULL,
  design_key    text    NOT NULL,
  rules_version text    NOT NULL,
  reviewed      integer NOT NULL DEFAULT 0,
  shared        integer NOT NULL DEFAULT 0,
  submitted     integer NOT NULL DEFAULT 0,
  voted         integer NOT NULL DEFAULT 0,
  orders        integer NOT NULL DEFAULT 0,
  units         integer NOT NULL DEFAULT 0,
  remixes       integer NOT NULL DEFAULT 0,
  PRIMARY KEY (product_id, day, design_key, rules_version)
);
CREATE INDEX design_demand_daily_day ON design_demand_daily (product_id, day);

-- The orders and gallery submissions stored before signals were recorded count too: the rollup
-- starts from them (counts only; there are no signal rows, and so no sessions, for them).
INSERT INTO design_demand_daily (product_id, day, design_key, rules_version, orders, units, remixes)
SELECT product_id, (created_at AT TIME ZONE 'UTC')::date, canonical_key, rules_version,
  count(*), coalesce(sum(CASE WHEN (document->>'quantity') ~ '^[0-9]{1,6}$' THEN (document->>'quantity')::int ELSE 1 END), 0),
  count(*) FILTER (WHERE remix_of IS NOT NULL)
FROM orders
GROUP BY product_id, (created_at AT TIME ZONE 'UTC')::date, canonical_key, rules_version;

INSERT INTO design_demand_daily AS daily (product_id, day, design_key, rules_version, submitted, remixes)
SELECT product_id, (created_at AT TIME ZONE 'UTC')::date, canonical_key, rules_version, count(*), count(*) FILTER (WHERE remix_of IS NOT NULL)
FROM candidates
GROUP BY product_id, (created_at AT TIME ZONE 'UTC')::date, canonical_key, rules_version
ON CONFLICT (product_id, day, design_key, rules_version) DO UPDATE SET submitted = excluded.submitted, remixes = daily.remixes + excluded.remixes;
