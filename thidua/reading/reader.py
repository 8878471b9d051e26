"""Reading a launch text into a :class:`~thidua.reading.schema.Reading`.

``read_text`` cleans the text (:mod:`.noise`), reads the fields a launch document carries
(genre, issuer, number, date, signer, title, theme, motto, content items, who does what)
and its targets (:mod:`.targets`). Everything is pure Python over regular expressions
compiled at import: a 15 KB directive is read in a few milliseconds.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from .noise import clean
from .rules import _, lower
from .schema import Reading, Responsible
from .targets import find_targets

UPPER = (
    "AÀÁẢÃẠĂẰẮẲẴẶÂẦẤẨẪẬBCDĐEÈÉẺẼẸÊỀẾỂỄỆFGHIÌÍỈĨỊJKLMNOÒÓỎÕỌÔỒỐỔỖỘƠỜỚỞỠỢPQRSTUÙÚỦŨỤƯỪỨỬỮỰVWXYỲÝỶỸỴZ"
)
_CAP = f"[{UPPER}]"
_WORD = r"[^\W\d_]+"
_CAPWORD = rf"{_CAP}[^\W\d_]*"
# A person's name: two to five capitalised syllables ("Trần Tiến Dũng").
_NAME = rf"{_CAPWORD}(?:\s+{_CAPWORD}){{1,4}}"
_NAME_RE = re.compile(rf"^{_NAME}$")
_CAPS_RE = re.compile(rf"{_CAPWORD}(?:[ \t]+{_CAPWORD}){{0,7}}")
_HONORIFIC_RE = re.compile(
    r"^(?:(?:Ông|Bà|Anh|Chị|Đồng\s+chí|Đại\s+tá|Thượng\s+tá|Trung\s+tá|Thiếu\s+tá|Đại\s+úy"
    r"|Thượng\s+úy|Thiếu\s+tướng|Trung\s+tướng|Thượng\s+tướng|Đại\s+tướng|GS\.?|PGS\.?|TS\.?"
    r"|ThS\.?|BS\.?|NGƯT|NGND|Nhà\s+giáo\s+ưu\s+tú)[\s.]+)+",
    re.I,
)

# The 63 provinces and cities (before the 2025 merger; the merged ones keep these names).
PROVINCES = (
    "An Giang",
    "Bà Rịa - Vũng Tàu",
    "Bà Rịa – Vũng Tàu",
    "Bắc Giang",
    "Bắc Kạn",
    "Bạc Liêu",
    "Bắc Ninh",
    "Bến Tre",
    "Bình Định",
    "Bình Dương",
    "Bình Phước",
    "Bình Thuận",
    "Cà Mau",
    "Cần Thơ",
    "Cao Bằng",
    "Đà Nẵng",
    "Đắk Lắk",
    "Đắk Nông",
    "Điện Biên",
    "Đồng Nai",
    "Đồng Tháp",
    "Gia Lai",
    "Hà Giang",
    "Hà Nam",
    "Hà Nội",
    "Hà Tĩnh",
    "Hải Dương",
    "Hải Phòng",
    "Hậu Giang",
    "Hòa Bình",
    "Hưng Yên",
    "Khánh Hòa",
    "Kiên Giang",
    "Kon Tum",
    "Lai Châu",
    "Lâm Đồng",
    "Lạng Sơn",
    "Lào Cai",
    "Long An",
    "Nam Định",
    "Nghệ An",
    "Ninh Bình",
    "Ninh Thuận",
    "Phú Thọ",
    "Phú Yên",
    "Quảng Bình",
    "Quảng Nam",
    "Quảng Ngãi",
    "Quảng Ninh",
    "Quảng Trị",
    "Sóc Trăng",
    "Sơn La",
    "Tây Ninh",
    "Thái Bình",
    "Thái Nguyên",
    "Thanh Hóa",
    "Thừa Thiên Huế",
    "Tiền Giang",
    "Trà Vinh",
    "Tuyên Quang",
    "Vĩnh Long",
    "Vĩnh Phúc",
    "Yên Bái",
    "Huế",
)
_PROVINCE_ALT = "|".join(sorted((re.escape(p) for p in PROVINCES), key=len, reverse=True))
# A province named on its own; "Điện Biên Phủ" (a longer name) is not "Điện Biên".
_PROVINCE_RE = re.compile(
    rf"(?<![\w])(?:(?:Thành\s+phố|TP\.?)\s*(?P<hcm>Hồ\s+Chí\s+Minh)|(?P<p>{_PROVINCE_ALT}))"
    rf"(?![\w])(?!\s+{_CAP})"
)
_PROVINCE_FULL_RE = re.compile(rf"^(?:{_PROVINCE_ALT})$")
_LEVEL = r"tỉnh|huyện|thành\s+phố|thị\s+xã|quận|xã|phường|thị\s+trấn"
_LEVEL_PLACE_RE = re.compile(rf"(?<![\w])(?P<level>{_LEVEL})\s+(?P<name>{_CAPS_RE.pattern})")
_COMMITTEE = r"(?:UBND|Ủy\s+ban\s+nhân\s+dân|Ủy\s+ban\s+nhân|UB\s+nhân\s+dân)"
_COMMITTEE_LEVEL_RE = re.compile(rf"^{_COMMITTEE}\s+(?P<level>{_LEVEL})$")

# --- genre -------------------------------------------------------------------------------

_HEADINGS = {
    "CHỈ THỊ": "chi_thi",
    "KẾ HOẠCH": "ke_hoach",
    "QUYẾT ĐỊNH": "quyet_dinh",
    "CHƯƠNG TRÌNH": "khac",
    "HƯỚNG DẪN": "khac",
    "THÔNG BÁO": "khac",
    "CÔNG VĂN": "khac",
    "LỜI KÊU GỌI": "khac",
    "GIAO ƯỚC": "khac",
    "THƯ": "khac",
}
_HEADING_RE = re.compile(
    r"^(?P<h>" + "|".join(_HEADINGS) + r")(?![\w])(?:\s*[:\-–]?\s*(?P<rest>[^\n]*))?$", re.M
)
_NUMBER_CODE = {"CT": "chi_thi", "KH": "ke_hoach", "QĐ": "quyet_dinh", "QD": "quyet_dinh"}
_DOCNO_RE = re.compile(r"^\s*Số\s*[:.]?\s*(?P<no>[^\n]*?)\s*$", re.M | re.I)
_DOCNO_CODE_RE = re.compile(r"^\d*/(?P<code>[A-ZĐa-z]{2,5})")
# A news article naming the document that launched the movement: "Chương trình số 322
# CTr/UBND tỉnh, ngày 26/12/2023 về phát động phong trào thi đua…".
_CITED_LAUNCH_RE = re.compile(
    r"(?:Chỉ\s+thị|Kế\s+hoạch|Chương\s+trình|Quyết\s+định)\s+số\s+(?P<no>\d+\s*[/ ]\s*[A-ZĐa-zđ]+"
    r"\s*[/-]\s*[A-ZĐ][\wĐđ-]*)[^\n.;]{0,30}?,?\s*ngày\s+(?P<date>\d{1,2}/\d{1,2}/\d{4}"
    r"|\d{1,2}\s+tháng\s+\d{1,2}\s+năm\s+\d{4})[^\n.;]{0,20}?\s+về\s+(?:việc\s+)?(?:tổ\s+chức\s+)?"
    r"phát\s+động"
)
_NEWS_TEXT_RE = re.compile(
    r"(?<![\w])(?:theo\s+đó|phát\s+biểu|tới\s+dự|đến\s+dự|hội\s+nghị|đồng\s+chí)(?![\w])", re.I
)

# --- number, date, signer -----------------------------------------------------------------

_PLACE_DATE_RE = re.compile(
    r"^(?P<place>[^\n,;:]{2,40}),\s*ngày\s*(?P<d>\d{1,2})?[\s.…_/-]*tháng\s*(?P<m>\d{1,2})?"
    r"[\s.…_/-]*năm\s*(?P<y>\d{4})?",
    re.M | re.I,
)
_SIGN_TITLE_RE = re.compile(
    r"^(?:(?:KT|TM|TL|TUQ|Q)\.?\s+[^\n]{0,60}|(?:PHÓ\s+)?CHỦ\s+TỊCH[^\n]{0,40}|(?:PHÓ\s+)?GIÁM\s+ĐỐC"
    r"[^\n]{0,80}|(?:THỨ|BỘ)\s+TRƯỞNG|(?:PHÓ\s+)?TRƯỞNG\s+[^\n]{0,40}|BÍ\s+THƯ|THỦ\s+TRƯỞNG"
    r"|(?:PHÓ\s+)?CHÁNH\s+VĂN\s+PHÒNG|(?:PHÓ\s+)?CỤC\s+TRƯỞNG|(?:PHÓ\s+)?VIỆN\s+TRƯỞNG"
    r"|(?:PHÓ\s+)?HIỆU\s+TRƯỞNG|(?:PHÓ\s+)?TỔNG\s+GIÁM\s+ĐỐC)\s*$",
    re.M,
)
_HEAD_TITLE = (
    r"(?:Phó\s+)?Chủ\s+tịch|(?:Phó\s+)?Giám\s+đốc|Bộ\s+trưởng|Thứ\s+trưởng|Trưởng\s+khối"
    r"|Trưởng\s+ban|Bí\s+thư|Cục\s+trưởng|Vụ\s+trưởng"
)
_HEAD_AGENCY = (
    rf"{_COMMITTEE}\s+(?:{_LEVEL})|Sở\s+{_CAPWORD}(?:\s+{_WORD}){{0,3}}|Bộ\s+{_CAPWORD}(?:\s+{_CAPWORD})?"
    r"|Liên\s+đoàn\s+Lao\s+động(?:\s+tỉnh)?|Khối(?:\s+thi\s+đua)?|Hội\s+đồng"
)
# "Chủ tịch UBND tỉnh Trương Văn Lâm …" and "Huỳnh Đức Phong, Chủ tịch UBND tỉnh …".
_HEAD_BEFORE_NAME_RE = re.compile(
    rf"(?P<title>{_HEAD_TITLE})\s+(?P<agency>{_HEAD_AGENCY})\s+(?P<caps>{_CAPS_RE.pattern})"
)
_NAME_BEFORE_HEAD_RE = re.compile(
    rf"(?P<caps>{_NAME}),\s+(?:[^,\n]{{1,20}},\s+)?(?P<title>{_HEAD_TITLE})\s+(?P<agency>{_HEAD_AGENCY})"
)
_ATTENDS_RE = re.compile(r"^[^.;\n]{0,40}?(?<![\w])(?:tới\s+dự|đến\s+dự|tham\s+dự|dự)(?![\w])")

# --- title, theme, motto ------------------------------------------------------------------

_QUOTE = r"[“\"](?P<q>[^”\"\n]{3,400}?)[”\"]"
_THEME_AFTER_RE = re.compile(rf"chủ\s+đề(?P<gap>[^“\"\n.;]{{0,50}}?)\s*:?\s*{_QUOTE}", re.I)
_THEME_BEFORE_RE = re.compile(
    rf"{_QUOTE}[\s.,]{{0,6}}(?:\n\s*)?(?:đó\s+là|là|được\s+chọn\s+là)\s+chủ\s+đề", re.I
)
_MOTTO_RE = re.compile(
    rf"(?:phương\s+châm|khẩu\s+hiệu)(?P<gap>[^“\"\n.;]{{0,50}}?)\s*:?\s*{_QUOTE}", re.I
)
_OTHER_LAUNCHER_RE = re.compile(
    r"Thủ\s+tướng|Chính\s+phủ|Trung\s+ương|toàn\s+quốc|Bộ\s+Chính\s+trị|Đại\s+hội", re.I
)

# --- contents -----------------------------------------------------------------------------

_ORDINALS = (
    r"một|hai|ba|bốn|tư|năm|sáu|bảy|bẩy|tám|chín|mười(?:\s+(?:một|hai|ba|bốn|tư|lăm|năm|sáu"
    r"|bảy|tám|chín))?|hai\s+mươi(?:\s+(?:mốt|hai|ba|tư|lăm))?"
)
_ORD_ITEM_RE = re.compile(rf"^(?P<label>(?:{_ORDINALS})\s+là)\s*[,:.]?\s*", re.M | re.I)
_ORD2_ITEM_RE = re.compile(
    r"^(?P<label>thứ\s+(?:nhất|hai|ba|tư|năm|sáu|bảy|tám|chín|mười))\s*[,:.]\s*", re.M | re.I
)
# An item whose ordinal was mistyped ("Bản là," between "Sáu là" and "Tám là").
_ORD_LIKE_RE = re.compile(rf"^(?P<label>{_WORD}(?:\s+{_WORD})?\s+là)\s*,\s*", re.M)
_ARABIC_ITEM_RE = re.compile(r"^(?P<label>(?P<n>\d{1,2})[.)/])\s+(?=\S)", re.M)
_LETTER_ITEM_RE = re.compile(r"^(?P<label>(?P<n>[a-zđ])\))\s*(?=\S)", re.M)
_DASH_ITEM_RE = re.compile(r"^(?P<label>[-+•–])\s*(?=\S)", re.M)
_ROMAN_ITEM_RE = re.compile(r"^(?P<label>(?P<n>[IVX]{1,4})[.)/])\s+(?=\S)", re.M)
_ARTICLE_RE = re.compile(r"^(?P<label>Điều\s+(?P<n>\d{1,2})[.:])\s*", re.M)
_CONTENTS_HEADING_RE = re.compile(r"nội\s+dung", re.I)
_CONTENTS_INTRO_RE = re.compile(
    r"(?:các|những|với)\s+nội\s+dung[^\n:]{0,60}(?:sau|như\s+sau|gồm|sau\s+đây|chủ\s+yếu)"
    r"[^\n:]{0,20}:\s*$",
    re.M | re.I,
)
_DASH_INTRO_RE = re.compile(
    r"(?:nội\s+dung|mục\s+tiêu|nhiệm\s+vụ|chỉ\s+tiêu)[^\n]{0,60}:\s*$", re.M | re.I
)
_EXECUTION_RE = re.compile(
    r"^(?:\d{1,2}[.)/]\s*|[IVX]{1,4}[.)/]\s*|Điều\s+\d+[.:]\s*)?(?:để\s+)?tổ\s+chức\s+thực\s+hiện",
    re.I,
)
# Sections that are not contents: a heading ("8. Tổ chức thực hiện", "I. MỤC ĐÍCH, YÊU
# CẦU", "5. Tổ chức thực hiện: …"), not an item that happens to start with the same words
# ("Bốn là, tổ chức thực hiện tốt công tác khen thưởng").
_NOT_CONTENTS_RE = re.compile(
    r"^(?:\d{1,2}[.)/]\s*|[IVX]{1,4}[.)/]\s*|[^\W\d_]+(?:\s+[^\W\d_]+)?\s+là\s*[,:.]?\s*)?"
    r"(?:để\s+)?(?:tổ\s+chức\s+thực\s+hiện|mục\s+đích|yêu\s+cầu|khen\s+thưởng|hình\s+thức"
    r"|thời\s+gian|đối\s+tượng|kinh\s+phí)(?:[^\n.:;]{0,40}(?:\n|$)|\s*:)",
    re.I,
)
_CONTENTS_STOP_RE = re.compile(
    r"^(?:để\s+tổ\s+chức\s+thực\s+hiện|tổ\s+chức\s+thực\s+hiện|giao\s|đề\s+nghị\s|nơi\s+nhận"
    r"|với\s+tinh\s+thần|[IVX]{1,4}[.)/]\s|điều\s+\d)",
    re.I,
)
_TERMINAL_RE = re.compile(r"[.;:!?”\"…)]\s*$")

# --- who does what ------------------------------------------------------------------------

_TASK_VERBS = (
    "chủ trì|phối hợp|theo dõi|tổ chức|xây dựng|hướng dẫn|chỉ đạo|triển khai|thực hiện|tham mưu"
    "|báo cáo|làm tốt|tuyên truyền|đẩy mạnh|căn cứ|có trách nhiệm|chịu trách nhiệm|kiểm tra"
    "|đôn đốc|quán triệt|phát động|bố trí|cân đối|tổng hợp|nghiên cứu|ban hành|tăng cường"
    "|vận động|giám sát|định kỳ|thường xuyên|cụ thể hóa|lựa chọn|phát hiện|tiếp tục|cập nhật"
    "|đăng ký|đảm bảo|bảo đảm|dành|hưởng ứng|quan tâm|nêu gương|biểu dương|trình|thẩm định"
    "|rà soát|mở|là\\s+cơ\\s+quan|nghiêm\\s+túc|tích\\s+cực|khẩn\\s+trương"
)
_VERB_RE = re.compile(rf"(?<![\w])(?<!các )(?<!những )(?<!mọi )(?:{_TASK_VERBS})(?![\w])")
_AGENCY_HEAD_RE = re.compile(
    r"(?:Sở|Ban|Ủy\s+ban|UBND|Thủ\s+trưởng|Chủ\s+tịch|Giám\s+đốc|Trưởng|Hội|Đoàn|Liên\s+đoàn"
    r"|Mặt\s+trận|Báo|Đài|Văn\s+phòng|Chánh\s+Văn\s+phòng|Công\s+an|Bộ|Cục|Chi\s+cục|Vụ"
    r"|Hội\s+đồng|Thanh\s+tra|Kho\s+bạc|Ngân\s+hàng|Tỉnh\s+đoàn|Trường|Viện|Trung\s+tâm"
    r"|Cơ\s+quan|Người\s+đứng\s+đầu|Lãnh\s+đạo|Khối|Cụm|Phòng|Thường\s+trực|Công\s+đoàn|Hiệp\s+hội|Tổ(?!\s+chức)"
    r"|[Cc]ác\s+(?:sở|ban|ngành|cơ\s+quan|đơn\s+vị|tổ\s+chức|đoàn\s+thể|xã|huyện|địa\s+phương"
    r"|doanh\s+nghiệp|phòng|trường|hội|khối|cụm|thành\s+viên))(?![\w])"
)
_ASSIGN_RE = re.compile(r"(?<![\w])(?:[Gg]iao|[Đđ]ề\s+nghị|[Yy]êu\s+cầu)\s+(?=\S)")
_SENTENCE_END_RE = re.compile(r"\.(?=\s|$)|\n")
_SPLIT_AGENCIES_RE = re.compile(
    r"(?:\s*[;,]\s+|\s+và\s+)(?=(?:các\s|Chủ\s+tịch|Giám\s+đốc|Thủ\s+trưởng|Sở\s|Ban\s|Ủy\s+ban"
    r"|UBND|Báo\s|Đài\s|Hội\s|Liên\s+đoàn|Công\s+an|Văn\s+phòng|Chánh\s+Văn\s+phòng|Trung\s+tâm"
    r"|Hiệp\s+hội|Công\s+đoàn|Đoàn\s|Mặt\s+trận|Phòng\s))"
)
_SUB_SORTS_RE = re.compile(r"^các\s+(sở|ban|ngành|cơ\s+quan)\s*:\s*(.+)$", re.I)

# --- issuer -------------------------------------------------------------------------------

_ISSUER_BODY_RE = re.compile(
    rf"(?P<agency>{_COMMITTEE}\s+(?:{_LEVEL})(?:\s+(?P<place>{_CAPS_RE.pattern}))?"
    r"|Hội\s+đồng\s+Thi\s+đua[\s,\-–]+[Kk]hen\s+thưởng(?:\s+(?:tỉnh|huyện|thành\s+phố|Trung\s+ương))?"
    r"|(?:Khối|Cụm)\s+(?:thi\s+đua\s+)?[^\n.;]{3,160}?"
    rf"|Bộ\s+{_CAPWORD}[^\n.;,]{{0,60}}?|Sở\s+{_CAPWORD}[^\n.;]{{0,60}}?"
    rf"|(?:Tỉnh|Huyện|Thành|Đảng)\s+ủy(?:\s+{_CAPS_RE.pattern})?"
    r"|Liên\s+đoàn\s+Lao\s+động[^\n.;,]{0,40}?|Công\s+an\s+(?:tỉnh|huyện|thành\s+phố)"
    rf"(?:\s+{_CAPS_RE.pattern})?)"
    r"(?:\s+(?:đã|chính\s+thức|được))?\s+(?=phát\s+động|tổ\s+chức|ban\s+hành)",
)
_HEADER_STOP_RE = re.compile(r"CỘNG\s+HÒA|Độc\s+lập|^Số\s*[:.]", re.I)
_HEADER_LEVEL_RE = re.compile(r"^(?:TỈNH|HUYỆN|THÀNH PHỐ|THỊ XÃ|QUẬN|XÃ|PHƯỜNG|THỊ TRẤN)\b")
# The organ that speaks for its organisation: "LIÊN ĐOÀN LAO ĐỘNG TỈNH X / BAN THƯỜNG VỤ".
_ORGAN_RE = re.compile(r"^(?:BAN\s+THƯỜNG\s+VỤ|BAN\s+CHẤP\s+HÀNH|THƯỜNG\s+TRỰC|ĐẢNG\s+ĐOÀN)\b")
_NAME_HEADS = (
    "SỞ", "BỘ", "BAN", "CỤC", "CHI CỤC", "VỤ", "VIỆN", "LIÊN ĐOÀN", "HỘI", "TRƯỜNG",
    "TRUNG TÂM", "VĂN PHÒNG", "CÔNG AN", "BỘ CHỈ HUY", "ĐÀI", "BÁO", "CÔNG ĐOÀN", "BỆNH VIỆN",
)  # fmt: skip
_PROPER_NAME_HEADS = ("TRƯỜNG", "BỆNH VIỆN", "TRUNG TÂM")
_YEAR_IN_RE = re.compile(r"(?<![\w/])(?:năm|giai\s+đoạn)\s+(\d{4})(?![\w/])", re.I)
_LAUNCH_SENTENCE_RE = re.compile(r"phát\s+động[^.\n]{0,200}?(?<![\w/])năm\s+(\d{4})(?![\w/])")
# A launch document is a few pages; beyond this the rest is not read (and the user is told).
MAX_CHARS = 1_000_000
_VIET_LETTERS = set("ăâđêôơưàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ")


@dataclass
class _Ctx:
    """What the field readers share beside the reading itself."""

    doc: str
    low: str
    news_cues: int
    published: str | None  # a news page's dateline
    place: str | None = None  # the place of the date line
    number_code: str | None = None  # "CT" in "09/CT-UBND"
    level: str | None = None  # the issuing committee's level ("tỉnh", "huyện")
    head: str = ""  # the text with the cells of a header table on lines of their own

    def __post_init__(self) -> None:
        # A Word header table may come as "ỦY BAN NHÂN DÂN TỈNH X | CỘNG HÒA…": same length,
        # so offsets still point into the text.
        end = _head_end(self.doc, 40)
        self.head = self.doc[:end].replace(" | ", " \n ") + self.doc[end:]


def read_text(text: str) -> Reading:
    """Read a pasted or extracted text. Never raises on bad input: the warnings say what
    could not be read."""
    return _read(text, check_language=True)


def read_document(data: bytes, filename: str) -> Reading:
    """Read an uploaded file (.docx, .pdf, .html, .txt): its text is extracted first, and the
    extraction's warnings (encoding, language…) come first in the reading's. A file that
    cannot be read at all raises :class:`thidua.reading.extract.ReadError` with the message
    to show."""
    from .extract import extract_text

    text, warnings = extract_text(data, filename)
    reading = _read(text, check_language=False)  # the extraction has judged the language
    reading.warnings[:0] = list(warnings)
    return reading


def _read(text: str, check_language: bool) -> Reading:
    if not isinstance(text, str):
        text = str(text or "")
    too_long = len(text) > MAX_CHARS
    if too_long:
        text = text[:MAX_CHARS]
    cleaned = clean(text)
    doc = cleaned.text
    reading = Reading(text=doc)
    if not doc.strip():
        reading.warnings.append(_("The text is empty: there is nothing to read."))
        return reading
    letters = [c for c in doc.lower() if c.isalpha()] if check_language else []
    if len(letters) > 200 and sum(c in _VIET_LETTERS for c in letters) < 0.03 * len(letters):
        reading.warnings.append(
            _("The text does not look like Vietnamese; what was read may be wrong.")
        )
    if too_long:
        reading.warnings.append(
            _("The text is very long: only its first %(n)s characters were read.")
            % {"n": f"{MAX_CHARS:,}".replace(",", ".")}
        )
    ctx = _Ctx(doc, lower(doc), cleaned.news_cues, cleaned.published)
    _read_number(reading, ctx)
    _read_genre(reading, ctx)
    _read_date(reading, ctx)
    _read_title(reading, ctx)
    _read_theme_and_motto(reading, ctx)
    _read_issuer(reading, ctx)
    _read_signer(reading, ctx)
    _read_year(reading, ctx)
    _read_contents(reading, ctx)
    _read_responsible(reading, ctx)
    skip = None
    if reading.doc_type == "tin_bai" and reading.spans.get("title"):
        skip = reading.spans["title"][0]  # a headline rounds its article's figures
    targets, warnings = find_targets(doc, reading.year, skip)
    reading.targets = targets
    reading.warnings.extend(warnings)
    if not targets:
        reading.warnings.append(_("No targets (chỉ tiêu) were found in the text."))
    last = doc.rstrip().rsplit("\n", 1)[-1]
    if len(last) > 40 and not _TERMINAL_RE.search(last) and not _NAME_RE.match(last):
        reading.warnings.append(
            _("The text seems cut off: its last paragraph ends in the middle of a sentence.")
        )
    return reading


# --- helpers ------------------------------------------------------------------------------


def _span(reading: Reading, name: str, start: int, end: int) -> None:
    text = reading.text
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        reading.spans.setdefault(name, []).append((start, end))


def _head_end(doc: str, lines: int) -> int:
    """Where the first ``lines`` lines end (headers, numbers and dates are there)."""
    end = -1
    for _i in range(lines):
        end = doc.find("\n", end + 1)
        if end < 0:
            return len(doc)
    return end


def _title_case(text: str) -> str:
    return " ".join(w[:1].upper() + w[1:].lower() for w in text.split())


def _sentence_case(text: str) -> str:
    """A line written in capitals, in sentence case; the name after an administrative level
    ("XÃ TÂN LẬP") keeps its capitals."""
    text = re.sub(r"\s+", " ", text).strip().lower()
    text = re.sub(
        rf"(?<![\w])({_LEVEL})\s+({_WORD}\s+{_WORD})",
        lambda m: f"{m.group(1)} {_title_case(m.group(2))}",
        text,
    )
    return text[:1].upper() + text[1:]


def _is_place(name: str) -> bool:
    """A place rather than a person: a province, or a name of one or two syllables (people
    are named with three or more)."""
    return bool(_PROVINCE_FULL_RE.match(name)) or len(name.split()) <= 2


# --- fields -------------------------------------------------------------------------------


def _read_number(reading: Reading, ctx: _Ctx) -> None:
    head = ctx.head[: _head_end(ctx.head, 15)]
    m = _DOCNO_RE.search(head)
    if not m:
        return
    written = re.split(r"\s{2,}|\t", m.group("no"))[0].strip()
    number = re.sub(r"\s*/\s*", "/", written)
    code = _DOCNO_CODE_RE.match(number)
    ctx.number_code = code.group("code") if code else None
    if not re.match(r"\d", number):
        reading.warnings.append(
            _("The document number is not filled in (“Số: %(no)s”).") % {"no": written}
        )
        return
    reading.document_number = number
    _span(reading, "document_number", m.start("no"), m.start("no") + len(written))


def _read_genre(reading: Reading, ctx: _Ctx) -> None:
    head = ctx.head[: _head_end(ctx.head, 30)]
    for m in _HEADING_RE.finditer(head):
        line = m.group(0)
        if line.upper() == line or not m.group("rest"):
            reading.doc_type = _HEADINGS[m.group("h")]
            return
    code = (ctx.number_code or "").upper()
    if code in _NUMBER_CODE:
        reading.doc_type = _NUMBER_CODE[code]
        return
    first = ctx.doc.split("\n", 1)[0]
    if ctx.news_cues or (
        len(first) < 250 and not _TERMINAL_RE.search(first) and _NEWS_TEXT_RE.search(ctx.doc[:3000])
    ):
        reading.doc_type = "tin_bai"
        # A news article may name the document that launched the movement.
        cited = _CITED_LAUNCH_RE.search(ctx.doc)
        if cited and reading.document_number is None:
            no = re.match(r"(\d+)\s*[/ ]\s*([A-ZĐa-zđ]+)\s*[/-]\s*([\wĐđ-]+)", cited.group("no"))
            if no:
                reading.document_number = f"{no.group(1)}/{no.group(2)}-{no.group(3)}"
                _span(reading, "document_number", cited.start("no"), cited.end("no"))
            reading.signed_on = _iso_date(cited.group("date"))


def _iso_date(text: str) -> str | None:
    parts = [int(x) for x in re.findall(r"\d+", text)]
    if len(parts) != 3:
        return None
    day, month, year = parts
    if 1 <= day <= 31 and 1 <= month <= 12:
        return f"{year:04d}-{month:02d}-{day:02d}"
    return None


def _read_date(reading: Reading, ctx: _Ctx) -> None:
    head = ctx.head[: _head_end(ctx.head, 20)]
    for m in _PLACE_DATE_RE.finditer(head):
        place = m.group("place").strip()
        if not place or place.lower().startswith(("số", "căn cứ", "theo")):
            continue
        ctx.place = place
        if not (m.group("d") and m.group("m") and m.group("y")):
            reading.warnings.append(
                _("The signing date is not filled in (“%(line)s”).") % {"line": m.group(0).strip()}
            )
            return
        date = _iso_date(f"{m.group('d')} {m.group('m')} {m.group('y')}")
        if date:
            reading.signed_on = date
            _span(reading, "signed_on", m.start(), m.end())
        return


def _read_title(reading: Reading, ctx: _Ctx) -> None:
    doc = ctx.doc
    head = doc[: _head_end(doc, 40)]
    if reading.doc_type != "tin_bai":
        m = _HEADING_RE.search(head)
        if m:
            rest = m.group("rest") or ""
            if rest and rest.upper() == rest:
                # "GIAO ƯỚC THI ĐUA NĂM 2024": the heading is the title.
                _set_title(reading, m.start(), m.end(), _sentence_case(m.group(0)))
                return
            if rest:
                _set_title(reading, m.start("rest"), m.end("rest"))
                return
            # The lines after the heading, up to a blank line: "Về việc phát động…".
            start = m.end() + 1
            while start < len(doc) and doc[start] == "\n":
                start += 1
            end = doc.find("\n\n", start)
            end = len(doc) if end < 0 else end
            if 0 < end - start < 600:
                _set_title(reading, start, end)
                return
        for m in re.finditer(r"^(?:V/v|Về\s+việc)[^\n]{5,300}$", head, re.M):
            _set_title(reading, m.start(), m.end())
            return
        if reading.doc_type != "khac" or _DOCNO_RE.search(head):
            return
    first_end = doc.find("\n")
    first_end = len(doc) if first_end < 0 else first_end
    first = doc[:first_end].strip()
    if (
        first
        and len(first) < 300
        and not re.fullmatch(r"[“\"].*[”\"]", first)
        and not _HEADING_RE.match(first)
        and not _HEADER_STOP_RE.search(first)
    ):
        title = _sentence_case(first) if first.upper() == first else None
        _set_title(reading, 0, first_end, title)


def _set_title(reading: Reading, start: int, end: int, title: str | None = None) -> None:
    title = title or re.sub(r"\s+", " ", reading.text[start:end]).strip()
    if title:
        reading.title = title
        _span(reading, "title", start, end)


def _read_theme_and_motto(reading: Reading, ctx: _Ctx) -> None:
    doc = ctx.doc
    candidates = []
    for m in _THEME_AFTER_RE.finditer(doc):
        candidates.append((m.start(), m.start("q"), m.end("q")))
    for m in _THEME_BEFORE_RE.finditer(doc):
        candidates.append((m.start(), m.start("q"), m.end("q")))
    candidates.sort()
    best = None
    for at, qs, qe in candidates:
        sentence_start = max(doc.rfind(". ", 0, at), doc.rfind("\n", 0, at)) + 1
        if not _OTHER_LAUNCHER_RE.search(doc[sentence_start:qe]):
            best = (qs, qe)  # the theme of this launch, not one a higher body chose
            break
    if best is None and candidates:
        best = candidates[0][1:]
    if best:
        reading.theme = _quote_text(doc[best[0] : best[1]])
        _span(reading, "theme", *best)
    m = _MOTTO_RE.search(doc)
    if m:
        reading.motto = _quote_text(m.group("q"))
        _span(reading, "motto", m.start("q"), m.end("q"))


def _quote_text(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip(" *_")


def _agency_case(text: str) -> str:
    """An agency name written in capitals, in the usual case: "SỞ VĂN HÓA, THỂ THAO VÀ DU
    LỊCH" → "Sở Văn hóa, Thể thao và Du lịch", "ỦY BAN NHÂN DÂN TỈNH PHÚ YÊN" → "UBND tỉnh
    Phú Yên", "TRƯỜNG THPT LÝ THÁI TỔ" → "Trường THPT Lý Thái Tổ"."""
    text = re.sub(r"\s+", " ", text).strip()
    place = ""
    m = re.search(r"\s(TỈNH|HUYỆN|THÀNH PHỐ|THỊ XÃ|QUẬN|XÃ|PHƯỜNG|THỊ TRẤN)\s+(.+)$", text)
    if m:
        place = f" {m.group(1).lower()} {_title_case(m.group(2))}"
        text = text[: m.start()]
    if re.fullmatch(r"ỦY BAN NHÂN DÂN|UBND", text):
        return "UBND" + place
    for head in sorted(_NAME_HEADS, key=len, reverse=True):
        if text == head or text.startswith(head + " "):
            rest = text[len(head) :].strip()
            if head in _PROPER_NAME_HEADS:
                # A school or a hospital is named like a person: every word capitalised.
                cased = " ".join(_word_case(w, True) for w in rest.split())
            else:
                parts = re.split(r"(,\s*| VÀ | - | – )", rest)
                cased = "".join(
                    part.lower()
                    if part in (", ", ",", " VÀ ", " - ", " – ")
                    else _phrase_case(part)
                    for part in parts
                )
            return f"{head[:1]}{head[1:].lower()} {cased}".strip() + place
    return _phrase_case(text) + place


