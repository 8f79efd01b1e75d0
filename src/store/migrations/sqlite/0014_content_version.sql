-- A number that grows with every committed change to what the results listings show, so that a page encoded
-- once can be reused until it no longer matches the database (api/page_cache.hpp). Every write of posts,
-- comments, authors or communities happens in a transaction that also updates its task's row (progress,
-- events, status), and creating or deleting a task changes what its listings select: a change to any row of
-- tasks counts. SQLite has one writer at a time, so one row is enough.
CREATE TABLE content_versions (
  slot  INTEGER PRIMARY KEY,
  value INTEGER NOT NULL
);
INSERT INTO content_versions (slot, value) VALUES (0, 0);
CREATE TRIGGER content_version_on_task_insert AFTER INSERT ON tasks BEGIN
  UPDATE content_versions SET value = value + 1 WHERE slot = 0;
END;
CREATE TRIGGER content_version_on_task_update AFTER UPDATE ON tasks BEGIN
  UPDATE content_versions SET value = value + 1 WHERE slot = 0;
END;
CREATE TRIGGER content_version_on_task_delete AFTER DELETE ON tasks BEGIN
  UPDATE content_versions SET value = value + 1 WHERE slot = 0;
END;
