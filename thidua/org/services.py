"""Changes to the organisation tree and people. Each function is one audited transaction."""

from __future__ import annotations

from datetime import date

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import F, ProtectedError, Value
from django.db.models.functions import Concat, Substr
from django.utils import timezone
from django.utils.translation import gettext as _

from thidua.audit.models import Action
from thidua.audit.services import delete_and_record, record, record_many, snapshot
from thidua.core.concurrency import StaleObjectError, check_version  # noqa: F401 (re-exported)
from thidua.core.models import subtree_q
from thidua.core.services import check_allowed, lock
from thidua.core.text import fold

from .models import ApiToken, Grant, Person, Unit, User

UNIT_FIELDS = (
    "code",
    "name",
    "short_name",
    "kind",
    "address",
    "phone",
    "email",
    "head_name",
    "note",
)
PERSON_FIELDS = (
    "full_name",
    "gender",
    "date_of_birth",
    "ethnicity",
    "position",
    "unit",
    "management_level",
    "identity_number",
    "phone",
    "email",
    "is_active",
    "note",
)


# Units ---------------------------------------------------------------------------------


@transaction.atomic
def unit_create(*, actor: User | None, parent: Unit | None, **fields) -> Unit:
    if parent is None and actor is not None and not actor.is_unrestricted:
        raise PermissionDenied
    if parent is not None:
        check_allowed(actor, Unit, "change", obj=parent)
        parent = lock(Unit, parent.pk)
        if not parent.is_active:
            raise ValidationError({"parent": _("The parent unit is no longer active.")})
    unit = Unit(parent=parent, **{k: v for k, v in fields.items() if k in UNIT_FIELDS})
    unit.path = f"/tmp-{timezone.now().timestamp()}-{id(unit)}/"
    unit.full_clean()
    unit.save()
    unit.path = f"{parent.path if parent else '/'}{unit.pk}/"
    unit.depth = parent.depth + 1 if parent else 0
    unit.save(update_fields=["path", "depth"])
    record(Action.CREATE, unit, actor=actor, after=snapshot(unit))
    return unit


@transaction.atomic
def unit_update(
    *, actor: User | None, unit: Unit, expected_version: int | None = None, **fields
) -> Unit:
    check_allowed(actor, Unit, "change", obj=unit)
    unit = lock(Unit, unit.pk)
    check_version(unit, expected_version)
    before = snapshot(unit)
    for name, value in fields.items():
        if name in UNIT_FIELDS:
            setattr(unit, name, value)
    unit.full_clean()
    unit.version += 1
    unit.save()
    after = snapshot(unit)
    if after != {**before, "version": unit.version}:
        record(Action.UPDATE, unit, actor=actor, before=before, after=after)
    return unit


@transaction.atomic
def unit_deactivate(*, actor: User | None, unit: Unit, reason: str = "") -> Unit:
    check_allowed(actor, Unit, "change", obj=unit)
    unit = lock(Unit, unit.pk)
    if actor is not None and actor.unit_id and actor.unit.path.startswith(unit.path):
        raise ValidationError(_("You cannot deactivate your own unit or a unit above it."))
    if unit.children.filter(is_active=True).exists():
        raise ValidationError(
            _("This unit still has active sub-units: move, merge or deactivate them first.")
        )
    before = snapshot(unit)
    unit.is_active = False
    if reason:
        unit.note = (unit.note + "\n" if unit.note else "") + reason
    unit.version += 1
    unit.save()
    record(Action.DEACTIVATE, unit, actor=actor, before=before, after=snapshot(unit))
    return unit


@transaction.atomic
def unit_reactivate(*, actor: User | None, unit: Unit) -> Unit:
    check_allowed(actor, Unit, "change", obj=unit)
    unit = lock(Unit, unit.pk)
    if unit.merged_into_id:
        raise ValidationError(_("A merged unit cannot be reactivated."))
    if unit.parent_id and not unit.parent.is_active:
        raise ValidationError(_("The parent unit is no longer active."))
    before = snapshot(unit)
    unit.is_active = True
    unit.version += 1
    unit.save()
    record(Action.UPDATE, unit, actor=actor, before=before, after=snapshot(unit))
    return unit


def _rewrite_subtree(old_path: str, new_path: str, depth_delta: int) -> None:
    """Move every path under ``old_path`` to ``new_path`` in one statement."""
    Unit.objects.filter(subtree_q("path", old_path)).update(
        path=Concat(Value(new_path), Substr("path", len(old_path) + 1)),
        depth=F("depth") + depth_delta,
    )


