-- The rules studio's drafts: what a merchandiser is editing, saved on the server as they type, so
-- a closed tab or another computer loses nothing. One draft per product and staff account, never
-- shared (two merchandisers on one product each keep their own and see that the other is editing).
-- `based_on_version` is the published version the draft started from: publishing refuses a draft
-- whose product has moved on since. `revision` grows by one with every save; a save names the
-- revision it read, so a second tab cannot overwrite the first unseen. Deleted with the account.
CREATE TABLE studio_drafts (
  product_id       text        NOT NULL,
  account_id       text        NOT NULL REFERENCES staff_accounts (id) ON DELETE CASCADE,
  based_on_version text        NOT NULL,
  product_text     text        NOT NULL,
  rules_text       text        NOT NULL,
  revision         integer     NOT NULL CHECK (revision > 0),
  updated_at       timestamptz NOT NULL,
  PRIMARY KEY (product_id, account_id)
);
