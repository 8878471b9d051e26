"""Pledges (giao ước thi đua): recorded by the secretariat or a block head, seen by the
owner's side and by every party, searched without diacritics, with a signed scan that is
checked by content and served only to those who see the pledge."""

from __future__ import annotations

import io
from datetime import date

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from openpyxl import load_workbook

from thidua.movements import services
from thidua.movements.models import Pledge
from thidua.org.models import UnitKind

from ..factories import UnitFactory
from .access import PDF, pdf_upload
from .factories import make_movement

SEED_002_TITLE = "Lãnh đạo các huyện, thành phố ký kết thi đua với Chủ tịch UBND tỉnh"


@pytest.fixture
def districts(tree):
    return [
        UnitFactory(
            code="T99.HBM",
            name="Huyện Bắc Mê",
            kind=UnitKind.PEOPLES_COMMITTEE,
            parent=tree.province,
        ),
        UnitFactory(
            code="T99.TPHG",
            name="Thành phố Hà Giang",
            kind=UnitKind.PEOPLES_COMMITTEE,
            parent=tree.province,
        ),
    ]


def _pledge(owner, parties, title="Giao ước thi đua", **fields):
    return services.pledge_create(
        actor=None,
        title=title,
        owner=owner,
        parties=parties,
        signed_on=fields.pop("signed_on", date(2024, 1, 20)),
        content=fields.pop("content", "Các bên cam kết thi đua hoàn thành xuất sắc nhiệm vụ."),
        **fields,
    )


def _ids(response) -> set[int]:
    return {p.pk for p in response.context["page"].object_list}


def _form(*, owner, parties, title, movement=None, version=None, **extra):
    data = {
        "title": title,
        "owner": owner.pk,
        "parties": [u.pk for u in parties],
        "signed_on": "26/12/2023",
        "place": "Hội trường UBND tỉnh Hà Giang",
        "signatories": "Nguyễn Văn Sơn, Chủ tịch UBND tỉnh\n\n  Chủ tịch UBND huyện Bắc Mê  \n",
        "content": "Các huyện, thành phố cam kết thực hiện thắng lợi các chỉ tiêu năm 2024.",
    }
    if movement is not None:
        data["movement"] = movement.pk
    if version is not None:
        data["version"] = version
    data.update(extra)
    return data


# Recording --------------------------------------------------------------------------------


def test_the_secretariat_records_the_seed_002_pledge(tree, clients, districts, audit_log):
    movement = make_movement(tree, year=2024).movement
    response = clients["secretariat"].post(
        reverse("movements:pledge_create"),
        _form(
            owner=tree.committee,
            parties=[tree.committee, *districts],
            title=SEED_002_TITLE,
            movement=movement,
            scan=pdf_upload("ky-ket-thi-dua.pdf"),
        ),
    )
    pledge = Pledge.objects.get(title=SEED_002_TITLE)
    assert response.status_code == 302
    assert response["Location"] == reverse("movements:pledge", args=[pledge.pk])
    assert pledge.movement == movement
    assert pledge.owner == tree.committee
    assert set(pledge.parties.values_list("pk", flat=True)) == {
        tree.committee.pk,
        *(d.pk for d in districts),
    }
    assert pledge.signed_on == date(2023, 12, 26)
    assert pledge.signatories.splitlines() == [
        "Nguyễn Văn Sơn, Chủ tịch UBND tỉnh",
        "Chủ tịch UBND huyện Bắc Mê",
    ]
    assert pledge.scan_name == "ky-ket-thi-dua.pdf"
    assert audit_log(object_type="movements.pledge", object_id=str(pledge.pk), action="create")

    detail = clients["leader"].get(reverse("movements:pledge", args=[pledge.pk]))
    assert detail.status_code == 200
    assert {u.pk for u in detail.context["parties"]} == {
        tree.committee.pk,
        *(d.pk for d in districts),
    }
    assert len(detail.context["signatories"]) == 2


def test_a_block_head_records_a_pledge_in_their_scope(tree, clients):
    response = clients["block_head"].post(
        reverse("movements:pledge_create"),
        _form(owner=tree.education, parties=[tree.education, tree.school], title="Giao ước khối"),
    )
    assert response.status_code == 302
    assert Pledge.objects.get(title="Giao ước khối").owner == tree.education


def test_a_block_head_cannot_record_for_another_unit(tree, clients):
    response = clients["block_head"].post(
        reverse("movements:pledge_create"),
        _form(owner=tree.health, parties=[tree.education, tree.school], title="Giao ước lạ"),
    )
    assert response.status_code == 200
    assert response.context["form"].errors["owner"]
    assert not Pledge.objects.exists()


