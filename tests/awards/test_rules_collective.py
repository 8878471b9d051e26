"""Eligibility of collectives and households, from the wording of the law:

* Tập thể lao động tiên tiến (Điều 28): completes tasks well; at least 70 % of members are
  Lao động tiên tiến; no member disciplined with cảnh cáo or heavier.
* Tập thể lao động xuất sắc (Điều 27): completes tasks excellently; 100 % of members complete
  their tasks; at least 70 % are LĐTT; at least one is Chiến sĩ thi đua cơ sở.
* Cờ thi đua cấp tỉnh (Điều 26), Cờ thi đua của Chính phủ (Điều 25): leading a block, cluster
  or movement — rankings are not in the data, so they are asked for.
* Bằng khen của Chủ tịch UBND tỉnh for a collective (Điều 74): 02 consecutive years rated
  hoàn thành xuất sắc or holding TTLĐXS; Giấy khen (Điều 75); households.

A unit's members are its working people (not those of its sub-units).
"""

from __future__ import annotations

from datetime import date

import pytest
from django.utils import translation

from tests.factories import PersonFactory, UnitFactory
from thidua.awards.models import CommendationKind, DisciplineForm
from thidua.awards.rules.eligibility import ELIGIBLE, NEEDS_EVIDENCE, NOT_ELIGIBLE
from thidua.org import services as org_services

from .factories import make_household
from .rules_helpers import (
    HT,
    HTT,
    HTXS,
    KHT,
    discipline,
    give,
    give_all,
    rate,
    rate_years,
    reason_with,
    texts,
    verdict,
)

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def english():
    with translation.override("en"):
        yield


@pytest.fixture
def unit(tree):
    return UnitFactory(name="Phòng Giáo dục trung học", parent=tree.education)


def staff(unit, count: int, rating: str = HTT, year: int = 2025) -> list:
    people = [PersonFactory(unit=unit) for _ in range(count)]
    for person in people:
        rate(person, year, rating)
    return people


# Tập thể lao động tiên tiến ------------------------------------------------------------------------


def test_ttldtt_exactly_70_percent_ldtt(unit):
    members = staff(unit, 10)
    rate(unit, 2025, HTT)
    give_all(members[:7], "ldtt", 2025)
    v = verdict(unit, "ttldtt")
    assert v.status == ELIGIBLE, texts(v)
    share = reason_with(v, "7 of 10 members (70%) hold Lao động tiên tiến for 2025")
    assert share.outcome == "met" and share.confidence == "medium"
    assert "Điều 28" in share.citation
    assert reason_with(v, "No member disciplined with Warning").outcome == "met"
    assert v.confidence == "medium"


def test_ttldtt_below_70_percent(unit):
    members = staff(unit, 10)
    rate(unit, 2025, HTT)
    give_all(members[:6], "ldtt", 2025)
    v = verdict(unit, "ttldtt")
    assert v.status == NOT_ELIGIBLE
    reason_with(v, "Only 6 of 10 members (60%) hold Lao động tiên tiến")


def test_ttldtt_cstdcs_members_count_as_ldtt(unit):
    members = staff(unit, 3)
    rate(unit, 2025, HTT)
    give_all(members[:1], "ldtt", 2025)
    give_all(members[1:2], "cstdcs", 2025)
    v = verdict(unit, "ttldtt")
    assert v.status == NOT_ELIGIBLE  # 2 of 3 = 66,7 %
    reason_with(v, "2 of 3 members (66.7%)")
    give_all(members[2:], "cstdcs", 2025)
    assert verdict(unit, "ttldtt").status == ELIGIBLE


def test_ttldtt_members_are_the_units_own_working_people(unit):
    members = staff(unit, 2)
    rate(unit, 2025, HTT)
    give_all(members, "ldtt", 2025)
    left = PersonFactory(unit=unit)  # no title; then stops working
    org_services.person_update(actor=None, person=left, is_active=False)
    sub_unit = UnitFactory(parent=unit)
    staff(sub_unit, 3)  # people of a sub-unit are members of the sub-unit
    v = verdict(unit, "ttldtt")
    assert v.status == ELIGIBLE, texts(v)
    reason_with(v, "2 of 2 members (100%)")


