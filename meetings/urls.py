from django.urls import path

from meetings import views

app_name = "meetings"

urlpatterns = [
    path("", views.HomeView.as_view(), name="home"),
    path("meetings/", views.MeetingListView.as_view(), name="list"),
    path("meetings/<int:pk>/", views.MeetingDetailView.as_view(), name="detail"),
]
