"""Public verification of a certificate: what anyone scanning its QR code may learn.

Shared by the public page (:mod:`thidua.portal.views`) and the API
(``GET /api/v1/awards/verify/{token}``), so both show the same facts and share one rate
limit. The token is 128 random bits (:func:`thidua.awards.models.new_verify_token`), never
an id; an unknown, malformed or not-yet-issued token finds nothing; lookups are limited
per client address, so the token space cannot be walked.
"""

from __future__ import annotations

import re
import time
from dataclasses import dataclass
from datetime import date

from django.conf import settings
from django.core.cache import cache
from django.utils import timezone

from thidua.audit.middleware import client_ip

from .models import Award, DecisionStatus

# secrets.token_urlsafe(16): 22 characters of the URL-safe base64 alphabet.
TOKEN_RE = re.compile(r"[A-Za-z0-9_-]{16,32}")


@dataclass(frozen=True)
class PublicFacts:
    """Only what the certificate prints, and whether it still holds."""

    name: str
    unit: str
    title: str
    period: str
    decision_number: str
    decision_date: date
    revoked: bool
    revoked_on: date | None


def over_limit(request) -> bool:
    """Count this lookup for the client's address in the current minute; True past
    ``THIDUA_VERIFY_RATE_PER_MINUTE``."""
    key = f"verify:{client_ip(request) or 'unknown'}:{int(time.time() // 60)}"
    cache.add(key, 0, timeout=120)
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, timeout=120)
        count = 1
    return count > settings.THIDUA_VERIFY_RATE_PER_MINUTE


def public_facts(token: str) -> PublicFacts | None:
    """The facts of the issued award with this token, or None."""
    if not TOKEN_RE.fullmatch(token or ""):
        return None
    award = (
        Award.objects.filter(verify_token=token, decision__status=DecisionStatus.ISSUED)
        .select_related("decision", "award_type")
        .first()
    )
    if award is None:
        return None
    unit = award.recipient_unit_name if award.recipient_unit_name != award.recipient_name else ""
    return PublicFacts(
        name=award.recipient_name,
        unit=unit,
        title=award.award_type.name,
        period=award.period_label,
        decision_number=award.decision.number,
        decision_date=award.decision.signed_on,
        revoked=award.revoked,
        revoked_on=timezone.localdate(award.revoked_at) if award.revoked_at else None,
    )


def no_store(response):
    """Headers of every verification answer: not cached, not indexed, no referrer."""
    response["Cache-Control"] = "no-store"
    response["X-Robots-Tag"] = "noindex, nofollow"
    response["Referrer-Policy"] = "no-referrer"
    return response
