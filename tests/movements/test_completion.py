"""The completion arithmetic of targets: every comparator, ranges and direction, strict and
non-strict bounds, capped shares, changes from a baseline, pace during the period and the
edge cases (zero or missing baseline, zero goal, zero or negative actual, no report).

Every expected figure is worked out by hand in the comment beside it; completions are
kept to four decimals (1 = 100%), rounded half-even.
"""

from __future__ import annotations

from decimal import Decimal

import pytest

from thidua.movements.completion import ON_TRACK_SHARE, Goal, assess
from thidua.movements.models import Comparator, Direction, TargetStatus

D = Decimal
MET = TargetStatus.MET
ON_TRACK = TargetStatus.ON_TRACK
AT_RISK = TargetStatus.AT_RISK
MISSED = TargetStatus.MISSED
NOT_REPORTED = TargetStatus.NOT_REPORTED
UNKNOWN = TargetStatus.UNKNOWN

HIGHER, LOWER, WITHIN = Direction.HIGHER, Direction.LOWER, Direction.WITHIN


def goal(comparator: str, value, value_max=None, **fields) -> Goal:
    for name in ("baseline",):
        if fields.get(name) is not None:
            fields[name] = D(str(fields[name]))
    return Goal(
        comparator=comparator,
        value=D(str(value)),
        value_max=None if value_max is None else D(str(value_max)),
        **fields,
    )


def during(g: Goal, actual, elapsed="0.5"):
    """Judged in the middle of the period (half of the time gone by default)."""
    return assess(g, None if actual is None else D(str(actual)), elapsed=D(elapsed), final=False)


def final(g: Goal, actual, elapsed="1"):
    """Judged once the period is over (or the movement closed)."""
    return assess(g, None if actual is None else D(str(actual)), elapsed=D(elapsed), final=True)


# đạt (reach) follows the target's direction ------------------------------------------


def test_reach_higher_is_better():
    growth = goal(Comparator.REACH, "7.5", measure="%")  # tăng trưởng GRDP đạt 7,5%
    above = final(growth, "8")
    assert above.met is True and above.status == MET
    assert above.completion == D("1.0667")  # 8 ÷ 7,5 = 1,06666… → 1,0667
    exact = final(growth, "7.5")
    assert (exact.met, exact.completion) == (True, D("1"))  # 7,5 ÷ 7,5
    short = final(growth, "6")
    assert (short.met, short.status) == (False, MISSED)
    assert short.completion == D("0.8")  # 6 ÷ 7,5 = 0,8


def test_reach_lower_is_better():
    # Tỷ lệ thất nghiệp đạt 2% (lower is better): goal ÷ actual.
    unemployment = goal(Comparator.REACH, "2", direction=LOWER, measure="%")
    better = final(unemployment, "1.6")
    assert better.met is True
    assert better.completion == D("1.25")  # 2 ÷ 1,6 = 1,25
    worse = final(unemployment, "2.5")
    assert worse.met is False
    assert worse.completion == D("0.8")  # 2 ÷ 2,5 = 0,8
    assert final(unemployment, "2").met is True  # at the goal itself


# khoảng and ranges ("6,5–7%") --------------------------------------------------------


@pytest.mark.parametrize("comparator", [Comparator.ABOUT, Comparator.REACH])
def test_range_within(comparator):
    band = goal(comparator, "6.5", "7", direction=WITHIN, measure="%")
    for inside in ("6.5", "6.8", "7"):  # both ends belong to the range
        verdict = final(band, inside)
        assert (verdict.met, verdict.completion, verdict.status) == (True, D("1"), MET)
    below = final(band, "6")
    assert below.met is False
    assert below.completion == D("0.9231")  # 6 ÷ 6,5 = 0,923076… → 0,9231
    above = final(band, "7.5")
    assert above.met is False
    assert above.completion == D("0.9333")  # 7 ÷ 7,5 = 0,93333… (overshooting is a miss)


def test_range_when_higher_is_better():
    band = goal(Comparator.ABOUT, "6.5", "7", direction=HIGHER, measure="%")
    inside = final(band, "6.8")
    assert inside.met is True
    assert inside.completion == D("1.0462")  # 6,8 ÷ 6,5 = 1,046153… → 1,0462
    above = final(band, "7.5")
    assert above.met is True  # above the range is better still
    assert above.completion == D("1.1538")  # 7,5 ÷ 6,5 = 1,153846… → 1,1538
    assert final(band, "6.5").met is True  # the low end is enough
    below = final(band, "6")
    assert below.met is False
    assert below.completion == D("0.9231")  # 6 ÷ 6,5


