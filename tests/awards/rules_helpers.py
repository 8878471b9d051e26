"""Facts for the eligibility tests, made through the services (actor=None) so that what the
rules read is what the registry would hold.

    give(person, "cstdcs", 2023, 2024, 2025)         # one issued decision per year
    give_all([p1, p2], "ldtt", 2025)                 # one issued decision for several people
    rate(person, 2025, HTXS)                         # task rating
    discipline(person, date(2025, 3, 1), date(2025, 9, 1))
    review(person, date(2026, 2, 1))                 # a discipline being considered
    initiative(person, 2024, scope="bo_tinh")

Checks are made "today" = :data:`TODAY` (1 March 2026) unless a test says otherwise: the
titles of 2025 are considered then, under the 2022 Law and Nghị định 152/2025.
"""

from __future__ import annotations

import datetime

from thidua.awards import services
from thidua.awards.models import (
    Award,
    CommendationKind,
    Discipline,
    DisciplineForm,
    DisciplineStatus,
    EffectScope,
    Initiative,
    InitiativeKind,
    Rating,
    TaskRating,
)
from thidua.awards.rules import eligibility
from thidua.org.models import Person, Unit

from .factories import award_type, default_signed_on, issue, make_award, make_decision

TODAY = datetime.date(2026, 3, 1)

HTXS = Rating.EXCELLENT
HTT = Rating.GOOD
HT = Rating.COMPLETED
KHT = Rating.NOT_COMPLETED


def give(recipient, code: str, *years: int, kind: str | None = None) -> list[Award]:
    """Issued awards of ``code`` to a person, a unit or a household, one decision per year."""
    awards = []
    for year in years:
        fields = {"kind": kind} if kind else {}
        if kind and kind != CommendationKind.MERIT:
            fields["decision"] = make_decision(
                _issuer(recipient, code),
                authority=award_type(code).authorities[0],
                signed_on=default_signed_on(year),
                kind=kind,
            )
        awards.append(
            make_award(**{_role(recipient): recipient}, code=code, year=year, issue=True, **fields)
        )
    return awards


def give_all(recipients, code: str, year: int) -> list[Award]:
    """Issued awards of ``code`` for ``year`` to several recipients, on one decision."""
    recipients = list(recipients)
    the_type = award_type(code)
    decision = make_decision(
        _issuer(recipients[0], code),
        authority=the_type.authorities[0],
        signed_on=default_signed_on(year),
    )
    awards = [
        make_award(**{_role(r): r}, code=the_type, year=year, decision=decision) for r in recipients
    ]
    issue(decision)
    return awards


def _role(recipient) -> str:
    if isinstance(recipient, Person):
        return "person"
    if isinstance(recipient, Unit):
        return "unit"
    return "household"


def _issuer(recipient, code: str) -> Unit:
    from .factories import _issuer_for

    unit = recipient if isinstance(recipient, Unit) else recipient.unit
    return _issuer_for(award_type(code).authorities[0], unit)


def as_legacy_kind(award: Award, kind: str) -> Award:
    """Mark an award of the registry with a kind its title is not given for today — as legacy
    imports of earlier records can hold (e.g. a Chiến sĩ thi đua cơ sở recorded as đột xuất)."""
    Award.objects.filter(pk=award.pk).update(kind=kind)
    award.refresh_from_db()
    return award


def rate(recipient, year: int, rating: str = HTT, **fields) -> TaskRating:
    role = "person" if isinstance(recipient, Person) else "unit"
    return services.task_rating_save(
        actor=None, year=year, rating=rating, **{role: recipient}, **fields
    )


def rate_years(recipient, rating: str, *years: int) -> None:
    for year in years:
        rate(recipient, year, rating)


def discipline(
    person,
    starts_on: datetime.date,
    ends_on: datetime.date | None = None,
    form: str = DisciplineForm.REPRIMAND,
    number: str = "12/QĐ-KL",
) -> Discipline:
    return services.discipline_create(
        actor=None,
        person=person,
        status=DisciplineStatus.DECIDED,
        form=form,
        starts_on=starts_on,
        ends_on=ends_on,
        decision_number=number,
    )


def review(person, starts_on: datetime.date) -> Discipline:
    return services.discipline_create(
        actor=None, person=person, status=DisciplineStatus.UNDER_REVIEW, starts_on=starts_on
    )


def initiative(
    person,
    year: int,
    *,
    scope: str = EffectScope.GRASSROOTS,
    kind: str = InitiativeKind.INITIATIVE,
    title: str | None = None,
) -> Initiative:
    return services.initiative_create(
        actor=None,
        authors=[person],
        unit=person.unit,
        kind=kind,
        title=title or f"Giải pháp nâng cao chất lượng công tác năm {year} ({scope})",
        year=year,
        scope=scope,
        recognised_by="Hội đồng sáng kiến cơ sở",
    )


def used_for(item: Initiative, award: Award) -> Initiative:
    """Record that the initiative was the basis of ``award`` (the field is not one the
    initiative services edit; the award registry sets it when a proposal cites it)."""
    Initiative.objects.filter(pk=item.pk).update(used_for=award)
    item.refresh_from_db()
    return item


def verdict(recipient, code: str, year: int = 2025, *, today=TODAY, rules=None):
    return eligibility.check(recipient, code, year, today=today, rules=rules)


def outcomes(v) -> list[str]:
    return [r.outcome for r in v.reasons]


def texts(v, outcome: str | None = None) -> str:
    """All reason texts (of ``outcome``) with their citations, one per line."""
    return "\n".join(str(r) for r in v.reasons if outcome is None or r.outcome == outcome)


def reason_with(v, fragment: str):
    """The first reason whose text contains ``fragment``; fails listing the reasons."""
    for reason in v.reasons:
        if fragment in reason.text:
            return reason
    raise AssertionError(f"no reason containing {fragment!r} in:\n{texts(v)}")