def _word_case(word: str, capital: bool) -> str:
    # "THPT", "GD&ĐT", "TNHH": abbreviations (no vowel, or an ampersand) keep their capitals.
    if "&" in word or not re.search(r"[AĂÂEÊIOÔƠUƯYÀ-ỹ]", word, re.I):
        return word
    return word[:1] + word[1:].lower() if capital else word.lower()


def _phrase_case(phrase: str) -> str:
    """ "THÔNG TIN VÀ TRUYỀN THÔNG" → "Thông tin và truyền thông" (first word capitalised)."""
    words = phrase.split()
    return " ".join(_word_case(w, i == 0) for i, w in enumerate(words))


def _read_header(ctx: _Ctx) -> list[tuple[str, int, int]]:
    """The agency lines of a formal document's header (above "CỘNG HÒA…", "Số:")."""
    agencies: list[tuple[str, int, int]] = []
    offset = 0
    for line in ctx.head[: _head_end(ctx.head, 12)].split("\n"):
        start = offset
        offset += len(line) + 1
        stripped = line.strip()
        if not stripped or set(stripped) <= set("-–_ "):
            continue
        if _HEADER_STOP_RE.search(stripped) or _HEADING_RE.match(stripped):
            break
        if stripped.upper() != stripped or not re.search(r"[A-ZĐ]", stripped):
            break
        if agencies and _HEADER_LEVEL_RE.match(stripped):
            text, s, _e = agencies[-1]
            agencies[-1] = (text + " " + stripped, s, start + len(line))
        else:
            agencies.append((stripped, start, start + len(line)))
    return agencies