@transaction.atomic
def unit_move(*, actor: User | None, unit: Unit, new_parent: Unit) -> Unit:
    check_allowed(actor, Unit, "change", obj=unit)
    check_allowed(actor, Unit, "change", obj=new_parent)
    unit = lock(Unit, unit.pk)
    new_parent = lock(Unit, new_parent.pk)
    if unit.parent_id is None:
        raise ValidationError(_("The root unit cannot be moved."))
    if new_parent.path.startswith(unit.path):
        raise ValidationError(
            {"new_parent": _("A unit cannot be moved under itself or its sub-units.")}
        )
    if not new_parent.is_active:
        raise ValidationError({"new_parent": _("The new parent unit is not active.")})
    if new_parent.pk == unit.parent_id:
        return unit
    before = snapshot(unit)
    old_path = unit.path
    new_path = f"{new_parent.path}{unit.pk}/"
    _rewrite_subtree(old_path, new_path, new_parent.depth + 1 - unit.depth)
    Unit.objects.filter(pk=unit.pk).update(parent=new_parent, version=F("version") + 1)
    unit.refresh_from_db()
    record(Action.MOVE, unit, actor=actor, before=before, after=snapshot(unit))
    return unit


@transaction.atomic
def unit_merge(
    *, actor: User | None, source: Unit, target: Unit, merged_on: date | None = None
) -> Unit:
    """Merge ``source`` into ``target`` (the 2025 reorganisation).

    The source unit stays in the tree, inactive, pointing to the unit it became part of,
    so everything recorded against it keeps its history. Its active sub-units, people and
    accounts move to the target.
    """
    check_allowed(actor, Unit, "change", obj=source)
    check_allowed(actor, Unit, "change", obj=target)
    source = lock(Unit, source.pk)
    target = lock(Unit, target.pk)
    if source.pk == target.pk:
        raise ValidationError({"target": _("A unit cannot be merged into itself.")})
    if target.path.startswith(source.path):
        raise ValidationError(
            {"target": _("A unit cannot be merged into one of its own sub-units.")}
        )
    if not source.is_active:
        raise ValidationError(_("This unit is no longer active."))
    if not target.is_active:
        raise ValidationError({"target": _("The target unit is not active.")})
    if source.parent_id is None:
        raise ValidationError(_("The root unit cannot be merged."))
    before = snapshot(source)
    moved_children = []
    for child in source.children.filter(is_active=True).order_by("pk"):
        moved_children.append(child.pk)
        unit_move(actor=None, unit=child, new_parent=target)
    people = list(Person.objects.filter(unit=source).values_list("pk", flat=True))
    Person.objects.filter(pk__in=people).update(unit=target, version=F("version") + 1)
    users = list(User.objects.filter(unit=source).values_list("pk", flat=True))
    User.objects.filter(pk__in=users).update(unit=target)
    for grant in Grant.objects.filter(unit=source):
        if Grant.objects.filter(user=grant.user, role=grant.role, unit=target).exists():
            grant.delete()
        else:
            grant.unit = target
            grant.save(update_fields=["unit"])
    source.refresh_from_db()
    source.is_active = False
    source.merged_into = target
    source.merged_on = merged_on or timezone.localdate()
    source.version += 1
    source.save()
    after = snapshot(source)
    after["moved"] = {"sub_units": moved_children, "people": people, "users": users}
    record(Action.MERGE, source, actor=actor, before=before, after=after)
    return source


# People --------------------------------------------------------------------------------


def likely_duplicates(*, full_name: str, date_of_birth: date | None, exclude_pk=None):
    """People with the same folded name and date of birth, anywhere in the tree.

    Looked up across the whole tree on purpose: a duplicate usually sits in another unit
    (a transfer recorded twice). Only names and units are shown to the user.
    """

    if not full_name or not date_of_birth:
        return Person.objects.none()
    queryset = Person.objects.filter(name_folded=fold(full_name), date_of_birth=date_of_birth)
    if exclude_pk:
        queryset = queryset.exclude(pk=exclude_pk)
    return queryset.select_related("unit")


