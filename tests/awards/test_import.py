"""Legacy import of award history from Excel: the template, every row's checks named by row
and column, matching people (identity number, name and date of birth, the uncertain ones
chosen on the preview), all-or-nothing saving through the services, re-import without
duplicates, the upload kept per user, and a constant number of queries per file."""

from __future__ import annotations

import datetime
import io
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone, translation
from openpyxl import load_workbook

from thidua.audit.models import Action, AuditEntry
from thidua.awards import imports, services
from thidua.awards.models import (
    Authority,
    Award,
    CommendationKind,
    Decision,
    DecisionStatus,
    Household,
    Subject,
)
from thidua.org.models import Person

from ..factories import PersonFactory
from .factories import make_award, make_household
from .import_helpers import HEADERS, kept_upload, row, xlsx

TODAY = timezone.localdate()


@pytest.fixture(autouse=True)
def private_storage(settings, tmp_path):
    """Uploads waiting for confirmation go to a temporary private store."""
    settings.STORAGES = {
        **settings.STORAGES,
        "private": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": tmp_path / "private", "base_url": None},
        },
    }
    return tmp_path / "private"


def check(user, rows, **kwargs):
    return imports.check_file(actor=user, data=xlsx(rows), filename="lich-su.xlsx", **kwargs)


def save(user, rows, choices=None):
    return imports.import_file(
        actor=user, data=xlsx(rows), filename="lich-su.xlsx", choices=choices
    )


def errors_at(result) -> set[tuple[int | None, str]]:
    """(row, column key) of every problem: the structure, not the wording."""
    return {(issue.row, issue.key) for issue in result.errors}


def upload(client, data: bytes, name: str = "lich-su.xlsx"):
    return client.post(reverse("awards:import_upload"), {"file": SimpleUploadedFile(name, data)})


def state():
    return (
        Award.objects.count(),
        Decision.objects.count(),
        Person.objects.count(),
        Household.objects.count(),
    )


# Template --------------------------------------------------------------------------------


def test_template_has_the_vietnamese_headers_instructions_lists_and_an_example(
    clients, tree, users
):
    response = clients["unit_officer"].get(reverse("awards:import_template"))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    workbook = load_workbook(io.BytesIO(response.content))
    assert len(workbook.worksheets) == 3  # data, instructions, lists
    sheet, guide, lists = workbook.worksheets
    with translation.override("vi"):
        headers = [str(column.header) for column in imports.AWARD_COLUMNS]
    assert [cell.value for cell in sheet[1]] == headers
    described = {values[0] for values in guide.iter_rows(values_only=True)}
    assert set(headers) <= described
    listed = {value for values in lists.iter_rows(values_only=True) for value in values}
    # The catalogue by name and code, and only the officer's own units.
    assert {"Chiến sĩ thi đua cơ sở", "cstdcs", "Lao động tiên tiến", "ldtt"} <= listed
    assert {tree.education.code, tree.school.code} <= listed
    assert tree.hospital.code not in listed and tree.health.code not in listed
    example = [cell.value for cell in sheet[2]]
    assert example[imports.AWARD_COLUMNS.index(imports.AWARD_COLUMNS[5])] == tree.education.code
    assert sheet.data_validations.dataValidation


def test_the_example_row_of_the_template_checks_without_problems(clients, users):
    response = clients["unit_officer"].get(reverse("awards:import_template"))
    result = imports.check_file(
        actor=users["unit_officer"], data=response.content, filename="mau.xlsx"
    )
    assert result.errors == []
    assert result.awards == 1 and result.people_new == 1


# The whole path through the pages ------------------------------------------------------------


