"""The movement services: create and update, the status machine, participants, launch
notifications (in the app, and by e-mail only after commit), targets, registration,
progress reports and imports, reviews that settle every target, and pledges.

Each state change must leave an audit entry; the tests check it beside the change.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.utils import translation

from thidua.audit.models import Action
from thidua.core.concurrency import StaleObjectError
from thidua.movements import services, states
from thidua.movements.models import (
    Evidence,
    Movement,
    MovementStatus,
    MovementStatusChange,
    Participation,
    Pledge,
    ProgressReport,
    Registration,
    Review,
    Target,
    TargetStatus,
)
from thidua.notifications.models import Notification
from thidua.org.models import UnitKind

from ..factories import PersonFactory, UnitFactory, UserFactory, grant
from .access import PDF, pdf_upload
from .factories import make_movement

D = Decimal
S = MovementStatus
Q1_END = date(2026, 3, 31)
AFTER_Q1 = date(2026, 4, 5)


@pytest.fixture(autouse=True)
def _private_files(tmp_path, monkeypatch):
    """Evidence and scans go to a temporary directory, not the project's var/."""
    storage = Evidence._meta.get_field("file").storage
    monkeypatch.setattr(storage, "base_location", str(tmp_path))
    monkeypatch.setattr(storage, "location", str(tmp_path))


@pytest.fixture
def fx(tree):
    """A launched 2026 movement of the committee: education, its school and health take
    part; targets growth (province-wide, 7,5%), schools (education, 59,1%) and beds
    (health, at least 45,7)."""
    return make_movement(tree)


def movement_fields(tree, **changes) -> dict:
    fields = dict(
        title="Phong trào thi đua “Chung tay xây dựng nông thôn mới” giai đoạn 2021–2025",
        kind="chuyen_de",
        issuer=tree.committee,
        document_number="15/KH-UBND",
        document_date=date(2021, 3, 2),
        starts_on=date(2021, 1, 1),
        ends_on=date(2025, 12, 31),
        report_frequency="nam",
    )
    fields.update(changes)
    return fields


def fresh(obj):
    return type(obj).objects.get(pk=obj.pk)


def entries_for(audit_log, obj, **filters):
    return audit_log(object_type=obj._meta.label_lower, object_id=str(obj.pk), **filters)


# Movements -----------------------------------------------------------------------------


def test_secretariat_creates_a_draft(tree, users, audit_log):
    movement = services.movement_create(
        actor=users["secretariat"],
        contents=[("Một là", "Thi đua xây dựng nông thôn mới."), ("Hai là", "  ")],
        responsibilities=[("Sở Nội vụ", "Theo dõi, tổng hợp.")],
        mottos='“Dân biết, dân bàn”\n\n"Dân làm, dân kiểm tra"',
        **movement_fields(tree),
    )
    movement = fresh(movement)
    assert movement.status == S.DRAFT
    assert movement.created_by == users["secretariat"]
    assert movement.mottos == ["Dân biết, dân bàn", "Dân làm, dân kiểm tra"]
    assert movement.title_folded.startswith("phong trao thi dua")
    assert [c.label for c in movement.contents.all()] == ["Một là"]  # the blank one is dropped
    assert movement.responsibilities.get().agency == "Sở Nội vụ"
    (entry,) = entries_for(audit_log, movement, action=Action.CREATE)
    assert entry.actor == users["secretariat"]
    assert entry.after["status"] == S.DRAFT
    assert entry.before is None


def test_only_the_issuers_side_creates_a_movement(tree, users, audit_log):
    for role in ("unit_officer", "leader", "no_role"):
        with pytest.raises(PermissionDenied):
            services.movement_create(actor=users[role], **movement_fields(tree))
    assert not Movement.objects.exists()
    assert audit_log() == []


def test_end_before_start_is_refused(tree, users, fx):
    with pytest.raises(ValidationError) as caught:
        services.movement_create(
            actor=users["secretariat"],
            **movement_fields(tree, starts_on=date(2025, 1, 1), ends_on=date(2024, 12, 31)),
        )
    assert "ends_on" in caught.value.message_dict
    with pytest.raises(ValidationError) as caught:
        services.movement_update(
            actor=users["secretariat"], movement=fx.movement, ends_on=date(2025, 12, 31)
        )
    assert "ends_on" in caught.value.message_dict
    assert fresh(fx.movement).ends_on == date(2026, 12, 31)


def test_registration_closing_before_it_opens_is_refused(tree, users):
    with pytest.raises(ValidationError) as caught:
        services.movement_create(
            actor=users["secretariat"],
            **movement_fields(
                tree, registration_opens=date(2021, 3, 1), registration_closes=date(2021, 2, 1)
            ),
        )
    assert "registration_closes" in caught.value.message_dict


def test_update_from_a_stale_version_is_refused(users, fx, audit_log):
    opened = fx.movement.version
    services.movement_update(
        actor=users["secretariat"],
        movement=fx.movement,
        expected_version=opened,
        theme="Đoàn kết, sáng tạo",
    )
    with pytest.raises(StaleObjectError):
        services.movement_update(
            actor=users["secretariat"],
            movement=fx.movement,
            expected_version=opened,
            theme="Bứt phá",
        )
    movement = fresh(fx.movement)
    assert movement.theme == "Đoàn kết, sáng tạo"
    assert movement.version == opened + 1
    (entry,) = entries_for(audit_log, movement, action=Action.UPDATE)
    assert entry.before["theme"] == "Đoàn kết, kỷ cương, bứt phá, phát triển"
    assert entry.after["theme"] == "Đoàn kết, sáng tạo"


def test_a_closed_movement_cannot_be_changed(tree, users, fx, audit_log):
    secretariat = users["secretariat"]
    services.review_create(
        actor=secretariat,
        movement=fx.movement,
        kind=Review.Kind.FINAL,
        held_on=date(2026, 12, 28),
        title="Tổng kết phong trào",
    )
    closed = fresh(fx.movement)
    before = len(audit_log())
    attempts = [
        lambda: services.movement_update(actor=secretariat, movement=closed, title="Đổi tên"),
        lambda: services.contents_set(actor=secretariat, movement=closed, items=[("1.", "Mới")]),
        lambda: services.responsibilities_set(
            actor=secretariat, movement=closed, items=[("Sở Y tế", "Theo dõi", None)]
        ),
        lambda: services.participants_set(actor=secretariat, movement=closed, units=[tree.commune]),
        lambda: services.target_create(
            actor=secretariat, movement=closed, indicator="Mới", comparator="dat", value=D("1")
        ),
        lambda: services.target_update(actor=secretariat, target=fx.growth, value=D("5")),
        lambda: services.target_delete(actor=secretariat, target=fx.growth),
        lambda: services.movement_delete(actor=secretariat, movement=closed),
    ]
    for attempt in attempts:
        with pytest.raises(ValidationError):
            attempt()
    assert fresh(fx.movement).title == fx.movement.title
    assert fresh(fx.growth).value == D("7.5")
    assert len(audit_log()) == before


