"""Batch eligibility: "who in this unit (and below) is eligible for Chiến sĩ thi đua cơ sở
2025" — the same verdicts as one by one, for what the user may see, in a constant number of
queries whatever the number of people or units."""

from __future__ import annotations

from datetime import date

import pytest
from django.utils import translation

from tests.factories import PersonFactory, UnitFactory
from thidua.awards.models import AwardType, EffectScope
from thidua.awards.rules import eligibility
from thidua.awards.rules.eligibility import ELIGIBLE, NEEDS_EVIDENCE, NOT_ELIGIBLE
from thidua.org import services as org_services

from .rules_helpers import (
    HT,
    HTT,
    HTXS,
    TODAY,
    discipline,
    give,
    give_all,
    initiative,
    rate,
    review,
)

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def english():
    with translation.override("en"):
        yield


def populate(unit, count: int) -> list:
    """``count`` people with varied facts: ratings of all kinds, titles, initiatives,
    disciplines, a review — so that every loader returns rows."""
    people = [PersonFactory(unit=unit) for _ in range(count)]
    for index, person in enumerate(people):
        rate(person, 2025, (HTXS, HTT, HT)[index % 3], months_worked=12)
        if index % 4 == 0:
            initiative(person, 2025, scope=EffectScope.PROVINCE)
        if index % 5 == 1:
            discipline(person, date(2025, 2, 1), date(2025, 8, 1))
        if index % 7 == 2:
            review(person, date(2026, 2, 1))
    give_all(people[::3], "cstdcs", 2024)
    return people


@pytest.fixture
def cstdcs():
    return AwardType.objects.get(code="cstdcs")


def test_batch_gives_the_same_verdicts_as_one_by_one(tree, cstdcs):
    people = populate(tree.school, 12)
    batch = eligibility.check_batch(people, cstdcs, 2025, today=TODAY)
    assert [p for p, _ in batch] == people
    for person, verdict in batch:
        assert verdict == eligibility.check(person, cstdcs, 2025, today=TODAY)
    statuses = {verdict.status for _, verdict in batch}
    assert statuses == {ELIGIBLE, NOT_ELIGIBLE}


@pytest.mark.parametrize("count", [3, 30])
def test_batch_queries_are_constant(tree, cstdcs, count, django_assert_num_queries):
    people = populate(tree.school, count)
    # awards, ratings, disciplines, initiatives
    with django_assert_num_queries(4):
        results = eligibility.check_batch(people, cstdcs, 2025, today=TODAY)
    assert len(results) == count


@pytest.mark.parametrize("count", [3, 30])
def test_batch_of_units_queries_are_constant(tree, count, django_assert_num_queries):
    units = [UnitFactory(parent=tree.education) for _ in range(count)]
    for unit in units:
        rate(unit, 2025, HTT)
        members = [PersonFactory(unit=unit) for _ in range(2)]
        rate(members[0], 2025, HTT)
    give_all([PersonFactory(unit=u) for u in units], "ldtt", 2025)
    ttldtt = AwardType.objects.get(code="ttldtt")
    # units: awards, ratings; members: people, titles, ratings, disciplines
    with django_assert_num_queries(6):
        results = eligibility.check_batch(units, ttldtt, 2025, today=TODAY)
    assert len(results) == count
    # 1 LĐTT of 3 members in each: not eligible
    assert {verdict.status for _, verdict in results} == {NOT_ELIGIBLE}


@pytest.mark.parametrize("count", [3, 30])
def test_eligible_people_queries_are_constant(
    tree, users, cstdcs, count, django_assert_num_queries
):
    populate(tree.school, count)
    user = users["unit_officer"]
    user.cached_grants  # noqa: B018 - the user's grants are loaded once per request
    # the people, then awards, ratings, disciplines, initiatives
    with django_assert_num_queries(5):
        results = eligibility.eligible_people(user, tree.education, cstdcs, 2025, today=TODAY)
    assert len(results) == count


