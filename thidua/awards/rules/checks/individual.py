"""Emulation titles of individuals: Lao động tiên tiến, Chiến sĩ tiên tiến, Chiến sĩ thi đua
cơ sở, Chiến sĩ thi đua cấp tỉnh, Chiến sĩ thi đua toàn quốc (Điều 21–24 Luật Thi đua, khen
thưởng 2022)."""

from __future__ import annotations

from ...models import Rating
from .base import (
    MET,
    NOT_MET,
    NOTE,
    Ctx,
    Reason,
    _,
    ballot_note,
    decree_152_article,
    individual_principles,
    initiative_met,
    law_article,
    rating_check,
    rating_label,
    run_notes,
    run_reason,
    scope_label,
    shaky,
    title_run,
    usable_initiatives,
    used_notes,
    years_label,
)


def ldtt_standard(ctx: Ctx) -> list[Reason]:
    """The checkable part of the Lao động tiên tiến standard in ``ctx.year``: the task rating
    (Điều 24.1.a) and the implementing-circular exclusions on time worked and absence, with
    maternity leave counted as time worked (Điều 4.5 Nghị định 152/2025/NĐ-CP)."""
    reasons = rating_check(ctx, "ldtt.min_rating") + ctx.amendment_note("ldtt.min_rating")
    fact = ctx.history.rating(ctx.year)
    if fact is None:
        return reasons
    counted = fact.months_counted
    if counted is not None:
        minimum = ctx.value("ldtt.min_months_worked")
        params = {
            "months": counted,
            "worked": fact.months_worked,
            "leave": fact.maternity_leave_months,
            "min": minimum,
            "year": ctx.year,
        }
        if counted < minimum:
            reasons.append(
                ctx.by_param(
                    NOT_MET,
                    _(
                        "Worked %(months)s months in %(year)s, maternity leave included; at "
                        "least %(min)s months are required"
                    )
                    % params,
                    "ldtt.min_months_worked",
                )
            )
        elif fact.maternity_leave_months:
            version = ctx.param("ldtt.min_months_worked")
            reasons.append(
                Reason(
                    MET,
                    _(
                        "Worked %(worked)s months and was on maternity leave %(leave)s months "
                        "in %(year)s; maternity leave counts as time worked (at least %(min)s "
                        "months)"
                    )
                    % params,
                    decree_152_article(4, clause=5),
                    shaky(version.confidence),
                )
            )
    if fact.absent_days is not None:
        limit = ctx.value("ldtt.max_absent_days")
        if fact.absent_days >= limit:
            reasons.append(
                ctx.by_param(
                    NOT_MET,
                    _(
                        "Absent %(days)s working days in %(year)s; %(max)s days or more exclude "
                        "Lao động tiên tiến"
                    )
                    % {"days": fact.absent_days, "year": ctx.year, "max": limit},
                    "ldtt.max_absent_days",
                )
            )
    return reasons


def _qualities(ctx: Ctx, clause: int) -> Reason:
    return ctx.once(("qualities", clause), lambda: _qualities_note(clause))


def _qualities_note(clause: int) -> Reason:
    return Reason(
        NOTE,
        _(
            "Self-reliant, united, and active in emulation movements: to be confirmed by the "
            "unit's council"
        ),
        law_article(24, clause=clause),
    )


def ldtt(ctx: Ctx) -> list[Reason]:
    """Lao động tiên tiến (Điều 24.1): rated hoàn thành tốt nhiệm vụ or higher; self-reliant,
    united, active in emulation (the council confirms)."""
    return (
        individual_principles(ctx, ldtt_standard=True) + ldtt_standard(ctx) + [_qualities(ctx, 1)]
    )


def cstt(ctx: Ctx) -> list[Reason]:
    """Chiến sĩ tiên tiến (Điều 24.2): the same criteria as Lao động tiên tiến."""
    return (
        individual_principles(ctx, ldtt_standard=True) + ldtt_standard(ctx) + [_qualities(ctx, 2)]
    )


