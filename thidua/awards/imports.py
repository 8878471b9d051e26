"""Importing award history from Excel (.xlsx): the template, the checks, the matching of
people, the preview and the all-or-nothing saving.

One row is one award: who received it (a person, a collective or a household), the title
or form, the year (or a period "2021-2025"), and the decision that conferred it (number,
date, authority, signer). The import runs in two steps:

1. :meth:`AwardImporter.check` reads the file, checks every row against the catalogue,
   the units, the registry and the law's dates (in bulk: a few queries per 500 rows, not
   per row), and matches the people. A file with any problem is refused whole, each
   problem named with its row and column. Otherwise the result is a preview: how many
   awards, people and households will be created, who was matched, which rows are already
   in the registry (skipped), and the people that could not be matched with certainty.
2. :meth:`AwardImporter.save` checks the file again with the user's choices for those
   uncertain people and, only when nothing is wrong, saves everything in one transaction
   through the services, so that every person, household, decision and award gets its
   ordinary audit entry; one ``Action.IMPORT`` entry summarises the file.

Matching people, so that nobody is created twice:

- an identity number (CCCD) known to thidua is that person (in the user's units);
- otherwise a person of the same name (without diacritics) and date of birth in the row's
  unit or below is a certain match; the same name and date of birth elsewhere in the
  user's units, several people, or the same name where one date of birth is missing is
  uncertain: the preview asks which person it is, or whether to create a new one;
- nobody: a new person is created in the row's unit.

Decisions are recognised by (number, date, issued by). A decision new to thidua is created
as a legacy decision (``is_legacy``), given its awards and issued, without notifying
anyone. A decision already in the registry cannot take new awards (it has been issued):
rows it already holds are skipped, and other rows for it are refused. So importing the
same file twice creates nothing the second time.
"""

from __future__ import annotations

import contextlib
import datetime
import hashlib
import io
import json
import logging
import re
import secrets
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field
from decimal import Decimal

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.base import ContentFile
from django.core.files.storage import storages
from django.db import DatabaseError, IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from openpyxl import Workbook
from openpyxl.comments import Comment
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter, quote_sheetname
from openpyxl.worksheet.datavalidation import DataValidation

from thidua.audit.models import Action
from thidua.audit.services import record, record_many, snapshot
from thidua.core.services import check_allowed
from thidua.core.text import fold, normalize_name, parse_number
from thidua.core.xlsx import UploadError, open_uploaded_workbook
from thidua.org import services as org_services
from thidua.org.imports import (
    GENDER_ALIASES,
    MAX_ROWS,
    Column,
    ImportResult,
    Issue,
    _ApplyError,
    _CellError,
    _choice,
    _chunks,
    _Importer,
    _in_languages,
    _key,
    _labels,
    _lookup,
    _Row,
    _text,
    parse_date,
    parse_identity_number,
)
from thidua.org.models import Gender, Person, Unit, User

from . import services
from .models import (
    Authority,
    Award,
    AwardType,
    Category,
    CommendationKind,
    Decision,
    DecisionStatus,
    Household,
    Subject,
)
from .rules.money import Payable, award_amount, payable
from .services import registry as registry_services

logger = logging.getLogger(__name__)

MAX_UNCERTAIN = 1000
"""People the preview can ask about at once; beyond that the file needs more identity
numbers or dates of birth."""

PREVIEW_ROWS = 50
"""Rows shown on the preview page."""

FIRST_YEAR = 1945
"""No award of the Democratic Republic of Vietnam before its founding."""

UNKNOWN_SIGNER = "—"
"""The signer of a legacy decision when the file does not say."""


# Values ----------------------------------------------------------------------------------

# Matching keys only (never shown): what Vietnamese offices write, whatever the state of
# the translation catalogue.
SUBJECT_ALIASES = {
    Subject.INDIVIDUAL: ("Cá nhân", "CN"),
    Subject.COLLECTIVE: ("Tập thể", "Đơn vị", "TT"),
    Subject.HOUSEHOLD: ("Hộ gia đình", "Hộ", "Gia đình", "HGĐ"),
}
KIND_ALIASES = {
    CommendationKind.MERIT: ("Công trạng", "Thường xuyên"),
    CommendationKind.SUDDEN: ("Đột xuất",),
    CommendationKind.MOVEMENT: ("Theo phong trào", "Phong trào", "Theo đợt", "Phong trào thi đua"),
    CommendationKind.THEMATIC: ("Chuyên đề", "Theo chuyên đề"),
    CommendationKind.DEDICATION: ("Quá trình cống hiến", "Cống hiến"),
    CommendationKind.SENIORITY: ("Niên hạn", "Theo niên hạn"),
    CommendationKind.FOREIGN: ("Đối ngoại",),
}
AUTHORITY_ALIASES = {
    Authority.PRESIDENT: ("Chủ tịch nước", "Chủ tịch nước CHXHCN Việt Nam"),
    Authority.PRIME_MINISTER: ("Thủ tướng Chính phủ", "Thủ tướng", "TTg", "Chính phủ"),
    Authority.MINISTER: (
        "Bộ trưởng",
        "Bộ trưởng, Thủ trưởng cơ quan trung ương",
        "Thủ trưởng cơ quan trung ương",
        "Cấp bộ",
    ),
    Authority.PROVINCIAL_CHAIRMAN: (
        "Chủ tịch UBND tỉnh",
        "Chủ tịch Ủy ban nhân dân tỉnh",
        "Chủ tịch UBND thành phố",
        "Chủ tịch Ủy ban nhân dân thành phố",
        "UBND tỉnh",
        "Ủy ban nhân dân tỉnh",
        "Cấp tỉnh",
    ),
    Authority.AGENCY_HEAD: (
        "Thủ trưởng cơ quan, đơn vị",
        "Thủ trưởng cơ quan",
        "Thủ trưởng đơn vị",
        "Thủ trưởng",
        "Giám đốc Sở",
        "Giám đốc sở",
        "Giám đốc Bệnh viện",
        "Giám đốc Trung tâm",
        "Hiệu trưởng",
        "Cấp sở",
        "Cấp cơ sở",
    ),
    Authority.COMMUNE_CHAIRMAN: (
        "Chủ tịch UBND xã",
        "Chủ tịch Ủy ban nhân dân xã",
        "Chủ tịch UBND phường",
        "Chủ tịch Ủy ban nhân dân phường",
        "Chủ tịch UBND đặc khu",
        "Chủ tịch UBND cấp xã",
        "Chủ tịch Ủy ban nhân dân cấp xã",
        "Cấp xã",
    ),
    Authority.ENTERPRISE_DIRECTOR: (
        "Giám đốc doanh nghiệp",
        "Giám đốc Công ty",
        "Tổng giám đốc",
        "Giám đốc hợp tác xã",
    ),
    Authority.BOARD_CHAIRMAN: (
        "Chủ tịch Hội đồng quản trị",
        "Chủ tịch HĐQT",
        "Chủ tịch Hội đồng thành viên",
        "Chủ tịch HĐTV",
    ),
}
# "Issued by" of a decision whose authority the file gives only as a code.
AUTHORITY_NAMES = {
    Authority.PRESIDENT: "Chủ tịch nước",
    Authority.PRIME_MINISTER: "Thủ tướng Chính phủ",
    Authority.MINISTER: "Bộ trưởng",
    Authority.PROVINCIAL_CHAIRMAN: "Chủ tịch Ủy ban nhân dân tỉnh",
    Authority.AGENCY_HEAD: "Thủ trưởng cơ quan, đơn vị",
    Authority.COMMUNE_CHAIRMAN: "Chủ tịch Ủy ban nhân dân xã",
    Authority.ENTERPRISE_DIRECTOR: "Giám đốc doanh nghiệp",
    Authority.BOARD_CHAIRMAN: "Chủ tịch Hội đồng quản trị",
}
# Gender read from the middle name of a new person the file gives none for.
_FEMALE = re.compile(r"(^|\s)thi(\s|$)")
_MALE = re.compile(r"(^|\s)van(\s|$)")

_YEAR = re.compile(r"(\d{4})")
_PERIOD = re.compile(r"(\d{4})\s*(?:-|–|—|/|đến|den)\s*(\d{4})")


