"""Readers suggest a correction or report a missing meeting; editors handle it in the admin.

A request is only a message to the editors: it never changes published data.
The page it was sent from (``?page=``) and the meeting it is about
(``?meeting=``) travel in hidden fields and are checked again on every request:
a path on this site and a published meeting, or nothing.

Abuse is kept down by a honeypot field bots fill in and a limit of
``RATE.limit`` requests per hour per address, counted in the database so that it
holds across workers and instances (meetings/operations/rate_limits.py). Addresses are not
stored: only a keyed hash of the client's address (``sender``, meetings/operations/clients.py),
enough to count and spot abuse.
"""

import hashlib
import hmac
import re
import unicodedata
from urllib.parse import urlencode

from django import forms
from django.conf import settings
from django.core.validators import URLValidator
from django.http import HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_safe

from meetings.models import CorrectionRequest, Meeting
from meetings.operations import rate_limits
from meetings.operations.clients import client_address

# At most this many requests per sender in any hour.
RATE = rate_limits.Rate(limit=5, seconds=60 * 60)
PAGE_MAX_LENGTH = 500
MESSAGE_MIN_LENGTH = 10
MESSAGE_MAX_LENGTH = 5000
HONEYPOT = "website"


class MessageField(forms.CharField):
    """Text with line breaks counted as one character, as the browser counts them."""

    def to_python(self, value):
        value = super().to_python(value)
        return value.replace("\r\n", "\n").replace("\r", "\n") if value else value


class CorrectionForm(forms.ModelForm):
    """What a reader sends: what kind of request, a message, maybe a source and who they are.

    ``website`` is a honeypot: hidden from people, filled in by bots.
    """

    message = MessageField(
        label=gettext_lazy("Your message"),
        min_length=MESSAGE_MIN_LENGTH,
        max_length=MESSAGE_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 8, "cols": 60, "dir": "auto"}),
        help_text=gettext_lazy(
            "What is wrong or missing (the people, the date, the place, the topics…) "
            "and how you know. Between 10 and 5,000 characters."
        ),
    )
    source_url = forms.URLField(
        label=gettext_lazy("A link to a source (optional)"),
        required=False,
        max_length=2000,
        validators=[URLValidator(schemes=["http", "https"])],
        help_text=gettext_lazy("An article or an official statement that shows it."),
    )
    website = forms.CharField(
        label=gettext_lazy("Leave this field empty"),
        required=False,
        widget=forms.TextInput(attrs={"tabindex": "-1", "autocomplete": "off"}),
    )

    class Meta:
        model = CorrectionRequest
        fields = ["kind", "message", "source_url", "name", "email"]
        widgets = {
            "kind": forms.RadioSelect,
            "name": forms.TextInput(attrs={"autocomplete": "name", "dir": "auto"}),
            "email": forms.EmailInput(attrs={"autocomplete": "email"}),
        }
        labels = {
            "kind": gettext_lazy("What would you like to tell the editors?"),
            "name": gettext_lazy("Your name (optional)"),
            "email": gettext_lazy("Your email (optional)"),
        }
        help_texts = {
            "email": gettext_lazy(
                "Only the editors see your name and email, and only to ask you about this message."
            ),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kind"].choices = [
            (CorrectionRequest.Kind.CORRECTION, _("Suggest a correction to a meeting")),
            (CorrectionRequest.Kind.MISSING, _("Report a missing meeting")),
        ]

    def text_fields(self):
        return [self[name] for name in ("message", "source_url", "name", "email")]

    def save_request(self, *, meeting, page, sender):
        request = self.save(commit=False)
        request.meeting = meeting
        request.page = page
        request.sender = sender
        request.state = CorrectionRequest.State.NEW
        request.save()
        return request


# -- what the URL says the request is about -----------------------------------------


