"""The catalogue pages: titles and forms grouped by category and level, with who may
receive and confer them, coefficients and today's amount, ballot and threshold, kinds,
legal basis and the confidence of the rule data. Entries defined by law are read-only but
for "in use"; the secretariat adds and edits the province's own forms."""

from __future__ import annotations

import datetime
import re
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import translation

from thidua.awards.models import AwardType, CommendationKind

LIST = reverse("awards:catalogue")


@pytest.fixture
def on_15_december_2024(monkeypatch):
    """Base salary 2.340.000 đ (Nghị định 73/2024/NĐ-CP, from 01/07/2024)."""
    monkeypatch.setattr(
        "django.utils.timezone.localdate", lambda *args, **kwargs: datetime.date(2024, 12, 15)
    )


def _row(html: str, code: str) -> str:
    match = re.search(rf'<tr data-code="{code}".*?</tr>', html, re.S)
    assert match, code
    return match.group(0)


def test_catalogue_groups_titles_then_forms_by_level(clients, on_15_december_2024):
    response = clients["unit_officer"].get(LIST)
    assert response.status_code == 200
    groups = response.context["groups"]
    assert [category.value for category, _levels in groups] == ["danh_hieu", "hinh_thuc"]
    titles = dict(groups[0][1])
    grassroots = [
        row.type.code for row in titles[str(AwardType.objects.get(code="ldtt").get_level_display())]
    ]
    assert {"ldtt", "cstdcs", "ttldtt"} <= set(grassroots)
    html = response.content.decode()
    assert html.index('data-code="ldtt"') < html.index('data-code="bk_tinh"')


def test_coefficients_and_money_today(clients, on_15_december_2024):
    html = clients["unit_officer"].get(LIST).content.decode()
    # Lao động tiên tiến on 15/12/2024: 0,3 × 2.340.000 = 702.000 → rounded up to 710.000.
    ldtt = _row(html, "ldtt")
    assert ">0,3<" in ldtt  # as the law writes it: 0,3, not 0,30
    assert "710.000" in ldtt
    # Bằng khen của Chủ tịch UBND tỉnh: 1,5 × 2.340.000 = 3.510.000 for a person,
    # 3,0 × 2.340.000 = 7.020.000 for a collective, a household 1,5 × 3.510.000 = 5.265.000
    # → 5.270.000.
    bk = _row(html, "bk_tinh")
    for amount in ("3.510.000", "7.020.000", "5.270.000"):
        assert amount in bk, amount
    assert "1,5" in bk


def test_ballot_threshold_kinds_legal_basis_and_confidence(clients, on_15_december_2024):
    html = clients["unit_officer"].get(LIST).content.decode()
    cstdcs = _row(html, "cstdcs")
    # Chiến sĩ thi đua cơ sở: council ballot, at least 80% of all members (Điều 30.7 NĐ 98/2023).
    assert "80%" in cstdcs
    assert "Điều 23 Luật Thi đua, khen thưởng 2022" in cstdcs
    assert 'data-testid="confidence"' not in _row(html, "ldtt")  # high confidence
    assert 'data-testid="confidence"' in _row(html, "ttldtt")  # medium
    bk = _row(html, "bk_tinh")
    with translation.override("vi"):
        assert str(CommendationKind.SUDDEN.label) in bk


def test_builtin_entries_cannot_be_edited_but_can_be_taken_out_of_use(clients, audit_log):
    ldtt = AwardType.objects.get(code="ldtt")
    client = clients["secretariat"]
    assert client.get(reverse("awards:award_type_edit", args=[ldtt.pk])).status_code == 403
    html = client.get(LIST).content.decode()
    assert reverse("awards:award_type_edit", args=[ldtt.pk]) not in html
    response = client.post(reverse("awards:award_type_toggle", args=[ldtt.pk]))
    assert response.status_code == 302
    ldtt.refresh_from_db()
    assert ldtt.is_active is False
    assert audit_log(object_type="awards.awardtype", action="update")
    # Out of use: hidden unless asked for.
    assert 'data-code="ldtt"' not in client.get(LIST).content.decode()
    assert 'data-code="ldtt"' in client.get(LIST, {"show_inactive": "on"}).content.decode()
    client.post(reverse("awards:award_type_toggle", args=[ldtt.pk]))
    ldtt.refresh_from_db()
    assert ldtt.is_active is True


