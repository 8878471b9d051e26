"""Importing units and people from Excel (.xlsx): templates, validation, all-or-nothing apply.

An import reads the first sheet of the workbook, finds the header row, validates every
row against what is in the database (fetched in bulk, not row by row) and against the
model's ``full_clean``, and reports each problem with its row and column. Only when every
row is valid does it apply the rows, inside one transaction, through the ordinary
services (:func:`services.unit_create`, :func:`services.unit_update`,
:func:`services.unit_move`, :func:`services.person_create`,
:func:`services.person_update`), so every created or changed object gets its normal audit
entry; one ``Action.IMPORT`` entry then summarises the file.

Matching, so that importing the same file twice creates nothing the second time:

- units match on their code;
- people match on their identity number; a row without one matches on (folded full
  name, date of birth, unit). A row whose identity number is not yet known also matches
  a person of the same name, date of birth and unit who has no identity number yet, and
  gives them that number, rather than creating them a second time.

When a row matches an existing record, an empty cell leaves that field as it is, and a
row that changes nothing is left alone (no audit entry).
"""

from __future__ import annotations

import copy
import logging
import re
from abc import ABC, abstractmethod
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date, datetime
from functools import lru_cache

from django.conf import settings
from django.core.exceptions import NON_FIELD_ERRORS, PermissionDenied, ValidationError
from django.db import DatabaseError, transaction
from django.utils import timezone, translation
from django.utils.functional import Promise
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from openpyxl import Workbook
from openpyxl.comments import Comment
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter, quote_sheetname
from openpyxl.utils.datetime import from_excel
from openpyxl.worksheet.datavalidation import DataValidation

from thidua.audit.models import Action
from thidua.audit.services import record
from thidua.core.text import fold, normalize_name
from thidua.core.xlsx import UploadError, open_uploaded_workbook

from . import services
from .ethnicities import ETHNICITIES
from .models import Gender, ManagementLevel, Person, Unit, UnitKind, User

logger = logging.getLogger(__name__)

MAX_ROWS = 20_000
"""Rows (not counting blank ones) a file may hold."""

MAX_SHOWN_ROWS = 100
"""Offending rows shown with their cells on the page (every error is still listed)."""

HEADER_SEARCH_ROWS = 10
"""The header row may sit below a title: look for it in this many first rows."""

_CHUNK = 500  # values per ``__in`` query (SQLite allows few parameters per statement)

KINDS = ("units", "people")


# Matching text -------------------------------------------------------------------------


def _key(text) -> str:
    """Fold for matching: no diacritics, no case, no spaces or punctuation.

    "Khơ-me", "kho me" and "KHOME" all give "khome"; "Họ và tên (*)" gives "hovaten".
    """
    return _key_of(str(text))  # a lazy string becomes text in the active language first


@lru_cache(maxsize=8192)
def _key_of(text: str) -> str:
    return re.sub(r"[^a-z0-9]", "", fold(text))


def _in_languages(text: Promise | str) -> set[str]:
    """The matching keys of a translatable string in every language the site offers."""
    keys = {_key(text)}
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            keys.add(_key(text))
    return keys


# Aliases are matching keys only (never shown): what people commonly type in Vietnamese
# offices, accepted whatever the state of the translation catalogue.
UNIT_KIND_ALIASES = {
    UnitKind.PROVINCE: ("Tỉnh", "Thành phố trực thuộc trung ương", "Tỉnh, thành phố"),
    UnitKind.PEOPLES_COMMITTEE: ("Ủy ban nhân dân", "UBND"),
    UnitKind.DEPARTMENT: ("Sở, ban, ngành", "Sở ban ngành", "Sở", "Ban, ngành"),
    UnitKind.COMMUNE: ("Xã",),
    UnitKind.WARD: ("Phường",),
    UnitKind.SPECIAL_ZONE: ("Đặc khu",),
    UnitKind.PUBLIC_SERVICE: ("Đơn vị sự nghiệp", "Đơn vị sự nghiệp công lập"),
    UnitKind.SCHOOL: ("Trường học", "Trường"),
    UnitKind.HOSPITAL: ("Bệnh viện, trung tâm y tế", "Bệnh viện", "Trung tâm y tế", "Y tế"),
    UnitKind.ENTERPRISE: ("Doanh nghiệp",),
    UnitKind.MASS_ORGANISATION: ("Đoàn thể", "Tổ chức đoàn thể", "Tổ chức chính trị - xã hội"),
    UnitKind.DIVISION: ("Phòng, ban", "Phòng ban", "Phòng", "Ban"),
    UnitKind.OTHER: ("Khác",),
}
GENDER_ALIASES = {Gender.MALE: ("Nam", "M"), Gender.FEMALE: ("Nữ", "F")}
MANAGEMENT_ALIASES = {
    ManagementLevel.LEADER: ("Lãnh đạo",),
    ManagementLevel.MANAGER: ("Quản lý",),
    ManagementLevel.DIRECT_WORKER: (
        "Người lao động trực tiếp",
        "Lao động trực tiếp",
        "Trực tiếp",
    ),
}
ETHNICITY_ALIASES = {"05": ("Khmer",), "08": ("H'Mông", "Hmông", "Mèo"), "10": ("Jrai",)}
YES_ALIASES = ("Có", "x", "1", "true", "yes")
NO_ALIASES = ("Không", "0", "false", "no")


def _lookup(choices: Iterable[tuple[str, Promise | str]], aliases=None) -> dict[str, str]:
    table: dict[str, str] = {}
    for value, label in choices:
        table[_key(value)] = value
        for key in _in_languages(label):
            table[key] = value
        for alias in (aliases or {}).get(value, ()):
            table[_key(alias)] = value
    table.pop("", None)
    return table


def _ethnicity_lookup() -> dict[str, str]:
    table = _lookup(ETHNICITIES, ETHNICITY_ALIASES)
    for code, _name in ETHNICITIES:
        table.setdefault(str(int(code)), code)
    return table


