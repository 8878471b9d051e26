"""Movement management: the list, launching (the movement, its contents, responsibilities,
participants, attachments and movement-wide targets), deletion of drafts.

Thin: forms in, services and selectors out. The movement page itself is
``views/dashboards.py``.
"""

from __future__ import annotations

from datetime import date

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from thidua.core.views import (
    add_service_errors,
    apply_sort,
    get_scoped_or_404,
    paginate,
    render_page,
    require_action,
)
from thidua.core.xlsx import build_workbook, xlsx_response
from thidua.org.models import Unit, UnitKind

from .. import selectors, services
from ..forms.movements import (
    AttachmentForm,
    ContentFormSet,
    MovementFilterForm,
    MovementForm,
    ParticipantsForm,
    ResponsibilityFormSet,
    TargetForm,
    TargetSplitForm,
)
from ..models import Attachment, Movement, MovementStatus, Participation, Target

# Status badges, shared with the templates.
STATUS_BADGES = {
    MovementStatus.DRAFT: "secondary",
    MovementStatus.LAUNCHED: "primary",
    MovementStatus.REVIEWED: "info",
    MovementStatus.CLOSED: "dark",
}
MOVEMENT_SORTS = (
    "title_folded",
    "kind",
    "status",
    "issuer__name",
    "document_date",
    "starts_on",
    "ends_on",
    "participant_count",
)
# The steps of preparing a movement, in order, for the tabs of the edit pages.
STEPS = (
    ("edit", "movements:edit"),
    ("contents", "movements:contents"),
    ("responsibilities", "movements:responsibilities"),
    ("participants", "movements:participants"),
)


def _issuers(user):
    """Units in which ``user`` may launch movements."""
    return (
        Unit.objects.restrict(user, "change", label="movements.movement")
        .filter(is_active=True)
        .order_by("path")
    )


def _visible_units(user):
    return Unit.objects.restrict(user, "view").filter(is_active=True)


def _next_step(request: HttpRequest, movement: Movement, step: str) -> HttpResponse:
    """After a save: the next preparation step when asked ("Save and continue"), else the
    movement page."""
    if request.POST.get("continue"):
        names = [name for _key, name in STEPS]
        keys = [key for key, _name in STEPS]
        index = keys.index(step) + 1
        if index < len(names):
            return redirect(names[index], pk=movement.pk)
    return redirect("movements:detail", pk=movement.pk)


def _step_context(movement: Movement | None, step: str) -> dict:
    return {"movement": movement, "step": step, "status_badges": STATUS_BADGES}


# The list ------------------------------------------------------------------------------


def _movement_queryset(request: HttpRequest):
    form = MovementFilterForm(request.GET or None, years=selectors.movement_years(request.user))
    data = form.cleaned_data if form.is_valid() else {}
    movements = selectors.movement_list(
        request.user,
        query=data.get("q", ""),
        status=data.get("status", ""),
        kind=data.get("kind", ""),
        year=data.get("year"),
    )
    movements, sort = apply_sort(request, movements, MOVEMENT_SORTS, "-starts_on")
    return form, movements, sort


@login_required
@require_http_methods(["GET"])
def movement_list(request: HttpRequest) -> HttpResponse:
    form, movements, sort = _movement_queryset(request)
    context = {
        "form": form,
        "page": paginate(request, movements),
        "sort": sort,
        "can_create": request.user.can("movements.movement", "change"),
        "status_badges": STATUS_BADGES,
    }
    return render_page(request, "movements/movement_list.html", context, partial="table")


@login_required
@require_http_methods(["GET"])
def movement_list_export(request: HttpRequest) -> HttpResponse:
    _form, movements, _sort = _movement_queryset(request)
    headers = [
        _("Title"),
        _("Kind"),
        _("Status"),
        _("Issuing unit"),
        _("Document number"),
        _("Document date"),
        _("Signed by"),
        _("Starts on"),
        _("Ends on"),
        _("Theme"),
        _("Mottos"),
        _("Participants"),
        _("Targets"),
        _("Registration opens"),
        _("Registration closes"),
    ]
    rows = (
        [
            m.title,
            m.get_kind_display(),
            m.get_status_display(),
            m.issuer.name,
            m.document_number,
            m.document_date,
            m.signer,
            m.starts_on,
            m.ends_on,
            m.theme,
            "\n".join(m.mottos or []),
            m.participant_count,
            m.target_count,
            m.registration_opens,
            m.registration_closes,
        ]
        for m in movements.iterator(chunk_size=2000)
    )
    return xlsx_response(build_workbook(_("Movements"), headers, rows), "phong-trao.xlsx")


