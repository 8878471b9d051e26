"""Access rows for the notification pages: every signed-in user has their own list, and
someone else's notification looks missing."""

from __future__ import annotations

from thidua.notifications.models import Notification
from thidua.notifications.services import notify

from ..access import HIDDEN, OK, ROLES, Route, everyone


def world_extras(world) -> None:
    """One unread notification for every account; the unit officer's and the other
    officer's are named so the rows can open them as someone else."""
    mine = {}
    for role, user in world.users.items():
        (mine[role],) = notify(
            [user],
            subject=f"Phong trào mới ({role})",
            body="Đơn vị tham gia phong trào; đăng ký và báo cáo tiến độ trên thidua.",
            url="/movements/",
        )
    world.extra.update(
        notifications=mine,
        notification_inside=mine["unit_officer"],
        notification_outside=mine["other_officer"],
    )


def _own(w, me):
    if me is None:
        return {"pk": w.extra["notification_inside"].pk}
    return {"pk": Notification.objects.filter(recipient=me).earliest("pk").pk}


def _unread(w, me):
    return Notification.objects.filter(recipient=me, read_at__isnull=True).count() if me else 0


def _only(owner: str) -> dict:
    return {role: OK if role == owner else HIDDEN for role in ROLES}


ROUTES = [
    Route("notification list", "notifications:list", everyone()),
    Route("notification list unread", "notifications:list", everyone(), query={"unread": "1"}),
    Route("notification open own", "notifications:open", everyone(), kwargs=_own),
    Route(
        "notification open the unit officer's",
        "notifications:open",
        _only("unit_officer"),
        kwargs=lambda w, me: {"pk": w.extra["notification_inside"].pk},
    ),
    Route(
        "notification open the other officer's",
        "notifications:open",
        _only("other_officer"),
        kwargs=lambda w, me: {"pk": w.extra["notification_outside"].pk},
    ),
    Route(
        "notifications mark all read",
        "notifications:read",
        everyone(),
        method="POST",
        state=_unread,
    ),
]
