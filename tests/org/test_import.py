"""Importing units and people from Excel: templates, validation per row and column,
all-or-nothing saving, matching on re-import, scoping."""

from __future__ import annotations

import io
import time
import zipfile
from datetime import date, datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import translation
from openpyxl import Workbook, load_workbook

from thidua.audit.models import Action
from thidua.org import imports
from thidua.org.models import Person, Unit, UnitKind

from ..factories import PersonFactory

UNIT_HEADERS = [
    "Unit code",
    "Unit name",
    "Short name",
    "Kind",
    "Parent unit code",
    "Address",
    "Phone",
    "E-mail",
    "Head of unit",
]
PERSON_HEADERS = [
    "Full name",
    "Gender",
    "Date of birth",
    "Ethnicity",
    "Position",
    "Unit code",
    "Management level",
    "Identity number",
    "Phone",
    "E-mail",
]


def xlsx(headers, rows) -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(headers)
    for row in rows:
        sheet.append(list(row))
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def upload(client, kind: str, data: bytes, name: str = "nhap.xlsx"):
    return client.post(
        reverse("org:import_upload", args=[kind]),
        {f"{kind}-file": SimpleUploadedFile(name, data)},
    )


def errors_at(response) -> set[tuple[int | None, str]]:
    """(row, column key) of every reported problem: structure, not wording."""
    return {(issue.row, issue.key) for issue in response.context["result"].errors}


def counts():
    return Unit.objects.count(), Person.objects.count()


# A small tree under Sở Giáo dục, listed children first to show that order does not matter.
UNIT_ROWS = [
    ["T99.SGDDT.THCS1", "Trường THCS Nguyễn Du", "THCS Nguyễn Du", "Trường học", "T99.SGDDT.PGD1"],
    ["T99.SGDDT.PGD1", "Phòng Giáo dục huyện Một", "", "phong_ban", "T99.SGDDT"],
    ["T99.SGDDT.TH1", "Trường Tiểu học Kim Đồng", "", "School", "t99.sgddt.pgd1"],
]


def person_row(
    name,
    *,
    gender="Nữ",
    born="17/05/1985",
    ethnicity="Kinh",
    unit="T99.SGDDT.THPT1",
    level="Người lao động trực tiếp",
    number="",
    position="Giáo viên",
):
    return [name, gender, born, ethnicity, position, unit, level, number, "", ""]


# Templates -----------------------------------------------------------------------------


def headers_of(kind: str) -> list[str]:
    """The template's headers in Vietnamese, the language the test client gets."""
    with translation.override("vi"):
        return [str(column.header) for column in imports.IMPORTERS[kind].columns]


@pytest.mark.parametrize("kind", ["units", "people"])
def test_template_is_a_real_workbook_with_headers_lists_and_instructions(clients, kind):
    headers = headers_of(kind)
    assert len(headers) == {"units": 9, "people": 11}[kind]
    response = clients["secretariat"].get(reverse("org:import_template", args=[kind]))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    workbook = load_workbook(io.BytesIO(response.content))
    sheet = workbook.worksheets[0]
    assert [cell.value for cell in sheet[1]] == headers
    assert sheet.cell(row=2, column=1).value  # the example row
    assert len(workbook.worksheets) == 3  # data, instructions, lists
    guide = workbook.worksheets[1]
    described = {row[0] for row in guide.iter_rows(values_only=True)}
    assert set(headers) <= described
    validations = sheet.data_validations.dataValidation
    assert validations and all(v.type == "list" for v in validations)


