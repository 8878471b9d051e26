"""Certificate PDFs: the traditional layout, the embedded fonts, the QR code that scans to
the public verification page, pre-printed blanks with offsets, and what is refused.

The PDFs are rasterised with pdftoppm and the QR code is read back with zbarimg, as a
phone would: the printed code must lead to the award's own verification page.
"""

from __future__ import annotations

import datetime
import re
import shutil
import subprocess
from decimal import Decimal
from urllib.parse import urlsplit

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import translation

from thidua.audit.models import Action
from thidua.awards import certificates, services
from thidua.awards.models import Authority, CertificateLayout

from .factories import issue, make_award, make_decision

pytestmark = pytest.mark.django_db

SIGNED = datetime.date(2025, 1, 15)
BASE = "https://thidua.tinh.example.vn"


def _tool(name: str) -> str:
    path = shutil.which(name)
    if path is None:
        pytest.fail(f"{name} is needed for this test: apt-get install poppler-utils zbar-tools")
    return path


def _text(pdf: bytes) -> str:
    return subprocess.run(
        [_tool("pdftotext"), "-layout", "-", "-"], input=pdf, capture_output=True, check=True
    ).stdout.decode()


def _pages(pdf: bytes) -> int:
    info = subprocess.run([_tool("pdfinfo"), "-"], input=pdf, capture_output=True, check=True)
    return int(re.search(rb"Pages:\s+(\d+)", info.stdout).group(1))


def _scan(pdf: bytes, tmp_path, page: int = 1) -> list[str]:
    """The QR codes on ``page``, read from a 150 dpi rendering as a phone would see it."""
    source = tmp_path / "certificate.pdf"
    source.write_bytes(pdf)
    subprocess.run(
        [
            _tool("pdftoppm"),
            "-r",
            "150",
            "-f",
            str(page),
            "-l",
            str(page),
            "-png",
            str(source),
            str(tmp_path / "page"),
        ],
        check=True,
    )
    image = next(tmp_path.glob("page*.png"))
    result = subprocess.run([_tool("zbarimg"), "--raw", "-q", str(image)], capture_output=True)
    for png in tmp_path.glob("page*.png"):
        png.unlink()
    return result.stdout.decode().split()


def _x_of(pdf: bytes, word: str) -> float:
    """Where ``word`` starts on the first page, in points from the left edge."""
    html = subprocess.run(
        [_tool("pdftotext"), "-bbox", "-f", "1", "-l", "1", "-", "-"],
        input=pdf,
        capture_output=True,
        check=True,
    ).stdout.decode()
    match = re.search(
        rf'<word xMin="([\d.]+)" yMin="[\d.]+" xMax="[\d.]+" yMax="[\d.]+">{word}</word>', html
    )
    assert match, f"{word} not found"
    return float(match.group(1))


@pytest.fixture
def base_url(settings):
    settings.THIDUA_BASE_URL = BASE + "/"
    return BASE


@pytest.fixture
def bang_khen(tree, people, base_url):
    decision = make_decision(
        tree.committee, signed_on=SIGNED, number="125/QĐ-UBND", signer_name="Hoàng Nam"
    )
    award = make_award(
        person=people["teacher"],
        code="bk_tinh",
        year=2024,
        decision=decision,
        achievement="Đã có thành tích xuất sắc trong năm học 2023–2024.",
    )
    issue(decision)
    award.refresh_from_db()
    return award


def test_the_qr_code_scans_to_the_public_verification_page(clients, bang_khen, tmp_path):
    response = clients["secretariat"].get(reverse("awards:award_certificate", args=[bang_khen.pk]))
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    scanned = _scan(response.content, tmp_path)
    expected = f"{BASE}/verify/{bang_khen.verify_token}/"
    assert scanned == [expected]
    # The short address is printed beside the code, for typing it in.
    assert f"verify/{bang_khen.verify_token}" in _text(response.content).replace("\n", "").replace(
        " ", ""
    )
    # A visitor with no account opens it.
    page = Client().get(urlsplit(scanned[0]).path)
    assert page.status_code == 200
    assert "Nguyễn Thị Ánh" in page.content.decode()


