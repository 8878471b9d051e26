"""Eligibility of individuals for commendation forms, from the wording of the law:

* Giấy khen (Điều 75): completes tasks well and an achievement (evidence).
* Bằng khen của Chủ tịch UBND tỉnh (Điều 74): 02 consecutive Chiến sĩ thi đua cơ sở, or 02
  consecutive years rated hoàn thành xuất sắc with 02 initiatives (or 02 scientific works)
  applied in that time; the other ways need evidence.
* Bằng khen của Thủ tướng (Điều 73.1.b): already holds a Bằng khen of a ministry or province,
  and in the 05 or more following years up to the proposal rated hoàn thành tốt nhiệm vụ or
  higher every year, with 03 Chiến sĩ thi đua cơ sở in that time. A Bằng khen given for a
  sudden achievement is no basis for it (Điều 4.3 Nghị định 152/2025/NĐ-CP).
"""

from __future__ import annotations

from datetime import date

import pytest
from django.utils import translation

from tests.factories import PersonFactory
from thidua.awards.models import CommendationKind, InitiativeKind
from thidua.awards.rules.eligibility import ELIGIBLE, NEEDS_EVIDENCE, NOT_ELIGIBLE

from .rules_helpers import (
    HT,
    HTT,
    HTXS,
    discipline,
    give,
    initiative,
    rate,
    rate_years,
    reason_with,
    review,
    texts,
    used_for,
    verdict,
)

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def english():
    with translation.override("en"):
        yield


@pytest.fixture
def person(tree):
    return PersonFactory(full_name="Đặng Quốc Bảo", unit=tree.hospital)


# Giấy khen -------------------------------------------------------------------------------------


def test_giay_khen_good_rating_then_the_achievement_is_asked_for(person):
    rate(person, 2025, HTT)
    v = verdict(person, "giay_khen")
    assert v.status == NEEDS_EVIDENCE
    assert reason_with(v, "Rated “Completed tasks well” in 2025").outcome == "met"
    assert reason_with(v, "Attach the achievement").outcome == "missing"
    assert reason_with(v, "Exemplary in following").outcome == "note"


def test_giay_khen_rating_below_good(person):
    rate(person, 2025, HT)
    assert verdict(person, "giay_khen").status == NOT_ELIGIBLE


def test_giay_khen_disciplined_in_the_year(person):
    rate(person, 2025, HTT)
    discipline(person, date(2025, 1, 15), date(2025, 7, 15))
    v = verdict(person, "giay_khen")
    assert v.status == NOT_ELIGIBLE
    reason = reason_with(v, "achievements count only from the end of the discipline period")
    assert reason.citation == "Clause 4, Article 4 of Decree 152/2025/NĐ-CP"


# Bằng khen của Chủ tịch UBND tỉnh ------------------------------------------------------------


def test_bk_tinh_two_consecutive_cstdcs(person):
    give(person, "cstdcs", 2024, 2025)
    v = verdict(person, "bk_tinh")
    assert v.status == ELIGIBLE, texts(v)
    reason = reason_with(v, "02 consecutive times Chiến sĩ thi đua cơ sở (2024–2025)")
    assert reason.confidence == "medium" and "Điều 74" in reason.citation


def test_bk_tinh_cstdcs_with_a_gap_year(person):
    give(person, "cstdcs", 2023, 2025)
    v = verdict(person, "bk_tinh")
    assert v.status == NEEDS_EVIDENCE
    assert reason_with(v, "Not yet 02 consecutive times").outcome == "note"


def test_bk_tinh_two_excellent_years_with_two_initiatives(person):
    rate_years(person, HTXS, 2024, 2025)
    initiative(person, 2024, title="Quy trình tiếp đón người bệnh")
    initiative(person, 2025, title="Bệnh án điện tử")
    v = verdict(person, "bk_tinh")
    assert v.status == ELIGIBLE, texts(v)
    reason_with(v, "Rated “Completed tasks excellently” 02 consecutive years (2024–2025)")
    assert "Bệnh án điện tử" in reason_with(v, "02 initiatives or scientific works applied").text


def test_bk_tinh_two_excellent_years_with_one_initiative(person):
    rate_years(person, HTXS, 2024, 2025)
    initiative(person, 2025)
    initiative(person, 2023)  # outside those years
    v = verdict(person, "bk_tinh")
    assert v.status == NEEDS_EVIDENCE
    reason_with(v, "Attach evidence of another achievement")


def test_bk_tinh_two_initiatives_or_two_scientific_works_not_one_of_each(person):
    rate_years(person, HTXS, 2024, 2025)
    initiative(person, 2024)
    initiative(person, 2025, kind=InitiativeKind.SCIENCE)
    assert verdict(person, "bk_tinh").status == NEEDS_EVIDENCE
    initiative(person, 2025, kind=InitiativeKind.SCIENCE, title="Đề tài thứ hai")
    assert verdict(person, "bk_tinh").status == ELIGIBLE


