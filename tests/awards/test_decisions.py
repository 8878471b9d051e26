"""The decision pages: list, draft, awards, issuing, revoking, budget and pickers."""

from __future__ import annotations

import datetime
import io
import json

import pytest
from django.db import connection
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from openpyxl import load_workbook

from thidua.audit.models import Action, AuditEntry
from thidua.awards import services
from thidua.awards.models import Authority, Award, AwardType, Decision, DecisionStatus
from thidua.awards.views.decisions import household_lookup, person_lookup

from ..factories import PersonFactory
from .factories import issue, make_award, make_decision, make_household

pytestmark = pytest.mark.django_db

SIGNED = datetime.date(2025, 1, 15)  # base salary 2.340.000


def _ids(response) -> set[int]:
    return {d.pk for d in response.context["page"].object_list}


@pytest.fixture
def decisions(tree, people):
    """An issued decision of Sở GD&ĐT, a draft of Sở Y tế, an issued provincial decision
    for the teacher and the doctor."""
    education = make_decision(
        tree.education, authority=Authority.AGENCY_HEAD, signed_on=SIGNED, number="11/QĐ-SGDĐT"
    )
    make_award(person=people["teacher"], code="ldtt", year=2024, decision=education)
    issue(education)
    health = make_decision(
        tree.health, authority=Authority.AGENCY_HEAD, signed_on=SIGNED, number="22/QĐ-SYT"
    )
    make_award(person=people["doctor"], code="giay_khen", year=2024, decision=health)
    province = make_decision(tree.committee, signed_on=SIGNED, number="33/QĐ-UBND")
    teacher_bk = make_award(person=people["teacher"], code="bk_tinh", year=2024, decision=province)
    doctor_bk = make_award(person=people["doctor"], code="bk_tinh", year=2024, decision=province)
    issue(province)
    return {
        "education": Decision.objects.get(pk=education.pk),
        "health": health,
        "province": Decision.objects.get(pk=province.pk),
        "teacher_bk": teacher_bk,
        "doctor_bk": doctor_bk,
    }


# The list ----------------------------------------------------------------------------------


def test_list_is_scoped(clients, decisions):
    url = reverse("awards:decision_list")
    everything = {decisions[k].pk for k in ("education", "health", "province")}
    assert _ids(clients["secretariat"].get(url)) == everything
    # The province's decision concerns the teacher; Sở Y tế's draft is invisible.
    assert _ids(clients["unit_officer"].get(url)) == {
        decisions["education"].pk,
        decisions["province"].pk,
    }
    assert _ids(clients["other_officer"].get(url)) == {
        decisions["health"].pk,
        decisions["province"].pk,
    }
    assert _ids(clients["no_role"].get(url)) == set()


def test_list_filters(clients, decisions):
    url = reverse("awards:decision_list")
    client = clients["secretariat"]
    assert _ids(client.get(url, {"q": "22/QĐ"})) == {decisions["health"].pk}
    assert _ids(client.get(url, {"status": DecisionStatus.DRAFT})) == {decisions["health"].pk}
    assert _ids(client.get(url, {"authority": Authority.PROVINCIAL_CHAIRMAN})) == {
        decisions["province"].pk
    }
    assert _ids(client.get(url, {"year": "2025"})) == {
        decisions[k].pk for k in ("education", "health", "province")
    }
    assert _ids(client.get(url, {"year": "2024"})) == set()


def test_list_shows_count_and_amount_in_force(clients, decisions, users):
    services.award_revoke(actor=users["secretariat"], award=decisions["doctor_bk"], reason="Sai")
    page = clients["secretariat"].get(reverse("awards:decision_list"))
    row = next(d for d in page.context["page"].object_list if d.pk == decisions["province"].pk)
    # One Bằng khen left: 1,5 × 2.340.000.
    assert (row.award_count, row.total) == (1, 3_510_000)
    assert "3.510.000" in page.content.decode()


