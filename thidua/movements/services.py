"""Changes to movements, targets, registrations, pledges and progress.

Each function is one transaction: check the actor → lock → validate → change → audit →
notify after commit. ``actor=None`` is the system (demo data, scheduled jobs).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import date
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from thidua.audit.models import Action
from thidua.audit.services import delete_and_record, record, record_many, snapshot
from thidua.core.concurrency import check_version
from thidua.core.services import check_allowed, lock
from thidua.core.text import fold, format_number
from thidua.core.uploads import check_upload
from thidua.notifications.services import notify
from thidua.org.models import Person, Unit, User
from thidua.org.roles import Role

from . import completion, selectors, states
from .models import (
    Attachment,
    ContentItem,
    Evidence,
    Movement,
    MovementStatus,
    MovementStatusChange,
    Participation,
    Pledge,
    ProgressReport,
    Registration,
    RegistrationEntry,
    Responsibility,
    Review,
    Target,
    TargetStatus,
)

MOVEMENT_FIELDS = (
    "title",
    "kind",
    "issuer",
    "signer",
    "signer_title",
    "document_number",
    "document_date",
    "starts_on",
    "ends_on",
    "theme",
    "mottos",
    "purpose",
    "report_frequency",
    "report_due_days",
    "registration_opens",
    "registration_closes",
    "participant_kinds",
)
TARGET_FIELDS = (
    "order",
    "group",
    "indicator",
    "measure",
    "comparator",
    "value",
    "value_max",
    "direction",
    "cumulative",
    "relative_change",
    "reference",
    "baseline",
    "due_on",
    "note",
    "unit",
)
PLEDGE_FIELDS = ("movement", "title", "owner", "signed_on", "place", "signatories", "content")


# Permission helpers --------------------------------------------------------------------


def _movement_url(movement: Movement) -> str:
    return reverse("movements:detail", args=[movement.pk])


def _officers_of(units: Iterable[Unit]) -> list[User]:
    """The unit officers and secretariat holding a grant on one of ``units`` (exactly)."""
    unit_ids = [u.pk for u in units]
    return list(
        User.objects.filter(
            is_active=True,
            grants__unit_id__in=unit_ids,
            grants__role__in=(Role.UNIT_OFFICER, Role.SECRETARIAT),
        ).distinct()
    )


def _heads_of(units: Iterable[Unit]) -> list[User]:
    """Leaders of ``units``: where a reminder escalates to."""
    unit_ids = [u.pk for u in units]
    return list(
        User.objects.filter(
            is_active=True, grants__unit_id__in=unit_ids, grants__role=Role.LEADER
        ).distinct()
    )


# Movements -----------------------------------------------------------------------------


def _clean_mottos(mottos) -> list[str]:
    if isinstance(mottos, str):
        mottos = mottos.splitlines()
    return [m.strip().strip("“”\"'").strip() for m in mottos or [] if m and m.strip()]


def _validate_movement(movement: Movement) -> None:
    movement.full_clean(exclude=["participant_roots"])
    errors = {}
    if movement.ends_on < movement.starts_on:
        errors["ends_on"] = _("The end date is before the start date.")
    opens, closes = movement.registration_opens, movement.registration_closes
    if opens and closes and closes < opens:
        errors["registration_closes"] = _("Registration closes before it opens.")
    if errors:
        raise ValidationError(errors)


@transaction.atomic
def movement_create(
    *,
    actor: User | None,
    contents: Sequence[tuple[str, str]] = (),
    responsibilities: Sequence[tuple[str, str]] = (),
    source_text: str = "",
    **fields,
) -> Movement:
    """Create a draft movement, with its contents and responsibilities if given."""
    issuer = fields["issuer"]
    check_allowed(actor, Movement, "change", unit=issuer)
    movement = Movement(created_by=actor, source_text=source_text)
    for name, value in fields.items():
        if name in MOVEMENT_FIELDS:
            setattr(movement, name, value)
    movement.mottos = _clean_mottos(movement.mottos)
    movement.title_folded = fold(movement.title)
    _validate_movement(movement)
    movement.save()
    ContentItem.objects.bulk_create(
        ContentItem(movement=movement, order=i, label=label, text=text)
        for i, (label, text) in enumerate(contents, start=1)
        if text.strip()
    )
    Responsibility.objects.bulk_create(
        Responsibility(movement=movement, order=i, agency=agency, task=task)
        for i, (agency, task) in enumerate(responsibilities, start=1)
        if agency.strip() or task.strip()
    )
    record(Action.CREATE, movement, actor=actor, after=snapshot(movement))
    return movement


@transaction.atomic
def movement_update(
    *, actor: User | None, movement: Movement, expected_version: int | None = None, **fields
) -> Movement:
    check_allowed(actor, Movement, "change", obj=movement)
    movement = lock(Movement, movement.pk)
    check_version(movement, expected_version)
    if movement.is_closed:
        raise ValidationError(_("A closed movement can no longer be changed."))
    if "issuer" in fields and fields["issuer"].pk != movement.issuer_id:
        check_allowed(actor, Movement, "change", unit=fields["issuer"])
    before = snapshot(movement)
    for name, value in fields.items():
        if name in MOVEMENT_FIELDS:
            setattr(movement, name, value)
    movement.mottos = _clean_mottos(movement.mottos)
    movement.title_folded = fold(movement.title)
    _validate_movement(movement)
    movement.version += 1
    movement.save()
    record(Action.UPDATE, movement, actor=actor, before=before, after=snapshot(movement))
    return movement


@transaction.atomic
def movement_delete(*, actor: User | None, movement: Movement) -> None:
    """Only a draft can be deleted: once launched, participants have been told."""
    check_allowed(actor, Movement, "change", obj=movement)
    movement = lock(Movement, movement.pk)
    if movement.status != MovementStatus.DRAFT:
        raise ValidationError(_("Only a draft movement can be deleted."))
    delete_and_record(movement, actor=actor)


@transaction.atomic
def contents_set(
    *, actor: User | None, movement: Movement, items: Sequence[tuple[str, str]]
) -> list[ContentItem]:
    """Replace the movement's numbered contents with ``items`` (label, text) in order."""
    check_allowed(actor, Movement, "change", obj=movement)
    movement = lock(Movement, movement.pk)
    if movement.is_closed:
        raise ValidationError(_("A closed movement can no longer be changed."))
    before = [f"{c.label} {c.text}".strip() for c in movement.contents.all()]
    movement.contents.all().delete()
    rows = ContentItem.objects.bulk_create(
        ContentItem(movement=movement, order=i, label=label.strip(), text=text.strip())
        for i, (label, text) in enumerate(items, start=1)
        if text.strip()
    )
    record(
        Action.UPDATE,
        movement,
        actor=actor,
        before={"contents": before},
        after={"contents": [f"{c.label} {c.text}".strip() for c in rows]},
    )
    return rows


