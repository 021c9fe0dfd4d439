"""The extractor's messages for editors (its warnings, its refusals of an input) read in the
admin's language, while the draft, the command line and its JSON keep them in English for
the code that reads them (meetings/extraction/notes.py)."""

import copy
import html
import io
import json

import pytest
from django.core.management import CommandError, call_command
from django.utils import translation

from meetings.extraction.notes import EditorNote, translated
from meetings.models import Country
from meetings.newsroom.classify import classify
from tests.extraction_support import draft_of
from tests.factories import EditorFactory

pytestmark = pytest.mark.django_db

TOOL = "admin/meetings/meeting/from-article/"
# Written for these tests (as in tests/test_extraction.py): a call, not a meeting; and a
# meeting of which only the Mauritanian side is clear.
PHONE_CALL = (
    "أجرى وزير الخارجية ناصر بوريطة، اليوم الخميس، اتصالا هاتفيا مع نظيره الإسباني خوسيه "
    "مانويل ألباريس، تناول العلاقات الثنائية."
)
ONE_SIDE = "استقبل وزير الداخلية، اليوم الخميس، وزير الداخلية الموريتاني محمد أحمد ولد محمد الأمين."
CALL_WARNING = {
    "en": "This reports a phone call, not a meeting.",
    "fr": "Ceci rend compte d’un appel téléphonique, pas d’une réunion.",
    "ar": "يتناول هذا اتصالًا هاتفيًا، لا اجتماعًا.",
}


@pytest.fixture
def editor(client):
    client.force_login(EditorFactory(username="editor-of-many-languages"))
    return client


def tool_in(client, language):
    """The tool's address as an editor's browser reaches it: the admin's addresses begin
    with the language (i18n_patterns), and the address without one redirects to the
    language the browser asks for (LocaleMiddleware reads Accept-Language)."""
    response = client.get("/" + TOOL, HTTP_ACCEPT_LANGUAGE=f"{language},en;q=0.5")
    assert response.status_code == 302
    assert response["Location"] == f"/{language}/{TOOL}"
    return response["Location"]


def propose(client, language, content):
    data = {
        "step": "extract",
        "url": "",
        "content": content,
        "outlet": "",
        "published": "2024-06-13",
    }
    return client.post(tool_in(client, language), data, HTTP_ACCEPT_LANGUAGE=f"{language},en;q=0.5")


def page_text(response) -> str:
    return html.unescape(response.content.decode())


@pytest.mark.parametrize("language", ["ar", "fr", "en"])
def test_a_warning_reads_in_the_editors_language(editor, language):
    response = propose(editor, language, PHONE_CALL)
    assert response.status_code == 200
    page = page_text(response)
    assert CALL_WARNING[language] in page
    for other, warning in CALL_WARNING.items():
        if other != language:
            assert warning not in page


@pytest.mark.parametrize(
    ("language", "sentence"),
    [
        ("ar", "طرف واحد فقط واضح ({}): تعذّر تحديد البلد الآخر. اختره."),
        ("fr", "Une seule partie est claire ({}) : l’autre pays n’a pas pu être identifié."),
        ("en", "Only one side is clear ({}): the other country could not be identified."),
    ],
)
def test_a_warning_names_its_country_in_the_editors_language(editor, language, sentence):
    mauritania = Country.objects.get(code="MR")
    response = propose(editor, language, ONE_SIDE)
    assert response.status_code == 200
    page = page_text(response)
    assert sentence.format(getattr(mauritania, f"name_{language}")) in page
    assert "Only one side is clear (MR)" not in page


@pytest.mark.parametrize(
    ("content", "messages"),
    [
        (
            "\x01\x02\x03" * 300,
            {
                "en": "This does not look like text. Paste the article itself.",
                "fr": "Ceci ne ressemble pas à du texte. Collez l’article lui-même.",
                "ar": "لا يبدو هذا نصًّا. ألصق المقال نفسه.",
            },
        ),
        (
            "Le ministre est arrivé.",
            {
                "en": "There is too little text to find a meeting in: 19 letters.",
                "fr": "Le texte est trop court pour qu’on y trouve une réunion : 19 lettres.",
                "ar": "النص أقصر من أن يُستخرج منه اجتماع (عدد الحروف: 19).",
            },
        ),
        (
            "Der deutsche Außenminister traf gestern in Berlin seinen französischen "
            "Amtskollegen, um über die Lage in Europa und die Zusammenarbeit beider Länder zu "
            "sprechen. Die beiden Minister sprachen auch über Energie und Verkehr.",
            {
                "en": "This article seems to be in another language (German):",
                "fr": "Cet article semble rédigé dans une autre langue (allemand) :",
                "ar": "يبدو أن هذا المقال مكتوب بلغة أخرى (الألمانية):",
            },
        ),
    ],
)
@pytest.mark.parametrize("language", ["ar", "fr", "en"])
def test_a_refused_input_is_explained_in_the_editors_language(editor, language, content, messages):
    response = propose(editor, language, content)
    assert response.status_code == 400
    page = page_text(response)
    assert messages[language] in page
    if language != "en":
        assert messages["en"] not in page


