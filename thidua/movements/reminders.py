"""Reminders and escalation for late registrations and late progress reports.

:func:`send_reminders` is run once a day (``manage.py send_reminders``, from cron or
Celery beat). For every running movement:

* **Registration.** Once registration has closed, each participating unit without a
  submitted registration gets a reminder, sent to its officers. When it is still
  missing ``THIDUA_ESCALATE_AFTER_DAYS`` days later, the unit's leaders and the unit's
  own e-mail address are told (escalation).
* **Progress.** For each reporting period whose due date
  (:func:`~thidua.movements.completion.due_date`) has passed, each unit responsible for
  a target without a report for that period gets a reminder listing what is missing;
  escalation follows in the same way.

Who is reminded: the unit officers (and secretariat) granted on the unit itself; when
nobody is, those granted on the nearest unit above it with its sub-units (so the
province-wide targets, reported by the issuer's side, reach the secretariat). Who is
told on escalation: the leaders granted on the unit itself, and ``Unit.email``.

Each reminder is one :class:`~thidua.movements.models.Reminder` row (unique per
movement, unit, kind, level and period) and one audit entry (``Action.REMIND``), so a
second run the same day, or a rerun after a failure, sends nothing twice. An escalation
needs a reminder sent by an earlier run: a unit is never reminded and escalated at once.
"""

from __future__ import annotations

import logging
from collections import defaultdict
from dataclasses import dataclass
from datetime import date, timedelta

from django.conf import settings
from django.core.mail import send_mass_mail
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils.translation import gettext as _

from thidua.audit.models import Action
from thidua.audit.services import record
from thidua.notifications.services import notify
from thidua.org.models import Grant, Unit, User
from thidua.org.roles import Role

from . import completion
from .models import Movement, MovementStatus, ProgressReport, Registration, Reminder, Target

logger = logging.getLogger(__name__)

OFFICER_ROLES = (Role.UNIT_OFFICER, Role.SECRETARIAT)


@dataclass
class Summary:
    movements: int = 0
    reminders: int = 0  # Reminder rows at the "remind" level
    escalations: int = 0  # Reminder rows at the "escalate" level
    notifications: int = 0  # in-app notifications (each also e-mailed if the user has an address)
    emails: int = 0  # messages to units' own addresses

    def __str__(self) -> str:
        return _(
            "%(movements)s running movements checked: %(reminders)s reminders and "
            "%(escalations)s escalations sent (%(notifications)s notifications, "
            "%(emails)s e-mails to units)."
        ) % {
            "movements": self.movements,
            "reminders": self.reminders,
            "escalations": self.escalations,
            "notifications": self.notifications,
            "emails": self.emails,
        }


def escalate_after() -> int:
    return int(getattr(settings, "THIDUA_ESCALATE_AFTER_DAYS", 5))


def send_reminders(today: date) -> Summary:
    """Send what is due on ``today`` for every running movement; see the module doc."""
    summary = Summary()
    running = Movement.objects.filter(
        status__in=(MovementStatus.LAUNCHED, MovementStatus.REVIEWED)
    ).order_by("pk")
    for movement_id in running.values_list("pk", flat=True):
        with transaction.atomic():
            # One run at a time per movement: a second run waits, then sees the rows.
            movement = (
                Movement.objects.select_for_update().select_related("issuer").get(pk=movement_id)
            )
            if not movement.is_running:
                continue
            _Run(movement, today, summary).send()
        summary.movements += 1
    return summary


@dataclass
class _Due:
    """What one unit is reminded of: the periods (or the closed registration) and, for
    progress, the targets missing in each."""

    unit: Unit
    kind: str
    level: str
    items: dict[date, list[str]]  # period_end → indicators (empty for a registration)


