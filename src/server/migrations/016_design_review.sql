-- The designers' review (issue 14, item 3): a queue of designs to consider, each designer's
-- decision, gallery moderation, and credit to the customers who made an approved design.

-- Hidden by a designer (moderation): the public gallery no longer lists it; its page, picture and
-- remixes keep working, and staff still see it.
ALTER TABLE candidates ADD COLUMN hidden boolean NOT NULL DEFAULT false;

-- The creator a submitter named: a display name (moderated as titles are; public once the design
-- is approved: "co-created by …") and an email kept private — never in a public answer, a log or
-- a design signal; read only for the admins' credit list. One per candidate: the first submitter
-- who gave a name. `candidate_seq` is candidates.seq, without a foreign key: the gallery's tables
-- are emptied with TRUNCATE (tests, a shop resetting its gallery), which a reference would refuse.
CREATE TABLE candidate_creators (
  candidate_seq bigint      PRIMARY KEY,
  display_name  text        NOT NULL,
  email         text,
  created_at    timestamptz NOT NULL
);

-- One row per design under review (product and canonical key, whether or not it is in the gallery):
-- shortlisted by a designer, and/or decided. Decisions are also written to the audit log.
CREATE TABLE design_reviews (
  product_id     text        NOT NULL,
  design_key     text        NOT NULL,
  shortlisted_at timestamptz,
  shortlisted_by text,
  status         text        NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'approved', 'rejected')),
  reason         text,
  note           text        NOT NULL DEFAULT '',
  decided_at     timestamptz,
  decided_by     text,
  PRIMARY KEY (product_id, design_key)
);
CREATE INDEX design_reviews_status ON design_reviews (status, product_id);

-- A credit entry for each order of an approved design that has a creator: a share (the rate at the
-- time) of the order's total. The creator's name and email are copied: the entry is what was owed.
CREATE TABLE design_credits (
  seq           bigserial   PRIMARY KEY,
  order_id      text        NOT NULL UNIQUE,
  order_number  text        NOT NULL,
  product_id    text        NOT NULL,
  design_key    text        NOT NULL,
  candidate_id  text        NOT NULL,
  display_name  text        NOT NULL,
  email         text,
  currency      text        NOT NULL,
  order_total   numeric     NOT NULL,
  rate          numeric     NOT NULL,
  amount        numeric     NOT NULL,
  created_at    timestamptz NOT NULL
);
CREATE INDEX design_credits_created ON design_credits (created_at, seq);
