"""What every check is made of: reasons with their citations, the context a check reads, and
the general principles of the law that apply to every title and form.

A check is a pure function ``check(ctx) -> list[Reason]``; the verdict's status follows from
the reasons (:func:`status_of`): any ``not_met`` → not eligible; otherwise any ``missing`` →
needs evidence; otherwise eligible. ``note`` reasons never change the status: they carry the
qualitative conditions the council confirms (law-abiding, united…), alternatives that did
not apply, and warnings about the data.

Which version of a rule applies — :func:`rule_date`
    Numbers are read with ``rules.value(key, on)`` where ``on`` is the day the proposal is
    considered (``today``), not 31 December of the year of the achievement. A dossier follows
    the law in force when it is considered: the titles of 2023, considered in early 2024,
    fall under the 2022 Law in force since 01/01/2024, and the 2026 amending law is reported
    to apply to dossiers received from 01/10/2026 (LAW.md §10.1; its transitional rule is
    not verified — change :func:`rule_date` if it says otherwise). Reading rules on the
    consideration day also makes a version
    with a future ``from`` date in the data file take effect on that day by itself. A check
    of a past year made today therefore answers "would this proposal pass if made today".
"""

from __future__ import annotations

import datetime
from contextvars import ContextVar
from dataclasses import dataclass, field
from decimal import Decimal
from functools import lru_cache

from django.utils import formats
from django.utils.translation import get_language, gettext

from ...models import (
    DISCIPLINE_ORDER,
    SCOPE_ORDER,
    AwardType,
    CommendationKind,
    DisciplineForm,
    EffectScope,
    Rating,
)
from ..data import RuleData, Version
from ..facts import AwardFact, DisciplineFact, History, InitiativeFact

# The language of a batch, read once for all its verdicts (see eligibility._evaluate_all):
# asking Django for the active language costs more than the rest of a simple verdict.
BATCH_LANGUAGE: ContextVar[str | None] = ContextVar("thidua_rules_language", default=None)


def language() -> str | None:
    return BATCH_LANGUAGE.get() or get_language()


def _(message: str) -> str:
    """``gettext``, remembered per language: a batch of 50.000 verdicts asks for the same
    few dozen messages (the strings are still extracted by makemessages as ``_("…")``)."""
    return _translated(message, language())


@lru_cache(maxsize=2048)
def _translated(message: str, language: str | None) -> str:
    return gettext(message)


MET = "met"
NOT_MET = "not_met"
MISSING = "missing"
NOTE = "note"

ELIGIBLE = "eligible"
NOT_ELIGIBLE = "not_eligible"
NEEDS_EVIDENCE = "needs_evidence"

SHAKY = ("low", "medium")


@dataclass(frozen=True)
class Reason:
    """One reason of a verdict: what was found, and the legal text it comes from."""

    outcome: str  # met | not_met | missing | note
    text: str
    citation: str
    confidence: str = ""  # "low" or "medium" when the rule's data is not certain

    def __str__(self) -> str:
        return f"{self.text} ({self.citation})" if self.citation else self.text


def status_of(reasons) -> str:
    outcomes = {reason.outcome for reason in reasons}
    if NOT_MET in outcomes:
        return NOT_ELIGIBLE
    if MISSING in outcomes:
        return NEEDS_EVIDENCE
    return ELIGIBLE


def rule_date(year: int, today: datetime.date) -> datetime.date:
    """The day whose rules apply to a proposal of ``year`` considered on ``today``: the
    consideration day (see the module docstring)."""
    return today


# Citations -----------------------------------------------------------------------------------


def law_article(n: int, clause: int | None = None, point: str | None = None) -> str:
    """An article of Luật Thi đua, khen thưởng 2022 (Law 06/2022/QH15)."""
    return _law_article(n, clause, point, language())


@lru_cache(maxsize=256)
def _law_article(n: int, clause: int | None, point: str | None, language: str) -> str:
    if point and clause:
        return _(
            "Point %(point)s, clause %(clause)s, Article %(n)s of the Law on Emulation and "
            "Commendation 2022"
        ) % {"point": point, "clause": clause, "n": n}
    if clause:
        return _(
            "Clause %(clause)s, Article %(n)s of the Law on Emulation and Commendation 2022"
        ) % {"clause": clause, "n": n}
    return _("Article %(n)s of the Law on Emulation and Commendation 2022") % {"n": n}