def title_key(text: str) -> str:
    """Fold a title or form for matching: "Bằng khen Chủ tịch UBND tỉnh" and "Bằng khen của
    Chủ tịch Ủy ban nhân dân tỉnh" give the same key."""
    folded = fold(text)
    folded = re.sub(r"\bubnd\b", "uy ban nhan dan", folded)
    folded = re.sub(r"\bttg\b", "thu tuong chinh phu", folded)
    folded = re.sub(r"\bcua\b", " ", folded)
    return re.sub(r"[^a-z0-9]", "", folded)


def award_type_index() -> dict[str, AwardType]:
    """Catalogue entries by code and by matching key of their name."""
    index: dict[str, AwardType] = {}
    for award_type in AwardType.objects.select_related("owner"):
        index[title_key(award_type.name)] = award_type
    for award_type in AwardType.objects.all():
        index[award_type.code.lower()] = award_type  # a code beats a name
    return index


def authority_lookup() -> dict[str, str]:
    return _lookup(Authority.choices, AUTHORITY_ALIASES)


def _authority_labels() -> dict[str, str]:
    """Matching keys of the authorities' codes and labels (in every language)."""
    table = {}
    for value, label in Authority.choices:
        table[_key(value)] = value
        for key in _in_languages(label):
            table[key] = value
    return table


def parse_authority(
    text: str, table: dict[str, str] | None = None, labels: dict[str, str] | None = None
) -> tuple[str, str] | None:
    """(authority code, issued by) from a cell: an authority's label or code (issued by:
    its usual Vietnamese name), or a text naming one as printed, kept as written ("Chủ tịch
    UBND tỉnh Quảng Trị" is the provincial chairman's)."""
    text = normalize_name(text)
    if not text:
        return None
    key = _key(text)
    table = authority_lookup() if table is None else table
    labels = _authority_labels() if labels is None else labels
    if key in labels:
        return labels[key], AUTHORITY_NAMES[labels[key]]
    if key in table:
        return table[key], text
    prefixes = [alias for alias in table if len(alias) >= 6 and key.startswith(alias)]
    if prefixes:
        return table[max(prefixes, key=len)], text
    return None


def parse_year(value) -> tuple[int | None, int]:
    """(first year of the period or None, year) from 2024, "2024", "2021-2025"."""
    problem = _("“%(value)s” is not a year or a period (e.g. 2024 or 2021-2025).") % {
        "value": _text(value)
    }
    if isinstance(value, bool | datetime.date):
        raise _CellError(problem)
    if isinstance(value, int | float):
        if float(value).is_integer():
            return None, int(value)
        raise _CellError(problem)
    text = fold(_text(value))
    text = re.sub(r"^(nam|giai doan|nam hoc)\s*", "", text)
    match = _PERIOD.fullmatch(text)
    if match:
        start, end = int(match.group(1)), int(match.group(2))
        return (start if start != end else None), end
    match = _YEAR.fullmatch(text)
    if match:
        return None, int(match.group(1))
    raise _CellError(problem)


def parse_amount(value) -> int:
    problem = _("“%(value)s” is not an amount in đồng.") % {"value": _text(value)}
    try:
        number = parse_number(value if isinstance(value, int | float | Decimal) else _text(value))
    except ValueError:
        raise _CellError(problem) from None
    if number is None:
        return None
    if number < 0 or number != number.to_integral_value():
        raise _CellError(problem)
    return int(number)


def _date_label(value: datetime.date | None) -> str:
    return value.strftime("%d/%m/%Y") if value else ""


# Columns ---------------------------------------------------------------------------------

AWARD_COLUMNS = (
    Column(
        "subject",
        gettext_lazy("Recipient kind"),
        gettext_lazy("Individual, Collective or Household."),
        required=True,
        aliases=("Loại đối tượng", "Đối tượng"),
        width=14,
    ),
    Column(
        "name",
        gettext_lazy("Full name or collective name"),
        gettext_lazy(
            "The person's full name with diacritics, or the head of the household. For a "
            "collective the unit code decides; the name is only shown."
        ),
        aliases=("Họ và tên / Tên tập thể", "Họ và tên", "Họ tên", "Tên tập thể", "Full name"),
        width=28,
    ),
    Column(
        "identity_number",
        gettext_lazy("Identity number (CCCD)"),
        gettext_lazy(
            "Optional: the citizen identity number (12 digits) or old ID card (9 digits). "
            "The surest way to recognise a person."
        ),
        aliases=("Số định danh (CCCD)", "Số định danh", "CCCD", "Số CCCD", "Identity number"),
        width=18,
    ),
    Column(
        "date_of_birth",
        gettext_lazy("Date of birth"),
        gettext_lazy("Day/month/year (dd/mm/yyyy). Used to recognise a person without a CCCD."),
        aliases=("Ngày sinh",),
        width=14,
        as_text=False,
    ),
    Column(
        "gender",
        gettext_lazy("Gender"),
        gettext_lazy(
            "Only for a person not yet in thidua: Nam or Nữ. When empty it is read from the "
            "middle name (Thị: Nữ, Văn: Nam)."
        ),
        aliases=("Giới tính",),
        width=10,
    ),
    Column(
        "unit",
        gettext_lazy("Unit code"),
        gettext_lazy(
            "The code of the person's unit (or a unit above it), of the collective itself, or "
            "of the household's commune; it must be one of your units."
        ),
        required=True,
        aliases=("Mã đơn vị",),
        width=20,
    ),
    Column(
        "award_type",
        gettext_lazy("Title or form"),
        gettext_lazy("Its name or code as in the catalogue (see the sheet of lists)."),
        required=True,
        aliases=("Danh hiệu/Hình thức", "Danh hiệu", "Hình thức khen thưởng", "Hình thức"),
        width=34,
    ),
    Column(
        "year",
        gettext_lazy("Year"),
        gettext_lazy("The year of the achievement, e.g. 2024, or a period, e.g. 2021-2025."),
        required=True,
        aliases=("Năm", "Năm/Giai đoạn", "Giai đoạn"),
        width=11,
    ),
    Column(
        "kind",
        gettext_lazy("Kind of commendation"),
        gettext_lazy("Optional: merit (công trạng) when empty."),
        aliases=("Loại hình khen thưởng", "Loại hình"),
        width=20,
    ),
    Column(
        "decision_number",
        gettext_lazy("Decision number"),
        gettext_lazy("As printed, e.g. 1234/QĐ-UBND."),
        required=True,
        aliases=("Số quyết định", "Số QĐ"),
        width=18,
    ),
    Column(
        "decision_date",
        gettext_lazy("Decision date"),
        gettext_lazy("The date it was signed (dd/mm/yyyy); not after today."),
        required=True,
        aliases=("Ngày quyết định", "Ngày QĐ", "Ngày ký"),
        width=14,
        as_text=False,
    ),
    Column(
        "authority",
        gettext_lazy("Authority"),
        gettext_lazy(
            "Who signed it, from the list (e.g. Chủ tịch UBND tỉnh), or as printed (e.g. Chủ "
            "tịch UBND tỉnh Quảng Trị). Together with the number and the date it identifies "
            "the decision."
        ),
        required=True,
        aliases=("Cấp quyết định/Thẩm quyền", "Cấp quyết định", "Thẩm quyền", "Cấp khen"),
        width=30,
    ),
    Column(
        "signer",
        gettext_lazy("Signed by"),
        gettext_lazy("Optional: the name of the signer."),
        aliases=("Người ký",),
        width=20,
    ),
    Column(
        "amount",
        gettext_lazy("Amount"),
        gettext_lazy(
            "Optional: the money paid in đồng. When empty it is computed from the "
            "coefficient and the base salary on the decision date."
        ),
        aliases=("Số tiền", "Tiền thưởng", "Số tiền (đồng)"),
        width=14,
        as_text=False,
    ),
)
IGNORED = ("STT", "TT", "Ghi chú", gettext_lazy("Note"))


# Result ----------------------------------------------------------------------------------


@dataclass
class Candidate:
    """An existing person a row may be."""

    pk: int
    name: str
    born: str
    unit: str
    identity: str  # the last digits only
    position: str = ""


@dataclass
class Uncertain:
    """Rows that may be an existing person (one choice covers them all)."""

    key: str  # stable across the preview and the confirmation
    rows: list[int]
    name: str
    born: str
    unit_code: str
    unit_name: str
    reason: str
    candidates: list[Candidate]
    chosen: str = ""

    @property
    def field(self) -> str:
        return f"match-{self.key}"


