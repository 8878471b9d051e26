"""The movement page, a target's page, the unit ranking, the leaders' dashboard, the
exports (Excel, PDF) and the reviews with their drafted report (.docx).

Every figure comes from the denormalised ``Target.latest_actual/completion/status`` and
from aggregate queries, so the number of queries of each page does not depend on the
number of targets, units or reports.
"""

from __future__ import annotations

from decimal import Decimal

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db.models import Sum
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.template.defaultfilters import truncatechars
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext, pgettext
from django.views.decorators.http import require_http_methods

from thidua.audit.selectors import entries_for
from thidua.core.text import format_number
from thidua.core.views import (
    add_service_errors,
    get_scoped_or_404,
    paginate,
    render_page,
    require_action,
)
from thidua.core.xlsx import build_workbook, xlsx_response
from thidua.org.roles import Role

from .. import completion, selectors, services
from ..forms.dashboards import ReviewForm
from ..models import (
    AimedTitle,
    Comparator,
    Direction,
    Movement,
    MovementStatus,
    Participation,
    ProgressReport,
    Registration,
    Review,
    Target,
    TargetGroup,
    TargetStatus,
)

TARGETS_PER_PAGE = 100
UNITS_PER_PAGE = 50

# Bootstrap colour and chart colour of each target status.
STATUS_STYLE = {
    TargetStatus.MET: ("success", "#198754"),
    TargetStatus.ON_TRACK: ("primary", "#0d6efd"),
    TargetStatus.AT_RISK: ("warning", "#ffc107"),
    TargetStatus.MISSED: ("danger", "#dc3545"),
    TargetStatus.NOT_REPORTED: ("secondary", "#adb5bd"),
    TargetStatus.UNKNOWN: ("dark", "#6c757d"),
}
MOVEMENT_STATUS_STYLE = {
    MovementStatus.DRAFT: "secondary",
    MovementStatus.LAUNCHED: "primary",
    MovementStatus.REVIEWED: "info",
    MovementStatus.CLOSED: "dark",
}
SYMBOLS = {
    Comparator.ABOVE: ">",
    Comparator.AT_LEAST: "≥",
    Comparator.BELOW: "<",
    Comparator.AT_MOST: "≤",
}


# Presentation helpers --------------------------------------------------------------------


def _with_measure(number: str, measure: str) -> str:
    return f"{number} {measure}".strip()


def goal_text(target) -> str:
    """What a target asks for, the way it is written: "≥ 7,5 %", "6,5–7 %", "≤ 2 %",
    "giảm 4,4 %" (the reference year is shown beside it)."""
    value = format_number(target.value)
    measure = target.measure.strip()
    if target.comparator in (Comparator.INCREASE, Comparator.DECREASE):
        amount = _with_measure(value, "%" if target.relative_change else measure)
        if target.comparator == Comparator.INCREASE:
            return _("increase by %(amount)s") % {"amount": amount}
        return _("decrease by %(amount)s") % {"amount": amount}
    if target.value_max is not None:
        return _with_measure(f"{value}–{format_number(target.value_max)}", measure)
    if target.comparator in SYMBOLS:
        return _with_measure(f"{SYMBOLS[target.comparator]} {value}", measure)
    if target.comparator == Comparator.ABOUT:
        return _with_measure(f"≈ {value}", measure)
    symbol = {Direction.HIGHER: "≥", Direction.LOWER: "≤"}.get(target.direction, "=")
    return _with_measure(f"{symbol} {value}", measure)


def _percent(ratio) -> Decimal | None:
    """1.234 → 123.4 (per cent, one decimal)."""
    if ratio is None:
        return None
    return round(Decimal(str(ratio)) * 100, 1)


def _shown(value) -> str:
    """A reported value as shown: at most two decimals, Vietnamese punctuation."""
    if value is None:
        return ""
    return format_number(round(Decimal(value), 2))


def _decorate(target) -> Target:
    """Add what the templates show: goal text, status colours, completion in per cent."""
    target.goal = goal_text(target)
    target.latest = _shown(target.latest_actual)
    target.css, target.colour = STATUS_STYLE.get(target.status, STATUS_STYLE["chua_bao_cao"])
    target.percent = _percent(target.completion)
    target.bar = min(target.percent, Decimal(100)) if target.percent is not None else 0
    return target


