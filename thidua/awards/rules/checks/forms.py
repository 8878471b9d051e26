"""Commendation forms: Giấy khen, Bằng khen của Chủ tịch UBND tỉnh, Bằng khen của Thủ tướng
Chính phủ (Điều 73–75 Luật Thi đua, khen thưởng 2022), and the fallback for the titles and
forms thidua does not check.

The law gives these forms as "one of" several achievements. The branches the registry can
check decide the verdict when they hold; otherwise the verdict asks for evidence of the other
branches (movements, sudden achievements, contributions), and the branches that did not hold
are told as notes, not as failures.
"""

from __future__ import annotations

from ...models import InitiativeKind, Rating, Subject
from .base import (
    MET,
    MISSING,
    NOTE,
    Ctx,
    Reason,
    _,
    at_least_rating,
    decree_152_article,
    duplicate,
    individual_principles,
    kind_label,
    law_article,
    n2,
    rating_check,
    rating_label,
    run_notes,
    run_of_years,
    run_reason,
    title_run,
    usable_initiatives,
    used_notes,
    years_label,
)


def _exemplary(ctx: Ctx, article: int, clause: int | None = None) -> Reason:
    return ctx.once(("exemplary", article, clause), lambda: _exemplary_note(article, clause))


def _exemplary_note(article: int, clause: int | None) -> Reason:
    return Reason(
        NOTE,
        _(
            "Exemplary in following the Party's guidelines and the State's policies and law: "
            "to be confirmed by the council"
        ),
        law_article(article, clause=clause),
    )


def _united(ctx: Ctx, article: int) -> Reason:
    return ctx.once(("united", article), lambda: _united_note(article))


def _united_note(article: int) -> Reason:
    return Reason(
        NOTE,
        _(
            "Exemplary and united; grassroots democracy, care for the members' lives, thrift, "
            "fighting waste and corruption: to be confirmed by the council"
        ),
        law_article(article),
        "medium",
    )


# Giấy khen ---------------------------------------------------------------------------------


def giay_khen(ctx: Ctx) -> list[Reason]:
    """Giấy khen (Điều 75): completes tasks well, and an achievement evaluated in a movement
    or many or sudden achievements (individuals, collectives); contributions or an achievement
    in a movement (households). Each province details the criteria (Điều 75.2)."""
    subject = ctx.history.subject
    if subject == Subject.HOUSEHOLD:
        return duplicate(ctx) + [
            Reason(
                MISSING,
                _(
                    "Attach the achievement: contributions of effort, land or assets to the "
                    "locality, or an achievement in an emulation movement"
                ),
                law_article(75),
                "medium",
            )
        ]
    principles = individual_principles(ctx) if subject == Subject.INDIVIDUAL else duplicate(ctx)
    return (
        principles
        + rating_check(ctx, "giay_khen.min_rating")
        + [
            Reason(
                MISSING,
                _(
                    "Attach the achievement: evaluated in an emulation movement, or many or "
                    "sudden achievements in the field of the issuing body"
                ),
                law_article(75),
                "medium",
            ),
            _exemplary(ctx, 75) if subject == Subject.INDIVIDUAL else _united(ctx, 75),
        ]
    )


# Bằng khen của Chủ tịch UBND tỉnh --------------------------------------------------------------


def _other_achievements_bk_tinh(ctx: Ctx) -> Reason:
    return ctx.once("bk_tinh_other", _other_achievements_note)


def _other_achievements_note() -> Reason:
    return Reason(
        MISSING,
        _(
            "Attach evidence of another achievement: outstanding in a movement launched by the "
            "province, many or sudden achievements in its field, or contributions to "
            "socio-economic development, science, social or charity work"
        ),
        law_article(74),
        "medium",
    )


def _excellent_with_initiatives(ctx: Ctx) -> tuple[bool, list[Reason]]:
    """Way 2 of Điều 74: at least 2 consecutive years rated hoàn thành xuất sắc with 2
    initiatives (or 2 scientific works) applied in that time."""
    history = ctx.history
    needed = ctx.value("bk_tinh.consecutive_excellent_years")
    wanted = ctx.value("bk_tinh.initiatives_in_window")
    excellent = {y for y, fact in history.ratings.items() if fact.rating == Rating.EXCELLENT}
    run = run_of_years(history, excellent, ctx.year)
    window = run if len(run) >= needed else range(ctx.year - needed + 1, ctx.year + 1)
    usable, used = usable_initiatives(ctx, set(window))
    initiatives = [i for i in usable if i.kind == InitiativeKind.INITIATIVE]
    works = [i for i in usable if i.kind == InitiativeKind.SCIENCE]
    best = max(initiatives, works, key=len)
    params = {
        "rating": rating_label(Rating.EXCELLENT),
        "n": n2(needed),
        "k": n2(wanted),
        "year": ctx.year,
        "years": years_label(window),
    }
    if len(run) >= needed and len(best) >= wanted:
        return True, [
            ctx.by_param(
                MET,
                _("Rated “%(rating)s” %(n)s consecutive years (%(years)s)")
                % (params | {"n": n2(len(run))}),
                "bk_tinh.consecutive_excellent_years",
            ),
            ctx.by_param(
                MET,
                _("%(k)s initiatives or scientific works applied in that time: %(titles)s")
                % (params | {"k": n2(len(best)), "titles": "; ".join(i.title for i in best)}),
                "bk_tinh.initiatives_in_window",
            ),
        ]
    return False, [
        ctx.by_param(
            NOTE,
            _(
                "Not rated “%(rating)s” %(n)s consecutive years up to %(year)s with %(k)s "
                "initiatives or %(k)s scientific works applied in that time"
            )
            % params,
            "bk_tinh.consecutive_excellent_years",
        )
    ] + (used_notes(ctx, used) if len(run) >= needed else [])


