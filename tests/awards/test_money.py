"""Award money (Điều 49 Nghị định 152/2025/NĐ-CP): coefficient × the base salary in force on
the decision date, rounded UP to the next 10.000 đồng; a household receives 1,5 times the
individual amount of a form; of several titles for the same period only the highest is paid;
a title and a form decided together are both paid.

Base salary (mức lương cơ sở): 1.490.000 from 01/07/2019 (NĐ 38/2019), 1.800.000 from
01/07/2023 (NĐ 24/2023), 2.340.000 from 01/07/2024 (NĐ 73/2024), 2.530.000 from 01/07/2026
(NĐ 161/2026). Every expected amount below is worked out by hand from those numbers.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from tests.factories import PersonFactory
from thidua.awards.models import Authority, AwardType, Subject
from thidua.awards.rules import money
from thidua.awards.rules.money import Payable, amount_for, award_amount, base_salary, payable

from .factories import issue, make_award, make_decision, make_household


@pytest.mark.parametrize(
    ("day", "salary"),
    [
        (date(2019, 7, 1), 1_490_000),
        (date(2023, 6, 30), 1_490_000),
        (date(2023, 7, 1), 1_800_000),
        (date(2024, 6, 30), 1_800_000),
        (date(2024, 7, 1), 2_340_000),
        (date(2026, 6, 30), 2_340_000),
        (date(2026, 7, 1), 2_530_000),
        (date(2030, 1, 1), 2_530_000),
    ],
)
def test_base_salary_by_date(day, salary):
    assert base_salary(day) == salary


def test_no_base_salary_before_the_first_recorded():
    with pytest.raises(LookupError):
        base_salary(date(2013, 6, 30))
    # a legacy decision that old gets no computed amount rather than an error
    assert amount_for(Decimal("0.3"), date(2012, 12, 20)) is None
    # 0,3 × 1.390.000 = 417.000 → 420.000 (Nghị định 72/2018/NĐ-CP, from 01/07/2018)
    assert amount_for(Decimal("0.3"), date(2018, 12, 20)) == 420_000
    assert base_salary(date(2019, 6, 30)) == 1_390_000


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        (date(2019, 12, 15), 450_000),  # 0,3 × 1.490.000 = 447.000 → 450.000
        (date(2023, 6, 30), 450_000),
        (date(2023, 7, 1), 540_000),  # 0,3 × 1.800.000 = 540.000, already round
        (date(2023, 12, 15), 540_000),
        (date(2024, 6, 30), 540_000),
        (date(2024, 7, 1), 710_000),  # 0,3 × 2.340.000 = 702.000 → 710.000
        (date(2024, 12, 15), 710_000),
        (date(2026, 6, 30), 710_000),
        (date(2026, 7, 1), 760_000),  # 0,3 × 2.530.000 = 759.000 → 760.000
    ],
)
def test_lao_dong_tien_tien_by_decision_date(day, expected):
    assert amount_for(Decimal("0.3"), day) == expected


def test_rounding_is_always_up_to_ten_thousand():
    assert money.round_up(Decimal("702000"), 10_000) == 710_000
    assert money.round_up(Decimal("700001"), 10_000) == 710_000
    assert money.round_up(Decimal("700000"), 10_000) == 700_000
    assert money.round_up(Decimal("5265000.0"), 10_000) == 5_270_000


# The table of LAW.md §5.4, worked out: coefficient × base, rounded up.
TABLE = [
    # code, subject, 2.340.000 (from 01/07/2024), 2.530.000 (from 01/07/2026)
    ("ldtt", Subject.INDIVIDUAL, 710_000, 760_000),  # 0,3: 702.000 / 759.000
    ("giay_khen", Subject.INDIVIDUAL, 710_000, 760_000),  # 0,3
    ("cstdcs", Subject.INDIVIDUAL, 2_340_000, 2_530_000),  # 1,0
    ("bk_tinh", Subject.INDIVIDUAL, 3_510_000, 3_800_000),  # 1,5: 3.510.000 / 3.795.000
    ("ttldxs", Subject.COLLECTIVE, 3_510_000, 3_800_000),  # 1,5
    ("thon_van_hoa", Subject.COLLECTIVE, 3_510_000, 3_800_000),  # 1,5
    ("ttldtt", Subject.COLLECTIVE, 1_880_000, 2_030_000),  # 0,8: 1.872.000 / 2.024.000
    ("giay_khen", Subject.COLLECTIVE, 1_410_000, 1_520_000),  # 0,6: 1.404.000 / 1.518.000
    ("cstd_tinh", Subject.INDIVIDUAL, 7_020_000, 7_590_000),  # 3,0
    ("bk_tinh", Subject.COLLECTIVE, 7_020_000, 7_590_000),  # 3,0
    ("bk_ttg", Subject.INDIVIDUAL, 8_190_000, 8_860_000),  # 3,5: 8.190.000 / 8.855.000
    ("bk_ttg", Subject.COLLECTIVE, 16_380_000, 17_710_000),  # 7,0
    ("cstd_tq", Subject.INDIVIDUAL, 10_530_000, 11_390_000),  # 4,5: … / 11.385.000
    ("hcld_3", Subject.INDIVIDUAL, 10_530_000, 11_390_000),  # 4,5
    ("co_tinh", Subject.COLLECTIVE, 18_720_000, 20_240_000),  # 8,0
    ("co_cp", Subject.COLLECTIVE, 28_080_000, 30_360_000),  # 12,0
]


@pytest.mark.django_db
@pytest.mark.parametrize(("code", "subject", "before", "after"), TABLE)
def test_money_table(code, subject, before, after):
    award_type = AwardType.objects.get(code=code)
    assert award_amount(award_type, subject, date(2024, 12, 15)) == before
    assert award_amount(award_type, subject, date(2026, 6, 30)) == before
    assert award_amount(award_type, subject, date(2026, 7, 1)) == after


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("code", "day", "expected"),
    [
        ("bk_tinh", date(2024, 12, 15), 5_270_000),  # 1,5 × 1,5 × 2.340.000 = 5.265.000
        ("bk_tinh", date(2026, 7, 1), 5_700_000),  # 1,5 × 1,5 × 2.530.000 = 5.692.500
        ("bk_tinh", date(2023, 12, 15), 4_050_000),  # 1,5 × 1,5 × 1.800.000, round
        ("giay_khen", date(2024, 12, 15), 1_060_000),  # 0,3 × 1,5 × 2.340.000 = 1.053.000
        ("bk_ttg", date(2024, 12, 15), 12_290_000),  # 3,5 × 1,5 × 2.340.000 = 12.285.000
    ],
)
def test_household_gets_one_and_a_half_times_the_individual_form(code, day, expected):
    assert award_amount(AwardType.objects.get(code=code), Subject.HOUSEHOLD, day) == expected


@pytest.mark.django_db
def test_household_title_without_coefficient_carries_no_money():
    gia_dinh = AwardType.objects.get(code="gia_dinh_van_hoa")
    assert award_amount(gia_dinh, Subject.HOUSEHOLD, date(2024, 12, 15)) is None


def item(key, amount, *, recipient=("ca_nhan", 1), title=True, period=(None, 2024)):
    return Payable(key=key, recipient=recipient, is_title=title, period=period, amount=amount)


def test_only_the_highest_title_of_the_same_period_is_paid():
    paid = payable([item("ldtt", 710_000), item("cstdcs", 2_340_000)])
    assert paid == {"ldtt": 0, "cstdcs": 2_340_000}


def test_titles_of_different_periods_are_each_paid():
    paid = payable(
        [
            item("cstdcs-2024", 2_340_000),
            item("cstd_tinh-2022-2024", 7_020_000, period=(2022, 2024)),
        ]
    )
    assert paid == {"cstdcs-2024": 2_340_000, "cstd_tinh-2022-2024": 7_020_000}


def test_title_and_form_are_both_paid():
    paid = payable([item("cstdcs", 2_340_000), item("bk", 3_510_000, title=False)])
    assert paid == {"cstdcs": 2_340_000, "bk": 3_510_000}


def test_several_forms_are_each_paid():
    paid = payable([item("gk", 710_000, title=False), item("bk", 3_510_000, title=False)])
    assert paid == {"gk": 710_000, "bk": 3_510_000}


def test_each_recipient_has_its_own_highest_title():
    paid = payable(
        [
            item("a-ldtt", 710_000, recipient=("ca_nhan", 1)),
            item("a-cstdcs", 2_340_000, recipient=("ca_nhan", 1)),
            item("b-ldtt", 710_000, recipient=("ca_nhan", 2)),
        ]
    )
    assert paid == {"a-ldtt": 0, "a-cstdcs": 2_340_000, "b-ldtt": 710_000}


def test_an_item_without_money_stays_without():
    assert payable([item("gdvh", None)]) == {"gdvh": None}


# Through the registry: amounts written on the awards of a decision ---------------------------


@pytest.fixture
def agency_decision(tree):
    def make(signed_on):
        return make_decision(tree.education, authority=Authority.AGENCY_HEAD, signed_on=signed_on)

    return make


@pytest.mark.django_db
def test_decision_pays_only_the_highest_title_of_a_person(tree, agency_decision):
    teacher, colleague = PersonFactory(unit=tree.school), PersonFactory(unit=tree.school)
    decision = agency_decision(date(2025, 1, 15))
    ldtt = make_award(person=teacher, code="ldtt", year=2024, decision=decision)
    cstdcs = make_award(person=teacher, code="cstdcs", year=2024, decision=decision)
    other = make_award(person=colleague, code="ldtt", year=2024, decision=decision)
    issue(decision)
    for award in (ldtt, cstdcs, other):
        award.refresh_from_db()
    assert (ldtt.amount, cstdcs.amount, other.amount) == (0, 2_340_000, 710_000)


@pytest.mark.django_db
def test_decision_pays_title_and_form(tree, agency_decision):
    teacher = PersonFactory(unit=tree.school)
    decision = agency_decision(date(2025, 1, 15))
    ldtt = make_award(person=teacher, code="ldtt", year=2024, decision=decision)
    giay_khen = make_award(person=teacher, code="giay_khen", year=2024, decision=decision)
    ldtt.refresh_from_db()
    assert (ldtt.amount, giay_khen.amount) == (710_000, 710_000)


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("signed_on", "expected"), [(date(2024, 6, 30), 540_000), (date(2024, 7, 1), 710_000)]
)
def test_the_decision_date_decides_the_base_salary(tree, agency_decision, signed_on, expected):
    teacher = PersonFactory(unit=tree.school)
    award = make_award(person=teacher, code="ldtt", year=2023, decision=agency_decision(signed_on))
    assert award.amount == expected


@pytest.mark.django_db
def test_household_form_through_the_registry(tree):
    household = make_household(tree.commune)
    decision = make_decision(
        tree.committee, authority=Authority.PROVINCIAL_CHAIRMAN, signed_on=date(2024, 12, 15)
    )
    award = make_award(household=household, code="bk_tinh", year=2024, decision=decision)
    assert award.amount == 5_270_000