@transaction.atomic
def responsibilities_set(
    *, actor: User | None, movement: Movement, items: Sequence[tuple[str, str, Unit | None]]
) -> list[Responsibility]:
    """Replace who does what: ``items`` of (agency as written, task, matching unit)."""
    check_allowed(actor, Movement, "change", obj=movement)
    movement = lock(Movement, movement.pk)
    if movement.is_closed:
        raise ValidationError(_("A closed movement can no longer be changed."))
    before = [f"{r.agency}: {r.task}" for r in movement.responsibilities.all()]
    movement.responsibilities.all().delete()
    rows = Responsibility.objects.bulk_create(
        Responsibility(
            movement=movement,
            order=i,
            agency=(agency.strip() or (unit.name if unit else "")),
            task=task.strip(),
            unit=unit,
        )
        for i, (agency, task, unit) in enumerate(items, start=1)
        if task.strip()
    )
    record(
        Action.UPDATE,
        movement,
        actor=actor,
        before={"responsibilities": before},
        after={"responsibilities": [f"{r.agency}: {r.task}" for r in rows]},
    )
    return rows


@transaction.atomic
def participants_set(
    *,
    actor: User | None,
    movement: Movement,
    units: Iterable[Unit] = (),
    kinds: Iterable[str] = (),
    roots: Iterable[Unit] = (),
) -> int:
    """Set who takes part: chosen ``units`` plus every active unit of ``kinds`` (under
    ``roots`` when given, else in the issuer's area, see :func:`selectors.participant_area`). Returns
    the number of participants.

    Participants already registered or reporting stay, so nothing they wrote is lost.
    """
    check_allowed(actor, Movement, "change", obj=movement)
    movement = lock(Movement, movement.pk)
    if movement.is_closed:
        raise ValidationError(_("A closed movement can no longer be changed."))
    kinds, roots, units = list(kinds), list(roots), list(units)
    chosen = {u.pk for u in units}
    by_rule = selectors.units_by_rule(movement.issuer, kinds, roots)
    wanted = chosen | by_rule
    existing = dict(movement.participations.values_list("unit_id", "source"))
    keep = set(
        Registration.objects.filter(movement=movement).values_list("unit_id", flat=True)
    ) | set(
        ProgressReport.objects.filter(target__movement=movement).values_list("unit_id", flat=True)
    )
    removed = set(existing) - wanted - keep
    movement.participations.filter(unit_id__in=removed).delete()
    Participation.objects.bulk_create(
        Participation(
            movement=movement,
            unit_id=pk,
            source=Participation.Source.CHOSEN if pk in chosen else Participation.Source.RULE,
        )
        for pk in wanted - set(existing)
    )
    # A unit that stays says why it takes part now: chosen, or by the kinds and subtrees.
    movement.participations.filter(unit_id__in=chosen & set(existing)).exclude(
        source=Participation.Source.CHOSEN
    ).update(source=Participation.Source.CHOSEN)
    movement.participations.filter(unit_id__in=(by_rule - chosen) & set(existing)).exclude(
        source=Participation.Source.RULE
    ).update(source=Participation.Source.RULE)
    movement.participant_kinds = kinds
    movement.save(update_fields=["participant_kinds", "updated_at"])
    movement.participant_roots.set(roots)
    added = wanted - set(existing)
    total = movement.participations.count()
    record(
        Action.UPDATE,
        movement,
        actor=actor,
        after={
            "participants": total,
            "added": sorted(added),
            "removed": sorted(removed),
            "kinds": kinds,
            "roots": [r.pk for r in roots],
        },
    )
    if movement.is_running and added:
        _notify_launch(movement, Unit.objects.filter(pk__in=added))
    return total