def test_upload_preview_confirm_then_reimport_creates_nothing(
    clients, users, tree, people, audit_log
):
    teacher = people["teacher"]  # Nguyễn Thị Ánh, 17/05/1985, the school, CCCD 001190000001
    rows = [
        # By name and date of birth, in the school: the teacher.
        row("Nguyen Thi Anh", born="17/05/1985", title="ldtt", year="2024"),
        # By identity number, though the row names the department above the school.
        row(
            "Nguyễn Thị Ánh",
            number="001190000001",
            born="",
            unit="T99.SGDDT",
            title="Chiến sĩ thi đua cơ sở",
            year="2023",
            decision="07/QĐ-SGDĐT",
            signed="15/01/2024",
            authority="Giám đốc Sở Giáo dục và Đào tạo",
        ),
        # Nobody of that name: created in the school, a woman (Thị).
        row("Hoàng Thị Mai", born="02/09/1990", title="Lao động tiên tiến", year="2024"),
        # The school itself.
        row(
            "Trường THPT Chuyên Lê Quý Đôn",
            subject="Tập thể",
            born="",
            title="Tập thể lao động tiên tiến",
            year="2024",
        ),
    ]
    client = clients["unit_officer"]
    response = upload(client, xlsx(rows))
    assert response.status_code == 302, response.context["result"].errors
    preview_url = response["Location"]
    page = client.get(preview_url)
    assert page.status_code == 200
    preview = page.context["preview"]
    assert (preview.awards, preview.people_new, preview.people_matched, preview.skipped) == (
        4,
        1,
        1,
        0,
    )
    assert preview.decisions_new == 2
    assert preview.uncertain == []
    assert Award.objects.count() == 0  # nothing before the confirmation

    response = client.post(preview_url)
    assert response.status_code == 302
    done = client.get(preview_url)
    assert done.context["result"].awards == 4

    awards = {a.recipient_name: a for a in Award.objects.select_related("decision", "person")}
    assert (
        set(awards)
        == {
            "Nguyễn Thị Ánh",
            "Hoàng Thị Mai",
            "Trường THPT Chuyên Lê Quý Đôn",
        }
        and Award.objects.count() == 4
    )
    assert Award.objects.filter(person=teacher).count() == 2
    mai = Person.objects.get(full_name="Hoàng Thị Mai")
    assert (mai.unit, mai.gender, mai.date_of_birth) == (
        tree.school,
        "nu",
        datetime.date(1990, 9, 2),
    )
    for decision in Decision.objects.all():
        assert decision.is_legacy and decision.status == DecisionStatus.ISSUED
    decision = Decision.objects.get(number="07/QĐ-SGDĐT")
    assert decision.authority == Authority.AGENCY_HEAD
    assert decision.authority_name == "Giám đốc Sở Giáo dục và Đào tạo"
    assert decision.signer_name == "Trần Văn Bình"
    # Money on the decision date: Lao động tiên tiến on 10/01/2025, 0,3 × 2.340.000 =
    # 702.000 → 710.000; Chiến sĩ thi đua cơ sở on 15/01/2024, 1,0 × 1.800.000; Tập thể lao
    # động tiên tiến on 10/01/2025, 0,8 × 2.340.000 = 1.872.000 → 1.880.000.
    by_code = {a.award_type.code: a.amount for a in Award.objects.select_related("award_type")}
    assert by_code == {"ldtt": 710_000, "cstdcs": 1_800_000, "ttldtt": 1_880_000}

    imported = audit_log(action=Action.IMPORT)
    assert len(imported) == 1 and imported[0].actor == users["unit_officer"]
    assert imported[0].after["awards"] == 4 and imported[0].after["people_created"] == 1
    assert len(audit_log(action=Action.CREATE, object_type="awards.award")) == 4
    assert len(audit_log(action=Action.CREATE, object_type="awards.decision")) == 2
    assert len(audit_log(action=Action.CREATE, object_type="org.person")) == 1

    # The same file again: everything is already there.
    before = state()
    response = upload(client, xlsx(rows))
    again = client.get(response["Location"]).context["preview"]
    assert (again.awards, again.skipped, again.people_new, again.decisions_new) == (0, 4, 0, 0)
    client.post(response["Location"])
    assert state() == before


def test_a_confirmed_upload_cannot_be_confirmed_again_and_its_file_is_gone(
    clients, users, tree, private_storage
):
    token = kept_upload(users["secretariat"], [row()])
    url = reverse("awards:import_preview", args=[token])
    assert clients["secretariat"].post(url).status_code == 302
    assert Award.objects.count() == 1
    folder = private_storage / "awards-import" / str(users["secretariat"].pk) / token
    assert not (folder / "source.xlsx").exists()  # identity numbers are not kept
    assert clients["secretariat"].post(url).status_code == 200  # the summary, again
    assert Award.objects.count() == 1