@dataclass
class PreviewRow:
    number: int
    subject: str
    name: str
    unit: str
    title: str
    period: str
    decision: str
    action: str  # create | skip | choose
    person: str  # existing | new | choose | ""


@dataclass
class AwardImportResult(ImportResult):
    awards: int = 0  # to create / created
    skipped: int = 0  # already in the registry
    people_new: int = 0
    people_matched: int = 0
    households_new: int = 0
    households_matched: int = 0
    decisions_new: int = 0
    uncertain: list[Uncertain] = field(default_factory=list)
    preview: list[PreviewRow] = field(default_factory=list)

    @property
    def ready(self) -> bool:
        """Checked without problems: the preview may be shown and confirmed."""
        return not self.errors

    def to_json(self) -> dict:
        data = asdict(self)
        data["errors"] = [asdict(issue) for issue in self.errors]
        return data

    @classmethod
    def from_json(cls, data: dict) -> AwardImportResult:
        data = dict(data)
        data["errors"] = [Issue(**issue) for issue in data.get("errors", [])]
        data["bad_rows"] = []
        data["uncertain"] = [
            Uncertain(**{**u, "candidates": [Candidate(**c) for c in u["candidates"]]})
            for u in data.get("uncertain", [])
        ]
        data["preview"] = [PreviewRow(**row) for row in data.get("preview", [])]
        return cls(**data)


# Plan ------------------------------------------------------------------------------------


@dataclass
class _NewPerson:
    key: str
    unit: Unit
    fields: dict
    first: _Row
    obj: Person | None = None


@dataclass
class _NewHousehold:
    key: str
    unit: Unit
    head_name: str
    first: _Row
    obj: Household | None = None


@dataclass
class _DecisionGroup:
    key: tuple  # (number, signed_on, authority_name)
    authority: str
    signer: str
    kind: str
    first: _Row
    rows: list[_Row] = field(default_factory=list)
    existing: dict | None = None  # the decision already in thidua, as values


def _choice_key(text: str) -> str:
    return hashlib.sha1(text.encode()).hexdigest()[:16]


def _identity_hint(number: str | None) -> str:
    return f"…{number[-4:]}" if number else ""


def _common_ancestor(paths: Iterable[str]) -> int | None:
    """The id of the lowest unit above (or at) every path."""
    common: list[str] | None = None
    for path in paths:
        parts = path.strip("/").split("/")
        if common is None:
            common = parts
            continue
        length = 0
        for a, b in zip(common, parts, strict=False):
            if a != b:
                break
            length += 1
        common = common[:length]
    return int(common[-1]) if common else None


# The importer ----------------------------------------------------------------------------


