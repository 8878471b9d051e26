"""Access rows for progress reporting (``thidua/movements/views/progress.py``).

The pages of the feature (the grid, the Excel export and import) are for those who
report: the secretariat and unit officers; other roles stop at the feature gate (403).
One report follows its target: a unit target is seen inside its unit's scope and
reported by its officers and the secretariat; the province-wide target is seen by every
participant and reported by the issuer's side. An evidence file is served to whoever may
see its report.
"""

from __future__ import annotations

from datetime import date

from django.utils import timezone

from thidua.movements.models import ProgressReport

from ..access import (
    EVERYONE,
    FORM,
    MANAGERS,
    SEES_INSIDE,
    SEES_OUTSIDE,
    Route,
    gated,
    scoped,
    workbook_upload,
)

REPORTERS = MANAGERS | {"unit_officer", "other_officer"}
SEES_MOVEMENT = EVERYONE - {"no_role"}
REPORTS_INSIDE = MANAGERS | {"unit_officer"}
REPORTS_OUTSIDE = MANAGERS | {"other_officer"}
HEADERS = ["Movement ID", "Target ID", "Period end", "Actual value", "Comment"]


def _quarter_end() -> date:
    return date(timezone.localdate().year, 3, 31)


def _actual(key: str):
    """The actual value of the fixture target's first-quarter report (None: none)."""

    def probe(w, me):
        return (
            ProgressReport.objects.filter(target=w.extra[key], period_end=_quarter_end())
            .values_list("actual", flat=True)
            .first()
        )

    return probe


def _movement(w, me):
    return {"pk": w.extra["movement"].pk}


def _version(w, key: str) -> int:
    report = ProgressReport.objects.filter(target=w.extra[key], period_end=_quarter_end()).first()
    return report.version if report else 0


ROUTES: list[Route] = [
    Route("progress overview", "movements:progress", gated(REPORTERS), kwargs=_movement),
    Route("progress export", "movements:progress_export", gated(REPORTERS), kwargs=_movement),
    Route("progress import form", "movements:progress_import", gated(REPORTERS), kwargs=_movement),
]

for _where, _key, _sees, _reports in (
    ("inside", "target_inside", SEES_INSIDE, REPORTS_INSIDE),
    ("outside", "target_outside", SEES_OUTSIDE, REPORTS_OUTSIDE),
    ("province", "target_province", SEES_MOVEMENT, MANAGERS),
):
    _target = lambda w, me, key=_key: {"pk": w.extra[key].pk}  # noqa: E731
    _period = {"period_end": f"{timezone.localdate().year}-03-31"}
    ROUTES += [
        Route(f"report {_where}", "movements:report", scoped(_sees, _reports), kwargs=_target),
        Route(
            f"report {_where} for the first quarter",
            "movements:report",
            scoped(_sees, _reports),
            kwargs=_target,
            query=_period,
        ),
        Route(
            f"report {_where} for the first quarter",
            "movements:report",
            scoped(_sees, _reports),
            method="POST",
            kwargs=_target,
            query=_period,
            data=lambda w, me, key=_key: {
                "actual": "55,5",
                "comment": "Báo cáo quý I",
                "version": _version(w, key),
            },
            state=_actual(_key),
        ),
        Route(
            f"progress import of a row {_where}",
            "movements:progress_import",
            # Past the gate, an officer finds another unit's target missing from the file's
            # targets, or is told the province-wide one is not theirs: the errors are shown.
            gated(REPORTERS, **{r: FORM for r in REPORTERS - _reports}),
            method="POST",
            kwargs=_movement,
            data=lambda w, me, key=_key: {
                "file": workbook_upload(
                    HEADERS,
                    [
                        w.extra["movement"].pk,
                        w.extra[key].pk,
                        "31/03/" + str(_quarter_end().year),
                        "61,25",
                        "Nhập từ Excel",
                    ],
                )
            },
            state=_actual(_key),
        ),
    ]

ROUTES += [
    Route(
        "evidence inside",
        "movements:evidence",
        scoped(SEES_INSIDE),
        kwargs=lambda w, me: {"pk": w.extra["evidence_inside"].pk},
    ),
    Route(
        "evidence outside",
        "movements:evidence",
        scoped(SEES_OUTSIDE),
        kwargs=lambda w, me: {"pk": w.extra["evidence_outside"].pk},
    ),
]
