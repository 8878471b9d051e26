"""Eligibility of individuals for emulation titles, from the wording of the law:

* Lao động tiên tiến / Chiến sĩ tiên tiến (Điều 24 Luật Thi đua, khen thưởng 2022): rated
  "hoàn thành tốt nhiệm vụ" or higher; not considered when in post under 10 months, absent 40
  working days or more, or disciplined in the year (implementing-circular practice, low
  confidence); maternity leave counts as time worked (Điều 4.5 Nghị định 152/2025/NĐ-CP).
* Chiến sĩ thi đua cơ sở (Điều 23): the LĐTT standard and one of an excellent rating, an
  initiative, a scientific work.
* Chiến sĩ thi đua cấp tỉnh (Điều 22): 03 consecutive CSTĐCS, an initiative with effect in
  the province.
* Chiến sĩ thi đua toàn quốc (Điều 21): 02 consecutive CSTĐ cấp tỉnh, proposed in the year
  after the second; an initiative with nationwide effect.
* General principles: one achievement is not awarded twice (Điều 5.2); đột xuất/chuyên đề
  results are no basis for a higher merit award (Điều 4.3 NĐ 152); suspension while a
  discipline is considered and counting from the end of a discipline period (Điều 4.4 NĐ 152).
"""

from __future__ import annotations

from datetime import date

import pytest
from django.utils import translation

from tests.factories import PersonFactory
from thidua.awards import services
from thidua.awards.models import CommendationKind, DisciplineForm, EffectScope, InitiativeKind
from thidua.awards.rules.eligibility import ELIGIBLE, NEEDS_EVIDENCE, NOT_ELIGIBLE

