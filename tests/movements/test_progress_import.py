"""The progress workbook: the export people fill in, the import of the same format, all or
nothing, every problem listed with its row; and a large file without a query per row."""

from __future__ import annotations

import io
from datetime import date, datetime
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from openpyxl import Workbook, load_workbook

from thidua.audit.models import Action, AuditEntry
from thidua.core.xlsx import XLSX_MIME
from thidua.movements import completion, services
from thidua.movements.models import Evidence, ProgressReport, Target

from .factories import make_movement

D = Decimal
YEAR = 2025
Q1, Q2, Q3 = date(YEAR, 3, 31), date(YEAR, 6, 30), date(YEAR, 9, 30)
ENGLISH = [
    "Movement ID",
    "Target ID",
    "Unit code",
    "Unit",
    "Indicator",
    "Unit of measure",
    "Target value",
    "Period",
    "Period end",
    "Actual value",
    "Comment",
]


@pytest.fixture(autouse=True)
def _private_files(tmp_path, monkeypatch):
    storage = Evidence._meta.get_field("file").storage
    monkeypatch.setattr(storage, "base_location", str(tmp_path))
    monkeypatch.setattr(storage, "location", str(tmp_path))


@pytest.fixture
def fx(tree):
    return make_movement(tree, year=YEAR)


def export(client, movement, **query):
    response = client.get(reverse("movements:progress_export", args=[movement.pk]), query)
    assert response.status_code == 200
    assert response["Content-Type"] == XLSX_MIME
    return load_workbook(io.BytesIO(response.content))


def upload(workbook, name="tien-do.xlsx"):
    buffer = io.BytesIO()
    workbook.save(buffer)
    return SimpleUploadedFile(name, buffer.getvalue(), content_type=XLSX_MIME)


def sheet_with(headers, rows):
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(headers)
    for row in rows:
        sheet.append(row)
    return workbook


def post_import(client, movement, workbook):
    return client.post(
        reverse("movements:progress_import", args=[movement.pk]), {"file": upload(workbook)}
    )


def issues(response) -> list:
    result = response.context["result"]
    assert result is not None and not result["ok"]
    return result["issues"]


# Export ---------------------------------------------------------------------------------


def test_the_export_has_one_row_per_target_and_period(fx, clients, tree):
    services.progress_report_save(
        actor=None,
        target=fx.schools,
        period_end=Q1,
        actual=D("2326.5"),
        comment="Đã kiểm tra",
        today=date(YEAR, 4, 2),
    )
    sheet = export(clients["unit_officer"], fx.movement).active
    rows = list(sheet.iter_rows(values_only=True))
    assert len(rows) == 1 + 4  # the header, then education's one target × four quarters
    first = dict(zip(rows[0], rows[1], strict=True))
    assert first[rows[0][0]] == fx.movement.pk
    assert rows[1][1] == fx.schools.pk
    assert rows[1][2:6] == (tree.education.code, tree.education.name, fx.schools.indicator, "%")
    assert "59,1" in rows[1][6]
    assert rows[1][8] == datetime(YEAR, 3, 31)
    assert rows[1][9] == 2326.5
    assert rows[1][10] == "Đã kiểm tra"
    assert [r[8].date() for r in rows[1:]] == [Q1, Q2, Q3, date(YEAR, 12, 31)]
    assert all(r[9] is None for r in rows[2:])
    # The secretariat's file holds every target, the province-wide one too.
    secretariat = export(clients["secretariat"], fx.movement).active
    assert {r[1] for r in secretariat.iter_rows(min_row=2, values_only=True)} == {
        fx.growth.pk,
        fx.schools.pk,
        fx.beds.pk,
    }


