"""Eligibility pages: one check with its verdict and every reason with its citation, and
the batch "who in this unit and below is eligible for Chiến sĩ thi đua cơ sở 2025" with
counts per verdict, a verdict filter and an Excel export of every reason."""

from __future__ import annotations

import io

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils.html import escape
from openpyxl import load_workbook

from thidua.awards.models import AwardType, Rating

from ..factories import PersonFactory
from .registry_helpers import rate, registry_fixture  # noqa: F401  (the registry fixture)

CHECK = reverse("awards:eligibility_check")
BATCH = reverse("awards:eligibility_batch")
EXPORT = reverse("awards:eligibility_batch_export")


def _type(code: str) -> int:
    return AwardType.objects.get(code=code).pk


def _check(client, **params):
    return client.get(CHECK, params)


def test_the_check_page_opens_empty(clients):
    response = clients["leader"].get(CHECK)
    assert response.status_code == 200
    assert response.context["verdict"] is None


def test_eligible_person_with_every_reason_and_citation(clients, people):
    teacher = people["teacher"]
    rate(person=teacher, year=2025, rating=Rating.EXCELLENT)
    response = _check(
        clients["unit_officer"],
        subject="ca_nhan",
        person=teacher.pk,
        award_type=_type("ldtt"),
        year=2025,
    )
    verdict = response.context["verdict"]
    # Lao động tiên tiến: at least "completed tasks well" (Điều 24 Luật Thi đua, khen thưởng
    # 2022); "excellently" is above it.
    assert verdict.status == "eligible"
    html = response.content.decode()
    assert 'data-status="eligible"' in html
    assert verdict.label in html
    for reason in verdict.reasons:
        assert escape(reason.text) in html
        assert escape(reason.citation) in html
    assert "Điều 24 Luật Thi đua, khen thưởng 2022" in html
    # The rule the 2026 amendment may change is flagged.
    assert any(r.confidence == "low" for r in verdict.reasons)
    assert 'data-testid="low-confidence"' in html


def test_not_eligible_with_the_reason_citing_the_article(clients, people, registry):
    response = _check(
        clients["unit_officer"],
        subject="ca_nhan",
        person=people["teacher"].pk,
        award_type=_type("cstd_tinh"),
        year=2025,
    )
    # Chiến sĩ thi đua cơ sở 2023 and 2024 only, none in 2025: Chiến sĩ thi đua cấp tỉnh needs
    # three consecutive times (Điều 22 Luật Thi đua, khen thưởng 2022).
    assert response.context["verdict"].status == "not_eligible"
    html = response.content.decode()
    assert 'data-outcome="not_met"' in html
    assert "Điều 22 Luật Thi đua, khen thưởng 2022" in html


def test_needs_evidence_without_a_rating(clients, people):
    response = _check(
        clients["unit_officer"],
        subject="ca_nhan",
        person=people["director"].pk,
        award_type=_type("cstdcs"),
        year=2025,
    )
    assert response.context["verdict"].status == "needs_evidence"
    assert 'data-outcome="missing"' in response.content.decode()


def test_collective_and_household_checks(clients, tree, registry):
    unit = _check(
        clients["secretariat"],
        subject="tap_the",
        unit=tree.school.pk,
        award_type=_type("ttldtt"),
        year=2025,
    )
    assert unit.context["verdict"] is not None
    household = _check(
        clients["secretariat"],
        subject="ho_gia_dinh",
        household=registry.household.pk,
        award_type=_type("gia_dinh_van_hoa"),
        year=2025,
    )
    assert household.context["verdict"] is not None


def test_a_recipient_outside_the_scope_is_refused(clients, people):
    response = _check(
        clients["other_officer"],
        subject="ca_nhan",
        person=people["teacher"].pk,
        award_type=_type("ldtt"),
        year=2025,
    )
    assert response.status_code == 200
    assert response.context["verdict"] is None
    assert response.context["form"].errors["person"]


def test_a_title_for_another_kind_of_recipient_is_refused(clients, people):
    response = _check(
        clients["unit_officer"],
        subject="ca_nhan",
        person=people["teacher"].pk,
        award_type=_type("ttldtt"),
        year=2025,
    )
    assert response.context["verdict"] is None
    assert response.context["form"].errors["award_type"]


# Batch -----------------------------------------------------------------------------------


