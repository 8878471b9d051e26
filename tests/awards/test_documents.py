"""The decision and its annex list as .docx (docxtpl) and PDF (WeasyPrint), and the
templates the secretariat may replace."""

from __future__ import annotations

import datetime
import io
import shutil
import subprocess
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import translation
from docx import Document

from thidua.audit.models import Action
from thidua.awards import services
from thidua.awards.documents import build_templates, render
from thidua.awards.models import DocumentTemplate, TemplateKind

from ..factories import UnitFactory
from .factories import issue, make_award, make_decision, make_household

pytestmark = pytest.mark.django_db

SIGNED = datetime.date(2025, 1, 15)  # base salary 2.340.000
DOCX = render.DOCX_MIME


def _text(data: bytes) -> str:
    """Every paragraph and table cell of a .docx, one per line."""
    document = Document(io.BytesIO(data))
    lines = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            lines.append(" | ".join(cell.text for cell in row.cells))
    return "\n".join(lines)


def _pdf_text(data: bytes) -> str:
    if not shutil.which("pdftotext"):
        pytest.fail("pdftotext is needed for this test: apt-get install poppler-utils")
    result = subprocess.run(
        ["pdftotext", "-layout", "-", "-"], input=data, capture_output=True, check=True
    )
    return result.stdout.decode()


@pytest.fixture
def decision(tree, people):
    decision = make_decision(
        tree.committee,
        signed_on=SIGNED,
        number="125/QĐ-UBND",
        subject_line="Về việc tặng Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh",
        grounds="Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022;\n"
        "Xét đề nghị của Giám đốc Sở Nội vụ.",
        signer_name="Hoàng Nam",
        signer_title="KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH",
    )
    make_award(person=people["teacher"], code="bk_tinh", year=2024, decision=decision)
    make_award(unit=tree.school, code="bk_tinh", year=2024, decision=decision)
    make_award(
        household=make_household(tree.commune, head_name="Đỗ Văn Hộ", address="Thôn 3"),
        code="bk_tinh",
        year=2024,
        decision=decision,
    )
    issue(decision)
    decision.refresh_from_db()
    return decision


# The bundled templates ---------------------------------------------------------------------


def test_bundled_templates_are_what_the_build_script_writes(tmp_path):
    """The committed .docx files come from build_templates.py (no hand edits lost)."""
    for build, committed in (
        (build_templates.build_decision, build_templates.DECISION),
        (build_templates.build_annex, build_templates.ANNEX),
    ):
        fresh = build(tmp_path / committed.name)
        with zipfile.ZipFile(fresh) as a, zipfile.ZipFile(committed) as b:
            assert a.read("word/document.xml") == b.read("word/document.xml")


def test_decision_docx(clients, decision):
    with translation.override("vi"):
        response = clients["secretariat"].get(reverse("awards:decision_docx", args=[decision.pk]))
    assert response.status_code == 200
    assert response["Content-Type"] == DOCX
    assert response["Content-Disposition"] == 'attachment; filename="quyet-dinh-125-qd-ubnd.docx"'
    text = _text(response.content)
    for expected in (
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập – Tự do – Hạnh phúc",
        "TỈNH THỬ NGHIỆM",  # the body above the issuer
        "ỦY BAN NHÂN DÂN TỈNH",
        "125/QĐ-UBND",
        "Thử Nghiệm, ngày 15 tháng 01 năm 2025",
        "Về việc tặng Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh",
        "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH THỬ NGHIỆM",
        "Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022;",
        "Xét đề nghị của Giám đốc Sở Nội vụ.",
        "KT. CHỦ TỊCH",
        "PHÓ CHỦ TỊCH",
        "Hoàng Nam",
    ):
        assert expected in text, expected
    # 1,5 × 2.340.000 × 2 (person and household of a form: 1,5 × the individual amount =
    # 5.265.000) + 3,0 × 2.340.000 (collective) = 3.510.000 + 7.020.000 + 5.270.000.
    assert "15.800.000" in text


