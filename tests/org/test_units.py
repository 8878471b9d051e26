"""The organisation tree: create, edit with optimistic concurrency, deactivate, move,
merge, search without diacritics, and the HTMX partial of the tree."""

import datetime
import json

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from thidua.org import services
from thidua.org.models import Grant, Person, Unit, User

from ..conftest import client_for
from ..factories import PersonFactory, UnitFactory, unit_form_data

_form = unit_form_data


def _fresh(unit: Unit) -> Unit:
    return Unit.objects.get(pk=unit.pk)


def test_secretariat_creates_a_unit_under_a_parent(users, tree, audit_log):
    response = client_for(users["secretariat"]).post(
        reverse("org:unit_create"),
        {
            "parent": tree.education.pk,
            "code": "t99.sgddt.thcs2",
            "name": "  Trường   THCS  Nguyễn Du ",
            "kind": "truong_hoc",
        },
    )
    unit = Unit.objects.get(code="T99.SGDDT.THCS2")
    assert response.status_code == 302
    assert response["Location"] == reverse("org:unit_detail", args=[unit.pk])
    assert unit.parent == tree.education
    assert unit.name == "Trường THCS Nguyễn Du"
    assert unit.path == f"{tree.education.path}{unit.pk}/"
    assert unit.depth == tree.education.depth + 1
    assert unit.name_folded == "truong thcs nguyen du"
    (entry,) = audit_log(action="create", object_type="org.unit")
    assert entry.object_id == str(unit.pk)
    assert entry.after["code"] == "T99.SGDDT.THCS2"
    assert entry.before is None
    assert entry.actor == users["secretariat"]


def test_unit_code_must_be_unique_and_plain(users, tree):
    client = client_for(users["secretariat"])
    for code in ("T99.SYT", "SỞ-1", "a b"):
        response = client.post(
            reverse("org:unit_create"),
            {"parent": tree.education.pk, "code": code, "name": "Trùng", "kind": "khac"},
        )
        assert response.status_code == 200
        assert response.context["form"].errors["code"]
    assert not Unit.objects.filter(name="Trùng").exists()


def test_second_edit_from_the_same_version_is_refused(users, tree, audit_log):
    client = client_for(users["secretariat"])
    url = reverse("org:unit_edit", args=[tree.school.pk])
    opened = client.get(url).context["form"]["version"].value()
    assert opened == tree.school.version

    first = client.post(url, _form(tree.school, name="Trường THPT Chuyên Lê Quý Đôn (A)"))
    assert first.status_code == 302
    second = client.post(
        url, _form(tree.school, name="Trường THPT Chuyên Lê Quý Đôn (B)", version=opened)
    )
    assert second.status_code == 200
    assert second.context["form"].has_error("__all__", code="stale")
    school = _fresh(tree.school)
    assert school.name == "Trường THPT Chuyên Lê Quý Đôn (A)"
    assert school.version == opened + 1
    assert len(audit_log(action="update", object_type="org.unit")) == 1


def test_api_patch_from_an_old_version_answers_409(users, tree):
    client = client_for(users["secretariat"])
    url = f"/api/v1/org/units/{tree.school.pk}"
    version = client.get(url).json()["version"]
    first = client.patch(
        url, json.dumps({"version": version, "head_name": "Ông A"}), "application/json"
    )
    assert first.status_code == 200
    assert first.json()["version"] == version + 1
    second = client.patch(
        url, json.dumps({"version": version, "head_name": "Bà B"}), "application/json"
    )
    assert second.status_code == 409
    assert second.json()["detail"]
    assert _fresh(tree.school).head_name == "Ông A"
    # Without a version the caller takes the last write.
    third = client.patch(url, json.dumps({"head_name": "Bà B"}), "application/json")
    assert third.status_code == 200
    assert _fresh(tree.school).head_name == "Bà B"


def test_api_rejects_an_invalid_code_and_changes_nothing(users, tree):
    client = client_for(users["secretariat"])
    response = client.patch(
        f"/api/v1/org/units/{tree.school.pk}", json.dumps({"code": "có dấu"}), "application/json"
    )
    assert response.status_code == 422
    assert _fresh(tree.school).code == tree.school.code


def test_deactivate_is_refused_while_sub_units_are_active(users, tree, audit_log):
    client = client_for(users["secretariat"])
    response = client.post(reverse("org:unit_deactivate", args=[tree.education.pk]), {"reason": ""})
    assert response.status_code == 200
    assert response.context["form"].errors
    assert _fresh(tree.education).is_active
    assert audit_log(action="deactivate") == []

    client.post(reverse("org:unit_deactivate", args=[tree.school.pk]), {"reason": "Sáp nhập"})
    response = client.post(reverse("org:unit_deactivate", args=[tree.education.pk]), {"reason": ""})
    assert response.status_code == 302
    assert not _fresh(tree.school).is_active
    assert not _fresh(tree.education).is_active
    entries = audit_log(action="deactivate")
    assert [e.object_id for e in entries] == [str(tree.school.pk), str(tree.education.pk)]
    assert entries[0].before["is_active"] is True
    assert entries[0].after["is_active"] is False


