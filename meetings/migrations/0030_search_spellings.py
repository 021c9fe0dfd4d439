"""Search finds words and names the way people write them (issue 16, docs/decisions/0024).

``meetings_normalize``, the one normalisation of indexed texts and queries, gets search's
own rules on top of the characters' normalisation it had (now
``meetings_normalize_characters``, the twin of meetings.text.normalize, which the
extractor keeps using): Persian and Urdu letters, word-final ه for ة, compound names
(عبدالوافي, Abdel Ouafi), French elision. Its Python twin is
meetings.text.normalize_for_search (a test keeps them equal). Every search vector is
recomputed with it.

People are also found by a similar spelling (Leftit, Lafteet, بيانتدوزي):
``meetings_person_names`` is a person's names as one normalised text, indexed by
trigrams, and ``meetings_similar_person(term, query)`` the person whose names are most
like a word no meeting and no name has (meetings.search).
"""

from django.db import migrations

CHARACTERS = r"""
-- The characters' normalisation of migration 0018, under its own name: compatibility
-- forms resolved, Arabic diacritics and tatweel removed, hamza and alef forms to ا, ى to
-- ي, typographic apostrophes made plain, Latin accents removed, case folded, و split from
-- a following ال, white space collapsed (meetings.text.normalize).
CREATE FUNCTION meetings_normalize_characters(t text) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT btrim(regexp_replace(regexp_replace(
        replace(translate(lower(normalize(regexp_replace(normalize(translate(
            regexp_replace(normalize(coalesce(t, ''), NFKC),
                           '[\u064B-\u0652\u0670\u0640]', '', 'g'),
            'أإآٱى’ʼ', 'ااااي'''''), NFD), '[\u0300-\u036F]', '', 'g'), NFC)), 'ς', 'σ'),
            'ß', 'ss'),
        '(?<![[:alnum:]_])و(?=ال[[:alnum:]_])', 'و ', 'g'),
        '[[:space:]]+', ' ', 'g'))
$$;
"""

# meetings.text.SEARCH_CHARACTERS and SEARCH_RULES, in the same order.
SEARCH_NORMALIZE = r"""
CREATE OR REPLACE FUNCTION meetings_normalize(t text) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT regexp_replace(regexp_replace(regexp_replace(regexp_replace(regexp_replace(
        translate(meetings_normalize_characters(t), 'پچژگکیڭݣڤھؤئ', 'بجزككيككفهءء'),
        '(?<=[[:alnum:]_])ه(?![[:alnum:]_])', 'ة', 'g'),
        '(?<![[:alnum:]_])عبد(?=ال[[:alnum:]_])', 'عبد ', 'g'),
        '(?<![[:alnum:]_])(?:jusqu|lorsqu|puisqu|qu|[cdjlmnst])''(?=[[:alnum:]_])', '', 'g'),
        '(?<![[:alnum:]_])abd(?:[ -]?(?:el|al|ul|oul|il)[ -]?|[ -])(?=[a-z])', 'abdel', 'g'),
        '(?<![[:alnum:]_])abu(?![[:alnum:]_])', 'abou', 'g')
$$;

-- A person's names as one normalised text, for finding them by a similar spelling.
-- (Declared immutable for the trigram index: it reads only its arguments; with its own
-- search path, as an index expression is computed with pg_catalog's only.)
CREATE FUNCTION meetings_person_names(name_ar text, name_latin text, aliases varchar[])
    RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE SET search_path FROM CURRENT AS $$
    SELECT meetings_normalize(concat_ws(' ', name_latin, name_ar,
                                        array_to_string(aliases, ' ')))
$$;
CREATE INDEX minister_names_trigrams ON meetings_minister
    USING gin (meetings_person_names(name_ar, name_latin, aliases) gin_trgm_ops);

-- Among the people whose names hold a word like ``term`` (pg_trgm's word similarity, at
-- least 0.4: Leftit for Laftit, بيانتدوزي for بيانتيدوزي), the one whose names are the
-- most like the whole ``query`` (Abdelwafi Laftit: Laftit, not another Abdel...), then
-- like the term. Null when none is alike enough or the word is shorter than four letters.
CREATE FUNCTION meetings_similar_person(term text, query text) RETURNS bigint
    LANGUAGE sql STABLE PARALLEL SAFE
    SET pg_trgm.word_similarity_threshold = 0.4 AS $$
    SELECT m.id FROM meetings_minister m
    WHERE char_length(meetings_normalize(term)) >= 4
      AND meetings_normalize(term) <% meetings_person_names(m.name_ar, m.name_latin, m.aliases)
    ORDER BY word_similarity(meetings_normalize(query),
                             meetings_person_names(m.name_ar, m.name_latin, m.aliases)) DESC,
             word_similarity(meetings_normalize(term),
                             meetings_person_names(m.name_ar, m.name_latin, m.aliases)) DESC,
             m.id
    LIMIT 1
$$;

-- The people whose names are most like ``query`` (at least 0.4), the ten most alike
-- first: the people index and the API when no name has the words themselves.
CREATE FUNCTION meetings_similar_people(query text) RETURNS SETOF bigint
    LANGUAGE sql STABLE PARALLEL SAFE
    SET pg_trgm.word_similarity_threshold = 0.4 AS $$
    SELECT m.id FROM meetings_minister m
    WHERE char_length(meetings_normalize(query)) >= 4
      AND meetings_normalize(query) <% meetings_person_names(m.name_ar, m.name_latin, m.aliases)
    ORDER BY word_similarity(meetings_normalize(query),
                             meetings_person_names(m.name_ar, m.name_latin, m.aliases)) DESC,
             m.id
    LIMIT 10
$$;
"""