def test_only_a_draft_can_be_deleted(tree, users, fx, audit_log):
    with pytest.raises(ValidationError):
        services.movement_delete(actor=users["secretariat"], movement=fx.movement)
    draft = make_movement(tree, launch=False, title="Phong trào nháp").movement
    services.movement_delete(actor=users["secretariat"], movement=draft)
    assert not Movement.objects.filter(pk=draft.pk).exists()
    (entry,) = audit_log(action=Action.DELETE, object_type="movements.movement")
    assert entry.object_id == str(draft.pk)
    assert entry.before["title"] == "Phong trào nháp"


def test_contents_and_responsibilities_are_replaced_in_order(tree, users, fx, audit_log):
    services.contents_set(
        actor=users["secretariat"],
        movement=fx.movement,
        items=[("1.", " Thi đua lao động sản xuất "), ("2.", ""), ("3.", "Thi đua học tập")],
    )
    assert [(c.label, c.text) for c in fx.movement.contents.all()] == [
        ("1.", "Thi đua lao động sản xuất"),  # trimmed; the empty item is dropped
        ("3.", "Thi đua học tập"),
    ]
    services.responsibilities_set(
        actor=users["secretariat"],
        movement=fx.movement,
        items=[("", "Hướng dẫn, theo dõi", tree.home_affairs), ("Báo Tỉnh", "Tuyên truyền", None)],
    )
    rows = list(fx.movement.responsibilities.all())
    assert [(r.agency, r.unit_id) for r in rows] == [
        ("Sở Nội vụ", tree.home_affairs.pk),  # named after its unit when left blank
        ("Báo Tỉnh", None),
    ]
    entries = entries_for(audit_log, fx.movement, action=Action.UPDATE)
    assert entries[0].after["contents"] == ["1. Thi đua lao động sản xuất", "3. Thi đua học tập"]
    assert entries[0].before["contents"] == [
        "Một là Thi đua hoàn thành các chỉ tiêu kinh tế - xã hội."
    ]
    assert entries[1].before["responsibilities"] == [
        "Sở Nội vụ: Theo dõi, tổng hợp, báo cáo UBND tỉnh."
    ]


# The status machine --------------------------------------------------------------------


def test_the_transition_table():
    every = list(S)
    allowed = {(a, b) for a in every for b in every if states.can_move(a, b)}
    assert allowed == {
        (S.DRAFT, S.LAUNCHED),
        (S.LAUNCHED, S.REVIEWED),
        (S.LAUNCHED, S.CLOSED),
        (S.REVIEWED, S.REVIEWED),  # sơ kết can repeat
        (S.REVIEWED, S.CLOSED),
    }
    assert not states.can_move("khong_co", S.LAUNCHED)


def test_a_movement_walks_from_draft_to_closed(tree, users, audit_log):
    secretariat = users["secretariat"]
    movement = services.movement_create(
        actor=secretariat,
        contents=[("1.", "Thi đua giảm nghèo bền vững.")],
        **movement_fields(tree),
    )
    services.participants_set(actor=secretariat, movement=movement, units=[tree.education])
    services.movement_launch(actor=secretariat, movement=movement)
    assert fresh(movement).status == S.LAUNCHED
    assert fresh(movement).launched_at is not None
    for year in (2022, 2023):
        services.review_create(
            actor=secretariat,
            movement=movement,
            kind=Review.Kind.INTERIM,
            held_on=date(year, 12, 20),
            title=f"Sơ kết năm {year}",
        )
        assert fresh(movement).status == S.REVIEWED
    services.review_create(
        actor=secretariat,
        movement=movement,
        kind=Review.Kind.FINAL,
        held_on=date(2025, 12, 20),
        title="Tổng kết giai đoạn 2021–2025",
    )
    movement = fresh(movement)
    assert movement.status == S.CLOSED
    assert movement.closed_at is not None
    assert movement.version == 5  # created at 1, then four transitions
    steps = [(h.from_status, h.to_status, h.actor) for h in movement.history.all()]
    assert steps == [
        (S.DRAFT, S.LAUNCHED, secretariat),
        (S.LAUNCHED, S.REVIEWED, secretariat),
        (S.REVIEWED, S.REVIEWED, secretariat),
        (S.REVIEWED, S.CLOSED, secretariat),
    ]
    assert movement.history.last().note == "Tổng kết giai đoạn 2021–2025"
    transitions = entries_for(audit_log, movement, action=Action.TRANSITION)
    assert [(e.before["status"], e.after["status"]) for e in transitions] == [
        (S.DRAFT, S.LAUNCHED),
        (S.LAUNCHED, S.REVIEWED),
        (S.REVIEWED, S.REVIEWED),
        (S.REVIEWED, S.CLOSED),
    ]
    assert {e.actor for e in transitions} == {secretariat}
    reviews = audit_log(action=Action.CREATE, object_type="movements.review")
    assert len(reviews) == 3


def test_a_closed_movement_goes_nowhere(users, fx):
    secretariat = users["secretariat"]
    services.review_create(
        actor=secretariat,
        movement=fx.movement,
        kind=Review.Kind.FINAL,
        held_on=date(2026, 12, 28),
        title="Tổng kết",
    )
    for kind in (Review.Kind.INTERIM, Review.Kind.FINAL):
        with pytest.raises(ValidationError):
            services.review_create(
                actor=secretariat,
                movement=fx.movement,
                kind=kind,
                held_on=date(2026, 12, 30),
                title="Lần nữa",
            )
    with pytest.raises(ValidationError):
        services.movement_launch(actor=secretariat, movement=fx.movement)
    assert fresh(fx.movement).status == S.CLOSED
    assert Review.objects.filter(movement=fx.movement).count() == 1
    assert MovementStatusChange.objects.filter(movement=fx.movement).count() == 2


def test_a_launched_movement_is_not_launched_again_nor_reviewed_as_a_draft(tree, users, fx):
    with pytest.raises(ValidationError):
        services.movement_launch(actor=users["secretariat"], movement=fx.movement)
    draft = make_movement(tree, launch=False, title="Nháp").movement
    with pytest.raises(ValidationError):
        services.review_create(
            actor=users["secretariat"],
            movement=draft,
            kind=Review.Kind.INTERIM,
            held_on=date(2026, 6, 30),
            title="Sơ kết",
        )
    assert fresh(draft).status == S.DRAFT
    assert not Review.objects.filter(movement=draft).exists()


def test_launch_needs_participants_and_contents(tree, users, audit_log):
    secretariat = users["secretariat"]
    movement = services.movement_create(actor=secretariat, **movement_fields(tree))
    with pytest.raises(ValidationError) as caught:
        services.movement_launch(actor=secretariat, movement=movement)
    assert len(caught.value.messages) == 2  # no participants, no contents or targets
    services.contents_set(actor=secretariat, movement=movement, items=[("1.", "Thi đua.")])
    with pytest.raises(ValidationError) as caught:
        services.movement_launch(actor=secretariat, movement=movement)
    assert len(caught.value.messages) == 1
    assert fresh(movement).status == S.DRAFT
    assert not movement.history.exists()
    assert entries_for(audit_log, movement, action=Action.TRANSITION) == []
    assert not Notification.objects.exists()


def test_only_the_secretariat_launches(tree, users, fx):
    draft = make_movement(tree, launch=False, title="Nháp").movement
    for role in ("unit_officer", "leader", "council_member", "block_head"):
        with pytest.raises(PermissionDenied):
            services.movement_launch(actor=users[role], movement=draft)
    assert fresh(draft).status == S.DRAFT