def test_list_query_count_does_not_grow(clients, tree, people):
    client = clients["secretariat"]
    url = reverse("awards:decision_list")

    def make(n, start):
        for i in range(n):
            decision = make_decision(
                tree.committee, signed_on=SIGNED, number=f"{start + i}/QĐ-UBND"
            )
            person = PersonFactory(unit=tree.school)
            make_award(person=person, code="bk_tinh", year=2024, decision=decision)

    make(3, 100)
    client.get(url)  # warm caches (grants, session)
    with CaptureQueriesContext(connection) as few:
        assert client.get(url).status_code == 200
    make(27, 200)
    with CaptureQueriesContext(connection) as many:
        response = client.get(url)
    assert len(response.context["page"].object_list) == 30
    assert len(many) == len(few)


def test_export(clients, decisions):
    response = clients["unit_officer"].get(reverse("awards:decision_export"))
    assert response.status_code == 200
    sheet = load_workbook(io.BytesIO(response.content)).active
    rows = list(sheet.iter_rows(values_only=True))
    assert {r[0] for r in rows[1:]} == {"11/QĐ-SGDĐT", "33/QĐ-UBND"}
    province = next(r for r in rows if r[0] == "33/QĐ-UBND")
    assert province[9:11] == (2, 7_020_000)


# Draft, awards, issue ----------------------------------------------------------------------


def _decision_form(issuer, **changes) -> dict:
    data = {
        "number": "",
        "signed_on": "15/01/2025",
        "authority": Authority.AGENCY_HEAD,
        "authority_name": "Giám đốc Sở Giáo dục và Đào tạo",
        "signer_name": "Nguyễn Văn Giám",
        "signer_title": "GIÁM ĐỐC",
        "kind": "cong_trang",
        "subject_line": "Về việc tặng Giấy khen năm học 2023–2024",
        "grounds": "Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022;",
        "issuer": issuer.pk,
    }
    data.update(changes)
    return data


def test_create_a_draft(clients, tree, audit_log):
    response = clients["unit_officer"].post(
        reverse("awards:decision_create"), _decision_form(tree.education)
    )
    decision = Decision.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("awards:decision_detail", args=[decision.pk])
    assert decision.status == DecisionStatus.DRAFT and decision.issuer == tree.education
    assert audit_log(object_type="awards.decision", action=Action.CREATE)


def test_create_refuses_a_future_date_next_to_the_field(clients, tree):
    response = clients["unit_officer"].post(
        reverse("awards:decision_create"), _decision_form(tree.education, signed_on="01/01/2099")
    )
    assert response.status_code == 200
    assert response.context["form"].errors["signed_on"]
    assert not Decision.objects.exists()


def test_edit_a_draft(clients, tree):
    decision = make_decision(tree.education, authority=Authority.AGENCY_HEAD, signed_on=SIGNED)
    url = reverse("awards:decision_edit", args=[decision.pk])
    response = clients["unit_officer"].post(
        url, _decision_form(tree.education, subject_line="Về việc đã sửa", version=decision.version)
    )
    assert response.status_code == 302
    decision.refresh_from_db()
    assert decision.subject_line == "Về việc đã sửa"
    # A stale version is refused.
    response = clients["unit_officer"].post(url, _decision_form(tree.education, version=1))
    assert response.status_code == 200 and response.context["form"].non_field_errors()


def _award_form(person=None, code="giay_khen", year=2024, **extra) -> dict:
    data = {
        "subject": "ca_nhan",
        "person": person.pk if person else "",
        "award_type": AwardType.objects.get(code=code).pk,
        "year": str(year),
    }
    data.update(extra)
    return data


