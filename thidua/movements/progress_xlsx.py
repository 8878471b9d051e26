"""The progress workbook: exported for people to fill in, read back by the import.

One row per target and reporting period, with the columns of :data:`COLUMNS`. The
export writes the figures already reported, so the file that comes back holds the old
values beside the new ones: rows whose value and comment did not change are left alone,
rows with no value are skipped (not reported yet).

Reading is a single pass over the sheet (openpyxl ``read_only``) against dictionaries
built beforehand (targets by id, reports by target and period), so a file of 10,000 rows
costs no query per row. Columns are recognised by their header in any language of the
site, so a file exported in English imports under Vietnamese and back.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal, InvalidOperation

from django.conf import settings
from django.utils import translation
from django.utils.functional import Promise
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from openpyxl.styles import Font, PatternFill
from openpyxl.utils.datetime import from_excel
from openpyxl.workbook import Workbook

from thidua.core.text import fold, format_number, parse_number
from thidua.core.xlsx import build_workbook

from . import completion
from .models import Comparator, Movement, ProgressReport, Target
from .services import ImportRow

MAX_ROWS = 50_000
"""Filled rows a file may hold."""

_MAX_COMMENT = 5_000
_PLACES = Decimal("0.0001")  # the decimal places a report keeps


@dataclass(frozen=True)
class Column:
    key: str
    header: Promise
    required: bool = False  # the import needs this column


COLUMNS: tuple[Column, ...] = (
    Column("movement", gettext_lazy("Movement ID")),
    Column("target", gettext_lazy("Target ID"), required=True),
    Column("unit_code", gettext_lazy("Unit code")),
    Column("unit_name", gettext_lazy("Unit")),
    Column("indicator", gettext_lazy("Indicator")),
    Column("measure", gettext_lazy("Unit of measure")),
    Column("goal", gettext_lazy("Target value")),
    Column("period", gettext_lazy("Period")),
    Column("period_end", gettext_lazy("Period end"), required=True),
    Column("actual", gettext_lazy("Actual value"), required=True),
    Column("comment", gettext_lazy("Comment")),
)
_BY_KEY = {c.key: c for c in COLUMNS}


def goal_text(target: Target) -> str:
    """What the target asks for, as people write it: "đạt 59,1 %", "khoảng 6,5–7 %"…"""
    value = format_number(target.value)
    if target.value_max is not None:
        value = f"{value}–{format_number(target.value_max)}"
    text = f"{Comparator(target.comparator).label} {value}"
    if target.measure:
        text = f"{text} {target.measure}"
    if target.reference:
        text = f"{text} {target.reference}"
    if target.baseline is not None and target.comparator in (
        Comparator.INCREASE,
        Comparator.DECREASE,
    ):
        text = f"{text} ({_('baseline')} {format_number(target.baseline)})"
    return text


# Export --------------------------------------------------------------------------------


def export_rows(
    movement: Movement,
    targets: Iterable[Target],
    periods: Sequence[tuple[date, date]],
    reports: dict[tuple[int, date], ProgressReport],
) -> Iterator[list]:
    issuer = movement.issuer
    for target in targets:
        unit = target.unit or issuer
        goal = goal_text(target)
        for _start, end in periods:
            report = reports.get((target.pk, end))
            yield [
                movement.pk,
                target.pk,
                unit.code,
                unit.name,
                target.indicator,
                target.measure,
                goal,
                completion.period_label(movement.report_frequency, end),
                end,
                report.actual if report is not None else None,
                report.comment if report is not None else "",
            ]


def export_workbook(
    movement: Movement,
    targets: Iterable[Target],
    periods: Sequence[tuple[date, date]],
    reports: dict[tuple[int, date], ProgressReport],
) -> Workbook:
    workbook = build_workbook(
        _("Progress"),
        [str(c.header) for c in COLUMNS],
        export_rows(movement, targets, periods, reports),
    )
    sheet = workbook.active
    actual = list(_BY_KEY).index("actual") + 1
    comment = list(_BY_KEY).index("comment") + 1
    fill = PatternFill("solid", fgColor="FFF2CC")  # the cells to fill in
    for column in (actual, comment):
        sheet.cell(row=1, column=column).fill = fill
        sheet.cell(row=1, column=column).font = Font(bold=True)
    for row in sheet.iter_rows(min_row=2, min_col=actual, max_col=actual):
        for cell in row:
            cell.number_format = "#,##0.####"
    return workbook


# Import --------------------------------------------------------------------------------


@dataclass
class Issue:
    """One problem of the file, with its row and column when it has them."""

    message: str
    row: int | None = None
    column: str = ""
    value: str = ""
    prefixed: bool = False  # the message already names its row (a service's message)

    @property
    def text(self) -> str:
        if self.prefixed:
            return self.message
        if self.row and self.column:
            return _("Row %(row)s, column “%(column)s”: %(message)s") % {
                "row": self.row,
                "column": self.column,
                "message": self.message,
            }
        if self.row:
            return _("Row %(row)s: %(message)s") % {"row": self.row, "message": self.message}
        return self.message

    def __str__(self) -> str:
        return self.text


@dataclass
class Parsed:
    rows: list[ImportRow] = field(default_factory=list)  # to save
    issues: list[Issue] = field(default_factory=list)
    unchanged: int = 0  # filled rows equal to what is already reported
    blank: int = 0  # rows without a value: not reported yet


class _CellError(ValueError):
    pass


def _key(text) -> str:
    return re.sub(r"[^a-z0-9]", "", fold(str(text)))


def _header_keys() -> dict[str, str]:
    """Folded header (in every language of the site) → column key."""
    table = {}
    for column in COLUMNS:
        table[_key(column.header)] = column.key
        for code, _name in settings.LANGUAGES:
            with translation.override(code):
                table[_key(column.header)] = column.key
    table.pop("", None)
    return table


def _text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime | date):
        return value.strftime("%d/%m/%Y")
    return str(value).replace("\u00a0", " ").strip()


_DMY = re.compile(r"(\d{1,2})\s*[/.\-]\s*(\d{1,2})\s*[/.\-]\s*(\d{4})")
_YMD = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T][\d:.]+)?")


def parse_date(value) -> date | None:
    """A date cell, text written dd/mm/yyyy (or yyyy-mm-dd), or an Excel date serial."""
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    problem = _("“%(value)s” is not a valid date (dd/mm/yyyy).") % {"value": _text(value)}
    if isinstance(value, int | float) and not isinstance(value, bool):
        if 2100 < value < 2958466:
            return from_excel(value).date()
        raise _CellError(problem)
    text = _text(value)
    if not text:
        return None
    if match := _DMY.fullmatch(text):
        day, month, year = (int(part) for part in match.groups())
    elif match := _YMD.fullmatch(text):
        year, month, day = (int(part) for part in match.groups())
    else:
        raise _CellError(problem)
    try:
        return date(year, month, day)
    except ValueError as exc:
        raise _CellError(problem) from exc


def parse_value(value) -> Decimal | None:
    """A number cell, or text in Vietnamese (2.326,5) or plain (2326.5) notation."""
    if value is None:
        return None
    if isinstance(value, bool):
        raise _CellError(_("“%(value)s” is not a number.") % {"value": value})
    if isinstance(value, int | float | Decimal):
        try:
            number = Decimal(str(value))
        except InvalidOperation as exc:
            raise _CellError(_("“%(value)s” is not a number.") % {"value": value}) from exc
        if not number.is_finite():
            raise _CellError(_("“%(value)s” is not a number.") % {"value": value})
        if isinstance(value, float) and abs(number) < 10**16:
            # Excel keeps binary fractions (37.400000000000006): keep what a report holds.
            number = number.quantize(_PLACES)
    else:
        text = _text(value)
        try:
            number = parse_number(text)
        except ValueError as exc:
            raise _CellError(number_problem(text)) from exc
    if number is not None and abs(number) >= 10**16:
        raise _CellError(_("The value is too large."))
    return number


def number_problem(text: str) -> str:
    return _(
        "“%(value)s” is not a number, or can be read in more than one way. Write it "
        "like 2.326,5 (dot between thousands, comma before decimals) or 2326.5."
    ) % {"value": text}


def parse_id(value) -> int | None:
    if value is None or value == "":
        return None
    if isinstance(value, bool):
        raise _CellError(_("“%(value)s” is not an id.") % {"value": value})
    if isinstance(value, int):
        return value
    if isinstance(value, float) and value.is_integer():
        return int(value)
    text = _text(value)
    if not text:
        return None
    if re.fullmatch(r"\d+", text):
        return int(text)
    raise _CellError(_("“%(value)s” is not an id.") % {"value": text})


class _Reader:
    """Reads one file's rows against what was loaded for it."""

    def __init__(self, movement, targets, reports, positions):
        self.movement = movement
        self.targets = targets
        self.reports = reports
        self.positions = positions
        self.ends = {
            end
            for _start, end in completion.periods(
                movement.report_frequency, movement.starts_on, movement.ends_on
            )
        }
        self.seen: dict[tuple[int, date], int] = {}

    def cell(self, values, key):
        index = self.positions.get(key)
        if index is None or index >= len(values):
            return None
        return values[index]

    def row(self, line: int, values, comment: str, raw_actual) -> tuple[ImportRow | None, list]:
        """The row to save, or the row's problems."""
        problems: list[Issue] = []

        def problem(key, message, value=None):
            problems.append(
                Issue(message, row=line, column=str(_BY_KEY[key].header), value=_text(value))
            )

        raw_movement = self.cell(values, "movement")
        try:
            movement_id = parse_id(raw_movement)
        except _CellError as error:
            problem("movement", str(error), raw_movement)
        else:
            if movement_id is not None and movement_id != self.movement.pk:
                problem(
                    "movement",
                    _("The row belongs to another movement (ID %(id)s).") % {"id": movement_id},
                    raw_movement,
                )
        raw_target = self.cell(values, "target")
        target = None
        try:
            target_id = parse_id(raw_target)
        except _CellError as error:
            problem("target", str(error), raw_target)
        else:
            if target_id is None:
                problem("target", _("The target ID is empty."))
            else:
                target = self.targets.get(target_id)
                if target is None:
                    problem(
                        "target",
                        _("There is no target with ID %(id)s in this movement.")
                        % {"id": target_id},
                        raw_target,
                    )
        raw_end = self.cell(values, "period_end")
        period_end = None
        try:
            period_end = parse_date(raw_end)
        except _CellError as error:
            problem("period_end", str(error), raw_end)
        else:
            if period_end is None:
                problem("period_end", _("The period end is empty."))
            elif period_end not in self.ends:
                problem(
                    "period_end",
                    _("%(date)s is not the end of a reporting period of this movement.")
                    % {"date": period_end.strftime("%d/%m/%Y")},
                    raw_end,
                )
                period_end = None
        actual = None
        try:
            actual = parse_value(raw_actual)
        except _CellError as error:
            problem("actual", str(error), raw_actual)
        if len(comment) > _MAX_COMMENT:
            problem(
                "comment",
                _("The comment is longer than %(max)s characters.") % {"max": _MAX_COMMENT},
            )
        if target is not None and period_end is not None:
            key = (target.pk, period_end)
            if key in self.seen:
                problem(
                    "period_end",
                    _("This target and period are already on row %(row)s.")
                    % {"row": self.seen[key]},
                    raw_end,
                )
            else:
                self.seen[key] = line
        if problems:
            return None, problems
        return (
            ImportRow(
                line=line, target=target, period_end=period_end, actual=actual, comment=comment
            ),
            [],
        )


