-- A comment's stems are set by the same upsert as its other columns (one statement per comment instead of
-- two): the full-text index follows an update only when the stems really change, so a replayed page leaves
-- it alone.
DROP TRIGGER comments_fts_update;
CREATE TRIGGER comments_fts_update AFTER UPDATE OF stems ON comments WHEN old.stems IS NOT new.stems BEGIN
  INSERT INTO comments_fts (comments_fts, rowid, stems) VALUES ('delete', old.row_id, old.stems);
  INSERT INTO comments_fts (rowid, stems) VALUES (new.row_id, new.stems);
END;
