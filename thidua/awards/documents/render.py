"""Fill the decision and annex templates (.docx, docxtpl) and print the decision as PDF.

The template used for a decision is the one its issuer's secretariat uploaded
(:class:`~thidua.awards.models.DocumentTemplate` of the issuer or of its nearest ancestor),
else the bundled one built by ``build_templates.py``. An uploaded template is checked by
rendering it with :func:`sample_context` before it is accepted (:func:`check_template`).
"""

from __future__ import annotations

import datetime
import hashlib
import io
import re
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from thidua.core.text import fold, format_number

from ..models import Award, Category, Decision, DocumentTemplate, Subject, TemplateKind

HERE = Path(__file__).resolve().parent
BUNDLED = {TemplateKind.DECISION: HERE / "decision.docx", TemplateKind.ANNEX: HERE / "annex.docx"}
DOCX_MIME = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
FONTS_DIR = Path(settings.BASE_DIR) / "static" / "vendor" / "fonts" / "noto-serif"
ROMAN = ("I", "II", "III", "IV", "V")
PLACE_PREFIXES = ("Tỉnh ", "Thành phố ", "Xã ", "Phường ", "Đặc khu ", "Thị trấn ")


def fonts_css() -> str:
    """@font-face rules for the vendored Noto Serif (OFL, full Vietnamese coverage), by
    file URL, so WeasyPrint embeds the font without any network access."""
    faces = (
        ("NotoSerif_400Regular.ttf", "normal", "normal"),
        ("NotoSerif_400Regular_Italic.ttf", "normal", "italic"),
        ("NotoSerif_700Bold.ttf", "bold", "normal"),
        ("NotoSerif_700Bold_Italic.ttf", "bold", "italic"),
    )
    return "\n".join(
        f'@font-face {{ font-family: "Thidua Serif"; src: url("{(FONTS_DIR / name).as_uri()}"); '
        f"font-weight: {weight}; font-style: {style}; }}"
        for name, weight, style in faces
    )


def place_of(unit) -> str:
    """The place printed before the date (địa danh): the commune for a commune's or ward's
    own documents, else the province, without "Tỉnh", "Xã"…"""
    from thidua.org.models import Unit, UnitKind

    local = {UnitKind.COMMUNE, UnitKind.WARD, UnitKind.SPECIAL_ZONE}
    if unit.kind in local:
        name = unit.name
    else:
        root_id = int(unit.path.strip("/").split("/")[0])
        root = unit if unit.pk == root_id else Unit.objects.filter(pk=root_id).first()
        name = root.name if root else unit.name
    for prefix in PLACE_PREFIXES:
        if name.startswith(prefix):
            return name[len(prefix) :]
    return name


def date_words(day: datetime.date) -> str:
    return _("day %(day)s month %(month)s year %(year)s") % {
        "day": f"{day.day:02d}",
        "month": f"{day.month:02d}",
        "year": day.year,
    }


def place_date(unit, day: datetime.date, place: str | None = None) -> str:
    return f"{place or place_of(unit)}, {date_words(day)}"


def money(amount: int | None) -> str:
    return format_number(amount) if amount else "—"


def _labels() -> dict:
    return {
        "republic": _("SOCIALIST REPUBLIC OF VIET NAM"),
        "independence": _("Independence – Freedom – Happiness"),
        "decision": _("DECISION"),
        "decides": _("DECIDES:"),
        "article1": _("Article 1."),
        "article2": _("Article 2."),
        "article3": _("Article 3."),
        "recipients": _("Recipients:"),
        "annex_title": _("LIST"),
        "annex_rule": "———————",
        "no": _("Item no."),
        "name": _("Full name"),
        "position_unit": _("Position, unit"),
        "award": _("Title / form"),
        "amount": _("Amount (đồng)"),
        "total": _("Total"),
        "dong": _("đồng"),
    }


def _position_unit(award: Award) -> str:
    if award.subject == Subject.INDIVIDUAL:
        return ", ".join(p for p in (award.recipient_position, award.recipient_unit_name) if p)
    if award.subject == Subject.HOUSEHOLD and award.household_id:
        return ", ".join(p for p in (award.household.address, award.recipient_unit_name) if p)
    return award.recipient_unit_name if award.recipient_unit_name != award.recipient_name else ""


def _award_label(award: Award) -> str:
    label = award.award_type.name
    if award.period_start and award.period_start != award.year:
        return f"{label} ({award.period_start}–{award.year})"
    return f"{label} ({award.year})"