def test_export_then_import_round_trip(fx, clients, audit_log):
    client = clients["unit_officer"]
    workbook = export(client, fx.movement)
    sheet = workbook.active
    sheet["J2"] = 50.5  # a number cell
    sheet["K2"] = "Quý I"
    sheet["J3"] = "2.326,5"  # text typed the Vietnamese way
    response = post_import(client, fx.movement, workbook)
    assert response.status_code == 302
    reports = dict(
        ProgressReport.objects.filter(target=fx.schools).values_list("period_end", "actual")
    )
    assert reports == {Q1: D("50.5"), Q2: D("2326.5")}
    assert ProgressReport.objects.get(period_end=Q1).comment == "Quý I"
    assert len(audit_log(action=Action.IMPORT)) == 2
    assert Target.objects.get(pk=fx.schools.pk).latest_period_end == Q2

    # The same file again changes nothing and writes nothing.
    before = AuditEntry.objects.count()
    again = export(client, fx.movement)
    response = post_import(client, fx.movement, again)
    assert response.status_code == 200
    assert response.context["result"]["ok"]
    assert response.context["result"]["unchanged"] == 2
    assert AuditEntry.objects.count() == before
    assert set(ProgressReport.objects.values_list("version", flat=True)) == {1}


def test_a_changed_value_updates_the_report(fx, clients):
    services.progress_report_save(
        actor=None, target=fx.schools, period_end=Q1, actual=D("40"), today=date(YEAR, 4, 2)
    )
    workbook = export(clients["unit_officer"], fx.movement)
    workbook.active["J2"] = 45
    assert post_import(clients["unit_officer"], fx.movement, workbook).status_code == 302
    report = ProgressReport.objects.get()
    assert (report.actual, report.version) == (D("45"), 2)


def test_an_english_file_imports_under_vietnamese_headers_too(fx, clients):
    clients["unit_officer"].cookies["django_language"] = "vi"
    workbook = sheet_with(
        ["Target ID", "Period end", "Actual value"], [[fx.schools.pk, "31/03/2025", "58"]]
    )
    assert post_import(clients["unit_officer"], fx.movement, workbook).status_code == 302
    assert ProgressReport.objects.get().actual == D("58")


# All or nothing -------------------------------------------------------------------------


def test_one_bad_row_saves_nothing_and_every_problem_has_its_row(fx, clients, tree):
    pk = fx.movement.pk
    other = make_movement(tree, year=YEAR, title="Phong trào khác")
    workbook = sheet_with(
        ENGLISH,
        [
            [pk, fx.schools.pk, "", "", "", "", "", "", Q1, "50", "đúng"],  # row 2: fine
            [pk, fx.schools.pk, "", "", "", "", "", "", Q2, "1,234.5,6", ""],  # 3: bad number
            [pk, 999999, "", "", "", "", "", "", Q1, "10", ""],  # 4: unknown target
            [pk, fx.schools.pk, "", "", "", "", "", "", "15/02/2025", "10", ""],  # 5: no period
            [pk, fx.beds.pk, "", "", "", "", "", "", Q1, "50", ""],  # 6: another unit's
            [pk, fx.growth.pk, "", "", "", "", "", "", Q1, "7", ""],  # 7: the secretariat's
            [pk, other.schools.pk, "", "", "", "", "", "", Q1, "7", ""],  # 8: other movement
            [other.movement.pk, fx.schools.pk, "", "", "", "", "", "", Q3, "7", ""],  # 9
            [pk, fx.schools.pk, "", "", "", "", "", "", Q1, "51", ""],  # 10: twice
            [pk, fx.schools.pk, "", "", "", "", "", "", date(YEAR, 12, 31), "", "a"],  # 11
        ],
    )
    before = AuditEntry.objects.count()
    response = post_import(clients["unit_officer"], fx.movement, workbook)
    assert response.status_code == 200
    found = issues(response)
    assert sorted({issue.row for issue in found}) == [3, 4, 5, 6, 7, 8, 9, 10, 11]
    by_row = {issue.row: issue for issue in found}
    assert by_row[3].value == "1,234.5,6"
    assert by_row[3].column == "Actual value" or by_row[3].column  # named in the active language
    assert by_row[4].value == "999999"
    # Rows are listed in order, and the page shows each one.
    assert [issue.row for issue in found] == sorted(issue.row for issue in found)
    assert b'data-row="7"' in response.content
    assert not ProgressReport.objects.exists()
    assert AuditEntry.objects.count() == before


