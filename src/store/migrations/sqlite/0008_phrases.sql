-- Phrases in analytics (store/sql/projections.cpp). Each comment keeps its candidate phrases (a JSON array of
-- lowercase two- and three-word runs); NULL on comments stored before this migration, until the rebuild below
-- finds them in the comment's text.
ALTER TABLE comments ADD COLUMN phrases TEXT CHECK (phrases IS NULL OR json_valid(phrases));

-- Comments that have this phrase, per task and wall owner. Keyed by phrase before owner, so that a task's
-- counts of one phrase are adjacent; most phrases are in one comment, so analytics reach the few frequent ones
-- through the (task_id, comments) index.
CREATE TABLE task_owner_phrases (
  task_id  TEXT NOT NULL REFERENCES tasks (id) ON DELETE CASCADE,
  owner_id INTEGER NOT NULL,
  phrase   TEXT NOT NULL,
  comments INTEGER NOT NULL,
  PRIMARY KEY (task_id, phrase, owner_id)
) WITHOUT ROWID;

-- Comments that have this word in one of their phrases: the word counts the association measure needs.
CREATE TABLE task_owner_phrase_words (
  task_id  TEXT NOT NULL REFERENCES tasks (id) ON DELETE CASCADE,
  owner_id INTEGER NOT NULL,
  word     TEXT NOT NULL,
  comments INTEGER NOT NULL,
  PRIMARY KEY (task_id, word, owner_id)
) WITHOUT ROWID;

CREATE INDEX task_owner_phrases_frequent ON task_owner_phrases (task_id, comments);
CREATE INDEX task_owner_phrase_words_frequent ON task_owner_phrase_words (task_id, comments);

-- Every existing task gets its phrases right after migrating.
INSERT OR IGNORE INTO projection_rebuilds (task_id) SELECT id FROM tasks;