def _notify_launch(movement: Movement, units) -> None:
    when = movement.document_date or movement.starts_on
    notify(
        _officers_of(units),
        subject=_("New emulation movement: %(title)s") % {"title": movement.title},
        body=_(
            "%(issuer)s launched the movement “%(title)s” (%(start)s – %(end)s). "
            "Your unit takes part; register and report progress in thidua."
        )
        % {
            "issuer": movement.issuer.name,
            "title": movement.title,
            "start": movement.starts_on.strftime("%d/%m/%Y"),
            "end": movement.ends_on.strftime("%d/%m/%Y"),
        }
        + (f" ({movement.document_number}, {when:%d/%m/%Y})" if movement.document_number else ""),
        url=_movement_url(movement),
        about=movement,
    )


def _transition(
    movement: Movement, to_status: str, *, actor: User | None, note: str = ""
) -> Movement:
    if not states.can_move(movement.status, to_status):
        raise ValidationError(
            _("A movement cannot go from “%(from)s” to “%(to)s”.")
            % {
                "from": MovementStatus(movement.status).label,
                "to": MovementStatus(to_status).label,
            }
        )
    before = movement.status
    movement.status = to_status
    now = timezone.now()
    if to_status == MovementStatus.LAUNCHED:
        movement.launched_at = now
    if to_status == MovementStatus.CLOSED:
        movement.closed_at = now
    movement.version += 1
    movement.save()
    MovementStatusChange.objects.create(
        movement=movement, from_status=before, to_status=to_status, actor=actor, note=note
    )
    record(
        Action.TRANSITION,
        movement,
        actor=actor,
        before={"status": before},
        after={"status": to_status, "note": note},
    )
    return movement


@transaction.atomic
def movement_launch(*, actor: User | None, movement: Movement) -> Movement:
    """Launch a draft: it needs contents or targets and at least one participant; every
    participant's officers are notified in the app and by e-mail."""
    check_allowed(actor, Movement, "change", obj=movement)
    movement = lock(Movement, movement.pk)
    errors = []
    if not movement.participations.exists():
        errors.append(_("Choose the participating units before launching."))
    if not movement.contents.exists() and not movement.targets.exists():
        errors.append(_("Add the movement's contents or targets before launching."))
    if errors:
        raise ValidationError(errors)
    _transition(movement, MovementStatus.LAUNCHED, actor=actor)
    _notify_launch(movement, Unit.objects.filter(participations__movement=movement))
    return movement


# Attachments ---------------------------------------------------------------------------


@transaction.atomic
def attachment_add(
    *, actor: User | None, movement: Movement, upload: UploadedFile, kind: str, title: str = ""
) -> Attachment:
    check_allowed(actor, Movement, "change", obj=movement)
    checked = check_upload(upload)
    attachment = Attachment(
        movement=movement,
        kind=kind,
        title=(title or checked.name)[:255],
        original_name=checked.name,
        content_type=checked.content_type,
        size=checked.size,
        uploaded_by=actor,
    )
    attachment.file.save(checked.name, upload, save=False)
    attachment.save()
    record(
        Action.CREATE,
        attachment,
        actor=actor,
        object_repr=f"{movement}: {attachment.title}",
        after={"movement": movement.pk, "title": attachment.title, "size": checked.size},
    )
    return attachment