def test_ttldtt_a_member_disciplined_with_warning_excludes(unit):
    members = staff(unit, 4)
    rate(unit, 2025, HTT)
    give_all(members, "ldtt", 2025)
    discipline(members[3], date(2025, 2, 1), date(2025, 8, 1), DisciplineForm.REPRIMAND)
    assert verdict(unit, "ttldtt").status == ELIGIBLE  # khiển trách is lighter than cảnh cáo
    discipline(members[2], date(2025, 10, 1), date(2026, 4, 1), DisciplineForm.WARNING)
    v = verdict(unit, "ttldtt")
    assert v.status == NOT_ELIGIBLE
    reason = reason_with(v, "Members disciplined with Warning (cảnh cáo) or heavier in 2025")
    assert members[2].full_name in reason.text


def test_ttldtt_discipline_of_another_year_does_not_count(unit):
    members = staff(unit, 2)
    rate(unit, 2025, HTT)
    give_all(members, "ldtt", 2025)
    discipline(members[0], date(2024, 1, 1), date(2024, 12, 1), DisciplineForm.DEMOTION)
    assert verdict(unit, "ttldtt").status == ELIGIBLE


def test_ttldtt_unit_rating(unit):
    members = staff(unit, 2)
    give_all(members, "ldtt", 2025)
    v = verdict(unit, "ttldtt")
    assert v.status == NEEDS_EVIDENCE
    reason_with(v, "No task rating recorded for 2025")
    rate(unit, 2025, HT)
    assert verdict(unit, "ttldtt").status == NOT_ELIGIBLE


def test_ttldtt_before_the_members_titles_are_decided(unit):
    staff(unit, 5)
    rate(unit, 2025, HTT)
    v = verdict(unit, "ttldtt")
    assert v.status == NEEDS_EVIDENCE
    reason_with(v, "issue the decision on the members' titles first")


def test_ttldtt_without_members(unit):
    rate(unit, 2025, HTT)
    v = verdict(unit, "ttldtt")
    assert v.status == NEEDS_EVIDENCE
    reason_with(v, "No working members of the unit are recorded")


# Tập thể lao động xuất sắc ---------------------------------------------------------------------


def excellent_unit(unit, count: int = 10):
    members = staff(unit, count)
    rate(unit, 2025, HTXS)
    give_all(members[: count - 3], "ldtt", 2025)
    give_all(members[count - 3 : count - 2], "cstdcs", 2025)
    return members


def test_ttldxs_all_conditions(unit):
    excellent_unit(unit)
    v = verdict(unit, "ttldxs")
    assert v.status == ELIGIBLE, texts(v)
    reason_with(v, "10 of 10 members (100%) completed their tasks in 2025")
    reason_with(v, "8 of 10 members (80%) hold Lao động tiên tiến")
    reason_with(v, "01 members hold Chiến sĩ thi đua cơ sở for 2025")


def test_ttldxs_one_member_not_completing_tasks(unit):
    members = excellent_unit(unit)
    rate(members[-1], 2025, KHT)
    v = verdict(unit, "ttldxs")
    assert v.status == NOT_ELIGIBLE
    assert members[-1].full_name in reason_with(v, "did not complete their tasks").text


def test_ttldxs_a_member_without_rating_needs_evidence(unit):
    excellent_unit(unit)
    newcomer = PersonFactory(unit=unit, full_name="Võ Minh Tân")
    give_all([newcomer], "ldtt", 2025)
    v = verdict(unit, "ttldxs")
    assert v.status == NEEDS_EVIDENCE
    assert "Võ Minh Tân" in reason_with(v, "No task rating recorded for 2025 of these members").text


def test_ttldxs_needs_one_cstdcs(unit):
    members = staff(unit, 3)
    rate(unit, 2025, HTXS)
    give_all(members, "ldtt", 2025)
    v = verdict(unit, "ttldxs")
    assert v.status == NOT_ELIGIBLE
    reason_with(v, "00 members hold Chiến sĩ thi đua cơ sở for 2025; at least 01 are required")


def test_ttldxs_needs_an_excellent_unit_rating(unit):
    excellent_unit(unit)
    rate(unit, 2025, HTT)
    v = verdict(unit, "ttldxs")
    assert v.status == NOT_ELIGIBLE
    reason_with(v, "at least “Completed tasks excellently” is required")


# Flags ---------------------------------------------------------------------------------------------