def _form(**changes) -> dict:
    data = {
        "code": "knc_gd_tinh",
        "name": "Kỷ niệm chương Vì sự nghiệp giáo dục tỉnh",
        "category": "hinh_thuc",
        "level": "bo_tinh",
        "for_individual": "on",
        "authorities": ["provincial_chairman"],
        "coefficient_individual": "0,5",
        "kinds": ["qua_trinh_cong_hien"],
        "certificate_kind": "bang_khen",
        "legal_basis": "Quyết định 15/2024/QĐ-UBND",
        "sort_order": 500,
        "is_active": "on",
    }
    data.update(changes)
    return {k: v for k, v in data.items() if v is not None}


def test_secretariat_adds_a_form_of_the_province(clients, tree, audit_log, on_15_december_2024):
    response = clients["secretariat"].post(reverse("awards:award_type_create"), _form())
    assert response.status_code == 302
    created = AwardType.objects.get(code="knc_gd_tinh")
    assert created.owner == tree.province
    assert created.is_builtin is False
    assert created.coefficient_individual == Decimal("0.5")
    assert created.authorities == ["provincial_chairman"]
    assert audit_log(object_type="awards.awardtype", action="create")
    row = _row(clients["unit_officer"].get(LIST).content.decode(), "knc_gd_tinh")
    # 0,5 × 2.340.000 = 1.170.000.
    assert "1.170.000" in row
    assert ">0,5<" in row


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"code": "bk_tinh"}, "code"),
        ({"code": "Kỷ niệm chương"}, "code"),
        ({"for_individual": None}, "for_individual"),
        ({"ballot_required": "on"}, "ballot_threshold"),
        ({"ballot_required": "on", "ballot_threshold": "150"}, "ballot_threshold"),
    ],
)
def test_bad_input_is_refused_next_to_the_field(clients, changes, field):
    before = AwardType.objects.count()
    response = clients["secretariat"].post(reverse("awards:award_type_create"), _form(**changes))
    assert response.status_code == 200
    assert response.context["form"].errors[field]
    assert AwardType.objects.count() == before


def test_edit_the_province_form_keeps_its_code(clients, tree):
    clients["secretariat"].post(reverse("awards:award_type_create"), _form())
    own = AwardType.objects.get(code="knc_gd_tinh")
    response = clients["secretariat"].post(
        reverse("awards:award_type_edit", args=[own.pk]),
        _form(
            code="doi_ma",
            name="Kỷ niệm chương Giáo dục",
            ballot_required="on",
            ballot_threshold="80",
            version=own.version,
        ),
    )
    assert response.status_code == 302
    own.refresh_from_db()
    assert own.code == "knc_gd_tinh"
    assert own.name == "Kỷ niệm chương Giáo dục"
    assert own.ballot_threshold == Decimal("0.8")
    detail = clients["secretariat"].get(reverse("awards:award_type_detail", args=[own.pk]))
    assert "80%" in detail.content.decode()
    stale = clients["secretariat"].post(
        reverse("awards:award_type_edit", args=[own.pk]), _form(version=own.version - 1)
    )
    assert stale.status_code == 200 and stale.context["form"].non_field_errors()


@pytest.mark.parametrize("role", ["unit_officer", "leader", "council_member", "no_role"])
def test_only_the_secretariat_changes_the_catalogue(clients, role):
    ldtt = AwardType.objects.get(code="ldtt")
    assert clients[role].get(LIST).status_code == 200
    assert clients[role].get(reverse("awards:award_type_create")).status_code == 403
    assert (
        clients[role].post(reverse("awards:award_type_toggle", args=[ldtt.pk])).status_code == 403
    )
    ldtt.refresh_from_db()
    assert ldtt.is_active is True
