-- Initial schema: the same tables, keys and meaning as migrations/sqlite/0001_init.sql. Times are Unix
-- seconds (UTC) in BIGINT. JSON columns are TEXT checked by vka_json_valid, not jsonb: jsonb would reorder
-- keys and drop whitespace, and the store promises to keep JSON exactly as given.

CREATE FUNCTION vka_json_valid(value TEXT) RETURNS BOOLEAN LANGUAGE plpgsql IMMUTABLE AS $$
BEGIN
  PERFORM value::json;
  RETURN TRUE;
EXCEPTION WHEN invalid_text_representation THEN
  RETURN FALSE;
END;
$$;

CREATE TABLE api_keys (
  id         TEXT PRIMARY KEY,
  name       TEXT NOT NULL,
  role       TEXT NOT NULL CHECK (role IN ('admin', 'analyst', 'viewer')),
  key_hash   TEXT NOT NULL UNIQUE,
  created_at BIGINT NOT NULL,
  revoked_at BIGINT
);

CREATE TABLE vk_tokens (
  id         TEXT PRIMARY KEY,
  owner      TEXT NOT NULL,
  name       TEXT NOT NULL,
  kind       TEXT NOT NULL CHECK (kind IN ('user', 'service', 'community')),
  ciphertext BYTEA NOT NULL,
  masked     TEXT NOT NULL,
  created_at BIGINT NOT NULL
);
-- Keyset pagination, newest first, of everyone's tokens (admins) and of one owner's.
CREATE INDEX vk_tokens_newest ON vk_tokens (created_at DESC, id DESC);
CREATE INDEX vk_tokens_owner_newest ON vk_tokens (owner, created_at DESC, id DESC);

-- params holds the normalized request except its name, which has its own column.
-- last_event_seq allocates task_events.seq: bumping it locks the task row.
CREATE TABLE tasks (
  id                 TEXT PRIMARY KEY,
  owner              TEXT NOT NULL,
  name               TEXT,
  status             TEXT NOT NULL CHECK (status IN ('queued', 'running', 'paused', 'completed',
                                                     'completed_with_errors', 'failed', 'canceled')),
  params             TEXT NOT NULL CHECK (vka_json_valid(params)),
  groups_total       BIGINT NOT NULL DEFAULT 0 CHECK (groups_total >= 0),
  groups_done        BIGINT NOT NULL DEFAULT 0 CHECK (groups_done >= 0),
  posts_found        BIGINT NOT NULL DEFAULT 0 CHECK (posts_found >= 0),
  posts_done         BIGINT NOT NULL DEFAULT 0 CHECK (posts_done >= 0),
  comments_expected  BIGINT NOT NULL DEFAULT 0 CHECK (comments_expected >= 0),
  comments_collected BIGINT NOT NULL DEFAULT 0 CHECK (comments_collected >= 0),
  vk_requests        BIGINT NOT NULL DEFAULT 0 CHECK (vk_requests >= 0),
  retries            BIGINT NOT NULL DEFAULT 0 CHECK (retries >= 0),
  eta_seconds        BIGINT CHECK (eta_seconds >= 0),
  last_event_seq     BIGINT NOT NULL DEFAULT 0,
  created_at         BIGINT NOT NULL,
  started_at         BIGINT,
  finished_at        BIGINT,
  updated_at         BIGINT NOT NULL
);
-- Keyset pagination, newest first, with every combination of the status and owner filters.
CREATE INDEX tasks_newest ON tasks (created_at DESC, id DESC);
CREATE INDEX tasks_status_newest ON tasks (status, created_at DESC, id DESC);
CREATE INDEX tasks_owner_newest ON tasks (owner, created_at DESC, id DESC);
CREATE INDEX tasks_owner_status_newest ON tasks (owner, status, created_at DESC, id DESC);

CREATE TABLE task_errors (
  task_id       TEXT NOT NULL REFERENCES tasks (id) ON DELETE CASCADE,
  seq           BIGINT NOT NULL CHECK (seq > 0),
  scope         TEXT NOT NULL,
  code          TEXT NOT NULL,
  vk_error_code BIGINT,
  message       TEXT NOT NULL,
  at            BIGINT NOT NULL,
  PRIMARY KEY (task_id, seq)
);

