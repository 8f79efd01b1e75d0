-- A task's webhook: where its events are POSTed, and the HMAC secret sealed like VK tokens (never stored in
-- clear). At most one per task; removed with it.
CREATE TABLE task_webhooks (
  task_id    TEXT PRIMARY KEY REFERENCES tasks (id) ON DELETE CASCADE,
  url        TEXT NOT NULL,
  secret     BLOB NOT NULL,
  created_at INTEGER NOT NULL
);

-- The outbox of webhook calls, written in the transaction of the event that causes each. body is the exact
-- JSON sent (and signed), set at the first attempt and kept for the retries. A pending delivery is due at
-- next_attempt_at; a sender leasing it moves next_attempt_at past the attempt's deadline and counts the
-- attempt, so another process takes it over only if that sender died.
CREATE TABLE webhook_deliveries (
  id              INTEGER PRIMARY KEY AUTOINCREMENT,
  task_id         TEXT NOT NULL REFERENCES tasks (id) ON DELETE CASCADE,
  event           TEXT NOT NULL,
  at              INTEGER NOT NULL,
  body            TEXT,
  status          TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'delivered', 'failed')),
  attempts        INTEGER NOT NULL DEFAULT 0 CHECK (attempts >= 0),
  next_attempt_at INTEGER,
  last_status     INTEGER,
  last_error      TEXT,
  delivered_at    INTEGER,
  created_at      INTEGER NOT NULL,
  CHECK (status <> 'pending' OR next_attempt_at IS NOT NULL)
);
-- The senders' scan for due deliveries.
CREATE INDEX webhook_deliveries_due ON webhook_deliveries (next_attempt_at) WHERE status = 'pending';
-- A task's deliveries, newest first.
CREATE INDEX webhook_deliveries_task ON webhook_deliveries (task_id, id DESC);