def decree_152_article(n: int, clause: int | None = None) -> str:
    """An article of Nghị định 152/2025/NĐ-CP."""
    return _decree_152_article(n, clause, language())


@lru_cache(maxsize=256)
def _decree_152_article(n: int, clause: int | None, language: str) -> str:
    if clause:
        return _("Clause %(clause)s, Article %(n)s of Decree 152/2025/NĐ-CP") % {
            "clause": clause,
            "n": n,
        }
    return _("Article %(n)s of Decree 152/2025/NĐ-CP") % {"n": n}


def official_letter_5007() -> str:
    return _("Official letter 5007/BNV-TĐKT of 2023 of the Ministry of Home Affairs")


# Formatting ----------------------------------------------------------------------------------


def n2(n: int) -> str:
    """A count as the administration writes it: 03, 12."""
    return f"{n:02d}"


def date_label(day: datetime.date) -> str:
    return day.strftime("%d/%m/%Y")


def percent(share: float | Decimal) -> str:
    """80, 66,7 — formatted the way of the active language."""
    value = round(Decimal(str(share)) * 100, 1)
    return _percent(value, language())


@lru_cache(maxsize=1024)
def _percent(value: Decimal, language: str) -> str:
    return formats.number_format(value, 0 if value == value.to_integral() else 1)


def years_label(years) -> str:
    """2021–2023 for a run, 2019, 2021, 2023 otherwise."""
    years = sorted(years)
    if not years:
        return ""
    if len(years) > 1 and years[-1] - years[0] == len(years) - 1:
        return f"{years[0]}–{years[-1]}"
    return ", ".join(str(y) for y in years)


def names_label(names, limit: int = 5) -> str:
    names = list(names)
    if len(names) <= limit:
        return ", ".join(names)
    return _("%(names)s and %(more)s others") % {
        "names": ", ".join(names[:limit]),
        "more": len(names) - limit,
    }


@lru_cache(maxsize=256)
def _label(choices, value: str, language: str) -> str:
    labels = {member.value: member.label for member in choices}
    return str(labels[value]) if value in labels else value


def rating_label(value: str) -> str:
    # Cached per language: batch checks of 50.000 people ask for the same few labels.
    return _label(Rating, value, language())


def form_label(value: str) -> str:
    return _label(DisciplineForm, value, language())


def scope_label(value: str) -> str:
    return _label(EffectScope, value, language())


def kind_label(value: str) -> str:
    return _label(CommendationKind, value, language())


def period_label(discipline: DisciplineFact) -> str:
    if discipline.ends_on:
        return _("from %(start)s to %(end)s") % {
            "start": date_label(discipline.starts_on),
            "end": date_label(discipline.ends_on),
        }
    return _("from %(start)s") % {"start": date_label(discipline.starts_on)}


# Context -------------------------------------------------------------------------------------


class MissingRule(LookupError):
    """The rule data holds no value of a parameter in force on the day considered."""

    def __init__(self, key: str, on: datetime.date):
        super().__init__(key, on)
        self.key = key
        self.on = on


def shaky(confidence: str) -> str:
    return confidence if confidence in SHAKY else ""


