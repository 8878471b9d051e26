"""Build the bundled .docx templates of award decisions with python-docx.

Run it after changing the layout, and commit the .docx files it writes::

    .venv/bin/python -m thidua.awards.documents.build_templates

The templates hold only docxtpl placeholders: every label comes from the context (``l.*``,
translated with gettext), so one template serves Vietnamese and English. The layout
follows Nghị định 30/2020/NĐ-CP (administrative documents): Times New Roman 13–14 pt, A4,
the issuing body on the left and the national motto on the right of the heading, the
number under the issuing body, place and date under the motto, the signer's block on the
right and the recipients (Nơi nhận) on the left at the end.

The secretariat may replace either template with its own (see ``render.py``): a template
can use every name of :func:`thidua.awards.documents.render.decision_context`.
"""

from __future__ import annotations

from pathlib import Path

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Cm, Pt

HERE = Path(__file__).resolve().parent
DECISION = HERE / "decision.docx"
ANNEX = HERE / "annex.docx"

FONT = "Times New Roman"
CENTER = WD_ALIGN_PARAGRAPH.CENTER
LEFT = WD_ALIGN_PARAGRAPH.LEFT
RIGHT = WD_ALIGN_PARAGRAPH.RIGHT
JUSTIFY = WD_ALIGN_PARAGRAPH.JUSTIFY


def _setup(document, *, landscape: bool = False) -> None:
    section = document.sections[0]
    if landscape:
        section.orientation = WD_ORIENT.LANDSCAPE
        section.page_width, section.page_height = Cm(29.7), Cm(21)
        section.top_margin = section.bottom_margin = Cm(2)
        section.left_margin, section.right_margin = Cm(2), Cm(2)
    else:
        section.orientation = WD_ORIENT.PORTRAIT
        section.page_width, section.page_height = Cm(21), Cm(29.7)
        section.top_margin = section.bottom_margin = Cm(2)
        section.left_margin, section.right_margin = Cm(3), Cm(2)
    normal = document.styles["Normal"]
    normal.font.name = FONT
    normal.font.size = Pt(14)
    fonts = normal.element.get_or_add_rPr().find(qn("w:rFonts"))
    for attr in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        fonts.set(qn(attr), FONT)
    normal.paragraph_format.space_after = Pt(3)
    document.styles["Table Grid"].font.size = Pt(12)


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


def _cell(cell, text: str, *, bold=False, italic=False, align=CENTER, size=None, first=True):
    paragraph = cell.paragraphs[0] if first else cell.add_paragraph()
    run = paragraph.add_run(text)
    run.bold = bold
    run.italic = italic
    if size:
        run.font.size = Pt(size)
    paragraph.alignment = align
    paragraph.paragraph_format.space_after = Pt(0)
    return paragraph


def _heading(document) -> None:
    """The issuing body and number (left), the national motto, place and date (right)."""
    table = document.add_table(rows=1, cols=2)
    left, right = table.rows[0].cells
    left.width, right.width = Cm(6.5), Cm(9.5)
    _cell(left, "{{ body_parent }}", size=13)
    _cell(left, "{{ body }}", bold=True, size=13, first=False)
    _cell(left, "{{ number_line }}", size=13, first=False)
    _cell(right, "{{ l.republic }}", bold=True, size=13)
    _cell(right, "{{ l.independence }}", bold=True, size=14, first=False)
    _cell(right, "", first=False)
    _cell(right, "{{ place_date }}", italic=True, size=14, first=False)


def build_decision(path: Path = DECISION) -> Path:
    document = Document()
    _setup(document)
    _heading(document)
    _para(document)
    _para(document, "{{ l.decision }}", bold=True, align=CENTER)
    _para(document, "{{ subject_line }}", bold=True, align=CENTER)
    _para(document, "{{ authority_line }}", bold=True, align=CENTER)
    _para(document)
    _para(document, "{%p for line in grounds %}")
    _para(document, "{{ line }}", italic=True, align=JUSTIFY)
    _para(document, "{%p endfor %}")
    _para(document)
    _para(document, "{{ l.decides }}", bold=True, align=CENTER)
    for number in ("1", "2", "3"):
        paragraph = _para(document, align=JUSTIFY)
        paragraph.add_run(f"{{{{ l.article{number} }}}} ").bold = True
        paragraph.add_run(f"{{{{ article{number} }}}}")
    _para(document)

    footer = document.add_table(rows=1, cols=2)
    left, right = footer.rows[0].cells
    left.width, right.width = Cm(7), Cm(9)
    _cell(left, "{{ l.recipients }}", bold=True, italic=True, align=LEFT, size=12)
    _cell(left, "{%p for line in recipients %}", align=LEFT, size=11, first=False)
    _cell(left, "{{ line }}", align=LEFT, size=11, first=False)
    _cell(left, "{%p endfor %}", align=LEFT, size=11, first=False)
    _cell(right, "{%p for line in signer_title_lines %}", bold=True, first=True)
    _cell(right, "{{ line }}", bold=True, first=False)
    _cell(right, "{%p endfor %}", bold=True, first=False)
    for _blank in range(3):
        _cell(right, "", first=False)
    _cell(right, "{{ signer_name }}", bold=True, first=False)

    document.core_properties.author = "thidua"
    document.save(path)
    return path


def build_annex(path: Path = ANNEX) -> Path:
    document = Document()
    _setup(document, landscape=True)
    _para(document, "{{ l.annex_title }}", bold=True, align=CENTER)
    _para(document, "{{ annex_subtitle }}", italic=True, align=CENTER, size=13)
    _para(document, "{{ l.annex_rule }}", align=CENTER, size=10)
    _para(document, "{%p for group in groups %}")
    _para(document, "{{ group.heading }}", bold=True)
    table = document.add_table(rows=4, cols=5)
    table.style = document.styles["Table Grid"]
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    headers = [
        "{{ l.no }}",
        "{{ l.name }}",
        "{{ l.position_unit }}",
        "{{ l.award }}",
        "{{ l.amount }}",
    ]
    cells = [
        "{{ row.no }}",
        "{{ row.name }}",
        "{{ row.position_unit }}",
        "{{ row.award }}",
        "{{ row.amount }}",
    ]
    aligns = [CENTER, LEFT, LEFT, LEFT, RIGHT]
    for index, header in enumerate(headers):
        _cell(table.rows[0].cells[index], header, bold=True)
    table.rows[1].cells[0].text = "{%tr for row in group.rows %}"
    for index, value in enumerate(cells):
        _cell(table.rows[2].cells[index], value, align=aligns[index])
    table.rows[3].cells[0].text = "{%tr endfor %}"
    widths = [1.4, 6.5, 8.5, 6.6, 3.2]
    for row in table.rows:
        for index, width in enumerate(widths):
            row.cells[index].width = Cm(width)
    _para(document, "{%p endfor %}")
    paragraph = _para(document, align=RIGHT)
    paragraph.add_run("{{ l.total }}: ").bold = True
    paragraph.add_run("{{ total_count }} – {{ total_amount }} {{ l.dong }}")
    document.core_properties.author = "thidua"
    document.save(path)
    return path


def build_all() -> list[Path]:
    return [build_decision(), build_annex()]


if __name__ == "__main__":
    for written in build_all():
        print(written)
