"""Progress reporting (báo cáo tiến độ): the grid of targets × periods, one report with
its evidence, and the Excel round trip. Thin: checks and saving live in the services."""

from __future__ import annotations

import re
from datetime import date

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from thidua.core.text import format_number
from thidua.core.views import add_service_errors, get_scoped_or_404, paginate, require_action
from thidua.core.xlsx import UploadError, open_uploaded_workbook, xlsx_response

from .. import completion, progress_xlsx, selectors, services
from ..forms.progress import ProgressImportForm, ReportForm
from ..models import Frequency, Movement, ProgressReport, Target, TargetStatus

# Status → Bootstrap colour, for cells and badges.
STATUS_COLOURS = {
    TargetStatus.MET: "success",
    TargetStatus.ON_TRACK: "primary",
    TargetStatus.AT_RISK: "warning",
    TargetStatus.MISSED: "danger",
    TargetStatus.UNKNOWN: "secondary",
    TargetStatus.NOT_REPORTED: "light",
}


def _movement_periods(movement: Movement) -> list[tuple[date, date]]:
    return completion.periods(movement.report_frequency, movement.starts_on, movement.ends_on)


def _year_filter(request: HttpRequest, movement: Movement, today: date):
    """The year shown: months, quarters and halves are shown one year at a time."""
    years = list(range(movement.starts_on.year, movement.ends_on.year + 1))
    if movement.report_frequency == Frequency.YEAR or len(years) == 1:
        return years, None
    try:
        year = int(request.GET.get("year", ""))
    except ValueError:
        year = None
    if year not in years:
        year = min(max(today.year, years[0]), years[-1])
    return years, year


def _reporter_of(user, target: Target) -> bool:
    unit = target.unit or target.movement.issuer
    return user.holds("movements.progressreport", "change", unit)


def _report_url(target_pk: int, period_end: date) -> str:
    query = urlencode({"period_end": period_end.isoformat()})
    return f"{reverse('movements:report', args=[target_pk])}?{query}"


# The grid ------------------------------------------------------------------------------


@login_required
@require_GET
def progress_overview(request: HttpRequest, pk: int) -> HttpResponse:
    require_action(ProgressReport, request.user, "change")
    movement = get_scoped_or_404(Movement, request.user, pk=pk)
    today = timezone.localdate()
    years, year = _year_filter(request, movement, today)
    periods = [p for p in _movement_periods(movement) if year is None or p[1].year == year]
    targets = selectors.reportable_targets(request.user, movement)
    page = paginate(request, targets)
    shown = list(page.object_list)
    reports = selectors.reports_by_cell(
        Target.objects.filter(pk__in=[t.pk for t in shown]), [end for _s, end in periods]
    )
    can_report = movement.is_running
    rows = []
    for target in shown:
        cells = []
        for start, end in periods:
            report = reports.get((target.pk, end))
            due = completion.due_date(end, movement.report_due_days)
            if start > today:
                state = "future"
            elif report is not None:
                state = "reported"
            elif due < today:
                state = "missing"
            else:
                state = "open"
            cells.append(
                {
                    "end": end,
                    "due": due,
                    "report": report,
                    "state": state,
                    "colour": STATUS_COLOURS.get(report.status, "light") if report else "",
                    "url": _report_url(target.pk, end)
                    if can_report and state != "future" and not target.settled
                    else "",
                }
            )
        rows.append({"target": target, "unit": target.unit or movement.issuer, "cells": cells})
    context = {
        "movement": movement,
        "periods": [
            {
                "start": start,
                "end": end,
                "label": completion.period_label(movement.report_frequency, end),
                "due": completion.due_date(end, movement.report_due_days),
            }
            for start, end in periods
        ],
        "rows": rows,
        "page": page,
        "years": years,
        "year": year,
        "today": today,
        "can_report": can_report,
    }
    return render(request, "movements/progress_overview.html", context)


# One report ----------------------------------------------------------------------------