def _yes_no_lookup() -> dict[str, bool]:
    table = {key: True for key in _in_languages(gettext_lazy("Yes"))}
    table.update({key: False for key in _in_languages(gettext_lazy("No"))})
    table.update({_key(alias): True for alias in YES_ALIASES})
    table.update({_key(alias): False for alias in NO_ALIASES})
    return table


# Columns -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Column:
    key: str  # the model field it fills (or "parent"/"unit" for a unit code)
    header: Promise
    help: Promise
    required: bool = False  # must be filled on every row
    aliases: tuple[Promise, ...] = ()  # other headers accepted (those of the export)
    width: int = 18
    as_text: bool = True  # formatted as text in the template, so Excel keeps leading zeros

    def header_keys(self) -> set[str]:
        keys = _in_languages(self.header)
        for alias in self.aliases:
            keys |= _in_languages(alias)
        return keys


UNIT_COLUMNS = (
    Column(
        "code",
        gettext_lazy("Unit code"),
        gettext_lazy(
            "Unique code of the unit, e.g. T01.SGDDT: letters without diacritics, digits, "
            "'.', '-' and '_'. An existing code updates that unit."
        ),
        required=True,
        aliases=(gettext_lazy("Code"),),
        width=20,
    ),
    Column(
        "name",
        gettext_lazy("Unit name"),
        gettext_lazy("Full name of the unit."),
        required=True,
        aliases=(gettext_lazy("Name"),),
        width=40,
    ),
    Column("short_name", gettext_lazy("Short name"), gettext_lazy("Optional abbreviation.")),
    Column(
        "kind",
        gettext_lazy("Kind"),
        gettext_lazy("One of the values in the list (or its code). Needed for a new unit."),
        width=28,
    ),
    Column(
        "parent",
        gettext_lazy("Parent unit code"),
        gettext_lazy(
            "Code of the unit above it: an existing unit you manage, or a unit listed "
            "elsewhere in the same file (in any order). Needed for a new unit; a different "
            "code moves an existing unit."
        ),
        width=20,
    ),
    Column("address", gettext_lazy("Address"), gettext_lazy("Optional."), width=30),
    Column("phone", gettext_lazy("Phone"), gettext_lazy("Optional.")),
    Column("email", gettext_lazy("E-mail"), gettext_lazy("Optional."), width=24),
    Column("head_name", gettext_lazy("Head of unit"), gettext_lazy("Optional."), width=24),
)

PERSON_COLUMNS = (
    Column(
        "full_name",
        gettext_lazy("Full name"),
        gettext_lazy("Full name with diacritics, e.g. Nguyễn Thị Ánh."),
        required=True,
        width=28,
    ),
    Column(
        "gender",
        gettext_lazy("Gender"),
        gettext_lazy("One of the values in the list. Needed for a new person."),
        width=10,
    ),
    Column(
        "date_of_birth",
        gettext_lazy("Date of birth"),
        gettext_lazy("Day/month/year (dd/mm/yyyy) or an Excel date."),
        width=14,
        as_text=False,
    ),
    Column(
        "ethnicity",
        gettext_lazy("Ethnicity"),
        gettext_lazy("One of the 54 ethnic groups in the list. Kinh when left empty."),
        width=14,
    ),
    Column("position", gettext_lazy("Position"), gettext_lazy("Optional."), width=24),
    Column(
        "unit",
        gettext_lazy("Unit code"),
        gettext_lazy("Code of the unit the person works in; it must be one of your units."),
        required=True,
        width=20,
    ),
    Column(
        "management_level",
        gettext_lazy("Management level"),
        gettext_lazy("One of the values in the list. Direct worker when left empty."),
        width=22,
    ),
    Column(
        "identity_number",
        gettext_lazy("Identity number"),
        gettext_lazy(
            "Optional: citizen identity card number (12 digits) or old ID card (9 digits). "
            "Used to recognise the person on the next import."
        ),
        width=18,
    ),
    Column("phone", gettext_lazy("Phone"), gettext_lazy("Optional.")),
    Column("email", gettext_lazy("E-mail"), gettext_lazy("Optional."), width=24),
    Column(
        "is_active",
        gettext_lazy("Working"),
        gettext_lazy("Yes or No. Yes when left empty."),
        width=10,
    ),
)

# Columns of the Excel exports that the import accepts and ignores, so that an exported
# file can be edited and imported again.
UNIT_IGNORED = (gettext_lazy("Active"), gettext_lazy("Merged into"), "STT", "TT")
PERSON_IGNORED = (gettext_lazy("Unit"), "STT", "TT")


# Result --------------------------------------------------------------------------------


@dataclass
class Issue:
    """One problem: the row and column it is in (when it has them) and what is wrong."""

    message: str
    row: int | None = None
    column: str = ""  # the column's header, as in the template, in the active language
    value: str = ""
    key: str = ""  # the column's key (the model field), for code and tests

    @property
    def text(self) -> str:
        if self.row and self.column:
            return _("Row %(row)s, column “%(column)s”: %(message)s") % {
                "row": self.row,
                "column": self.column,
                "message": self.message,
            }
        if self.row:
            return _("Row %(row)s: %(message)s") % {"row": self.row, "message": self.message}
        if self.column:
            return _("Column “%(column)s”: %(message)s") % {
                "column": self.column,
                "message": self.message,
            }
        return self.message

    def __str__(self) -> str:
        return self.text


@dataclass
class BadRow:
    """A row with errors, as it is in the file, for the page to show highlighted."""

    number: int
    cells: list[tuple[str, bool]]  # (text, has an error)


@dataclass
class ImportResult:
    kind: str
    filename: str
    errors: list[Issue] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    headers: list[str] = field(default_factory=list)
    bad_rows: list[BadRow] = field(default_factory=list)
    rows: int = 0
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    saved: bool = False

    @property
    def ok(self) -> bool:
        return self.saved and not self.errors

    @property
    def error_row_count(self) -> int:
        return len({issue.row for issue in self.errors if issue.row})


class _CellError(ValueError):
    """A cell's value cannot be used; the message says why."""


