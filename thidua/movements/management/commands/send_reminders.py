"""``manage.py send_reminders``: the daily reminders and escalations of the movements."""

from __future__ import annotations

from datetime import date

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from thidua.movements.reminders import escalate_after, send_reminders


class Command(BaseCommand):
    help = (
        "Remind units that have not registered for a movement after registration closed, "
        "or not reported progress after a period's due date, and tell their heads when "
        "they are still late THIDUA_ESCALATE_AFTER_DAYS days later. Safe to run any number "
        "of times: what was sent is recorded and never sent again. Run it once a day, "
        "from cron:\n"
        "  30 7 * * *  cd /srv/thidua && .venv/bin/python manage.py send_reminders\n"
        "or from Celery beat, with a task that calls "
        "django.core.management.call_command('send_reminders') on "
        "celery.schedules.crontab(hour=7, minute=30)."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--date",
            help="Act as if today were this day (YYYY-MM-DD); default: today.",
        )

    def handle(self, *args, **options):
        today = timezone.localdate()
        if options["date"]:
            try:
                today = date.fromisoformat(options["date"])
            except ValueError as exc:
                raise CommandError(f"--date: {options['date']!r} is not YYYY-MM-DD.") from exc
        summary = send_reminders(today)
        self.stdout.write(f"{today:%d/%m/%Y} (escalation after {escalate_after()} days): {summary}")
