from django.urls import path

from meetings import views

app_name = "meetings"

urlpatterns = [
    path("", views.HomeView.as_view(), name="home"),
    path("meetings/", views.MeetingListView.as_view(), name="list"),
    path("meetings/<int:pk>/", views.MeetingDetailView.as_view(), name="detail"),
    path("countries/", views.CountryIndexView.as_view(), name="countries"),
    path("countries/<str:code>/", views.CountryView.as_view(), name="country"),
    path("countries/<str:code>/<str:other>/", views.PairView.as_view(), name="pair"),
    path("people/<str:slug>/", views.MinisterView.as_view(), name="minister"),
    path("topics/", views.TopicIndexView.as_view(), name="topics"),
    path("topics/<slug:slug>/", views.TopicView.as_view(), name="topic"),
]