# Participants ----------------------------------------------------------------------------


def _participants(movement) -> dict[int, str]:
    return dict(Participation.objects.filter(movement=movement).values_list("unit_id", "source"))


def test_participants_by_chosen_units(tree, users, audit_log):
    draft = make_movement(tree, launch=False).movement
    total = services.participants_set(
        actor=users["secretariat"], movement=draft, units=[tree.commune, tree.education]
    )
    assert total == 2
    assert _participants(draft) == {
        tree.commune.pk: Participation.Source.CHOSEN,
        tree.education.pk: Participation.Source.CHOSEN,
    }
    entry = entries_for(audit_log, draft, action=Action.UPDATE)[-1]
    assert entry.after["participants"] == 2
    assert entry.after["added"] == [tree.commune.pk]  # education already took part
    assert entry.after["removed"] == sorted([tree.school.pk, tree.health.pk])
    assert entry.actor == users["secretariat"]


def test_participants_by_kinds_cover_the_issuers_province(tree, users):
    draft = make_movement(tree, launch=False).movement
    # The People's Committee issues; the schools and hospitals sit under the departments,
    # beside the committee: "every school and hospital" means those of the province.
    total = services.participants_set(
        actor=users["secretariat"],
        movement=draft,
        kinds=[UnitKind.SCHOOL, UnitKind.HOSPITAL],
    )
    assert total == 2
    assert _participants(draft) == {
        tree.school.pk: Participation.Source.RULE,
        tree.hospital.pk: Participation.Source.RULE,
    }
    draft = fresh(draft)
    assert draft.participant_kinds == [UnitKind.SCHOOL, UnitKind.HOSPITAL]
    # Every department of the province.
    services.participants_set(
        actor=users["secretariat"], movement=draft, kinds=[UnitKind.DEPARTMENT]
    )
    assert set(_participants(draft)) == {tree.home_affairs.pk, tree.education.pk, tree.health.pk}


def test_participants_by_kinds_leave_out_inactive_units(tree, users):
    closed_school = UnitFactory(
        code="T99.SGDDT.THCS9",
        name="Trường THCS đã giải thể",
        kind=UnitKind.SCHOOL,
        parent=tree.education,
    )
    type(closed_school).objects.filter(pk=closed_school.pk).update(is_active=False)
    draft = make_movement(tree, launch=False).movement
    services.participants_set(actor=users["secretariat"], movement=draft, kinds=[UnitKind.SCHOOL])
    assert set(_participants(draft)) == {tree.school.pk}


def test_participants_by_roots(tree, users):
    draft = make_movement(tree, launch=False).movement
    # "Every unit under Sở Y tế": its hospital, not the department itself.
    services.participants_set(actor=users["secretariat"], movement=draft, roots=[tree.health])
    assert _participants(draft) == {tree.hospital.pk: Participation.Source.RULE}
    assert list(fresh(draft).participant_roots.all()) == [tree.health]
    # Kinds under a root: the root counts when it is of that kind.
    services.participants_set(
        actor=users["secretariat"],
        movement=draft,
        roots=[tree.education],
        kinds=[UnitKind.DEPARTMENT, UnitKind.SCHOOL],
        units=[tree.commune],
    )
    assert _participants(draft) == {
        tree.education.pk: Participation.Source.RULE,
        tree.school.pk: Participation.Source.RULE,
        tree.commune.pk: Participation.Source.CHOSEN,
    }


def test_participants_who_registered_or_reported_stay(tree, users, fx, audit_log):
    services.registration_save(
        actor=None, movement=fx.movement, unit=tree.education, today=date(2026, 1, 15)
    )
    services.progress_report_save(
        actor=None, target=fx.beds, period_end=Q1_END, actual=D("44"), today=AFTER_Q1
    )
    total = services.participants_set(
        actor=users["secretariat"], movement=fx.movement, units=[tree.commune]
    )
    # The school goes; education (registered) and health (reported) stay.
    assert total == 3
    assert set(_participants(fx.movement)) == {tree.commune.pk, tree.education.pk, tree.health.pk}
    entry = entries_for(audit_log, fx.movement, action=Action.UPDATE)[-1]
    assert entry.after["removed"] == [tree.school.pk]


# Launch notifications --------------------------------------------------------------------


@pytest.fixture
def with_email(users):
    for key, address in (
        ("unit_officer", "canbo.gd@example.vn"),
        ("other_officer", "canbo.yt@example.vn"),
    ):
        users[key].email = address
        users[key].save(update_fields=["email"])
    return users


def test_launch_notifies_the_participants_officers_and_mails_after_commit(
    tree, with_email, mailoutbox, django_capture_on_commit_callbacks
):
    users = with_email
    draft = make_movement(tree, launch=False).movement
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        services.movement_launch(actor=users["secretariat"], movement=draft)
    # Inside the transaction: rows written, nothing mailed yet.
    notes = Notification.objects.filter(object_type="movements.movement", object_id=str(draft.pk))
    assert {n.recipient for n in notes} == {users["unit_officer"], users["other_officer"]}
    assert all(draft.title in n.subject for n in notes)
    assert all(n.url.endswith(f"/{draft.pk}/") for n in notes)
    assert mailoutbox == []
    assert len(callbacks) == 1
    callbacks[0]()  # the commit
    assert sorted(m.to[0] for m in mailoutbox) == ["canbo.gd@example.vn", "canbo.yt@example.vn"]
    assert all(draft.title in m.subject for m in mailoutbox)
    assert all(n.emailed for n in notes.all())


def test_a_rolled_back_launch_sends_nothing(
    tree, with_email, mailoutbox, django_capture_on_commit_callbacks
):
    users = with_email
    draft = make_movement(tree, launch=False).movement
    with (
        django_capture_on_commit_callbacks(execute=True) as callbacks,
        pytest.raises(RuntimeError),
        transaction.atomic(),
    ):
        services.movement_launch(actor=users["secretariat"], movement=draft)
        raise RuntimeError("the request failed after the launch")
    assert callbacks == []
    assert mailoutbox == []
    assert not Notification.objects.exists()
    assert fresh(draft).status == S.DRAFT
    assert not MovementStatusChange.objects.exists()


def test_a_unit_added_to_a_running_movement_is_notified(
    tree, with_email, mailoutbox, django_capture_on_commit_callbacks
):
    users = with_email
    commune_officer = UserFactory(
        username="xa_dong_thanh", unit=tree.commune, email="xa@example.vn"
    )
    grant(commune_officer, "unit_officer", tree.commune)
    fx = make_movement(tree)
    Notification.objects.all().delete()
    with django_capture_on_commit_callbacks(execute=True):
        services.participants_set(
            actor=users["secretariat"],
            movement=fx.movement,
            units=[tree.education, tree.school, tree.health, tree.commune],
        )
    assert [n.recipient for n in Notification.objects.all()] == [commune_officer]
    assert [m.to for m in mailoutbox] == [["xa@example.vn"]]


# Targets ---------------------------------------------------------------------------------


