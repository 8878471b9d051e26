"""Progress reporting pages: the grid of targets × periods, one report with its evidence,
the stale second save, and the refusals (closed movement, future period, another unit's
target, a number that can be read two ways, a file that is not what it says)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from thidua.audit.models import Action, AuditEntry
from thidua.movements import services
from thidua.movements.models import Evidence, ProgressReport, Review, Target, TargetStatus

from ..conftest import client_for
from .access import PDF, pdf_upload
from .factories import make_movement

D = Decimal
YEAR = 2025  # a year gone by: every period has started and is overdue
Q1 = date(YEAR, 3, 31)
Q2 = date(YEAR, 6, 30)


@pytest.fixture(autouse=True)
def _private_files(tmp_path, monkeypatch):
    """Evidence goes to a temporary directory, not the project's var/."""
    storage = Evidence._meta.get_field("file").storage
    monkeypatch.setattr(storage, "base_location", str(tmp_path))
    monkeypatch.setattr(storage, "location", str(tmp_path))


@pytest.fixture
def fx(tree):
    return make_movement(tree, year=YEAR)


def report_url(target, period_end=None):
    url = reverse("movements:report", args=[target.pk])
    return f"{url}?period_end={period_end.isoformat()}" if period_end else url


def post_report(client, target, period_end, actual, version=0, comment="", files=()):
    data = {"actual": actual, "comment": comment, "version": version}
    if files:
        data["files"] = list(files)
    return client.post(report_url(target, period_end), data)


def errors(response) -> dict:
    form = response.context["form"]
    return {field: list(messages) for field, messages in form.errors.items()}


# Reporting ------------------------------------------------------------------------------


def test_an_officer_reports_in_vietnamese_notation_and_sees_the_result(fx, clients, audit_log):
    client = clients["unit_officer"]
    response = post_report(client, fx.schools, Q1, "52,3", comment="Quý I đạt 52,3%")
    assert response.status_code == 302
    report = ProgressReport.objects.get(target=fx.schools, period_end=Q1)
    assert report.actual == D("52.3")
    assert report.comment == "Quý I đạt 52,3%"
    assert report.period_start == date(YEAR, 1, 1)
    assert report.version == 1
    assert [e.action for e in audit_log(object_type="movements.progressreport")] == [Action.CREATE]
    page = client.get(response["Location"])
    assert page.status_code == 200
    assert page.context["report"].pk == report.pk
    # 52,3 of 59,1 is 88%: in the first quarter, a level this far below its goal is at risk.
    assert page.context["report"].status == TargetStatus.AT_RISK
    assert round(page.context["report"].completion * 100) == 88
    assert page.context["form"]["actual"].value() == "52,3"


def test_thousands_and_decimals_are_read_both_ways(fx, clients):
    client = clients["secretariat"]
    post_report(client, fx.growth, Q1, "2.326,5")
    post_report(client, fx.growth, Q2, "2326.5")
    values = ProgressReport.objects.filter(target=fx.growth).values_list("actual", flat=True)
    assert list(values) == [D("2326.5"), D("2326.5")]


@pytest.mark.parametrize("typed", ["1,234.5,6", "2.46,5", "12a", "1..0"])
def test_a_number_that_can_be_read_two_ways_is_refused(fx, clients, typed):
    response = post_report(clients["unit_officer"], fx.schools, Q1, typed)
    assert response.status_code == 200
    assert "actual" in errors(response)
    assert not ProgressReport.objects.exists()


def test_a_correction_carries_the_version_and_is_audited(fx, clients, audit_log):
    client = clients["unit_officer"]
    post_report(client, fx.schools, Q1, "50")
    response = post_report(client, fx.schools, Q1, "55", version=1)
    assert response.status_code == 302
    report = ProgressReport.objects.get(target=fx.schools, period_end=Q1)
    assert (report.actual, report.version) == (D("55"), 2)
    actions = [e.action for e in audit_log(object_type="movements.progressreport")]
    assert actions == [Action.CREATE, Action.UPDATE]
    assert Target.objects.get(pk=fx.schools.pk).latest_actual == D("55")


def test_a_second_officer_saving_an_old_page_is_told_and_overwrites_nothing(
    fx, tree, clients, users
):
    from ..factories import UserFactory, grant

    colleague = UserFactory(username="officer2", unit=tree.education)
    grant(colleague, "unit_officer", tree.education)
    first, second = clients["unit_officer"], client_for(colleague)
    post_report(first, fx.schools, Q1, "50")
    # Both open the page at version 1; the first saves a correction.
    assert first.get(report_url(fx.schools, Q1)).context["form"]["version"].value() == 1
    assert post_report(first, fx.schools, Q1, "55", version=1).status_code == 302
    response = post_report(second, fx.schools, Q1, "40", version=1)
    assert response.status_code == 200
    assert response.context["form"].non_field_errors()
    assert ProgressReport.objects.get(target=fx.schools, period_end=Q1).actual == D("55")


