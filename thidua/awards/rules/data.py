"""The rule data file (``thidua/awards/data/rules.yaml``) and its province overlay.

Numbers the law sets — base salary by date, rounding, thresholds, year counts — are read
from here by effective date, never written into code. A province's own file
(``data/provinces/<CODE>.yaml``) overlays the national one: its parameter versions and
catalogue entries take precedence.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from decimal import Decimal
from functools import cache
from pathlib import Path
from typing import Any

import yaml
from django.conf import settings

DATA_DIR = Path(__file__).resolve().parent.parent / "data"


@dataclass(frozen=True)
class Version:
    """One value of a parameter, in force from ``starts`` until the next version."""

    starts: datetime.date
    value: Any
    source: str = ""
    confidence: str = ""
    changes_2026: bool = False


@dataclass(frozen=True)
class RuleData:
    base_salary: tuple[Version, ...]
    round_up_to: int
    household_multiplier: Decimal
    money_source: str
    parameters: dict[str, tuple[Version, ...]]
    catalogue: tuple[dict, ...]
    province: str = ""
    files: tuple[str, ...] = field(default_factory=tuple)

    def version(self, key: str, on: datetime.date) -> Version:
        """The version of parameter ``key`` in force on ``on``."""
        try:
            versions = self.parameters[key]
        except KeyError:
            raise KeyError(f"unknown rule parameter {key!r}") from None
        in_force = [v for v in versions if v.starts <= on]
        if not in_force:
            raise LookupError(f"rule parameter {key!r} has no value in force on {on}")
        return in_force[-1]

    def value(self, key: str, on: datetime.date) -> Any:
        return self.version(key, on).value

    def base_salary_on(self, on: datetime.date) -> Version:
        in_force = [v for v in self.base_salary if v.starts <= on]
        if not in_force:
            raise LookupError(f"no base salary in force on {on}")
        return in_force[-1]


def _versions(rows: list[dict], value_key: str = "value") -> tuple[Version, ...]:
    versions = [
        Version(
            starts=row["from"],
            value=row[value_key],
            source=row.get("source") or row.get("instrument", ""),
            confidence=row.get("confidence", ""),
            changes_2026=bool(row.get("changes_2026", False)),
        )
        for row in rows
    ]
    return tuple(sorted(versions, key=lambda v: v.starts))


def _read(path: Path) -> dict:
    with path.open(encoding="utf-8") as handle:
        return yaml.safe_load(handle) or {}


def build(national: dict, overlay: dict | None = None, province: str = "") -> RuleData:
    """Merge ``overlay`` over ``national``: versions of a parameter are combined (the
    overlay's win on the same date), catalogue entries are replaced or added by code."""
    overlay = overlay or {}
    parameters: dict[str, tuple[Version, ...]] = {}
    for key, rows in national.get("parameters", {}).items():
        parameters[key] = _versions(rows)
    for key, rows in overlay.get("parameters", {}).items():
        merged = {v.starts: v for v in parameters.get(key, ())}
        merged.update({v.starts: v for v in _versions(rows)})
        parameters[key] = tuple(sorted(merged.values(), key=lambda v: v.starts))
    catalogue = {entry["code"]: entry for entry in national.get("catalogue", [])}
    for entry in overlay.get("catalogue", []):
        catalogue[entry["code"]] = {**catalogue.get(entry["code"], {}), **entry}
    money = {**national.get("money", {}), **overlay.get("money", {})}
    salary_rows = overlay.get("base_salary") or national.get("base_salary", [])
    return RuleData(
        base_salary=_versions(salary_rows, "vnd"),
        round_up_to=int(money.get("round_up_to", 10000)),
        household_multiplier=Decimal(str(money.get("household_multiplier", "1.5"))),
        money_source=money.get("source", ""),
        parameters=parameters,
        catalogue=tuple(catalogue.values()),
        province=province,
    )


@cache
def load(province: str | None = None) -> RuleData:
    """The rule data for ``province`` (default: ``settings.THIDUA_PROVINCE_CODE``)."""
    province = settings.THIDUA_PROVINCE_CODE if province is None else province
    national = _read(DATA_DIR / "rules.yaml")
    overlay_path = DATA_DIR / "provinces" / f"{province}.yaml"
    overlay = _read(overlay_path) if province and overlay_path.exists() else None
    return build(national, overlay, province)