def test_range_when_lower_is_better():
    band = goal(Comparator.ABOUT, "6.5", "7", direction=LOWER, measure="%")
    inside = final(band, "6.8")
    assert inside.met is True
    assert inside.completion == D("1.0294")  # 7 ÷ 6,8 = 1,029411… → 1,0294
    below = final(band, "6")
    assert below.met is True  # below the range is better still
    assert below.completion == D("1.1667")  # 7 ÷ 6 = 1,16666… → 1,1667
    assert final(band, "7").met is True  # the high end is still inside
    above = final(band, "7.5")
    assert above.met is False
    assert above.completion == D("0.9333")  # 7 ÷ 7,5


# trên / ít nhất / tối thiểu: more is better, whatever the direction says ---------------


def test_above_is_strict():
    # Tỷ lệ tham gia bảo hiểm y tế trên 95%: exactly 95% does not meet it.
    insured = goal(Comparator.ABOVE, "95", measure="%")
    exact = final(insured, "95")
    assert (exact.met, exact.status) == (False, MISSED)
    assert exact.completion == D("1")  # 95 ÷ 95: complete to the figure, yet not above it
    # During the year the same 95% is a level within 10% of the goal: on track.
    assert during(insured, "95").status == ON_TRACK
    more = final(insured, "95.1")
    assert (more.met, more.status) == (True, MET)
    assert more.completion == D("1.0011")  # 95,1 ÷ 95 = 1,001052… → 1,0011


@pytest.mark.parametrize("comparator", [Comparator.AT_LEAST, Comparator.REACH])
def test_at_least_includes_its_bound(comparator):
    insured = goal(comparator, "95", measure="%")
    assert final(insured, "95").met is True
    assert final(insured, "94.99").met is False


@pytest.mark.parametrize("comparator", [Comparator.ABOVE, Comparator.AT_LEAST])
def test_more_comparators_ignore_a_lower_direction(comparator):
    g = goal(comparator, "45.7", direction=LOWER)  # giường bệnh/vạn dân, mistyped direction
    assert g.wants == HIGHER
    verdict = final(g, "50")
    assert verdict.met is True
    assert verdict.completion == D("1.0941")  # 50 ÷ 45,7 = 1,094091… → 1,0941


# dưới / không quá: less is better ------------------------------------------------------


def test_below_is_strict():
    # Tỷ lệ hộ nghèo dưới 5%.
    poverty = goal(Comparator.BELOW, "5", measure="%")
    assert final(poverty, "5").met is False
    assert final(poverty, "5").completion == D("1")  # 5 ÷ 5
    under = final(poverty, "4.9")
    assert under.met is True
    assert under.completion == D("1.0204")  # 5 ÷ 4,9 = 1,020408… → 1,0204


def test_at_most_includes_its_bound():
    # Tỷ lệ lao động thất nghiệp không quá 5%.
    jobless = goal(Comparator.AT_MOST, "5", direction=HIGHER, measure="%")
    assert jobless.wants == LOWER  # the comparator wins over a mistyped direction
    exact = final(jobless, "5")
    assert (exact.met, exact.completion) == (True, D("1"))
    over = final(jobless, "5.5")
    assert over.met is False
    assert over.completion == D("0.9091")  # 5 ÷ 5,5 = 0,90909… → 0,9091
    assert during(jobless, "5.5").status == ON_TRACK  # 0,9091 ≥ 0,9
    assert during(jobless, "5.6").status == AT_RISK  # 5 ÷ 5,6 = 0,8929 < 0,9


# đạt 100%: a whole share cannot be more than complete -----------------------------------


def test_reaching_one_hundred_per_cent_is_capped():
    # 100% xã đạt chuẩn nông thôn mới.
    whole = goal(Comparator.REACH, "100", measure="%")
    assert whole.capped
    assert final(whole, "100").completion == D("1")
    assert final(whole, "100").met is True
    assert final(whole, "96").completion == D("0.96")  # 96 ÷ 100
    assert final(whole, "120").completion == D("1")  # never above 100%
    # The same 100 counted in something other than per cent is not capped.
    roads = goal(Comparator.REACH, "100", measure="km")
    assert not roads.capped
    assert final(roads, "120").completion == D("1.2")  # 120 ÷ 100
    # Nor is a range that happens to start at 100%, nor 100 as a growth in per cent.
    assert not goal(Comparator.ABOUT, "100", "110", measure="%").capped
    assert not goal(Comparator.REACH, "98", measure="%").capped


# tăng / giảm: a change from the baseline ------------------------------------------------


