-- Why a running task waits (VK or the network unreachable) and since when, in seconds since the Unix epoch;
-- both NULL while it is not waiting.
ALTER TABLE tasks ADD COLUMN waiting_reason TEXT;
ALTER TABLE tasks ADD COLUMN waiting_since BIGINT;
