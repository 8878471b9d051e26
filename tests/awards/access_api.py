"""Access rows for the awards API (``thidua/awards/api.py``).

The registry and the catalogue are lists every signed-in role reads (scoped); a person's,
a unit's or a household's history and eligibility answer whoever sees the recipient, 404
to the others. Inside: Nguyễn Thị Ánh, the school, a household filed under the school
(Sở GD&ĐT); outside: Lê Hoàng Long, the hospital, a household under it (Sở Y tế).

``/verify/{token}`` is public by design (no sign-in, like the verification page): it is
exempt here with the reason; its behaviour (anonymous 200, 404 for unknown and draft
tokens, only the certificate's fields, no-store, the shared rate limit) is tested in
``tests/api/test_awards_api.py``.
"""

from __future__ import annotations

from thidua.awards import services

from ..access import EXEMPT, SEES_INSIDE, SEES_OUTSIDE, Route, everyone, scoped

EXEMPT["api-1.0.0:verify_award"] = (
    "public certificate verification, no sign-in by design (tests/api/test_awards_api.py)"
)


def world_extras(world) -> None:
    for where, unit in (("inside", world.tree.school), ("outside", world.tree.hospital)):
        key = f"api_household_{where}"
        if key not in world.extra:
            world.extra[key] = services.household_create(
                actor=None, head_name=f"Hộ API {where}", address="Thôn Hai", unit=unit
            )


def _rows() -> list[Route]:
    rows = [
        Route("API award registry", "api-1.0.0:registry", everyone(), api=True),
        Route(
            "API award registry search",
            "api-1.0.0:registry",
            everyone(),
            query={"q": "nguyen thi anh", "year": "2024", "award_type": "ldtt"},
            api=True,
        ),
        Route("API award catalogue", "api-1.0.0:catalogue", everyone(), api=True),
    ]
    for where, person, unit, sees in (
        ("inside", "teacher", "school", SEES_INSIDE),
        ("outside", "doctor", "hospital", SEES_OUTSIDE),
    ):
        rows += [
            Route(
                f"API award registry of a unit {where}",
                "api-1.0.0:registry",
                scoped(sees),
                query=lambda w, me, unit=unit: {"unit": getattr(w.tree, unit).pk},
                api=True,
            ),
            Route(
                f"API person award history {where}",
                "api-1.0.0:person_history",
                scoped(sees),
                kwargs=lambda w, me, person=person: {"person_id": w.people[person].pk},
                api=True,
            ),
            Route(
                f"API unit award history {where}",
                "api-1.0.0:unit_history",
                scoped(sees),
                kwargs=lambda w, me, unit=unit: {"unit_id": getattr(w.tree, unit).pk},
                api=True,
            ),
            Route(
                f"API eligibility of a person {where}",
                "api-1.0.0:eligibility",
                scoped(sees),
                query=lambda w, me, person=person: {
                    "person": w.people[person].pk,
                    "award_type": "ldtt",
                    "year": "2024",
                },
                api=True,
            ),
            Route(
                f"API eligibility of a unit {where}",
                "api-1.0.0:eligibility",
                scoped(sees),
                query=lambda w, me, unit=unit: {
                    "unit": getattr(w.tree, unit).pk,
                    "award_type": "ttldtt",
                    "year": "2024",
                },
                api=True,
            ),
            Route(
                f"API eligibility of a household {where}",
                "api-1.0.0:eligibility",
                scoped(sees),
                query=lambda w, me, where=where: {
                    "household": w.extra[f"api_household_{where}"].pk,
                    "award_type": "gia_dinh_van_hoa",
                    "year": "2024",
                },
                api=True,
            ),
        ]
    return rows


ROUTES = _rows()
