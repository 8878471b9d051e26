"""E-mail for notifications. Runs in a Celery worker, or inline without a broker."""

from __future__ import annotations

from celery import shared_task
from django.conf import settings
from django.core.mail import send_mass_mail

from .models import Notification


@shared_task
def send_notification_emails(ids: list[int]) -> int:
    rows = list(
        Notification.objects.filter(pk__in=ids, emailed=False)
        .exclude(recipient__email="")
        .select_related("recipient")
    )
    messages = []
    for n in rows:
        link = f"\n\n{settings.THIDUA_BASE_URL.rstrip('/')}{n.url}" if n.url else ""
        messages.append(
            (n.subject, f"{n.body}{link}", settings.DEFAULT_FROM_EMAIL, [n.recipient.email])
        )
    sent = send_mass_mail(messages, fail_silently=False)
    Notification.objects.filter(pk__in=[n.pk for n in rows]).update(emailed=True)
    return sent