def test_target_create_numbers_and_audits(users, fx, audit_log):
    target = services.target_create(
        actor=users["secretariat"],
        movement=fx.movement,
        indicator="Thu ngân sách nhà nước trên địa bàn",
        measure="tỷ đồng",
        comparator="dat",
        value=D("2326"),
        cumulative=True,
        group="kinh_te",
    )
    assert target.level == Target.Level.MOVEMENT
    assert target.order == 4  # after the three targets already there
    assert target.status == TargetStatus.NOT_REPORTED
    (entry,) = entries_for(audit_log, target, action=Action.CREATE)
    assert entry.actor == users["secretariat"]
    assert D(entry.after["value"]) == D("2326")


@pytest.mark.parametrize(
    ("fields", "field"),
    [
        (dict(comparator="khoang", value=D("7"), value_max=D("6.5")), "value_max"),
        (dict(comparator="khoang", value=D("6.5"), direction="trong"), "value_max"),
        (dict(comparator="tang", value=D("10"), baseline=D("0")), "baseline"),
        (dict(comparator="dat", value=D("1"), level=Target.Level.UNIT), "unit"),
    ],
)
def test_target_validation(users, fx, fields, field):
    with pytest.raises(ValidationError) as caught:
        services.target_create(
            actor=users["secretariat"], movement=fx.movement, indicator="Chỉ tiêu", **fields
        )
    assert field in caught.value.message_dict
    assert fx.movement.targets.count() == 3


def test_a_change_from_zero_as_an_amount_is_allowed(users, fx):
    target = services.target_create(
        actor=users["secretariat"],
        movement=fx.movement,
        indicator="Số mô hình dân vận khéo",
        comparator="tang",
        value=D("50"),
        baseline=D("0"),
        relative_change=False,
    )
    assert target.pk


def test_unit_officer_adds_own_unit_targets_only(tree, users, fx):
    officer = users["unit_officer"]
    registration = services.registration_save(
        actor=officer, movement=fx.movement, unit=tree.school, today=date(2026, 2, 1)
    )
    # Without its registration, a unit target is the province's to assign.
    with pytest.raises(PermissionDenied):
        services.target_create(
            actor=officer,
            movement=fx.movement,
            level=Target.Level.UNIT,
            unit=tree.school,
            indicator="Tỷ lệ học sinh tốt nghiệp THPT",
            comparator="toi_thieu",
            value=D("98"),
        )
    own = services.target_create(
        actor=officer,
        movement=fx.movement,
        level=Target.Level.UNIT,
        registration=registration,
        unit=tree.school,
        indicator="Tỷ lệ học sinh tốt nghiệp THPT",
        measure="%",
        comparator="toi_thieu",
        value=D("98"),
    )
    assert own.unit == tree.school
    with pytest.raises(PermissionDenied):
        services.target_create(
            actor=officer,
            movement=fx.movement,
            level=Target.Level.UNIT,
            registration=registration,
            unit=tree.health,
            indicator="Giường bệnh",
            comparator="dat",
            value=D("1"),
        )
    with pytest.raises(PermissionDenied):
        services.target_create(
            actor=officer,
            movement=fx.movement,
            indicator="Toàn tỉnh",
            comparator="dat",
            value=D("1"),
        )


def test_unit_targets_only_for_participants(tree, users, fx):
    # The commune takes no part: no unit target of its own in this movement, even for
    # an officer who holds the commune.
    commune_officer = UserFactory(username="xa_dong_thanh", unit=tree.commune)
    grant(commune_officer, "unit_officer", tree.commune)
    with pytest.raises(PermissionDenied):
        services.target_create(
            actor=commune_officer,
            movement=fx.movement,
            level=Target.Level.UNIT,
            unit=tree.commune,
            indicator="Tỷ lệ hộ dân sử dụng nước sạch",
            comparator="dat",
            value=D("98"),
        )
    # Not even the issuer's side assigns a target to a unit that takes no part.
    with pytest.raises(ValidationError) as caught:
        services.target_create(
            actor=None,
            movement=fx.movement,
            level=Target.Level.UNIT,
            unit=tree.commune,
            indicator="Tỷ lệ hộ dân sử dụng nước sạch",
            comparator="dat",
            value=D("98"),
        )
    assert "unit" in caught.value.message_dict
    assert fx.movement.targets.count() == 3


def test_target_update_refuses_a_stale_version_and_reassesses(users, fx, audit_log):
    services.progress_report_save(
        actor=None, target=fx.schools, period_end=Q1_END, actual=D("50"), today=AFTER_Q1
    )
    schools = fresh(fx.schools)
    assert schools.status == TargetStatus.AT_RISK  # 50 ÷ 59,1 = 0,846 < 0,9
    services.target_update(
        actor=users["secretariat"], target=schools, expected_version=schools.version, value=D("55")
    )
    schools = fresh(fx.schools)
    # 50 ÷ 55 = 0,90909… → 0,9091 ≥ 0,9: on track now.
    assert (schools.completion, schools.status) == (D("0.9091"), TargetStatus.ON_TRACK)
    with pytest.raises(StaleObjectError):
        services.target_update(
            actor=users["secretariat"], target=schools, expected_version=1, value=D("40")
        )
    assert fresh(fx.schools).value == D("55")
    (entry,) = entries_for(audit_log, schools, action=Action.UPDATE)
    assert (D(entry.before["value"]), D(entry.after["value"])) == (D("59.1"), D("55"))


def test_target_delete_only_before_any_report(users, fx, audit_log):
    services.target_delete(actor=users["secretariat"], target=fx.growth)
    assert not Target.objects.filter(pk=fx.growth.pk).exists()
    (entry,) = audit_log(action=Action.DELETE, object_type="movements.target")
    assert entry.before["indicator"] == "Tốc độ tăng trưởng GRDP"
    services.progress_report_save(
        actor=None, target=fx.schools, period_end=Q1_END, actual=D("50"), today=AFTER_Q1
    )
    with pytest.raises(ValidationError):
        services.target_delete(actor=users["secretariat"], target=fx.schools)
    assert Target.objects.filter(pk=fx.schools.pk).exists()


def test_target_delete_refused_when_a_share_was_reported(tree, users, fx):
    (share,) = services.target_split(
        actor=users["secretariat"], target=fx.growth, shares=[(tree.education, D("8"))]
    )
    services.progress_report_save(
        actor=None, target=share, period_end=Q1_END, actual=D("6"), today=AFTER_Q1
    )
    with pytest.raises(ValidationError):
        services.target_delete(actor=users["secretariat"], target=fx.growth)


def test_target_split_into_unit_shares(tree, users, fx, audit_log):
    revenue = services.target_create(
        actor=users["secretariat"],
        movement=fx.movement,
        indicator="Thu ngân sách",
        measure="tỷ đồng",
        comparator="toi_thieu",
        value=D("2326"),
        cumulative=True,
        baseline=D("2100"),
    )
    shares = services.target_split(
        actor=users["secretariat"],
        target=revenue,
        shares=[(tree.education, D("120")), (tree.health, D("300"))],
    )
    assert [(s.unit, s.value, s.level, s.parent) for s in shares] == [
        (tree.education, D("120"), Target.Level.UNIT, revenue),
        (tree.health, D("300"), Target.Level.UNIT, revenue),
    ]
    for share in shares:
        share = fresh(share)
        assert (share.indicator, share.measure, share.comparator, share.cumulative) == (
            "Thu ngân sách",
            "tỷ đồng",
            "toi_thieu",
            True,
        )
        assert share.baseline is None  # the province's baseline is not the unit's
    # Splitting again updates the unit's share instead of adding a second one.
    services.target_split(
        actor=users["secretariat"], target=revenue, shares=[(tree.education, D("150"))]
    )
    assert revenue.shares.count() == 2
    assert revenue.shares.get(unit=tree.education).value == D("150")
    entries = entries_for(audit_log, revenue, action=Action.UPDATE)
    assert entries[0].after["shares"] == {str(tree.education.pk): "120", str(tree.health.pk): "300"}
    assert entries[1].after["shares"] == {str(tree.education.pk): "150"}


