-- Booked VK requests per token (a fingerprint, never the token), in microseconds since the Unix epoch:
-- every process shares one token's rate limit through these rows. Rows older than the window are pruned.
CREATE TABLE vk_token_sends (
  token_key TEXT NOT NULL,
  sent_at   BIGINT NOT NULL,
  PRIMARY KEY (token_key, sent_at)
);

-- Idle workers of every process LISTEN on vka_jobs: a job that becomes ready to lease (new, released,
-- requeued) wakes them at once instead of at their next poll. Heartbeats keep a job leased: no wake-up.
CREATE FUNCTION vka_notify_job_queued() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('vka_jobs', '');
  RETURN NULL;
END
$$;
CREATE TRIGGER jobs_queued_notify AFTER INSERT OR UPDATE OF state ON jobs
  FOR EACH ROW WHEN (NEW.state = 'queued') EXECUTE FUNCTION vka_notify_job_queued();