def test_add_awards_to_a_draft(clients, tree, people):
    decision = make_decision(tree.education, authority=Authority.AGENCY_HEAD, signed_on=SIGNED)
    url = reverse("awards:decision_award_add", args=[decision.pk])
    client = clients["unit_officer"]
    assert client.get(url).status_code == 200
    response = client.post(url, _award_form(people["teacher"], achievement="Giỏi"))
    assert response.status_code == 302
    award = Award.objects.get(decision=decision)
    # Giấy khen, individual: 0,3 × 2.340.000 = 702.000 → 710.000.
    assert (award.recipient_name, award.amount, award.achievement) == (
        "Nguyễn Thị Ánh",
        710_000,
        "Giỏi",
    )
    response = client.post(
        url,
        {
            "subject": "tap_the",
            "unit": tree.school.pk,
            "award_type": AwardType.objects.get(code="ttldtt").pk,
            "year": "2024",
        },
    )
    assert response.status_code == 302
    detail = client.get(reverse("awards:decision_detail", args=[decision.pk]))
    html = detail.content.decode()
    # Tập thể lao động tiên tiến: 0,8 × 2.340.000 = 1.872.000 → 1.880.000; total 2.590.000.
    assert "1.880.000" in html and "2.590.000" in html
    assert detail.context["total_count"] == 2 and detail.context["total_amount"] == 2_590_000


def test_award_errors_are_shown_next_to_the_field(clients, tree, people):
    decision = make_decision(tree.education, authority=Authority.AGENCY_HEAD, signed_on=SIGNED)
    url = reverse("awards:decision_award_add", args=[decision.pk])
    client = clients["unit_officer"]
    # No person chosen.
    form = client.post(url, _award_form(None)).context["form"]
    assert form.errors["person"]
    # Born after the decision.
    baby = PersonFactory(unit=tree.school, date_of_birth=datetime.date(2025, 6, 1))
    form = client.post(url, _award_form(baby)).context["form"]
    assert "01/06/2025" in " ".join(form.errors["person"])
    # A form the department head does not confer (Bằng khen của Chủ tịch UBND tỉnh).
    form = client.post(url, _award_form(people["teacher"], code="bk_tinh")).context["form"]
    assert form.errors["award_type"]
    # A year after the decision.
    form = client.post(url, _award_form(people["teacher"], year=2026)).context["form"]
    assert form.errors["year"]
    # A duplicate.
    make_award(person=people["teacher"], code="giay_khen", year=2024, decision=decision)
    form = client.post(url, _award_form(people["teacher"])).context["form"]
    assert "Nguyễn Thị Ánh" in " ".join(form.non_field_errors())
    assert Award.objects.filter(decision=decision).count() == 1


def test_person_outside_the_officers_units_is_not_offered(clients, tree, people):
    decision = make_decision(tree.education, authority=Authority.AGENCY_HEAD, signed_on=SIGNED)
    response = clients["unit_officer"].post(
        reverse("awards:decision_award_add", args=[decision.pk]), _award_form(people["doctor"])
    )
    assert response.status_code == 200 and response.context["form"].errors["person"]
    assert not Award.objects.exists()


def test_remove_an_award_from_the_draft(clients, tree, people, audit_log):
    award = make_award(person=people["teacher"], code="bk_tinh", year=2024, signed_on=SIGNED)
    response = clients["secretariat"].post(reverse("awards:decision_award_remove", args=[award.pk]))
    assert response.status_code == 302
    assert not Award.objects.filter(pk=award.pk).exists()
    assert audit_log(object_type="awards.award", action=Action.DELETE)


def test_issue_asks_for_the_number_next_to_the_field(clients, tree, people):
    award = make_award(person=people["teacher"], code="bk_tinh", year=2024, signed_on=SIGNED)
    url = reverse("awards:decision_issue", args=[award.decision_id])
    client = clients["secretariat"]
    assert client.get(url).status_code == 200
    form = client.post(url, {"number": "", "signed_on": "15/01/2025"}).context["form"]
    assert form.errors["number"]
    form = client.post(url, {"number": "5/QĐ-UBND", "signed_on": "01/01/2099"}).context["form"]
    assert form.errors["signed_on"]
    response = client.post(url, {"number": "5/QĐ-UBND", "signed_on": "20/01/2025"})
    assert response.status_code == 302
    decision = Decision.objects.get(pk=award.decision_id)
    assert (decision.status, decision.number, decision.signed_on) == (
        DecisionStatus.ISSUED,
        "5/QĐ-UBND",
        datetime.date(2025, 1, 20),
    )
    assert Award.objects.in_force().filter(pk=award.pk).exists()


