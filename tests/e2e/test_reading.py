"""The secretariat pastes a real launch article (seed 000), checks the targets highlighted
in the text, corrects one value and confirms: the draft movement has those targets."""

import re
from decimal import Decimal
from pathlib import Path

import pytest
from playwright.sync_api import expect

from tests.conftest import PASSWORD
from thidua.movements.models import Movement

from .conftest import SCREENSHOTS, shot, sign_in

pytestmark = pytest.mark.django_db(transaction=True)

SEED = Path(__file__).parent.parent / "reading" / "texts" / "seed_000.txt"


def test_paste_review_correct_and_confirm(page, users):
    text = SEED.read_text(encoding="utf-8")
    sign_in(page, "secretariat", PASSWORD)
    page.goto("/movements/")
    page.get_by_test_id("reading-start").click()
    page.fill("#id_text", text)
    page.get_by_test_id("reading-read").click()
    expect(page).to_have_url(re.compile(r"/reading/[\w-]+/$"))
    assert not Movement.objects.exists()

    # Every target read is highlighted in the text and has its row.
    source = page.get_by_test_id("reading-source")
    targets = source.locator("mark.rd-target")
    count = targets.count()
    assert count >= 8
    expect(page.get_by_test_id("target-row")).to_have_count(count + 1)  # + the empty row
    budget = targets.filter(has_text="2.326")
    expect(budget).to_have_count(1)

    # Clicking the highlight leads to its value, which the secretariat corrects.
    budget.click()
    ref = budget.get_attribute("data-ref")
    value = page.locator(f"#id_{ref}")
    expect(value).to_be_focused()
    expect(value).to_have_value("2.326")
    value.fill("2.400")
    expect(budget).to_have_class(re.compile(r"\brd-active\b"))
    expect(value).to_be_in_viewport(ratio=1)
    # What the secretariat sees: the text beside the row being corrected.
    SCREENSHOTS.mkdir(exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / "16-reading-review.png"))
    # A field leads back to the text: the title, focused, is highlighted where it was read.
    page.locator("#id_title").focus()
    expect(source.locator("mark.rd-active[data-ref=title]").first).to_be_visible()
    page.evaluate("window.scrollTo(0, 0)")
    page.screenshot(path=str(SCREENSHOTS / "17-reading-review-top.png"))
    included = page.locator("input[type=checkbox][name^=targets-][name$=-include]:checked").count()

    page.get_by_test_id("reading-confirm").click()
    expect(page).to_have_url(re.compile(r"/movements/\d+/$"))
    movement = Movement.objects.get()
    assert movement.status == "nhap"
    assert movement.issuer.code == "T99.UBND"
    assert movement.source_text.startswith("Phát động phong trào thi đua năm 2022")
    values = list(movement.targets.values_list("value", flat=True))
    assert len(values) == included
    assert Decimal("2400") in values
    assert Decimal("2326") not in values
    assert Decimal("37.4") in values  # GRDP per head, read as 37,4 triệu đồng/người/năm
    shot(page, "18-reading-draft")