def test_grants_on_a_deactivated_unit_stop_counting_until_it_is_reactivated(
    users, tree, people, audit_log
):
    services.unit_deactivate(actor=None, unit=tree.school)
    services.unit_deactivate(actor=None, unit=tree.education)
    detail = reverse("org:person_detail", args=[people["director"].pk])
    officer = client_for(users["unit_officer"])
    assert officer.get(detail).status_code == 404
    assert officer.get("/api/v1/org/people").json()["items"] == []

    # The sub-unit cannot come back before its parent.
    secretariat = client_for(users["secretariat"])
    secretariat.post(reverse("org:unit_reactivate", args=[tree.school.pk]))
    assert not _fresh(tree.school).is_active

    secretariat.post(reverse("org:unit_reactivate", args=[tree.education.pk]))
    assert _fresh(tree.education).is_active
    assert officer.get(detail).status_code == 200
    (entry,) = audit_log(action="update", object_type="org.unit")
    assert entry.object_id == str(tree.education.pk)
    assert (entry.before["is_active"], entry.after["is_active"]) == (False, True)


def test_a_merged_unit_cannot_be_reactivated(users, tree):
    services.unit_merge(actor=None, source=tree.hospital, target=tree.commune)
    client_for(users["secretariat"]).post(reverse("org:unit_reactivate", args=[tree.hospital.pk]))
    assert not _fresh(tree.hospital).is_active


def test_move_rewrites_the_paths_of_the_whole_subtree(users, tree, people, audit_log):
    department = UnitFactory(code="T99.SGDDT.PHONG", name="Phòng Giáo dục", parent=tree.school)
    response = client_for(users["secretariat"]).post(
        reverse("org:unit_move", args=[tree.education.pk]),
        {"new_parent": tree.home_affairs.pk},
    )
    assert response.status_code == 302
    education, school, department = (
        _fresh(tree.education),
        _fresh(tree.school),
        _fresh(department),
    )
    assert education.parent == tree.home_affairs
    assert education.path == f"{tree.home_affairs.path}{education.pk}/"
    assert school.path == f"{education.path}{school.pk}/"
    assert department.path == f"{school.path}{department.pk}/"
    assert (education.depth, school.depth, department.depth) == (2, 3, 4)
    # Nothing else moved.
    assert _fresh(tree.hospital).path == tree.hospital.path
    # Scope follows the tree: the officer still sees the teacher, the secretariat too.
    officer = client_for(User.objects.get(pk=users["unit_officer"].pk))
    assert officer.get(reverse("org:person_detail", args=[people["teacher"].pk])).status_code == 200
    (entry,) = audit_log(action="move")
    assert entry.before["parent_id"] == tree.province.pk
    assert entry.after["parent_id"] == tree.home_affairs.pk
    assert entry.after["path"] == education.path


def test_a_unit_cannot_move_under_its_own_subtree(users, tree):
    with pytest.raises(ValidationError):
        services.unit_move(actor=users["secretariat"], unit=tree.education, new_parent=tree.school)
    with pytest.raises(ValidationError):
        services.unit_move(
            actor=users["secretariat"], unit=tree.education, new_parent=tree.education
        )
    response = client_for(users["secretariat"]).post(
        reverse("org:unit_move", args=[tree.education.pk]), {"new_parent": tree.school.pk}
    )
    assert response.status_code == 200
    assert response.context["form"].errors["new_parent"]
    assert _fresh(tree.education).parent == tree.province
    assert _fresh(tree.school).path == tree.school.path


def test_merge_moves_children_people_and_accounts(users, tree, people, audit_log):
    nurse = PersonFactory(full_name="Võ Thị Lan", unit=tree.health)
    other_officer = users["other_officer"]
    response = client_for(users["secretariat"]).post(
        reverse("org:unit_merge", args=[tree.health.pk]),
        {"target": tree.education.pk, "merged_on": "01/07/2025", "confirm": "on"},
    )
    assert response.status_code == 302
    assert response["Location"] == reverse("org:unit_detail", args=[tree.education.pk])

    health = _fresh(tree.health)
    assert health.is_active is False
    assert health.merged_into == tree.education
    assert health.merged_on == datetime.date(2025, 7, 1)
    hospital = _fresh(tree.hospital)
    assert hospital.parent == tree.education
    assert hospital.path == f"{tree.education.path}{hospital.pk}/"
    assert Person.objects.get(pk=nurse.pk).unit == tree.education
    assert Person.objects.get(pk=people["doctor"].pk).unit == hospital  # under the moved child
    assert User.objects.get(pk=other_officer.pk).unit == tree.education
    assert Grant.objects.get(user=other_officer).unit == tree.education

    (entry,) = audit_log(action="merge")
    assert entry.object_id == str(health.pk)
    assert entry.before["is_active"] is True
    assert entry.after["merged_into_id"] == tree.education.pk
    assert entry.after["moved"] == {
        "sub_units": [hospital.pk],
        "people": [nurse.pk],
        "users": [other_officer.pk],
    }