def test_an_upload_belongs_to_its_uploader(clients, users, tree):
    token = kept_upload(users["secretariat"], [row()])
    url = reverse("awards:import_preview", args=[token])
    assert clients["secretariat"].get(url).status_code == 200
    assert clients["unit_officer"].get(url).status_code == 404
    assert clients["unit_officer"].post(url).status_code == 404
    assert clients["leader"].get(url).status_code == 403  # may not import at all
    assert Award.objects.count() == 0


def test_only_an_excel_workbook_of_limited_size_is_accepted(clients, settings):
    docx = io.BytesIO()
    with zipfile.ZipFile(docx, "w") as archive:
        archive.writestr("word/document.xml", "<w:document/>")
    response = upload(clients["secretariat"], docx.getvalue(), name="lich-su.xlsx")
    assert response.status_code == 200
    assert response.context["form"].errors["file"]
    settings.THIDUA_IMPORT_MAX_BYTES = 1000
    response = upload(clients["secretariat"], xlsx([row()]))
    assert response.status_code == 200 and response.context["form"].errors["file"]
    assert state()[0] == 0


# Checks of each row ----------------------------------------------------------------------


def test_every_problem_is_named_by_row_and_column_and_nothing_is_saved(users, tree, people):
    next_year = TODAY.replace(year=TODAY.year + 1).strftime("%d/%m/%Y")
    rows = [
        row("Nguyễn Thị Ánh"),  # 2: fine
        row("Lê Văn Một", title="Bằng khen hạng Nhất"),  # 3: unknown title
        row("Lê Văn Hai", unit="T99.KHONGCO"),  # 4: unknown unit
        row("Lê Văn Ba", born="31/02/1990"),  # 5: no such date
        row("Lê Văn Bốn", year="2025", signed=next_year),  # 6: decision after today
        row("Lê Văn Năm", born="01/03/2000", year="1999", signed="15/01/2000"),  # 7: before birth
        row("Lê Văn Sáu", title="Tập thể lao động tiên tiến"),  # 8: not for individuals
        row("Lê Văn Bảy", title="cstdcs", authority="Thủ tướng Chính phủ"),  # 9: not conferred
        row("Lê Văn Tám", year="năm ngoái"),  # 10: not a year
        row("Nguyễn Thị Ánh"),  # 11: same as row 2
        row("Lê Văn Chín", year="2025", signed="10/12/2024"),  # 12: award after decision
        row("Lê Văn Mười", kind="Niên hạn"),  # 13: LĐTT is not a seniority award
        row("", subject="Cá nhân"),  # 14: no name
    ]
    before = state()
    result = save(users["secretariat"], rows)
    assert not result.ok
    assert errors_at(result) == {
        (3, "award_type"),
        (4, "unit"),
        (5, "date_of_birth"),
        (6, "decision_date"),
        (7, "decision_date"),
        (8, "award_type"),
        (9, "authority"),
        (10, "year"),
        (11, "award_type"),
        (12, "year"),
        (13, "kind"),
        (14, "name"),
    }
    assert state() == before
    assert {bad.number for bad in result.bad_rows} == {3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14}
    # The message names the row and the column (its header as in the template).
    issue = next(issue for issue in result.errors if issue.row == 3)
    title_column = next(c for c in imports.AWARD_COLUMNS if c.key == "award_type")
    assert issue.column == str(title_column.header)
    assert "3" in issue.text and issue.column in issue.text


def test_units_outside_the_scope_are_refused_unknown_ones_look_missing(users, tree, people):
    result = check(
        users["unit_officer"],
        [
            row("Lê Hoàng Long", unit="T99.SYT.BVDK"),  # seen by nobody in education
            row("Phạm Thu Hà", unit="T99.SNV"),
        ],
    )
    assert errors_at(result) == {(2, "unit"), (3, "unit")}
    # The officer does not see the hospital: told it is unknown, as a code that is not there.
    unknown = check(users["unit_officer"], [row("Lê Văn Một", unit="T99.KHONGCO")])
    assert [i.message for i in result.errors if i.row == 2] == [
        i.message.replace("T99.KHONGCO", "T99.SYT.BVDK") for i in unknown.errors
    ]


