from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class MeetingsConfig(AppConfig):
    name = "meetings"
    verbose_name = _("Ministerial meetings")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from django.core.signals import request_finished

        from meetings import checks  # noqa: F401  (registers the database checks)
        from meetings.editorial import workflow
        from meetings.editorial.permissions import ensure_groups
        from meetings.operations.log import forget_request_id

        workflow.connect()
        request_finished.connect(forget_request_id, dispatch_uid="forget-request-id")

        # After every migrate, once Django has created the permissions.
        post_migrate.connect(ensure_groups, sender=self)
