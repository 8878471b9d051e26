"""The language the reader knows: Vietnamese numbers, units of measure, comparator words.

Pure Python, no Django models. Every pattern is compiled once, at import. Patterns that
look for words run on the lower-cased text (same length as the text, so offsets carry
over); Vietnamese diacritics are kept, since folding them would make "đất" (land) read as
"đạt" (reach) and "giám đốc" as "giảm".
"""

from __future__ import annotations

import re
from dataclasses import dataclass


def _(message: str) -> str:
    """gettext when Django is configured (the page, the tests); the English msgid otherwise
    (``python -m thidua.reading`` run without settings)."""
    from django.conf import settings

    if not settings.configured:
        return message
    from django.utils.translation import gettext

    return gettext(message)


def lower(text: str) -> str:
    """Lower case that keeps every offset (str.lower may lengthen a few rare letters)."""
    low = text.lower()
    if len(low) == len(text):
        return low
    return "".join(c.lower() if len(c.lower()) == 1 else c for c in text)


# --- numbers -----------------------------------------------------------------------------

# One number as written. Order matters (the first alternative that matches wins):
# Vietnamese grouping "2.326" / "2.460,5", English grouping with at least two groups
# "1,000,000", a decimal comma "37,4", a decimal point "10.2", an integer.
NUMBER = (
    r"\d{1,3}(?:\.\d{3})+(?:,\d+)?(?![.\d])"
    r"|\d{1,3}(?:,\d{3}){2,}(?:\.\d+)?"
    r"|\d+,\d+"
    r"|\d+\.\d{1,2}(?![.\d])"
    r"|\d+"
)
NUMBER_RE = re.compile(rf"(?<![\w/:.,\-–+])(?:{NUMBER})")


@dataclass(frozen=True)
class Number:
    value: float
    ambiguous: bool = False  # "2,500" (decimal comma or English grouping?), "10.2"
    leading_zero: bool = False  # "02", "06": how counts are written in documents
    integer_text: bool = False  # no decimal part at all


def parse_number(raw: str) -> Number:
    """Read one number written the Vietnamese way ("2.326" → 2326, "37,4" → 37.4)."""
    raw = raw.strip()
    if re.fullmatch(r"\d{1,3}(?:\.\d{3})+(?:,\d+)?", raw):
        whole, _sep, frac = raw.partition(",")
        return Number(float(whole.replace(".", "") + ("." + frac if frac else "")))
    if re.fullmatch(r"\d{1,3}(?:,\d{3}){2,}(?:\.\d+)?", raw):
        return Number(float(raw.replace(",", "")))
    if re.fullmatch(r"\d+,\d+", raw):
        whole, frac = raw.split(",")
        # "2,500" is 2.5 in Vietnamese and 2500 in English: the caller decides by the unit.
        return Number(float(f"{whole}.{frac}"), ambiguous=len(frac) == 3)
    if re.fullmatch(r"\d+\.\d+", raw):
        return Number(float(raw), ambiguous=True)
    return Number(float(raw), leading_zero=len(raw) > 1 and raw[0] == "0", integer_text=True)


def english_grouping(raw: str) -> float | None:
    """ "2,500" read as English thousands (2500); None when it cannot be read that way."""
    if re.fullmatch(r"\d{1,3}(?:,\d{3})+", raw):
        return float(raw.replace(",", ""))
    return None


def clean_value(value: float) -> float | int:
    """2326.0 → 2326 so the JSON reads like the document; fractions keep 6 decimals."""
    rounded = round(value, 6)
    return int(rounded) if rounded == int(rounded) else rounded


# --- units of measure --------------------------------------------------------------------

