"""Registration (đăng ký thi đua): the roll of participants, a unit's registration with its
people and titles, and the targets a unit sets itself."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from thidua.audit.selectors import entries_for
from thidua.core.concurrency import StaleObjectError
from thidua.core.views import (
    add_service_errors,
    apply_sort,
    get_scoped_or_404,
    paginate,
    render_page,
)
from thidua.core.xlsx import build_workbook, xlsx_response
from thidua.org.models import Unit

from .. import selectors, services
from ..forms.registrations import EntryFormSet, RegistrationForm, RollFilterForm, UnitTargetForm
from ..models import AimedTitle, Movement, Registration, Target

ROLL_SORTS = ("unit__name", "unit__code", "reg_submitted_at", "reg_people")


def _status_label(row) -> str:
    if row.reg_status == Registration.Status.SUBMITTED:
        return str(Registration.Status.SUBMITTED.label)
    if row.reg_status == Registration.Status.DRAFT:
        return str(Registration.Status.DRAFT.label)
    return _("Not registered")


def _window_problem(movement: Movement) -> str:
    """Why registration is not possible today, or an empty string."""
    try:
        services.registration_window_check(movement, timezone.localdate())
    except ValidationError as error:
        return " ".join(error.messages)
    return ""


def _roll(request: HttpRequest, movement: Movement):
    form = RollFilterForm(request.GET or None)
    data = form.cleaned_data if form.is_valid() else {}
    rows = selectors.registration_roll(
        request.user,
        movement,
        status=data.get("status", ""),
        late_only=bool(data.get("late")),
    )
    rows, sort = apply_sort(request, rows, ROLL_SORTS, "unit__name")
    return form, rows, sort


@login_required
def registration_roll(request: HttpRequest, pk: int) -> HttpResponse:
    movement = get_scoped_or_404(Movement, request.user, pk=pk)
    form, rows, sort = _roll(request, movement)
    page = paginate(request, rows)
    user = request.user
    for row in page.object_list:
        row.status_label = _status_label(row)
        row.title_label = AimedTitle(row.reg_title).label if row.reg_title else ""
        row.can_change = user.holds("movements.registration", "change", row.unit)
    context = {
        "movement": movement,
        "form": form,
        "page": page,
        "sort": sort,
        "rollup": selectors.registration_rollup(user, movement),
        "window_problem": _window_problem(movement),
        "today": timezone.localdate(),
    }
    return render_page(request, "movements/registration_roll.html", context, partial="table")


@login_required
def registration_roll_export(request: HttpRequest, pk: int) -> HttpResponse:
    movement = get_scoped_or_404(Movement, request.user, pk=pk)
    _form, rows, _sort = _roll(request, movement)
    headers = [
        _("Unit code"),
        _("Unit"),
        _("Registration"),
        _("Late"),
        _("Submitted at"),
        _("Collective title aimed for"),
        _("Individuals registered"),
    ]
    data = (
        [
            row.unit.code,
            row.unit.name,
            _status_label(row),
            _("Yes") if row.reg_late else "",
            row.reg_submitted_at,
            str(AimedTitle(row.reg_title).label) if row.reg_title else "",
            row.reg_people,
        ]
        for row in rows.iterator(chunk_size=2000)
    )
    return xlsx_response(
        build_workbook(_("Registrations"), headers, data), f"dang-ky-thi-dua-{movement.pk}.xlsx"
    )


def _entries_initial(registration: Registration | None) -> list[dict]:
    if registration is None:
        return []
    return [{"person": e.person_id, "title": e.title} for e in registration.entries.all()]


@login_required
@require_http_methods(["GET", "POST"])
def registration_edit(request: HttpRequest, pk: int, unit_pk: int) -> HttpResponse:
    movement = get_scoped_or_404(Movement, request.user, pk=pk)
    unit = get_scoped_or_404(Unit, request.user, pk=unit_pk)
    if not request.user.holds("movements.registration", "change", unit):
        raise PermissionDenied
    registration = Registration.objects.filter(movement=movement, unit=unit).first()
    people = list(selectors.registration_people(request.user, unit))
    by_pk = {p.pk: p for p in people}
    choices = [
        (p.pk, f"{p.full_name} — {p.position}" if p.position else p.full_name) for p in people
    ]
    initial = {}
    if registration is not None:
        initial = {
            "collective_title": registration.collective_title,
            "note": registration.note,
            "version": registration.version,
        }
    form = RegistrationForm(request.POST or None, initial=initial)
    formset = EntryFormSet(
        request.POST or None,
        # A bound formset gets no initial: a row equal to it would count as unchanged
        # and be dropped.
        initial=None if request.method == "POST" else _entries_initial(registration),
        prefix="entries",
        form_kwargs={"people": choices},
    )
    entry_errors: list[str] = []
    if request.method == "POST" and form.is_valid() and formset.is_valid():
        entries = [
            services.EntryRow(person=by_pk[row["person"]], title=row["title"])
            for row in formset.cleaned_data
            if row and not row.get("DELETE") and row.get("person")
        ]
        submit = request.POST.get("action") == "submit"
        try:
            registration = services.registration_save(
                actor=request.user,
                movement=movement,
                unit=unit,
                collective_title=form.cleaned_data["collective_title"],
                note=form.cleaned_data["note"],
                entries=entries,
                expected_version=form.cleaned_data["version"],
                submit=submit,
            )
        except StaleObjectError as error:
            form.add_error(None, error)
        except ValidationError as error:
            if hasattr(error, "error_dict"):
                entry_errors = [m for e in error.error_dict.pop("entries", []) for m in e.messages]
                if error.error_dict:
                    add_service_errors(form, error)
            else:
                form.add_error(None, error)
        else:
            message = (
                _("The registration of %(unit)s was submitted.")
                if submit
                else _("The registration of %(unit)s was saved as a draft.")
            )
            messages.success(request, message % {"unit": unit.name})
            return redirect("movements:registration", pk=registration.pk)
    participates = movement.participations.filter(unit=unit).exists()
    context = {
        "movement": movement,
        "unit": unit,
        "registration": registration,
        "form": form,
        "formset": formset,
        "entry_errors": entry_errors,
        "participates": participates,
        "window_problem": _window_problem(movement),
        "targets": (
            registration.targets.order_by("order", "pk") if registration is not None else []
        ),
        "can_add_target": registration is not None
        and not movement.is_closed
        and request.user.holds("movements.target", "change", unit),
        "has_people": bool(people),
    }
    return render(request, "movements/registration_form.html", context)


@login_required
def registration_detail(request: HttpRequest, pk: int) -> HttpResponse:
    registration = get_scoped_or_404(Registration, request.user, pk=pk)
    registration = Registration.objects.select_related("movement", "unit", "submitted_by").get(
        pk=registration.pk
    )
    tab = request.GET.get("tab", "details")
    unit = registration.unit
    context = {
        "registration": registration,
        "movement": registration.movement,
        "unit": unit,
        "tab": tab,
        "can_change": request.user.holds("movements.registration", "change", unit),
        "can_add_target": not registration.movement.is_closed
        and request.user.holds("movements.target", "change", unit),
    }
    if tab == "history":
        context["page"] = paginate(request, entries_for(registration))
    else:
        context["entries"] = registration.entries.select_related("person").order_by(
            "person__name_folded", "pk"
        )
        context["own_targets"] = registration.targets.order_by("order", "pk")
        context["assigned_targets"] = (
            Target.objects.filter(
                movement=registration.movement,
                unit=unit,
                level=Target.Level.UNIT,
                registration__isnull=True,
            )
            .select_related("parent")
            .order_by("order", "pk")
        )
    return render_page(request, "movements/registration_detail.html", context, partial="tab")


@login_required
@require_http_methods(["GET", "POST"])
def unit_target_create(request: HttpRequest, pk: int) -> HttpResponse:
    registration = get_scoped_or_404(Registration, request.user, pk=pk)
    registration = Registration.objects.select_related("movement", "unit").get(pk=registration.pk)
    if not request.user.holds("movements.target", "change", registration.unit):
        raise PermissionDenied
    form = UnitTargetForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            target = services.target_create(
                actor=request.user,
                movement=registration.movement,
                level=Target.Level.UNIT,
                unit=registration.unit,
                registration=registration,
                **form.cleaned_data,
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(
                request, _("The target “%(name)s” was added.") % {"name": target.indicator}
            )
            return redirect("movements:registration", pk=registration.pk)
    return render(
        request,
        "movements/registration_target_form.html",
        {"form": form, "registration": registration, "movement": registration.movement},
    )
