-- Version 3: a revision counter bumped by every write, so a backup can tell whether anything
-- changed since the newest one.

CREATE TABLE meta (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    revision INTEGER NOT NULL
);

INSERT INTO meta (id, revision) VALUES (1, 0);
