"""Reading the audit log, scoped to the units the user serves."""

from __future__ import annotations

from datetime import date, datetime, time

from django.db import models
from django.db.models import Q, QuerySet
from django.utils import timezone

from .models import AuditEntry


def entries_for(obj: models.Model) -> QuerySet[AuditEntry]:
    """The history of one object ("Lịch sử thay đổi" tab); the caller has checked access."""
    return AuditEntry.objects.filter(
        object_type=obj._meta.label_lower, object_id=str(obj.pk)
    ).order_by("-seq")


def audit_list(
    user,
    *,
    actor: str = "",
    action: str = "",
    object_type: str = "",
    object_id: str = "",
    date_from: date | None = None,
    date_to: date | None = None,
    query: str = "",
) -> QuerySet[AuditEntry]:
    queryset = AuditEntry.objects.restrict(user, "view")
    if actor:
        queryset = queryset.filter(actor_repr__icontains=actor)
    if action:
        queryset = queryset.filter(action=action)
    if object_type:
        queryset = queryset.filter(object_type=object_type)
    if object_id:
        queryset = queryset.filter(object_id=object_id)
    tz = timezone.get_current_timezone()
    if date_from:
        queryset = queryset.filter(at__gte=datetime.combine(date_from, time.min, tzinfo=tz))
    if date_to:
        queryset = queryset.filter(at__lte=datetime.combine(date_to, time.max, tzinfo=tz))
    if query:
        queryset = queryset.filter(
            Q(object_repr__icontains=query) | Q(ip=query) | Q(request_id=query)
        )
    return queryset.order_by("-seq")
