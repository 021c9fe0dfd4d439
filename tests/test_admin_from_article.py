"""The editors' "new meeting from article" tool: propose, check, confirm."""

import datetime

import pytest
from django.contrib.auth.models import Permission

from meetings.models import City, Mandate, Meeting, Minister, Source, Topic
from tests.factories import ChiefEditorFactory, EditorFactory, UserFactory

pytestmark = pytest.mark.django_db

URL = "/en/admin/meetings/meeting/from-article/"
# Written for this test: an Interior minister the archive knows, one it does not.
ARTICLE = (
    "استقبل وزير الداخلية، عبد الوافي لفتيت، اليوم الخميس بالرباط، وزير الداخلية البرتغالي "
    "جوزيه لويس كارنيرو، وبحث الجانبان سبل تعزيز التعاون في مجال الهجرة ومكافحة الإرهاب، "
    "خاصة مراقبة الحدود وتفكيك شبكات تهريب المهاجرين."
)


@pytest.fixture
def editor(client):
    client.force_login(EditorFactory(username="article-editor"))
    return client


def propose(client, **fields):
    data = {
        "step": "extract",
        "url": "",
        "content": ARTICLE,
        "outlet": "",
        "published": "2024-06-13",
    }
    data.update(fields)
    return client.post(URL, data)


def confirmation(response, **changes):
    """The review page's form as the browser would submit it, with the editor's changes."""
    draft_form = response.context["draft_form"]
    formset = response.context["formset"]
    data = {"step": "confirm"}
    for form in (draft_form, *formset.forms):
        for name in form.fields:
            value = form[name].value()
            key = form.add_prefix(name)
            if value in (None, False):
                continue
            if isinstance(value, (list, tuple)):
                data[key] = [getattr(v, "pk", v) for v in value]
            elif isinstance(value, datetime.date):
                data[key] = value.isoformat()
            else:
                data[key] = getattr(value, "pk", value)
    for name, value in formset.management_form.initial.items():
        data[f"{formset.prefix}-{name}"] = value
    data.update(changes)
    return data


def test_only_editors_may_use_the_tool(client):
    assert client.get(URL).status_code == 302  # to the login page
    client.force_login(UserFactory(username="reader", is_staff=True))
    assert client.get(URL).status_code == 403
    client.force_login(EditorFactory(username="editor-2"))
    assert client.get(URL).status_code == 200


def test_the_meeting_list_links_to_the_tool(editor):
    assert URL in editor.get("/en/admin/meetings/meeting/").content.decode()


def test_a_pasted_article_gives_a_prefilled_draft_and_saves_nothing(editor):
    counts = (Meeting.objects.count(), Minister.objects.count(), Source.objects.count())
    response = propose(editor)
    assert response.status_code == 200
    form = response.context["draft_form"]
    assert {form["country_a"].value(), form["country_b"].value()} == {"MA", "PT"}
    assert form["date"].value() == datetime.date(2024, 6, 13)
    assert form["city"].value() == City.objects.get(slug="rabat").pk
    topics = set(Topic.objects.filter(pk__in=form["topics"].value()).values_list("slug", flat=True))
    assert topics >= {"counter-terrorism", "border-control"}
    people = [f.initial for f in response.context["formset"]]
    known = [p for p in people if p["minister"]]
    new = [p for p in people if not p["minister"]]
    assert [Minister.objects.get(pk=p["minister"]).slug for p in known] == ["abdelouafi-laftit"]
    assert new[0]["name_ar"] == "جوزيه لويس كارنيرو" and new[0]["country"] == "PT"
    content = response.content.decode()
    # Each suggestion is shown with the words it came from.
    assert "<mark>بالرباط</mark>" in content
    assert "<mark>اليوم الخميس</mark>" in content
    assert (Meeting.objects.count(), Minister.objects.count(), Source.objects.count()) == counts


def test_confirming_creates_a_draft_meeting_with_the_new_person_and_the_source(editor):
    review = propose(editor, outlet="")
    new_index = next(
        i for i, f in enumerate(review.context["formset"]) if not f.initial["minister"]
    )
    data = confirmation(
        review,
        source_url="https://news.example/laftit-carneiro",
        **{f"people-{new_index}-name_latin": "José Luís Carneiro"},
    )
    response = editor.post(URL, data)
    assert response.status_code == 302, response.context and response.context["draft_form"].errors
    meeting = Meeting.objects.get(sources__url="https://news.example/laftit-carneiro")
    assert meeting.status == "draft"
    assert (meeting.country_a_id, meeting.country_b_id, meeting.date) == (
        "MA",
        "PT",
        datetime.date(2024, 6, 13),
    )
    assert meeting.created_by.username == "article-editor"
    carneiro = Minister.objects.get(name_latin="José Luís Carneiro")
    assert carneiro.name_ar == "جوزيه لويس كارنيرو"
    mandate = Mandate.objects.get(minister=carneiro)
    assert (mandate.post.country_id, mandate.post.portfolio.slug, mandate.start) == (
        "PT",
        "interior",
        meeting.date,
    )
    assert {p.minister.slug: p.country_id for p in meeting.participations.all()} == {
        "abdelouafi-laftit": "MA",
        carneiro.slug: "PT",
    }
    assert ARTICLE in meeting.sources.get().text
    assert response["Location"] == f"/en/admin/meetings/meeting/{meeting.pk}/change/"


