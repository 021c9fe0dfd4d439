"""The editorial workflow in the admin: who may set which status, and no lost edits.

    draft ──(editors)──▶ review ──(chief editors)──▶ published ──(chief editors)──▶ withdrawn

Editors create and edit drafts and send them to review; chief editors publish,
withdraw (with a public note) and delete. Every save checks the meeting's
``version``: an editor who saves over someone else's newer changes is refused,
told what changed meanwhile, and keeps what they typed.

Who may write a meeting, or anything hanging off it (participants, sources, topics,
public corrections), is decided by ``may_write_meeting`` from the status the meeting
has in the database before the request changed anything (``meeting_status_now``):
a revert restores an old status inside the request, and must not be judged by it.
"""

import functools

import reversion
from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import F
from django.db.models.signals import post_delete, post_save
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from reversion.models import Version

from meetings.models import Meeting, MeetingCorrection, Participation, Source

Status = Meeting.Status

# The statuses a user may give a meeting, by permission.
STATUS_PERMISSIONS = {
    Status.DRAFT: "meetings.change_meeting",
    Status.REVIEW: "meetings.review_meeting",
    Status.PUBLISHED: "meetings.publish_meeting",
    Status.WITHDRAWN: "meetings.withdraw_meeting",
}


def allowed_statuses(user, current=None) -> list[str]:
    """The statuses ``user`` may give a meeting whose status in the database is ``current``."""
    allowed = [
        status for status, permission in STATUS_PERMISSIONS.items() if user.has_perm(permission)
    ]
    if current and current not in allowed:
        allowed.append(current)  # what the meeting is now can always be kept
    return allowed


def may_write_meeting(user, status) -> bool:
    """Whether ``user`` may change a meeting whose status in the database is ``status``.

    Drafts and meetings in review (and new or deleted meetings: ``None``) are the
    editors'; published and withdrawn meetings are the chief editors' only.
    """
    if status in (None, Status.DRAFT, Status.REVIEW):
        return user.has_perm("meetings.change_meeting")
    return user.has_perm("meetings.publish_meeting")


def meeting_status_now(request, pk) -> str | None:
    """The meeting's status in the database when this request first asked; None if none.

    Remembered on the request: a revert later in the same request restores an old
    status, and the answer must not change with it.
    """
    if not hasattr(request, "meeting_statuses"):
        request.meeting_statuses = {}
    try:
        pk = int(pk)
    except (TypeError, ValueError):
        return None
    if pk not in request.meeting_statuses:
        status = Meeting.objects.filter(pk=pk).values_list("status", flat=True).first()
        request.meeting_statuses[pk] = status
    return request.meeting_statuses[pk]


def may_write(request, meeting_pk) -> bool:
    """Whether the user may write the meeting ``meeting_pk`` (or a new one: None) now."""
    status = None if meeting_pk is None else meeting_status_now(request, meeting_pk)
    return may_write_meeting(request.user, status)


def refusal(status) -> str:
    """Why ``may_write_meeting`` said no, for a 403 page or a form error."""
    if status == Status.PUBLISHED:
        return _("This meeting is published: only chief editors may change it.")
    if status == Status.WITHDRAWN:
        return _("This meeting is withdrawn: only chief editors may change it.")
    return _("You may not change meetings.")


def writable(user, meetings):
    """The meetings of the queryset ``meetings`` that ``user`` may write."""
    return meetings.filter(status__in=[s for s in Status.values if may_write_meeting(user, s)])


def on_writable_meetings(action):
    """The bulk ``action``, given only the meetings of its queryset the user may write."""

    @functools.wraps(action)
    def act(modeladmin, request, queryset):
        return action(modeladmin, request, writable(request.user, queryset))

    return act


# The rows hanging off a meeting by their ``meeting`` foreign key.
MEETING_PARTS = (Participation, Source, MeetingCorrection)