def test_target_split_refuses_outsiders_and_unit_targets(tree, users, fx):
    with pytest.raises(ValidationError):
        services.target_split(
            actor=users["secretariat"], target=fx.growth, shares=[(tree.commune, D("7"))]
        )
    with pytest.raises(ValidationError):
        services.target_split(
            actor=users["secretariat"], target=fx.schools, shares=[(tree.school, D("60"))]
        )
    with pytest.raises(PermissionDenied):
        services.target_split(
            actor=users["unit_officer"], target=fx.growth, shares=[(tree.education, D("7"))]
        )
    assert not fx.growth.shares.exists()


# Registration ----------------------------------------------------------------------------


def test_registration_window(tree, users, fx):
    officer = users["unit_officer"]
    for day in (date(2025, 12, 31), date(2026, 4, 1)):  # opens 1/1, closes 31/3
        with pytest.raises(ValidationError):
            services.registration_save(
                actor=officer, movement=fx.movement, unit=tree.education, today=day
            )
    assert not Registration.objects.exists()
    for day in (date(2026, 1, 1), date(2026, 3, 31)):  # both ends are open
        services.registration_save(
            actor=officer, movement=fx.movement, unit=tree.education, today=day
        )
    assert Registration.objects.count() == 1


def test_registration_needs_a_running_movement_and_a_participant(tree, users, fx):
    draft = make_movement(tree, launch=False, title="Nháp").movement
    with pytest.raises(ValidationError):
        services.registration_save(
            actor=None, movement=draft, unit=tree.education, today=date(2026, 1, 15)
        )
    with pytest.raises(ValidationError):
        services.registration_save(
            actor=None, movement=fx.movement, unit=tree.commune, today=date(2026, 1, 15)
        )
    with pytest.raises(PermissionDenied):  # an officer of education for health
        services.registration_save(
            actor=users["unit_officer"],
            movement=fx.movement,
            unit=tree.health,
            today=date(2026, 1, 15),
        )
    assert not Registration.objects.exists()


def test_registration_with_people_submitted(tree, users, people, fx, audit_log):
    officer = users["unit_officer"]
    director = people["director"]
    colleague = PersonFactory(full_name="Hoàng Thị Mai", unit=tree.education)
    registration = services.registration_save(
        actor=officer,
        movement=fx.movement,
        unit=tree.education,
        collective_title="ttldxs",
        entries=[
            services.EntryRow(director, "cstdcs"),
            services.EntryRow(colleague, "ldtt"),
        ],
        submit=True,
        today=date(2026, 2, 1),
    )
    registration = fresh(registration)
    assert registration.status == Registration.Status.SUBMITTED
    assert registration.submitted_by == officer
    assert registration.submitted_at is not None
    assert registration.collective_title == "ttldxs"
    assert sorted((e.person.full_name, e.title) for e in registration.entries.all()) == [
        ("Hoàng Thị Mai", "ldtt"),
        ("Trần Văn Đức", "cstdcs"),
    ]
    (entry,) = entries_for(audit_log, registration, action=Action.CREATE)
    assert entry.actor == officer
    assert entry.after["status"] == Registration.Status.SUBMITTED
    assert sorted(entry.after["entries"]) == ["Hoàng Thị Mai: ldtt", "Trần Văn Đức: cstdcs"]


def test_registration_refuses_people_of_another_unit_and_duplicates(tree, users, people, fx):
    officer = users["unit_officer"]
    with pytest.raises(ValidationError) as caught:
        services.registration_save(
            actor=officer,
            movement=fx.movement,
            unit=tree.education,
            entries=[services.EntryRow(people["doctor"], "ldtt")],  # a doctor of the hospital
            today=date(2026, 2, 1),
        )
    assert "entries" in caught.value.message_dict
    with pytest.raises(ValidationError) as caught:
        services.registration_save(
            actor=officer,
            movement=fx.movement,
            unit=tree.education,
            entries=[
                services.EntryRow(people["director"], "ldtt"),
                services.EntryRow(people["director"], "cstdcs"),
            ],
            today=date(2026, 2, 1),
        )
    assert "entries" in caught.value.message_dict
    assert not Registration.objects.exists()  # the failed saves left nothing behind


def test_registration_stale_version_is_refused(tree, users, people, fx, audit_log):
    officer = users["unit_officer"]
    first = services.registration_save(
        actor=officer, movement=fx.movement, unit=tree.education, today=date(2026, 2, 1)
    )
    opened = first.version
    services.registration_save(
        actor=officer,
        movement=fx.movement,
        unit=tree.education,
        collective_title="ttldtt",
        expected_version=opened,
        today=date(2026, 2, 2),
    )
    with pytest.raises(StaleObjectError):
        services.registration_save(
            actor=officer,
            movement=fx.movement,
            unit=tree.education,
            collective_title="co_tinh",
            expected_version=opened,
            today=date(2026, 2, 3),
        )
    registration = fresh(first)
    assert (registration.collective_title, registration.version) == ("ttldtt", opened + 1)
    assert registration.status == Registration.Status.DRAFT
    (update,) = entries_for(audit_log, registration, action=Action.UPDATE)
    assert (update.before["collective_title"], update.after["collective_title"]) == ("", "ttldtt")


# Progress reports ---------------------------------------------------------------------------


def test_officer_reports_progress_with_evidence(tree, users, fx, audit_log):
    officer = users["unit_officer"]
    report = services.progress_report_save(
        actor=officer,
        target=fx.schools,
        period_end=Q1_END,
        actual=D("50"),
        comment="Đã công nhận thêm 4 trường.",
        files=[pdf_upload("quyet-dinh.pdf")],
        today=AFTER_Q1,
    )
    report = fresh(report)
    assert (report.unit, report.period_start, report.period_end) == (
        tree.education,
        date(2026, 1, 1),
        Q1_END,
    )
    assert report.completion == D("0.8460")  # 50 ÷ 59,1 = 0,84602…
    assert report.status == TargetStatus.AT_RISK  # a level below 90% of its goal
    assert report.reported_by == officer
    evidence = report.evidence.get()
    assert (evidence.original_name, evidence.content_type) == ("quyet-dinh.pdf", "application/pdf")
    assert evidence.file.read() == PDF
    target = fresh(fx.schools)
    assert (target.latest_actual, target.latest_period_end) == (D("50"), Q1_END)
    assert (target.completion, target.status) == (D("0.8460"), TargetStatus.AT_RISK)
    (entry,) = entries_for(audit_log, report, action=Action.CREATE)
    assert entry.actor == officer
    assert D(entry.after["actual"]) == D("50")
    assert entry.after["evidence"] == ["quyet-dinh.pdf"]


