"""Eligibility: may this person, unit or household receive this title or form for this year?

    verdict = check(person, "cstdcs", 2025)
    verdict.status        # "eligible" | "not_eligible" | "needs_evidence"
    verdict.label         # translated: Đủ điều kiện / Không đủ điều kiện / Cần bổ sung minh chứng
    for reason in verdict.reasons:
        reason.outcome, reason.text, reason.citation, reason.confidence

The verdict is computed by a pure function (:func:`evaluate`) over the recipient's
:class:`~thidua.awards.rules.facts.History` and the rule data; :func:`check` loads the history
of one recipient, :func:`check_batch` of many in a constant number of queries, and
:func:`eligible_people` / :func:`eligible_units` answer "who in this unit (and below) is
eligible for Chiến sĩ thi đua cơ sở 2025" for what a user may see.

Rules are read as in force on the day considered (``today``); see
:func:`thidua.awards.rules.checks.base.rule_date` for why.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from django.utils import timezone
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _

from thidua.core.models import subtree_q
from thidua.org.models import Person, Unit

from ..models import AwardType, Subject
from .checks import (
    CHECKS,
    ELIGIBLE,
    MISSING,
    NEEDS_EVIDENCE,
    NOT_ELIGIBLE,
    NOT_MET,
    NOTE,
    Ctx,
    MissingRule,
    Reason,
    status_of,
    unchecked,
)
from .checks.base import BATCH_LANGUAGE, date_label
from .data import RuleData, load
from .facts import History, load_histories, load_history, load_people, load_units, subject_of

STATUS_LABELS = {
    ELIGIBLE: gettext_lazy("Eligible"),
    NOT_ELIGIBLE: gettext_lazy("Not eligible"),
    NEEDS_EVIDENCE: gettext_lazy("Needs evidence"),
}
STATUS_ORDER = {ELIGIBLE: 0, NEEDS_EVIDENCE: 1, NOT_ELIGIBLE: 2}


@dataclass(frozen=True)
class Verdict:
    status: str  # ELIGIBLE | NOT_ELIGIBLE | NEEDS_EVIDENCE
    reasons: tuple[Reason, ...]
    award_type: AwardType
    year: int

    @property
    def label(self) -> str:
        return str(STATUS_LABELS[self.status])

    @property
    def is_eligible(self) -> bool:
        return self.status == ELIGIBLE

    @property
    def confidence(self) -> str:
        """``low`` or ``medium`` when a reason that decides the status (not a note) rests on
        uncertain rule data, else ``""``."""
        found = {reason.confidence for reason in self.reasons if reason.outcome != NOTE}
        return "low" if "low" in found else "medium" if "medium" in found else ""

    def of(self, outcome: str) -> tuple[Reason, ...]:
        return tuple(reason for reason in self.reasons if reason.outcome == outcome)


def supported_codes() -> frozenset[str]:
    """Codes whose conditions thidua checks (others get the general principles only)."""
    return frozenset(CHECKS)


def resolve_award_type(award_type: AwardType | str) -> AwardType:
    if isinstance(award_type, AwardType):
        return award_type
    try:
        return AwardType.objects.get(code=award_type)
    except AwardType.DoesNotExist:
        raise LookupError(_("Unknown title or form: %(code)s") % {"code": award_type}) from None


def _unique(reasons: Iterable[Reason]) -> tuple[Reason, ...]:
    seen, kept = set(), []
    for reason in reasons:
        if reason not in seen:
            seen.add(reason)
            kept.append(reason)
    return tuple(kept)


def evaluate(
    history: History,
    award_type: AwardType,
    year: int,
    *,
    today: datetime.date | None = None,
    rules: RuleData | None = None,
    memo: dict | None = None,
) -> Verdict:
    """The verdict on ``history`` for ``award_type`` and ``year`` — a pure function.

    ``memo``: a dict shared by the evaluations of one batch (same title or form, year,
    ``today``, rules and language) to compute what does not depend on the history once."""
    today = today or timezone.localdate()
    rules = rules or load()
    ctx = Ctx(
        history=history,
        award_type=award_type,
        year=year,
        rules=rules,
        today=today,
        memo={} if memo is None else memo,
    )
    if not award_type.allows(history.subject):
        reasons = [
            Reason(
                NOT_MET,
                _("%(title)s is not awarded to this kind of recipient (%(kind)s)")
                % {"title": award_type.name, "kind": Subject(history.subject).label},
                award_type.legal_basis,
            )
        ]
    else:
        check_one = CHECKS.get(award_type.code, unchecked)
        try:
            reasons = check_one(ctx)
        except MissingRule as error:
            reasons = [
                Reason(
                    MISSING,
                    _(
                        "thidua's rule data holds no value of “%(key)s” in force on %(date)s: "
                        "check this case by hand"
                    )
                    % {"key": error.key, "date": date_label(error.on)},
                    award_type.legal_basis,
                    "low",
                )
            ]
    if datetime.date(year, 12, 31) > today:
        reasons.append(
            Reason(
                NOTE,
                _("%(year)s is not over yet: the verdict uses the facts recorded so far")
                % {"year": year},
                "",
            )
        )
    reasons = _unique(reasons)
    return Verdict(status=status_of(reasons), reasons=reasons, award_type=award_type, year=year)


def check(
    recipient,
    award_type: AwardType | str,
    year: int,
    *,
    today: datetime.date | None = None,
    rules: RuleData | None = None,
) -> Verdict:
    """The verdict on one person, unit or household (a handful of queries)."""
    award_type = resolve_award_type(award_type)
    return evaluate(load_history(recipient, year), award_type, year, today=today, rules=rules)


def check_batch(
    recipients: Sequence,
    award_type: AwardType | str,
    year: int,
    *,
    today: datetime.date | None = None,
    rules: RuleData | None = None,
) -> list[tuple[object, Verdict]]:
    """Verdicts on many recipients of one kind (people, units or households), in the order
    given, loading their histories in bulk: a constant number of queries up to
    :data:`~thidua.awards.rules.facts.CHUNK` recipients, one more round per chunk beyond."""
    recipients = list(recipients)
    if not recipients:
        return []
    award_type = resolve_award_type(award_type)
    rules = rules or load()
    today = today or timezone.localdate()
    histories = load_histories(subject_of(recipients[0]), recipients, year)
    return _evaluate_all(recipients, histories, award_type, year, today, rules, None)


def _evaluate_all(objects, histories, award_type, year, today, rules, only):
    """Verdicts of a batch: one memo and the language read once for all of them."""
    results = []
    memo: dict = {}
    token = BATCH_LANGUAGE.set(get_language())
    try:
        for obj in objects:
            verdict = evaluate(
                histories[obj.pk], award_type, year, today=today, rules=rules, memo=memo
            )
            if only is None or verdict.status in only:
                results.append((obj, verdict))
    finally:
        BATCH_LANGUAGE.reset(token)
    return results


def people_in(user, unit: Unit, *, with_subtree: bool = True):
    """Working people of ``unit`` (and below) that ``user`` may see."""
    return (
        Person.objects.restrict(user)
        .filter(is_active=True)
        .filter(subtree_q("unit__path", unit.path, with_subtree))
    )


def units_in(user, unit: Unit, *, with_subtree: bool = True):
    """Active units from ``unit`` down (or ``unit`` alone) that ``user`` may see."""
    return (
        Unit.objects.restrict(user)
        .filter(is_active=True)
        .filter(subtree_q("path", unit.path, with_subtree))
    )


def eligible_people(
    user,
    unit: Unit,
    award_type: AwardType | str,
    year: int,
    *,
    with_subtree: bool = True,
    today: datetime.date | None = None,
    rules: RuleData | None = None,
    only: Iterable[str] | None = None,
) -> list[tuple[Person, Verdict]]:
    """Every working person of ``unit`` (and below) visible to ``user``, with their verdict
    — ordered by unit then name; ``only`` keeps some statuses (e.g. ``{"eligible"}``).

    A constant number of queries whatever the number of people (the people are one query,
    their facts are loaded with the people's query as a subquery)."""
    award_type = resolve_award_type(award_type)
    rules = rules or load()
    today = today or timezone.localdate()
    people = people_in(user, unit, with_subtree=with_subtree)
    listed = list(people.select_related("unit").order_by("unit__path", "name_folded", "pk"))
    if not listed:
        return []
    histories = load_people(people)
    for person in listed:
        histories[person.pk].name = person.full_name
    only = set(only) if only is not None else None
    return _evaluate_all(listed, histories, award_type, year, today, rules, only)


def eligible_units(
    user,
    unit: Unit,
    award_type: AwardType | str,
    year: int,
    *,
    with_subtree: bool = True,
    today: datetime.date | None = None,
    rules: RuleData | None = None,
    only: Iterable[str] | None = None,
) -> list[tuple[Unit, Verdict]]:
    """``unit`` and the active units below it (or ``unit`` alone) visible to ``user``, with
    their verdicts, in tree order; a constant number of queries."""
    award_type = resolve_award_type(award_type)
    rules = rules or load()
    today = today or timezone.localdate()
    units = units_in(user, unit, with_subtree=with_subtree)
    listed = list(units.order_by("path"))
    if not listed:
        return []
    histories = load_units(units, year)
    for item in listed:
        histories[item.pk].name = item.name
    only = set(only) if only is not None else None
    return _evaluate_all(listed, histories, award_type, year, today, rules, only)


__all__ = [
    "ELIGIBLE",
    "NEEDS_EVIDENCE",
    "NOT_ELIGIBLE",
    "STATUS_LABELS",
    "STATUS_ORDER",
    "Reason",
    "Verdict",
    "check",
    "check_batch",
    "eligible_people",
    "eligible_units",
    "evaluate",
    "people_in",
    "resolve_award_type",
    "supported_codes",
    "units_in",
]
