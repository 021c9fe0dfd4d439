"""Values every public page uses: links to this page in the other languages."""

from django.conf import settings
from django.urls import translate_url
from django.utils.translation import get_language_info


def languages(request):
    path = request.get_full_path()
    return {
        "language_links": [
            {
                "code": code,
                "name": get_language_info(code)["name_local"],
                "url": translate_url(path, code),
            }
            for code, _name in settings.LANGUAGES
        ]
    }
