"""The facts the eligibility rules read — task ratings, discipline, initiatives — and the
households that can be awarded. Ratings, discipline and initiatives are listed on the
history pages; households have their own list. Every change goes through the services
(scoped, versioned, audited)."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from thidua.core.concurrency import StaleObjectError
from thidua.core.views import (
    add_service_errors,
    get_scoped_or_404,
    paginate,
    render_page,
    require_action,
)
from thidua.org.models import Person, Unit

from .. import selectors, services
from ..forms.eligibility import default_year
from ..forms.facts import (
    DisciplineEditForm,
    HouseholdFilterForm,
    HouseholdForm,
    InitiativeForm,
    TaskRatingForm,
)
from ..models import Discipline, Household, Initiative, TaskRating

LOOKUP_LIMIT = 20


def _save_errors(form, error: ValidationError) -> None:
    if isinstance(error, StaleObjectError) or not hasattr(error, "error_dict"):
        form.add_error(None, error)
    else:
        add_service_errors(form, error)


def _refused(form) -> None:
    form.add_error(None, _("You may not record this for that unit."))


def _apply(form, service, /, **arguments):
    """Run ``service``; if it refuses, put its reason on ``form`` and return ``None``.
    A service that returns nothing on success gives ``True``."""
    try:
        result = service(**arguments)
    except ValidationError as error:
        _save_errors(form, error)
    except PermissionDenied:
        _refused(form)
    else:
        return True if result is None else result
    return None


def _history_url(*, person=None, unit=None) -> str:
    if person is not None:
        return reverse("awards:person_history", args=[person.pk])
    return reverse("awards:unit_history", args=[unit.pk])


def _require_holds(user, model, unit: Unit) -> None:
    if not user.holds(model._meta.label_lower, "change", unit):
        raise PermissionDenied


def _render_form(
    request, form, *, title: str, back: str, recipient_name: str = "", obj=None, delete_url=""
):
    context = {
        "form": form,
        "title": title,
        "back": back,
        "recipient_name": recipient_name,
        "object": obj,
        "delete_url": delete_url,
    }
    return render(request, "awards/fact_form.html", context)


# Task ratings ----------------------------------------------------------------------------


def _rating_create(request: HttpRequest, *, person=None, unit=None) -> HttpResponse:
    recipient_unit = person.unit if person is not None else unit
    _require_holds(request.user, TaskRating, recipient_unit)
    year = request.GET.get("year")
    form = TaskRatingForm(
        request.POST or None,
        initial={"year": int(year) if year and year.isdigit() else default_year()},
    )
    back = _history_url(person=person, unit=unit)
    if request.method == "POST" and form.is_valid():
        lookup = {"person": person} if person is not None else {"unit": unit}
        year = form.cleaned_data["year"]
        if TaskRating.objects.filter(year=year, **lookup).exists():
            form.add_error(
                "year",
                _("There is a rating for %(year)s already; edit it instead.") % {"year": year},
            )
        else:
            saved = _apply(
                form,
                services.task_rating_save,
                actor=request.user,
                year=year,
                **lookup,
                **form.service_fields(),
            )
            if saved is not None:
                messages.success(request, _("The task rating was saved."))
                return redirect(back)
    name = person.full_name if person is not None else unit.name
    return _render_form(request, form, title=_("New task rating"), back=back, recipient_name=name)


@login_required
@require_http_methods(["GET", "POST"])
def person_rating_create(request: HttpRequest, pk: int) -> HttpResponse:
    person = get_scoped_or_404(Person, request.user, pk=pk)
    return _rating_create(request, person=person)


@login_required
@require_http_methods(["GET", "POST"])
def unit_rating_create(request: HttpRequest, pk: int) -> HttpResponse:
    unit = get_scoped_or_404(Unit, request.user, pk=pk)
    return _rating_create(request, unit=unit)


@login_required
@require_http_methods(["GET", "POST"])
def rating_edit(request: HttpRequest, pk: int) -> HttpResponse:
    rating = get_scoped_or_404(TaskRating, request.user, "change", pk=pk)
    rating = TaskRating.objects.select_related("person", "unit").get(pk=rating.pk)
    initial = {
        "year": rating.year,
        "rating": rating.rating,
        "months_worked": rating.months_worked,
        "maternity_leave_months": rating.maternity_leave_months,
        "absent_days": rating.absent_days,
        "basis": rating.basis,
        "version": rating.version,
    }
    form = TaskRatingForm(request.POST or None, initial=initial, fixed_year=True)
    back = _history_url(person=rating.person, unit=rating.unit)
    if request.method == "POST" and form.is_valid():
        saved = _apply(
            form,
            services.task_rating_save,
            actor=request.user,
            year=rating.year,
            person=rating.person,
            unit=rating.unit,
            expected_version=form.cleaned_data["version"],
            **form.service_fields(),
        )
        if saved is not None:
            messages.success(request, _("Changes saved."))
            return redirect(back)
    return _render_form(
        request,
        form,
        title=_("Edit the task rating of %(year)s") % {"year": rating.year},
        back=back,
        recipient_name=str(rating.person or rating.unit),
        obj=rating,
    )


@login_required
@require_http_methods(["POST"])
def rating_delete(request: HttpRequest, pk: int) -> HttpResponse:
    rating = get_scoped_or_404(TaskRating, request.user, "change", pk=pk)
    back = _history_url(person=rating.person, unit=rating.unit)
    services.task_rating_delete(actor=request.user, rating=rating)
    messages.success(request, _("The task rating of %(year)s was deleted.") % {"year": rating.year})
    return redirect(back)


# Discipline ------------------------------------------------------------------------------


@login_required
@require_http_methods(["GET", "POST"])
def discipline_create(request: HttpRequest, pk: int) -> HttpResponse:
    person = get_scoped_or_404(Person, request.user, pk=pk)
    person = Person.objects.select_related("unit").get(pk=person.pk)
    _require_holds(request.user, Discipline, person.unit)
    form = DisciplineEditForm(request.POST or None)
    back = _history_url(person=person)
    if request.method == "POST" and form.is_valid():
        saved = _apply(
            form,
            services.discipline_create,
            actor=request.user,
            person=person,
            **form.service_fields(),
        )
        if saved is not None:
            messages.success(request, _("The discipline was recorded."))
            return redirect(back)
    return _render_form(
        request, form, title=_("Record a discipline"), back=back, recipient_name=person.full_name
    )


@login_required
@require_http_methods(["GET", "POST"])
def discipline_edit(request: HttpRequest, pk: int) -> HttpResponse:
    discipline = get_scoped_or_404(Discipline, request.user, "change", pk=pk)
    discipline = Discipline.objects.select_related("person").get(pk=discipline.pk)
    initial = {
        name: getattr(discipline, name)
        for name in (
            "status",
            "form",
            "decision_number",
            "starts_on",
            "ends_on",
            "reason",
            "version",
        )
    }
    form = DisciplineEditForm(request.POST or None, initial=initial)
    back = _history_url(person=discipline.person)
    if request.method == "POST" and form.is_valid():
        saved = _apply(
            form,
            services.discipline_update,
            actor=request.user,
            discipline=discipline,
            expected_version=form.cleaned_data["version"],
            **form.service_fields(),
        )
        if saved is not None:
            messages.success(request, _("Changes saved."))
            return redirect(back)
    return _render_form(
        request,
        form,
        title=_("Edit the discipline"),
        back=back,
        recipient_name=discipline.person.full_name,
        obj=discipline,
    )


@login_required
@require_http_methods(["POST"])
def discipline_delete(request: HttpRequest, pk: int) -> HttpResponse:
    discipline = get_scoped_or_404(Discipline, request.user, "change", pk=pk)
    back = _history_url(person=discipline.person)
    services.discipline_delete(actor=request.user, discipline=discipline)
    messages.success(request, _("The discipline record was deleted."))
    return redirect(back)


# Initiatives -----------------------------------------------------------------------------


def _initiative_form(request: HttpRequest, initial: dict) -> InitiativeForm:
    user = request.user
    return InitiativeForm(
        request.POST or None,
        initial=initial,
        people=Person.objects.restrict(user, "change", label="awards.initiative").select_related(
            "unit"
        ),
        units=Unit.objects.restrict(user, "change", label="awards.initiative").filter(
            is_active=True
        ),
    )


@login_required
@require_http_methods(["GET", "POST"])
def initiative_create(request: HttpRequest) -> HttpResponse:
    """A new initiative, from a person's history page (``?person=``, the first author) or
    a unit's (``?unit=``)."""
    user = request.user
    require_action(Initiative, user, "change")
    person = unit = None
    initial: dict = {"year": default_year()}
    if (pk := request.GET.get("person", "")).isdigit():
        person = get_scoped_or_404(Person, user, pk=int(pk))
        initial.update(authors=[person.pk], unit=person.unit_id)
    elif (pk := request.GET.get("unit", "")).isdigit():
        unit = get_scoped_or_404(Unit, user, pk=int(pk))
        initial["unit"] = unit.pk
    form = _initiative_form(request, initial)
    back = _history_url(person=person, unit=unit) if person or unit else reverse("awards:registry")
    if request.method == "POST" and form.is_valid():
        initiative = _apply(
            form,
            services.initiative_create,
            actor=user,
            authors=list(form.cleaned_data["authors"]),
            **form.service_fields(),
        )
        if initiative is not None:
            messages.success(
                request, _("The initiative “%(title)s” was recorded.") % {"title": initiative.title}
            )
            return redirect(back if person or unit else _history_url(unit=initiative.unit))
    return _render_form(
        request,
        form,
        title=_("New initiative or scientific work"),
        back=back,
        recipient_name=person.full_name if person else (unit.name if unit else ""),
    )


