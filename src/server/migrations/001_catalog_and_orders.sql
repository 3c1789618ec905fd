-- Every published rules version of every product, so that a design made under an old version
-- stays verifiable after the rules change. `entry` is the domain's CatalogEntry as JSON (json keeps it exactly as stored).
CREATE TABLE catalog_entries (
  product_id    text        NOT NULL,
  rules_version text        NOT NULL,
  entry         json        NOT NULL,
  published_at  timestamptz NOT NULL,
  PRIMARY KEY (product_id, rules_version)
);

-- Orders. The idempotency key is unique, so a retried request can never store a second order;
-- `request_hash` tells a retry (same body) from a key reused for another order.
-- `document` is json, not jsonb, so that it is returned exactly as it was stored.
-- (product_id, rules_version) always names a row of catalog_entries: the server stores an order
-- only after validating it under that catalog entry, and catalog entries are never deleted. There
-- is deliberately no foreign key: its check locks the parent row (FOR KEY SHARE), and every order
-- would lock the same row of the current rules version, which halved order throughput.
-- Indexes beyond the keys and the export's (created_at, seq) come with the features that query them.
CREATE TABLE orders (
  seq             bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  public_id       text        NOT NULL UNIQUE,
  idempotency_key text        NOT NULL UNIQUE,
  request_hash    text        NOT NULL,
  product_id      text        NOT NULL,
  rules_version   text        NOT NULL,
  canonical_key   text        NOT NULL,
  status          text        NOT NULL,
  document        json        NOT NULL,
  created_at      timestamptz NOT NULL,
  updated_at      timestamptz NOT NULL
);
CREATE INDEX orders_created_at ON orders (created_at, seq);

-- Preview images of an order (PNG), numbered from 1 in the order they were sent.
CREATE TABLE order_images (
  order_seq    bigint  NOT NULL REFERENCES orders (seq) ON DELETE CASCADE,
  position     integer NOT NULL,
  content_type text    NOT NULL,
  bytes        bytea   NOT NULL,
  PRIMARY KEY (order_seq, position)
);