def test_a_unit_seen_but_not_changeable_is_outside_the_scope(users, tree):
    from thidua.org.roles import Role

    from ..factories import grant

    officer = users["unit_officer"]
    grant(officer, Role.LEADER, tree.health)  # sees Sở Y tế, records nothing there
    officer.refresh_from_db()
    result = check(officer, [row("Lê Văn Một", unit="T99.SYT")])
    unknown = check(officer, [row("Lê Văn Một", unit="T99.KHONGCO")])
    assert errors_at(result) == {(2, "unit")}
    assert result.errors[0].message != unknown.errors[0].message.replace("KHONGCO", "SYT")


def test_a_duplicate_of_an_award_in_the_registry_is_refused(users, tree, people):
    teacher = people["teacher"]
    make_award(person=teacher, code="ldtt", year=2024, issue=True)
    result = check(users["secretariat"], [row("Nguyễn Thị Ánh", title="ldtt", year="2024")])
    assert errors_at(result) == {(2, "award_type")}
    # Another year is not a duplicate.
    assert check(users["secretariat"], [row(year="2023", signed="10/01/2024")]).errors == []


def test_an_issued_decision_takes_no_new_award_but_its_own_rows_are_skipped(users, tree, people):
    teacher, director = people["teacher"], people["director"]
    award = make_award(person=teacher, code="ldtt", year=2024, issue=True)
    decision = award.decision
    same = {
        "decision": decision.number,
        "signed": decision.signed_on.strftime("%d/%m/%Y"),
        "authority": decision.authority_name,
        "title": "ldtt",
        "year": "2024",
    }
    present = row("Nguyễn Thị Ánh", **same)
    new = row(director.full_name, unit=tree.education.code, **same)
    result = check(users["secretariat"], [present])
    assert (result.errors, result.skipped, result.awards) == ([], 1, 0)
    result = check(users["secretariat"], [present, new])
    assert errors_at(result) == {(3, "decision_number")}


def test_rows_of_one_decision_must_agree_on_the_authority_and_signer(users, tree, people):
    rows = [
        row("Nguyễn Thị Ánh", authority="Thủ trưởng cơ quan, đơn vị"),
        row(
            "Lê Văn Một",
            born="01/01/1990",
            authority="Thủ trưởng cơ quan, đơn vị",
            signer="Ai Khác",
        ),
    ]
    assert errors_at(check(users["secretariat"], rows)) == {(3, "signer")}


def test_a_person_not_in_thidua_needs_a_gender_when_the_name_does_not_tell(users, tree):
    result = check(users["secretariat"], [row("Lê Hoàng Long", born="01/01/1990")])
    assert errors_at(result) == {(2, "gender")}
    result = check(users["secretariat"], [row("Lê Hoàng Long", born="01/01/1990", gender="Nam")])
    assert result.errors == [] and result.people_new == 1 and result.notes == []


def test_periods_kinds_authority_codes_and_amounts_are_read(users, tree, people):
    rows = [
        row(
            "Nguyễn Thị Ánh",
            title="bk_tinh",
            year="2021-2025",
            kind="Quá trình cống hiến",
            decision="120/QĐ-UBND",
            signed="20/12/2025",
            authority="provincial_chairman",
            amount="3.000.000",
        )
    ]
    result = save(users["secretariat"], rows)
    assert result.ok, [issue.text for issue in result.errors]
    award = Award.objects.select_related("decision").get()
    assert (award.period_start, award.year, award.period_label) == (2021, 2025, "2021–2025")
    assert award.kind == CommendationKind.DEDICATION
    assert award.decision.authority == Authority.PROVINCIAL_CHAIRMAN
    assert award.decision.authority_name == "Chủ tịch Ủy ban nhân dân tỉnh"
    assert award.amount == 3_000_000  # as paid, not recomputed


def test_of_two_titles_for_one_year_only_the_higher_is_paid(users, tree, people):
    """Chiến sĩ thi đua cơ sở and Lao động tiên tiến of 2024 on one decision of 10/01/2025:
    only the higher title is paid (Điều 49.5 Nghị định 152/2025/NĐ-CP), 1,0 × 2.340.000."""
    rows = [row("Nguyễn Thị Ánh", title="ldtt"), row("Nguyễn Thị Ánh", title="cstdcs")]
    assert save(users["secretariat"], rows).ok
    paid = dict(Award.objects.values_list("award_type__code", "amount"))
    assert paid == {"ldtt": 0, "cstdcs": 2_340_000}