CREATE TABLE task_events (
  task_id TEXT NOT NULL REFERENCES tasks (id) ON DELETE CASCADE,
  seq     BIGINT NOT NULL CHECK (seq > 0),
  type    TEXT NOT NULL,
  payload TEXT NOT NULL CHECK (vka_json_valid(payload)),
  at      BIGINT NOT NULL,
  PRIMARY KEY (task_id, seq)
);

-- is_closed as VK reports it: 0 open, 1 closed, 2 private.
CREATE TABLE communities (
  id          BIGINT PRIMARY KEY CHECK (id > 0),
  screen_name TEXT,
  name        TEXT NOT NULL,
  is_closed   BIGINT NOT NULL DEFAULT 0 CHECK (is_closed IN (0, 1, 2)),
  type        TEXT,
  deactivated TEXT,
  updated_at  BIGINT NOT NULL
);
CREATE INDEX communities_screen_name ON communities (screen_name);

-- A VK from_id: a user (positive) or a community (negative).
CREATE TABLE authors (
  id         BIGINT PRIMARY KEY CHECK (id <> 0),
  name       TEXT NOT NULL,
  updated_at BIGINT NOT NULL
);

-- checkpoint is the collector's resume point for the community's wall, opaque JSON to the store.
CREATE TABLE task_communities (
  task_id      TEXT NOT NULL REFERENCES tasks (id) ON DELETE CASCADE,
  community_id BIGINT NOT NULL REFERENCES communities (id) ON DELETE CASCADE,
  status       TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'running', 'done', 'skipped', 'failed')),
  error        TEXT,
  checkpoint   TEXT CHECK (vka_json_valid(checkpoint)),
  PRIMARY KEY (task_id, community_id)
);
CREATE INDEX task_communities_community ON task_communities (community_id);

CREATE TABLE posts (
  owner_id       BIGINT NOT NULL CHECK (owner_id <> 0),
  id             BIGINT NOT NULL CHECK (id > 0),
  date           BIGINT NOT NULL,
  text           TEXT NOT NULL DEFAULT '',
  likes          BIGINT NOT NULL DEFAULT 0,
  reposts        BIGINT NOT NULL DEFAULT 0,
  views          BIGINT,
  comments_count BIGINT NOT NULL DEFAULT 0,
  is_pinned      BOOLEAN NOT NULL DEFAULT FALSE,
  from_id        BIGINT,
  PRIMARY KEY (owner_id, id)
);
CREATE INDEX posts_owner_newest ON posts (owner_id, date DESC, id DESC);
CREATE INDEX posts_from ON posts (from_id);
-- Keyset orders of the results listings; (owner_id, id) breaks ties.
CREATE INDEX posts_by_date ON posts (date, owner_id, id);
CREATE INDEX posts_by_likes ON posts (likes, owner_id, id);
CREATE INDEX posts_by_comments ON posts (comments_count, owner_id, id);

-- A post collected for a task; checkpoint is the collector's resume point in its comments, opaque JSON.
-- comments_collected is the number of the post's comments stored, as last counted by a comments write.
CREATE TABLE task_posts (
  task_id            TEXT NOT NULL REFERENCES tasks (id) ON DELETE CASCADE,
  owner_id           BIGINT NOT NULL,
  post_id            BIGINT NOT NULL,
  comments_collected BIGINT NOT NULL DEFAULT 0 CHECK (comments_collected >= 0),
  status             TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'running', 'done', 'skipped', 'failed')),
  checkpoint         TEXT CHECK (vka_json_valid(checkpoint)),
  PRIMARY KEY (task_id, owner_id, post_id),
  FOREIGN KEY (owner_id, post_id) REFERENCES posts (owner_id, id) ON DELETE CASCADE
);
CREATE INDEX task_posts_post ON task_posts (owner_id, post_id);

