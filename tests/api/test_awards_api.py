"""The awards API: registry search scoped like the pages, a person's and a unit's history,
the eligibility check with its reasons and citations, the catalogue, and the public
verification of a certificate that says no more than the certificate itself."""

from __future__ import annotations

import datetime
from decimal import Decimal

import pytest
from django.core.cache import cache
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from thidua.awards import services
from thidua.awards.models import Rating

from ..awards.factories import make_award, make_decision
from ..conftest import client_for
from ..factories import PersonFactory

REGISTRY = "/api/v1/awards/registry"


def rate(person=None, unit=None, year=2024, rating=Rating.EXCELLENT):
    return services.task_rating_save(actor=None, person=person, unit=unit, year=year, rating=rating)


@pytest.fixture
def data(tree, people):
    """The teacher (the school, under Sở GD&ĐT): Chiến sĩ thi đua cơ sở 2023, Lao động
    tiên tiến 2024 (rated "hoàn thành" that year), a Bằng khen 2024 revoked; the doctor
    (hospital, under Sở Y tế): a Bằng khen 2024; the school: Tập thể lao động tiên tiến 2024;
    the director: a Lao động tiên tiến on a draft decision, not in the registry."""
    teacher, doctor = people["teacher"], people["doctor"]
    rate(person=teacher, year=2023, rating=Rating.EXCELLENT)
    rate(person=teacher, year=2024, rating=Rating.COMPLETED)
    awards = {
        "cstdcs": make_award(person=teacher, code="cstdcs", year=2023, issue=True),
        "ldtt": make_award(person=teacher, code="ldtt", year=2024, issue=True),
        "revoked": make_award(person=teacher, code="bk_tinh", year=2024, issue=True),
        "doctor": make_award(person=doctor, code="bk_tinh", year=2024, issue=True),
        "school": make_award(unit=tree.school, code="ttldtt", year=2024, issue=True),
        "draft": make_award(person=people["director"], code="ldtt", year=2024),
    }
    services.award_revoke(actor=None, award=awards["revoked"], reason="Kê khai không trung thực")
    for award in awards.values():
        award.refresh_from_db()
    return awards


def ids(response) -> set[int]:
    assert response.status_code == 200, response.content
    return {item["id"] for item in response.json()["items"]}


def pk(data, *names) -> set[int]:
    return {data[name].pk for name in names}


# Registry ------------------------------------------------------------------------------


def test_registry_search_filters(users, tree, data):
    client = client_for(users["secretariat"])
    assert ids(client.get(REGISTRY)) == pk(data, "cstdcs", "ldtt", "revoked", "doctor", "school")
    # The name without diacritics.
    assert ids(client.get(REGISTRY, {"q": "nguyen thi anh"})) == pk(
        data, "cstdcs", "ldtt", "revoked"
    )
    assert ids(client.get(REGISTRY, {"unit": tree.education.pk})) == pk(
        data, "cstdcs", "ldtt", "revoked", "school"
    )
    assert ids(client.get(REGISTRY, {"unit": tree.education.pk, "with_subtree": False})) == set()
    assert ids(client.get(REGISTRY, {"year": 2023})) == pk(data, "cstdcs")
    assert ids(client.get(REGISTRY, {"award_type": "bk_tinh"})) == pk(data, "revoked", "doctor")
    number = data["cstdcs"].decision.number
    assert ids(client.get(REGISTRY, {"decision_number": number})) == pk(data, "cstdcs")
    assert ids(client.get(REGISTRY, {"subject": "tap_the"})) == pk(data, "school")
    assert ids(client.get(REGISTRY, {"include_revoked": False})) == pk(
        data, "cstdcs", "ldtt", "doctor", "school"
    )
    response = client.get(REGISTRY, {"award_type": "khong_co"})
    assert response.status_code == 422 and "award_type" in response.json()["detail"]


