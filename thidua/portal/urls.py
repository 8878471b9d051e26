"""Public pages, no sign-in: the verification of a certificate by its QR code."""

from django.urls import path

from . import views

app_name = "portal"
urlpatterns = [
    path("<str:token>/", views.verify, name="verify"),
]