# Every meeting's vector again, written the way a bulk load writes meetings
# (meetings/bulk.py, decision 0009): the secondary indexes of the meetings and the word
# postings dropped first and built again after, and the postings written afresh from the
# new vectors instead of changed by their trigger word by word. At a million meetings the
# plain UPDATE, maintaining twenty indexes and fifty million postings row by row, ran
# for more than an hour; this way it takes minutes (decision 0024).
RECOMPUTE = """
SET CONSTRAINTS ALL IMMEDIATE;
SET LOCAL maintenance_work_mem = '512MB';
CREATE TEMPORARY TABLE meetings_rebuilt_indexes ON COMMIT DROP AS
    SELECT i.indexname, i.indexdef FROM pg_indexes i
    WHERE i.schemaname = current_schema()
      AND i.tablename IN ('meetings_meeting', 'meetings_wordposting')
      AND NOT EXISTS (
          SELECT 1 FROM pg_constraint c WHERE c.conindid = to_regclass(quote_ident(i.indexname))
      );
DO $$
DECLARE rebuilt record;
BEGIN
    FOR rebuilt IN SELECT indexname FROM meetings_rebuilt_indexes LOOP
        EXECUTE format('DROP INDEX %I', rebuilt.indexname);
    END LOOP;
END $$;
ALTER TABLE meetings_meeting DISABLE TRIGGER meeting_postings_updated;
SET LOCAL meetings.search_vectors_supplied = 'on';
UPDATE meetings_meeting SET search_vector = meetings_meeting_vector(
    title_ar, title_fr, title_en, summary_ar, summary_fr, summary_en,
    outcomes_ar, outcomes_fr, outcomes_en);
SET LOCAL meetings.search_vectors_supplied = 'off';
ALTER TABLE meetings_meeting ENABLE ALWAYS TRIGGER meeting_postings_updated;
TRUNCATE meetings_wordposting;
INSERT INTO meetings_wordposting (word, meeting_id)
    SELECT meetings_vector_words(m.search_vector), m.id FROM meetings_meeting m;
DO $$
DECLARE rebuilt record;
BEGIN
    FOR rebuilt IN SELECT indexdef FROM meetings_rebuilt_indexes LOOP
        EXECUTE rebuilt.indexdef;
    END LOOP;
END $$;
DROP TABLE meetings_rebuilt_indexes;
ANALYZE meetings_meeting;
ANALYZE meetings_wordposting;
UPDATE meetings_country SET search_vector = NULL;
UPDATE meetings_city SET search_vector = NULL;
UPDATE meetings_topic SET search_vector = NULL;
UPDATE meetings_portfolio SET search_vector = NULL;
UPDATE meetings_post SET search_vector = NULL;
UPDATE meetings_minister SET search_vector = NULL;
SET CONSTRAINTS ALL IMMEDIATE;
"""

# Going back: meetings_normalize is the characters' normalisation again, inlined as
# migration 0018 wrote it, and every vector is recomputed with it.
BACKWARD = [
    """
DROP FUNCTION meetings_similar_people(text);
DROP FUNCTION meetings_similar_person(text, text);
DROP INDEX minister_names_trigrams;
DROP FUNCTION meetings_person_names(text, text, varchar[]);
""",
    CHARACTERS.replace(
        "CREATE FUNCTION meetings_normalize_characters", "CREATE OR REPLACE FUNCTION meetings_normalize"
    ),
    "DROP FUNCTION meetings_normalize_characters(text);",
    RECOMPUTE,
]


class Migration(migrations.Migration):
    dependencies = [
        ("meetings", "0021_word_postings"),
    ]

    operations = [
        migrations.RunSQL([CHARACTERS, SEARCH_NORMALIZE, RECOMPUTE], BACKWARD),
    ]