def test_issue_shows_a_birth_date_problem_on_the_form(clients, tree):
    person = PersonFactory(unit=tree.school, date_of_birth=datetime.date(2000, 1, 1))
    award = make_award(person=person, code="bk_tinh", year=2024, signed_on=SIGNED)
    form = (
        clients["secretariat"]
        .post(
            reverse("awards:decision_issue", args=[award.decision_id]),
            {"number": "6/QĐ-UBND", "signed_on": "01/01/1999"},
        )
        .context["form"]
    )
    assert form.non_field_errors()
    assert Decision.objects.get(pk=award.decision_id).status == DecisionStatus.DRAFT


def test_delete_a_draft(clients, tree, people):
    award = make_award(person=people["teacher"], code="bk_tinh", year=2024, signed_on=SIGNED)
    response = clients["secretariat"].post(
        reverse("awards:decision_delete", args=[award.decision_id])
    )
    assert response.status_code == 302
    assert not Decision.objects.exists() and not Award.objects.exists()


def test_an_issued_decision_cannot_be_deleted_from_its_page(clients, decisions):
    pk = decisions["province"].pk
    response = clients["secretariat"].post(reverse("awards:decision_delete", args=[pk]))
    assert response.status_code == 302 and Decision.objects.filter(pk=pk).exists()
    response = clients["secretariat"].get(reverse("awards:decision_edit", args=[pk]))
    assert response["Location"] == reverse("awards:decision_detail", args=[pk])


# Revoke ------------------------------------------------------------------------------------


def test_revoke_with_a_reason_shows_as_revoked(clients, decisions, audit_log):
    award = decisions["teacher_bk"]
    url = reverse("awards:award_revoke", args=[award.pk])
    client = clients["secretariat"]
    form = client.post(url, {"reason": ""}).context["form"]
    assert form.errors["reason"]
    response = client.post(url, {"reason": "Thu hồi theo Quyết định số 77/QĐ-UBND"})
    assert response.status_code == 302
    award.refresh_from_db()
    assert award.revoked
    assert audit_log(object_type="awards.award", action=Action.REVOKE)
    detail = client.get(reverse("awards:decision_detail", args=[award.decision_id]))
    html = detail.content.decode()
    assert 'data-testid="revoked"' in html and "77/QĐ-UBND" in html
    # Only the doctor's Bằng khen is counted now.
    assert (detail.context["total_count"], detail.context["total_amount"]) == (1, 3_510_000)


def test_an_officer_of_a_recipient_unit_cannot_revoke(clients, decisions):
    response = clients["unit_officer"].post(
        reverse("awards:award_revoke", args=[decisions["teacher_bk"].pk]), {"reason": "Không"}
    )
    assert response.status_code == 403
    assert not Award.objects.get(pk=decisions["teacher_bk"].pk).revoked


# Detail ------------------------------------------------------------------------------------


def test_a_unit_concerned_sees_only_its_own_awards(clients, decisions):
    url = reverse("awards:decision_detail", args=[decisions["province"].pk])
    response = clients["unit_officer"].get(url)
    assert [a.recipient_name for a in response.context["awards"]] == ["Nguyễn Thị Ánh"]
    assert not response.context["whole"]
    assert "Lê Hoàng Long" not in response.content.decode()
    assert (
        clients["unit_officer"]
        .get(reverse("awards:decision_docx", args=[decisions["province"].pk]))
        .status_code
        == 403
    )
    secretariat = clients["secretariat"].get(url)
    assert len(secretariat.context["awards"]) == 2


def test_history_tab_lists_the_decision_and_its_awards(clients, decisions):
    response = clients["secretariat"].get(
        reverse("awards:decision_detail", args=[decisions["province"].pk]), {"tab": "history"}
    )
    entries = list(response.context["page"].object_list)
    kinds = {(e.object_type, e.action) for e in entries}
    assert ("awards.decision", Action.CREATE) in kinds
    assert ("awards.decision", Action.TRANSITION) in kinds
    assert ("awards.award", Action.CREATE) in kinds
    assert all(
        e.object_id
        in {
            str(decisions["province"].pk),
            str(decisions["teacher_bk"].pk),
            str(decisions["doctor_bk"].pk),
        }
        for e in entries
    )
    assert AuditEntry.objects.count() > len(entries)