def test_people_template_lists_only_the_officers_units_and_has_the_drop_downs(clients, tree):
    response = clients["unit_officer"].get(reverse("org:import_template", args=["people"]))
    workbook = load_workbook(io.BytesIO(response.content))
    lists = workbook.worksheets[2]
    codes = {value for row in lists.iter_rows(values_only=True) for value in row}
    assert tree.school.code in codes and tree.education.code in codes
    assert tree.health.code not in codes and tree.hospital.code not in codes
    assert "Khơ-me" in codes  # the ethnicities drop-down
    sheet = workbook.worksheets[0]
    covered = {str(v.sqref).split(":")[0] for v in sheet.data_validations.dataValidation}
    assert {"B2", "D2", "F2", "G2", "K2"} <= covered  # gender, ethnicity, unit, level, working
    assert sheet.cell(row=2, column=6).value == tree.education.code


def test_the_example_row_of_the_people_template_imports(clients, tree):
    response = clients["unit_officer"].get(reverse("org:import_template", args=["people"]))
    result = upload(clients["unit_officer"], "people", response.content).context["result"]
    assert result.ok, [str(e) for e in result.errors]
    assert result.created == 1


def test_the_import_page_shows_what_the_user_may_import(clients):
    page = clients["secretariat"].get(reverse("org:import"))
    assert page.status_code == 200
    assert b'data-testid="import-card-units"' in page.content
    assert b'data-testid="import-card-people"' in page.content
    officer = clients["unit_officer"].get(reverse("org:import"))
    assert officer.status_code == 200
    assert b'data-testid="import-card-units"' not in officer.content
    assert b'data-testid="import-card-people"' in officer.content
    assert clients["leader"].get(reverse("org:import")).status_code == 403


# Units ---------------------------------------------------------------------------------


def test_a_units_file_creates_the_tree_with_parents_in_any_order(clients, tree, audit_log):
    response = upload(clients["secretariat"], "units", xlsx(UNIT_HEADERS[:5], UNIT_ROWS), "dv.xlsx")
    result = response.context["result"]
    assert result.ok, [str(e) for e in result.errors]
    assert (result.created, result.updated, result.unchanged) == (3, 0, 0)
    office = Unit.objects.get(code="T99.SGDDT.PGD1")
    assert office.parent == tree.education and office.kind == UnitKind.DIVISION
    school = Unit.objects.get(code="T99.SGDDT.THCS1")
    assert school.parent == office and school.kind == UnitKind.SCHOOL
    assert school.path == f"{office.path}{school.pk}/" and school.depth == office.depth + 1
    assert Unit.objects.get(code="T99.SGDDT.TH1").parent == office
    assert len(audit_log(action=Action.CREATE, object_type="org.unit")) == 3
    (summary,) = audit_log(action=Action.IMPORT)
    assert summary.after["file"] == "dv.xlsx"
    assert (summary.after["created"], summary.after["updated"]) == (3, 0)
    assert summary.actor.username == "secretariat"
    assert b'data-testid="import-summary"' in response.content


def test_importing_the_same_units_file_again_creates_nothing(clients, tree, audit_log):
    data = xlsx(UNIT_HEADERS[:5], UNIT_ROWS)
    upload(clients["secretariat"], "units", data)
    before = counts()
    start = len(audit_log())
    result = upload(clients["secretariat"], "units", data).context["result"]
    assert result.ok
    assert (result.created, result.updated, result.unchanged) == (0, 0, 3)
    assert counts() == before
    assert [e.action for e in audit_log()[start:]] == [Action.IMPORT]


def test_a_changed_cell_updates_that_unit_only(clients, tree, audit_log):
    upload(clients["secretariat"], "units", xlsx(UNIT_HEADERS[:5], UNIT_ROWS))
    rows = [list(row) for row in UNIT_ROWS]
    rows[0][1] = "Trường THCS Nguyễn Du (đổi tên)"
    start = len(audit_log())
    result = upload(clients["secretariat"], "units", xlsx(UNIT_HEADERS[:5], rows)).context["result"]
    assert (result.created, result.updated, result.unchanged) == (0, 1, 2)
    entries = audit_log()[start:]
    assert [e.action for e in entries] == [Action.UPDATE, Action.IMPORT]
    assert entries[0].before["name"] == "Trường THCS Nguyễn Du"
    assert entries[0].after["name"] == "Trường THCS Nguyễn Du (đổi tên)"
    assert entries[1].after["updated"] == 1