GROUPS = (
    (Subject.INDIVIDUAL, lambda: _("Individuals (%(n)s)")),
    (Subject.COLLECTIVE, lambda: _("Collectives (%(n)s)")),
    (Subject.HOUSEHOLD, lambda: _("Households (%(n)s)")),
)


def _who(counts: dict[str, int]) -> str:
    parts = []
    for subject, n in counts.items():
        if not n:
            continue
        if subject == Subject.INDIVIDUAL:
            parts.append(ngettext("%(n)s individual", "%(n)s individuals", n) % {"n": n})
        elif subject == Subject.COLLECTIVE:
            parts.append(ngettext("%(n)s collective", "%(n)s collectives", n) % {"n": n})
        else:
            parts.append(ngettext("%(n)s household", "%(n)s households", n) % {"n": n})
    return _(" and ").join(parts) if len(parts) <= 2 else ", ".join(parts)


def _what(awards: list[Award]) -> str:
    names: list[str] = []
    for award in awards:
        the_type = award.award_type
        name = (
            _("the title %(name)s") % {"name": the_type.name}
            if the_type.category == Category.TITLE
            else the_type.name
        )
        if name not in names:
            names.append(name)
    return "; ".join(names)


def decision_context(
    decision: Decision, awards: list[Award] | None = None, *, place: str | None = None
) -> dict:
    """Everything a decision or annex template may print."""
    if awards is None:
        awards = list(
            decision.awards.select_related("award_type", "household").order_by("sort_order", "pk")
        )
    # The decision as issued lists every award; a revoked one is marked, and not counted.
    listed = awards
    awards = [a for a in awards if not a.revoked]
    issuer = decision.issuer
    parent = issuer.parent if issuer.parent_id else None
    groups = []
    counts: dict[str, int] = {}
    for index, (subject, heading) in enumerate(
        [(s, h) for s, h in GROUPS if any(a.subject == s for a in listed)]
    ):
        members = [a for a in listed if a.subject == subject]
        counts[subject] = len([a for a in members if not a.revoked])
        groups.append(
            {
                "heading": f"{ROMAN[index]}. {heading() % {'n': len(members)}}",
                "rows": [
                    {
                        "no": number,
                        "name": award.recipient_name,
                        "position_unit": _position_unit(award),
                        "award": _award_label(award)
                        + (
                            " – "
                            + _("revoked on %(date)s")
                            % {"date": timezone.localtime(award.revoked_at).strftime("%d/%m/%Y")}
                            if award.revoked and award.revoked_at
                            else ""
                        ),
                        "revoked": award.revoked,
                        "amount": money(award.amount),
                        "amount_value": award.amount or 0,
                    }
                    for number, award in enumerate(members, start=1)
                ],
            }
        )
    total = sum(a.amount or 0 for a in awards)
    number = decision.number or "……"
    date_text = decision.signed_on.strftime("%d/%m/%Y")
    article2 = (
        _(
            "The recipients named in Article 1 receive the award money set by law, "
            "%(total)s đồng in total, as in the attached list."
        )
        % {"total": format_number(total)}
        if total
        else _("No award money goes with these titles and forms.")
    )
    return {
        "l": _labels(),
        "body_parent": parent.name.upper() if parent else "",
        "body": issuer.name.upper(),
        "number": number,
        "number_line": _("No.: %(number)s") % {"number": number},
        "date": date_text,
        "place_date": place_date(issuer, decision.signed_on, place),
        "subject_line": decision.subject_line,
        "authority_name": decision.authority_name,
        "authority_line": decision.authority_name.upper(),
        "grounds": [line.strip() for line in decision.grounds.splitlines() if line.strip()],
        "article1": _(
            "Confer %(what)s on %(who)s named in the attached list, for their achievements."
        )
        % {"what": _what(awards), "who": _who(counts)},
        "article2": article2,
        "article3": _(
            "The chief of office, the heads of the units concerned and the recipients named in "
            "Article 1 are responsible for carrying out this Decision."
        ),
        "recipients": ["- " + _("As in Article 3;"), "- " + _("Filed: VT.")],
        "signer_title_lines": [
            line.strip() for line in (decision.signer_title or "").splitlines() if line.strip()
        ],
        "signer_name": decision.signer_name,
        "annex_subtitle": _("(Attached to Decision No. %(number)s of %(date)s of %(authority)s)")
        % {"number": number, "date": date_text, "authority": decision.authority_name},
        "groups": groups,
        "total_count": len(awards),
        "total_amount": format_number(total) if total else "0",
        "total_value": total,
        "is_draft": not decision.is_issued,
    }


