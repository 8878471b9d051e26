"""Who and where a change comes from, set once per request so services never take it."""

from __future__ import annotations

import contextvars
from dataclasses import dataclass


@dataclass(frozen=True)
class AuditContext:
    request_id: str = ""
    ip: str | None = None
    user_agent: str = ""


_EMPTY = AuditContext()
_current: contextvars.ContextVar[AuditContext | None] = contextvars.ContextVar(
    "thidua_audit_context", default=None
)


def current() -> AuditContext:
    return _current.get() or _EMPTY


def set_context(context: AuditContext) -> contextvars.Token:
    return _current.set(context)


def reset_context(token: contextvars.Token) -> None:
    _current.reset(token)
