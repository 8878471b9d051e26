"""Access rows for reading a launch document: the upload page and the review page with its
confirmation.

Only who launches movements (the secretariat, the administrator) reads documents; every
other role gets 403 before anything is read or shown. A reading belongs to the account
that uploaded it: each role reviews and confirms its own (created on demand, so the rows
need no reader and no file), and another account's reading looks missing (404).
"""

from __future__ import annotations

from thidua.movements.models import Movement
from thidua.reading.schema import Reading, ReadTarget
from thidua.reading.views import save_draft

from ..access import FORBIDDEN, HIDDEN, MANAGERS, OK, ROLES, Route, gated

TITLE = "Phong trào thi đua chuyển đổi số năm 2026"
TEXT = f"{TITLE}\n\nTỷ lệ hồ sơ trực tuyến đạt 80%."


def _reading() -> Reading:
    start = TEXT.index("đạt 80%")
    return Reading(
        doc_type="ke_hoach",
        issuer="UBND tỉnh",
        year=2026,
        title=TITLE,
        targets=[
            ReadTarget(
                indicator="Tỷ lệ hồ sơ trực tuyến",
                value=80,
                unit="%",
                comparator="dat",
                raw="đạt 80%",
                start=start,
                end=start + len("đạt 80%"),
            )
        ],
        text=TEXT,
        spans={"title": [(0, len(TITLE))]},
    )


def _token(world, me) -> str:
    """The reading of ``me`` (of the secretariat for an anonymous visitor)."""
    owner = me or world.users["secretariat"]
    tokens = world.extra.setdefault("reading_tokens", {})
    if owner.pk not in tokens:
        tokens[owner.pk] = save_draft(owner, _reading())
    return tokens[owner.pk]


def _confirmation(world, me) -> dict:
    return {
        "title": TITLE,
        "kind": "thuong_xuyen",
        "issuer": world.tree.committee.pk,
        "starts_on": "01/01/2026",
        "ends_on": "31/12/2026",
        "contents-TOTAL_FORMS": "0",
        "contents-INITIAL_FORMS": "0",
        "responsibilities-TOTAL_FORMS": "0",
        "responsibilities-INITIAL_FORMS": "0",
        "targets-TOTAL_FORMS": "1",
        "targets-INITIAL_FORMS": "1",
        "targets-0-include": "on",
        "targets-0-indicator": "Tỷ lệ hồ sơ trực tuyến",
        "targets-0-comparator": "dat",
        "targets-0-value": "80",
        "targets-0-measure": "%",
    }


def _created(world, me) -> int:
    return Movement.objects.filter(title=TITLE).count()


# Another account's reading: the secretariat's, asked for by everyone.
SOMEONE_ELSES = {
    role: OK if role == "secretariat" else HIDDEN if role in MANAGERS else FORBIDDEN
    for role in ROLES
}

ROUTES: list[Route] = [
    Route("reading upload", "reading:upload", gated(MANAGERS)),
    Route(
        "reading review",
        "reading:review",
        gated(MANAGERS),
        kwargs=lambda w, me: {"token": _token(w, me)},
    ),
    Route(
        "reading review of someone else's reading",
        "reading:review",
        SOMEONE_ELSES,
        kwargs=lambda w, me: {"token": _token(w, w.users["secretariat"])},
    ),
    Route(
        "reading confirm",
        "reading:review",
        gated(MANAGERS),
        method="POST",
        kwargs=lambda w, me: {"token": _token(w, me)},
        data=_confirmation,
        state=_created,
    ),
]
