"""Writing to the audit log. Every service that changes state calls :func:`record`."""

from __future__ import annotations

import ipaddress
import json
from collections.abc import Iterable

from django.core.serializers.json import DjangoJSONEncoder
from django.db import models, transaction
from django.utils import timezone

from .context import current
from .models import GENESIS_HASH, Action, AuditEntry, AuditHead


def to_json(value):
    """Return ``value`` as plain JSON data, so the stored entry hashes as it was written."""
    if value is None:
        return None
    return json.loads(json.dumps(value, cls=DjangoJSONEncoder, ensure_ascii=False))


def snapshot(obj: models.Model, fields: Iterable[str] | None = None) -> dict:
    """The concrete field values of ``obj`` (foreign keys as ids), for before/after."""
    data = {}
    for field in obj._meta.concrete_fields:
        if fields is not None and field.name not in fields:
            continue
        if field.name in {"created_at", "updated_at"}:
            continue
        if field.name == "password":
            continue
        value = field.value_from_object(obj)
        if isinstance(field, models.FileField):
            value = value.name or ""  # the stored name, not the file
        data[field.attname if field.is_relation else field.name] = value
    return to_json(data)


def _normal_ip(ip: str | None) -> str | None:
    if not ip:
        return None
    try:
        return str(ipaddress.ip_address(ip))
    except ValueError:
        return None


def record(
    action: str,
    obj: models.Model | None = None,
    *,
    actor=None,
    before: dict | None = None,
    after: dict | None = None,
    object_type: str = "",
    object_id: str | int = "",
    object_repr: str = "",
    unit_path: str | None = None,
) -> AuditEntry:
    """Append one entry to the chain, inside the caller's transaction.

    The head row is locked for update, so concurrent writers queue up and the chain
    stays linear; if the caller's transaction rolls back, the entry goes with it.
    """
    entry = _entry(
        action,
        obj,
        actor=actor,
        before=before,
        after=after,
        object_type=object_type,
        object_id=object_id,
        object_repr=object_repr,
        unit_path=unit_path,
    )
    return _append([entry])[0]


def delete_and_record(obj: models.Model, *, actor=None) -> AuditEntry:
    """Delete ``obj`` and append its DELETE entry with the snapshot it had."""
    before = snapshot(obj)
    object_type, object_id = obj._meta.label_lower, obj.pk
    object_repr, unit_path = str(obj), audit_unit_path(obj)
    obj.delete()
    return record(
        Action.DELETE,
        actor=actor,
        before=before,
        object_type=object_type,
        object_id=object_id,
        object_repr=object_repr,
        unit_path=unit_path,
    )


def record_many(
    action: str, objects: list[tuple[models.Model, dict | None]], *, actor=None
) -> list[AuditEntry]:
    """Append one entry per ``(object, after)`` with a single lock of the head.

    For bulk writes (imports): the same entries as :func:`record` would write, at a
    fraction of the queries.
    """
    entries = [_entry(action, obj, actor=actor, after=after) for obj, after in objects]
    return _append(entries)


def _entry(
    action: str,
    obj: models.Model | None = None,
    *,
    actor=None,
    before: dict | None = None,
    after: dict | None = None,
    object_type: str = "",
    object_id: str | int = "",
    object_repr: str = "",
    unit_path: str | None = None,
) -> AuditEntry:
    if obj is not None:
        object_type = object_type or obj._meta.label_lower
        object_id = object_id or obj.pk
        object_repr = object_repr or str(obj)
        if unit_path is None:
            unit_path = audit_unit_path(obj)
    if unit_path is None and actor is not None and getattr(actor, "unit_id", None):
        unit_path = actor.unit.path
    context = current()
    has_actor = actor is not None and actor.pk
    return AuditEntry(
        actor=actor if has_actor else None,
        actor_repr=(actor.get_username() if has_actor else "")[:200],
        ip=_normal_ip(context.ip),
        request_id=context.request_id,
        action=action,
        object_type=object_type,
        object_id=str(object_id or ""),
        object_repr=str(object_repr)[:300],
        unit_path=unit_path or "",
        before=to_json(before),
        after=to_json(after),
    )


def _append(entries: list[AuditEntry]) -> list[AuditEntry]:
    """Number and chain ``entries`` after the head, under the head's row lock."""
    if not entries:
        return []
    with transaction.atomic():
        head = AuditHead.objects.select_for_update().filter(pk=1).first()
        if head is None:
            AuditHead.objects.get_or_create(pk=1, defaults={"seq": 0, "hash": GENESIS_HASH})
            head = AuditHead.objects.select_for_update().get(pk=1)
        now = timezone.now()
        seq, prev_hash = head.seq, head.hash
        for entry in entries:
            seq += 1
            entry.seq, entry.at, entry.prev_hash = seq, now, prev_hash
            entry.hash = prev_hash = entry.compute_hash()
        if len(entries) == 1:
            entries[0].save()
        else:
            AuditEntry.objects.bulk_create(entries, batch_size=500)
        head.seq, head.hash = seq, prev_hash
        head.save(update_fields=["seq", "hash"])
    return entries


def audit_unit_path(obj: models.Model) -> str:
    """The unit path an object is scoped by, read from its ``scope_path_field``."""
    field = getattr(obj, "scope_path_field", None)
    if not field:
        return ""
    value = obj
    for part in field.split("__"):
        value = getattr(value, part, None)
        if value is None:
            return ""
    return str(value)
