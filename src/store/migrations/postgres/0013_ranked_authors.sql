-- Authors in analytics without counting them at read time (store/sql/projections.cpp). How many distinct
-- authors a wall and a whole task have are counters that triggers keep as author rows appear and go, and the
-- rows of authors with at least 8 comments are indexed by their comments, so a task's or a wall's top authors
-- are the first entries of an index (analytics.cpp). Most authors write a few comments: leaving them out of
-- the index spares the writes that would move their entries at every page. from_id 0 (a comment without an
-- author) is not an author.
ALTER TABLE task_owner_totals ADD COLUMN authors BIGINT NOT NULL DEFAULT 0;

-- Comments of each author over all the walls of a task.
CREATE TABLE task_authors (
  task_id  TEXT NOT NULL REFERENCES tasks (id) ON DELETE CASCADE,
  from_id  BIGINT NOT NULL,
  comments BIGINT NOT NULL,
  PRIMARY KEY (task_id, from_id)
);

-- Distinct authors over all the walls of a task; no row while it has none yet.
CREATE TABLE task_totals (
  task_id TEXT PRIMARY KEY REFERENCES tasks (id) ON DELETE CASCADE,
  authors BIGINT NOT NULL
);

CREATE INDEX task_owner_authors_ranked ON task_owner_authors (task_id, owner_id, comments DESC, from_id)
  WHERE comments >= 8;
CREATE INDEX task_authors_ranked ON task_authors (task_id, comments DESC, from_id) WHERE comments >= 8;

CREATE FUNCTION vka_count_wall_author() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' AND NEW.from_id <> 0 THEN
    UPDATE task_owner_totals SET authors = authors + 1 WHERE task_id = NEW.task_id AND owner_id = NEW.owner_id;
  ELSIF TG_OP = 'DELETE' AND OLD.from_id <> 0 THEN
    UPDATE task_owner_totals SET authors = authors - 1 WHERE task_id = OLD.task_id AND owner_id = OLD.owner_id;
  END IF;
  RETURN NULL;
END;
$$;

CREATE FUNCTION vka_count_task_author() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' AND NEW.from_id <> 0 THEN
    INSERT INTO task_totals (task_id, authors) VALUES (NEW.task_id, 1)
      ON CONFLICT (task_id) DO UPDATE SET authors = task_totals.authors + 1;
  ELSIF TG_OP = 'DELETE' AND OLD.from_id <> 0 THEN
    UPDATE task_totals SET authors = authors - 1 WHERE task_id = OLD.task_id;
  END IF;
  RETURN NULL;
END;
$$;

CREATE TRIGGER task_owner_authors_counted AFTER INSERT OR DELETE ON task_owner_authors
  FOR EACH ROW EXECUTE FUNCTION vka_count_wall_author();
CREATE TRIGGER task_authors_counted AFTER INSERT OR DELETE ON task_authors
  FOR EACH ROW EXECUTE FUNCTION vka_count_task_author();

-- Every existing task gets its counters and task-wide author rows right after migrating.
INSERT INTO projection_rebuilds (task_id) SELECT id FROM tasks ON CONFLICT DO NOTHING;
