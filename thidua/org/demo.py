"""Realistic, fictional demo data: a Vietnamese province after the 2025 reorganisation.

The province has no districts: the root (``tinh``) holds the People's Committee, the
departments and agencies, the mass organisations and about sixty communes and wards
directly. Departments hold their divisions and public-service units, communes their
schools and health station. People get Vietnamese names drawn from real family-name
frequencies, positions that fit their unit, and identity numbers built like a CCCD.

:func:`build_province` is pure (a seed in, plain specs out); :func:`write_province` writes
one province with bulk inserts in one transaction; :func:`load` runs both for one
province or for 34 of them and records one audit entry. Everything is idempotent: a
province whose root code exists already is skipped.
"""

from __future__ import annotations

import random
import time
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date

from django.db import transaction

from thidua.audit.models import Action
from thidua.audit.services import record
from thidua.core.text import fold

from .models import Gender, ManagementLevel, Person, Unit, UnitKind

DEFAULT_SEED = 2026
DEFAULT_PEOPLE = 5000
DEFAULT_COMMUNES = 60
NATIONAL_PROVINCES = 34
REFERENCE_DATE = date(2026, 1, 1)  # ages are computed against a fixed date: same seed, same data


def _nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def _words(text: str) -> list[str]:
    return [_nfc(word) for word in text.split()]


def _weighted(table: list[tuple[str, float]]) -> tuple[list[str], list[float]]:
    """Split a (value, weight) table into two lists and cumulate the weights."""
    values = [_nfc(value) for value, _ in table]
    cumulative, total = [], 0.0
    for _, weight in table:
        total += weight
        cumulative.append(total)
    return values, cumulative


# Names ---------------------------------------------------------------------------------

# Family names, in per cent of the population (national estimates). "Hoàng/Huỳnh" and
# "Vũ/Võ" are the northern and southern pronunciations of one name.
FAMILY_NAMES: list[tuple[str, float]] = [
    ("Nguyễn", 38.0),
    ("Trần", 11.0),
    ("Lê", 9.5),
    ("Phạm", 7.0),
    ("Hoàng", 3.0),
    ("Huỳnh", 2.0),
    ("Phan", 4.5),
    ("Vũ", 2.0),
    ("Võ", 1.9),
    ("Đặng", 2.1),
    ("Bùi", 2.0),
    ("Đỗ", 1.4),
    ("Hồ", 1.3),
    ("Ngô", 1.3),
    ("Dương", 1.0),
    ("Lý", 0.5),
    # the remaining 11.5 %
    ("Trương", 1.0),
    ("Đinh", 0.9),
    ("Đào", 0.9),
    ("Mai", 0.7),
    ("Lương", 0.6),
    ("Đoàn", 0.7),
    ("Trịnh", 0.6),
    ("Lâm", 0.5),
    ("Hà", 0.6),
    ("Cao", 0.5),
    ("Tạ", 0.3),
    ("Tô", 0.3),
    ("Châu", 0.3),
    ("Thái", 0.3),
    ("Chu", 0.3),
    ("Lưu", 0.3),
    ("Triệu", 0.2),
    ("Phùng", 0.3),
    ("Lại", 0.2),
    ("Quách", 0.2),
    ("Kiều", 0.2),
    ("Vương", 0.2),
    ("La", 0.1),
    ("Tăng", 0.1),
    ("Thân", 0.1),
    ("Nghiêm", 0.1),
    ("Khúc", 0.1),
    ("Mạc", 0.1),
    ("Từ", 0.1),
    ("Văn", 0.1),
    ("Giáp", 0.1),
]

# Family names that are common among some minorities (used for about half of them).
MINORITY_FAMILY_NAMES: dict[str, list[str]] = {
    "02": ["Nông", "Hoàng", "Lục", "Ma", "Hà", "Lưu"],  # Tày
    "03": ["Lò", "Cầm", "Lường", "Quàng", "Vì", "Hà"],  # Thái
    "06": ["Đinh", "Bùi", "Quách", "Hà", "Xa"],  # Mường
    "05": ["Thạch", "Sơn", "Kim", "Danh", "Lâm", "Châu"],  # Khơ-me
    "08": ["Giàng", "Sùng", "Vàng", "Thào", "Lý", "Mùa"],  # Mông
    "07": ["Nông", "Hoàng", "Lương", "Vi", "Lăng"],  # Nùng
    "09": ["Triệu", "Bàn", "Đặng", "Lý", "Chảo"],  # Dao
}

MALE_MIDDLE: list[tuple[str, float]] = [
    ("Văn", 30),
    ("Đức", 8),
    ("Minh", 9),
    ("Quốc", 6),
    ("Hữu", 6),
    ("Thanh", 5),
    ("Công", 5),
    ("Xuân", 4),
    ("Quang", 5),
    ("Hoàng", 3),
    ("Ngọc", 3),
    ("Trung", 2),
    ("Thế", 3),
    ("Đình", 4),
    ("Mạnh", 2),
    ("Tiến", 2),
    ("Bá", 2),
    ("Duy", 3),
    ("Anh", 3),
    ("Gia", 2),
]
FEMALE_MIDDLE: list[tuple[str, float]] = [
    ("Thị", 45),
    ("Ngọc", 7),
    ("Thu", 5),
    ("Thanh", 5),
    ("Minh", 3),
    ("Phương", 3),
    ("Thùy", 3),
    ("Hồng", 3),
    ("Kim", 3),
    ("Mai", 2),
    ("Diệu", 2),
    ("Bảo", 2),
    ("Khánh", 2),
    ("Hải", 2),
    ("Hoài", 2),
    ("Quỳnh", 2),
    ("Mỹ", 2),
    ("Bích", 2),
    ("Lan", 1),
    ("Tuyết", 1),
]
# A second middle name after "Thị" / "Văn" for some people: "Nguyễn Thị Thanh Hương".
FEMALE_SECOND_MIDDLE = ["Thanh", "Thu", "Ngọc", "Kim", "Hồng", "Minh", "Phương", "Thúy", "Bích"]
MALE_SECOND_MIDDLE = ["Minh", "Quốc", "Thanh", "Hoàng", "Đức", "Anh", "Ngọc"]

MALE_GIVEN = _words(
    "An Anh Bảo Bình Cường Công Chiến Dũng Duy Dương Đạt Định Đức Giang Hải Hào Hiếu Hiển "
    "Hòa Hoàng Hùng Huy Hưng Khang Khánh Khoa Khôi Kiên Lâm Linh Long Lộc Lợi Luân Mạnh "
    "Minh Nam Nghĩa Nhân Ninh Phát Phong Phúc Phương Quân Quang Quý Sơn Tài Tâm Tân Thái "
    "Thắng Thành Thiện Thịnh Thông Tiến Toàn Trí Trọng Trung Trường Tú Tuấn Tùng Việt Vinh "
    "Vũ"
)
FEMALE_GIVEN = _words(
    "Anh Ánh Châu Chi Diệp Dung Duyên Giang Hà Hạnh Hằng Hậu Hiền Hoa Hồng Huệ Hương Huyền "
    "Lan Liên Linh Loan Ly Mai My Nga Ngân Ngọc Nhàn Nhung Như Oanh Phượng Phương Quyên "
    "Quỳnh Tâm Thảo Thanh Thoa Thơ Thu Thúy Thủy Trang Trâm Tuyết Uyên Vân Vy Xuân Yến"
)

