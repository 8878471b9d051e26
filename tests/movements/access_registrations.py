"""Access rows for registration pages (``thidua/movements/views/registrations.py``).

Every role but ``no_role`` sees the fixture movement, so its roll opens for them (a unit
officer sees only the rows of their own units). A registration belongs to its unit:
inside is Sở GD&ĐT's, outside Sở Y tế's; the secretariat and the unit's officer change it.
"""

from __future__ import annotations

from thidua.movements.models import Registration, Target

from ..access import (
    EVERYONE,
    FORBIDDEN,
    FORM,
    HIDDEN,
    MANAGERS,
    SEES_INSIDE,
    SEES_OUTSIDE,
    Route,
    scoped,
)

SEES_MOVEMENT = EVERYONE - {"no_role"}
REGISTERS_INSIDE = MANAGERS | {"unit_officer"}
REGISTERS_OUTSIDE = MANAGERS | {"other_officer"}


def _movement(w, me):
    return {"pk": w.extra["movement"].pk}


def _note(key: str):
    return lambda w, me: Registration.objects.get(pk=w.extra[key].pk).note


def _own_targets(key: str):
    return lambda w, me: Target.objects.filter(registration=w.extra[key]).count()


def _registration_form(key: str):
    def data(w, me):
        registration = Registration.objects.get(pk=w.extra[key].pk)
        return {
            "collective_title": "ttldtt",
            "note": "Đăng ký phấn đấu danh hiệu Tập thể lao động tiên tiến.",
            "version": registration.version,
            "action": "draft",
            "entries-TOTAL_FORMS": "0",
            "entries-INITIAL_FORMS": "0",
            "entries-MIN_NUM_FORMS": "0",
            "entries-MAX_NUM_FORMS": "1000",
        }

    return data


def _target_form(w, me):
    return {
        "group": "xa_hoi",
        "indicator": "Tỷ lệ học sinh tốt nghiệp THPT",
        "measure": "%",
        "comparator": "toi_thieu",
        "value": "98,5",
        "direction": "cao",
        "relative_change": "on",
        "reference": "so với năm học trước",
    }


def _rows() -> list[Route]:
    rows = [
        Route(
            "registration roll", "movements:registrations", scoped(SEES_MOVEMENT), kwargs=_movement
        ),
        Route(
            "registration roll filtered",
            "movements:registrations",
            scoped(SEES_MOVEMENT),
            kwargs=_movement,
            query={"status": "none", "late": "on", "sort": "-reg_submitted_at"},
        ),
        Route(
            "registration roll export",
            "movements:registrations_export",
            scoped(SEES_MOVEMENT),
            kwargs=_movement,
        ),
        # A unit outside the movement: those who may register there are told why not.
        Route(
            "register a non-participant",
            "movements:register",
            {
                "admin": FORM,
                "secretariat": FORM,
                "leader": FORBIDDEN,
                "council_member": FORBIDDEN,
                "unit_officer": HIDDEN,
                "other_officer": HIDDEN,
                "block_head": HIDDEN,
                "no_role": HIDDEN,
            },
            method="POST",
            kwargs=lambda w, me: {"pk": w.extra["movement"].pk, "unit_pk": w.tree.commune.pk},
            data=lambda w, me: {
                "collective_title": "",
                "note": "",
                "action": "submit",
                "entries-TOTAL_FORMS": "0",
                "entries-INITIAL_FORMS": "0",
            },
            state=lambda w, me: Registration.objects.filter(unit=w.tree.commune).exists(),
        ),
    ]
    for where, key, unit, sees, registers in (
        ("inside", "registration_inside", "education", SEES_INSIDE, REGISTERS_INSIDE),
        ("outside", "registration_outside", "health", SEES_OUTSIDE, REGISTERS_OUTSIDE),
    ):
        register = lambda w, me, unit=unit: {  # noqa: E731
            "pk": w.extra["movement"].pk,
            "unit_pk": getattr(w.tree, unit).pk,
        }
        registration = lambda w, me, key=key: {"pk": w.extra[key].pk}  # noqa: E731
        rows += [
            Route(
                f"register {where}", "movements:register", scoped(sees, registers), kwargs=register
            ),
            Route(
                f"register {where}",
                "movements:register",
                scoped(sees, registers),
                method="POST",
                kwargs=register,
                data=_registration_form(key),
                state=_note(key),
            ),
            Route(
                f"registration {where}", "movements:registration", scoped(sees), kwargs=registration
            ),
            Route(
                f"registration {where} tab history",
                "movements:registration",
                scoped(sees),
                kwargs=registration,
                query={"tab": "history"},
            ),
            Route(
                f"unit target create {where}",
                "movements:unit_target_create",
                scoped(sees, registers),
                kwargs=registration,
            ),
            Route(
                f"unit target create {where}",
                "movements:unit_target_create",
                scoped(sees, registers),
                method="POST",
                kwargs=registration,
                data=_target_form,
                state=_own_targets(key),
            ),
        ]
    return rows


ROUTES = _rows()
