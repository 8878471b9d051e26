"""The movement management pages: the list (search without diacritics, filters, export,
constant queries), the movement form (Vietnamese dates, several-year periods, mottos,
stale saves), contents, responsibilities, participants by kind or subtree, launching
and its notifications, deleting drafts, attachments checked by content, and
movement-wide targets (Vietnamese numbers, ranges, zero baselines, breaking down)."""

from __future__ import annotations

import io
from datetime import date
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from openpyxl import load_workbook

from thidua.movements import services
from thidua.movements.models import Attachment, Movement, MovementStatus, Participation, Target
from thidua.notifications.models import Notification
from thidua.org.models import UnitKind

from ..factories import UnitFactory
from .access import PDF, pdf_upload
from .access_movements import movement_form, target_form
from .factories import make_movement

SEED_001 = (
    "Phong trào thi đua đặc biệt “Đoàn kết, đột phá, phát triển, thi đua lập thành tích "
    "chào mừng kỷ niệm 20 năm thành lập tỉnh”"
)


def _draft(tree, title="Phong trào thi đua nháp", **fields):
    data = dict(
        title=title,
        kind="thuong_xuyen",
        issuer=tree.committee,
        starts_on=date(2026, 1, 1),
        ends_on=date(2026, 12, 31),
    )
    data.update(fields)
    return services.movement_create(actor=None, **data)


def _ids(response) -> set[int]:
    return {m.pk for m in response.context["page"].object_list}


def _formset(prefix: str, rows: list[dict], initial: int = 0) -> dict:
    data = {
        f"{prefix}-TOTAL_FORMS": str(len(rows)),
        f"{prefix}-INITIAL_FORMS": str(initial),
        f"{prefix}-MIN_NUM_FORMS": "0",
        f"{prefix}-MAX_NUM_FORMS": "500",
    }
    for index, row in enumerate(rows):
        for key, value in row.items():
            data[f"{prefix}-{index}-{key}"] = value
    return data


# The list ------------------------------------------------------------------------------


def test_search_ignores_diacritics_and_matches_every_word(tree, clients):
    special = _draft(tree, SEED_001, kind="dac_biet")
    other = _draft(tree, "Phong trào thi đua chuyển đổi số")
    url = reverse("movements:list")

    found = _ids(clients["secretariat"].get(url, {"q": "chao mung ky niem 20 nam"}))
    assert found == {special.pk}
    found = _ids(clients["secretariat"].get(url, {"q": "CHUYEN DOI so"}))
    assert found == {other.pk}
    assert _ids(clients["secretariat"].get(url, {"q": "thi dua"})) == {special.pk, other.pk}
    assert _ids(clients["secretariat"].get(url, {"q": "dot pha moi truong"})) == set()


def test_search_by_document_number(tree, clients):
    fixture = make_movement(tree, launch=False)
    _draft(tree)
    found = _ids(clients["secretariat"].get(reverse("movements:list"), {"q": "09/CT"}))
    assert found == {fixture.movement.pk}


def test_filters_by_status_kind_and_overlapping_year(tree, clients):
    five_years = _draft(
        tree,
        "Phong trào thi đua giai đoạn 2021–2025",
        starts_on=date(2021, 1, 1),
        ends_on=date(2025, 12, 31),
        kind="chuyen_de",
    )
    running = make_movement(tree, year=2026).movement
    draft = _draft(tree, "Phong trào nháp 2026", kind="dac_biet")
    url = reverse("movements:list")
    client = clients["secretariat"]

    assert _ids(client.get(url, {"status": MovementStatus.LAUNCHED})) == {running.pk}
    assert _ids(client.get(url, {"status": MovementStatus.DRAFT})) == {five_years.pk, draft.pk}
    assert _ids(client.get(url, {"kind": "dac_biet"})) == {draft.pk}
    assert _ids(client.get(url, {"year": "2023"})) == {five_years.pk}
    assert _ids(client.get(url, {"year": "2025"})) == {five_years.pk}
    assert _ids(client.get(url, {"year": "2026"})) == {running.pk, draft.pk}
    assert _ids(client.get(url, {"year": "2026", "kind": "thuong_xuyen"})) == {running.pk}


