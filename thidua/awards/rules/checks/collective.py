"""Emulation titles of collectives: Tập thể lao động tiên tiến, Tập thể lao động xuất sắc,
Cờ thi đua cấp tỉnh, Cờ thi đua của Chính phủ (Điều 25–28 Luật Thi đua, khen thưởng 2022).

A unit's members are the active people whose unit is that unit (not its sub-units). A member
holding Chiến sĩ thi đua cơ sở counts as Lao động tiên tiến too: that title requires the
Lao động tiên tiến standard (Điều 23.1).
"""

from __future__ import annotations

from decimal import Decimal

from ...models import Rating
from .base import (
    MET,
    MISSING,
    NOT_MET,
    NOTE,
    Ctx,
    Reason,
    _,
    at_least_rating,
    ballot_note,
    duplicate,
    form_label,
    law_article,
    n2,
    names_label,
    percent,
    rating_check,
    shaky,
)


def _reaches(count: int, total: int, share) -> bool:
    return Decimal(count) >= Decimal(str(share)) * total


def members_known(ctx: Ctx, key: str) -> list[Reason]:
    """Missing reasons when the shares of members cannot be computed yet: no members, or no
    member's title of the year in the registry (the decision on them not issued yet)."""
    members = ctx.history.members or ()
    if not members:
        return [
            ctx.by_param(
                MISSING,
                _(
                    "No working members of the unit are recorded: record its people before "
                    "the shares of members can be computed"
                ),
                key,
            )
        ]
    if not any(member.titles for member in members):
        return [
            ctx.by_param(
                MISSING,
                _(
                    "None of the members' %(ldtt)s or %(cstdcs)s titles for %(year)s is in the "
                    "registry yet: issue the decision on the members' titles first"
                )
                % {"ldtt": ctx.title("ldtt"), "cstdcs": ctx.title("cstdcs"), "year": ctx.year},
                key,
            )
        ]
    return []


def share_ldtt(ctx: Ctx, key: str) -> list[Reason]:
    members = ctx.history.members or ()
    minimum = ctx.value(key)
    holders = sum(1 for member in members if member.holds_ldtt)
    params = {
        "k": holders,
        "n": len(members),
        "share": percent(Decimal(holders) / len(members)),
        "min": percent(minimum),
        "title": ctx.title("ldtt"),
        "year": ctx.year,
    }
    if _reaches(holders, len(members), minimum):
        return [
            ctx.by_param(
                MET,
                _(
                    "%(k)s of %(n)s members (%(share)s%%) hold %(title)s for %(year)s; at least "
                    "%(min)s%% are required"
                )
                % params,
                key,
            )
        ]
    return [
        ctx.by_param(
            NOT_MET,
            _(
                "Only %(k)s of %(n)s members (%(share)s%%) hold %(title)s for %(year)s; at least "
                "%(min)s%% are required"
            )
            % params,
            key,
        )
    ]


def members_disciplined(ctx: Ctx, key: str) -> list[Reason]:
    threshold = ctx.value(key)
    members = ctx.history.members or ()
    if threshold is None or not members:
        return []
    disciplined = [
        member.name
        for member in members
        if any(d.at_least(threshold) and d.overlaps(ctx.year) for d in member.disciplines)
    ]
    params = {"form": form_label(threshold), "year": ctx.year, "names": names_label(disciplined)}
    if disciplined:
        return [
            ctx.by_param(
                NOT_MET,
                _("Members disciplined with %(form)s or heavier in %(year)s: %(names)s") % params,
                key,
            )
        ]
    return [
        ctx.by_param(
            MET, _("No member disciplined with %(form)s or heavier in %(year)s") % params, key
        )
    ]


def members_completed(ctx: Ctx, key: str) -> list[Reason]:
    """Members who completed their tasks (rated hoàn thành nhiệm vụ or higher)."""
    members = ctx.history.members or ()
    if not members:
        return []
    minimum = ctx.value(key)
    total = len(members)
    unrated = [m.name for m in members if m.rating is None]
    failed = [
        m.name
        for m in members
        if m.rating is not None and not at_least_rating(m.rating, Rating.COMPLETED)
    ]
    completed = total - len(unrated) - len(failed)
    params = {
        "k": completed,
        "n": total,
        "share": percent(Decimal(completed) / total),
        "min": percent(minimum),
        "year": ctx.year,
    }
    if not _reaches(total - len(failed), total, minimum):
        return [
            ctx.by_param(
                NOT_MET,
                _("Members who did not complete their tasks in %(year)s: %(names)s")
                % {"year": ctx.year, "names": names_label(failed)},
                key,
            )
        ]
    if not _reaches(completed, total, minimum):
        return [
            ctx.by_param(
                MISSING,
                _("No task rating recorded for %(year)s of these members: %(names)s")
                % {"year": ctx.year, "names": names_label(unrated)},
                key,
            )
        ]
    return [
        ctx.by_param(
            MET,
            _(
                "%(k)s of %(n)s members (%(share)s%%) completed their tasks in %(year)s; at "
                "least %(min)s%% are required"
            )
            % params,
            key,
        )
    ]