def test_increase_in_per_cent_of_the_baseline():
    # Thu ngân sách tăng 19,46% so với năm 2021 (1.000 tỷ đồng).
    revenue = goal(Comparator.INCREASE, "19.46", baseline="1000", measure="tỷ đồng")
    exact = final(revenue, "1194.6")  # (1.194,6 − 1.000) ÷ 1.000 × 100 = 19,46%
    assert (exact.met, exact.completion, exact.status) == (True, D("1"), MET)
    short = final(revenue, "1100")  # +10% of the 19,46% asked
    assert short.met is False
    assert short.completion == D("0.5139")  # 10 ÷ 19,46 = 0,513874… → 0,5139
    more = final(revenue, "1250")  # +25%
    assert more.met is True
    assert more.completion == D("1.2847")  # 25 ÷ 19,46 = 1,284686… → 1,2847


def test_increase_from_a_baseline_with_decimals():
    # Thu ngân sách 2.326,5 tỷ đồng, tăng 10%: 2.326,5 × 1,1 = 2.559,15.
    revenue = goal(Comparator.INCREASE, "10", baseline="2326.5")
    assert final(revenue, "2559.15").met is True
    assert final(revenue, "2559.15").completion == D("1")
    assert final(revenue, "2559.14").met is False


def test_decrease_in_percentage_points():
    # Tỷ lệ hộ nghèo giảm 4,4 điểm phần trăm, from 9,4%: the goal is 5,0%.
    poverty = goal(Comparator.DECREASE, "4.4", baseline="9.4", relative_change=False, measure="%")
    reached = final(poverty, "5")  # 9,4 − 5,0 = 4,4 points
    assert (reached.met, reached.completion) == (True, D("1"))
    half = final(poverty, "7.2")  # 9,4 − 7,2 = 2,2 points of 4,4
    assert half.met is False
    assert half.completion == D("0.5")
    # Read as a relative fall, the same 5,0% would be 46,8% lower — not "4,4 points".
    relative = goal(Comparator.DECREASE, "4.4", baseline="9.4", measure="%")
    assert final(relative, "5").completion == D("10.6383")  # (4,4 ÷ 9,4 × 100) ÷ 4,4


def test_decrease_in_per_cent():
    # Giảm 5% số vụ tai nạn giao thông so với năm trước (200 vụ).
    accidents = goal(Comparator.DECREASE, "5", baseline="200", measure="vụ")
    assert accidents.wants == LOWER
    assert final(accidents, "190").met is True  # (200 − 190) ÷ 200 × 100 = 5%
    half = final(accidents, "195")  # 2,5% of the 5% asked
    assert (half.met, half.completion) == (False, D("0.5"))
    assert final(accidents, "189").completion == D("1.1")  # 5,5% ÷ 5%


def test_a_change_the_wrong_way_is_no_progress():
    poverty = goal(Comparator.DECREASE, "4.4", baseline="9.4", relative_change=False, measure="%")
    rose = final(poverty, "10")  # 9,4 → 10: 0,6 points the wrong way
    assert rose.met is False
    assert rose.completion == D("0")
    revenue = goal(Comparator.INCREASE, "10", baseline="1000")
    fell = final(revenue, "900")  # −10%
    assert (fell.met, fell.completion) == (False, D("0"))


def test_change_with_a_zero_goal_is_met_by_any_move_the_right_way():
    # "Giảm số vụ cháy so với năm 2021" without an amount.
    fires = goal(Comparator.DECREASE, "0", baseline="12", measure="vụ")
    assert final(fires, "11").met is True  # 12 → 11 is a fall
    assert final(fires, "11").completion == D("1")
    same = final(fires, "12")  # no fall at all
    assert (same.met, same.completion) == (False, D("0"))


def test_change_from_a_zero_baseline():
    # In per cent of nothing: cannot be assessed, not a division by zero.
    g = goal(Comparator.INCREASE, "10", baseline="0")
    verdict = during(g, "5")
    assert (verdict.met, verdict.completion, verdict.status) == (None, None, UNKNOWN)
    assert verdict.reason
    closed = final(g, "5")
    assert (closed.met, closed.completion, closed.status) == (False, None, MISSED)
    # As an amount (tăng 50 mô hình từ 0) the same baseline is fine.
    models = goal(Comparator.INCREASE, "50", baseline="0", relative_change=False)
    verdict = final(models, "60")
    assert (verdict.met, verdict.completion) == (True, D("1.2"))  # 60 ÷ 50


@pytest.mark.parametrize("comparator", [Comparator.INCREASE, Comparator.DECREASE])
def test_change_without_a_baseline_cannot_be_assessed(comparator):
    g = goal(comparator, "5")
    verdict = during(g, "120")
    assert (verdict.met, verdict.completion, verdict.status) == (None, None, UNKNOWN)
    assert verdict.reason
    assert final(g, "120").status == MISSED
    assert final(g, "120").met is False


