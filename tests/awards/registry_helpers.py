"""Shared fixtures of the registry, history, facts, eligibility and catalogue page tests.

The ``registry`` fixture (import ``registry_fixture`` into a test module) builds a small registry on the test tree (tests/conftest.py):

* Nguyễn Thị Ánh (teacher, Trường THPT Chuyên Lê Quý Đôn, inside Sở GD&ĐT): Chiến sĩ thi
  đua cơ sở 2023 and 2024 (decisions of the school's head), a Bằng khen của Chủ tịch UBND
  tỉnh 2024 that was later revoked, task ratings 2022–2024;
* Lê Hoàng Long (doctor, Bệnh viện Đa khoa tỉnh, outside: under Sở Y tế): Bằng khen 2024;
* the school itself: Tập thể lao động tiên tiến 2024;
* a household of Xã Đông Thành: Giấy khen 2024 of the commune's chairman.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

import pytest

from thidua.awards import services
from thidua.awards.models import Authority, Award, Household, Rating, TaskRating

from .factories import make_award, make_decision, make_household


@dataclass
class Registry:
    cstdcs_2023: Award
    cstdcs_2024: Award
    revoked: Award
    doctor_bk: Award
    school_ttldtt: Award
    household: Household
    household_award: Award


def rate(person=None, unit=None, year=2024, rating=Rating.EXCELLENT, **fields) -> TaskRating:
    return services.task_rating_save(
        actor=None, person=person, unit=unit, year=year, rating=rating, **fields
    )


def issued_award(**kwargs) -> Award:
    return make_award(issue=True, **kwargs)


@pytest.fixture(name="registry")
def registry_fixture(tree, people) -> Registry:
    teacher, doctor = people["teacher"], people["doctor"]
    for year in (2022, 2023, 2024):
        rate(person=teacher, year=year)
    cstdcs_2023 = issued_award(person=teacher, code="cstdcs", year=2023)
    cstdcs_2024 = issued_award(person=teacher, code="cstdcs", year=2024)
    revoked = issued_award(person=teacher, code="bk_tinh", year=2024)
    services.award_revoke(
        actor=None, award=revoked, reason="Hồ sơ đề nghị kê khai không trung thực"
    )
    revoked.refresh_from_db()
    doctor_bk = issued_award(person=doctor, code="bk_tinh", year=2024)
    school_ttldtt = issued_award(unit=tree.school, code="ttldtt", year=2024)
    household = make_household(tree.commune, head_name="Hoàng Văn Thụ", address="Thôn Đông")
    household_decision = make_decision(
        tree.commune,
        authority=Authority.COMMUNE_CHAIRMAN,
        signed_on=datetime.date(2025, 1, 15),
        subject_line="Về việc tặng Giấy khen",
    )
    household_award = make_award(
        household=household, code="giay_khen", year=2024, decision=household_decision
    )
    from .factories import issue

    issue(household_decision)
    household_award.refresh_from_db()
    return Registry(
        cstdcs_2023=cstdcs_2023,
        cstdcs_2024=cstdcs_2024,
        revoked=revoked,
        doctor_bk=doctor_bk,
        school_ttldtt=school_ttldtt,
        household=household,
        household_award=household_award,
    )


__all__ = ["Registry", "issued_award", "rate", "registry_fixture"]