def test_a_pledge_needs_two_parties_without_a_movement(tree, clients):
    response = clients["secretariat"].post(
        reverse("movements:pledge_create"),
        _form(owner=tree.education, parties=[tree.education], title="Một bên"),
    )
    assert response.status_code == 200
    assert response.context["form"].errors["parties"]
    assert not Pledge.objects.exists()


def test_a_text_file_renamed_pdf_is_refused(tree, clients):
    fake = SimpleUploadedFile(
        "giao-uoc.pdf", "Đây là văn bản thường, không phải PDF.".encode(), "application/pdf"
    )
    response = clients["secretariat"].post(
        reverse("movements:pledge_create"),
        _form(owner=tree.education, parties=[tree.education, tree.school], title="T", scan=fake),
    )
    assert response.status_code == 200
    assert response.context["form"].errors["scan"]
    assert not Pledge.objects.exists()
    # The service checks by content too, whoever calls it.
    fake.seek(0)
    with pytest.raises(ValidationError):
        _pledge(tree.education, [tree.education, tree.school], scan=fake)
    assert not Pledge.objects.exists()


def test_a_png_scan_is_accepted(tree, clients):
    png = b"\x89PNG\r\n\x1a\n" + b"\x00\x00\x00\rIHDR" + b"\x00" * 64
    response = clients["secretariat"].post(
        reverse("movements:pledge_create"),
        _form(
            owner=tree.education,
            parties=[tree.education, tree.school],
            title="Giao ước có ảnh chụp",
            scan=SimpleUploadedFile("anh-chup.PNG", png, "image/png"),
        ),
    )
    assert response.status_code == 302
    assert Pledge.objects.get().scan_name == "anh-chup.png"


def test_a_stale_edit_is_refused(tree, clients, users):
    pledge = _pledge(tree.education, [tree.education, tree.school], title="Bản đầu")
    url = reverse("movements:pledge_edit", args=[pledge.pk])
    version = clients["block_head"].get(url).context["form"].initial["version"]
    services.pledge_update(
        actor=users["secretariat"], pledge=pledge, title="Ban Thi đua sửa", expected_version=version
    )
    response = clients["block_head"].post(
        url,
        _form(
            owner=tree.education,
            parties=[tree.education, tree.school],
            title="Khối sửa",
            version=version,
        ),
    )
    assert response.status_code == 200
    assert response.context["form"].non_field_errors()
    pledge.refresh_from_db()
    assert pledge.title == "Ban Thi đua sửa"


def test_an_edit_changes_the_parties_and_keeps_the_scan(tree, clients):
    pledge = _pledge(
        tree.education, [tree.education, tree.school], title="Giao ước", scan=pdf_upload()
    )
    response = clients["block_head"].post(
        reverse("movements:pledge_edit", args=[pledge.pk]),
        _form(
            owner=tree.education,
            parties=[tree.education],
            title="Giao ước đã sửa",
            movement=make_movement(tree, year=2024).movement,
            version=pledge.version,
        ),
    )
    assert response.status_code == 302
    pledge.refresh_from_db()
    assert pledge.title == "Giao ước đã sửa"
    assert list(pledge.parties.values_list("pk", flat=True)) == [tree.education.pk]
    assert pledge.scan_name == "minh-chung.pdf"


def test_delete(tree, clients, audit_log):
    pledge = _pledge(tree.education, [tree.education, tree.school])
    response = clients["block_head"].post(reverse("movements:pledge_delete", args=[pledge.pk]))
    assert response.status_code == 302
    assert not Pledge.objects.filter(pk=pledge.pk).exists()
    assert audit_log(object_type="movements.pledge", action="delete")


# Seeing and searching ---------------------------------------------------------------------


def test_search_ignores_diacritics(tree, clients, districts):
    seed = _pledge(tree.committee, [tree.committee, *districts], title=SEED_002_TITLE)
    block = _pledge(
        tree.education, [tree.education, tree.school], title="Giao ước thi đua Khối văn xã"
    )
    url = reverse("movements:pledge_list")
    client = clients["secretariat"]
    assert _ids(client.get(url, {"q": "lanh dao cac huyen"})) == {seed.pk}
    assert _ids(client.get(url, {"q": "KHỐI VĂN XÃ"})) == {block.pk}
    # By a party's name, also without diacritics.
    assert _ids(client.get(url, {"q": "bac me"})) == {seed.pk}
    assert _ids(client.get(url, {"q": "chuyen le quy don"})) == {block.pk}
    assert _ids(client.get(url, {"q": "ky ket thi dua"})) == {seed.pk}
    assert _ids(client.get(url)) == {seed.pk, block.pk}


