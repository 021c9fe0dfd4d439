"""Every derived value gets one owner, the database (docs/decisions/0020).

Search vectors are computed by triggers from the rows themselves, whoever writes them:
a meeting's from its own text (``meetings_meeting_vector``: titles, summaries, outcomes;
the search document Python wrote, with copies of names mixed in, is gone), and each
reference row's from its names (``meetings_country_vector`` and the like, on countries,
cities, topics, people, posts and portfolios), so that a word finds the meetings of what
it names and no name is copied into meetings. Texts and queries go through one
normalisation, ``meetings_normalize`` (the SQL twin of meetings.text.normalize, which a
test keeps equal), and queries through ``meetings_search_query``.

The meetings' id arrays come from ``meetings_meeting_arrays`` (a view: the one
definition) written by ``meetings_refresh_arrays(ids)``, which statement triggers call
for the meetings a change concerns, on every table they come from: topic rows,
participants, topics' parents, mandates' posts, posts' portfolios. No other write can
change them (``meetings_keep_arrays``). A new array, ``post_ids``, lets a search find
meetings by the posts their participants held. The refresh rewrites the meeting rows,
which gives them a new display version: migration 0016's touch triggers on participants
and topic rows are dropped, the refresh does what they did.

Portfolios and country groups bump the reference version too, which now keys each
process's copy of the reference tables (meetings.reference).

The database must have a UTF-8 character type (C.UTF-8 or any xx_XX.UTF-8), for lower()
of non-ASCII letters (a system check says so otherwise, meetings.checks).
"""

import django.contrib.postgres.fields
import django.contrib.postgres.indexes
import django.contrib.postgres.search
from django.conf import settings
from django.db import migrations, models


