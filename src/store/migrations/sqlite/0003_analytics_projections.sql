-- Analytics read models (store/sql/projections.cpp): what the analytics of a task or of one of its walls
-- returns, kept as rows that every comments write updates in its own transaction, so they stay exact after
-- a crash and after a replayed page. They can be recomputed from the comments and must then be identical.
-- Per task and wall owner (a community's wall has a negative owner id); days count from the Unix epoch;
-- hours of the week from Monday 00:00 UTC.
CREATE TABLE task_owner_totals (
  task_id    TEXT NOT NULL REFERENCES tasks (id) ON DELETE CASCADE,
  owner_id   INTEGER NOT NULL,
  comments   INTEGER NOT NULL,
  likes      INTEGER NOT NULL,
  positive   INTEGER NOT NULL,
  neutral    INTEGER NOT NULL,
  negative   INTEGER NOT NULL,
  unlabelled INTEGER NOT NULL,
  PRIMARY KEY (task_id, owner_id)
) WITHOUT ROWID;

CREATE TABLE task_owner_days (
  task_id    TEXT NOT NULL REFERENCES tasks (id) ON DELETE CASCADE,
  owner_id   INTEGER NOT NULL,
  day        INTEGER NOT NULL,
  comments   INTEGER NOT NULL,
  positive   INTEGER NOT NULL,
  neutral    INTEGER NOT NULL,
  negative   INTEGER NOT NULL,
  unlabelled INTEGER NOT NULL,
  PRIMARY KEY (task_id, owner_id, day)
) WITHOUT ROWID;

CREATE TABLE task_owner_hours (
  task_id  TEXT NOT NULL REFERENCES tasks (id) ON DELETE CASCADE,
  owner_id INTEGER NOT NULL,
  hour     INTEGER NOT NULL CHECK (hour BETWEEN 0 AND 167),
  comments INTEGER NOT NULL,
  PRIMARY KEY (task_id, owner_id, hour)
) WITHOUT ROWID;

-- Comments whose keywords include this form.
CREATE TABLE task_owner_keywords (
  task_id  TEXT NOT NULL REFERENCES tasks (id) ON DELETE CASCADE,
  owner_id INTEGER NOT NULL,
  keyword  TEXT NOT NULL,
  comments INTEGER NOT NULL,
  PRIMARY KEY (task_id, owner_id, keyword)
) WITHOUT ROWID;

CREATE TABLE task_owner_authors (
  task_id  TEXT NOT NULL REFERENCES tasks (id) ON DELETE CASCADE,
  owner_id INTEGER NOT NULL,
  from_id  INTEGER NOT NULL,
  comments INTEGER NOT NULL,
  PRIMARY KEY (task_id, owner_id, from_id)
) WITHOUT ROWID;

-- Per post, whichever tasks hold it.
CREATE TABLE post_totals (
  owner_id   INTEGER NOT NULL,
  post_id    INTEGER NOT NULL,
  comments   INTEGER NOT NULL,
  positive   INTEGER NOT NULL,
  neutral    INTEGER NOT NULL,
  negative   INTEGER NOT NULL,
  unlabelled INTEGER NOT NULL,
  PRIMARY KEY (owner_id, post_id),
  FOREIGN KEY (owner_id, post_id) REFERENCES posts (owner_id, id) ON DELETE CASCADE
) WITHOUT ROWID;

-- Tasks whose read models are to be recomputed from their comments before they are read; every task that
-- exists when this migration runs. The store does it right after migrating.
CREATE TABLE projection_rebuilds (
  task_id TEXT PRIMARY KEY REFERENCES tasks (id) ON DELETE CASCADE
);
INSERT INTO projection_rebuilds (task_id) SELECT id FROM tasks;
