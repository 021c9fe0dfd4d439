"""The editorial groups and what they may do, kept in step after every migrate."""

from django.contrib.auth.models import Group, Permission

# Group name -> {model name: actions}. Editors enter and correct everything a
# meeting record needs; reference data (countries, topics) is read-only to them.
GROUP_PERMISSIONS = {
    "Editors": {
        "meeting": ("view", "add", "change"),
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
    },
}


def ensure_groups(**kwargs):
    """Create the groups and give each exactly the permissions listed above."""
    for group_name, models in GROUP_PERMISSIONS.items():
        group, _ = Group.objects.get_or_create(name=group_name)
        codenames = [f"{action}_{model}" for model, actions in models.items() for action in actions]
        permissions = Permission.objects.filter(
            content_type__app_label="meetings", codename__in=codenames
        )
        group.permissions.set(permissions)