def test_two_officers_creating_the_same_report_at_once(fx, tree, clients):
    """Both opened the page before any report existed (version 0): the second is told."""
    assert post_report(clients["unit_officer"], fx.schools, Q1, "50", version=0).status_code == 302
    response = post_report(clients["secretariat"], fx.schools, Q1, "40", version=0)
    assert response.status_code == 200
    assert response.context["form"].non_field_errors()
    assert ProgressReport.objects.get(target=fx.schools, period_end=Q1).actual == D("50")


def test_a_closed_movement_refuses_reports(fx, clients):
    services.review_create(
        actor=None,
        movement=fx.movement,
        kind=Review.Kind.FINAL,
        held_on=date(YEAR, 12, 31),
        title="Tổng kết phong trào",
    )
    page = clients["unit_officer"].get(report_url(fx.schools, Q1))
    assert page.status_code == 200
    assert page.context["movement"].is_closed
    response = post_report(clients["unit_officer"], fx.schools, Q1, "50")
    assert response.status_code == 200
    assert response.context["form"].non_field_errors()
    assert not ProgressReport.objects.exists()
    grid = clients["unit_officer"].get(reverse("movements:progress", args=[fx.movement.pk]))
    assert not any(cell["url"] for row in grid.context["rows"] for cell in row["cells"])


def test_a_future_period_is_refused(tree, clients):
    today = timezone.localdate()
    fx = make_movement(tree, year=today.year, ends_on=date(today.year + 1, 12, 31))
    future = date(today.year + 1, 12, 31)
    response = post_report(clients["unit_officer"], fx.schools, future, "50")
    assert response.status_code == 200
    assert errors(response).get("__all__")
    assert not ProgressReport.objects.exists()


def test_a_date_that_ends_no_period_is_refused(fx, clients):
    response = post_report(clients["unit_officer"], fx.schools, date(YEAR, 2, 15), "50")
    assert response.status_code == 200
    assert errors(response).get("__all__")
    assert not ProgressReport.objects.exists()


def test_another_units_target_is_missing_or_forbidden(fx, clients, users):
    from django.core.exceptions import ValidationError

    # Sở Y tế's target does not exist for Sở GD&ĐT's officer…
    assert clients["unit_officer"].get(report_url(fx.beds, Q1)).status_code == 404
    assert post_report(clients["unit_officer"], fx.beds, Q1, "50").status_code == 404
    # …the province-wide target is seen but reported by the secretariat only…
    assert clients["unit_officer"].get(report_url(fx.growth, Q1)).status_code == 403
    assert post_report(clients["unit_officer"], fx.growth, Q1, "7").status_code == 403
    # …and a leader sees the unit's target without reporting on it.
    assert clients["leader"].get(report_url(fx.schools, Q1)).status_code == 403
    with pytest.raises(ValidationError):
        services.progress_report_save(
            actor=users["unit_officer"], target=fx.beds, period_end=Q1, actual=D("50")
        )
    assert not ProgressReport.objects.exists()


# Evidence -------------------------------------------------------------------------------


def test_evidence_is_checked_by_content_and_kept(fx, clients):
    client = clients["unit_officer"]
    png = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64
    response = post_report(
        client,
        fx.schools,
        Q1,
        "50",
        files=[pdf_upload("bien-ban.pdf"), SimpleUploadedFile("anh.png", png)],
    )
    assert response.status_code == 302
    report = ProgressReport.objects.get()
    assert sorted(report.evidence.values_list("original_name", "content_type")) == [
        ("anh.png", "image/png"),
        ("bien-ban.pdf", "application/pdf"),
    ]
    page = client.get(response["Location"])
    assert len(page.context["evidence"]) == 2


@pytest.mark.parametrize(
    "upload",
    [
        SimpleUploadedFile("bao-cao.pdf", b"MZ\x90\x00 not a pdf at all"),
        SimpleUploadedFile("trong.pdf", b""),
        SimpleUploadedFile("script.docx", b"#!/bin/sh\necho hi\n"),
    ],
    ids=["renamed", "empty", "fake-docx"],
)
def test_a_file_that_is_not_an_accepted_document_is_refused(fx, clients, upload):
    response = post_report(clients["unit_officer"], fx.schools, Q1, "50", files=[upload])
    assert response.status_code == 200
    assert "files" in errors(response)
    assert not ProgressReport.objects.exists()
    assert not Evidence.objects.exists()


def test_an_oversized_file_is_refused(fx, clients, settings):
    settings.THIDUA_UPLOAD_MAX_BYTES = 20
    response = post_report(clients["unit_officer"], fx.schools, Q1, "50", files=[pdf_upload()])
    assert response.status_code == 200
    assert "files" in errors(response)
    assert not Evidence.objects.exists()


def test_evidence_is_served_only_to_those_who_see_the_report(fx, clients):
    post_report(clients["unit_officer"], fx.schools, Q1, "50", files=[pdf_upload("bb.pdf")])
    evidence = Evidence.objects.get()
    url = reverse("movements:evidence", args=[evidence.pk])
    for role in ("unit_officer", "secretariat", "leader", "block_head"):
        response = clients[role].get(url)
        assert response.status_code == 200, role
        assert b"".join(response.streaming_content) == PDF
        assert "attachment" in response["Content-Disposition"]
        assert "bb.pdf" in response["Content-Disposition"]
    assert clients["other_officer"].get(url).status_code == 404
    assert clients["no_role"].get(url).status_code == 404
    assert (
        clients["other_officer"].get(reverse("movements:evidence", args=[99999])).status_code == 404
    )