def test_reporting_the_current_period_is_allowed_but_not_a_future_one(users, fx):
    officer = users["unit_officer"]
    # On 15/3 quarter I is under way: an early figure may be reported.
    services.progress_report_save(
        actor=officer, target=fx.schools, period_end=Q1_END, actual=D("52"), today=date(2026, 3, 15)
    )
    with pytest.raises(ValidationError) as caught:
        services.progress_report_save(
            actor=officer,
            target=fx.schools,
            period_end=date(2026, 6, 30),
            actual=D("55"),
            today=date(2026, 3, 15),
        )
    assert "period_end" in caught.value.message_dict
    assert fx.schools.reports.count() == 1


@pytest.mark.parametrize("period_end", [date(2026, 3, 15), date(2026, 2, 28), date(2027, 3, 31)])
def test_a_period_not_in_the_calendar_is_refused(users, fx, period_end):
    with pytest.raises(ValidationError) as caught:
        services.progress_report_save(
            actor=users["unit_officer"],
            target=fx.schools,
            period_end=period_end,
            actual=D("50"),
            today=date(2027, 6, 1),
        )
    assert "period_end" in caught.value.message_dict
    assert not ProgressReport.objects.exists()


def test_reports_on_closed_or_draft_movements_are_refused(tree, users, fx):
    draft = make_movement(tree, launch=False, title="Nháp")
    with pytest.raises(ValidationError):
        services.progress_report_save(
            actor=None, target=draft.schools, period_end=Q1_END, actual=D("50"), today=AFTER_Q1
        )
    services.review_create(
        actor=users["secretariat"],
        movement=fx.movement,
        kind=Review.Kind.FINAL,
        held_on=date(2026, 12, 28),
        title="Tổng kết",
    )
    with pytest.raises(ValidationError):
        services.progress_report_save(
            actor=None, target=fx.schools, period_end=Q1_END, actual=D("50"), today=AFTER_Q1
        )
    assert not ProgressReport.objects.exists()


def test_a_target_of_another_unit_is_refused(users, fx):
    officer = users["unit_officer"]
    for target in (fx.beds, fx.growth):  # Sở Y tế's, and the committee's province-wide one
        with pytest.raises(ValidationError):
            services.progress_report_save(
                actor=officer, target=target, period_end=Q1_END, actual=D("46"), today=AFTER_Q1
            )
    assert not ProgressReport.objects.exists()
    # The secretariat of the province reports the province-wide target.
    services.progress_report_save(
        actor=users["secretariat"],
        target=fx.growth,
        period_end=Q1_END,
        actual=D("7"),
        today=AFTER_Q1,
    )
    assert fresh(fx.growth).reports.get().unit == fx.movement.issuer


def test_share_figures_are_checked(users, fx):
    whole = services.target_create(
        actor=None,
        movement=fx.movement,
        indicator="Tỷ lệ xã đạt chuẩn nông thôn mới",
        measure="%",
        comparator="dat",
        value=D("100"),
    )
    for actual in (D("100.5"), D("-1")):
        with pytest.raises(ValidationError) as caught:
            services.progress_report_save(
                actor=None, target=whole, period_end=Q1_END, actual=actual, today=AFTER_Q1
            )
        assert "actual" in caught.value.message_dict
    report = services.progress_report_save(
        actor=None, target=whole, period_end=Q1_END, actual=D("100"), today=AFTER_Q1
    )
    assert (report.completion, report.status) == (D("1"), TargetStatus.MET)


def test_second_officer_from_the_same_version_is_told(users, fx, audit_log):
    officer = users["unit_officer"]
    report = services.progress_report_save(
        actor=officer, target=fx.schools, period_end=Q1_END, actual=D("50"), today=AFTER_Q1
    )
    opened = report.version
    services.progress_report_save(
        actor=officer,
        target=fx.schools,
        period_end=Q1_END,
        actual=D("53"),
        expected_version=opened,
        today=AFTER_Q1,
    )
    with pytest.raises(StaleObjectError):
        services.progress_report_save(
            actor=officer,
            target=fx.schools,
            period_end=Q1_END,
            actual=D("49"),
            expected_version=opened,
            today=AFTER_Q1,
        )
    report = fresh(report)
    assert (report.actual, report.version) == (D("53"), opened + 1)
    assert fresh(fx.schools).latest_actual == D("53")
    (update,) = entries_for(audit_log, report, action=Action.UPDATE)
    assert (D(update.before["actual"]), D(update.after["actual"])) == (D("50"), D("53"))


def test_evidence_is_checked_by_content(users, fx):
    fake = SimpleUploadedFile(
        "minh-chung.pdf", b"MZ\x90\x00 not a PDF at all", content_type="application/pdf"
    )
    with pytest.raises(ValidationError):
        services.progress_report_save(
            actor=users["unit_officer"],
            target=fx.schools,
            period_end=Q1_END,
            actual=D("50"),
            files=[fake],
            today=AFTER_Q1,
        )
    empty = SimpleUploadedFile("trong.pdf", b"", content_type="application/pdf")
    with pytest.raises(ValidationError):
        services.progress_report_save(
            actor=users["unit_officer"],
            target=fx.schools,
            period_end=Q1_END,
            actual=D("50"),
            files=[empty],
            today=AFTER_Q1,
        )
    assert not ProgressReport.objects.exists()
    assert not Evidence.objects.exists()


def test_the_latest_period_drives_the_target(users, fx):
    officer = users["unit_officer"]
    services.progress_report_save(
        actor=officer,
        target=fx.schools,
        period_end=date(2026, 6, 30),
        actual=D("58"),
        today=date(2026, 7, 2),
    )
    # A late correction of quarter I does not replace the newer quarter II figure.
    services.progress_report_save(
        actor=officer, target=fx.schools, period_end=Q1_END, actual=D("40"), today=date(2026, 7, 3)
    )
    target = fresh(fx.schools)
    assert (target.latest_actual, target.latest_period_end) == (D("58"), date(2026, 6, 30))
    assert target.completion == D("0.9814")  # 58 ÷ 59,1 = 0,98138…
    assert target.status == TargetStatus.ON_TRACK


# Progress import ---------------------------------------------------------------------------


def _row(line, target, actual, period_end=Q1_END, comment=""):
    return services.ImportRow(
        line=line, target=target, period_end=period_end, actual=D(actual), comment=comment
    )


