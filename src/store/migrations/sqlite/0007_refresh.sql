-- Keeping a task current. A task may be refreshed on a schedule (every schedule_every_seconds, NULL: never),
-- due at next_refresh_at; last_refreshed_at is when its latest refresh ended. Times in seconds since the Unix
-- epoch.
ALTER TABLE tasks ADD COLUMN schedule_every_seconds INTEGER CHECK (schedule_every_seconds >= 900);
ALTER TABLE tasks ADD COLUMN last_refreshed_at INTEGER;
ALTER TABLE tasks ADD COLUMN next_refresh_at INTEGER;
CREATE INDEX tasks_refresh_due ON tasks (next_refresh_at) WHERE next_refresh_at IS NOT NULL;
-- When each post and comment was first and last returned by VK. Rows stored before this migration count as
-- seen when it ran.
ALTER TABLE posts ADD COLUMN first_seen_at INTEGER NOT NULL DEFAULT 0;
ALTER TABLE posts ADD COLUMN last_seen_at INTEGER NOT NULL DEFAULT 0;
ALTER TABLE comments ADD COLUMN first_seen_at INTEGER NOT NULL DEFAULT 0;
ALTER TABLE comments ADD COLUMN last_seen_at INTEGER NOT NULL DEFAULT 0;
UPDATE posts SET first_seen_at = CAST(strftime('%s', 'now') AS INTEGER), last_seen_at = CAST(strftime('%s', 'now') AS INTEGER);
UPDATE comments SET first_seen_at = CAST(strftime('%s', 'now') AS INTEGER), last_seen_at = CAST(strftime('%s', 'now') AS INTEGER);
