"""Completion arithmetic for targets, and the reporting calendar. Pure functions, no database.

How a reported value is judged:

* The comparator says which side of the value is good: ``tren``/``toi_thieu``/``tang``
  want more, ``duoi``/``khong_qua``/``giam`` want less; ``dat`` and ``khoang`` follow the
  target's direction. A range ("6,5–7%") is met inside it when the direction is
  "within", at or above its low end when higher is better, at or below its high end
  when lower is better.
* ``tang``/``giam`` compare with the baseline: in per cent of it (``relative_change``) or
  in the unit of measure (percentage points for a rate). Without a baseline, or with a
  zero baseline for a percentage change, the target cannot be assessed.
* Completion is actual ÷ goal for "more is better", goal ÷ actual for "less is better";
  a share that cannot pass 100% ("đạt 100%") is capped at 100%. Going the wrong way
  (a fall for a "tăng" target, negative growth) is no progress: completion is never
  below 0.
* Status: met → ``dat``. After the period: otherwise ``khong_dat``. During the period a
  cumulative target is ``dung_tien_do`` when it is at least where a steady pace would
  put it, a level (a rate, a ratio) when it is within :data:`ON_TRACK_SHARE` of the goal;
  else ``nguy_co``. A cumulative "at most" total that has already passed its cap is
  ``khong_dat`` at once, and is met only by the total of the whole period (settled on a
  partial total it is ``khong_dat``). A cumulative ``tang``/``giam`` is judged during the
  period as the total it asks for ("tăng 10% so với 1.000" → at least 1.100), so a
  running total is not mistaken for a fall from the baseline.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

from django.utils.translation import gettext as _

from .models import Comparator, Direction, Frequency, TargetStatus

ONE = Decimal(1)
ZERO = Decimal(0)
HUNDRED = Decimal(100)
# A level target (growth rate, a share) reported during the period counts as on track
# when it is within 10% of its goal: rates move little from one quarter to the next.
ON_TRACK_SHARE = Decimal("0.9")

MORE = {Comparator.ABOVE, Comparator.AT_LEAST, Comparator.INCREASE}
LESS = {Comparator.BELOW, Comparator.AT_MOST, Comparator.DECREASE}
STRICT = {Comparator.ABOVE, Comparator.BELOW}


@dataclass(frozen=True)
class Goal:
    """What a target asks for (the fields of :class:`~thidua.movements.models.Target`)."""

    comparator: str
    value: Decimal
    value_max: Decimal | None = None
    direction: str = Direction.HIGHER
    cumulative: bool = False
    relative_change: bool = True
    baseline: Decimal | None = None
    measure: str = ""

    @classmethod
    def of(cls, target) -> Goal:
        return cls(
            comparator=target.comparator,
            value=Decimal(target.value),
            value_max=None if target.value_max is None else Decimal(target.value_max),
            direction=target.direction,
            cumulative=target.cumulative,
            relative_change=target.relative_change,
            baseline=None if target.baseline is None else Decimal(target.baseline),
            measure=target.measure,
        )

    @property
    def wants(self) -> str:
        """The side that is better: ``Direction.HIGHER``, ``LOWER`` or ``WITHIN``."""
        if self.comparator in MORE:
            return Direction.HIGHER
        if self.comparator in LESS:
            return Direction.LOWER
        return self.direction

    @property
    def is_change(self) -> bool:
        return self.comparator in (Comparator.INCREASE, Comparator.DECREASE)

    @property
    def capped(self) -> bool:
        """A share whose goal is the whole of it ("đạt 100%") cannot be more than complete."""
        return self.measure.strip() == "%" and self.value == HUNDRED and self.value_max is None


@dataclass(frozen=True)
class Assessment:
    completion: Decimal | None  # 1 = 100%
    met: bool | None  # None: cannot be assessed
    status: str
    reason: str = ""


def _ratio(numerator: Decimal, denominator: Decimal) -> Decimal:
    return (numerator / denominator).quantize(Decimal("0.0001"))


def _achieved(goal: Goal, actual: Decimal) -> tuple[Decimal | None, bool | None, str]:
    """Completion and whether the goal is met, ignoring time."""
    if goal.is_change:
        if goal.baseline is None:
            return None, None, _("No baseline value to compare with.")
        change = actual - goal.baseline
        if goal.comparator == Comparator.DECREASE:
            change = -change
        if goal.relative_change:
            if goal.baseline == ZERO:
                return None, None, _("A change in per cent cannot be measured from zero.")
            change = change / abs(goal.baseline) * HUNDRED
        if goal.value == ZERO:
            # "giảm" with no amount: any fall meets it.
            met = change > ZERO
            return (ONE if met else ZERO), met, ""
        return max(_ratio(change, goal.value), ZERO), change >= goal.value, ""

    wants = goal.wants
    low = goal.value
    high = goal.value_max if goal.value_max is not None else goal.value
    if wants == Direction.WITHIN:
        if low <= actual <= high:
            return ONE, True, ""
        if actual < low:
            return (max(_ratio(actual, low), ZERO) if low > ZERO else ZERO), False, ""
        return (_ratio(high, actual) if actual > ZERO else ZERO), False, ""
    if wants == Direction.HIGHER:
        met = actual > low if goal.comparator in STRICT else actual >= low
        completion = (ONE if met else ZERO) if low <= ZERO else max(_ratio(actual, low), ZERO)
        if goal.capped:
            completion = min(completion, ONE)
        return completion, met, ""
    # Lower is better.
    met = actual < high if goal.comparator in STRICT else actual <= high
    if actual <= ZERO:
        completion = ONE if met else ZERO
    else:
        completion = _ratio(high, actual) if high > ZERO else (ONE if met else ZERO)
    return completion, met, ""


def _running_total(goal: Goal) -> Goal | None:
    """A cumulative increase or decrease as the total it asks for over the whole period:
    "tăng 10% so với 1.000" → at least 1.100, "giảm 5% so với 200" → at most 190."""
    if goal.baseline is None or (goal.relative_change and goal.baseline == ZERO):
        return None
    amount = goal.value * abs(goal.baseline) / HUNDRED if goal.relative_change else goal.value
    if goal.comparator == Comparator.INCREASE:
        comparator = Comparator.ABOVE if goal.value == ZERO else Comparator.AT_LEAST
        total = goal.baseline + amount
    else:
        comparator = Comparator.BELOW if goal.value == ZERO else Comparator.AT_MOST
        total = goal.baseline - amount
    return Goal(comparator=comparator, value=total, cumulative=True)


def assess(goal: Goal, actual: Decimal | None, *, elapsed: Decimal, final: bool) -> Assessment:
    """Judge ``actual`` against ``goal`` when ``elapsed`` (0–1) of the target's time has
    passed; ``final`` once the period is over or the movement is closed."""
    if actual is None:
        if final:
            return Assessment(None, False, TargetStatus.MISSED, _("Nothing was reported."))
        return Assessment(None, None, TargetStatus.NOT_REPORTED)
    if goal.cumulative and goal.is_change and (not final or elapsed < ONE):
        # A running total is not yet the year's figure: compare it with the total the
        # change asks for, at the pace the time gone by allows.
        total = _running_total(goal)
        if total is not None:
            return assess(total, actual, elapsed=elapsed, final=final)
    completion, met, reason = _achieved(goal, Decimal(actual))
    if met is None:
        status = TargetStatus.MISSED if final else TargetStatus.UNKNOWN
        return Assessment(None, False if final else None, status, reason)
    cumulative = goal.cumulative and not goal.is_change and goal.wants != Direction.WITHIN
    if cumulative and goal.wants == Direction.LOWER:
        # A running total under a cap: met only when the period is over, missed as soon
        # as it passes the cap.
        if not met:
            return Assessment(completion, False, TargetStatus.MISSED)
        if final:
            if elapsed < ONE:
                # Settled on a partial total: staying under the cap is not shown.
                return Assessment(
                    completion,
                    False,
                    TargetStatus.MISSED,
                    _("The total for the whole period was not reported."),
                )
            return Assessment(completion, True, TargetStatus.MET)
        cap = goal.value_max if goal.value_max is not None else goal.value
        allowed = cap * max(elapsed, Decimal("0.0001"))
        on_track = Decimal(actual) <= allowed
        status = TargetStatus.ON_TRACK if on_track else TargetStatus.AT_RISK
        return Assessment(completion, None, status)
    if met:
        return Assessment(completion, True, TargetStatus.MET)
    if final:
        return Assessment(completion, False, TargetStatus.MISSED)
    on_track = completion >= elapsed if cumulative else completion >= ON_TRACK_SHARE
    return Assessment(completion, None, TargetStatus.ON_TRACK if on_track else TargetStatus.AT_RISK)


def elapsed_share(start: date, end: date, at: date) -> Decimal:
    """The share of ``start``–``end`` (inclusive) that has passed at the end of day ``at``."""
    if at < start:
        return ZERO
    if at >= end:
        return ONE
    total = (end - start).days + 1
    return _ratio(Decimal((at - start).days + 1), Decimal(total))


# The reporting calendar --------------------------------------------------------------

MONTHS_PER_PERIOD = {
    Frequency.MONTH: 1,
    Frequency.QUARTER: 3,
    Frequency.HALF: 6,
    Frequency.YEAR: 12,
}


def _month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def periods(frequency: str, start: date, end: date) -> list[tuple[date, date]]:
    """Calendar periods (months, quarters, halves, years) that overlap ``start``–``end``,
    clipped to it."""
    step = MONTHS_PER_PERIOD[frequency]
    month = ((start.month - 1) // step) * step + 1
    year = start.year
    result = []
    while True:
        period_start = date(year, month, 1)
        if period_start > end:
            break
        last_month = month + step - 1
        period_end = _month_end(year, last_month)
        result.append((max(period_start, start), min(period_end, end)))
        month += step
        if month > 12:
            month -= 12
            year += 1
    return result


def period_for(frequency: str, start: date, end: date, day: date) -> tuple[date, date] | None:
    """The period of ``frequency`` that contains ``day``."""
    for period in periods(frequency, start, end):
        if period[0] <= day <= period[1]:
            return period
    return None


def due_date(period_end: date, due_days: int) -> date:
    return period_end + timedelta(days=due_days)


ROMAN = {1: "I", 2: "II", 3: "III", 4: "IV"}


def period_label(frequency: str, period_end: date) -> str:
    """How people name a period: "Tháng 3/2022", "Quý I/2022", "6 tháng đầu năm 2022"…"""
    year = period_end.year
    if frequency == Frequency.MONTH:
        return _("Month %(month)s/%(year)s") % {"month": period_end.month, "year": year}
    if frequency == Frequency.QUARTER:
        quarter = ROMAN[(period_end.month - 1) // 3 + 1]
        return _("Quarter %(quarter)s/%(year)s") % {"quarter": quarter, "year": year}
    if frequency == Frequency.HALF:
        if period_end.month <= 6:
            return _("First half of %(year)s") % {"year": year}
        return _("Second half of %(year)s") % {"year": year}
    return _("Year %(year)s") % {"year": year}
