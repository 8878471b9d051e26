"""Award decisions (quyết định khen thưởng): their list, the draft and its awards, issuing,
revoking an issued award, the .docx/.pdf documents and their templates, the budget, and
the person and household pickers of the award form."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Count, Q, Sum
from django.http import FileResponse, Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.urls import path
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from thidua.audit.models import AuditEntry
from thidua.core.concurrency import StaleObjectError
from thidua.core.text import fold
from thidua.core.views import (
    add_service_errors,
    apply_sort,
    get_scoped_or_404,
    paginate,
    render_page,
    require_action,
)
from thidua.core.xlsx import build_workbook, xlsx_response
from thidua.org.models import Person, Unit

from .. import services
from ..documents import render as documents
from ..forms.decisions import (
    DECISION_FIELDS,
    AwardAddForm,
    BudgetFilterForm,
    DecisionFilterForm,
    DecisionForm,
    IssueForm,
    RevokeForm,
    TemplateUploadForm,
)
from ..models import (
    Award,
    Decision,
    DocumentTemplate,
    Household,
    Subject,
    TemplateKind,
)

DECISION_SORTS = ("signed_on", "number", "authority_name", "issuer__name", "award_count", "total")
Movement = Decision._meta.get_field("movement").related_model


# Selectors ----------------------------------------------------------------------------------


def decision_list_for(user, *, query="", year=None, authority="", status=""):
    """The decisions ``user`` sees, with their number of awards in force and total amount."""
    decisions = Decision.objects.restrict(user, "view").select_related("issuer")
    if query:
        decisions = decisions.filter(
            Q(number__icontains=query.strip()) | Q(subject_line__icontains=query.strip())
        )
    if year:
        decisions = decisions.filter(signed_on__year=year)
    if authority:
        decisions = decisions.filter(authority=authority)
    if status:
        decisions = decisions.filter(status=status)
    in_force = Q(awards__revoked=False)
    return decisions.annotate(
        award_count=Count("awards", filter=in_force),
        total=Sum("awards__amount", filter=in_force),
    )


def sees_whole_decision(user, decision: Decision) -> bool:
    """Whether ``user`` sees the decision through its issuer (all its awards), not only
    because it awards someone in their units (then only those awards)."""
    return user.holds("awards.decision", "view", decision.issuer)


def decision_awards(user, decision: Decision):
    awards = Award.objects.filter(decision=decision)
    if not sees_whole_decision(user, decision):
        awards = Award.objects.restrict(user, "view").filter(decision=decision)
    return awards.select_related("award_type", "household", "revoked_by").order_by(
        "sort_order", "pk"
    )


def budget_rows(user, *, year_from=None, year_to=None, issuer=None):
    """Award money of issued, not revoked awards that ``user`` sees, by the year of the
    decision and by title or form."""
    awards = Award.objects.restrict(user, "view").in_force()
    if year_from:
        awards = awards.filter(decision__signed_on__year__gte=year_from)
    if year_to:
        awards = awards.filter(decision__signed_on__year__lte=year_to)
    if issuer is not None:
        awards = awards.filter(decision__issuer__path__startswith=issuer.path)
    by_year = list(
        awards.values("decision__signed_on__year")
        .annotate(
            count=Count("pk"), amount=Sum("amount"), decisions=Count("decision", distinct=True)
        )
        .order_by("-decision__signed_on__year")
    )
    by_type = list(
        awards.values(
            "decision__signed_on__year", "award_type__name", "award_type__category", "subject"
        )
        .annotate(count=Count("pk"), amount=Sum("amount"))
        .order_by("-decision__signed_on__year", "award_type__name", "subject")
    )
    labels = dict(Subject.choices)
    for row in by_type:
        row["subject_label"] = str(labels.get(row["subject"], row["subject"]))
    total = {
        "count": sum(r["count"] for r in by_year),
        "amount": sum(r["amount"] or 0 for r in by_year),
    }
    return by_year, by_type, total


# The list -----------------------------------------------------------------------------------


def _decisions(request: HttpRequest):
    form = DecisionFilterForm(request.GET or None)
    data = form.cleaned_data if form.is_valid() else {}
    decisions = decision_list_for(
        request.user,
        query=data.get("q") or "",
        year=data.get("year"),
        authority=data.get("authority") or "",
        status=data.get("status") or "",
    )
    decisions, sort = apply_sort(request, decisions, DECISION_SORTS, "-signed_on")
    return form, decisions, sort


@login_required
def decision_list(request: HttpRequest) -> HttpResponse:
    form, decisions, sort = _decisions(request)
    context = {
        "form": form,
        "page": paginate(request, decisions),
        "sort": sort,
        "can_add": request.user.can("awards.decision", "change"),
        "can_templates": request.user.can("awards.documenttemplate", "view"),
    }
    return render_page(request, "awards/decision_list.html", context, partial="table")


@login_required
def decision_export(request: HttpRequest) -> HttpResponse:
    _form, decisions, _sort = _decisions(request)
    headers = [
        _("Decision No."),
        _("Date"),
        _("Authority"),
        _("Authority as printed"),
        _("Issuing unit"),
        _("Subject"),
        _("Kind of commendation"),
        _("Status"),
        _("Signed by"),
        _("Awards"),
        _("Amount (đồng)"),
    ]
    rows = (
        [
            d.number,
            d.signed_on,
            d.get_authority_display(),
            d.authority_name,
            d.issuer.name,
            d.subject_line,
            d.get_kind_display(),
            d.get_status_display(),
            " ".join(p for p in (d.signer_title.replace("\n", " "), d.signer_name) if p),
            d.award_count,
            d.total or 0,
        ]
        for d in decisions.iterator(chunk_size=500)
    )
    return xlsx_response(
        build_workbook(_("Decisions"), headers, rows), "quyet-dinh-khen-thuong.xlsx"
    )


# Create, edit, delete -----------------------------------------------------------------------


def _decision_form(request: HttpRequest, decision: Decision | None = None) -> DecisionForm:
    user = request.user
    if decision is not None:
        initial = {name: getattr(decision, name) for name in DECISION_FIELDS}
        initial["issuer"] = decision.issuer_id
        initial["movement"] = decision.movement_id
        initial["version"] = decision.version
    else:
        initial = {
            "signed_on": timezone.localdate(),
            "issuer": user.unit_id,
            "kind": "cong_trang",
            "grounds": _default_grounds(),
        }
    return DecisionForm(
        request.POST or None,
        initial=initial,
        issuers=Unit.objects.restrict(user, "change", label="awards.decision").filter(
            is_active=True
        ),
        movements=Movement.objects.restrict(user).only("pk", "title").order_by("-starts_on", "-pk"),
    )


def _default_grounds() -> str:
    return "\n".join(
        [
            "Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022;",
            "Căn cứ Nghị định số 152/2025/NĐ-CP ngày 14 tháng 6 năm 2025 của Chính phủ quy định "
            "chi tiết một số điều của Luật Thi đua, khen thưởng;",
        ]
    )


def _save_errors(form, error: ValidationError) -> None:
    if isinstance(error, StaleObjectError) or not hasattr(error, "error_dict"):
        form.add_error(None, error)
    else:
        add_service_errors(form, error)


@login_required
@require_http_methods(["GET", "POST"])
def decision_create(request: HttpRequest) -> HttpResponse:
    require_action(Decision, request.user, "change")
    form = _decision_form(request)
    if request.method == "POST" and form.is_valid():
        fields = {name: form.cleaned_data[name] for name in DECISION_FIELDS}
        try:
            decision = services.decision_create(actor=request.user, **fields)
        except ValidationError as error:
            _save_errors(form, error)
        except PermissionDenied:
            form.add_error("issuer", _("You cannot record decisions of this unit."))
        else:
            messages.success(request, _("The draft decision was saved; now add its awards."))
            return redirect("awards:decision_detail", pk=decision.pk)
    return render(
        request, "awards/decision_form.html", {"form": form, "title": _("New award decision")}
    )


@login_required
@require_http_methods(["GET", "POST"])
def decision_edit(request: HttpRequest, pk: int) -> HttpResponse:
    decision = get_scoped_or_404(Decision, request.user, "change", pk=pk)
    if decision.is_issued:
        messages.error(request, _("An issued decision can no longer be changed."))
        return redirect("awards:decision_detail", pk=pk)
    form = _decision_form(request, decision)
    if request.method == "POST" and form.is_valid():
        fields = {name: form.cleaned_data[name] for name in DECISION_FIELDS}
        try:
            services.decision_update(
                actor=request.user,
                decision=decision,
                expected_version=form.cleaned_data["version"],
                **fields,
            )
        except ValidationError as error:
            _save_errors(form, error)
        except PermissionDenied:
            form.add_error("issuer", _("You cannot record decisions of this unit."))
        else:
            messages.success(request, _("Changes saved."))
            return redirect("awards:decision_detail", pk=pk)
    return render(
        request,
        "awards/decision_form.html",
        {"form": form, "decision": decision, "title": _("Edit draft decision")},
    )


@login_required
@require_http_methods(["POST"])
def decision_delete(request: HttpRequest, pk: int) -> HttpResponse:
    decision = get_scoped_or_404(Decision, request.user, "change", pk=pk)
    try:
        services.decision_delete(actor=request.user, decision=decision)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect("awards:decision_detail", pk=pk)
    messages.success(request, _("The draft decision was deleted."))
    return redirect("awards:decision_list")


# Detail -------------------------------------------------------------------------------------


def _history(decision: Decision, award_ids: list[int]):
    """The decision's entries and those of its awards, newest first."""
    return AuditEntry.objects.filter(
        Q(object_type="awards.decision", object_id=str(decision.pk))
        | Q(object_type="awards.award", object_id__in=[str(pk) for pk in award_ids])
    ).order_by("-seq")


