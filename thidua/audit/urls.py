from django.urls import path

from . import views

app_name = "audit"
urlpatterns = [
    path("", views.audit_entry_list, name="list"),
    path("export/", views.audit_export, name="export"),
    path("<int:seq>/", views.audit_entry_detail, name="detail"),
]