@transaction.atomic
def person_create(*, actor: User | None, unit: Unit, **fields) -> Person:
    check_allowed(actor, Person, "change", unit=unit)
    if not unit.is_active:
        raise ValidationError({"unit": _("This unit is no longer active.")})
    person = Person(
        unit=unit, **{k: v for k, v in fields.items() if k in PERSON_FIELDS and k != "unit"}
    )
    person.full_clean()
    person.save()
    record(Action.CREATE, person, actor=actor, after=snapshot(person))
    return person


@transaction.atomic
def person_create_many(*, actor: User | None, rows: list[tuple[Unit, dict]]) -> list[Person]:
    """Create many people at once (Excel import): the same checks and audit entries as
    :func:`person_create`, in a few queries instead of several per person."""
    checked: set[int] = set()
    people = []
    for unit, fields in rows:
        if unit.pk not in checked:
            check_allowed(actor, Person, "change", unit=unit)
            if not unit.is_active:
                raise ValidationError({"unit": _("This unit is no longer active.")})
            checked.add(unit.pk)
        person = Person(
            unit=unit, **{k: v for k, v in fields.items() if k in PERSON_FIELDS and k != "unit"}
        )
        # Uniqueness is left to the database constraint: one query per person otherwise.
        person.full_clean(exclude=["unit"], validate_unique=False)  # unit checked above
        person.name_folded = fold(person.full_name)
        people.append(person)
    numbers = [p.identity_number for p in people if p.identity_number]
    if (
        len(numbers) != len(set(numbers))
        or Person.objects.filter(identity_number__in=numbers).exists()
    ):
        raise ValidationError({"identity_number": _("This identity number is already registered.")})
    Person.objects.bulk_create(people, batch_size=500)
    record_many(Action.CREATE, [(person, snapshot(person)) for person in people], actor=actor)
    return people


@transaction.atomic
def person_update(
    *, actor: User | None, person: Person, expected_version: int | None = None, **fields
) -> Person:
    check_allowed(actor, Person, "change", obj=person)
    person = lock(Person, person.pk)
    check_version(person, expected_version)
    if "unit" in fields and fields["unit"].pk != person.unit_id:
        check_allowed(actor, Person, "change", unit=fields["unit"])
    before = snapshot(person)
    for name, value in fields.items():
        if name in PERSON_FIELDS:
            setattr(person, name, value)
    person.full_clean()
    person.version += 1
    person.save()
    after = snapshot(person)
    if after != {**before, "version": person.version}:
        record(Action.UPDATE, person, actor=actor, before=before, after=after)
    return person


@transaction.atomic
def person_delete(*, actor: User | None, person: Person) -> None:
    check_allowed(actor, Person, "change", obj=person)
    person = lock(Person, person.pk)
    try:
        with transaction.atomic():
            delete_and_record(person, actor=actor)
    except ProtectedError:
        # Awards and other records name the person: their history must stay.
        raise ValidationError(
            _(
                "“%(name)s” is named in awards or other records, which must keep their "
                "history; the person cannot be deleted. Mark them as no longer working instead."
            )
            % {"name": person.full_name}
        ) from None


# Accounts ------------------------------------------------------------------------------


@transaction.atomic
def api_token_create(*, actor: User, name: str) -> tuple[ApiToken, str]:
    """Create a personal token; return it and the key, which is never shown again."""
    name = (name or "").strip()
    if not name:
        raise ValidationError(
            {"name": _("Give the token a name, e.g. the program that will use it.")}
        )
    key = ApiToken.generate_key()
    token = ApiToken.objects.create(
        user=actor, name=name[:100], prefix=key[3:11], key_hash=ApiToken.hash_key(key)
    )
    record(
        Action.TOKEN_CREATE, token, actor=actor, object_repr=str(token), after={"name": token.name}
    )
    return token, key


@transaction.atomic
def api_token_revoke(*, actor: User, token: ApiToken) -> None:
    if token.user_id != actor.pk:
        raise PermissionDenied
    if token.revoked_at is None:
        token.revoked_at = timezone.now()
        token.save(update_fields=["revoked_at"])
        record(Action.TOKEN_REVOKE, token, actor=actor, object_repr=str(token))


def password_changed(*, actor: User) -> None:
    record(Action.PASSWORD_CHANGE, actor, actor=actor, object_repr=actor.get_username())


# User accounts and grants ---------------------------------------------------------------

USER_FIELDS = ("username", "full_name", "email", "unit", "is_active")


