-- Print files as rendered: a zone's PNG at 300 DPI, rendered on the first request and served from
-- here ever after (an order never changes, so neither does its print file).
CREATE TABLE print_files (
  order_seq   bigint      NOT NULL REFERENCES orders (seq) ON DELETE CASCADE,
  zone        text        NOT NULL,
  bytes       bytea       NOT NULL,
  created_at  timestamptz NOT NULL,
  PRIMARY KEY (order_seq, zone)
);
