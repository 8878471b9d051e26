"""Pages for the organisation tree and people. Thin: forms in, services and selectors out."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from thidua.audit.selectors import entries_for
from thidua.core.models import subtree_q
from thidua.core.views import (
    add_service_errors,
    apply_sort,
    get_scoped_or_404,
    paginate,
    render_page,
    require_action,
)
from thidua.core.xlsx import build_workbook, xlsx_response

from . import selectors, services
from .ethnicities import ETHNICITY_NAMES
from .forms import (
    PersonFilterForm,
    PersonForm,
    UnitCreateForm,
    UnitDeactivateForm,
    UnitForm,
    UnitMergeForm,
    UnitMoveForm,
    UnitSearchForm,
)
from .models import Person, Unit

# Units ---------------------------------------------------------------------------------


@login_required
def unit_tree(request: HttpRequest) -> HttpResponse:
    form = UnitSearchForm(request.GET or None)
    query = kind = ""
    include_inactive = False
    if form.is_valid():
        query = form.cleaned_data["q"]
        kind = form.cleaned_data["kind"]
        include_inactive = form.cleaned_data["inactive"]
    context = {"form": form, "query": query, "can_create": request.user.can("org.unit", "change")}
    if query or kind:
        page = paginate(
            request,
            selectors.unit_search(
                request.user, query, kind=kind, include_inactive=include_inactive
            ),
        )
        context["page"] = page
        context["trails"] = selectors.ancestor_names(page.object_list)
        return render_page(request, "org/unit_tree.html", context, partial="results")
    context["roots"] = selectors.unit_roots(request.user)
    return render_page(request, "org/unit_tree.html", context, partial="results")


@login_required
def unit_lookup(request: HttpRequest) -> JsonResponse:
    """Search for the unit pickers: ``?q=so giao duc&for=org.person``."""
    units = selectors.unit_lookup(
        request.user, request.GET.get("q", "")[:100], acting_on=request.GET.get("for", "")
    )
    trails = selectors.ancestor_names(units)
    return JsonResponse(
        {
            "results": [
                {"id": u.pk, "text": u.name, "code": u.code, "trail": trails[u.pk]} for u in units
            ]
        }
    )


@login_required
def unit_children(request: HttpRequest, pk: int) -> HttpResponse:
    unit = get_scoped_or_404(Unit, request.user, pk=pk)
    children = selectors.unit_children(request.user, unit)
    return render_page(request, "org/unit_tree.html", {"nodes": children}, partial="nodes")


@login_required
def unit_detail(request: HttpRequest, pk: int) -> HttpResponse:
    unit = get_scoped_or_404(Unit, request.user, pk=pk)
    tab = request.GET.get("tab", "units")
    context = {
        "unit": unit,
        "tab": tab,
        "ancestors": selectors.unit_ancestors(request.user, unit),
        "can_change": request.user.holds("org.unit", "change", unit),
        "can_add_person": unit.is_active and request.user.holds("org.person", "change", unit),
        "people_count": Person.objects.filter(unit=unit).count(),
        "children_count": Unit.objects.filter(parent=unit).count(),
    }
    if tab == "people":
        context["page"] = paginate(
            request, Person.objects.filter(unit=unit).order_by("name_folded", "pk")
        )
    elif tab == "history":
        context["page"] = paginate(request, entries_for(unit))
    elif tab == "details":
        context["merged_units"] = unit.merged_units.order_by("name")
    else:
        context["page"] = paginate(
            request, selectors.unit_children(request.user, unit, include_inactive=True)
        )
    return render_page(request, "org/unit_detail.html", context, partial="tab")


@login_required
@require_http_methods(["GET", "POST"])
def unit_create(request: HttpRequest) -> HttpResponse:
    require_action(Unit, request.user, "change")
    parents = Unit.objects.restrict(request.user, "change").filter(is_active=True)
    initial = {"parent": request.GET.get("parent")}
    form = UnitCreateForm(request.POST or None, initial=initial, parent_queryset=parents)
    if request.method == "POST" and form.is_valid():
        data = {k: v for k, v in form.cleaned_data.items() if k not in {"parent", "version"}}
        try:
            unit = services.unit_create(
                actor=request.user, parent=form.cleaned_data["parent"], **data
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("Unit “%(name)s” was created.") % {"name": unit.name})
            return redirect("org:unit_detail", pk=unit.pk)
    return render(request, "org/unit_form.html", {"form": form, "title": _("New unit")})


@login_required
@require_http_methods(["GET", "POST"])
def unit_edit(request: HttpRequest, pk: int) -> HttpResponse:
    unit = get_scoped_or_404(Unit, request.user, "change", pk=pk)
    form = UnitForm(request.POST or None, instance=Unit.objects.get(pk=unit.pk))
    if request.method == "POST" and form.is_valid():
        data = {k: v for k, v in form.cleaned_data.items() if k != "version"}
        try:
            services.unit_update(
                actor=request.user, unit=unit, expected_version=form.cleaned_data["version"], **data
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("Changes saved."))
            return redirect("org:unit_detail", pk=unit.pk)
    return render(
        request, "org/unit_form.html", {"form": form, "unit": unit, "title": _("Edit unit")}
    )


@login_required
@require_http_methods(["GET", "POST"])
def unit_deactivate(request: HttpRequest, pk: int) -> HttpResponse:
    unit = get_scoped_or_404(Unit, request.user, "change", pk=pk)
    form = UnitDeactivateForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.unit_deactivate(
                actor=request.user, unit=unit, reason=form.cleaned_data["reason"]
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("Unit “%(name)s” was deactivated.") % {"name": unit.name})
            return redirect("org:unit_detail", pk=unit.pk)
    return render(
        request,
        "org/unit_action.html",
        {"form": form, "unit": unit, "title": _("Deactivate unit"), "danger": True},
    )


@login_required
@require_http_methods(["POST"])
def unit_reactivate(request: HttpRequest, pk: int) -> HttpResponse:
    unit = get_scoped_or_404(Unit, request.user, "change", pk=pk)
    try:
        services.unit_reactivate(actor=request.user, unit=unit)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("Unit “%(name)s” is active again.") % {"name": unit.name})
    return redirect("org:unit_detail", pk=unit.pk)


def _other_units(user, unit: Unit):
    return (
        Unit.objects.restrict(user, "change")
        .filter(is_active=True)
        .exclude(subtree_q("path", unit.path))
        .order_by("path")
    )


@login_required
@require_http_methods(["GET", "POST"])
def unit_move(request: HttpRequest, pk: int) -> HttpResponse:
    unit = get_scoped_or_404(Unit, request.user, "change", pk=pk)
    form = UnitMoveForm(request.POST or None, queryset=_other_units(request.user, unit))
    if request.method == "POST" and form.is_valid():
        try:
            services.unit_move(
                actor=request.user, unit=unit, new_parent=form.cleaned_data["new_parent"]
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("Unit “%(name)s” was moved.") % {"name": unit.name})
            return redirect("org:unit_detail", pk=unit.pk)
    return render(
        request, "org/unit_action.html", {"form": form, "unit": unit, "title": _("Move unit")}
    )


@login_required
@require_http_methods(["GET", "POST"])
def unit_merge(request: HttpRequest, pk: int) -> HttpResponse:
    unit = get_scoped_or_404(Unit, request.user, "change", pk=pk)
    form = UnitMergeForm(request.POST or None, queryset=_other_units(request.user, unit))
    if request.method == "POST" and form.is_valid():
        try:
            services.unit_merge(
                actor=request.user,
                source=unit,
                target=form.cleaned_data["target"],
                merged_on=form.cleaned_data["merged_on"],
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(
                request,
                _("“%(source)s” was merged into “%(target)s”.")
                % {"source": unit.name, "target": form.cleaned_data["target"].name},
            )
            return redirect("org:unit_detail", pk=form.cleaned_data["target"].pk)
    return render(
        request,
        "org/unit_action.html",
        {"form": form, "unit": unit, "title": _("Merge unit"), "danger": True, "merge": True},
    )


@login_required
def unit_export(request: HttpRequest) -> HttpResponse:
    form = UnitSearchForm(request.GET or None)
    form.is_valid()
    data = getattr(form, "cleaned_data", {})
    units = selectors.unit_search(
        request.user,
        data.get("q", ""),
        kind=data.get("kind", ""),
        include_inactive=data.get("inactive", False),
    ).select_related("parent", "merged_into")
    headers = [
        _("Code"),
        _("Name"),
        _("Short name"),
        _("Kind"),
        _("Parent unit code"),
        _("Address"),
        _("Phone"),
        _("E-mail"),
        _("Head of unit"),
        _("Active"),
        _("Merged into"),
    ]
    rows = (
        [
            u.code,
            u.name,
            u.short_name,
            u.get_kind_display(),
            u.parent.code if u.parent else "",
            u.address,
            u.phone,
            u.email,
            u.head_name,
            _("Yes") if u.is_active else _("No"),
            u.merged_into.code if u.merged_into else "",
        ]
        for u in units.iterator(chunk_size=2000)
    )
    return xlsx_response(build_workbook(_("Units"), headers, rows), "don-vi.xlsx")


# People --------------------------------------------------------------------------------

PERSON_SORTS = ("name_folded", "date_of_birth", "unit__name", "position", "created_at")


def _person_queryset(request: HttpRequest):
    form = PersonFilterForm(request.GET or None)
    data = form.cleaned_data if form.is_valid() else {}
    unit = None
    if data.get("unit"):
        unit = get_scoped_or_404(Unit, request.user, pk=data["unit"])
    queryset = selectors.person_list(
        request.user,
        query=data.get("q", ""),
        unit=unit,
        gender=data.get("gender", ""),
        ethnicity=data.get("ethnicity", ""),
        management_level=data.get("management_level", ""),
        active=data.get("active", ""),
    )
    return form, unit, queryset


@login_required
def person_list(request: HttpRequest) -> HttpResponse:
    form, unit, queryset = _person_queryset(request)
    queryset, sort = apply_sort(request, queryset, PERSON_SORTS, "name_folded")
    context = {
        "form": form,
        "filter_unit": unit,
        "page": paginate(request, queryset),
        "sort": sort,
        "can_add": request.user.can("org.person", "change"),
        "ethnicity_names": ETHNICITY_NAMES,
    }
    return render_page(request, "org/person_list.html", context, partial="table")


@login_required
def person_export(request: HttpRequest) -> HttpResponse:
    _form, _unit, queryset = _person_queryset(request)
    queryset, _sort = apply_sort(request, queryset, PERSON_SORTS, "name_folded")
    headers = [
        _("Full name"),
        _("Gender"),
        _("Date of birth"),
        _("Ethnicity"),
        _("Position"),
        _("Unit code"),
        _("Unit"),
        _("Management level"),
        _("Identity number"),
        _("Phone"),
        _("E-mail"),
        _("Working"),
    ]
    rows = (
        [
            p.full_name,
            p.get_gender_display(),
            p.date_of_birth,
            p.get_ethnicity_display(),
            p.position,
            p.unit.code,
            p.unit.name,
            p.get_management_level_display(),
            p.identity_number or "",
            p.phone,
            p.email,
            _("Yes") if p.is_active else _("No"),
        ]
        for p in queryset.iterator(chunk_size=2000)
    )
    return xlsx_response(build_workbook(_("People"), headers, rows), "ca-nhan.xlsx")


@login_required
def person_detail(request: HttpRequest, pk: int) -> HttpResponse:
    person = get_scoped_or_404(Person, request.user, pk=pk)
    tab = request.GET.get("tab", "details")
    context = {
        "person": person,
        "tab": tab,
        "ancestors": selectors.unit_ancestors(request.user, person.unit),
        "can_change": request.user.holds("org.person", "change", person.unit),
    }
    if tab == "history":
        context["page"] = paginate(request, entries_for(person))
    return render_page(request, "org/person_detail.html", context, partial="tab")


def _person_units(user):
    return Unit.objects.restrict(user, "view").filter(is_active=True).order_by("path")


@login_required
@require_http_methods(["GET", "POST"])
def person_create(request: HttpRequest) -> HttpResponse:
    require_action(Person, request.user, "change")
    form = PersonForm(
        request.POST or None,
        initial={"unit": request.GET.get("unit")},
        unit_queryset=_person_units(request.user),
    )
    duplicates = []
    if request.method == "POST" and form.is_valid():
        data = {
            k: v for k, v in form.cleaned_data.items() if k not in {"version", "confirm_duplicate"}
        }
        duplicates = list(
            services.likely_duplicates(
                full_name=data["full_name"], date_of_birth=data["date_of_birth"]
            )[:10]
        )
        if duplicates and not form.cleaned_data.get("confirm_duplicate"):
            form.add_error(
                None,
                _(
                    "A person with the same name and date of birth already exists. "
                    "Check the list below; if this is a different person, tick the box and save again."
                ),
            )
        else:
            try:
                person = services.person_create(actor=request.user, **data)
            except ValidationError as error:
                add_service_errors(form, error)
            except PermissionDenied:
                form.add_error("unit", _("You cannot add people to this unit."))
            else:
                messages.success(request, _("“%(name)s” was added.") % {"name": person.full_name})
                return redirect("org:person_detail", pk=person.pk)
    if not duplicates:
        # The "different person" box only makes sense next to the possible duplicates.
        form.fields["confirm_duplicate"].widget = forms.HiddenInput()
    return render(
        request,
        "org/person_form.html",
        {"form": form, "duplicates": duplicates, "title": _("New person")},
    )


@login_required
@require_http_methods(["GET", "POST"])
def person_edit(request: HttpRequest, pk: int) -> HttpResponse:
    person = get_scoped_or_404(Person, request.user, "change", pk=pk)
    form = PersonForm(
        request.POST or None,
        instance=Person.objects.get(pk=person.pk),
        unit_queryset=_person_units(request.user),
    )
    if request.method == "POST" and form.is_valid():
        data = {k: v for k, v in form.cleaned_data.items() if k != "version"}
        try:
            services.person_update(
                actor=request.user,
                person=person,
                expected_version=form.cleaned_data["version"],
                **data,
            )
        except ValidationError as error:
            add_service_errors(form, error)
        except PermissionDenied:
            form.add_error("unit", _("You cannot move people to this unit."))
        else:
            messages.success(request, _("Changes saved."))
            return redirect("org:person_detail", pk=person.pk)
    return render(
        request, "org/person_form.html", {"form": form, "person": person, "title": _("Edit person")}
    )


@login_required
@require_http_methods(["GET", "POST"])
def person_delete(request: HttpRequest, pk: int) -> HttpResponse:
    person = get_scoped_or_404(Person, request.user, "change", pk=pk)
    error = None
    if request.method == "POST":
        unit_pk = person.unit_id
        try:
            services.person_delete(actor=request.user, person=person)
        except ValidationError as exc:
            error = exc.messages[0]
        else:
            messages.success(request, _("“%(name)s” was deleted.") % {"name": person.full_name})
            return redirect("org:unit_detail", pk=unit_pk)
    return render(request, "org/person_delete.html", {"person": person, "error": error})