@login_required
def decision_detail(request: HttpRequest, pk: int) -> HttpResponse:
    user = request.user
    decision = get_scoped_or_404(Decision, user, pk=pk)
    decision = Decision.objects.select_related("issuer", "movement").get(pk=decision.pk)
    tab = request.GET.get("tab", "awards")
    awards = list(decision_awards(user, decision))
    in_force = [a for a in awards if not a.revoked]
    can_change = Decision.objects.restrict(user, "change").filter(pk=pk).exists()
    whole = sees_whole_decision(user, decision)
    context = {
        "decision": decision,
        "tab": tab,
        "awards": awards,
        "total_count": len(in_force),
        "total_amount": sum(a.amount or 0 for a in in_force),
        "revoked_count": len(awards) - len(in_force),
        "can_change": can_change,
        "can_edit": can_change and not decision.is_issued,
        "can_revoke": can_change and decision.is_issued,
        "whole": whole,
        "movement_visible": decision.movement_id is not None
        and Movement.objects.restrict(user).filter(pk=decision.movement_id).exists(),
    }
    if tab == "history":
        context["page"] = paginate(request, _history(decision, [a.pk for a in awards]))
    return render_page(request, "awards/decision_detail.html", context, partial="tab")


# Awards of a draft --------------------------------------------------------------------------