_SCALE = r"(?:nghìn|ngàn|triệu|tỷ|tỉ)"
_MONEY = r"(?:đồng|usd|đô\s?la(?:\s+mỹ)?|euro|vnđ|vnd)"
# "/người/năm", "/1 vạn dân", "/1.000 dân", "/ha"…
_PER = (
    r"(?:\s*/\s*(?:1\s+|01\s+|một\s+)?(?:vạn\s+dân|nghìn\s+dân|ngàn\s+dân|1\.000\s+dân|10\.000\s+dân"
    r"|người|năm|tháng|ngày|ha|hộ|lao\s+động|km2|km|dân|xã|trẻ|học\s+sinh))*"
)
# Counted things (classifier and noun together, as written), longest first so "lượt khách"
# wins over "lượt". What follows the noun ("hộ nghèo", "cây xanh") belongs to the indicator.
_COUNT_NOUNS = sorted(
    """lượt khách|lượt người|lượt du khách|lượt|lao động|người|hộ|xã|phường|thị trấn|huyện
    thôn|bản|làng|tổ dân phố|khu dân cư|doanh nghiệp|hợp tác xã|htx|trang trại|cơ sở
    trường học|trường|lớp học|lớp|học sinh|sinh viên|giáo viên|bác sĩ|giường bệnh|giường
    trạm y tế|công trình|dự án|mô hình|sáng kiến|đề tài|sản phẩm|căn nhà|ngôi nhà|căn hộ|căn
    nhà|cây|con|tiêu chí|điểm|vụ|cuộc|buổi|lần|hội viên|đoàn viên|đảng viên|thanh niên
    chiến sĩ|tổ chức|cơ quan|đơn vị|gia đình|tập thể|cá nhân|thủ tục|hồ sơ|khu công nghiệp
    cụm công nghiệp|chợ|điểm du lịch|thuê bao|tài khoản|máy|xe|tuyến|cầu|giống|chỉ tiêu
    nội dung|nhiệm vụ|giải pháp|nhóm|phong trào|năm|tháng|tuần|ngày|giờ|phút|tuổi|tỉnh
    thành phố|quận|thị xã|nước|quốc gia|chương trình|kế hoạch|đợt|giải|huy chương|danh hiệu
    bằng khen|giấy khen|suất quà|suất|phần quà|ca|mũi|liều|bệnh nhân|trẻ|cháu|việc làm|ô tô
    chuyến|container|công đoàn cơ sở|công đoàn|chi bộ|tổ|nhóm hộ|vạn dân|nghìn dân|dân
    ngàn dân|đại biểu|tiết mục|bản""".replace("\n", "|").split("|"),
    key=len,
    reverse=True,
)
_MEASURES = r"tấn|tạ|kg|ha|héc\s?ta|km2|km²|km|m2|m²|m3|m³|mét|m|lít|mw|kw|kwh|gw|gwh|cái|chiếc|bộ"
_COUNT_ALT = "|".join(n.strip().replace(" ", r"\s+") for n in _COUNT_NOUNS)
_W = r"[^\W\d_]+"
# A ratio written out: "bé trai/100 bé gái", "bác sĩ/1 vạn dân".
_RATIO = rf"{_W}(?:\s{_W})?\s*/\s*(?:\d[\d.]*\s+)?{_W}(?:\s{_W})?"
UNIT_RE = re.compile(
    rf"\s?(?P<unit>(?:%|‰|phần\s+trăm|phần\s+nghìn){_PER}"
    r"|điểm\s+phần\s+trăm|điểm\s+%"
    rf"|{_SCALE}\s+{_MONEY}{_PER}"
    rf"|{_MONEY}{_PER}"
    rf"|(?:{_SCALE}\s+)?(?:{_COUNT_ALT})\s*/\s*(?:\d[\d.]*\s+)?(?:{_COUNT_ALT})(?:/{_W})?"
    rf"|(?:{_SCALE}\s+)?(?:{_COUNT_ALT}){_PER}"
    rf"|(?:{_SCALE}\s+)?(?:{_MEASURES}){_PER}"
    rf"|{_RATIO}"
    rf"|{_SCALE}"
    r")(?![\w²³])"
)
# Counted things that are never a target: the document's own parts, places, award
# recipients (award quotas are not targets), per-capita bases, anniversaries.
COUNT_NOT_TARGET = frozenset(
    s.strip()
    for s in """chỉ tiêu|nội dung|nhiệm vụ|giải pháp|nhóm|phong trào|năm|chương trình|kế hoạch|đợt
    tỉnh|thành phố|quận|thị xã|nước|quốc gia|tập thể|cá nhân|bằng khen|giấy khen|huy chương
    danh hiệu|giải|vạn dân|nghìn dân|ngàn dân|dân|đại biểu|tiết mục|bản""".replace("\n", "|").split(
        "|"
    )
)
# Durations and ages are targets only with a comparator ("không quá 60 phút"): "trong 4
# tháng đầu năm", "trẻ em dưới 5 tuổi" qualify something else.
TIME_UNITS = frozenset({"tháng", "tuần", "ngày", "giờ", "phút", "tuổi"})
# Units whose values are whole things: "2,500 lao động" is 2500 people, not 2.5.
MONEY_OR_RATE = re.compile(rf"^(?:%|‰|{_SCALE}\b|{_MONEY}|.*\b(?:{_MEASURES})\b)")

