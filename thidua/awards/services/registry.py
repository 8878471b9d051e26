"""Changes to the registry: decisions and their awards, revoking, and the catalogue.

Each function is one transaction: check the actor → lock → validate → change → audit →
notify after commit. ``actor=None`` is the system (demo data, imports run by a job).
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Max
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from thidua.audit.models import Action
from thidua.audit.services import delete_and_record, record, snapshot
from thidua.core.concurrency import check_version
from thidua.core.services import check_allowed, lock
from thidua.notifications.services import notify
from thidua.org.models import Person, Unit, User
from thidua.org.roles import Role

from ..models import (
    Award,
    AwardType,
    CommendationKind,
    Decision,
    DecisionStatus,
    Household,
    Subject,
)
from ..rules.money import Payable, award_amount, payable

DECISION_FIELDS = (
    "number",
    "signed_on",
    "authority",
    "authority_name",
    "signer_name",
    "signer_title",
    "kind",
    "subject_line",
    "grounds",
    "issuer",
    "movement",
)
AWARD_FIELDS = ("year", "period_start", "kind", "movement", "achievement", "recipient_position")


def _today(today: datetime.date | None) -> datetime.date:
    return today or timezone.localdate()


def _check_date(signed_on: datetime.date | None, today: datetime.date) -> None:
    if signed_on and signed_on > today:
        raise ValidationError(
            {
                "signed_on": _("The decision date %(date)s is after today.")
                % {"date": signed_on.strftime("%d/%m/%Y")}
            }
        )


# Decisions -------------------------------------------------------------------------------


@transaction.atomic
def decision_create(
    *, actor: User | None, today: datetime.date | None = None, **fields
) -> Decision:
    """A draft decision; its awards are added with :func:`award_add`."""
    check_allowed(actor, Decision, "change", unit=fields["issuer"])
    decision = Decision(status=DecisionStatus.DRAFT)
    for name in DECISION_FIELDS:
        if name in fields:
            setattr(decision, name, fields[name])
    _check_date(decision.signed_on, _today(today))
    decision.full_clean()
    decision.save()
    record(Action.CREATE, decision, actor=actor, after=snapshot(decision))
    return decision


@transaction.atomic
def decision_update(
    *,
    actor: User | None,
    decision: Decision,
    expected_version: int | None = None,
    today: datetime.date | None = None,
    **fields,
) -> Decision:
    check_allowed(actor, Decision, "change", obj=decision)
    decision = lock(Decision, decision.pk)
    check_version(decision, expected_version)
    _require_draft(decision)
    if "issuer" in fields and fields["issuer"].pk != decision.issuer_id:
        check_allowed(actor, Decision, "change", unit=fields["issuer"])
    before = snapshot(decision)
    for name in DECISION_FIELDS:
        if name in fields:
            setattr(decision, name, fields[name])
    _check_date(decision.signed_on, _today(today))
    decision.full_clean()
    for award in decision.awards.select_related("person", "award_type"):
        _check_against_decision(award, decision)
    decision.version += 1
    decision.save()
    recompute_amounts(decision)
    record(Action.UPDATE, decision, actor=actor, before=before, after=snapshot(decision))
    return decision


@transaction.atomic
def decision_delete(*, actor: User | None, decision: Decision) -> None:
    check_allowed(actor, Decision, "change", obj=decision)
    decision = lock(Decision, decision.pk)
    _require_draft(decision)
    for award in decision.awards.all():
        delete_and_record(award, actor=actor)
    delete_and_record(decision, actor=actor)


@transaction.atomic
def decision_issue(
    *,
    actor: User | None,
    decision: Decision,
    number: str | None = None,
    signed_on: datetime.date | None = None,
    expected_version: int | None = None,
    today: datetime.date | None = None,
    notify_units: bool = True,
) -> Decision:
    """Record that the decision was signed: its awards enter the registry."""
    check_allowed(actor, Decision, "change", obj=decision)
    decision = lock(Decision, decision.pk)
    check_version(decision, expected_version)
    _require_draft(decision)
    before = snapshot(decision)
    if number is not None:
        decision.number = number.strip()
    if signed_on is not None:
        decision.signed_on = signed_on
    if not decision.number:
        raise ValidationError({"number": _("An issued decision has a number.")})
    _check_date(decision.signed_on, _today(today))
    awards = list(decision.awards.select_related("person", "award_type"))
    if not awards:
        raise ValidationError(_("The decision confers no award yet."))
    for award in awards:
        _check_against_decision(award, decision)
    decision.full_clean()
    decision.status = DecisionStatus.ISSUED
    decision.issued_at = timezone.now()
    decision.version += 1
    decision.save()
    recompute_amounts(decision)
    record(Action.TRANSITION, decision, actor=actor, before=before, after=snapshot(decision))
    if notify_units:
        _notify_issued(decision, awards)
    return decision


def _notify_issued(decision: Decision, awards: list[Award]) -> None:
    unit_ids = {award.recipient_unit_id for award in awards}
    paths = list(Unit.objects.filter(pk__in=unit_ids).values_list("path", flat=True))
    officers = User.objects.filter(
        is_active=True, grants__role=Role.UNIT_OFFICER, grants__unit__path__in=paths
    ).distinct()
    notify(
        officers,
        subject=_("Decision %(number)s confers %(count)s awards on your unit")
        % {"number": decision.number, "count": len(awards)},
        url=reverse("awards:decision_detail", args=[decision.pk]),
        about=decision,
    )


def _require_draft(decision: Decision) -> None:
    if decision.status != DecisionStatus.DRAFT:
        raise ValidationError(
            _(
                "Decision %(number)s has been issued; it can no longer be changed. "
                "Revoke an award instead."
            )
            % {"number": decision.number}
        )


# Awards ----------------------------------------------------------------------------------


def _recipient_fields(subject: str, person, unit, household) -> dict:
    if subject == Subject.INDIVIDUAL:
        if person is None:
            raise ValidationError({"person": _("Choose the person.")})
        return {
            "person": person,
            "recipient_name": person.full_name,
            "recipient_unit": person.unit,
            "recipient_unit_name": person.unit.name,
            "recipient_position": person.position,
        }
    if subject == Subject.COLLECTIVE:
        if unit is None:
            raise ValidationError({"unit": _("Choose the collective.")})
        return {
            "unit": unit,
            "recipient_name": unit.name,
            "recipient_unit": unit,
            "recipient_unit_name": unit.parent.name if unit.parent_id else unit.name,
        }
    if subject == Subject.HOUSEHOLD:
        if household is None:
            raise ValidationError({"household": _("Choose the household.")})
        return {
            "household": household,
            "recipient_name": str(household),
            "recipient_unit": household.unit,
            "recipient_unit_name": household.unit.name,
        }
    raise ValidationError({"subject": _("Unknown kind of recipient.")})


def duplicate_of(award: Award) -> Award | None:
    """The award in the registry for the same recipient, title or form and period."""
    lookup = {
        Subject.INDIVIDUAL: {"person_id": award.person_id},
        Subject.COLLECTIVE: {"unit_id": award.unit_id},
        Subject.HOUSEHOLD: {"household_id": award.household_id},
    }[award.subject]
    return (
        Award.objects.filter(
            award_type_id=award.award_type_id, year=award.year, revoked=False, **lookup
        )
        .exclude(pk=award.pk)
        .select_related("decision")
        .first()
    )


def _check_against_decision(award: Award, decision: Decision) -> None:
    """What an award and its decision must agree on (bad input is refused, not stored)."""
    errors: dict[str, list[str]] = {}
    person = award.person
    if person is not None and person.date_of_birth and decision.signed_on < person.date_of_birth:
        errors.setdefault("person", []).append(
            _("The decision date %(date)s is before %(name)s was born (%(born)s).")
            % {
                "date": decision.signed_on.strftime("%d/%m/%Y"),
                "name": person.full_name,
                "born": person.date_of_birth.strftime("%d/%m/%Y"),
            }
        )
    if award.year > decision.signed_on.year:
        errors.setdefault("year", []).append(
            _("The award is for %(year)s, after the decision of %(date)s.")
            % {"year": award.year, "date": decision.signed_on.strftime("%d/%m/%Y")}
        )
    authorities = award.award_type.authorities
    if authorities and decision.authority not in authorities:
        errors.setdefault("award_type", []).append(
            _("%(title)s is not conferred by %(authority)s.")
            % {"title": award.award_type.name, "authority": decision.get_authority_display()}
        )
    if errors:
        raise ValidationError(errors)


@transaction.atomic
def award_add(
    *,
    actor: User | None,
    decision: Decision,
    award_type: AwardType,
    subject: str,
    person: Person | None = None,
    unit: Unit | None = None,
    household: Household | None = None,
    year: int,
    **fields,
) -> Award:
    """Add one award to a draft decision, refusing duplicates and impossible dates."""
    check_allowed(actor, Decision, "change", obj=decision)
    decision = lock(Decision, decision.pk)
    _require_draft(decision)
    if not award_type.is_active:
        raise ValidationError(
            {"award_type": _("%(title)s is no longer in use.") % {"title": award_type}}
        )
    if not award_type.allows(subject):
        raise ValidationError(
            {
                "award_type": _("%(title)s is not given to a recipient of this kind (%(kind)s).")
                % {"title": award_type.name, "kind": Subject(subject).label}
            }
        )
    award = Award(
        decision=decision,
        award_type=award_type,
        subject=subject,
        year=year,
        kind=fields.pop("kind", None) or decision.kind,
        movement=fields.pop("movement", None) or decision.movement,
        **_recipient_fields(subject, person, unit, household),
    )
    for name in AWARD_FIELDS:
        if name in fields and fields[name] is not None:
            setattr(award, name, fields[name])
    check_allowed(actor, Award, "change", unit=award.recipient_unit)
    _validate_award(award, decision)
    award.sort_order = (decision.awards.aggregate(m=Max("sort_order"))["m"] or 0) + 1
    try:
        with transaction.atomic():
            award.save()
    except IntegrityError:  # a concurrent save of the same award
        raise ValidationError(_duplicate_message(award, duplicate_of(award))) from None
    recompute_amounts(decision)
    award.refresh_from_db()
    record(Action.CREATE, award, actor=actor, after=snapshot(award))
    return award


def _duplicate_message(award: Award, other: Award | None) -> str:
    if other is None:
        return _("%(name)s already has %(title)s for %(year)s.") % {
            "name": award.recipient_name,
            "title": award.award_type.name,
            "year": award.year,
        }
    return _("%(name)s already has %(title)s for %(year)s (decision %(number)s of %(date)s).") % {
        "name": award.recipient_name,
        "title": award.award_type.name,
        "year": award.year,
        "number": other.decision.number or _("draft"),
        "date": other.decision.signed_on.strftime("%d/%m/%Y"),
    }


def _validate_award(award: Award, decision: Decision) -> None:
    award.full_clean(exclude=["verify_token", "decision"], validate_constraints=False)
    if award.period_start and award.period_start > award.year:
        raise ValidationError({"period_start": _("The period starts after it ends.")})
    if award.kind and award.award_type.kinds and award.kind not in award.award_type.kinds:
        raise ValidationError(
            {
                "kind": _("%(title)s is not given as %(kind)s.")
                % {"title": award.award_type.name, "kind": CommendationKind(award.kind).label}
            }
        )
    _check_against_decision(award, decision)
    other = duplicate_of(award)
    if other is not None:
        raise ValidationError(_duplicate_message(award, other))


@transaction.atomic
def award_update(
    *, actor: User | None, award: Award, expected_version: int | None = None, **fields
) -> Award:
    check_allowed(actor, Award, "change", obj=award)
    award = lock(Award, award.pk)
    check_version(award, expected_version)
    decision = Decision.objects.get(pk=award.decision_id)
    check_allowed(actor, Decision, "change", obj=decision)
    _require_draft(decision)
    before = snapshot(award)
    for name in AWARD_FIELDS:
        if name in fields:
            setattr(award, name, fields[name])
    _validate_award(award, decision)
    award.version += 1
    award.save()
    recompute_amounts(decision)
    award.refresh_from_db()
    record(Action.UPDATE, award, actor=actor, before=before, after=snapshot(award))
    return award


@transaction.atomic
def award_remove(*, actor: User | None, award: Award) -> None:
    """Take an award off a draft decision."""
    check_allowed(actor, Award, "change", obj=award)
    decision = lock(Decision, award.decision_id)
    check_allowed(actor, Decision, "change", obj=decision)
    _require_draft(decision)
    delete_and_record(award, actor=actor)
    recompute_amounts(decision)


@transaction.atomic
def award_revoke(*, actor: User | None, award: Award, reason: str) -> Award:
    """Revoke an issued award (thu hồi): it stays in the registry, marked and explained,
    and its public verification page says it is revoked."""
    check_allowed(actor, Decision, "change", obj=award.decision)
    award = lock(Award, award.pk)
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError({"reason": _("Say why the award is revoked.")})
    if award.revoked:
        raise ValidationError(_("This award has already been revoked."))
    if not Decision.objects.filter(pk=award.decision_id, status=DecisionStatus.ISSUED).exists():
        raise ValidationError(_("Only an issued award can be revoked; remove it from the draft."))
    before = snapshot(award)
    award.revoked = True
    award.revoked_at = timezone.now()
    award.revoked_reason = reason
    award.revoked_by = actor
    award.version += 1
    award.save()
    record(Action.REVOKE, award, actor=actor, before=before, after=snapshot(award))
    return award


def recompute_amounts(decision: Decision) -> None:
    """Amounts of a decision's awards on its date: only the highest of several titles of one
    recipient for the same period is paid (Điều 49.5 Nghị định 152/2025/NĐ-CP)."""
    awards = list(decision.awards.select_related("award_type"))
    items = [
        Payable(
            key=award.pk,
            recipient=(award.subject, award.person_id or award.unit_id or award.household_id),
            is_title=award.award_type.category == "danh_hieu",
            period=(award.period_start, award.year),
            amount=award_amount(award.award_type, award.subject, decision.signed_on),
        )
        for award in awards
    ]
    paid = payable(items)
    changed = []
    for award in awards:
        amount = paid.get(award.pk)
        if award.amount != amount:
            award.amount = amount
            changed.append(award)
    if changed:
        Award.objects.bulk_update(changed, ["amount"])


# Catalogue -------------------------------------------------------------------------------

AWARD_TYPE_FIELDS = (
    "name",
    "category",
    "level",
    "for_individual",
    "for_collective",
    "for_household",
    "authorities",
    "coefficient_individual",
    "coefficient_collective",
    "coefficient_household",
    "ballot_required",
    "ballot_threshold",
    "kinds",
    "certificate_kind",
    "legal_basis",
    "is_active",
    "sort_order",
)


def _check_catalogue_editor(actor: User | None) -> None:
    from django.core.exceptions import PermissionDenied

    if actor is not None and not actor.can("awards.awardtype", "change"):
        raise PermissionDenied


@transaction.atomic
def award_type_create(*, actor: User | None, code: str, owner: Unit, **fields) -> AwardType:
    """A form of the province's own (e.g. a provincial commemorative medal)."""
    _check_catalogue_editor(actor)
    check_allowed(actor, Award, "change", unit=owner)
    award_type = AwardType(code=code, owner=owner, is_builtin=False)
    for name in AWARD_TYPE_FIELDS:
        if name in fields:
            setattr(award_type, name, fields[name])
    award_type.full_clean()
    award_type.save()
    record(Action.CREATE, award_type, actor=actor, after=snapshot(award_type), unit_path=owner.path)
    return award_type