def test_a_changed_parent_code_moves_the_unit_with_its_subtree(clients, tree, audit_log):
    rows = [
        ["T99.SYT.TTYT", "Trung tâm Y tế huyện", "", "y_te", "T99.SYT.BVDK"],
        [tree.hospital.code, tree.hospital.name, "", "y_te", tree.education.code],
    ]
    result = upload(clients["secretariat"], "units", xlsx(UNIT_HEADERS[:5], rows)).context["result"]
    assert result.ok, [str(e) for e in result.errors]
    assert (result.created, result.updated) == (1, 1)
    tree.hospital.refresh_from_db()
    assert tree.hospital.parent == tree.education
    centre = Unit.objects.get(code="T99.SYT.TTYT")
    assert centre.path.startswith(tree.hospital.path)
    assert len(audit_log(action=Action.MOVE)) == 1


def test_a_loop_of_parents_is_refused(clients, tree):
    rows = [
        ["A.1", "Đơn vị A", "", "khac", "A.2"],
        ["A.2", "Đơn vị B", "", "khac", "A.1"],
        [tree.education.code, tree.education.name, "", "so_nganh", tree.school.code],
    ]
    before = counts()
    response = upload(clients["secretariat"], "units", xlsx(UNIT_HEADERS[:5], rows))
    assert errors_at(response) == {
        (2, "parent"),
        (3, "parent"),
        (4, "parent"),
    }
    assert counts() == before


def test_bad_unit_rows_are_reported_and_nothing_is_saved(clients, tree):
    rows = [
        ["T99.NEW1", "Đơn vị mới", "", "khac", tree.province.code],  # valid
        ["T99.NEW1", "Trùng mã", "", "khac", tree.province.code],  # duplicate code
        ["Mã có dấu", "Đơn vị", "", "khac", tree.province.code],  # invalid code
        ["T99.NEW2", "", "", "khac", tree.province.code],  # no name
        ["T99.NEW3", "Đơn vị", "", "Hợp tác xã", tree.province.code],  # unknown kind
        ["T99.NEW4", "Đơn vị", "", "khac", "KHONG.CO"],  # unknown parent
        ["T99.NEW5", "Đơn vị", "", "", tree.province.code],  # kind needed for a new unit
        ["T99.NEW6", "Đơn vị", "", "khac", ""],  # parent needed for a new unit
    ]
    headers = UNIT_HEADERS[:5] + ["E-mail"]
    rows[0] = rows[0] + ["khong-phai-email"]
    before = counts()
    response = upload(clients["secretariat"], "units", xlsx(headers, rows))
    assert errors_at(response) == {
        (2, "email"),
        (3, "code"),
        (4, "code"),
        (5, "name"),
        (6, "kind"),
        (7, "parent"),
        (8, "kind"),
        (9, "parent"),
    }
    assert counts() == before
    bad = response.context["result"].bad_rows
    assert [row.number for row in bad] == [2, 3, 4, 5, 6, 7, 8, 9]
    assert b'data-testid="import-errors"' in response.content


def test_missing_and_unknown_columns_are_reported(clients, tree):
    data = xlsx(["Unit name", "Colour", "Kind"], [["Đơn vị", "đỏ", "khac"]])
    before = counts()
    result = upload(clients["secretariat"], "units", data).context["result"]
    assert any("Colour" in issue.message for issue in result.errors)  # unknown
    assert any(issue.key == "code" and issue.row is None for issue in result.errors)  # missing
    assert counts() == before


def test_a_unit_officer_may_not_import_units(clients, tree):
    before = counts()
    response = upload(clients["unit_officer"], "units", xlsx(UNIT_HEADERS[:5], UNIT_ROWS))
    assert response.status_code == 403
    assert counts() == before
    # The template itself is harmless.
    template = clients["unit_officer"].get(reverse("org:import_template", args=["units"]))
    assert template.status_code == 200