def _completion_bars(labels: list, values: list, colours: list, legend: str) -> dict:
    """A horizontal Chart.js bar chart of completions in per cent."""
    return {
        "type": "bar",
        "data": {
            "labels": labels,
            "datasets": [
                {
                    "label": legend,
                    "data": values,
                    "backgroundColor": colours,
                    "maxBarThickness": 24,
                }
            ],
        },
        "options": {
            "indexAxis": "y",
            "maintainAspectRatio": False,
            "plugins": {"legend": {"display": False}},
            "scales": {"x": {"min": 0, "suggestedMax": 100, "ticks": {"suffix": " %"}}},
        },
    }


def _status_rows(summary: dict) -> list[dict]:
    """Counts by status, in the order of :class:`TargetStatus`, with labels and colours."""
    return [
        {
            "status": status.value,
            "label": status.label,
            "count": summary.get(f"n_{status.value}") or 0,
            "css": STATUS_STYLE[status][0],
            "colour": STATUS_STYLE[status][1],
        }
        for status in TargetStatus
    ]


def _grouped(targets) -> list[tuple[str, list]]:
    groups: list[tuple[str, list]] = []
    labels = dict(TargetGroup.choices)
    for target in targets:
        label = labels.get(target.group, target.group)
        if not groups or groups[-1][0] != label:
            groups.append((label, []))
        groups[-1][1].append(target)
    return groups


def _can_change(user, movement: Movement) -> bool:
    return Movement.objects.restrict(user, "change").filter(pk=movement.pk).exists()


def _period(movement: Movement, end) -> str:
    return completion.period_label(movement.report_frequency, end) if end else ""


# The movement page --------------------------------------------------------------------

TABS = (
    "overview",
    "contents",
    "responsibilities",
    "participants",
    "documents",
    "reviews",
    "history",
)


@login_required
@require_http_methods(["GET"])
def movement_detail(request: HttpRequest, pk: int) -> HttpResponse:
    user = request.user
    movement = get_scoped_or_404(Movement, user, pk=pk)
    tab = request.GET.get("tab", "overview")
    if tab not in TABS:
        tab = "overview"
    can_change = _can_change(user, movement)
    participants = Participation.objects.restrict(user, "view").filter(movement=movement)
    context = {
        "movement": movement,
        "issuer": movement.issuer,
        "tab": tab,
        "status_css": MOVEMENT_STATUS_STYLE.get(movement.status, "secondary"),
        "can_change": can_change,
        "can_review": can_change and movement.is_running,
        "counts": {
            "contents": movement.contents.count(),
            "responsibilities": movement.responsibilities.count(),
            "participants": participants.count(),
            "documents": movement.attachments.count(),
            "reviews": movement.reviews.count(),
        },
    }
    context.update(_my_registration(user, movement))
    if tab == "overview":
        targets = selectors.movement_targets(user, movement)
        summary = selectors.target_summary(targets)
        page = paginate(request, targets, TARGETS_PER_PAGE)
        rows = [_decorate(t) for t in page.object_list]
        # The targets of this page with a completion, as bars coloured by status.
        charted = [t for t in rows if t.percent is not None]
        context.update(
            chart=_completion_bars(
                [truncatechars(t.indicator, 60) for t in charted],
                [_number(t.percent) for t in charted],
                [t.colour for t in charted],
                _("Completion (%)"),
            )
            if charted
            else None,
            chart_height=max(160, 28 * len(charted) + 60),
            page=page,
            groups=_grouped(rows),
            summary=summary,
            statuses=_status_rows(summary),
            overall=_percent(summary["score"]),
        )
    elif tab == "contents":
        context["contents"] = movement.contents.all()
    elif tab == "responsibilities":
        context["responsibilities"] = movement.responsibilities.select_related("unit")
    elif tab == "participants":
        context["title_labels"] = dict(AimedTitle.choices)
        context["page"] = paginate(
            request,
            selectors.registration_roll(user, movement).order_by("unit__path", "pk"),
            UNITS_PER_PAGE,
        )
    elif tab == "documents":
        context["attachments"] = movement.attachments.all()
    elif tab == "reviews":
        context["reviews"] = movement.reviews.select_related("created_by")
    else:
        context["page"] = paginate(request, entries_for(movement))
    return render_page(request, "movements/detail.html", context, partial="tab")