@dataclass
class _Row:
    number: int
    values: tuple
    data: dict = field(default_factory=dict)  # cleaned values by column key
    existing: object = None
    changes: dict = field(default_factory=dict)
    move_to: str | None = None  # units: code of the new parent
    depth: int = 0


# Cell parsing --------------------------------------------------------------------------


def _text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return _("Yes") if value else _("No")
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime):
        return value.strftime("%d/%m/%Y %H:%M") if value.time() else value.strftime("%d/%m/%Y")
    if isinstance(value, date):
        return value.strftime("%d/%m/%Y")
    return normalize_name(str(value).replace("\u00a0", " "))


_DMY = re.compile(r"(\d{1,2})\s*[/.\-]\s*(\d{1,2})\s*[/.\-]\s*(\d{4})")
_YMD = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T][\d:.]+)?")


def parse_date(value) -> date | None:
    """A date cell, or text written dd/mm/yyyy (also d/m/yyyy, dd-mm-yyyy, dd.mm.yyyy
    and yyyy-mm-dd), or the serial number Excel stores for a date."""
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    problem = _("“%(value)s” is not a valid date (dd/mm/yyyy).") % {"value": _text(value)}
    if isinstance(value, int | float) and not isinstance(value, bool):
        if 2100 < value < 2958466:  # a date serial, not a bare year
            return from_excel(value).date()
        raise _CellError(problem)
    text = _text(value)
    if not text:
        return None
    match = _DMY.fullmatch(text)
    if match:
        day, month, year = (int(part) for part in match.groups())
    elif match := _YMD.fullmatch(text):
        year, month, day = (int(part) for part in match.groups())
    else:
        raise _CellError(problem)
    try:
        return date(year, month, day)
    except ValueError as exc:
        raise _CellError(problem) from exc


def parse_identity_number(value) -> str:
    """Digits only. A number typed into a general cell loses its leading zeros (a CCCD
    starts with the province code, 001–096): put them back when the length says so."""
    if value is None:
        return ""
    if isinstance(value, int | float) and not isinstance(value, bool):
        text = _text(value)
        if len(text) in (10, 11):
            text = text.zfill(12)
        elif len(text) == 8:
            text = text.zfill(9)
    else:
        text = re.sub(r"[\s.\-]", "", _text(value))
    if text and not re.fullmatch(r"\d{9}|\d{12}", text):
        raise _CellError(_("An identity number has 12 digits (or 9 for an old ID card)."))
    return text


def parse_phone(value) -> str:
    """A phone number typed as a number loses its leading 0: put it back."""
    if isinstance(value, int | float) and not isinstance(value, bool):
        text = _text(value)
        return "0" + text if len(text) in (9, 10) and not text.startswith("0") else text
    return _text(value)


def _choice(table: dict, value, allowed: Callable[[], str]):
    text = _text(value)
    if not text:
        return None
    try:
        return table[_key(text)]
    except KeyError:
        raise _CellError(
            _("“%(value)s” is not one of the allowed values (%(allowed)s).")
            % {"value": text, "allowed": allowed()}
        ) from None


def _labels(choices) -> list[str]:
    return [str(label) for _value, label in choices]


def _chunks(values: Iterable, size: int = _CHUNK) -> Iterator[list]:
    values = list(values)
    for start in range(0, len(values), size):
        yield values[start : start + size]


# The importer --------------------------------------------------------------------------


