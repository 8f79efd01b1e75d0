-- Authors in analytics without counting them at read time (store/sql/projections.cpp). How many distinct
-- authors a wall and a whole task have are counters that triggers keep as author rows appear and go, and the
-- rows of authors with at least 8 comments are indexed by their comments, so a task's or a wall's top authors
-- are the first entries of an index (analytics.cpp). Most authors write a few comments: leaving them out of
-- the index spares the writes that would move their entries at every page. from_id 0 (a comment without an
-- author) is not an author.
ALTER TABLE task_owner_totals ADD COLUMN authors INTEGER NOT NULL DEFAULT 0;

-- Comments of each author over all the walls of a task.
CREATE TABLE task_authors (
  task_id  TEXT NOT NULL REFERENCES tasks (id) ON DELETE CASCADE,
  from_id  INTEGER NOT NULL,
  comments INTEGER NOT NULL,
  PRIMARY KEY (task_id, from_id)
) WITHOUT ROWID;

-- Distinct authors over all the walls of a task; no row while it has none yet.
CREATE TABLE task_totals (
  task_id TEXT PRIMARY KEY REFERENCES tasks (id) ON DELETE CASCADE,
  authors INTEGER NOT NULL
) WITHOUT ROWID;

CREATE INDEX task_owner_authors_ranked ON task_owner_authors (task_id, owner_id, comments DESC, from_id)
  WHERE comments >= 8;
CREATE INDEX task_authors_ranked ON task_authors (task_id, comments DESC, from_id) WHERE comments >= 8;

CREATE TRIGGER task_owner_authors_counted AFTER INSERT ON task_owner_authors WHEN NEW.from_id <> 0 BEGIN
  UPDATE task_owner_totals SET authors = authors + 1 WHERE task_id = NEW.task_id AND owner_id = NEW.owner_id;
END;
CREATE TRIGGER task_owner_authors_uncounted AFTER DELETE ON task_owner_authors WHEN OLD.from_id <> 0 BEGIN
  UPDATE task_owner_totals SET authors = authors - 1 WHERE task_id = OLD.task_id AND owner_id = OLD.owner_id;
END;
CREATE TRIGGER task_authors_counted AFTER INSERT ON task_authors WHEN NEW.from_id <> 0 BEGIN
  INSERT INTO task_totals (task_id, authors) VALUES (NEW.task_id, 1)
    ON CONFLICT (task_id) DO UPDATE SET authors = task_totals.authors + 1;
END;
CREATE TRIGGER task_authors_uncounted AFTER DELETE ON task_authors WHEN OLD.from_id <> 0 BEGIN
  UPDATE task_totals SET authors = authors - 1 WHERE task_id = OLD.task_id;
END;

-- Every existing task gets its counters and task-wide author rows right after migrating.
INSERT OR IGNORE INTO projection_rebuilds (task_id) SELECT id FROM tasks;
