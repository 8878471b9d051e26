"""Award money (tiền thưởng), Điều 49 Nghị định 152/2025/NĐ-CP.

amount = coefficient × the base salary in force on the decision date, rounded up to the
next 10.000 đồng; a household receives 1,5 times the individual amount of a form; of
several titles for the same period only the highest is paid.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import ROUND_CEILING, Decimal

from .data import RuleData, load


def base_salary(on: datetime.date, rules: RuleData | None = None) -> int:
    """Mức lương cơ sở in force on ``on``."""
    return int((rules or load()).base_salary_on(on).value)


def round_up(amount: Decimal, step: int) -> int:
    """Round up to the next multiple of ``step`` ("làm tròn số lên hàng chục nghìn đồng")."""
    return int((amount / step).to_integral_value(rounding=ROUND_CEILING) * step)


def amount_for(
    coefficient: Decimal | float | None,
    decision_date: datetime.date,
    *,
    household_of_form: bool = False,
    rules: RuleData | None = None,
) -> int | None:
    """The amount of one award, or ``None`` when no money goes with it — or when the rule
    data knows no base salary on ``decision_date`` (legacy decisions older than its first
    entry: their amount is not computed rather than refused).

    ``coefficient`` is the recipient kind's coefficient; for a household receiving a form
    without its own coefficient, pass the individual one with ``household_of_form``.
    """
    if coefficient is None:
        return None
    rules = rules or load()
    try:
        salary = base_salary(decision_date, rules)
    except LookupError:
        return None
    raw = Decimal(str(coefficient)) * salary
    if household_of_form:
        raw *= rules.household_multiplier
    return round_up(raw, rules.round_up_to)


def award_amount(award_type, subject: str, decision_date: datetime.date, rules=None) -> int | None:
    """The amount for ``subject`` (ca_nhan, tap_the, ho_gia_dinh) of ``award_type``."""
    from ..models import Category, Subject

    coefficient = award_type.coefficient_for(subject)
    if (
        subject == Subject.HOUSEHOLD
        and coefficient is None
        and award_type.category == Category.FORM
    ):
        return amount_for(
            award_type.coefficient_individual, decision_date, household_of_form=True, rules=rules
        )
    return amount_for(coefficient, decision_date, rules=rules)


@dataclass(frozen=True)
class Payable:
    """An award as the money rules see it: who, what, which period, how much."""

    key: object  # anything that identifies the award to the caller
    recipient: tuple  # (subject, id)
    is_title: bool
    period: tuple[int | None, int]  # (period_start, year)
    amount: int | None


def payable(items: Iterable[Payable]) -> dict[object, int | None]:
    """What is paid for each item decided at the same time (Điều 49.5–49.7).

    Several titles of one recipient for the same period: only the highest is paid, the
    others get 0. Forms and titles for different periods are each paid. An item that
    carries no money (no coefficient) stays ``None``.
    """
    items = list(items)
    paid: dict[object, int] = {}
    best: dict[tuple, Payable] = {}
    for item in items:
        if item.amount is None:
            continue
        if not item.is_title:
            paid[item.key] = item.amount
            continue
        group = (item.recipient, item.period)
        if group not in best or item.amount > best[group].amount:
            best[group] = item
    for item in best.values():
        paid[item.key] = item.amount
    for item in items:
        paid.setdefault(item.key, None if item.amount is None else 0)
    return paid