class AwardImporter(_Importer):
    """Check (and then save) one file of award history for ``actor``.

    ``choices`` maps an uncertain person's key to the id of the existing person chosen or
    to ``"new"``; with ``choices`` given (the confirmation), an uncertain person without a
    choice is an error.
    """

    kind = "awards"
    label = "awards.award"
    columns = AWARD_COLUMNS
    ignored = IGNORED

    def __init__(
        self,
        *,
        actor: User | None,
        filename: str,
        choices: dict[str, str] | None = None,
        today: datetime.date | None = None,
    ):
        super().__init__(actor=actor, filename=filename)
        self.result = AwardImportResult(kind=self.kind, filename=filename)
        self.choices = choices
        self.today = today or timezone.localdate()
        self.new_people: dict[str, _NewPerson] = {}
        self.new_households: dict[str, _NewHousehold] = {}
        self.decisions: dict[tuple, _DecisionGroup] = {}
        self.inferred_genders = 0
        self._amounts: dict[tuple, int | None] = {}

    # Running --------------------------------------------------------------------------

    def _rows(self, data: bytes) -> list[_Row] | None:
        try:
            workbook = open_uploaded_workbook(data, settings.THIDUA_IMPORT_MAX_BYTES)
        except UploadError as error:
            self.result.errors.append(Issue(str(error)))
            return None
        try:
            return self.read(workbook)
        except Exception:  # openpyxl may still fail on a damaged sheet while reading it
            logger.warning("Unreadable sheet in %r", self.result.filename, exc_info=True)
            self.result.errors.append(Issue(_("The file is damaged and cannot be read as .xlsx.")))
            return None
        finally:
            workbook.close()

    def check(self, data: bytes) -> AwardImportResult:
        """Read and check the file; nothing is written."""
        rows = self._rows(data)
        if rows is None:
            return self.result
        self.validate(rows)
        if self.result.errors:
            self.collect_bad_rows(rows)
        return self.result

    def save(self, data: bytes) -> AwardImportResult:
        """Check the file with the choices made and save it whole, or nothing."""
        if self.choices is None:
            self.choices = {}
        self.check(data)
        if self.result.errors:
            return self.result
        rows = self._checked_rows
        try:
            with transaction.atomic():
                self.apply(rows)
                record(
                    Action.IMPORT,
                    actor=self.actor,
                    object_type=self.label,
                    object_repr=self.result.filename[:300],
                    after={
                        "file": self.result.filename,
                        "kind": self.kind,
                        "rows": self.result.rows,
                        "awards": self.result.awards,
                        "skipped": self.result.skipped,
                        "decisions": self.result.decisions_new,
                        "people_created": self.result.people_new,
                        "people_matched": self.result.people_matched,
                        "households_created": self.result.households_new,
                    },
                )
        except _ApplyError as failure:
            self.report_apply_error(failure)
            self.collect_bad_rows(rows)
            return self.result
        self.result.saved = True
        self.result.created = self.result.awards
        self.result.unchanged = self.result.skipped
        return self.result

    # Checking -------------------------------------------------------------------------

    def _may(self, action: str, label: str, unit: Unit) -> bool:
        return self.actor is None or self.actor.holds(label, action, unit)

    def parse(self, row: _Row, tables: dict) -> None:
        data = row.data
        data["subject"] = self.cell(
            row,
            "subject",
            lambda v: _choice(tables["subject"], v, lambda: ", ".join(_labels(Subject.choices))),
        )
        data["name"] = self.cell(row, "name")
        data["identity_number"] = self.cell(row, "identity_number", parse_identity_number)
        data["date_of_birth"] = self.cell(row, "date_of_birth", parse_date)
        data["gender"] = self.cell(
            row,
            "gender",
            lambda v: _choice(tables["gender"], v, lambda: ", ".join(_labels(Gender.choices))),
        )
        unit = self.cell(row, "unit")
        data["unit"] = unit.upper().replace(" ", "") if unit else None
        data["award_type"] = self.cell(row, "award_type", lambda v: self._award_type(v, tables))
        period = self.cell(row, "year", parse_year)
        data["period_start"], data["year"] = period if period else (None, None)
        data["kind"] = self.cell(
            row,
            "kind",
            lambda v: _choice(
                tables["kind"], v, lambda: ", ".join(_labels(CommendationKind.choices))
            ),
        )
        number = self.cell(row, "decision_number")
        data["decision_number"] = number.strip() if number else None
        data["decision_date"] = self.cell(row, "decision_date", parse_date)
        data["authority"] = self.cell(row, "authority", lambda v: self._authority(v, tables))
        data["signer"] = self.cell(row, "signer")
        data["amount"] = self.cell(row, "amount", parse_amount)
        for key in (
            "subject",
            "unit",
            "award_type",
            "year",
            "decision_number",
            "decision_date",
            "authority",
        ):
            self.required(row, key, data[key])
        if data["subject"] in (Subject.INDIVIDUAL, Subject.HOUSEHOLD):
            self.required(row, "name", data["name"])

    def _award_type(self, value, tables) -> AwardType | None:
        text = _text(value)
        if not text:
            return None
        found = tables["award_types"].get(text.strip().lower()) or tables["award_types"].get(
            title_key(text)
        )
        if found is None:
            raise _CellError(
                _(
                    "Unknown title or form “%(value)s”: write its name or code as in the "
                    "catalogue (the sheet of lists in the template)."
                )
                % {"value": text}
            )
        return found

    def _authority(self, value, tables) -> tuple[str, str] | None:
        text = _text(value)
        if not text:
            return None
        found = parse_authority(text, tables["authority"], tables["authority_labels"])
        if found is None:
            raise _CellError(
                _("“%(value)s” is not one of the allowed values (%(allowed)s).")
                % {"value": text, "allowed": ", ".join(_labels(Authority.choices))}
            )
        return found

    def validate(self, rows: list[_Row]) -> None:
        tables = {
            "subject": _lookup(Subject.choices, SUBJECT_ALIASES),
            "gender": _lookup(Gender.choices, GENDER_ALIASES),
            "kind": _lookup(CommendationKind.choices, KIND_ALIASES),
            "authority": authority_lookup(),
            "authority_labels": _authority_labels(),
            "award_types": award_type_index(),
        }
        for row in rows:
            self.parse(row, tables)
        self._check_values(rows)
        units = self._units(rows)
        self._check_units(rows, units)
        self._match_people(rows)
        self._match_households(rows)
        self._check_births(rows)
        self._check_file_duplicates(rows)
        self._check_registry(rows)
        self._group_decisions(rows)
        self._resolve_new_people(rows)
        self._count(rows)
        self._checked_rows = rows

    def _check_values(self, rows: list[_Row]) -> None:
        """What each row says on its own: dates, the title against the kind of recipient,
        the authority and the kind of commendation."""
        for row in rows:
            data = row.data
            award_type: AwardType | None = data["award_type"]
            subject = data["subject"]
            year, start = data["year"], data["period_start"]
            signed_on: datetime.date | None = data["decision_date"]
            born: datetime.date | None = data["date_of_birth"]
            if born and not self.row_has_error(row, "date_of_birth"):
                if born > self.today:
                    self.error(row, "date_of_birth", _("The date of birth is in the future."))
                elif born.year < 1900:
                    self.error(row, "date_of_birth", _("The date of birth is before 1900."))
            if signed_on and signed_on > self.today:
                self.error(
                    row,
                    "decision_date",
                    _("The decision date %(date)s is after today.")
                    % {"date": _date_label(signed_on)},
                )
            if year is not None:
                if (start or year) < FIRST_YEAR or year > self.today.year:
                    self.error(
                        row,
                        "year",
                        _("The year must be between %(min)s and %(max)s.")
                        % {"min": FIRST_YEAR, "max": self.today.year},
                    )
                elif start and start > year:
                    self.error(row, "year", _("The period starts after it ends."))
                elif signed_on and year > signed_on.year:
                    self.error(
                        row,
                        "year",
                        _("The award is for %(year)s, after the decision of %(date)s.")
                        % {"year": year, "date": _date_label(signed_on)},
                    )
            if award_type is None:
                continue
            if not award_type.is_active:
                self.error(
                    row,
                    "award_type",
                    _("%(title)s is no longer in use.") % {"title": award_type.name},
                )
            if subject and not award_type.allows(subject):
                self.error(
                    row,
                    "award_type",
                    _("%(title)s is not given to a recipient of this kind (%(kind)s).")
                    % {"title": award_type.name, "kind": Subject(subject).label},
                )
            authority = data["authority"][0] if data["authority"] else None
            if authority and award_type.authorities and authority not in award_type.authorities:
                self.error(
                    row,
                    "authority",
                    _("%(title)s is not conferred by %(authority)s.")
                    % {"title": award_type.name, "authority": Authority(authority).label},
                )
            kinds = award_type.kinds or []
            if data["kind"] is None:
                data["kind"] = (
                    CommendationKind.MERIT
                    if not kinds or CommendationKind.MERIT in kinds
                    else kinds[0]
                )
            elif kinds and data["kind"] not in kinds:
                self.error(
                    row,
                    "kind",
                    _("%(title)s is not given as %(kind)s.")
                    % {"title": award_type.name, "kind": CommendationKind(data["kind"]).label},
                )

    def _units(self, rows: list[_Row]) -> dict[str, Unit]:
        codes = {row.data["unit"] for row in rows if row.data["unit"]}
        units: dict[str, Unit] = {}
        for chunk in _chunks(codes):
            for unit in Unit.objects.filter(code__in=chunk).select_related("parent"):
                units[unit.code] = unit
        return units

    def _check_units(self, rows: list[_Row], units: dict[str, Unit]) -> None:
        """A unit the user sees but may not record awards in is outside their scope; one
        they do not see is unknown, as a missing one (nothing leaks)."""
        for row in rows:
            code = row.data["unit"]
            row.data["unit_obj"] = None
            if not code:
                continue
            unit = units.get(code)
            if unit is None or not self._may("view", "org.unit", unit):
                self.error(row, "unit", _("Unknown unit code “%(code)s”.") % {"code": code})
            elif not self._may("change", self.label, unit):
                self.error(
                    row,
                    "unit",
                    _("Unit “%(code)s” is outside your scope: you may not record awards there.")
                    % {"code": code},
                )
            else:
                row.data["unit_obj"] = unit

    # People ---------------------------------------------------------------------------

    def _people_in_scope(self):
        people = Person.objects.all()
        if self.actor is not None:
            people = people.restrict(self.actor, "change", label=self.label)
        return people.select_related("unit")

    def _match_people(self, rows: list[_Row]) -> None:
        individuals = [
            row
            for row in rows
            if row.data["subject"] == Subject.INDIVIDUAL
            and row.data["unit_obj"] is not None
            and row.data["name"]
            and not self.row_has_error(row, "identity_number")
        ]
        numbers = {
            row.data["identity_number"] for row in individuals if row.data["identity_number"]
        }
        by_number: dict[str, Person] = {}
        for chunk in _chunks(numbers):
            for person in Person.objects.filter(identity_number__in=chunk).select_related("unit"):
                by_number[person.identity_number] = person
        names = {fold(row.data["name"]) for row in individuals}
        by_name: dict[str, list[Person]] = {}
        for chunk in _chunks(names):
            for person in self._people_in_scope().filter(name_folded__in=chunk):
                by_name.setdefault(person.name_folded, []).append(person)

        groups: dict[str, tuple[Uncertain, dict[int, Person]]] = {}
        for row in individuals:
            data = row.data
            unit: Unit = data["unit_obj"]
            folded = fold(data["name"])
            number = data["identity_number"]
            born = data["date_of_birth"]
            if number and number in by_number:
                person = by_number[number]
                if not self._may("change", self.label, person.unit):
                    self.error(
                        row,
                        "identity_number",
                        _(
                            "This identity number belongs to a person outside your units; "
                            "ask the secretariat to transfer them."
                        ),
                    )
                elif person.name_folded != folded:
                    self.error(
                        row,
                        "identity_number",
                        _(
                            "The identity number %(number)s belongs to %(name)s, not to the "
                            "name on this row."
                        )
                        % {"number": number, "name": person.full_name},
                    )
                else:
                    data["person"] = person
                continue
            candidates = by_name.get(folded, [])
            if number:  # a number new to thidua: someone who has another one is not them
                candidates = [p for p in candidates if not p.identity_number]
            in_unit = [p for p in candidates if p.unit.path.startswith(unit.path)]
            if born:
                same = [p for p in candidates if p.date_of_birth == born]
                undated = [p for p in in_unit if p.date_of_birth is None]
                if len(same) == 1 and not undated and same[0].unit.path.startswith(unit.path):
                    data["person"] = same[0]
                    continue
                possible = same + undated
                if len(same) > 1:
                    reason = _("Several people have this name and date of birth.")
                elif same and not same[0].unit.path.startswith(unit.path):
                    reason = _("A person of this name and date of birth works in another unit.")
                else:
                    reason = _("A person of this name has no date of birth recorded.")
            else:
                possible = in_unit
                reason = _("The row has no date of birth to tell people of this name apart.")
            if not possible:
                data["person_key"] = self._new_person_key(data)
                continue
            key = _choice_key(f"p|{folded}|{born or ''}|{number or ''}|{unit.code}")
            data["uncertain"] = key
            if key not in groups:
                possible = sorted(possible, key=lambda p: (p.unit.path, p.pk))
                group = Uncertain(
                    key=key,
                    rows=[],
                    name=data["name"],
                    born=_date_label(born),
                    unit_code=unit.code,
                    unit_name=unit.name,
                    reason=reason,
                    candidates=[
                        Candidate(
                            pk=p.pk,
                            name=p.full_name,
                            born=_date_label(p.date_of_birth),
                            unit=p.unit.name,
                            identity=_identity_hint(p.identity_number),
                            position=p.position,
                        )
                        for p in possible
                    ],
                )
                groups[key] = (group, {p.pk: p for p in possible})
            groups[key][0].rows.append(row.number)
        self._settle(rows, groups, "person", self._new_person_key)

    def _settle(self, rows: list[_Row], groups: dict, name: str, new_key) -> None:
        """Apply the user's choices (at confirmation) to the uncertain rows; list every
        uncertain group for the page."""
        if len(self.result.uncertain) + len(groups) > MAX_UNCERTAIN:
            self.result.errors.append(
                Issue(
                    _(
                        "%(count)s people could not be matched with certainty (at most "
                        "%(max)s can be reviewed at once): add identity numbers or dates of "
                        "birth."
                    )
                    % {"count": len(self.result.uncertain) + len(groups), "max": MAX_UNCERTAIN}
                )
            )
            return
        by_number = {row.number: row for row in rows}
        for group, objects in groups.values():
            chosen = (self.choices or {}).get(group.key, "")
            group.chosen = chosen
            self.result.uncertain.append(group)
            if self.choices is None:
                continue
            first = by_number[group.rows[0]]
            if not chosen:
                self.error(
                    first,
                    "name",
                    _("Choose whether %(name)s is one of those listed or new to thidua.")
                    % {"name": group.name},
                )
                continue
            chosen_obj = None
            if chosen != "new":
                chosen_obj = objects.get(int(chosen)) if chosen.isdigit() else None
                if chosen_obj is None:
                    self.error(
                        first,
                        "name",
                        _("The choice made for %(name)s is no longer possible: choose again.")
                        % {"name": group.name},
                    )
                    continue
            for number in group.rows:
                data = by_number[number].data
                del data["uncertain"]
                if chosen_obj is not None:
                    data[name] = chosen_obj
                else:
                    data[f"{name}_key"] = new_key(data)

    def _new_person_key(self, data: dict) -> str:
        if data["identity_number"]:
            return f"id|{data['identity_number']}"
        born = data["date_of_birth"].isoformat() if data["date_of_birth"] else ""
        return f"n|{fold(data['name'])}|{born}|{data['unit_obj'].pk}"

    def _resolve_new_people(self, rows: list[_Row]) -> None:
        """One new person per identity number, or per name, date of birth and unit; a row
        without a number joins the one with a number of the same name, birth and unit."""
        by_identity_of_name: dict[str, set[str]] = {}
        for row in rows:
            key = row.data.get("person_key")
            if key and key.startswith("id|"):
                name_key = self._name_key(row.data)
                by_identity_of_name.setdefault(name_key, set()).add(key)
        for row in rows:
            data = row.data
            key = data.get("person_key")
            if not key:
                continue
            if key.startswith("n|"):
                joined = by_identity_of_name.get(self._name_key(data), set())
                if len(joined) == 1:
                    key = data["person_key"] = next(iter(joined))
            if key in self.new_people:
                continue
            unit: Unit = data["unit_obj"]
            gender = data["gender"]
            if gender is None:
                folded = fold(data["name"])
                if _FEMALE.search(folded):
                    gender = Gender.FEMALE
                elif _MALE.search(folded):
                    gender = Gender.MALE
                if gender is None:
                    self.error(
                        row,
                        "gender",
                        _(
                            "%(name)s is not yet in thidua: give the gender to create them "
                            "(Nam or Nữ)."
                        )
                        % {"name": data["name"]},
                    )
                    continue
                self.inferred_genders += 1
            if not unit.is_active:
                self.error(row, "unit", _("This unit is no longer active."))
                continue
            if not self._may("change", "org.person", unit):
                self.error(
                    row,
                    "unit",
                    _("You may not add people to unit “%(code)s”.") % {"code": unit.code},
                )
                continue
            fields = {
                "full_name": normalize_name(data["name"]),
                "gender": gender,
                "date_of_birth": data["date_of_birth"],
                "identity_number": data["identity_number"] or None,
            }
            candidate = Person(unit=unit, **fields)
            try:
                candidate.full_clean(exclude=["unit"], validate_unique=False)
            except ValidationError as error:
                self.validation_errors(row, error)
                continue
            self.new_people[key] = _NewPerson(key=key, unit=unit, fields=fields, first=row)
        if self.inferred_genders:
            self.result.notes.append(
                ngettext(
                    "The gender of %(count)s person new to thidua was read from the middle "
                    "name (Thị: female, Văn: male); fill in the gender column to set it "
                    "yourself.",
                    "The gender of %(count)s people new to thidua was read from their middle "
                    "name (Thị: female, Văn: male); fill in the gender column to set it "
                    "yourself.",
                    self.inferred_genders,
                )
                % {"count": self.inferred_genders}
            )

    @staticmethod
    def _name_key(data: dict) -> str:
        born = data["date_of_birth"].isoformat() if data["date_of_birth"] else ""
        return f"{fold(data['name'])}|{born}|{data['unit_obj'].pk}"

    # Households -----------------------------------------------------------------------

    def _match_households(self, rows: list[_Row]) -> None:
        households = [
            row
            for row in rows
            if row.data["subject"] == Subject.HOUSEHOLD
            and row.data["unit_obj"] is not None
            and row.data["name"]
        ]
        unit_ids = {row.data["unit_obj"].pk for row in households}
        names = {fold(row.data["name"]) for row in households}
        found: dict[tuple, list[Household]] = {}
        for chunk in _chunks(names):
            queryset = Household.objects.filter(name_folded__in=chunk, unit_id__in=unit_ids)
            for household in queryset.select_related("unit").order_by("pk"):
                found.setdefault((household.name_folded, household.unit_id), []).append(household)
        groups: dict[str, tuple[Uncertain, dict[int, Household]]] = {}
        for row in households:
            data = row.data
            unit: Unit = data["unit_obj"]
            matches = found.get((fold(data["name"]), unit.pk), [])
            if len(matches) == 1:
                data["household"] = matches[0]
                continue
            if not matches:
                data["household_key"] = self._new_household_key(data)
                continue
            # Several households of that name in the commune: the user says which.
            key = _choice_key(f"h|{fold(data['name'])}|{unit.code}")
            data["uncertain"] = key
            if key not in groups:
                group = Uncertain(
                    key=key,
                    rows=[],
                    name=data["name"],
                    born="",
                    unit_code=unit.code,
                    unit_name=unit.name,
                    reason=_("Several households of this name live in this commune."),
                    candidates=[
                        Candidate(pk=h.pk, name=h.head_name, born="", unit=h.address, identity="")
                        for h in matches
                    ],
                )
                groups[key] = (group, {h.pk: h for h in matches})
            groups[key][0].rows.append(row.number)
        self._settle(rows, groups, "household", self._new_household_key)
        for row in households:
            key = row.data.get("household_key")
            if key and key not in self.new_households:
                self.new_households[key] = _NewHousehold(
                    key=key,
                    unit=row.data["unit_obj"],
                    head_name=normalize_name(row.data["name"]),
                    first=row,
                )

    @staticmethod
    def _new_household_key(data: dict) -> str:
        return f"h|{fold(data['name'])}|{data['unit_obj'].pk}"

    # Registry -------------------------------------------------------------------------

    def _check_births(self, rows: list[_Row]) -> None:
        for row in rows:
            person: Person | None = row.data.get("person")
            born = person.date_of_birth if person is not None else row.data["date_of_birth"]
            signed_on = row.data["decision_date"]
            if born and signed_on and signed_on < born and not self.row_has_error(row):
                name = person.full_name if person is not None else row.data["name"]
                self.error(
                    row,
                    "decision_date",
                    _("The decision date %(date)s is before %(name)s was born (%(born)s).")
                    % {"date": _date_label(signed_on), "name": name, "born": _date_label(born)},
                )

    @staticmethod
    def _recipient(data: dict) -> tuple | None:
        """Who a row awards, as a key: an existing or new person, a collective, a household
        (existing or new), or the uncertain group it is waiting in."""
        if data["subject"] == Subject.COLLECTIVE and data["unit_obj"] is not None:
            return ("unit", data["unit_obj"].pk)
        for name in ("person", "household"):
            if data.get(name) is not None:
                return (name, data[name].pk)
        for name in ("person_key", "household_key", "uncertain"):
            if data.get(name):
                return (name, data[name])
        return None

    def _check_file_duplicates(self, rows: list[_Row]) -> None:
        seen: dict[tuple, _Row] = {}
        for row in rows:
            data = row.data
            recipient = self._recipient(data)
            data["recipient"] = recipient
            if recipient is None or data["award_type"] is None or data["year"] is None:
                continue
            key = (recipient, data["award_type"].pk, data["year"])
            if key in seen:
                self.error(
                    row,
                    "award_type",
                    _("Same recipient, title or form and year as row %(row)s.")
                    % {"row": seen[key].number},
                )
            else:
                seen[key] = row

    def _check_registry(self, rows: list[_Row]) -> None:
        """Rows already in the registry under the same decision are skipped; the same title
        and year under another decision is a duplicate."""
        wanted: dict[str, set[int]] = {"person": set(), "unit": set(), "household": set()}
        type_ids, years = set(), set()
        for row in rows:
            recipient = row.data["recipient"]
            if recipient and recipient[0] in wanted and row.data["award_type"] is not None:
                wanted[recipient[0]].add(recipient[1])
                type_ids.add(row.data["award_type"].pk)
                years.add(row.data["year"])
        existing: dict[tuple, dict] = {}
        for name, ids in wanted.items():
            for chunk in _chunks(ids):
                awards = Award.objects.filter(
                    **{f"{name}_id__in": chunk},
                    revoked=False,
                    award_type_id__in=type_ids,
                    year__in=years,
                ).values(
                    f"{name}_id",
                    "award_type_id",
                    "year",
                    "decision__number",
                    "decision__signed_on",
                    "decision__authority_name",
                    "decision__status",
                )
                for award in awards:
                    key = ((name, award[f"{name}_id"]), award["award_type_id"], award["year"])
                    existing[key] = award
        for row in rows:
            data = row.data
            data["present"] = False
            if data["recipient"] is None or data["award_type"] is None:
                continue
            award = existing.get((data["recipient"], data["award_type"].pk, data["year"]))
            if award is None:
                continue
            same_decision = (
                award["decision__status"] == DecisionStatus.ISSUED
                and data["authority"] is not None
                and award["decision__number"] == data["decision_number"]
                and award["decision__signed_on"] == data["decision_date"]
                and award["decision__authority_name"] == data["authority"][1]
            )
            if same_decision:
                data["present"] = True
                continue
            self.error(
                row,
                "award_type",
                _("%(name)s already has %(title)s for %(year)s (decision %(number)s of %(date)s).")
                % {
                    "name": data["name"] or data["unit_obj"].name,
                    "title": data["award_type"].name,
                    "year": data["year"],
                    "number": award["decision__number"] or _("draft"),
                    "date": _date_label(award["decision__signed_on"]),
                },
            )

    def _group_decisions(self, rows: list[_Row]) -> None:
        """Rows by decision; a decision already in thidua takes no new award."""
        for row in rows:
            data = row.data
            if not (data["decision_number"] and data["decision_date"] and data["authority"]):
                continue
            authority, authority_name = data["authority"]
            key = (data["decision_number"], data["decision_date"], authority_name)
            group = self.decisions.get(key)
            if group is None:
                group = self.decisions[key] = _DecisionGroup(
                    key=key,
                    authority=authority,
                    signer=data["signer"] or "",
                    kind=data["kind"] or CommendationKind.MERIT,
                    first=row,
                )
            else:
                if authority != group.authority:
                    self.error(
                        row,
                        "authority",
                        _("Row %(row)s gives this decision another authority.")
                        % {"row": group.first.number},
                    )
                if data["signer"] and group.signer and data["signer"] != group.signer:
                    self.error(
                        row,
                        "signer",
                        _("Row %(row)s gives this decision another signer (%(signer)s).")
                        % {"row": group.first.number, "signer": group.signer},
                    )
                group.signer = group.signer or data["signer"] or ""
            group.rows.append(row)
        numbers = {key[0] for key in self.decisions}
        for chunk in _chunks(numbers):
            for decision in Decision.objects.filter(number__in=chunk).values(
                "pk", "number", "signed_on", "authority_name", "authority", "status"
            ):
                key = (decision["number"], decision["signed_on"], decision["authority_name"])
                if key in self.decisions:
                    self.decisions[key].existing = decision
        for group in self.decisions.values():
            decision = group.existing
            if decision is None:
                continue
            label = {"number": decision["number"], "date": _date_label(decision["signed_on"])}
            for row in group.rows:
                if row.data["present"]:
                    continue
                if decision["authority"] != group.authority:
                    message = _(
                        "Decision %(number)s of %(date)s is recorded in thidua with another "
                        "authority (%(authority)s)."
                    ) % {**label, "authority": Authority(decision["authority"]).label}
                elif decision["status"] == DecisionStatus.ISSUED:
                    message = (
                        _(
                            "Decision %(number)s of %(date)s is already in the registry without "
                            "this award, and an issued decision takes no new award: add it on the "
                            "decision's page, or correct the decision's number or date."
                        )
                        % label
                    )
                else:
                    message = (
                        _(
                            "A draft decision %(number)s of %(date)s exists: complete it on the "
                            "decisions page instead of importing these rows."
                        )
                        % label
                    )
                self.error(row, "decision_number", message)

    def _count(self, rows: list[_Row]) -> None:
        result = self.result
        matched, households = set(), set()
        for row in rows:
            data = row.data
            if data["present"]:
                result.skipped += 1
                continue
            result.awards += 1
            if data.get("person") is not None:
                matched.add(data["person"].pk)
            if data.get("household") is not None:
                households.add(data["household"].pk)
        result.people_new = len(self.new_people)
        result.people_matched = len(matched)
        result.households_new = len(self.new_households)
        result.households_matched = len(households)
        result.decisions_new = sum(
            1
            for group in self.decisions.values()
            if group.existing is None and any(not row.data["present"] for row in group.rows)
        )
        subjects = dict(Subject.choices)
        for row in rows[:PREVIEW_ROWS]:
            data = row.data
            if data.get("uncertain"):
                person = "choose"
            elif data.get("person") is not None or data.get("household") is not None:
                person = "existing"
            elif data.get("person_key") or data.get("household_key"):
                person = "new"
            else:
                person = ""
            unit: Unit | None = data["unit_obj"]
            result.preview.append(
                PreviewRow(
                    number=row.number,
                    subject=str(subjects.get(data["subject"], "")),
                    name=(
                        data["person"].full_name
                        if data.get("person") is not None
                        else data["name"] or (unit.name if unit else "")
                    ),
                    unit=unit.name if unit else "",
                    title=data["award_type"].name if data["award_type"] else "",
                    period=(
                        f"{data['period_start']}–{data['year']}"
                        if data["period_start"]
                        else str(data["year"] or "")
                    ),
                    decision=" ".join(
                        part
                        for part in (
                            data["decision_number"] or "",
                            _date_label(data["decision_date"]),
                        )
                        if part
                    ),
                    action="skip"
                    if data["present"]
                    else "choose"
                    if person == "choose"
                    else "create",
                    person=person,
                )
            )

    # Saving ---------------------------------------------------------------------------

    def apply(self, rows: list[_Row]) -> None:
        actor = self.actor
        new_people = list(self.new_people.values())
        if new_people:
            people = self.apply_row(
                new_people[0].first,
                lambda: org_services.person_create_many(
                    actor=actor, rows=[(group.unit, group.fields) for group in new_people]
                ),
            )
            for group, person in zip(new_people, people, strict=True):
                person.unit = group.unit
                group.obj = person
        for group in self.new_households.values():
            group.obj = self.apply_row(
                group.first,
                lambda group=group: services.household_create(
                    actor=actor, head_name=group.head_name, address=group.unit.name, unit=group.unit
                ),
            )
        for group in self.decisions.values():
            creating = [row for row in group.rows if not row.data["present"]]
            if not creating:
                continue
            self._save_decision(group, creating)

    def _recipient_objects(self, data: dict) -> tuple[Person | None, Unit | None, Household | None]:
        subject = data["subject"]
        if subject == Subject.COLLECTIVE:
            return None, data["unit_obj"], None
        if subject == Subject.HOUSEHOLD:
            household = data.get("household")
            if household is None:
                household = self.new_households[data["household_key"]].obj
            return None, None, household
        person = data.get("person")
        if person is None:
            person = self.new_people[data["person_key"]].obj
        return person, None, None

    def _issuer(self, recipients: list[Unit]) -> Unit:
        """The lowest unit above every recipient of the decision, when the user may record
        decisions there; else the first recipient's unit."""
        pk = _common_ancestor(unit.path for unit in recipients)
        issuer = Unit.objects.filter(pk=pk).first() if pk else None
        if issuer is None or not self._may("change", "awards.decision", issuer):
            issuer = recipients[0]
        return issuer

    def _save_decision(self, group: _DecisionGroup, rows: list[_Row]) -> None:
        actor = self.actor
        number, signed_on, authority_name = group.key
        prepared = []
        for row in rows:
            person, unit, household = self._recipient_objects(row.data)
            recipient_unit = person.unit if person else household.unit if household else unit
            prepared.append((row, person, unit, household, recipient_unit))
        issuer = self._issuer([item[4] for item in prepared])
        decision = self.apply_row(
            rows[0],
            lambda: services.decision_create(
                actor=actor,
                today=self.today,
                number=number,
                signed_on=signed_on,
                authority=group.authority,
                authority_name=authority_name,
                signer_name=group.signer or UNKNOWN_SIGNER,
                signer_title="",
                kind=group.kind,
                subject_line="",
                grounds="",
                issuer=issuer,
            ),
        )
        Decision.objects.filter(pk=decision.pk).update(is_legacy=True)
        decision.is_legacy = True
        self.apply_row(rows[0], lambda: check_allowed(actor, Decision, "change", obj=decision))
        awards = []
        for order, (row, person, unit, household, recipient_unit) in enumerate(prepared, 1):
            data = row.data
            award = Award(
                decision=decision,
                award_type=data["award_type"],
                subject=data["subject"],
                year=data["year"],
                period_start=data["period_start"],
                kind=data["kind"],
                sort_order=order,
                **registry_services._recipient_fields(data["subject"], person, unit, household),
            )
            award.recipient_name_folded = fold(award.recipient_name)
            if not self._may("change", self.label, recipient_unit):
                raise _ApplyError(row, PermissionDenied())
            try:
                registry_services._check_against_decision(award, decision)
            except ValidationError as error:
                raise _ApplyError(row, error) from error
            awards.append(award)
        # The amounts as recompute_amounts() computes them when the decision is issued
        # (only the highest title of a recipient and period is paid), so issuing finds
        # nothing to change.
        paid = payable(
            [
                Payable(
                    key=index,
                    recipient=(
                        award.subject,
                        award.person_id or award.unit_id or award.household_id,
                    ),
                    is_title=award.award_type.category == Category.TITLE,
                    period=(award.period_start, award.year),
                    amount=self._amount(award.award_type, award.subject, signed_on),
                )
                for index, award in enumerate(awards)
            ]
        )
        for index, award in enumerate(awards):
            award.amount = paid.get(index)
        try:
            with transaction.atomic():
                Award.objects.bulk_create(awards, batch_size=500)
        except IntegrityError as error:  # a concurrent save of the same award
            refused = ValidationError(_("This award is already in the registry."))
            raise _ApplyError(rows[0], refused) from error
        # What the file says was paid replaces the computed amount once the decision is
        # issued (issuing computes them again); the audit entries hold the final amounts.
        given = []
        for award, (row, *_rest) in zip(awards, prepared, strict=True):
            if row.data["amount"] is not None:
                award.amount = row.data["amount"]
                given.append(award)
        record_many(Action.CREATE, [(award, snapshot(award)) for award in awards], actor=actor)
        self.apply_row(
            rows[0],
            lambda: services.decision_issue(
                actor=actor, decision=decision, notify_units=False, today=self.today
            ),
        )
        if given:
            Award.objects.bulk_update(given, ["amount"], batch_size=500)

    def _amount(self, award_type: AwardType, subject: str, on: datetime.date) -> int | None:
        key = (award_type.pk, subject, on)
        if key not in self._amounts:
            self._amounts[key] = award_amount(award_type, subject, on)
        return self._amounts[key]

    def apply_row(self, row, action):
        try:
            return action()
        except _ApplyError:
            raise
        except (ValidationError, PermissionDenied, DatabaseError) as error:
            raise _ApplyError(row, error) from error