FUNCTIONS = r"""
-- The one normalisation of texts and queries (meetings.text.normalize is its twin, for
-- the extractor; a test keeps them equal): compatibility forms (Arabic presentation
-- forms) resolved, Arabic diacritics and tatweel removed, hamza and alef forms to ا,
-- ى to ي, typographic apostrophes made plain, Latin accents removed, case folded, و
-- split from a following ال, white space collapsed.
CREATE FUNCTION meetings_normalize(t text) RETURNS text
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

-- A document's vector: each language's text with its own configuration, names with none.
CREATE FUNCTION meetings_text_vector(arabic text, french text, english text, names text)
    RETURNS tsvector LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT to_tsvector('arabic'::regconfig, meetings_normalize(arabic))
        || to_tsvector('french'::regconfig, meetings_normalize(french))
        || to_tsvector('english'::regconfig, meetings_normalize(english))
        || to_tsvector('simple'::regconfig, meetings_normalize(names))
$$;

-- A meeting's vector, from its own text.
CREATE FUNCTION meetings_meeting_vector(
    title_ar text, title_fr text, title_en text, summary_ar text, summary_fr text,
    summary_en text, outcomes_ar text, outcomes_fr text, outcomes_en text
) RETURNS tsvector LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT meetings_text_vector(concat_ws(E' \n', title_ar, summary_ar, outcomes_ar),
                                concat_ws(E' \n', title_fr, summary_fr, outcomes_fr),
                                concat_ws(E' \n', title_en, summary_en, outcomes_en), '')
$$;

-- Each reference row's vector, from its names.
CREATE FUNCTION meetings_country_vector(c meetings_country) RETURNS tsvector
    LANGUAGE sql IMMUTABLE AS $$
    SELECT meetings_text_vector(c.name_ar, c.name_fr, c.name_en,
                                array_to_string(c.aliases || c.demonyms, E' \n'))
$$;
CREATE FUNCTION meetings_city_vector(c meetings_city) RETURNS tsvector
    LANGUAGE sql IMMUTABLE AS $$
    SELECT meetings_text_vector(c.name_ar, c.name_fr, c.name_en,
                                array_to_string(c.aliases, E' \n'))
$$;
CREATE FUNCTION meetings_topic_vector(t meetings_topic) RETURNS tsvector
    LANGUAGE sql IMMUTABLE AS $$
    SELECT meetings_text_vector(t.name_ar, t.name_fr, t.name_en, '')
$$;
CREATE FUNCTION meetings_portfolio_vector(p meetings_portfolio) RETURNS tsvector
    LANGUAGE sql IMMUTABLE AS $$
    SELECT meetings_text_vector(p.name_ar, p.name_fr, p.name_en, '')
$$;
CREATE FUNCTION meetings_post_vector(p meetings_post) RETURNS tsvector
    LANGUAGE sql IMMUTABLE AS $$
    SELECT meetings_text_vector(p.title_ar, p.title_fr, p.title_en, '')
$$;
CREATE FUNCTION meetings_minister_vector(m meetings_minister) RETURNS tsvector
    LANGUAGE sql IMMUTABLE AS $$
    SELECT meetings_text_vector('', '', '',
        concat_ws(E' \n', m.name_ar, m.name_latin, array_to_string(m.aliases, E' \n')))
$$;

CREATE FUNCTION meetings_keep_names_vector() RETURNS trigger AS $$
BEGIN
    IF TG_TABLE_NAME = 'meetings_country' THEN
        NEW.search_vector := meetings_country_vector(NEW);
    ELSIF TG_TABLE_NAME = 'meetings_city' THEN
        NEW.search_vector := meetings_city_vector(NEW);
    ELSIF TG_TABLE_NAME = 'meetings_topic' THEN
        NEW.search_vector := meetings_topic_vector(NEW);
    ELSIF TG_TABLE_NAME = 'meetings_portfolio' THEN
        NEW.search_vector := meetings_portfolio_vector(NEW);
    ELSIF TG_TABLE_NAME = 'meetings_post' THEN
        NEW.search_vector := meetings_post_vector(NEW);
    ELSE
        NEW.search_vector := meetings_minister_vector(NEW);
    END IF;
    RETURN NEW;
END
$$ LANGUAGE plpgsql;

-- The meeting's trigger of migration 0014, now from the meeting's own text.
CREATE OR REPLACE FUNCTION meetings_keep_search_vector() RETURNS trigger AS $$
BEGIN
    IF TG_OP = 'UPDATE'
       AND (NEW.title_ar, NEW.title_fr, NEW.title_en, NEW.summary_ar, NEW.summary_fr,
            NEW.summary_en, NEW.outcomes_ar, NEW.outcomes_fr, NEW.outcomes_en)
           IS NOT DISTINCT FROM
           (OLD.title_ar, OLD.title_fr, OLD.title_en, OLD.summary_ar, OLD.summary_fr,
            OLD.summary_en, OLD.outcomes_ar, OLD.outcomes_fr, OLD.outcomes_en) THEN
        NEW.search_vector := OLD.search_vector;
    ELSE
        NEW.search_vector := meetings_meeting_vector(
            NEW.title_ar, NEW.title_fr, NEW.title_en, NEW.summary_ar, NEW.summary_fr,
            NEW.summary_en, NEW.outcomes_ar, NEW.outcomes_fr, NEW.outcomes_en);
    END IF;
    RETURN NEW;
END
$$ LANGUAGE plpgsql;

-- What every search runs: the words, normalised, in the four configurations.
CREATE FUNCTION meetings_search_query(words text) RETURNS tsquery
    LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT websearch_to_tsquery('arabic'::regconfig, meetings_normalize(words))
        || websearch_to_tsquery('french'::regconfig, meetings_normalize(words))
        || websearch_to_tsquery('english'::regconfig, meetings_normalize(words))
        || websearch_to_tsquery('simple'::regconfig, meetings_normalize(words))
$$;

-- A topic stands for its group: itself when it has no parent.
CREATE FUNCTION meetings_topic_groups(topic_ids integer[]) RETURNS integer[]
    LANGUAGE sql STABLE PARALLEL SAFE
    RETURN coalesce((
        SELECT array_agg(DISTINCT coalesce(t.parent_id, t.id)::integer
                         ORDER BY coalesce(t.parent_id, t.id)::integer)
        FROM meetings_topic t WHERE t.id = ANY (topic_ids)
    ), '{}');

CREATE FUNCTION meetings_post_portfolios(post_ids integer[]) RETURNS integer[]
    LANGUAGE sql STABLE PARALLEL SAFE
    RETURN coalesce((
        SELECT array_agg(DISTINCT p.portfolio_id::integer ORDER BY p.portfolio_id::integer)
        FROM meetings_post p WHERE p.id = ANY (post_ids) AND p.portfolio_id IS NOT NULL
    ), '{}');

-- What each meeting's arrays are, from its topic rows and participants: the one
-- definition, which the refresh writes and check_integrity compares with.
CREATE VIEW meetings_meeting_arrays AS
SELECT x.id,
    t.topic_ids,
    meetings_topic_groups(t.topic_ids) AS topic_group_ids,
    coalesce((SELECT array_agg(DISTINCT p.minister_id::integer ORDER BY p.minister_id::integer)
              FROM meetings_participation p WHERE p.meeting_id = x.id), '{}') AS person_ids,
    s.post_ids,
    meetings_post_portfolios(s.post_ids) AS portfolio_ids
FROM meetings_meeting x,
LATERAL (SELECT coalesce(array_agg(DISTINCT mt.topic_id::integer ORDER BY mt.topic_id::integer),
                         '{}') AS topic_ids
         FROM meetings_meeting_topics mt WHERE mt.meeting_id = x.id) t,
LATERAL (SELECT coalesce(array_agg(DISTINCT ma.post_id::integer ORDER BY ma.post_id::integer),
                         '{}') AS post_ids
         FROM meetings_participation p JOIN meetings_mandate ma ON ma.id = p.mandate_id
         WHERE p.meeting_id = x.id) s;

-- Writes those arrays for these meetings. Every row is rewritten, changed or not: the
-- meeting's display version follows (migration 0016). Only this function writes them
-- (meetings_keep_arrays).
CREATE FUNCTION meetings_refresh_arrays(meeting_ids bigint[]) RETURNS void
    LANGUAGE sql AS $$
    SELECT set_config('meetings.refreshing_arrays', 'on', true);
    UPDATE meetings_meeting m
    SET topic_ids = d.topic_ids, topic_group_ids = d.topic_group_ids,
        person_ids = d.person_ids, post_ids = d.post_ids, portfolio_ids = d.portfolio_ids
    FROM meetings_meeting_arrays d
    WHERE d.id = ANY (meeting_ids) AND m.id = d.id;
    SELECT set_config('meetings.refreshing_arrays', 'off', true);
$$;

-- Any other write leaves the arrays as they are: a new meeting has no topic or participant
-- yet, and a save that sends back the arrays it read earlier cannot undo a refresh made
-- since. (Bulk loads, which run without this trigger, call meetings_refresh_arrays.)
CREATE FUNCTION meetings_keep_arrays() RETURNS trigger AS $$
BEGIN
    IF current_setting('meetings.refreshing_arrays', true) IS DISTINCT FROM 'on' THEN
        IF TG_OP = 'INSERT' THEN
            NEW.topic_ids := '{}'; NEW.topic_group_ids := '{}'; NEW.person_ids := '{}';
            NEW.post_ids := '{}'; NEW.portfolio_ids := '{}';
        ELSE
            NEW.topic_ids := OLD.topic_ids; NEW.topic_group_ids := OLD.topic_group_ids;
            NEW.person_ids := OLD.person_ids; NEW.post_ids := OLD.post_ids;
            NEW.portfolio_ids := OLD.portfolio_ids;
        END IF;
    END IF;
    RETURN NEW;
END
$$ LANGUAGE plpgsql;
CREATE TRIGGER meeting_arrays_kept BEFORE INSERT OR UPDATE ON meetings_meeting
    FOR EACH ROW EXECUTE FUNCTION meetings_keep_arrays();

-- Participants and topic rows name their meeting.
CREATE FUNCTION meetings_refresh_arrays_of_rows() RETURNS trigger AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        PERFORM meetings_refresh_arrays(ARRAY(SELECT DISTINCT meeting_id FROM new_rows));
    ELSIF TG_OP = 'DELETE' THEN
        PERFORM meetings_refresh_arrays(ARRAY(SELECT DISTINCT meeting_id FROM old_rows));
    ELSE
        PERFORM meetings_refresh_arrays(ARRAY(
            SELECT meeting_id FROM new_rows UNION SELECT meeting_id FROM old_rows));
    END IF;
    RETURN NULL;
END
$$ LANGUAGE plpgsql;

-- A topic given another parent moves its meetings to another group.
CREATE FUNCTION meetings_refresh_arrays_of_topics() RETURNS trigger AS $$
BEGIN
    PERFORM meetings_refresh_arrays(ARRAY(
        SELECT DISTINCT mt.meeting_id FROM meetings_meeting_topics mt
        WHERE mt.topic_id IN (SELECT n.id FROM new_rows n JOIN old_rows o ON o.id = n.id
                              WHERE n.parent_id IS DISTINCT FROM o.parent_id)));
    RETURN NULL;
END
$$ LANGUAGE plpgsql;

-- A mandate moved to another post changes its participants' posts and portfolios.
CREATE FUNCTION meetings_refresh_arrays_of_mandates() RETURNS trigger AS $$
BEGIN
    PERFORM meetings_refresh_arrays(ARRAY(
        SELECT DISTINCT p.meeting_id FROM meetings_participation p
        WHERE p.mandate_id IN (SELECT n.id FROM new_rows n JOIN old_rows o ON o.id = n.id
                               WHERE n.post_id IS DISTINCT FROM o.post_id)));
    RETURN NULL;
END
$$ LANGUAGE plpgsql;

-- A post moved to another portfolio changes the portfolios of the meetings held in it.
CREATE FUNCTION meetings_refresh_arrays_of_posts() RETURNS trigger AS $$
BEGIN
    PERFORM meetings_refresh_arrays(ARRAY(
        SELECT DISTINCT p.meeting_id FROM meetings_participation p
        JOIN meetings_mandate ma ON ma.id = p.mandate_id
        WHERE ma.post_id IN (SELECT n.id FROM new_rows n JOIN old_rows o ON o.id = n.id
                             WHERE n.portfolio_id IS DISTINCT FROM o.portfolio_id)));
    RETURN NULL;
END
$$ LANGUAGE plpgsql;

"""