def cstdcs(ctx: Ctx) -> list[Reason]:
    """Chiến sĩ thi đua cơ sở (Điều 23): the Lao động tiên tiến standard in the year, and —
    as the versioned switches ``cstdcs.requires_initiative`` and
    ``cstdcs.requires_excellent_rating`` say — an initiative or scientific work, an excellent
    rating, both, or (Luật 2022) either one."""
    reasons = individual_principles(ctx, ldtt_standard=True) + ldtt_standard(ctx)
    year = ctx.year
    needs_initiative = ctx.value("cstdcs.requires_initiative")
    needs_excellent = ctx.value("cstdcs.requires_excellent_rating")
    fact = ctx.history.rating(year)
    excellent = fact is not None and fact.rating == Rating.EXCELLENT
    usable, used = usable_initiatives(ctx, {year})
    excellent_label = rating_label(Rating.EXCELLENT)
    if needs_initiative:
        if usable:
            version = ctx.param("cstdcs.requires_initiative")
            reasons.append(initiative_met(usable[0], version.source, shaky(version.confidence)))
        else:
            reasons.append(
                ctx.by_param(
                    NOT_MET,
                    _(
                        "No recognised initiative or accepted scientific work in %(year)s; "
                        "%(title)s requires one"
                    )
                    % {"year": year, "title": ctx.title()},
                    "cstdcs.requires_initiative",
                )
            )
            reasons += used_notes(ctx, used)
    if needs_excellent and fact is not None:
        params = {
            "rating": rating_label(fact.rating),
            "year": year,
            "min": excellent_label,
            "title": ctx.title(),
        }
        if excellent:
            reasons.append(
                ctx.by_param(
                    MET,
                    _("Rated “%(rating)s” in %(year)s: an achievement that qualifies for %(title)s")
                    % params,
                    "cstdcs.requires_excellent_rating",
                )
            )
        else:
            reasons.append(
                ctx.by_param(
                    NOT_MET,
                    _("Rated “%(rating)s” in %(year)s; “%(min)s” is required") % params,
                    "cstdcs.requires_excellent_rating",
                )
            )
    if not needs_initiative and not needs_excellent:
        key = "cstdcs.requires_initiative"
        if excellent:
            reasons.append(
                ctx.by_param(
                    MET,
                    _("Rated “%(rating)s” in %(year)s: an achievement that qualifies for %(title)s")
                    % {"rating": excellent_label, "year": year, "title": ctx.title()},
                    key,
                )
            )
        elif usable:
            version = ctx.param(key)
            reasons.append(initiative_met(usable[0], version.source))
        elif fact is not None:
            reasons.append(
                ctx.by_param(
                    NOT_MET,
                    _(
                        "Neither rated “%(rating)s” nor author of a recognised initiative or "
                        "accepted scientific work in %(year)s"
                    )
                    % {"rating": excellent_label, "year": year},
                    key,
                )
            )
            reasons += used_notes(ctx, used)
    reasons += ctx.amendment_note("cstdcs.requires_initiative")
    reasons += ctx.amendment_note("cstdcs.requires_excellent_rating")
    return reasons + ballot_note(ctx)


def _initiative_in(ctx: Ctx, years, key: str) -> list[Reason]:
    """An unused initiative or scientific work of ``years`` with effect at least the scope of
    parameter ``key``."""
    scope = ctx.value(key)
    usable, used = usable_initiatives(ctx, set(years), scope)
    if usable:
        version = ctx.param(key)
        return [initiative_met(usable[0], version.source, shaky(version.confidence))]
    return [
        ctx.by_param(
            NOT_MET,
            _(
                "No initiative or scientific work with effect at the level “%(scope)s” or wider "
                "recorded in %(years)s"
            )
            % {"scope": scope_label(scope), "years": years_label(years)},
            key,
        )
    ] + used_notes(ctx, used)


def _recognised_by() -> Reason:
    return Reason(
        NOTE,
        _(
            "The effect and replicability of the initiative are recognised by the head of "
            "the ministry, sector or province"
        ),
        law_article(22),
    )


def cstd_tinh(ctx: Ctx) -> list[Reason]:
    """Chiến sĩ thi đua cấp tỉnh (Điều 22): chosen among those with 03 consecutive Chiến sĩ
    thi đua cơ sở titles ending in the year; an initiative or scientific work applied with
    effect in the province (recognised by its head)."""
    reasons = individual_principles(ctx)
    needed = ctx.value("cstd_tinh.consecutive_cstdcs")
    run = title_run(ctx, "cstdcs", ctx.year)
    reasons.append(run_reason(ctx, run, "cstdcs", needed, "cstd_tinh.consecutive_cstdcs"))
    reasons += run_notes(ctx, run, "cstdcs", needed)
    window = run.years if len(run) >= needed else range(ctx.year - needed + 1, ctx.year + 1)
    reasons += _initiative_in(ctx, window, "cstd_tinh.min_initiative_scope")
    reasons.append(ctx.once("recognised_by", _recognised_by))
    return reasons + ballot_note(ctx)


def cstd_tq(ctx: Ctx) -> list[Reason]:
    """Chiến sĩ thi đua toàn quốc (Điều 21): chosen among those with 02 consecutive Chiến sĩ
    thi đua cấp tỉnh titles — proposed in the year after the second one, so the run may end
    in the previous year (``cstd_tq.run_may_end_years_before``) — and an initiative or
    scientific work with nationwide effect."""
    reasons = individual_principles(ctx)
    needed = ctx.value("cstd_tq.consecutive_cstd_tinh")
    lag = int(ctx.value("cstd_tq.run_may_end_years_before") or 0)
    runs = [title_run(ctx, "cstd_tinh", ctx.year - k) for k in range(lag + 1)]
    run = next((r for r in runs if len(r) >= needed), None)
    if run is None:
        run = max(runs, key=lambda r: (len(r), r.end))
    reasons.append(run_reason(ctx, run, "cstd_tinh", needed, "cstd_tq.consecutive_cstd_tinh"))
    reasons += run_notes(ctx, run, "cstd_tinh", needed + lag)
    if run.end < ctx.year and len(run) >= needed:
        reasons.append(
            ctx.by_param(
                NOTE,
                _("Proposed in the year after the second consecutive %(title)s (%(year)s)")
                % {"title": ctx.title("cstd_tinh"), "year": run.end},
                "cstd_tq.run_may_end_years_before",
            )
        )
    first = run.years[0] if len(run) >= needed else run.end - needed + 1
    reasons += _initiative_in(ctx, range(first, ctx.year + 1), "cstd_tq.min_initiative_scope")
    return reasons + ballot_note(ctx)