# Matching people -------------------------------------------------------------------------


def test_the_same_name_and_birth_in_another_unit_is_uncertain_and_the_choice_decides(
    users, tree, people, clients
):
    # A namesake in the department: born the same day, but not in the school's subtree.
    namesake = PersonFactory(full_name="Trần Văn Đức", unit=tree.education)
    namesake_born = namesake.date_of_birth.strftime("%d/%m/%Y")
    rows = [
        row("Tran Van Duc", born=namesake_born, year="2024"),
        row("Trần Văn Đức", born=namesake_born, year="2023", signed="10/01/2024", decision="9/QĐ"),
    ]
    result = check(users["unit_officer"], rows)
    assert result.errors == []
    assert len(result.uncertain) == 1  # one question for both rows
    group = result.uncertain[0]
    assert group.rows == [2, 3]
    assert {c.pk for c in group.candidates} == {people["director"].pk, namesake.pk}
    assert result.people_new == 0 and result.people_matched == 0

    # Confirming without answering saves nothing.
    assert not save(users["unit_officer"], rows, choices={}).ok
    assert Award.objects.count() == 0

    # Through the page: the preview asks; the answer "this person" is used for both rows.
    token = kept_upload(users["unit_officer"], rows)
    url = reverse("awards:import_preview", args=[token])
    page = clients["unit_officer"].get(url)
    assert group.field in page.context["form"].fields
    response = clients["unit_officer"].post(url, {group.field: str(namesake.pk)})
    assert response.status_code == 302
    assert set(Award.objects.values_list("person_id", flat=True)) == {namesake.pk}


def test_choosing_a_new_person_creates_them_in_the_unit_of_the_row(users, tree, people):
    rows = [row("Trần Văn Đức", born="", unit=tree.education.code)]  # no birth: uncertain
    result = check(users["unit_officer"], rows)
    assert [c.pk for c in result.uncertain[0].candidates] == [people["director"].pk]
    saved = save(users["unit_officer"], rows, choices={result.uncertain[0].key: "new"})
    assert saved.ok, [i.text for i in saved.errors]
    created = Award.objects.get().person
    assert created != people["director"]
    assert (created.unit, created.gender) == (tree.education, "nam")


def test_a_stale_or_foreign_choice_is_refused(users, tree, people):
    rows = [row("Trần Văn Đức", born="", unit=tree.education.code)]
    key = check(users["unit_officer"], rows).uncertain[0].key
    result = save(users["unit_officer"], rows, choices={key: str(people["doctor"].pk)})
    assert errors_at(result) == {(2, "name")}
    assert Award.objects.count() == 0


def test_an_identity_number_of_someone_else_or_outside_the_scope_is_refused(users, tree, people):
    wrong_name = row("Lê Văn Khác", number="001190000001")
    assert errors_at(check(users["secretariat"], [wrong_name])) == {(2, "identity_number")}
    doctor = people["doctor"]
    doctor.identity_number = "001190000009"
    doctor.save()
    outside = row(doctor.full_name, number="001190000009", unit=tree.school.code)
    assert errors_at(check(users["unit_officer"], [outside])) == {(2, "identity_number")}


def test_rows_of_one_new_person_create_one_person(users, tree):
    rows = [
        row("Hoàng Thị Mai", number="001190000077", born="02/09/1990", year="2024"),
        row("Hoàng Thị Mai", born="02/09/1990", year="2023", signed="10/01/2024", decision="1/QĐ"),
    ]
    result = save(users["secretariat"], rows)
    assert result.ok and result.people_new == 1
    person = Person.objects.get(full_name="Hoàng Thị Mai")
    assert person.identity_number == "001190000077"
    assert Award.objects.filter(person=person).count() == 2


