"""Settings for a developer's machine and for `make run`.

Without SECRET_KEY in the environment a random key is generated once and kept
in .data/secret_key (ignored by git), so sessions survive restarts.
"""

import secrets

from .base import *  # noqa: F403
from .base import BASE_DIR

if not SECRET_KEY:  # noqa: F405
    key_file = BASE_DIR / ".data" / "secret_key"
    if not key_file.exists():
        key_file.parent.mkdir(parents=True, exist_ok=True)
        key_file.write_text(secrets.token_urlsafe(50))
        key_file.chmod(0o600)
    SECRET_KEY = key_file.read_text().strip()