def published_meeting(value) -> Meeting | None:
    """The published meeting with this id, or None for anything else."""
    if not isinstance(value, str) or not re.fullmatch(r"[1-9][0-9]{0,17}", value):
        return None
    return (
        Meeting.objects.published()
        .select_related("country_a", "country_b")
        .filter(pk=int(value))
        .first()
    )


def same_site_path(value) -> str:
    """A path on this site ("/en/meetings/?country=MA"), or "" for anything else."""
    if (
        not isinstance(value, str)
        or not value.startswith("/")
        or len(value) > PAGE_MAX_LENGTH
        or any(unicodedata.category(char) in ("Cc", "Cf") for char in value)
        or not url_has_allowed_host_and_scheme(value, allowed_hosts=set())
    ):
        return ""
    return value


# -- rate limit -------------------------------------------------------------------------


def sender_hash(request) -> str:
    """A keyed hash of the client's address (forwarded headers only from our own proxies)."""
    return hmac.new(
        settings.SECRET_KEY.encode(), client_address(request).encode(), digestmod=hashlib.sha256
    ).hexdigest()


def rate_key(request) -> str:
    return rate_limits.client_key("corrections", request)


# -- views ------------------------------------------------------------------------------


def form_page(request, form, meeting, page, *, status=200, refusal=""):
    return render(
        request,
        "meetings/correction_form.html",
        {"form": form, "meeting": meeting, "page": page, "refusal": refusal},
        status=status,
    )


def too_many_requests(request, form, meeting, page, wait):
    minutes = max(1, (wait + 59) // 60)
    refusal = ngettext(
        "You have sent %(limit)d messages in the last hour, the most we accept from one "
        "connection. Please try again in %(minutes)d minute: what you wrote is kept below.",
        "You have sent %(limit)d messages in the last hour, the most we accept from one "
        "connection. Please try again in %(minutes)d minutes: what you wrote is kept below.",
        minutes,
    ) % {"limit": RATE.limit, "minutes": minutes}
    response = form_page(request, form, meeting, page, status=429, refusal=refusal)
    response["Retry-After"] = str(wait)
    return response


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def suggest_correction(request):
    """The form (GET) and its submission (POST): saved for the editors, then a 303 to thanks."""
    query = request.POST if request.method == "POST" else request.GET
    meeting = published_meeting(query.get("meeting", ""))
    page = same_site_path(query.get("page", ""))

    if request.method != "POST":
        kind = (
            CorrectionRequest.Kind.MISSING
            if request.GET.get("kind") == CorrectionRequest.Kind.MISSING
            else CorrectionRequest.Kind.CORRECTION
        )
        return form_page(request, CorrectionForm(initial={"kind": kind}), meeting, page)

    if request.POST.get(HONEYPOT, ""):
        # Probably a bot; a person whose browser filled the field in can send again.
        data = request.POST.copy()
        data.pop(HONEYPOT, None)
        return form_page(
            request,
            CorrectionForm(data),
            meeting,
            page,
            status=400,
            refusal=_("This submission could not be accepted."),
        )

    form = CorrectionForm(request.POST)
    wait = rate_limits.wait_seconds(rate_key(request), RATE)
    if wait:
        return too_many_requests(request, form, meeting, page, wait)
    if not form.is_valid():
        return form_page(request, form, meeting, page, status=400)
    # Counted only now, so that a form sent back with a mistake costs nothing; atomic, so
    # that requests sent at once from several workers cannot pass together.
    wait = rate_limits.take(rate_key(request), RATE)
    if wait:
        return too_many_requests(request, form, meeting, page, wait)
    form.save_request(meeting=meeting, page=page, sender=sender_hash(request))

    thanks = reverse("meetings:correction-thanks")
    if page:
        thanks += "?" + urlencode({"page": page})
    return HttpResponseRedirect(thanks, status=303)


@require_safe
def correction_thanks(request):
    """Says the message reached the editors and that nothing changes until they check it."""
    return render(
        request,
        "meetings/correction_thanks.html",
        {"page": same_site_path(request.GET.get("page", ""))},
    )