def _require(actor: User | None) -> None:
    if actor is not None and actor.scope_for("awards.award", "change") == []:
        raise PermissionDenied


def check_file(
    *, actor: User | None, data: bytes, filename: str, today: datetime.date | None = None
) -> AwardImportResult:
    """Check a file of award history and describe what saving it would do."""
    _require(actor)
    return AwardImporter(actor=actor, filename=filename, today=today).check(data)


def import_file(
    *,
    actor: User | None,
    data: bytes,
    filename: str,
    choices: dict[str, str] | None = None,
    today: datetime.date | None = None,
) -> AwardImportResult:
    """Save a file of award history whole, or nothing (the result lists why)."""
    _require(actor)
    return AwardImporter(actor=actor, filename=filename, choices=choices or {}, today=today).save(
        data
    )


# The upload waiting for confirmation -----------------------------------------------------

STORE = "awards-import"
MAX_AGE = datetime.timedelta(days=1)
TOKEN_RE = re.compile(r"[A-Za-z0-9_-]{16,64}")


def _storage():
    return storages["private"]


def _folder(user: User, token: str) -> str:
    return f"{STORE}/{user.pk}/{token}"


def _read(name: str) -> bytes | None:
    try:
        with _storage().open(name, "rb") as handle:
            return handle.read()
    except (FileNotFoundError, OSError):
        return None


