"""Build the .docx templates of this directory with python-docx.

Run it after changing the layout, and commit the .docx it writes::

    .venv/bin/python -m thidua.movements.documents.build_templates

The templates hold only docxtpl placeholders: every label comes from the context
(``l.*``, translated with gettext), so the same template serves Vietnamese and English.
"""

from __future__ import annotations

from pathlib import Path

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Cm, Pt

HERE = Path(__file__).resolve().parent
REVIEW_REPORT = HERE / "review_report.docx"

# Administrative documents (Decree 30/2020/NĐ-CP): Times New Roman 13–14 pt, A4 portrait,
# margins 2 cm top and bottom, 3 cm left, 1.5–2 cm right.
FONT = "Times New Roman"


def _setup(document) -> None:
    section = document.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = Cm(21), Cm(29.7)
    section.top_margin = section.bottom_margin = Cm(2)
    section.left_margin, section.right_margin = Cm(3), Cm(2)
    normal = document.styles["Normal"]
    normal.font.name = FONT
    normal.font.size = Pt(13)
    rpr = normal.element.get_or_add_rPr()
    fonts = rpr.find("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}rFonts")
    for attr in ("ascii", "hAnsi", "cs", "eastAsia"):
        fonts.set(f"{{http://schemas.openxmlformats.org/wordprocessingml/2006/main}}{attr}", FONT)
    normal.paragraph_format.space_after = Pt(4)
    for name in ("Table Grid",):
        document.styles[name].font.size = Pt(12)


def _para(container, text: str = "", *, bold=False, italic=False, align=None, size=None):
    paragraph = container.add_paragraph()
    if text:
        run = paragraph.add_run(text)
        run.bold = bold
        run.italic = italic
        if size:
            run.font.size = Pt(size)
    if align is not None:
        paragraph.alignment = align
    return paragraph


def _cell(cell, text: str, *, bold=False, italic=False, align=WD_ALIGN_PARAGRAPH.CENTER):
    paragraph = cell.paragraphs[0]
    run = paragraph.add_run(text)
    run.bold = bold
    run.italic = italic
    paragraph.alignment = align


def _loop_table(document, items: str, headers: list[str], cells: list[str], widths: list[float]):
    """A bordered table: a header row, then one row per item of ``items`` (docxtpl's
    ``{%tr for %}`` rows are removed when the document is rendered)."""
    table = document.add_table(rows=4, cols=len(headers))
    table.style = document.styles["Table Grid"]
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    for index, header in enumerate(headers):
        _cell(table.rows[0].cells[index], header, bold=True)
    table.rows[1].cells[0].text = f"{{%tr for row in {items} %}}"
    for index, value in enumerate(cells):
        align = WD_ALIGN_PARAGRAPH.LEFT if index == 1 else WD_ALIGN_PARAGRAPH.CENTER
        _cell(table.rows[2].cells[index], value, align=align)
    table.rows[3].cells[0].text = "{%tr endfor %}"
    for row in table.rows:
        for index, width in enumerate(widths):
            row.cells[index].width = Cm(width)
    return table


