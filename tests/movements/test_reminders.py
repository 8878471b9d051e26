"""Reminders and escalation (``send_reminders``): late registrations and late progress
reports are reminded once, escalated to the unit's leaders and address after
THIDUA_ESCALATE_AFTER_DAYS, and a second run sends nothing new. Dates are explicit."""

from __future__ import annotations

import io
from datetime import date
from decimal import Decimal

import pytest
from django.core import mail
from django.core.management import call_command
from django.core.management.base import CommandError

from thidua.audit.models import Action, AuditEntry
from thidua.movements import services
from thidua.movements.models import Reminder, Review
from thidua.movements.reminders import send_reminders
from thidua.notifications.models import Notification
from thidua.org.models import Unit
from thidua.org.roles import Role

from ..factories import UserFactory, grant
from .factories import make_movement

YEAR = 2025
CLOSES = date(YEAR, 3, 31)  # registration closes
Q1 = date(YEAR, 3, 31)
Q1_DUE = date(YEAR, 4, 10)  # ten days after the quarter
R = Reminder


@pytest.fixture(autouse=True)
def _five_days(settings):
    settings.THIDUA_ESCALATE_AFTER_DAYS = 5


@pytest.fixture
def heads(tree):
    """Leaders granted on Sở GD&ĐT and on Sở Y tế; Sở Y tế has its own address."""
    Unit.objects.filter(pk=tree.health.pk).update(email="vanthu@syt.example.vn")
    education = UserFactory(username="giamdoc_sgd", unit=tree.education, email="gd@sgd.example")
    grant(education, Role.LEADER, tree.education)
    health = UserFactory(username="giamdoc_syt", unit=tree.health)
    grant(health, Role.LEADER, tree.health)
    return {"education": education, "health": health}


@pytest.fixture
def fx(tree, heads):
    """The 2025 movement: registration closed on 31/03, quarterly reports due 10 days
    after each quarter. Sở GD&ĐT has submitted its registration."""
    fx = make_movement(tree, year=YEAR, registration_closes=CLOSES)
    services.registration_save(
        actor=None,
        movement=fx.movement,
        unit=tree.education,
        collective_title="ttldxs",
        submit=True,
        today=date(YEAR, 2, 1),
    )
    return fx


def sent(**filters) -> set[tuple[int, str, str, date]]:
    return set(
        Reminder.objects.filter(**filters).values_list("unit_id", "kind", "level", "period_end")
    )


def inbox(user) -> list[Notification]:
    return list(Notification.objects.filter(recipient=user).order_by("pk"))


def test_nothing_before_registration_closes(fx):
    summary = send_reminders(CLOSES)
    assert (summary.reminders, summary.escalations) == (0, 0)
    assert not Reminder.objects.exists()


def test_units_that_did_not_register_are_reminded_once(fx, tree, users, audit_log):
    summary = send_reminders(date(YEAR, 4, 1))
    # The school and Sở Y tế did not submit; Sở GD&ĐT did.
    assert sent() == {
        (tree.school.pk, R.Kind.REGISTRATION, R.Level.REMIND, CLOSES),
        (tree.health.pk, R.Kind.REGISTRATION, R.Level.REMIND, CLOSES),
    }
    assert (summary.reminders, summary.escalations) == (2, 0)
    # Sở Y tế's officer hears about Sở Y tế; the school has no officer of its own, so
    # Sở GD&ĐT's officer (granted with its sub-units) hears about the school.
    assert [n.url for n in inbox(users["other_officer"])] == [
        f"/movements/{fx.movement.pk}/register/{tree.health.pk}/"
    ]
    assert [tree.school.name in n.subject for n in inbox(users["unit_officer"])] == [True]
    assert not inbox(users["leader"])
    entries = audit_log(action=Action.REMIND)
    assert len(entries) == 2
    assert {e.unit_path for e in entries} == {tree.school.path, tree.health.path}

    again = send_reminders(date(YEAR, 4, 1))
    assert (again.reminders, again.escalations, again.notifications) == (0, 0, 0)
    assert Reminder.objects.count() == 2
    assert len(audit_log(action=Action.REMIND)) == 2
    assert len(inbox(users["other_officer"])) == 1


def test_still_missing_after_five_days_is_escalated(
    fx, tree, users, heads, django_capture_on_commit_callbacks
):
    send_reminders(date(YEAR, 4, 1))
    # Five days after the deadline it is not yet time.
    assert send_reminders(date(YEAR, 4, 5)).escalations == 0
    with django_capture_on_commit_callbacks(execute=True):
        summary = send_reminders(date(YEAR, 4, 6))
    assert summary.escalations == 2
    assert sent(level=R.Level.ESCALATE) == {
        (tree.school.pk, R.Kind.REGISTRATION, R.Level.ESCALATE, CLOSES),
        (tree.health.pk, R.Kind.REGISTRATION, R.Level.ESCALATE, CLOSES),
    }
    # Sở Y tế's leader is told, and Sở Y tế's own address gets an e-mail.
    assert len(inbox(heads["health"])) == 1
    assert not inbox(heads["education"])  # the school is not Sở GD&ĐT itself
    to_unit = [m for m in mail.outbox if m.to == ["vanthu@syt.example.vn"]]
    assert len(to_unit) == 1
    assert tree.health.name in to_unit[0].subject
    assert summary.emails == 1
    # And only once.
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        again = send_reminders(date(YEAR, 4, 7))
    assert (again.reminders, again.escalations, again.emails) == (0, 0, 0)
    assert not mail.outbox