ROW_TRIGGERS = """
CREATE TRIGGER {table}_inserted_refreshes_arrays AFTER INSERT ON {table}
    REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION meetings_refresh_arrays_of_rows();
CREATE TRIGGER {table}_updated_refreshes_arrays AFTER UPDATE ON {table}
    REFERENCING NEW TABLE AS new_rows OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION meetings_refresh_arrays_of_rows();
CREATE TRIGGER {table}_deleted_refreshes_arrays AFTER DELETE ON {table}
    REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION meetings_refresh_arrays_of_rows();
DROP TRIGGER {table}_inserted_touches_meeting ON {table};
DROP TRIGGER {table}_updated_touches_meeting ON {table};
DROP TRIGGER {table}_deleted_touches_meeting ON {table};
"""
DROP_ROW_TRIGGERS = """
DROP TRIGGER {table}_inserted_refreshes_arrays ON {table};
DROP TRIGGER {table}_updated_refreshes_arrays ON {table};
DROP TRIGGER {table}_deleted_refreshes_arrays ON {table};
CREATE TRIGGER {table}_inserted_touches_meeting AFTER INSERT ON {table}
    REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION meetings_touch_meetings_of_rows();
CREATE TRIGGER {table}_updated_touches_meeting AFTER UPDATE ON {table}
    REFERENCING NEW TABLE AS new_rows OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION meetings_touch_meetings_of_rows();
CREATE TRIGGER {table}_deleted_touches_meeting AFTER DELETE ON {table}
    REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION meetings_touch_meetings_of_rows();
"""
REFERENCE_TRIGGERS = """
CREATE TRIGGER meetings_topic_parent_refreshes_arrays AFTER UPDATE ON meetings_topic
    REFERENCING NEW TABLE AS new_rows OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION meetings_refresh_arrays_of_topics();
CREATE TRIGGER meetings_mandate_post_refreshes_arrays AFTER UPDATE ON meetings_mandate
    REFERENCING NEW TABLE AS new_rows OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION meetings_refresh_arrays_of_mandates();
CREATE TRIGGER meetings_post_portfolio_refreshes_arrays AFTER UPDATE ON meetings_post
    REFERENCING NEW TABLE AS new_rows OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION meetings_refresh_arrays_of_posts();
"""
DROP_REFERENCE_TRIGGERS = """
DROP TRIGGER meetings_topic_parent_refreshes_arrays ON meetings_topic;
DROP TRIGGER meetings_mandate_post_refreshes_arrays ON meetings_mandate;
DROP TRIGGER meetings_post_portfolio_refreshes_arrays ON meetings_post;
"""
NAMES_TRIGGER = """
CREATE TRIGGER {table}_names_vector BEFORE INSERT OR UPDATE ON {table}
    FOR EACH ROW
    WHEN (current_setting('meetings.search_vectors_supplied', true) IS DISTINCT FROM 'on')
    EXECUTE FUNCTION meetings_keep_names_vector();
ALTER TABLE {table} ENABLE ALWAYS TRIGGER {table}_names_vector;
UPDATE {table} SET search_vector = NULL;
"""
DROP_FUNCTIONS = """
DROP FUNCTION meetings_refresh_arrays_of_posts();
DROP FUNCTION meetings_refresh_arrays_of_mandates();
DROP FUNCTION meetings_refresh_arrays_of_topics();
DROP FUNCTION meetings_refresh_arrays_of_rows();
DROP TRIGGER meeting_arrays_kept ON meetings_meeting;
DROP FUNCTION meetings_keep_arrays();
DROP FUNCTION meetings_refresh_arrays(bigint[]);
DROP VIEW meetings_meeting_arrays;
DROP FUNCTION meetings_post_portfolios(integer[]);
DROP FUNCTION meetings_topic_groups(integer[]);
DROP FUNCTION meetings_keep_names_vector();
DROP FUNCTION meetings_search_query(text);
DROP FUNCTION meetings_country_vector(meetings_country);
DROP FUNCTION meetings_city_vector(meetings_city);
DROP FUNCTION meetings_topic_vector(meetings_topic);
DROP FUNCTION meetings_portfolio_vector(meetings_portfolio);
DROP FUNCTION meetings_post_vector(meetings_post);
DROP FUNCTION meetings_minister_vector(meetings_minister);
DROP FUNCTION meetings_meeting_vector(text, text, text, text, text, text, text, text, text);
DROP FUNCTION meetings_text_vector(text, text, text, text);
DROP FUNCTION meetings_normalize(text);
"""
MEETING_PARTS = ["meetings_participation", "meetings_meeting_topics"]
# Reference tables without the reference version's trigger until now (migration 0016):
# each process's copy of the reference tables is keyed by that version (meetings.reference).
MORE_REFERENCE_TABLES = ["meetings_portfolio", "meetings_countrygroup",
                         "meetings_countrygroup_members"]  # fmt: skip