def test_registry_is_scoped_like_the_pages(users, tree, data):
    assert ids(client_for(users["unit_officer"]).get(REGISTRY)) == pk(
        data, "cstdcs", "ldtt", "revoked", "school"
    )
    assert ids(client_for(users["other_officer"]).get(REGISTRY)) == pk(data, "doctor")
    assert ids(client_for(users["no_role"]).get(REGISTRY)) == set()
    # A unit outside the caller's view looks missing.
    response = client_for(users["unit_officer"]).get(REGISTRY, {"unit": tree.health.pk})
    assert response.status_code == 404
    assert Client().get(REGISTRY).status_code == 401


def test_registry_item_carries_the_decision_amount_and_revocation(users, data):
    items = {
        item["id"]: item for item in client_for(users["secretariat"]).get(REGISTRY).json()["items"]
    }
    ldtt = items[data["ldtt"].pk]
    decision = data["ldtt"].decision
    assert ldtt["recipient_name"] == "Nguyễn Thị Ánh"
    assert ldtt["recipient_unit_name"] == "Trường THPT Chuyên Lê Quý Đôn"
    assert (ldtt["award_type"], ldtt["year"], ldtt["period"]) == ("ldtt", 2024, "2024")
    assert ldtt["decision_number"] == decision.number
    assert ldtt["decision_date"] == decision.signed_on.isoformat()
    assert ldtt["authority"] == "agency_head"
    # Lao động tiên tiến decided on 15/01/2025: 0,3 × 2.340.000 = 702.000 → 710.000.
    assert decision.signed_on == datetime.date(2025, 1, 15)
    assert ldtt["amount"] == 710_000
    revoked = items[data["revoked"].pk]
    assert revoked["revoked"] is True
    assert revoked["revoked_reason"] == "Kê khai không trung thực"
    assert items[data["school"].pk]["subject"] == "tap_the"


def test_registry_takes_the_same_queries_for_3_awards_as_for_30(users, tree):
    def queries() -> int:
        client = client_for(users["secretariat"])
        client.get(REGISTRY)  # warm-up: the session, the grants
        with CaptureQueriesContext(connection) as captured:
            response = client.get(REGISTRY)
        assert response.status_code == 200
        return len(captured)

    def add(count, start):
        decision = make_decision(tree.committee, signed_on=datetime.date(2025, 1, 20))
        for n in range(start, start + count):
            person = PersonFactory(full_name=f"Trần Văn Khen {n}", unit=tree.school)
            services.award_add(
                actor=None,
                decision=decision,
                award_type=services.award_types_by_name(["bk_tinh"])["bk_tinh"],
                subject="ca_nhan",
                person=person,
                year=2024,
            )
        services.decision_issue(
            actor=None, decision=decision, number=f"{start}/QĐ-UBND", notify_units=False
        )

    add(3, 0)
    three = queries()
    add(27, 100)
    assert queries() == three


# History -------------------------------------------------------------------------------


def test_person_history_by_year(users, people, data):
    teacher = people["teacher"]
    response = client_for(users["unit_officer"]).get(f"/api/v1/awards/people/{teacher.pk}/history")
    assert response.status_code == 200, response.content
    body = response.json()
    assert body["recipient"] == {
        "kind": "ca_nhan",
        "id": teacher.pk,
        "name": "Nguyễn Thị Ánh",
        "unit_id": teacher.unit_id,
        "unit_name": "Trường THPT Chuyên Lê Quý Đôn",
    }
    years = {year["year"]: year for year in body["years"]}
    assert [year["year"] for year in body["years"]] == [2024, 2023]
    assert {a["award_type"] for a in years[2024]["awards"]} == {"ldtt", "bk_tinh"}
    assert [r["rating"] for r in years[2024]["ratings"]] == ["hoan_thanh"]
    assert [a["award_type"] for a in years[2023]["awards"]] == ["cstdcs"]
    # In force: 710.000 (LĐTT, 15/01/2025) + 1,0 × 1.800.000 (CSTĐCS, 15/01/2024).
    assert body["summary"] == {"awards": 2, "revoked": 1, "amount": 2_510_000, "years": 2}