def test_the_editor_can_correct_a_suggestion_before_saving(editor):
    review = propose(editor)
    data = confirmation(review, date="2024-06-12", source_url="https://news.example/corrected")
    for index, form in enumerate(review.context["formset"]):
        if not form.initial["minister"]:
            data[f"people-{index}-include"] = ""  # leave the new person out
    assert editor.post(URL, data).status_code == 302
    meeting = Meeting.objects.get(sources__url="https://news.example/corrected")
    assert meeting.date == datetime.date(2024, 6, 12)
    assert [p.minister.slug for p in meeting.participations.all()] == ["abdelouafi-laftit"]


SAME_MEETING = "أجرى عبد الوافي لفتيت، وزير الداخلية، اليوم الثلاثاء بالرباط، مباحثات مع نظيره الإيطالي ماتيو بيانتيدوزي حول الهجرة."


def test_an_article_about_a_meeting_already_archived_can_be_added_as_its_source(
    client, seed_meetings
):
    _belgium, italy = seed_meetings
    italy.status = Meeting.Status.REVIEW
    italy.save()
    client.force_login(EditorFactory(username="article-editor"))
    review = propose(client, content=SAME_MEETING, published="2024-06-11")
    assert italy in review.context["duplicates"]
    assert "Already in the archive?" in review.content.decode()
    meetings = Meeting.objects.count()
    data = confirmation(review, attach_to=italy.pk, source_url="https://news.example/same-meeting")
    assert client.post(URL, data).status_code == 302
    assert Meeting.objects.count() == meetings
    assert italy.sources.filter(url="https://news.example/same-meeting").exists()


def test_only_a_chief_editor_adds_a_source_to_a_published_meeting(client, seed_meetings):
    _belgium, italy = seed_meetings  # published
    client.force_login(EditorFactory(username="article-editor"))
    review = propose(client, content=SAME_MEETING, published="2024-06-11")
    data = confirmation(review, attach_to=italy.pk, source_url="https://news.example/same-meeting")
    refused = client.post(URL, data)
    assert refused.status_code == 400
    assert "This meeting is published: only chief editors may change it." in str(
        refused.context["draft_form"].errors
    )
    assert not Source.objects.filter(url="https://news.example/same-meeting").exists()
    client.force_login(ChiefEditorFactory(username="article-chief"))
    assert client.post(URL, data).status_code == 302
    assert italy.sources.filter(url="https://news.example/same-meeting").exists()


def test_an_invalid_confirmation_is_shown_again_with_the_error_and_saves_nothing(editor):
    review = propose(editor)
    meetings = Meeting.objects.count()
    response = editor.post(URL, confirmation(review, country_b="MA", country_a="MA"))
    assert response.status_code == 400
    assert "A meeting is between two different countries." in response.content.decode()
    assert Meeting.objects.count() == meetings
    # What the editor typed is still there.
    assert response.context["draft_form"]["date"].value() == "2024-06-13"


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"content": ""}, "Give the article&#x27;s URL, or paste its HTML or text."),
        ({"content": "   "}, "Give the article&#x27;s URL, or paste its HTML or text."),
        ({"content": "<html><body><nav>Home</nav></body></html>"}, "No article text was found"),
        ({"content": "\x01\x02\x03" * 300}, "does not look like text"),
        ({"content": "", "url": "http://127.0.0.1:9/article"}, "could not be fetched"),
        (
            {"content": "", "url": "ftp://example.org/a"},
            "Only http and https links can be fetched.",
        ),
        ({"published": "2024-02-30"}, "Enter a valid date."),
    ],
)
def test_unusable_articles_get_a_clear_message_and_a_400(editor, fields, message):
    response = propose(editor, **fields)
    assert response.status_code == 400
    assert message in response.content.decode()


def test_a_ten_megabyte_paste_gets_a_400_that_says_why(editor):
    response = editor.post(URL, {"step": "extract", "content": "ا" * 5_000_000})
    assert response.status_code == 400
    assert "too large" in response.content.decode()


def test_an_article_about_no_meeting_says_so(editor):
    text = "ترأس وزير الداخلية اليوم بالرباط اجتماعا للولاة والعمال خصص لتتبع تنزيل الجهوية المتقدمة وتحسين الخدمات العمومية."
    response = propose(editor, content=text)
    assert response.status_code == 200
    assert "No bilateral meeting found" in response.content.decode()


def test_a_person_needs_a_name_country_and_post_to_be_created(editor):
    review = propose(editor)
    index = next(i for i, f in enumerate(review.context["formset"]) if not f.initial["minister"])
    data = confirmation(review, **{f"people-{index}-country": "", f"people-{index}-post_title": ""})
    response = editor.post(URL, data)
    assert response.status_code == 400
    content = response.content.decode()
    assert "Give the new person&#x27;s country." in content
    assert "Give the post the article gives them." in content


def test_the_seed_articles_are_proposed_correctly_in_one_step(editor, settings):
    path = settings.SEEDS_DIR / "000_1e4a34d2bfc4e74e.txt"
    if not path.exists():
        pytest.skip(f"seed articles not found in {settings.SEEDS_DIR}")
    response = propose(editor, content=path.read_text(encoding="utf-8"), published="2024-04-15")
    form = response.context["draft_form"]
    assert {form["country_a"].value(), form["country_b"].value()} == {"BE", "MA"}
    assert form["date"].value() == datetime.date(2024, 4, 15)
    slugs = {
        Minister.objects.get(pk=f.initial["minister"]).slug for f in response.context["formset"]
    }
    assert slugs == {"abdelouafi-laftit", "annelies-verlinden", "nicole-de-moor"}


def test_permission_to_add_meetings_is_what_counts(client):
    user = UserFactory(username="adder", is_staff=True)
    user.user_permissions.add(Permission.objects.get(codename="add_meeting"))
    client.force_login(user)
    assert client.get(URL).status_code == 200