def _award_form(request: HttpRequest, decision: Decision) -> AwardAddForm:
    user = request.user
    initial = {"subject": Subject.INDIVIDUAL, "year": decision.signed_on.year - 1}
    if decision.signed_on.month >= 7:
        initial["year"] = decision.signed_on.year
    return AwardAddForm(
        request.POST or None,
        initial=initial,
        people=Person.objects.restrict(user, "change", label="awards.award").select_related("unit"),
        units=Unit.objects.restrict(user, "change", label="awards.award").filter(is_active=True),
        households=Household.objects.restrict(user, "change", label="awards.award"),
    )


@login_required
@require_http_methods(["GET", "POST"])
def decision_award_add(request: HttpRequest, pk: int) -> HttpResponse:
    decision = get_scoped_or_404(Decision, request.user, "change", pk=pk)
    if decision.is_issued:
        messages.error(request, _("An issued decision can no longer be changed."))
        return redirect("awards:decision_detail", pk=pk)
    form = _award_form(request, decision)
    if request.method == "POST" and form.is_valid():
        try:
            award = services.award_add(
                actor=request.user, decision=decision, **form.service_kwargs()
            )
        except ValidationError as error:
            _save_errors(form, error)
        except PermissionDenied:
            form.add_error(None, _("You cannot confer awards on recipients of this unit."))
        else:
            messages.success(
                request,
                _("%(title)s for %(name)s was added.")
                % {"title": award.award_type.name, "name": award.recipient_name},
            )
            if "another" in request.POST:
                return redirect("awards:decision_award_add", pk=pk)
            return redirect("awards:decision_detail", pk=pk)
    return render(request, "awards/decision_award_form.html", {"form": form, "decision": decision})


@login_required
@require_http_methods(["POST"])
def decision_award_remove(request: HttpRequest, pk: int) -> HttpResponse:
    award = get_scoped_or_404(Award, request.user, "change", pk=pk)
    try:
        services.award_remove(actor=request.user, award=award)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(
            request,
            _("%(title)s for %(name)s was removed from the draft.")
            % {"title": award.award_type.name, "name": award.recipient_name},
        )
    return redirect("awards:decision_detail", pk=award.decision_id)