_FAMILY = _weighted(FAMILY_NAMES)
_MALE_MIDDLE = _weighted(MALE_MIDDLE)
_FEMALE_MIDDLE = _weighted(FEMALE_MIDDLE)

# Minorities, weighted by their national population (2019 census, thousands).
MINORITIES: list[tuple[str, float]] = [
    ("02", 1845),
    ("03", 1820),
    ("06", 1452),
    ("08", 1393),
    ("05", 1320),
    ("07", 1083),
    ("09", 891),
    ("04", 750),
    ("10", 513),
    ("12", 398),
    ("13", 287),
    ("14", 212),
    ("15", 201),
    ("16", 200),
    ("17", 178),
    ("18", 183),
]
_MINORITIES = _weighted(MINORITIES)

MOBILE_PREFIXES = _words("090 091 093 094 096 097 098 086 088 081 083 070 077 079 032 035 038")


def _pick(rng: random.Random, table: tuple[list[str], list[float]]) -> str:
    values, cumulative = table
    return rng.choices(values, cum_weights=cumulative)[0]


def person_name(rng: random.Random, gender: str, year: int, ethnicity: str = "01") -> str:
    """A Vietnamese full name: family name, one or two middle names, given name."""
    if ethnicity in MINORITY_FAMILY_NAMES and rng.random() < 0.5:
        family = rng.choice(MINORITY_FAMILY_NAMES[ethnicity])
    else:
        family = _pick(rng, _FAMILY)
    female = gender == Gender.FEMALE
    # "Văn" and "Thị" were more common for the older generations.
    plain = "Thị" if female else "Văn"
    if rng.random() < (0.25 if year < 1975 else 0.08):
        middle = plain
    else:
        middle = _pick(rng, _FEMALE_MIDDLE if female else _MALE_MIDDLE)
    given = rng.choice(FEMALE_GIVEN if female else MALE_GIVEN)
    while given == middle:
        given = rng.choice(FEMALE_GIVEN if female else MALE_GIVEN)
    parts = [family, middle]
    if middle == plain and rng.random() < (0.35 if female else 0.1):
        second = rng.choice(FEMALE_SECOND_MIDDLE if female else MALE_SECOND_MIDDLE)
        if second != given:
            parts.append(_nfc(second))
    parts.append(given)
    return " ".join(parts)


# Provinces -----------------------------------------------------------------------------

# Fictional names: none of them is a province of Viet Nam, before or after 2025.
PROVINCE_NAMES = [
    "Hòa An",
    "Lạc Sơn",
    "Tân Hải",
    "Phú Lâm",
    "Trường Giang",
    "Ngọc Sơn",
    "Thanh Hà",
    "Vạn An",
    "Đông Sơn",
    "Nam Giang",
    "Bắc Lĩnh",
    "Hưng Phước",
    "Mỹ Lộc",
    "Sơn Nam",
    "Hồng Lĩnh",
    "Bạch Đằng",
    "Lam Sơn",
    "Thạch Hà",
    "Vĩnh Xuân",
    "Yên Thế",
    "Kỳ Lam",
    "Long Điền",
    "Tam Đảo",
    "Phong Điền",
    "Đồng Xuân",
    "Thuận An",
    "Quế Lâm",
    "Xuân Lộc",
    "Hải Vân",
    "Cẩm Giang",
    "Gia Phong",
    "An Phước",
    "Trà Giang",
    "Kim Bảng",
]
# The first digits of a CCCD are the code of the province of birth registration.
CCCD_PROVINCE_CODES = _words(
    "001 002 004 006 008 010 011 012 014 015 017 019 020 022 024 025 026 027 030 031 033 "
    "034 035 036 037 038 040 042 044 045 046 048 049 051"
)
PHONE_AREA_CODES = _words(
    "0203 0204 0205 0206 0207 0208 0209 0210 0211 0212 0213 0214 0215 0216 0218 0219 0220 "
    "0221 0222 0225 0226 0227 0228 0229 0232 0233 0234 0235 0236 0237 0238 0239 0251 0252"
)

STREETS = [
    "Lê Lợi",
    "Trần Hưng Đạo",
    "Nguyễn Huệ",
    "Hai Bà Trưng",
    "Quang Trung",
    "Lý Thường Kiệt",
    "Hùng Vương",
    "Nguyễn Trãi",
    "Phan Đình Phùng",
    "Lê Duẩn",
    "Trần Phú",
    "Điện Biên Phủ",
    "Nguyễn Văn Linh",
    "30 Tháng 4",
    "Võ Thị Sáu",
    "Nguyễn Thị Minh Khai",
]
COMMUNE_FIRST = _words(
    "Tân Hòa An Phú Bình Long Thạnh Vĩnh Mỹ Phước Thuận Hưng Xuân Đông Tây Nam Bắc Quang "
    "Hồng Minh Trung Đại Cẩm Kim Ngọc Thanh Yên Đức Gia Hải"
)
COMMUNE_SECOND = _words(
    "Phú Bình Hòa An Lợi Thành Hưng Lộc Phong Sơn Tiến Thịnh Lâm Hải Trung Xuân Khánh Hiệp "
    "Đông Tân Mỹ Thuận Lạc Long Điền Giang Yên Quang Hà Châu"
)
SPECIAL_ZONES = ["Hòn Mây", "Đảo Ngọc", "Cồn Sao"]

SCHOOL_PATRONS = [
    "Lê Quý Đôn",
    "Nguyễn Du",
    "Trần Phú",
    "Phan Bội Châu",
    "Nguyễn Trãi",
    "Lê Hồng Phong",
    "Chu Văn An",
    "Quang Trung",
    "Nguyễn Huệ",
    "Trần Hưng Đạo",
    "Lý Thường Kiệt",
    "Nguyễn Đình Chiểu",
    "Phan Chu Trinh",
    "Huỳnh Thúc Kháng",
    "Võ Thị Sáu",
    "Nguyễn Thị Minh Khai",
    "Lê Lợi",
    "Hùng Vương",
    "Ngô Quyền",
    "Đinh Tiên Hoàng",
    "Nguyễn Khuyến",
    "Tô Hiến Thành",
    "Hai Bà Trưng",
    "Bùi Thị Xuân",
    "Lương Thế Vinh",
    "Nguyễn Bỉnh Khiêm",
    "Phan Đình Phùng",
    "Nguyễn Văn Cừ",
    "Lê Thánh Tông",
    "Nguyễn Công Trứ",
    "Mạc Đĩnh Chi",
    "Hoàng Hoa Thám",
    "Lý Tự Trọng",
    "Trần Quốc Tuấn",
]
COMPANY_FORMS = ["Công ty TNHH", "Công ty CP", "Công ty TNHH MTV"]
COMPANY_TRADES = [
    "May mặc",
    "Điện tử",
    "Chế biến thủy sản",
    "Chế biến gỗ",
    "Cơ khí",
    "Bao bì",
    "Thực phẩm",
    "Dệt",
    "Giày da",
    "Vật liệu xây dựng",
    "Nhựa",
    "Linh kiện điện tử",
    "Nông sản",
    "Thức ăn chăn nuôi",
]
COMPANY_NAMES = [
    "Tân Tiến",
    "Hưng Thịnh",
    "Thành Công",
    "Đại Phát",
    "Minh Long",
    "Kim Ngân",
    "Sao Việt",
    "An Khang",
    "Trường Thành",
    "Phúc Lộc",
    "Việt Hưng",
    "Đông Á",
    "Nam Việt",
    "Hải Long",
    "Thiên Ân",
    "Bình Minh",
]


