from django.urls import path

from . import feeds, views

app_name = "selections"

urlpatterns = [
    path("selections/", views.selection_list, name="list"),
    path("selections/<slug:slug>/", views.selection_detail, name="detail"),
    path("selections/<slug:slug>/feed/", feeds.SelectionFeed(), name="feed"),
]