def test_filters_by_party_movement_and_year(tree, clients, districts):
    movement = make_movement(tree, year=2024).movement
    seed = _pledge(
        tree.committee,
        [tree.committee, *districts],
        title=SEED_002_TITLE,
        movement=movement,
        signed_on=date(2023, 12, 26),
    )
    later = _pledge(tree.education, [tree.education, tree.school], signed_on=date(2025, 2, 1))
    url = reverse("movements:pledge_list")
    client = clients["secretariat"]
    assert _ids(client.get(url, {"movement": movement.pk})) == {seed.pk}
    assert _ids(client.get(url, {"year": 2025})) == {later.pk}
    assert _ids(client.get(url, {"year": 2023})) == {seed.pk}
    assert _ids(client.get(url, {"party": districts[0].pk})) == {seed.pk}
    assert _ids(client.get(url, {"party": tree.school.pk})) == {later.pk}


def test_a_party_sees_the_pledge_but_cannot_change_it(tree, clients):
    # Owned by Sở Y tế, with the school (under Sở GD&ĐT) among the parties.
    shared = _pledge(tree.health, [tree.health, tree.school], title="Giao ước liên ngành")
    private = _pledge(tree.health, [tree.health, tree.hospital], title="Giao ước ngành y tế")
    officer = clients["unit_officer"]
    assert _ids(officer.get(reverse("movements:pledge_list"))) == {shared.pk}
    assert officer.get(reverse("movements:pledge", args=[shared.pk])).status_code == 200
    assert officer.get(reverse("movements:pledge", args=[private.pk])).status_code == 404
    assert (
        clients["block_head"].get(reverse("movements:pledge_edit", args=[shared.pk])).status_code
        == 403
    )
    other = clients["other_officer"]
    assert _ids(other.get(reverse("movements:pledge_list"))) == {shared.pk, private.pk}
    assert _ids(clients["no_role"].get(reverse("movements:pledge_list"))) == set()


def test_the_scan_is_served_only_to_those_who_see_the_pledge(tree, clients):
    pledge = _pledge(
        tree.education, [tree.education, tree.school], scan=pdf_upload("giao-uoc-ky.pdf")
    )
    url = reverse("movements:pledge_scan", args=[pledge.pk])
    response = clients["unit_officer"].get(url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == PDF
    assert "attachment" in response["Content-Disposition"]
    assert "giao-uoc-ky.pdf" in response["Content-Disposition"]
    assert clients["other_officer"].get(url).status_code == 404
    assert clients["no_role"].get(url).status_code == 404


def test_no_scan_answers_404(tree, clients):
    pledge = _pledge(tree.education, [tree.education, tree.school])
    assert (
        clients["secretariat"].get(reverse("movements:pledge_scan", args=[pledge.pk])).status_code
        == 404
    )


def test_export(tree, clients, districts):
    _pledge(tree.committee, [tree.committee, *districts], title=SEED_002_TITLE)
    _pledge(tree.health, [tree.health, tree.hospital], title="Giao ước ngành y tế")
    response = clients["other_officer"].get(reverse("movements:pledge_export"))
    assert response.status_code == 200
    sheet = load_workbook(io.BytesIO(response.content)).active
    rows = list(sheet.iter_rows(min_row=2, values_only=True))
    assert [row[0] for row in rows] == ["Giao ước ngành y tế"]
    assert rows[0][5] == "Sở Y tế; Bệnh viện Đa khoa tỉnh"


def test_the_list_costs_the_same_queries_for_more_pledges(tree, clients, districts):
    client = clients["secretariat"]
    url = reverse("movements:pledge_list")
    movement = make_movement(tree, year=2024).movement

    def measure():
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url)
        assert response.status_code == 200
        return len(queries), len(response.context["page"].object_list)

    _pledge(tree.committee, [tree.committee, *districts], movement=movement)
    few_queries, few_rows = measure()
    for i in range(12):
        _pledge(
            [tree.education, tree.health, tree.committee][i % 3],
            [tree.education, tree.school, tree.health, districts[i % 2]],
            title=f"Giao ước số {i}",
            movement=movement if i % 2 else None,
            scan=pdf_upload() if i % 3 == 0 else None,
        )
    many_queries, many_rows = measure()
    assert many_rows == few_rows + 12
    assert many_queries == few_queries