_SPACES = re.compile(r"\s+")


def normalise_unit(raw: str) -> str:
    """Lightly normalise a unit as written: single spaces, "tỉ" → "tỷ", "ngàn" → "nghìn",
    "/1 vạn dân" → "/vạn dân", "phần trăm" → "%"."""
    unit = _SPACES.sub(" ", raw.strip().lower())
    unit = re.sub(r"\s*/\s*", "/", unit)
    unit = re.sub(r"/(?:1|01|một) ", "/", unit)
    unit = re.sub(r"\btỉ\b", "tỷ", unit)
    unit = re.sub(r"\bngàn\b", "nghìn", unit)
    unit = re.sub(r"\b(?:đô ?la(?: mỹ)?|usd)\b", "USD", unit)
    unit = re.sub(r"\b(?:vnđ|vnd)\b", "đồng", unit)
    unit = unit.replace("héc ta", "ha").replace("hécta", "ha").replace("km²", "km2")
    unit = unit.replace("m²", "m2").replace("m³", "m3")
    unit = re.sub(r"\bmw\b", "MW", unit)
    unit = re.sub(r"\bkwh\b", "kWh", unit)
    unit = re.sub(r"\bkw\b", "kW", unit)
    unit = re.sub(r"\bgwh\b", "GWh", unit)
    unit = re.sub(r"\bhtx\b", "HTX", unit)
    unit = re.sub(r"\bocop\b", "OCOP", unit)
    unit = {"phần trăm": "%", "phần nghìn": "‰", "điểm %": "điểm phần trăm"}.get(unit, unit)
    return unit


def unit_head(unit: str) -> str:
    """The counted noun of a unit: "triệu lượt khách" → "lượt khách", "bác sĩ/vạn dân" →
    "bác sĩ"."""
    head = unit.split("/")[0]
    return re.sub(rf"^{_SCALE}\s+", "", head).strip()


def is_count_unit(unit: str) -> bool:
    """A unit that counts things (people, communes), as opposed to money, rates, measures."""
    return not MONEY_OR_RATE.match(unit)


_COUNT_NOUN_SET = frozenset(n.strip() for n in _COUNT_NOUNS)


def counted_noun(unit: str) -> str | None:
    """The thing a unit counts, to complete an indicator ("đào tạo nghề cho" + "lao động");
    None for money, rates and measures."""
    head = unit_head(unit)
    if head not in _COUNT_NOUN_SET or head in TIME_UNITS or head in COUNT_NOT_TARGET:
        return None
    return head


# Composite amounts: "12.739 tỷ 600 triệu đồng" → 12739.6 tỷ đồng.
_SCALE_FACTOR = {"nghìn": 1e3, "ngàn": 1e3, "triệu": 1e6, "tỷ": 1e9, "tỉ": 1e9}
COMPOSITE_RE = re.compile(
    rf"\s?(?P<big>{_SCALE})\s+(?P<num>{NUMBER})\s+(?P<small>{_SCALE})(?P<rest>\s+{_MONEY}{_PER})?(?![\w])"
)


def scale_factor(word: str) -> float:
    return _SCALE_FACTOR[word]


# --- comparators -------------------------------------------------------------------------