@transaction.atomic
def attachment_delete(*, actor: User | None, attachment: Attachment) -> None:
    check_allowed(actor, Movement, "change", obj=attachment.movement)
    stored = attachment.file.name
    storage = attachment.file.storage
    delete_and_record(attachment, actor=actor)
    transaction.on_commit(lambda: storage.delete(stored))


# Targets -------------------------------------------------------------------------------


def _validate_target(target: Target) -> None:
    target.full_clean(exclude=["movement", "parent", "registration"])
    errors = {}
    if target.value_max is not None and target.value_max < target.value:
        errors["value_max"] = _("The upper end of the range is below its lower end.")
    if target.direction == "trong" and target.value_max is None:
        errors["value_max"] = _("“Within the range” needs the upper end of the range.")
    if (
        target.comparator in ("tang", "giam")
        and target.relative_change
        and target.baseline is not None
        and target.baseline == 0
    ):
        errors["baseline"] = _(
            "A change in per cent cannot be measured from a zero baseline: "
            "give the change as an amount instead."
        )
    if target.level == Target.Level.UNIT and target.unit_id is None:
        errors["unit"] = _("A unit target needs its unit.")
    if errors:
        raise ValidationError(errors)


def _target_changeable(
    actor: User | None, movement: Movement, level: str, unit, registered: bool
) -> None:
    """A unit changes the targets it registered itself; movement targets and the shares the
    issuer assigned to units are the issuer's side's."""
    if movement.is_closed:
        raise ValidationError(_("A closed movement can no longer be changed."))
    if level == Target.Level.MOVEMENT or not registered:
        check_allowed(actor, Movement, "change", obj=movement)
    else:
        check_allowed(actor, Target, "change", unit=unit)


@transaction.atomic
def target_create(
    *,
    actor: User | None,
    movement: Movement,
    level: str = Target.Level.MOVEMENT,
    parent: Target | None = None,
    registration: Registration | None = None,
    **fields,
) -> Target:
    """Add a movement target, a unit's share of one (``parent``), or a unit's own target
    (``registration``)."""
    unit = fields.get("unit")
    _target_changeable(actor, movement, level, unit, registration is not None)
    # A unit's targets belong to a movement it takes part in (not to any movement its
    # officer happens to know the id of).
    if (
        level == Target.Level.UNIT
        and unit is not None
        and not movement.participations.filter(unit=unit).exists()
    ):
        raise ValidationError({"unit": _("This unit does not take part in the movement.")})
    target = Target(movement=movement, level=level, parent=parent, registration=registration)
    for name, value in fields.items():
        if name in TARGET_FIELDS:
            setattr(target, name, value)
    if not fields.get("order"):
        target.order = (movement.targets.count() or 0) + 1
    _validate_target(target)
    target.save()
    record(Action.CREATE, target, actor=actor, after=snapshot(target))
    return target


@transaction.atomic
def target_update(
    *, actor: User | None, target: Target, expected_version: int | None = None, **fields
) -> Target:
    check_allowed(actor, Target, "change", obj=target)
    target = lock(Target, target.pk)
    check_version(target, expected_version)
    _target_changeable(
        actor,
        target.movement,
        target.level,
        fields.get("unit", target.unit),
        target.registration_id is not None,
    )
    before = snapshot(target)
    for name, value in fields.items():
        if name in TARGET_FIELDS:
            setattr(target, name, value)
    _validate_target(target)
    target.version += 1
    target.save()
    _refresh(target)
    record(Action.UPDATE, target, actor=actor, before=before, after=snapshot(target))
    return target


@transaction.atomic
def target_delete(*, actor: User | None, target: Target) -> None:
    check_allowed(actor, Target, "change", obj=target)
    target = lock(Target, target.pk)
    _target_changeable(
        actor, target.movement, target.level, target.unit, target.registration_id is not None
    )
    if target.reports.exists() or ProgressReport.objects.filter(target__parent=target).exists():
        raise ValidationError(
            _("Progress has been reported on this target; it can no longer be deleted.")
        )
    delete_and_record(target, actor=actor)