def _read_issuer(reading: Reading, ctx: _Ctx) -> None:
    doc = ctx.doc
    header = _read_header(ctx)
    if header and reading.doc_type != "tin_bai":
        text, start, end = header[-1]
        if len(header) > 1 and _ORGAN_RE.match(text):
            text, start, end = header[-2]  # the organisation, not its standing committee
            issuer = _agency_case(text)
        elif len(header) > 1:
            parent = _agency_case(header[-2][0])
            issuer = _agency_case(text)
            place = re.search(rf"\s(?:{_LEVEL})\s.+$", parent)
            if place and not re.search(rf"\s(?:{_LEVEL})\s", issuer):
                issuer += place.group(0)  # "Sở Y tế" of "UBND tỉnh Thanh Hóa"
        else:
            issuer = _agency_case(text)
        reading.issuer = issuer
        _span(reading, "issuer", start, end)
        m = re.search(rf"(?<![\w])(?:{_LEVEL})\s+(.+)$", issuer)
        reading.locality = m.group(1) if m else None
        if reading.locality is None and not issuer.startswith("Bộ"):
            reading.locality = _locality_from_text(ctx, None)
        return
    # In the text: the agency that launches ("UBND tỉnh phát động", "Khối thi đua… tổ chức
    # hội nghị…, phát động…"), or the one its head belongs to ("Chủ tịch UBND xã").
    found = None
    for m in _ISSUER_BODY_RE.finditer(doc):
        sentence_end = _sentence_end(doc, m.end())
        if (
            "phát động" in ctx.low[m.end() : sentence_end]
            or "phát động" in ctx.low[m.end() : m.end() + 12]
        ):
            found = m
            break
    if found is None:
        for m in _NAME_BEFORE_HEAD_RE.finditer(doc):
            if "phát động" in ctx.low[m.end() : _sentence_end(doc, m.end())]:
                found = m
                break
    if found is None:
        reading.locality = _locality_from_text(ctx, None)
        return
    agency = re.sub(r"\s+", " ", found.group("agency")).strip(" ,")
    start = found.start("agency")
    level_m = re.match(rf"^{_COMMITTEE}\s+(?P<level>{_LEVEL})(?:\s+(?P<place>.+))?$", agency)
    if level_m:
        level = level_m.group("level")
        place = level_m.group("place")
        if place and not _is_place(place):
            # "UBND tỉnh Lê Thành Đô": a person's name, or a place followed by one.
            prov = _PROVINCE_RE.match(place)
            place = prov.group(0) if prov else None
        ctx.level = level
        place = place or _place_of_level(ctx, level)
        agency = f"UBND {level}" + (f" {place}" if place else "")
        reading.locality = place or (_locality_from_text(ctx, level) if level == "tỉnh" else None)
    else:
        reading.locality = _locality_from_text(ctx, None)
    reading.issuer = agency
    _span(reading, "issuer", start, found.end("agency"))