def test_sorting_by_title(tree, clients):
    b = _draft(tree, "Bảo vệ môi trường")
    a = _draft(tree, "Ánh sáng văn hóa")
    c = _draft(tree, "Chuyển đổi số")
    response = clients["secretariat"].get(reverse("movements:list"), {"sort": "title_folded"})
    assert [m.pk for m in response.context["page"].object_list] == [a.pk, b.pk, c.pk]
    response = clients["secretariat"].get(reverse("movements:list"), {"sort": "-title_folded"})
    assert [m.pk for m in response.context["page"].object_list] == [c.pk, b.pk, a.pk]


def test_list_shows_only_movements_the_user_may_see(tree, clients):
    province = make_movement(tree).movement
    education_only = _draft(tree, "Phong trào của ngành giáo dục", issuer=tree.education)
    url = reverse("movements:list")
    assert _ids(clients["unit_officer"].get(url)) == {province.pk, education_only.pk}
    # Sở Y tế takes part in the province's movement, not in the department's.
    assert _ids(clients["other_officer"].get(url)) == {province.pk}
    assert _ids(clients["no_role"].get(url)) == set()


def test_launch_button_only_for_those_who_change_movements(tree, clients):
    url = reverse("movements:list")
    assert b'data-testid="movement-create"' in clients["secretariat"].get(url).content
    assert b'data-testid="movement-create"' not in clients["unit_officer"].get(url).content
    assert b'data-testid="movement-create"' not in clients["leader"].get(url).content


def _grow(tree, n: int) -> None:
    """``n`` launched movements, each with a few participants and a target."""
    units = [tree.education, tree.school, tree.health, tree.hospital]
    start = Movement.objects.count()
    for i in range(start, start + n):
        movement = _draft(tree, f"Phong trào số {i}")
        services.participants_set(actor=None, movement=movement, units=units[: 1 + i % 4])
        services.target_create(actor=None, movement=movement, indicator="Chỉ tiêu", value=1)
        services.movement_launch(actor=None, movement=movement)


def test_list_query_count_does_not_grow_with_rows(tree, users, settings):
    from ..conftest import client_for

    settings.THIDUA_PAGE_SIZE = 100
    url = reverse("movements:list")
    client = client_for(users["unit_officer"])
    counts = []
    for grow_by, shown in ((5, 5), (10, 15)):
        _grow(tree, grow_by)
        client.get(url)  # warm the session
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url, {"sort": "issuer__name", "year": "2026"})
        assert len(response.context["page"].object_list) == shown
        counts.append(len(queries))
    assert counts[0] == counts[1]


def test_export_has_the_filtered_movements(tree, clients):
    fixture = make_movement(tree, year=2026)
    _draft(tree, "Phong trào nháp khác")
    response = clients["secretariat"].get(
        reverse("movements:list_export"), {"status": MovementStatus.LAUNCHED}
    )
    assert response.status_code == 200
    assert response["Content-Disposition"].endswith('.xlsx"')
    sheet = load_workbook(io.BytesIO(response.content)).active
    rows = list(sheet.iter_rows(values_only=True))
    assert len(rows) == 2  # the header and the launched movement only
    row = rows[1]
    assert row[0] == fixture.movement.title
    assert row[3] == tree.committee.name
    assert row[4] == "09/CT-UBND"
    assert row[7].date() == date(2026, 1, 1) and row[8].date() == date(2026, 12, 31)
    assert row[10] == "Đoàn kết, kỷ cương\nChủ động thích ứng"
    assert row[11] == 3  # Sở GD&ĐT, its school, Sở Y tế
    assert row[12] == 1  # one movement-wide target (the other two are units')


