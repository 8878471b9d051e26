"""The audit log: what each service writes, who and where from, the hash chain that reveals
tampering, the database triggers, the sign-in lockout, and the audit pages."""

from __future__ import annotations

import io
from contextlib import contextmanager

import pytest
from django.core.management import call_command
from django.db import DatabaseError, connection, transaction
from django.test import Client
from django.urls import reverse
from openpyxl import load_workbook

from thidua.audit import triggers
from thidua.audit.models import AuditEntry, AuditHead
from thidua.org.models import Person, Unit

from ..conftest import PASSWORD, client_for
from ..factories import PersonFactory, UnitFactory

ADDRESS = "203.0.113.7"


def browser(user=None, address: str = ADDRESS) -> Client:
    """A client whose requests come from ``address``, signed in as ``user`` if given."""
    client = Client(REMOTE_ADDR=address)
    if user is not None:
        client.force_login(user)
    return client


def only(entries: list[AuditEntry]) -> AuditEntry:
    assert len(entries) == 1, entries
    return entries[0]


def assert_from_request(entry: AuditEntry, response, address: str = ADDRESS) -> None:
    assert entry.ip == address
    assert entry.request_id
    assert entry.request_id == response["X-Request-ID"]


# What each service writes -------------------------------------------------------------------


def test_unit_create_update_move_deactivate_are_recorded(tree, users, audit_log):
    client = browser(users["secretariat"])
    created = client.post(
        reverse("org:unit_create"),
        {
            "parent": tree.education.pk,
            "code": "T99.SGDDT.MN1",
            "name": "Trường Mầm non Hoa Sen",
            "kind": "truong_hoc",
        },
        HTTP_X_REQUEST_ID="req-create-1",
    )
    unit = Unit.objects.get(code="T99.SGDDT.MN1")
    entry = only(audit_log(action="create", object_type="org.unit"))
    assert_from_request(entry, created)
    assert entry.request_id == "req-create-1"
    assert entry.actor == users["secretariat"]
    assert entry.actor_repr == "secretariat"
    assert entry.object_id == str(unit.pk)
    assert entry.object_repr == "Trường Mầm non Hoa Sen"
    assert entry.before is None
    assert entry.after["code"] == "T99.SGDDT.MN1"
    assert entry.after["path"] == unit.path

    updated = client.post(
        reverse("org:unit_edit", args=[unit.pk]),
        {
            "code": unit.code,
            "name": unit.name,
            "kind": unit.kind,
            "head_name": "Cô Lan",
            "version": unit.version,
        },
    )
    entry = only(audit_log(action="update"))
    assert_from_request(entry, updated)
    assert (entry.before["head_name"], entry.after["head_name"]) == ("", "Cô Lan")
    assert entry.after["version"] == entry.before["version"] + 1

    moved = client.post(reverse("org:unit_move", args=[unit.pk]), {"new_parent": tree.commune.pk})
    entry = only(audit_log(action="move"))
    assert_from_request(entry, moved)
    assert entry.before["parent_id"] == tree.education.pk
    assert entry.after["parent_id"] == tree.commune.pk
    assert entry.after["path"] == Unit.objects.get(pk=unit.pk).path

    deactivated = client.post(
        reverse("org:unit_deactivate", args=[unit.pk]), {"reason": "Giải thể"}
    )
    entry = only(audit_log(action="deactivate"))
    assert_from_request(entry, deactivated)
    assert (entry.before["is_active"], entry.after["is_active"]) == (True, False)
    # Every request got its own id.
    ids = [e.request_id for e in audit_log() if e.action != "login"]
    assert len(set(ids)) == len(ids) == 4


def test_unit_merge_is_recorded_with_the_moved_ids(tree, users, people, audit_log):
    response = browser(users["secretariat"]).post(
        reverse("org:unit_merge", args=[tree.health.pk]),
        {"target": tree.education.pk, "merged_on": "01/07/2025", "confirm": "on"},
    )
    entry = only(audit_log(action="merge"))
    assert_from_request(entry, response)
    assert entry.object_id == str(tree.health.pk)
    assert entry.before["merged_into_id"] is None
    assert entry.after["merged_into_id"] == tree.education.pk
    assert entry.after["moved"] == {
        "sub_units": [tree.hospital.pk],
        "people": [],
        "users": [users["other_officer"].pk],
    }
    # The sub-unit that moved with it has its own entry, in the same request.
    move = only(audit_log(action="move"))
    assert move.object_id == str(tree.hospital.pk)
    assert move.request_id == entry.request_id
    assert move.seq < entry.seq