def meetings_a_revert_writes(revision) -> dict:
    """{meeting pk: the status a revert of ``revision`` restores, or None} for every meeting
    the revert would change: those in the revision, and those its participants and sources
    hang off, in the revision and in the database now."""
    meetings = {}
    for version in revision.version_set.select_related("content_type"):
        model = version.content_type.model_class()
        if model is Meeting:
            meetings[int(version.object_id)] = version.field_dict["status"]
        elif model in MEETING_PARTS:
            meetings.setdefault(version.field_dict["meeting_id"], None)
            now = model.objects.filter(pk=version.object_id).values_list("meeting_id", flat=True)
            for pk in now:
                meetings.setdefault(pk, None)
    return meetings


def check_revert(request, revision):
    """Refuse to revert or recover ``revision`` unless the user could have saved it.

    Called before the revert: every meeting it changes must be the user's to write in
    the state it has now, and every status it restores one the user may set.
    """
    for pk, restored in meetings_a_revert_writes(revision).items():
        status = meeting_status_now(request, pk)
        if not may_write_meeting(request.user, status):
            raise PermissionDenied(refusal(status))
        if restored and restored not in allowed_statuses(request.user, status):
            raise PermissionDenied(
                _("Only chief editors may restore a version that was published or withdrawn.")
            )


class MeetingAdminForm(forms.ModelForm):
    """The meeting form, with its version for conflict detection and a public correction note."""

    seen_version = forms.IntegerField(widget=forms.HiddenInput, required=False)
    public_note = forms.CharField(
        label=gettext_lazy("Public note on this correction"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2, "cols": 80}),
        help_text=gettext_lazy(
            "For a published meeting: what was corrected, shown on its public page."
        ),
    )

    class Meta:
        model = Meeting
        # The admin gives the full list of fields from MeetingAdmin.fieldsets.
        fields = ["status", "withdrawal_note"]

    # Set by MeetingAdmin.get_form: the statuses offered depend on who edits, and on
    # the meeting's status in the database (not the instance's, which a revert changed).
    user = None
    status_now = None

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.fields["seen_version"].initial = self.instance.version
        if "status" in self.fields and self.user is not None:
            allowed = allowed_statuses(self.user, self.status_now)
            self.fields["status"].choices = [
                (value, label) for value, label in Status.choices if value in allowed
            ]

    def clean(self):
        data = super().clean()
        if self.instance.pk:
            self.check_version(data.get("seen_version"))
        status = data.get("status")
        if status == Status.WITHDRAWN and not data.get("withdrawal_note"):
            self.add_error("withdrawal_note", _("Say publicly why the meeting is withdrawn."))
        return data

    def check_version(self, submitted):
        # Lock the row until this save commits, so two saves cannot both pass.
        current = Meeting.objects.select_for_update().get(pk=self.instance.pk)
        if submitted is not None and submitted != current.version:
            raise ValidationError(conflict_message(current, submitted), code="conflict")


class MeetingPartForm(forms.ModelForm):
    """The admin form of a row hanging off a meeting (a source, a public correction...).

    The meeting it is given to must be one the user may write, as must the one it
    leaves (checked by MeetingPartAdmin.has_change_permission).
    """

    request = None  # set by MeetingPartAdmin.get_form

    def clean_meeting(self):
        meeting = self.cleaned_data["meeting"]
        if meeting is not None and not may_write(self.request, meeting.pk):
            raise ValidationError(refusal(meeting_status_now(self.request, meeting.pk)))
        return meeting


def conflict_message(current: Meeting, seen_version: int) -> str:
    """Who changed the meeting since the editor opened it, and which fields."""
    versions = Version.objects.get_for_object(current).select_related("revision__user")
    seen = next((v for v in versions if v.field_dict.get("version") == seen_version), None)
    latest = versions.first()
    changed = []
    if seen is not None and latest is not None:
        before, after = seen.field_dict, latest.field_dict
        changed = [
            str(Meeting._meta.get_field(name).verbose_name)
            for name in after
            if name not in ("version", "updated_at", "updated_by", "search_vector")
            and before.get(name) != after.get(name)
        ]
    who = latest.revision.user if latest and latest.revision.user else None
    when = latest.revision.date_created if latest else current.updated_at
    message = _(
        "Someone else saved this meeting while you were editing it (%(who)s, %(when)s). "
        "Your changes were not saved; they are still in the form below. "
    ) % {"who": who or _("unknown"), "when": timezone.localtime(when).strftime("%Y-%m-%d %H:%M")}
    if changed:
        message += _("Changed meanwhile: %(fields)s. ") % {"fields": ", ".join(changed)}
    return message + _("Open the meeting again in another tab to see the current version.")


