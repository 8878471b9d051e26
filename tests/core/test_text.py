"""Vietnamese text helpers: folding for search, numbers written 2.460,5, dates dd/mm/yyyy."""

import datetime
from decimal import Decimal

import pytest
from django.template import Context, Template
from django.urls import reverse
from django.utils import translation

from thidua.core.text import fold, format_number, normalize_name, parse_number

from ..conftest import client_for
from ..factories import PersonFactory


@pytest.mark.parametrize(
    ("text", "folded"),
    [
        ("Sở Nội vụ", "so noi vu"),
        ("SỞ NỘI VỤ", "so noi vu"),
        ("Đặng Thị Ánh", "dang thi anh"),
        ("đường Điện Biên Phủ", "duong dien bien phu"),
        ("Nguyễn   Thị\tÁnh ", "nguyen thi anh"),
        ("Trường THPT Chuyên Lê Quý Đôn", "truong thpt chuyen le quy don"),
        ("Ủy ban nhân dân", "uy ban nhan dan"),
        ("", ""),
        (None, ""),
    ],
)
def test_fold(text, folded):
    assert fold(text) == folded


def test_fold_treats_composed_and_decomposed_input_alike():
    import unicodedata

    name = "Nguyễn Thị Ánh"
    decomposed = unicodedata.normalize("NFD", name)
    assert decomposed != name
    assert fold(decomposed) == fold(name) == "nguyen thi anh"
    assert normalize_name(decomposed) == unicodedata.normalize("NFC", name)


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("2.460,5", Decimal("2460.5")),
        ("2.326", Decimal("2326")),
        ("37,4", Decimal("37.4")),
        ("-1.000", Decimal("-1000")),
        ("1.234.567,89", Decimal("1234567.89")),
        ("0,5", Decimal("0.5")),
        ("15", Decimal("15")),
        (" 2.460,5 ", Decimal("2460.5")),
        ("2\u00a0460", Decimal("2460")),
        ("+7", Decimal("7")),
        # As spreadsheets set to English write them.
        ("1,234.5", Decimal("1234.5")),
        ("3.75", Decimal("3.75")),
        (12, Decimal("12")),
        (Decimal("2.5"), Decimal("2.5")),
    ],
)
def test_parse_number(text, number):
    assert parse_number(text) == number


@pytest.mark.parametrize("text", [None, "", "   "])
def test_parse_number_empty_is_none(text):
    assert parse_number(text) is None


@pytest.mark.parametrize("text", ["abc", "1,2,3", "2.46,5", "12a", "1..0", ",5", "--1", "1 000 x"])
def test_parse_number_refuses_garbage(text):
    with pytest.raises(ValueError):
        parse_number(text)


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (2460.5, "2.460,5"),
        (Decimal("2326"), "2.326"),
        (37.4, "37,4"),
        (-1000, "-1.000"),
        (1234567.89, "1.234.567,89"),
        (999, "999"),
        (0, "0"),
        (None, ""),
    ],
)
def test_format_number(value, text):
    assert format_number(value) == text


def test_format_number_with_fixed_decimals():
    assert format_number(2460.5, 2) == "2.460,50"
    assert format_number(Decimal("2460.456"), 1) == "2.460,5"


@pytest.mark.parametrize("value", ["2.460,5", "2.326", "37,4", "-1.000", "1.234.567,89"])
def test_format_and_parse_round_trip(value):
    assert format_number(parse_number(value)) == value


def test_vn_number_filter_ignores_the_active_language():
    template = Template("{{ value|vn_number }}|{{ value|vn_number:2 }}")
    with translation.override("en"):
        assert template.render(Context({"value": Decimal("2460.5")})) == "2.460,5|2.460,50"


def test_person_page_shows_date_of_birth_as_dd_mm_yyyy(tree, users):
    person = PersonFactory(
        full_name="Hoàng Minh Châu", unit=tree.school, date_of_birth=datetime.date(1985, 5, 17)
    )
    response = client_for(users["secretariat"]).get(
        reverse("org:person_detail", args=[person.pk]), HTTP_ACCEPT_LANGUAGE="vi"
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "17/05/1985" in html
    assert "1985-05-17" not in html
    assert "May 17, 1985" not in html


def test_person_form_accepts_dates_typed_dd_mm_yyyy(tree, users):
    response = client_for(users["secretariat"]).post(
        reverse("org:person_create"),
        {
            "full_name": "Hoàng Minh Châu",
            "gender": "nu",
            "date_of_birth": "02/09/1990",
            "ethnicity": "01",
            "unit": tree.school.pk,
            "management_level": "truc_tiep",
            "is_active": "on",
        },
    )
    assert response.status_code == 302, response.context["form"].errors
    from thidua.org.models import Person

    assert Person.objects.get(full_name="Hoàng Minh Châu").date_of_birth == datetime.date(
        1990, 9, 2
    )