class _Importer(ABC):
    kind: str
    label: str  # model label for permissions and the audit entry
    columns: tuple[Column, ...]
    ignored: tuple = ()

    def __init__(self, *, actor: User | None, filename: str):
        self.actor = actor
        self.result = ImportResult(kind=self.kind, filename=filename)
        self.by_key = {column.key: column for column in self.columns}
        self.index: dict[str, int] = {}  # column key → position in the row
        self.error_cells: dict[int, set[str]] = {}

    # Reporting ------------------------------------------------------------------------

    def header_of(self, key: str | None) -> str:
        return str(self.by_key[key].header) if key in self.by_key else ""

    def error(self, row: _Row | None, key: str | None, message: str) -> None:
        value = ""
        if row is not None and key in self.index:
            value = _text(self.raw(row, key))
        self.result.errors.append(
            Issue(
                message=message,
                row=row.number if row is not None else None,
                column=self.header_of(key),
                value=value,
                key=key or "",
            )
        )
        if row is not None:
            self.error_cells.setdefault(row.number, set()).add(key or "")

    def validation_errors(self, row: _Row, error: ValidationError) -> None:
        """Report a model's ValidationError on the columns of the fields it names; a cell
        already reported (a value that could not be read, so left empty) is not reported
        twice."""
        if hasattr(error, "error_dict"):
            reported = set(self.error_cells.get(row.number, ()))
            for name, errors in error.error_dict.items():
                key = name if name in self.by_key else None
                if name == NON_FIELD_ERRORS:
                    key = None
                if key is not None and key in reported:
                    continue
                for message in ValidationError(errors).messages:
                    self.error(row, key, message)
        else:
            for message in error.messages:
                self.error(row, None, message)

    # Reading --------------------------------------------------------------------------

    def raw(self, row: _Row, key: str):
        position = self.index.get(key)
        if position is None or position >= len(row.values):
            return None
        return row.values[position]

    def read(self, workbook) -> list[_Row] | None:
        sheet = workbook.worksheets[0]
        if hasattr(sheet, "reset_dimensions"):
            sheet.reset_dimensions()  # some programs write a wrong sheet size
        known = {key: column.key for column in self.columns for key in column.header_keys()}
        ignored = set().union(*(_in_languages(text) for text in self.ignored))
        rows_iter = sheet.iter_rows(values_only=True)
        header_number = 0
        header = None
        for number, values in enumerate(rows_iter, start=1):
            keys = [_key(_text(value)) for value in values]
            if sum(1 for key in keys if key in known) >= min(2, len(self.columns)):
                header_number, header = number, values
                break
            if number >= HEADER_SEARCH_ROWS:
                break
        if header is None:
            self.error(
                None,
                None,
                _(
                    "The column headers were not found: the first row must hold the column "
                    "names of the template (download it from this page)."
                ),
            )
            return None
        for position, value in enumerate(header):
            text = _text(value)
            key = _key(text)
            if not key:
                continue
            if key not in known and key in ignored:
                self.result.notes.append(
                    _("The column “%(name)s” is not imported.") % {"name": text}
                )
                continue
            if key not in known:
                self.result.errors.append(
                    Issue(
                        _("Unknown column “%(name)s”: rename it as in the template or delete it.")
                        % {"name": text}
                    )
                )
                continue
            column_key = known[key]
            if column_key in self.index:
                self.result.errors.append(
                    Issue(
                        _("The column “%(name)s” appears twice.")
                        % {"name": self.header_of(column_key)}
                    )
                )
                continue
            self.index[column_key] = position
        missing_required = False
        for column in self.columns:
            if column.key in self.index:
                continue
            if column.required:
                missing_required = True
                self.result.errors.append(
                    Issue(
                        _("The required column “%(name)s” is missing.") % {"name": column.header},
                        column=str(column.header),
                        key=column.key,
                    )
                )
            else:
                self.result.notes.append(
                    _(
                        "The column “%(name)s” is not in the file: new records get the "
                        "default, existing ones keep their value."
                    )
                    % {"name": column.header}
                )
        if missing_required:
            return None
        self.result.headers = [str(self.by_key[key].header) for key in self.ordered_keys()]
        rows = []
        for number, values in enumerate(rows_iter, start=header_number + 1):
            if all(value is None or _text(value) == "" for value in values):
                continue
            if len(rows) >= MAX_ROWS:
                self.result.errors.append(
                    Issue(
                        _(
                            "The file has more than %(max)s rows. Split it into several "
                            "files and import them one after the other."
                        )
                        % {"max": f"{MAX_ROWS:,}".replace(",", ".")}
                    )
                )
                return None
            rows.append(_Row(number=number, values=tuple(values)))
        if not rows:
            self.result.errors.append(Issue(_("The file has no rows to import.")))
            return None
        self.result.rows = len(rows)
        return rows

    def ordered_keys(self) -> list[str]:
        return [column.key for column in self.columns if column.key in self.index]

    def cell(self, row: _Row, key: str, parse: Callable | None = None):
        """The parsed value of a cell, or None when the column is absent or the cell
        empty; a value that cannot be parsed is reported and also gives None."""
        if key not in self.index:
            return None
        value = self.raw(row, key)
        try:
            parsed = parse(value) if parse else _text(value)
        except _CellError as error:
            self.error(row, key, str(error))
            return None
        return None if parsed in ("", None) else parsed

    def required(self, row: _Row, key: str, value) -> None:
        if value in ("", None) and not self.row_has_error(row, key):
            self.error(row, key, _("This cell must be filled in."))

    def row_has_error(self, row: _Row, key: str | None = None) -> bool:
        keys = self.error_cells.get(row.number, set())
        return bool(keys) if key is None else key in keys

    # Running --------------------------------------------------------------------------

    def run(self, data: bytes) -> ImportResult:
        try:
            workbook = open_uploaded_workbook(data, settings.THIDUA_IMPORT_MAX_BYTES)
        except UploadError as error:
            self.result.errors.append(Issue(str(error)))
            return self.result
        try:
            rows = self.read(workbook)
        except Exception:  # openpyxl may still fail on a damaged sheet while reading it
            logger.warning("Unreadable sheet in %r", self.result.filename, exc_info=True)
            rows = None
            self.result.errors.append(Issue(_("The file is damaged and cannot be read as .xlsx.")))
        finally:
            workbook.close()
        if rows is None:
            return self.result
        self.validate(rows)
        if self.result.errors:
            self.collect_bad_rows(rows)
            return self.result
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
                        "created": self.result.created,
                        "updated": self.result.updated,
                        "unchanged": self.result.unchanged,
                    },
                )
        except _ApplyError as failure:
            self.result.created = self.result.updated = self.result.unchanged = 0
            self.report_apply_error(failure)
            self.collect_bad_rows(rows)
            return self.result
        self.result.saved = True
        return self.result

    def apply_row(self, row: _Row, action: Callable[[], object]):
        try:
            return action()
        except (ValidationError, PermissionDenied, DatabaseError) as error:
            raise _ApplyError(row, error) from error

    def report_apply_error(self, failure: _ApplyError) -> None:
        error = failure.error
        prefix = _("Nothing was saved: this row could not be saved.")
        self.error(failure.row, None, prefix)
        if isinstance(error, ValidationError):
            self.validation_errors(failure.row, error)
        elif isinstance(error, PermissionDenied):
            self.error(failure.row, None, _("You do not have the right to make this change."))
        else:
            self.error(
                failure.row,
                None,
                _("The database refused the change: %(error)s") % {"error": str(error)[:200]},
            )

    def collect_bad_rows(self, rows: list[_Row]) -> None:
        keys = self.ordered_keys()
        for row in rows:
            if len(self.result.bad_rows) >= MAX_SHOWN_ROWS:
                break
            marked = self.error_cells.get(row.number)
            if not marked:
                continue
            self.result.bad_rows.append(
                BadRow(
                    number=row.number,
                    cells=[(_text(self.raw(row, key)), key in marked) for key in keys],
                )
            )

    # Per kind -------------------------------------------------------------------------

    @abstractmethod
    def validate(self, rows: list[_Row]) -> None:
        """Check every row and fill ``row.changes``; report problems with ``self.error``."""

    @abstractmethod
    def apply(self, rows: list[_Row]) -> None:
        """Write the validated rows through the services (inside the import's transaction)."""


class _ApplyError(Exception):
    def __init__(self, row: _Row, error: Exception):
        super().__init__(str(error))
        self.row, self.error = row, error


def _clean(importer: _Importer, row: _Row, instance, exclude: list[str]) -> bool:
    try:
        # Uniqueness is checked for the whole file in bulk beforehand (one query, not one
        # per row); the services check it again when saving.
        instance.full_clean(exclude=exclude, validate_unique=False)
    except ValidationError as error:
        importer.validation_errors(row, error)
        return False
    return True


