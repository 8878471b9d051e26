"""API authentication: personal tokens, the session with CSRF, and the published schema."""

import json
import re

from django.test import Client
from django.urls import reverse

from thidua.org import services
from thidua.org.models import ApiToken, Unit


def _ids(response) -> set[int]:
    assert response.status_code == 200, response.content
    return {item["id"] for item in response.json()["items"]}


def test_token_sees_what_its_user_sees(users, tree, people):
    officer = users["unit_officer"]
    _token, key = services.api_token_create(actor=officer, name="báo cáo")
    client = Client(HTTP_AUTHORIZATION=f"Bearer {key}")

    assert _ids(client.get("/api/v1/org/people")) == {
        people["teacher"].pk,
        people["director"].pk,
    }
    assert _ids(client.get("/api/v1/org/units")) == {tree.education.pk, tree.school.pk}
    assert client.get(f"/api/v1/org/people/{people['teacher'].pk}").status_code == 200
    assert client.get(f"/api/v1/org/people/{people['doctor'].pk}").status_code == 404
    assert client.get(f"/api/v1/org/units/{tree.hospital.pk}").status_code == 404

    # Writes too, within scope, with no CSRF token needed for a bearer token.
    response = client.patch(
        f"/api/v1/org/people/{people['teacher'].pk}",
        json.dumps({"position": "Tổ trưởng"}),
        content_type="application/json",
    )
    assert response.status_code == 200
    people["teacher"].refresh_from_db()
    assert people["teacher"].position == "Tổ trưởng"
    assert ApiToken.objects.get(pk=_token.pk).last_used_at is not None


def test_secretariat_token_sees_the_province(users, tree, people):
    _token, key = services.api_token_create(actor=users["secretariat"], name="tích hợp")
    client = Client(HTTP_AUTHORIZATION=f"Bearer {key}")
    assert _ids(client.get("/api/v1/org/people")) == {p.pk for p in people.values()}
    assert client.get(f"/api/v1/org/units/{tree.hospital.pk}").status_code == 200


def test_revoked_or_wrong_token_is_refused(users, people):
    officer = users["unit_officer"]
    token, key = services.api_token_create(actor=officer, name="cũ")
    client = Client(HTTP_AUTHORIZATION=f"Bearer {key}")
    assert client.get("/api/v1/org/people").status_code == 200
    services.api_token_revoke(actor=officer, token=token)
    assert client.get("/api/v1/org/people").status_code == 401
    assert (
        client.patch(
            f"/api/v1/org/people/{people['teacher'].pk}",
            json.dumps({"position": "X"}),
            content_type="application/json",
        ).status_code
        == 401
    )
    people["teacher"].refresh_from_db()
    assert people["teacher"].position != "X"
    assert Client(HTTP_AUTHORIZATION=f"Bearer {key}x").get("/api/v1/org/people").status_code == 401
    assert Client().get("/api/v1/org/people").status_code == 401


def test_token_of_a_disabled_account_is_refused(users):
    officer = users["unit_officer"]
    _token, key = services.api_token_create(actor=officer, name="x")
    services.user_update(actor=None, user=officer, is_active=False)
    assert Client(HTTP_AUTHORIZATION=f"Bearer {key}").get("/api/v1/org/units").status_code == 401


def test_token_is_created_on_the_profile_page_and_stored_hashed(users):
    client = Client()
    client.force_login(users["unit_officer"])
    response = client.post(reverse("profile"), {"name": "Excel macro"})
    key = response.context["new_key"]
    assert key
    token = ApiToken.objects.get(user=users["unit_officer"])
    assert token.key_hash == ApiToken.hash_key(key)
    assert key not in json.dumps(list(ApiToken.objects.values()), default=str)
    assert Client(HTTP_AUTHORIZATION=f"Bearer {key}").get("/api/v1/org/units").status_code == 200


def test_session_writes_need_the_csrf_token(users, tree):
    client = Client(enforce_csrf_checks=True)
    client.force_login(users["secretariat"])
    payload = {"parent_id": tree.education.pk, "code": "T99.CSRF", "name": "X", "kind": "khac"}
    response = client.post(
        "/api/v1/org/units", json.dumps(payload), content_type="application/json"
    )
    assert response.status_code == 403
    assert not Unit.objects.filter(code="T99.CSRF").exists()
    response = client.patch(
        f"/api/v1/org/units/{tree.school.pk}",
        json.dumps({"name": "Đổi tên"}),
        content_type="application/json",
    )
    assert response.status_code == 403
    tree.school.refresh_from_db()
    assert tree.school.name != "Đổi tên"
    # Reading needs no token; with the token from a page, the write goes through.
    assert client.get("/api/v1/org/units").status_code == 200
    page = client.get(reverse("profile"))
    csrf = page.context["csrf_token"]
    response = client.post(
        "/api/v1/org/units",
        json.dumps(payload),
        content_type="application/json",
        HTTP_X_CSRFTOKEN=str(csrf),
    )
    assert response.status_code == 201, response.content
    assert Unit.objects.filter(code="T99.CSRF", parent=tree.education).exists()


def test_openapi_schema_lists_the_org_paths(db):
    response = Client().get("/api/v1/openapi.json")
    assert response.status_code == 200
    paths = response.json()["paths"]
    assert {"/api/v1/org/units", "/api/v1/org/units/{unit_id}"} <= set(paths)
    assert {"/api/v1/org/people", "/api/v1/org/people/{person_id}"} <= set(paths)
    assert {"get", "post"} <= set(paths["/api/v1/org/people"])
    assert {"get", "patch"} <= set(paths["/api/v1/org/units/{unit_id}"])
    schemes = response.json()["components"]["securitySchemes"]
    assert any(s.get("scheme") == "bearer" for s in schemes.values())


def test_docs_load_nothing_from_another_host(db):
    response = Client().get("/api/v1/docs")
    assert response.status_code == 200
    html = response.content.decode()
    sources = re.findall(r"""(?:src|href)\s*=\s*["']([^"']+)["']""", html)
    assert sources, "the docs page loads no script or style at all?"
    foreign = [s for s in sources if re.match(r"^(https?:)?//", s)]
    assert not foreign, f"assets from another host: {foreign}"
    for source in sources:
        if source.startswith("/static/"):
            assert Client().get(source).status_code == 200, source
