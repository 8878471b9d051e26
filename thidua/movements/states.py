"""The movement status machine: one table of allowed transitions.

nháp → phát động → sơ kết (can repeat) → tổng kết. A draft can be deleted, a launched
movement cannot go back to draft (participants have been told), and a closed one is
final.
"""

from __future__ import annotations

from .models import MovementStatus as S

TRANSITIONS: dict[str, frozenset[str]] = {
    S.DRAFT: frozenset({S.LAUNCHED}),
    S.LAUNCHED: frozenset({S.REVIEWED, S.CLOSED}),
    S.REVIEWED: frozenset({S.REVIEWED, S.CLOSED}),
    S.CLOSED: frozenset(),
}


def can_move(from_status: str, to_status: str) -> bool:
    return to_status in TRANSITIONS.get(from_status, frozenset())
