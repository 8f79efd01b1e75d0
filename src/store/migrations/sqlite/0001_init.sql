-- Initial schema. Times are Unix seconds (UTC); JSON columns hold UTF-8 JSON text.
-- The PostgreSQL migration with the same version has the same tables, keys and meaning.

CREATE TABLE api_keys (
  id         TEXT PRIMARY KEY,
  name       TEXT NOT NULL,
  role       TEXT NOT NULL CHECK (role IN ('admin', 'analyst', 'viewer')),
  key_hash   TEXT NOT NULL UNIQUE,
  created_at INTEGER NOT NULL,
  revoked_at INTEGER
);

CREATE TABLE vk_tokens (
  id         TEXT PRIMARY KEY,
  owner      TEXT NOT NULL,
  name       TEXT NOT NULL,
  kind       TEXT NOT NULL CHECK (kind IN ('user', 'service', 'community')),
  ciphertext BLOB NOT NULL,
  masked     TEXT NOT NULL,
  created_at INTEGER NOT NULL
);
-- Keyset pagination, newest first, of everyone's tokens (admins) and of one owner's.
CREATE INDEX vk_tokens_newest ON vk_tokens (created_at DESC, id DESC);
CREATE INDEX vk_tokens_owner_newest ON vk_tokens (owner, created_at DESC, id DESC);

-- params holds the normalized request except its name, which has its own column.
-- last_event_seq allocates task_events.seq: bumping it locks the task row on every engine.
CREATE TABLE tasks (
  id                 TEXT PRIMARY KEY,
  owner              TEXT NOT NULL,
  name               TEXT,
  status             TEXT NOT NULL CHECK (status IN ('queued', 'running', 'paused', 'completed',
                                                     'completed_with_errors', 'failed', 'canceled')),
  params             TEXT NOT NULL CHECK (json_valid(params)),
  groups_total       INTEGER NOT NULL DEFAULT 0 CHECK (groups_total >= 0),
  groups_done        INTEGER NOT NULL DEFAULT 0 CHECK (groups_done >= 0),
  posts_found        INTEGER NOT NULL DEFAULT 0 CHECK (posts_found >= 0),
  posts_done         INTEGER NOT NULL DEFAULT 0 CHECK (posts_done >= 0),
  comments_expected  INTEGER NOT NULL DEFAULT 0 CHECK (comments_expected >= 0),
  comments_collected INTEGER NOT NULL DEFAULT 0 CHECK (comments_collected >= 0),
  vk_requests        INTEGER NOT NULL DEFAULT 0 CHECK (vk_requests >= 0),
  retries            INTEGER NOT NULL DEFAULT 0 CHECK (retries >= 0),
  eta_seconds        INTEGER CHECK (eta_seconds >= 0),
  last_event_seq     INTEGER NOT NULL DEFAULT 0,
  created_at         INTEGER NOT NULL,
  started_at         INTEGER,
  finished_at        INTEGER,
  updated_at         INTEGER NOT NULL
);
-- Keyset pagination, newest first, with every combination of the status and owner filters.
CREATE INDEX tasks_newest ON tasks (created_at DESC, id DESC);
CREATE INDEX tasks_status_newest ON tasks (status, created_at DESC, id DESC);
CREATE INDEX tasks_owner_newest ON tasks (owner, created_at DESC, id DESC);
CREATE INDEX tasks_owner_status_newest ON tasks (owner, status, created_at DESC, id DESC);

CREATE TABLE task_errors (
  task_id       TEXT NOT NULL REFERENCES tasks (id) ON DELETE CASCADE,
  seq           INTEGER NOT NULL CHECK (seq > 0),
  scope         TEXT NOT NULL,
  code          TEXT NOT NULL,
  vk_error_code INTEGER,
  message       TEXT NOT NULL,
  at            INTEGER NOT NULL,
  PRIMARY KEY (task_id, seq)
);

CREATE TABLE task_events (
  task_id TEXT NOT NULL REFERENCES tasks (id) ON DELETE CASCADE,
  seq     INTEGER NOT NULL CHECK (seq > 0),
  type    TEXT NOT NULL,
  payload TEXT NOT NULL CHECK (json_valid(payload)),
  at      INTEGER NOT NULL,
  PRIMARY KEY (task_id, seq)
);

-- is_closed as VK reports it: 0 open, 1 closed, 2 private.
CREATE TABLE communities (
  id          INTEGER PRIMARY KEY CHECK (id > 0),
  screen_name TEXT,
  name        TEXT NOT NULL,
  is_closed   INTEGER NOT NULL DEFAULT 0 CHECK (is_closed IN (0, 1, 2)),
  type        TEXT,
  deactivated TEXT,
  updated_at  INTEGER NOT NULL
);
CREATE INDEX communities_screen_name ON communities (screen_name);

-- A VK from_id: a user (positive) or a community (negative).
CREATE TABLE authors (
  id         INTEGER PRIMARY KEY CHECK (id <> 0),
  name       TEXT NOT NULL,
  updated_at INTEGER NOT NULL
);

-- checkpoint is the collector's resume point for the community's wall, opaque JSON to the store.
CREATE TABLE task_communities (
  task_id      TEXT NOT NULL REFERENCES tasks (id) ON DELETE CASCADE,
  community_id INTEGER NOT NULL REFERENCES communities (id) ON DELETE CASCADE,
  status       TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'running', 'done', 'skipped', 'failed')),
  error        TEXT,
  checkpoint   TEXT CHECK (checkpoint IS NULL OR json_valid(checkpoint)),
  PRIMARY KEY (task_id, community_id)
);
CREATE INDEX task_communities_community ON task_communities (community_id);