def record(modeladmin, request, meetings, comment):
    """Save status changes as one revision each, and in the admin's log."""
    for meeting in meetings:
        with reversion.create_revision():
            meeting.updated_by = request.user
            meeting.save()
            reversion.set_user(request.user)
            reversion.set_comment(comment)
        modeladmin.log_change(request, meeting, comment)


@admin.action(description=gettext_lazy("Send to review"), permissions=["review"])
def send_to_review(modeladmin, request, queryset):
    meetings = list(queryset.filter(status=Status.DRAFT))
    for meeting in meetings:
        meeting.status = Status.REVIEW
    record(modeladmin, request, meetings, _("Sent to review"))
    modeladmin.message_user(
        request,
        ngettext("%d meeting sent to review.", "%d meetings sent to review.", len(meetings))
        % len(meetings),
        messages.SUCCESS,
    )


@admin.action(description=gettext_lazy("Publish"), permissions=["publish"])
def publish(modeladmin, request, queryset):
    meetings = list(queryset.filter(status__in=[Status.DRAFT, Status.REVIEW]))
    for meeting in meetings:
        meeting.status = Status.PUBLISHED
    record(modeladmin, request, meetings, _("Published"))
    modeladmin.message_user(
        request,
        ngettext("%d meeting published.", "%d meetings published.", len(meetings)) % len(meetings),
        messages.SUCCESS,
    )


class WithdrawalForm(forms.Form):
    note = forms.CharField(
        label=gettext_lazy("Public note: why these meetings are withdrawn"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3, "cols": 80}),
    )


@admin.action(description=gettext_lazy("Withdraw (with a public note)"), permissions=["withdraw"])
def withdraw(modeladmin, request, queryset):
    meetings = list(queryset.filter(status=Status.PUBLISHED))
    form = WithdrawalForm(request.POST if "note" in request.POST else None)
    if form.is_bound and form.is_valid():
        for meeting in meetings:
            meeting.status = Status.WITHDRAWN
            meeting.withdrawal_note = form.cleaned_data["note"]
        note = form.cleaned_data["note"]
        record(modeladmin, request, meetings, _("Withdrawn: %(note)s") % {"note": note})
        modeladmin.message_user(
            request,
            ngettext("%d meeting withdrawn.", "%d meetings withdrawn.", len(meetings))
            % len(meetings),
            messages.SUCCESS,
        )
        return None
    return render(
        request,
        "admin/meetings/meeting/withdraw.html",
        {
            **modeladmin.admin_site.each_context(request),
            "opts": Meeting._meta,
            "title": _("Withdraw meetings"),
            "form": form,
            "meetings": meetings,
            "queryset": queryset,
            "action_checkbox_name": admin.helpers.ACTION_CHECKBOX_NAME,
        },
        status=400 if form.is_bound else 200,
    )


def add_public_correction(request, meeting, note):
    if note and meeting.status == Status.PUBLISHED:
        MeetingCorrection.objects.create(meeting=meeting, note=note, created_by=request.user)


def bump_meeting_version(sender, instance, raw=False, **kwargs):
    """A change to a participant or a source is a change to its meeting: an editor saving
    the meeting over it is told (``check_version``)."""
    if raw:
        return  # loading a fixture or a release: rows arrive as they were
    Meeting.objects.filter(pk=instance.meeting_id).update(version=F("version") + 1)


def connect():
    for model in (Participation, Source):
        uid = f"bump-meeting-version-{model._meta.label_lower}"
        post_save.connect(bump_meeting_version, sender=model, dispatch_uid=uid)
        post_delete.connect(bump_meeting_version, sender=model, dispatch_uid=uid)