def test_histories_outside_the_scope_look_missing(users, tree, people, data):
    officer = client_for(users["unit_officer"])
    assert officer.get(f"/api/v1/awards/people/{people['doctor'].pk}/history").status_code == 404
    assert officer.get(f"/api/v1/awards/units/{tree.hospital.pk}/history").status_code == 404
    assert officer.get("/api/v1/awards/people/999999/history").status_code == 404
    assert Client().get(f"/api/v1/awards/units/{tree.school.pk}/history").status_code == 401


def test_unit_history(users, tree, data):
    rate(unit=tree.school, year=2024, rating=Rating.EXCELLENT)
    response = client_for(users["unit_officer"]).get(
        f"/api/v1/awards/units/{tree.school.pk}/history"
    )
    body = response.json()
    assert body["recipient"]["kind"] == "tap_the"
    assert [year["year"] for year in body["years"]] == [2024]
    assert [a["award_type"] for a in body["years"][0]["awards"]] == ["ttldtt"]
    assert [r["rating"] for r in body["years"][0]["ratings"]] == ["hoan_thanh_xuat_sac"]


# Eligibility ---------------------------------------------------------------------------


def _eligibility(client, **params):
    return client.get("/api/v1/awards/eligibility", params)


def test_eligibility_gives_the_verdict_with_reasons_and_citations(users, people, data):
    """Lao động tiên tiến needs "hoàn thành tốt nhiệm vụ" or better (Điều 24.1.a Luật Thi
    đua, khen thưởng 2022): rated "hoàn thành" in 2024 she is not eligible for 2024; rated
    "hoàn thành tốt" in 2025 she is."""
    teacher = people["teacher"]
    client = client_for(users["unit_officer"])
    body = _eligibility(client, person=teacher.pk, award_type="ldtt", year=2024).json()
    assert body["status"] == "not_eligible" and body["is_eligible"] is False
    assert body["award_type"] == {"code": "ldtt", "name": "Lao động tiên tiến"}
    assert body["recipient"]["id"] == teacher.pk
    refused = [r for r in body["reasons"] if r["outcome"] == "not_met"]
    assert any("Điều 24" in r["citation"] for r in refused)

    rate(person=teacher, year=2025, rating=Rating.GOOD)
    body = _eligibility(client, person=teacher.pk, award_type="ldtt", year=2025).json()
    assert body["status"] == "eligible" and body["is_eligible"] is True
    assert any(r["outcome"] == "met" and "Điều 24" in r["citation"] for r in body["reasons"])


def test_eligibility_of_a_title_not_for_that_kind_of_recipient(users, tree, people):
    client = client_for(users["secretariat"])
    body = _eligibility(client, person=people["teacher"].pk, award_type="ttldtt", year=2024)
    assert body.json()["status"] == "not_eligible"
    body = _eligibility(client, unit=tree.school.pk, award_type="ttldtt", year=2024).json()
    assert body["recipient"] == {
        "kind": "tap_the",
        "id": tree.school.pk,
        "name": tree.school.name,
        "unit_id": None,
        "unit_name": "",
    }


def test_eligibility_refuses_bad_questions_and_hides_what_is_outside(users, tree, people):
    client = client_for(users["unit_officer"])
    teacher = people["teacher"]
    both = _eligibility(
        client, person=teacher.pk, unit=tree.school.pk, award_type="ldtt", year=2024
    )
    assert both.status_code == 422
    assert _eligibility(client, award_type="ldtt", year=2024).status_code == 422
    unknown = _eligibility(client, person=teacher.pk, award_type="khong_co", year=2024)
    assert unknown.status_code == 422
    assert _eligibility(client, person=teacher.pk, award_type="ldtt", year=1800).status_code == 422
    outside = _eligibility(client, person=people["doctor"].pk, award_type="ldtt", year=2024)
    assert outside.status_code == 404
    anonymous = _eligibility(Client(), person=teacher.pk, award_type="ldtt", year=2024)
    assert anonymous.status_code == 401


# Catalogue -----------------------------------------------------------------------------


