"""The reporting calendar: share of time elapsed, the periods of each frequency (clipped
at a movement that starts or ends inside one, over several years), the period of a day,
its due date and how people name it."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from django.utils import translation

from thidua.movements.completion import due_date, elapsed_share, period_for, period_label, periods
from thidua.movements.models import Frequency

D = Decimal


# elapsed_share -----------------------------------------------------------------------


def test_elapsed_share_of_a_year():
    start, end = date(2026, 1, 1), date(2026, 12, 31)  # 365 days
    assert elapsed_share(start, end, date(2025, 12, 31)) == D("0")  # not begun
    assert elapsed_share(start, end, date(2026, 1, 1)) == D("0.0027")  # 1 ÷ 365 = 0,00274
    assert elapsed_share(start, end, date(2026, 3, 31)) == D("0.2466")  # 90 ÷ 365 = 0,24658
    assert elapsed_share(start, end, date(2026, 6, 30)) == D("0.4959")  # 181 ÷ 365 = 0,49589
    assert elapsed_share(start, end, date(2026, 12, 31)) == D("1")  # the whole last day
    assert elapsed_share(start, end, date(2027, 5, 1)) == D("1")  # never more than all


def test_elapsed_share_in_a_leap_year_and_over_several_years():
    # 2024 has 366 days; 29/2 is day 31 + 29 = 60.
    assert elapsed_share(date(2024, 1, 1), date(2024, 12, 31), date(2024, 2, 29)) == D("0.1639")
    # 2021–2025: 365 × 4 + 366 = 1.826 days; end of 2022 is day 730: 730 ÷ 1.826 = 0,39978.
    assert elapsed_share(date(2021, 1, 1), date(2025, 12, 31), date(2022, 12, 31)) == D("0.3998")


def test_elapsed_share_of_a_single_day():
    day = date(2026, 9, 2)  # a one-day campaign
    assert elapsed_share(day, day, day) == D("1")
    assert elapsed_share(day, day, date(2026, 9, 1)) == D("0")


# periods -----------------------------------------------------------------------------


def test_periods_of_a_calendar_year():
    start, end = date(2026, 1, 1), date(2026, 12, 31)
    months = periods(Frequency.MONTH, start, end)
    assert len(months) == 12
    assert months[0] == (date(2026, 1, 1), date(2026, 1, 31))
    assert months[1] == (date(2026, 2, 1), date(2026, 2, 28))  # 2026 is not a leap year
    assert months[-1] == (date(2026, 12, 1), date(2026, 12, 31))
    assert periods(Frequency.QUARTER, start, end) == [
        (date(2026, 1, 1), date(2026, 3, 31)),
        (date(2026, 4, 1), date(2026, 6, 30)),
        (date(2026, 7, 1), date(2026, 9, 30)),
        (date(2026, 10, 1), date(2026, 12, 31)),
    ]
    assert periods(Frequency.HALF, start, end) == [
        (date(2026, 1, 1), date(2026, 6, 30)),
        (date(2026, 7, 1), date(2026, 12, 31)),
    ]
    assert periods(Frequency.YEAR, start, end) == [(date(2026, 1, 1), date(2026, 12, 31))]


def test_february_of_a_leap_year():
    assert periods(Frequency.MONTH, date(2024, 2, 1), date(2024, 2, 29)) == [
        (date(2024, 2, 1), date(2024, 2, 29))
    ]


def test_periods_clipped_at_a_start_in_mid_quarter():
    # Launched on 15/02/2022 (seed-like "đợt thi đua cao điểm"), to the end of the year.
    start, end = date(2022, 2, 15), date(2022, 12, 31)
    assert periods(Frequency.QUARTER, start, end) == [
        (date(2022, 2, 15), date(2022, 3, 31)),  # the rest of quarter I
        (date(2022, 4, 1), date(2022, 6, 30)),
        (date(2022, 7, 1), date(2022, 9, 30)),
        (date(2022, 10, 1), date(2022, 12, 31)),
    ]
    assert periods(Frequency.MONTH, start, end)[0] == (date(2022, 2, 15), date(2022, 2, 28))
    assert len(periods(Frequency.MONTH, start, end)) == 11  # February to December
    assert periods(Frequency.HALF, start, end) == [
        (date(2022, 2, 15), date(2022, 6, 30)),
        (date(2022, 7, 1), date(2022, 12, 31)),
    ]
    assert periods(Frequency.YEAR, start, end) == [(start, end)]


def test_periods_clipped_at_an_end_in_mid_period():
    # A campaign from 01/08/2025 to 20/05/2026, cut short in quarter II.
    start, end = date(2025, 8, 1), date(2026, 5, 20)
    assert periods(Frequency.QUARTER, start, end) == [
        (date(2025, 8, 1), date(2025, 9, 30)),
        (date(2025, 10, 1), date(2025, 12, 31)),  # over the turn of the year
        (date(2026, 1, 1), date(2026, 3, 31)),
        (date(2026, 4, 1), date(2026, 5, 20)),  # quarter II, cut at the end
    ]
    assert periods(Frequency.HALF, start, end) == [
        (date(2025, 8, 1), date(2025, 12, 31)),
        (date(2026, 1, 1), date(2026, 5, 20)),
    ]
    assert periods(Frequency.YEAR, start, end) == [
        (date(2025, 8, 1), date(2025, 12, 31)),
        (date(2026, 1, 1), date(2026, 5, 20)),
    ]


def test_periods_inside_one_month():
    start, end = date(2026, 3, 5), date(2026, 3, 20)
    for frequency in Frequency.values:
        assert periods(frequency, start, end) == [(start, end)]


def test_periods_of_a_five_year_movement():
    # Phong trào "Cả nước chung tay vì người nghèo" 2021–2025.
    start, end = date(2021, 1, 1), date(2025, 12, 31)
    assert len(periods(Frequency.MONTH, start, end)) == 60  # 12 × 5
    quarters = periods(Frequency.QUARTER, start, end)
    assert len(quarters) == 20  # 4 × 5
    assert quarters[4] == (date(2022, 1, 1), date(2022, 3, 31))
    assert len(periods(Frequency.HALF, start, end)) == 10
    assert periods(Frequency.YEAR, start, end) == [
        (date(year, 1, 1), date(year, 12, 31)) for year in range(2021, 2026)
    ]
    # Periods follow each other without a gap or an overlap.
    for (_, previous_end), (next_start, _) in zip(quarters, quarters[1:], strict=False):
        assert (next_start - previous_end).days == 1


# period_for, due_date ------------------------------------------------------------------


def test_period_for_a_day():
    start, end = date(2022, 2, 15), date(2022, 12, 31)
    assert period_for(Frequency.QUARTER, start, end, date(2022, 3, 1)) == (
        date(2022, 2, 15),
        date(2022, 3, 31),
    )
    assert period_for(Frequency.QUARTER, start, end, date(2022, 3, 31)) == (
        date(2022, 2, 15),
        date(2022, 3, 31),
    )
    assert period_for(Frequency.QUARTER, start, end, date(2022, 4, 1)) == (
        date(2022, 4, 1),
        date(2022, 6, 30),
    )
    assert period_for(Frequency.MONTH, date(2024, 1, 1), date(2024, 12, 31), date(2024, 2, 29)) == (
        date(2024, 2, 1),
        date(2024, 2, 29),
    )
    # Outside the movement there is no period.
    assert period_for(Frequency.QUARTER, start, end, date(2022, 2, 14)) is None
    assert period_for(Frequency.QUARTER, start, end, date(2023, 1, 1)) is None


def test_due_date_counts_days_after_the_period():
    assert due_date(date(2026, 3, 31), 10) == date(2026, 4, 10)
    assert due_date(date(2026, 12, 31), 15) == date(2027, 1, 15)
    assert due_date(date(2026, 6, 30), 0) == date(2026, 6, 30)


# period_label --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("frequency", "period_end", "label"),
    [
        (Frequency.MONTH, date(2022, 3, 31), "Month 3/2022"),
        (Frequency.MONTH, date(2022, 12, 31), "Month 12/2022"),
        (Frequency.QUARTER, date(2022, 3, 31), "Quarter I/2022"),
        (Frequency.QUARTER, date(2022, 6, 30), "Quarter II/2022"),
        (Frequency.QUARTER, date(2022, 9, 30), "Quarter III/2022"),
        (Frequency.QUARTER, date(2022, 12, 31), "Quarter IV/2022"),
        # A period cut short by the movement's end keeps its quarter's name.
        (Frequency.QUARTER, date(2026, 5, 20), "Quarter II/2026"),
        (Frequency.HALF, date(2022, 6, 30), "First half of 2022"),
        (Frequency.HALF, date(2022, 12, 31), "Second half of 2022"),
        (Frequency.YEAR, date(2025, 12, 31), "Year 2025"),
    ],
)
def test_period_label(frequency, period_end, label):
    with translation.override("en"):
        assert period_label(frequency, period_end) == label
