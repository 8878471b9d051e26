"""Sending notifications: one row per recipient, then e-mail after the transaction commits."""

from __future__ import annotations

from collections.abc import Iterable

from django.db import transaction
from django.utils import timezone

from thidua.audit.models import Action
from thidua.audit.services import record

from .models import Notification


def notify(
    recipients: Iterable,
    *,
    subject: str,
    body: str = "",
    url: str = "",
    about=None,
) -> list[Notification]:
    """Notify each active recipient in the app, and by e-mail once the caller's
    transaction has committed (a rolled-back change sends nothing)."""
    seen: set[int] = set()
    rows = []
    object_type = about._meta.label_lower if about is not None else ""
    object_id = str(about.pk) if about is not None else ""
    for user in recipients:
        if user is None or not user.is_active or user.pk in seen:
            continue
        seen.add(user.pk)
        rows.append(
            Notification(
                recipient=user,
                subject=subject[:255],
                body=body,
                url=url,
                object_type=object_type,
                object_id=object_id,
            )
        )
    created = Notification.objects.bulk_create(rows)
    ids = [n.pk for n in created if n.recipient.email]
    if ids:
        from .tasks import send_notification_emails

        transaction.on_commit(lambda: send_notification_emails.delay(ids))
    return created


@transaction.atomic
def notification_mark_read(*, user, ids: Iterable[int] | None = None) -> int:
    """Mark the user's notifications read (all of them when ``ids`` is None)."""
    rows = Notification.objects.for_user(user).unread()
    if ids is not None:
        rows = rows.filter(pk__in=list(ids))
    marked = sorted(rows.values_list("pk", flat=True))
    if not marked:
        return 0
    Notification.objects.filter(pk__in=marked).update(read_at=timezone.now())
    record(
        Action.UPDATE,
        actor=user,
        object_type="notifications.notification",
        object_id=marked[0] if len(marked) == 1 else "",
        object_repr=f"{len(marked)} notifications read",
        after={"read": marked},
        unit_path=user.unit.path if user.unit_id else None,
    )
    return len(marked)
