"""Rules that change with time are data with an effective date, read on the day a proposal
is considered; a province's overlay takes precedence from its own dates.

* Chiến sĩ thi đua cơ sở needed an initiative under Nghị định 91/2017 (until 31/12/2023);
  since the 2022 Law (01/01/2024) an excellent rating alone suffices (Điều 23).
* The 2026 amending law (in force 01/10/2026, text not read) may bring the initiative back: a
  hypothetical version from 2026-10-01, built in the test, switches the rule on that day.
"""

from __future__ import annotations

import copy
from datetime import date

import pytest
from django.utils import translation

from tests.factories import PersonFactory
from thidua.awards.rules import data
from thidua.awards.rules.eligibility import ELIGIBLE, NEEDS_EVIDENCE, NOT_ELIGIBLE

from .rules_helpers import HTT, HTXS, give, initiative, rate, reason_with, texts, verdict

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def english():
    with translation.override("en"):
        yield


@pytest.fixture
def person(tree):
    return PersonFactory(unit=tree.school)


def national() -> dict:
    return copy.deepcopy(data._read(data.DATA_DIR / "rules.yaml"))


def with_versions(extra: dict, base: dict | None = None) -> data.RuleData:
    """The national data with ``extra`` versions added to its parameters."""
    raw = base or national()
    for key, rows in extra.items():
        raw["parameters"].setdefault(key, []).extend(rows)
    return data.build(raw)


def test_cstdcs_2023_considered_in_december_2023_needs_an_initiative(person):
    rate(person, 2023, HTXS)
    v = verdict(person, "cstdcs", 2023, today=date(2023, 12, 20))
    assert v.status == NOT_ELIGIBLE, texts(v)
    reason = reason_with(v, "No recognised initiative or accepted scientific work in 2023")
    assert reason.citation == "Điều 14 Nghị định 91/2017/NĐ-CP"


def test_cstdcs_2023_considered_from_2024_under_the_2022_law(person):
    rate(person, 2023, HTXS)
    for day in (date(2024, 1, 1), date(2024, 1, 15)):
        v = verdict(person, "cstdcs", 2023, today=day)
        assert v.status == ELIGIBLE, texts(v)
        assert "Điều 23 Luật" in reason_with(v, "an achievement that qualifies").citation


def test_cstdcs_with_an_initiative_passes_under_both_versions(person):
    rate(person, 2023, HTT)
    initiative(person, 2023)
    assert verdict(person, "cstdcs", 2023, today=date(2023, 12, 31)).status == ELIGIBLE
    assert verdict(person, "cstdcs", 2023, today=date(2024, 1, 2)).status == ELIGIBLE


def hypothetical_2026() -> data.RuleData:
    """What the amended Điều 23 would say if it followed the MoHA draft: an excellent
    rating AND an initiative, from 01/10/2026 (not the real text: a test of the switch)."""
    version = {
        "from": date(2026, 10, 1),
        "source": "Luật sửa đổi 2026 (giả định)",
        "confidence": "low",
    }
    return with_versions(
        {
            "cstdcs.requires_initiative": [version | {"value": True}],
            "cstdcs.requires_excellent_rating": [version | {"value": True}],
        }
    )


def test_hypothetical_2026_version_switches_on_its_date(person):
    rules = hypothetical_2026()
    rate(person, 2026, HTXS)
    before = verdict(person, "cstdcs", 2026, today=date(2026, 9, 30), rules=rules)
    assert before.status == ELIGIBLE, texts(before)
    after = verdict(person, "cstdcs", 2026, today=date(2026, 10, 1), rules=rules)
    assert after.status == NOT_ELIGIBLE, texts(after)
    reason = reason_with(after, "No recognised initiative or accepted scientific work in 2026")
    assert reason.citation == "Luật sửa đổi 2026 (giả định)"
    assert reason.confidence == "low"
    initiative(person, 2026)
    assert verdict(person, "cstdcs", 2026, today=date(2026, 10, 1), rules=rules).status == ELIGIBLE


def test_hypothetical_2026_version_requires_the_excellent_rating_too(person):
    rules = hypothetical_2026()
    rate(person, 2026, HTT)
    initiative(person, 2026)
    assert verdict(person, "cstdcs", 2026, today=date(2026, 9, 30), rules=rules).status == ELIGIBLE
    after = verdict(person, "cstdcs", 2026, today=date(2026, 10, 2), rules=rules)
    assert after.status == NOT_ELIGIBLE
    reason = reason_with(after, "“Completed tasks excellently” is required")
    assert reason.citation == "Luật sửa đổi 2026 (giả định)"