def test_annex_docx_lists_every_award(clients, decision):
    response = clients["secretariat"].get(reverse("awards:decision_annex", args=[decision.pk]))
    assert response.status_code == 200
    text = _text(response.content)
    assert "125/QĐ-UBND" in text and "15/01/2025" in text
    lines = text.splitlines()
    teacher = next(line for line in lines if "Nguyễn Thị Ánh" in line)
    assert teacher.split(" | ") == [
        "1",
        "Nguyễn Thị Ánh",
        "Trường THPT Chuyên Lê Quý Đôn",
        "Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh (2024)",
        "3.510.000",
    ]
    school = next(line for line in lines if line.startswith("1 | Trường THPT"))
    assert school.endswith("| 7.020.000") and "Sở Giáo dục và Đào tạo" in school
    # 1,5 × 3.510.000 = 5.265.000 → 5.270.000.
    household = next(line for line in lines if "Đỗ Văn Hộ" in line)
    assert household.endswith("| 5.270.000") and "Thôn 3" in household
    assert "3 – 15.800.000" in text


def test_a_revoked_award_is_marked_and_not_counted(clients, decision, users):
    award = decision.awards.get(subject="tap_the")
    services.award_revoke(actor=users["secretariat"], award=award, reason="Sai")
    text = _text(
        clients["secretariat"].get(reverse("awards:decision_annex", args=[decision.pk])).content
    )
    school = next(line for line in text.splitlines() if line.startswith("1 | Trường THPT"))
    assert "revoked" in school or "thu hồi" in school
    assert "2 – 8.780.000" in text


def test_decision_pdf(clients, decision):
    response = clients["secretariat"].get(reverse("awards:decision_pdf", args=[decision.pk]))
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    text = _pdf_text(response.content)
    for expected in (
        "125/QĐ-UBND",
        "Nguyễn Thị Ánh",
        "Đỗ Văn Hộ",
        "3.510.000",
        "15.800.000",
        "Hoàng Nam",
    ):
        assert expected in text, expected
    fonts = subprocess.run(["pdffonts", "-"], input=response.content, capture_output=True).stdout
    assert b"Thidua-Serif" in fonts
    assert all(line.split()[-5] == b"yes" for line in fonts.splitlines()[2:])  # embedded


def test_a_draft_prints_as_a_draft(clients, tree, people):
    award = make_award(person=people["teacher"], code="bk_tinh", year=2024, signed_on=SIGNED)
    response = clients["secretariat"].get(reverse("awards:decision_pdf", args=[award.decision_id]))
    text = _pdf_text(response.content)
    assert "DRAFT" in text or "DỰ THẢO" in text
    docx = clients["secretariat"].get(reverse("awards:decision_docx", args=[award.decision_id]))
    assert "……" in _text(docx.content)  # the number is not known yet


# Replacing the templates -------------------------------------------------------------------


def _docx(*paragraphs: str) -> bytes:
    document = Document()
    for text in paragraphs:
        document.add_paragraph(text)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _upload(data: bytes, name: str = "mau.docx") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, data, DOCX)


def _post(client, kind, owner, data, name="mau.docx"):
    return client.post(
        reverse("awards:template_list"),
        {"kind": kind, "owner": owner.pk, "file": _upload(data, name)},
    )