@dataclass(frozen=True)
class Ctx:
    """What a check reads: the recipient's history, the title or form, the year of the
    achievement, the rule data and the day the proposal is considered.

    ``memo`` keeps what does not depend on the history (parameter versions, notes, reasons
    about a rating) so that a batch of 50.000 people computes them once: share one memo only
    between contexts of the same title or form, year, day, rules and language."""

    history: History
    award_type: AwardType
    year: int
    rules: RuleData
    today: datetime.date
    memo: dict = field(default_factory=dict, compare=False, repr=False)

    @property
    def on(self) -> datetime.date:
        return rule_date(self.year, self.today)

    def once(self, key, make):
        """``make()``, computed once per memo (results are immutable: reasons, versions)."""
        try:
            return self.memo[key]
        except KeyError:
            value = self.memo[key] = make()
            return value

    def param(self, key: str) -> Version:
        return self.once(("param", key), lambda: self._param(key))

    def _param(self, key: str) -> Version:
        try:
            return self.rules.version(key, self.on)
        except (KeyError, LookupError):
            raise MissingRule(key, self.on) from None

    def value(self, key: str):
        return self.param(key).value

    def title(self, code: str | None = None) -> str:
        """The name of a title or form of the catalogue, as the rule data writes it."""
        code = code or self.award_type.code
        if code == self.award_type.code:
            return self.award_type.name
        for entry in self.rules.catalogue:
            if entry["code"] == code:
                return entry["name"]
        return code

    def by_param(self, outcome: str, text: str, key: str, fallback: str = "") -> Reason:
        """A reason resting on parameter ``key``: cited and rated as its version in force."""
        version = self.param(key)
        return Reason(outcome, text, version.source or fallback, shaky(version.confidence))

    def amendment_note(self, key: str) -> list[Reason]:
        """A note when the 2026 amending law is in force and ``key`` is a rule it may change."""
        return list(self.once(("amendment", key), lambda: tuple(self._amendment_note(key))))

    def _amendment_note(self, key: str) -> list[Reason]:
        version = self.param(key)
        if not version.changes_2026:
            return []
        try:
            amended = self.rules.version("law.amendment_2026_in_force", self.on)
        except (KeyError, LookupError):
            return []
        if not amended.value:
            return []
        return [
            Reason(
                NOTE,
                _(
                    "The amending law in force from %(date)s may change this rule; its text "
                    "has not been entered in thidua's rule data yet"
                )
                % {"date": date_label(amended.starts)},
                amended.source,
                "low",
            )
        ]


# General principles --------------------------------------------------------------------------


def duplicate(ctx: Ctx) -> list[Reason]:
    """One achievement is not awarded twice (Điều 5.2 Luật 2022): already holding this title
    or form for this year makes a new proposal not eligible."""
    held = ctx.history.holding(ctx.award_type.code, ctx.year)
    if held is None:
        return []
    return [
        Reason(
            NOT_MET,
            _(
                "Already awarded %(title)s for %(year)s (decision %(number)s of %(date)s); one "
                "achievement is not awarded twice"
            )
            % {
                "title": ctx.award_type.name,
                "year": ctx.year,
                "number": held.decision_number,
                "date": date_label(held.decision_date) if held.decision_date else "",
            },
            law_article(5, clause=2),
        )
    ]


def suspended(ctx: Ctx) -> list[Reason]:
    """No award while a discipline is being considered (Điều 4.4 Nghị định 152/2025)."""
    reasons = []
    for discipline in ctx.history.disciplines:
        if discipline.under_review and discipline.starts_on <= ctx.today:
            reasons.append(
                Reason(
                    NOT_MET,
                    _(
                        "A discipline is being considered (since %(date)s): awards and "
                        "proposals are suspended until it is decided"
                    )
                    % {"date": date_label(discipline.starts_on)},
                    decree_152_article(4, clause=4),
                )
            )
    return reasons


def discipline_in_year(ctx: Ctx, *, ldtt_standard: bool = False) -> list[Reason]:
    """A decided discipline whose period touches the year.

    For Lao động tiên tiến and the titles that require its standard, the implementing-circular
    rule applies (disciplined with ``ldtt.excluded_discipline_from`` or heavier in the year:
    not considered; low confidence). For every other title and form, achievements count only
    from the end of the discipline period (Điều 4.4 Nghị định 152/2025/NĐ-CP), so a year the
    period touches does not count.
    """
    reasons = []
    threshold = ctx.value("ldtt.excluded_discipline_from") if ldtt_standard else None
    for discipline in ctx.history.disciplines:
        if not discipline.decided or not discipline.overlaps(ctx.year):
            continue
        params = {
            "form": form_label(discipline.form),
            "period": period_label(discipline),
            "year": ctx.year,
        }
        if ldtt_standard:
            if not discipline.at_least(threshold):
                continue
            reasons.append(
                ctx.by_param(
                    NOT_MET,
                    _(
                        "Disciplined with %(form)s (%(period)s) in %(year)s: not considered "
                        "for Lao động tiên tiến"
                    )
                    % params,
                    "ldtt.excluded_discipline_from",
                )
            )
        else:
            reasons.append(
                Reason(
                    NOT_MET,
                    _(
                        "Disciplined with %(form)s (%(period)s): achievements count only from "
                        "the end of the discipline period"
                    )
                    % params,
                    decree_152_article(4, clause=4),
                )
            )
    return reasons


