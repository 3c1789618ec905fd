-- Artwork customers uploaded for their designs. The id is a content hash of the stored bytes (PNG,
-- JPEG, or SVG as sanitised), so uploading the same file twice stores it once; `meta` is the
-- domain's ArtworkMeta without its URL (format, pixel size, vector, colours) as inspected here.
CREATE TABLE artworks (
  id          text        PRIMARY KEY,
  format      text        NOT NULL,
  bytes       bytea       NOT NULL,
  meta        json        NOT NULL,
  created_at  timestamptz NOT NULL
);
