"""The secretariat launches a movement with three targets; a unit officer registers and
reports progress; the movement page shows the completion and the chart."""

import re
from datetime import date
from decimal import Decimal

import pytest
from playwright.sync_api import expect

from tests.conftest import PASSWORD
from thidua.movements import completion
from thidua.movements.models import Movement, Registration, Target

from .conftest import shot, sign_in

pytestmark = pytest.mark.django_db(transaction=True)

# A 1×1 PNG: evidence is checked by content.
PNG = bytes.fromhex(
    "89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489"
    "0000000d4944415478da63f8cfc0f01f0005000201a5dd2ea90000000049454e44ae426082"
)


def pick(page, field: str, text: str) -> None:
    """Choose ``text`` in the Tom Select unit picker of ``field``."""
    page.click(f"#id_{field}-ts-control")
    page.fill(f"#id_{field}-ts-control", text)
    page.locator(".ts-dropdown .option", has_text=text).first.click()
    page.keyboard.press("Escape")
    expect(page.locator(f"#id_{field}-ts-dropdown")).to_be_hidden()


def add_target(page, movement_pk: int, **fields) -> None:
    page.goto(f"/movements/{movement_pk}/targets/new/")
    page.fill("#id_indicator", fields["indicator"])
    page.fill("#id_measure", fields["measure"])
    page.select_option("#id_comparator", fields["comparator"])
    page.fill("#id_value", fields["value"])
    if "group" in fields:
        page.select_option("#id_group", fields["group"])
    if fields.get("cumulative"):
        page.check("#id_cumulative")
    if "unit" in fields:
        pick(page, "unit", fields["unit"])
    page.locator("[data-testid=target-form] button[type=submit]").first.click()
    expect(page.locator(".invalid-feedback")).to_have_count(0)