def test_unknown_kind_is_404(clients):
    assert clients["secretariat"].get(reverse("org:import_template", args=["x"])).status_code == 404
    response = upload(clients["secretariat"], "x", b"")
    assert response.status_code == 404


# Files that are not workbooks ----------------------------------------------------------


def _docx() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<w:document/>")
    return buffer.getvalue()


@pytest.mark.parametrize(
    "data",
    [
        pytest.param(_docx(), id="docx-renamed"),
        pytest.param("Họ và tên;Giới tính\nNguyễn Văn A;Nam\n".encode(), id="text"),
        pytest.param(b"", id="empty"),
        pytest.param(b"PK\x03\x04" + b"\x00" * 200, id="corrupt"),
    ],
)
@pytest.mark.parametrize("kind", ["units", "people"])
def test_files_that_are_not_workbooks_are_refused(clients, tree, data, kind):
    before = counts()
    response = upload(clients["secretariat"], kind, data, "danh-sach.xlsx")
    assert response.status_code == 200
    assert counts() == before
    if data:
        result = response.context["result"]
        assert len(result.errors) == 1 and result.errors[0].row is None
        assert not result.saved
    else:  # Django refuses an empty upload before the import sees it
        assert response.context["forms"][kind].errors["file"]
    assert b"alert-danger" in response.content or b"invalid-feedback" in response.content


def test_the_content_check_message_is_shown(clients, tree):
    response = upload(clients["secretariat"], "people", b"hello", "a.xlsx")
    (issue,) = response.context["result"].errors
    assert issue.message.encode() in response.content


def test_a_file_above_the_size_limit_is_refused_before_reading(clients, tree, settings):
    settings.THIDUA_IMPORT_MAX_BYTES = 1000
    data = xlsx(PERSON_HEADERS, [person_row("Người Lớn")])
    assert len(data) > 1000
    response = upload(clients["unit_officer"], "people", data)
    assert response.context["forms"]["people"].errors["file"]
    assert response.context["result"] is None
    assert not Person.objects.exists()


def test_a_workbook_with_only_headers_is_refused(clients, tree):
    result = upload(clients["secretariat"], "people", xlsx(PERSON_HEADERS, [])).context["result"]
    assert len(result.errors) == 1 and not result.saved


def test_too_many_rows_are_refused(clients, tree, monkeypatch):
    monkeypatch.setattr(imports, "MAX_ROWS", 3)
    rows = [person_row(f"Người Số {i}") for i in range(4)]
    before = counts()
    result = upload(clients["secretariat"], "people", xlsx(PERSON_HEADERS, rows)).context["result"]
    assert len(result.errors) == 1 and "3" in result.errors[0].message
    assert counts() == before


# People --------------------------------------------------------------------------------


def test_a_people_file_is_imported_with_labels_codes_and_excel_dates(clients, tree, audit_log):
    rows = [
        person_row("Nguyễn Văn An", gender="Nam", number="001085000123"),
        person_row(
            "Thạch Thị Sa Rinh",
            born=datetime(1990, 2, 3),
            ethnicity="kho me",
            level="Lãnh đạo",
            unit=tree.education.code.lower(),
        ),
        person_row("Lò Văn Páo", gender="nam", born="5/9/1979", ethnicity="Thái", level="quan_ly"),
        person_row("  Hoàng   thị Mai ", gender="Female", born="", ethnicity="", level=""),
    ]
    result = upload(clients["unit_officer"], "people", xlsx(PERSON_HEADERS, rows)).context["result"]
    assert result.ok, [str(e) for e in result.errors]
    assert result.created == 4
    an = Person.objects.get(identity_number="001085000123")
    assert (an.gender, an.date_of_birth, an.unit) == ("nam", date(1985, 5, 17), tree.school)
    rinh = Person.objects.get(full_name="Thạch Thị Sa Rinh")
    assert (rinh.ethnicity, rinh.date_of_birth, rinh.management_level, rinh.unit) == (
        "05",
        date(1990, 2, 3),
        "lanh_dao",
        tree.education,
    )
    pao = Person.objects.get(full_name="Lò Văn Páo")
    assert (pao.ethnicity, pao.date_of_birth, pao.management_level) == (
        "03",
        date(1979, 9, 5),
        "quan_ly",
    )
    mai = Person.objects.get(name_folded="hoang thi mai")
    assert (mai.full_name, mai.gender, mai.ethnicity) == ("Hoàng thị Mai", "nu", "01")
    assert mai.management_level == "truc_tiep" and mai.date_of_birth is None
    assert len(audit_log(action=Action.CREATE, object_type="org.person")) == 4
    (summary,) = audit_log(action=Action.IMPORT)
    assert summary.object_type == "org.person" and summary.after["created"] == 4