def test_a_service_refusal_alone_saves_nothing(fx, clients):
    """Only the province-wide target's row is wrong, and only the service knows it."""
    workbook = sheet_with(
        ENGLISH[:2] + ["Period end", "Actual value"],
        [[fx.movement.pk, fx.schools.pk, Q1, 50], [fx.movement.pk, fx.growth.pk, Q1, 7]],
    )
    response = post_import(clients["unit_officer"], fx.movement, workbook)
    assert [issue.row for issue in issues(response)] == [3]
    assert not ProgressReport.objects.exists()


def test_a_closed_movement_refuses_the_file(fx, clients):
    services.review_create(
        actor=None, movement=fx.movement, kind="tong_ket", held_on=date(YEAR, 12, 31), title="TK"
    )
    workbook = sheet_with(["Target ID", "Period end", "Actual value"], [[fx.schools.pk, Q1, 5]])
    response = post_import(clients["unit_officer"], fx.movement, workbook)
    assert issues(response)
    assert not ProgressReport.objects.exists()


@pytest.mark.parametrize(
    "content",
    [b"", b"PK\x03\x04 broken zip", b"%PDF-1.4 renamed to .xlsx"],
    ids=["empty", "corrupt", "pdf"],
)
def test_a_file_that_is_not_a_workbook_is_refused(fx, clients, content):
    response = clients["unit_officer"].post(
        reverse("movements:progress_import", args=[fx.movement.pk]),
        {"file": SimpleUploadedFile("tien-do.xlsx", content, content_type=XLSX_MIME)},
    )
    assert response.status_code == 200
    assert response.context["form"].errors or issues(response)
    assert not ProgressReport.objects.exists()


def test_a_file_without_the_template_columns_is_refused(fx, clients):
    workbook = sheet_with(["Họ và tên", "Ngày sinh"], [["Nguyễn Văn An", "01/01/1990"]])
    found = issues(post_import(clients["unit_officer"], fx.movement, workbook))
    assert len(found) == 1 and found[0].row is None


# Large files ----------------------------------------------------------------------------


def _monthly(tree, targets: int):
    fx = make_movement(tree, year=2023, ends_on=date(YEAR, 12, 31), report_frequency="thang")
    rows = [fx.schools]
    for number in range(targets - 1):
        rows.append(
            services.target_create(
                actor=None,
                movement=fx.movement,
                level=Target.Level.UNIT,
                unit=tree.education,
                indicator=f"Chỉ tiêu {number}",
                measure="người",
                comparator="toi_thieu",
                value=D("1000"),
                cumulative=True,
            )
        )
    return fx, rows


def test_import_queries_do_not_grow_with_the_rows(tree, clients):
    """Twelve months or thirty-six of the same targets (48 or 144 rows): the same queries,
    but for the bulk inserts, which SQLite takes in batches of ~999 parameters."""
    fx, targets = _monthly(tree, 4)
    ends = [
        end for _start, end in completion.periods("thang", date(2023, 1, 1), date(YEAR, 12, 31))
    ]

    def run(period_ends, value):
        workbook = sheet_with(
            ["Target ID", "Period end", "Actual value"],
            [[t.pk, end, value] for t in targets for end in period_ends],
        )
        with CaptureQueriesContext(connection) as queries:
            response = post_import(clients["unit_officer"], fx.movement, workbook)
        assert response.status_code == 302, response.context and response.context["result"]
        return len(queries)

    few = run(ends[:12], 10)
    ProgressReport.objects.all().delete()
    many = run(ends, 20)
    assert ProgressReport.objects.count() == len(targets) * 36
    assert many - few <= 4  # one more batch of reports, two more of audit entries
