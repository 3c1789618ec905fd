-- Publishing becomes an act of its own. Until now recording a rules version published it; now a
-- version is recorded as a `draft` (orders can never name it) and published only when someone
-- makes it current — with who did it and why. Every publication and rollback is kept, for ever,
-- in `rules_publications`, so "what was live on 3 November, and who put it there" has an answer.
--   draft       recorded, never published (new rows start here)
--   published   the current version of its product (at most one per product, now an index)
--   superseded  replaced; orders under it accepted until `accept_until` (010)
--   retired     refused for orders from `retired_at` (010)
-- PostgreSQL named 010's inline CHECK catalog_entries_state_check.
ALTER TABLE catalog_entries DROP CONSTRAINT catalog_entries_state_check;
ALTER TABLE catalog_entries ADD CONSTRAINT catalog_entries_state_check
  CHECK (state IN ('draft', 'published', 'superseded', 'retired'));
ALTER TABLE catalog_entries ALTER COLUMN state SET DEFAULT 'draft';
-- The last publication of the version: who (an email, `cli` or `files`) and the message they gave.
ALTER TABLE catalog_entries ADD COLUMN published_by text;
ALTER TABLE catalog_entries ADD COLUMN publish_message text;

-- Before 010 every recorded row was published, and a database that never started a server since
-- may still hold several for one product: keep the newest, supersede the others with a day's grace
-- (010's superseded-has-grace CHECK holds: each gets an accept_until).
UPDATE catalog_entries AS older
   SET state = 'superseded', accept_until = now() + interval '24 hours', retired_at = NULL
 WHERE older.state = 'published'
   AND EXISTS (
     SELECT 1 FROM catalog_entries AS newer
      WHERE newer.product_id = older.product_id AND newer.state = 'published'
        AND (newer.published_at, newer.rules_version) > (older.published_at, older.rules_version)
   );
CREATE UNIQUE INDEX catalog_entries_one_published ON catalog_entries (product_id) WHERE state = 'published';

-- Every publication and rollback, oldest first by `seq`. `actor`: a staff account's email, `cli`
-- (the operator's command) or `files` (the server publishing the files at its first start).
CREATE TABLE rules_publications (
  seq           bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  product_id    text        NOT NULL,
  rules_version text        NOT NULL,
  action        text        NOT NULL CHECK (action IN ('published', 'rolled-back')),
  actor         text        NOT NULL,
  message       text        NOT NULL,
  at            timestamptz NOT NULL
);
CREATE INDEX rules_publications_by_product ON rules_publications (product_id, seq);

-- Kept for ever, as the audit log is: no row is edited or deleted.
CREATE FUNCTION rules_publications_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'rules_publications is append-only: % is refused', TG_OP
    USING ERRCODE = 'prohibited_sql_statement_attempted', HINT = 'the publication history is never edited; publish or roll back instead';
END;
$$;
CREATE TRIGGER rules_publications_no_update_or_delete BEFORE UPDATE OR DELETE ON rules_publications
  FOR EACH ROW EXECUTE FUNCTION rules_publications_refuse_change();
