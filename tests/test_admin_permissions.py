"""Who may write a meeting is decided by its state in the database, on every admin path.

Drafts and meetings in review are editors' and chief editors'; published and withdrawn
meetings are chief editors' only. The first tests reproduce the two findings of issue 13;
the last one is generated from the admin's own URL patterns (see ``admin_urls``).
"""

import logging
import re
from collections import Counter
from contextlib import contextmanager
from urllib.parse import urljoin

import lxml.html
import pytest
from django.contrib import admin
from django.contrib.auth.models import Permission
from django.contrib.contenttypes.models import ContentType
from django.db import connection, transaction
from django.test import Client, TestCase
from django.urls import URLResolver, reverse
from django.utils.regex_helper import normalize
from reversion.models import Version

from meetings.models import (
    CorrectionRequest,
    Meeting,
    MeetingCorrection,
    Minister,
    Participation,
    Source,
    Topic,
)
from tests.admin_forms import change_form_data
from tests.factories import ChiefEditorFactory, EditorFactory, UserFactory

ADMIN = "/en/admin/meetings/meeting/"
SOURCES = "/en/admin/meetings/source/"


def meeting_through_the_admin(client, title, *statuses, note="", day="2023-05-10"):
    """A meeting entered as a draft and taken through ``statuses`` by a chief editor.

    Each save is a revision, so the meeting has a history; it has a participant,
    a source and a topic, and a public correction once published with ``note``.
    """
    client.force_login(ChiefEditorFactory(username="chief"))
    add = client.get(ADMIN + "add/")
    data = change_form_data(
        add,
        country_a="MA",
        country_b="ES",
        date=day,
        date_precision="day",
        title_en=title,
        status="draft",
        topics=[Topic.objects.get(slug="migration").pk],
        **{
            "participations-0-minister": Minister.objects.get(slug="abdelouafi-laftit").pk,
            "participations-0-country": "MA",
            "participations-0-role": "lead",
            "sources-0-url": f"https://news.example/{title.replace(' ', '-')}",
            "sources-0-headline": f"{title}: the report",
        },
    )
    response = client.post(ADMIN + "add/", data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    meeting = Meeting.objects.get(title_en=title)
    for status in statuses:
        page = client.get(f"{ADMIN}{meeting.pk}/change/")
        changes = {"status": status}
        if status == "withdrawn":
            changes["withdrawal_note"] = "It was another meeting."
        if status == "published" and note:
            changes["public_note"] = note
        response = client.post(f"{ADMIN}{meeting.pk}/change/", change_form_data(page, **changes))
        assert response.status_code == 302, response.context["adminform"].form.errors
    client.logout()
    meeting.refresh_from_db()
    return meeting


# -- Finding 1: the history screen -------------------------------------------------


@pytest.mark.django_db
def test_an_editor_cannot_unpublish_a_meeting_by_reverting_it_in_its_history(client):
    published = meeting_through_the_admin(client, "Talks in Rabat", "review", "published")
    review_version = next(
        version
        for version in Version.objects.get_for_object(published)
        if version.field_dict["status"] == "review"
    )
    url = f"{ADMIN}{published.pk}/history/{review_version.pk}/"
    # The revert form as an editable page gives it (a chief editor's), with a new title.
    client.force_login(ChiefEditorFactory(username="chief"))
    data = change_form_data(client.get(url), title_en="Rewritten")
    client.force_login(EditorFactory(username="editor"))

    page = client.get(url)
    response = client.post(url, data)

    published.refresh_from_db()
    assert (published.status, published.title_en) == ("published", "Talks in Rabat")
    assert client.get(f"/en/meetings/{published.pk}/").status_code == 200
    assert response.status_code == 403
    assert page.status_code == 403
    assert "only chief editors may change it" in page.content.decode()


# -- Finding 2: the sources of a published meeting ------------------------------------


def source_data(source, **changes):
    data = {
        "meeting": source.meeting_id,
        "url": source.url,
        "language": source.language,
        "outlet": "",
        "author": source.author,
        "published_on": "",
        "headline": source.headline,
        "text": source.text,
    }
    data.update(changes)
    return data


@pytest.mark.django_db
def test_an_editor_cannot_change_add_delete_or_reattach_the_sources_of_a_published_meeting(
    client,
):
    published = meeting_through_the_admin(client, "Talks in Rabat", "review", "published")
    draft = meeting_through_the_admin(client, "Talks in Madrid", day="2023-06-01")
    source = published.sources.get()
    draft_source = draft.sources.get()
    client.force_login(EditorFactory(username="editor"))

    changed = client.post(
        f"{SOURCES}{source.pk}/change/", source_data(source, headline="Rewritten headline")
    )
    added = client.post(
        SOURCES + "add/",
        source_data(Source(meeting=published, language="en"), url="https://news.example/forged"),
    )
    deleted = client.post(f"{SOURCES}{source.pk}/delete/", {"post": "yes"})
    moved_away = client.post(f"{SOURCES}{source.pk}/change/", source_data(source, meeting=draft.pk))
    moved_in = client.post(
        f"{SOURCES}{draft_source.pk}/change/", source_data(draft_source, meeting=published.pk)
    )

    assert list(published.sources.values_list("headline", flat=True)) == [
        "Talks in Rabat: the report"
    ]
    assert list(draft.sources.values_list("pk", flat=True)) == [draft_source.pk]
    public = client.get(f"/en/meetings/{published.pk}/").content.decode()
    assert "Rewritten headline" not in public and "forged" not in public
    assert [r.status_code for r in (changed, deleted, moved_away)] == [403, 403, 403]
    for refused in (added, moved_in):
        assert refused.status_code == 200
        assert "only chief editors may change it" in str(refused.context["adminform"].form.errors)


@pytest.mark.django_db
def test_an_editor_still_changes_the_sources_of_a_draft(client):
    draft = meeting_through_the_admin(client, "Talks in Madrid")
    source = draft.sources.get()
    client.force_login(EditorFactory(username="editor"))
    response = client.post(
        f"{SOURCES}{source.pk}/change/", source_data(source, headline="Better headline")
    )
    assert response.status_code == 302
    source.refresh_from_db()
    assert source.headline == "Better headline"


@pytest.mark.django_db
def test_a_meeting_cannot_be_reverted_through_another_models_history(client):
    # reversion's views take a version of any model: the countries' history would revert
    # the meeting, then find no country of that id and redirect, which keeps the revert.
    published = meeting_through_the_admin(client, "Talks in Rabat", "review", "published")
    review_version = next(
        version
        for version in Version.objects.get_for_object(published)
        if version.field_dict["status"] == "review"
    )
    client.force_login(EditorFactory(username="editor"))
    url = f"/en/admin/meetings/country/{published.pk}/history/{review_version.pk}/"
    response = client.post(url, {"title_en": "Rewritten"})
    published.refresh_from_db()
    assert published.status == "published"
    assert response.status_code == 404


@pytest.mark.django_db
def test_bulk_actions_leave_alone_the_meetings_the_user_may_not_write(client):
    published = meeting_through_the_admin(client, "Talks in Rabat", "review", "published")
    # May withdraw, but not write published meetings (publish_meeting): the rule wins.
    user = EditorFactory(username="withdrawer")
    user.user_permissions.add(Permission.objects.get(codename="withdraw_meeting"))
    client.force_login(user)
    client.post(
        ADMIN,
        {"action": "withdraw", "_selected_action": [published.pk], "note": "Not a meeting."},
    )
    published.refresh_from_db()
    assert published.status == "published"


@pytest.mark.django_db
def test_a_member_of_staff_who_may_only_read_is_refused_a_recovery_with_a_403(client):
    meeting = meeting_through_the_admin(client, "Talks in Rabat")
    version = Version.objects.get_for_object(meeting).first()
    meeting.delete()
    reader = UserFactory(username="reader", is_staff=True)
    reader.user_permissions.add(Permission.objects.get(codename="view_meeting"))
    client.force_login(reader)
    response = client.post(f"{ADMIN}recover/{version.pk}/", {"title_en": "Back"})
    assert response.status_code == 403
    assert "You may not change meetings." in response.content.decode()
    assert not Meeting.objects.filter(pk=meeting.pk).exists()


# -- Every admin URL, every role, every state ------------------------------------------
#
# The URLs are generated from admin.site.get_urls(): the site's own views and every
# pattern of every ModelAdmin of the meetings app, so that a URL added later is covered
# without anyone listing it. Each URL is filled with the objects of one meeting per
# state (a source, a correction... and versions from its history), fetched, then
# posted back the way an attacker would: the page's own form with a title and the
# status changed, each bulk action with the meeting selected, or blindly. After each
# attempt (rolled back before the next), every meeting's rows must be as before unless
# the role may write it, and any status it got must be one the role may set.

STATES = ["draft", "review", "published", "withdrawn", "deleted"]
# The rule, written out independently of the code under test.
MAY_WRITE = {
    "anonymous": set(),
    "editor": {"draft", "review", "deleted"},
    "chief": set(STATES),
    "superuser": set(STATES),
}
MAY_SET = {
    "anonymous": set(),
    "editor": {"draft", "review"},
    "chief": {"draft", "review", "published", "withdrawn"},
    "superuser": {"draft", "review", "published", "withdrawn"},
}
# Positional groups of reversion's regex URLs, by the URL name's ending.
UNNAMED_GROUPS = {"_revision": ["object_id", "version_id"], "_recover": ["version_id"]}
BLIND_POST = {"title_en": "Hijacked", "status": "published", "post": "yes", "note": "Hijacked"}


def admin_url_patterns():
    """(regex format of the whole URL, its parameters, URL name, model admin or None)."""
    admins = {
        f"{m._meta.app_label}/{m._meta.model_name}/": a for m, a in admin.site._registry.items()
    }

    def walk(patterns, prefix, params, model_admin):
        for pattern in patterns:
            format_, names = normalize(pattern.pattern.regex.pattern)[0]
            if isinstance(pattern, URLResolver):
                inner_admin = model_admin or admins.get(str(pattern.pattern))
                if inner_admin and inner_admin.opts.app_label != "meetings":
                    continue  # the screens of auth and axes keep Django's own rules
                yield from walk(pattern.url_patterns, prefix + format_, params + names, inner_admin)
            else:
                yield prefix + format_, params + names, pattern.name, model_admin

    yield from walk(admin.site.get_urls(), "", [], None)


def snapshot(pks):
    """{meeting pk: (its status, its row, and those of its participants, sources, topics
    and public corrections, as text)}: in one query, as it runs after every attempt."""
    parts = [Participation, Source, Meeting.topics.through, MeetingCorrection]
    columns = ", ".join(
        f"(SELECT string_agg(r::text, ';' ORDER BY r.id) FROM {m._meta.db_table} r "  # noqa: S608
        "WHERE r.meeting_id = ids.id)"
        for m in parts
    )
    meetings = Meeting._meta.db_table
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT ids.id, m.status, m::text, {columns} "  # noqa: S608 (names, no input)
            f"FROM unnest(%s::int[]) AS ids(id) LEFT JOIN {meetings} m ON m.id = ids.id",
            [pks],
        )
        return {row[0]: row[1:] for row in cursor.fetchall()}