def test_the_draft_keeps_its_warnings_in_english_whatever_the_language(gazetteer):
    with translation.override("ar"):
        call = draft_of(PHONE_CALL, gazetteer)
        one_side = draft_of(ONE_SIDE, gazetteer)
    assert CALL_WARNING["en"] in call.warnings
    assert "phone_call" in classify(call).reasons  # the newsroom reads the English words
    warning = next(w for w in one_side.warnings if w.startswith("Only one side"))
    assert warning == (
        "Only one side is clear (MR): the other country could not be identified. Choose it."
    )
    assert json.dumps(one_side.as_json()["warnings"]) == json.dumps([str(warning)])


def test_the_command_line_prints_english_whatever_the_language(tmp_path):
    article = tmp_path / "article.txt"
    article.write_text(ONE_SIDE, encoding="utf-8")
    output = io.StringIO()
    with translation.override("fr"):
        call_command("extract_meeting", str(article), "--published", "2024-06-13", stdout=output)
    warnings = json.loads(output.getvalue())["warnings"]
    assert any(w.startswith("Only one side is clear (MR): the other") for w in warnings)
    garbled = tmp_path / "garbled.txt"
    garbled.write_text("\x01\x02\x03" * 300, encoding="utf-8")
    with translation.override("ar"), pytest.raises(CommandError, match="does not look like text"):
        call_command("extract_meeting", str(garbled))


def test_a_note_is_its_english_text_and_translates_with_its_values():
    note = EditorNote(
        "This input is %(length)s characters long; an article is at most %(most)s. "
        "Paste the article alone.",
        length=2_000_001,
        most=2_000_000,
    )
    assert note == (
        "This input is 2,000,001 characters long; an article is at most 2,000,000. "
        "Paste the article alone."
    )
    copied = copy.deepcopy(note)  # as dataclasses.asdict copies a draft
    assert (copied, copied.template, copied.values) == (note, note.template, note.values)
    with translation.override("fr"):
        french = translated(note)
    assert french.startswith("Ce contenu compte 2")
    assert "2,000,001" not in french
    with translation.override("ar"):
        assert translated("This reports a phone call, not a meeting.") == CALL_WARNING["ar"]


# Why each suggestion was made: the country, the topic and how the date was read, named in
# the editor's language rather than by a code, a slug or the extractor's own word.
WHY_BY_LANGUAGE = {
    "fr": (["Maroc", "Espagne", "Migration"], "un jour de la semaine, compté depuis la date de publication"),
    "ar": (["المغرب", "إسبانيا", "الهجرة"], "يوم من أيام الأسبوع، محسوب من تاريخ النشر"),
    "en": (["Morocco", "Spain", "Migration"], "a day of the week, from the publication date"),
}  # fmt: skip


@pytest.mark.parametrize("language", ["fr", "ar", "en"])
def test_why_each_suggestion_was_made_is_labelled_in_the_editors_language(editor, language):
    article = (
        "استقبل وزير الداخلية عبد الوافي لفتيت، أمس الأربعاء بالرباط، وزير الداخلية الإسباني "
        "فرناندو غراندي مارلاسكا، وتناول اللقاء التعاون في مجال الهجرة ومكافحة الإرهاب."
    )
    page = page_text(propose(editor, language, article))
    labels, date_note = WHY_BY_LANGUAGE[language]
    for label in labels:
        assert f'<div class="evidence" dir="auto">{label}: ' in page
    assert f'<span class="note">({date_note})</span>' in page
    for code in ("MA: ", "ES: ", "migration: ", "(weekday)"):
        assert code not in page
    if language != "en":  # the empty choice of the outlet's select is Django's own string
        assert "Select an option" not in page
