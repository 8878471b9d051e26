"""Account management for the secretariat: accounts of the units it serves and their roles."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Prefetch, Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from thidua.audit.selectors import entries_for
from thidua.core.text import fold
from thidua.core.views import (
    add_service_errors,
    get_scoped_or_404,
    paginate,
    render_page,
    require_action,
)

from . import services
from .forms import GrantForm, UserCreateForm, UserEditForm, UserFilterForm, UserPasswordForm
from .models import Grant, Unit, User
from .roles import GRANTABLE_BY_SECRETARIAT, Role


def _grantable_roles(user: User):
    return [
        (value, label)
        for value, label in Role.choices
        if user.is_unrestricted or value in GRANTABLE_BY_SECRETARIAT
    ]


def _units(user: User):
    return Unit.objects.restrict(user, "view").filter(is_active=True).order_by("path")


@login_required
def user_list(request: HttpRequest) -> HttpResponse:
    require_action(User, request.user, "view")
    form = UserFilterForm(request.GET or None)
    data = form.cleaned_data if form.is_valid() else {}
    queryset = (
        User.objects.restrict(request.user, "view")
        .select_related("unit")
        .prefetch_related(Prefetch("grants", queryset=Grant.objects.select_related("unit")))
        .order_by("username")
    )
    if data.get("q"):
        folded = fold(data["q"])
        queryset = queryset.filter(
            Q(username__icontains=data["q"].strip())
            | Q(full_name__icontains=data["q"].strip())
            | Q(unit__name_folded__contains=folded)
        )
    if data.get("role"):
        queryset = queryset.filter(grants__role=data["role"]).distinct()
    if data.get("active") in {"1", "0"}:
        queryset = queryset.filter(is_active=data["active"] == "1")
    context = {
        "form": form,
        "page": paginate(request, queryset),
        "can_change": request.user.can("org.user", "change"),
    }
    return render_page(request, "org/user_list.html", context, partial="table")


@login_required
@require_http_methods(["GET", "POST"])
def user_create(request: HttpRequest) -> HttpResponse:
    require_action(User, request.user, "change")
    form = UserCreateForm(
        request.POST or None,
        initial={"unit": request.GET.get("unit")},
        unit_queryset=_units(request.user),
        roles=_grantable_roles(request.user),
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            user = services.user_create(
                actor=request.user,
                username=data["username"],
                password=data["password1"],
                unit=data["unit"],
                role=data["role"] or None,
                full_name=data["full_name"],
                email=data["email"],
            )
        except ValidationError as error:
            add_service_errors(form, error, "password1" if "password1" in form.fields else None)
        except PermissionDenied:
            form.add_error("unit", _("You cannot create accounts in this unit."))
        else:
            messages.success(
                request, _("Account “%(name)s” was created.") % {"name": user.username}
            )
            return redirect("org:user_detail", pk=user.pk)
    return render(request, "org/user_form.html", {"form": form, "title": _("New account")})


@login_required
def user_detail(request: HttpRequest, pk: int) -> HttpResponse:
    account = get_scoped_or_404(User, request.user, pk=pk)
    can_change = User.objects.restrict(request.user, "change").filter(pk=account.pk).exists()
    grant_form = GrantForm(unit_queryset=_units(request.user), roles=_grantable_roles(request.user))
    context = {
        "account": account,
        "grants": account.grants.select_related("unit").order_by("role"),
        "can_change": can_change,
        "grant_form": grant_form,
        "tab": request.GET.get("tab", "details"),
        "locked": services.user_is_locked(account),
    }
    if context["tab"] == "history":
        context["page"] = paginate(request, entries_for(account))
    return render_page(request, "org/user_detail.html", context, partial="tab")


@login_required
@require_http_methods(["GET", "POST"])
def user_edit(request: HttpRequest, pk: int) -> HttpResponse:
    account = get_scoped_or_404(User, request.user, "change", pk=pk)
    services.check_not_administrator(request.user, account)
    form = UserEditForm(
        request.POST or None,
        initial={
            "full_name": account.full_name,
            "email": account.email,
            "unit": account.unit_id,
            "is_active": account.is_active,
        },
        unit_queryset=_units(request.user),
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.user_update(actor=request.user, user=account, **form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error, "password1" if "password1" in form.fields else None)
        except PermissionDenied:
            form.add_error("unit", _("You cannot move accounts to this unit."))
        else:
            messages.success(request, _("Changes saved."))
            return redirect("org:user_detail", pk=account.pk)
    return render(
        request,
        "org/user_form.html",
        {"form": form, "account": account, "title": _("Edit account")},
    )


@login_required
@require_http_methods(["GET", "POST"])
def user_password(request: HttpRequest, pk: int) -> HttpResponse:
    account = get_scoped_or_404(User, request.user, "change", pk=pk)
    services.check_not_administrator(request.user, account)
    form = UserPasswordForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.user_set_password(
                actor=request.user, user=account, password=form.cleaned_data["password1"]
            )
        except ValidationError as error:
            form.add_error("password1", error)
        else:
            messages.success(
                request, _("The password of “%(name)s” was set.") % {"name": account.username}
            )
            return redirect("org:user_detail", pk=account.pk)
    return render(
        request,
        "org/user_form.html",
        {"form": form, "account": account, "title": _("Set password")},
    )


@login_required
@require_POST
def grant_add(request: HttpRequest, pk: int) -> HttpResponse:
    account = get_scoped_or_404(User, request.user, "change", pk=pk)
    form = GrantForm(
        request.POST, unit_queryset=_units(request.user), roles=_grantable_roles(request.user)
    )
    if form.is_valid():
        try:
            services.grant_add(actor=request.user, user=account, **form.cleaned_data)
        except PermissionDenied:
            messages.error(request, _("You cannot grant this role on this unit."))
        else:
            messages.success(request, _("The role was granted."))
    else:
        messages.error(request, " ".join(e for errors in form.errors.values() for e in errors))
    return redirect("org:user_detail", pk=account.pk)


@login_required
@require_POST
def grant_remove(request: HttpRequest, pk: int, grant_pk: int) -> HttpResponse:
    account = get_scoped_or_404(User, request.user, "change", pk=pk)
    grant = get_object_or_404(
        Grant.objects.select_related("unit", "user"), pk=grant_pk, user=account
    )
    try:
        services.grant_remove(actor=request.user, grant=grant)
    except PermissionDenied:
        messages.error(request, _("You cannot remove this role."))
    else:
        messages.success(request, _("The role was removed."))
    return redirect("org:user_detail", pk=account.pk)


@login_required
@require_POST
def user_unlock(request: HttpRequest, pk: int) -> HttpResponse:
    account = get_scoped_or_404(User, request.user, "change", pk=pk)
    services.user_unlock(actor=request.user, user=account)
    messages.success(
        request, _("The account “%(name)s” was unlocked.") % {"name": account.username}
    )
    return redirect("org:user_detail", pk=account.pk)
