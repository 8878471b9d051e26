"""Access rows for the legacy import of award history (``thidua/awards/views/imports.py``).

Who records awards (the secretariat, the administrator, unit officers) imports them, each
into their own units only; every other role gets 403 before anything is read. The blank
template is harmless (it lists the caller's own units), so anyone signed in downloads it.
An upload belongs to the account that made it: each role previews and confirms its own
(made on demand), another account's upload looks missing (404). A confirmation for a unit
outside the caller's scope is checked again and shows the problem instead of saving
(``FORM``). Inside: a new teacher of the school (Sở GD&ĐT); outside: a new doctor of the
hospital (Sở Y tế).
"""

from __future__ import annotations

from thidua.awards import imports
from thidua.awards.models import Award

from ..access import FORBIDDEN, FORM, HIDDEN, MANAGERS, OK, ROLES, Route, everyone, gated
from .import_helpers import row, xlsx

IMPORTERS = MANAGERS | {"unit_officer", "other_officer"}
IMPORTS_INSIDE = MANAGERS | {"unit_officer"}
IMPORTS_OUTSIDE = MANAGERS | {"other_officer"}


def _keep(owner, rows) -> str:
    """Keep ``rows`` as ``owner``'s upload, unchecked: the confirmation checks it again."""
    result = imports.AwardImportResult(kind="awards", filename="lich-su.xlsx")
    return imports.keep_upload(owner, xlsx(rows), result)


def _owner(w, me):
    """``me`` when they may import; else (and for anonymous visitors) the secretariat."""
    if me is not None and me.can("awards.award", "change"):
        return me
    return w.users["secretariat"]


def _token(rows):
    return lambda w, me: {"token": _keep(_owner(w, me), rows)}


def _new_row(name, unit_code):
    return row(name, born="02/09/1990", gender="Nam", unit=unit_code)


def _awarded(name):
    return lambda w, me: Award.objects.filter(recipient_name=name).exists()


SOMEONE_ELSES = {
    role: OK if role == "secretariat" else HIDDEN if role in IMPORTERS else FORBIDDEN
    for role in ROLES
}


def _rows() -> list[Route]:
    rows = [
        Route("award import template", "awards:import_template", everyone()),
        Route("award import", "awards:import_upload", gated(IMPORTERS)),
        Route(
            "award import of a file with an unknown unit",
            "awards:import_upload",
            gated(IMPORTERS, **dict.fromkeys(IMPORTERS, FORM)),
            method="POST",
            data=lambda w, me: {
                "file": _upload([_new_row("Đinh Công Lạ", "T99.KHONGCO")]),
            },
            state=_awarded("Đinh Công Lạ"),
        ),
        Route(
            "award import preview",
            "awards:import_preview",
            gated(IMPORTERS),
            kwargs=_token([_new_row("Đinh Công Xem", "T99.SGDDT.THPT1")]),
        ),
        Route(
            "award import preview of someone else's upload",
            "awards:import_preview",
            SOMEONE_ELSES,
            kwargs=lambda w, me: {
                "token": _keep(w.users["secretariat"], [_new_row("Đinh Công Xem", "T99.SYT")])
            },
        ),
    ]
    for where, unit_code, imports_here in (
        ("inside", "T99.SGDDT.THPT1", IMPORTS_INSIDE),
        ("outside", "T99.SYT.BVDK", IMPORTS_OUTSIDE),
    ):
        name = f"Đinh Công Nhập {where}"
        rows.append(
            Route(
                f"award import confirm {where}",
                "awards:import_preview",
                gated(IMPORTERS, **{role: FORM for role in IMPORTERS - imports_here}),
                method="POST",
                kwargs=_token([_new_row(name, unit_code)]),
                state=_awarded(name),
            )
        )
    return rows


def _upload(rows):
    from django.core.files.uploadedfile import SimpleUploadedFile

    return SimpleUploadedFile("lich-su.xlsx", xlsx(rows))


ROUTES = _rows()
