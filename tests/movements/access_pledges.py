"""Access rows for pledge pages (``thidua/movements/views/pledges.py``).

A pledge is seen by whoever sees its owner or one of its parties, and changed by the
secretariat or a block head in the owner's scope. Inside: owned by Sở GD&ĐT with its
school; outside: owned by Sở Y tế with its hospital.
"""

from __future__ import annotations

from django.utils import timezone

from thidua.movements.models import Pledge

from ..access import (
    FORM,
    MANAGERS,
    SEES_INSIDE,
    SEES_OUTSIDE,
    Route,
    everyone,
    gated,
    scoped,
)
from .access import pdf_upload

PLEDGERS = MANAGERS | {"block_head"}


def _pledge_form(w, pledge_key=None, *, owner=None, parties=(), title="") -> dict:
    year = timezone.localdate().year
    data = {
        "movement": w.extra["movement"].pk,
        "title": title,
        "owner": owner.pk,
        "parties": [u.pk for u in parties],
        "signed_on": f"20/01/{year}",
        "place": "Hội trường UBND tỉnh",
        "signatories": "Nguyễn Văn A, Giám đốc\nTrần Thị B, Hiệu trưởng",
        "content": "Các bên cam kết thi đua hoàn thành xuất sắc nhiệm vụ năm học.",
    }
    if pledge_key:
        data["version"] = Pledge.objects.get(pk=w.extra[pledge_key].pk).version
    return data


def _rows() -> list[Route]:
    rows = [
        Route("pledge list", "movements:pledge_list", everyone()),
        Route(
            "pledge search",
            "movements:pledge_list",
            everyone(),
            query={"q": "giao uoc", "year": str(timezone.localdate().year)},
        ),
        Route("pledge export", "movements:pledge_export", everyone()),
        Route("pledge create", "movements:pledge_create", gated(PLEDGERS)),
    ]
    for where, key, owner, other, sees, changes in (
        ("inside", "pledge_inside", "education", "school", SEES_INSIDE, PLEDGERS),
        ("outside", "pledge_outside", "health", "hospital", SEES_OUTSIDE, MANAGERS),
    ):
        pk = lambda w, me, key=key: {"pk": w.extra[key].pk}  # noqa: E731
        new_title = f"Giao ước thi đua mới {where}"
        rows += [
            Route(
                f"pledge create {where}",
                "movements:pledge_create",
                # A block head elsewhere does not find the owner among their choices.
                gated(PLEDGERS, **{r: FORM for r in PLEDGERS - changes}),
                method="POST",
                data=lambda w, me, owner=owner, other=other, new_title=new_title: {
                    **_pledge_form(
                        w,
                        owner=getattr(w.tree, owner),
                        parties=[getattr(w.tree, owner), getattr(w.tree, other)],
                        title=new_title,
                    ),
                    "scan": pdf_upload("giao-uoc-moi.pdf"),
                },
                state=lambda w, me, new_title=new_title: Pledge.objects.filter(
                    title=new_title
                ).exists(),
            ),
            Route(f"pledge {where}", "movements:pledge", scoped(sees), kwargs=pk),
            Route(
                f"pledge {where} tab history",
                "movements:pledge",
                scoped(sees),
                kwargs=pk,
                query={"tab": "history"},
            ),
            Route(f"pledge scan {where}", "movements:pledge_scan", scoped(sees), kwargs=pk),
            Route(
                f"pledge edit {where}", "movements:pledge_edit", scoped(sees, changes), kwargs=pk
            ),
            Route(
                f"pledge edit {where}",
                "movements:pledge_edit",
                scoped(sees, changes),
                method="POST",
                kwargs=pk,
                data=lambda w, me, key=key, owner=owner, other=other: _pledge_form(
                    w,
                    key,
                    owner=getattr(w.tree, owner),
                    parties=[getattr(w.tree, owner), getattr(w.tree, other)],
                    title="Giao ước thi đua đã sửa",
                ),
                state=lambda w, me, key=key: Pledge.objects.get(pk=w.extra[key].pk).title,
            ),
            Route(
                f"pledge delete {where}",
                "movements:pledge_delete",
                scoped(sees, changes),
                method="POST",
                kwargs=pk,
                state=lambda w, me, key=key: Pledge.objects.filter(pk=w.extra[key].pk).exists(),
            ),
        ]
    return rows


ROUTES = _rows()