# Issue and revoke ---------------------------------------------------------------------------


@login_required
@require_http_methods(["GET", "POST"])
def decision_issue(request: HttpRequest, pk: int) -> HttpResponse:
    decision = get_scoped_or_404(Decision, request.user, "change", pk=pk)
    if decision.is_issued:
        messages.info(request, _("This decision has already been issued."))
        return redirect("awards:decision_detail", pk=pk)
    form = IssueForm(
        request.POST or None,
        initial={
            "number": decision.number,
            "signed_on": decision.signed_on,
            "version": decision.version,
        },
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.decision_issue(
                actor=request.user,
                decision=decision,
                number=form.cleaned_data["number"],
                signed_on=form.cleaned_data["signed_on"],
                expected_version=form.cleaned_data["version"],
            )
        except ValidationError as error:
            _save_errors(form, error)
        else:
            messages.success(
                request, _("The decision was issued; its awards are now in the registry.")
            )
            return redirect("awards:decision_detail", pk=pk)
    awards = list(decision.awards.select_related("award_type").order_by("sort_order", "pk"))
    return render(
        request,
        "awards/decision_issue.html",
        {
            "form": form,
            "decision": decision,
            "awards": awards,
            "total_amount": sum(a.amount or 0 for a in awards),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def award_revoke(request: HttpRequest, pk: int) -> HttpResponse:
    user = request.user
    award = get_scoped_or_404(Award, user, "view", pk=pk)
    if not Decision.objects.restrict(user, "change").filter(pk=award.decision_id).exists():
        raise PermissionDenied
    award = Award.objects.select_related("decision", "award_type").get(pk=award.pk)
    form = RevokeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.award_revoke(actor=user, award=award, reason=form.cleaned_data["reason"])
        except ValidationError as error:
            _save_errors(form, error)
        else:
            messages.success(
                request,
                _("%(title)s of %(name)s was revoked.")
                % {"title": award.award_type.name, "name": award.recipient_name},
            )
            return redirect("awards:decision_detail", pk=award.decision_id)
    return render(request, "awards/decision_revoke.html", {"form": form, "award": award})


# Documents ----------------------------------------------------------------------------------


def _whole_decision(request: HttpRequest, pk: int) -> Decision:
    """A decision whose documents the user may download: seen through its issuer (a unit
    that only receives one of its awards sees its own awards, not the whole list)."""
    decision = get_scoped_or_404(Decision, request.user, pk=pk)
    decision = Decision.objects.select_related("issuer", "issuer__parent").get(pk=decision.pk)
    if not sees_whole_decision(request.user, decision):
        raise PermissionDenied
    return decision


def _attachment(data: bytes, content_type: str, name: str) -> HttpResponse:
    response = HttpResponse(data, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


@login_required
@require_http_methods(["GET"])
def decision_docx(request: HttpRequest, pk: int) -> HttpResponse:
    decision = _whole_decision(request, pk)
    data = documents.decision_docx(decision, TemplateKind.DECISION)
    return _attachment(data, documents.DOCX_MIME, documents.filename(decision, ".docx"))


@login_required
@require_http_methods(["GET"])
def decision_annex(request: HttpRequest, pk: int) -> HttpResponse:
    decision = _whole_decision(request, pk)
    data = documents.decision_docx(decision, TemplateKind.ANNEX)
    return _attachment(data, documents.DOCX_MIME, documents.filename(decision, "-danh-sach.docx"))


@login_required
@require_http_methods(["GET"])
def decision_pdf(request: HttpRequest, pk: int) -> HttpResponse:
    decision = _whole_decision(request, pk)
    data = documents.decision_pdf(decision)
    return _attachment(data, "application/pdf", documents.filename(decision, ".pdf"))


# Templates ----------------------------------------------------------------------------------


def _template_owners(user):
    return Unit.objects.restrict(user, "change", label="awards.documenttemplate").filter(
        is_active=True
    )


@login_required
@require_http_methods(["GET", "POST"])
def template_list(request: HttpRequest) -> HttpResponse:
    """The bundled templates, the units' own, and the upload form (secretariat)."""
    user = request.user
    require_action(DocumentTemplate, user, "view")
    can_upload = user.can("awards.documenttemplate", "change")
    form = None
    if can_upload:
        form = TemplateUploadForm(
            request.POST or None,
            request.FILES or None,
            initial={"owner": user.unit_id},
            owners=_template_owners(user),
        )
    if request.method == "POST":
        if form is None:
            raise PermissionDenied
        if form.is_valid():
            try:
                services.document_template_upload(
                    actor=user,
                    kind=form.cleaned_data["kind"],
                    owner=form.cleaned_data["owner"],
                    upload=form.cleaned_data["file"],
                )
            except ValidationError as error:
                _save_errors(form, error)
            except PermissionDenied:
                form.add_error("owner", _("You cannot set the templates of this unit."))
            else:
                messages.success(request, _("The template was checked and saved."))
                return redirect("awards:template_list")
    templates = (
        DocumentTemplate.objects.restrict(user, "view")
        .select_related("owner", "uploaded_by")
        .order_by("owner__path", "kind")
    )
    changeable = set(DocumentTemplate.objects.restrict(user, "change").values_list("pk", flat=True))
    context = {
        "form": form,
        "templates": templates,
        "changeable": changeable,
        "kinds": TemplateKind.choices,
        "fields": _template_fields(),
    }
    return render(request, "awards/template_list.html", context)


def _template_fields() -> list[tuple[str, str]]:
    """The names a template may use, for the help box of the upload page."""
    return [
        ("{{ body_parent }}, {{ body }}", _("the issuing body and the body above it")),
        ("{{ number }}, {{ number_line }}, {{ date }}", _("the decision's number and date")),
        ("{{ place_date }}", _("place and date, as printed under the national motto")),
        ("{{ subject_line }}, {{ authority_line }}", _("Về việc …, and the authority in capitals")),
        ("{%p for line in grounds %}{{ line }}{%p endfor %}", _("the Căn cứ … paragraphs")),
        ("{{ article1 }}, {{ article2 }}, {{ article3 }}", _("the three articles")),
        ("{{ signer_title_lines }}, {{ signer_name }}", _("the signer's block")),
        (
            "{%p for group in groups %}…{%tr for row in group.rows %}{{ row.no }} {{ row.name }} "
            "{{ row.position_unit }} {{ row.award }} {{ row.amount }}{%tr endfor %}…{%p endfor %}",
            _("the annex list, by individuals, collectives and households"),
        ),
        ("{{ total_count }}, {{ total_amount }}", _("totals")),
        ("{{ l.republic }}, {{ l.independence }}, {{ l.decision }} …", _("fixed labels")),
    ]


@login_required
@require_http_methods(["GET"])
def template_bundled(request: HttpRequest, kind: str) -> FileResponse:
    require_action(DocumentTemplate, request.user, "view")
    if kind not in TemplateKind.values:
        raise Http404
    return FileResponse(
        documents.BUNDLED[kind].open("rb"),
        as_attachment=True,
        filename=f"mau-{'quyet-dinh' if kind == TemplateKind.DECISION else 'danh-sach'}.docx",
        content_type=documents.DOCX_MIME,
    )


@login_required
@require_http_methods(["GET"])
def template_download(request: HttpRequest, pk: int) -> FileResponse:
    template = get_scoped_or_404(DocumentTemplate, request.user, pk=pk)
    return FileResponse(
        template.file.open("rb"),
        as_attachment=True,
        filename=f"mau-{template.kind}-{template.owner.code.lower()}.docx",
        content_type=documents.DOCX_MIME,
    )


@login_required
@require_http_methods(["POST"])
def template_revert(request: HttpRequest, pk: int) -> HttpResponse:
    template = get_scoped_or_404(DocumentTemplate, request.user, "change", pk=pk)
    services.document_template_revert(actor=request.user, template=template)
    messages.success(request, _("Decisions of this unit print with the bundled template again."))
    return redirect("awards:template_list")


# Budget -------------------------------------------------------------------------------------


def _budget(request: HttpRequest):
    user = request.user
    form = BudgetFilterForm(request.GET or None, units=Unit.objects.restrict(user))
    data = form.cleaned_data if form.is_valid() else {}
    rows = budget_rows(
        user,
        year_from=data.get("year_from"),
        year_to=data.get("year_to"),
        issuer=data.get("issuer"),
    )
    return form, rows


@login_required
def budget(request: HttpRequest) -> HttpResponse:
    form, (by_year, by_type, total) = _budget(request)
    context = {"form": form, "by_year": by_year, "by_type": by_type, "total": total}
    return render_page(request, "awards/decision_budget.html", context, partial="tables")


@login_required
def budget_export(request: HttpRequest) -> HttpResponse:
    _form, (by_year, by_type, _total) = _budget(request)
    headers = [_("Year"), _("Title or form"), _("Recipient kind"), _("Awards"), _("Amount (đồng)")]
    rows = [
        [r["decision__signed_on__year"], _("All"), "", r["count"], r["amount"] or 0]
        for r in by_year
    ] + [
        [
            r["decision__signed_on__year"],
            r["award_type__name"],
            r["subject_label"],
            r["count"],
            r["amount"] or 0,
        ]
        for r in by_type
    ]
    return xlsx_response(
        build_workbook(_("Award budget"), headers, rows), "kinh-phi-khen-thuong.xlsx"
    )


# Pickers ------------------------------------------------------------------------------------


@login_required
def person_lookup(request: HttpRequest) -> JsonResponse:
    """People for the award form's picker: ``?q=nguyen van an&for=change`` (only people the
    user may confer awards on)."""
    user = request.user
    query = request.GET.get("q", "")[:100]
    people = Person.objects.restrict(user, "view").filter(is_active=True)
    if request.GET.get("for") == "change":
        people = people & Person.objects.restrict(user, "change", label="awards.award")
    folded = fold(query)
    if folded:
        people = people.filter(Q(name_folded__contains=folded) | Q(identity_number=query.strip()))
    people = people.select_related("unit").order_by("name_folded", "pk")[:20]
    return JsonResponse(
        {
            "results": [
                {
                    "id": p.pk,
                    "text": p.full_name,
                    "code": p.date_of_birth.strftime("%d/%m/%Y") if p.date_of_birth else "",
                    "trail": ", ".join(x for x in (p.position, p.unit.name) if x),
                }
                for p in people
            ]
        }
    )


@login_required
def household_lookup(request: HttpRequest) -> JsonResponse:
    """Households for the award form's picker: ``?q=…&for=change``."""
    user = request.user
    query = request.GET.get("q", "")[:100]
    households = Household.objects.restrict(user, "view")
    if request.GET.get("for") == "change":
        households = households & Household.objects.restrict(user, "change", label="awards.award")
    folded = fold(query)
    if folded:
        households = households.filter(name_folded__contains=folded)
    households = households.select_related("unit").order_by("name_folded", "pk")[:20]
    return JsonResponse(
        {
            "results": [
                {
                    "id": h.pk,
                    "text": h.head_name,
                    "code": "",
                    "trail": ", ".join(x for x in (h.address, h.unit.name) if x),
                }
                for h in households
            ]
        }
    )


urlpatterns = [
    path("decisions/", decision_list, name="decision_list"),
    path("decisions/export/", decision_export, name="decision_export"),
    path("decisions/new/", decision_create, name="decision_create"),
    path("decisions/<int:pk>/", decision_detail, name="decision_detail"),
    path("decisions/<int:pk>/edit/", decision_edit, name="decision_edit"),
    path("decisions/<int:pk>/delete/", decision_delete, name="decision_delete"),
    path("decisions/<int:pk>/issue/", decision_issue, name="decision_issue"),
    path("decisions/<int:pk>/awards/new/", decision_award_add, name="decision_award_add"),
    path("decisions/awards/<int:pk>/remove/", decision_award_remove, name="decision_award_remove"),
    path("decisions/awards/<int:pk>/revoke/", award_revoke, name="award_revoke"),
    path("decisions/<int:pk>/decision.docx", decision_docx, name="decision_docx"),
    path("decisions/<int:pk>/annex.docx", decision_annex, name="decision_annex"),
    path("decisions/<int:pk>/decision.pdf", decision_pdf, name="decision_pdf"),
    path("decisions/templates/", template_list, name="template_list"),
    path("decisions/templates/bundled/<str:kind>/", template_bundled, name="template_bundled"),
    path("decisions/templates/<int:pk>/", template_download, name="template_download"),
    path("decisions/templates/<int:pk>/revert/", template_revert, name="template_revert"),
    path("budget/", budget, name="budget"),
    path("budget/export/", budget_export, name="budget_export"),
    path("lookup/people/", person_lookup, name="person_lookup"),
    path("lookup/households/", household_lookup, name="household_lookup"),
]
