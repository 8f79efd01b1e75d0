-- Audit entries are numbered in commit order, so that the audit.* event stream resumes after the last entry
-- it sent (Last-Event-ID). Every insert takes the next number from the single audit_sequence row, whose row
-- lock (the write lock on SQLite) holds until commit, so numbers are given in the order entries commit.
ALTER TABLE audit_log ADD COLUMN seq INTEGER;
UPDATE audit_log SET seq = numbered.n
  FROM (SELECT id, ROW_NUMBER() OVER (ORDER BY at, id) AS n FROM audit_log) AS numbered
  WHERE audit_log.id = numbered.id;
CREATE UNIQUE INDEX audit_log_seq ON audit_log (seq);

CREATE TABLE audit_sequence (
  id       INTEGER PRIMARY KEY CHECK (id = 1),
  last_seq INTEGER NOT NULL
);
INSERT INTO audit_sequence (id, last_seq) SELECT 1, COUNT(*) FROM audit_log;
