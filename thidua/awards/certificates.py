"""Certificates (Bằng khen, Giấy khen, giấy chứng nhận danh hiệu) as PDF, with WeasyPrint.

One A4 landscape page per award in the traditional layout: an ornamental double border,
the national motto (Quốc hiệu), the conferring authority, the form's name in large red
letters (or "Tặng danh hiệu" and the title's name), "TẶNG" and the recipient, their
position and unit, the achievement, the decision's number and date, place and date, the
signer; and a QR code with the address of the public verification page
(``/verify/<token>/``), printed beside it.

Offices that print on pre-printed blanks set a :class:`~thidua.awards.models.
CertificateLayout` for the issuing unit: only the variable text and the QR code are
printed, moved by offsets measured on their printer. The fonts are the vendored Noto Serif
(``static/vendor/fonts/noto-serif``), embedded in the PDF: no network access at runtime.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

import segno
from django.conf import settings
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.translation import gettext as _

from .documents.render import FONTS_DIR, date_words, fonts_css, place_of
from .models import (
    Award,
    AwardType,
    Category,
    CertificateKind,
    CertificateLayout,
    Decision,
    DecisionStatus,
    Subject,
)

PRINTABLE = frozenset(
    {
        CertificateKind.BANG_KHEN,
        CertificateKind.GIAY_KHEN,
        CertificateKind.TITLE,
        CertificateKind.FLAG,
    }
)


class CertificateRefused(Exception):
    """The award cannot have a certificate (draft decision, revoked, printed elsewhere)."""


def verify_url(award: Award) -> str:
    """The public verification address printed under the QR code."""
    base = settings.THIDUA_BASE_URL.rstrip("/")
    return base + reverse("portal:verify", args=[award.verify_token])


def short_url(url: str) -> str:
    return url.split("://", 1)[-1]


def qr_data_uri(url: str) -> str:
    """The QR code of ``url`` as an SVG data URI (error correction M, 4-module quiet zone)."""
    return segno.make(url, error="m", micro=False).svg_data_uri(scale=4, border=4)


@dataclass(frozen=True)
class Layout:
    """What is printed and where (mm); built from a CertificateLayout or the default."""

    preprinted: bool = False
    offset_x: Decimal = Decimal(0)
    offset_y: Decimal = Decimal(0)
    name_offset_y: Decimal = Decimal(0)
    qr_offset_x: Decimal = Decimal(0)
    qr_offset_y: Decimal = Decimal(0)

    @classmethod
    def of(cls, layout: CertificateLayout | None) -> Layout:
        if layout is None:
            return cls()
        return cls(
            preprinted=layout.preprinted,
            offset_x=layout.offset_x_mm,
            offset_y=layout.offset_y_mm,
            name_offset_y=layout.name_offset_y_mm,
            qr_offset_x=layout.qr_offset_x_mm,
            qr_offset_y=layout.qr_offset_y_mm,
        )


def layout_for(issuer) -> CertificateLayout | None:
    """The layout of the issuing unit, else of its nearest ancestor that has one."""
    ids = [*issuer.ancestor_ids, issuer.pk]
    return (
        CertificateLayout.objects.filter(owner_id__in=ids)
        .select_related("owner")
        .order_by("-owner__path")
        .first()
    )


def refusal(award: Award) -> str | None:
    """Why ``award`` cannot have a certificate, or None."""
    if award.decision.status != DecisionStatus.ISSUED:
        return _("Certificates are printed once the decision is issued.")
    if award.revoked:
        return _("This award has been revoked; it has no certificate.")
    if award.award_type.certificate_kind not in PRINTABLE:
        return _("%(title)s comes with the State's own certificate; thidua does not print it.") % {
            "title": award.award_type.name
        }
    return None


def _salutation(award: Award) -> str:
    if award.subject != Subject.INDIVIDUAL or award.person is None:
        return ""
    return _("Ms.") if award.person.gender == "nu" else _("Mr.")


def _heading(award_type: AwardType) -> dict:
    """The big red words and the line above the recipient."""
    kind = award_type.certificate_kind
    if kind == CertificateKind.BANG_KHEN:
        return {"title": _("CERTIFICATE OF MERIT"), "pre": "", "give": _("CONFERRED ON")}
    if kind == CertificateKind.GIAY_KHEN:
        return {"title": _("CERTIFICATE OF COMMENDATION"), "pre": "", "give": _("CONFERRED ON")}
    return {
        "title": award_type.name.upper(),
        "pre": _("Conferring the title") if award_type.category == Category.TITLE else "",
        "give": _("Conferred on"),
    }


def _period(award: Award) -> str:
    if award.period_start and award.period_start != award.year:
        return _("the period %(start)s–%(end)s") % {"start": award.period_start, "end": award.year}
    return _("the year %(year)s") % {"year": award.year}


def page_context(award: Award, decision: Decision, place: str | None = None) -> dict:
    """What one certificate page prints."""
    signer_lines = [
        line.strip() for line in (decision.signer_title or "").splitlines() if line.strip()
    ]
    position_unit = ", ".join(
        p
        for p in (
            award.recipient_position if award.subject == Subject.INDIVIDUAL else "",
            award.recipient_unit_name if award.recipient_unit_name != award.recipient_name else "",
        )
        if p
    )
    url = verify_url(award) if award.verify_token else ""
    return {
        **_heading(award.award_type),
        "authority": decision.authority_name.upper(),
        "salutation": _salutation(award),
        "name": award.recipient_name,
        "position_unit": position_unit,
        "achievement": award.achievement.strip()
        or _("For outstanding achievements in %(period)s.") % {"period": _period(award)},
        "decision_line": _("Decision No. %(number)s of %(date)s")
        % {"number": decision.number, "date": decision.signed_on.strftime("%d/%m/%Y")},
        "place_date": f"{place or place_of(decision.issuer)}, {date_words(decision.signed_on)}",
        "signer_lines": signer_lines,
        "signer_name": decision.signer_name,
        "qr": qr_data_uri(url) if url else "",
        "url": short_url(url),
    }


NAME_TOP, POSITION_TOP, ACHIEVEMENT_TOP = 95, 111, 121
QR_LEFT, QR_TOP = 26, 157
# The diamonds on the red rule: corners and the middle of each side (mm).
DIAMONDS = [
    (x, y)
    for x in ("11.5", "148.5", "285.5")
    for y in ("11.5", "105", "198.5")
    if (x, y) != ("148.5", "105")
]


def _mm(value) -> str:
    """A length for CSS, whatever the active locale's decimal separator."""
    return f"{Decimal(value):.1f}"