def test_import_saves_every_row_and_audits_each(users, fx, audit_log):
    secretariat = users["secretariat"]
    count = services.progress_import(
        actor=secretariat,
        movement=fx.movement,
        rows=[
            _row(2, fx.growth, "7.8"),
            _row(3, fx.schools, "56"),
            _row(4, fx.beds, "46", comment="Theo báo cáo của Sở Y tế"),
        ],
        today=AFTER_Q1,
    )
    assert count == 3
    reports = {r.target_id: r for r in ProgressReport.objects.all()}
    assert reports[fx.beds.pk].comment == "Theo báo cáo của Sở Y tế"
    assert reports[fx.beds.pk].unit == fx.beds.unit
    assert reports[fx.growth.pk].unit == fx.movement.issuer
    assert reports[fx.schools.pk].period_start == date(2026, 1, 1)
    assert fresh(fx.growth).status == TargetStatus.MET  # 7,8 ≥ 7,5
    assert fresh(fx.beds).status == TargetStatus.MET  # 46 ≥ 45,7
    assert fresh(fx.schools).completion == D("0.9475")  # 56 ÷ 59,1 = 0,94754…
    imported = audit_log(action=Action.IMPORT)
    assert len(imported) == 3
    assert {e.object_id for e in imported} == {str(r.pk) for r in reports.values()}
    assert {e.actor for e in imported} == {secretariat}
    # Importing again replaces the figures.
    services.progress_import(
        actor=secretariat, movement=fx.movement, rows=[_row(2, fx.growth, "7.2")], today=AFTER_Q1
    )
    growth = ProgressReport.objects.get(target=fx.growth)
    assert (growth.actual, growth.version) == (D("7.2"), 2)
    assert fresh(fx.growth).status == TargetStatus.ON_TRACK  # 7,2 ÷ 7,5 = 0,96


def test_import_is_all_or_nothing_with_row_numbers(tree, users, fx, audit_log):
    other = make_movement(tree, title="Phong trào khác")
    rows = [
        _row(2, fx.growth, "7.8"),
        _row(3, fx.schools, "56", period_end=date(2026, 3, 15)),  # not a period end
        _row(4, fx.schools, "57"),
        _row(5, fx.schools, "58"),  # the same target and period as row 4
        _row(6, other.growth, "7"),  # another movement's target
        _row(7, fx.beds, "46", period_end=date(2026, 9, 30)),  # not started on 5/4
    ]
    with translation.override("en"), pytest.raises(ValidationError) as caught:
        services.progress_import(
            actor=users["secretariat"], movement=fx.movement, rows=rows, today=AFTER_Q1
        )
    messages = caught.value.messages
    assert [m.split(":")[0] for m in messages] == ["Row 3", "Row 5", "Row 6", "Row 7"]
    assert not ProgressReport.objects.exists()
    assert audit_log(action=Action.IMPORT) == []
    assert fresh(fx.growth).status == TargetStatus.NOT_REPORTED


def test_import_refuses_targets_of_other_units(users, fx):
    with translation.override("en"), pytest.raises(ValidationError) as caught:
        services.progress_import(
            actor=users["unit_officer"],
            movement=fx.movement,
            rows=[_row(2, fx.schools, "56"), _row(3, fx.beds, "46")],
            today=AFTER_Q1,
        )
    assert [m.split(":")[0] for m in caught.value.messages] == ["Row 3"]
    assert not ProgressReport.objects.exists()


def test_import_into_a_closed_or_draft_movement_is_refused(tree, users, fx):
    draft = make_movement(tree, launch=False, title="Nháp")
    with pytest.raises(ValidationError):
        services.progress_import(
            actor=None, movement=draft.movement, rows=[_row(2, draft.growth, "7")], today=AFTER_Q1
        )
    services.review_create(
        actor=None,
        movement=fx.movement,
        kind=Review.Kind.FINAL,
        held_on=date(2026, 12, 28),
        title="Tổng kết",
    )
    with pytest.raises(ValidationError):
        services.progress_import(
            actor=None, movement=fx.movement, rows=[_row(2, fx.growth, "7")], today=AFTER_Q1
        )
    assert not ProgressReport.objects.exists()


# Reviews ---------------------------------------------------------------------------------


def test_interim_review_keeps_the_movement_running(users, fx, audit_log):
    services.progress_report_save(
        actor=None, target=fx.schools, period_end=Q1_END, actual=D("50"), today=AFTER_Q1
    )
    review = services.review_create(
        actor=users["secretariat"],
        movement=fx.movement,
        kind=Review.Kind.INTERIM,
        held_on=date(2026, 7, 10),
        title="Sơ kết 6 tháng đầu năm 2026",
        conclusions="Các chỉ tiêu cơ bản đạt tiến độ.",
    )
    movement = fresh(fx.movement)
    assert movement.status == S.REVIEWED
    assert movement.is_running
    assert review.created_by == users["secretariat"]
    assert not Target.objects.filter(movement=movement, settled=True).exists()
    assert fresh(fx.schools).status == TargetStatus.AT_RISK  # still in progress
    (entry,) = entries_for(audit_log, review, action=Action.CREATE)
    assert entry.after["title"] == "Sơ kết 6 tháng đầu năm 2026"
    # Still open to reports after the interim review.
    services.progress_report_save(
        actor=None,
        target=fx.schools,
        period_end=date(2026, 6, 30),
        actual=D("57"),
        today=date(2026, 7, 11),
    )


def test_final_review_closes_and_settles_every_target(tree, users, fx, audit_log):
    capped = services.target_create(
        actor=None,
        movement=fx.movement,
        indicator="Chi thường xuyên",
        measure="tỷ đồng",
        comparator="khong_qua",
        value=D("1000"),
        cumulative=True,
    )
    report = lambda target, end, actual: services.progress_report_save(  # noqa: E731
        actor=None, target=target, period_end=end, actual=D(actual), today=date(2027, 1, 5)
    )
    report(fx.growth, date(2026, 12, 31), "7.9")  # 7,9 ≥ 7,5: met
    report(fx.schools, date(2026, 9, 30), "58")  # 58 < 59,1 by the end: not met
    # fx.beds: never reported.
    report(capped, date(2026, 9, 30), "700")  # the last quarter's total never came
    assert fresh(fx.schools).status == TargetStatus.ON_TRACK  # 58 ÷ 59,1 = 0,9814
    assert fresh(capped).status == TargetStatus.ON_TRACK
    services.review_create(
        actor=users["secretariat"],
        movement=fx.movement,
        kind=Review.Kind.FINAL,
        held_on=date(2027, 1, 10),
        title="Tổng kết phong trào năm 2026",
    )
    assert fresh(fx.movement).status == S.CLOSED
    targets = {t.pk: t for t in Target.objects.filter(movement=fx.movement)}
    assert all(t.settled for t in targets.values())
    assert {t.status for t in targets.values()} <= {TargetStatus.MET, TargetStatus.MISSED}
    assert targets[fx.growth.pk].status == TargetStatus.MET
    assert targets[fx.schools.pk].status == TargetStatus.MISSED
    assert targets[fx.beds.pk].status == TargetStatus.MISSED  # missing report
    assert targets[fx.beds.pk].completion is None
    assert targets[capped.pk].status == TargetStatus.MISSED  # a partial total proves nothing
    settled = [
        e
        for e in entries_for(audit_log, fx.movement, action=Action.UPDATE)
        if "settled" in (e.after or {})
    ]
    assert [e.after["settled"] for e in settled] == [{"met": 1, "missed": 3}]


def test_a_settled_target_with_a_cumulative_total_is_judged_on_the_whole_year(users, fx):
    revenue = services.target_create(
        actor=None,
        movement=fx.movement,
        indicator="Thu ngân sách",
        measure="tỷ đồng",
        comparator="dat",
        value=D("2326"),
        cumulative=True,
    )
    services.progress_report_save(
        actor=None,
        target=revenue,
        period_end=date(2026, 12, 31),
        actual=D("2400"),
        today=date(2027, 1, 5),
    )
    services.review_create(
        actor=None,
        movement=fx.movement,
        kind=Review.Kind.FINAL,
        held_on=date(2027, 1, 10),
        title="Tổng kết",
    )
    revenue = fresh(revenue)
    assert (revenue.status, revenue.settled) == (TargetStatus.MET, True)
    assert revenue.completion == D("1.0318")  # 2.400 ÷ 2.326 = 1,03181…