def test_a_unit_that_registers_meanwhile_is_not_escalated(fx, tree, heads):
    send_reminders(date(YEAR, 4, 1))
    services.registration_save(
        actor=None, movement=fx.movement, unit=tree.health, submit=True, today=CLOSES
    )
    send_reminders(date(YEAR, 4, 10))
    assert sent(level=R.Level.ESCALATE) == {
        (tree.school.pk, R.Kind.REGISTRATION, R.Level.ESCALATE, CLOSES)
    }
    assert not inbox(heads["health"])


def test_the_wait_is_a_setting(fx, tree, settings):
    settings.THIDUA_ESCALATE_AFTER_DAYS = 2
    send_reminders(date(YEAR, 4, 1))
    assert send_reminders(date(YEAR, 4, 2)).escalations == 0
    assert send_reminders(date(YEAR, 4, 3)).escalations == 2


def test_late_progress_reports_are_reminded_per_responsible_unit(fx, tree, users):
    services.progress_report_save(
        actor=None,
        target=fx.schools,
        period_end=Q1,
        actual=Decimal("50"),
        today=date(YEAR, 4, 2),
    )
    send_reminders(Q1_DUE)  # the due date itself: not late yet
    assert not sent(kind=R.Kind.REPORT)
    summary = send_reminders(date(YEAR, 4, 11))
    # Sở GD&ĐT reported; Sở Y tế (beds) and the issuer (the province-wide growth) did not.
    assert sent(kind=R.Kind.REPORT) == {
        (tree.health.pk, R.Kind.REPORT, R.Level.REMIND, Q1),
        (tree.committee.pk, R.Kind.REPORT, R.Level.REMIND, Q1),
    }
    assert summary.reminders == 2
    health = [n for n in inbox(users["other_officer"]) if fx.beds.indicator in n.body]
    assert len(health) == 1
    assert health[0].url == f"/movements/{fx.movement.pk}/progress/"
    # The committee has no officer of its own: the secretariat (granted on the province
    # with its sub-units) is reminded of the province-wide target.
    assert any(fx.growth.indicator in n.body for n in inbox(users["secretariat"]))
    assert not any(fx.beds.indicator in n.body for n in inbox(users["unit_officer"]))
    # Idempotent.
    assert send_reminders(date(YEAR, 4, 11)).reminders == 0


def test_late_progress_is_escalated_after_the_wait(fx, tree, heads, users):
    send_reminders(date(YEAR, 4, 11))
    send_reminders(date(YEAR, 4, 15))
    assert not sent(kind=R.Kind.REPORT, level=R.Level.ESCALATE)
    send_reminders(date(YEAR, 4, 16))
    escalated = sent(kind=R.Kind.REPORT, level=R.Level.ESCALATE)
    assert {(unit, period) for unit, _k, _l, period in escalated} == {
        (tree.education.pk, Q1),
        (tree.health.pk, Q1),
        (tree.committee.pk, Q1),
    }
    assert any(fx.beds.indicator in n.body for n in inbox(heads["health"]))
    assert any(fx.schools.indicator in n.body for n in inbox(heads["education"]))


def test_several_late_periods_make_one_message_per_unit(fx, tree, users):
    summary = send_reminders(date(YEAR, 10, 15))  # Q1, Q2 and Q3 are all overdue
    health = sent(unit=tree.health, kind=R.Kind.REPORT)
    assert {period for *_rest, period in health} == {Q1, date(YEAR, 6, 30), date(YEAR, 9, 30)}
    messages = [n for n in inbox(users["other_officer"]) if fx.beds.indicator in n.body]
    assert len(messages) == 1
    assert summary.reminders == len(sent(kind=R.Kind.REPORT)) + len(sent(kind=R.Kind.REGISTRATION))


def test_closed_and_draft_movements_are_left_alone(tree):
    draft = make_movement(tree, launch=False, year=YEAR, title="Nháp")
    closed = make_movement(tree, year=YEAR, title="Đã tổng kết")
    services.review_create(
        actor=None,
        movement=closed.movement,
        kind=Review.Kind.FINAL,
        held_on=date(YEAR, 12, 31),
        title="Tổng kết",
    )
    summary = send_reminders(date(YEAR + 1, 6, 1))
    assert summary.movements == 0
    assert not Reminder.objects.filter(movement__in=[draft.movement, closed.movement]).exists()


def test_the_command_prints_a_summary_and_takes_a_date(fx):
    out = io.StringIO()
    call_command("send_reminders", "--date", "2025-04-01", stdout=out)
    assert "01/04/2025" in out.getvalue()
    assert Reminder.objects.count() == 2
    assert AuditEntry.objects.filter(action=Action.REMIND).count() == 2
    with pytest.raises(CommandError):
        call_command("send_reminders", "--date", "1/4/2025", stdout=io.StringIO())