REFERENCE_VERSION_TRIGGER = """
CREATE TRIGGER {table}_bumps_reference_version
AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON {table}
FOR EACH STATEMENT EXECUTE FUNCTION meetings_bump_reference_version();
"""
NAMED_TABLES = ["meetings_country", "meetings_city", "meetings_topic", "meetings_minister",
                "meetings_post", "meetings_portfolio"]  # fmt: skip



FILL = """
SET LOCAL meetings.search_vectors_supplied = 'on';
UPDATE meetings_meeting SET search_vector = meetings_meeting_vector(
    title_ar, title_fr, title_en, summary_ar, summary_fr, summary_en,
    outcomes_ar, outcomes_fr, outcomes_en);
SET LOCAL meetings.search_vectors_supplied = 'off';
SELECT meetings_refresh_arrays(ARRAY(SELECT id FROM meetings_meeting));
-- The deferred checks these updates queued, now, before the table is altered below.
SET CONSTRAINTS ALL IMMEDIATE;
"""

# The meeting's trigger as migration 0014 wrote it, for going back.
BACKWARD_MEETING_VECTOR = """
CREATE OR REPLACE FUNCTION meetings_keep_search_vector() RETURNS trigger AS $$
BEGIN
    IF TG_OP = 'UPDATE' AND NEW.search_document IS NOT DISTINCT FROM OLD.search_document THEN
        NEW.search_vector := OLD.search_vector;
    ELSE
        NEW.search_vector := meetings_search_vector(NEW.search_document);
    END IF;
    RETURN NEW;
END
$$ LANGUAGE plpgsql;
"""


