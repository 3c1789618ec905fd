-- Rules versions get a lifecycle. Until now every version ever published was accepted for orders
-- for ever, so a design a later rule forbids could still be ordered under the old rules. Now:
--   published   the current version of its product (exactly one per product);
--   superseded  a newer version is current; orders under it are still accepted until
--               `accept_until` (a grace period, so carts in progress can finish), refused after;
--   retired     refused for orders from `retired_at` (retired by hand, or by a rollback).
-- Rows written before this migration start as published; at the next start the server makes the
-- files' version current and supersedes the others, their grace counted from that start.
ALTER TABLE catalog_entries ADD COLUMN state text NOT NULL DEFAULT 'published'
  CHECK (state IN ('published', 'superseded', 'retired'));
ALTER TABLE catalog_entries ADD COLUMN accept_until timestamptz;
ALTER TABLE catalog_entries ADD COLUMN retired_at timestamptz;
ALTER TABLE catalog_entries ADD CONSTRAINT catalog_entries_superseded_has_grace
  CHECK ((state = 'superseded') = (accept_until IS NOT NULL));
