"""`make bench`, reading part: how fast launch documents are read. Prints figures and
ratios; asserts nothing about time.

1. The seed texts (tests/reading/texts/seed_*.txt), each read ``--repeat`` times by
   :func:`thidua.reading.read_text` after a warm-up: median and 95th percentile per
   document, throughput in KB/s, and the floor — one pass of one compiled regular
   expression (numbers with their unit) over the same text — with the ratio to it.
2. The 15 KB directive (the largest seed, padded with its own paragraphs if it is shorter)
   read from each kind of upload by :func:`thidua.reading.read_document`: plain text, web
   page, Word and PDF, with the part spent getting the text out
   (:func:`thidua.reading.extract.extract_text`). The issue asks for well under 100 ms.

No database: Django is set up (thidua.settings) only so that messages are translated as
on the site.

    .venv/bin/python bench/reading.py [--repeat 50] [--output FILE]
"""

from __future__ import annotations

import argparse
import html
import io
import os
import platform
import re
import statistics
import sys
import time
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
TEXTS = ROOT / "tests" / "reading" / "texts"
DIRECTIVE_BYTES = 15 * 1024
# The floor: what the least a reader must do costs, one scan for numbers and their units.
FLOOR = re.compile(r"\d+(?:[.,]\d+)*\s*(?:%|‰|tỷ đồng|triệu đồng|tấn|hộ|xã)?")


def step(message: str) -> None:
    print(f"[bench reading {datetime.now():%H:%M:%S}] {message}", flush=True)


def timings(function: Callable[[], object], repeat: int, warmup: int = 3) -> list[float]:
    """Seconds taken by each of ``repeat`` calls, after ``warmup`` unmeasured ones."""
    for _ in range(warmup):
        function()
    result = []
    for _ in range(repeat):
        started = time.perf_counter()
        function()
        result.append(time.perf_counter() - started)
    return result


def p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


def floor_pass(text: str) -> None:
    for _match in FLOOR.finditer(text):
        pass


def ms(seconds: float) -> str:
    return f"{seconds * 1000:.2f}"


def the_directive(seeds: dict[str, str]) -> tuple[str, str]:
    """(name, text) of the largest seed, padded with its paragraphs up to 15 KB."""
    name, text = max(seeds.items(), key=lambda item: len(item[1].encode()))
    paragraphs = [p for p in text.split("\n\n") if p.strip()]
    index = 0
    while len(text.encode()) < DIRECTIVE_BYTES:
        text += "\n\n" + paragraphs[index % len(paragraphs)]
        index += 1
    return name, text


def uploads(text: str) -> dict[str, tuple[str, bytes]]:
    """The same text as each kind of file the page accepts: label → (name, bytes)."""
    import docx
    from weasyprint import HTML

    paragraphs = [p for p in text.split("\n\n") if p.strip()]
    page = "".join(f"<p>{html.escape(p)}</p>" for p in paragraphs)
    document = docx.Document()
    for paragraph in paragraphs:
        document.add_paragraph(paragraph)
    word = io.BytesIO()
    document.save(word)
    pdf = HTML(string=f"<html><body style='font: 12pt DejaVu Serif'>{page}</body></html>")
    return {
        "plain text (.txt)": ("directive.txt", text.encode()),
        "web page (.html)": (
            "directive.html",
            f"<!DOCTYPE html><html><body><nav>Trang chủ</nav><article>{page}</article>"
            "</body></html>".encode(),
        ),
        "Word (.docx)": ("directive.docx", word.getvalue()),
        "PDF (.pdf)": ("directive.pdf", pdf.write_pdf()),
    }


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--repeat", type=int, default=50, help="measured reads per document")
    parser.add_argument("--output", type=Path, help="also write the tables here (markdown)")
    options = parser.parse_args()

    seeds = {path.name: path.read_text(encoding="utf-8") for path in sorted(TEXTS.glob("seed_*"))}
    if not seeds:
        print(f"no seed texts in {TEXTS}", file=sys.stderr)
        return 1
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "thidua.settings")
    import django

    django.setup()
    from thidua.reading import read_document, read_text
    from thidua.reading.extract import extract_text

    step(f"{len(seeds)} seed texts, {options.repeat} reads each")
    rows = [
        "| document | KB | targets | median ms | p95 ms | KB/s | regex floor ms | ÷ floor |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    total_kb = total_seconds = total_floor = 0.0
    for name, text in seeds.items():
        kb = len(text.encode()) / 1024
        reading = read_text(text)
        times = timings(lambda text=text: read_text(text), options.repeat)
        floor = statistics.median(timings(lambda text=text: floor_pass(text), options.repeat))
        median = statistics.median(times)
        total_kb, total_seconds, total_floor = (
            total_kb + kb,
            total_seconds + median,
            total_floor + floor,
        )
        rows.append(
            f"| {name} | {kb:.1f} | {len(reading.targets)} | {ms(median)} | {ms(p95(times))} "
            f"| {kb / median:,.0f} | {ms(floor)} | {median / floor:,.0f} |"
        )
    rows.append(
        f"| **all** | {total_kb:.1f} | | {ms(total_seconds)} | | "
        f"{total_kb / total_seconds:,.0f} | {ms(total_floor)} | "
        f"{total_seconds / total_floor:,.0f} |"
    )

    name, directive = the_directive(seeds)
    kb = len(directive.encode()) / 1024
    step(f"the {kb:.1f} KB directive ({name}) from each kind of file")
    upload_rows = [
        "| read from | file KB | median ms | p95 ms | of which text extraction ms |",
        "| --- | ---: | ---: | ---: | ---: |",
    ]
    for label, (filename, data) in uploads(directive).items():
        times = timings(lambda d=data, f=filename: read_document(d, f), options.repeat)
        extraction = timings(lambda d=data, f=filename: extract_text(d, f), options.repeat)
        upload_rows.append(
            f"| {label} | {len(data) / 1024:.1f} | {ms(statistics.median(times))} "
            f"| {ms(p95(times))} | {ms(statistics.median(extraction))} |"
        )
    pasted = timings(lambda: read_text(directive), options.repeat)
    upload_rows.append(
        f"| pasted text | {kb:.1f} | {ms(statistics.median(pasted))} | {ms(p95(pasted))} | — |"
    )

    table = "\n".join(
        [
            f"## Reading — {datetime.now():%Y-%m-%d %H:%M}",
            "",
            f"- in process, no database; {options.repeat} reads per document after 3 warm-up; "
            f"{os.cpu_count()} CPUs, Python {platform.python_version()}; load average "
            f"{os.getloadavg()[0]:.1f}",
            "- floor: one pass of one compiled regular expression (numbers and their unit) "
            "over the same text",
            "",
            "### The seed texts (read_text)",
            "",
            *rows,
            "",
            f"### The {kb:.1f} KB directive ({name}) from each kind of file (read_document)",
            "",
            "The issue asks for well under 100 ms.",
            "",
            *upload_rows,
        ]
    )
    print()
    print(table)
    if options.output:
        options.output.write_text(table + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