# Zero goals, zero and negative actuals -------------------------------------------------


def test_zero_goal_values():
    # "Không để xảy ra" (at most 0) is met by nothing at all.
    incidents = goal(Comparator.AT_MOST, "0", measure="vụ")
    nothing = final(incidents, "0")
    assert (nothing.met, nothing.completion) == (True, D("1"))
    some = final(incidents, "2")
    assert (some.met, some.completion) == (False, D("0"))
    # At least zero: any non-negative figure.
    assert final(goal(Comparator.AT_LEAST, "0"), "0").met is True
    assert final(goal(Comparator.AT_LEAST, "0"), "0").completion == D("1")
    # Above zero: zero is not enough.
    above_zero = final(goal(Comparator.ABOVE, "0"), "0")
    assert (above_zero.met, above_zero.completion) == (False, D("0"))
    assert final(goal(Comparator.ABOVE, "0"), "1").completion == D("1")


def test_zero_and_negative_actuals():
    growth = goal(Comparator.REACH, "7.5", measure="%")
    zero = final(growth, "0")
    assert (zero.met, zero.completion) == (False, D("0"))
    recession = final(growth, "-2")  # GRDP fell 2%: no progress, not "−26,67%"
    assert (recession.met, recession.completion) == (False, D("0"))
    # Less is better and nothing happened: complete.
    poverty = goal(Comparator.AT_MOST, "5", measure="%")
    assert final(poverty, "0").completion == D("1")
    assert final(poverty, "0").met is True
    band = goal(Comparator.ABOUT, "6.5", "7", direction=WITHIN)
    assert final(band, "0").completion == D("0")
    assert final(band, "-1").completion == D("0")


def test_completion_never_goes_below_zero():
    for g, actual in (
        (goal(Comparator.REACH, "7.5"), "-3"),
        (goal(Comparator.INCREASE, "10", baseline="1000"), "500"),
        (goal(Comparator.DECREASE, "5", baseline="200"), "260"),
        (goal(Comparator.ABOUT, "6.5", "7", direction=WITHIN), "-0.5"),
    ):
        assert final(g, actual).completion >= 0
        assert during(g, actual).completion >= 0


# Missing reports --------------------------------------------------------------------------


def test_missing_report_during_and_after_the_period():
    growth = goal(Comparator.REACH, "7.5")
    pending = during(growth, None)
    assert (pending.status, pending.met, pending.completion) == (NOT_REPORTED, None, None)
    missed = final(growth, None)
    assert (missed.status, missed.met, missed.completion) == (MISSED, False, None)
    assert missed.reason


# Pace during the period -----------------------------------------------------------------


def test_cumulative_target_on_or_behind_pace():
    # Thu ngân sách 2.326 tỷ đồng for the year, reported as a running total (lũy kế).
    revenue = goal(Comparator.REACH, "2326", cumulative=True, measure="tỷ đồng")
    q1 = "0.2466"  # 31/3: 90 of 365 days
    ahead = during(revenue, "600", q1)
    assert ahead.completion == D("0.2580")  # 600 ÷ 2.326 = 0,25795… ≥ 0,2466
    assert (ahead.status, ahead.met) == (ON_TRACK, None)
    behind = during(revenue, "500", q1)
    assert behind.completion == D("0.2150")  # 500 ÷ 2.326 = 0,21496… < 0,2466
    assert behind.status == AT_RISK
    # The total reached before the year is out: met already.
    assert during(revenue, "2400", q1).status == MET
    # The same 600 as a level (not a running total) is far from the goal.
    level = goal(Comparator.REACH, "2326", measure="tỷ đồng")
    assert during(level, "600", q1).status == AT_RISK
    # At the end of the year only the total counts.
    assert final(revenue, "2300").status == MISSED


def test_cumulative_pace_exactly_on_the_line():
    trained = goal(Comparator.AT_LEAST, "1000", cumulative=True, measure="người")
    assert during(trained, "500", "0.5").status == ON_TRACK  # 500 ÷ 1.000 = 0,5 = 0,5
    assert during(trained, "499", "0.5").status == AT_RISK  # 0,499 < 0,5