@transaction.atomic
def target_split(
    *, actor: User | None, target: Target, shares: Sequence[tuple[Unit, Decimal]]
) -> list[Target]:
    """Break a movement target down into unit targets: each unit gets its own value, with
    the target's indicator, comparator and measure. Existing shares of a unit are updated."""
    check_allowed(actor, Movement, "change", obj=target.movement)
    target = lock(Target, target.pk)
    if target.level != Target.Level.MOVEMENT:
        raise ValidationError(_("Only a movement target can be broken down into units."))
    participants = set(target.movement.participations.values_list("unit_id", flat=True))
    outside = [u.name for u, _value in shares if u.pk not in participants]
    if outside:
        raise ValidationError(
            _("These units do not take part in the movement: %(units)s.")
            % {"units": ", ".join(outside)}
        )
    existing = {t.unit_id: t for t in target.shares.all()}
    rows = []
    for unit, value in shares:
        share = existing.get(unit.pk) or Target(
            movement=target.movement, level=Target.Level.UNIT, parent=target, unit=unit
        )
        for name in TARGET_FIELDS:
            if name not in ("unit", "value", "value_max", "baseline", "order"):
                setattr(share, name, getattr(target, name))
        share.order = target.order
        share.value = value
        share.value_max = None
        _validate_target(share)
        share.save()
        rows.append(share)
    record(
        Action.UPDATE,
        target,
        actor=actor,
        after={"shares": {str(s.unit_id): format_number(s.value) for s in rows}},
    )
    return rows


# Registration --------------------------------------------------------------------------


def registration_window_check(movement: Movement, today: date) -> None:
    """Refuse, with the reason, a registration outside the movement's window."""
    if not movement.is_running:
        raise ValidationError(_("Registration is possible only while the movement is running."))
    if movement.registration_opens and today < movement.registration_opens:
        raise ValidationError(
            _("Registration opens on %(date)s.")
            % {"date": movement.registration_opens.strftime("%d/%m/%Y")}
        )
    if movement.registration_closes and today > movement.registration_closes:
        raise ValidationError(
            _("Registration closed on %(date)s.")
            % {"date": movement.registration_closes.strftime("%d/%m/%Y")}
        )


@dataclass(frozen=True)
class EntryRow:
    person: Person
    title: str


@transaction.atomic
def registration_save(
    *,
    actor: User | None,
    movement: Movement,
    unit: Unit,
    collective_title: str = "",
    note: str = "",
    entries: Sequence[EntryRow] = (),
    expected_version: int | None = None,
    submit: bool = False,
    today: date | None = None,
) -> Registration:
    """Create or change a unit's registration (draft), and submit it with ``submit``."""
    today = today or timezone.localdate()
    check_allowed(actor, Registration, "change", unit=unit)
    movement = Movement.objects.get(pk=movement.pk)
    if not movement.participations.filter(unit=unit).exists():
        raise ValidationError(_("This unit does not take part in the movement."))
    registration_window_check(movement, today)
    registration, created = Registration.objects.select_for_update().get_or_create(
        movement=movement, unit=unit
    )
    if not created:
        check_version(registration, expected_version)
    errors = []
    for entry in entries:
        if entry.person.unit_id != unit.pk:
            errors.append(
                _("%(name)s does not belong to %(unit)s.")
                % {"name": entry.person.full_name, "unit": unit.name}
            )
    people = [e.person.pk for e in entries]
    if len(people) != len(set(people)):
        errors.append(_("A person is listed twice."))
    if errors:
        raise ValidationError({"entries": errors})
    before = None if created else snapshot(registration) | _entries_snapshot(registration)
    registration.collective_title = collective_title
    registration.note = note
    registration.full_clean(exclude=["movement", "unit"])
    if submit:
        registration.status = Registration.Status.SUBMITTED
        registration.submitted_at = timezone.now()
        registration.submitted_by = actor
    if not created:
        registration.version += 1
    registration.save()
    registration.entries.all().delete()
    RegistrationEntry.objects.bulk_create(
        RegistrationEntry(registration=registration, person=e.person, title=e.title)
        for e in entries
    )
    after = snapshot(registration) | _entries_snapshot(registration)
    record(
        Action.CREATE if created else Action.UPDATE,
        registration,
        actor=actor,
        before=before,
        after=after,
    )
    return registration


def _entries_snapshot(registration: Registration) -> dict:
    return {
        "entries": [
            f"{e.person.full_name}: {e.title}"
            for e in registration.entries.select_related("person")
        ]
    }


# Pledges -------------------------------------------------------------------------------


def _attach_scan(pledge: Pledge, upload: UploadedFile | None) -> None:
    if upload is None:
        return
    checked = check_upload(upload, frozenset({"pdf", "jpg", "png"}))
    pledge.scan.save(checked.name, upload, save=False)
    pledge.scan_name = checked.name


