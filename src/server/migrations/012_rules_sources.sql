-- The files a rules version was made from. A catalog entry holds the product and rules as loaded
-- (ids, conditions, no comments, no layout); the rules studio edits the files as merchandisers
-- wrote them, so the text of both is kept beside the version it makes. One row per version; the
-- publish path records it. (product_id, rules_version) names a recorded catalog entry: written
-- rarely, so the foreign key's lock costs nothing here (unlike orders, see 001).
CREATE TABLE rules_sources (
  product_id    text NOT NULL,
  rules_version text NOT NULL,
  product_file  text NOT NULL,
  product_text  text NOT NULL,
  rules_file    text NOT NULL,
  rules_text    text NOT NULL,
  PRIMARY KEY (product_id, rules_version),
  FOREIGN KEY (product_id, rules_version) REFERENCES catalog_entries (product_id, rules_version) ON DELETE CASCADE
);