def test_person_create_update_delete_are_recorded(tree, users, audit_log):
    client = browser(users["unit_officer"], address="2001:db8::1")
    created = client.post(
        reverse("org:person_create"),
        {
            "full_name": "Lò Văn Páo",
            "gender": "nam",
            "date_of_birth": "03/02/1979",
            "ethnicity": "03",
            "unit": tree.school.pk,
            "management_level": "truc_tiep",
            "is_active": "on",
        },
    )
    person = Person.objects.get(full_name="Lò Văn Páo")
    entry = only(audit_log(action="create", object_type="org.person"))
    assert_from_request(entry, created, address="2001:db8::1")
    assert entry.after["date_of_birth"] == "1979-02-03"
    assert entry.unit_path == tree.school.path

    updated = client.post(
        reverse("org:person_edit", args=[person.pk]),
        {
            "full_name": "Lò Văn Páo",
            "gender": "nam",
            "date_of_birth": "03/02/1979",
            "ethnicity": "03",
            "unit": tree.school.pk,
            "management_level": "quan_ly",
            "position": "Tổ trưởng",
            "is_active": "on",
            "version": person.version,
        },
    )
    entry = only(audit_log(action="update", object_type="org.person"))
    assert_from_request(entry, updated, address="2001:db8::1")
    assert entry.before["position"] == "" and entry.after["position"] == "Tổ trưởng"
    assert entry.before["management_level"] == "truc_tiep"
    assert entry.after["management_level"] == "quan_ly"

    deleted = client.post(reverse("org:person_delete", args=[person.pk]))
    entry = only(audit_log(action="delete"))
    assert_from_request(entry, deleted, address="2001:db8::1")
    assert entry.before["position"] == "Tổ trưởng"
    assert entry.after is None
    assert entry.object_id == str(person.pk)


def test_an_edit_that_changes_nothing_writes_nothing(tree, users, audit_log):
    unit = tree.school
    browser(users["secretariat"]).post(
        reverse("org:unit_edit", args=[unit.pk]),
        {"code": unit.code, "name": unit.name, "kind": unit.kind, "version": unit.version},
    )
    assert audit_log(action="update") == []


def test_api_changes_are_recorded_with_the_address(tree, users, audit_log):
    response = browser(users["secretariat"]).patch(
        reverse("api-1.0.0:update_unit", kwargs={"unit_id": tree.school.pk}),
        {"phone": "0236 123 456"},
        content_type="application/json",
        HTTP_X_REQUEST_ID="script-42",
    )
    assert response.status_code == 200
    entry = only(audit_log(action="update"))
    assert entry.ip == ADDRESS
    assert entry.request_id == "script-42"
    assert entry.after["phone"] == "0236 123 456"


def test_forwarded_for_is_trusted_only_behind_a_known_proxy(tree, users, audit_log, settings):
    data = {"code": tree.school.code, "name": tree.school.name, "kind": tree.school.kind}
    client = browser(users["secretariat"], address="10.0.0.2")
    client.post(
        reverse("org:unit_edit", args=[tree.school.pk]),
        {**data, "phone": "1", "version": 1},
        HTTP_X_FORWARDED_FOR="198.51.100.9",
    )
    assert only(audit_log(action="update")).ip == "10.0.0.2"  # a spoofable header, ignored
    settings.AXES_IPWARE_PROXY_COUNT = 1
    client.post(
        reverse("org:unit_edit", args=[tree.school.pk]),
        {**data, "phone": "2", "version": 2},
        HTTP_X_FORWARDED_FOR="198.51.100.9",
    )
    assert audit_log(action="update")[-1].ip == "198.51.100.9"


# Sign-in, sign-out, password ----------------------------------------------------------------


def test_sign_in_through_the_form_is_recorded(users, audit_log):
    client = browser()
    response = client.post(
        reverse("login"), {"username": "officer", "password": PASSWORD}, HTTP_X_REQUEST_ID="r-1"
    )
    assert response.status_code == 302
    entry = only(audit_log(action="login"))
    assert_from_request(entry, response)
    assert entry.actor == users["unit_officer"]
    assert entry.object_type == "org.user"
    assert entry.object_id == str(users["unit_officer"].pk)
    assert entry.object_repr == "officer"
    # Scoped to the account's unit, so the secretariat finds it.
    assert entry.unit_path == users["unit_officer"].unit.path


