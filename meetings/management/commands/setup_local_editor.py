"""Give a local install an editor account, and say how to log in.

Creates the user "editor" (staff, in the Editors group) with a random
password kept in .data/editor-password, readable only by its owner. It never
runs with production settings: real accounts are made with createsuperuser
and the admin's user screens.
"""

import os
import secrets
from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand, CommandError

USERNAME = "editor"


class Command(BaseCommand):
    help = "Create the local 'editor' account (once) and print how to log in."

    def add_arguments(self, parser):
        parser.add_argument("--port", default=os.environ.get("PORT", "8000"))

    def handle(self, *args, port, **options):
        if os.environ.get("DJANGO_SETTINGS_MODULE", "").endswith("production"):
            raise CommandError("setup_local_editor is for local installs only.")
        password_file = Path(settings.BASE_DIR) / ".data" / "editor-password"
        User = get_user_model()
        user = User.objects.filter(username=USERNAME).first()
        if user is None:
            password = secrets.token_urlsafe(12)
            user = User.objects.create_user(USERNAME, password=password, is_staff=True)
            user.groups.add(Group.objects.get(name="Editors"))
            password_file.parent.mkdir(parents=True, exist_ok=True)
            password_file.write_text(password + "\n")
            password_file.chmod(0o600)
        if password_file.exists():
            password = password_file.read_text().strip()
            self.stdout.write(
                f"Editors log in at http://127.0.0.1:{port}/{settings.ADMIN_URL} as '{USERNAME}' "
                f"with the password in {password_file} ({password})."
            )
        else:
            self.stdout.write(
                f"The '{USERNAME}' account exists; reset its password with "
                f"`manage.py changepassword {USERNAME}`."
            )
        self.stdout.write(
            "For an account with every right: .venv/bin/python manage.py createsuperuser"
        )