def test_rules_the_2026_amendment_may_change_carry_a_note_from_its_date(person):
    rate(person, 2025, HTXS)
    before = verdict(person, "cstdcs", 2025, today=date(2026, 9, 30))
    assert "amending law" not in texts(before)
    after = verdict(person, "cstdcs", 2025, today=date(2026, 10, 1))
    assert after.status == ELIGIBLE  # a note does not change the verdict
    note = reason_with(after, "The amending law in force from 01/10/2026 may change this rule")
    assert note.outcome == "note" and note.confidence == "low"


def test_year_not_over_is_noted(person):
    rate(person, 2026, HTXS)
    v = verdict(person, "cstdcs", 2026, today=date(2026, 11, 20))
    assert reason_with(v, "2026 is not over yet").outcome == "note"
    assert v.status == ELIGIBLE


def test_a_rule_without_a_version_in_force_needs_checking_by_hand(person):
    # cstd_tinh's parameters start on 01/01/2024 in the data file
    give(person, "cstdcs", 2021, 2022)
    v = verdict(person, "cstd_tinh", 2023, today=date(2023, 12, 1))
    assert v.status == NEEDS_EVIDENCE
    reason = reason_with(v, "thidua's rule data holds no value of “cstd_tinh.")
    assert "01/12/2023" in reason.text and reason.outcome == "missing"


# Province overlay -------------------------------------------------------------------------


def overlay_rules() -> data.RuleData:
    """A province that detailed LĐTT (Điều 24.4) with 11 months from 01/01/2025."""
    overlay = {
        "parameters": {
            "ldtt.min_months_worked": [
                {
                    "from": date(2025, 1, 1),
                    "value": 11,
                    "source": "QĐ 99/2024/QĐ-UBND tỉnh Thử Nghiệm",
                    "confidence": "high",
                }
            ]
        }
    }
    return data.build(national(), overlay, "T99")


def test_province_overlay_wins_from_its_date(person):
    rules = overlay_rules()
    rate(person, 2025, HTT, months_worked=10)
    national_verdict = verdict(
        person, "ldtt", 2025, today=date(2026, 1, 10), rules=data.build(national())
    )
    assert national_verdict.status == ELIGIBLE
    v = verdict(person, "ldtt", 2025, today=date(2026, 1, 10), rules=rules)
    assert v.status == NOT_ELIGIBLE
    reason = reason_with(v, "Worked 10 months in 2025")
    assert "at least 11 months" in reason.text
    assert reason.citation == "QĐ 99/2024/QĐ-UBND tỉnh Thử Nghiệm"
    assert reason.confidence == ""  # the province's own regulation, read: high


def test_province_overlay_does_not_reach_back_before_its_date(person):
    rules = overlay_rules()
    rate(person, 2024, HTT, months_worked=10)
    v = verdict(person, "ldtt", 2024, today=date(2024, 12, 20), rules=rules)
    assert v.status == ELIGIBLE, texts(v)


def test_demo_province_overlay_is_loaded_by_default(person):
    rate(person, 2025, HTT, months_worked=9)
    v = verdict(person, "ldtt", 2025, today=date(2026, 1, 10))
    assert "tỉnh T01 (tỉnh mẫu)" in reason_with(v, "Worked 9 months").citation
    earlier = verdict(person, "ldtt", 2025, today=date(2025, 12, 1))
    assert reason_with(earlier, "Worked 9 months").citation.startswith("Thông tư 01/2024/TT-BNV")


def test_ttldxs_discipline_clause_is_a_data_switch(tree):
    from thidua.awards.models import DisciplineForm

    from .rules_helpers import discipline, give_all, rate_years

    unit = tree.school
    members = [PersonFactory(unit=unit) for _ in range(3)]
    rate(unit, 2025, HTXS)
    rate_years(members[0], HTT, 2025)
    rate_years(members[1], HTT, 2025)
    rate_years(members[2], HTXS, 2025)
    give_all(members[:2], "ldtt", 2025)
    give_all(members[2:], "cstdcs", 2025)
    discipline(members[0], date(2025, 6, 1), date(2025, 12, 1), DisciplineForm.WARNING)
    assert verdict(unit, "ttldxs").status == ELIGIBLE  # no such clause in the 2022 text
    rules = with_versions(
        {
            "ttldxs.member_discipline_excludes_from": [
                {"from": date(2025, 1, 1), "value": "canh_cao", "source": "Quy định của tỉnh"}
            ]
        }
    )
    v = verdict(unit, "ttldxs", rules=rules)
    assert v.status == NOT_ELIGIBLE
    assert members[0].full_name in reason_with(v, "Members disciplined with Warning").text