def _initiative_back(request: HttpRequest, initiative: Initiative) -> str:
    """Back to the history page the user came from (a person's or the unit's)."""
    if (pk := request.GET.get("person", "")).isdigit():
        return reverse("awards:person_history", args=[int(pk)])
    return _history_url(unit=initiative.unit)


@login_required
@require_http_methods(["GET", "POST"])
def initiative_edit(request: HttpRequest, pk: int) -> HttpResponse:
    initiative = get_scoped_or_404(Initiative, request.user, "change", pk=pk)
    initial = {
        "kind": initiative.kind,
        "title": initiative.title,
        "authors": list(initiative.authors.values_list("pk", flat=True)),
        "unit": initiative.unit_id,
        "year": initiative.year,
        "scope": initiative.scope,
        "recognised_on": initiative.recognised_on,
        "recognised_by": initiative.recognised_by,
        "decision_number": initiative.decision_number,
        "version": initiative.version,
    }
    form = _initiative_form(request, initial)
    back = _initiative_back(request, initiative)
    if request.method == "POST" and form.is_valid():
        saved = _apply(
            form,
            services.initiative_update,
            actor=request.user,
            initiative=initiative,
            authors=list(form.cleaned_data["authors"]),
            expected_version=form.cleaned_data["version"],
            **form.service_fields(),
        )
        if saved is not None:
            messages.success(request, _("Changes saved."))
            return redirect(back)
    return _render_form(request, form, title=_("Edit the initiative"), back=back, obj=initiative)