# Phrases (lower case) just before a number, and the comparator each means. Longest first
# at match time. "giảm xuống còn 43.048 hộ" is a level not to exceed, not a decrease by.
COMPARATOR_WORDS: dict[str, str] = {
    "đạt": "dat",
    "đạt mức": "dat",
    "đạt được": "dat",
    "đạt bình quân": "dat",
    "ước đạt": "dat",
    "phấn đấu đạt": "dat",
    "ở mức": "dat",
    "tăng lên": "dat",
    "nâng lên": "dat",
    "nâng tỷ lệ lên": "dat",
    "lên": "dat",
    "khoảng": "khoang",
    "ước khoảng": "khoang",
    "xấp xỉ": "khoang",
    "gần": "khoang",
    "chừng": "khoang",
    "trên": "tren",
    "hơn": "tren",
    "vượt": "tren",
    "cao hơn": "tren",
    "lớn hơn": "tren",
    "nhiều hơn": "tren",
    "vượt trên": "tren",
    "ít nhất": "toi_thieu",
    "tối thiểu": "toi_thieu",
    "không dưới": "toi_thieu",
    "không thấp hơn": "toi_thieu",
    "không ít hơn": "toi_thieu",
    "đạt và vượt": "toi_thieu",
    "dưới": "duoi",
    "thấp hơn": "duoi",
    "ít hơn": "duoi",
    "xuống dưới": "duoi",
    "giảm xuống dưới": "duoi",
    "không quá": "khong_qua",
    "không vượt quá": "khong_qua",
    "tối đa": "khong_qua",
    "không cao hơn": "khong_qua",
    "không nhiều hơn": "khong_qua",
    "không lớn hơn": "khong_qua",
    "xuống còn": "khong_qua",
    "giảm xuống còn": "khong_qua",
    "giảm còn": "khong_qua",
    "xuống": "khong_qua",
    "giảm xuống": "khong_qua",
    "tăng": "tang",
    "tăng thêm": "tang",
    "tăng bình quân": "tang",
    "giảm": "giam",
    "giảm thêm": "giam",
    "giảm bớt": "giam",
    "giảm bình quân": "giam",
    "kéo giảm": "giam",
    "cắt giảm": "giam",
}
# Words that may stand between the comparator and the number: "tăng trong năm 960",
# "đạt bình quân 10,2", "đạt từ 75% trở lên". ("giảm cả 3 tiêu chí": cả marks a count.)
FILLERS = (
    "bình quân",
    "trong năm",
    "mỗi năm",
    "hằng năm",
    "hàng năm",
    "mức",
    "thêm",
    "tổng cộng",
    "ổn định",
    "từ",
)
# Postfix comparators: "95% trở lên".
POSTFIX_RE = re.compile(r"\s*(?P<post>trở lên|trở xuống)\b")
POSTFIX = {"trở lên": "toi_thieu", "trở xuống": "khong_qua"}

_COMP_ALT = "|".join(
    re.escape(w).replace(r"\ ", r"\s+") for w in sorted(COMPARATOR_WORDS, key=len, reverse=True)
)
_FILL_ALT = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in FILLERS)
# Matched against the text just before a number (lower case), anchored at its end.
COMPARATOR_BEFORE_RE = re.compile(
    rf"(?<![\w])(?P<comp>{_COMP_ALT})(?P<fill>(?:\s+(?:{_FILL_ALT}))*)\s*$"
)
STRONG = {"tren", "duoi", "khoang", "toi_thieu", "khong_qua"}
CHANGE = {"tang", "giam"}


def combine_comparators(found: list[str]) -> str | None:
    """Several comparator words before one number, nearest first: the most specific wins.
    "tăng trên 10%" is an increase; "đạt trên 95%" is above; "phấn đấu đạt" is reach."""
    if not found:
        return None
    nearest = found[0]
    if nearest in CHANGE:
        return nearest
    if any(c in CHANGE for c in found[1:]) and nearest in {"tren", "khoang", "toi_thieu"}:
        return next(c for c in found if c in CHANGE)
    for c in found:
        if c in STRONG:
            return c
    return found[0]


# --- references ---------------------------------------------------------------------------