@transaction.atomic
def pledge_create(
    *,
    actor: User | None,
    parties: Sequence[Unit],
    scan: UploadedFile | None = None,
    **fields,
) -> Pledge:
    check_allowed(actor, Pledge, "change", unit=fields["owner"])
    if len(parties) < 2 and not fields.get("movement"):
        raise ValidationError({"parties": _("A pledge has at least two parties.")})
    if not parties:
        raise ValidationError({"parties": _("Name the units that signed.")})
    pledge = Pledge()
    for name, value in fields.items():
        if name in PLEDGE_FIELDS:
            setattr(pledge, name, value)
    pledge.title_folded = fold(pledge.title)
    pledge.full_clean(exclude=["scan"])
    _attach_scan(pledge, scan)
    pledge.save()
    pledge.parties.set(parties)
    record(
        Action.CREATE,
        pledge,
        actor=actor,
        after=snapshot(pledge) | {"parties": sorted(u.pk for u in parties)},
    )
    return pledge


@transaction.atomic
def pledge_update(
    *,
    actor: User | None,
    pledge: Pledge,
    parties: Sequence[Unit] | None = None,
    scan: UploadedFile | None = None,
    expected_version: int | None = None,
    **fields,
) -> Pledge:
    check_allowed(actor, Pledge, "change", obj=pledge)
    pledge = lock(Pledge, pledge.pk)
    check_version(pledge, expected_version)
    if "owner" in fields and fields["owner"].pk != pledge.owner_id:
        check_allowed(actor, Pledge, "change", unit=fields["owner"])
    before = snapshot(pledge) | {"parties": sorted(pledge.parties.values_list("pk", flat=True))}
    for name, value in fields.items():
        if name in PLEDGE_FIELDS:
            setattr(pledge, name, value)
    pledge.title_folded = fold(pledge.title)
    pledge.full_clean(exclude=["scan"])
    _attach_scan(pledge, scan)
    pledge.version += 1
    pledge.save()
    if parties is not None:
        if not parties:
            raise ValidationError({"parties": _("Name the units that signed.")})
        pledge.parties.set(parties)
    after = snapshot(pledge) | {"parties": sorted(pledge.parties.values_list("pk", flat=True))}
    record(Action.UPDATE, pledge, actor=actor, before=before, after=after)
    return pledge


@transaction.atomic
def pledge_delete(*, actor: User | None, pledge: Pledge) -> None:
    check_allowed(actor, Pledge, "change", obj=pledge)
    pledge = lock(Pledge, pledge.pk)
    stored, storage = pledge.scan.name, pledge.scan.storage
    delete_and_record(pledge, actor=actor)
    if stored:
        transaction.on_commit(lambda: storage.delete(stored))


# Progress ------------------------------------------------------------------------------


def target_window(target: Target) -> tuple[date, date]:
    """The time a target has: from the movement's start to its due date or the end."""
    return target.movement.starts_on, target.due_on or target.movement.ends_on


def assess_report(
    target: Target,
    actual: Decimal | None,
    period_end: date,
    *,
    final: bool | None = None,
    today: date | None = None,
):
    """Judge a reported value. The report of the last period is final only once that
    period is over: reported early, it is judged at the pace of the days gone by."""
    today = today or timezone.localdate()
    start, end = target_window(target)
    if final is None:
        final = period_end >= end and today > end
    return completion.assess(
        completion.Goal.of(target),
        actual,
        elapsed=completion.elapsed_share(start, end, min(period_end, today)),
        final=final,
    )


def _refresh(target: Target, today: date | None = None) -> None:
    """Copy the latest report's figures onto the target, for dashboards."""
    latest = target.reports.order_by("-period_end").first()
    if latest is None:
        target.latest_actual = target.latest_period_end = target.completion = None
        target.status = TargetStatus.NOT_REPORTED
    else:
        verdict = assess_report(target, latest.actual, latest.period_end, today=today)
        target.latest_actual = latest.actual
        target.latest_period_end = latest.period_end
        target.completion = verdict.completion
        target.status = verdict.status
    target.save(update_fields=["latest_actual", "latest_period_end", "completion", "status"])