def _changes(obj, candidate, names: Iterable[str]) -> dict:
    return {
        name: getattr(candidate, name)
        for name in names
        if getattr(obj, name) != getattr(candidate, name)
    }


# Units ---------------------------------------------------------------------------------

UNIT_FIELDS = ("code", "name", "short_name", "kind", "address", "phone", "email", "head_name")


class UnitImporter(_Importer):
    kind = "units"
    label = "org.unit"
    columns = UNIT_COLUMNS
    ignored = UNIT_IGNORED

    def parse(self, row: _Row) -> None:
        kinds = self._kinds
        data = row.data
        for key in UNIT_FIELDS:
            if key == "kind":
                data[key] = self.cell(
                    row,
                    key,
                    lambda v: _choice(kinds, v, lambda: ", ".join(_labels(UnitKind.choices))),
                )
            elif key == "phone":
                data[key] = self.cell(row, key, parse_phone)
            else:
                data[key] = self.cell(row, key)
        data["code"] = (data["code"] or "").upper().replace(" ", "") or None
        parent = self.cell(row, "parent")
        data["parent"] = parent.upper().replace(" ", "") if parent else None
        self.required(row, "code", data["code"])
        self.required(row, "name", data["name"])

    def validate(self, rows: list[_Row]) -> None:
        self._kinds = _lookup(UnitKind.choices, UNIT_KIND_ALIASES)
        for row in rows:
            self.parse(row)
        # Duplicate codes inside the file.
        first: dict[str, _Row] = {}
        for row in rows:
            code = row.data["code"]
            if not code:
                continue
            if code in first:
                self.error(
                    row,
                    "code",
                    _("The code “%(code)s” is already on row %(row)s.")
                    % {"code": code, "row": first[code].number},
                )
            else:
                first[code] = row
        self.file_rows = first
        # Everything the file refers to, in bulk.
        wanted = set(first) | {row.data["parent"] for row in rows if row.data["parent"]}
        self.db_units: dict[str, Unit] = {}
        for chunk in _chunks(wanted):
            for unit in Unit.objects.filter(code__in=chunk):
                self.db_units[unit.code] = unit
        changeable = self._changeable(self.db_units.values())
        can_create_roots = self.actor is None or self.actor.is_unrestricted

        for row in rows:
            data = row.data
            code, parent_code = data["code"], data["parent"]
            if not code or first.get(code) is not row:
                continue
            existing = self.db_units.get(code)
            if existing is not None and existing.pk not in changeable:
                self.error(
                    row,
                    "code",
                    _("The code “%(code)s” is already used by a unit outside your scope.")
                    % {"code": code},
                )
                continue
            row.existing = existing
            # The parent.
            if parent_code:
                if parent_code == code:
                    self.error(row, "parent", _("A unit cannot be its own parent."))
                elif parent_code in first:
                    pass  # defined in this file
                elif parent_code in self.db_units and self.db_units[parent_code].pk in changeable:
                    if not self.db_units[parent_code].is_active:
                        self.error(row, "parent", _("The parent unit is no longer active."))
                else:
                    self.error(
                        row,
                        "parent",
                        _("Unit “%(code)s” does not exist or is outside your scope.")
                        % {"code": parent_code},
                    )
                if existing is not None and not self.row_has_error(row, "parent"):
                    current = self._code_of(existing.parent_id)
                    if parent_code != current:
                        if existing.parent_id is None:
                            self.error(row, "parent", _("The root unit cannot be moved."))
                        else:
                            row.move_to = parent_code
            elif existing is None and not can_create_roots:
                self.error(row, "parent", _("A new unit needs the code of its parent unit."))
            # The model's own rules.
            values = {k: v for k, v in data.items() if k in UNIT_FIELDS and v is not None}
            if existing is None:
                candidate = Unit(**{"path": "/import/", **values})
            else:
                candidate = copy.copy(existing)
                for name, value in values.items():
                    setattr(candidate, name, value)
            if _clean(self, row, candidate, exclude=["parent", "merged_into", "path"]):
                if existing is None:
                    row.changes = {name: getattr(candidate, name) for name in values}
                else:
                    row.changes = _changes(existing, candidate, values)
        if not self.result.errors:
            self._order(rows)

    def _changeable(self, units: Iterable[Unit]) -> set[int]:
        if self.actor is None:
            return {unit.pk for unit in units}
        return {unit.pk for unit in units if self.actor.holds("org.unit", "change", unit)}

    def _code_of(self, pk: int | None) -> str | None:
        if pk is None:
            return None
        if not hasattr(self, "_codes_by_pk"):
            self._load_ancestors()
        return self._codes_by_pk.get(pk)

    def _load_ancestors(self) -> None:
        """Code and parent of every unit above those the file mentions (one query per
        500), so the resulting tree can be checked for loops in memory."""
        ids = set()
        for unit in self.db_units.values():
            ids.update(int(part) for part in unit.path.strip("/").split("/") if part)
        self._codes_by_pk: dict[int, str] = {}
        self._db_parent: dict[str, int | None] = {}
        for chunk in _chunks(ids):
            for pk, code, parent_id in Unit.objects.filter(pk__in=chunk).values_list(
                "pk", "code", "parent_id"
            ):
                self._codes_by_pk[pk] = code
                self._db_parent[code] = parent_id

    def _parent_code(self, code: str) -> str | None:
        row = self.file_rows.get(code)
        if row is not None and row.data["parent"]:
            return row.data["parent"]
        return self._code_of(self._db_parent.get(code)) if code in self._db_parent else None

    def _order(self, rows: list[_Row]) -> None:
        """Find the depth of every row in the tree as it will be, refusing loops."""
        if not hasattr(self, "_codes_by_pk"):
            self._load_ancestors()
        depths: dict[str, int] = {}
        limit = len(self.file_rows) + len(self._db_parent) + 2
        for row in rows:
            chain: list[str] = []
            code: str | None = row.data["code"]
            looped = False
            while code is not None and code not in depths:
                if code in chain or len(chain) > limit:
                    looped = True
                    break
                chain.append(code)
                code = self._parent_code(code)
            if looped:
                self.error(
                    row,
                    "parent",
                    _(
                        "The parent units form a loop: a unit cannot be placed under itself "
                        "or under one of its own sub-units."
                    ),
                )
                continue
            base = depths[code] + 1 if code is not None else 0
            for offset, item in enumerate(reversed(chain)):
                depths[item] = base + offset
            row.depth = depths[row.data["code"]]

    def apply(self, rows: list[_Row]) -> None:
        units = dict(self.db_units)
        for row in sorted(rows, key=lambda r: (r.depth, r.number)):
            data = row.data
            if row.existing is None:
                parent = units.get(data["parent"]) if data["parent"] else None
                unit = self.apply_row(
                    row,
                    lambda row=row, parent=parent: services.unit_create(
                        actor=self.actor, parent=parent, **row.changes
                    ),
                )
                units[unit.code] = unit
                self.result.created += 1
                continue
            unit = row.existing
            if row.changes:
                unit = self.apply_row(
                    row,
                    lambda row=row, unit=unit: services.unit_update(
                        actor=self.actor, unit=unit, **row.changes
                    ),
                )
            if row.move_to:
                new_parent = units[row.move_to]
                unit = self.apply_row(
                    row,
                    lambda unit=unit, new_parent=new_parent: services.unit_move(
                        actor=self.actor, unit=unit, new_parent=new_parent
                    ),
                )
            units[unit.code] = unit
            if row.changes or row.move_to:
                self.result.updated += 1
            else:
                self.result.unchanged += 1