class _Run:
    def __init__(self, movement: Movement, today: date, summary: Summary):
        self.movement = movement
        self.today = today
        self.summary = summary
        self.wait = timedelta(days=escalate_after())
        # What earlier runs sent: (unit_id, kind, level, period_end).
        self.sent = set(
            Reminder.objects.filter(movement=movement).values_list(
                "unit_id", "kind", "level", "period_end"
            )
        )

    # What is due -------------------------------------------------------------------

    def _levels(self, unit_id: int, kind: str, period_end: date, deadline: date) -> list[str]:
        """The levels due for one unit and period: a reminder the day after the deadline,
        an escalation ``wait`` days after that when an earlier run sent the reminder."""
        levels = []
        if self.today <= deadline:
            return levels
        reminded = (unit_id, kind, Reminder.Level.REMIND, period_end) in self.sent
        if not reminded:
            levels.append(Reminder.Level.REMIND)
        elif (
            self.today > deadline + self.wait
            and (unit_id, kind, Reminder.Level.ESCALATE, period_end) not in self.sent
        ):
            levels.append(Reminder.Level.ESCALATE)
        return levels

    def registration_due(self) -> list[_Due]:
        closes = self.movement.registration_closes
        if closes is None or self.today <= closes:
            return []
        registered = set(
            Registration.objects.filter(
                movement=self.movement, status=Registration.Status.SUBMITTED
            ).values_list("unit_id", flat=True)
        )
        units = Unit.objects.filter(participations__movement=self.movement, is_active=True).exclude(
            pk__in=registered
        )
        due = []
        for unit in units.order_by("path"):
            for level in self._levels(unit.pk, Reminder.Kind.REGISTRATION, closes, closes):
                due.append(_Due(unit, Reminder.Kind.REGISTRATION, level, {closes: []}))
        return due

    def progress_due(self) -> list[_Due]:
        movement = self.movement
        periods = [
            (start, end, completion.due_date(end, movement.report_due_days))
            for start, end in completion.periods(
                movement.report_frequency, movement.starts_on, movement.ends_on
            )
        ]
        periods = [p for p in periods if p[2] < self.today]
        if not periods:
            return []
        targets = list(
            Target.objects.filter(movement=movement, settled=False)
            .select_related("unit")
            .order_by("order", "pk")
        )
        reported = set(
            ProgressReport.objects.filter(
                target__movement=movement, period_end__in=[end for _s, end, _d in periods]
            ).values_list("target_id", "period_end")
        )
        # (unit_id, level) → period_end → indicators
        missing: dict[tuple[int, str], dict[date, list[str]]] = defaultdict(dict)
        units: dict[int, Unit] = {}
        for start, end, deadline in periods:
            for target in targets:
                if target.due_on is not None and target.due_on < start:
                    continue  # the target's time was over before this period
                if (target.pk, end) in reported:
                    continue
                unit = target.unit or movement.issuer
                if not unit.is_active:
                    continue
                units[unit.pk] = unit
                for level in self._levels(unit.pk, Reminder.Kind.REPORT, end, deadline):
                    missing[(unit.pk, level)].setdefault(end, []).append(target.indicator)
        return [
            _Due(units[unit_id], Reminder.Kind.REPORT, level, items)
            for (unit_id, level), items in sorted(
                missing.items(), key=lambda item: (units[item[0][0]].path, item[0][1])
            )
        ]

    # Sending -------------------------------------------------------------------------

    def send(self) -> None:
        due = self.registration_due() + self.progress_due()
        if not due:
            return
        officers, leaders = _recipients([d.unit for d in due])
        emails = []
        for item in due:
            periods = self._record(item)
            if not periods:
                continue  # another run sent them meanwhile
            subject, body, url = self._message(item, periods)
            escalate = item.level == Reminder.Level.ESCALATE
            recipients = leaders.get(item.unit.pk, []) if escalate else officers[item.unit.pk]
            sent = notify(recipients, subject=subject, body=body, url=url, about=self.movement)
            self.summary.notifications += len(sent)
            if escalate and item.unit.email:
                link = f"{settings.THIDUA_BASE_URL.rstrip('/')}{url}"
                emails.append(
                    (subject, f"{body}\n\n{link}", settings.DEFAULT_FROM_EMAIL, [item.unit.email])
                )
            if escalate:
                self.summary.escalations += len(periods)
            else:
                self.summary.reminders += len(periods)
        if emails:
            self.summary.emails += len(emails)
            transaction.on_commit(lambda: _mail(emails))

    def _record(self, item: _Due) -> list[date]:
        """Write the Reminder rows and their audit entries; the periods actually new."""
        new = []
        for period_end in sorted(item.items):
            try:
                with transaction.atomic():
                    reminder = Reminder.objects.create(
                        movement=self.movement,
                        unit=item.unit,
                        kind=item.kind,
                        level=item.level,
                        period_end=period_end,
                    )
            except IntegrityError:
                continue
            record(
                Action.REMIND,
                reminder,
                actor=None,
                object_repr=f"{self.movement.title[:200]} – {item.unit.name}",
                unit_path=item.unit.path,
                after={
                    "movement": self.movement.pk,
                    "unit": item.unit.pk,
                    "kind": item.kind,
                    "level": item.level,
                    "period_end": period_end.isoformat(),
                    "targets": item.items[period_end],
                },
            )
            self.sent.add((item.unit.pk, item.kind, item.level, period_end))
            new.append(period_end)
        return new

    def _message(self, item: _Due, periods: list[date]) -> tuple[str, str, str]:
        movement, unit = self.movement, item.unit
        escalate = item.level == Reminder.Level.ESCALATE
        names = {"unit": unit.name, "movement": movement.title}
        if item.kind == Reminder.Kind.REGISTRATION:
            closes = periods[0].strftime("%d/%m/%Y")
            if escalate:
                subject = _("Overdue: %(unit)s has not registered for “%(movement)s”") % names
                body = _(
                    "Registration for the movement “%(movement)s” closed on %(date)s. "
                    "%(unit)s was reminded and has still not submitted its registration."
                ) % {**names, "date": closes}
            else:
                subject = _("Reminder: register %(unit)s for “%(movement)s”") % names
                body = _(
                    "Registration for the movement “%(movement)s” closed on %(date)s and "
                    "%(unit)s has not submitted its registration. Please submit it now."
                ) % {**names, "date": closes}
            url = reverse("movements:register", args=[movement.pk, unit.pk])
            return subject, body, url
        lines = []
        for period_end in periods:
            lines.append(
                _("%(period)s (due %(date)s): %(targets)s")
                % {
                    "period": completion.period_label(movement.report_frequency, period_end),
                    "date": completion.due_date(period_end, movement.report_due_days).strftime(
                        "%d/%m/%Y"
                    ),
                    "targets": "; ".join(item.items[period_end]),
                }
            )
        if escalate:
            subject = _("Overdue: progress reports of %(unit)s for “%(movement)s”") % names
            intro = (
                _(
                    "%(unit)s was reminded and has still not reported progress on the movement "
                    "“%(movement)s”:"
                )
                % names
            )
        else:
            subject = _("Reminder: progress reports of %(unit)s for “%(movement)s”") % names
            intro = (
                _("These progress reports of %(unit)s on the movement “%(movement)s” are overdue:")
                % names
            )
        body = intro + "\n" + "\n".join(f"- {line}" for line in lines)
        return subject, body, reverse("movements:progress", args=[movement.pk])