def test_one_bad_row_each_reports_row_and_column_and_saves_nothing(clients, tree, people):
    rows = [
        person_row("Người Hợp Lệ"),  # row 2: valid
        person_row("Ngày Sai", born="31/02/1990"),  # row 3
        person_row("Dân Tộc Lạ", ethnicity="Sao Hỏa"),  # row 4
        person_row("Đơn Vị Lạ", unit="KHONG.CO"),  # row 5
        person_row("Số Sai", number="12345"),  # row 6
        person_row("Số Một", number="001190000009"),  # row 7
        person_row("Số Trùng", number="001190000009"),  # row 8: same number as row 7
        person_row(""),  # row 9: no name
        person_row("Giới Tính Lạ", gender="Khác"),  # row 10
        person_row("Sinh Tương Lai", born="01/01/2999"),  # row 11
        person_row("Thư Sai", position="x")[:9] + ["khong-phai-email"],  # row 12
    ]
    before = counts()
    response = upload(clients["unit_officer"], "people", xlsx(PERSON_HEADERS, rows))
    assert response.status_code == 200
    assert errors_at(response) == {
        (3, "date_of_birth"),
        (4, "ethnicity"),
        (5, "unit"),
        (6, "identity_number"),
        (8, "identity_number"),
        (9, "full_name"),
        (10, "gender"),
        (11, "date_of_birth"),
        (12, "email"),
    }
    assert counts() == before
    result = response.context["result"]
    assert not result.saved and result.error_row_count == 9
    date_error = next(e for e in result.errors if e.row == 3)
    assert date_error.value == "31/02/1990"
    assert "31/02/1990" in date_error.message
    assert date_error.column == headers_of("people")[2]
    assert "3" in date_error.text and date_error.column in date_error.text
    duplicate = next(e for e in result.errors if e.row == 8)
    assert "7" in duplicate.message
    highlighted = {row.number: [bad for _text, bad in row.cells] for row in result.bad_rows}
    assert highlighted[3] == [False, False, True] + [False] * 7
    assert b'data-row="3"' in response.content


def test_an_officer_cannot_import_into_the_sibling_unit(clients, tree):
    rows = [
        person_row("Người Trường Mình"),
        person_row("Bác Sĩ Khác", unit=tree.health.code),
        person_row("Y Tá Khác", unit=tree.hospital.code),
        person_row("Không Ai", unit="T99.KHONGCO"),
    ]
    before = counts()
    response = upload(clients["unit_officer"], "people", xlsx(PERSON_HEADERS, rows))
    assert errors_at(response) == {(3, "unit"), (4, "unit"), (5, "unit")}
    assert counts() == before
    messages = {e.row: e.message.replace(e.value, "") for e in response.context["result"].errors}
    # The same answer for a unit that exists elsewhere and one that does not exist.
    assert messages[3] == messages[5]