def test_merge_is_refused_into_the_own_subtree_or_itself(users, tree, people):
    for target in (tree.hospital, tree.health):
        with pytest.raises(ValidationError):
            services.unit_merge(actor=users["secretariat"], source=tree.health, target=target)
    response = client_for(users["secretariat"]).post(
        reverse("org:unit_merge", args=[tree.health.pk]),
        {"target": tree.hospital.pk, "confirm": "on"},
    )
    assert response.status_code == 200
    health = _fresh(tree.health)
    assert health.is_active and health.merged_into is None
    assert _fresh(tree.hospital).parent == tree.health


@pytest.mark.parametrize("query", ["so noi vu", "SO NOI VU", "Sở Nội vụ", "  sở   nội vụ "])
def test_search_without_diacritics(users, tree, query):
    client = client_for(users["secretariat"])
    page = client.get(reverse("org:unit_tree"), {"q": query}).context["page"]
    assert [unit.pk for unit in page.object_list] == [tree.home_affairs.pk]
    items = client.get("/api/v1/org/units", {"q": query}).json()["items"]
    assert [item["id"] for item in items] == [tree.home_affairs.pk]


def test_search_by_exact_code_and_kind(users, tree):
    client = client_for(users["secretariat"])
    page = client.get(reverse("org:unit_tree"), {"q": "t99.syt.bvdk"}).context["page"]
    assert [unit.pk for unit in page.object_list] == [tree.hospital.pk]
    page = client.get(reverse("org:unit_tree"), {"kind": "truong_hoc"}).context["page"]
    assert [unit.pk for unit in page.object_list] == [tree.school.pk]


def test_search_hides_inactive_units_unless_asked(users, tree):
    services.unit_deactivate(actor=None, unit=tree.school)
    client = client_for(users["secretariat"])
    assert not client.get(reverse("org:unit_tree"), {"q": "le quy don"}).context["page"]
    page = client.get(reverse("org:unit_tree"), {"q": "le quy don", "inactive": "on"})
    assert [unit.pk for unit in page.context["page"].object_list] == [tree.school.pk]


def test_tree_children_are_an_htmx_partial(users, tree):
    client = client_for(users["secretariat"])
    url = reverse("org:unit_children", args=[tree.province.pk])
    partial = client.get(url, HTTP_HX_REQUEST="true")
    assert partial.status_code == 200
    assert "HX-Request" in partial["Vary"]
    html = partial.content.decode()
    assert "<html" not in html and "<body" not in html
    assert html.lstrip().startswith("<ul")
    for child in (tree.committee, tree.home_affairs, tree.education, tree.health):
        assert reverse("org:unit_detail", args=[child.pk]) in html
    # Grand-children are loaded on demand, not now.
    assert reverse("org:unit_detail", args=[tree.school.pk]) not in html
    assert reverse("org:unit_children", args=[tree.education.pk]) in html

    full = client.get(url)
    assert "HX-Request" in full["Vary"]
    assert "<html" in full.content.decode()


def test_tree_page_and_search_answer_htmx_with_the_results_only(users, tree):
    client = client_for(users["secretariat"])
    response = client.get(reverse("org:unit_tree"), {"q": "so y te"}, HTTP_HX_REQUEST="true")
    html = response.content.decode()
    assert "<html" not in html
    assert reverse("org:unit_detail", args=[tree.health.pk]) in html
    assert "HX-Request" in response["Vary"]


def test_unit_picker_lookup_is_scoped_and_ignores_diacritics(clients, tree):
    def names(client, **params):
        response = client.get("/org/units/lookup/", params)
        assert response.status_code == 200
        return {row["text"] for row in response.json()["results"]}

    assert names(clients["secretariat"], q="so y te") == {"Sở Y tế"}
    assert names(clients["unit_officer"], q="so y te") == set()
    assert "Trường THPT Chuyên Lê Quý Đôn" in names(clients["unit_officer"], q="truong thpt")
    # A leader reads the whole province but may add people nowhere.
    assert names(clients["leader"], q="so giao duc") == {"Sở Giáo dục và Đào tạo"}
    assert names(clients["leader"], q="so giao duc", **{"for": "org.person"}) == set()
    assert names(clients["no_role"], q="so") == set()


def test_unit_picker_renders_only_the_chosen_unit(clients, tree, django_assert_max_num_queries):
    response = clients["secretariat"].get(f"/org/people/new/?unit={tree.school.pk}")
    html = response.content.decode()
    assert 'data-unit-lookup="/org/units/lookup/"' in html
    assert "Trường THPT Chuyên Lê Quý Đôn" in html
    assert "Bệnh viện Đa khoa tỉnh" not in html  # not chosen: searched as you type
