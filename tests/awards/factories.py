"""Shared award factories: decisions, awards and households made through the services, so
validation, amounts and the audit log are real.

    decision = make_decision(tree.committee)                     # a draft, Chủ tịch UBND tỉnh
    award = make_award(person=people["teacher"], code="bk_tinh")  # on a new draft decision
    award = make_award(person=teacher, code="cstdcs", year=2024, issue=True)
    issue(decision)                                                # issue a draft

Defaults: the decision is signed on 15 January of the year after the award's year (or
today when that is still to come), by the first authority of the award type (e.g.
``provincial_chairman`` for Bằng khen của Chủ tịch UBND tỉnh, ``agency_head`` for Chiến sĩ
thi đua cơ sở), issued by the unit that matches that authority in the test tree.
"""

from __future__ import annotations

import datetime
import itertools

from django.utils import timezone

from thidua.awards import services
from thidua.awards.models import (
    Authority,
    Award,
    AwardType,
    CommendationKind,
    Decision,
    Household,
    Subject,
)

_numbers = itertools.count(101)

AUTHORITY_NAMES = {
    Authority.PRESIDENT: "Chủ tịch nước Cộng hòa xã hội chủ nghĩa Việt Nam",
    Authority.PRIME_MINISTER: "Thủ tướng Chính phủ",
    Authority.MINISTER: "Bộ trưởng Bộ Nội vụ",
    Authority.PROVINCIAL_CHAIRMAN: "Chủ tịch Ủy ban nhân dân tỉnh Thử Nghiệm",
    Authority.AGENCY_HEAD: "Giám đốc Sở Giáo dục và Đào tạo",
    Authority.COMMUNE_CHAIRMAN: "Chủ tịch Ủy ban nhân dân xã Đông Thành",
    Authority.ENTERPRISE_DIRECTOR: "Giám đốc Công ty",
    Authority.BOARD_CHAIRMAN: "Chủ tịch Hội đồng quản trị",
}
NUMBER_SUFFIX = {
    Authority.PROVINCIAL_CHAIRMAN: "QĐ-UBND",
    Authority.AGENCY_HEAD: "QĐ-SGDĐT",
    Authority.COMMUNE_CHAIRMAN: "QĐ-UBND",
}


def award_type(code_or_type: str | AwardType) -> AwardType:
    if isinstance(code_or_type, AwardType):
        return code_or_type
    return AwardType.objects.get(code=code_or_type)


def default_signed_on(year: int | None = None) -> datetime.date:
    """15/01 of the year after ``year`` (the usual time of year-end decisions), never after
    today."""
    today = timezone.localdate()
    if year is None:
        return today
    return min(datetime.date(year + 1, 1, 15), today)


def next_number(authority: str = Authority.PROVINCIAL_CHAIRMAN) -> str:
    return f"{next(_numbers)}/{NUMBER_SUFFIX.get(authority, 'QĐ-KT')}"


def make_decision(
    issuer,
    *,
    actor=None,
    authority: str = Authority.PROVINCIAL_CHAIRMAN,
    signed_on: datetime.date | None = None,
    number: str = "",
    kind: str = CommendationKind.MERIT,
    **fields,
) -> Decision:
    """A draft decision of ``issuer`` (a Unit) through ``services.decision_create``."""
    values = {
        "number": number,
        "signed_on": signed_on or timezone.localdate(),
        "authority": authority,
        "authority_name": AUTHORITY_NAMES.get(authority, "Thủ trưởng cơ quan"),
        "signer_name": "Hoàng Nam",
        "signer_title": "KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH",
        "kind": kind,
        "subject_line": "Về việc tặng Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh",
        "grounds": (
            "Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022;\n"
            "Căn cứ Nghị định số 152/2025/NĐ-CP của Chính phủ;"
        ),
        "issuer": issuer,
    }
    values.update(fields)
    return services.decision_create(actor=actor, **values)


def issue(decision: Decision, *, actor=None, number: str | None = None, **kwargs) -> Decision:
    """Issue a draft (giving it a number when it has none)."""
    if number is None and not decision.number:
        number = next_number(decision.authority)
    return services.decision_issue(
        actor=actor, decision=decision, number=number, notify_units=False, **kwargs
    )


def _issuer_for(authority: str, recipient_unit):
    """The unit that would issue a decision of ``authority`` in the test tree: the
    province's People's Committee for the provincial chairman, else the recipient's unit."""
    from thidua.org.models import Unit, UnitKind

    if authority in (Authority.PROVINCIAL_CHAIRMAN, Authority.MINISTER):
        root = "/" + recipient_unit.path.strip("/").split("/")[0] + "/"
        committee = (
            Unit.objects.filter(kind=UnitKind.PEOPLES_COMMITTEE, path__startswith=root)
            .order_by("path")
            .first()
        )
        return committee or Unit.objects.get(path=root)
    return recipient_unit


def make_award(
    *,
    person=None,
    unit=None,
    household=None,
    code: str | AwardType = "bk_tinh",
    year: int | None = None,
    decision: Decision | None = None,
    actor=None,
    issue: bool = False,
    signed_on: datetime.date | None = None,
    **fields,
) -> Award:
    """One award through ``services.award_add``; a new draft decision is made for it when
    ``decision`` is not given (and issued with ``issue=True``)."""
    the_type = award_type(code)
    if person is not None:
        subject, recipient_unit = Subject.INDIVIDUAL, person.unit
    elif unit is not None:
        subject, recipient_unit = Subject.COLLECTIVE, unit
    elif household is not None:
        subject, recipient_unit = Subject.HOUSEHOLD, household.unit
    else:
        raise TypeError("make_award needs a person, a unit or a household")
    if year is None:
        on = signed_on or (decision.signed_on if decision else timezone.localdate())
        year = on.year - 1
    if decision is None:
        authority = (the_type.authorities or [Authority.PROVINCIAL_CHAIRMAN])[0]
        decision = make_decision(
            _issuer_for(authority, recipient_unit),
            authority=authority,
            signed_on=signed_on or default_signed_on(year),
            subject_line=f"Về việc tặng {the_type.name}",
        )
    award = services.award_add(
        actor=actor,
        decision=decision,
        award_type=the_type,
        subject=subject,
        person=person,
        unit=unit,
        household=household,
        year=year,
        **fields,
    )
    if issue:
        _issue_draft(decision)
        award.refresh_from_db()
    return award


def _issue_draft(decision: Decision) -> None:
    issue(decision)


def make_household(unit, *, head_name: str = "Nguyễn Văn Hộ", actor=None, **fields) -> Household:
    values = {"head_name": head_name, "address": "Thôn 1", "unit": unit}
    values.update(fields)
    return services.household_create(actor=actor, **values)


__all__ = [
    "AUTHORITY_NAMES",
    "award_type",
    "default_signed_on",
    "issue",
    "make_award",
    "make_decision",
    "make_household",
    "next_number",
]