def _chosen_period(request: HttpRequest, movement: Movement, today: date) -> date:
    """``?period_end=YYYY-MM-DD``, else the latest period that has started."""
    raw = request.GET.get("period_end", "")
    try:
        return date.fromisoformat(raw)
    except ValueError:
        pass
    started = [end for start, end in _movement_periods(movement) if start <= today]
    if started:
        return started[-1]
    return _movement_periods(movement)[0][1]


@login_required
@require_http_methods(["GET", "POST"])
def report_edit(request: HttpRequest, pk: int) -> HttpResponse:
    target = get_scoped_or_404(Target, request.user, pk=pk)
    target = Target.objects.select_related("movement__issuer", "unit").get(pk=target.pk)
    if not _reporter_of(request.user, target):
        raise PermissionDenied
    movement = target.movement
    today = timezone.localdate()
    period_end = _chosen_period(request, movement, today)
    period = completion.period_for(
        movement.report_frequency, movement.starts_on, movement.ends_on, period_end
    )
    is_period = period is not None and period[1] == period_end
    report = (
        ProgressReport.objects.filter(target=target, period_end=period_end)
        .select_related("reported_by")
        .first()
    )
    initial = {"version": report.version if report else 0}
    if report is not None:
        initial.update(actual=_typed(report.actual), comment=report.comment)
    form = ReportForm(request.POST or None, request.FILES or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.progress_report_save(
                actor=request.user,
                target=target,
                period_end=period_end,
                actual=data["actual"],
                comment=data["comment"],
                files=data["files"],
                expected_version=data["version"],
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(
                request,
                _("The report for %(period)s was saved.")
                % {"period": completion.period_label(movement.report_frequency, period_end)},
            )
            return redirect(_report_url(target.pk, period_end))
    started = [(s, e) for s, e in _movement_periods(movement) if s <= today]
    history = list(
        ProgressReport.objects.filter(target=target)
        .select_related("reported_by")
        .order_by("-period_end")
    )
    context = {
        "target": target,
        "movement": movement,
        "unit": target.unit or movement.issuer,
        "goal": progress_xlsx.goal_text(target),
        "form": form,
        "report": report,
        "evidence": list(report.evidence.all()) if report else [],
        "period_end": period_end,
        "period_start": period[0] if is_period else None,
        "period_label": completion.period_label(movement.report_frequency, period_end),
        "is_period": is_period,
        "is_future": is_period and period[0] > today,
        "due": completion.due_date(period_end, movement.report_due_days),
        "today": today,
        "choices": [
            {
                "end": end,
                "label": completion.period_label(movement.report_frequency, end),
                "selected": end == period_end,
            }
            for _s, end in reversed(started)
        ],
        "history": history,
        "colours": STATUS_COLOURS,
    }
    return render(request, "movements/report_edit.html", context)


def _typed(value) -> str:
    """A stored value as the form shows it: 2326.5 → "2.326,5"."""
    return format_number(value)


@login_required
@require_GET
def evidence_download(request: HttpRequest, pk: int) -> FileResponse:
    evidence = selectors.visible_evidence(request.user, pk)
    if evidence is None:
        raise Http404
    try:
        handle = evidence.file.open("rb")
    except FileNotFoundError as exc:
        raise Http404 from exc
    return FileResponse(
        handle,
        as_attachment=True,
        filename=evidence.original_name,
        content_type=evidence.content_type,
    )


# Excel ---------------------------------------------------------------------------------


@login_required
@require_GET
def progress_export(request: HttpRequest, pk: int) -> HttpResponse:
    """The movement's reportable targets × the periods that have started, with what is
    already reported: the file to fill in and import."""
    require_action(ProgressReport, request.user, "change")
    movement = get_scoped_or_404(Movement, request.user, pk=pk)
    today = timezone.localdate()
    years, year = _year_filter(request, movement, today)
    if "year" not in request.GET:
        year = None
    periods = [
        (start, end)
        for start, end in _movement_periods(movement)
        if start <= today and (year is None or end.year == year)
    ]
    targets = selectors.reportable_targets(request.user, movement)
    reports = selectors.reports_by_cell(targets, [end for _s, end in periods])
    workbook = progress_xlsx.export_workbook(movement, targets, periods, reports)
    suffix = f"-{year}" if year else ""
    return xlsx_response(workbook, f"tien-do-{movement.pk}{suffix}.xlsx")


def _service_issues(error: ValidationError) -> list[progress_xlsx.Issue]:
    issues = []
    for message in error.messages:
        found = re.search(r"\d+", message)
        issues.append(
            progress_xlsx.Issue(message, row=int(found.group()) if found else None, prefixed=True)
        )
    return issues


class _DryRun(Exception):
    """Rolls back a check run of the import."""


def _import(request: HttpRequest, movement: Movement, data: bytes) -> dict:
    """Parse and save a workbook: ``{"saved", "unchanged", "blank", "issues"}``."""
    try:
        workbook = open_uploaded_workbook(data, settings.THIDUA_IMPORT_MAX_BYTES)
    except UploadError as error:
        return {"issues": [progress_xlsx.Issue(str(error))]}
    visible = Target.objects.restrict(request.user, "view").filter(movement=movement)
    targets = {t.pk: t for t in visible.select_related("unit")}
    for target in targets.values():
        target.movement = movement  # one movement object for every row
    reports = selectors.reports_by_cell(visible)
    try:
        parsed = progress_xlsx.parse_workbook(
            workbook, movement=movement, targets=targets, reports=reports
        )
    finally:
        workbook.close()
    outcome = {
        "saved": 0,
        "unchanged": parsed.unchanged,
        "blank": parsed.blank,
        "issues": list(parsed.issues),
    }
    if parsed.issues:
        # Still let the service look at the rows that parsed, so every row's problem is
        # listed at once; whatever it would save is rolled back.
        if parsed.rows:
            try:
                with transaction.atomic():
                    services.progress_import(
                        actor=request.user, movement=movement, rows=parsed.rows
                    )
                    raise _DryRun
            except ValidationError as error:
                outcome["issues"] += _service_issues(error)
            except _DryRun:
                pass
        outcome["issues"].sort(key=lambda issue: issue.row or 0)
        return outcome
    if not parsed.rows:
        return outcome
    try:
        outcome["saved"] = services.progress_import(
            actor=request.user, movement=movement, rows=parsed.rows
        )
    except ValidationError as error:
        outcome["issues"] = sorted(_service_issues(error), key=lambda issue: issue.row or 0)
    return outcome


@login_required
@require_http_methods(["GET", "POST"])
def progress_import(request: HttpRequest, pk: int) -> HttpResponse:
    require_action(ProgressReport, request.user, "change")
    movement = get_scoped_or_404(Movement, request.user, pk=pk)
    form = ProgressImportForm(request.POST or None, request.FILES or None)
    result = None
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        limit = settings.THIDUA_IMPORT_MAX_BYTES
        if upload.size > limit:
            form.add_error(
                "file",
                _("The file is too large (%(size)s MB; at most %(max)s MB).")
                % {"size": round(upload.size / 1048576, 1), "max": round(limit / 1048576, 1)},
            )
        else:
            result = _import(request, movement, upload.read())
            result["filename"] = upload.name
            result["ok"] = not result["issues"]
            if result["ok"] and result["saved"]:
                messages.success(
                    request,
                    _("“%(name)s” was imported: %(saved)s reports saved, %(unchanged)s unchanged.")
                    % {
                        "name": upload.name,
                        "saved": result["saved"],
                        "unchanged": result["unchanged"],
                    },
                )
                return redirect("movements:progress", pk=movement.pk)
    context = {
        "movement": movement,
        "form": form,
        "result": result,
        "max_mb": round(settings.THIDUA_IMPORT_MAX_BYTES / 1048576, 1),
        "max_rows": progress_xlsx.MAX_ROWS,
    }
    return render(request, "movements/progress_import.html", context)
