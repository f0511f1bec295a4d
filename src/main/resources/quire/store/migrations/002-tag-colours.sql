-- Version 2: tags get an optional colour; links are found by tag quickly (tag browser, rename, merge).

ALTER TABLE tag ADD COLUMN color TEXT;

CREATE INDEX highlight_tag_by_tag ON highlight_tag (tag_id, highlight_id);

CREATE INDEX article_tag_by_tag ON article_tag (tag_id, article_key);