def test_traditional_layout_of_a_bang_khen(bang_khen):
    with translation.override("vi"):
        pdf = certificates.certificates_pdf([bang_khen])
    text = _text(pdf)
    for expected in (
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập – Tự do – Hạnh phúc",
        "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH THỬ NGHIỆM",
        "Nguyễn Thị Ánh",
        "Trường THPT Chuyên Lê Quý Đôn",
        "Đã có thành tích xuất sắc trong năm học 2023–2024.",
        "125/QĐ-UBND",
        "15/01/2025",
        "Thử Nghiệm, ngày 15 tháng 01 năm 2025",
        "KT. CHỦ TỊCH",
        "Hoàng Nam",
    ):
        assert expected in text, expected
    with translation.override("en"):
        english = _text(certificates.certificates_pdf([bang_khen]))
    assert "CERTIFICATE OF MERIT" in english and "CONFERRED ON" in english
    assert "Ms. Nguyễn Thị Ánh" in english
    info = subprocess.run([_tool("pdfinfo"), "-"], input=pdf, capture_output=True).stdout.decode()
    assert re.search(r"Page size:\s+841\.\d+ x 595\.\d+ pts \(A4\)", info)  # A4 landscape


def test_vietnamese_fonts_are_embedded(bang_khen):
    pdf = certificates.certificates_pdf([bang_khen])
    fonts = subprocess.run([_tool("pdffonts"), "-"], input=pdf, capture_output=True).stdout
    rows = fonts.decode().splitlines()[2:]
    assert rows and all("Thidua-Serif" in row for row in rows)
    assert all(row.split()[-5] == "yes" for row in rows)  # emb


def test_a_title_certificate(tree, people, base_url):
    award = make_award(
        person=people["director"], code="cstdcs", year=2024, signed_on=SIGNED, issue=True
    )
    with translation.override("en"):
        text = _text(certificates.certificates_pdf([award]))
    assert "CHIẾN SĨ THI ĐUA CƠ SỞ" in text
    assert "Conferring the title" in text
    assert "Mr. Trần Văn Đức" in text
    assert "For outstanding achievements in the year 2024." in text


def test_a_giay_khen_for_a_collective(tree, base_url):
    award = make_award(unit=tree.school, code="giay_khen", year=2024, signed_on=SIGNED, issue=True)
    with translation.override("en"):
        text = _text(certificates.certificates_pdf([award]))
    assert "CERTIFICATE OF COMMENDATION" in text
    assert "Trường THPT Chuyên Lê Quý Đôn" in text and "Sở Giáo dục và Đào tạo" in text
    assert "Mr." not in text and "Ms." not in text


def test_all_certificates_of_a_decision(clients, tree, people, users, base_url, tmp_path):
    decision = make_decision(tree.committee, signed_on=SIGNED, number="126/QĐ-UBND")
    first = make_award(person=people["teacher"], code="bk_tinh", year=2024, decision=decision)
    make_award(person=people["doctor"], code="bk_tinh", year=2024, decision=decision)
    revoked = make_award(person=people["clerk"], code="bk_tinh", year=2024, decision=decision)
    issue(decision)
    services.award_revoke(actor=users["secretariat"], award=revoked, reason="Sai")
    response = clients["secretariat"].get(
        reverse("awards:decision_certificates", args=[decision.pk])
    )
    assert response.status_code == 200
    assert _pages(response.content) == 2  # the revoked one is left out
    text = _text(response.content)
    assert "Nguyễn Thị Ánh" in text and "Lê Hoàng Long" in text and "Phạm Thu Hà" not in text
    first.refresh_from_db()
    assert _scan(response.content, tmp_path, page=1) == [f"{BASE}/verify/{first.verify_token}/"]


# Refused -----------------------------------------------------------------------------------


def test_no_certificate_before_the_decision_is_issued(clients, tree, people):
    award = make_award(person=people["teacher"], code="bk_tinh", year=2024, signed_on=SIGNED)
    response = clients["secretariat"].get(reverse("awards:award_certificate", args=[award.pk]))
    assert response.status_code == 409
    assert response.context["reason"]
    response = clients["secretariat"].get(
        reverse("awards:decision_certificates", args=[award.decision_id])
    )
    assert response.status_code == 409


def test_no_certificate_for_a_revoked_award(clients, bang_khen, users):
    services.award_revoke(actor=users["secretariat"], award=bang_khen, reason="Khai man")
    response = clients["secretariat"].get(reverse("awards:award_certificate", args=[bang_khen.pk]))
    assert response.status_code == 409
    assert response["Content-Type"].startswith("text/html")


def test_no_certificate_for_a_state_order(tree, people):
    decision = make_decision(tree.committee, authority=Authority.PRESIDENT, signed_on=SIGNED)
    award = make_award(person=people["teacher"], code="hcld_3", year=2024, decision=decision)
    issue(decision)
    award.refresh_from_db()
    with pytest.raises(certificates.CertificateRefused):
        certificates.certificates_pdf([award])