def main_form(response):
    """The page's own POST form, parsed (not the logout button's); None without one."""
    if response.status_code != 200 or "html" not in response.get("Content-Type", ""):
        return None
    for form in lxml.html.fromstring(response.content).forms:
        if form.method.lower() == "post" and not (form.action or "").endswith("/logout/"):
            return form
    return None


def values(form):
    data = {}
    for name, value in form.form_values():
        data.setdefault(name, []).append(value)
    return data


def edited(form):
    """The form's values with a visible text field changed, and one of its first inline row."""
    data = values(form)
    texts = [
        field.name
        for field in form.inputs
        if field.name
        and (field.tag == "textarea" or (field.tag == "input" and field.type == "text"))
    ]
    inline = [name for name in texts if re.match(r"^[a-z_]+-0-", name)]
    own = [name for name in texts if name not in inline]
    for name in (["title_en"] if "title_en" in own else own[:1]) + inline[:1]:
        data[name] = [(data.get(name) or [""])[0] + " (changed)"]
    return data


class EveryAdminURL(TestCase):
    """The generated test: one test per role, one meeting per state, made once."""

    @classmethod
    def setUpTestData(cls):
        client = Client()
        note = "The date was corrected."
        meetings = {
            "draft": meeting_through_the_admin(client, "State draft"),
            "review": meeting_through_the_admin(client, "State review", "review"),
            "published": meeting_through_the_admin(
                client, "State published", "review", "published", note=note
            ),
            "withdrawn": meeting_through_the_admin(
                client, "State withdrawn", "review", "published", "withdrawn", note=note
            ),
            "deleted": meeting_through_the_admin(
                client, "State deleted", "review", "published", note=note
            ),
        }
        cls.worlds = {}
        for state, meeting in meetings.items():
            CorrectionRequest.objects.create(meeting=meeting, message=f"About the {state} one")
            cls.worlds[state] = {
                Meeting: meeting.pk,
                Source: meeting.sources.get().pk,
                MeetingCorrection: meeting.corrections.values_list("pk", flat=True).first(),
                CorrectionRequest: meeting.correction_requests.get().pk,
            }
        client.force_login(ChiefEditorFactory(username="chief"))
        deleted = client.post(f"{ADMIN}{meetings['deleted'].pk}/delete/", {"post": "yes"})
        assert deleted.status_code == 302
        cls.users = {
            "editor": EditorFactory(username="editor"),
            "chief": ChiefEditorFactory(username="chief"),
            "superuser": UserFactory(username="root", is_staff=True, is_superuser=True),
        }

    def test_as_anonymous(self):
        self.check_every_url("anonymous")

    def test_as_editor(self):
        self.check_every_url("editor")

    def test_as_chief_editor(self):
        self.check_every_url("chief")

    def test_as_superuser(self):
        self.check_every_url("superuser")

    # -- the generator ------------------------------------------------------------------

    def object_pk(self, model, state):
        if model in self.worlds[state]:
            return self.worlds[state][model]
        return model.objects.order_by("pk").values_list("pk", flat=True).first()

    def versions(self, model, object_pk, state, own):
        """(object id, version id) pairs an attacker would try: the object's own history
        (with ``own``) and, through any admin, the revisions that would unpublish the
        published meeting or bring back the deleted one as it was."""
        history = Version.objects.get_for_object_reference(model, object_pk) if own else []
        pairs = [(object_pk, version.pk) for version in history]
        if state in ("published", "deleted"):
            meeting_pk = self.worlds[state][Meeting]
            history = Version.objects.get_for_object_reference(Meeting, meeting_pk).order_by("pk")
            pick = [v for v in history if v.field_dict["status"] != "published"] or history
            pairs.append((meeting_pk, pick[-1].pk if state == "published" else history.last().pk))
        return sorted(set(pairs))

    def fillings(self, params, name, model_admin, state):
        """Every set of values for the URL's parameters; fails on one it cannot fill."""
        named = [p for p in params if not p.startswith("_")]
        unnamed = [p for p in params if p.startswith("_")]
        if unnamed:
            ending = next((e for e in UNNAMED_GROUPS if (name or "").endswith(e)), None)
            assert ending and len(UNNAMED_GROUPS[ending]) == len(unnamed), (
                f"The admin URL {name!r} has positional parameters the generator cannot fill: "
                "teach it (UNNAMED_GROUPS in tests/test_admin_permissions.py)."
            )
            named += UNNAMED_GROUPS[ending]
            rename = dict(zip(UNNAMED_GROUPS[ending], unnamed, strict=True))
        else:
            rename = {}
        model = model_admin.model if model_admin else Meeting
        known = {"object_id", "version_id", "content_type_id", "app_label", "url"}
        assert set(named) <= known, (
            f"The admin URL {name!r} has parameters {sorted(set(named) - known)} the generator "
            "cannot fill: teach it (fillings in tests/test_admin_permissions.py)."
        )
        object_pk = self.object_pk(model, state)
        if "version_id" in named:
            # Recovering is for deleted rows; recovering others' versions is the attacker's pick.
            own = not name.endswith("_recover") or state == "deleted"
            pairs = self.versions(model, object_pk, state, own)
            fills = [{"object_id": o, "version_id": v} for o, v in pairs]
        elif "object_id" in named:
            if object_pk is None:
                return []  # no such row in this state (a correction of a draft)
            fills = [{"object_id": object_pk}]
        else:
            fills = [{}]
        for fill in fills:
            fill.update(
                content_type_id=ContentType.objects.get_for_model(model).pk,
                app_label="meetings",
                url="no-such-page/",
            )
        return [
            {rename.get(k, k): v for k, v in fill.items() if rename.get(k, k) in params}
            for fill in fills
        ]

    def autocomplete_queries(self):
        """One query per autocomplete field of the meetings admins."""
        for model, model_admin in admin.site._registry.items():
            if model._meta.app_label == "meetings":
                for field in model_admin.autocomplete_fields:
                    yield {
                        "app_label": "meetings",
                        "model_name": model._meta.model_name,
                        "field_name": field,
                        "term": "a",
                    }

    # -- the attempts ---------------------------------------------------------------------

    def attempts(self, form, model, state):
        """(label, POST data) of what an attacker would send back to a page with ``form``."""
        if form is None:
            return [("a blind POST", BLIND_POST)]
        fields = {field.name: field for field in form.inputs if field.name}
        if "action" in fields and fields["action"].tag == "select":
            selected = self.object_pk(model, state)
            return [
                (
                    f"the bulk action {action!r} on row {selected}",
                    {**values(form), "action": [action], "_selected_action": [selected]},
                )
                for action in fields["action"].value_options
                if action and selected is not None
            ]
        if "status" in fields and fields["status"].tag == "select":
            current, offered = fields["status"].value, fields["status"].value_options
            others = [s for s in offered if s != current][:1]
            others += [s for s in ("published", "review") if s not in offered and s != current][:1]
            return [(f"its form, status {s!r}", {**edited(form), "status": [s]}) for s in others]
        if "meeting" in fields:  # kept on its meeting, and moved to another one
            other = "published" if state != "published" else "draft"
            return [
                (
                    f"its form, given to the {target} meeting",
                    {**edited(form), "meeting": [self.worlds[target][Meeting]]},
                )
                for target in (state, other)
            ]
        return [("its form", edited(form))]

    def submit(self, client, url, data):
        """POST ``data``; a confirmation page (a form asking for more) is filled and sent too."""
        response = client.post(url, data)
        follow = main_form(response)
        if follow is not None and set(values(follow)) - set(data):
            response = client.post(urljoin(url, follow.action or url), edited(follow))
        return response

    def check_every_url(self, role):
        # Thousands of expected refusals would each log a traceback.
        logging.disable(logging.WARNING)
        self.addCleanup(logging.disable, logging.NOTSET)
        client = Client(raise_request_exception=False)
        user = self.users.get(role)
        pks = [world[Meeting] for world in self.worlds.values()]
        self.before = snapshot(pks)
        self.problems, self.changed, self.tried = [], Counter(), Counter()
        seen, forms = set(), {}
        for format_, params, name, model_admin in admin_url_patterns():
            model = model_admin.model if model_admin else Meeting
            queries = list(self.autocomplete_queries()) if name == "autocomplete" else [{}]
            for state in STATES:
                for fill in self.fillings(params, name, model_admin, state):
                    url = reverse("admin:index") + format_ % fill
                    for query in queries:
                        if (url, str(query)) not in seen:
                            seen.add((url, str(query)))
                            self.login(client, user)
                            with self.rolled_back(role, state, f"GET {url} {query or ''}"):
                                page = client.get(url, query)
                                self.expect_no_error(page, f"GET {url}")
                                forms[url] = main_form(page)
                    for label, data in self.attempts(forms[url], model, state):
                        if (url, label) not in seen:
                            seen.add((url, label))
                            self.login(client, user)
                            with self.rolled_back(role, state, f"POST {url} ({label})"):
                                response = self.submit(client, url, data)
                                self.expect_no_error(response, f"POST {url}")
        self.report(role)
        self.assertEqual(self.problems, [], "\n".join(self.problems))
        may_write = MAY_WRITE[role]
        self.assertTrue(
            may_write <= set(self.changed),
            f"as {role}, nothing ever changed the meetings in {sorted(may_write - set(self.changed))}: "
            "the generated test would pass without testing anything",
        )

    def login(self, client, user):
        """Log ``user`` in again if an attempt logged them out (or anyone in)."""
        logged_in = client.session.get("_auth_user_id")
        if user is None and logged_in:
            client.logout()
        elif user is not None and logged_in != str(user.pk):
            client.force_login(user)

    def expect_no_error(self, response, what):
        if response.status_code >= 500:
            self.problems.append(f"{what}: {response.status_code} {response.exc_info!r}")

    @contextmanager
    def rolled_back(self, role, state, what):
        """Run one attempt; check every meeting against the rule; undo it all."""
        self.tried[state] += 1
        with transaction.atomic():
            yield
            after = snapshot(list(self.before))
            transaction.set_rollback(True)
        for meeting_state, world in self.worlds.items():
            pk = world[Meeting]
            if after[pk] == self.before[pk]:
                continue
            self.changed[meeting_state] += 1
            status = after[pk][0]
            if what.startswith("GET") or meeting_state not in MAY_WRITE[role]:
                self.problems.append(f"{what} as {role} changed the {meeting_state} meeting")
            elif status and status not in MAY_SET[role] | {meeting_state}:
                self.problems.append(f"{what} as {role} made the {meeting_state} meeting {status}")

    def report(self, role):
        """What was checked, shown with ``pytest -s``."""
        for state in STATES:
            print(
                f"{role:9} {state:9} {self.tried[state]:4} tried, {self.changed[state]:3} changed"
            )
