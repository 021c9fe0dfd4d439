"""The public site's addresses (under /ar/, /fr/, /en/): pages, then open data outlets."""

from django.urls import path

from meetings.opendata import feeds
from meetings.opendata import views as data
from meetings.public import corrections, views

app_name = "meetings"

urlpatterns = [
    path("", views.HomeView.as_view(), name="home"),
    path("meetings/", views.MeetingListView.as_view(), name="list"),
    path("meetings/<int:pk>/", views.MeetingDetailView.as_view(), name="detail"),
    path("meetings/export.csv", data.meetings_csv, name="export-csv"),
    path("meetings/export.json", data.meetings_json, name="export-json"),
    path("meetings/export.jsonl", data.meetings_jsonl, name="export-jsonl"),
    path("meetings/participants.csv", data.participants_csv, name="participants-csv"),
    path("meetings/meeting-topics.csv", data.meeting_topics_csv, name="meeting-topics-csv"),
    path("meetings/sources.csv", data.sources_csv, name="sources-csv"),
    path("meetings/dyad-years.csv", data.dyad_years_csv, name="dyad-years"),
    path("meetings/feed/rss/", feeds.MeetingFeed(), name="feed-rss"),
    path("meetings/feed/atom/", feeds.AtomMeetingFeed(), name="feed-atom"),
    path("countries/", views.CountryIndexView.as_view(), name="countries"),
    path("countries/<str:code>/", views.CountryView.as_view(), name="country"),
    path("countries/<str:code>/<str:other>/", views.PairView.as_view(), name="pair"),
    path("people/", views.PeopleIndexView.as_view(), name="people"),
    path("people/<str:slug>/", views.MinisterView.as_view(), name="minister"),
    path("topics/", views.TopicIndexView.as_view(), name="topics"),
    path("topics/<slug:slug>/", views.TopicView.as_view(), name="topic"),
    path("data/", data.DataView.as_view(), name="data"),
    path("data/codebook/", data.CodebookView.as_view(), name="codebook"),
    path("data/topics.csv", data.topics_csv, name="topics-csv"),
    path("data/releases/latest/", data.latest_release, name="latest-release"),
    path("data/releases/latest/<str:name>", data.latest_release_file, name="latest-release-file"),
    path("data/popolo.json", data.popolo_json, name="popolo"),
    path("corrections/new/", corrections.suggest_correction, name="suggest-correction"),
    path("corrections/thanks/", corrections.correction_thanks, name="correction-thanks"),
]
