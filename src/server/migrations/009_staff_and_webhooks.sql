-- The shop's side: staff accounts and their sessions, API tokens for the shop's machines, webhooks
-- (an outbox of events and their deliveries) and the audit log of what staff did.
--
-- Secrets are never stored as such: a password as its argon2id hash, a session id and an API token
-- as the SHA-256 of what the client holds, so a copy of the database signs no one in. Roles are a
-- text[] of the domain's STAFF_ROLES, each once, in that order (the store keeps it so).
CREATE TABLE staff_accounts (
  id            text        PRIMARY KEY,
  email         text        NOT NULL UNIQUE,
  password_hash text        NOT NULL,
  roles         text[]      NOT NULL,
  disabled_at   timestamptz,
  created_at    timestamptz NOT NULL,
  updated_at    timestamptz NOT NULL,
  last_login_at timestamptz
);

-- A signed-in session, by the hash of the id its cookie holds. It ends after a time without
-- requests and at the latest a time after login (the server's SessionLifetime); a session found
-- past either is deleted then. Disabling an account or changing its password deletes its sessions.
CREATE TABLE staff_sessions (
  id_hash      text        PRIMARY KEY,
  account_id   text        NOT NULL REFERENCES staff_accounts (id) ON DELETE CASCADE,
  created_at   timestamptz NOT NULL,
  last_seen_at timestamptz NOT NULL,
  client       text        NOT NULL
);
CREATE INDEX staff_sessions_by_account ON staff_sessions (account_id);

-- Bearer tokens for machines (an order system, a print house), found by the hash of the token.
-- A token outlives the account that created it: the creator is then unknown (SET NULL).
CREATE TABLE api_tokens (
  id           text        PRIMARY KEY,
  name         text        NOT NULL,
  role         text        NOT NULL,
  token_hash   text        NOT NULL UNIQUE,
  created_at   timestamptz NOT NULL,
  expires_at   timestamptz NOT NULL,
  revoked_at   timestamptz,
  last_used_at timestamptz,
  created_by   text        REFERENCES staff_accounts (id) ON DELETE SET NULL
);

-- Where events are sent. Endpoints are disabled, never deleted, so their deliveries stay listed.
CREATE TABLE webhook_endpoints (
  id          text        PRIMARY KEY,
  url         text        NOT NULL,
  events      text[]      NOT NULL,
  description text        NOT NULL,
  secret      text        NOT NULL,
  created_at  timestamptz NOT NULL,
  disabled_at timestamptz
);

-- The outbox: every event, written in the transaction of what caused it (an order's in the very
-- statement that inserts the order), so no event is lost and none is sent for something that was
-- rolled back. `seq` orders the events; `id` (`evt_…`) is what receivers see, the same on every
-- attempt. Events of one subject (an order's id) are delivered in `seq` order, hence the index.
CREATE TABLE outbox_events (
  seq        bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  id         text        NOT NULL UNIQUE,
  type       text        NOT NULL,
  subject    text        NOT NULL,
  data       jsonb       NOT NULL,
  created_at timestamptz NOT NULL
);
CREATE INDEX outbox_events_by_subject ON outbox_events (subject, seq);

-- One event to one endpoint, for every enabled endpoint subscribed to the event when it was
-- written. `pending` with `next_attempt_at`: due then (a worker that takes it moves it forward by
-- its lease); `delivered`; `failed`: given up after the last retry, until an admin redelivers it.
CREATE TABLE webhook_deliveries (
  seq              bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  event_seq        bigint      NOT NULL REFERENCES outbox_events (seq),
  endpoint_id      text        NOT NULL REFERENCES webhook_endpoints (id),
  status           text        NOT NULL CHECK (status IN ('pending', 'delivered', 'failed')),
  attempts         integer     NOT NULL DEFAULT 0,
  next_attempt_at  timestamptz,
  last_attempt_at  timestamptz,
  last_status_code integer,
  last_error       text,
  created_at       timestamptz NOT NULL,
  delivered_at     timestamptz,
  UNIQUE (event_seq, endpoint_id),
  CHECK ((status = 'pending') = (next_attempt_at IS NOT NULL))
);
-- The worker's question, asked every few seconds: which pending deliveries are due.
CREATE INDEX webhook_deliveries_due ON webhook_deliveries (next_attempt_at) WHERE status = 'pending';
-- An endpoint's deliveries, newest first, for its page.
CREATE INDEX webhook_deliveries_by_endpoint ON webhook_deliveries (endpoint_id, seq);

-- Every attempt of a delivery: when, what the receiver answered (null: not reached), why it failed.
CREATE TABLE webhook_attempts (
  delivery_seq bigint      NOT NULL REFERENCES webhook_deliveries (seq),
  at           timestamptz NOT NULL,
  status_code  integer,
  error        text,
  duration_ms  integer     NOT NULL
);
CREATE INDEX webhook_attempts_by_delivery ON webhook_attempts (delivery_seq, at);

-- What staff, tokens and the CLI did, and failed logins: who, when, what, to what, from where.
-- Appended to, never edited: the triggers below refuse UPDATE, DELETE and TRUNCATE, so neither a
-- bug nor a compromised server process can rewrite history through the application's statements.
CREATE TABLE audit_log (
  seq     bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  at      timestamptz NOT NULL,
  actor   jsonb       NOT NULL,
  action  text        NOT NULL,
  target  text,
  details jsonb       NOT NULL,
  client  text        NOT NULL
);

CREATE FUNCTION audit_log_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_log is append-only: % is refused', TG_OP
    USING ERRCODE = 'prohibited_sql_statement_attempted', HINT = 'the audit log is never edited; append a new line instead';
END;
$$;
CREATE TRIGGER audit_log_no_update_or_delete BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION audit_log_refuse_change();
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
  FOR EACH STATEMENT EXECUTE FUNCTION audit_log_refuse_change();