def _place_of_level(ctx: _Ctx, level: str) -> str | None:
    """The place the text names at this level ("tỉnh Hậu Giang"), the most named one."""
    names: Counter[str] = Counter()
    for m in _LEVEL_PLACE_RE.finditer(ctx.doc):
        if re.sub(r"\s+", " ", m.group("level")) == level:
            name = m.group("name")
            prov = _PROVINCE_RE.match(name)
            if prov:
                names[prov.group(0)] += 1
            elif len(name.split()) == 2:
                names[name] += 1
    if level in ("tỉnh", "thành phố") and ctx.place and _PROVINCE_FULL_RE.match(ctx.place):
        names[ctx.place] += 1
    return names.most_common(1)[0][0] if names else None


def _locality_from_text(ctx: _Ctx, level: str | None) -> str | None:
    place = _place_of_level(ctx, level or "tỉnh") or _place_of_level(ctx, "thành phố")
    if place:
        return place
    names = Counter(m.group("p") or "Thành phố Hồ Chí Minh" for m in _PROVINCE_RE.finditer(ctx.doc))
    return names.most_common(1)[0][0] if names else None


def _read_signer(reading: Reading, ctx: _Ctx) -> None:
    doc = ctx.doc
    # A signature block at the end: "KT. CHỦ TỊCH / PHÓ CHỦ TỊCH / (Đã ký) / Đào Mỹ Hạnh".
    tail_start = max(0, len(doc) - 3000)
    titles = list(_SIGN_TITLE_RE.finditer(doc, tail_start))
    if titles and reading.doc_type != "tin_bai":
        offset = titles[-1].end()
        for line in doc[offset:].split("\n")[:8]:
            stripped = line.strip()
            pos = doc.find(stripped, offset) if stripped else offset
            offset = pos + len(stripped)
            if not stripped or stripped.startswith(("(", "[")) or _SIGN_TITLE_RE.match(stripped):
                continue
            name = stripped if stripped.upper() != stripped else _title_case(stripped)
            name = _HONORIFIC_RE.sub("", name)  # "Đại tá Trần Văn Hòa", "TS. Lê An"
            if _NAME_RE.match(name) and len(name.split()) <= 5:
                reading.signer = name
                _span(reading, "signer", pos + len(stripped) - len(name), pos + len(stripped))
                return
    # In the text: the head of the issuing body ("Chủ tịch UBND tỉnh Lê Thành Đô phát động",
    # "Ông Đỗ Văn Tâm, Chủ tịch UBND xã, phát động"), not a guest who attends.
    candidates = []
    for m in _HEAD_BEFORE_NAME_RE.finditer(doc):
        caps = m.group("caps")
        prov = _PROVINCE_RE.match(caps)
        offset = 0
        if prov:
            offset = prov.end()
        elif reading.locality and caps.startswith(reading.locality + " "):
            offset = len(reading.locality)
        name = caps[offset:].strip()
        name_start = m.start("caps") + caps.find(name) if name else m.end()
        candidates.append((m, name, name_start))
    for m in _NAME_BEFORE_HEAD_RE.finditer(doc):
        name = _HONORIFIC_RE.sub("", m.group("caps"))
        candidates.append((m, name, m.end("caps") - len(name)))
    best = None
    for m, name, name_start in candidates:
        if not _NAME_RE.match(name) or not 2 <= len(name.split()) <= 4 or _is_place(name):
            continue
        if _ATTENDS_RE.match(doc[m.end() :]):
            continue
        agency = re.sub(r"\s+", " ", m.group("agency"))
        level = _COMMITTEE_LEVEL_RE.match(agency)
        if level:
            if ctx.level and level.group("level") != ctx.level:
                continue  # the chairman of another level
            if ctx.level is None and not (reading.issuer or "").startswith("UBND"):
                continue
        elif reading.issuer and agency.split()[0] not in reading.issuer:
            continue
        rank = (m.group("title").startswith("Phó"), name_start)
        if best is None or rank < best[0]:
            best = (rank, name, name_start)
    if best:
        _rank, name, name_start = best
        reading.signer = name
        _span(reading, "signer", name_start, name_start + len(name))


