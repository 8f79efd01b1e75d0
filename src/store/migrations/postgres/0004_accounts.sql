-- People and access: the same tables, keys and meaning as migrations/sqlite/0004_accounts.sql.

-- username is stored lower-cased, so that the unique key is case-insensitive.
-- password_hash is an argon2id encoded string carrying its own parameters.
CREATE TABLE users (
  id                   TEXT PRIMARY KEY,
  username             TEXT NOT NULL UNIQUE,
  display_name         TEXT NOT NULL,
  role                 TEXT NOT NULL CHECK (role IN ('admin', 'analyst', 'viewer')),
  password_hash        TEXT NOT NULL,
  disabled             BOOLEAN NOT NULL DEFAULT FALSE,
  must_change_password BOOLEAN NOT NULL DEFAULT FALSE,
  created_at           BIGINT NOT NULL,
  last_login_at        BIGINT
);
CREATE INDEX users_newest ON users (created_at DESC, id DESC);

-- A session is found by the hash of its id; the id itself is only in the browser's cookie.
CREATE TABLE sessions (
  id_hash      TEXT PRIMARY KEY,
  user_id      TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  created_at   BIGINT NOT NULL,
  last_seen_at BIGINT NOT NULL,
  expires_at   BIGINT NOT NULL
);
CREATE INDEX sessions_user ON sessions (user_id);
CREATE INDEX sessions_expiry ON sessions (expires_at);

-- Keys made before accounts existed (and by `api-keys create` without --user) have no owner.
ALTER TABLE api_keys ADD COLUMN owner_id TEXT REFERENCES users (id) ON DELETE SET NULL;
ALTER TABLE api_keys ADD COLUMN expires_at BIGINT;
ALTER TABLE api_keys ADD COLUMN last_used_at BIGINT;
CREATE INDEX api_keys_owner ON api_keys (owner_id);

CREATE TABLE task_shares (
  task_id    TEXT NOT NULL REFERENCES tasks (id) ON DELETE CASCADE,
  user_id    TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  created_at BIGINT NOT NULL,
  PRIMARY KEY (task_id, user_id)
);
CREATE INDEX task_shares_user ON task_shares (user_id, task_id);

-- Who did what to what, newest first by (at, id). Sign-in throttling counts recent failures by the
-- username (target) and by the address.
CREATE TABLE audit_log (
  id         TEXT PRIMARY KEY,
  at         BIGINT NOT NULL,
  actor_type TEXT NOT NULL CHECK (actor_type IN ('user', 'api_key', 'system')),
  actor_id   TEXT NOT NULL,
  action     TEXT NOT NULL,
  target     TEXT NOT NULL,
  address    TEXT NOT NULL,
  request_id TEXT NOT NULL
);
CREATE INDEX audit_log_newest ON audit_log (at DESC, id DESC);
CREATE INDEX audit_log_actor ON audit_log (actor_id, at DESC, id DESC);
CREATE INDEX audit_log_action ON audit_log (action, at DESC, id DESC);
CREATE INDEX audit_log_failed_target ON audit_log (target, at) WHERE action = 'auth.login_failed';
CREATE INDEX audit_log_failed_address ON audit_log (address, at) WHERE action = 'auth.login_failed';
