"""``python -m thidua.reading FILE… [--json]``: what thidua reads from launch documents.

For each file (.docx, .pdf, .html, .txt; ``-`` is standard input), the movement read from
it: with ``--json`` one JSON object per line (the issue's schema, plus ``"file"``),
otherwise a summary for people, in Vietnamese unless ``--language en``. A file that cannot
be read is reported on standard error and makes the exit status 1; the other files are
still read. No database is used: Django is set up only for the translations
(``DJANGO_SETTINGS_MODULE``, by default ``thidua.settings``).
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import sys
from datetime import date
from pathlib import Path

from thidua.reading.schema import Reading


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m thidua.reading",
        description="Read launch documents and print the movement read from each.",
    )
    parser.add_argument(
        "files", nargs="+", metavar="FILE", help=".docx, .pdf, .html or .txt; - reads stdin"
    )
    parser.add_argument("--json", action="store_true", help="one JSON object per file and line")
    parser.add_argument(
        "--language", choices=("vi", "en"), help="language of the summary and messages"
    )
    options = parser.parse_args(argv)
    _setup_django()

    from django.conf import settings
    from django.utils import translation

    with translation.override(options.language or settings.LANGUAGE_CODE):
        return _read_files(options.files, as_json=options.json)


def _setup_django() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "thidua.settings")
    import django
    from django.apps import apps

    if not apps.ready:
        django.setup()


def _read_files(paths: list[str], as_json: bool) -> int:
    # Looked up on the package at each call: the page and the tests use the same function.
    from django.utils.translation import gettext as _

    import thidua.reading
    from thidua.reading.extract import ReadError, check_size

    status = 0
    for path in paths:
        try:
            if path == "-":
                data = sys.stdin.buffer.read()
            else:
                file = Path(path)
                if file.is_file():  # refuse a huge file before loading it
                    check_size(file.stat().st_size, path)
                data = file.read_bytes()
            reading = thidua.reading.read_document(data, path)
        except ReadError as error:
            print(f"{path}: {error.message}", file=sys.stderr)
            status = 1
            continue
        except OSError as error:
            message = _("cannot open the file: %(error)s") % {"error": error.strerror or error}
            print(f"{path}: {message}", file=sys.stderr)
            status = 1
            continue
        except Exception as error:  # a bug in the reader must not stop the other files
            message = _("unexpected error: %(error)s") % {
                "error": f"{type(error).__name__}: {error}"
            }
            print(f"{path}: {message}", file=sys.stderr)
            status = 1
            continue
        if as_json:
            line = json.dumps({"file": path, **reading.to_json()}, ensure_ascii=False)
            print(line, flush=True)
        else:
            print(summary(path, reading), flush=True)
    return status


def summary(path: str, reading: Reading) -> str:
    """What was read, for people: one field per line, lists indented."""
    from django.utils.translation import gettext as _

    from thidua.core.text import format_number

    doc_types = {
        "chi_thi": _("Directive"),
        "ke_hoach": _("Plan"),
        "quyet_dinh": _("Decision"),
        "tin_bai": _("News article"),
        "khac": _("Other"),
    }
    # The same wording as the movements' target comparators.
    comparators = {
        "dat": _("reach (đạt)"),
        "khoang": _("about (khoảng)"),
        "tren": _("above (trên)"),
        "toi_thieu": _("at least (ít nhất, tối thiểu)"),
        "duoi": _("below (dưới)"),
        "khong_qua": _("at most (không quá)"),
        "tang": _("increase by (tăng)"),
        "giam": _("decrease by (giảm)"),
    }
    signed_on = reading.signed_on
    if signed_on:
        with contextlib.suppress(ValueError):  # not an ISO date: shown as it is
            signed_on = date.fromisoformat(signed_on).strftime("%d/%m/%Y")
    fields = [
        (_("Document type"), doc_types.get(reading.doc_type, reading.doc_type)),
        (_("Issuer"), reading.issuer),
        (_("Locality"), reading.locality),
        (_("Year"), reading.year),
        (_("Document number"), reading.document_number),
        (_("Signed on"), signed_on),
        (_("Signer"), reading.signer),
        (_("Title"), reading.title),
        (_("Theme"), reading.theme),
        (_("Motto"), reading.motto),
    ]
    lines = [path]
    lines += [f"  {label}: {'—' if value in (None, '') else value}" for label, value in fields]
    lines.append(f"  {_('Contents')} ({len(reading.contents)}):")
    lines += [f"    {number}. {content}" for number, content in enumerate(reading.contents, 1)]
    lines.append(f"  {_('Targets')} ({len(reading.targets)}):")
    for target in reading.targets:
        value = "?" if target.value is None else format_number(target.value)
        if target.value_max is not None:
            value += f"–{format_number(target.value_max)}"
        parts = [comparators.get(target.comparator or "", ""), value, target.unit or ""]
        line = f"    - {target.indicator}: {' '.join(part for part in parts if part)}"
        if target.reference:
            line += f" ({target.reference})"
        if target.raw:
            line += f"  «{target.raw}»"
        lines.append(line)
    lines.append(f"  {_('Responsible')} ({len(reading.responsible)}):")
    lines += [f"    - {item.agency}: {item.task}" for item in reading.responsible]
    if reading.warnings:
        lines.append(f"  {_('Warnings')} ({len(reading.warnings)}):")
        lines += [f"    ! {warning}" for warning in reading.warnings]
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    sys.exit(main())