@login_required
@require_http_methods(["POST"])
def initiative_delete(request: HttpRequest, pk: int) -> HttpResponse:
    initiative = get_scoped_or_404(Initiative, request.user, "change", pk=pk)
    back = _initiative_back(request, initiative)
    services.initiative_delete(actor=request.user, initiative=initiative)
    messages.success(
        request, _("The initiative “%(title)s” was deleted.") % {"title": initiative.title}
    )
    return redirect(back)


# Households ------------------------------------------------------------------------------


@login_required
def household_list(request: HttpRequest) -> HttpResponse:
    user = request.user
    form = HouseholdFilterForm(request.GET or None, units=Unit.objects.restrict(user))
    data = form.cleaned_data if form.is_valid() else {}
    households = selectors.household_list(user, query=data.get("q", ""), unit=data.get("unit"))
    context = {
        "form": form,
        "page": paginate(request, households.order_by("name_folded", "pk")),
        "can_add": user.can("awards.household", "change"),
    }
    return render_page(request, "awards/fact_household_list.html", context, partial="table")


def _household_form(request: HttpRequest, initial: dict) -> HouseholdForm:
    return HouseholdForm(
        request.POST or None,
        initial=initial,
        units=Unit.objects.restrict(request.user, "change", label="awards.household").filter(
            is_active=True
        ),
    )