# Budget ------------------------------------------------------------------------------------


def test_budget_totals_by_year_and_title(clients, decisions, tree, people, users):
    # 2025: LĐTT 0,3 × 2.340.000 → 710.000; two Bằng khen 2 × 3.510.000. The draft of Sở Y
    # tế does not count; a revoked award does not count.
    later = make_decision(tree.committee, signed_on=datetime.date(2026, 8, 1), number="44/QĐ-UBND")
    revoked = make_award(person=people["director"], code="bk_tinh", year=2025, decision=later)
    # 1,5 × 2.530.000 = 3.795.000 → 3.800.000.
    kept = make_award(person=people["clerk"], code="bk_tinh", year=2025, decision=later)
    issue(later)
    services.award_revoke(actor=users["secretariat"], award=revoked, reason="Sai")
    response = clients["secretariat"].get(reverse("awards:budget"))
    by_year = {
        r["decision__signed_on__year"]: (r["count"], r["amount"])
        for r in response.context["by_year"]
    }
    assert by_year == {2025: (3, 7_730_000), 2026: (1, 3_800_000)}
    assert kept.pk
    by_type = {
        (r["decision__signed_on__year"], r["award_type__name"]): r["amount"]
        for r in response.context["by_type"]
    }
    assert by_type[(2025, "Lao động tiên tiến")] == 710_000
    assert by_type[(2025, "Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh")] == 7_020_000
    assert response.context["total"] == {"count": 4, "amount": 11_530_000}
    assert "11.530.000" in response.content.decode()
    # A unit officer's budget covers their units' awards only: LĐTT and the teacher's BK.
    officer = clients["unit_officer"].get(reverse("awards:budget"))
    assert officer.context["total"] == {"count": 2, "amount": 4_220_000}
    only_2026 = clients["secretariat"].get(reverse("awards:budget"), {"year_from": "2026"})
    assert only_2026.context["total"]["amount"] == 3_800_000


def test_budget_export(clients, decisions):
    response = clients["secretariat"].get(reverse("awards:budget_export"))
    rows = list(load_workbook(io.BytesIO(response.content)).active.iter_rows(values_only=True))
    year_rows = [r for r in rows[1:] if not r[2]]
    assert [(r[0], r[3], r[4]) for r in year_rows] == [(2025, 3, 7_730_000)]


# Pickers ----------------------------------------------------------------------------------
# Called directly: thidua/awards/views/facts.py registers lookups under the same names.


def _lookup(view, user, **params) -> list[dict]:
    request = RequestFactory().get("/", params)
    request.user = user
    return json.loads(view(request).content)["results"]


def test_person_lookup_folds_and_scopes(users, people):
    found = _lookup(person_lookup, users["unit_officer"], q="nguyen thi anh")
    assert [r["id"] for r in found] == [people["teacher"].pk]
    assert found[0]["trail"].endswith("Trường THPT Chuyên Lê Quý Đôn")
    assert _lookup(person_lookup, users["unit_officer"], q="le hoang long") == []
    # The council member sees everyone but confers on nobody.
    assert _lookup(person_lookup, users["council_member"], q="long")
    assert _lookup(person_lookup, users["council_member"], q="long", **{"for": "change"}) == []
    assert _lookup(person_lookup, users["other_officer"], q="long", **{"for": "change"})
    by_id = _lookup(person_lookup, users["secretariat"], q="001190000001")
    assert [r["id"] for r in by_id] == [people["teacher"].pk]


def test_household_lookup(users, tree):
    household = make_household(tree.commune, head_name="Đỗ Văn Hộ")
    found = _lookup(household_lookup, users["secretariat"], q="do van ho", **{"for": "change"})
    assert [r["id"] for r in found] == [household.pk]
    assert _lookup(household_lookup, users["unit_officer"], q="do van ho") == []
    assert _lookup(household_lookup, users["council_member"], q="ho", **{"for": "change"}) == []
