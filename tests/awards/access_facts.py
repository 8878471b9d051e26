"""Access rows for the facts pages (``thidua/awards/views/facts.py``): task ratings,
discipline, initiatives, households and the pickers' lookups.

Whoever sees a person or unit opens its history; the secretariat and the unit officer of
the subtree record its facts (a block head, a leader or a council member sees but does not
change: 403; someone outside: 404). Inside: the teacher and the school (Sở GD&ĐT);
outside: the doctor and the hospital (Sở Y tế).
"""

from __future__ import annotations

import datetime

from thidua.awards import services
from thidua.awards.models import Discipline, Household, Initiative, TaskRating

from ..access import (
    EDITS_PEOPLE,
    FORM,
    MANAGERS,
    SEES_INSIDE,
    SEES_OUTSIDE,
    Route,
    everyone,
    gated,
    scoped,
)

EDITS_INSIDE = MANAGERS | {"unit_officer"}
EDITS_OUTSIDE = MANAGERS | {"other_officer"}
YEAR = 2015  # a year no other part of the world rates


def world_extras(world) -> None:
    for where, person, unit in (
        ("inside", world.people["teacher"], world.tree.school),
        ("outside", world.people["doctor"], world.tree.hospital),
    ):
        world.extra[f"facts_rating_{where}"] = services.task_rating_save(
            actor=None, person=person, year=YEAR, rating="hoan_thanh_tot"
        )
        world.extra[f"facts_discipline_{where}"] = services.discipline_create(
            actor=None,
            person=person,
            form="khien_trach",
            starts_on=datetime.date(YEAR, 3, 1),
            ends_on=datetime.date(YEAR + 1, 3, 1),
        )
        world.extra[f"facts_initiative_{where}"] = services.initiative_create(
            actor=None,
            authors=[person],
            kind="sang_kien",
            title=f"Sáng kiến thử {where}",
            unit=unit,
            year=YEAR,
            scope="co_so",
        )
        world.extra[f"facts_household_{where}"] = services.household_create(
            actor=None, head_name=f"Hộ Dữ Kiện {where}", address="Thôn Hai", unit=unit
        )


def _obj(model, key):
    return lambda w, me: model.objects.get(pk=w.extra[key].pk)


def _pk(key):
    return lambda w, me: {"pk": w.extra[key].pk}


