from django.urls import path

from . import views

app_name = "reading"
urlpatterns = [
    path("", views.upload, name="upload"),
    path("<slug:token>/", views.review, name="review"),
]