def _read_year(reading: Reading, ctx: _Ctx) -> None:
    def first_year(text: str | None) -> int | None:
        if not text:
            return None
        years = [int(y) for y in _YEAR_IN_RE.findall(text) if 1990 <= int(y) <= 2100]
        return years[0] if years else None

    for source in (reading.title, reading.theme):
        year = first_year(source)
        if year:
            reading.year = year
            return
    m = _LAUNCH_SENTENCE_RE.search(ctx.doc)
    if m:
        reading.year = int(m.group(1))
        return
    counts: Counter[int] = Counter()
    for m in _YEAR_IN_RE.finditer(ctx.doc):
        before = ctx.low[max(0, m.start() - 12) : m.start()]
        if "so với" in before:
            continue
        counts[int(m.group(1))] += 1
    if counts:
        top = max(counts.values())
        reading.year = max(y for y, c in counts.items() if c == top)
    elif reading.signed_on or ctx.published:
        reading.year = int((reading.signed_on or ctx.published or "")[:4])


# --- contents -----------------------------------------------------------------------------


def _paragraphs(doc: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in re.finditer(r"[^\n]+", doc)]


def _read_contents(reading: Reading, ctx: _Ctx) -> None:
    doc = ctx.doc
    paras = _paragraphs(doc)
    items = (
        _ordinal_items(doc, paras)
        or _section_items(doc, paras)
        or _intro_items(doc, paras)
        or _dash_items(doc, paras)
    )
    for label, start, end in items:
        body = re.sub(r"\s*\n\s*", "\n", doc[start:end]).strip()
        if label:
            body = body[len(label) :].lstrip(" ,.:)")
        if not body:
            continue
        reading.contents.append(body[:1].upper() + body[1:])
        _span(reading, "contents", start, end)