# Staffing profiles ---------------------------------------------------------------------


@dataclass(frozen=True)
class Profile:
    """Who works in a kind of unit: titles, and the share of women."""

    head: str
    deputy: str
    managers: tuple[str, ...]
    staff: tuple[tuple[str, float], ...]
    female: float = 0.48
    head_female: float = 0.25
    lead_level: str = ManagementLevel.LEADER  # a division's head is a manager, not a leader


OFFICE_STAFF = (
    ("Chuyên viên", 6),
    ("Chuyên viên chính", 3),
    ("Kế toán", 0.7),
    ("Văn thư", 0.5),
    ("Cán sự", 0.7),
    ("Nhân viên lái xe", 0.3),
)
PROFILES: dict[str, Profile] = {
    "ubnd": Profile(
        "Chủ tịch UBND tỉnh",
        "Phó Chủ tịch UBND tỉnh",
        (),
        (("Ủy viên UBND tỉnh", 1),),
        female=0.3,
        head_female=0.15,
    ),
    "department": Profile(
        "Giám đốc Sở",
        "Phó Giám đốc Sở",
        ("Trưởng phòng", "Phó Trưởng phòng"),
        OFFICE_STAFF,
        female=0.42,
    ),
    "division": Profile(
        "Trưởng phòng",
        "Phó Trưởng phòng",
        (),
        OFFICE_STAFF,
        female=0.5,
        head_female=0.35,
        lead_level=ManagementLevel.MANAGER,
    ),
    "police": Profile(
        "Giám đốc Công an tỉnh",
        "Phó Giám đốc Công an tỉnh",
        ("Trưởng phòng", "Đội trưởng"),
        (("Cán bộ", 5), ("Chiến sĩ", 4), ("Điều tra viên", 1)),
        female=0.15,
        head_female=0.0,
    ),
    "military": Profile(
        "Chỉ huy trưởng",
        "Phó Chỉ huy trưởng",
        ("Trưởng phòng", "Trưởng ban"),
        (("Sĩ quan", 4), ("Quân nhân chuyên nghiệp", 4), ("Nhân viên", 1)),
        female=0.1,
        head_female=0.0,
    ),
    "broadcast": Profile(
        "Giám đốc",
        "Phó Giám đốc",
        ("Trưởng phòng",),
        (("Biên tập viên", 4), ("Phóng viên", 4), ("Kỹ thuật viên", 2), ("Phát thanh viên", 1)),
        female=0.5,
    ),
    "college": Profile(
        "Hiệu trưởng",
        "Phó Hiệu trưởng",
        ("Trưởng khoa", "Trưởng phòng"),
        (("Giảng viên", 8), ("Chuyên viên", 2), ("Kế toán", 0.5)),
        female=0.55,
    ),
    "mass": Profile(
        "Chủ tịch",
        "Phó Chủ tịch",
        ("Trưởng ban",),
        (("Chuyên viên", 5), ("Kế toán", 0.5), ("Văn thư", 0.5)),
        female=0.5,
        head_female=0.3,
    ),
    "commune": Profile(
        "Chủ tịch UBND xã",
        "Phó Chủ tịch UBND xã",
        ("Trưởng phòng Kinh tế", "Trưởng phòng Văn hóa – Xã hội", "Chánh Văn phòng HĐND và UBND"),
        (
            ("Công chức Văn hóa – Xã hội", 3),
            ("Công chức Tư pháp – Hộ tịch", 2),
            ("Công chức Địa chính – Xây dựng", 2),
            ("Công chức Tài chính – Kế toán", 2),
            ("Công chức Văn phòng – Thống kê", 2),
            ("Chuyên viên", 3),
            ("Viên chức Trung tâm Phục vụ hành chính công", 1),
        ),
        female=0.4,
        head_female=0.15,
    ),
    "school": Profile(
        "Hiệu trưởng",
        "Phó Hiệu trưởng",
        ("Tổ trưởng chuyên môn",),
        (
            ("Giáo viên", 14),
            ("Kế toán", 0.5),
            ("Nhân viên thư viện", 0.3),
            ("Nhân viên văn thư", 0.3),
            ("Nhân viên y tế trường học", 0.3),
        ),
        female=0.72,
        head_female=0.45,
    ),
    "preschool": Profile(
        "Hiệu trưởng",
        "Phó Hiệu trưởng",
        ("Tổ trưởng chuyên môn",),
        (("Giáo viên", 12), ("Nhân viên nấu ăn", 1.5), ("Kế toán", 0.4)),
        female=0.97,
        head_female=0.95,
    ),
    "hospital": Profile(
        "Giám đốc",
        "Phó Giám đốc",
        ("Trưởng khoa", "Điều dưỡng trưởng", "Trưởng phòng"),
        (
            ("Bác sĩ", 4),
            ("Điều dưỡng", 6),
            ("Dược sĩ", 1),
            ("Kỹ thuật viên", 1),
            ("Hộ sinh", 1),
            ("Kế toán", 0.4),
            ("Hộ lý", 0.6),
        ),
        female=0.66,
        head_female=0.3,
    ),
    "station": Profile(
        "Trạm trưởng",
        "Phó Trạm trưởng",
        (),
        (("Bác sĩ", 1), ("Y sĩ", 2), ("Điều dưỡng", 2), ("Hộ sinh", 1), ("Dược sĩ", 0.5)),
        female=0.7,
        head_female=0.4,
    ),
    "service": Profile(
        "Giám đốc",
        "Phó Giám đốc",
        ("Trưởng phòng",),
        (("Viên chức", 4), ("Chuyên viên", 2), ("Kế toán", 0.6), ("Kỹ sư", 1)),
        female=0.5,
    ),
    "enterprise": Profile(
        "Giám đốc",
        "Phó Giám đốc",
        ("Trưởng phòng", "Kế toán trưởng", "Quản đốc"),
        (("Nhân viên", 4), ("Kỹ sư", 2), ("Công nhân", 6), ("Kế toán", 0.7)),
        female=0.36,
        head_female=0.2,
    ),
}
# People per unit before scaling to the requested total.
WEIGHTS = {
    "ubnd": 6,
    "department": 18,
    "division": 8,
    "police": 130,
    "military": 90,
    "broadcast": 40,
    "college": 60,
    "mass": 10,
    "commune": 32,
    "school": 16,
    "preschool": 11,
    "station": 6,
    "service": 14,
    "enterprise": 55,
    "hospital": 70,
}


# Specs ---------------------------------------------------------------------------------