def _my_registration(user, movement: Movement) -> dict:
    """The unit officer's own unit, when it takes part and the officer may register it."""
    unit = user.unit if user.unit_id else None
    if (
        unit is None
        or not movement.is_running
        or Role.UNIT_OFFICER not in user.roles
        or not user.holds("movements.registration", "change", unit)
        or not movement.participations.filter(unit=unit).exists()
    ):
        return {}
    return {
        "my_unit": unit,
        "my_registration": Registration.objects.filter(movement=movement, unit=unit).first(),
    }


@login_required
@require_http_methods(["GET"])
def targets_export(request: HttpRequest, pk: int) -> HttpResponse:
    movement = get_scoped_or_404(Movement, request.user, pk=pk)
    targets = selectors.movement_targets(request.user, movement)
    headers = [
        pgettext("row number", "No."),
        _("Group"),
        _("Indicator"),
        _("Level"),
        _("Responsible unit"),
        _("Goal"),
        _("Unit of measure"),
        _("Compared with"),
        _("Baseline value"),
        _("Latest value"),
        _("Latest period"),
        _("Completion (%)"),
        _("Status"),
    ]
    rows = (
        [
            index,
            t.get_group_display(),
            t.indicator,
            t.get_level_display(),
            t.unit.name if t.unit else movement.issuer.name,
            goal_text(t),
            t.measure,
            t.reference,
            t.baseline,
            t.latest_actual,
            _period(movement, t.latest_period_end),
            _percent(t.completion),
            t.get_status_display(),
        ]
        for index, t in enumerate(targets.iterator(chunk_size=2000), start=1)
    )
    return xlsx_response(
        build_workbook(_("Targets"), headers, rows), f"chi-tieu-phong-trao-{movement.pk}.xlsx"
    )


# A target -----------------------------------------------------------------------------


def goal_levels(target) -> tuple[Decimal | None, Decimal | None]:
    """The goal as values on the target's own scale, for the chart: (low, high). An
    increase or a decrease is turned into the level it asks for from the baseline."""
    if target.comparator in (Comparator.INCREASE, Comparator.DECREASE):
        if target.baseline is None:
            return None, None
        amount = (
            target.value * abs(target.baseline) / 100 if target.relative_change else target.value
        )
        sign = 1 if target.comparator == Comparator.INCREASE else -1
        return target.baseline + sign * amount, None
    return target.value, target.value_max


def _number(value) -> float | None:
    return None if value is None else float(value)


def _trend_chart(target, movement, reports, sums) -> dict:
    """A Chart.js line chart: the actual per period against the goal (and, for a target
    broken down into units, the total the units reported; for a running total, the
    steady pace that reaches the goal)."""
    periods = completion.periods(movement.report_frequency, movement.starts_on, movement.ends_on)
    by_end = {r.period_end: r.actual for r in reports}
    labels = [completion.period_label(movement.report_frequency, end) for _s, end in periods]
    low, high = goal_levels(target)
    datasets = [
        {
            "label": _("Reported value"),
            "data": [_number(by_end.get(end)) for _s, end in periods],
            "borderColor": "#a4161a",
            "backgroundColor": "#a4161a",
            "spanGaps": True,
            "tension": 0.2,
            "pointRadius": 4,
        }
    ]
    if sums:
        datasets.append(
            {
                "label": _("Total reported by the units"),
                "data": [_number(sums.get(end)) for _s, end in periods],
                "borderColor": "#6f42c1",
                "backgroundColor": "#6f42c1",
                "spanGaps": True,
                "pointRadius": 3,
            }
        )
    dashed = {"borderDash": [6, 4], "pointRadius": 0, "borderWidth": 2, "fill": False}
    if low is not None:
        datasets.append(
            {
                "label": _("Goal") if high is None else _("Goal (low end)"),
                "data": [_number(low)] * len(periods),
                "borderColor": "#198754",
                "backgroundColor": "#198754",
                **dashed,
            }
        )
    if high is not None:
        datasets.append(
            {
                "label": _("Goal (high end)"),
                "data": [_number(high)] * len(periods),
                "borderColor": "#20c997",
                "backgroundColor": "#20c997",
                **dashed,
            }
        )
    if target.cumulative and low is not None:
        start, end = services.target_window(target)
        datasets.append(
            {
                "label": _("Steady pace to the goal"),
                "data": [
                    _number(low * completion.elapsed_share(start, end, period_end))
                    for _s, period_end in periods
                ],
                "borderColor": "#0d6efd",
                "backgroundColor": "#0d6efd",
                **dashed,
                "borderDash": [2, 3],
            }
        )
    return {
        "type": "line",
        "data": {"labels": labels, "datasets": datasets},
        "options": {
            "maintainAspectRatio": False,
            "plugins": {"legend": {"position": "bottom"}},
            "scales": {"y": {"title": {"display": bool(target.measure), "text": target.measure}}},
        },
    }