def test_bk_tinh_used_initiatives_do_not_count(person):
    rate_years(person, HTXS, 2024, 2025)
    (cstdcs,) = give(person, "cstdcs", 2025)
    used_for(initiative(person, 2024, title="Đã dùng"), cstdcs)
    initiative(person, 2025)
    v = verdict(person, "bk_tinh")
    assert v.status == NEEDS_EVIDENCE
    reason_with(v, "“Đã dùng” already served as the basis of Chiến sĩ thi đua cơ sở 2025")


def test_bk_tinh_one_excellent_year(person):
    rate(person, 2024, HTT)
    rate(person, 2025, HTXS)
    initiative(person, 2024)
    initiative(person, 2025)
    assert verdict(person, "bk_tinh").status == NEEDS_EVIDENCE


def test_bk_tinh_suspended_during_review(person):
    give(person, "cstdcs", 2024, 2025)
    review(person, date(2026, 1, 20))
    assert verdict(person, "bk_tinh").status == NOT_ELIGIBLE


# Bằng khen của Thủ tướng Chính phủ --------------------------------------------------------------


def bk_ttg_history(person, bk_year: int = 2020, ratings=None, cstdcs=(2021, 2023, 2025)):
    give(person, "bk_tinh", bk_year)
    for year in range(bk_year + 1, 2026):
        rate(person, year, (ratings or {}).get(year, HTT))
    give(person, "cstdcs", *cstdcs)


def test_bk_ttg_exactly_five_good_years_after_bk_tinh_with_three_cstdcs(person):
    bk_ttg_history(person)
    v = verdict(person, "bk_ttg")
    assert v.status == ELIGIBLE, texts(v)
    assert reason_with(v, "Holds Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh 2020").outcome == "met"
    reason = reason_with(v, "Rated at least “Completed tasks well” every year after it (2021–2025)")
    assert "Điều 73" in reason.citation
    reason_with(v, "03 times Chiến sĩ thi đua cơ sở in that time (2021, 2023, 2025)")


def test_bk_ttg_more_than_five_years_also_qualify(person):
    bk_ttg_history(person, bk_year=2018, cstdcs=(2019, 2020, 2024))
    assert verdict(person, "bk_ttg").status == ELIGIBLE


def test_bk_ttg_four_years_after_bk_tinh_are_not_enough(person):
    bk_ttg_history(person, bk_year=2021, cstdcs=(2022, 2023, 2024))
    v = verdict(person, "bk_ttg")
    assert v.status == NEEDS_EVIDENCE
    assert reason_with(v, "Only 04 years after").outcome == "note"
    assert reason_with(v, "Attach evidence of another achievement").outcome == "missing"


def test_bk_ttg_a_year_rated_below_good_breaks_the_five(person):
    bk_ttg_history(person, ratings={2023: HT})
    v = verdict(person, "bk_ttg")
    assert v.status == NEEDS_EVIDENCE
    reason_with(v, "Not rated at least “Completed tasks well” every year of 2021–2025")


def test_bk_ttg_a_missing_rating_is_named(person):
    bk_ttg_history(person)
    from thidua.awards.models import TaskRating

    TaskRating.objects.filter(person=person, year=2022).delete()
    v = verdict(person, "bk_ttg")
    assert v.status == NEEDS_EVIDENCE
    reason_with(v, "No task rating recorded for 2022")


def test_bk_ttg_only_two_cstdcs(person):
    bk_ttg_history(person, cstdcs=(2021, 2025))
    v = verdict(person, "bk_ttg")
    assert v.status == NEEDS_EVIDENCE
    reason_with(v, "Only 02 times Chiến sĩ thi đua cơ sở in 2021–2025; 03 are required")


def test_bk_ttg_cstdcs_before_the_bk_tinh_do_not_count(person):
    bk_ttg_history(person, cstdcs=(2019, 2021, 2023))
    assert verdict(person, "bk_ttg").status == NEEDS_EVIDENCE


def test_bk_ttg_sudden_bk_tinh_is_no_basis(person):
    give(person, "bk_tinh", 2020, kind=CommendationKind.SUDDEN)
    for year in range(2021, 2026):
        rate(person, year, HTXS)
    give(person, "cstdcs", 2021, 2023, 2025)
    v = verdict(person, "bk_ttg")
    assert v.status == NEEDS_EVIDENCE, texts(v)
    note = reason_with(v, "Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh 2020 was awarded as Sudden")
    assert note.citation == "Clause 3, Article 4 of Decree 152/2025/NĐ-CP"


def test_bk_ttg_discipline_after_the_bk_tinh(person):
    bk_ttg_history(person, bk_year=2019, cstdcs=(2020, 2022, 2024))
    discipline(person, date(2022, 3, 1), date(2022, 9, 1))
    v = verdict(person, "bk_ttg")
    # the Bằng khen of 2019 was before the discipline: nothing before its end counts
    assert v.status == NEEDS_EVIDENCE, texts(v)