def _check_reportable(
    actor: User | None, target: Target, period_start: date, period_end: date, today: date
) -> Unit:
    movement = target.movement
    if movement.status == MovementStatus.CLOSED:
        raise ValidationError(_("The movement is closed; progress can no longer be reported."))
    if movement.status == MovementStatus.DRAFT:
        raise ValidationError(_("The movement has not been launched yet."))
    unit = target.unit or movement.issuer
    if actor is not None and not actor.holds("movements.progressreport", "change", unit):
        raise ValidationError(
            _("Your unit is not responsible for the target “%(target)s”.")
            % {"target": target.indicator}
        )
    valid = completion.periods(movement.report_frequency, movement.starts_on, movement.ends_on)
    if (period_start, period_end) not in valid:
        raise ValidationError(
            {
                "period_end": _("%(date)s is not the end of a reporting period of this movement.")
                % {"date": period_end.strftime("%d/%m/%Y")}
            }
        )
    if period_start > today:
        raise ValidationError(
            {"period_end": _("The period has not started yet; it cannot be reported.")}
        )
    return unit


def _check_actual(target: Target, actual: Decimal) -> None:
    # Only a share whose goal is the whole of it is known to lie within 0–100%: a rate in
    # per cent (growth, say) may be negative or above 100.
    goal = completion.Goal.of(target)
    if goal.capped and actual > completion.HUNDRED:
        raise ValidationError({"actual": _("A share cannot be more than 100%.")})
    if goal.capped and actual < 0:
        raise ValidationError({"actual": _("A share cannot be negative.")})


@transaction.atomic
def progress_report_save(
    *,
    actor: User | None,
    target: Target,
    period_end: date,
    actual: Decimal,
    comment: str = "",
    files: Sequence[UploadedFile] = (),
    expected_version: int | None = None,
    today: date | None = None,
) -> ProgressReport:
    """Report (or correct) a target's actual value for the period ending ``period_end``.

    A second officer saving a report opened before the first one's save is refused, and
    the figures on the target are recomputed.
    """
    today = today or timezone.localdate()
    target = lock(Target, target.pk)
    movement = target.movement
    period = completion.period_for(
        movement.report_frequency, movement.starts_on, movement.ends_on, period_end
    )
    period_start = period[0] if period else period_end
    unit = _check_reportable(actor, target, period_start, period_end, today)
    actual = Decimal(actual)
    _check_actual(target, actual)
    checked = [check_upload(f) for f in files]
    report = (
        ProgressReport.objects.select_for_update()
        .filter(target=target, period_end=period_end)
        .first()
    )
    created = report is None
    if created:
        report = ProgressReport(
            target=target, unit=unit, period_start=period_start, period_end=period_end
        )
        before = None
    else:
        check_version(report, expected_version)
        before = snapshot(report)
        report.version += 1
    verdict = assess_report(target, actual, period_end, today=today)
    report.actual = actual
    report.comment = comment
    report.completion = verdict.completion
    report.status = verdict.status
    report.reported_by = actor
    report.save()
    for upload, info in zip(files, checked, strict=True):
        evidence = Evidence(
            report=report,
            original_name=info.name,
            content_type=info.content_type,
            size=info.size,
            uploaded_by=actor,
        )
        evidence.file.save(info.name, upload, save=False)
        evidence.save()
    _refresh(target, today)
    after = snapshot(report) | {"evidence": [e.original_name for e in report.evidence.all()]}
    record(
        Action.CREATE if created else Action.UPDATE,
        report,
        actor=actor,
        before=before,
        after=after,
        object_repr=f"{target.indicator} – {period_end:%d/%m/%Y}",
    )
    return report


@dataclass(frozen=True)
class ImportRow:
    """One row of a progress workbook, already parsed."""

    line: int
    target: Target
    period_end: date
    actual: Decimal
    comment: str = ""