def test_an_identity_number_of_someone_outside_the_officers_units_is_refused(clients, tree, people):
    doctor = people["doctor"]
    Person.objects.filter(pk=doctor.pk).update(identity_number="001080000777")
    rows = [person_row("Lê Hoàng Long", number="001080000777")]
    result = upload(clients["unit_officer"], "people", xlsx(PERSON_HEADERS, rows)).context["result"]
    assert {(e.row, e.key) for e in result.errors} == {(2, "identity_number")}
    doctor.refresh_from_db()
    assert doctor.unit == tree.hospital


def test_people_match_on_identity_number(clients, tree, people, audit_log):
    teacher = people["teacher"]  # identity number 001190000001, at the school
    rows = [
        person_row(
            "Nguyễn Thị Ánh",
            number="001190000001",
            born=teacher.date_of_birth.strftime("%d/%m/%Y"),
            position="Tổ trưởng chuyên môn",
            unit=tree.education.code,
        )
    ]
    before = counts()
    result = upload(clients["unit_officer"], "people", xlsx(PERSON_HEADERS, rows)).context["result"]
    assert result.ok, [str(e) for e in result.errors]
    assert (result.created, result.updated, result.unchanged) == (0, 1, 0)
    assert counts() == before
    teacher.refresh_from_db()
    assert (teacher.position, teacher.unit) == ("Tổ trưởng chuyên môn", tree.education)
    (entry,) = audit_log(action=Action.UPDATE, object_type="org.person")
    assert entry.object_id == str(teacher.pk)
    # The same file again changes nothing and writes no update.
    again = upload(clients["unit_officer"], "people", xlsx(PERSON_HEADERS, rows)).context["result"]
    assert (again.created, again.updated, again.unchanged) == (0, 0, 1)
    assert len(audit_log(action=Action.UPDATE, object_type="org.person")) == 1


def test_people_without_identity_number_match_on_name_date_of_birth_and_unit(clients, tree, people):
    director = people["director"]  # Trần Văn Đức, 17/05/1985, Sở Giáo dục, no number
    rows = [
        # Same person: the name folds to the same, so it matches (and the file's spelling wins).
        person_row(
            "trần  văn Đức",
            gender="Nam",
            unit=tree.education.code,
            position="Giám đốc",
            level="Lãnh đạo",
        ),
        # Same name and date, other unit: someone else.
        person_row("Trần Văn Đức", gender="Nam", unit=tree.school.code),
        # Same name and unit, other date of birth: someone else.
        person_row("Trần Văn Đức", gender="Nam", born="18/05/1985", unit=tree.education.code),
    ]
    result = upload(clients["unit_officer"], "people", xlsx(PERSON_HEADERS, rows)).context["result"]
    assert result.ok, [str(e) for e in result.errors]
    assert (result.created, result.updated, result.unchanged) == (2, 1, 0)
    director.refresh_from_db()
    assert director.position == "Giám đốc" and director.full_name == "trần văn Đức"
    assert Person.objects.filter(name_folded="tran van duc").count() == 3
    # Re-import: nothing new.
    again = upload(clients["unit_officer"], "people", xlsx(PERSON_HEADERS, rows)).context["result"]
    assert (again.created, again.updated, again.unchanged) == (0, 0, 3)
    assert Person.objects.filter(name_folded="tran van duc").count() == 3


def test_a_new_identity_number_is_given_to_the_same_person_rather_than_duplicating(
    clients, tree, people
):
    director = people["director"]
    rows = [
        person_row("Trần Văn Đức", gender="Nam", unit=tree.education.code, number="001085000555")
    ]
    result = upload(clients["unit_officer"], "people", xlsx(PERSON_HEADERS, rows)).context["result"]
    assert (result.created, result.updated) == (0, 1)
    director.refresh_from_db()
    assert director.identity_number == "001085000555"


