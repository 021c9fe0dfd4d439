"""Values every public page uses: this page's address, in the other languages too, and the
site's public address."""

from django.conf import settings
from django.urls import translate_url
from django.utils.translation import get_language_info

from meetings.caching.page_cache import canonical_path, page_query


def languages(request):
    path = canonical_path(request)
    return {
        "page_path": path,
        "page_query": page_query(request),
        "site_url": settings.SITE_URL,
        "language_links": [
            {
                "code": code,
                "name": get_language_info(code)["name_local"],
                "url": translate_url(path, code),
            }
            for code, _name in settings.LANGUAGES
        ],
    }