def test_export_is_scoped(tree, clients):
    _draft(tree, "Phong trào của ngành giáo dục", issuer=tree.education)
    response = clients["other_officer"].get(reverse("movements:list_export"))
    sheet = load_workbook(io.BytesIO(response.content)).active
    assert sheet.max_row == 1


# The movement form ---------------------------------------------------------------------

CREATE = {
    "title": "Phong trào thi đua thực hiện thắng lợi Nghị quyết Đại hội giai đoạn 2021–2025",
    "kind": "chuyen_de",
    "signer": "Đồng Văn Thanh",
    "signer_title": "Chủ tịch UBND tỉnh",
    "document_number": "09/CT-UBND",
    "document_date": "15/03/2021",
    "starts_on": "01/04/2021",
    "ends_on": "31/12/2025",
    "theme": "Đoàn kết, đột phá, phát triển",
    "mottos": "“Đoàn kết, kỷ cương”\n\n  Chủ động thích ứng, bứt phá phát triển  ",
    "purpose": "Phát huy truyền thống yêu nước.",
    "report_frequency": "6_thang",
    "report_due_days": "15",
    "registration_opens": "01/04/2021",
    "registration_closes": "30/04/2021",
}


def test_create_reads_vietnamese_dates_and_mottos(tree, clients, audit_log):
    data = {**CREATE, "issuer": tree.committee.pk}
    response = clients["secretariat"].post(reverse("movements:create"), data)
    movement = Movement.objects.get(document_number="09/CT-UBND")
    assert response.status_code == 302
    assert response["Location"] == reverse("movements:contents", args=[movement.pk])
    assert movement.status == MovementStatus.DRAFT
    assert movement.issuer == tree.committee
    assert movement.document_date == date(2021, 3, 15)
    assert (movement.starts_on, movement.ends_on) == (date(2021, 4, 1), date(2025, 12, 31))
    assert movement.mottos == ["Đoàn kết, kỷ cương", "Chủ động thích ứng, bứt phá phát triển"]
    assert movement.report_frequency == "6_thang" and movement.report_due_days == 15
    assert movement.registration_closes == date(2021, 4, 30)
    assert movement.title_folded.startswith("phong trao thi dua thuc hien thang loi")
    assert [e.action for e in audit_log(object_type="movements.movement")] == ["create"]


def test_create_form_shows_errors_next_to_fields(tree, clients):
    data = {
        **CREATE,
        "issuer": tree.committee.pk,
        "ends_on": "31/12/2020",
        "starts_on": "32/01/2021",
    }
    response = clients["secretariat"].post(reverse("movements:create"), data)
    assert response.status_code == 200
    assert set(response.context["form"].errors) == {"starts_on"}
    data = {**CREATE, "issuer": tree.committee.pk, "ends_on": "31/12/2020"}
    response = clients["secretariat"].post(reverse("movements:create"), data)
    assert set(response.context["form"].errors) == {"ends_on"}
    assert b'data-field-error="ends_on"' in response.content
    assert not Movement.objects.exists()


def test_create_issuer_must_be_a_unit_the_user_launches_for(tree, users, clients):
    from ..factories import grant

    # A secretariat of Sở Y tế only: the province's committee is not among its issuers.
    grant(users["other_officer"], "secretariat", tree.health)
    from ..conftest import client_for

    client = client_for(users["other_officer"])
    response = client.post(reverse("movements:create"), {**CREATE, "issuer": tree.committee.pk})
    assert response.status_code == 200
    assert "issuer" in response.context["form"].errors
    response = client.post(reverse("movements:create"), {**CREATE, "issuer": tree.health.pk})
    assert response.status_code == 302
    assert Movement.objects.get().issuer == tree.health


def test_unit_officer_cannot_create_or_change_a_movement(tree, clients):
    movement = make_movement(tree).movement
    assert clients["unit_officer"].get(reverse("movements:create")).status_code == 403
    response = clients["unit_officer"].post(
        reverse("movements:edit", args=[movement.pk]), movement_form(movement, title="Đổi tên")
    )
    assert response.status_code == 403
    assert Movement.objects.get(pk=movement.pk).title == movement.title


