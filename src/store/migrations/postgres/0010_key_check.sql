-- The check value of the master key the database's keys, sessions and tokens were made with (one row).
CREATE TABLE key_check (
  id SMALLINT PRIMARY KEY CHECK (id = 1),
  check_value TEXT NOT NULL
);