@dataclass
class UnitSpec:
    code: str
    name: str
    kind: str
    parent: int | None  # index of the parent in Province.units
    depth: int
    profile: str = ""
    head_title: str = ""
    deputy_title: str = ""
    weight: float = 0.0
    short_name: str = ""
    address: str = ""
    phone: str = ""
    email: str = ""
    head_name: str = ""


@dataclass
class PersonSpec:
    unit: int  # index in Province.units
    full_name: str
    gender: str
    date_of_birth: date
    ethnicity: str
    position: str
    management_level: str
    identity_number: str | None
    phone: str


@dataclass
class Province:
    index: int
    code: str
    name: str
    units: list[UnitSpec] = field(default_factory=list)
    people: list[PersonSpec] = field(default_factory=list)


# (code suffix, name, profile, head title, deputy title, short name, divisions)
# A division is (code suffix, name[, head title, deputy title]).
DEPARTMENTS: list[tuple] = [
    (
        "VPUBND",
        "Văn phòng UBND tỉnh",
        "department",
        "Chánh Văn phòng",
        "Phó Chánh Văn phòng",
        "VP UBND",
        [
            ("PTH", "Phòng Tổng hợp"),
            ("PKT", "Phòng Kinh tế"),
            ("PKGVX", "Phòng Khoa giáo – Văn xã"),
            ("PHCTC", "Phòng Hành chính – Tổ chức"),
        ],
    ),
    (
        "SNV",
        "Sở Nội vụ",
        "department",
        "",
        "",
        "Sở NV",
        [
            ("VP", "Văn phòng Sở"),
            ("BTDKT", "Ban Thi đua – Khen thưởng", "Trưởng ban", "Phó Trưởng ban"),
            ("PTCBC", "Phòng Tổ chức – Biên chế"),
            ("PCCVC", "Phòng Công chức, viên chức"),
            ("PLDVL", "Phòng Lao động – Việc làm"),
        ],
    ),
    (
        "STC",
        "Sở Tài chính",
        "department",
        "",
        "",
        "Sở TC",
        [
            ("VP", "Văn phòng Sở"),
            ("PQLNS", "Phòng Quản lý ngân sách"),
            ("PTHQH", "Phòng Tổng hợp, quy hoạch"),
            ("PDKKD", "Phòng Đăng ký kinh doanh"),
        ],
    ),
    (
        "SXD",
        "Sở Xây dựng",
        "department",
        "",
        "",
        "Sở XD",
        [
            ("VP", "Văn phòng Sở"),
            ("PQLXD", "Phòng Quản lý xây dựng"),
            ("PQLGT", "Phòng Quản lý giao thông"),
            ("PQHKT", "Phòng Quy hoạch – Kiến trúc"),
        ],
    ),
    (
        "SNNMT",
        "Sở Nông nghiệp và Môi trường",
        "department",
        "",
        "",
        "Sở NN&MT",
        [
            ("VP", "Văn phòng Sở"),
            ("PQLDD", "Phòng Quản lý đất đai"),
            ("CCKL", "Chi cục Kiểm lâm", "Chi cục trưởng", "Phó Chi cục trưởng"),
            ("CCTL", "Chi cục Thủy lợi", "Chi cục trưởng", "Phó Chi cục trưởng"),
        ],
    ),
    (
        "SCT",
        "Sở Công Thương",
        "department",
        "",
        "",
        "Sở CT",
        [
            ("VP", "Văn phòng Sở"),
            ("PQLTM", "Phòng Quản lý thương mại"),
            ("PQLNL", "Phòng Quản lý năng lượng"),
        ],
    ),
    (
        "SGDDT",
        "Sở Giáo dục và Đào tạo",
        "department",
        "",
        "",
        "Sở GD&ĐT",
        [
            ("VP", "Văn phòng Sở"),
            ("PGDPT", "Phòng Giáo dục phổ thông"),
            ("PGDMN", "Phòng Giáo dục mầm non"),
            ("PKT", "Phòng Khảo thí và Kiểm định chất lượng giáo dục"),
        ],
    ),
    (
        "SYT",
        "Sở Y tế",
        "department",
        "",
        "",
        "Sở YT",
        [
            ("VP", "Văn phòng Sở"),
            ("PNVY", "Phòng Nghiệp vụ Y"),
            ("PNVD", "Phòng Nghiệp vụ Dược"),
            ("PBTXH", "Phòng Bảo trợ xã hội"),
        ],
    ),
    (
        "SKHCN",
        "Sở Khoa học và Công nghệ",
        "department",
        "",
        "",
        "Sở KH&CN",
        [
            ("VP", "Văn phòng Sở"),
            ("PQLKH", "Phòng Quản lý khoa học"),
            ("PCDS", "Phòng Chuyển đổi số"),
        ],
    ),
    (
        "SVHTTDL",
        "Sở Văn hóa, Thể thao và Du lịch",
        "department",
        "",
        "",
        "Sở VHTT&DL",
        [
            ("VP", "Văn phòng Sở"),
            ("PQLVH", "Phòng Quản lý văn hóa"),
            ("PQLTDTT", "Phòng Quản lý thể dục thể thao"),
            ("PQLDL", "Phòng Quản lý du lịch"),
        ],
    ),
    (
        "STP",
        "Sở Tư pháp",
        "department",
        "",
        "",
        "Sở TP",
        [
            ("VP", "Văn phòng Sở"),
            ("PXDVB", "Phòng Xây dựng và kiểm tra văn bản"),
            ("PHCTP", "Phòng Hành chính tư pháp"),
        ],
    ),
    (
        "TTT",
        "Thanh tra tỉnh",
        "department",
        "Chánh Thanh tra tỉnh",
        "Phó Chánh Thanh tra tỉnh",
        "Thanh tra",
        [
            ("VP", "Văn phòng"),
            ("PNV1", "Phòng Nghiệp vụ 1"),
            ("PNV2", "Phòng Nghiệp vụ 2"),
            ("PTCD", "Phòng Tiếp công dân và xử lý đơn thư"),
        ],
    ),
    (
        "SDTTG",
        "Sở Dân tộc và Tôn giáo",
        "department",
        "",
        "",
        "Sở DT&TG",
        [
            ("VP", "Văn phòng Sở"),
            ("PCSDT", "Phòng Chính sách dân tộc"),
            ("PTG", "Phòng Tôn giáo"),
        ],
    ),
    (
        "SNGV",
        "Sở Ngoại vụ",
        "department",
        "",
        "",
        "Sở NgV",
        [("VP", "Văn phòng Sở"), ("PLS", "Phòng Lãnh sự")],
    ),
    (
        "BQLKCN",
        "Ban Quản lý các Khu công nghiệp",
        "department",
        "Trưởng ban",
        "Phó Trưởng ban",
        "BQL các KCN",
        [
            ("VP", "Văn phòng Ban"),
            ("PQLDT", "Phòng Quản lý đầu tư"),
            ("PQLMT", "Phòng Quản lý môi trường – xây dựng"),
        ],
    ),
    (
        "BQLDA",
        "Ban Quản lý dự án đầu tư xây dựng tỉnh",
        "department",
        "Giám đốc",
        "Phó Giám đốc",
        "BQLDA",
        [("PKHKT", "Phòng Kế hoạch – Kỹ thuật"), ("PHCTH", "Phòng Hành chính – Tổng hợp")],
    ),
    (
        "CAT",
        "Công an tỉnh",
        "police",
        "",
        "",
        "CA tỉnh",
        [
            ("PTM", "Phòng Tham mưu"),
            ("PCSHS", "Phòng Cảnh sát hình sự"),
            ("PCSGT", "Phòng Cảnh sát giao thông"),
            ("PQLHC", "Phòng Quản lý hành chính về trật tự xã hội"),
        ],
    ),
    (
        "BCHQS",
        "Bộ Chỉ huy Quân sự tỉnh",
        "military",
        "",
        "",
        "BCH QS tỉnh",
        [
            ("PTM", "Phòng Tham mưu"),
            ("PCT", "Phòng Chính trị"),
            ("PHCKT", "Phòng Hậu cần – Kỹ thuật"),
        ],
    ),
    (
        "DPTTH",
        "Đài Phát thanh và Truyền hình tỉnh",
        "broadcast",
        "",
        "",
        "Đài PT-TH",
        [("PTS", "Phòng Thời sự"), ("PKTCN", "Phòng Kỹ thuật – Công nghệ")],
    ),
    (
        "CD",
        "Trường Cao đẳng {p}",
        "college",
        "",
        "",
        "CĐ {p}",
        [
            ("PDT", "Phòng Đào tạo", "Trưởng phòng", "Phó Trưởng phòng"),
            ("KKT", "Khoa Kinh tế", "Trưởng khoa", "Phó Trưởng khoa"),
            ("KKTH", "Khoa Kỹ thuật", "Trưởng khoa", "Phó Trưởng khoa"),
        ],
    ),
]
MASS_ORGANISATIONS = [
    (
        "MTTQ",
        "Ủy ban MTTQ Việt Nam tỉnh",
        "Chủ tịch Ủy ban MTTQ Việt Nam tỉnh",
        "Phó Chủ tịch",
        0.3,
    ),
    ("TDOAN", "Tỉnh đoàn", "Bí thư Tỉnh đoàn", "Phó Bí thư Tỉnh đoàn", 0.4),
    ("HLHPN", "Hội Liên hiệp Phụ nữ tỉnh", "Chủ tịch Hội", "Phó Chủ tịch Hội", 1.0),
    ("HND", "Hội Nông dân tỉnh", "Chủ tịch Hội", "Phó Chủ tịch Hội", 0.15),
    ("LDLD", "Liên đoàn Lao động tỉnh", "Chủ tịch Liên đoàn", "Phó Chủ tịch Liên đoàn", 0.3),
    ("HCCB", "Hội Cựu chiến binh tỉnh", "Chủ tịch Hội", "Phó Chủ tịch Hội", 0.02),
]
# Public-service units under departments: department code → [(suffix, name, kind, profile)].
SERVICE_UNITS: dict[str, list[tuple[str, str, str, str]]] = {
    "VPUBND": [
        ("TTHCC", "Trung tâm Phục vụ hành chính công tỉnh", UnitKind.PUBLIC_SERVICE, "service"),
        ("CTTDT", "Cổng Thông tin điện tử tỉnh", UnitKind.PUBLIC_SERVICE, "service"),
    ],
    "SNV": [
        ("TTLT", "Trung tâm Lưu trữ lịch sử", UnitKind.PUBLIC_SERVICE, "service"),
        ("TTDVVL", "Trung tâm Dịch vụ việc làm", UnitKind.PUBLIC_SERVICE, "service"),
    ],
    "STC": [("TTXTDT", "Trung tâm Xúc tiến đầu tư", UnitKind.PUBLIC_SERVICE, "service")],
    "SXD": [
        ("BQLDD", "Ban Quản lý dự án công trình dân dụng", UnitKind.PUBLIC_SERVICE, "service"),
        ("BQLGT", "Ban Quản lý dự án công trình giao thông", UnitKind.PUBLIC_SERVICE, "service"),
        ("TTKD", "Trung tâm Kiểm định chất lượng xây dựng", UnitKind.PUBLIC_SERVICE, "service"),
    ],
    "SNNMT": [
        ("TTKN", "Trung tâm Khuyến nông", UnitKind.PUBLIC_SERVICE, "service"),
        ("VPDKDD", "Văn phòng Đăng ký đất đai", UnitKind.PUBLIC_SERVICE, "service"),
        (
            "TTQT",
            "Trung tâm Quan trắc tài nguyên và môi trường",
            UnitKind.PUBLIC_SERVICE,
            "service",
        ),
        (
            "TTNS",
            "Trung tâm Nước sạch và Vệ sinh môi trường nông thôn",
            UnitKind.PUBLIC_SERVICE,
            "service",
        ),
        ("BQLR1", "Ban Quản lý rừng phòng hộ số 1", UnitKind.PUBLIC_SERVICE, "service"),
        ("BQLR2", "Ban Quản lý rừng phòng hộ số 2", UnitKind.PUBLIC_SERVICE, "service"),
        ("TTGIONG", "Trung tâm Giống cây trồng, vật nuôi", UnitKind.PUBLIC_SERVICE, "service"),
    ],
    "SCT": [
        ("TTKC", "Trung tâm Khuyến công và Xúc tiến thương mại", UnitKind.PUBLIC_SERVICE, "service")
    ],
    "SKHCN": [
        (
            "TTUD",
            "Trung tâm Ứng dụng tiến bộ khoa học và công nghệ",
            UnitKind.PUBLIC_SERVICE,
            "service",
        ),
        (
            "TTTDC",
            "Trung tâm Kỹ thuật Tiêu chuẩn Đo lường Chất lượng",
            UnitKind.PUBLIC_SERVICE,
            "service",
        ),
    ],
    "SVHTTDL": [
        ("TV", "Thư viện tỉnh", UnitKind.PUBLIC_SERVICE, "service"),
        ("BT", "Bảo tàng tỉnh", UnitKind.PUBLIC_SERVICE, "service"),
        ("TTVH", "Trung tâm Văn hóa – Điện ảnh", UnitKind.PUBLIC_SERVICE, "service"),
        ("NHNT", "Nhà hát Nghệ thuật truyền thống", UnitKind.PUBLIC_SERVICE, "service"),
        ("TTHLTT", "Trung tâm Huấn luyện và Thi đấu thể thao", UnitKind.PUBLIC_SERVICE, "service"),
        ("TTXTDL", "Trung tâm Thông tin và Xúc tiến du lịch", UnitKind.PUBLIC_SERVICE, "service"),
    ],
    "STP": [
        ("TTTGPL", "Trung tâm Trợ giúp pháp lý nhà nước", UnitKind.PUBLIC_SERVICE, "service"),
        ("PCC1", "Phòng Công chứng số 1", UnitKind.PUBLIC_SERVICE, "service"),
        ("TTDG", "Trung tâm Dịch vụ đấu giá tài sản", UnitKind.PUBLIC_SERVICE, "service"),
    ],
    "TDOAN": [("NTN", "Nhà Thiếu nhi tỉnh", UnitKind.PUBLIC_SERVICE, "service")],
    "LDLD": [("NVHLD", "Nhà Văn hóa Lao động tỉnh", UnitKind.PUBLIC_SERVICE, "service")],
    "SYT": [
        ("BVDK", "Bệnh viện Đa khoa tỉnh", UnitKind.HOSPITAL, "hospital"),
        ("BVSN", "Bệnh viện Sản – Nhi", UnitKind.HOSPITAL, "hospital"),
        ("BVYDCT", "Bệnh viện Y dược cổ truyền", UnitKind.HOSPITAL, "hospital"),
        ("BVPHOI", "Bệnh viện Phổi", UnitKind.HOSPITAL, "hospital"),
        ("BVTT", "Bệnh viện Tâm thần", UnitKind.HOSPITAL, "hospital"),
        ("BVMAT", "Bệnh viện Mắt", UnitKind.HOSPITAL, "hospital"),
        ("BVPHCN", "Bệnh viện Phục hồi chức năng", UnitKind.HOSPITAL, "hospital"),
        ("CDC", "Trung tâm Kiểm soát bệnh tật tỉnh", UnitKind.HOSPITAL, "hospital"),
        ("TTPY", "Trung tâm Pháp y", UnitKind.HOSPITAL, "service"),
        ("TTKN", "Trung tâm Kiểm nghiệm thuốc, mỹ phẩm, thực phẩm", UnitKind.HOSPITAL, "service"),
        ("TTGDYK", "Trung tâm Giám định y khoa", UnitKind.HOSPITAL, "service"),
        ("TTCTXH", "Trung tâm Công tác xã hội", UnitKind.PUBLIC_SERVICE, "service"),
        ("CSCN", "Cơ sở Cai nghiện ma túy", UnitKind.PUBLIC_SERVICE, "service"),
    ],
    "SGDDT": [
        ("TTHTKT", "Trung tâm Hỗ trợ phát triển giáo dục hòa nhập", UnitKind.SCHOOL, "school"),
    ],
}
STATE_ENTERPRISES = [
    ("XSKT", "Công ty TNHH MTV Xổ số kiến thiết {p}"),
    ("CAPNUOC", "Công ty CP Cấp nước {p}"),
    ("THUYLOI", "Công ty TNHH MTV Khai thác công trình thủy lợi {p}"),
    ("MTDT", "Công ty CP Môi trường đô thị {p}"),
    ("LAMNGHIEP", "Công ty TNHH MTV Lâm nghiệp {p}"),
    ("XEKHACH", "Công ty CP Xe khách {p}"),
    ("SACHTB", "Công ty CP Sách và Thiết bị trường học {p}"),
    ("DUOC", "Công ty CP Dược – Vật tư y tế {p}"),
]