def test_review_notifies_the_participants(tree, with_email, fx):
    Notification.objects.all().delete()
    services.review_create(
        actor=with_email["secretariat"],
        movement=fx.movement,
        kind=Review.Kind.INTERIM,
        held_on=date(2026, 7, 10),
        title="Sơ kết 6 tháng",
        conclusions="Hoàn thành tốt.",
    )
    notes = Notification.objects.all()
    assert {n.recipient for n in notes} == {with_email["unit_officer"], with_email["other_officer"]}
    assert all("Sơ kết 6 tháng" in n.subject and n.body == "Hoàn thành tốt." for n in notes)


def test_only_the_issuers_side_reviews(users, fx):
    for role in ("unit_officer", "leader"):
        with pytest.raises(PermissionDenied):
            services.review_create(
                actor=users[role],
                movement=fx.movement,
                kind=Review.Kind.FINAL,
                held_on=date(2026, 12, 28),
                title="Tổng kết",
            )
    assert fresh(fx.movement).status == S.LAUNCHED


# Pledges ---------------------------------------------------------------------------------


def _pledge(tree, actor, **changes):
    fields = dict(
        title="Giao ước thi đua khối các sở, ngành văn hóa – xã hội năm 2026",
        owner=tree.education,
        parties=[tree.education, tree.school],
        signed_on=date(2026, 1, 20),
        place="Hội trường Sở Giáo dục và Đào tạo",
        content="Các bên cam kết thi đua hoàn thành xuất sắc nhiệm vụ năm học.",
    )
    fields.update(changes)
    return services.pledge_create(actor=actor, **fields)


def test_block_head_records_a_pledge_with_its_scan(tree, users, audit_log):
    pledge = _pledge(tree, users["block_head"], scan=pdf_upload("giao-uoc.pdf"))
    pledge = fresh(pledge)
    assert set(pledge.parties.all()) == {tree.education, tree.school}
    assert pledge.scan_name == "giao-uoc.pdf"
    assert pledge.scan.read() == PDF
    assert pledge.title_folded.startswith("giao uoc thi dua khoi cac so")
    (entry,) = entries_for(audit_log, pledge, action=Action.CREATE)
    assert entry.actor == users["block_head"]
    assert entry.after["parties"] == sorted([tree.education.pk, tree.school.pk])


def test_pledge_needs_two_parties_unless_it_belongs_to_a_movement(tree, users, fx):
    with pytest.raises(ValidationError) as caught:
        _pledge(tree, users["secretariat"], parties=[tree.education])
    assert "parties" in caught.value.message_dict
    # A district leader's pledge to the province under a movement: one signing unit.
    pledge = _pledge(tree, users["secretariat"], parties=[tree.education], movement=fx.movement)
    assert pledge.parties.count() == 1
    with pytest.raises(ValidationError):
        _pledge(tree, users["secretariat"], parties=[], movement=fx.movement)


def test_pledge_scan_must_be_a_pdf_or_an_image(tree, users):
    fake = SimpleUploadedFile(
        "giao-uoc.pdf", b"<html>not a scan</html>", content_type="application/pdf"
    )
    with pytest.raises(ValidationError):
        _pledge(tree, users["block_head"], scan=fake)
    assert not Pledge.objects.exists()


def test_pledge_owner_must_be_in_scope(tree, users):
    with pytest.raises(PermissionDenied):
        _pledge(tree, users["block_head"], owner=tree.health, parties=[tree.health, tree.hospital])
    with pytest.raises(PermissionDenied):  # unit officers do not keep pledges
        _pledge(tree, users["unit_officer"])
    assert not Pledge.objects.exists()


def test_pledge_update_and_delete(tree, users, audit_log):
    block_head = users["block_head"]
    pledge = _pledge(tree, block_head)
    opened = pledge.version
    services.pledge_update(
        actor=block_head,
        pledge=pledge,
        parties=[tree.education, tree.school, tree.health],
        expected_version=opened,
        place="Trường THPT Chuyên Lê Quý Đôn",
    )
    with pytest.raises(StaleObjectError):
        services.pledge_update(
            actor=block_head, pledge=pledge, expected_version=opened, place="Khác"
        )
    with pytest.raises(ValidationError):
        services.pledge_update(actor=block_head, pledge=pledge, parties=[])
    with pytest.raises(PermissionDenied):  # handing it to a unit outside the block head's scope
        services.pledge_update(actor=block_head, pledge=pledge, owner=tree.health)
    pledge = fresh(pledge)
    assert pledge.place == "Trường THPT Chuyên Lê Quý Đôn"
    assert pledge.parties.count() == 3
    assert pledge.owner == tree.education
    (update,) = entries_for(audit_log, pledge, action=Action.UPDATE)
    assert len(update.before["parties"]) == 2
    assert len(update.after["parties"]) == 3
    with pytest.raises(PermissionDenied):
        services.pledge_delete(actor=users["other_officer"], pledge=pledge)
    services.pledge_delete(actor=block_head, pledge=pledge)
    assert not Pledge.objects.exists()
    (deleted,) = audit_log(action=Action.DELETE, object_type="movements.pledge")
    assert deleted.before["title"] == pledge.title


def test_the_last_period_reported_early_is_not_yet_final(fx):
    # Schools: đạt 59,1 %. 55,2 reported for Q4 on 22/11: 55,2 ÷ 59,1 = 0,934 ≥ 0,9, so
    # on track while the year runs; the same figure after 31/12 is final: not met.
    early = services.progress_report_save(
        actor=None,
        target=fx.schools,
        period_end=date(2026, 12, 31),
        actual=D("55.2"),
        today=date(2026, 11, 22),
    )
    assert early.status == TargetStatus.ON_TRACK
    assert fresh(fx.schools).status == TargetStatus.ON_TRACK
    late = services.progress_report_save(
        actor=None,
        target=fx.schools,
        period_end=date(2026, 12, 31),
        actual=D("55.2"),
        expected_version=early.version,
        today=date(2027, 1, 5),
    )
    assert late.status == TargetStatus.MISSED


def test_a_rate_in_per_cent_may_be_negative_but_a_whole_share_may_not(fx):
    # Growth (đạt 7,5 %) fell: −1,2 % is a real figure, not an input error.
    report = services.progress_report_save(
        actor=None, target=fx.growth, period_end=Q1_END, actual=D("-1.2"), today=AFTER_Q1
    )
    assert report.actual == D("-1.2")
    assert report.completion == 0  # never below nothing
    share = services.target_create(
        actor=None,
        movement=fx.movement,
        indicator="Tỷ lệ hồ sơ giải quyết đúng hạn",
        measure="%",
        comparator="dat",
        value=D("100"),
    )
    with pytest.raises(ValidationError) as caught:
        services.progress_report_save(
            actor=None, target=share, period_end=Q1_END, actual=D("-5"), today=AFTER_Q1
        )
    assert "actual" in caught.value.message_dict
