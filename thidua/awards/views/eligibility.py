"""Eligibility pages: one check (a person, a unit or a household, a title or form, a
year → the verdict with every reason and its citation) and the batch "who in this unit
and below is eligible", with its Excel export."""

from __future__ import annotations

from collections import Counter

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.urls import path
from django.utils.translation import gettext as _

from thidua.core.views import render_page
from thidua.core.xlsx import build_workbook, xlsx_response
from thidua.org.models import Person, Unit

from ..forms.eligibility import VERDICTS, BatchForm, EligibilityCheckForm
from ..models import Household, Subject

OUTCOME_MARKS = {"met": "✓", "not_met": "✗", "missing": "!", "note": "i"}


def _engine():
    # Imported when used: the rules package loads the rule data file.
    from ..rules import eligibility

    return eligibility


def _unit_names(recipients, people: bool) -> dict[int, str]:
    """The unit (of a person) or the parent unit (of a unit) of each recipient, by id, in
    one query whatever the number of rows."""
    ids = {r.unit_id if people else r.parent_id for r in recipients} - {None}
    return dict(Unit.objects.filter(pk__in=ids).values_list("pk", "name"))


def _check_form(request: HttpRequest) -> EligibilityCheckForm:
    user = request.user
    return EligibilityCheckForm(
        request.GET or None,
        people=Person.objects.restrict(user).select_related("unit"),
        units=Unit.objects.restrict(user),
        households=Household.objects.restrict(user).select_related("unit"),
    )


@login_required
def eligibility_check(request: HttpRequest) -> HttpResponse:
    """``?subject=ca_nhan&person=<pk>&award_type=<pk>&year=2025``; an HTMX request (the
    quick check on a history page) gets only the verdict."""
    form = _check_form(request)
    verdict = recipient = None
    if form.is_bound and form.is_valid():
        recipient = form.recipient
        verdict = _engine().check(
            recipient, form.cleaned_data["award_type"], form.cleaned_data["year"]
        )
    context = {
        "form": form,
        "verdict": verdict,
        "recipient": recipient,
        "award_type": form.cleaned_data.get("award_type") if form.is_bound else None,
        "year": form.cleaned_data.get("year") if form.is_bound else None,
    }
    return render_page(request, "awards/eligibility_check.html", context, partial="result")


def _batch(request: HttpRequest):
    """The form and, when it is valid, every (recipient, verdict) of the unit."""
    user = request.user
    form = BatchForm(request.GET or None, units=Unit.objects.restrict(user))
    if not (form.is_bound and form.is_valid()):
        return form, None
    data = form.cleaned_data
    engine = _engine()
    find = (
        engine.eligible_people if data["subject"] == Subject.INDIVIDUAL else engine.eligible_units
    )
    results = find(
        user, data["unit"], data["award_type"], data["year"], with_subtree=not data["only_unit"]
    )
    return form, list(results)


def _common_notes(results) -> list:
    """The notes every verdict carries (the ballot rule, an amendment to come…): shown once
    above the table rather than on every row."""
    common: dict | None = None
    for _recipient, verdict in results:
        notes = {(r.text, r.citation): r for r in verdict.reasons if r.outcome == "note"}
        common = notes if common is None else {k: v for k, v in common.items() if k in notes}
        if not common:
            return []
    return list((common or {}).values()) if len(results) > 1 else []


def _counts(results) -> dict[str, int]:
    counter = Counter(verdict.status for _recipient, verdict in results)
    return {status: counter.get(status, 0) for status in VERDICTS}


@login_required
def eligibility_batch(request: HttpRequest) -> HttpResponse:
    form, results = _batch(request)
    context = {"form": form, "results": results}
    if results is not None:
        wanted = form.cleaned_data.get("verdict")
        shown = [row for row in results if not wanted or row[1].status == wanted]
        page = Paginator(shown, 100).get_page(request.GET.get("page"))
        people = form.cleaned_data["subject"] == Subject.INDIVIDUAL
        names = _unit_names([recipient for recipient, _verdict in page], people)
        common = _common_notes(results)
        common_keys = {(r.text, r.citation) for r in common}
        context.update(
            counts=_counts(results),
            total=len(results),
            page=page,
            common_notes=common,
            rows=[
                (
                    recipient,
                    verdict,
                    names.get(recipient.unit_id if people else recipient.parent_id, ""),
                    [
                        r
                        for r in verdict.reasons
                        if r.outcome != "met" and (r.text, r.citation) not in common_keys
                    ],
                )
                for recipient, verdict in page
            ],
            subject=form.cleaned_data["subject"],
            award_type=form.cleaned_data["award_type"],
            year=form.cleaned_data["year"],
            unit=form.cleaned_data["unit"],
        )
    return render_page(request, "awards/eligibility_batch.html", context, partial="results")


def _reasons_text(verdict) -> str:
    lines = []
    for reason in verdict.reasons:
        line = f"{OUTCOME_MARKS.get(reason.outcome, '·')} {reason.text}"
        if reason.citation and reason.citation not in reason.text:
            line += f" ({reason.citation})"
        if reason.confidence == "low":
            line += " [" + _("low confidence") + "]"
        lines.append(line)
    return "\n".join(lines)


@login_required
def eligibility_batch_export(request: HttpRequest) -> HttpResponse:
    form, results = _batch(request)
    if results is None:
        return eligibility_batch(request)
    wanted = form.cleaned_data.get("verdict")
    people = form.cleaned_data["subject"] == Subject.INDIVIDUAL
    headers = [
        _("No."),
        _("Name"),
        _("Position") if people else _("Code"),
        _("Unit") if people else _("Parent unit"),
        _("Title or form"),
        _("Year"),
        _("Verdict"),
        _("Reasons"),
    ]
    award_type = form.cleaned_data["award_type"]
    year = form.cleaned_data["year"]
    names = _unit_names([recipient for recipient, _verdict in results], people)
    rows = (
        [
            index,
            recipient.full_name if people else recipient.name,
            recipient.position if people else recipient.code,
            names.get(recipient.unit_id if people else recipient.parent_id, ""),
            award_type.name,
            year,
            verdict.label,
            _reasons_text(verdict),
        ]
        for index, (recipient, verdict) in enumerate(
            (row for row in results if not wanted or row[1].status == wanted), start=1
        )
    )
    filename = f"xet-dieu-kien-{award_type.code}-{year}.xlsx"
    return xlsx_response(build_workbook(_("Eligibility"), headers, rows), filename)


urlpatterns = [
    path("eligibility/", eligibility_check, name="eligibility_check"),
    path("eligibility/batch/", eligibility_batch, name="eligibility_batch"),
    path("eligibility/batch.xlsx", eligibility_batch_export, name="eligibility_batch_export"),
]
