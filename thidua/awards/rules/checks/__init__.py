"""Eligibility checks: one pure function per title or form code.

Each takes a :class:`~.base.Ctx` (the recipient's history, the title or form, the year, the
rule data and the day considered) and returns the list of :class:`~.base.Reason`; the status
follows from them (:func:`~.base.status_of`). Codes without a function here fall back to
:func:`~.forms.unchecked` (the general principles, then evidence for the council).
"""

from . import collective, forms, individual
from .base import (
    ELIGIBLE,
    MET,
    MISSING,
    NEEDS_EVIDENCE,
    NOT_ELIGIBLE,
    NOT_MET,
    NOTE,
    Ctx,
    MissingRule,
    Reason,
    decree_152_article,
    law_article,
    official_letter_5007,
    rule_date,
    status_of,
)

CHECKS = {
    "ldtt": individual.ldtt,
    "cstt": individual.cstt,
    "cstdcs": individual.cstdcs,
    "cstd_tinh": individual.cstd_tinh,
    "cstd_tq": individual.cstd_tq,
    "ttldtt": collective.ttldtt,
    "ttldxs": collective.ttldxs,
    "co_tinh": collective.co_tinh,
    "co_cp": collective.co_cp,
    "giay_khen": forms.giay_khen,
    "bk_tinh": forms.bk_tinh,
    "bk_ttg": forms.bk_ttg,
}

unchecked = forms.unchecked

__all__ = [
    "CHECKS",
    "ELIGIBLE",
    "MET",
    "MISSING",
    "NEEDS_EVIDENCE",
    "NOTE",
    "NOT_ELIGIBLE",
    "NOT_MET",
    "Ctx",
    "MissingRule",
    "Reason",
    "decree_152_article",
    "law_article",
    "official_letter_5007",
    "rule_date",
    "status_of",
    "unchecked",
]