def test_failed_sign_in_is_recorded_with_the_username(users, audit_log):
    response = browser().post(reverse("login"), {"username": "officer", "password": "sai-mat-khau"})
    assert response.status_code == 200  # the form again
    entry = only(audit_log(action="login_failed"))
    assert_from_request(entry, response)
    assert entry.actor is None
    assert entry.object_repr == "officer"
    assert entry.object_id == str(users["unit_officer"].pk)
    assert "sai-mat-khau" not in str(entry.payload())
    # An unknown username is recorded too, as typed.
    browser().post(reverse("login"), {"username": "ke_la", "password": "x"})
    unknown = audit_log(action="login_failed")[-1]
    assert (unknown.object_repr, unknown.object_id) == ("ke_la", "")


def test_sign_out_is_recorded(users, audit_log):
    client = browser(users["leader"])
    response = client.post(reverse("logout"))
    assert response.status_code in (200, 302)
    entry = only(audit_log(action="logout"))
    assert_from_request(entry, response)
    assert entry.actor == users["leader"]
    assert "_auth_user_id" not in client.session


def test_password_change_is_recorded_without_the_password(users, audit_log):
    client = browser(users["leader"])
    response = client.post(
        reverse("password_change"),
        {
            "old_password": PASSWORD,
            "new_password1": "Khen-Thuong#2026",
            "new_password2": "Khen-Thuong#2026",
        },
    )
    assert response.status_code == 302
    entry = only(audit_log(action="password_change"))
    assert_from_request(entry, response)
    assert entry.actor == users["leader"]
    assert entry.object_id == str(users["leader"].pk)
    payload = str(entry.payload())
    assert "Khen-Thuong" not in payload and "pbkdf2" not in payload and "md5$" not in payload
    # A wrong old password changes nothing and records nothing.
    client.post(
        reverse("password_change"),
        {"old_password": "sai", "new_password1": "Mot-Hai#2026", "new_password2": "Mot-Hai#2026"},
    )
    assert len(audit_log(action="password_change")) == 1


def test_five_failures_lock_the_account_even_for_the_right_password(users, audit_log, settings):
    assert settings.AXES_FAILURE_LIMIT == 5
    client = browser()
    for attempt in range(5):
        response = client.post(
            reverse("login"), {"username": "officer", "password": f"sai-{attempt}"}
        )
        assert "_auth_user_id" not in client.session
    failures = audit_log(action="login_failed")
    assert len(failures) == 5
    assert {entry.object_repr for entry in failures} == {"officer"}
    assert {entry.ip for entry in failures} == {ADDRESS}

    response = client.post(reverse("login"), {"username": "officer", "password": PASSWORD})

    assert response.status_code in (403, 429)
    assert "_auth_user_id" not in client.session
    assert audit_log(action="login") == []
    # Another address does not help: the lock is on the account.
    other = browser(address="198.51.100.20")
    other.post(reverse("login"), {"username": "officer", "password": PASSWORD})
    assert "_auth_user_id" not in other.session
    # Other accounts are not locked.
    colleague = browser()
    colleague.post(reverse("login"), {"username": "leader", "password": PASSWORD})
    assert colleague.session["_auth_user_id"] == str(users["leader"].pk)


def test_a_success_before_the_limit_resets_the_count(users, audit_log):
    client = browser()
    for attempt in range(4):
        client.post(reverse("login"), {"username": "officer", "password": f"sai-{attempt}"})
    client.post(reverse("login"), {"username": "officer", "password": PASSWORD})
    assert client.session["_auth_user_id"] == str(users["unit_officer"].pk)
    client.post(reverse("logout"))
    for attempt in range(4):
        client.post(reverse("login"), {"username": "officer", "password": f"lai-{attempt}"})
    client.post(reverse("login"), {"username": "officer", "password": PASSWORD})
    assert client.session["_auth_user_id"] == str(users["unit_officer"].pk)


# The hash chain -------------------------------------------------------------------------------


def verify() -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    try:
        call_command("verify_audit", stdout=out, stderr=err)
    except SystemExit as exit:
        return exit.code, out.getvalue(), err.getvalue()
    return 0, out.getvalue(), err.getvalue()


@contextmanager
def triggers_off():
    """Drop the append-only triggers, as someone with the owner's rights could."""
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute("DROP TRIGGER audit_entry_no_update")
            cursor.execute("DROP TRIGGER audit_entry_no_delete")
        else:
            cursor.execute("ALTER TABLE audit_auditentry DISABLE TRIGGER audit_entry_append_only")
    try:
        yield
    finally:
        if connection.vendor == "sqlite":
            triggers.install(connection)
        else:
            with connection.cursor() as cursor:
                cursor.execute(
                    "ALTER TABLE audit_auditentry ENABLE TRIGGER audit_entry_append_only"
                )


