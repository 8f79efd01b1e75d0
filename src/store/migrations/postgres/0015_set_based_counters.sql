-- Two per-row costs of a collection batch, measured on its write path (docs/benchmarks.md, "The write path,
-- third pass"):
--
-- vka_json_valid ran a PL/pgSQL block with an exception handler, which opens a subtransaction for every
-- value checked: two per stored comment. As a SQL function it is inlined into the CHECK, and invalid JSON
-- still fails the statement (with the cast's error instead of the check's).
CREATE OR REPLACE FUNCTION vka_json_valid(value TEXT) RETURNS BOOLEAN LANGUAGE sql IMMUTABLE AS $$
  SELECT value IS NULL OR value::json IS NOT NULL
$$;

-- The author counters of 0013_ranked_authors moved once per new author row: a batch that brings a thousand
-- new authors to a wall updated the same totals row a thousand times in one transaction, a new version of
-- the row each time. They now move once per statement, by the number of author rows it inserted or deleted
-- (an INSERT … ON CONFLICT's insert trigger sees only the rows it inserted).
DROP TRIGGER task_owner_authors_counted ON task_owner_authors;
DROP TRIGGER task_authors_counted ON task_authors;
DROP FUNCTION vka_count_wall_author();
DROP FUNCTION vka_count_task_author();

CREATE FUNCTION vka_count_wall_authors() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE task_owner_totals t
     SET authors = t.authors + CASE WHEN TG_OP = 'INSERT' THEN c.authors ELSE -c.authors END
    FROM (SELECT task_id, owner_id, COUNT(*) AS authors FROM changed WHERE from_id <> 0 GROUP BY task_id, owner_id) c
   WHERE t.task_id = c.task_id AND t.owner_id = c.owner_id;
  RETURN NULL;
END;
$$;

CREATE FUNCTION vka_count_task_authors() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO task_totals (task_id, authors)
      SELECT task_id, COUNT(*) FROM changed WHERE from_id <> 0 GROUP BY task_id
      ON CONFLICT (task_id) DO UPDATE SET authors = task_totals.authors + EXCLUDED.authors;
  ELSE
    UPDATE task_totals t SET authors = t.authors - c.authors
      FROM (SELECT task_id, COUNT(*) AS authors FROM changed WHERE from_id <> 0 GROUP BY task_id) c
     WHERE t.task_id = c.task_id;
  END IF;
  RETURN NULL;
END;
$$;

CREATE TRIGGER task_owner_authors_added AFTER INSERT ON task_owner_authors
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION vka_count_wall_authors();
CREATE TRIGGER task_owner_authors_removed AFTER DELETE ON task_owner_authors
  REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION vka_count_wall_authors();
CREATE TRIGGER task_authors_added AFTER INSERT ON task_authors
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION vka_count_task_authors();
CREATE TRIGGER task_authors_removed AFTER DELETE ON task_authors
  REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION vka_count_task_authors();