def test_edit_saves_and_a_stale_form_is_refused(tree, clients, audit_log):
    movement = make_movement(tree, launch=False).movement
    url = reverse("movements:edit", args=[movement.pk])
    opened = movement_form(movement)  # both officers open the form at the same version
    updates = len(audit_log(object_type="movements.movement", action="update"))

    first = clients["secretariat"].post(url, {**opened, "theme": "Chủ đề của người thứ nhất"})
    assert first.status_code == 302
    second = clients["admin"].post(url, {**opened, "theme": "Chủ đề của người thứ hai"})
    assert second.status_code == 200
    errors = second.context["form"].non_field_errors()
    assert [e.code for e in second.context["form"].errors.as_data()["__all__"]] == ["stale"]
    assert errors
    movement.refresh_from_db()
    assert movement.theme == "Chủ đề của người thứ nhất"
    assert movement.version == opened["version"] + 1
    assert len(audit_log(object_type="movements.movement", action="update")) == updates + 1


def test_edit_form_shows_the_current_values(tree, clients):
    movement = make_movement(tree, launch=False).movement
    response = clients["secretariat"].get(reverse("movements:edit", args=[movement.pk]))
    content = response.content.decode()
    assert "10/01/2026" in content  # the document date, day first
    assert "Đoàn kết, kỷ cương\nChủ động thích ứng" in content


def test_continue_goes_to_the_next_step(tree, clients):
    movement = make_movement(tree, launch=False).movement
    response = clients["secretariat"].post(
        reverse("movements:edit", args=[movement.pk]), {**movement_form(movement), "continue": "1"}
    )
    assert response["Location"] == reverse("movements:contents", args=[movement.pk])


# Contents and responsibilities ---------------------------------------------------------


def test_contents_are_saved_in_the_order_of_their_numbers(tree, clients):
    movement = _draft(tree)
    url = reverse("movements:contents", args=[movement.pk])
    data = _formset(
        "contents",
        [
            {"number": "3", "label": "Ba là", "text": "Thi đua bảo vệ môi trường."},
            {"number": "1", "label": "Một là", "text": "Thi đua phát triển kinh tế."},
            {"number": "", "label": "", "text": ""},  # an empty row is ignored
            {"number": "2", "label": "Hai là", "text": "Thi đua cải cách hành chính."},
        ],
    )
    assert clients["secretariat"].post(url, data).status_code == 302
    assert list(movement.contents.values_list("order", "label")) == [
        (1, "Một là"),
        (2, "Hai là"),
        (3, "Ba là"),
    ]
    # Removing one and renumbering.
    data = _formset(
        "contents",
        [
            {"number": "1", "label": "Một là", "text": "Thi đua phát triển kinh tế."},
            {"number": "2", "label": "Hai là", "text": "Cải cách.", "DELETE": "on"},
            {"number": "2", "label": "Hai là", "text": "Thi đua bảo vệ môi trường."},
        ],
        initial=3,
    )
    assert clients["secretariat"].post(url, data).status_code == 302
    assert list(movement.contents.values_list("label", "text")) == [
        ("Một là", "Thi đua phát triển kinh tế."),
        ("Hai là", "Thi đua bảo vệ môi trường."),
    ]


def test_contents_label_without_text_is_refused(tree, clients):
    movement = _draft(tree)
    url = reverse("movements:contents", args=[movement.pk])
    data = _formset("contents", [{"number": "1", "label": "Một là", "text": ""}])
    response = clients["secretariat"].post(url, data)
    assert response.status_code == 200
    assert "text" in response.context["formset"].forms[0].errors
    assert not movement.contents.exists()


