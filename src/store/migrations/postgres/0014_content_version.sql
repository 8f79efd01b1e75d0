-- A number that grows with every committed change to what the results listings show, so that a page encoded
-- once can be reused until it no longer matches the database (api/page_cache.hpp). Every write of posts,
-- comments, authors or communities happens in a transaction that also updates its task's row (progress,
-- events, status), and creating or deleting a task changes what its listings select: a change to any row of
-- tasks counts. The version is the sum of 16 slots, each task bumping the one its id hashes to, so that
-- workers writing different tasks rarely wait for each other's commit on the same row; every slot only grows,
-- so the sum changes whenever one does.
CREATE TABLE content_versions (
  slot  INTEGER PRIMARY KEY,
  value BIGINT NOT NULL
);
INSERT INTO content_versions (slot, value) SELECT slot, 0 FROM generate_series(0, 15) AS slot;
CREATE FUNCTION bump_content_version() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE content_versions SET value = value + 1
   WHERE slot = abs(hashtext(CASE WHEN TG_OP = 'DELETE' THEN OLD.id ELSE NEW.id END) % 16);
  RETURN NULL;
END;
$$;
CREATE TRIGGER content_version_on_task_change AFTER INSERT OR UPDATE OR DELETE ON tasks
  FOR EACH ROW EXECUTE FUNCTION bump_content_version();