def _collect(
    doc: str, paras: list[tuple[int, int]], starts: list[tuple[int, str]], limit: int
) -> list[tuple[str, int, int]]:
    """Items from the paragraphs where each begins to the next item; the last one keeps only
    its own paragraph (what follows is usually a closing paragraph or a byline)."""
    items = []
    index = {s: i for i, (s, _e) in enumerate(paras)}
    for i, (start, label) in enumerate(starts):
        idx = index[start]
        end = paras[idx][1]
        until = starts[i + 1][0] if i + 1 < len(starts) else None
        if until is not None:
            for s, e in paras[idx + 1 :]:
                if s >= min(until, limit):
                    break
                line = doc[s:e]
                if _CONTENTS_STOP_RE.match(line) or _EXECUTION_RE.match(line):
                    break
                if len(line) < 150 and not _TERMINAL_RE.search(line):
                    continue  # a picture's caption between two items
                end = e
        items.append((label, start, end))
    return items


def _ordinal_items(doc: str, paras: list[tuple[int, int]]) -> list[tuple[str, int, int]]:
    """ "Một là, …", "Hai là, …" or "Thứ nhất, …", "Thứ hai, …"."""
    starts: list[tuple[int, str]] = []
    para_set = {s for s, _e in paras}
    for regex in (_ORD_ITEM_RE, _ORD2_ITEM_RE):
        found = [(m.start(), m.group(0)) for m in regex.finditer(doc) if m.start() in para_set]
        if len(found) >= 2:
            starts = found
            break
    if not starts:
        return []
    known = {s for s, _l in starts}
    for m in _ORD_LIKE_RE.finditer(doc, starts[0][0], starts[-1][0]):
        if m.start() in para_set and m.start() not in known:
            starts.append((m.start(), m.group(0)))
    starts.sort()
    starts = [(s, lab) for s, lab in starts if not _NOT_CONTENTS_RE.match(doc[s + len(lab) :])]
    return _collect(doc, paras, starts, len(doc))