def test_upload_a_template_and_print_with_it(clients, tree, decision, audit_log):
    client = clients["secretariat"]
    own = _docx("MẪU RIÊNG CỦA TỈNH", "Số {{ number }} ngày {{ date }}", "{{ authority_line }}")
    response = _post(client, TemplateKind.DECISION, tree.province, own)
    assert response.status_code == 302
    template = DocumentTemplate.objects.get()
    assert audit_log(object_type="awards.documenttemplate", action=Action.CREATE)
    # The committee is below the province: its decisions now use the province's template.
    text = _text(client.get(reverse("awards:decision_docx", args=[decision.pk])).content)
    assert "MẪU RIÊNG CỦA TỈNH" in text and "Số 125/QĐ-UBND ngày 15/01/2025" in text
    # The annex still comes from the bundled template.
    assert "Nguyễn Thị Ánh" in _text(
        client.get(reverse("awards:decision_annex", args=[decision.pk])).content
    )
    # Download the current one.
    download = client.get(reverse("awards:template_download", args=[template.pk]))
    assert b"".join(download.streaming_content) == own
    # A template of the committee itself wins over the province's.
    _post(client, TemplateKind.DECISION, tree.committee, _docx("MẪU CỦA UBND {{ number }}"))
    text = _text(client.get(reverse("awards:decision_docx", args=[decision.pk])).content)
    assert "MẪU CỦA UBND 125/QĐ-UBND" in text
    # Uploading again replaces it (one per unit and kind), audited as a change.
    _post(client, TemplateKind.DECISION, tree.committee, _docx("MẪU MỚI {{ number }}"))
    assert DocumentTemplate.objects.filter(owner=tree.committee).count() == 1
    assert audit_log(object_type="awards.documenttemplate", action=Action.UPDATE)


def test_revert_to_the_bundled_template(clients, tree, decision, audit_log):
    client = clients["secretariat"]
    _post(client, TemplateKind.DECISION, tree.committee, _docx("MẪU RIÊNG {{ number }}"))
    template = DocumentTemplate.objects.get()
    response = client.post(reverse("awards:template_revert", args=[template.pk]))
    assert response.status_code == 302
    assert not DocumentTemplate.objects.exists()
    assert audit_log(object_type="awards.documenttemplate", action=Action.DELETE)
    text = _text(client.get(reverse("awards:decision_docx", args=[decision.pk])).content)
    assert "MẪU RIÊNG" not in text and "Hoàng Nam" in text


def test_a_broken_template_is_refused_with_a_clear_message(clients, tree):
    client = clients["secretariat"]
    response = _post(client, TemplateKind.DECISION, tree.province, _docx("Số {{ number "))
    assert response.status_code == 200
    message = " ".join(response.context["form"].errors["file"])
    assert "{{" in message  # tells which fields to check
    response = _post(client, TemplateKind.ANNEX, tree.province, _docx("{%tr for row in %}"))
    assert response.context["form"].errors["file"]
    assert not DocumentTemplate.objects.exists()


def test_a_file_that_is_not_a_docx_is_refused(clients, tree):
    client = clients["secretariat"]
    pdf = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
    response = _post(client, TemplateKind.DECISION, tree.province, pdf, name="mau.docx")
    assert response.context["form"].errors["file"]
    # An Excel workbook renamed .docx is a zip, but not a Word document.
    from openpyxl import Workbook

    buffer = io.BytesIO()
    Workbook().save(buffer)
    response = _post(client, TemplateKind.DECISION, tree.province, buffer.getvalue())
    assert response.context["form"].errors["file"]
    assert not DocumentTemplate.objects.exists()


def test_a_unit_officer_sees_but_cannot_upload(clients, tree):
    assert clients["unit_officer"].get(reverse("awards:template_list")).status_code == 200
    response = _post(clients["unit_officer"], TemplateKind.DECISION, tree.education, _docx("X"))
    assert response.status_code == 403


def test_the_secretariat_cannot_set_a_template_outside_its_units(clients, users):
    elsewhere = UnitFactory(code="T88", name="Tỉnh Khác")
    response = _post(clients["secretariat"], TemplateKind.DECISION, elsewhere, _docx("X"))
    assert response.status_code == 200 and response.context["form"].errors["owner"]
    assert users["secretariat"]


def test_bundled_template_download(clients):
    response = clients["unit_officer"].get(reverse("awards:template_bundled", args=["annex"]))
    assert b"".join(response.streaming_content) == render.BUNDLED[TemplateKind.ANNEX].read_bytes()
    assert (
        clients["unit_officer"].get(reverse("awards:template_bundled", args=["other"])).status_code
        == 404
    )


def test_sample_context_fills_the_bundled_templates():
    context = render.sample_context()
    for kind in TemplateKind.values:
        text = _text(render.render_docx(render.BUNDLED[kind].read_bytes(), context))
        assert "123/QĐ-UBND" in text
