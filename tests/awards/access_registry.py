"""Access rows for the registry pages (``thidua/awards/views/registry.py``): the registry
search and its export (everyone, scoped lists) and the history pages of a person, a unit
and a household (seen by whoever sees the recipient).

Inside: Nguyễn Thị Ánh and Trường THPT Chuyên Lê Quý Đôn (Sở GD&ĐT's subtree), a household
filed under the school; outside: Lê Hoàng Long, Bệnh viện Đa khoa tỉnh (Sở Y tế), a
household filed under the hospital.
"""

from __future__ import annotations

from thidua.awards import services

from ..access import SEES_INSIDE, SEES_OUTSIDE, Route, everyone, scoped


def world_extras(world) -> None:
    for where, unit in (("inside", world.tree.school), ("outside", world.tree.hospital)):
        key = f"registry_household_{where}"
        if key not in world.extra:
            world.extra[key] = services.household_create(
                actor=None, head_name=f"Hộ Thử {where}", address="Thôn Một", unit=unit
            )


def _rows() -> list[Route]:
    rows = [
        Route("award registry", "awards:registry", everyone()),
        Route(
            "award registry search",
            "awards:registry",
            everyone(),
            query={"q": "nguyen thi anh", "year": "2024", "revoked": "in_force"},
        ),
        Route(
            "award registry unit filter",
            "awards:registry",
            everyone(),
            query=lambda w, me: {"unit": w.tree.education.pk},
        ),
        Route("award registry export", "awards:registry_export", everyone()),
        Route(
            "award registry export filtered",
            "awards:registry_export",
            everyone(),
            query={"q": "nguyen"},
        ),
    ]
    for where, person, unit, sees in (
        ("inside", "teacher", "school", SEES_INSIDE),
        ("outside", "doctor", "hospital", SEES_OUTSIDE),
    ):
        rows += [
            Route(
                f"person award history {where}",
                "awards:person_history",
                scoped(sees),
                kwargs=lambda w, me, person=person: {"pk": w.people[person].pk},
            ),
            Route(
                f"unit award history {where}",
                "awards:unit_history",
                scoped(sees),
                kwargs=lambda w, me, unit=unit: {"pk": getattr(w.tree, unit).pk},
            ),
            Route(
                f"household award history {where}",
                "awards:household_history",
                scoped(sees),
                kwargs=lambda w, me, where=where: {"pk": w.extra[f"registry_household_{where}"].pk},
            ),
        ]
    return rows


ROUTES = _rows()
