"""The catalogue of emulation titles and commendation forms (danh mục danh hiệu, hình thức).

The entries the law defines are read-only (the secretariat may only take one out of use);
the secretariat adds and edits the province's own forms.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import path
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from thidua.core.concurrency import StaleObjectError
from thidua.core.text import fold
from thidua.core.views import add_service_errors
from thidua.org.models import Unit

from .. import selectors, services
from ..forms.catalogue import AwardTypeForm, CatalogueFilterForm
from ..models import (
    SUBJECT_FIELD,
    Authority,
    AwardType,
    Category,
    CommendationKind,
    Level,
    Subject,
)
from ..rules.money import award_amount


@dataclass
class Row:
    """One catalogue entry as the page shows it."""

    type: AwardType
    subjects: list[str]
    authorities: list[str]
    kinds: list[str]
    coefficients: list[tuple[str, object, int | None]]  # (subject label, coef, money today)

    @property
    def threshold_percent(self):
        threshold = self.type.ballot_threshold
        return None if threshold is None else round(threshold * 100)


def _plain(number: Decimal | None) -> Decimal | None:
    """0.30 → 0.3 and 1.00 → 1, so the page shows 0,3 and 1 (localised)."""
    return None if number is None else Decimal(format(number.normalize(), "f"))


def _row(award_type: AwardType, today) -> Row:
    coefficients = []
    for subject in award_type.subjects:
        coefficient = _plain(award_type.coefficient_for(subject))
        money = award_amount(award_type, subject, today)
        if coefficient is None and money is not None:
            coefficient = _("1,5 × individual")
        coefficients.append((Subject(subject).label, coefficient, money))
    return Row(
        type=award_type,
        subjects=[Subject(s).label for s in award_type.subjects],
        authorities=[_label(Authority, a) for a in award_type.authorities],
        kinds=[_label(CommendationKind, k) for k in award_type.kinds],
        coefficients=coefficients,
    )


def _label(choices, value: str) -> str:
    try:
        return choices(value).label
    except ValueError:
        return value


def _can_edit(user) -> bool:
    return user.can("awards.awardtype", "change")


def _owner_for(user) -> Unit | None:
    """The unit a new form of the province is filed under: the highest unit the user keeps
    the registry of (the province for the secretariat)."""
    return (
        Unit.objects.restrict(user, "change", label="awards.award")
        .filter(is_active=True)
        .order_by("depth", "path")
        .first()
    )


@login_required
def catalogue(request: HttpRequest) -> HttpResponse:
    form = CatalogueFilterForm(request.GET or None)
    data = form.cleaned_data if form.is_valid() else {}
    types = selectors.catalogue(include_inactive=bool(data.get("show_inactive")))
    if data.get("q"):
        folded = fold(data["q"])
        types = types.filter(Q(name_folded__contains=folded) | Q(code__icontains=data["q"]))
    if data.get("category"):
        types = types.filter(category=data["category"])
    if data.get("subject"):
        types = types.filter(**{SUBJECT_FIELD[data["subject"]]: True})
    today = timezone.localdate()
    by_group: dict[tuple[str, str], list[Row]] = {}
    for award_type in types:
        by_group.setdefault((award_type.category, award_type.level), []).append(
            _row(award_type, today)
        )
    groups = []
    for category in Category:
        levels = [
            (Level(level).label, by_group[(category.value, level)])
            for level in Level.values
            if (category.value, level) in by_group
        ]
        if levels:
            groups.append((category, levels))
    context = {
        "form": form,
        "groups": groups,
        "count": sum(len(rows) for rows in by_group.values()),
        "today": today,
        "can_edit": _can_edit(request.user),
    }
    return render(request, "awards/catalogue_list.html", context)


@login_required
def award_type_detail(request: HttpRequest, pk: int) -> HttpResponse:
    award_type = get_object_or_404(AwardType.objects.select_related("owner"), pk=pk)
    context = {
        "row": _row(award_type, timezone.localdate()),
        "today": timezone.localdate(),
        "can_edit": _can_edit(request.user),
    }
    return render(request, "awards/catalogue_detail.html", context)


def _require_editor(user) -> None:
    if not _can_edit(user):
        raise PermissionDenied


def _save_errors(form, error: ValidationError) -> None:
    if isinstance(error, StaleObjectError) or not hasattr(error, "error_dict"):
        form.add_error(None, error)
    else:
        add_service_errors(form, error)


@login_required
@require_http_methods(["GET", "POST"])
def award_type_create(request: HttpRequest) -> HttpResponse:
    _require_editor(request.user)
    owner = _owner_for(request.user)
    form = AwardTypeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if owner is None:
            raise PermissionDenied
        try:
            award_type = services.award_type_create(
                actor=request.user,
                code=form.cleaned_data["code"],
                owner=owner,
                **form.service_fields(),
            )
        except ValidationError as error:
            _save_errors(form, error)
        else:
            messages.success(
                request, _("“%(name)s” was added to the catalogue.") % {"name": award_type.name}
            )
            return redirect("awards:award_type_detail", pk=award_type.pk)
    context = {"form": form, "title": _("New title or form of the province"), "owner": owner}
    return render(request, "awards/catalogue_form.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def award_type_edit(request: HttpRequest, pk: int) -> HttpResponse:
    _require_editor(request.user)
    award_type = get_object_or_404(AwardType, pk=pk)
    if award_type.is_builtin:
        # Defined by law: only whether it is in use can change (award_type_toggle).
        raise PermissionDenied
    form = AwardTypeForm(
        request.POST or None, initial=AwardTypeForm.initial_for(award_type), editing=award_type
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.award_type_update(
                actor=request.user,
                award_type=award_type,
                expected_version=form.cleaned_data["version"],
                **form.service_fields(),
            )
        except ValidationError as error:
            _save_errors(form, error)
        except PermissionDenied:
            form.add_error(None, _("This form belongs to a unit whose registry you do not keep."))
        else:
            messages.success(request, _("Changes saved."))
            return redirect("awards:award_type_detail", pk=award_type.pk)
    context = {
        "form": form,
        "award_type": award_type,
        "title": _("Edit %(name)s") % {"name": award_type.name},
        "owner": award_type.owner,
    }
    return render(request, "awards/catalogue_form.html", context)


@login_required
@require_http_methods(["POST"])
def award_type_toggle(request: HttpRequest, pk: int) -> HttpResponse:
    """Take an entry out of use, or back into use."""
    _require_editor(request.user)
    award_type = get_object_or_404(AwardType, pk=pk)
    try:
        award_type = services.award_type_update(
            actor=request.user, award_type=award_type, is_active=not award_type.is_active
        )
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(
            request,
            (
                _("“%(name)s” is in use again.")
                if award_type.is_active
                else _("“%(name)s” is no longer in use; existing awards keep it.")
            )
            % {"name": award_type.name},
        )
    target = request.POST.get("next") or ""
    if url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}):
        return redirect(target)
    return redirect("awards:award_type_detail", pk=award_type.pk)


urlpatterns = [
    path("catalogue/", catalogue, name="catalogue"),
    path("catalogue/new/", award_type_create, name="award_type_create"),
    path("catalogue/<int:pk>/", award_type_detail, name="award_type_detail"),
    path("catalogue/<int:pk>/edit/", award_type_edit, name="award_type_edit"),
    path("catalogue/<int:pk>/toggle/", award_type_toggle, name="award_type_toggle"),
]