# People --------------------------------------------------------------------------------

# What a people file can set: the person's fields except the unit (a column of its own)
# and the free-text note.
PERSON_FIELDS = tuple(f for f in services.PERSON_FIELDS if f not in {"unit", "note"})


def _person_key(name: str, date_of_birth: date | None, unit_id: int) -> tuple:
    return (fold(name), date_of_birth, unit_id)


class PersonImporter(_Importer):
    kind = "people"
    label = "org.person"
    columns = PERSON_COLUMNS
    ignored = PERSON_IGNORED

    def parse(self, row: _Row, tables: dict) -> None:
        data = row.data

        def choice(name, choices):
            return lambda v: _choice(tables[name], v, lambda: ", ".join(_labels(choices)))

        data["full_name"] = self.cell(row, "full_name")
        data["gender"] = self.cell(row, "gender", choice("gender", Gender.choices))
        data["date_of_birth"] = self.cell(row, "date_of_birth", parse_date)
        data["ethnicity"] = self.cell(row, "ethnicity", self._parse_ethnicity)
        data["position"] = self.cell(row, "position")
        unit = self.cell(row, "unit")
        data["unit"] = unit.upper().replace(" ", "") if unit else None
        data["management_level"] = self.cell(
            row, "management_level", choice("management", ManagementLevel.choices)
        )
        data["identity_number"] = self.cell(row, "identity_number", parse_identity_number)
        data["phone"] = self.cell(row, "phone", parse_phone)
        data["email"] = self.cell(row, "email")
        data["is_active"] = self.cell(
            row,
            "is_active",
            lambda v: _choice(tables["yes_no"], v, lambda: f"{_('Yes')}, {_('No')}"),
        )
        self.required(row, "full_name", data["full_name"])
        self.required(row, "unit", data["unit"])
        born = data["date_of_birth"]
        if born and not self.row_has_error(row, "date_of_birth"):
            if born > timezone.localdate():
                self.error(row, "date_of_birth", _("The date of birth is in the future."))
            elif born.year < 1900:
                self.error(row, "date_of_birth", _("The date of birth is before 1900."))

    def _parse_ethnicity(self, value):
        text = _text(value)
        if not text:
            return None
        try:
            return self._ethnicities[_key(text)]
        except KeyError:
            raise _CellError(
                _("“%(value)s” is not one of the 54 ethnic groups (see the list in the template).")
                % {"value": text}
            ) from None

    def validate(self, rows: list[_Row]) -> None:
        self._ethnicities = _ethnicity_lookup()
        tables = {
            "gender": _lookup(Gender.choices, GENDER_ALIASES),
            "management": _lookup(ManagementLevel.choices, MANAGEMENT_ALIASES),
            "yes_no": _yes_no_lookup(),
        }
        for row in rows:
            self.parse(row, tables)

        # Units, in bulk; one answer for unknown and forbidden, so nothing leaks.
        codes = {row.data["unit"] for row in rows if row.data["unit"]}
        units: dict[str, Unit] = {}
        for chunk in _chunks(codes):
            for unit in Unit.objects.filter(code__in=chunk):
                if self.actor is None or self.actor.holds("org.person", "change", unit):
                    units[unit.code] = unit
        for row in rows:
            code = row.data["unit"]
            if not code:
                continue
            unit = units.get(code)
            if unit is None:
                self.error(
                    row,
                    "unit",
                    _("You have no rights over unit “%(code)s” (or it does not exist).")
                    % {"code": code},
                )
            row.data["unit_obj"] = unit

        # Duplicates inside the file.
        by_number: dict[str, _Row] = {}
        by_identity: dict[tuple, _Row] = {}
        for row in rows:
            number = row.data["identity_number"]
            if number:
                if number in by_number:
                    self.error(
                        row,
                        "identity_number",
                        _("The identity number %(number)s is already on row %(row)s.")
                        % {"number": number, "row": by_number[number].number},
                    )
                else:
                    by_number[number] = row
            elif row.data["full_name"] and row.data["unit_obj"]:
                key = _person_key(
                    row.data["full_name"], row.data["date_of_birth"], row.data["unit_obj"].pk
                )
                if key in by_identity:
                    self.error(
                        row,
                        "full_name",
                        _(
                            "Same name, date of birth and unit as row %(row)s: add the identity "
                            "numbers to tell the two people apart, or delete one row."
                        )
                        % {"row": by_identity[key].number},
                    )
                else:
                    by_identity[key] = row

        # Existing people, in bulk.
        known_numbers: dict[str, Person] = {}
        for chunk in _chunks(by_number):
            for person in Person.objects.filter(identity_number__in=chunk).select_related("unit"):
                known_numbers[person.identity_number] = person
        names = {
            fold(normalize_name(row.data["full_name"])) for row in rows if row.data["full_name"]
        }
        unit_ids = {unit.pk for unit in units.values()}
        by_name: dict[tuple, list[Person]] = {}
        for chunk in _chunks(names):
            queryset = Person.objects.filter(name_folded__in=chunk, unit_id__in=unit_ids)
            for person in queryset.select_related("unit"):
                key = (person.name_folded, person.date_of_birth, person.unit_id)
                by_name.setdefault(key, []).append(person)

        matched: dict[int, _Row] = {}
        for row in rows:
            data = row.data
            unit = data["unit_obj"]
            if self.row_has_error(row, "identity_number") or not data["full_name"] or unit is None:
                continue
            number = data["identity_number"]
            existing = None
            if number and number in known_numbers:
                existing = known_numbers[number]
                if self.actor is not None and not self.actor.holds(
                    "org.person", "change", existing.unit
                ):
                    self.error(
                        row,
                        "identity_number",
                        _(
                            "This identity number belongs to a person outside your units; "
                            "ask the secretariat to transfer them."
                        ),
                    )
                    continue
            else:
                key = _person_key(data["full_name"], data["date_of_birth"], unit.pk)
                candidates = by_name.get(key, [])
                if number:  # a new number: only someone who has none yet can be them
                    candidates = [p for p in candidates if not p.identity_number]
                if len(candidates) > 1:
                    self.error(
                        row,
                        "full_name",
                        _(
                            "Several people in this unit have this name and date of birth: "
                            "add the identity number to say which one."
                        ),
                    )
                    continue
                existing = candidates[0] if candidates else None
            if existing is not None:
                if existing.pk in matched:
                    self.error(
                        row,
                        None,
                        _("This row and row %(row)s are the same person.")
                        % {"row": matched[existing.pk].number},
                    )
                    continue
                matched[existing.pk] = row
            row.existing = existing
            values = {k: v for k, v in data.items() if k in PERSON_FIELDS and v is not None}
            if existing is None:
                candidate = Person(unit=unit, **values)
            else:
                candidate = copy.copy(existing)
                for name, value in values.items():
                    setattr(candidate, name, value)
            if not _clean(self, row, candidate, exclude=["unit"]):
                continue
            if existing is None:
                if not unit.is_active:
                    self.error(row, "unit", _("This unit is no longer active."))
                row.changes = {name: getattr(candidate, name) for name in values}
            else:
                row.changes = _changes(existing, candidate, values)
                if existing.unit_id != unit.pk:
                    if not unit.is_active:
                        self.error(row, "unit", _("This unit is no longer active."))
                    row.changes["unit"] = unit

    def apply(self, rows: list[_Row]) -> None:
        new = [row for row in rows if row.existing is None]
        if new:
            # Every row was validated already; create them together (a few queries, not
            # several per person).
            self.apply_row(
                new[0],
                lambda: services.person_create_many(
                    actor=self.actor, rows=[(row.data["unit_obj"], row.changes) for row in new]
                ),
            )
            self.result.created += len(new)
        for row in rows:
            if row.existing is None:
                continue
            if row.changes:
                self.apply_row(
                    row,
                    lambda row=row: services.person_update(
                        actor=self.actor, person=row.existing, **row.changes
                    ),
                )
                self.result.updated += 1
            else:
                self.result.unchanged += 1