REFERENCE_RE = re.compile(
    r"\s*,?\s*(?:\(\s*)?(?P<ref>so\s+(?:với|cùng)\s+[^,;.:()\n]{1,80}?)(?=\s*(?:[,;:()\n]|\.(?!\d)|$))"
)

# --- contexts ---------------------------------------------------------------------------

# Just before a number, these make it a label, not a quantity: "Chỉ thị số 19",
# "lần thứ 13", "giai đoạn 1", "Đường tỉnh 927", "kỷ niệm 70 năm".
NOT_TARGET_BEFORE_RE = re.compile(
    r"(?<![\w])(?:số|thứ|lần\s+thứ|khóa|khoá|điều|khoản|mục|chương|phần|điểm|ngày|tháng|năm"
    r"|giai\s+đoạn|đợt|vòng|tuyến|đường\s+tỉnh|đường\s+huyện|quốc\s+lộ|tỉnh\s+lộ|ql|đt|đh"
    r"|thành\s+phần|dự\s+án|gói\s+thầu|kỷ\s+niệm|lúc|hôm\s+nay|hôm\s+qua|lượt\s+xem|top"
    r"|nhóm|cấp|hạng|loại|mức\s+độ|phòng|lô|khu|cụm|tổ|đội|ấp|khối|tiểu\s+khu"
    r"|cả|tất\s+cả|các|những|gồm|trong|về|của|với|hơn\s+cả)\s*$"
)
# Past results, not goals: "năm 2021 đã đạt", "kết quả", "năm qua", "theo báo cáo".
PAST_CUE_RE = re.compile(
    r"(?<![\w])(?:đã|kết\s+quả|năm\s+qua|vừa\s+qua|đạt\s+được\s+trong|ước\s+thực\s+hiện"
    r"|thực\s+hiện\s+được|so\s+với\s+kế\s+hoạch|theo\s+báo\s+cáo|báo\s+cáo\s+cho\s+biết"
    r"|cho\s+biết)(?![\w])"
)
# Words that turn a sentence back to what is to be done.
FUTURE_CUE_RE = re.compile(
    r"(?<![\w])(?:phấn\s+đấu|sẽ|cần|phải|đặt\s+ra|đề\s+ra|mục\s+tiêu|phát\s+động|đề\s+nghị"
    r"|yêu\s+cầu|năm\s+tới)(?![\w])"
)
# Verbs of doing something countable: after one of them a number with a unit is a goal even
# without a comparator word ("khởi công 02 khu công nghiệp", "trồng mới 600 ha rừng").
ACTION_RE = re.compile(
    r"(?<![\w])(?:xây\s+dựng|xây\s+mới|sửa\s+chữa|làm\s+mới|nâng\s+cấp|cải\s+tạo|trồng\s+mới"
    r"|trồng|khởi\s+công|khánh\s+thành|thành\s+lập|kết\s+nạp|phát\s+triển\s+mới|tặng"
    r"|hỗ\s+trợ|đào\s+tạo|bồi\s+dưỡng|tập\s+huấn|giải\s+quyết\s+việc\s+làm|tạo\s+việc\s+làm"
    r"|thu\s+hút|đón|tuyển|vận\s+động|huy\s+động|đóng\s+góp|cấp\s+mới|bàn\s+giao"
    r"|đưa\s+vào\s+sử\s+dụng|lắp\s+đặt|bê\s+tông\s+hóa|cứng\s+hóa|nhựa\s+hóa|kiên\s+cố\s+hóa"
    r"|di\s+dời|mở\s+mới|giải\s+ngân|tiêm|phân\s+loại|dành|phấn\s+đấu|có\s+thêm|duy\s+trì)(?![\w])"
)
# Award quotas are not targets: "tặng Bằng khen cho không quá 20 tập thể".
AWARD_RE = re.compile(
    r"(?<![\w])(?:khen\s+thưởng|bằng\s+khen|giấy\s+khen|cờ\s+thi\s+đua|huân\s+chương"
    r"|danh\s+hiệu|tặng\s+thưởng)(?![\w])"
)