class Migration(migrations.Migration):

    dependencies = [
        ('meetings', '0017_rate_limits'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AlterModelOptions(
            name='participation',
            options={'ordering': [models.OrderBy(models.Case(models.When(role='lead', then=models.Value(0)), default=models.Value(1))), 'order', 'pk'], 'verbose_name': 'participant', 'verbose_name_plural': 'participants'},
        ),
        migrations.AddField(
            model_name='city',
            name='search_vector',
            field=django.contrib.postgres.search.SearchVectorField(editable=False, null=True),
        ),
        migrations.AddField(
            model_name='country',
            name='search_vector',
            field=django.contrib.postgres.search.SearchVectorField(editable=False, null=True),
        ),
        migrations.AddField(
            model_name='meeting',
            name='post_ids',
            field=django.contrib.postgres.fields.ArrayField(base_field=models.IntegerField(), default=list, editable=False),
        ),
        migrations.AddField(
            model_name='minister',
            name='search_vector',
            field=django.contrib.postgres.search.SearchVectorField(editable=False, null=True),
        ),
        migrations.AddField(
            model_name='portfolio',
            name='search_vector',
            field=django.contrib.postgres.search.SearchVectorField(editable=False, null=True),
        ),
        migrations.AddField(
            model_name='post',
            name='search_vector',
            field=django.contrib.postgres.search.SearchVectorField(editable=False, null=True),
        ),
        migrations.AddField(
            model_name='topic',
            name='search_vector',
            field=django.contrib.postgres.search.SearchVectorField(editable=False, null=True),
        ),
        migrations.AddIndex(
            model_name='city',
            index=django.contrib.postgres.indexes.GinIndex(fields=['search_vector'], name='city_search_vector'),
        ),
        migrations.AddIndex(
            model_name='country',
            index=django.contrib.postgres.indexes.GinIndex(fields=['search_vector'], name='country_search_vector'),
        ),
        migrations.AddIndex(
            model_name='meeting',
            index=django.contrib.postgres.indexes.GinIndex(condition=models.Q(('status', 'published')), fields=['post_ids'], name='meeting_post_ids'),
        ),
        migrations.AddIndex(
            model_name='minister',
            index=django.contrib.postgres.indexes.GinIndex(fields=['search_vector'], name='minister_search_vector'),
        ),
        migrations.AddIndex(
            model_name='portfolio',
            index=django.contrib.postgres.indexes.GinIndex(fields=['search_vector'], name='portfolio_search_vector'),
        ),
        migrations.AddIndex(
            model_name='post',
            index=django.contrib.postgres.indexes.GinIndex(fields=['search_vector'], name='post_search_vector'),
        ),
        migrations.AddIndex(
            model_name='topic',
            index=django.contrib.postgres.indexes.GinIndex(fields=['search_vector'], name='topic_search_vector'),
        ),
        migrations.RunSQL(
            [
                FUNCTIONS,
                *[ROW_TRIGGERS.format(table=table) for table in MEETING_PARTS],
                REFERENCE_TRIGGERS,
                *[NAMES_TRIGGER.format(table=table) for table in NAMED_TABLES],
                *[REFERENCE_VERSION_TRIGGER.format(table=table) for table in MORE_REFERENCE_TABLES],
                FILL,
            ],
            [
                *[
                    f"DROP TRIGGER {table}_bumps_reference_version ON {table}"
                    for table in MORE_REFERENCE_TABLES
                ],
                *[f"DROP TRIGGER {table}_names_vector ON {table}" for table in NAMED_TABLES],
                DROP_REFERENCE_TRIGGERS,
                *[DROP_ROW_TRIGGERS.format(table=table) for table in MEETING_PARTS],
                BACKWARD_MEETING_VECTOR,
                DROP_FUNCTIONS,
            ],
        ),
        # After the trigger stops reading it. Going back gives it empty: rebuild the
        # documents then (manage.py rebuild_derived_fields of that code).
        migrations.RemoveField(model_name="meeting", name="search_document"),
    ]