IMPORTERS: dict[str, type[_Importer]] = {"units": UnitImporter, "people": PersonImporter}


# Services ------------------------------------------------------------------------------


def _require(actor: User | None, label: str) -> None:
    if actor is not None and actor.scope_for(label, "change") == []:
        raise PermissionDenied


def unit_import(*, actor: User | None, data: bytes, filename: str) -> ImportResult:
    """Import units from an .xlsx file: everything or nothing."""
    _require(actor, "org.unit")
    return UnitImporter(actor=actor, filename=filename).run(data)


def person_import(*, actor: User | None, data: bytes, filename: str) -> ImportResult:
    """Import people from an .xlsx file: everything or nothing."""
    _require(actor, "org.person")
    return PersonImporter(actor=actor, filename=filename).run(data)


# Templates -----------------------------------------------------------------------------

_HEADER_FILL = PatternFill("solid", fgColor="DDEBF7")
_REQUIRED_FILL = PatternFill("solid", fgColor="FCE4D6")
_TEMPLATE_ROWS = MAX_ROWS + 1  # drop-downs and text format reach this row


def _scope_units(user: User | None, label: str, limit: int = 5000) -> list[Unit]:
    """Active units in which ``user`` may change ``label`` objects, for the template."""
    queryset = Unit.objects.filter(is_active=True).order_by("path")
    if user is not None:
        queryset = queryset & Unit.objects.restrict(user, "change", label=label)
    return list(queryset[:limit])


