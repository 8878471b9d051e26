"""Roles and what each may do, per model and action.

A grant gives a user a role on a unit, with or without its subtree. Later apps add
their models to ``PERMISSIONS`` with :func:`allow`, so scoping stays in one table.
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    ADMIN = "admin", _("Administrator")
    SECRETARIAT = "secretariat", _("Secretariat (Emulation and Commendation Board)")
    UNIT_OFFICER = "unit_officer", _("Unit officer")
    BLOCK_HEAD = "block_head", _("Block head")
    COUNCIL_MEMBER = "council_member", _("Council member")
    LEADER = "leader", _("Leader")


ALL_ROLES = frozenset(Role.values)

# model label → action → roles that may do it (within the units they are granted).
PERMISSIONS: dict[str, dict[str, frozenset[str]]] = {}


def allow(label: str, action: str, *roles: str) -> None:
    PERMISSIONS.setdefault(label, {})[action] = frozenset(roles)


allow("org.unit", "view", *ALL_ROLES)
allow("org.unit", "change", Role.SECRETARIAT)
allow("org.person", "view", *ALL_ROLES)
allow("org.person", "change", Role.SECRETARIAT, Role.UNIT_OFFICER)
allow("org.user", "view", Role.SECRETARIAT)
allow("org.user", "change", Role.SECRETARIAT)
allow("audit.auditentry", "view", Role.SECRETARIAT)

# Roles the secretariat may hand out; only an administrator grants administrators.
GRANTABLE_BY_SECRETARIAT = frozenset(ALL_ROLES - {Role.ADMIN})


def roles_for(label: str, action: str) -> frozenset[str]:
    return PERMISSIONS.get(label, {}).get(action, frozenset())
