"""Access rows for the movement page, a target's page, the ranking, the leaders' dashboard,
the exports and the reviews.

Every role with a grant sees the province's movement (their units take part): its page,
exports, ranking and reviews; only the secretariat (and the administrator) record a
review. A unit's target is seen inside its unit's scope only. The leaders' dashboard is
a feature of leaders and the secretariat.
"""

from __future__ import annotations

from datetime import date

from django.utils import timezone

from thidua.movements.models import Review

from ..access import (
    EVERYONE,
    MANAGERS,
    PROVINCE,
    SEES_INSIDE,
    SEES_OUTSIDE,
    Route,
    gated,
    scoped,
)

SEES_MOVEMENT = frozenset(EVERYONE - {"no_role"})
DASHBOARD = frozenset({"admin", "secretariat", "leader"})
TABS = (
    "overview",
    "contents",
    "responsibilities",
    "participants",
    "documents",
    "reviews",
    "history",
)


def world_extras(world) -> None:
    # A review recorded directly, so that the movement keeps its status for other rows.
    world.extra["review"] = Review.objects.create(
        movement=world.extra["movement"],
        kind=Review.Kind.INTERIM,
        held_on=date(timezone.localdate().year, 6, 30),
        title="Sơ kết 6 tháng đầu năm",
        conclusions="Các đơn vị tích cực hưởng ứng.",
    )


def _movement(w, me):
    return {"pk": w.extra["movement"].pk}


def _reviews(w, me):
    return Review.objects.filter(movement=w.extra["movement"]).count()


ROUTES = [
    *(
        Route(
            f"movement page tab {tab}",
            "movements:detail",
            scoped(SEES_MOVEMENT),
            kwargs=_movement,
            query={"tab": tab},
        )
        for tab in TABS
    ),
    Route(
        # Participants learn of a movement when it is launched: a draft is the issuer's.
        "draft movement page",
        "movements:detail",
        scoped(PROVINCE),
        kwargs=lambda w, me: {"pk": w.extra["draft"].pk},
    ),
    Route(
        "movement page of a department's movement inside",
        "movements:detail",
        scoped(SEES_INSIDE),
        kwargs=lambda w, me: {"pk": w.extra["mv_inside"].pk},
    ),
    Route(
        "movement page of a department's movement outside",
        "movements:detail",
        scoped(SEES_OUTSIDE),
        kwargs=lambda w, me: {"pk": w.extra["mv_outside"].pk},
    ),
    Route(
        "movement targets export",
        "movements:targets_export",
        scoped(SEES_MOVEMENT),
        kwargs=_movement,
    ),
    Route(
        "movement targets export inside",
        "movements:targets_export",
        scoped(SEES_INSIDE),
        kwargs=lambda w, me: {"pk": w.extra["mv_inside"].pk},
    ),
    Route("movement summary pdf", "movements:pdf", scoped(SEES_MOVEMENT), kwargs=_movement),
    Route("ranking", "movements:ranking", scoped(SEES_MOVEMENT), kwargs=_movement),
    Route("ranking export", "movements:ranking_export", scoped(SEES_MOVEMENT), kwargs=_movement),
    Route(
        "ranking outside",
        "movements:ranking",
        scoped(SEES_OUTSIDE),
        kwargs=lambda w, me: {"pk": w.extra["mv_outside"].pk},
    ),
    Route(
        "target page inside",
        "movements:target",
        scoped(SEES_INSIDE),
        kwargs=lambda w, me: {"pk": w.extra["target_inside"].pk},
    ),
    Route(
        "target page outside",
        "movements:target",
        scoped(SEES_OUTSIDE),
        kwargs=lambda w, me: {"pk": w.extra["target_outside"].pk},
    ),
    Route(
        "target page province-wide",
        "movements:target",
        scoped(SEES_MOVEMENT),
        kwargs=lambda w, me: {"pk": w.extra["target_province"].pk},
    ),
    Route("leaders' dashboard", "movements:dashboard", gated(DASHBOARD)),
    Route("leaders' dashboard export", "movements:dashboard_export", gated(DASHBOARD)),
    Route(
        "review create",
        "movements:review_create",
        scoped(SEES_MOVEMENT, MANAGERS),
        kwargs=_movement,
    ),
    Route(
        "review create",
        "movements:review_create",
        scoped(SEES_MOVEMENT, MANAGERS),
        method="POST",
        kwargs=_movement,
        data=lambda w, me: {
            "kind": "so_ket",
            "held_on": timezone.localdate().strftime("%d/%m/%Y"),
            "title": "Sơ kết 9 tháng",
            "conclusions": "Tiếp tục đẩy mạnh phong trào.",
        },
        state=_reviews,
    ),
    Route(
        "review report",
        "movements:review_report",
        scoped(SEES_MOVEMENT),
        kwargs=lambda w, me: {"pk": w.extra["review"].pk},
    ),
]