def test_outside_the_scope_is_hidden(clients, bang_khen):
    doctor_side = clients["other_officer"].get(
        reverse("awards:award_certificate", args=[bang_khen.pk])
    )
    assert doctor_side.status_code == 404


# Pre-printed blanks ------------------------------------------------------------------------


def test_preprinted_blanks_get_only_the_variable_text_and_the_code(bang_khen, tree, tmp_path):
    services.certificate_layout_save(actor=None, owner=tree.province, preprinted=True)
    with translation.override("en"):
        pdf = certificates.certificates_pdf([bang_khen])
    text = _text(pdf)
    assert "Nguyễn Thị Ánh" in text and "125/QĐ-UBND" in text and "Hoàng Nam" in text
    for printed_on_the_blank in ("SOCIALIST REPUBLIC", "CERTIFICATE OF MERIT", "CONFERRED ON"):
        assert printed_on_the_blank not in text
    assert _scan(pdf, tmp_path) == [f"{BASE}/verify/{bang_khen.verify_token}/"]


def test_offsets_move_the_text(bang_khen, tree, tmp_path):
    before = _x_of(certificates.certificates_pdf([bang_khen]), "Ánh")
    # The layout of the issuing unit's province applies to the committee's decisions.
    services.certificate_layout_save(
        actor=None,
        owner=tree.province,
        offset_x_mm=Decimal("10"),
        qr_offset_x_mm=Decimal("5"),
        qr_offset_y_mm=Decimal("-5"),
    )
    pdf = certificates.certificates_pdf([bang_khen])
    after = _x_of(pdf, "Ánh")
    assert after - before == pytest.approx(10 / 25.4 * 72, abs=0.5)  # 10 mm = 28,35 pt
    assert _scan(pdf, tmp_path) == [f"{BASE}/verify/{bang_khen.verify_token}/"]


def test_layout_page_saves_offsets_typed_the_vietnamese_way(clients, tree, audit_log):
    url = reverse("awards:layout_edit", args=[tree.education.pk])
    client = clients["unit_officer"]
    assert client.get(url).status_code == 200
    response = client.post(
        url,
        {
            "preprinted": "on",
            "offset_x_mm": "2,5",
            "offset_y_mm": "-1,5",
            "name_offset_y_mm": "",
            "qr_offset_x_mm": "0",
            "qr_offset_y_mm": "3",
        },
    )
    assert response.status_code == 302
    layout = CertificateLayout.objects.get(owner=tree.education)
    assert (layout.preprinted, layout.offset_x_mm, layout.offset_y_mm, layout.qr_offset_y_mm) == (
        True,
        Decimal("2.5"),
        Decimal("-1.5"),
        Decimal("3"),
    )
    assert audit_log(object_type="awards.certificatelayout", action=Action.CREATE)
    form = client.post(url, {"offset_x_mm": "60", "version": layout.version}).context["form"]
    assert form.errors["offset_x_mm"]
    form = client.post(url, {"offset_x_mm": "hai", "version": layout.version}).context["form"]
    assert form.errors["offset_x_mm"]
    assert CertificateLayout.objects.get(owner=tree.education).offset_x_mm == Decimal("2.5")


def test_test_print(clients, tree):
    services.certificate_layout_save(actor=None, owner=tree.education, preprinted=True)
    response = clients["unit_officer"].get(reverse("awards:layout_test", args=[tree.education.pk]))
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    text = _text(response.content)
    assert "Nguyễn Thị Mẫu" in text
    assert "SOCIALIST REPUBLIC" not in text and "CỘNG HÒA" not in text  # pre-printed blank


def test_layout_list(clients, tree):
    services.certificate_layout_save(actor=None, owner=tree.education, preprinted=True)
    services.certificate_layout_save(actor=None, owner=tree.health)
    response = clients["unit_officer"].get(reverse("awards:layout_list"))
    assert [layout.owner for layout in response.context["layouts"]] == [tree.education]
    chosen = clients["unit_officer"].get(reverse("awards:layout_list"), {"unit": tree.school.pk})
    assert chosen["Location"] == reverse("awards:layout_edit", args=[tree.school.pk])
    refused = clients["unit_officer"].get(reverse("awards:layout_list"), {"unit": tree.health.pk})
    assert refused.status_code == 200