@login_required
@require_http_methods(["GET"])
def target_detail(request: HttpRequest, pk: int) -> HttpResponse:
    user = request.user
    target = get_scoped_or_404(Target, user, pk=pk)
    target = Target.objects.select_related("movement", "unit", "parent", "registration").get(
        pk=target.pk
    )
    movement = target.movement
    reports = list(
        ProgressReport.objects.restrict(user, "view")
        .filter(target=target)
        .select_related("reported_by")
        .prefetch_related("evidence")
        .order_by("period_end")
    )
    for report in reports:
        report.label = _period(movement, report.period_end)
        report.css = STATUS_STYLE.get(report.status, STATUS_STYLE["chua_bao_cao"])[0]
        report.percent = _percent(report.completion)
        report.shown = _shown(report.actual)
    shares, sums = [], {}
    if target.level == Target.Level.MOVEMENT:
        shares = [
            _decorate(s)
            for s in Target.objects.restrict(user, "view")
            .filter(parent=target)
            .select_related("unit")
            .order_by("unit__name", "pk")
        ]
        if shares:
            sums = dict(
                ProgressReport.objects.restrict(user, "view")
                .filter(target__parent=target)
                .order_by()
                .values("period_end")
                .annotate(total=Sum("actual"))
                .values_list("period_end", "total")
            )
    parent = target.parent
    if parent is not None and not Target.objects.restrict(user, "view").filter(pk=parent.pk):
        parent = None
    reporting_unit = target.unit or movement.issuer
    context = {
        "target": _decorate(target),
        "movement": movement,
        "parent": parent,
        "reporting_unit": reporting_unit,
        "reports": reports,
        "shares": shares,
        "chart": _trend_chart(target, movement, reports, sums),
        "latest_label": _period(movement, target.latest_period_end),
        "can_report": movement.is_running
        and user.holds("movements.progressreport", "change", reporting_unit),
        "can_change": not movement.is_closed
        and (
            _can_change(user, movement)
            if target.level == Target.Level.MOVEMENT
            else Target.objects.restrict(user, "change").filter(pk=target.pk).exists()
        ),
    }
    return render(request, "movements/target_detail.html", context)


# Ranking ------------------------------------------------------------------------------


def _score_css(percent) -> str:
    if percent is None:
        return "secondary"
    if percent >= 100:
        return "success"
    if percent >= 90:
        return "primary"
    if percent >= 50:
        return "warning"
    return "danger"


def _ranking_rows(user, movement):
    rows = selectors.unit_ranking(user, movement)
    for rank, row in enumerate(rows, start=1):
        row["rank"] = rank
        row["percent"] = _percent(row["score"])
        row["css"] = _score_css(row["percent"])
        yield row


@login_required
@require_http_methods(["GET"])
def ranking(request: HttpRequest, pk: int) -> HttpResponse:
    movement = get_scoped_or_404(Movement, request.user, pk=pk)
    page = paginate(request, list(_ranking_rows(request.user, movement)), UNITS_PER_PAGE)
    colours = {css: colour for css, colour in STATUS_STYLE.values()}
    chart = _completion_bars(
        [row["unit__name"] for row in page],
        [_number(row["percent"]) or 0 for row in page],
        [colours[row["css"]] for row in page],
        _("Average completion (%)"),
    )
    context = {
        "movement": movement,
        "page": page,
        "chart": chart,
        "chart_height": max(160, 28 * len(page.object_list) + 60),
        "cap": int(selectors.COMPLETION_CAP * 100),
    }
    return render(request, "movements/ranking.html", context)


