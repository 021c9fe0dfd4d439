"""The editorial groups and what they may do, kept in step after every migrate.

Editors enter and correct meetings, send them to review and handle readers'
correction requests; chief editors also publish, withdraw and delete, and
keep the reference data (countries, topics, portfolios).
"""

from django.contrib.auth.models import Group, Permission

EDITORS = "Editors"
CHIEF_EDITORS = "Chief editors"

EDITOR_PERMISSIONS = {
    "meeting": ("view", "add", "change", "review"),
    "participation": ("view", "add", "change", "delete"),
    "source": ("view", "add", "change", "delete"),
    "minister": ("view", "add", "change"),
    "mandate": ("view", "add", "change", "delete"),
    "post": ("view", "add", "change"),
    "city": ("view", "add", "change"),
    "outlet": ("view", "add", "change"),
    "country": ("view",),
    "countrygroup": ("view",),
    "topic": ("view",),
    "portfolio": ("view",),
    "meetingcorrection": ("view", "add"),
    "correctionrequest": ("view", "change"),
    # The newsroom: editors triage the inbox and keep the list of feeds watched.
    "candidate": ("view", "change"),
    "feed": ("view", "add", "change"),
    "feeditem": ("view",),
}

CHIEF_EDITOR_PERMISSIONS = {
    **EDITOR_PERMISSIONS,
    "meeting": ("view", "add", "change", "delete", "review", "publish", "withdraw"),
    "minister": ("view", "add", "change", "delete"),
    "post": ("view", "add", "change", "delete"),
    "city": ("view", "add", "change", "delete"),
    "outlet": ("view", "add", "change", "delete"),
    "country": ("view", "add", "change"),
    "countrygroup": ("view", "add", "change"),
    "topic": ("view", "add", "change"),
    "portfolio": ("view", "add", "change"),
    "meetingcorrection": ("view", "add", "change", "delete"),
    "correctionrequest": ("view", "change", "delete"),
    "feed": ("view", "add", "change", "delete"),
}

GROUP_PERMISSIONS = {EDITORS: EDITOR_PERMISSIONS, CHIEF_EDITORS: CHIEF_EDITOR_PERMISSIONS}


def ensure_groups(**kwargs):
    """Create the groups and give each exactly the permissions listed above."""
    for group_name, models in GROUP_PERMISSIONS.items():
        group, _ = Group.objects.get_or_create(name=group_name)
        codenames = [f"{action}_{model}" for model, actions in models.items() for action in actions]
        permissions = Permission.objects.filter(
            content_type__app_label="meetings", codename__in=codenames
        )
        group.permissions.set(permissions)