def members_cstdcs(ctx: Ctx, key: str) -> list[Reason]:
    members = ctx.history.members or ()
    minimum = ctx.value(key)
    holders = [m.name for m in members if "cstdcs" in m.titles]
    params = {
        "k": n2(len(holders)),
        "min": n2(minimum),
        "title": ctx.title("cstdcs"),
        "year": ctx.year,
        "names": names_label(holders),
    }
    if len(holders) >= minimum:
        return [
            ctx.by_param(
                MET, _("%(k)s members hold %(title)s for %(year)s: %(names)s") % params, key
            )
        ]
    return [
        ctx.by_param(
            NOT_MET,
            _("%(k)s members hold %(title)s for %(year)s; at least %(min)s are required") % params,
            key,
        )
    ]


def ttldtt(ctx: Ctx) -> list[Reason]:
    """Tập thể lao động tiên tiến (Điều 28): completes tasks well; at least 70 % of members
    are Lao động tiên tiến; no member disciplined with cảnh cáo or heavier; regular emulation,
    unity, law-abiding (the council confirms)."""
    reasons = duplicate(ctx) + rating_check(ctx, "ttldtt.min_rating")
    known = members_known(ctx, "ttldtt.min_share_ldtt")
    if not known:
        reasons += share_ldtt(ctx, "ttldtt.min_share_ldtt")
    reasons += known
    reasons += members_disciplined(ctx, "ttldtt.member_discipline_excludes_from")
    reasons.append(
        Reason(
            NOTE,
            _(
                "Regular and effective emulation movements, internal unity, and following the "
                "law: to be confirmed by the council"
            ),
            law_article(28),
            shaky(ctx.award_type.confidence),
        )
    )
    return reasons


def ttldxs(ctx: Ctx) -> list[Reason]:
    """Tập thể lao động xuất sắc (Điều 27): completes tasks excellently; every member
    completes their tasks; at least 70 % of members are Lao động tiên tiến; at least one is
    Chiến sĩ thi đua cơ sở; regular emulation, unity, law-abiding (the council confirms)."""
    reasons = duplicate(ctx) + rating_check(ctx, "ttldxs.min_rating")
    reasons += members_completed(ctx, "ttldxs.min_share_completed")
    known = members_known(ctx, "ttldxs.min_share_ldtt")
    if not known:
        reasons += share_ldtt(ctx, "ttldxs.min_share_ldtt")
        reasons += members_cstdcs(ctx, "ttldxs.min_members_cstdcs")
    reasons += known
    reasons += members_disciplined(ctx, "ttldxs.member_discipline_excludes_from")
    reasons.append(
        Reason(
            NOTE,
            _(
                "Regular and effective emulation movements, internal unity, and following the "
                "law: to be confirmed by the council"
            ),
            law_article(27),
            shaky(ctx.award_type.confidence),
        )
    )
    return reasons


def co_tinh(ctx: Ctx) -> list[Reason]:
    """Cờ thi đua cấp tỉnh (Điều 26): leads its emulation block or cluster organised by the
    province, or leads a thematic movement of the province lasting at least 3 years. Rankings
    are not in thidua's data: the verdict asks for them."""
    key = "co_tinh.thematic_movement_min_years"
    reasons = duplicate(ctx)
    reasons.append(
        ctx.by_param(
            MISSING,
            _(
                "Attach the ranking of the emulation block or cluster organised by the province "
                "showing the unit first in %(year)s, or the review of a thematic movement of the "
                "province lasting at least %(n)s years in which it led"
            )
            % {"year": ctx.year, "n": ctx.value(key)},
            key,
        )
    )
    reasons.append(
        Reason(
            NOTE,
            _(
                "Exceeds its emulation targets and tasks, is an outstanding collective of the "
                "province, united; its Party and mass organisations completed their tasks "
                "excellently; practises thrift and fights waste and corruption: to be confirmed "
                "by the council"
            ),
            law_article(26),
            "medium",
        )
    )
    return reasons + ballot_note(ctx)


def co_cp(ctx: Ctx) -> list[Reason]:
    """Cờ thi đua của Chính phủ (Điều 25): chosen among the collectives leading the blocks
    and clusters organised by ministries and provinces — in the registry, those holding the
    Cờ thi đua cấp tỉnh of the year — or leading a cluster of the Central Council, or leading
    a movement of the Prime Minister lasting at least 5 years."""
    reasons = duplicate(ctx)
    flag = ctx.history.holding("co_tinh", ctx.year)
    if flag is not None and flag.counts_for_merit:
        reasons.append(
            Reason(
                MET,
                _(
                    "Leads its emulation block organised by the province: holds %(title)s for %(year)s"
                )
                % {"title": ctx.title("co_tinh"), "year": ctx.year},
                law_article(25),
                "medium",
            )
        )
        reasons.append(
            Reason(
                NOTE,
                _(
                    "Chosen among the most outstanding block leaders, with results exceeding "
                    "its targets, unity, and clean Party and mass organisations: the council "
                    "decides"
                ),
                law_article(25),
            )
        )
    else:
        key = "co_cp.pm_movement_min_years"
        reasons.append(
            ctx.by_param(
                MISSING,
                _(
                    "Attach evidence of one: leading an emulation block or cluster organised by "
                    "a ministry or province (%(title)s %(year)s is not in the registry), leading "
                    "a cluster of the Central Emulation and Commendation Council, or leading a "
                    "movement launched by the Prime Minister, at its review after at least "
                    "%(n)s years"
                )
                % {"title": ctx.title("co_tinh"), "year": ctx.year, "n": ctx.value(key)},
                key,
            )
        )
    return reasons + ballot_note(ctx)