def bk_tinh(ctx: Ctx) -> list[Reason]:
    """Bằng khen của Chủ tịch UBND tỉnh (Điều 74, criteria detailed by the province).

    Individuals: 02 consecutive Chiến sĩ thi đua cơ sở titles, or 02 consecutive years rated
    hoàn thành xuất sắc with 02 initiatives (or scientific works) applied in that time; the
    other ways need evidence. Collectives: 02 consecutive years rated hoàn thành xuất sắc or
    holding Tập thể lao động xuất sắc. Households: contributions, evidence only."""
    subject = ctx.history.subject
    if subject == Subject.HOUSEHOLD:
        return duplicate(ctx) + [
            Reason(
                MISSING,
                _(
                    "Attach the achievement: exemplary, with large contributions of effort, land "
                    "or assets to the locality and society"
                ),
                law_article(74),
                "medium",
            )
        ]
    if subject == Subject.COLLECTIVE:
        return _bk_tinh_collective(ctx)
    reasons = individual_principles(ctx)
    needed = ctx.value("bk_tinh.consecutive_cstdcs")
    run = title_run(ctx, "cstdcs", ctx.year)
    if len(run) >= needed:
        reasons.append(run_reason(ctx, run, "cstdcs", needed, "bk_tinh.consecutive_cstdcs"))
    else:
        ok, way_two = _excellent_with_initiatives(ctx)
        if ok:
            reasons += way_two
        else:
            reasons.append(
                run_reason(
                    ctx, run, "cstdcs", needed, "bk_tinh.consecutive_cstdcs", outcome_if_short=NOTE
                )
            )
            reasons += run_notes(ctx, run, "cstdcs", needed)
            reasons += way_two
            reasons.append(_other_achievements_bk_tinh(ctx))
    return reasons + [_exemplary(ctx, 74)]


def _bk_tinh_collective(ctx: Ctx) -> list[Reason]:
    history = ctx.history
    key = "bk_tinh.collective_consecutive_years"
    needed = ctx.value(key)
    excellent = {y for y, fact in history.ratings.items() if fact.rating == Rating.EXCELLENT}
    run = run_of_years(history, excellent | history.merit_years("ttldxs"), ctx.year)
    params = {
        "rating": rating_label(Rating.EXCELLENT),
        "title": ctx.title("ttldxs"),
        "n": n2(needed),
        "year": ctx.year,
    }
    reasons = duplicate(ctx)
    if len(run) >= needed:
        reasons.append(
            ctx.by_param(
                MET,
                _("Rated “%(rating)s” or %(title)s %(n)s consecutive years (%(years)s)")
                % (params | {"n": n2(len(run)), "years": years_label(run)}),
                key,
            )
        )
    else:
        reasons.append(
            ctx.by_param(
                NOTE,
                _("Not rated “%(rating)s” or %(title)s %(n)s consecutive years up to %(year)s")
                % params,
                key,
            )
        )
        reasons.append(_other_achievements_bk_tinh(ctx))
    return reasons + [_united(ctx, 74)]


# Bằng khen của Thủ tướng Chính phủ -----------------------------------------------------------


def bk_ttg(ctx: Ctx) -> list[Reason]:
    """Bằng khen của Thủ tướng Chính phủ (Điều 73).

    Individuals (73.1.b): already holds a Bằng khen of a ministry or province, and in the 05
    or more following years up to the proposal was rated hoàn thành tốt nhiệm vụ or higher
    each year, with 03 Chiến sĩ thi đua cơ sở titles in that time. Other ways (a movement, many
    or sudden achievements, prizes) need evidence. Collectives and households (73.2): not in
    the rule data (low confidence), evidence only."""
    if ctx.history.subject != Subject.INDIVIDUAL:
        return duplicate(ctx) + [
            Reason(
                NOTE,
                _(
                    "The conditions of %(title)s for collectives and households are not in "
                    "thidua's rule data: the council checks the dossier"
                )
                % {"title": ctx.award_type.name},
                law_article(73, clause=2),
                "low",
            ),
            Reason(
                MISSING,
                _("Attach the achievement report and the documents that support it"),
                law_article(73, clause=2),
                "low",
            ),
        ]
    reasons = individual_principles(ctx)
    ok, way = _after_bk_tinh(ctx)
    reasons += way
    if not ok:
        reasons.append(
            Reason(
                MISSING,
                _(
                    "Attach evidence of another achievement: outstanding in an emulation "
                    "movement, many or sudden achievements with influence in the ministry, "
                    "sector or province, or a prize"
                ),
                law_article(73, clause=1),
                "medium",
            )
        )
    return reasons + [_exemplary(ctx, 73, 1)]