def discipline_end_missing(ctx: Ctx) -> list[Reason]:
    """A decided discipline of the previous year without a recorded end may reach into the
    year considered: ask for its end. (Older ones are taken to have ended.)"""
    reasons = []
    for discipline in ctx.history.disciplines:
        if (
            discipline.decided
            and discipline.ends_on is None
            and discipline.starts_on.year == ctx.year - 1
        ):
            reasons.append(
                Reason(
                    MISSING,
                    _(
                        "The end of the discipline period (%(form)s, decision %(number)s, from "
                        "%(start)s) is not recorded: record it from the discipline decision"
                    )
                    % {
                        "form": form_label(discipline.form),
                        "number": discipline.decision_number or "—",
                        "start": date_label(discipline.starts_on),
                    },
                    decree_152_article(4, clause=4),
                )
            )
    return reasons


def individual_principles(ctx: Ctx, *, ldtt_standard: bool = False) -> list[Reason]:
    return (
        suspended(ctx)
        + duplicate(ctx)
        + discipline_in_year(ctx, ldtt_standard=ldtt_standard)
        + discipline_end_missing(ctx)
    )


def ballot_note(ctx: Ctx) -> list[Reason]:
    """The council's ballot threshold of the title, from the catalogue entry's parameter."""
    return list(ctx.once("ballot", lambda: tuple(_ballot_note(ctx))))


def _ballot_note(ctx: Ctx) -> list[Reason]:
    key = next(
        (e.get("ballot") for e in ctx.rules.catalogue if e["code"] == ctx.award_type.code), None
    )
    if isinstance(key, str):
        try:
            version = ctx.rules.version(key, ctx.on)
        except (KeyError, LookupError):
            return []
        share, citation, confidence = version.value, version.source, shaky(version.confidence)
    elif ctx.award_type.ballot_required and ctx.award_type.ballot_threshold:
        share, citation, confidence = ctx.award_type.ballot_threshold, "", ""
    else:
        return []
    return [
        Reason(
            NOTE,
            _("The council votes by ballot: at least %(share)s%% of all its members must agree")
            % {"share": percent(share)},
            citation,
            confidence,
        )
    ]


# Runs of years ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Run:
    years: tuple[int, ...]  # ascending, consecutive, ending at ``end``
    end: int
    counts_from: int  # first year that may count (after the last discipline period)
    not_counted: tuple[AwardFact, ...]  # awards of the code skipped as đột xuất / chuyên đề

    def __len__(self) -> int:
        return len(self.years)


def run_of_years(history: History, years: set[int], end: int) -> tuple[int, ...]:
    """The consecutive years of ``years`` ending at ``end``, not reaching back into a
    discipline period."""
    start = history.counts_from(end)
    run = []
    year = end
    while year in years and year >= start:
        run.append(year)
        year -= 1
    return tuple(reversed(run))


def title_run(ctx: Ctx, code: str, end: int) -> Run:
    """Consecutive merit titles ``code`` ending in ``end`` (Điều 4.3, 4.4 NĐ 152)."""
    history = ctx.history
    years = history.merit_years(code)
    run = run_of_years(history, years, end)
    not_counted = tuple(
        a for a in history.awards_of(code) if not a.counts_for_merit and a.year <= end
    )
    return Run(run, end, history.counts_from(end), not_counted)


def run_notes(ctx: Ctx, run: Run, code: str, lookback: int) -> list[Reason]:
    """Why years near the run did not count: đột xuất/chuyên đề kind, discipline."""
    reasons = []
    first = run.end - lookback + 1
    for award in run.not_counted:
        if award.year >= first:
            reasons.append(
                Reason(
                    NOTE,
                    _(
                        "%(title)s %(year)s was awarded as %(kind)s: it is not a basis for a "
                        "higher merit award"
                    )
                    % {
                        "title": ctx.title(code),
                        "year": award.year,
                        "kind": kind_label(award.kind),
                    },
                    decree_152_article(4, clause=3),
                )
            )
    if run.counts_from > first and run.counts_from > 0:
        reasons.append(
            Reason(
                NOTE,
                _(
                    "Achievements up to %(year)s do not count: a discipline period ended that "
                    "year, and achievements count only from its end"
                )
                % {"year": run.counts_from - 1},
                decree_152_article(4, clause=4),
            )
        )
    return reasons


