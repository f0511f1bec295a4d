-- Version 1: highlights, tags, article notes and tags, kept article texts, the undo log.
-- Statements end with a semicolon at the end of a line (the runner splits there).

PRAGMA application_id = 1364543826;

-- Every version of an article's canonical text that a highlight was made on, so that an
-- orphaned highlight can still be shown in the text it was made on.
CREATE TABLE article_text (
    text_hash TEXT PRIMARY KEY,
    text TEXT NOT NULL
);

CREATE TABLE highlight (
    id TEXT PRIMARY KEY,
    article_key TEXT NOT NULL,
    start_pos INTEGER NOT NULL CHECK (start_pos >= 0),
    end_pos INTEGER NOT NULL CHECK (end_pos > start_pos),
    quote TEXT NOT NULL,
    prefix TEXT NOT NULL,
    suffix TEXT NOT NULL,
    color TEXT NOT NULL,
    note TEXT NOT NULL DEFAULT '',
    created INTEGER NOT NULL,
    updated INTEGER NOT NULL,
    state TEXT NOT NULL CHECK (state IN ('ANCHORED', 'ORPHANED')),
    text_hash TEXT NOT NULL
);

CREATE INDEX highlight_by_article ON highlight (article_key, start_pos, end_pos);

-- name_key is the lower-cased name: tags are unique case-insensitively for every script, which
-- COLLATE NOCASE (ASCII only) would not give.
CREATE TABLE tag (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    name_key TEXT NOT NULL UNIQUE
);

CREATE TABLE highlight_tag (
    highlight_id TEXT NOT NULL REFERENCES highlight (id) ON DELETE CASCADE,
    tag_id INTEGER NOT NULL REFERENCES tag (id) ON DELETE CASCADE,
    PRIMARY KEY (highlight_id, tag_id)
) WITHOUT ROWID;

CREATE TABLE article_tag (
    article_key TEXT NOT NULL,
    tag_id INTEGER NOT NULL REFERENCES tag (id) ON DELETE CASCADE,
    PRIMARY KEY (article_key, tag_id)
) WITHOUT ROWID;

CREATE TABLE article_note (
    article_key TEXT PRIMARY KEY,
    note TEXT NOT NULL,
    updated INTEGER NOT NULL
);

-- The undo log: each user action with what it changed, before and after, as JSON.
-- done = 0 marks undone actions (the redo stack).
CREATE TABLE operation (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    description TEXT NOT NULL,
    changes TEXT NOT NULL,
    done INTEGER NOT NULL CHECK (done IN (0, 1)),
    at INTEGER NOT NULL
);