def build_review_report(path: Path = REVIEW_REPORT) -> Path:
    document = Document()
    _setup(document)
    justify = WD_ALIGN_PARAGRAPH.JUSTIFY
    center = WD_ALIGN_PARAGRAPH.CENTER

    # Heading: the issuer on the left, the national motto on the right.
    header = document.add_table(rows=1, cols=2)
    left, right = header.rows[0].cells
    left.width, right.width = Cm(6.5), Cm(9.5)
    _cell(left, "{{ issuer }}", bold=True)
    left.add_paragraph("{{ l.number }}").alignment = center
    _cell(right, "{{ l.republic }}", bold=True)
    right.add_paragraph().add_run("{{ l.independence }}").bold = True
    right.paragraphs[-1].alignment = center
    right.add_paragraph().add_run("{{ place_date }}").italic = True
    right.paragraphs[-1].alignment = center

    _para(document)
    _para(document, "{{ l.report }}", bold=True, align=center, size=14)
    _para(document, "{{ heading }}", bold=True, align=center)
    _para(document, "{{ l.draft_note }}", italic=True, align=center, size=11)

    # I. The movement.
    _para(document, "I. {{ l.general }}", bold=True)
    _para(document, "{%p for item in general %}")
    paragraph = _para(document, align=justify)
    paragraph.add_run("{{ item.label }}: ").bold = True
    paragraph.add_run("{{ item.value }}")
    _para(document, "{%p endfor %}")

    # II. Results against the targets.
    _para(document, "II. {{ l.results }}", bold=True)
    _para(document, "{{ l.results_hint }}", italic=True, align=justify)
    _para(document, "{{ l.figures_as_of }}", italic=True, size=11)
    headers = [
        "{{ l.no }}",
        "{{ l.indicator }}",
        "{{ l.responsible }}",
        "{{ l.goal }}",
        "{{ l.actual }}",
        "{{ l.completion }}",
    ]
    cells = [
        "{{ row.no }}",
        "{{ row.indicator }}",
        "{{ row.responsible }}",
        "{{ row.goal }}",
        "{{ row.actual }}",
        "{{ row.completion }}",
    ]
    widths = [1.1, 5.6, 3.2, 2.4, 2.2, 1.9]
    for number, key, items in (
        ("1", "achieved", "achieved"),
        ("2", "missed", "missed"),
    ):
        _para(document, f"{number}. {{{{ l.{key} }}}} ({{{{ {items}|length }}}})", bold=True)
        _para(document, f"{{%p if not {items} %}}")
        _para(document, "{{ l.none }}", italic=True)
        _para(document, "{%p else %}")
        _loop_table(document, items, headers, cells, widths)
        _para(document, "{%p endif %}")
    _para(document, "{%p if in_progress %}")
    _para(document, "3. {{ l.in_progress }} ({{ in_progress|length }})", bold=True)
    _loop_table(
        document,
        "in_progress",
        [*headers[:5], "{{ l.status }}"],
        [*cells[:5], "{{ row.status }}"],
        widths,
    )
    _para(document, "{%p endif %}")

    # III. Registrations.
    _para(document, "III. {{ l.registrations }}", bold=True)
    _para(document, "{{ registered_text }}", align=justify)
    _loop_table(
        document,
        "titles",
        ["{{ l.no }}", "{{ l.title_aimed }}", "{{ l.registered_by }}"],
        ["{{ row.no }}", "{{ row.title }}", "{{ row.count }}"],
        [1.1, 10.4, 4.9],
    )

    # IV. Awards proposed: filled in once nominations exist.
    _para(document, "IV. {{ l.awards }}", bold=True)
    _para(document, "{{ l.awards_none }}", italic=True, align=justify)

    # V. Conclusions, VI. tasks ahead.
    _para(document, "V. {{ l.conclusions }}", bold=True)
    _para(document, "{{ conclusions }}", align=justify)
    _para(document, "VI. {{ l.tasks }}", bold=True)
    _para(document, "{{ l.tasks_hint }}", italic=True, align=justify)

    # Signature.
    _para(document)
    footer = document.add_table(rows=1, cols=2)
    left, right = footer.rows[0].cells
    left.width, right.width = Cm(7), Cm(9)
    _cell(left, "{{ l.recipients }}", bold=True, italic=True, align=WD_ALIGN_PARAGRAPH.LEFT)
    left.add_paragraph("{{ l.recipients_list }}")
    _cell(right, "{{ signer_title }}", bold=True)
    for _blank in range(3):
        right.add_paragraph()
    right.add_paragraph().add_run("{{ signer }}").bold = True
    right.paragraphs[-1].alignment = center

    document.core_properties.author = "thidua"
    document.save(path)
    return path


if __name__ == "__main__":
    print(build_review_report())