def test_more_rows_saves_nothing(tree, clients):
    movement = _draft(tree)
    url = reverse("movements:contents", args=[movement.pk])
    data = _formset("contents", [{"number": "1", "label": "1.", "text": "Nội dung."}])
    response = clients["secretariat"].post(url, {**data, "add_rows": "1"})
    assert response.status_code == 200
    assert len(response.context["formset"].forms) == 4
    assert not movement.contents.exists()


def test_responsibilities_with_a_matching_unit(tree, clients):
    movement = _draft(tree)
    url = reverse("movements:responsibilities", args=[movement.pk])
    data = _formset(
        "responsibilities",
        [
            {"number": "2", "agency": "Các sở, ban, ngành", "unit": "", "task": "Phát động."},
            {
                "number": "1",
                "agency": "",
                "unit": tree.home_affairs.pk,
                "task": "Theo dõi, tổng hợp, báo cáo UBND tỉnh.",
            },
        ],
    )
    assert clients["secretariat"].post(url, data).status_code == 302
    assert list(movement.responsibilities.values_list("agency", "unit_id", "task")) == [
        ("Sở Nội vụ", tree.home_affairs.pk, "Theo dõi, tổng hợp, báo cáo UBND tỉnh."),
        ("Các sở, ban, ngành", None, "Phát động."),
    ]
    # A task without anyone to do it is refused.
    data = _formset("responsibilities", [{"number": "1", "agency": "", "task": "Làm gì đó."}])
    response = clients["secretariat"].post(url, data)
    assert "agency" in response.context["formset"].forms[0].errors


# Participants --------------------------------------------------------------------------


@pytest.fixture
def schools(tree):
    return [
        UnitFactory(
            code=f"T99.SGDDT.TH{i}",
            name=f"Trường Tiểu học số {i}",
            kind=UnitKind.SCHOOL,
            parent=tree.education,
        )
        for i in range(3)
    ] + [
        UnitFactory(
            code="T99.XA01.THCS",
            name="Trường THCS Đông Thành",
            kind=UnitKind.SCHOOL,
            parent=tree.commune,
        )
    ]


def test_participants_by_kind_in_the_issuers_area(tree, clients, schools):
    movement = _draft(tree)
    url = reverse("movements:participants", args=[movement.pk])
    response = clients["secretariat"].post(
        url, {"kinds": [UnitKind.SCHOOL], "units": [tree.health.pk]}
    )
    assert response.status_code == 302
    expected = {tree.school.pk, tree.health.pk, *(s.pk for s in schools)}
    assert set(movement.participations.values_list("unit_id", flat=True)) == expected
    assert movement.participations.get(unit=tree.health).source == Participation.Source.CHOSEN
    page = clients["secretariat"].get(url)
    assert page.context["page"].paginator.count == 6
    assert page.context["form"].initial["kinds"] == [UnitKind.SCHOOL]


def test_participants_by_kind_under_a_subtree(tree, clients, schools):
    movement = _draft(tree)
    url = reverse("movements:participants", args=[movement.pk])
    clients["secretariat"].post(url, {"kinds": [UnitKind.SCHOOL], "roots": [tree.commune.pk]})
    assert set(movement.participations.values_list("unit_id", flat=True)) == {schools[-1].pk}
    # Every unit under Sở GD&ĐT (not itself), whatever its kind.
    clients["secretariat"].post(url, {"roots": [tree.education.pk]})
    assert set(movement.participations.values_list("unit_id", flat=True)) == {
        tree.school.pk,
        *(s.pk for s in schools[:3]),
    }


def test_counting_first_saves_nothing(tree, clients, schools):
    movement = _draft(tree)
    services.participants_set(actor=None, movement=movement, units=[tree.health])
    url = reverse("movements:participants", args=[movement.pk])
    response = clients["secretariat"].post(
        url, {"kinds": [UnitKind.SCHOOL], "roots": [tree.education.pk], "preview": "1"}
    )
    assert response.status_code == 200
    assert response.context["preview"] == {"total": 4, "added": 4, "removed": 1, "kept": 0}
    assert list(movement.participations.values_list("unit_id", flat=True)) == [tree.health.pk]


