"""The secretariat finds a teacher in the registry by typing her name without diacritics,
opens her history, checks her eligibility for Chiến sĩ thi đua cấp tỉnh (not yet: two
grassroots titles out of three, Điều 22), prints her certificate, and anyone who scans its
QR code sees on the public page that it is valid — then revoked, once revoked."""

from __future__ import annotations

import shutil
import subprocess
from datetime import date
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import expect

from tests.conftest import PASSWORD
from thidua.awards import services
from thidua.awards.models import Authority, AwardType, Rating, Subject

from .conftest import SCREENSHOTS, shot, sign_in

pytestmark = pytest.mark.django_db(transaction=True)


def _tool(name: str, package: str) -> str:
    path = shutil.which(name)
    if path is None:
        pytest.fail(f"{name} is needed to read printed certificates: apt-get install {package}")
    return path


def _history(tree, teacher) -> None:
    """Grassroots titles in 2024 and 2025 (two, not three) with excellent ratings."""
    types = {t.code: t for t in AwardType.objects.filter(code__in=["ldtt", "cstdcs"])}
    for year in (2023, 2024, 2025):
        services.task_rating_save(
            actor=None, person=teacher, year=year, rating=Rating.EXCELLENT, months_worked=12
        )
    for year, number in ((2024, "45/QĐ-SGDĐT"), (2025, "52/QĐ-SGDĐT")):
        decision = services.decision_create(
            actor=None,
            issuer=tree.education,
            number=number,
            signed_on=date(year, 12, 26),
            authority=Authority.AGENCY_HEAD,
            authority_name="Giám đốc Sở Giáo dục và Đào tạo",
            signer_name="Trần Văn Đức",
            signer_title="GIÁM ĐỐC",
            kind="cong_trang",
            subject_line=f"Về việc công nhận danh hiệu thi đua năm {year}",
        )
        for code in ("ldtt", "cstdcs"):
            services.award_add(
                actor=None,
                decision=decision,
                award_type=types[code],
                subject=Subject.INDIVIDUAL,
                person=teacher,
                year=year,
            )
        services.decision_issue(actor=None, decision=decision, notify_units=False)


def test_search_history_eligibility_certificate_and_public_verification(
    page, browser, live_server, settings, tree, users, people, tmp_path
):
    settings.THIDUA_BASE_URL = live_server.url
    pdftoppm, zbarimg = _tool("pdftoppm", "poppler-utils"), _tool("zbarimg", "zbar-tools")
    teacher = people["teacher"]  # Nguyễn Thị Ánh, Trường THPT Chuyên Lê Quý Đôn
    _history(tree, teacher)

    sign_in(page, users["secretariat"].username, PASSWORD)
    page.goto("/awards/")
    page.fill("[data-testid=registry-q]", "nguyen thi anh")
    page.keyboard.press("Enter")
    rows = page.locator("[data-testid=recipient-link]", has_text="Nguyễn Thị Ánh")
    expect(rows.first).to_be_visible()
    expect(page.locator("[data-testid=recipient-link]", has_text="Lê Hoàng Long")).to_have_count(0)
    shot(page, "awards-registry-search")

    rows.first.click()
    expect(page.locator("[data-testid=history-title]")).to_contain_text("Nguyễn Thị Ánh")
    timeline = page.locator("[data-testid=timeline]")
    expect(timeline).to_contain_text("2025")
    expect(timeline).to_contain_text("Chiến sĩ thi đua cơ sở")
    expect(timeline).to_contain_text("52/QĐ-SGDĐT")

    # Eligibility for the provincial title: two consecutive grassroots titles, not three.
    check = page.locator("[data-testid=quick-check]")
    check.locator("[data-testid=check-award-type]").select_option(label="Chiến sĩ thi đua cấp tỉnh")
    check.locator("#id_check_year").fill("2025")
    check.locator("[data-testid=check-submit]").click()
    result = page.locator("#check-result")
    expect(result).to_contain_text("Không đủ điều kiện")
    expect(result).to_contain_text("03 lần liên tục")
    expect(result).to_contain_text("Điều 22 Luật Thi đua, khen thưởng 2022")
    shot(page, "awards-history-eligibility")

    # Print the 2025 certificate from its decision.
    timeline.get_by_role("link", name="52/QĐ-SGDĐT").first.click()
    expect(page.locator("[data-testid=awards]")).to_contain_text("Chiến sĩ thi đua cơ sở")
    row = page.locator("[data-testid=awards] tr", has_text="Chiến sĩ thi đua cơ sở")
    certificate = row.locator("[data-testid=certificate]")
    pdf = tmp_path / "bang.pdf"
    response = page.request.get(certificate.get_attribute("href"))
    assert response.ok and response.headers["content-type"] == "application/pdf"
    pdf.write_bytes(response.body())
    subprocess.run(
        [pdftoppm, "-png", "-r", "110", "-singlefile", str(pdf), str(tmp_path / "bang")], check=True
    )
    png = tmp_path / "bang.png"
    SCREENSHOTS.mkdir(exist_ok=True)
    shutil.copy(png, SCREENSHOTS / "awards-certificate.png")
    scanned = subprocess.run(
        [zbarimg, "--raw", "-q", str(png)], capture_output=True, text=True, check=True
    ).stdout.strip()
    assert scanned.startswith(live_server.url + "/verify/")

    # Anyone scanning it: no sign-in, only what the certificate shows, and valid.
    public = browser.new_context(base_url=live_server.url, locale="vi-VN")
    visitor = public.new_page()
    visitor.goto(urlsplit(scanned).path)
    expect(visitor.locator("[data-testid=status]")).to_have_attribute("data-status", "valid")
    expect(visitor.locator("[data-testid=name]")).to_have_text("Nguyễn Thị Ánh")
    expect(visitor.locator("[data-testid=decision]")).to_contain_text("52/QĐ-SGDĐT")
    body = visitor.locator("body").inner_text()
    assert teacher.identity_number not in body
    assert teacher.date_of_birth.strftime("%d/%m/%Y") not in body
    shot(visitor, "awards-verify-valid")

    # The secretariat revokes it; the public page says so, without the reason.
    row.locator("[data-testid=revoke]").click()
    page.fill("#id_reason", "Hồ sơ kê khai thành tích không đúng sự thật.")
    page.get_by_role("button", name="Thu hồi").click()
    expect(page.locator("[data-testid=awards] [data-testid=revoked]")).to_have_count(1)
    visitor.reload()
    expect(visitor.locator("[data-testid=status]")).to_have_attribute("data-status", "revoked")
    assert "không đúng sự thật" not in visitor.locator("body").inner_text()
    shot(visitor, "awards-verify-revoked")
    public.close()
    assert Path(SCREENSHOTS / "awards-certificate.png").stat().st_size > 10_000