def _rows() -> list[Route]:
    rows = [
        Route("households", "awards:household_list", everyone()),
        Route("households search", "awards:household_list", everyone(), query={"q": "ho du kien"}),
        Route("household create", "awards:household_create", gated(EDITS_PEOPLE)),
        Route("initiative create", "awards:initiative_create", gated(EDITS_PEOPLE)),
    ]
    for where, person, unit, sees, edits in (
        ("inside", "teacher", "school", SEES_INSIDE, EDITS_INSIDE),
        ("outside", "doctor", "hospital", SEES_OUTSIDE, EDITS_OUTSIDE),
    ):
        person_pk = lambda w, me, person=person: {"pk": w.people[person].pk}  # noqa: E731
        unit_pk = lambda w, me, unit=unit: {"pk": getattr(w.tree, unit).pk}  # noqa: E731
        rating, discipline = f"facts_rating_{where}", f"facts_discipline_{where}"
        initiative, household = f"facts_initiative_{where}", f"facts_household_{where}"
        rows += [
            # Task ratings.
            Route(
                f"person rating create {where}",
                "awards:person_rating_create",
                scoped(sees, edits),
                kwargs=person_pk,
            ),
            Route(
                f"person rating create {where}",
                "awards:person_rating_create",
                scoped(sees, edits),
                method="POST",
                kwargs=person_pk,
                data=lambda w, me: {"year": 2016, "rating": "hoan_thanh_xuat_sac"},
                state=lambda w, me, person=person: TaskRating.objects.filter(
                    person=w.people[person], year=2016
                ).exists(),
            ),
            Route(
                f"unit rating create {where}",
                "awards:unit_rating_create",
                scoped(sees, edits),
                kwargs=unit_pk,
            ),
            Route(
                f"unit rating create {where}",
                "awards:unit_rating_create",
                scoped(sees, edits),
                method="POST",
                kwargs=unit_pk,
                data=lambda w, me: {"year": 2016, "rating": "hoan_thanh_tot"},
                state=lambda w, me, unit=unit: TaskRating.objects.filter(
                    unit=getattr(w.tree, unit), year=2016
                ).exists(),
            ),
            Route(
                f"rating edit {where}",
                "awards:rating_edit",
                scoped(sees, edits),
                kwargs=_pk(rating),
            ),
            Route(
                f"rating edit {where}",
                "awards:rating_edit",
                scoped(sees, edits),
                method="POST",
                kwargs=_pk(rating),
                data=lambda w, me, rating=rating: {
                    "rating": "hoan_thanh_xuat_sac",
                    "version": _obj(TaskRating, rating)(w, me).version,
                },
                state=lambda w, me, rating=rating: _obj(TaskRating, rating)(w, me).rating,
            ),
            Route(
                f"rating delete {where}",
                "awards:rating_delete",
                scoped(sees, edits),
                method="POST",
                kwargs=_pk(rating),
                state=lambda w, me, rating=rating: TaskRating.objects.filter(
                    pk=w.extra[rating].pk
                ).exists(),
            ),
            # Discipline.
            Route(
                f"discipline create {where}",
                "awards:discipline_create",
                scoped(sees, edits),
                kwargs=person_pk,
            ),
            Route(
                f"discipline create {where}",
                "awards:discipline_create",
                scoped(sees, edits),
                method="POST",
                kwargs=person_pk,
                data=lambda w, me: {
                    "status": "da_quyet_dinh",
                    "form": "canh_cao",
                    "starts_on": "01/02/2016",
                },
                state=lambda w, me, person=person: Discipline.objects.filter(
                    person=w.people[person], form="canh_cao"
                ).exists(),
            ),
            Route(
                f"discipline edit {where}",
                "awards:discipline_edit",
                scoped(sees, edits),
                kwargs=_pk(discipline),
            ),
            Route(
                f"discipline edit {where}",
                "awards:discipline_edit",
                scoped(sees, edits),
                method="POST",
                kwargs=_pk(discipline),
                data=lambda w, me, discipline=discipline: {
                    "status": "da_quyet_dinh",
                    "form": "canh_cao",
                    "starts_on": f"01/03/{YEAR}",
                    "version": _obj(Discipline, discipline)(w, me).version,
                },
                state=lambda w, me, discipline=discipline: _obj(Discipline, discipline)(w, me).form,
            ),
            Route(
                f"discipline delete {where}",
                "awards:discipline_delete",
                scoped(sees, edits),
                method="POST",
                kwargs=_pk(discipline),
                state=lambda w, me, discipline=discipline: Discipline.objects.filter(
                    pk=w.extra[discipline].pk
                ).exists(),
            ),
            # Initiatives: the form offers only the units and authors the user may record;
            # an officer of the other subtree gets the form back with errors.
            Route(
                f"initiative create from a person {where}",
                "awards:initiative_create",
                gated(EDITS_PEOPLE, **{r: 404 for r in EDITS_PEOPLE - edits - MANAGERS}),
                query=lambda w, me, person=person: {"person": w.people[person].pk},
            ),
            Route(
                f"initiative create {where}",
                "awards:initiative_create",
                gated(EDITS_PEOPLE, **{r: FORM for r in EDITS_PEOPLE - edits}),
                method="POST",
                data=lambda w, me, person=person, unit=unit: {
                    "kind": "de_tai",
                    "title": f"Đề tài mới {person}",
                    "authors": [w.people[person].pk],
                    "unit": getattr(w.tree, unit).pk,
                    "year": 2016,
                    "scope": "bo_tinh",
                },
                state=lambda w, me, person=person: Initiative.objects.filter(
                    title=f"Đề tài mới {person}"
                ).exists(),
            ),
            Route(
                f"initiative edit {where}",
                "awards:initiative_edit",
                scoped(sees, edits),
                kwargs=_pk(initiative),
            ),
            Route(
                f"initiative edit {where}",
                "awards:initiative_edit",
                scoped(sees, edits),
                method="POST",
                kwargs=_pk(initiative),
                data=lambda w, me, initiative=initiative, person=person, unit=unit: {
                    "kind": "sang_kien",
                    "title": "Sáng kiến đã sửa",
                    "authors": [w.people[person].pk],
                    "unit": getattr(w.tree, unit).pk,
                    "year": YEAR,
                    "scope": "bo_tinh",
                    "version": _obj(Initiative, initiative)(w, me).version,
                },
                state=lambda w, me, initiative=initiative: (
                    _obj(Initiative, initiative)(w, me).title
                ),
            ),
            Route(
                f"initiative delete {where}",
                "awards:initiative_delete",
                scoped(sees, edits),
                method="POST",
                kwargs=_pk(initiative),
                state=lambda w, me, initiative=initiative: Initiative.objects.filter(
                    pk=w.extra[initiative].pk
                ).exists(),
            ),
            # Households.
            Route(
                f"household create {where}",
                "awards:household_create",
                gated(EDITS_PEOPLE, **{r: FORM for r in EDITS_PEOPLE - edits}),
                method="POST",
                data=lambda w, me, unit=unit, where=where: {
                    "head_name": f"Hộ Mới {where}",
                    "address": "Thôn Ba",
                    "unit": getattr(w.tree, unit).pk,
                },
                state=lambda w, me, where=where: Household.objects.filter(
                    head_name=f"Hộ Mới {where}"
                ).exists(),
            ),
            Route(
                f"household edit {where}",
                "awards:household_edit",
                scoped(sees, edits),
                kwargs=_pk(household),
            ),
            Route(
                f"household edit {where}",
                "awards:household_edit",
                scoped(sees, edits),
                method="POST",
                kwargs=_pk(household),
                data=lambda w, me, household=household, unit=unit: {
                    "head_name": "Hộ Đã Sửa",
                    "address": "Thôn Bốn",
                    "unit": getattr(w.tree, unit).pk,
                    "version": _obj(Household, household)(w, me).version,
                },
                state=lambda w, me, household=household: (
                    _obj(Household, household)(w, me).head_name
                ),
            ),
            Route(
                f"household delete {where}",
                "awards:household_delete",
                scoped(sees, edits),
                method="POST",
                kwargs=_pk(household),
                state=lambda w, me, household=household: Household.objects.filter(
                    pk=w.extra[household].pk
                ).exists(),
            ),
        ]
    return rows


ROUTES = _rows()