def run_reason(
    ctx: Ctx, run: Run, code: str, needed: int, key: str, *, outcome_if_short: str = NOT_MET
) -> Reason:
    """ "03 consecutive times X (2023–2025)" or "Not yet 03 consecutive times X…"."""
    params = {"n": n2(needed), "title": ctx.title(code), "year": run.end}
    if len(run) >= needed:
        params["years"] = years_label(run.years)
        return ctx.by_param(
            MET,
            _("%(n)s consecutive times %(title)s (%(years)s)") % (params | {"n": n2(len(run))}),
            key,
        )
    if run.years:
        held = _("only %(k)s: %(years)s") % {"k": n2(len(run)), "years": years_label(run.years)}
    else:
        held = _("none in %(year)s") % {"year": run.end}
    return ctx.by_param(
        outcome_if_short,
        _("Not yet %(n)s consecutive times %(title)s up to %(year)s (%(held)s)")
        % (params | {"held": held}),
        key,
    )


# Initiatives ---------------------------------------------------------------------------------


def usable_initiatives(
    ctx: Ctx, years: range | set[int], min_scope: str | None = None
) -> tuple[list[InitiativeFact], list[InitiativeFact]]:
    """Initiatives and scientific works of ``years`` with effect at least ``min_scope``:
    (usable, already used for another award — CV 5007/BNV-TĐKT)."""
    floor = SCOPE_ORDER[min_scope] if min_scope else 0
    start = ctx.history.counts_from(ctx.year)
    usable, used = [], []
    for initiative in ctx.history.initiatives:
        if initiative.year not in years or initiative.year < start:
            continue
        if SCOPE_ORDER.get(initiative.scope, -1) < floor:
            continue
        (used if initiative.used else usable).append(initiative)
    return usable, used


def used_notes(ctx: Ctx, used: list[InitiativeFact]) -> list[Reason]:
    return [
        Reason(
            NOTE,
            _(
                "“%(initiative)s” already served as the basis of %(award)s %(year)s: an "
                "initiative serves one award only"
            )
            % {
                "initiative": initiative.title,
                "award": ctx.title(initiative.used_for_code),
                "year": initiative.used_for_year or "",
            },
            official_letter_5007(),
            "medium",
        )
        for initiative in used
    ]


def initiative_met(initiative: InitiativeFact, citation: str, confidence: str = "") -> Reason:
    return Reason(
        MET,
        _("“%(initiative)s” (%(year)s), effect: %(scope)s")
        % {
            "initiative": initiative.title,
            "year": initiative.year,
            "scope": scope_label(initiative.scope),
        },
        citation,
        confidence,
    )


def at_least_rating(rating: str | None, minimum: str) -> bool:
    from ...models import RATING_ORDER

    return rating is not None and RATING_ORDER.get(rating, -1) >= RATING_ORDER[minimum]


def heavier_or_equal(form: str, threshold: str) -> bool:
    return DISCIPLINE_ORDER.get(form, -1) >= DISCIPLINE_ORDER[threshold]


def rating_check(ctx: Ctx, key: str, year: int | None = None) -> list[Reason]:
    """The task rating of ``year`` against the minimum of parameter ``key``."""
    year = ctx.year if year is None else year
    fact = ctx.history.rating(year)
    rating = fact.rating if fact is not None else None
    return list(
        ctx.once(("rating", key, year, rating), lambda: tuple(_rating_check(ctx, key, year, fact)))
    )


def _rating_check(ctx: Ctx, key: str, year: int, fact) -> list[Reason]:
    minimum = ctx.value(key)
    if fact is None:
        return [
            ctx.by_param(
                MISSING,
                _(
                    "No task rating recorded for %(year)s: record the rating or attach the evaluation"
                )
                % {"year": year},
                key,
            )
        ]
    params = {"rating": rating_label(fact.rating), "year": year, "min": rating_label(minimum)}
    if not at_least_rating(fact.rating, minimum):
        return [
            ctx.by_param(
                NOT_MET,
                _("Rated “%(rating)s” in %(year)s; at least “%(min)s” is required") % params,
                key,
            )
        ]
    return [ctx.by_param(MET, _("Rated “%(rating)s” in %(year)s") % params, key)]
