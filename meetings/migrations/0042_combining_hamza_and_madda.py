"""Normalising twice changes nothing, also for a madda or hamza mark left on its own.

``meetings_normalize_characters`` (migration 0030) removed the Arabic diacritics
U+064B-U+0652 and then mapped ٱ to ا; a madda (U+0653) after ٱ, which does not compose
with it, stayed, and the NFC at the end joined it to the new ا as آ, which a second pass
maps to ا (found by the randomised test in tests/test_text.py). The marks U+0653-U+0655
are removed with the other diacritics now, after NFKC has composed those that belong to
a letter (آ أ إ ؤ ئ stay whole). Its Python twin is meetings.text.normalize_chars. The
vectors and the trigram index of names that this changes are computed again (migrations
keep frozen copies of their SQL: this is 0030's function and 0041's recomputation).
"""

from django.db import migrations


def characters(diacritics: str) -> str:
    return rf"""
CREATE OR REPLACE FUNCTION meetings_normalize_characters(t text) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT btrim(regexp_replace(regexp_replace(
        replace(translate(lower(normalize(regexp_replace(normalize(translate(
            regexp_replace(normalize(coalesce(t, ''), NFKC),
                           '{diacritics}', '', 'g'),
            'أإآٱى’ʼ', 'ااااي'''''), NFD), '[\u0300-\u036F]', '', 'g'), NFC)), 'ς', 'σ'),
            'ß', 'ss'),
        '(?<![[:alnum:]_])و(?=ال[[:alnum:]_])', 'و ', 'g'),
        '[[:space:]]+', ' ', 'g'))
$$;
"""


CHARACTERS = characters(r"[\u064B-\u0655\u0670\u0640]")
PREVIOUS = characters(r"[\u064B-\u0652\u0670\u0640]")

# Only the meetings whose vector changes are written (almost none: a mark left on its own).
VECTOR = """meetings_meeting_vector(
    title_ar, title_fr, title_en, summary_ar, summary_fr, summary_en,
    outcomes_ar, outcomes_fr, outcomes_en)"""
RECOMPUTE = """
SET LOCAL meetings.search_vectors_supplied = 'on';
UPDATE meetings_meeting SET search_vector = VECTOR
WHERE search_vector IS DISTINCT FROM VECTOR;
SET LOCAL meetings.search_vectors_supplied = 'off';
UPDATE meetings_country SET search_vector = NULL;
UPDATE meetings_city SET search_vector = NULL;
UPDATE meetings_topic SET search_vector = NULL;
UPDATE meetings_portfolio SET search_vector = NULL;
UPDATE meetings_post SET search_vector = NULL;
UPDATE meetings_minister SET search_vector = NULL;
REINDEX INDEX minister_names_trigrams;
SET CONSTRAINTS ALL IMMEDIATE;
""".replace("VECTOR", VECTOR)


class Migration(migrations.Migration):
    dependencies = [
        ("meetings", "0041_word_characters"),
    ]

    operations = [
        migrations.RunSQL([CHARACTERS, RECOMPUTE], [PREVIOUS, RECOMPUTE]),
    ]