@pytest.fixture
def school_staff(tree, people):
    """At the school (under Sở GD&ĐT) for 2025: the teacher rated excellently, one rated
    "completed", one without a rating; the director sits at Sở GD&ĐT itself."""
    rate(person=people["teacher"], year=2025, rating=Rating.EXCELLENT)
    completed = PersonFactory(full_name="Vũ Văn Hoàn", unit=tree.school)
    rate(person=completed, year=2025, rating=Rating.COMPLETED)
    unrated = PersonFactory(full_name="Đỗ Thị Chưa", unit=tree.school)
    return {"eligible": people["teacher"], "not_eligible": completed, "needs": unrated}


def _batch(client, tree, **params):
    query = {"unit": tree.education.pk, "award_type": _type("cstdcs"), "year": 2025}
    query.update(params)
    return client.get(BATCH, query)


def test_batch_lists_everyone_below_the_unit_with_their_verdict(
    clients, tree, people, school_staff
):
    response = _batch(clients["unit_officer"], tree)
    assert response.status_code == 200
    rows = {recipient.pk: verdict.status for recipient, verdict in response.context["results"]}
    # Chiến sĩ thi đua cơ sở 2025 (Điều 23 Luật 2022): an excellent rating is the condition;
    # "completed" is below it; no rating recorded → evidence needed.
    assert rows == {
        school_staff["eligible"].pk: "eligible",
        school_staff["not_eligible"].pk: "not_eligible",
        school_staff["needs"].pk: "needs_evidence",
        people["director"].pk: "needs_evidence",
    }
    assert response.context["counts"] == {"eligible": 1, "not_eligible": 1, "needs_evidence": 2}
    html = response.content.decode()
    assert 'data-testid="count-eligible"' in html
    assert "Vũ Văn Hoàn" in html
    # A note every verdict carries (the council's ballot) is shown once, above the table.
    ballot = response.context["common_notes"]
    assert ballot and all(r.outcome == "note" for r in ballot)
    assert html.count(escape(ballot[0].text)) == 1


def test_batch_of_this_unit_only(clients, tree, people, school_staff):
    response = _batch(clients["unit_officer"], tree, only_unit="on")
    assert [r.pk for r, _v in response.context["results"]] == [people["director"].pk]


def test_batch_filter_by_verdict(clients, tree, school_staff):
    response = _batch(clients["unit_officer"], tree, verdict="eligible")
    shown = [row[0].pk for row in response.context["rows"]]
    assert shown == [school_staff["eligible"].pk]
    # The counts still cover everyone.
    assert response.context["total"] == 4


def test_batch_of_collectives(clients, tree, registry):
    response = _batch(clients["secretariat"], tree, award_type=_type("ttldtt"), year=2025)
    units = [unit.pk for unit, _verdict in response.context["results"]]
    assert units == [tree.education.pk, tree.school.pk]


def test_batch_for_a_unit_outside_the_scope_is_refused(clients, tree):
    response = _batch(clients["unit_officer"], tree, unit=tree.health.pk)
    assert response.status_code == 200
    assert response.context["results"] is None
    assert response.context["form"].errors["unit"]


def test_batch_export_has_every_row_and_every_reason(clients, tree, school_staff):
    response = _batch(clients["unit_officer"], tree)
    results = response.context["results"]
    export = clients["unit_officer"].get(
        EXPORT, {"unit": tree.education.pk, "award_type": _type("cstdcs"), "year": 2025}
    )
    assert export.status_code == 200
    assert "cstdcs-2025" in export["Content-Disposition"]
    sheet = load_workbook(io.BytesIO(export.content)).active
    body = list(sheet.iter_rows(values_only=True))[1:]
    assert len(body) == len(results) == 4
    by_name = {row[1]: row for row in body}
    teacher_row = by_name["Nguyễn Thị Ánh"]
    verdict = dict((r.full_name, v) for r, v in results)["Nguyễn Thị Ánh"]
    assert teacher_row[6] == verdict.label
    for reason in verdict.reasons:
        assert reason.text in teacher_row[7]
    assert teacher_row[3] == tree.school.name


def _people(tree, count: int) -> None:
    for index in range(count):
        person = PersonFactory(full_name=f"Người Thứ {index}", unit=tree.school)
        rate(person=person, year=2025, rating=Rating.EXCELLENT if index % 2 else Rating.GOOD)


def _queries(client, tree) -> int:
    with CaptureQueriesContext(connection) as queries:
        response = _batch(client, tree, unit=tree.school.pk)
    assert response.status_code == 200
    return len(queries)


def test_batch_constant_number_of_queries_3_vs_30_people(client, users, tree):
    client.force_login(users["unit_officer"])
    _people(tree, 3)
    few = _queries(client, tree)
    _people(tree, 27)
    many = _queries(client, tree)
    assert len(_batch(client, tree, unit=tree.school.pk).context["results"]) == 30
    assert few == many