def sample_context() -> dict:
    """A decision with one row of each kind, to try an uploaded template on."""
    from thidua.org.models import Unit, UnitKind

    from ..models import AwardType

    province = Unit(pk=1, name="Tỉnh Mẫu", path="/1/", kind=UnitKind.PROVINCE)
    issuer = Unit(pk=2, name="Ủy ban nhân dân tỉnh", path="/1/2/", kind=UnitKind.PEOPLES_COMMITTEE)
    issuer.parent = province
    decision = Decision(
        number="123/QĐ-UBND",
        signed_on=datetime.date(2025, 12, 15),
        authority="provincial_chairman",
        authority_name="Chủ tịch Ủy ban nhân dân tỉnh Mẫu",
        signer_name="Nguyễn Văn Mẫu",
        signer_title="KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH",
        kind="cong_trang",
        subject_line="Về việc tặng Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh",
        grounds="Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022;",
        issuer=issuer,
        status="da_ban_hanh",
    )
    form = AwardType(name="Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh", category=Category.FORM)
    awards = [
        Award(
            award_type=form,
            subject=Subject.INDIVIDUAL,
            recipient_name="Nguyễn Thị Mẫu",
            recipient_position="Giáo viên",
            recipient_unit_name="Trường THPT Mẫu",
            year=2025,
            amount=3510000,
        ),
        Award(
            award_type=form,
            subject=Subject.COLLECTIVE,
            recipient_name="Phòng Tổ chức cán bộ",
            recipient_unit_name="Sở Mẫu",
            year=2025,
            amount=7020000,
        ),
    ]
    return decision_context(decision, awards, place="Mẫu")


# .docx -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class TemplateSource:
    kind: str
    data: bytes
    uploaded: DocumentTemplate | None  # None: the bundled template


def template_for(kind: str, issuer) -> TemplateSource:
    """The template a decision of ``issuer`` is printed with."""
    ids = [*issuer.ancestor_ids, issuer.pk]
    uploaded = (
        DocumentTemplate.objects.filter(kind=kind, owner_id__in=ids)
        .select_related("owner")
        .order_by("-owner__path")
        .first()
    )
    if uploaded is not None:
        with uploaded.file.open("rb") as handle:
            return TemplateSource(kind, handle.read(), uploaded)
    return TemplateSource(kind, BUNDLED[kind].read_bytes(), None)


def render_docx(data: bytes, context: dict) -> bytes:
    from docxtpl import DocxTemplate

    document = DocxTemplate(io.BytesIO(data))
    document.render(context, autoescape=True)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


# Digests of templates that filled in without error (the same file uploaded again, for
# another unit or after a revert, is not rendered again).
_GOOD_TEMPLATES: dict[str, None] = {}


def check_template(data: bytes) -> None:
    """Refuse a template that docxtpl cannot fill, naming the problem."""
    digest = hashlib.sha256(data).hexdigest()
    if digest in _GOOD_TEMPLATES:
        return
    try:
        render_docx(data, sample_context())
    except Exception as error:  # jinja2 syntax errors, broken XML, a missing part…
        detail = str(error).strip().splitlines()[0][:200] if str(error).strip() else ""
        raise ValidationError(
            _(
                "This template cannot be filled in: %(detail)s. Check the {{ … }} and {%% … %%} "
                "fields, or start from the bundled template."
            )
            % {"detail": detail or error.__class__.__name__}
        ) from None
    if len(_GOOD_TEMPLATES) >= 64:
        _GOOD_TEMPLATES.clear()
    _GOOD_TEMPLATES[digest] = None


def decision_docx(decision: Decision, kind: str = TemplateKind.DECISION) -> bytes:
    source = template_for(kind, decision.issuer)
    return render_docx(source.data, decision_context(decision))


# PDF ---------------------------------------------------------------------------------------


def decision_pdf(decision: Decision) -> bytes:
    """The decision and its annex list as one PDF (WeasyPrint)."""
    from weasyprint import HTML

    context = decision_context(decision)
    context["fonts_css"] = fonts_css()
    context["decision"] = decision
    html = render_to_string("awards/decision_pdf.html", context)
    return HTML(string=html, base_url=str(FONTS_DIR)).write_pdf()


def filename(decision: Decision, suffix: str) -> str:
    """An ASCII file name (headers cannot carry "Đ"): quyet-dinh-125-qd-ubnd.docx."""
    stem = fold(decision.number) if decision.number else f"du-thao-{decision.pk}"
    stem = re.sub(r"[^a-z0-9]+", "-", stem).strip("-") or str(decision.pk)
    return f"quyet-dinh-{stem}{suffix}"
