-- The community gallery: designs customers submit (candidates), who submitted each, and votes.
--
-- One candidate per design per product: the canonical key (choices only) is unique per product, so
-- submitting an identical design joins the existing candidate and adds its submitter to
-- candidate_submitters (distinct customers converging on a design measure demand). `design` is the
-- design document as json with its personalisation removed: text and artwork never go public.
-- The vote counts and their Wilson lower bound (`score`) are kept on the row, updated in the
-- transaction of every vote (which locks the row), so that ranking by score reads an index.
CREATE TABLE candidates (
  seq           bigint           GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  public_id     text             NOT NULL UNIQUE,
  product_id    text             NOT NULL,
  rules_version text             NOT NULL,
  canonical_key text             NOT NULL,
  design        json             NOT NULL,
  title         text             NOT NULL,
  thumbnail     bytea            NOT NULL,
  remix_of      bigint           REFERENCES candidates (seq),
  submitted_by  text             NOT NULL,
  created_at    timestamptz      NOT NULL,
  up_votes      integer          NOT NULL DEFAULT 0,
  down_votes    integer          NOT NULL DEFAULT 0,
  flagged_votes integer          NOT NULL DEFAULT 0,
  score         double precision NOT NULL DEFAULT 0,
  UNIQUE (product_id, canonical_key)
);
CREATE INDEX candidates_by_score ON candidates (product_id, score DESC, up_votes DESC, seq DESC);
CREATE INDEX candidates_by_creation ON candidates (product_id, created_at DESC, seq DESC);
CREATE INDEX candidates_remix_of ON candidates (remix_of) WHERE remix_of IS NOT NULL;

-- Every distinct voter id that submitted a candidate's design, the first submitter included.
CREATE TABLE candidate_submitters (
  candidate_seq bigint      NOT NULL REFERENCES candidates (seq),
  voter_id      text        NOT NULL,
  submitted_at  timestamptz NOT NULL,
  PRIMARY KEY (candidate_seq, voter_id)
);

-- The current vote of each voter on each candidate: one per voter, a new vote replaces it, and
-- removing a vote deletes the row. A vote cast in a burst (see vote_casts) is kept with
-- `flagged` set: not deleted, but not counted in the score.
CREATE TABLE votes (
  candidate_seq bigint      NOT NULL REFERENCES candidates (seq),
  voter_id      text        NOT NULL,
  value         smallint    NOT NULL CHECK (value IN (-1, 1)),
  flagged       boolean     NOT NULL,
  created_at    timestamptz NOT NULL,
  updated_at    timestamptz NOT NULL,
  PRIMARY KEY (candidate_seq, voter_id)
);
-- The trending sort counts the up-votes of a candidate set in a window of time.
CREATE INDEX votes_by_time ON votes (candidate_seq, updated_at) WHERE value = 1 AND NOT flagged;

-- Every vote a voter cast (up, down or removed), kept for the rate limit and burst detection:
-- `votes` keeps only the latest vote per candidate, so it cannot tell how often a voter voted.
CREATE TABLE vote_casts (
  voter_id      text        NOT NULL,
  cast_at       timestamptz NOT NULL,
  candidate_seq bigint      NOT NULL REFERENCES candidates (seq),
  value         smallint    NOT NULL CHECK (value IN (-1, 0, 1)),
  flagged       boolean     NOT NULL
);
CREATE INDEX vote_casts_by_voter ON vote_casts (voter_id, cast_at);

-- Orders of a design started from a gallery candidate (a remix). No foreign key, as for the
-- catalog (see 001): the server checks that the candidate exists, and candidates are never deleted.
ALTER TABLE orders ADD COLUMN remix_of bigint;
CREATE INDEX orders_remix_of ON orders (remix_of) WHERE remix_of IS NOT NULL;
-- The most-ordered and trending sorts count the orders of a candidate's design.
CREATE INDEX orders_by_design ON orders (product_id, canonical_key, created_at);
