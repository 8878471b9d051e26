"""The signed-in user's own notifications: the list, opening one, marking all read."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_http_methods

from thidua.core.views import paginate, render_page

from .models import Notification
from .services import notification_mark_read


@login_required
@require_http_methods(["GET"])
def notification_list(request: HttpRequest) -> HttpResponse:
    """Newest first; ``?unread=1`` shows only the unread ones."""
    rows = Notification.objects.for_user(request.user)
    only_unread = request.GET.get("unread") == "1"
    if only_unread:
        rows = rows.unread()
    page = paginate(request, rows.order_by("-created_at", "-pk"))
    context = {"page": page, "only_unread": only_unread}
    return render_page(request, "notifications/notification_list.html", context, partial="list")


@login_required
@require_http_methods(["GET"])
def notification_open(request: HttpRequest, pk: int) -> HttpResponse:
    """Mark one of the user's notifications read and follow its link; someone else's
    notification does not exist for this user."""
    notification = Notification.objects.for_user(request.user).filter(pk=pk).first()
    if notification is None:
        raise Http404
    if notification.read_at is None:
        notification_mark_read(user=request.user, ids=[notification.pk])
    url = notification.url
    if url and url_has_allowed_host_and_scheme(
        url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return redirect(url)
    return redirect("notifications:list")


@login_required
@require_http_methods(["POST"])
def notification_read(request: HttpRequest) -> HttpResponse:
    """Mark all the user's notifications read."""
    count = notification_mark_read(user=request.user)
    if count:
        messages.success(
            request,
            ngettext(
                "%(count)s notification marked read.",
                "%(count)s notifications marked read.",
                count,
            )
            % {"count": count},
        )
    else:
        messages.info(request, _("There was nothing unread."))
    return redirect("notifications:list")