@login_required
@require_http_methods(["GET"])
def ranking_export(request: HttpRequest, pk: int) -> HttpResponse:
    movement = get_scoped_or_404(Movement, request.user, pk=pk)
    headers = [
        _("Rank"),
        _("Unit code"),
        _("Unit"),
        _("Targets"),
        _("Met"),
        _("On track"),
        _("At risk"),
        _("Not met"),
        _("Not reported"),
        _("Cannot be assessed"),
        _("Average completion (%)"),
    ]
    rows = (
        [
            row["rank"],
            row["unit__code"],
            row["unit__name"],
            row["total"],
            row["n_dat"],
            row["n_dung_tien_do"],
            row["n_nguy_co"],
            row["n_khong_dat"],
            row["n_chua_bao_cao"],
            row["n_chua_xac_dinh"],
            row["percent"],
        ]
        for row in _ranking_rows(request.user, movement)
    )
    return xlsx_response(
        build_workbook(_("Ranking"), headers, rows), f"xep-hang-don-vi-{movement.pk}.xlsx"
    )


# The leaders' dashboard ---------------------------------------------------------------


def _dashboard(user) -> tuple[list[dict], dict]:
    movements = list(selectors.running_movements(user))
    figures = selectors.dashboard_figures(user, movements)
    rows = []
    totals: dict = {f"n_{s}": 0 for s in TargetStatus.values}
    for movement in movements:
        figure = figures[movement.pk]
        for key in totals:
            totals[key] += figure.get(key) or 0
        participants = figure["participants"]
        rows.append(
            {
                "movement": movement,
                "figure": figure,
                "percent": _percent(figure["score"]),
                "css": _score_css(_percent(figure["score"])),
                "registration_rate": (
                    round(Decimal(figure["registered"] * 100) / participants, 1)
                    if participants
                    else None
                ),
                "statuses": _status_rows(figure),
            }
        )
    return rows, totals


@login_required
@require_http_methods(["GET"])
def leader_dashboard(request: HttpRequest) -> HttpResponse:
    require_action(Movement, request.user, "dashboard")
    rows, totals = _dashboard(request.user)
    statuses = _status_rows(totals)
    doughnut = {
        "type": "doughnut",
        "data": {
            "labels": [str(s["label"]) for s in statuses],
            "datasets": [
                {
                    "data": [s["count"] for s in statuses],
                    "backgroundColor": [s["colour"] for s in statuses],
                }
            ],
        },
        "options": {"maintainAspectRatio": False, "plugins": {"legend": {"position": "right"}}},
    }
    bars = {
        "type": "bar",
        "data": {
            "labels": [_short(row["movement"].title) for row in rows],
            "datasets": [
                {
                    "label": str(s.label),
                    "data": [row["figure"].get(f"n_{s.value}") or 0 for row in rows],
                    "backgroundColor": STATUS_STYLE[s][1],
                    "maxBarThickness": 36,
                }
                for s in TargetStatus
            ],
        },
        "options": {
            "indexAxis": "y",
            "maintainAspectRatio": False,
            "plugins": {"legend": {"position": "bottom"}},
            "scales": {"x": {"stacked": True}, "y": {"stacked": True}},
        },
    }
    context = {
        "rows": rows,
        "statuses": statuses,
        "total": sum(s["count"] for s in statuses),
        "doughnut": doughnut,
        "bars": bars,
        "bars_height": max(200, 42 * len(rows) + 80),
        "today": timezone.localdate(),
        "cap": int(selectors.COMPLETION_CAP * 100),
    }
    return render(request, "movements/dashboard_leader.html", context)


def _short(title: str, length: int = 60) -> str:
    return title if len(title) <= length else title[: length - 1].rstrip() + "…"


@login_required
@require_http_methods(["GET"])
def leader_dashboard_export(request: HttpRequest) -> HttpResponse:
    require_action(Movement, request.user, "dashboard")
    rows, _totals = _dashboard(request.user)
    headers = [
        _("Movement"),
        _("Issuing unit"),
        _("Status"),
        _("Starts on"),
        _("Ends on"),
        _("Targets"),
        *(str(s.label) for s in TargetStatus),
        _("Average completion (%)"),
        _("Participating units"),
        _("Registrations submitted"),
        _("Registration rate (%)"),
        _("Reports late"),
    ]
    data = (
        [
            row["movement"].title,
            row["movement"].issuer.name,
            row["movement"].get_status_display(),
            row["movement"].starts_on,
            row["movement"].ends_on,
            row["figure"]["total"],
            *(row["figure"].get(f"n_{s}") or 0 for s in TargetStatus.values),
            row["percent"],
            row["figure"]["participants"],
            row["figure"]["registered"],
            row["registration_rate"],
            row["figure"]["late"],
        ]
        for row in rows
    )
    return xlsx_response(build_workbook(_("Dashboard"), headers, data), "bang-dieu-khien.xlsx")