def test_co_tinh_asks_for_the_block_ranking(unit):
    v = verdict(unit, "co_tinh")
    assert v.status == NEEDS_EVIDENCE
    missing = reason_with(v, "Attach the ranking of the emulation block or cluster")
    assert "at least 3 years" in missing.text and "Điều 26" in missing.citation
    reason_with(v, "at least 80%")


def test_co_tinh_already_held_for_the_year(unit):
    give(unit, "co_tinh", 2025)
    assert verdict(unit, "co_tinh").status == NOT_ELIGIBLE


def test_co_cp_among_the_block_leaders(unit):
    give(unit, "co_tinh", 2025)
    v = verdict(unit, "co_cp")
    assert v.status == ELIGIBLE, texts(v)
    reason = reason_with(v, "Leads its emulation block organised by the province")
    assert reason.confidence == "medium"
    assert reason.citation == "Article 25 of the Law on Emulation and Commendation 2022"


def test_co_cp_without_a_provincial_flag_needs_evidence(unit):
    give(unit, "co_tinh", 2024)
    v = verdict(unit, "co_cp")
    assert v.status == NEEDS_EVIDENCE
    assert "at least 5 years" in reason_with(v, "Attach evidence of one").text


# Bằng khen, Giấy khen for collectives ---------------------------------------------------------


def test_bk_tinh_collective_two_excellent_years(unit):
    rate_years(unit, HTXS, 2024, 2025)
    v = verdict(unit, "bk_tinh")
    assert v.status == ELIGIBLE, texts(v)
    reason_with(v, "02 consecutive years (2024–2025)")


def test_bk_tinh_collective_ttldxs_and_excellent_rating(unit):
    give(unit, "ttldxs", 2024)
    rate(unit, 2025, HTXS)
    assert verdict(unit, "bk_tinh").status == ELIGIBLE


def test_bk_tinh_collective_one_year_needs_evidence(unit):
    rate(unit, 2023, HTXS)
    rate(unit, 2024, HTT)
    rate(unit, 2025, HTXS)
    v = verdict(unit, "bk_tinh")
    assert v.status == NEEDS_EVIDENCE
    assert reason_with(v, "Not rated “Completed tasks excellently” or").outcome == "note"
    reason_with(v, "Attach evidence of another achievement")


def test_giay_khen_collective(unit):
    rate(unit, 2025, HTT)
    v = verdict(unit, "giay_khen")
    assert v.status == NEEDS_EVIDENCE
    reason_with(v, "Attach the achievement: evaluated in an emulation movement")
    rate(unit, 2025, HT)
    assert verdict(unit, "giay_khen").status == NOT_ELIGIBLE


def test_bk_ttg_collective_has_no_rule_data(unit):
    rate_years(unit, HTXS, 2021, 2022, 2023, 2024, 2025)
    v = verdict(unit, "bk_ttg")
    assert v.status == NEEDS_EVIDENCE
    note = reason_with(v, "are not in thidua's rule data")
    assert note.confidence == "low" and note.outcome == "note"
    assert v.confidence == "low"


# Households -------------------------------------------------------------------------------------


def test_household_forms_need_evidence(tree):
    household = make_household(tree.commune, head_name="Lê Văn Hòa")
    for code in ("giay_khen", "bk_tinh", "bk_ttg"):
        v = verdict(household, code)
        assert v.status == NEEDS_EVIDENCE, code
    assert "land or assets" in texts(verdict(household, "bk_tinh"))


def test_household_same_form_same_year(tree):
    household = make_household(tree.commune)
    give(household, "giay_khen", 2025)
    v = verdict(household, "giay_khen")
    assert v.status == NOT_ELIGIBLE
    reason_with(v, "Already awarded Giấy khen for 2025")
    assert verdict(household, "giay_khen", 2024).status == NEEDS_EVIDENCE


def test_household_cannot_receive_a_title_for_people(tree):
    household = make_household(tree.commune)
    assert verdict(household, "ldtt").status == NOT_ELIGIBLE


def test_titles_thidua_does_not_check_need_the_dossier(unit):
    v = verdict(unit, "hcld_3")
    assert v.status == NEEDS_EVIDENCE
    assert reason_with(v, "thidua does not check the conditions").outcome == "note"
    give(unit, "hcld_3", 2025, kind=CommendationKind.MERIT)
    assert verdict(unit, "hcld_3").status == NOT_ELIGIBLE
