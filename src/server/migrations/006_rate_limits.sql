-- Per-client rate limits (voter ids issued, gallery submissions) counted in the database, so that
-- they hold across every server process on one PostgreSQL. One row per limit and client (an IPv4
-- address or an IPv6 /64): a fixed window that ends at `resets_at`, and the requests counted in it.
-- A hit in a later window starts the count again at 1, in the same statement (see
-- sqlRepository.ts, countRateLimitHit); rows of windows that ended are deleted now and then.
CREATE TABLE rate_limit_windows (
  limit_name text        NOT NULL,
  client     text        NOT NULL,
  resets_at  timestamptz NOT NULL,
  hits       integer     NOT NULL,
  PRIMARY KEY (limit_name, client)
);
CREATE INDEX rate_limit_windows_by_reset ON rate_limit_windows (resets_at);
