"""The secretariat manages accounts of the units it serves and their roles."""

import pytest
from django.contrib.auth import authenticate as django_authenticate
from django.test import RequestFactory
from django.urls import reverse

from thidua.org.models import Grant, User
from thidua.org.roles import Role

from ..conftest import client_for

NEW_PASSWORD = "Khen-Thuong#2026"


def authenticate(username: str, password: str):
    """Authenticate as the sign-in page does (django-axes wants the request)."""
    return django_authenticate(
        RequestFactory().post("/accounts/login/"), username=username, password=password
    )


def test_secretariat_creates_an_officer_account_with_a_role(users, tree, audit_log):
    response = client_for(users["secretariat"]).post(
        reverse("org:user_create"),
        {
            "username": "canbo_truong",
            "full_name": "Võ Thị Hồng",
            "email": "hong@example.vn",
            "unit": tree.school.pk,
            "role": Role.UNIT_OFFICER,
            "password1": NEW_PASSWORD,
            "password2": NEW_PASSWORD,
        },
    )
    assert response.status_code == 302, response.context["form"].errors
    account = User.objects.get(username="canbo_truong")
    assert account.unit == tree.school
    assert list(account.grants.values_list("role", "unit")) == [(Role.UNIT_OFFICER, tree.school.pk)]
    assert authenticate(username="canbo_truong", password=NEW_PASSWORD) == account
    (entry,) = audit_log(action="create", object_type="org.user")
    assert entry.actor == users["secretariat"]
    assert "password" not in entry.after
    assert entry.after["grants"] == [[Role.UNIT_OFFICER, tree.school.pk, True]]


def test_weak_password_is_refused_next_to_the_field(users, tree):
    response = client_for(users["secretariat"]).post(
        reverse("org:user_create"),
        {
            "username": "yeu",
            "full_name": "A",
            "unit": tree.school.pk,
            "password1": "12345678",
            "password2": "12345678",
        },
    )
    assert response.status_code == 200
    assert response.context["form"].errors["password1"]
    assert not User.objects.filter(username="yeu").exists()


def test_secretariat_cannot_grant_admin(users, tree):
    officer = users["unit_officer"]
    client_for(users["secretariat"]).post(
        reverse("org:grant_add", args=[officer.pk]),
        {"role": Role.ADMIN, "unit": tree.province.pk, "with_subtree": "on"},
    )
    assert not Grant.objects.filter(user=officer, role=Role.ADMIN).exists()


def test_grant_and_remove_a_role_changes_what_the_user_sees(users, tree, audit_log):
    officer = users["unit_officer"]
    secretariat = client_for(users["secretariat"])
    assert (
        client_for(officer).get(reverse("org:unit_detail", args=[tree.health.pk])).status_code
        == 404
    )
    secretariat.post(
        reverse("org:grant_add", args=[officer.pk]),
        {"role": Role.LEADER, "unit": tree.health.pk, "with_subtree": "on"},
    )
    assert (
        client_for(User.objects.get(pk=officer.pk))
        .get(reverse("org:unit_detail", args=[tree.health.pk]))
        .status_code
        == 200
    )
    grant = Grant.objects.get(user=officer, role=Role.LEADER)
    secretariat.post(reverse("org:grant_remove", args=[officer.pk, grant.pk]))
    assert (
        client_for(User.objects.get(pk=officer.pk))
        .get(reverse("org:unit_detail", args=[tree.health.pk]))
        .status_code
        == 404
    )
    assert [e.action for e in audit_log(object_type="org.grant")] == ["create", "delete"]


def test_disabled_account_cannot_sign_in(users):
    officer = users["unit_officer"]
    client_for(users["secretariat"]).post(
        reverse("org:user_edit", args=[officer.pk]),
        {"full_name": officer.full_name, "unit": officer.unit_id, "email": ""},
    )
    officer.refresh_from_db()
    assert officer.is_active is False
    assert authenticate(username=officer.username, password="Thidua#2026") is None


def test_secretariat_cannot_disable_itself(users):
    me = users["secretariat"]
    response = client_for(me).post(
        reverse("org:user_edit", args=[me.pk]), {"full_name": "X", "unit": me.unit_id}
    )
    assert response.status_code == 200
    me.refresh_from_db()
    assert me.is_active


@pytest.mark.parametrize(
    "role", ["unit_officer", "leader", "council_member", "block_head", "no_role"]
)
def test_other_roles_cannot_manage_accounts(clients, users, role):
    assert clients[role].get(reverse("org:user_list")).status_code == 403
    assert clients[role].get(reverse("org:user_create")).status_code == 403
    target = users["other_officer"]
    assert clients[role].post(
        reverse("org:user_password", args=[target.pk]),
        {"password1": NEW_PASSWORD, "password2": NEW_PASSWORD},
    ).status_code in (403, 404)
    assert authenticate(username=target.username, password=NEW_PASSWORD) is None


def test_secretariat_sets_a_password(users):
    target = users["other_officer"]
    client_for(users["secretariat"]).post(
        reverse("org:user_password", args=[target.pk]),
        {"password1": NEW_PASSWORD, "password2": NEW_PASSWORD},
    )
    assert authenticate(username=target.username, password=NEW_PASSWORD) == target


def test_secretariat_unlocks_a_locked_account(users, client, audit_log):
    officer = users["unit_officer"]
    for _ in range(5):
        client.post(reverse("login"), {"username": officer.username, "password": "wrong"})
    assert (
        client.post(
            reverse("login"), {"username": officer.username, "password": "Thidua#2026"}
        ).status_code
        == 429
    )
    secretariat = client_for(users["secretariat"])
    assert secretariat.get(reverse("org:user_detail", args=[officer.pk])).context["locked"] is True
    secretariat.post(reverse("org:user_unlock", args=[officer.pk]))
    assert secretariat.get(reverse("org:user_detail", args=[officer.pk])).context["locked"] is False
    response = client.post(
        reverse("login"), {"username": officer.username, "password": "Thidua#2026"}
    )
    assert response.status_code == 302
    assert [e.action for e in audit_log(action="unlock")] == ["unlock"]
