"""Access rows for certificates and their print layout (``thidua/awards/views/
certificates.py``); the objects come from ``access_decisions.world_extras``.

A certificate is printed by whoever sees the award (the recipient's scope); all the
certificates of a decision by whoever sees the decision through its issuer. A unit's
layout is seen and set by the secretariat and the unit officers of that unit.
"""

from __future__ import annotations

from thidua.awards.models import CertificateLayout

from ..access import (
    EVERYONE,
    FORBIDDEN,
    HIDDEN,
    MANAGERS,
    OK,
    PROVINCE,
    ROLES,
    SEES_INSIDE,
    SEES_OUTSIDE,
    Route,
    gated,
    scoped,
)

EDITORS = MANAGERS | {"unit_officer", "other_officer"}


def _pk(key):
    return lambda w, me: {"pk": w.extra[key].pk}


def _rows() -> list[Route]:
    rows = [Route("certificate layout list", "awards:layout_list", gated(EDITORS))]
    for where, sees, changes, unit in (
        ("inside", SEES_INSIDE, MANAGERS | {"unit_officer"}, "education"),
        ("outside", SEES_OUTSIDE, MANAGERS | {"other_officer"}, "health"),
    ):
        unit_kw = lambda w, me, unit=unit: {"unit": getattr(w.tree, unit).pk}  # noqa: E731
        rows += [
            Route(
                f"certificate award {where}",
                "awards:award_certificate",
                scoped(sees),
                kwargs=_pk(f"award_issued_{where}"),
            ),
            Route(
                f"certificate decision {where}",
                "awards:decision_certificates",
                scoped(sees),
                kwargs=_pk(f"decision_issued_{where}"),
            ),
            Route(
                f"certificate layout {where}",
                "awards:layout_edit",
                scoped(sees, changes),
                kwargs=unit_kw,
            ),
            Route(
                f"certificate layout {where}",
                "awards:layout_edit",
                scoped(sees, changes),
                method="POST",
                kwargs=unit_kw,
                data=lambda w, me: {
                    "preprinted": "on",
                    "offset_x_mm": "2,5",
                    "offset_y_mm": "-1",
                    "name_offset_y_mm": "0",
                    "qr_offset_x_mm": "0",
                    "qr_offset_y_mm": "0",
                },
                state=lambda w, me, unit=unit: list(
                    CertificateLayout.objects.filter(owner=getattr(w.tree, unit)).values_list(
                        "preprinted", "offset_x_mm"
                    )
                ),
            ),
            Route(
                f"certificate layout test print {where}",
                "awards:layout_test",
                scoped(sees, changes),
                kwargs=unit_kw,
            ),
        ]
    # The provincial decision: the units concerned print their own people's certificates,
    # not the whole decision's.
    concerned = (EVERYONE - {"no_role"}) - PROVINCE
    rows += [
        Route(
            "certificate award province inside",
            "awards:award_certificate",
            scoped(SEES_INSIDE),
            kwargs=_pk("award_province_inside"),
        ),
        Route(
            "certificate decision province",
            "awards:decision_certificates",
            {r: OK if r in PROVINCE else FORBIDDEN if r in concerned else HIDDEN for r in ROLES},
            kwargs=_pk("decision_province"),
        ),
    ]
    return rows


ROUTES = _rows()
