"""Vietnamese text helpers: diacritic folding for search, number parsing and formatting."""

from __future__ import annotations

import re
import unicodedata
from decimal import Decimal, InvalidOperation

_SPACES = re.compile(r"\s+")


def fold(text: str | None) -> str:
    """Return ``text`` without diacritics, with đ→d, lower case and single spaces.

    "Sở Nội vụ" → "so noi vu", "Đặng Thị Ánh" → "dang thi anh". Stored beside every
    searchable name so that a search typed without diacritics finds it.
    """
    if not text:
        return ""
    text = text.replace("đ", "d").replace("Đ", "D")
    decomposed = unicodedata.normalize("NFD", text)
    stripped = "".join(ch for ch in decomposed if unicodedata.category(ch) != "Mn")
    return _SPACES.sub(" ", stripped).strip().lower()


def normalize_name(text: str | None) -> str:
    """Composed Unicode (NFC) with single spaces: how names are stored."""
    if not text:
        return ""
    return _SPACES.sub(" ", unicodedata.normalize("NFC", text)).strip()


def parse_number(text: str | int | float | Decimal | None) -> Decimal | None:
    """Parse a number written the Vietnamese way ("2.460,5", "37,4", "2.326") or plainly.

    A dot followed by exactly three digits is a thousands separator; a comma is the
    decimal mark. Returns ``None`` for empty input and raises ``ValueError`` otherwise.
    """
    if text is None:
        return None
    if isinstance(text, int | float | Decimal):
        return Decimal(str(text))
    raw = text.strip().replace("\u00a0", "").replace(" ", "")
    if not raw:
        return None
    sign = ""
    if raw[0] in "+-":
        sign, raw = raw[0].replace("+", ""), raw[1:]
    if re.fullmatch(r"\d{1,3}(\.\d{3})+(,\d+)?", raw) or re.fullmatch(r"\d+(,\d+)?", raw):
        normal = raw.replace(".", "").replace(",", ".")
    elif re.fullmatch(r"\d{1,3}(,\d{3})+(\.\d+)?", raw):
        # English grouping, as written by spreadsheets set to English.
        normal = raw.replace(",", "")
    elif re.fullmatch(r"\d+\.\d+", raw):
        normal = raw
    else:
        raise ValueError(f"not a number: {text!r}")
    try:
        return Decimal(sign + normal)
    except InvalidOperation as exc:  # pragma: no cover - the regexes above exclude it
        raise ValueError(f"not a number: {text!r}") from exc


def format_number(value: int | float | Decimal | None, decimals: int | None = None) -> str:
    """Format a number the Vietnamese way: 2460.5 → "2.460,5"."""
    if value is None:
        return ""
    number = Decimal(str(value))
    if decimals is not None:
        number = round(number, decimals)
    sign = "-" if number < 0 else ""
    text = format(abs(number), "f")
    whole, _, frac = text.partition(".")
    if decimals is None:
        frac = frac.rstrip("0")
    groups = []
    while len(whole) > 3:
        groups.insert(0, whole[-3:])
        whole = whole[:-3]
    groups.insert(0, whole)
    result = ".".join(groups)
    return sign + result + ("," + frac if frac else "")