def test_launch_register_report_and_see_the_chart(browser, live_server, page, users, people):
    today = date.today()
    year = today.year
    # The latest reporting quarter that has started: the officer reports it.
    start, end = [
        p for p in completion.periods("quy", date(year, 1, 1), date(year, 12, 31)) if p[0] <= today
    ][-1]

    # The secretariat drafts the movement.
    sign_in(page, "secretariat", PASSWORD)
    page.goto("/movements/")
    page.get_by_test_id("movement-create").click()
    page.fill("#id_title", f"Phong trào thi đua thực hiện thắng lợi nhiệm vụ năm {year}")
    page.select_option("#id_kind", "thuong_xuyen")
    page.fill("#id_document_number", "09/CT-UBND")
    page.fill("#id_starts_on", f"01/01/{year}")
    page.fill("#id_ends_on", f"31/12/{year}")
    page.fill("#id_theme", "Đoàn kết, đổi mới, sáng tạo, linh hoạt")
    page.fill("#id_mottos", "“Đoàn kết, kỷ cương”\n“Bứt phá, phát triển”")
    page.select_option("#id_report_frequency", "quy")
    page.fill("#id_registration_opens", f"01/01/{year}")
    page.fill("#id_registration_closes", f"31/12/{year}")
    shot(page, "10-movement-form")
    page.locator("[data-testid=movement-form] button[type=submit]").last.click()
    expect(page).to_have_url(re.compile(r"/movements/\d+/contents/"))
    movement = Movement.objects.get()
    assert movement.issuer.code == "T99.UBND"
    assert movement.mottos == ["Đoàn kết, kỷ cương", "Bứt phá, phát triển"]

    page.locator("[name$='-0-label']").fill("Một là")
    page.locator("[name$='-0-text']").fill("Thi đua hoàn thành các chỉ tiêu kinh tế - xã hội.")
    page.locator("[data-testid=contents-form] button[type=submit]").first.click()
    expect(page.get_by_test_id("errors")).to_have_count(0)

    # Three targets: a rate, a cumulative amount, and one Sở GD&ĐT reports.
    add_target(
        page,
        movement.pk,
        indicator="Tốc độ tăng trưởng GRDP",
        measure="%",
        comparator="dat",
        value="7,5",
        group="kinh_te",
    )
    add_target(
        page,
        movement.pk,
        indicator="Thu ngân sách nhà nước trên địa bàn",
        measure="tỷ đồng",
        comparator="dat",
        value="2.460",
        cumulative=True,
    )
    add_target(
        page,
        movement.pk,
        indicator="Tỷ lệ trường học đạt chuẩn quốc gia",
        measure="%",
        comparator="dat",
        value="59,1",
        group="xa_hoi",
        unit="Sở Giáo dục và Đào tạo",
    )
    targets = list(Target.objects.filter(movement=movement).order_by("order"))
    assert [t.value for t in targets] == [Decimal("7.5"), Decimal("2460"), Decimal("59.1")]
    schools = targets[2]
    assert schools.unit.code == "T99.SGDDT"

    page.goto(f"/movements/{movement.pk}/participants/")
    pick(page, "units", "Sở Giáo dục và Đào tạo")
    pick(page, "units", "Sở Y tế")
    page.locator("[data-testid=participants-form] button[type=submit]:not([name])").click()
    expect(page.locator("[data-testid=participants-form]")).to_be_visible()
    assert movement.participations.count() == 2

    page.goto(f"/movements/{movement.pk}/launch/")
    shot(page, "11-movement-launch")
    page.get_by_test_id("launch").click()
    expect(page).to_have_url(re.compile(rf"/movements/{movement.pk}/$"))
    movement.refresh_from_db()
    assert movement.status == "phat_dong"
    # The officers of the participating units were told.
    assert users["unit_officer"].notifications.filter(url__contains=str(movement.pk)).exists()

    # The officer of Sở GD&ĐT registers, then reports the quarter with evidence.
    context = browser.new_context(base_url=live_server.url, viewport={"width": 1366, "height": 900})
    officer = context.new_page()
    officer.set_default_timeout(15_000)
    sign_in(officer, "officer", PASSWORD)
    officer.goto(f"/movements/{movement.pk}/")
    officer.get_by_test_id("register-my-unit").click()
    officer.select_option("#id_collective_title", "ttldxs")
    officer.locator("button[name=action][value=submit]").click()
    registration = Registration.objects.get(movement=movement)
    assert registration.status == "da_gui"
    assert registration.collective_title == "ttldxs"

    officer.goto(f"/movements/targets/{schools.pk}/report/?period_end={end.isoformat()}")
    officer.fill("#id_actual", "55,2")
    officer.set_input_files(
        "input[type=file]",
        files=[{"name": "bao-cao.png", "mimeType": "image/png", "buffer": PNG}],
    )
    officer.locator("[data-testid=report-form] button[type=submit]").click()
    # 55,2 ÷ 59,1 = 93,4 %.
    expect(officer.get_by_test_id("completion")).to_have_text("93%")
    shot(officer, "12-report-saved")
    schools.refresh_from_db()
    assert schools.latest_actual == Decimal("55.2")
    assert schools.reports.get().evidence.count() == 1

    # The movement page: the target's bar shows its completion, the chart is drawn.
    officer.goto(f"/movements/{movement.pk}/")
    row = officer.locator(f"tr[data-target='{schools.pk}']")
    expect(row.locator(".progress-bar")).to_have_text(re.compile(r"93,4\s*%"))
    assert row.get_attribute("data-status") == schools.status
    shot(officer, "13-movement-page-officer")
    page.goto(f"/movements/{movement.pk}/")
    expect(page.locator("canvas").first).to_be_visible()
    page.wait_for_function("() => window.Chart && Object.keys(Chart.instances).length > 0")
    shot(page, "14-movement-page-secretariat")
    officer.goto(f"/movements/targets/{schools.pk}/")
    officer.wait_for_function("() => window.Chart && Object.keys(Chart.instances).length > 0")
    points = officer.evaluate(
        "() => Object.values(Chart.instances)[0].data.datasets[0].data.filter(v => v !== null)"
    )
    assert points == [pytest.approx(55.2)]
    shot(officer, "15-target-trend")
    context.close()
