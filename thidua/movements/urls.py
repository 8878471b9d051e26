from django.urls import path

from .views import dashboards, movements, pledges, progress, registrations

app_name = "movements"
urlpatterns = [
    # Movements: list, launch, edit (views/movements.py)
    path("", movements.movement_list, name="list"),
    path("export/", movements.movement_list_export, name="list_export"),
    path("new/", movements.movement_create, name="create"),
    path("<int:pk>/edit/", movements.movement_edit, name="edit"),
    path("<int:pk>/contents/", movements.contents_edit, name="contents"),
    path("<int:pk>/responsibilities/", movements.responsibilities_edit, name="responsibilities"),
    path("<int:pk>/participants/", movements.participants_edit, name="participants"),
    path("<int:pk>/launch/", movements.movement_launch, name="launch"),
    path("<int:pk>/delete/", movements.movement_delete, name="delete"),
    path("<int:pk>/attachments/add/", movements.attachment_add, name="attachment_add"),
    path("attachments/<int:pk>/", movements.attachment_download, name="attachment"),
    path("attachments/<int:pk>/delete/", movements.attachment_delete, name="attachment_delete"),
    path("<int:pk>/targets/new/", movements.target_create, name="target_create"),
    path("targets/<int:pk>/edit/", movements.target_edit, name="target_edit"),
    path("targets/<int:pk>/delete/", movements.target_delete, name="target_delete"),
    path("targets/<int:pk>/split/", movements.target_split, name="target_split"),
    # The movement page and dashboards (views/dashboards.py)
    path("<int:pk>/", dashboards.movement_detail, name="detail"),
    path("<int:pk>/targets.xlsx", dashboards.targets_export, name="targets_export"),
    path("<int:pk>/summary.pdf", dashboards.movement_pdf, name="pdf"),
    path("<int:pk>/ranking/", dashboards.ranking, name="ranking"),
    path("<int:pk>/ranking.xlsx", dashboards.ranking_export, name="ranking_export"),
    path("targets/<int:pk>/", dashboards.target_detail, name="target"),
    path("dashboard/", dashboards.leader_dashboard, name="dashboard"),
    path("dashboard.xlsx", dashboards.leader_dashboard_export, name="dashboard_export"),
    path("<int:pk>/reviews/new/", dashboards.review_create, name="review_create"),
    path("reviews/<int:pk>/report.docx", dashboards.review_report, name="review_report"),
    # Registration (views/registrations.py)
    path("<int:pk>/registrations/", registrations.registration_roll, name="registrations"),
    path(
        "<int:pk>/registrations.xlsx",
        registrations.registration_roll_export,
        name="registrations_export",
    ),
    path(
        "<int:pk>/register/<int:unit_pk>/",
        registrations.registration_edit,
        name="register",
    ),
    path("registrations/<int:pk>/", registrations.registration_detail, name="registration"),
    path(
        "registrations/<int:pk>/targets/new/",
        registrations.unit_target_create,
        name="unit_target_create",
    ),
    # Progress (views/progress.py)
    path("<int:pk>/progress/", progress.progress_overview, name="progress"),
    path("<int:pk>/progress.xlsx", progress.progress_export, name="progress_export"),
    path("<int:pk>/progress/import/", progress.progress_import, name="progress_import"),
    path("targets/<int:pk>/report/", progress.report_edit, name="report"),
    path("evidence/<int:pk>/", progress.evidence_download, name="evidence"),
    # Pledges (views/pledges.py)
    path("pledges/", pledges.pledge_list, name="pledge_list"),
    path("pledges/export/", pledges.pledge_export, name="pledge_export"),
    path("pledges/new/", pledges.pledge_create, name="pledge_create"),
    path("pledges/<int:pk>/", pledges.pledge_detail, name="pledge"),
    path("pledges/<int:pk>/edit/", pledges.pledge_edit, name="pledge_edit"),
    path("pledges/<int:pk>/delete/", pledges.pledge_delete, name="pledge_delete"),
    path("pledges/<int:pk>/scan/", pledges.pledge_scan, name="pledge_scan"),
]
