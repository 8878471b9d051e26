"""Changes to the facts the eligibility rules read: households, task ratings, discipline,
initiatives and scientific works. Each is filed under its unit and audited."""

from __future__ import annotations

from collections.abc import Sequence

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from thidua.audit.models import Action
from thidua.audit.services import delete_and_record, record, snapshot
from thidua.core.concurrency import check_version
from thidua.core.services import check_allowed, lock
from thidua.org.models import Person, Unit, User

from ..models import Discipline, Household, Initiative, TaskRating

HOUSEHOLD_FIELDS = ("head_name", "address", "unit", "note")
RATING_FIELDS = ("rating", "months_worked", "maternity_leave_months", "absent_days", "basis")
DISCIPLINE_FIELDS = ("status", "form", "decision_number", "starts_on", "ends_on", "reason")
INITIATIVE_FIELDS = (
    "kind",
    "title",
    "unit",
    "year",
    "recognised_on",
    "recognised_by",
    "decision_number",
    "scope",
)


def _assign(obj, fields: dict, names: Sequence[str]) -> None:
    for name in names:
        if name in fields:
            setattr(obj, name, fields[name])


def _update(actor, model, obj, names, expected_version, fields, *, unit_attr, extra=None):
    check_allowed(actor, model, "change", obj=obj)
    obj = lock(model, obj.pk)
    check_version(obj, expected_version)
    before = snapshot(obj)
    _assign(obj, fields, names)
    if extra:
        extra(obj)
    check_allowed(actor, model, "change", unit=getattr(obj, unit_attr))
    obj.full_clean()
    obj.version += 1
    obj.save()
    record(Action.UPDATE, obj, actor=actor, before=before, after=snapshot(obj))
    return obj


def _delete(actor, model, obj) -> None:
    check_allowed(actor, model, "change", obj=obj)
    delete_and_record(lock(model, obj.pk), actor=actor)


# Households ------------------------------------------------------------------------------


@transaction.atomic
def household_create(*, actor: User | None, **fields) -> Household:
    check_allowed(actor, Household, "change", unit=fields["unit"])
    household = Household()
    _assign(household, fields, HOUSEHOLD_FIELDS)
    household.full_clean()
    household.save()
    record(Action.CREATE, household, actor=actor, after=snapshot(household))
    return household


@transaction.atomic
def household_update(
    *, actor: User | None, household: Household, expected_version: int | None = None, **fields
) -> Household:
    return _update(
        actor, Household, household, HOUSEHOLD_FIELDS, expected_version, fields, unit_attr="unit"
    )


@transaction.atomic
def household_delete(*, actor: User | None, household: Household) -> None:
    if household.awards.exists():
        raise ValidationError(_("This household has awards in the registry; it cannot be deleted."))
    _delete(actor, Household, household)


# Task ratings ----------------------------------------------------------------------------


@transaction.atomic
def task_rating_save(
    *,
    actor: User | None,
    year: int,
    person: Person | None = None,
    unit: Unit | None = None,
    expected_version: int | None = None,
    **fields,
) -> TaskRating:
    """Create or replace the rating of ``person`` (or ``unit``) for ``year``."""
    if (person is None) == (unit is None):
        raise ValidationError(_("A rating is of one person or one unit."))
    recipient_unit = person.unit if person is not None else unit
    check_allowed(actor, TaskRating, "change", unit=recipient_unit)
    lookup = {"person": person} if person is not None else {"unit": unit}
    rating = TaskRating.objects.select_for_update().filter(year=year, **lookup).first()
    if rating is None:
        rating = TaskRating(year=year, recipient_unit=recipient_unit, **lookup)
        before = None
    else:
        check_version(rating, expected_version)
        before = snapshot(rating)
        rating.version += 1
    _assign(rating, fields, RATING_FIELDS)
    if rating.maternity_leave_months is None:
        rating.maternity_leave_months = 0
    if (rating.months_worked or 0) + (rating.maternity_leave_months or 0) > 12:
        raise ValidationError(
            {"maternity_leave_months": _("Months worked and months of leave exceed 12.")}
        )
    rating.full_clean(validate_constraints=False)
    rating.save()
    record(
        Action.CREATE if before is None else Action.UPDATE,
        rating,
        actor=actor,
        before=before,
        after=snapshot(rating),
    )
    return rating


@transaction.atomic
def task_rating_delete(*, actor: User | None, rating: TaskRating) -> None:
    _delete(actor, TaskRating, rating)


# Discipline ------------------------------------------------------------------------------


@transaction.atomic
def discipline_create(*, actor: User | None, person: Person, **fields) -> Discipline:
    check_allowed(actor, Discipline, "change", unit=person.unit)
    discipline = Discipline(person=person, recipient_unit=person.unit)
    _assign(discipline, fields, DISCIPLINE_FIELDS)
    discipline.full_clean()
    discipline.save()
    record(Action.CREATE, discipline, actor=actor, after=snapshot(discipline))
    return discipline


@transaction.atomic
def discipline_update(
    *, actor: User | None, discipline: Discipline, expected_version: int | None = None, **fields
) -> Discipline:
    return _update(
        actor,
        Discipline,
        discipline,
        DISCIPLINE_FIELDS,
        expected_version,
        fields,
        unit_attr="recipient_unit",
    )


@transaction.atomic
def discipline_delete(*, actor: User | None, discipline: Discipline) -> None:
    _delete(actor, Discipline, discipline)


# Initiatives -----------------------------------------------------------------------------


def _check_authors(actor, authors: Sequence[Person]) -> None:
    if not authors:
        raise ValidationError({"authors": _("Name at least one author.")})
    for person in authors:
        check_allowed(actor, Initiative, "change", unit=person.unit)


@transaction.atomic
def initiative_create(*, actor: User | None, authors: Sequence[Person], **fields) -> Initiative:
    check_allowed(actor, Initiative, "change", unit=fields["unit"])
    _check_authors(actor, authors)
    initiative = Initiative()
    _assign(initiative, fields, INITIATIVE_FIELDS)
    initiative.full_clean()
    initiative.save()
    initiative.authors.set(authors)
    record(
        Action.CREATE,
        initiative,
        actor=actor,
        after=snapshot(initiative) | {"authors": sorted(p.pk for p in authors)},
    )
    return initiative


@transaction.atomic
def initiative_update(
    *,
    actor: User | None,
    initiative: Initiative,
    authors: Sequence[Person] | None = None,
    expected_version: int | None = None,
    **fields,
) -> Initiative:
    check_allowed(actor, Initiative, "change", obj=initiative)
    initiative = lock(Initiative, initiative.pk)
    check_version(initiative, expected_version)
    before = snapshot(initiative) | {
        "authors": sorted(initiative.authors.values_list("pk", flat=True))
    }
    _assign(initiative, fields, INITIATIVE_FIELDS)
    check_allowed(actor, Initiative, "change", unit=initiative.unit)
    initiative.full_clean()
    initiative.version += 1
    initiative.save()
    if authors is not None:
        _check_authors(actor, authors)
        initiative.authors.set(authors)
    after = snapshot(initiative) | {
        "authors": sorted(initiative.authors.values_list("pk", flat=True))
    }
    record(Action.UPDATE, initiative, actor=actor, before=before, after=after)
    return initiative


@transaction.atomic
def initiative_delete(*, actor: User | None, initiative: Initiative) -> None:
    _delete(actor, Initiative, initiative)