@login_required
@require_http_methods(["GET", "POST"])
def household_create(request: HttpRequest) -> HttpResponse:
    require_action(Household, request.user, "change")
    form = _household_form(request, {"unit": request.GET.get("unit")})
    if request.method == "POST" and form.is_valid():
        household = _apply(
            form, services.household_create, actor=request.user, **form.service_fields()
        )
        if household is not None:
            messages.success(request, _("The household was added."))
            return redirect("awards:household_history", pk=household.pk)
    return _render_form(
        request, form, title=_("New household"), back=reverse("awards:household_list")
    )


@login_required
@require_http_methods(["GET", "POST"])
def household_edit(request: HttpRequest, pk: int) -> HttpResponse:
    household = get_scoped_or_404(Household, request.user, "change", pk=pk)
    initial = {
        "head_name": household.head_name,
        "address": household.address,
        "unit": household.unit_id,
        "note": household.note,
        "version": household.version,
    }
    form = _household_form(request, initial)
    back = reverse("awards:household_history", args=[household.pk])
    if request.method == "POST" and form.is_valid():
        saved = _apply(
            form,
            services.household_update,
            actor=request.user,
            household=household,
            expected_version=form.cleaned_data["version"],
            **form.service_fields(),
        )
        if saved is not None:
            messages.success(request, _("Changes saved."))
            return redirect(back)
    return _render_form(
        request,
        form,
        title=_("Edit household"),
        back=back,
        obj=household,
        delete_url=reverse("awards:household_delete", args=[household.pk]),
    )


@login_required
@require_http_methods(["POST"])
def household_delete(request: HttpRequest, pk: int) -> HttpResponse:
    household = get_scoped_or_404(Household, request.user, "change", pk=pk)
    try:
        services.household_delete(actor=request.user, household=household)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect("awards:household_history", pk=household.pk)
    messages.success(
        request, _("The household of %(name)s was deleted.") % {"name": household.head_name}
    )
    return redirect("awards:household_list")


urlpatterns = [
    path("people/<int:pk>/ratings/new/", person_rating_create, name="person_rating_create"),
    path("units/<int:pk>/ratings/new/", unit_rating_create, name="unit_rating_create"),
    path("ratings/<int:pk>/edit/", rating_edit, name="rating_edit"),
    path("ratings/<int:pk>/delete/", rating_delete, name="rating_delete"),
    path("people/<int:pk>/disciplines/new/", discipline_create, name="discipline_create"),
    path("disciplines/<int:pk>/edit/", discipline_edit, name="discipline_edit"),
    path("disciplines/<int:pk>/delete/", discipline_delete, name="discipline_delete"),
    path("initiatives/new/", initiative_create, name="initiative_create"),
    path("initiatives/<int:pk>/edit/", initiative_edit, name="initiative_edit"),
    path("initiatives/<int:pk>/delete/", initiative_delete, name="initiative_delete"),
    path("households/", household_list, name="household_list"),
    path("households/new/", household_create, name="household_create"),
    path("households/<int:pk>/edit/", household_edit, name="household_edit"),
    path("households/<int:pk>/delete/", household_delete, name="household_delete"),
]
