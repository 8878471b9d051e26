"""A person signs in, searches people without diacritics and opens a unit."""

import re

import pytest
from playwright.sync_api import expect

from tests.conftest import PASSWORD

from .conftest import shot, sign_in

pytestmark = pytest.mark.django_db(transaction=True)


def test_sign_in_and_see_navigation_for_the_role(page, users):
    page.goto("/")
    expect(page).to_have_url(re.compile(r"/accounts/login/"))
    shot(page, "01-login")
    sign_in(page, "officer", "wrong password")
    expect(page.locator(".alert-danger")).to_be_visible()
    sign_in(page, "officer", PASSWORD)
    expect(page.get_by_role("heading", name="Tổng quan")).to_be_visible()
    nav = page.locator("#mainnav")
    expect(nav.get_by_role("link", name="Cá nhân")).to_be_visible()
    # A unit officer does not get the audit log in the navigation.
    expect(nav.get_by_role("link", name="Nhật ký")).to_have_count(0)
    shot(page, "02-home-officer")


def test_search_person_without_diacritics(page, users, people):
    sign_in(page, "secretariat", PASSWORD)
    page.goto("/org/people/")
    page.fill("#id_q", "nguyen thi anh")
    expect(page.get_by_test_id("person-link")).to_have_count(1)
    expect(page.get_by_test_id("person-link").first).to_have_text("Nguyễn Thị Ánh")
    shot(page, "03-people-search")
    page.get_by_test_id("person-link").first.click()
    expect(page.get_by_role("heading", name="Nguyễn Thị Ánh")).to_be_visible()
    expect(page.get_by_text("17/05/1985")).to_be_visible()
    shot(page, "04-person")


def test_open_a_unit_from_the_tree(page, users, people, tree):
    sign_in(page, "secretariat", PASSWORD)
    page.goto("/org/units/")
    root = page.locator(
        "li", has=page.get_by_role("link", name="Tỉnh Thử Nghiệm", exact=True)
    ).first
    root.locator("[data-tree-toggle]").click()
    expect(page.get_by_role("link", name="Sở Giáo dục và Đào tạo")).to_be_visible()
    shot(page, "05-tree-expanded")
    page.fill("#id_q", "so giao duc")
    expect(page.get_by_test_id("unit-link")).to_have_count(1)
    page.get_by_test_id("unit-link").first.click()
    expect(page.get_by_role("heading", name=re.compile("Sở Giáo dục và Đào tạo"))).to_be_visible()
    expect(page.get_by_role("link", name="Trường THPT Chuyên Lê Quý Đôn")).to_be_visible()
    page.get_by_role("link", name=re.compile("^Cá nhân")).click()
    expect(page.get_by_role("link", name="Trần Văn Đức")).to_be_visible()
    shot(page, "06-unit-people")


def test_unit_officer_cannot_open_a_sibling_unit(page, users, tree):
    sign_in(page, "officer", PASSWORD)
    response = page.goto(f"/org/units/{tree.health.pk}/")
    assert response.status == 404


def test_add_a_person_picking_the_unit_by_typing(page, users, tree):
    from thidua.org.models import Person

    sign_in(page, "officer", PASSWORD)
    page.goto("/org/people/new/")
    page.fill("#id_full_name", "Đinh Thị Thu Trang")
    page.select_option("#id_gender", "nu")
    page.fill("#id_date_of_birth", "05/03/1992")
    page.click("#id_unit-ts-control")
    page.keyboard.type("le quy don")
    page.locator(".ts-dropdown .option", has_text="Trường THPT Chuyên Lê Quý Đôn").click()
    shot(page, "09-person-unit-picker")
    page.locator("main button[type=submit]").click()
    expect(page.get_by_role("heading", name="Đinh Thị Thu Trang")).to_be_visible()
    person = Person.objects.get(full_name="Đinh Thị Thu Trang")
    assert person.unit == tree.school
    assert person.date_of_birth.isoformat() == "1992-03-05"