# Launch and delete ---------------------------------------------------------------------


def test_launch_refused_without_participants(tree, clients):
    movement = _draft(tree)
    services.contents_set(actor=None, movement=movement, items=[("1.", "Thi đua.")])
    response = clients["secretariat"].post(reverse("movements:launch", args=[movement.pk]))
    assert response.status_code == 200
    assert len(response.context["errors"]) == 1
    assert Movement.objects.get(pk=movement.pk).status == MovementStatus.DRAFT
    assert not Notification.objects.exists()


def test_launch_notifies_the_participants_officers(tree, users, clients):
    movement = make_movement(tree, launch=False).movement
    page = clients["secretariat"].get(reverse("movements:launch", args=[movement.pk]))
    assert page.context["participant_count"] == 3
    response = clients["secretariat"].post(reverse("movements:launch", args=[movement.pk]))
    assert response["Location"] == reverse("movements:detail", args=[movement.pk])
    movement.refresh_from_db()
    assert movement.status == MovementStatus.LAUNCHED and movement.launched_at
    told = set(
        Notification.objects.filter(object_id=str(movement.pk)).values_list(
            "recipient__username", flat=True
        )
    )
    assert {"officer", "other_officer"} <= told
    assert "nobody" not in told and "leader" not in told
    # A second launch is refused and tells no one again.
    count = Notification.objects.count()
    again = clients["secretariat"].post(reverse("movements:launch", args=[movement.pk]))
    assert again.status_code == 200 and again.context["errors"]
    assert Notification.objects.count() == count


def test_only_a_draft_can_be_deleted(tree, clients, audit_log):
    launched = make_movement(tree).movement
    response = clients["secretariat"].post(reverse("movements:delete", args=[launched.pk]))
    assert response.status_code == 200 and response.context["errors"]
    assert Movement.objects.filter(pk=launched.pk).exists()

    draft = _draft(tree)
    response = clients["secretariat"].post(reverse("movements:delete", args=[draft.pk]))
    assert response["Location"] == reverse("movements:list")
    assert not Movement.objects.filter(pk=draft.pk).exists()
    assert [e.action for e in audit_log(object_type="movements.movement")][-1] == "delete"


# Attachments ---------------------------------------------------------------------------


def test_attachment_checked_by_content(tree, clients):
    movement = make_movement(tree).movement
    url = reverse("movements:attachment_add", args=[movement.pk])
    renamed = SimpleUploadedFile("chi-thi.pdf", b"Day la van ban thuong.\n", "application/pdf")
    response = clients["secretariat"].post(url, {"kind": "phat_dong", "title": "", "file": renamed})
    assert response.status_code == 200
    assert "file" in response.context["form"].errors
    assert not Attachment.objects.exists()

    response = clients["secretariat"].post(
        url, {"kind": "phat_dong", "title": "Chỉ thị 09", "file": pdf_upload("chi-thi.pdf")}
    )
    assert response.status_code == 302
    attachment = Attachment.objects.get()
    assert (attachment.title, attachment.kind) == ("Chỉ thị 09", "phat_dong")


