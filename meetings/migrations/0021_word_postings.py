"""Which meetings have each word: a table of postings, (word, meeting), owned by the
database (docs/decisions/0023).

A search word's meetings are read from this table's index alone (an index-only scan,
no visit to the meetings' rows), where the GIN index of the search vectors gives row
addresses that must each be visited for the meeting's id: at a million meetings a word
found in a third of them took 1.6 s that way, and takes tens of milliseconds this way.

A word is the 64-bit hash of a lexeme of the meeting's search vector
(``hashtextextended(lexeme, 0)``), so the index holds two integers per posting. Every
meeting has the postings of its own vector, drafts included (counting keeps only the
published ones). Statement triggers with transition tables keep them, on every insert,
update, delete and truncate of meetings, bulk loads included (ENABLE ALWAYS): on update
only the meetings whose vector changed, and only the words that changed.

``meetings_query_words(words)``: the words of a search term when its query
(``meetings_search_query``) is one lexeme per text search configuration, which the
postings answer exactly; NULL for anything else (a phrase, a negation), which the GIN
index answers.
"""

from django.db import migrations

FORWARD = r"""
CREATE TABLE meetings_wordposting (
    word bigint NOT NULL,
    meeting_id bigint NOT NULL
);
CREATE FUNCTION meetings_vector_words(vector tsvector) RETURNS SETOF bigint
    LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT DISTINCT hashtextextended(lexeme, 0) FROM unnest(tsvector_to_array(vector)) AS lexeme
$$;
INSERT INTO meetings_wordposting (word, meeting_id)
    SELECT meetings_vector_words(m.search_vector), m.id FROM meetings_meeting m;
-- A unique index, not a primary key: bulk loads drop it and build it again (meetings.bulk).
SET LOCAL maintenance_work_mem = '512MB';
CREATE UNIQUE INDEX wordposting_word_meeting ON meetings_wordposting (word, meeting_id);

CREATE FUNCTION meetings_keep_postings() RETURNS trigger AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        INSERT INTO meetings_wordposting (word, meeting_id)
        SELECT meetings_vector_words(n.search_vector), n.id FROM new_rows n;
    ELSIF TG_OP = 'DELETE' THEN
        DELETE FROM meetings_wordposting p
        USING (SELECT meetings_vector_words(o.search_vector) AS word, o.id FROM old_rows o) gone
        WHERE p.word = gone.word AND p.meeting_id = gone.id;
    ELSE
        -- Only the meetings whose vector changed, and only the words that changed (the
        -- delete and the insert touch different postings, in one statement). Anti-joins,
        -- not EXCEPT: a hashed EXCEPT holds all its rows in memory, and an update of every
        -- meeting's vector (a migration) has fifty million words.
        WITH changed AS (
            SELECT o.id, o.search_vector AS old_vector, n.search_vector AS new_vector
            FROM old_rows o JOIN new_rows n ON n.id = o.id
            WHERE o.search_vector IS DISTINCT FROM n.search_vector
        ),
        old_words AS MATERIALIZED (
            SELECT meetings_vector_words(old_vector) AS word, id FROM changed
        ),
        new_words AS MATERIALIZED (
            SELECT meetings_vector_words(new_vector) AS word, id FROM changed
        ),
        gone AS (
            DELETE FROM meetings_wordposting p USING old_words o
            WHERE p.word = o.word AND p.meeting_id = o.id AND NOT EXISTS (
                SELECT 1 FROM new_words n WHERE n.word = o.word AND n.id = o.id)
        )
        INSERT INTO meetings_wordposting (word, meeting_id)
        SELECT n.word, n.id FROM new_words n
        WHERE NOT EXISTS (SELECT 1 FROM old_words o WHERE o.word = n.word AND o.id = n.id);
    END IF;
    RETURN NULL;
END
$$ LANGUAGE plpgsql;

CREATE TRIGGER meeting_postings_inserted AFTER INSERT ON meetings_meeting
    REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION meetings_keep_postings();
CREATE TRIGGER meeting_postings_updated AFTER UPDATE ON meetings_meeting
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION meetings_keep_postings();
CREATE TRIGGER meeting_postings_deleted AFTER DELETE ON meetings_meeting
    REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION meetings_keep_postings();

CREATE FUNCTION meetings_truncate_postings() RETURNS trigger AS $$
BEGIN
    TRUNCATE meetings_wordposting;
    RETURN NULL;
END
$$ LANGUAGE plpgsql;
CREATE TRIGGER meeting_postings_truncated AFTER TRUNCATE ON meetings_meeting
    FOR EACH STATEMENT EXECUTE FUNCTION meetings_truncate_postings();

ALTER TABLE meetings_meeting ENABLE ALWAYS TRIGGER meeting_postings_inserted;
ALTER TABLE meetings_meeting ENABLE ALWAYS TRIGGER meeting_postings_updated;
ALTER TABLE meetings_meeting ENABLE ALWAYS TRIGGER meeting_postings_deleted;
ALTER TABLE meetings_meeting ENABLE ALWAYS TRIGGER meeting_postings_truncated;

CREATE FUNCTION meetings_query_words(words text) RETURNS bigint[]
    LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    WITH parts AS (
        SELECT websearch_to_tsquery(config, meetings_normalize(words)) AS query
        FROM unnest(ARRAY['arabic', 'french', 'english', 'simple']::regconfig[]) AS config
    )
    SELECT CASE WHEN bool_and(numnode(query) <= 1) AND bool_or(numnode(query) = 1) THEN
        -- A one-lexeme query's text is the lexeme quoted as a tsvector writes it.
        ARRAY(SELECT DISTINCT meetings_vector_words(query::text::tsvector) FROM parts)
    END
    FROM parts
$$;
"""

BACKWARD = """
DROP FUNCTION meetings_query_words(text);
DROP TRIGGER meeting_postings_truncated ON meetings_meeting;
DROP FUNCTION meetings_truncate_postings();
DROP TRIGGER meeting_postings_inserted ON meetings_meeting;
DROP TRIGGER meeting_postings_updated ON meetings_meeting;
DROP TRIGGER meeting_postings_deleted ON meetings_meeting;
DROP FUNCTION meetings_keep_postings();
DROP FUNCTION meetings_vector_words(tsvector);
DROP TABLE meetings_wordposting;
"""


class Migration(migrations.Migration):
    dependencies = [("meetings", "0020_meeting_ids_fit_the_bitmaps")]

    operations = [migrations.RunSQL(FORWARD, BACKWARD)]