# The movement --------------------------------------------------------------------------


def _movement_data(form) -> dict:
    return {k: v for k, v in form.cleaned_data.items() if k != "version"}


@login_required
@require_http_methods(["GET", "POST"])
def movement_create(request: HttpRequest) -> HttpResponse:
    require_action(Movement, request.user, "change")
    issuers = _issuers(request.user)
    year = timezone.localdate().year
    initial = {
        "kind": "thuong_xuyen",
        "starts_on": date(year, 1, 1),
        "ends_on": date(year, 12, 31),
        "issuer": issuers.filter(kind=UnitKind.PEOPLES_COMMITTEE)
        .order_by("depth", "path")
        .values_list("pk", flat=True)
        .first(),
    }
    form = MovementForm(request.POST or None, initial=initial, issuer_queryset=issuers)
    if request.method == "POST" and form.is_valid():
        try:
            movement = services.movement_create(actor=request.user, **_movement_data(form))
        except ValidationError as error:
            add_service_errors(form, error)
        except PermissionDenied:
            form.add_error("issuer", _("You cannot launch movements for this unit."))
        else:
            messages.success(
                request,
                _("The draft movement “%(title)s” was created. Now write its contents.")
                % {"title": movement.title},
            )
            return redirect("movements:contents", pk=movement.pk)
    context = {"form": form, "title": _("New movement"), **_step_context(None, "edit")}
    return render(request, "movements/movement_form.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def movement_edit(request: HttpRequest, pk: int) -> HttpResponse:
    movement = get_scoped_or_404(Movement, request.user, "change", pk=pk)
    form = MovementForm(
        request.POST or None,
        instance=Movement.objects.get(pk=movement.pk),
        issuer_queryset=_issuers(request.user),
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.movement_update(
                actor=request.user,
                movement=movement,
                expected_version=form.cleaned_data["version"],
                **_movement_data(form),
            )
        except ValidationError as error:
            add_service_errors(form, error)
        except PermissionDenied:
            form.add_error("issuer", _("You cannot launch movements for this unit."))
        else:
            messages.success(request, _("Changes saved."))
            return _next_step(request, movement, "edit")
    context = {"form": form, "title": _("Edit movement"), **_step_context(movement, "edit")}
    return render(request, "movements/movement_form.html", context)


# Contents and responsibilities ---------------------------------------------------------


def _ordered_rows(formset) -> list[dict]:
    """The kept rows of ``formset`` in the order of their numbers (a row without a number
    keeps its place)."""
    rows = []
    for index, form in enumerate(formset.forms):
        data = getattr(form, "cleaned_data", None)
        if not data or data.get("DELETE"):
            continue
        number = data.get("number")
        rows.append(((number if number is not None else index + 1), index, data))
    return [data for _number, _index, data in sorted(rows, key=lambda r: (r[0], r[1]))]


def _with_more_rows(post, prefix: str, more: int = 3):
    """The posted formset with ``more`` empty rows appended (the "Add rows" button)."""
    data = post.copy()
    key = f"{prefix}-TOTAL_FORMS"
    try:
        total = int(data.get(key, 0))
    except ValueError:
        total = 0
    data[key] = str(min(total + more, 500))
    return data


@login_required
@require_http_methods(["GET", "POST"])
def contents_edit(request: HttpRequest, pk: int) -> HttpResponse:
    movement = get_scoped_or_404(Movement, request.user, "change", pk=pk)
    prefix = "contents"
    initial = [
        {"number": i, "label": c.label, "text": c.text}
        for i, c in enumerate(movement.contents.all(), start=1)
    ]
    errors: list[str] = []
    if request.method == "POST" and "add_rows" in request.POST:
        formset = ContentFormSet(
            _with_more_rows(request.POST, prefix), initial=initial, prefix=prefix
        )
    elif request.method == "POST":
        formset = ContentFormSet(request.POST, initial=initial, prefix=prefix)
        if formset.is_valid():
            items = [
                (row.get("label") or "", row.get("text") or "")
                for row in _ordered_rows(formset)
                if (row.get("text") or "").strip()
            ]
            try:
                saved = services.contents_set(actor=request.user, movement=movement, items=items)
            except ValidationError as error:
                errors = error.messages
            else:
                messages.success(
                    request, _("%(count)s content items saved.") % {"count": len(saved)}
                )
                return _next_step(request, movement, "contents")
    else:
        formset = ContentFormSet(initial=initial, prefix=prefix)
    context = {
        "formset": formset,
        "errors": errors,
        "title": _("Contents of the movement"),
        **_step_context(movement, "contents"),
    }
    return render(request, "movements/movement_contents.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def responsibilities_edit(request: HttpRequest, pk: int) -> HttpResponse:
    movement = get_scoped_or_404(Movement, request.user, "change", pk=pk)
    prefix = "responsibilities"
    initial = [
        {"number": i, "agency": r.agency, "unit": r.unit_id, "task": r.task}
        for i, r in enumerate(movement.responsibilities.all(), start=1)
    ]
    form_kwargs = {"unit_queryset": _visible_units(request.user)}
    errors: list[str] = []
    if request.method == "POST" and "add_rows" in request.POST:
        formset = ResponsibilityFormSet(
            _with_more_rows(request.POST, prefix),
            initial=initial,
            prefix=prefix,
            form_kwargs=form_kwargs,
        )
    elif request.method == "POST":
        formset = ResponsibilityFormSet(
            request.POST, initial=initial, prefix=prefix, form_kwargs=form_kwargs
        )
        if formset.is_valid():
            items = [
                (row.get("agency") or "", row.get("task") or "", row.get("unit"))
                for row in _ordered_rows(formset)
                if (row.get("task") or "").strip()
            ]
            try:
                saved = services.responsibilities_set(
                    actor=request.user, movement=movement, items=items
                )
            except ValidationError as error:
                errors = error.messages
            else:
                messages.success(
                    request, _("%(count)s responsibilities saved.") % {"count": len(saved)}
                )
                return _next_step(request, movement, "responsibilities")
    else:
        formset = ResponsibilityFormSet(initial=initial, prefix=prefix, form_kwargs=form_kwargs)
    context = {
        "formset": formset,
        "errors": errors,
        "title": _("Responsibilities"),
        **_step_context(movement, "responsibilities"),
    }
    return render(request, "movements/movement_responsibilities.html", context)


# Participants --------------------------------------------------------------------------


@login_required
@require_http_methods(["GET", "POST"])
def participants_edit(request: HttpRequest, pk: int) -> HttpResponse:
    movement = get_scoped_or_404(Movement, request.user, "change", pk=pk)
    initial = {
        "units": list(
            movement.participations.filter(source=Participation.Source.CHOSEN).values_list(
                "unit_id", flat=True
            )
        ),
        "kinds": movement.participant_kinds,
        "roots": list(movement.participant_roots.values_list("pk", flat=True)),
    }
    form = ParticipantsForm(
        request.POST or None, initial=initial, unit_queryset=_visible_units(request.user)
    )
    preview = None
    if request.method == "POST" and form.is_valid():
        choice = {
            "units": list(form.cleaned_data["units"]),
            "kinds": form.cleaned_data["kinds"],
            "roots": list(form.cleaned_data["roots"]),
        }
        if "preview" in request.POST:
            preview = selectors.participants_preview(movement, **choice)
        else:
            try:
                total = services.participants_set(actor=request.user, movement=movement, **choice)
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                messages.success(
                    request,
                    _("%(count)s units take part in the movement.") % {"count": total},
                )
                if request.POST.get("continue"):
                    return redirect("movements:detail", pk=movement.pk)
                return redirect("movements:participants", pk=movement.pk)
    participants = (
        movement.participations.select_related("unit")
        .only("pk", "source", "unit__name", "unit__code", "unit__kind", "unit__path")
        .order_by("unit__path")
    )
    context = {
        "form": form,
        "preview": preview,
        "page": paginate(request, participants),
        "title": _("Participants"),
        **_step_context(movement, "participants"),
    }
    return render_page(request, "movements/movement_participants.html", context, partial="list")


# Launch and delete ---------------------------------------------------------------------


@login_required
@require_http_methods(["GET", "POST"])
def movement_launch(request: HttpRequest, pk: int) -> HttpResponse:
    movement = get_scoped_or_404(Movement, request.user, "change", pk=pk)
    errors: list[str] = []
    if request.method == "POST":
        try:
            movement = services.movement_launch(actor=request.user, movement=movement)
        except ValidationError as error:
            errors = error.messages
        else:
            messages.success(
                request,
                _("The movement was launched; its participants have been notified."),
            )
            return redirect("movements:detail", pk=movement.pk)
    context = {
        "errors": errors,
        "participant_count": movement.participations.count(),
        "content_count": movement.contents.count(),
        "target_count": movement.targets.filter(level=Target.Level.MOVEMENT).count(),
        "title": _("Launch the movement"),
        **_step_context(movement, "launch"),
    }
    return render(request, "movements/movement_launch.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def movement_delete(request: HttpRequest, pk: int) -> HttpResponse:
    movement = get_scoped_or_404(Movement, request.user, "change", pk=pk)
    errors: list[str] = []
    if request.method == "POST":
        try:
            services.movement_delete(actor=request.user, movement=movement)
        except ValidationError as error:
            errors = error.messages
        else:
            messages.success(
                request, _("The movement “%(title)s” was deleted.") % {"title": movement.title}
            )
            return redirect("movements:list")
    context = {"errors": errors, "title": _("Delete the movement"), **_step_context(movement, "")}
    return render(request, "movements/movement_delete.html", context)


# Attachments ---------------------------------------------------------------------------


def _visible_attachment(user, pk: int) -> Attachment:
    """The attachment, if ``user`` sees its movement; else 404."""
    return get_object_or_404(
        Attachment.objects.select_related("movement").filter(
            movement__in=Movement.objects.restrict(user, "view").values("pk")
        ),
        pk=pk,
    )


@login_required
@require_http_methods(["GET", "POST"])
def attachment_add(request: HttpRequest, pk: int) -> HttpResponse:
    movement = get_scoped_or_404(Movement, request.user, "change", pk=pk)
    form = AttachmentForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            attachment = services.attachment_add(
                actor=request.user,
                movement=movement,
                upload=form.cleaned_data["file"],
                kind=form.cleaned_data["kind"],
                title=form.cleaned_data["title"],
            )
        except ValidationError as error:
            add_service_errors(form, error, default_field="file")
        else:
            messages.success(request, _("“%(title)s” was attached.") % {"title": attachment.title})
            return redirect("movements:detail", pk=movement.pk)
    context = {
        "form": form,
        "attachments": movement.attachments.all(),
        "title": _("Attach a document"),
        **_step_context(movement, "attachments"),
    }
    return render(request, "movements/movement_attachment_form.html", context)


@login_required
@require_http_methods(["GET"])
def attachment_download(request: HttpRequest, pk: int) -> FileResponse:
    attachment = _visible_attachment(request.user, pk)
    try:
        handle = attachment.file.open("rb")
    except FileNotFoundError as exc:
        raise Http404 from exc
    return FileResponse(
        handle,
        as_attachment=True,
        filename=attachment.original_name,
        content_type=attachment.content_type,
    )


@login_required
@require_http_methods(["POST"])
def attachment_delete(request: HttpRequest, pk: int) -> HttpResponse:
    attachment = _visible_attachment(request.user, pk)
    movement = get_scoped_or_404(Movement, request.user, "change", pk=attachment.movement_id)
    try:
        services.attachment_delete(actor=request.user, attachment=attachment)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("“%(title)s” was removed.") % {"title": attachment.title})
    return redirect("movements:detail", pk=movement.pk)


# Targets -------------------------------------------------------------------------------


def _changeable_target(user, pk: int) -> Target:
    """A target ``user`` may change here: movement-wide targets and the shares the issuer
    gave units go with the movement (the secretariat); a target a unit registered itself
    goes with that unit."""
    target = get_scoped_or_404(Target, user, "view", pk=pk)
    if target.level == Target.Level.MOVEMENT or target.registration_id is None:
        allowed = Movement.objects.restrict(user, "change").filter(pk=target.movement_id)
    else:
        allowed = Target.objects.restrict(user, "change").filter(pk=target.pk)
    if not allowed.exists():
        raise PermissionDenied
    return target


def _target_data(form) -> dict:
    return {k: v for k, v in form.cleaned_data.items() if k != "version"}


@login_required
@require_http_methods(["GET", "POST"])
def target_create(request: HttpRequest, pk: int) -> HttpResponse:
    movement = get_scoped_or_404(Movement, request.user, "change", pk=pk)
    form = TargetForm(request.POST or None, unit_queryset=_visible_units(request.user))
    if request.method == "POST" and form.is_valid():
        try:
            target = services.target_create(
                actor=request.user,
                movement=movement,
                level=Target.Level.MOVEMENT,
                **_target_data(form),
            )
        except ValidationError as error:
            add_service_errors(form, error)
        except PermissionDenied:
            form.add_error(None, _("You cannot add targets to this movement."))
        else:
            messages.success(
                request, _("The target “%(name)s” was added.") % {"name": target.indicator}
            )
            if request.POST.get("another"):
                return redirect("movements:target_create", pk=movement.pk)
            return redirect("movements:detail", pk=movement.pk)
    context = {
        "form": form,
        "title": _("New target"),
        **_step_context(movement, "targets"),
    }
    return render(request, "movements/target_form.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def target_edit(request: HttpRequest, pk: int) -> HttpResponse:
    target = _changeable_target(request.user, pk)
    movement = target.movement
    form = TargetForm(
        request.POST or None,
        instance=Target.objects.get(pk=target.pk),
        unit_queryset=_visible_units(request.user),
        fixed_unit=target.level == Target.Level.UNIT,
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.target_update(
                actor=request.user,
                target=target,
                expected_version=form.cleaned_data["version"],
                **_target_data(form),
            )
        except ValidationError as error:
            add_service_errors(form, error)
        except PermissionDenied:
            form.add_error(None, _("You cannot change this target."))
        else:
            messages.success(request, _("Changes saved."))
            return redirect("movements:detail", pk=movement.pk)
    context = {
        "form": form,
        "target": target,
        "title": _("Edit target"),
        **_step_context(movement, "target"),
    }
    return render(request, "movements/target_form.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def target_delete(request: HttpRequest, pk: int) -> HttpResponse:
    target = _changeable_target(request.user, pk)
    movement = target.movement
    errors: list[str] = []
    if request.method == "POST":
        try:
            services.target_delete(actor=request.user, target=target)
        except ValidationError as error:
            errors = error.messages
        else:
            messages.success(
                request, _("The target “%(name)s” was deleted.") % {"name": target.indicator}
            )
            return redirect("movements:detail", pk=movement.pk)
    context = {
        "target": target,
        "share_count": target.shares.count(),
        "errors": errors,
        "title": _("Delete target"),
        **_step_context(movement, "target"),
    }
    return render(request, "movements/target_delete.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def target_split(request: HttpRequest, pk: int) -> HttpResponse:
    target = _changeable_target(request.user, pk)
    if target.level != Target.Level.MOVEMENT:
        raise Http404
    movement = target.movement
    participations = list(
        movement.participations.select_related("unit").order_by("unit__path", "pk")
    )
    units = [p.unit for p in participations]
    existing = {share.unit_id: share for share in target.shares.all()}
    initial = {
        TargetSplitForm.field_name(unit): existing[unit.pk].value
        for unit in units
        if unit.pk in existing
    }
    form = TargetSplitForm(request.POST or None, units=units, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            shares = services.target_split(actor=request.user, target=target, shares=form.shares())
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(
                request,
                _("The target was broken down into %(count)s unit targets.")
                % {"count": len(shares)},
            )
            return redirect("movements:detail", pk=movement.pk)
    context = {
        "form": form,
        "target": target,
        "existing": existing,
        "share_total": sum((s.value for s in existing.values()), start=0),
        "title": _("Break down into unit targets"),
        **_step_context(movement, "target"),
    }
    return render(request, "movements/target_split.html", context)