class _Builder:
    def __init__(self, index: int, seed: int, communes: int, people: int):
        self.rng = random.Random(f"thidua-demo-{seed}-{index}")
        self.index = index
        self.communes = communes
        self.people_target = people
        self.name = PROVINCE_NAMES[(index - 1) % len(PROVINCE_NAMES)]
        if index > len(PROVINCE_NAMES):
            self.name += f" {index // len(PROVINCE_NAMES) + 1}"
        self.code = f"T{index:02d}"
        self.cccd = CCCD_PROVINCE_CODES[(index - 1) % len(CCCD_PROVINCE_CODES)]
        self.area = PHONE_AREA_CODES[(index - 1) % len(PHONE_AREA_CODES)]
        self.domain = fold(self.name).replace(" ", "") + ".gov.vn"
        self.coastal = index == 1 or self.rng.random() < 0.6
        # Share of ethnic minorities: low in the first province, varied in the others.
        self.minority_share = 0.06 if index == 1 else self.rng.choice([0.03, 0.05, 0.1, 0.2, 0.35])
        self.province = Province(index=index, code=self.code, name=f"Tỉnh {self.name}")
        self.centre = ""  # the ward where the provincial offices are
        self.identity_numbers: set[str] = set()

    # units

    def unit(self, code, name, kind, parent, profile="", weight=None, **extra) -> int:
        units = self.province.units
        depth = units[parent].depth + 1 if parent is not None else 0
        spec = UnitSpec(
            code=code,
            name=_nfc(name),
            kind=kind,
            parent=parent,
            depth=depth,
            profile=profile,
            weight=WEIGHTS.get(profile, 0) if weight is None else weight,
            **extra,
        )
        local = ".".join(code.split(".")[1:]).lower() or "vanthu"
        if kind == UnitKind.ENTERPRISE:
            spec.email = f"lienhe.{local.rsplit('.', 1)[-1]}@{self.domain[:-7]}.com.vn"
        else:
            spec.email = f"{local}@{self.domain}"
        spec.phone = f"{self.area}.{self.rng.randint(3500, 3899)}.{self.rng.randint(100, 999)}"
        units.append(spec)
        return len(units) - 1

    def office_address(self) -> str:
        street = self.rng.choice(STREETS)
        return f"Số {self.rng.randint(1, 250)} đường {street}, {self.centre}, Tỉnh {self.name}"

    def build_units(self) -> None:
        rng, code, p = self.rng, self.code, self.name
        commune_names = self.commune_names()
        wards = max(1, self.communes // 4)
        self.centre = f"Phường {commune_names[0]}"
        root = self.unit(code, f"Tỉnh {p}", UnitKind.PROVINCE, None, weight=0, short_name=p)
        self.province.units[root].address = f"{self.centre}, Tỉnh {p}"
        ubnd = self.unit(
            f"{code}.UBND",
            f"Ủy ban nhân dân tỉnh {p}",
            UnitKind.PEOPLES_COMMITTEE,
            root,
            "ubnd",
            short_name="UBND tỉnh",
            address=self.office_address(),
        )
        department_index: dict[str, int] = {}
        for suffix, name, profile, head, deputy, short, divisions in DEPARTMENTS:
            index = self.unit(
                f"{code}.{suffix}",
                name.format(p=p),
                UnitKind.DEPARTMENT,
                root,
                profile,
                head_title=head,
                deputy_title=deputy,
                short_name=short.format(p=p),
                address=self.office_address(),
            )
            department_index[suffix] = index
            address = self.province.units[index].address
            for division in divisions:
                div_suffix, div_name, *titles = division
                self.unit(
                    f"{code}.{suffix}.{div_suffix}",
                    div_name,
                    UnitKind.DIVISION,
                    index,
                    "division",
                    head_title=titles[0]
                    if titles
                    else ("Chánh Văn phòng" if div_suffix == "VP" else ""),
                    deputy_title=titles[1]
                    if titles
                    else ("Phó Chánh Văn phòng" if div_suffix == "VP" else ""),
                    address=address,
                )
        for suffix, name, head, deputy, female in MASS_ORGANISATIONS:
            department_index[suffix] = self.unit(
                f"{code}.{suffix}",
                name,
                UnitKind.MASS_ORGANISATION,
                root,
                "mass",
                head_title=head,
                deputy_title=deputy,
                address=self.office_address(),
            )
            if female >= 0.9:
                self.province.units[-1].profile = "mass_women"
        for parent_code, services in SERVICE_UNITS.items():
            parent = department_index[parent_code]
            for suffix, name, kind, profile in services:
                self.unit(
                    f"{code}.{parent_code}.{suffix}",
                    name,
                    kind,
                    parent,
                    profile,
                    head_title="Giám đốc Trung tâm" if name.startswith("Trung tâm") else "",
                    address=self.office_address(),
                )
        # Schools under Sở GD&ĐT.
        education = department_index["SGDDT"]
        self.unit(
            f"{code}.SGDDT.THPTCHUYEN",
            f"Trường THPT Chuyên {p}",
            UnitKind.SCHOOL,
            education,
            "school",
            address=self.office_address(),
        )
        self.unit(
            f"{code}.SGDDT.PTDTNT",
            "Trường Phổ thông Dân tộc nội trú tỉnh",
            UnitKind.SCHOOL,
            education,
            "school",
            address=self.office_address(),
        )
        patrons = rng.sample(SCHOOL_PATRONS, min(len(SCHOOL_PATRONS), rng.randint(20, 26)))
        places = rng.sample(commune_names[1:], min(len(commune_names) - 1, rng.randint(12, 16)))
        for number, school in enumerate(patrons + places, start=1):
            self.unit(
                f"{code}.SGDDT.THPT{number:02d}",
                f"Trường THPT {school}",
                UnitKind.SCHOOL,
                education,
                "school",
                address=f"{rng.choice(commune_names)}, Tỉnh {p}",
            )
        for number, place in enumerate(rng.sample(commune_names, min(len(commune_names), 6)), 1):
            self.unit(
                f"{code}.SGDDT.GDTX{number:02d}",
                f"Trung tâm Giáo dục nghề nghiệp – Giáo dục thường xuyên {place}",
                UnitKind.SCHOOL,
                education,
                "school",
                head_title="Giám đốc",
                deputy_title="Phó Giám đốc",
                address=f"{place}, Tỉnh {p}",
            )
        # Regional health centres under Sở Y tế.
        health = department_index["SYT"]
        for number, place in enumerate(rng.sample(commune_names, min(len(commune_names), 12)), 1):
            self.unit(
                f"{code}.SYT.TTYT{number:02d}",
                f"Trung tâm Y tế khu vực {place}",
                UnitKind.HOSPITAL,
                health,
                "hospital",
                address=f"{place}, Tỉnh {p}",
            )
        # Enterprises: state-owned ones under the committee, others in the industrial zones.
        enterprises = STATE_ENTERPRISES + (
            [("CANG", "Công ty CP Cảng {p}")] if self.coastal else []
        )
        for suffix, name in enterprises:
            self.unit(
                f"{code}.UBND.{suffix}",
                name.format(p=p),
                UnitKind.ENTERPRISE,
                ubnd,
                "enterprise",
                address=self.office_address(),
            )
        zones = department_index["BQLKCN"]
        seen: set[str] = set()
        for number in range(1, rng.randint(22, 30) + 1):
            while True:
                name = (
                    f"{rng.choice(COMPANY_FORMS)} {rng.choice(COMPANY_TRADES)} "
                    f"{rng.choice(COMPANY_NAMES)}"
                )
                if name not in seen:
                    seen.add(name)
                    break
            self.unit(
                f"{code}.BQLKCN.DN{number:03d}",
                name,
                UnitKind.ENTERPRISE,
                zones,
                "enterprise",
                address=f"Khu công nghiệp {rng.choice(commune_names)}, Tỉnh {p}",
            )
        # Communes, wards and special zones, each with its schools and health station.
        zones_count = (1 if rng.random() < 0.5 else 2) if self.coastal else 0
        zones_count = min(zones_count, max(0, self.communes - 1))
        for number, place in enumerate(commune_names, start=1):
            if number <= wards:
                kind, prefix, letter, title = UnitKind.WARD, "Phường", "P", "phường"
            elif number > self.communes - zones_count:
                kind, prefix, letter, title = UnitKind.SPECIAL_ZONE, "Đặc khu", "DK", "đặc khu"
                place = SPECIAL_ZONES[self.communes - number]
            else:
                kind, prefix, letter, title = UnitKind.COMMUNE, "Xã", "X", "xã"
            full = f"{prefix} {place}"
            commune = self.unit(
                f"{code}.{letter}{number:03d}",
                full,
                kind,
                root,
                "commune",
                head_title=f"Chủ tịch UBND {title}",
                deputy_title=f"Phó Chủ tịch UBND {title}",
                weight=WEIGHTS["commune"] * (1.3 if kind == UnitKind.SPECIAL_ZONE else 1),
                address=f"{full}, Tỉnh {p}",
            )
            local = self.province.units[commune].code
            for suffix, school, profile in (
                ("MN", "Trường Mầm non", "preschool"),
                ("TH", "Trường Tiểu học", "school"),
                ("THCS", "Trường THCS", "school"),
            ):
                self.unit(
                    f"{local}.{suffix}",
                    f"{school} {place}",
                    UnitKind.SCHOOL,
                    commune,
                    profile,
                    address=f"{full}, Tỉnh {p}",
                )
            self.unit(
                f"{local}.TYT",
                f"Trạm Y tế {full}",
                UnitKind.HOSPITAL,
                commune,
                "station",
                address=f"{full}, Tỉnh {p}",
            )

    def commune_names(self) -> list[str]:
        names: list[str] = []
        seen: set[str] = set()
        while len(names) < self.communes:
            first, second = self.rng.choice(COMMUNE_FIRST), self.rng.choice(COMMUNE_SECOND)
            name = _nfc(f"{first} {second}")
            if first != second and name not in seen and name != self.name:
                seen.add(name)
                names.append(name)
        return names

    # people

    def allocate(self) -> list[int]:
        units = self.province.units
        total_weight = sum(unit.weight for unit in units) or 1
        target = self.people_target
        counts = [
            max(1, int(unit.weight * target / total_weight)) if unit.weight else 0 for unit in units
        ]
        missing = target - sum(counts)
        if missing > 0:
            weighted = [i for i, unit in enumerate(units) if unit.weight]
            weights = [units[i].weight for i in weighted]
            for i in self.rng.choices(weighted, weights=weights, k=missing):
                counts[i] += 1
        return counts

    def birth_date(self, low: int, high: int) -> date:
        age = low + int(self.rng.betavariate(1.5, 1.7) * (high - low + 1))
        year = REFERENCE_DATE.year - min(age, high) - 1
        return date(year, self.rng.randint(1, 12), self.rng.randint(1, 28))

    def identity_number(self, gender: str, born: date) -> str | None:
        if self.rng.random() >= 0.7:
            return None
        century = 0 if born.year < 2000 else 2
        digit = century + (1 if gender == Gender.FEMALE else 0)
        while True:
            number = f"{self.cccd}{digit}{born.year % 100:02d}{self.rng.randint(0, 999999):06d}"
            if number not in self.identity_numbers:
                self.identity_numbers.add(number)
                return number

    def person(self, unit: int, position: str, level: str, female_share: float, ages) -> PersonSpec:
        rng = self.rng
        gender = Gender.FEMALE if rng.random() < female_share else Gender.MALE
        high = min(ages[1], 57 if gender == Gender.FEMALE else 60)
        born = self.birth_date(ages[0], high)
        ethnicity = "01"
        if rng.random() < self.minority_share:
            ethnicity = _pick(rng, _MINORITIES)
        phone = ""
        if rng.random() < 0.5:
            phone = f"{rng.choice(MOBILE_PREFIXES)}{rng.randint(0, 9999999):07d}"
        return PersonSpec(
            unit=unit,
            full_name=person_name(rng, gender, born.year, ethnicity),
            gender=gender,
            date_of_birth=born,
            ethnicity=ethnicity,
            position=position,
            management_level=level,
            identity_number=self.identity_number(gender, born),
            phone=phone,
        )

    def build_people(self) -> None:
        rng = self.rng
        counts = self.allocate()
        for index, (unit, count) in enumerate(zip(self.province.units, counts, strict=True)):
            if not count:
                continue
            key = unit.profile
            profile = PROFILES["mass"] if key == "mass_women" else PROFILES[key]
            female = 0.9 if key == "mass_women" else profile.female
            head_female = 0.9 if key == "mass_women" else profile.head_female
            head_title = unit.head_title or profile.head
            deputy_title = unit.deputy_title or profile.deputy
            head = self.person(index, head_title, profile.lead_level, head_female, (45, 58))
            unit.head_name = head.full_name
            self.province.people.append(head)
            remaining = count - 1
            deputies = 0 if count < 6 else max(1, min(4, count // 12))
            for _ in range(deputies):
                self.province.people.append(
                    self.person(
                        index, deputy_title, profile.lead_level, head_female + 0.1, (38, 58)
                    )
                )
            remaining -= deputies
            managers = min(12, count // 10) if profile.managers and count >= 8 else 0
            for _ in range(managers):
                self.province.people.append(
                    self.person(
                        index,
                        rng.choice(profile.managers),
                        ManagementLevel.MANAGER,
                        (female + head_female) / 2,
                        (33, 57),
                    )
                )
            remaining -= managers
            titles = [title for title, _ in profile.staff]
            weights = [weight for _, weight in profile.staff]
            for title in rng.choices(titles, weights=weights, k=max(0, remaining)):
                self.province.people.append(
                    self.person(index, title, ManagementLevel.DIRECT_WORKER, female, (22, 60))
                )
        units = self.province.units
        root, ubnd = units[0], units[1]
        root.head_name = ubnd.head_name

    def build(self) -> Province:
        self.build_units()
        self.build_people()
        return self.province


def build_province(
    index: int,
    *,
    seed: int = DEFAULT_SEED,
    communes: int = DEFAULT_COMMUNES,
    people: int = DEFAULT_PEOPLE,
) -> Province:
    """The specs of demo province number ``index`` (1-based): pure, no database access.

    Each province draws from its own random generator seeded by ``seed`` and ``index``,
    so province T02 is the same whether or not T01 was loaded with it.
    """
    return _Builder(index, seed, max(1, communes), max(1, people)).build()


# Writing -------------------------------------------------------------------------------


def _existing_identity_numbers(numbers: list[str]) -> set[str]:
    found: set[str] = set()
    for start in range(0, len(numbers), 900):
        chunk = numbers[start : start + 900]
        found.update(
            Person.objects.filter(identity_number__in=chunk).values_list(
                "identity_number", flat=True
            )
        )
    return found


@transaction.atomic
def write_province(province: Province) -> dict[str, int]:
    """Insert a built province with bulk writes: units level by level, then people."""
    objects: list[Unit] = []
    levels: dict[int, list[int]] = {}
    for index, spec in enumerate(province.units):
        levels.setdefault(spec.depth, []).append(index)
        objects.append(
            Unit(
                code=spec.code,
                name=spec.name,
                name_folded=fold(spec.name),
                short_name=spec.short_name,
                kind=spec.kind,
                path=f"/tmp-{spec.code}/",  # unique until the real path is known
                depth=spec.depth,
                address=spec.address,
                phone=spec.phone,
                email=spec.email,
                head_name=spec.head_name,
            )
        )
    for depth in sorted(levels):
        batch = []
        for index in levels[depth]:
            parent = province.units[index].parent
            if parent is not None:
                objects[index].parent_id = objects[parent].pk
            batch.append(objects[index])
        Unit.objects.bulk_create(batch, batch_size=500)
    for index, spec in enumerate(province.units):  # parents come before their children
        prefix = objects[spec.parent].path if spec.parent is not None else "/"
        objects[index].path = f"{prefix}{objects[index].pk}/"
    Unit.objects.bulk_update(objects, ["path"], batch_size=500)

    taken = _existing_identity_numbers(
        [person.identity_number for person in province.people if person.identity_number]
    )
    people = [
        Person(
            full_name=spec.full_name,
            name_folded=fold(spec.full_name),
            gender=spec.gender,
            date_of_birth=spec.date_of_birth,
            ethnicity=spec.ethnicity,
            position=spec.position,
            unit_id=objects[spec.unit].pk,
            management_level=spec.management_level,
            identity_number=None if spec.identity_number in taken else spec.identity_number,
            phone=spec.phone,
        )
        for spec in province.people
    ]
    Person.objects.bulk_create(people, batch_size=1000)
    return {"units": len(objects), "people": len(people)}


def load(
    *,
    seed: int = DEFAULT_SEED,
    scale: str = "province",
    people: int | None = None,
    communes: int | None = None,
    log: Callable[[str], None] = lambda message: None,
) -> dict[str, int]:
    """Load the demo province (``scale="province"``) or 34 of them (``"national"``).

    Provinces already present (their root code exists) are skipped. Returns the counts
    and writes one audit entry when anything was created.
    """
    count = NATIONAL_PROVINCES if scale == "national" else 1
    people = DEFAULT_PEOPLE if people is None else people
    communes = DEFAULT_COMMUNES if communes is None else communes
    existing = set(
        Unit.objects.filter(code__in=[f"T{i:02d}" for i in range(1, count + 1)]).values_list(
            "code", flat=True
        )
    )
    totals = {"provinces": 0, "skipped": 0, "units": 0, "people": 0}
    started = time.monotonic()
    created_codes = []
    for index in range(1, count + 1):
        code = f"T{index:02d}"
        if code in existing:
            totals["skipped"] += 1
            log(f"{code}: already loaded, skipped")
            continue
        tick = time.monotonic()
        province = build_province(index, seed=seed, communes=communes, people=people)
        built = time.monotonic() - tick
        written = write_province(province)
        totals["provinces"] += 1
        totals["units"] += written["units"]
        totals["people"] += written["people"]
        created_codes.append(code)
        log(
            f"{code} {province.name}: {written['units']} units, {written['people']} people "
            f"(built {built:.1f} s, written {time.monotonic() - tick - built:.1f} s; "
            f"total {time.monotonic() - started:.1f} s)"
        )
    if totals["provinces"]:
        record(
            Action.IMPORT,
            actor=None,
            object_type="org.unit",
            object_repr=f"Dữ liệu mẫu: {totals['provinces']} tỉnh ({', '.join(created_codes)})",
            after={**totals, "seed": seed, "scale": scale, "codes": created_codes},
        )
    totals["seconds"] = round(time.monotonic() - started, 1)
    return totals