def test_catalogue_lists_titles_and_forms_with_coefficients_and_ballots(users):
    response = client_for(users["no_role"]).get("/api/v1/awards/catalogue")
    assert response.status_code == 200
    entries = {entry["code"]: entry for entry in response.json()}
    cstdcs = entries["cstdcs"]
    assert cstdcs["name"] == "Chiến sĩ thi đua cơ sở"
    assert cstdcs["category"] == "danh_hieu" and cstdcs["for_individual"] is True
    assert Decimal(cstdcs["coefficient_individual"]) == Decimal("1.0")
    # The council vote: 80 % of its members for Chiến sĩ thi đua cơ sở, 90 % for the
    # province's (Điều 30.7 Nghị định 98/2023/NĐ-CP, kept as rule data).
    assert cstdcs["ballot_required"] is True
    assert Decimal(cstdcs["ballot_threshold"]) == Decimal("0.8")
    assert Decimal(entries["cstd_tinh"]["ballot_threshold"]) == Decimal("0.9")
    assert Decimal(entries["ldtt"]["coefficient_individual"]) == Decimal("0.3")
    assert "agency_head" in entries["ldtt"]["authorities"]
    households = client_for(users["no_role"]).get(
        "/api/v1/awards/catalogue", {"subject": "ho_gia_dinh"}
    )
    assert "gia_dinh_van_hoa" in {e["code"] for e in households.json()}
    assert "ldtt" not in {e["code"] for e in households.json()}
    assert Client().get("/api/v1/awards/catalogue").status_code == 401


# Verification --------------------------------------------------------------------------


@pytest.fixture
def public():
    cache.clear()
    return Client()


def _verify(client, token):
    return client.get(f"/api/v1/awards/verify/{token}")


def test_verify_is_public_and_says_only_what_the_certificate_prints(public, data):
    response = _verify(public, data["ldtt"].verify_token)
    assert response.status_code == 200, response.content
    assert response["Cache-Control"] == "no-store"
    decision = data["ldtt"].decision
    assert response.json() == {
        "recipient_name": "Nguyễn Thị Ánh",
        "unit_name": "Trường THPT Chuyên Lê Quý Đôn",
        "title": "Lao động tiên tiến",
        "period": "2024",
        "decision_number": decision.number,
        "decision_date": decision.signed_on.isoformat(),
        "status": "valid",
        "revoked_at": None,
    }


def test_verify_shows_a_revoked_award_as_revoked_without_the_reason(public, data):
    body = _verify(public, data["revoked"].verify_token).json()
    assert body["status"] == "revoked"
    assert body["revoked_at"] == timezone.localdate(data["revoked"].revoked_at).isoformat()
    assert "Kê khai" not in str(body)


def test_verify_of_a_collective_names_the_unit_above_it(public, data):
    body = _verify(public, data["school"].verify_token).json()
    assert body["recipient_name"] == "Trường THPT Chuyên Lê Quý Đôn"
    assert body["unit_name"] == "Sở Giáo dục và Đào tạo"


def test_verify_of_a_draft_or_unknown_token_is_not_found(public, data):
    assert _verify(public, data["draft"].verify_token).status_code == 404
    assert _verify(public, "A" * 22).status_code == 404
    assert _verify(public, "không-phải-mã").status_code == 404


def test_verify_lookups_are_limited_per_address(public, settings, data):
    settings.THIDUA_VERIFY_RATE_PER_MINUTE = 3
    token = data["ldtt"].verify_token
    assert [_verify(public, token).status_code for _ in range(4)] == [200, 200, 200, 429]


def test_the_routes_are_in_the_schema():
    from thidua.api.api import api

    paths = api.get_openapi_schema()["paths"]
    for path in (
        "/api/v1/awards/registry",
        "/api/v1/awards/people/{person_id}/history",
        "/api/v1/awards/units/{unit_id}/history",
        "/api/v1/awards/eligibility",
        "/api/v1/awards/verify/{token}",
        "/api/v1/awards/catalogue",
    ):
        assert path in paths, path
    assert reverse("api-1.0.0:verify_award", kwargs={"token": "x" * 22})