def keep_upload(user: User, data: bytes, result: AwardImportResult) -> str:
    """Keep ``data`` and its check for ``user`` until confirmed; return the token."""
    _drop_stale(user)
    token = secrets.token_urlsafe(18)
    folder = _folder(user, token)
    _storage().save(f"{folder}/source.xlsx", ContentFile(data))
    _storage().save(
        f"{folder}/check.json", ContentFile(json.dumps(result.to_json(), default=str).encode())
    )
    return token


@dataclass
class Upload:
    token: str
    data: bytes | None  # None once saved
    check: AwardImportResult | None  # the preview
    done: AwardImportResult | None  # what the confirmation saved


def load_upload(user: User, token: str) -> Upload | None:
    """``user``'s upload under ``token``, or None (unknown, someone else's, expired)."""
    if not TOKEN_RE.fullmatch(token or ""):
        return None
    folder = _folder(user, token)
    done = _read(f"{folder}/done.json")
    if done is not None:
        return Upload(token, None, None, AwardImportResult.from_json(json.loads(done)))
    check = _read(f"{folder}/check.json")
    data = _read(f"{folder}/source.xlsx")
    if check is None or data is None:
        return None
    return Upload(token, data, AwardImportResult.from_json(json.loads(check)), None)


def claim_upload(user: User, token: str) -> bool:
    """Take the upload for one confirmation at a time (the storage writes exclusively)."""
    wanted = f"{_folder(user, token)}/claimed"
    got = _storage().save(wanted, ContentFile(b""))
    if got != wanted:
        _storage().delete(got)
        return False
    return True