def test_attachment_served_to_those_who_see_the_movement(tree, clients):
    movement = make_movement(tree).movement
    attachment = services.attachment_add(
        actor=None, movement=movement, upload=pdf_upload("ke-hoach.pdf"), kind="ke_hoach"
    )
    url = reverse("movements:attachment", args=[attachment.pk])
    # Sở Y tế takes part, so its officer reads the plan.
    response = clients["other_officer"].get(url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == PDF
    assert "attachment;" in response["Content-Disposition"]
    assert clients["no_role"].get(url).status_code == 404

    hidden = _draft(tree, "Phong trào của ngành giáo dục", issuer=tree.education)
    other = services.attachment_add(
        actor=None, movement=hidden, upload=pdf_upload("noi-bo.pdf"), kind="khac"
    )
    assert (
        clients["other_officer"].get(reverse("movements:attachment", args=[other.pk])).status_code
        == 404
    )
    assert (
        clients["unit_officer"].get(reverse("movements:attachment", args=[other.pk])).status_code
        == 200
    )


def test_attachment_delete(tree, clients):
    movement = make_movement(tree).movement
    attachment = services.attachment_add(
        actor=None, movement=movement, upload=pdf_upload(), kind="khac"
    )
    url = reverse("movements:attachment_delete", args=[attachment.pk])
    assert clients["unit_officer"].post(url).status_code == 403
    assert clients["secretariat"].get(url).status_code == 405
    assert clients["secretariat"].post(url).status_code == 302
    assert not Attachment.objects.exists()


# Targets -------------------------------------------------------------------------------

TARGET = {
    "group": "kinh_te",
    "indicator": "Thu ngân sách nhà nước trên địa bàn",
    "measure": "tỷ đồng",
    "comparator": "toi_thieu",
    "value": "2.326,5",
    "direction": "cao",
    "cumulative": "on",
    "due_on": "31/12/2026",
}


def _post_target(client, movement, **changes):
    data = {k: v for k, v in {**TARGET, **changes}.items() if v is not None}
    return client.post(reverse("movements:target_create", args=[movement.pk]), data)


def test_target_numbers_read_the_vietnamese_way(tree, clients):
    movement = make_movement(tree, launch=False).movement
    response = _post_target(clients["secretariat"], movement, unit=tree.home_affairs.pk)
    assert response.status_code == 302
    target = Target.objects.get(indicator=TARGET["indicator"])
    assert target.value == Decimal("2326.5")
    assert target.level == Target.Level.MOVEMENT
    assert target.unit == tree.home_affairs and target.cumulative
    assert target.due_on == date(2026, 12, 31)
    assert target.order == 4  # after the fixture's three

    _post_target(clients["secretariat"], movement, indicator="GRDP bình quân", value="37,4")
    assert Target.objects.get(indicator="GRDP bình quân").value == Decimal("37.4")
    _post_target(clients["secretariat"], movement, indicator="Số lao động", value="2326.5")
    assert Target.objects.get(indicator="Số lao động").value == Decimal("2326.5")


@pytest.mark.parametrize("typed", ["2.32,5", "1,234,5", "12a", "2.326.5"])
def test_ambiguous_numbers_are_refused(tree, clients, typed):
    movement = make_movement(tree, launch=False).movement
    response = _post_target(clients["secretariat"], movement, value=typed)
    assert response.status_code == 200
    errors = response.context["form"].errors.as_data()
    assert [e.code for e in errors["value"]] == ["invalid"]
    assert typed in response.context["form"].errors["value"][0]
    assert not Target.objects.filter(indicator=TARGET["indicator"]).exists()


def test_range_with_upper_end_below_lower_end_is_refused(tree, clients):
    movement = make_movement(tree, launch=False).movement
    response = _post_target(
        clients["secretariat"],
        movement,
        comparator="khoang",
        value="7",
        value_max="6,5",
        direction="trong",
        measure="%",
    )
    assert response.status_code == 200
    assert "value_max" in response.context["form"].errors
    response = _post_target(
        clients["secretariat"],
        movement,
        comparator="khoang",
        value="6,5",
        value_max="7",
        direction="trong",
        measure="%",
        indicator="Tăng trưởng GRDP",
    )
    assert response.status_code == 302
    target = Target.objects.get(indicator="Tăng trưởng GRDP")
    assert (target.value, target.value_max) == (Decimal("6.5"), Decimal("7"))


def test_zero_baseline_with_a_change_in_per_cent_is_refused(tree, clients):
    movement = make_movement(tree, launch=False).movement
    response = _post_target(
        clients["secretariat"],
        movement,
        comparator="tang",
        value="10",
        baseline="0",
        relative_change="on",
        cumulative=None,
        reference="so với năm 2021",
    )
    assert response.status_code == 200
    assert "baseline" in response.context["form"].errors
    # The same change as an amount is fine.
    response = _post_target(
        clients["secretariat"],
        movement,
        comparator="tang",
        value="10",
        baseline="0",
        cumulative=None,
    )
    assert response.status_code == 302


def test_target_edit_and_stale_edit(tree, clients):
    fixture = make_movement(tree)
    url = reverse("movements:target_edit", args=[fixture.growth.pk])
    opened = target_form(fixture.growth)
    assert clients["secretariat"].post(url, {**opened, "value": "8,2"}).status_code == 302
    stale = clients["admin"].post(url, {**opened, "value": "9"})
    assert stale.status_code == 200
    assert [e.code for e in stale.context["form"].errors.as_data()["__all__"]] == ["stale"]
    assert Target.objects.get(pk=fixture.growth.pk).value == Decimal("8.2")


def test_target_delete_refused_once_reported(tree, clients):
    fixture = make_movement(tree)
    services.progress_report_save(
        actor=None,
        target=fixture.growth,
        period_end=date(2026, 3, 31),
        actual=Decimal("7"),
        today=date(2026, 4, 2),
    )
    url = reverse("movements:target_delete", args=[fixture.growth.pk])
    response = clients["secretariat"].post(url)
    assert response.status_code == 200 and response.context["errors"]
    assert Target.objects.filter(pk=fixture.growth.pk).exists()


def test_split_into_unit_targets(tree, clients):
    fixture = make_movement(tree)
    url = reverse("movements:target_split", args=[fixture.growth.pk])
    page = clients["secretariat"].get(url)
    assert {u.pk for u, _f in page.context["form"].rows()} == {
        tree.education.pk,
        tree.school.pk,
        tree.health.pk,
    }
    response = clients["secretariat"].post(
        url,
        {
            f"share_{tree.education.pk}": "7,8",
            f"share_{tree.health.pk}": "7.25",
            f"share_{tree.school.pk}": "",
            f"share_{tree.commune.pk}": "9",  # not a participant: no such box
        },
    )
    assert response.status_code == 302
    shares = {t.unit_id: t for t in Target.objects.filter(parent=fixture.growth)}
    assert set(shares) == {tree.education.pk, tree.health.pk}
    assert shares[tree.education.pk].value == Decimal("7.8")
    assert shares[tree.health.pk].value == Decimal("7.25")
    assert all(
        (s.level, s.indicator, s.comparator, s.measure)
        == (Target.Level.UNIT, fixture.growth.indicator, "dat", "%")
        for s in shares.values()
    )
    # Saving again updates a share rather than adding one.
    clients["secretariat"].post(url, {f"share_{tree.education.pk}": "8"})
    assert Target.objects.filter(parent=fixture.growth).count() == 2
    assert Target.objects.get(parent=fixture.growth, unit=tree.education).value == Decimal("8")


def test_split_needs_a_value_and_readable_numbers(tree, clients):
    fixture = make_movement(tree)
    url = reverse("movements:target_split", args=[fixture.growth.pk])
    response = clients["secretariat"].post(url, {f"share_{tree.education.pk}": ""})
    assert response.status_code == 200 and response.context["form"].non_field_errors()
    response = clients["secretariat"].post(url, {f"share_{tree.education.pk}": "7,8,1"})
    assert f"share_{tree.education.pk}" in response.context["form"].errors
    assert not Target.objects.filter(parent=fixture.growth).exists()


def test_htmx_search_returns_only_the_table(tree, clients):
    _draft(tree, SEED_001)
    response = clients["secretariat"].get(
        reverse("movements:list"), {"q": "ky niem"}, headers={"HX-Request": "true"}
    )
    content = response.content.decode()
    assert "<html" not in content and 'data-testid="movement-link"' in content
    assert "HX-Request" in response["Vary"]
