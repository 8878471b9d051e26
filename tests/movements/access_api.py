"""Access rows for the movements API (``thidua/movements/api.py``).

The fixture movement is issued by the People's Committee with Sở GD&ĐT, its school and
Sở Y tế taking part: every role but ``no_role`` sees it. Unit targets and their reports
follow their unit (inside: Sở GD&ĐT, outside: Sở Y tế); the province-wide target is
reported by the issuer's side (the secretariat).
"""

from __future__ import annotations

from datetime import date

from django.utils import timezone

from thidua.movements.models import ProgressReport

from ..access import EVERYONE, MANAGERS, SEES_INSIDE, SEES_OUTSIDE, Route, everyone, scoped

# Every role but the account without grants takes part in (or issued) the movement.
SEES_MOVEMENT = EVERYONE - {"no_role"}
REPORTS_INSIDE = MANAGERS | {"unit_officer"}
REPORTS_OUTSIDE = MANAGERS | {"other_officer"}


def _movement(w, me):
    return {"movement_id": w.extra["movement"].pk}


def _actual(target_key: str):
    """The actual value reported for the first quarter of the fixture's target."""

    def probe(w, me):
        quarter_end = date(timezone.localdate().year, 3, 31)
        return (
            ProgressReport.objects.filter(target=w.extra[target_key], period_end=quarter_end)
            .values_list("actual", flat=True)
            .first()
        )

    return probe


def _report_rows() -> list[Route]:
    rows = []
    for where, key, sees, reports in (
        ("inside", "target_inside", SEES_INSIDE, REPORTS_INSIDE),
        ("outside", "target_outside", SEES_OUTSIDE, REPORTS_OUTSIDE),
        ("province", "target_province", SEES_MOVEMENT, MANAGERS),
    ):
        target = lambda w, me, key=key: {"target_id": w.extra[key].pk}  # noqa: E731
        rows += [
            Route(
                f"API target reports {where}",
                "api-1.0.0:list_target_reports",
                scoped(sees),
                kwargs=target,
                api=True,
            ),
            Route(
                f"API push report {where}",
                "api-1.0.0:save_target_report",
                scoped(sees, reports),
                method="POST",
                kwargs=target,
                data=lambda w, me: {
                    "period_end": date(timezone.localdate().year, 3, 31).isoformat(),
                    "actual": "61,25",
                    "comment": "Gửi từ hệ thống khác",
                },
                state=_actual(key),
                api=True,
            ),
        ]
    return rows


ROUTES = [
    Route("API movements", "api-1.0.0:list_movements", everyone(), api=True),
    Route(
        "API movements filtered",
        "api-1.0.0:list_movements",
        everyone(),
        query=lambda w, me: {
            "q": "thang loi",
            "status": "phat_dong",
            "year": str(timezone.localdate().year),
        },
        api=True,
    ),
    Route(
        "API movement",
        "api-1.0.0:get_movement",
        scoped(SEES_MOVEMENT),
        kwargs=_movement,
        api=True,
    ),
    Route(
        "API movement targets",
        "api-1.0.0:list_movement_targets",
        scoped(SEES_MOVEMENT),
        kwargs=_movement,
        api=True,
    ),
    Route(
        "API movement registrations",
        "api-1.0.0:list_movement_registrations",
        scoped(SEES_MOVEMENT),
        kwargs=_movement,
        api=True,
    ),
    *_report_rows(),
]
