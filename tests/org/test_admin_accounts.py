"""The secretariat manages accounts, but cannot take over an administrator's account.

It may not grant the administrator role; setting an administrator's password (then signing
in as them) or disabling the account would get round that rule.
"""

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from thidua.org import services
from thidua.org.models import User

from ..conftest import PASSWORD, client_for
from ..factories import UserFactory

NEW_PASSWORD = "Khen-Thuong#2026"


def _reloaded(user: User) -> User:
    return User.objects.get(pk=user.pk)


@pytest.fixture
def superuser(tree):
    return UserFactory(username="root", unit=tree.home_affairs, is_superuser=True, is_staff=True)


@pytest.mark.parametrize("target", ["admin", "superuser"])
def test_secretariat_cannot_set_an_administrators_password(users, superuser, target, audit_log):
    account = users["admin"] if target == "admin" else superuser
    response = client_for(users["secretariat"]).post(
        reverse("org:user_password", args=[account.pk]),
        {"password1": NEW_PASSWORD, "password2": NEW_PASSWORD},
    )
    assert response.status_code == 403
    assert _reloaded(account).check_password(PASSWORD)
    assert audit_log(action="password_change") == []
    with pytest.raises(PermissionDenied):
        services.user_set_password(actor=users["secretariat"], user=account, password=NEW_PASSWORD)


@pytest.mark.parametrize("target", ["admin", "superuser"])
def test_secretariat_cannot_disable_or_move_an_administrator(users, tree, superuser, target):
    account = users["admin"] if target == "admin" else superuser
    response = client_for(users["secretariat"]).post(
        reverse("org:user_edit", args=[account.pk]),
        {"full_name": "Đổi tên", "email": "", "unit": tree.commune.pk},
    )
    # Refused outright (the edit page does not even open), nothing is saved.
    assert response.status_code == 403
    assert (
        client_for(users["secretariat"])
        .get(reverse("org:user_edit", args=[account.pk]))
        .status_code
        == 403
    )
    account = _reloaded(account)
    assert account.is_active
    assert account.unit_id == tree.home_affairs.pk
    assert account.full_name != "Đổi tên"
    with pytest.raises(PermissionDenied):
        services.user_update(actor=users["secretariat"], user=account, is_active=False)
    assert _reloaded(account).is_active


def test_secretariat_still_manages_other_accounts(users):
    officer = users["unit_officer"]
    client = client_for(users["secretariat"])
    response = client.post(
        reverse("org:user_password", args=[officer.pk]),
        {"password1": NEW_PASSWORD, "password2": NEW_PASSWORD},
    )
    assert response.status_code == 302
    assert _reloaded(officer).check_password(NEW_PASSWORD)
    # Peers of the secretariat too: that is the job.
    leader = users["leader"]
    services.user_update(actor=users["secretariat"], user=leader, full_name="Chủ tịch")
    assert _reloaded(leader).full_name == "Chủ tịch"


def test_an_administrator_manages_administrators(users, superuser):
    admin = users["admin"]
    services.user_set_password(actor=admin, user=superuser, password=NEW_PASSWORD)
    assert _reloaded(superuser).check_password(NEW_PASSWORD)
    services.user_update(actor=superuser, user=admin, full_name="Quản trị")
    assert _reloaded(admin).full_name == "Quản trị"
