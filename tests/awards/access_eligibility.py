"""Access rows for the eligibility pages (``thidua/awards/views/eligibility.py``).

Everyone signed in may open them; a recipient or unit the user does not see is not among
the form's choices, so the page comes back with the error (``FORM``), never a verdict.
"""

from __future__ import annotations

from thidua.awards.models import AwardType

from ..access import FORM, OK, ROLES, SEES_INSIDE, SEES_OUTSIDE, Route, everyone


def _seen_or_form(sees) -> dict:
    return {role: OK if role in sees else FORM for role in ROLES}


def _type(code):
    return AwardType.objects.get(code=code).pk


def _rows() -> list[Route]:
    rows = [
        Route("eligibility check", "awards:eligibility_check", everyone()),
        Route("eligibility batch", "awards:eligibility_batch", everyone()),
        Route(
            "eligibility batch export without a unit", "awards:eligibility_batch_export", everyone()
        ),
    ]
    for where, person, unit, household, sees in (
        ("inside", "teacher", "education", "registry_household_inside", SEES_INSIDE),
        ("outside", "doctor", "health", "registry_household_outside", SEES_OUTSIDE),
    ):
        rows += [
            Route(
                f"eligibility check person {where}",
                "awards:eligibility_check",
                _seen_or_form(sees),
                query=lambda w, me, person=person: {
                    "subject": "ca_nhan",
                    "person": w.people[person].pk,
                    "award_type": _type("cstdcs"),
                    "year": 2025,
                },
            ),
            Route(
                f"eligibility check unit {where}",
                "awards:eligibility_check",
                _seen_or_form(sees),
                query=lambda w, me, unit=unit: {
                    "subject": "tap_the",
                    "unit": getattr(w.tree, unit).pk,
                    "award_type": _type("ttldtt"),
                    "year": 2025,
                },
            ),
            Route(
                f"eligibility check household {where}",
                "awards:eligibility_check",
                _seen_or_form(sees),
                query=lambda w, me, household=household: {
                    "subject": "ho_gia_dinh",
                    "household": w.extra[household].pk,
                    "award_type": _type("bk_tinh"),
                    "year": 2025,
                },
            ),
            Route(
                f"eligibility batch {where}",
                "awards:eligibility_batch",
                _seen_or_form(sees),
                query=lambda w, me, unit=unit: {
                    "unit": getattr(w.tree, unit).pk,
                    "award_type": _type("cstdcs"),
                    "year": 2025,
                },
            ),
            Route(
                f"eligibility batch export {where}",
                "awards:eligibility_batch_export",
                _seen_or_form(sees),
                query=lambda w, me, unit=unit: {
                    "unit": getattr(w.tree, unit).pk,
                    "award_type": _type("cstdcs"),
                    "year": 2025,
                },
            ),
        ]
    return rows


ROUTES = _rows()
