"""Walk the audit chain and report the first entry that was altered or removed."""

from __future__ import annotations

from dataclasses import dataclass

from .models import GENESIS_HASH, AuditEntry, AuditHead


@dataclass
class ChainProblem:
    seq: int
    message: str


def verify_chain(chunk_size: int = 2000) -> tuple[int, ChainProblem | None]:
    """Return (entries checked, first problem or None)."""
    expected_seq = 1
    prev_hash = GENESIS_HASH
    checked = 0
    for entry in AuditEntry.objects.order_by("seq").iterator(chunk_size=chunk_size):
        if entry.seq != expected_seq:
            return checked, ChainProblem(
                expected_seq,
                f"entry #{expected_seq} is missing (removed); the next entry is #{entry.seq}",
            )
        if entry.prev_hash != prev_hash:
            return checked, ChainProblem(
                entry.seq,
                f"entry #{entry.seq} does not follow the previous entry "
                "(the previous entry was altered or removed)",
            )
        if entry.compute_hash() != entry.hash:
            return checked, ChainProblem(entry.seq, f"entry #{entry.seq} was altered")
        prev_hash = entry.hash
        expected_seq += 1
        checked += 1
    head = AuditHead.objects.filter(pk=1).first()
    last_seq = expected_seq - 1
    if head is not None and (head.seq != last_seq or head.hash != prev_hash):
        if head.seq > last_seq:
            return checked, ChainProblem(
                last_seq + 1, f"entries #{last_seq + 1}…#{head.seq} were removed from the end"
            )
        return checked, ChainProblem(head.seq, "the chain head does not match the last entry")
    return checked, None
