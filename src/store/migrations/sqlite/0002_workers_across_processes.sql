-- Booked VK requests per token (a fingerprint, never the token), in microseconds since the Unix epoch:
-- every process shares one token's rate limit through these rows. Rows older than the window are pruned.
CREATE TABLE vk_token_sends (
  token_key TEXT NOT NULL,
  sent_at   INTEGER NOT NULL,
  PRIMARY KEY (token_key, sent_at)
) WITHOUT ROWID;
-- (On PostgreSQL this version also makes queued jobs wake idle workers through NOTIFY; SQLite workers,
-- all on one machine, poll.)
