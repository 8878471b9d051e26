"""Keeping the catalogue's entries defined by law in line with the rule data file."""

from __future__ import annotations

from decimal import Decimal

from django.db import transaction

from .models import AwardType, Subject
from .rules.data import RuleData, load

COEFFICIENT_FIELDS = {
    Subject.INDIVIDUAL: "coefficient_individual",
    Subject.COLLECTIVE: "coefficient_collective",
    Subject.HOUSEHOLD: "coefficient_household",
}


def entry_fields(entry: dict, rules: RuleData) -> dict:
    """The AwardType field values of one catalogue entry of the data file."""
    subjects = set(entry["subjects"])
    coefficients = entry.get("coefficients") or {}
    ballot = entry.get("ballot")
    if isinstance(ballot, str):  # a parameter key: the value in force today
        from django.utils import timezone

        ballot = rules.value(ballot, timezone.localdate())
    fields = {
        "name": entry["name"],
        "category": entry["category"],
        "level": entry["level"],
        "for_individual": Subject.INDIVIDUAL in subjects,
        "for_collective": Subject.COLLECTIVE in subjects,
        "for_household": Subject.HOUSEHOLD in subjects,
        "authorities": list(entry.get("authorities", [])),
        "kinds": list(entry.get("kinds", [])),
        "certificate_kind": entry["certificate"],
        "ballot_required": ballot is not None,
        "ballot_threshold": Decimal(str(ballot)) if ballot is not None else None,
        "legal_basis": entry.get("legal_basis", ""),
        "confidence": entry.get("confidence", ""),
        "is_builtin": True,
    }
    for subject, name in COEFFICIENT_FIELDS.items():
        value = coefficients.get(subject)
        fields[name] = Decimal(str(value)) if value is not None else None
    return fields


@transaction.atomic
def sync_catalogue(rules: RuleData | None = None) -> int:
    """Create or update the built-in entries from the data file; returns how many changed.

    Whether an entry is shown (``is_active``) is the secretariat's choice and is kept.
    """
    rules = rules or load()
    changed = 0
    existing = {t.code: t for t in AwardType.objects.filter(is_builtin=True)}
    for order, entry in enumerate(rules.catalogue, start=1):
        fields = entry_fields(entry, rules) | {"sort_order": order * 10}
        current = (
            existing.get(entry["code"]) or AwardType.objects.filter(code=entry["code"]).first()
        )
        if current is None:
            AwardType.objects.create(code=entry["code"], **fields)
            changed += 1
            continue
        if any(getattr(current, name) != value for name, value in fields.items()):
            for name, value in fields.items():
                setattr(current, name, value)
            current.save()
            changed += 1
    return changed


def sync_after_migrate(sender, using="default", **kwargs) -> None:
    if using != "default":
        return
    sync_catalogue()
