"""The unread count for the bell in the navbar."""

from __future__ import annotations

from django.utils.functional import SimpleLazyObject

from .models import Notification


def notifications(request):
    """``unread_notifications``: counted (one query) only when a template shows it."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}
    return {
        "unread_notifications": SimpleLazyObject(
            lambda: Notification.objects.for_user(user).unread().count()
        )
    }