CREATE TABLE posts (
  owner_id       INTEGER NOT NULL CHECK (owner_id <> 0),
  id             INTEGER NOT NULL CHECK (id > 0),
  date           INTEGER NOT NULL,
  text           TEXT NOT NULL DEFAULT '',
  likes          INTEGER NOT NULL DEFAULT 0,
  reposts        INTEGER NOT NULL DEFAULT 0,
  views          INTEGER,
  comments_count INTEGER NOT NULL DEFAULT 0,
  is_pinned      INTEGER NOT NULL DEFAULT 0 CHECK (is_pinned IN (0, 1)),
  from_id        INTEGER,
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
  owner_id           INTEGER NOT NULL,
  post_id            INTEGER NOT NULL,
  comments_collected INTEGER NOT NULL DEFAULT 0 CHECK (comments_collected >= 0),
  status             TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'running', 'done', 'skipped', 'failed')),
  checkpoint         TEXT CHECK (checkpoint IS NULL OR json_valid(checkpoint)),
  PRIMARY KEY (task_id, owner_id, post_id),
  FOREIGN KEY (owner_id, post_id) REFERENCES posts (owner_id, id) ON DELETE CASCADE
);
CREATE INDEX task_posts_post ON task_posts (owner_id, post_id);

-- row_id only gives the full-text index a key that VACUUM never renumbers; (owner_id, id) is the key.
-- stems: the analyzer's stems of text, space-separated, searched through comments_fts.
CREATE TABLE comments (
  row_id          INTEGER PRIMARY KEY,
  owner_id        INTEGER NOT NULL,
  post_id         INTEGER NOT NULL,
  id              INTEGER NOT NULL CHECK (id > 0),
  parent_id       INTEGER,
  thread_root_id  INTEGER,
  from_id         INTEGER NOT NULL DEFAULT 0,
  date            INTEGER NOT NULL,
  text            TEXT NOT NULL DEFAULT '',
  likes           INTEGER NOT NULL DEFAULT 0,
  deleted         INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1)),
  sentiment       TEXT CHECK (sentiment IN ('positive', 'neutral', 'negative')),
  sentiment_score REAL CHECK (sentiment_score BETWEEN -1 AND 1),
  keywords        TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(keywords)),
  stems           TEXT NOT NULL DEFAULT '',
  UNIQUE (owner_id, id),
  FOREIGN KEY (owner_id, post_id) REFERENCES posts (owner_id, id) ON DELETE CASCADE
);
CREATE INDEX comments_post_date ON comments (owner_id, post_id, date, id);
CREATE INDEX comments_thread ON comments (owner_id, thread_root_id);
CREATE INDEX comments_from ON comments (from_id);
CREATE INDEX comments_by_date ON comments (date, owner_id, id);
CREATE INDEX comments_by_likes ON comments (likes, owner_id, id);
CREATE INDEX comments_post_likes ON comments (owner_id, post_id, likes, id);

CREATE VIRTUAL TABLE comments_fts USING fts5 (
  stems, content = 'comments', content_rowid = 'row_id', tokenize = 'unicode61 remove_diacritics 0'
);
CREATE TRIGGER comments_fts_insert AFTER INSERT ON comments BEGIN
  INSERT INTO comments_fts (rowid, stems) VALUES (new.row_id, new.stems);
END;
CREATE TRIGGER comments_fts_delete AFTER DELETE ON comments BEGIN
  INSERT INTO comments_fts (comments_fts, rowid, stems) VALUES ('delete', old.row_id, old.stems);
END;
CREATE TRIGGER comments_fts_update AFTER UPDATE OF stems ON comments BEGIN
  INSERT INTO comments_fts (comments_fts, rowid, stems) VALUES ('delete', old.row_id, old.stems);
  INSERT INTO comments_fts (rowid, stems) VALUES (new.row_id, new.stems);
END;

CREATE TABLE jobs (
  id               INTEGER PRIMARY KEY,
  task_id          TEXT REFERENCES tasks (id) ON DELETE CASCADE,
  kind             TEXT NOT NULL,
  payload          TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(payload)),
  state            TEXT NOT NULL DEFAULT 'queued' CHECK (state IN ('queued', 'leased', 'done', 'failed')),
  priority         INTEGER NOT NULL DEFAULT 0,
  run_after        INTEGER NOT NULL,
  lease_owner      TEXT,
  lease_expires_at INTEGER,
  lease_generation INTEGER NOT NULL DEFAULT 0,
  lease_seq        INTEGER,
  attempts         INTEGER NOT NULL DEFAULT 0 CHECK (attempts >= 0),
  last_error       TEXT,
  created_at       INTEGER NOT NULL,
  updated_at       INTEGER NOT NULL,
  CHECK (state <> 'leased' OR (lease_owner IS NOT NULL AND lease_expires_at IS NOT NULL))
);
-- Dequeue order among ready jobs; expired leases are found by their expiry.
-- lease_seq orders leases across the whole queue (MAX + 1 at each lease): the fairness rule prefers the task
-- whose latest lease is oldest.
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
  status           INTEGER,
  response_headers TEXT CHECK (response_headers IS NULL OR json_valid(response_headers)),
  response_body    BLOB,
  created_at       INTEGER NOT NULL,
  expires_at       INTEGER NOT NULL,
  PRIMARY KEY (owner, key),
  CHECK (state <> 'done' OR (status IS NOT NULL AND response_headers IS NOT NULL AND response_body IS NOT NULL))
);
CREATE INDEX idempotency_keys_expiry ON idempotency_keys (expires_at);
