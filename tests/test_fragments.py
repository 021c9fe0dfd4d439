"""Meeting cards come from the fragment cache until anything they show changes, in
every language, and the pages that show them stay exactly what they were."""

import pytest
from django.core.cache import caches
from django.db import connection
from django.test.utils import CaptureQueriesContext

from meetings.caching import fragments
from meetings.models import Country, Meeting, Minister, Topic
from tests.factories import MandateFactory, MeetingFactory, ParticipationFactory

pytestmark = pytest.mark.django_db

LANGUAGES = ("en", "fr", "ar")


@pytest.fixture(params=[0, 600], ids=["page cache off", "page cache on"])
def page_cache(request, settings):
    """Every test runs with the page cache off (cards only) and on (pages and cards)."""
    settings.PAGE_CACHE_SECONDS = request.param
    return request.param


def list_page(client, language, **params):
    response = client.get(f"/{language}/meetings/", params)
    assert response.status_code == 200
    return response.content.decode()


def cached_cards() -> int:
    return len(caches["fragments"]._cache)  # the local-memory store of the tests


def test_a_card_is_rendered_once_then_read_from_the_cache(client, settings, seed_meetings):
    settings.PAGE_CACHE_SECONDS = 0
    settings.FRAGMENT_CACHE_SECONDS = 0
    list_page(client, "en")  # the reference tables, read once per process
    assert cached_cards() == 0
    settings.FRAGMENT_CACHE_SECONDS = 600
    with CaptureQueriesContext(connection) as first:
        cold = list_page(client, "en")
    assert cached_cards() == 2  # the two seed meetings, in English
    with CaptureQueriesContext(connection) as second:
        warm = list_page(client, "en")
    assert warm == cold
    assert len(second) == len(first) - 3  # no meetings, people and topics to read for cards
    list_page(client, "fr")
    assert cached_cards() == 4  # each language has its own cards


def test_pages_are_the_same_with_and_without_cached_cards(client, settings, seed_meetings):
    settings.PAGE_CACHE_SECONDS = 0
    urls = ["/en/", "/ar/meetings/", "/fr/countries/ma/", "/en/countries/be/ma/"]
    settings.FRAGMENT_CACHE_SECONDS = 0
    plain = [client.get(url).content for url in urls]
    assert cached_cards() == 0
    settings.FRAGMENT_CACHE_SECONDS = 600
    for _ in range(2):  # cards rendered, then read from the cache
        assert [client.get(url).content for url in urls] == plain


def test_an_edited_meeting_shows_its_new_text_in_every_language(client, page_cache, seed_meetings):
    belgium, _italy = seed_meetings
    for language in LANGUAGES:
        list_page(client, language)
    Meeting.objects.filter(pk=belgium.pk).update(
        title_en="Edited title", title_fr="Titre corrigé", title_ar="عنوان معدل"
    )
    assert "Edited title" in list_page(client, "en")
    assert "Titre corrigé" in list_page(client, "fr")
    assert "عنوان معدل" in list_page(client, "ar")


def test_a_renamed_person_shows_the_new_name_on_every_card(client, page_cache, seed_meetings):
    belgium, _italy = seed_meetings
    person = belgium.participations.filter(role="lead").first().minister
    for language in LANGUAGES:
        list_page(client, language)
    Minister.objects.filter(pk=person.pk).update(name_latin="Renamed Person", name_ar="اسم جديد")
    assert "Renamed Person" in list_page(client, "en")
    assert "Renamed Person" in list_page(client, "fr")
    assert "اسم جديد" in list_page(client, "ar")


def test_a_changed_post_title_is_shown_on_the_card(client, page_cache, seed_meetings):
    belgium, _italy = seed_meetings
    mandate = MandateFactory(post__title_en="Minister of Old Things", post__country_id="MA")
    ParticipationFactory(meeting=belgium, minister=mandate.minister, mandate=mandate, order=9)
    assert "Minister of Old Things" in list_page(client, "en")
    mandate.post.title_en = "Minister of New Things"
    mandate.post.save()
    page = list_page(client, "en")
    assert "Minister of New Things" in page and "Minister of Old Things" not in page


def test_a_published_meeting_appears_and_a_withdrawn_one_goes(client, page_cache, seed_meetings):
    belgium, _italy = seed_meetings
    draft = MeetingFactory(
        status=Meeting.Status.DRAFT,
        title_en="Fresh meeting",
        title_fr="Nouvelle réunion",
        title_ar="اجتماع جديد",
    )
    for language in LANGUAGES:
        list_page(client, language)
    draft.status = Meeting.Status.PUBLISHED
    draft.save()
    assert "Fresh meeting" in list_page(client, "en")
    assert "Nouvelle réunion" in list_page(client, "fr")
    assert "اجتماع جديد" in list_page(client, "ar")
    belgium_title = belgium.title_en
    assert belgium_title in list_page(client, "en")
    belgium.status = Meeting.Status.WITHDRAWN
    belgium.save()
    for language in LANGUAGES:
        page = list_page(client, language)
        assert getattr(belgium, f"title_{language}") not in page
    assert "Fresh meeting" in list_page(client, "en")


