"""Access rows for the movement management pages: the list, the movement form, its
contents, responsibilities, participants, attachments, launch, deletion and the
movement-wide targets.

The province's movement (``world.extra["movement"]``, issued by the People's Committee)
is seen by every role with a grant, since Sở GD&ĐT, its school and Sở Y tế take part;
only the secretariat (and the administrator) change it. Its draft sibling is seen by the
province's side only: participants learn of a movement when it is launched. Two more drafts sit inside one
department each: one issued by Sở GD&ĐT for its school, one by Sở Y tế for its
hospital, so each officer must find the other's missing.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from thidua.movements import services
from thidua.movements.models import Attachment, Movement, Target

from ..access import (
    EVERYONE,
    FORBIDDEN,
    HIDDEN,
    MANAGERS,
    PROVINCE,
    SEES_INSIDE,
    SEES_OUTSIDE,
    Route,
    gated,
    scoped,
)
from .access import pdf_upload

# Every role with a grant sees the province's movement: their units take part.
SEES_MOVEMENT = frozenset(EVERYONE - {"no_role"})


def world_extras(world) -> None:
    tree = world.tree
    year = date.today().year
    for key, issuer, participant in (
        ("inside", tree.education, tree.school),
        ("outside", tree.health, tree.hospital),
    ):
        movement = services.movement_create(
            actor=None,
            title=f"Phong trào thi đua của {issuer.name}",
            kind="chuyen_de",
            issuer=issuer,
            starts_on=date(year, 1, 1),
            ends_on=date(year, 12, 31),
            contents=[("1.", "Thi đua dạy tốt, học tốt.")],
        )
        services.participants_set(actor=None, movement=movement, units=[participant])
        target = services.target_create(
            actor=None,
            movement=movement,
            indicator="Tỷ lệ hài lòng của người dân",
            measure="%",
            value=Decimal("90"),
        )
        attachment = services.attachment_add(
            actor=None,
            movement=movement,
            upload=pdf_upload("ke-hoach.pdf"),
            kind="ke_hoach",
            title="Kế hoạch tổ chức",
        )
        world.extra[f"mv_{key}"] = movement
        world.extra[f"mv_target_{key}"] = target
        world.extra[f"mv_attachment_{key}"] = attachment
    # A target Sở GD&ĐT registered itself: its officer may change it.
    world.extra["own_target_inside"] = services.target_create(
        actor=None,
        movement=world.extra["movement"],
        level=Target.Level.UNIT,
        registration=world.extra["registration_inside"],
        unit=tree.education,
        indicator="Số giáo viên đạt chuẩn",
        measure="người",
        comparator="toi_thieu",
        value=Decimal("1200"),
    )


# Data builders ---------------------------------------------------------------------------


def _date(value) -> str:
    return value.strftime("%d/%m/%Y") if value else ""


def movement_form(movement: Movement, **changes) -> dict:
    """The movement form as the page posts it, with ``changes``."""
    movement = Movement.objects.get(pk=movement.pk)
    data = {
        "title": movement.title,
        "kind": movement.kind,
        "issuer": movement.issuer_id,
        "signer": movement.signer,
        "signer_title": movement.signer_title,
        "document_number": movement.document_number,
        "document_date": _date(movement.document_date),
        "starts_on": _date(movement.starts_on),
        "ends_on": _date(movement.ends_on),
        "theme": movement.theme,
        "mottos": "\n".join(movement.mottos),
        "purpose": movement.purpose,
        "report_frequency": movement.report_frequency,
        "report_due_days": movement.report_due_days,
        "registration_opens": _date(movement.registration_opens),
        "registration_closes": _date(movement.registration_closes),
        "version": movement.version,
    }
    data.update(changes)
    return data


def target_form(target: Target, **changes) -> dict:
    target = Target.objects.get(pk=target.pk)
    data = {
        "order": target.order,
        "group": target.group,
        "indicator": target.indicator,
        "measure": target.measure,
        "comparator": target.comparator,
        "value": str(target.value).replace(".", ","),
        "value_max": "" if target.value_max is None else str(target.value_max),
        "direction": target.direction,
        "reference": target.reference,
        "baseline": "" if target.baseline is None else str(target.baseline),
        "due_on": _date(target.due_on),
        "unit": target.unit_id or "",
        "note": target.note,
        "version": target.version,
    }
    if target.cumulative:
        data["cumulative"] = "on"
    if target.relative_change:
        data["relative_change"] = "on"
    data.update(changes)
    return {k: v for k, v in data.items() if v is not None}


def _formset(prefix: str, rows: list[dict], initial: int) -> dict:
    data = {
        f"{prefix}-TOTAL_FORMS": str(len(rows)),
        f"{prefix}-INITIAL_FORMS": str(initial),
        f"{prefix}-MIN_NUM_FORMS": "0",
        f"{prefix}-MAX_NUM_FORMS": "500",
    }
    for index, row in enumerate(rows):
        for key, value in row.items():
            data[f"{prefix}-{index}-{key}"] = value
    return data


# State probes ----------------------------------------------------------------------------


def _movement(w):
    return w.extra["movement"]


def _draft(w):
    return w.extra["draft"]


def _field(model, pk_of, attr):
    return lambda w, me: getattr(model.objects.filter(pk=pk_of(w).pk).first(), attr, None)


def _contents(w, me):
    return list(_movement(w).contents.values_list("label", "text"))


def _responsibilities(w, me):
    return list(_movement(w).responsibilities.values_list("agency", "task", "unit_id"))


def _participants(w, me):
    return sorted(_movement(w).participations.values_list("unit_id", flat=True))


def _shares(w, me):
    return sorted(
        Target.objects.filter(parent=w.extra["target_province"]).values_list("unit_id", "value")
    )


def _attachments(w, me):
    return Attachment.objects.filter(movement=_movement(w)).count()


def _exists(model, pk_of):
    return lambda w, me: model.objects.filter(pk=pk_of(w).pk).exists()


def _pk(of):
    return lambda w, me: {"pk": of(w).pk}


# Rows ------------------------------------------------------------------------------------

CHANGE = scoped(SEES_MOVEMENT, MANAGERS)
# Participants learn of a movement when it is launched: the province's draft is seen by
# the province's side only.
DRAFT_CHANGE = scoped(PROVINCE, MANAGERS)

ROUTES: list[Route] = [
    # The list and its export: every signed-in user (without a grant, an empty list).
    Route("movement list", "movements:list", dict.fromkeys(EVERYONE, "ok")),
    Route(
        "movement list filtered",
        "movements:list",
        dict.fromkeys(EVERYONE, "ok"),
        query={
            "q": "phong trao",
            "status": "phat_dong",
            "kind": "thuong_xuyen",
            "sort": "-title_folded",
        },
    ),
    Route("movement list export", "movements:list_export", dict.fromkeys(EVERYONE, "ok")),
    # Creating: the secretariat only.
    Route("movement create", "movements:create", gated(MANAGERS)),
    Route(
        "movement create",
        "movements:create",
        gated(MANAGERS),
        method="POST",
        data=lambda w, me: {
            "title": "Phong trào thi đua chuyển đổi số",
            "kind": "chuyen_de",
            "issuer": w.tree.committee.pk,
            "starts_on": "01/01/2026",
            "ends_on": "31/12/2027",
            "mottos": "“Chuyển đổi số toàn diện”",
            "report_frequency": "quy",
            "report_due_days": "10",
        },
        state=lambda w, me: Movement.objects.filter(
            title="Phong trào thi đua chuyển đổi số"
        ).exists(),
    ),
    # The province's movement.
    Route("movement edit", "movements:edit", CHANGE, kwargs=_pk(_movement)),
    Route(
        "movement edit",
        "movements:edit",
        CHANGE,
        method="POST",
        kwargs=_pk(_movement),
        data=lambda w, me: movement_form(_movement(w), title="Tên phong trào đã sửa"),
        state=_field(Movement, _movement, "title"),
    ),
    Route("movement contents", "movements:contents", CHANGE, kwargs=_pk(_movement)),
    Route(
        "movement contents",
        "movements:contents",
        CHANGE,
        method="POST",
        kwargs=_pk(_movement),
        data=lambda w, me: _formset(
            "contents",
            [
                {"number": "2", "label": "Hai là", "text": "Thi đua đổi mới sáng tạo."},
                {"number": "1", "label": "Một là", "text": "Thi đua phát triển kinh tế."},
            ],
            initial=1,
        ),
        state=_contents,
    ),
    Route("movement responsibilities", "movements:responsibilities", CHANGE, kwargs=_pk(_movement)),
    Route(
        "movement responsibilities",
        "movements:responsibilities",
        CHANGE,
        method="POST",
        kwargs=_pk(_movement),
        data=lambda w, me: _formset(
            "responsibilities",
            [
                {
                    "number": "1",
                    "agency": "Sở Nội vụ",
                    "unit": w.tree.home_affairs.pk,
                    "task": "Hướng dẫn, theo dõi, tổng hợp kết quả.",
                }
            ],
            initial=1,
        ),
        state=_responsibilities,
    ),
    Route("movement participants", "movements:participants", CHANGE, kwargs=_pk(_movement)),
    Route(
        "movement participants",
        "movements:participants",
        CHANGE,
        method="POST",
        kwargs=_pk(_movement),
        data=lambda w, me: {
            "units": [w.tree.education.pk, w.tree.school.pk, w.tree.health.pk],
            "kinds": ["xa"],
        },
        state=_participants,
    ),
    # Launching and deleting the province's draft.
    Route("movement launch", "movements:launch", DRAFT_CHANGE, kwargs=_pk(_draft)),
    Route(
        "movement launch",
        "movements:launch",
        DRAFT_CHANGE,
        method="POST",
        kwargs=_pk(_draft),
        state=_field(Movement, _draft, "status"),
    ),
    Route("movement delete", "movements:delete", DRAFT_CHANGE, kwargs=_pk(_draft)),
    Route(
        "movement delete",
        "movements:delete",
        DRAFT_CHANGE,
        method="POST",
        kwargs=_pk(_draft),
        state=_exists(Movement, _draft),
    ),
    # Attachments.
    Route("attachment add", "movements:attachment_add", CHANGE, kwargs=_pk(_movement)),
    Route(
        "attachment add",
        "movements:attachment_add",
        CHANGE,
        method="POST",
        kwargs=_pk(_movement),
        data=lambda w, me: {"kind": "ke_hoach", "title": "Kế hoạch", "file": pdf_upload()},
        state=_attachments,
    ),
    Route(
        "attachment download",
        "movements:attachment",
        scoped(SEES_MOVEMENT),
        kwargs=_pk(lambda w: w.extra["attachment"]),
    ),
    Route(
        "attachment delete",
        "movements:attachment_delete",
        CHANGE,
        method="POST",
        kwargs=_pk(lambda w: w.extra["attachment"]),
        state=_exists(Attachment, lambda w: w.extra["attachment"]),
    ),
    # Movement-wide targets.
    Route("target create", "movements:target_create", CHANGE, kwargs=_pk(_movement)),
    Route(
        "target create",
        "movements:target_create",
        CHANGE,
        method="POST",
        kwargs=_pk(_movement),
        data=lambda w, me: {
            "group": "xa_hoi",
            "indicator": "Tỷ lệ hộ nghèo",
            "measure": "%",
            "comparator": "giam",
            "value": "1,5",
            "direction": "thap",
            "reference": "so với năm 2025",
        },
        state=lambda w, me: Target.objects.filter(indicator="Tỷ lệ hộ nghèo").exists(),
    ),
    Route(
        "target edit",
        "movements:target_edit",
        CHANGE,
        kwargs=_pk(lambda w: w.extra["target_province"]),
    ),
    Route(
        "target edit",
        "movements:target_edit",
        CHANGE,
        method="POST",
        kwargs=_pk(lambda w: w.extra["target_province"]),
        data=lambda w, me: target_form(w.extra["target_province"], value="8,2"),
        state=_field(Target, lambda w: w.extra["target_province"], "value"),
    ),
    Route(
        "target delete",
        "movements:target_delete",
        CHANGE,
        kwargs=_pk(lambda w: w.extra["target_province"]),
    ),
    Route(
        "target delete",
        "movements:target_delete",
        CHANGE,
        method="POST",
        kwargs=_pk(lambda w: w.extra["target_province"]),
        state=_exists(Target, lambda w: w.extra["target_province"]),
    ),
    Route(
        "target split",
        "movements:target_split",
        CHANGE,
        kwargs=_pk(lambda w: w.extra["target_province"]),
    ),
    Route(
        "target split",
        "movements:target_split",
        CHANGE,
        method="POST",
        kwargs=_pk(lambda w: w.extra["target_province"]),
        data=lambda w, me: {
            f"share_{w.tree.education.pk}": "7,8",
            f"share_{w.tree.health.pk}": "7,2",
        },
        state=_shares,
    ),
    # A unit's share assigned by the province goes with the movement: its unit's
    # officer sees it but cannot change it; the sibling officer does not see it.
    Route(
        "target edit unit target inside",
        "movements:target_edit",
        scoped(SEES_INSIDE, MANAGERS),
        kwargs=_pk(lambda w: w.extra["target_inside"]),
    ),
    Route(
        "target edit unit target inside",
        "movements:target_edit",
        scoped(SEES_INSIDE, MANAGERS),
        method="POST",
        kwargs=_pk(lambda w: w.extra["target_inside"]),
        data=lambda w, me: target_form(w.extra["target_inside"], value="30"),
        state=_field(Target, lambda w: w.extra["target_inside"], "value"),
    ),
    Route(
        "target split unit target",
        "movements:target_split",
        # Only a movement-wide target is broken down: for a unit's share the page does
        # not exist (404) to those who may change it.
        {role: FORBIDDEN if role in SEES_INSIDE - MANAGERS else HIDDEN for role in EVERYONE},
        kwargs=_pk(lambda w: w.extra["target_inside"]),
    ),
    # A target the unit registered itself goes with the unit.
    Route(
        "target edit own target inside",
        "movements:target_edit",
        scoped(SEES_INSIDE, MANAGERS | {"unit_officer"}),
        kwargs=_pk(lambda w: w.extra["own_target_inside"]),
    ),
    Route(
        "target edit own target inside",
        "movements:target_edit",
        scoped(SEES_INSIDE, MANAGERS | {"unit_officer"}),
        method="POST",
        kwargs=_pk(lambda w: w.extra["own_target_inside"]),
        data=lambda w, me: target_form(w.extra["own_target_inside"], value="1.250"),
        state=_field(Target, lambda w: w.extra["own_target_inside"], "value"),
    ),
]

# The departments' own drafts: each seen inside its department only.
for _where, _sees in (("inside", SEES_INSIDE), ("outside", SEES_OUTSIDE)):
    _mv = lambda w, where=_where: w.extra[f"mv_{where}"]  # noqa: E731
    _attachment = lambda w, where=_where: w.extra[f"mv_attachment_{where}"]  # noqa: E731
    _target = lambda w, where=_where: w.extra[f"mv_target_{where}"]  # noqa: E731
    _change = scoped(_sees, MANAGERS)
    ROUTES += [
        Route(f"movement edit {_where}", "movements:edit", _change, kwargs=_pk(_mv)),
        Route(
            f"movement edit {_where}",
            "movements:edit",
            _change,
            method="POST",
            kwargs=_pk(_mv),
            data=lambda w, me, mv=_mv: movement_form(mv(w), theme="Chủ đề mới"),
            state=_field(Movement, _mv, "theme"),
        ),
        Route(f"movement contents {_where}", "movements:contents", _change, kwargs=_pk(_mv)),
        Route(
            f"movement participants {_where}", "movements:participants", _change, kwargs=_pk(_mv)
        ),
        Route(f"movement launch {_where}", "movements:launch", _change, kwargs=_pk(_mv)),
        Route(
            f"movement launch {_where}",
            "movements:launch",
            _change,
            method="POST",
            kwargs=_pk(_mv),
            state=_field(Movement, _mv, "status"),
        ),
        Route(
            f"movement delete {_where}",
            "movements:delete",
            _change,
            method="POST",
            kwargs=_pk(_mv),
            state=_exists(Movement, _mv),
        ),
        Route(
            f"attachment download {_where}",
            "movements:attachment",
            scoped(_sees),
            kwargs=_pk(_attachment),
        ),
        Route(
            f"attachment delete {_where}",
            "movements:attachment_delete",
            _change,
            method="POST",
            kwargs=_pk(_attachment),
            state=_exists(Attachment, _attachment),
        ),
        Route(
            f"attachment add {_where}",
            "movements:attachment_add",
            _change,
            method="POST",
            kwargs=_pk(_mv),
            data=lambda w, me: {"kind": "khac", "title": "Tài liệu", "file": pdf_upload()},
            state=lambda w, me, mv=_mv: Attachment.objects.filter(movement=mv(w)).count(),
        ),
        Route(f"target create {_where}", "movements:target_create", _change, kwargs=_pk(_mv)),
        Route(f"target edit {_where}", "movements:target_edit", _change, kwargs=_pk(_target)),
        Route(
            f"target delete {_where}",
            "movements:target_delete",
            _change,
            method="POST",
            kwargs=_pk(_target),
            state=_exists(Target, _target),
        ),
    ]