def release_upload(user: User, token: str) -> None:
    _storage().delete(f"{_folder(user, token)}/claimed")


def finish_upload(user: User, token: str, result: AwardImportResult) -> None:
    """Remember what was saved; drop the file (it holds identity numbers)."""
    folder = _folder(user, token)
    _storage().save(
        f"{folder}/done.json", ContentFile(json.dumps(result.to_json(), default=str).encode())
    )
    for name in ("source.xlsx", "check.json", "claimed"):
        _storage().delete(f"{folder}/{name}")


def forget_upload(user: User, token: str) -> None:
    folder = _folder(user, token)
    for name in ("source.xlsx", "check.json", "claimed", "done.json"):
        _storage().delete(f"{folder}/{name}")
    with contextlib.suppress(OSError):
        _storage().delete(folder)


def _drop_stale(user: User) -> None:
    storage = _storage()
    root = f"{STORE}/{user.pk}"
    try:
        folders, _files = storage.listdir(root)
    except (FileNotFoundError, OSError):
        return
    limit = timezone.now() - MAX_AGE
    for token in folders:
        folder = f"{root}/{token}"
        try:
            _subfolders, files = storage.listdir(folder)
            times = [storage.get_modified_time(f"{folder}/{name}") for name in files]
        except (FileNotFoundError, OSError, NotImplementedError):
            continue
        if not times or max(times) < limit:
            forget_upload(user, token)