def test_the_archive_version_is_read_once_per_request(client, settings, seed_meetings):
    settings.PAGE_CACHE_SECONDS = 600
    with CaptureQueriesContext(connection) as queries:
        list_page(client, "en")
    reads = [q for q in queries if "meetings_archiveversion" in q["sql"]]
    assert len(reads) == 1


def test_a_country_page_shows_a_new_mandate_and_a_renamed_post_at_once(
    client, page_cache, seed_meetings
):
    for language in LANGUAGES:
        assert client.get(f"/{language}/countries/ma/").status_code == 200
    mandate = MandateFactory(
        start="2099-01-01",  # the newest of Morocco's mandates: first in the list
        post__title_en="Minister of Tomorrow",
        post__title_fr="Ministre de demain",
        post__title_ar="وزير الغد",
    )
    expected = {"en": "Minister of Tomorrow", "fr": "Ministre de demain", "ar": "وزير الغد"}
    for language, title in expected.items():
        assert title in client.get(f"/{language}/countries/ma/").content.decode()
    mandate.post.title_en = "Minister of the Day After"
    mandate.post.save()
    page = client.get("/en/countries/ma/").content.decode()
    assert "Minister of the Day After" in page and "Minister of Tomorrow" not in page


def card_renders(client, monkeypatch, language="en") -> list[int]:
    """The ids of the meetings whose cards a list page had to read and render."""
    rendered = []
    real = fragments.render_cards

    def spy(pks):
        rendered.extend(pks)
        return real(pks)

    with monkeypatch.context() as patched:
        patched.setattr(fragments, "render_cards", spy)
        list_page(client, language)
    return sorted(rendered)


def test_a_change_to_one_meeting_leaves_the_other_cards_in_the_cache(
    client, settings, monkeypatch, seed_meetings
):
    settings.PAGE_CACHE_SECONDS = 0
    belgium, italy = seed_meetings
    assert card_renders(client, monkeypatch) == sorted([belgium.pk, italy.pk])
    assert card_renders(client, monkeypatch) == []
    italy.title_en = "Edited title"
    italy.save()
    assert card_renders(client, monkeypatch) == [italy.pk]
    assert "Edited title" in list_page(client, "en")


@pytest.mark.parametrize(
    "change",
    ["participant added", "participant's role changed", "participant removed", "topic added",
     "topic removed"],
)  # fmt: skip
def test_a_change_to_a_meetings_people_or_topics_renews_its_card_alone(
    client, settings, monkeypatch, seed_meetings, change
):
    """Through the ORM, with no save of the meeting itself: the database notices."""
    settings.PAGE_CACHE_SECONDS = 0
    belgium, _italy = seed_meetings
    # A new person and post are reference data: made before the cards are.
    mandate = MandateFactory(post__title_en="Minister of Added Things", post__country_id="MA")
    card_renders(client, monkeypatch)
    lead = belgium.participations.filter(role="lead").first()
    if change == "participant added":
        ParticipationFactory(meeting=belgium, minister=mandate.minister, mandate=mandate)
        expected = "Minister of Added Things"
    elif change == "participant's role changed":
        type(lead).objects.filter(pk=lead.pk).update(role="accompanying")
        expected = None
    elif change == "participant removed":
        lead.delete()
        expected = None
    elif change == "topic added":
        belgium.topics.add(Topic.objects.get(slug="energy"))
        expected = Topic.objects.get(slug="energy").name_en
    else:
        removed = belgium.topics.order_by("slug").first()
        belgium.topics.remove(removed)
        expected = None
    assert card_renders(client, monkeypatch) == [belgium.pk]
    page = list_page(client, "en")
    if expected:
        assert expected in page
    if change in ("participant's role changed", "participant removed"):
        # Cards list the leads only.
        assert lead.minister.name_latin not in page.split(belgium.title_en)[1][:2000]
    if change == "topic removed":
        assert f"<li>{removed.name_en}</li>" not in page.split(belgium.title_en)[1][:2000]


def test_a_renamed_country_renews_every_card(client, settings, monkeypatch, seed_meetings):
    settings.PAGE_CACHE_SECONDS = 0
    belgium, italy = seed_meetings
    card_renders(client, monkeypatch)
    Country.objects.filter(code="MA").update(name_en="Kingdom of Morocco")
    assert card_renders(client, monkeypatch) == sorted([belgium.pk, italy.pk])
    assert "Kingdom of Morocco" in list_page(client, "en")