def test_an_empty_cell_leaves_the_field_unchanged(clients, tree, people):
    teacher = people["teacher"]
    Person.objects.filter(pk=teacher.pk).update(position="Giáo viên", phone="0905000111")
    data = xlsx(
        ["Full name", "Unit code", "Identity number", "Position", "Phone"],
        [["Nguyễn Thị Ánh", tree.school.code, "001190000001", "", ""]],
    )
    result = upload(clients["unit_officer"], "people", data).context["result"]
    assert result.ok and result.unchanged == 1
    teacher.refresh_from_db()
    assert (teacher.position, teacher.phone) == ("Giáo viên", "0905000111")
    gender = headers_of("people")[1]
    assert any(gender in note for note in result.notes)  # absent columns are mentioned


def test_two_rows_for_the_same_person_without_number_are_refused(clients, tree):
    rows = [person_row("Phan Văn Tư"), person_row("Phan Văn Tư")]
    result = upload(clients["unit_officer"], "people", xlsx(PERSON_HEADERS, rows)).context["result"]
    assert {(e.row, e.key) for e in result.errors} == {(3, "full_name")}
    assert not Person.objects.filter(name_folded="phan van tu").exists()


def test_numbers_typed_as_numbers_keep_their_leading_zeros(clients, tree):
    rows = [person_row("Đỗ Văn Số", number=1190000002)]
    rows[0][8] = 912345678  # a phone number typed as a number
    result = upload(clients["unit_officer"], "people", xlsx(PERSON_HEADERS, rows)).context["result"]
    assert result.ok, [str(e) for e in result.errors]
    person = Person.objects.get(identity_number="001190000002")
    assert person.phone == "0912345678"


def test_a_failure_while_saving_rolls_everything_back(clients, tree, people, monkeypatch):
    """New people are created first; an update that fails afterwards undoes them too."""
    from django.core.exceptions import ValidationError

    from thidua.org import services

    def broken(**kwargs):
        raise ValidationError({"position": "Hỏng"})

    monkeypatch.setattr(services, "person_update", broken)
    teacher = people["teacher"]
    rows = [
        person_row("Người Một"),
        person_row("Người Hai"),
        person_row(teacher.full_name, number=teacher.identity_number, position="Hiệu trưởng"),
    ]
    before = counts()
    result = upload(clients["unit_officer"], "people", xlsx(PERSON_HEADERS, rows)).context["result"]
    assert counts() == before
    assert not Person.objects.filter(full_name="Người Một").exists()
    assert not result.saved and {e.row for e in result.errors} == {4}
    assert (result.created, result.updated) == (0, 0)


def test_many_new_people_cost_a_fixed_number_of_queries(
    clients, tree, django_assert_max_num_queries
):
    """Creating people on import is done in bulk: 200 rows cost far less than 200 queries."""
    rows = [person_row(f"Người Thứ {i}", born=f"{1 + i % 28:02d}/05/1985") for i in range(200)]
    data = xlsx(PERSON_HEADERS, rows)
    with django_assert_max_num_queries(60):
        result = upload(clients["unit_officer"], "people", data).context["result"]
    assert result.saved and result.created == 200
    assert Person.objects.filter(name_folded__startswith="nguoi thu").count() == 200


def test_headers_in_english_or_vietnamese_spelling_variants_are_accepted(clients, tree):
    headers = [h.upper() for h in PERSON_HEADERS]  # case and spacing do not matter
    result = upload(clients["unit_officer"], "people", xlsx(headers, [person_row("Vũ Thị Lan")]))
    assert result.context["result"].ok


def test_an_exported_people_file_can_be_imported_again(clients, tree, people):
    export = clients["secretariat"].get(reverse("org:person_export"))
    before = counts()
    result = upload(clients["secretariat"], "people", export.content).context["result"]
    assert result.ok, [str(e) for e in result.errors]
    assert (result.created, result.updated) == (0, 0)
    assert result.unchanged == Person.objects.count()
    assert counts() == before


def test_an_exported_units_file_can_be_imported_again(clients, tree):
    export = clients["secretariat"].get(reverse("org:unit_export"))
    before = counts()
    result = upload(clients["secretariat"], "units", export.content).context["result"]
    assert result.ok, [str(e) for e in result.errors]
    assert (result.created, result.updated) == (0, 0)
    assert result.unchanged == Unit.objects.count()
    assert counts() == before