# The template ----------------------------------------------------------------------------

_HEADER_FILL = PatternFill("solid", fgColor="DDEBF7")
_REQUIRED_FILL = PatternFill("solid", fgColor="FCE4D6")
_TEMPLATE_ROWS = MAX_ROWS + 1


def _scope_units(user: User | None, limit: int = 5000) -> list[Unit]:
    units = Unit.objects.filter(is_active=True).order_by("path")
    if user is not None:
        units = units & Unit.objects.restrict(user, "change", label="awards.award")
    return list(units[:limit])


def template_workbook(*, user: User | None) -> Workbook:
    """The file users fill in: the headers, an example row, drop-downs, the instructions and
    the lists (recipient kinds, the catalogue, authorities, kinds, the user's units)."""
    units = _scope_units(user)
    home = None
    if user is not None and user.unit_id and any(u.pk == user.unit_id for u in units):
        home = user.unit
    elif units:
        home = units[0]
    catalogue = list(AwardType.objects.active().order_by("category", "sort_order", "name"))

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = str(_("Awards"))[:31]
    guide = workbook.create_sheet(str(_("Instructions"))[:31])
    lists = workbook.create_sheet(str(_("Lists"))[:31])
    by_key = {column.key: column for column in AWARD_COLUMNS}

    enumerations = {
        "subject": _labels(Subject.choices),
        "award_type": [award_type.name for award_type in catalogue],
        "kind": _labels(CommendationKind.choices),
        "authority": _labels(Authority.choices),
        "gender": _labels(Gender.choices),
    }
    ranges: dict[str, str] = {}
    position = 1
    for key, values in enumerations.items():
        letter = get_column_letter(position)
        lists.cell(row=1, column=position, value=str(by_key[key].header)).font = Font(bold=True)
        for offset, value in enumerate(values, start=2):
            lists.cell(row=offset, column=position, value=value)
        longest = max((len(value) for value in values), default=10)
        lists.column_dimensions[letter].width = min(60, max(14, longest + 2))
        ranges[key] = f"{quote_sheetname(lists.title)}!${letter}$2:${letter}${len(values) + 1}"
        position += 1
        if key == "award_type":  # the codes beside the names
            lists.cell(row=1, column=position, value=str(_("Code"))).font = Font(bold=True)
            for offset, award_type in enumerate(catalogue, start=2):
                lists.cell(row=offset, column=position, value=award_type.code)
            lists.column_dimensions[get_column_letter(position)].width = 16
            position += 1
    code_letter = get_column_letter(position)
    lists.cell(row=1, column=position, value=str(_("Unit code"))).font = Font(bold=True)
    lists.cell(row=1, column=position + 1, value=str(_("Unit name"))).font = Font(bold=True)
    for offset, unit in enumerate(units, start=2):
        lists.cell(row=offset, column=position, value=unit.code)
        lists.cell(row=offset, column=position + 1, value=unit.name)
    lists.column_dimensions[code_letter].width = 22
    lists.column_dimensions[get_column_letter(position + 1)].width = 50
    if units:
        ranges["unit"] = (
            f"{quote_sheetname(lists.title)}!${code_letter}$2:${code_letter}${len(units) + 1}"
        )
    lists.freeze_panes = "A2"

    for number, column in enumerate(AWARD_COLUMNS, start=1):
        letter = get_column_letter(number)
        cell = sheet.cell(row=1, column=number, value=str(column.header))
        cell.font = Font(bold=True, color="9C0006" if column.required else None)
        cell.fill = _REQUIRED_FILL if column.required else _HEADER_FILL
        cell.alignment = Alignment(wrap_text=True, vertical="center")
        cell.comment = Comment(str(column.help), "thidua")
        sheet.column_dimensions[letter].width = max(column.width, len(str(column.header)) + 2)
        if column.as_text:
            sheet.column_dimensions[letter].number_format = "@"
        if column.key in ranges:
            validation = DataValidation(
                type="list",
                formula1=ranges[column.key],
                allow_blank=True,
                # Help only where the import accepts more than the list (codes, a decision's
                # issuer as printed); strict for the kind of recipient.
                showErrorMessage=column.key in ("subject", "kind", "gender"),
                errorTitle=str(_("Value not in the list")),
                error=str(_("Choose a value from the list.")),
            )
            validation.add(f"{letter}2:{letter}{_TEMPLATE_ROWS}")
            sheet.add_data_validation(validation)
    sheet.freeze_panes = "A2"
    today = timezone.localdate()
    year = today.year - 1
    example = {
        "subject": str(Subject.INDIVIDUAL.label),
        "name": "Nguyễn Thị Ánh",
        "identity_number": "",
        "date_of_birth": datetime.date(1985, 5, 17),
        "gender": str(Gender.FEMALE.label),
        "unit": home.code if home else "",
        "award_type": "Lao động tiên tiến",
        "year": str(year),
        "kind": str(CommendationKind.MERIT.label),
        "decision_number": "15/QĐ-KT",
        "decision_date": min(datetime.date(year + 1, 1, 10), today),
        "authority": str(Authority.AGENCY_HEAD.label),
        "signer": "Trần Văn Bình",
        "amount": None,
    }
    for number, column in enumerate(AWARD_COLUMNS, start=1):
        cell = sheet.cell(row=2, column=number, value=example.get(column.key))
        cell.font = Font(italic=True, color="595959")
        if isinstance(cell.value, datetime.date):
            cell.number_format = "dd/mm/yyyy"
        elif column.as_text:
            cell.number_format = "@"

    guide.column_dimensions["A"].width = 30
    guide.column_dimensions["B"].width = 12
    guide.column_dimensions["C"].width = 80
    guide.cell(
        row=1, column=1, value=str(_("How to fill in the import file of award history"))
    ).font = Font(bold=True, size=14)
    rules = [
        _("One row per award, below the header row; do not rename the headers."),
        _("Row 2 is an example: replace it or delete it before importing."),
        _(
            "After the upload thidua checks every row and shows what it will do; nothing is "
            "saved before you confirm. If any row has a problem nothing is saved, and every "
            "problem is listed with its row and column."
        ),
        _(
            "People are recognised by their identity number or by name and date of birth. "
            "When thidua cannot be sure, the preview asks you; a person not yet in thidua is "
            "created in the unit of the row."
        ),
        _(
            "A decision is recognised by its number, date and authority. Importing the same "
            "file again creates nothing twice: rows already in the registry are skipped."
        ),
        _(
            "All the awards of one decision go in one file: once imported, a decision is "
            "issued and takes no new award."
        ),
        _("At most %(max)s rows per file.") % {"max": f"{MAX_ROWS:,}".replace(",", ".")},
    ]
    row_number = 2
    for rule in rules:
        guide.cell(row=row_number, column=1, value=f"• {rule}")
        row_number += 1
    row_number += 1
    for number, text in enumerate([_("Column"), _("Required"), _("Description")], start=1):
        cell = guide.cell(row=row_number, column=number, value=str(text))
        cell.font = Font(bold=True)
        cell.fill = _HEADER_FILL
    for column in AWARD_COLUMNS:
        row_number += 1
        values = [str(column.header), str(_("Yes")) if column.required else "", str(column.help)]
        for number, value in enumerate(values, start=1):
            cell = guide.cell(row=row_number, column=number, value=value)
            cell.alignment = Alignment(wrap_text=True, vertical="top")
    return workbook


def workbook_bytes(workbook: Workbook) -> bytes:
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


__all__ = [
    "AWARD_COLUMNS",
    "AwardImportResult",
    "AwardImporter",
    "Candidate",
    "PreviewRow",
    "Uncertain",
    "check_file",
    "claim_upload",
    "finish_upload",
    "forget_upload",
    "import_file",
    "keep_upload",
    "load_upload",
    "parse_authority",
    "parse_year",
    "release_upload",
    "template_workbook",
    "title_key",
]