@transaction.atomic
def progress_import(
    *, actor: User | None, movement: Movement, rows: Sequence[ImportRow], today: date | None = None
) -> int:
    """Save many reports at once, all or nothing: one refused row refuses the file, with
    every row's problem listed."""
    today = today or timezone.localdate()
    # Judge the rows on the movement and targets as stored, not on the caller's copies
    # (which may predate the launch or the closing).
    movement = lock(Movement, movement.pk)
    stored = Target.objects.filter(movement=movement).in_bulk({r.target.pk for r in rows})
    for target in stored.values():
        target.movement = movement
    rows = [replace(r, target=stored[r.target.pk]) if r.target.pk in stored else r for r in rows]
    if movement.status in (MovementStatus.CLOSED, MovementStatus.DRAFT):
        raise ValidationError(
            _("The movement is closed; progress can no longer be reported.")
            if movement.is_closed
            else _("The movement has not been launched yet.")
        )
    errors = []
    seen = set()
    periods = completion.periods(movement.report_frequency, movement.starts_on, movement.ends_on)
    starts = {end: start for start, end in periods}
    checked = []
    for row in rows:
        key = (row.target.pk, row.period_end)
        try:
            if row.target.movement_id != movement.pk:
                raise ValidationError(_("The target is not part of this movement."))
            if key in seen:
                raise ValidationError(_("This target and period appear twice in the file."))
            seen.add(key)
            unit = _check_reportable(
                actor, row.target, starts.get(row.period_end, row.period_end), row.period_end, today
            )
            _check_actual(row.target, row.actual)
            checked.append((row, unit))
        except ValidationError as error:
            for message in error.messages:
                errors.append(
                    _("Row %(line)s: %(message)s") % {"line": row.line, "message": message}
                )
    if errors:
        raise ValidationError(errors)
    existing = {
        (r.target_id, r.period_end): r
        for r in ProgressReport.objects.select_for_update().filter(
            target__movement=movement, target_id__in={r.target.pk for r, _u in checked}
        )
    }
    new, changed, audit_rows = [], [], []
    for row, unit in checked:
        verdict = assess_report(row.target, row.actual, row.period_end, today=today)
        report = existing.get((row.target.pk, row.period_end))
        if report is None:
            report = ProgressReport(
                target=row.target,
                unit=unit,
                period_start=starts[row.period_end],
                period_end=row.period_end,
            )
            new.append(report)
        else:
            report.version += 1
            changed.append(report)
        report.actual = row.actual
        report.comment = row.comment
        report.completion = verdict.completion
        report.status = verdict.status
        report.reported_by = actor
    ProgressReport.objects.bulk_create(new, batch_size=1000)
    ProgressReport.objects.bulk_update(
        changed,
        ["actual", "comment", "completion", "status", "reported_by", "version"],
        batch_size=1000,
    )
    for report in new + changed:
        audit_rows.append(
            (
                report,
                {
                    "target": report.target_id,
                    "period_end": report.period_end.isoformat(),
                    "actual": format_number(report.actual),
                },
            )
        )
    record_many(Action.IMPORT, audit_rows, actor=actor)
    for target in {row.target.pk: row.target for row, _u in checked}.values():
        _refresh(target, today)
    return len(checked)


# Reviews and closing -------------------------------------------------------------------


@transaction.atomic
def review_create(
    *,
    actor: User | None,
    movement: Movement,
    kind: str,
    held_on: date,
    title: str,
    conclusions: str = "",
) -> Review:
    """Record a review. An interim review (sơ kết) marks the movement reviewed; the final
    one (tổng kết) closes it and settles every target as met or not met."""
    check_allowed(actor, Movement, "change", obj=movement)
    movement = lock(Movement, movement.pk)
    review = Review(
        movement=movement,
        kind=kind,
        held_on=held_on,
        title=title,
        conclusions=conclusions,
        created_by=actor,
    )
    review.full_clean()
    to_status = MovementStatus.CLOSED if kind == Review.Kind.FINAL else MovementStatus.REVIEWED
    _transition(movement, to_status, actor=actor, note=title)
    review.save()
    record(Action.CREATE, review, actor=actor, after=snapshot(review))
    if to_status == MovementStatus.CLOSED:
        _settle(movement, actor=actor)
    notify(
        _officers_of(Unit.objects.filter(participations__movement=movement)),
        subject=_("%(kind)s: %(title)s") % {"kind": review.get_kind_display(), "title": title},
        body=conclusions[:2000],
        url=_movement_url(movement),
        about=movement,
    )
    return review


def _settle(movement: Movement, *, actor: User | None) -> None:
    """Closing leaves nothing "in progress": each target becomes met or not met."""
    targets = list(movement.targets.select_related("movement"))
    latest = {}
    for report in ProgressReport.objects.filter(target__movement=movement).order_by("period_end"):
        latest[report.target_id] = report
    settled = []
    for target in targets:
        report = latest.get(target.pk)
        verdict = assess_report(
            target,
            report.actual if report else None,
            report.period_end if report else movement.ends_on,
            final=True,
        )
        target.completion = verdict.completion
        target.status = TargetStatus.MET if verdict.met else TargetStatus.MISSED
        target.settled = True
        settled.append(target)
    Target.objects.bulk_update(settled, ["completion", "status", "settled"], batch_size=500)
    record(
        Action.UPDATE,
        movement,
        actor=actor,
        after={
            "settled": {
                "met": sum(t.status == TargetStatus.MET for t in settled),
                "missed": sum(t.status == TargetStatus.MISSED for t in settled),
            }
        },
    )
