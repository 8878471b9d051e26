"""The rule data file and its province overlay: every number the rules read is there, with
its effective date, its source and how sure we are of it."""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from thidua.awards.rules import data
from thidua.awards.rules.checks import CHECKS

CHECKS_DIR = Path(data.__file__).resolve().parent / "checks"
NATIONAL = data._read(data.DATA_DIR / "rules.yaml")


def national():
    return data.build(NATIONAL)


def test_load_reads_the_national_file_and_the_demo_overlay(settings):
    rules = data.load()
    assert rules.province == settings.THIDUA_PROVINCE_CODE == "T01"
    assert "tỉnh T01" in rules.version("ldtt.min_months_worked", date(2026, 1, 1)).source


def test_load_without_an_overlay_file_is_the_national_data():
    rules = data.load("T77")
    assert rules.province == "T77"
    assert rules.parameters == national().parameters


def test_every_parameter_version_has_a_date_a_source_and_a_confidence():
    for key, versions in national().parameters.items():
        assert versions, key
        starts = [v.starts for v in versions]
        assert starts == sorted(starts) and len(set(starts)) == len(starts), key
        for version in versions:
            assert isinstance(version.starts, date), key
            assert version.source, key
            assert version.confidence in ("high", "medium", "low"), key


def test_every_parameter_a_check_reads_is_in_the_data():
    used = set()
    for path in CHECKS_DIR.glob("*.py"):
        used |= set(re.findall(r'"((?:[a-z0-9]+_?)+\.[a-z_0-9]+)"', path.read_text()))
    used = {
        key
        for key in used
        if key.split(".")[0] in {k.split(".")[0] for k in NATIONAL["parameters"]}
    }
    assert used, "no parameter key found in the checks"
    missing = used - set(national().parameters)
    assert not missing, f"read by the checks, absent from rules.yaml: {sorted(missing)}"


def test_every_checked_code_is_in_the_catalogue():
    codes = {entry["code"] for entry in national().catalogue}
    assert set(CHECKS) <= codes


def test_version_in_force_on_a_date():
    rules = national()
    key = "cstdcs.requires_initiative"
    assert rules.value(key, date(2023, 12, 31)) is True
    assert rules.value(key, date(2024, 1, 1)) is False
    assert rules.version(key, date(2024, 1, 1)).changes_2026
    with pytest.raises(LookupError):
        rules.version(key, date(2017, 12, 31))
    with pytest.raises(KeyError):
        rules.version("no.such_rule", date(2025, 1, 1))


def test_base_salary_versions_are_those_of_the_issue():
    rows = [(v.starts, v.value) for v in national().base_salary]
    assert rows[-4:] == [
        (date(2019, 7, 1), 1_490_000),
        (date(2023, 7, 1), 1_800_000),
        (date(2024, 7, 1), 2_340_000),
        (date(2026, 7, 1), 2_530_000),
    ]
    rules = national()
    assert rules.round_up_to == 10_000
    assert rules.household_multiplier == Decimal("1.5")


def test_overlay_versions_win_on_the_same_date_and_add_later_ones():
    overlay = {
        "parameters": {
            "ttldtt.min_share_ldtt": [
                {"from": date(2024, 1, 1), "value": 0.75, "source": "Tỉnh A", "confidence": "high"},
                {
                    "from": date(2026, 1, 1),
                    "value": 0.8,
                    "source": "Tỉnh A 2026",
                    "confidence": "high",
                },
            ],
            "province.own_rule": [{"from": date(2025, 1, 1), "value": 3, "source": "Tỉnh A"}],
        },
        "money": {"round_up_to": 1000},
        "catalogue": [
            {"code": "ldtt", "name": "Lao động tiên tiến (tỉnh A)"},
            {"code": "knc_tinh_a", "name": "Kỷ niệm chương tỉnh A", "subjects": ["ca_nhan"]},
        ],
    }
    rules = data.build(NATIONAL, overlay, "A")
    assert rules.value("ttldtt.min_share_ldtt", date(2025, 6, 1)) == 0.75
    assert rules.value("ttldtt.min_share_ldtt", date(2026, 6, 1)) == 0.8
    assert rules.value("province.own_rule", date(2025, 6, 1)) == 3
    assert rules.value("ttldxs.min_share_ldtt", date(2025, 6, 1)) == 0.7  # untouched
    assert rules.round_up_to == 1000
    entries = {entry["code"]: entry for entry in rules.catalogue}
    assert entries["ldtt"]["name"] == "Lao động tiên tiến (tỉnh A)"
    assert entries["ldtt"]["coefficients"] == {"ca_nhan": 0.3}  # the rest of the entry kept
    assert "knc_tinh_a" in entries
    # the national data is not changed by an overlay
    assert national().value("ttldtt.min_share_ldtt", date(2025, 6, 1)) == 0.7


def test_demo_overlay_is_a_restatement_of_the_national_practice():
    demo = data.load("T01")
    plain = national()
    for key in ("ldtt.min_months_worked", "ldtt.max_absent_days", "ldtt.excluded_discipline_from"):
        mine, theirs = demo.version(key, date(2026, 1, 1)), plain.version(key, date(2026, 1, 1))
        assert mine.value == theirs.value, key
        assert mine.starts == date(2025, 12, 15) and "T01" in mine.source, key
        assert demo.version(key, date(2025, 12, 14)) == plain.version(key, date(2025, 12, 14)), key