def _check_grant(actor: User | None, role: str, unit: Unit) -> None:
    if actor is None or actor.is_unrestricted:
        return
    from .roles import GRANTABLE_BY_SECRETARIAT

    if role not in GRANTABLE_BY_SECRETARIAT or not actor.holds("org.user", "change", unit):
        raise PermissionDenied


def check_not_administrator(actor: User | None, user: User) -> None:
    """Only an administrator changes or sets the password of an administrator's account:
    otherwise the secretariat could take one over and hold what it may not grant."""
    if actor is not None and not actor.is_unrestricted and user.is_unrestricted:
        raise PermissionDenied


@transaction.atomic
def user_create(
    *,
    actor: User | None,
    username: str,
    password: str,
    unit: Unit,
    role: str | None = None,
    **fields,
) -> User:
    from django.contrib.auth.password_validation import validate_password

    check_allowed(actor, User, "change", unit=unit)
    user = User(
        username=username, unit=unit, **{k: v for k, v in fields.items() if k in USER_FIELDS}
    )
    user.full_clean(exclude=["password"])
    validate_password(password, user)
    user.set_password(password)
    user.save()
    after = snapshot(user)
    if role:
        _check_grant(actor, role, unit)
        Grant.objects.create(user=user, role=role, unit=unit, with_subtree=True)
        after["grants"] = [[role, unit.pk, True]]
    record(Action.CREATE, user, actor=actor, after=after)
    return user


@transaction.atomic
def user_update(*, actor: User | None, user: User, **fields) -> User:
    check_allowed(actor, User, "change", obj=user)
    check_not_administrator(actor, user)
    if "unit" in fields and fields["unit"].pk != user.unit_id:
        check_allowed(actor, User, "change", unit=fields["unit"])
    user = lock(User, user.pk)
    if actor is not None and user.pk == actor.pk and fields.get("is_active") is False:
        raise ValidationError({"is_active": _("You cannot deactivate your own account.")})
    before = snapshot(user)
    for name, value in fields.items():
        if name in USER_FIELDS:
            setattr(user, name, value)
    user.full_clean(exclude=["password"])
    user.save()
    after = snapshot(user)
    if after != before:
        record(Action.UPDATE, user, actor=actor, before=before, after=after)
    return user


@transaction.atomic
def user_set_password(*, actor: User | None, user: User, password: str) -> None:
    from django.contrib.auth.password_validation import validate_password

    check_allowed(actor, User, "change", obj=user)
    check_not_administrator(actor, user)
    validate_password(password, user)
    user.set_password(password)
    user.save(update_fields=["password"])
    record(Action.PASSWORD_CHANGE, user, actor=actor, object_repr=user.get_username())


@transaction.atomic
def grant_add(
    *, actor: User | None, user: User, role: str, unit: Unit, with_subtree: bool = True
) -> Grant:
    check_allowed(actor, User, "change", obj=user)
    _check_grant(actor, role, unit)
    grant, created = Grant.objects.get_or_create(
        user=user, role=role, unit=unit, defaults={"with_subtree": with_subtree}
    )
    if not created and grant.with_subtree != with_subtree:
        before = snapshot(grant)
        grant.with_subtree = with_subtree
        grant.save(update_fields=["with_subtree"])
        record(
            Action.UPDATE,
            grant,
            actor=actor,
            before=before,
            after=snapshot(grant),
            unit_path=unit.path,
        )
    elif created:
        record(Action.CREATE, grant, actor=actor, after=snapshot(grant), unit_path=unit.path)
    return grant


@transaction.atomic
def grant_remove(*, actor: User | None, grant: Grant) -> None:
    check_allowed(actor, User, "change", obj=grant.user)
    _check_grant(actor, grant.role, grant.unit)
    delete_and_record(grant, actor=actor)


def user_is_locked(user: User) -> bool:
    """Whether django-axes holds the account locked after too many failed sign-ins."""
    from axes.models import AccessAttempt
    from django.conf import settings

    return AccessAttempt.objects.filter(
        username=user.username, failures_since_start__gte=settings.AXES_FAILURE_LIMIT
    ).exists()


@transaction.atomic
def user_unlock(*, actor: User | None, user: User) -> int:
    """Lift a sign-in lockout before it expires; returns the attempts cleared."""
    from axes.utils import reset

    check_allowed(actor, User, "change", obj=user)
    cleared = reset(username=user.username)
    record(
        Action.UNLOCK,
        user,
        actor=actor,
        object_repr=user.get_username(),
        after={"cleared": cleared},
    )
    return cleared
