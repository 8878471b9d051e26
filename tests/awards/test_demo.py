"""Demo awards: five years of a province's registry that follows the law.

The figures asserted come from the law (Điều 49–50 Nghị định 152/2025/NĐ-CP and the base
salary by date), not from the loader: Lao động tiên tiến decided on 26/12/2024 pays
0,3 × 2.340.000 = 702.000 → 710.000 đồng; a Bằng khen decided on 20/11/2026 pays
1,5 × 2.530.000 = 3.795.000 → 3.800.000 đồng.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date

import pytest
from django.db import transaction

from thidua.audit.models import AuditEntry
from thidua.awards import demo
from thidua.awards.models import Award, Decision, DecisionStatus, Discipline, TaskRating
from thidua.movements import demo as movements_demo
from thidua.org import demo as org_demo

TODAY = date(2026, 11, 23)


@pytest.fixture(scope="module")
def loaded(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock(), transaction.atomic():
        org_demo.load()
        movements_demo.load(today=TODAY)
        demo.load_demo()
        yield
        transaction.set_rollback(True)


@pytest.fixture
def registry(loaded, db):
    return Award.objects.filter(recipient_unit__path__startswith="/").select_related(
        "award_type", "decision"
    )


def test_every_year_has_grassroots_and_provincial_decisions(registry):
    issued = Decision.objects.filter(status=DecisionStatus.ISSUED)
    for year in range(2021, 2026):
        authorities = set(
            issued.filter(awards__year=year).values_list("authority", flat=True).distinct()
        )
        assert {"agency_head", "commune_chairman", "provincial_chairman"} <= authorities
    assert issued.filter(is_legacy=True, signed_on__year__lte=2023).exists()
    assert not issued.filter(is_legacy=True, signed_on__year__gte=2025).exists()


def test_amounts_follow_the_base_salary_of_the_decision_date(registry):
    ldtt_2024 = registry.filter(
        award_type__code="ldtt", decision__signed_on=date(2024, 12, 26)
    ).exclude(amount=0)
    assert ldtt_2024.exists()
    assert set(ldtt_2024.values_list("amount", flat=True)) == {710_000}
    ldtt_2023 = registry.filter(
        award_type__code="ldtt", decision__signed_on=date(2023, 12, 26)
    ).exclude(amount=0)
    assert set(ldtt_2023.values_list("amount", flat=True)) == {540_000}  # 0,3 × 1.800.000
    cstdcs_2024 = registry.filter(award_type__code="cstdcs", year=2024)
    assert set(cstdcs_2024.values_list("amount", flat=True)) == {2_340_000}


def test_only_the_highest_title_of_a_year_is_paid(registry):
    both = registry.filter(award_type__code="cstdcs", year=2024).values_list("person_id", flat=True)
    ldtt_of_them = registry.filter(award_type__code="ldtt", year=2024, person_id__in=both)
    assert ldtt_of_them.exists()
    assert set(ldtt_of_them.values_list("amount", flat=True)) == {0}


def test_provincial_fighters_had_three_consecutive_grassroots_titles(registry):
    cstdcs = defaultdict(set)
    for person_id, year in registry.filter(award_type__code="cstdcs").values_list(
        "person_id", "year"
    ):
        cstdcs[person_id].add(year)
    fighters = list(registry.filter(award_type__code="cstd_tinh").values_list("person_id", "year"))
    assert fighters
    for person_id, year in fighters:
        assert {year - 2, year - 1, year} <= cstdcs[person_id]


def test_nobody_is_awarded_in_a_year_of_discipline(registry):
    for discipline in Discipline.objects.filter(status="da_quyet_dinh"):
        assert not registry.filter(
            person_id=discipline.person_id, year=discipline.starts_on.year
        ).exists()
    assert Discipline.objects.filter(status="dang_xem_xet").count() == 1


def test_facts_revocation_and_the_draft_of_2026(registry):
    assert TaskRating.objects.filter(maternity_leave_months=6).exists()
    revoked = registry.get(revoked=True)
    assert revoked.revoked_reason.startswith("Thu hồi theo kết luận thanh tra")
    draft = Decision.objects.get(status=DecisionStatus.DRAFT)
    amounts = list(draft.awards.values_list("amount", flat=True))
    assert amounts == [3_800_000] * 4
    households = registry.filter(subject="ho_gia_dinh", award_type__code="giay_khen")
    # A household receives 1,5 × the individual Giấy khen: 1,5 × 0,3 × 2.340.000 = 1.053.000.
    assert set(households.filter(year=2024).values_list("amount", flat=True)) == {1_060_000}


def test_every_award_is_in_the_audit_log_and_loading_twice_changes_nothing(registry):
    created = set(
        AuditEntry.objects.filter(action="create", object_type="awards.award").values_list(
            "object_id", flat=True
        )
    )
    assert {str(pk) for pk in registry.values_list("pk", flat=True)} <= created
    before = Award.objects.count(), Decision.objects.count(), TaskRating.objects.count()
    demo.load_demo()
    assert (Award.objects.count(), Decision.objects.count(), TaskRating.objects.count()) == before