# The grid -------------------------------------------------------------------------------


def _grid(client, movement, **query):
    response = client.get(reverse("movements:progress", args=[movement.pk]), query)
    assert response.status_code == 200
    return response


def test_the_grid_shows_the_users_targets_and_what_is_missing(fx, clients):
    services.progress_report_save(
        actor=None, target=fx.schools, period_end=Q1, actual=D("60"), today=date(YEAR, 4, 2)
    )
    officer = _grid(clients["unit_officer"], fx.movement)
    rows = officer.context["rows"]
    assert [row["target"].pk for row in rows] == [fx.schools.pk]
    cells = {cell["end"]: cell for cell in rows[0]["cells"]}
    assert list(cells) == [Q1, Q2, date(YEAR, 9, 30), date(YEAR, 12, 31)]
    assert cells[Q1]["state"] == "reported"
    assert cells[Q1]["report"].actual == D("60")
    assert cells[Q1]["colour"] == "success"  # 60 ≥ 59,1: met
    assert cells[Q2]["state"] == "missing"
    assert all(cell["url"] for cell in cells.values())
    # The secretariat reports every target, the province-wide one too.
    secretariat = _grid(clients["secretariat"], fx.movement)
    assert {row["target"].pk for row in secretariat.context["rows"]} == {
        fx.growth.pk,
        fx.schools.pk,
        fx.beds.pk,
    }
    health = _grid(clients["other_officer"], fx.movement)
    assert [row["target"].pk for row in health.context["rows"]] == [fx.beds.pk]


def test_periods_not_started_have_no_link(tree, clients):
    today = timezone.localdate()
    fx = make_movement(tree, year=today.year, ends_on=date(today.year + 1, 12, 31))
    grid = _grid(clients["unit_officer"], fx.movement, year=today.year + 1)
    cells = grid.context["rows"][0]["cells"]
    assert {cell["state"] for cell in cells} == {"future"}
    assert not any(cell["url"] for cell in cells)


def test_a_monthly_movement_is_shown_one_year_at_a_time(tree, clients):
    fx = make_movement(tree, year=2023, ends_on=date(2025, 12, 31), report_frequency="thang")
    grid = _grid(clients["unit_officer"], fx.movement, year=2024)
    assert grid.context["years"] == [2023, 2024, 2025]
    assert [p["end"].month for p in grid.context["periods"]] == list(range(1, 13))
    assert {p["end"].year for p in grid.context["periods"]} == {2024}


def test_roles_that_do_not_report_stop_at_the_gate(fx, clients):
    url = reverse("movements:progress", args=[fx.movement.pk])
    for role in ("leader", "council_member", "block_head", "no_role"):
        assert clients[role].get(url).status_code == 403, role


def _add_targets(fx, tree, count):
    for number in range(count):
        target = services.target_create(
            actor=None,
            movement=fx.movement,
            level=Target.Level.UNIT,
            unit=tree.education,
            indicator=f"Chỉ tiêu bổ sung {number}",
            measure="%",
            comparator="dat",
            value=D("80"),
        )
        for end in (Q1, Q2):
            services.progress_report_save(
                actor=None, target=target, period_end=end, actual=D("70"), today=date(YEAR, 12, 1)
            )


def test_the_grid_costs_the_same_queries_for_more_targets_and_reports(fx, tree, clients):
    client = clients["secretariat"]

    def count():
        with CaptureQueriesContext(connection) as queries:
            _grid(client, fx.movement)
        return len(queries)

    _add_targets(fx, tree, 3)
    few = count()
    _add_targets(fx, tree, 9)
    assert count() == few


def test_the_report_page_shows_the_goal_and_the_targets_history(fx, clients):
    for end, actual in ((Q1, "40"), (Q2, "50")):
        services.progress_report_save(
            actor=None, target=fx.schools, period_end=end, actual=D(actual), today=date(YEAR, 7, 2)
        )
    page = clients["unit_officer"].get(report_url(fx.schools, Q2))
    assert page.context["goal"].endswith("59,1 %")
    assert [r.period_end for r in page.context["history"]] == [Q2, Q1]
    assert page.context["form"]["version"].value() == 1
    # Without a period, the page opens the latest period that has started.
    assert clients["unit_officer"].get(report_url(fx.schools)).context["period_end"] == date(
        YEAR, 12, 31
    )


def test_nothing_is_audited_when_a_report_is_refused(fx, clients):
    before = AuditEntry.objects.count()
    post_report(clients["unit_officer"], fx.schools, Q1, "1,234.5,6")
    post_report(clients["unit_officer"], fx.schools, date(YEAR, 2, 15), "5")
    assert AuditEntry.objects.count() == before