from .rules_helpers import (
    HT,
    HTT,
    HTXS,
    as_legacy_kind,
    discipline,
    give,
    initiative,
    rate,
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
    return PersonFactory(full_name="Nguyễn Thị Lan", gender="nu", unit=tree.school)


# Lao động tiên tiến ---------------------------------------------------------------------------


def test_ldtt_rated_good_is_eligible_with_its_article(person):
    rate(person, 2025, HTT)
    v = verdict(person, "ldtt")
    assert v.status == ELIGIBLE, texts(v)
    assert v.is_eligible
    rating = reason_with(v, "Rated “Completed tasks well” in 2025")
    assert rating.outcome == "met"
    assert "Điều 24 Luật Thi đua, khen thưởng 2022" in rating.citation
    # the qualitative half of Điều 24.1 is for the council, not a failure
    note = reason_with(v, "Self-reliant, united")
    assert note.outcome == "note"
    assert note.citation == "Clause 1, Article 24 of the Law on Emulation and Commendation 2022"


def test_ldtt_rated_only_completed_is_not_eligible(person):
    rate(person, 2025, HT)
    v = verdict(person, "ldtt")
    assert v.status == NOT_ELIGIBLE
    reason = reason_with(v, "Rated “Completed tasks” in 2025")
    assert reason.outcome == "not_met"
    assert "at least “Completed tasks well”" in reason.text


def test_ldtt_without_a_rating_needs_evidence(person):
    rate(person, 2024, HTT)  # another year does not help
    v = verdict(person, "ldtt")
    assert v.status == NEEDS_EVIDENCE
    assert reason_with(v, "No task rating recorded for 2025").outcome == "missing"


@pytest.mark.parametrize(
    ("months", "leave", "status"),
    [
        (10, 0, ELIGIBLE),  # exactly the minimum
        (9, 0, NOT_ELIGIBLE),
        (6, 6, ELIGIBLE),  # maternity leave counts as time worked
        (4, 5, NOT_ELIGIBLE),  # 9 months even with the leave
        (0, 10, ELIGIBLE),
    ],
)
def test_ldtt_months_worked_count_maternity_leave(person, months, leave, status):
    rate(person, 2025, HTT, months_worked=months, maternity_leave_months=leave)
    v = verdict(person, "ldtt")
    assert v.status == status, texts(v)
    if status == NOT_ELIGIBLE:
        reason = reason_with(v, f"Worked {months + leave} months in 2025")
        assert reason.confidence == "low"  # the 10-month rule is not verified in TT 15/2025
    elif leave:
        reason = reason_with(v, "maternity leave counts as time worked")
        assert reason.outcome == "met"
        assert reason.citation == "Clause 5, Article 4 of Decree 152/2025/NĐ-CP"


@pytest.mark.parametrize(
    ("days", "status"), [(39, ELIGIBLE), (40, NOT_ELIGIBLE), (55, NOT_ELIGIBLE)]
)
def test_ldtt_absence_of_40_working_days_or_more_excludes(person, days, status):
    rate(person, 2025, HTT, absent_days=days)
    v = verdict(person, "ldtt")
    assert v.status == status, texts(v)
    if status == NOT_ELIGIBLE:
        assert reason_with(v, f"Absent {days} working days in 2025").confidence == "low"


def test_ldtt_discipline_in_the_year_excludes_with_low_confidence(person):
    rate(person, 2025, HTT)
    discipline(person, date(2025, 3, 10), date(2025, 9, 10), DisciplineForm.REPRIMAND)
    v = verdict(person, "ldtt")
    assert v.status == NOT_ELIGIBLE
    reason = reason_with(v, "Disciplined with Reprimand (khiển trách)")
    assert "from 10/03/2025 to 10/09/2025" in reason.text
    assert reason.confidence == "low"
    assert v.confidence == "low"


def test_ldtt_discipline_period_reaching_into_the_year_excludes(person):
    rate(person, 2025, HTT)
    discipline(person, date(2024, 9, 1), date(2025, 2, 28), DisciplineForm.WARNING)
    assert verdict(person, "ldtt").status == NOT_ELIGIBLE


def test_ldtt_after_a_discipline_period_ended_is_eligible(person):
    rate(person, 2025, HTT)
    discipline(person, date(2024, 3, 1), date(2024, 12, 31))
    assert verdict(person, "ldtt").status == ELIGIBLE


def test_discipline_of_last_year_without_its_end_needs_evidence(person):
    rate(person, 2025, HTT)
    discipline(person, date(2024, 11, 5), None, number="88/QĐ-KL")
    v = verdict(person, "ldtt")
    assert v.status == NEEDS_EVIDENCE
    reason = reason_with(v, "The end of the discipline period")
    assert "88/QĐ-KL" in reason.text and reason.outcome == "missing"


def test_discipline_under_review_suspends(person):
    rate(person, 2025, HTXS)
    review(person, date(2026, 2, 1))
    for code in ("ldtt", "cstdcs", "bk_tinh"):
        v = verdict(person, code)
        assert v.status == NOT_ELIGIBLE, code
        reason = reason_with(v, "A discipline is being considered (since 01/02/2026)")
        assert reason.citation == "Clause 4, Article 4 of Decree 152/2025/NĐ-CP"


def test_review_once_decided_no_longer_suspends(person):
    rate(person, 2025, HTT)
    under_review = review(person, date(2026, 2, 1))
    services.discipline_delete(actor=None, discipline=under_review)  # closed without discipline
    assert verdict(person, "ldtt").status == ELIGIBLE


def test_same_title_same_year_is_not_awarded_twice(person):
    rate(person, 2025, HTT)
    (award,) = give(person, "ldtt", 2025)
    v = verdict(person, "ldtt")
    assert v.status == NOT_ELIGIBLE
    reason = reason_with(v, "Already awarded Lao động tiên tiến for 2025")
    assert award.decision.number in reason.text
    assert reason.citation == "Clause 2, Article 5 of the Law on Emulation and Commendation 2022"
    # the next year is another achievement
    rate(person, 2026, HTT)
    assert verdict(person, "ldtt", 2026, today=date(2026, 12, 20)).status == ELIGIBLE


def test_revoked_award_no_longer_counts_as_held(person):
    rate(person, 2025, HTT)
    (award,) = give(person, "ldtt", 2025)
    services.award_revoke(actor=None, award=award, reason="Khen thưởng không đúng đối tượng")
    assert verdict(person, "ldtt").status == ELIGIBLE


def test_cstt_follows_the_ldtt_criteria_under_clause_2(person):
    rate(person, 2025, HTT)
    v = verdict(person, "cstt")
    assert v.status == ELIGIBLE
    assert reason_with(v, "Self-reliant").citation.startswith("Clause 2, Article 24")


# Chiến sĩ thi đua cơ sở -----------------------------------------------------------------------


def test_cstdcs_excellent_rating_alone_suffices_since_2024(person):
    rate(person, 2025, HTXS)
    v = verdict(person, "cstdcs")
    assert v.status == ELIGIBLE, texts(v)
    reason = reason_with(v, "an achievement that qualifies for Chiến sĩ thi đua cơ sở")
    assert "Rated “Completed tasks excellently” in 2025" in reason.text
    assert "Điều 23 Luật Thi đua, khen thưởng 2022" in reason.citation
    ballot = reason_with(v, "The council votes by ballot: at least 80%")
    assert ballot.outcome == "note" and ballot.confidence == "medium"


def test_cstdcs_good_rating_and_an_initiative(person):
    rate(person, 2025, HTT)
    initiative(person, 2025, title="Số hóa hồ sơ học sinh")
    v = verdict(person, "cstdcs")
    assert v.status == ELIGIBLE, texts(v)
    assert reason_with(v, "“Số hóa hồ sơ học sinh” (2025)").outcome == "met"


def test_cstdcs_good_rating_and_an_accepted_scientific_work(person):
    rate(person, 2025, HTT)
    initiative(person, 2025, kind=InitiativeKind.SCIENCE, title="Đề tài cấp cơ sở")
    assert verdict(person, "cstdcs").status == ELIGIBLE


def test_cstdcs_good_rating_without_initiative_is_not_eligible(person):
    rate(person, 2025, HTT)
    initiative(person, 2024)  # last year's does not count for this year
    v = verdict(person, "cstdcs")
    assert v.status == NOT_ELIGIBLE
    assert (
        reason_with(v, "Neither rated “Completed tasks excellently” nor author").outcome
        == "not_met"
    )


def test_cstdcs_initiative_already_used_for_another_award_does_not_count(person):
    rate(person, 2025, HTT)
    other = give(person, "giay_khen", 2025)[0]
    used_for(initiative(person, 2025, title="Sổ tay điện tử"), other)
    v = verdict(person, "cstdcs")
    assert v.status == NOT_ELIGIBLE
    note = reason_with(v, "“Sổ tay điện tử” already served as the basis of Giấy khen 2025")
    assert note.confidence == "medium"
    assert "5007/BNV-TĐKT" in note.citation


def test_cstdcs_requires_the_ldtt_standard(person):
    rate(person, 2025, HTXS, months_worked=8)
    assert verdict(person, "cstdcs").status == NOT_ELIGIBLE
    rate(person, 2025, HTXS, months_worked=8, maternity_leave_months=4)
    assert verdict(person, "cstdcs").status == ELIGIBLE


def test_cstdcs_disciplined_in_the_year_is_not_eligible(person):
    rate(person, 2025, HTXS)
    discipline(person, date(2025, 5, 1), date(2025, 11, 1))
    assert verdict(person, "cstdcs").status == NOT_ELIGIBLE


# Chiến sĩ thi đua cấp tỉnh ---------------------------------------------------------------------


def test_cstd_tinh_exactly_three_consecutive_cstdcs_and_provincial_initiative(person):
    give(person, "cstdcs", 2023, 2024, 2025)
    initiative(person, 2024, scope=EffectScope.PROVINCE, title="Mô hình trường học số")
    v = verdict(person, "cstd_tinh")
    assert v.status == ELIGIBLE, texts(v)
    run = reason_with(v, "03 consecutive times Chiến sĩ thi đua cơ sở (2023–2025)")
    assert run.outcome == "met"
    assert "Điều 22 Luật Thi đua, khen thưởng 2022" in run.citation
    assert reason_with(v, "“Mô hình trường học số” (2024)").outcome == "met"
    assert reason_with(v, "at least 90%").outcome == "note"


def test_cstd_tinh_four_consecutive_also_qualify(person):
    give(person, "cstdcs", 2022, 2023, 2024, 2025)
    initiative(person, 2022, scope=EffectScope.NATIONAL)
    v = verdict(person, "cstd_tinh")
    assert v.status == ELIGIBLE, texts(v)
    reason_with(v, "04 consecutive times Chiến sĩ thi đua cơ sở (2022–2025)")


def test_cstd_tinh_two_consecutive_are_not_enough(person):
    give(person, "cstdcs", 2024, 2025)
    initiative(person, 2025, scope=EffectScope.PROVINCE)
    v = verdict(person, "cstd_tinh")
    assert v.status == NOT_ELIGIBLE
    reason = reason_with(v, "Not yet 03 consecutive times Chiến sĩ thi đua cơ sở up to 2025")
    assert "only 02: 2024–2025" in reason.text


def test_cstd_tinh_a_gap_year_breaks_the_run(person):
    give(person, "cstdcs", 2022, 2023, 2025)
    initiative(person, 2025, scope=EffectScope.PROVINCE)
    v = verdict(person, "cstd_tinh")
    assert v.status == NOT_ELIGIBLE
    assert "only 01: 2025" in reason_with(v, "Not yet 03 consecutive").text


def test_cstd_tinh_the_run_must_end_in_the_year(person):
    give(person, "cstdcs", 2022, 2023, 2024)
    initiative(person, 2024, scope=EffectScope.PROVINCE)
    v = verdict(person, "cstd_tinh")
    assert v.status == NOT_ELIGIBLE
    assert "none in 2025" in reason_with(v, "Not yet 03 consecutive").text


def test_cstd_tinh_a_discipline_year_breaks_the_run(person):
    # a title recorded in the year of a discipline period (legacy data) does not count, and
    # nothing before the end of the period counts either
    give(person, "cstdcs", 2022, 2023, 2024, 2025)
    discipline(person, date(2023, 4, 1), date(2023, 10, 1))
    initiative(person, 2025, scope=EffectScope.PROVINCE)
    v = verdict(person, "cstd_tinh")
    assert v.status == NOT_ELIGIBLE
    assert "only 02: 2024–2025" in reason_with(v, "Not yet 03 consecutive").text
    note = reason_with(v, "Achievements up to 2023 do not count")
    assert note.citation == "Clause 4, Article 4 of Decree 152/2025/NĐ-CP"


def test_cstd_tinh_the_run_restarts_after_the_discipline_period(person):
    give(person, "cstdcs", 2021, 2023, 2024, 2025)
    discipline(person, date(2022, 2, 1), date(2022, 8, 1))
    initiative(person, 2024, scope=EffectScope.PROVINCE)
    v = verdict(person, "cstd_tinh")
    assert v.status == ELIGIBLE, texts(v)
    reason_with(v, "03 consecutive times Chiến sĩ thi đua cơ sở (2023–2025)")


def test_cstd_tinh_sudden_cstdcs_does_not_count(person):
    first, *_rest = give(person, "cstdcs", 2023, 2024, 2025)
    as_legacy_kind(first, CommendationKind.SUDDEN)
    initiative(person, 2024, scope=EffectScope.PROVINCE)
    v = verdict(person, "cstd_tinh")
    assert v.status == NOT_ELIGIBLE
    assert "only 02: 2024–2025" in reason_with(v, "Not yet 03 consecutive").text
    note = reason_with(v, "Chiến sĩ thi đua cơ sở 2023 was awarded as Sudden achievement")
    assert note.citation == "Clause 3, Article 4 of Decree 152/2025/NĐ-CP"


def test_cstd_tinh_revoked_title_breaks_the_run(person):
    _first, middle, _last = give(person, "cstdcs", 2023, 2024, 2025)
    services.award_revoke(actor=None, award=middle, reason="Hồ sơ không trung thực")
    initiative(person, 2024, scope=EffectScope.PROVINCE)
    assert verdict(person, "cstd_tinh").status == NOT_ELIGIBLE


def test_cstd_tinh_needs_an_initiative_with_provincial_effect(person):
    give(person, "cstdcs", 2023, 2024, 2025)
    initiative(person, 2024, scope=EffectScope.GRASSROOTS)
    initiative(person, 2020, scope=EffectScope.PROVINCE)  # before the run
    v = verdict(person, "cstd_tinh")
    assert v.status == NOT_ELIGIBLE
    reason = reason_with(v, "No initiative or scientific work with effect at the level")
    assert "Ministry, sector, province" in reason.text and "2023–2025" in reason.text


def test_cstd_tinh_used_initiative_does_not_count(person):
    give(person, "cstdcs", 2023, 2024)
    (cstdcs_2025,) = give(person, "cstdcs", 2025)
    used_for(initiative(person, 2025, scope=EffectScope.PROVINCE), cstdcs_2025)
    v = verdict(person, "cstd_tinh")
    assert v.status == NOT_ELIGIBLE
    reason_with(v, "already served as the basis of Chiến sĩ thi đua cơ sở 2025")


# Chiến sĩ thi đua toàn quốc --------------------------------------------------------------------


def test_cstd_tq_two_consecutive_provincial_titles_ending_the_year_before(person):
    give(person, "cstd_tinh", 2023, 2024)
    initiative(person, 2024, scope=EffectScope.NATIONAL, title="Phần mềm quản lý thi đua")
    v = verdict(person, "cstd_tq")
    assert v.status == ELIGIBLE, texts(v)
    run = reason_with(v, "02 consecutive times Chiến sĩ thi đua cấp tỉnh (2023–2024)")
    assert "Điều 21" in run.citation
    assert reason_with(v, "Proposed in the year after the second consecutive").outcome == "note"


def test_cstd_tq_run_ending_in_the_year_also_counts(person):
    give(person, "cstd_tinh", 2024, 2025)
    initiative(person, 2025, scope=EffectScope.NATIONAL)
    assert verdict(person, "cstd_tq").status == ELIGIBLE


def test_cstd_tq_gap_between_provincial_titles(person):
    give(person, "cstd_tinh", 2022, 2024)
    initiative(person, 2024, scope=EffectScope.NATIONAL)
    v = verdict(person, "cstd_tq")
    assert v.status == NOT_ELIGIBLE
    reason_with(v, "Not yet 02 consecutive times Chiến sĩ thi đua cấp tỉnh")


def test_cstd_tq_needs_nationwide_effect(person):
    give(person, "cstd_tinh", 2023, 2024)
    initiative(person, 2024, scope=EffectScope.PROVINCE)
    v = verdict(person, "cstd_tq")
    assert v.status == NOT_ELIGIBLE
    assert "National" in reason_with(v, "No initiative or scientific work").text


def test_a_unit_cannot_receive_an_individual_title(tree):
    v = verdict(tree.school, "cstdcs")
    assert v.status == NOT_ELIGIBLE
    reason_with(v, "is not awarded to this kind of recipient (Collective)")