def template_workbook(kind: str, *, user: User | None) -> Workbook:
    """The template users fill in: headers, an example row, drop-downs for the
    enumerations, the instructions sheet and the lists the drop-downs draw from."""
    columns = IMPORTERS[kind].columns
    label = IMPORTERS[kind].label
    units = _scope_units(user, label)
    home = None
    if user is not None and user.unit_id and any(u.pk == user.unit_id for u in units):
        home = user.unit
    elif units:
        home = units[0]

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = str(_("Units") if kind == "units" else _("People"))[:31]
    guide = workbook.create_sheet(str(_("Instructions"))[:31])
    lists = workbook.create_sheet(str(_("Lists"))[:31])

    # The lists the drop-downs draw from.
    enumerations: dict[str, list[str]] = {}
    if kind == "units":
        enumerations["kind"] = _labels(UnitKind.choices)
    else:
        enumerations["gender"] = _labels(Gender.choices)
        enumerations["ethnicity"] = [name for _code, name in ETHNICITIES]
        enumerations["management_level"] = _labels(ManagementLevel.choices)
        enumerations["is_active"] = [str(_("Yes")), str(_("No"))]
    ranges: dict[str, str] = {}
    position = 1
    for key, values in enumerations.items():
        letter = get_column_letter(position)
        header = lists.cell(row=1, column=position, value=str(columns_by_key(columns)[key].header))
        header.font = Font(bold=True)
        for offset, value in enumerate(values, start=2):
            lists.cell(row=offset, column=position, value=value)
        lists.column_dimensions[letter].width = max(14, max(len(v) for v in values) + 2)
        ranges[key] = f"{quote_sheetname(lists.title)}!${letter}$2:${letter}${len(values) + 1}"
        position += 1
    # The units the user may import into (codes and names), for reference.
    code_letter = get_column_letter(position)
    lists.cell(row=1, column=position, value=str(_("Unit code"))).font = Font(bold=True)
    lists.cell(row=1, column=position + 1, value=str(_("Unit name"))).font = Font(bold=True)
    for offset, unit in enumerate(units, start=2):
        lists.cell(row=offset, column=position, value=unit.code)
        lists.cell(row=offset, column=position + 1, value=unit.name)
    lists.column_dimensions[code_letter].width = 22
    lists.column_dimensions[get_column_letter(position + 1)].width = 50
    if kind == "people" and units:
        ranges["unit"] = (
            f"{quote_sheetname(lists.title)}!${code_letter}$2:${code_letter}${len(units) + 1}"
        )
    lists.freeze_panes = "A2"

    # The data sheet.
    for number, column in enumerate(columns, start=1):
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
                # The unit list is a help (it may be cut short for a whole province); the
                # import checks the codes anyway.
                showErrorMessage=column.key != "unit",
                errorTitle=str(_("Value not in the list")),
                error=str(_("Choose a value from the list.")),
            )
            validation.add(f"{letter}2:{letter}{_TEMPLATE_ROWS}")
            sheet.add_data_validation(validation)
    sheet.freeze_panes = "A2"
    example = _example_row(kind, home)
    for number, column in enumerate(columns, start=1):
        cell = sheet.cell(row=2, column=number, value=example.get(column.key, ""))
        cell.font = Font(italic=True, color="595959")
        if isinstance(cell.value, date):
            cell.number_format = "dd/mm/yyyy"
        elif column.as_text:
            cell.number_format = "@"

    # The instructions.
    guide.column_dimensions["A"].width = 28
    guide.column_dimensions["B"].width = 12
    guide.column_dimensions["C"].width = 70
    guide.column_dimensions["D"].width = 60
    title = (
        _("How to fill in the import file for units")
        if kind == "units"
        else _("How to fill in the import file for people")
    )
    guide.cell(row=1, column=1, value=str(title)).font = Font(bold=True, size=14)
    rules = [
        _(
            "Fill in the first sheet, one row per record, below the header row; do not rename the headers."
        ),
        _("Row 2 is an example: replace it or delete it before importing."),
        _(
            "The file is imported only if every row is valid; otherwise nothing is saved and "
            "the page lists each error with its row and column."
        ),
        _(
            "Importing the same file again creates no duplicates: rows that match an existing "
            "record update it, and an empty cell leaves that field unchanged."
        ),
        _("At most %(max)s rows per file.") % {"max": f"{MAX_ROWS:,}".replace(",", ".")},
    ]
    if kind == "units":
        rules.append(
            _("Units match on their code; a row may name a parent unit defined further down.")
        )
    else:
        rules.append(
            _(
                "People match on their identity number or, when it is empty, on full name, "
                "date of birth and unit."
            )
        )
    row_number = 2
    for rule in rules:
        guide.cell(row=row_number, column=1, value=f"• {rule}")
        row_number += 1
    row_number += 1
    for number, text in enumerate(
        [_("Column"), _("Required"), _("Description"), _("Allowed values")], start=1
    ):
        cell = guide.cell(row=row_number, column=number, value=str(text))
        cell.font = Font(bold=True)
        cell.fill = _HEADER_FILL
    for column in columns:
        row_number += 1
        allowed = enumerations.get(column.key)
        if column.key == "kind":
            allowed_text = "; ".join(f"{label} ({value})" for value, label in UnitKind.choices)
        elif allowed:
            allowed_text = ", ".join(allowed)
        elif column.key in ("unit", "parent"):
            allowed_text = _("See the sheet “%(sheet)s”.") % {"sheet": lists.title}
        else:
            allowed_text = ""
        values = [
            str(column.header),
            str(_("Yes")) if column.required else "",
            str(column.help),
            allowed_text,
        ]
        for number, value in enumerate(values, start=1):
            cell = guide.cell(row=row_number, column=number, value=value)
            cell.alignment = Alignment(wrap_text=True, vertical="top")
    return workbook


def columns_by_key(columns: Iterable[Column]) -> dict[str, Column]:
    return {column.key: column for column in columns}


def _example_row(kind: str, home: Unit | None) -> dict:
    if kind == "units":
        parent = home.code if home else ""
        return {
            "code": f"{parent}.VD01" if parent else "VD01",
            "name": "Trường Tiểu học Kim Đồng",
            "short_name": "TH Kim Đồng",
            "kind": str(UnitKind.SCHOOL.label),
            "parent": parent,
            "address": "Số 1 đường Lê Lợi",
            "phone": "02363123456",
            "email": "thkimdong@example.edu.vn",
            "head_name": "Nguyễn Văn Bình",
        }
    return {
        "full_name": "Nguyễn Thị Ánh",
        "gender": str(Gender.FEMALE.label),
        "date_of_birth": date(1985, 5, 17),
        "ethnicity": "Kinh",
        "position": "Giáo viên",
        "unit": home.code if home else "",
        "management_level": str(ManagementLevel.DIRECT_WORKER.label),
        "identity_number": "",
        "phone": "0912345678",
        "email": "",
        "is_active": str(_("Yes")),
    }