-- stems: the analyzer's stems of text, space-separated. (SQLite's row_id exists only to key its FTS5 index;
-- here the full-text index is an expression index on the row itself.)
CREATE TABLE comments (
  owner_id        BIGINT NOT NULL,
  post_id         BIGINT NOT NULL,
  id              BIGINT NOT NULL CHECK (id > 0),
  parent_id       BIGINT,
  thread_root_id  BIGINT,
  from_id         BIGINT NOT NULL DEFAULT 0,
  date            BIGINT NOT NULL,
  text            TEXT NOT NULL DEFAULT '',
  likes           BIGINT NOT NULL DEFAULT 0,
  deleted         BOOLEAN NOT NULL DEFAULT FALSE,
  sentiment       TEXT CHECK (sentiment IN ('positive', 'neutral', 'negative')),
  sentiment_score DOUBLE PRECISION CHECK (sentiment_score BETWEEN -1 AND 1),
  keywords        TEXT NOT NULL DEFAULT '[]' CHECK (vka_json_valid(keywords)),
  stems           TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (owner_id, id),
  FOREIGN KEY (owner_id, post_id) REFERENCES posts (owner_id, id) ON DELETE CASCADE
);
CREATE INDEX comments_post_date ON comments (owner_id, post_id, date, id);
CREATE INDEX comments_thread ON comments (owner_id, thread_root_id);
CREATE INDEX comments_from ON comments (from_id);
CREATE INDEX comments_by_date ON comments (date, owner_id, id);
CREATE INDEX comments_by_likes ON comments (likes, owner_id, id);
CREATE INDEX comments_post_likes ON comments (owner_id, post_id, likes, id);
-- Full-text search over stems. The analyzer has already stemmed and lower-cased the words, so the 'simple'
-- configuration (split into words, no stemming, no stop words) must be used on both sides: a language
-- configuration would stem the stems again and drop words it considers stop words.
CREATE INDEX comments_stems ON comments USING GIN (to_tsvector('simple', stems));

CREATE TABLE jobs (
  id               BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
  task_id          TEXT REFERENCES tasks (id) ON DELETE CASCADE,
  kind             TEXT NOT NULL,
  payload          TEXT NOT NULL DEFAULT '{}' CHECK (vka_json_valid(payload)),
  state            TEXT NOT NULL DEFAULT 'queued' CHECK (state IN ('queued', 'leased', 'done', 'failed')),
  priority         BIGINT NOT NULL DEFAULT 0,
  run_after        BIGINT NOT NULL,
  lease_owner      TEXT,
  lease_expires_at BIGINT,
  lease_generation BIGINT NOT NULL DEFAULT 0,
  lease_seq        BIGINT,
  attempts         BIGINT NOT NULL DEFAULT 0 CHECK (attempts >= 0),
  last_error       TEXT,
  created_at       BIGINT NOT NULL,
  updated_at       BIGINT NOT NULL,
  CHECK (state <> 'leased' OR (lease_owner IS NOT NULL AND lease_expires_at IS NOT NULL))
);
-- lease_seq orders leases across the whole queue: the fairness rule prefers the task whose latest lease is
-- oldest. A sequence hands out the numbers, so that concurrent leases never wait for each other for one.
CREATE SEQUENCE jobs_lease_counter;
-- Dequeue order among ready jobs; expired leases are found by their expiry.
CREATE INDEX jobs_ready ON jobs (priority DESC, run_after, id) WHERE state = 'queued';
CREATE INDEX jobs_lease_expiry ON jobs (lease_expires_at) WHERE state = 'leased';
CREATE INDEX jobs_task ON jobs (task_id, lease_seq);
CREATE INDEX jobs_lease_seq ON jobs (lease_seq);
CREATE INDEX jobs_state ON jobs (state);
-- At most one live job per task and kind: enqueueing a duplicate is a no-op.
CREATE UNIQUE INDEX jobs_one_live ON jobs (task_id, kind) WHERE state IN ('queued', 'leased');

CREATE TABLE idempotency_keys (
  owner            TEXT NOT NULL,
  key              TEXT NOT NULL,
  request_hash     TEXT NOT NULL,
  state            TEXT NOT NULL CHECK (state IN ('in_flight', 'done')),
  status           BIGINT,
  response_headers TEXT CHECK (vka_json_valid(response_headers)),
  response_body    BYTEA,
  created_at       BIGINT NOT NULL,
  expires_at       BIGINT NOT NULL,
  PRIMARY KEY (owner, key),
  CHECK (state <> 'done' OR (status IS NOT NULL AND response_headers IS NOT NULL AND response_body IS NOT NULL))
);
CREATE INDEX idempotency_keys_expiry ON idempotency_keys (expires_at);