def raw(sql: str, params=()) -> None:
    with connection.cursor() as cursor:
        cursor.execute(sql.replace("{after}", connection.ops.quote_name("after")), params)


@pytest.fixture
def chain(tree, people):
    """A chain of entries written by the services (the fixtures' creations and a few edits)."""
    for n in range(3):
        PersonFactory(full_name=f"Người thứ {n}", unit=tree.commune)
    UnitFactory(code="T99.XA02", name="Xã Tây Sơn", parent=tree.province)
    entries = list(AuditEntry.objects.order_by("seq"))
    assert len(entries) >= 10
    assert [e.seq for e in entries] == list(range(1, len(entries) + 1))
    return entries


def test_an_intact_chain_verifies(chain):
    code, out, err = verify()
    assert code == 0, err
    assert f"{len(chain)} entries" in out
    # Each entry links to the one before it.
    assert chain[0].prev_hash == "0" * 64
    for previous, entry in zip(chain, chain[1:], strict=False):
        assert entry.prev_hash == previous.hash
        assert entry.hash == entry.compute_hash()
    assert AuditHead.objects.get().seq == chain[-1].seq


def test_an_altered_entry_is_reported(chain):
    victim = chain[len(chain) // 2]
    after = dict(victim.after)
    after["full_name" if "full_name" in after else "name"] = "Đã bị sửa"
    import json

    with triggers_off():
        if connection.vendor == "postgresql":
            raw(
                "UPDATE audit_auditentry SET {after} = %s::jsonb WHERE seq = %s",
                [json.dumps(after), victim.seq],
            )
        else:
            raw(
                "UPDATE audit_auditentry SET {after} = %s WHERE seq = %s",
                [json.dumps(after), victim.seq],
            )
    assert AuditEntry.objects.get(seq=victim.seq).after != victim.after

    code, _out, err = verify()

    assert code == 1
    assert f"#{victim.seq}" in err
    assert f"#{victim.seq + 1}" not in err
    assert "altered" in err


def test_an_entry_rewritten_with_a_fresh_hash_breaks_the_next_link(chain):
    """Recomputing the altered entry's own hash does not help: the next one points at it."""
    victim = chain[3]
    victim.object_repr = "Khác"
    new_hash = victim.compute_hash()
    with triggers_off():
        raw(
            "UPDATE audit_auditentry SET object_repr = %s, hash = %s WHERE seq = %s",
            ["Khác", new_hash, victim.seq],
        )
    code, _out, err = verify()
    assert code == 1
    assert f"#{victim.seq + 1}" in err


def test_a_removed_middle_entry_is_reported(chain):
    victim = chain[4]
    with triggers_off():
        raw("DELETE FROM audit_auditentry WHERE seq = %s", [victim.seq])
    code, _out, err = verify()
    assert code == 1
    assert f"#{victim.seq} is missing" in err


def test_a_removed_last_entry_is_reported(chain):
    last = chain[-1]
    with triggers_off():
        raw("DELETE FROM audit_auditentry WHERE seq = %s", [last.seq])
    code, _out, err = verify()
    assert code == 1
    assert f"#{last.seq}" in err
    assert "end" in err


def test_bulk_written_entries_chain_like_single_ones(tree, chain, users):
    """Imports append many entries under one lock (``record_many``): same chain, same checks."""
    from thidua.org import services

    rows = [(tree.school, {"full_name": f"Nhập Hàng Loạt {n}", "gender": "nam"}) for n in range(7)]
    created = services.person_create_many(actor=users["secretariat"], rows=rows)
    entries = list(AuditEntry.objects.filter(seq__gt=chain[-1].seq).order_by("seq"))
    assert [e.object_id for e in entries] == [str(p.pk) for p in created]
    assert [e.seq for e in entries] == list(range(chain[-1].seq + 1, chain[-1].seq + 8))
    assert entries[0].prev_hash == chain[-1].hash
    assert all(
        e.actor == users["secretariat"] and e.after["unit_id"] == tree.school.pk for e in entries
    )
    assert AuditHead.objects.get().hash == entries[-1].hash
    assert verify()[0] == 0

    victim = entries[3]
    with triggers_off():
        raw("UPDATE audit_auditentry SET object_repr = %s WHERE seq = %s", ["Khác", victim.seq])
    code, _out, err = verify()
    assert code == 1
    assert f"#{victim.seq} was altered" in err


def test_the_triggers_come_back_after_the_tampering_helper(chain):
    with triggers_off():
        pass
    with pytest.raises(DatabaseError), transaction.atomic():
        raw("DELETE FROM audit_auditentry WHERE seq = %s", [chain[0].seq])


# Append-only in the database and in the model ------------------------------------------------


def test_the_database_refuses_update_and_delete(chain):
    entry = chain[2]
    with pytest.raises(DatabaseError), transaction.atomic():
        raw("UPDATE audit_auditentry SET object_repr = %s WHERE seq = %s", ["x", entry.seq])
    with pytest.raises(DatabaseError), transaction.atomic():
        raw("DELETE FROM audit_auditentry WHERE seq = %s", [entry.seq])
    with pytest.raises(DatabaseError), transaction.atomic():
        AuditEntry.objects.filter(seq=entry.seq).update(object_repr="x")
    with pytest.raises(DatabaseError), transaction.atomic():
        AuditEntry.objects.filter(seq=entry.seq).delete()
    assert AuditEntry.objects.get(seq=entry.seq).object_repr == entry.object_repr
    assert verify()[0] == 0


def test_the_model_refuses_save_and_delete_of_an_existing_entry(chain):
    entry = AuditEntry.objects.get(seq=chain[1].seq)
    entry.object_repr = "sửa"
    with pytest.raises(RuntimeError):
        entry.save()
    with pytest.raises(RuntimeError):
        entry.delete()
    assert AuditEntry.objects.get(seq=entry.seq).object_repr == chain[1].object_repr
    assert verify()[0] == 0


def test_a_rolled_back_change_leaves_no_entry(tree, users):
    before = AuditHead.objects.get().seq
    with pytest.raises(RuntimeError), transaction.atomic():
        from thidua.org import services

        services.unit_update(actor=users["secretariat"], unit=tree.school, phone="1")
        raise RuntimeError("later step failed")
    assert AuditHead.objects.get().seq == before
    assert not AuditEntry.objects.filter(seq__gt=before).exists()
    assert verify()[0] == 0


# The audit pages -------------------------------------------------------------------------------


def test_audit_list_filters_by_action(tree, users, people):
    client = client_for(users["secretariat"])
    from thidua.org import services

    services.person_delete(actor=users["secretariat"], person=people["clerk"])
    services.unit_update(actor=users["secretariat"], unit=tree.school, phone="2")
    page = client.get(reverse("audit:list"), {"action": "delete"}).context["page"]
    assert [(e.action, e.object_repr) for e in page.object_list] == [("delete", "Phạm Thu Hà")]
    page = client.get(reverse("audit:list"), {"action": "update"}).context["page"]
    assert [e.object_id for e in page.object_list] == [str(tree.school.pk)]
    page = client.get(
        reverse("audit:list"), {"object_type": "org.person", "action": "create"}
    ).context["page"]
    assert {e.object_repr for e in page.object_list} == {p.full_name for p in people.values()}


def test_audit_list_is_scoped_for_a_secretariat_of_part_of_the_tree(tree, users, people):
    from ..factories import UserFactory, grant

    local = UserFactory(username="ban_tdkt_so", unit=tree.education)
    grant(local, "secretariat", tree.education)
    page = client_for(local).get(reverse("audit:list")).context["page"]
    paths = {e.unit_path for e in page.object_list}
    assert paths and all(path.startswith(tree.education.path) for path in paths)


def test_audit_export_to_excel(tree, users, people):
    from thidua.org import services

    services.person_delete(actor=users["secretariat"], person=people["clerk"])
    response = client_for(users["secretariat"]).get(reverse("audit:export"), {"action": "delete"})
    assert response.status_code == 200
    body = b"".join(response.streaming_content) if response.streaming else response.content
    header, *rows = list(load_workbook(io.BytesIO(body)).active.iter_rows(values_only=True))
    assert len(header) >= 10
    entry = AuditEntry.objects.get(action="delete")
    assert len(rows) == 1
    row = rows[0]
    assert row[0] == entry.seq
    assert "Phạm Thu Hà" in row
    assert entry.hash in row
    assert any(isinstance(v, str) and '"full_name": "Phạm Thu Hà"' in v for v in row)


def test_audit_detail_shows_before_and_after(tree, users):
    from thidua.org import services

    services.unit_update(actor=users["secretariat"], unit=tree.school, head_name="Thầy Tâm")
    entry = AuditEntry.objects.get(action="update")
    html = (
        client_for(users["secretariat"])
        .get(reverse("audit:detail", args=[entry.seq]))
        .content.decode()
    )
    assert "Thầy Tâm" in html
    assert entry.hash in html
