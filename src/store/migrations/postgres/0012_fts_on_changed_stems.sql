-- The full-text index (comments_stems, on to_tsvector of stems) should follow only stems that change, as on
-- SQLite since this version. PostgreSQL adds index entries for an updated row unless the update is HOT (no
-- indexed value changed and the new row version fits on its page). A replayed or refreshed page changes a
-- stored comment's last_seen_at only, which no index holds: with room left on each page, such updates skip
-- every index, the GIN one included. Applies to pages written from now on; stored rows are left as they are.
ALTER TABLE comments SET (fillfactor = 90);
