"""The REST API under /api/v1/: one NinjaAPI that mounts each app's router."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.utils.translation import gettext as _
from ninja import NinjaAPI
from ninja.errors import AuthenticationError

from thidua.awards.api import router as awards_router
from thidua.movements.api import router as movements_router
from thidua.org.api import router as org_router

from .auth import SessionAuth, TokenAuth

api = NinjaAPI(
    title="thidua API",
    version="1.0.0",
    description=(
        "Hệ thống quản lý thi đua – khen thưởng. Authenticate with the browser session or a "
        "personal token (`Authorization: Bearer td_…`) created on the account page. Every "
        "endpoint sees exactly what the same user sees in the pages."
    ),
    auth=[TokenAuth(), SessionAuth()],
    urls_namespace="api-1.0.0",
)


@api.exception_handler(ValidationError)
def validation_error(request, exc: ValidationError):
    errors = exc.message_dict if hasattr(exc, "error_dict") else {"__all__": exc.messages}
    return api.create_response(request, {"detail": errors}, status=422)


@api.exception_handler(PermissionDenied)
def permission_denied(request, exc):
    return api.create_response(request, {"detail": _("You may not do this.")}, status=403)


@api.exception_handler(Http404)
def not_found(request, exc):
    return api.create_response(request, {"detail": _("Not found.")}, status=404)


@api.exception_handler(AuthenticationError)
def unauthorized(request, exc):
    return api.create_response(
        request, {"detail": _("Sign in or send a valid API token.")}, status=401
    )


api.add_router("/org/", org_router)
api.add_router("/", movements_router)
api.add_router("/awards/", awards_router)