def _after_bk_tinh(ctx: Ctx) -> tuple[bool, list[Reason]]:
    history, year = ctx.history, ctx.year
    years_needed = ctx.value("bk_ttg.consecutive_good_years")
    minimum = ctx.value("bk_ttg.min_rating")
    titles_needed = ctx.value("bk_ttg.cstdcs_in_window")
    start = history.counts_from(year)
    merit = sorted(
        (a for a in history.awards_of("bk_tinh") if a.counts_for_merit and start <= a.year < year),
        key=lambda a: a.year,
        reverse=True,
    )
    not_counted = [a for a in history.awards_of("bk_tinh") if not a.counts_for_merit]
    notes = [
        Reason(
            NOTE,
            _(
                "%(title)s %(year)s was awarded as %(kind)s: it is not a basis for a higher merit award"
            )
            % {"title": ctx.title("bk_tinh"), "year": a.year, "kind": kind_label(a.kind)},
            decree_152_article(4, clause=3),
        )
        for a in not_counted
    ]
    good = {y for y, fact in history.ratings.items() if at_least_rating(fact.rating, minimum)}
    run = run_of_years(history, good, year)
    titles = history.merit_years("cstdcs")
    params = {
        "title": ctx.title("bk_tinh"),
        "rating": rating_label(minimum),
        "n": n2(years_needed),
        "k": n2(titles_needed),
        "cstdcs": ctx.title("cstdcs"),
        "year": year,
    }
    for award in merit:
        window = range(award.year + 1, year + 1)
        held = sorted(titles & set(window))
        if (
            len(window) >= years_needed
            and run
            and run[0] <= award.year + 1
            and len(held) >= titles_needed
        ):
            params |= {"since": award.year, "years": years_label(window)}
            return True, notes + [
                Reason(
                    MET,
                    _("Holds %(title)s %(since)s") % params,
                    law_article(73, clause=1),
                ),
                ctx.by_param(
                    MET,
                    _("Rated at least “%(rating)s” every year after it (%(years)s)") % params,
                    "bk_ttg.consecutive_good_years",
                ),
                ctx.by_param(
                    MET,
                    _("%(k)s times %(cstdcs)s in that time (%(held)s)")
                    % (params | {"k": n2(len(held)), "held": years_label(held)}),
                    "bk_ttg.cstdcs_in_window",
                ),
            ]
    if not merit:
        return False, notes + [
            ctx.by_param(
                NOTE,
                _(
                    "No %(title)s counting as merit in the registry before %(year)s, to be "
                    "followed by %(n)s years rated at least “%(rating)s”"
                )
                % params,
                "bk_ttg.consecutive_good_years",
            )
        ]
    latest = merit[0]
    window = range(latest.year + 1, year + 1)
    unrated = [y for y in window if history.rating(y) is None]
    held = sorted(titles & set(window))
    params |= {"since": latest.year, "years": years_label(window)}
    reasons = [Reason(NOTE, _("Holds %(title)s %(since)s") % params, law_article(73, clause=1))]
    if len(window) < years_needed:
        reasons.append(
            ctx.by_param(
                NOTE,
                _("Only %(count)s years after %(title)s %(since)s; %(n)s are required")
                % (params | {"count": n2(len(window))}),
                "bk_ttg.consecutive_good_years",
            )
        )
    elif not (run and run[0] <= latest.year + 1):
        if unrated:
            text = _("No task rating recorded for %(missing)s") % {"missing": years_label(unrated)}
        else:
            text = _("Not rated at least “%(rating)s” every year of %(years)s") % params
        reasons.append(ctx.by_param(NOTE, text, "bk_ttg.consecutive_good_years"))
    if len(held) < titles_needed:
        reasons.append(
            ctx.by_param(
                NOTE,
                _("Only %(count)s times %(cstdcs)s in %(years)s; %(k)s are required")
                % (params | {"count": n2(len(held))}),
                "bk_ttg.cstdcs_in_window",
            )
        )
    return False, notes + reasons


# Titles and forms thidua does not check ------------------------------------------------------


def unchecked(ctx: Ctx) -> list[Reason]:
    """A title or form without rules in thidua (orders, culture titles, the province's own
    forms): the general principles, then the council decides from the dossier."""
    subject = ctx.history.subject
    principles = individual_principles(ctx) if subject == Subject.INDIVIDUAL else duplicate(ctx)
    basis = ctx.award_type.legal_basis
    return principles + [
        Reason(
            NOTE,
            _(
                "thidua does not check the conditions of %(title)s: the council decides from the dossier"
            )
            % {"title": ctx.award_type.name},
            basis,
        ),
        Reason(
            MISSING,
            _("Attach the achievement report and the documents that support it"),
            basis,
        ),
    ]