def test_htmx_upload_returns_the_page_fragment(clients, tree):
    client = clients["unit_officer"]
    response = client.post(
        reverse("org:import_upload", args=["people"]),
        {"people-file": SimpleUploadedFile("a.xlsx", xlsx(PERSON_HEADERS, [person_row("Hà An")]))},
        HTTP_HX_REQUEST="true",
    )
    assert response.status_code == 200
    assert b"<html" not in response.content
    assert b'id="import-page"' in response.content
    assert "HX-Request" in response["Vary"]


# Scale ---------------------------------------------------------------------------------


def test_a_thousand_people_import_in_seconds_and_match_in_bulk(
    users, tree, django_assert_max_num_queries
):
    rows = [
        person_row(f"Người Thử {i}", number=f"0011900{i:05d}", born=date(1980, 1, 1 + i % 28))
        for i in range(1000)
    ]
    data = xlsx(PERSON_HEADERS, rows)
    started = time.monotonic()
    result = imports.person_import(actor=users["unit_officer"], data=data, filename="a")
    assert result.ok and result.created == 1000
    assert time.monotonic() - started < 20
    # Matching them again is done in bulk: a handful of queries, not one per row.
    with django_assert_max_num_queries(20):
        again = imports.person_import(actor=users["unit_officer"], data=data, filename="a")
    assert again.unchanged == 1000


def test_validating_thousands_of_rows_is_bulk(users, tree, django_assert_max_num_queries):
    rows = [
        person_row(f"Người Thử {i}", number=f"0011900{i:05d}", born=date(1980, 1, 1 + i % 28))
        for i in range(5000)
    ]
    rows.append(person_row("Sai Ngày", born="32/13/1990"))
    data = xlsx(PERSON_HEADERS, rows)
    started = time.monotonic()
    with django_assert_max_num_queries(40):
        result = imports.person_import(actor=users["unit_officer"], data=data, filename="a")
    assert time.monotonic() - started < 20
    assert {(e.row, e.key) for e in result.errors} == {(5002, "date_of_birth")}
    assert Person.objects.count() == 0


def test_services_refuse_an_actor_without_the_right(users, tree):
    from django.core.exceptions import PermissionDenied

    with pytest.raises(PermissionDenied):
        imports.unit_import(actor=users["unit_officer"], data=b"", filename="x")
    with pytest.raises(PermissionDenied):
        imports.person_import(actor=users["leader"], data=b"", filename="x")


def test_ethnicity_names_fold_to_distinct_keys():
    from thidua.org.ethnicities import ETHNICITIES

    keys = {imports._key(name) for _code, name in ETHNICITIES}
    assert len(keys) == len(ETHNICITIES)


def test_factory_people_are_untouched_by_a_units_import(clients, tree):
    PersonFactory(unit=tree.school)
    before = Person.objects.count()
    upload(clients["secretariat"], "units", xlsx(UNIT_HEADERS[:5], UNIT_ROWS))
    assert Person.objects.count() == before


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("17/05/1985", date(1985, 5, 17)),
        ("7/5/1985", date(1985, 5, 7)),
        ("17-05-1985", date(1985, 5, 17)),
        ("17.05.1985", date(1985, 5, 17)),
        ("1985-05-17", date(1985, 5, 17)),
        (datetime(1985, 5, 17), date(1985, 5, 17)),
        (31184, date(1985, 5, 17)),  # the serial Excel stores
        ("", None),
    ],
)
def test_parse_date(value, expected):
    assert imports.parse_date(value) == expected


@pytest.mark.parametrize("value", ["31/02/1990", "1985", 1985, "17/05/85", "ngày 17"])
def test_parse_date_refuses(value):
    with pytest.raises(ValueError):
        imports.parse_date(value)
