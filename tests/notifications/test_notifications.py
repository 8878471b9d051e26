"""Notifications: each user's own list, opening one, marking all read, the navbar bell,
and the e-mail that goes with each notification once the change is committed."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from thidua.notifications.models import Notification
from thidua.notifications.services import notify
from thidua.notifications.tasks import send_notification_emails

from ..conftest import client_for
from ..movements.factories import make_movement

LIST = "/notifications/"


def _send(user, subject, url="/movements/", **extra):
    (notification,) = notify([user], subject=subject, body="Nội dung", url=url, **extra)
    return notification


def _age(notification, minutes):
    Notification.objects.filter(pk=notification.pk).update(
        created_at=timezone.now() - timedelta(minutes=minutes)
    )


# The list ---------------------------------------------------------------------------------


def test_list_shows_only_my_notifications_newest_first(users):
    officer, other = users["unit_officer"], users["other_officer"]
    old = _send(officer, "Nhắc báo cáo quý I")
    new = _send(officer, "Phong trào mới")
    _age(old, 60)
    theirs = _send(other, "Thông báo của Sở Y tế")

    response = client_for(officer).get(LIST)
    assert response.status_code == 200
    assert [n.pk for n in response.context["page"]] == [new.pk, old.pk]
    assert theirs.pk not in {n.pk for n in response.context["page"]}
    assert "Thông báo của Sở Y tế" not in response.content.decode()


def test_unread_ones_are_highlighted_and_can_be_listed_alone(users):
    officer = users["unit_officer"]
    read = _send(officer, "Đã đọc")
    unread = _send(officer, "Chưa đọc")
    Notification.objects.filter(pk=read.pk).update(read_at=timezone.now())
    client = client_for(officer)

    html = client.get(LIST).content.decode()
    assert html.count("data-unread") == 1
    assert f'href="{reverse("notifications:open", args=[unread.pk])}"' in html
    only = client.get(LIST, {"unread": "1"}).context["page"]
    assert [n.pk for n in only] == [unread.pk]


def test_htmx_request_gets_only_the_list(users):
    _send(users["unit_officer"], "Phong trào mới")
    response = client_for(users["unit_officer"]).get(LIST, {"unread": "1"}, HTTP_HX_REQUEST="true")
    html = response.content.decode()
    assert 'data-testid="notification"' in html
    assert "navbar" not in html
    assert "HX-Request" in response["Vary"]


def test_list_is_paginated_and_its_queries_do_not_grow(users, settings):
    settings.THIDUA_PAGE_SIZE = 5
    officer = users["unit_officer"]
    client = client_for(officer)

    def measure():
        client.get(LIST)
        with CaptureQueriesContext(connection) as queries:
            response = client.get(LIST)
        return len(queries.captured_queries), response

    for i in range(3):
        _send(officer, f"Thông báo {i}")
    few, response = measure()
    assert len(response.context["page"]) == 3
    for i in range(20):
        _send(officer, f"Thông báo thêm {i}")
    many, response = measure()
    assert len(response.context["page"]) == 5
    assert response.context["page"].paginator.num_pages == 5
    assert many == few


# Opening and reading ---------------------------------------------------------------------


def test_open_marks_read_and_follows_the_link(users):
    officer = users["unit_officer"]
    notification = _send(officer, "Phong trào mới", url="/movements/12/")
    response = client_for(officer).get(reverse("notifications:open", args=[notification.pk]))
    assert response.status_code == 302
    assert response["Location"] == "/movements/12/"
    notification.refresh_from_db()
    assert notification.read_at is not None


def test_someone_elses_notification_is_missing(users):
    theirs = _send(users["other_officer"], "Thông báo của Sở Y tế")
    response = client_for(users["unit_officer"]).get(
        reverse("notifications:open", args=[theirs.pk])
    )
    assert response.status_code == 404
    theirs.refresh_from_db()
    assert theirs.read_at is None


@pytest.mark.parametrize("url", ["https://evil.example/login", "//evil.example/", ""])
def test_open_never_leaves_the_site(users, url):
    officer = users["unit_officer"]
    notification = _send(officer, "Liên kết lạ", url=url)
    response = client_for(officer).get(reverse("notifications:open", args=[notification.pk]))
    assert response.status_code == 302
    assert response["Location"] == LIST


def test_mark_all_read_touches_only_mine(users):
    officer, other = users["unit_officer"], users["other_officer"]
    mine = [_send(officer, f"Thông báo {i}") for i in range(3)]
    theirs = _send(other, "Thông báo của Sở Y tế")
    client = client_for(officer)

    response = client.post(reverse("notifications:read"))
    assert response.status_code == 302
    assert not Notification.objects.filter(pk__in=[n.pk for n in mine], read_at=None).exists()
    theirs.refresh_from_db()
    assert theirs.read_at is None
    assert client.get(reverse("notifications:read")).status_code == 405


# The bell --------------------------------------------------------------------------------


def test_bell_shows_the_unread_count(users):
    officer = users["unit_officer"]
    client = client_for(officer)
    html = client.get("/").content.decode()
    assert 'data-testid="notifications-bell"' in html
    assert 'data-testid="unread-count"' not in html

    for i in range(3):
        _send(officer, f"Thông báo {i}")
    _send(users["other_officer"], "Không phải của tôi")
    html = client.get("/").content.decode()
    assert 'data-testid="unread-count">3<' in html

    client.post(reverse("notifications:read"))
    assert 'data-testid="unread-count"' not in client.get("/").content.decode()


def test_bell_costs_one_query_whatever_the_count(users):
    officer = users["unit_officer"]
    client = client_for(officer)

    def count_queries():
        client.get("/")
        with CaptureQueriesContext(connection) as queries:
            client.get("/")
        return [q["sql"] for q in queries.captured_queries]

    _send(officer, "Một")
    few = count_queries()
    for i in range(30):
        _send(officer, f"Thêm {i}")
    many = count_queries()
    assert len(many) == len(few)
    bell = [sql for sql in many if "notifications_notification" in sql]
    assert len(bell) == 1, bell


def test_bell_is_not_counted_when_no_page_shows_it(users, tree):
    """JSON endpoints and file downloads pay nothing for the navbar."""
    client = client_for(users["unit_officer"])
    with CaptureQueriesContext(connection) as queries:
        client.get(reverse("org:unit_lookup"), {"q": "so"})
    assert not [q for q in queries.captured_queries if "notifications_notification" in q["sql"]]


# E-mail ----------------------------------------------------------------------------------


def test_one_email_per_notification_to_those_with_an_address(
    users, mailoutbox, django_capture_on_commit_callbacks
):
    officer, other, leader = users["unit_officer"], users["other_officer"], users["leader"]
    officer.email = "canbo@sgddt.example.vn"
    officer.save()
    leader.email = "lanhdao@ubnd.example.vn"
    leader.is_active = False
    leader.save()

    with django_capture_on_commit_callbacks(execute=True):
        rows = notify(
            [officer, other, leader, officer],
            subject="Phong trào mới",
            body="Đơn vị tham gia phong trào.",
            url="/movements/1/",
        )
    # One row per active recipient; e-mail only to the one with an address.
    assert sorted(n.recipient_id for n in rows) == sorted([officer.pk, other.pk])
    assert len(mailoutbox) == 1
    message = mailoutbox[0]
    assert message.to == ["canbo@sgddt.example.vn"]
    assert message.subject == "Phong trào mới"
    assert "/movements/1/" in message.body
    assert Notification.objects.get(recipient=officer).emailed

    # Running the task again (a retry of the queued ids) sends nothing twice.
    send_notification_emails([n.pk for n in rows if n.recipient.email])
    assert len(mailoutbox) == 1


def test_no_email_when_the_change_rolls_back(users, mailoutbox, django_capture_on_commit_callbacks):
    officer = users["unit_officer"]
    officer.email = "canbo@sgddt.example.vn"
    officer.save()

    with (
        django_capture_on_commit_callbacks(execute=True) as callbacks,
        pytest.raises(RuntimeError),
        transaction.atomic(),
    ):
        notify([officer], subject="Sẽ không gửi")
        raise RuntimeError("the service failed after notifying")
    assert callbacks == []
    assert mailoutbox == []
    assert not Notification.objects.filter(recipient=officer).exists()


def test_launching_a_movement_notifies_the_participants(
    users, tree, mailoutbox, django_capture_on_commit_callbacks
):
    for role in ("unit_officer", "other_officer"):
        users[role].email = f"{role}@example.vn"
        users[role].save()
    with django_capture_on_commit_callbacks(execute=True):
        fixture = make_movement(tree)
    url = reverse("movements:detail", args=[fixture.movement.pk])
    for role in ("unit_officer", "other_officer"):
        (notification,) = Notification.objects.for_user(users[role])
        assert notification.url == url
        assert notification.object_id == str(fixture.movement.pk)
    assert sorted(m.to[0] for m in mailoutbox) == [
        "other_officer@example.vn",
        "unit_officer@example.vn",
    ]
    assert not Notification.objects.filter(recipient=users["no_role"]).exists()

    # The officer opens it from the list and lands on the movement.
    client = client_for(users["unit_officer"])
    (row,) = client.get(LIST).context["page"]
    response = client.get(reverse("notifications:open", args=[row.pk]))
    assert response["Location"] == url