# The summary in PDF -------------------------------------------------------------------


@login_required
@require_http_methods(["GET"])
def movement_pdf(request: HttpRequest, pk: int) -> HttpResponse:
    from weasyprint import HTML

    user = request.user
    movement = get_scoped_or_404(Movement, user, pk=pk)
    targets = selectors.movement_targets(user, movement)
    summary = selectors.target_summary(targets)
    movement_targets = [_decorate(t) for t in targets.filter(level=Target.Level.MOVEMENT)]
    context = {
        "movement": movement,
        "issuer": movement.issuer,
        "contents": movement.contents.all(),
        "groups": _grouped(movement_targets),
        "statuses": _status_rows(summary),
        "summary": summary,
        "overall": _percent(summary["score"]),
        "ranking": list(_ranking_rows(user, movement)),
        "rollup": selectors.registration_rollup(user, movement),
        "now": timezone.localtime(),
        "cap": int(selectors.COMPLETION_CAP * 100),
    }
    html = render_to_string("movements/summary_pdf.html", context, request=request)
    pdf = HTML(string=html, base_url=request.build_absolute_uri("/")).write_pdf()
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="phong-trao-{movement.pk}.pdf"'
    return response


# Reviews ------------------------------------------------------------------------------


@login_required
@require_http_methods(["GET", "POST"])
def review_create(request: HttpRequest, pk: int) -> HttpResponse:
    movement = get_scoped_or_404(Movement, request.user, "change", pk=pk)
    # Once the period is over, the review to hold is the final one.
    final = timezone.localdate() >= movement.ends_on
    initial = {
        "kind": Review.Kind.FINAL if final else Review.Kind.INTERIM,
        "held_on": timezone.localdate(),
        "title": (
            _("Final review of the movement “%(title)s”")
            if final
            else _("Interim review of the movement “%(title)s”")
        )
        % {"title": movement.title},
    }
    form = ReviewForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            review = services.review_create(
                actor=request.user,
                movement=movement,
                kind=data["kind"],
                held_on=data["held_on"],
                title=data["title"],
                conclusions=data["conclusions"],
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            if review.kind == Review.Kind.FINAL:
                messages.success(
                    request,
                    _(
                        "The final review was recorded; the movement is closed and its targets settled."
                    ),
                )
            else:
                messages.success(request, _("The interim review was recorded."))
            return redirect(f"{movement_url(movement)}?tab=reviews")
    return render(request, "movements/review_form.html", {"form": form, "movement": movement})


def movement_url(movement: Movement) -> str:
    return reverse("movements:detail", args=[movement.pk])


def _target_row(index: int, target, movement: Movement) -> dict:
    return {
        "no": index,
        "indicator": target.indicator,
        "responsible": target.unit.name if target.unit else movement.issuer.name,
        "goal": goal_text(target) + (f" ({target.reference})" if target.reference else ""),
        "actual": _with_measure(_shown(target.latest_actual), target.measure)
        if target.latest_actual is not None
        else "—",
        "completion": f"{format_number(_percent(target.completion))} %"
        if target.completion is not None
        else "—",
        "status": target.get_status_display(),
    }


def _date_words(day) -> str:
    return _("day %(day)s month %(month)s year %(year)s") % {
        "day": f"{day.day:02d}",
        "month": f"{day.month:02d}",
        "year": day.year,
    }


@login_required
@require_http_methods(["GET"])
def review_report(request: HttpRequest, pk: int) -> HttpResponse:
    from ..documents import review_report as document

    user = request.user
    review = Review.objects.filter(pk=pk).first()
    if review is None:
        raise Http404
    movement = get_scoped_or_404(Movement, user, pk=review.movement_id)
    issuer = movement.issuer
    targets = list(selectors.movement_targets(user, movement))
    groups = {"achieved": [], "missed": [], "in_progress": []}
    for target in targets:
        key = {TargetStatus.MET: "achieved", TargetStatus.MISSED: "missed"}.get(
            target.status, "in_progress"
        )
        groups[key].append(target)
    rollup = selectors.registration_rollup(user, movement)
    titles = [
        {
            "title": str(label),
            "count": ngettext("%(n)s unit", "%(n)s units", submitted) % {"n": submitted},
        }
        for _v, label, submitted, _draft in rollup["collective"]
        if submitted
    ] + [
        {
            "title": str(label),
            "count": ngettext("%(n)s person", "%(n)s people", submitted) % {"n": submitted},
        }
        for _v, label, submitted, _draft in rollup["individual"]
        if submitted
    ]
    for index, row in enumerate(titles, start=1):
        row["no"] = index
    participants = Participation.objects.restrict(user, "view").filter(movement=movement).count()
    registered = (
        Registration.objects.restrict(user, "view")
        .filter(movement=movement, status=Registration.Status.SUBMITTED)
        .count()
    )
    period = f"{movement.starts_on:%d/%m/%Y} – {movement.ends_on:%d/%m/%Y}"
    general = [
        (_("Movement"), movement.title),
        (_("Kind"), movement.get_kind_display()),
        (
            _("Launched by"),
            ", ".join(
                part
                for part in (
                    movement.document_number,
                    movement.document_date.strftime("%d/%m/%Y") if movement.document_date else "",
                    issuer.name,
                )
                if part
            ),
        ),
        (_("Signed by"), " – ".join(p for p in (movement.signer_title, movement.signer) if p)),
        (_("Period"), period),
        (_("Theme"), movement.theme),
        (_("Mottos"), "; ".join(f"“{m}”" for m in movement.mottos)),
        (_("Review"), f"{review.get_kind_display()}, {review.held_on:%d/%m/%Y}"),
    ]
    labels = {
        "number": _("No.: ……/BC-……"),
        "republic": _("SOCIALIST REPUBLIC OF VIET NAM"),
        "independence": _("Independence – Freedom – Happiness"),
        "report": _("REPORT"),
        "draft_note": _("(Draft prepared by thidua: complete the parts in italics)"),
        "general": _("THE MOVEMENT"),
        "results": _("RESULTS"),
        "results_hint": _(
            "[Assess how the movement was organised and carried out, the response of the "
            "units, the outstanding models and the shortcomings.]"
        ),
        "figures_as_of": _("Figures as of %(date)s.")
        % {"date": timezone.localdate().strftime("%d/%m/%Y")},
        "no": pgettext("row number", "No."),
        "indicator": _("Indicator"),
        "responsible": _("Responsible"),
        "goal": _("Goal"),
        "actual": _("Achieved"),
        "completion": _("Completion"),
        "status": _("Status"),
        "achieved": _("Targets achieved"),
        "missed": _("Targets not achieved"),
        "in_progress": _("Targets still in progress"),
        "none": _("None."),
        "registrations": _("EMULATION REGISTRATIONS"),
        "title_aimed": _("Title aimed for"),
        "registered_by": _("Registered"),
        "awards": _("AWARDS PROPOSED"),
        "awards_none": _(
            "No awards have been proposed for this movement yet. [List the collectives and "
            "individuals proposed for commendation once the nominations are made.]"
        ),
        "conclusions": _("CONCLUSIONS"),
        "tasks": _("TASKS AHEAD"),
        "tasks_hint": _("[Set out the tasks and solutions for the time ahead.]"),
        "recipients": _("Recipients:"),
        "recipients_list": _("- As above;\n- Archived."),
    }
    context = {
        "l": labels,
        "issuer": issuer.name.upper(),
        "place_date": _date_words(review.held_on),
        "heading": review.title,
        "general": [{"label": str(k), "value": v} for k, v in general if v],
        "achieved": [_target_row(i, t, movement) for i, t in enumerate(groups["achieved"], 1)],
        "missed": [_target_row(i, t, movement) for i, t in enumerate(groups["missed"], 1)],
        "in_progress": [
            _target_row(i, t, movement) for i, t in enumerate(groups["in_progress"], 1)
        ],
        "registered_text": _(
            "%(registered)s of the %(participants)s participating units submitted their "
            "registration."
        )
        % {"registered": registered, "participants": participants},
        "titles": titles,
        "conclusions": review.conclusions or _("[Write the conclusions of the review.]"),
        "signer_title": (movement.signer_title or "").upper(),
        "signer": movement.signer,
    }
    data = document.render(context)
    response = HttpResponse(data, content_type=document.DOCX_MIME)
    name = f"bao-cao-{review.kind.replace('_', '-')}-{review.pk}.docx"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response