def test_households_are_matched_in_their_commune_or_created(users, tree):
    household = make_household(tree.commune, head_name="Nguyễn Văn Hộ")
    rows = [
        row(
            "Nguyen Van Ho",
            subject="Hộ gia đình",
            born="",
            unit=tree.commune.code,
            title="Gia đình văn hóa",
            decision="3/QĐ-UBND",
            authority="Chủ tịch UBND xã Đông Thành",
        ),
        row(
            "Đinh Thị Lan",
            subject="Hộ gia đình",
            born="",
            unit=tree.commune.code,
            title="Gia đình văn hóa",
            decision="3/QĐ-UBND",
            authority="Chủ tịch UBND xã Đông Thành",
        ),
    ]
    result = save(users["secretariat"], rows)
    assert result.ok, [i.text for i in result.errors]
    assert (result.households_matched, result.households_new) == (1, 1)
    recipients = set(Award.objects.values_list("household__head_name", "subject"))
    assert recipients == {("Nguyễn Văn Hộ", Subject.HOUSEHOLD), ("Đinh Thị Lan", Subject.HOUSEHOLD)}
    assert Award.objects.filter(household=household).exists()
    decision = Decision.objects.get()
    assert decision.authority == Authority.COMMUNE_CHAIRMAN
    assert decision.authority_name == "Chủ tịch UBND xã Đông Thành"


# All or nothing --------------------------------------------------------------------------


def test_a_failure_while_saving_leaves_nothing(users, tree, monkeypatch, audit_log):
    from django.core.exceptions import ValidationError

    issued = []
    original = services.decision_issue

    def failing(**kwargs):
        issued.append(kwargs["decision"].number)
        if len(issued) == 2:
            raise ValidationError("Máy chủ bận.")
        return original(**kwargs)

    monkeypatch.setattr(services, "decision_issue", failing)
    rows = [
        row("Hoàng Thị Mai", born="02/09/1990"),
        row("Lê Văn Một", born="01/01/1990", decision="2/QĐ", year="2024"),
    ]
    before = state()
    result = save(users["secretariat"], rows)
    assert not result.ok and len(issued) == 2
    assert result.errors and result.errors[0].row == 3
    assert state() == before
    assert audit_log() == []


# Scale -----------------------------------------------------------------------------------


def _queries(user, rows) -> int:
    data = xlsx(rows)
    with CaptureQueriesContext(connection) as captured:
        result = imports.check_file(actor=user, data=data, filename="x.xlsx")
    assert result.errors == [], [i.text for i in result.errors]
    return len(captured)


def test_checking_a_file_takes_the_same_queries_for_3_rows_as_for_30(users, tree, people):
    def rows(count):
        return [
            row(f"Nguyễn Văn Thử Nghiệm {n}", born="01/01/1990", decision=f"{n % 3}/QĐ")
            for n in range(count)
        ]

    user = users["unit_officer"]
    _queries(user, rows(1))  # warm-up: the user's grants, the catalogue's first load
    assert _queries(user, rows(3)) == _queries(user, rows(30))


def test_saving_does_not_take_queries_per_award(users, tree):
    def rows(count, decision):
        return [
            row(f"Nguyễn Văn Lưu {decision} {n}", born="01/01/1990", decision=decision)
            for n in range(count)
        ]

    def queries(rows_):
        with CaptureQueriesContext(connection) as captured:
            result = save(users["secretariat"], rows_)
        assert result.ok, [i.text for i in result.errors]
        return len(captured)

    queries(rows(1, "0/QĐ"))  # warm-up: the audit chain's head, the user's grants
    assert queries(rows(3, "1/QĐ")) == queries(rows(30, "2/QĐ"))


def test_the_headers_may_be_english_and_extra_columns_are_refused(users, tree, people):
    with translation.override("en"):
        english = [str(column.header) for column in imports.AWARD_COLUMNS]
    assert (
        check(
            users["secretariat"],
            [row()],
        ).errors
        == []
    )
    data = xlsx([row()], headers=english)
    assert imports.check_file(actor=users["secretariat"], data=data, filename="x").errors == []
    data = xlsx([[*row(), "x"]], headers=[*HEADERS, "Cột lạ"])
    result = imports.check_file(actor=users["secretariat"], data=data, filename="x")
    assert result.errors and result.errors[0].row is None


def test_nobody_without_the_right_imports(users):
    from django.core.exceptions import PermissionDenied

    with pytest.raises(PermissionDenied):
        imports.check_file(actor=users["leader"], data=xlsx([row()]), filename="x")
    assert not AuditEntry.objects.filter(action=Action.IMPORT).exists()