def _section_items(doc: str, paras: list[tuple[int, int]]) -> list[tuple[str, int, int]]:
    """Numbered items (1., 2. …), inside the section on contents when the document has
    sections ("II. NỘI DUNG THI ĐUA", "Điều 2. Nội dung…", "1. Nội dung thi đua")."""
    para_set = {s for s, _e in paras}
    lo, hi = 0, len(doc)
    for regex in (_ROMAN_ITEM_RE, _ARTICLE_RE):
        sections = [m for m in regex.finditer(doc) if m.start() in para_set]
        if len(sections) < 2:
            continue
        for i, m in enumerate(sections):
            heading = doc[m.end() : doc.find("\n", m.end())]
            if _CONTENTS_HEADING_RE.search(heading) and len(heading) < 120:
                lo = doc.find("\n", m.end()) + 1
                hi = sections[i + 1].start() if i + 1 < len(sections) else len(doc)
                break
        if lo:
            break
    items = _run(doc, para_set, _ARABIC_ITEM_RE, lo, hi)
    kept = []
    for m in items:
        if _NOT_CONTENTS_RE.match(doc[m.start() :]):
            break
        kept.append(m)
    if len(kept) == 1:
        # "1. Nội dung thi đua" with lettered items a), b)… under it.
        line_end = doc.find("\n", kept[0].end())
        line_end = len(doc) if line_end < 0 else line_end
        if (
            _CONTENTS_HEADING_RE.search(doc[kept[0].end() : line_end])
            and line_end - kept[0].end() < 80
        ):
            nxt = [m for m in items if m.start() > line_end]
            lo, hi = line_end, nxt[0].start() if nxt else hi
            kept = _run(doc, para_set, _LETTER_ITEM_RE, lo, hi)
    elif not kept and lo:
        kept = _run(doc, para_set, _LETTER_ITEM_RE, lo, hi)
    if len(kept) < 2:
        return []
    starts = [(m.start(), m.group("label")) for m in kept]
    return _collect(doc, paras, starts, hi)