@transaction.atomic
def award_type_update(
    *, actor: User | None, award_type: AwardType, expected_version: int | None = None, **fields
) -> AwardType:
    """Edit a province's own form; of an entry defined by law only whether it is in use."""
    _check_catalogue_editor(actor)
    award_type = AwardType.objects.select_for_update().get(pk=award_type.pk)
    check_version(award_type, expected_version)
    if award_type.owner_id:
        check_allowed(actor, Award, "change", unit=award_type.owner)
    editable = ("is_active",) if award_type.is_builtin else AWARD_TYPE_FIELDS
    before = snapshot(award_type)
    for name in editable:
        if name in fields:
            setattr(award_type, name, fields[name])
    award_type.full_clean()
    award_type.version += 1
    award_type.save()
    record(
        Action.UPDATE,
        award_type,
        actor=actor,
        before=before,
        after=snapshot(award_type),
        unit_path=award_type.owner.path if award_type.owner_id else "",
    )
    return award_type


def award_types_by_name(names: Iterable[str]) -> dict[str, AwardType]:
    """Catalogue entries by folded name and by code, for imports and the API."""
    from thidua.core.text import fold

    index: dict[str, AwardType] = {}
    for award_type in AwardType.objects.all():
        index[award_type.code] = award_type
        index[fold(award_type.name)] = award_type
    found = {}
    for name in names:
        award_type = index.get(name.strip()) or index.get(fold(name))
        if award_type is not None:
            found[name] = award_type
    return found