def test_eligible_people_of_a_unit_and_below(tree, users):
    in_school = PersonFactory(unit=tree.school, full_name="Ngô Bảo Châu")
    in_education = PersonFactory(unit=tree.education, full_name="Bùi Thị Xuân")
    in_hospital = PersonFactory(unit=tree.hospital, full_name="Tôn Thất Tùng")
    retired = PersonFactory(unit=tree.school)
    org_services.person_update(actor=None, person=retired, is_active=False)
    for person in (in_school, in_education, in_hospital, retired):
        rate(person, 2025, HTXS)
    give(in_education, "cstdcs", 2025)
    secretariat = users["secretariat"]

    results = eligibility.eligible_people(secretariat, tree.education, "cstdcs", 2025, today=TODAY)
    assert [person for person, _ in results] == [in_education, in_school]  # unit, then name
    verdicts = {person: verdict.status for person, verdict in results}
    assert verdicts == {in_education: NOT_ELIGIBLE, in_school: ELIGIBLE}  # already holds it

    only_unit = eligibility.eligible_people(
        secretariat, tree.education, "cstdcs", 2025, with_subtree=False, today=TODAY
    )
    assert [person for person, _ in only_unit] == [in_education]

    eligible = eligibility.eligible_people(
        secretariat, tree.province, "cstdcs", 2025, today=TODAY, only={ELIGIBLE}
    )
    assert {person for person, _ in eligible} == {in_school, in_hospital}


def test_eligible_people_stay_within_what_the_user_may_see(tree, users):
    PersonFactory(unit=tree.school)
    PersonFactory(unit=tree.hospital)
    officer = users["unit_officer"]  # Sở Giáo dục và Đào tạo
    seen = eligibility.eligible_people(officer, tree.province, "ldtt", 2025, today=TODAY)
    assert {person.unit for person, _ in seen} == {tree.school}
    assert eligibility.eligible_people(users["other_officer"], tree.education, "ldtt", 2025) == []
    assert eligibility.eligible_people(users["no_role"], tree.province, "ldtt", 2025) == []


def test_eligible_units(tree, users):
    rate(tree.school, 2025, HTXS)
    rate(tree.education, 2025, HTXS)
    results = eligibility.eligible_units(
        users["secretariat"], tree.education, "bk_tinh", 2025, today=TODAY
    )
    assert [unit for unit, _ in results] == [tree.education, tree.school]
    assert {verdict.status for _, verdict in results} == {NEEDS_EVIDENCE}
    rate(tree.school, 2024, HTXS)
    (school,) = eligibility.eligible_units(
        users["secretariat"], tree.school, "bk_tinh", 2025, with_subtree=False, today=TODAY
    )
    assert school[1].status == ELIGIBLE
    assert eligibility.eligible_units(users["other_officer"], tree.education, "bk_tinh", 2025) == []


@pytest.mark.parametrize("count", [3, 30])
def test_eligible_units_queries_are_constant(tree, users, count, django_assert_num_queries):
    for _ in range(count):
        unit = UnitFactory(parent=tree.school)
        rate(unit, 2025, HTT)
        PersonFactory(unit=unit)
    user = users["secretariat"]
    user.cached_grants  # noqa: B018
    # the catalogue entry by code, the units, then their awards and ratings, their members,
    # the members' titles, ratings and disciplines
    with django_assert_num_queries(8):
        results = eligibility.eligible_units(user, tree.school, "ttldtt", 2025, today=TODAY)
    assert len(results) == count + 1


def test_empty_batches(tree, users):
    assert eligibility.check_batch([], "ldtt", 2025) == []
    empty = UnitFactory(parent=tree.education)
    assert eligibility.eligible_people(users["secretariat"], empty, "ldtt", 2025) == []


def test_unknown_code_is_refused(tree):
    person = PersonFactory(unit=tree.school)
    with pytest.raises(LookupError):
        eligibility.check(person, "khong_co", 2025)


def test_verdict_labels(tree):
    person = PersonFactory(unit=tree.school)
    rate(person, 2025, HTT)
    verdict = eligibility.check(person, "ldtt", 2025, today=TODAY)
    assert verdict.label == "Eligible"
    assert {str(label) for label in eligibility.STATUS_LABELS.values()} == {
        "Eligible",
        "Not eligible",
        "Needs evidence",
    }