def _recipients(units: list[Unit]) -> tuple[dict[int, list[User]], dict[int, list[User]]]:
    """Officers (granted on the unit, else on the nearest unit above it with its
    sub-units) and leaders (granted on the unit) of each of ``units``, in one query."""
    ids = {pk for unit in units for pk in (*unit.ancestor_ids, unit.pk)}
    grants = (
        Grant.objects.filter(
            unit_id__in=ids,
            role__in=(*OFFICER_ROLES, Role.LEADER),
            user__is_active=True,
            unit__is_active=True,
        )
        .select_related("user")
        .order_by("user__username")
    )
    by_unit: dict[tuple[int, str], list[Grant]] = defaultdict(list)
    for grant in grants:
        kind = "leader" if grant.role == Role.LEADER else "officer"
        by_unit[(grant.unit_id, kind)].append(grant)
    officers: dict[int, list[User]] = {}
    leaders: dict[int, list[User]] = {}
    for unit in units:
        if unit.pk in officers:
            continue
        leaders[unit.pk] = [g.user for g in by_unit[(unit.pk, "leader")]]
        found = [g.user for g in by_unit[(unit.pk, "officer")]]
        for ancestor in reversed(unit.ancestor_ids):
            if found:
                break
            found = [g.user for g in by_unit[(ancestor, "officer")] if g.with_subtree]
        officers[unit.pk] = found
    return officers, leaders


def _mail(messages: list[tuple[str, str, str, list[str]]]) -> None:
    try:
        send_mass_mail(messages, fail_silently=False)
    except Exception:  # an unreachable mail server must not stop the daily run
        logger.exception("Could not send %s reminder e-mails to units", len(messages))
