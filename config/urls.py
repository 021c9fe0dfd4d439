from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path

urlpatterns = [
    path("i18n/", include("django.conf.urls.i18n")),
    path("api/", include("meetings.opendata.api.urls")),
]
urlpatterns += i18n_patterns(
    path(settings.ADMIN_URL, admin.site.urls),
    path("", include("meetings.urls")),
)

handler400 = "meetings.operations.errors.bad_request"
handler500 = "meetings.operations.errors.server_error"