def _run(doc: str, para_set: set[int], regex: re.Pattern, lo: int, hi: int) -> list[re.Match]:
    """The first run of items numbered 1, 2, 3… (or a, b, c…) between ``lo`` and ``hi``."""
    run: list[re.Match] = []
    for m in regex.finditer(doc, lo, hi):
        if m.start() not in para_set:
            continue
        n = m.group("n")
        first = n in ("1", "a")
        if not run and first:
            run = [m]
        elif run and _next_label(run[-1].group("n")) == n:
            run.append(m)
        elif run and first:
            break  # a nested list starts again
    return run


def _next_label(n: str) -> str:
    if n.isdigit():
        return str(int(n) + 1)
    letters = "abcdđeghiklmnopqrstuvxy"
    i = letters.find(n)
    return letters[i + 1] if 0 <= i < len(letters) - 1 else ""


def _intro_items(doc: str, paras: list[tuple[int, int]]) -> list[tuple[str, int, int]]:
    """Unnumbered paragraphs after "…với các nội dung chủ yếu sau:"."""
    m = _CONTENTS_INTRO_RE.search(doc)
    if not m:
        return []
    items = []
    for s, e in paras:
        if s <= m.end():
            continue
        line = doc[s:e]
        if _CONTENTS_STOP_RE.match(line) or len(line) < 40 or _DASH_ITEM_RE.match(line):
            break
        items.append(("", s, e))
    return items


def _dash_items(doc: str, paras: list[tuple[int, int]]) -> list[tuple[str, int, int]]:
    """Dashed lines after "…hoàn thành các mục tiêu sau:" (never the "Nơi nhận:" list)."""
    m = _DASH_INTRO_RE.search(doc)
    if not m:
        return []
    items = []
    for s, e in paras:
        if s <= m.end():
            continue
        dash = _DASH_ITEM_RE.match(doc, s)
        if not dash:
            break
        items.append((dash.group(0), s, e))
    return items if len(items) >= 2 else []


# --- who does what ------------------------------------------------------------------------


def _read_responsible(reading: Reading, ctx: _Ctx) -> None:
    doc = ctx.doc
    seen: set[str] = set()

    def add(agency: str, task: str, start: int, end: int) -> None:
        agency = re.sub(r"\s+", " ", agency).strip(" ,;:-–")
        task = re.sub(r"\s+", " ", task).strip(" ,;./")
        # "Sở Nội vụ - cơ quan thường trực Hội đồng…": the apposition is not the agency.
        agency = re.split(r"\s+[-–]\s+(?=cơ\s+quan|đơn\s+vị)", agency)[0]
        if not agency or not task or len(agency.split()) > 40:
            return
        for one in _split_agencies(agency):
            if one not in seen:
                seen.add(one)
                reading.responsible.append(Responsible(agency=one, task=task))
        _span(reading, "responsible", start, end)

    def clauses(start: int, end: int, first_agency: str | None) -> None:
        """A sentence that assigns work, split at semicolons: a clause that opens with an
        agency and a verb is a new assignment, any other continues the task before it."""
        agency, task_start = first_agency, start
        pieces = []
        pos = start
        for part in re.split(r"(;\s*)", doc[start:end]):
            if part.startswith(";"):
                pos += len(part)
                continue
            head = _AGENCY_HEAD_RE.match(part)
            verb = _VERB_RE.search(part)
            if head and verb and verb.start() > head.end() - 1 and pieces:
                add(agency or "", doc[task_start:pos].rstrip("; "), start, pos)
                agency = part[: verb.start()]
                task_start = pos + verb.start()
                start = pos
            pieces.append(part)
            pos += len(part)
        if agency:
            add(agency, doc[task_start:end], start, end)

    # "Giao Sở Nội vụ theo dõi…", "Đề nghị Ủy ban MTTQ… phối hợp…", "yêu cầu Thủ trưởng…".
    for m in _ASSIGN_RE.finditer(doc):
        if not _AGENCY_HEAD_RE.match(doc, m.end()):
            continue
        end = _sentence_end(doc, m.end())
        verb = _VERB_RE.search(doc, m.end(), end)
        if not verb or verb.start() - m.end() < 3:
            continue
        clauses(verb.start(), end, doc[m.end() : verb.start()])
    # Items of "Tổ chức thực hiện": "a) Thủ trưởng các sở… xây dựng kế hoạch…", or a
    # paragraph after it that opens with an agency.
    execution = None
    for line in re.finditer(r"^[^\n]+$", doc, re.M):
        text = line.group(0)
        if _EXECUTION_RE.match(text) and (len(text) < 80 or ":" in text[:40]):
            execution = line.start() + (text.find(":") + 1 if ":" in text[:40] else len(text))
    if execution is None:
        return
    item_re = re.compile(r"^(?:[a-zđ]\)|[-+•]|\d{1,2}[.)])\s*|(?<=:)\s*|^(?=\S)", re.M)
    for m in item_re.finditer(doc, execution):
        if m.end() >= len(doc) or doc[m.end() : m.end() + 9].lower().startswith("nơi nhận"):
            break
        head = _AGENCY_HEAD_RE.match(doc, m.end())
        if not head:
            continue
        line_end = doc.find("\n", m.end())
        line_end = len(doc) if line_end < 0 else line_end
        verb = _VERB_RE.search(doc, head.end(), line_end)
        if not verb or _ASSIGN_RE.search(doc, m.end(), verb.start()):
            continue  # "Chủ tịch UBND tỉnh yêu cầu Thủ trưởng…" was read as an assignment
        clauses(verb.start(), line_end, doc[m.end() : verb.start()])


def _split_agencies(agency: str) -> list[str]:
    """ "các sở: Thông tin và Truyền thông; Văn hóa, Thể thao và Du lịch" → the two Sở;
    "Ủy ban MTTQ tỉnh và các tổ chức chính trị - xã hội" → the two bodies."""
    m = _SUB_SORTS_RE.match(agency)
    if m:
        kind = m.group(1).capitalize()
        return [f"{kind} {p.strip()}" for p in m.group(2).split(";") if p.strip()]
    parts = [p.strip(" ,;") for p in _SPLIT_AGENCIES_RE.split(agency)]
    return [p for p in parts if p]


def _sentence_end(doc: str, pos: int) -> int:
    m = _SENTENCE_END_RE.search(doc, pos)
    return m.start() if m else len(doc)
