"""The public verification page of a certificate (``/verify/<token>/``).

Anyone who scans the QR code of a certificate lands here without signing in. The page
says whether the award is valid or revoked and shows only what the certificate itself
prints: the recipient's name and unit, the title or form, the decision's number and date
(and the date of revoking). Nothing else about the person, not the reason for revoking.

The token is 128 random bits (:func:`thidua.awards.models.new_verify_token`), never an
id; an unknown, malformed or not-yet-issued token gets the same plain 404; and lookups
are limited per client address, so the space cannot be walked.
"""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_http_methods

from thidua.awards.verification import no_store, over_limit, public_facts


@require_http_methods(["GET", "HEAD"])
def verify(request: HttpRequest, token: str) -> HttpResponse:
    if over_limit(request):
        response = render(request, "portal/verify_limited.html", status=429)
        response["Retry-After"] = "60"
        return no_store(response)
    facts = public_facts(token)
    if facts is None:
        return no_store(render(request, "portal/verify_missing.html", status=404))
    return no_store(render(request, "portal/verify.html", {"facts": facts}))