def test_cumulative_cap_is_missed_as_soon_as_it_is_passed():
    # Chi thường xuyên không quá 1.000 tỷ đồng in the year, as a running total.
    spending = goal(Comparator.AT_MOST, "1000", cumulative=True, measure="tỷ đồng")
    slow = during(spending, "400", "0.5")  # 400 ≤ 1.000 × 0,5 = 500
    assert (slow.status, slow.met) == (ON_TRACK, None)  # not met until the year is over
    fast = during(spending, "600", "0.5")  # 600 > 500: on course to pass the cap
    assert (fast.status, fast.met) == (AT_RISK, None)
    passed = during(spending, "1001", "0.5")
    assert (passed.status, passed.met) == (MISSED, False)  # missed at once, mid-year
    assert final(spending, "900").status == MET
    assert final(spending, "1000").status == MET
    assert final(spending, "1000.5").status == MISSED


def test_cumulative_cap_reported_only_in_part_is_not_met():
    # The last quarter's total never came: a running total under the cap after three
    # quarters says nothing about the year.
    spending = goal(Comparator.AT_MOST, "1000", cumulative=True)
    partial = final(spending, "700", elapsed="0.7479")  # closed with the Q3 total only
    assert (partial.met, partial.status) == (False, MISSED)
    assert partial.reason


def test_cumulative_range_cap_uses_the_upper_end():
    # "Khoảng 90–100 ca" a year, lower is better, as a running total.
    cases = goal(Comparator.ABOUT, "90", "100", direction=LOWER, cumulative=True)
    # Half-way through, 48 cases: pace against the cap of 100 is 50 → on track;
    # against the lower end (90 × 0,5 = 45) it would wrongly look at risk.
    assert during(cases, "48", "0.5").status == ON_TRACK
    assert during(cases, "51", "0.5").status == AT_RISK
    assert during(cases, "101", "0.5").status == MISSED


def test_cumulative_decrease_is_judged_against_its_total():
    # Giảm 5% số vụ tai nạn so với năm trước (200 vụ), counted as a running total:
    # the year may have at most 200 × 0,95 = 190.
    accidents = goal(Comparator.DECREASE, "5", baseline="200", cumulative=True)
    # After the first quarter, 40 accidents: far below 200, yet the year is not won.
    q1 = during(accidents, "40", "0.2466")  # 40 ≤ 190 × 0,2466 = 46,85: on pace
    assert q1.status == ON_TRACK
    assert q1.met is None
    assert during(accidents, "50", "0.2466").status == AT_RISK  # 50 > 46,85
    assert during(accidents, "191", "0.8").status == MISSED  # passed 190 already
    year = final(accidents, "188")  # (200 − 188) ÷ 200 × 100 = 6% ≥ 5%
    assert (year.status, year.completion) == (MET, D("1.2"))  # 6 ÷ 5


def test_cumulative_increase_is_judged_against_its_total():
    # Thu ngân sách tăng 10% so với năm trước (1.000 tỷ đồng), as a running total:
    # the year needs 1.100.
    revenue = goal(Comparator.INCREASE, "10", baseline="1000", cumulative=True)
    on_pace = during(revenue, "560", "0.5")  # 560 ÷ 1.100 = 0,5091 ≥ 0,5
    assert on_pace.status == ON_TRACK
    assert on_pace.completion == D("0.5091")
    assert during(revenue, "500", "0.5").status == AT_RISK  # 0,4545 < 0,5
    assert during(revenue, "1100", "0.9").status == MET
    assert final(revenue, "1050").completion == D("0.5")  # +5% of the 10% asked


def test_level_target_within_the_on_track_share():
    assert D("0.9") == ON_TRACK_SHARE
    # Tỷ lệ tham gia BHYT ít nhất 95%: a level, compared with the goal at every report.
    insured = goal(Comparator.AT_LEAST, "95", measure="%")
    edge = during(insured, "85.5", "0.25")  # 85,5 ÷ 95 = 0,9 exactly
    assert (edge.completion, edge.status) == (D("0.9"), ON_TRACK)
    under = during(insured, "85.4", "0.25")  # 85,4 ÷ 95 = 0,898947… → 0,8989
    assert (under.completion, under.status) == (D("0.8989"), AT_RISK)
    # Time does not lower the bar for a level: the same 85,4 is at risk early on too.
    assert during(insured, "85.4", "0.01").status == AT_RISK
    # Lower is better: 5 ÷ 5,5 = 0,9091 is on track, 5 ÷ 5,6 = 0,8929 at risk.
    poverty = goal(Comparator.BELOW, "5", measure="%")
    assert during(poverty, "5.5").status == ON_TRACK
    assert during(poverty, "5.6").status == AT_RISK


def test_a_met_target_is_met_during_the_period_too():
    growth = goal(Comparator.REACH, "7.5")
    early = during(growth, "7.6", "0.25")
    assert (early.status, early.met) == (MET, True)