def positions(layout: Layout) -> dict[str, str]:
    qr_left = QR_LEFT + layout.qr_offset_x
    qr_top = QR_TOP + layout.qr_offset_y
    return {
        "x": _mm(layout.offset_x),
        "y": _mm(layout.offset_y),
        "name_top": _mm(NAME_TOP + layout.name_offset_y),
        "position_top": _mm(POSITION_TOP),
        "achievement_top": _mm(ACHIEVEMENT_TOP),
        "qr_left": _mm(qr_left),
        "qr_top": _mm(qr_top),
        "url_left": _mm(qr_left + 33),
        "url_top": _mm(qr_top + 9),
    }


def render_pages(pages: list[dict], layout: Layout, *, test_print: bool = False) -> bytes:
    from weasyprint import HTML

    html = render_to_string(
        "awards/certificate_pdf.html",
        {
            "pages": pages,
            "layout": layout,
            "pos": positions(layout),
            "diamonds": DIAMONDS,
            "ticks": list(range(10, 290, 10)),
            "fonts_css": fonts_css(),
            "test_print": test_print,
            "labels": {
                "republic": _("SOCIALIST REPUBLIC OF VIET NAM"),
                "independence": _("Independence – Freedom – Happiness"),
                "verify": _("Check this certificate at"),
                "test": _("TEST PRINT – check the position of the text on your blank"),
            },
        },
    )
    return HTML(string=html, base_url=str(FONTS_DIR)).write_pdf()


def certificates_pdf(awards: Iterable[Award]) -> bytes:
    """One page per award (all of the same decision, or each with its own); raises
    :class:`CertificateRefused` with the reason when one of them cannot have one."""
    awards = list(awards)
    if not awards:
        raise CertificateRefused(_("There is no award to print."))
    pages = []
    for award in awards:
        reason = refusal(award)
        if reason:
            raise CertificateRefused(reason)
        pages.append(page_context(award, award.decision))
    layout = Layout.of(layout_for(awards[0].decision.issuer))
    return render_pages(pages, layout)


def test_print_pdf(layout: CertificateLayout | Layout | None, issuer=None) -> bytes:
    """A sample certificate with the layout's offsets, to check the position on a blank."""
    from .models import AwardType

    sample_type = AwardType(
        name="Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh",
        category=Category.FORM,
        certificate_kind=CertificateKind.BANG_KHEN,
    )
    decision = Decision(
        number="123/QĐ-UBND",
        signed_on=datetime.date(2025, 12, 15),
        authority_name="Chủ tịch Ủy ban nhân dân tỉnh",
        signer_name="Nguyễn Văn Mẫu",
        signer_title="KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH",
    )
    award = Award(
        award_type=sample_type,
        subject=Subject.INDIVIDUAL,
        recipient_name="Nguyễn Thị Mẫu",
        recipient_position="Giáo viên",
        recipient_unit_name="Trường Trung học phổ thông Mẫu",
        year=2025,
        verify_token="MAU-IN-THU",
    )
    page = page_context(award, decision, place=place_of(issuer) if issuer else "Mẫu")
    if not isinstance(layout, Layout):
        layout = Layout.of(layout)
    return render_pages([page], layout, test_print=True)


def filename(award: Award) -> str:
    return f"bang-khen-{award.pk}.pdf" if award.pk else "bang-khen.pdf"