def _blank(values) -> bool:
    return values is None or all(
        v is None or (isinstance(v, str) and not v.strip()) for v in values
    )


def parse_workbook(
    workbook,
    *,
    movement: Movement,
    targets: dict[int, Target],
    reports: dict[tuple[int, date], ProgressReport],
) -> Parsed:
    """Read the first sheet into :class:`~thidua.movements.services.ImportRow`.

    ``targets``: the movement's targets the importer may see, by id; ``reports``: the
    reports already saved, by ``(target_id, period_end)``. Problems the service checks
    (who reports what, future periods, closed movement) are left to it.
    """
    parsed = Parsed()
    sheet = workbook.worksheets[0]
    lines = sheet.iter_rows(values_only=True)
    header = next(lines, None)
    keys = _header_keys()
    positions: dict[str, int] = {}
    for index, value in enumerate(header or ()):
        key = keys.get(_key(value)) if value is not None else None
        if key and key not in positions:
            positions[key] = index
    missing = [str(c.header) for c in COLUMNS if c.required and c.key not in positions]
    if missing:
        parsed.issues.append(
            Issue(
                _(
                    "The first row must hold the column headers of the progress template; "
                    "missing: %(columns)s. Export the template and fill it in."
                )
                % {"columns": ", ".join(f"“{m}”" for m in missing)}
            )
        )
        return parsed
    reader = _Reader(movement, targets, reports, positions)
    filled = 0
    for line, values in enumerate(lines, start=2):
        if _blank(values):
            continue
        raw_actual = reader.cell(values, "actual")
        comment = _text(reader.cell(values, "comment"))
        if _text(raw_actual) == "":
            if comment:
                parsed.issues.append(
                    Issue(
                        _("There is a comment but no actual value."),
                        row=line,
                        column=str(_BY_KEY["actual"].header),
                    )
                )
            else:
                parsed.blank += 1
            continue
        filled += 1
        if filled > MAX_ROWS:
            parsed.issues.append(
                Issue(
                    _("The file has more than %(max)s filled rows; split it.") % {"max": MAX_ROWS}
                )
            )
            return parsed
        row, problems = reader.row(line, values, comment, raw_actual)
        if problems:
            parsed.issues.extend(problems)
            continue
        existing = reports.get((row.target.pk, row.period_end))
        if existing is not None and existing.actual == row.actual and existing.comment == comment:
            parsed.unchanged += 1
            continue
        parsed.rows.append(row)
    return parsed
