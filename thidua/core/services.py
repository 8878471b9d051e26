"""Pieces every app's services share."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied


def check_allowed(user, model, action: str, obj=None, unit=None) -> None:
    """Raise PermissionDenied unless ``user`` may do ``action`` on ``obj`` (through the
    model's scoped queryset) or on ``model`` objects inside ``unit``.

    ``user`` is None for system jobs (demo data, management commands, scheduled jobs).
    """
    if user is None:
        return
    if obj is not None and not model.objects.restrict(user, action).filter(pk=obj.pk).exists():
        raise PermissionDenied
    if unit is not None and not user.holds(model._meta.label_lower, action, unit):
        raise PermissionDenied


def lock(model, pk):
    """The row, locked for update until the transaction ends."""
    return model.objects.select_for_update().get(pk=pk)
