"""Access rows for the catalogue pages (``thidua/awards/views/catalogue.py``): everyone
signed in reads the catalogue; only the secretariat (and administrators) add the
province's own forms, edit them, and take entries in or out of use."""

from __future__ import annotations

from thidua.awards import services
from thidua.awards.models import AwardType

from ..access import EVERYONE, MANAGERS, Route, everyone, gated


def world_extras(world) -> None:
    if "catalogue_own" not in world.extra:
        world.extra["catalogue_own"] = services.award_type_create(
            actor=None,
            code="access_own_form",
            owner=world.tree.province,
            name="Kỷ niệm chương của tỉnh (thử)",
            category="hinh_thuc",
            level="bo_tinh",
            for_individual=True,
            authorities=["provincial_chairman"],
            kinds=["qua_trinh_cong_hien"],
            certificate_kind="bang_khen",
        )


def _form(name: str, code: str = "", version=None) -> dict:
    data = {
        "name": name,
        "category": "hinh_thuc",
        "level": "bo_tinh",
        "for_individual": "on",
        "authorities": ["provincial_chairman"],
        "coefficient_individual": "0,4",
        "kinds": ["qua_trinh_cong_hien"],
        "certificate_kind": "bang_khen",
        "sort_order": 500,
        "is_active": "on",
    }
    if code:
        data["code"] = code
    if version is not None:
        data["version"] = version
    return data


def _own(w):
    return AwardType.objects.get(pk=w.extra["catalogue_own"].pk)


ROUTES = [
    Route("catalogue", "awards:catalogue", everyone()),
    Route(
        "catalogue filtered",
        "awards:catalogue",
        everyone(),
        query={"q": "bang khen", "category": "hinh_thuc", "subject": "tap_the"},
    ),
    Route(
        "catalogue entry by law",
        "awards:award_type_detail",
        everyone(),
        kwargs=lambda w, me: {"pk": AwardType.objects.get(code="cstdcs").pk},
    ),
    Route(
        "catalogue entry of the province",
        "awards:award_type_detail",
        everyone(),
        kwargs=lambda w, me: {"pk": _own(w).pk},
    ),
    Route("catalogue add", "awards:award_type_create", gated(MANAGERS)),
    Route(
        "catalogue add",
        "awards:award_type_create",
        gated(MANAGERS),
        method="POST",
        data=lambda w, me: _form("Huy hiệu của tỉnh (thử)", code="access_new_form"),
        state=lambda w, me: AwardType.objects.filter(code="access_new_form").exists(),
    ),
    Route(
        "catalogue edit own",
        "awards:award_type_edit",
        gated(MANAGERS),
        kwargs=lambda w, me: {"pk": _own(w).pk},
    ),
    Route(
        "catalogue edit own",
        "awards:award_type_edit",
        gated(MANAGERS),
        method="POST",
        kwargs=lambda w, me: {"pk": _own(w).pk},
        data=lambda w, me: _form("Kỷ niệm chương đã sửa", version=_own(w).version),
        state=lambda w, me: _own(w).name,
    ),
    Route(
        "catalogue edit entry by law",
        "awards:award_type_edit",
        # Defined by law: nobody edits it here (only "in use" changes).
        {role: 403 for role in EVERYONE},
        kwargs=lambda w, me: {"pk": AwardType.objects.get(code="ldtt").pk},
    ),
    Route(
        "catalogue toggle in use",
        "awards:award_type_toggle",
        gated(MANAGERS),
        method="POST",
        kwargs=lambda w, me: {"pk": AwardType.objects.get(code="ldtt").pk},
        state=lambda w, me: AwardType.objects.get(code="ldtt").is_active,
    ),
]
