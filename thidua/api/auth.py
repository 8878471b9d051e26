"""API authentication: the browser session (with CSRF) or a personal token."""

from __future__ import annotations

from django.utils import timezone
from ninja.security import APIKeyCookie, HttpBearer

from thidua.org.models import ApiToken


class TokenAuth(HttpBearer):
    """``Authorization: Bearer td_…`` — a personal token created on the account page."""

    def authenticate(self, request, token: str):
        if not token:
            return None
        found = (
            ApiToken.objects.active()
            .select_related("user", "user__unit")
            .filter(key_hash=ApiToken.hash_key(token))
            .first()
        )
        if found is None or not found.user.is_active:
            return None
        # Touch last use at most once a minute, not on every call.
        now = timezone.now()
        if found.last_used_at is None or (now - found.last_used_at).total_seconds() > 60:
            ApiToken.objects.filter(pk=found.pk).update(last_used_at=now)
        request.user = found.user
        return found.user


class SessionAuth(APIKeyCookie):
    """The signed-in browser session; unsafe methods need the CSRF token."""

    param_name = "sessionid"

    def __init__(self):
        super().__init__(csrf=True)

    def authenticate(self, request, key):
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated and user.is_active:
            return user
        return None
