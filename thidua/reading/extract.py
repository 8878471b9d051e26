"""Getting the plain text out of a launch document, whatever form it came in.

:func:`extract_text` takes the bytes of an upload (Word .docx, PDF, web page, plain text,
or a photo/scan) and returns the cleaned text and warnings; the kind is detected from the
content, never from the name. :func:`prepare_text` cleans pasted text the same way.
Unusable input raises :class:`ReadError` with a message for the user.

The cleaned text is what the reader's spans point into: one paragraph per line, paragraphs
separated by a blank line, Unicode NFC, no soft hyphens or non-breaking spaces.

No database and no Django models: messages go through gettext when Django is set up and
stay in English otherwise (the benchmark, a bare script).
"""

from __future__ import annotations

import codecs
import io
import logging
import re
import shutil
import statistics
import subprocess
import unicodedata
import zipfile
from functools import lru_cache

from django.core.exceptions import AppRegistryNotReady, ImproperlyConfigured

from thidua.core.text import fold
from thidua.core.uploads import detect

logger = logging.getLogger(__name__)

DEFAULT_MAX_BYTES = 20 * 1024 * 1024
# Scanned pages beyond this are not read: OCR takes seconds per page.
DEFAULT_OCR_MAX_PAGES = 30
OCR_DPI = 300
OCR_MAX_PIXELS = 5000 * 5000
OCR_TIMEOUT = 180  # seconds per page
# A docx is a zip: refuse one that inflates to more than this many times the size limit.
MAX_INFLATION = 10


class ReadError(Exception):
    """The input cannot be read at all; ``message`` tells the user why."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


def _(message: str) -> str:
    """gettext when Django is ready, the English msgid otherwise (no crash in a bare script)."""
    try:
        from django.utils.translation import gettext

        return gettext(message)
    except (ImproperlyConfigured, AppRegistryNotReady):
        return message


def _setting(name: str, default: int) -> int:
    try:
        from django.conf import settings

        return int(getattr(settings, name, default))
    except ImproperlyConfigured:
        return default


def max_bytes() -> int:
    """The largest file read (``THIDUA_READING_MAX_BYTES``, default 20 MB)."""
    return _setting("THIDUA_READING_MAX_BYTES", DEFAULT_MAX_BYTES)


def check_size(size: int, name: str) -> None:
    """Refuse an empty or oversized input before anything is parsed."""
    if size == 0:
        raise ReadError(_("The file %(name)s is empty.") % {"name": name})
    limit = max_bytes()
    if size > limit:
        raise ReadError(
            _("The file %(name)s is too large (%(size)s MB; at most %(max)s MB).")
            % {"name": name, "size": round(size / 1048576, 1), "max": round(limit / 1048576, 1)}
        )


# --- entry points ---------------------------------------------------------------------


def extract_text(data: bytes, filename: str) -> tuple[str, list[str]]:
    """The cleaned text of a document and warnings about it; :class:`ReadError` if unusable.

    ``filename`` is only used in messages: the kind is detected from ``data``.
    """
    name = filename or "?"
    check_size(len(data), name)
    warnings: list[str] = []
    kind = _kind(data)
    try:
        if kind == "pdf":
            text = _pdf_text(data, name, warnings)
        elif kind == "docx":
            text = _docx_text(data, name)
        elif kind in ("jpg", "png"):
            text = _image_text(data, name, warnings)
        elif kind is None:
            decoded = _decode(data, warnings)
            if decoded is None:
                raise ReadError(_not_a_document(name))
            text = _html_text(decoded) if _looks_html(decoded) else decoded
        else:
            raise ReadError(_refusal(kind, name))
    except ReadError:
        raise
    except Exception as error:
        # Uploads are untrusted: a parser failing on a malformed file is a message for the
        # user, not a crash (and a log entry for us).
        logger.exception("reading %s (%s) failed", name, kind)
        raise ReadError(_("The file %(name)s could not be read.") % {"name": name}) from error
    text, more = prepare_text(text)
    if not text:
        raise ReadError(_("The file %(name)s contains no text.") % {"name": name})
    return text, warnings + more


def prepare_text(text: str) -> tuple[str, list[str]]:
    """Clean pasted or extracted text and say if it does not look like Vietnamese."""
    warnings: list[str] = []
    if _looks_tcvn3(text):
        text = _from_tcvn3(text)
        warnings.append(
            _(
                "The text was typed in the old TCVN3 (ABC) font encoding and has been "
                "converted to Unicode: check the diacritics."
            )
        )
    text = clean_text(text)
    language = _language(text)
    if language == "unaccented":
        warnings.append(
            _(
                "The text is written without Vietnamese diacritics: it may be read less "
                "well. Paste or upload the original if you have it."
            )
        )
    elif language == "other":
        warnings.append(
            _("The text does not look like Vietnamese: little or nothing may be read from it.")
        )
    return text, warnings


# --- normalisation --------------------------------------------------------------------

_TRANSLATE = {
    **dict.fromkeys(map(ord, "\u00ad\u200b\u200c\u200d\u200e\u200f\u2060\ufeff\ufffe"), None),
    **dict.fromkeys(map(ord, "\u00a0\u2007\u202f\u205f\u3000\t"), " "),
    **dict.fromkeys(range(0x2000, 0x200B), " "),
    **dict.fromkeys(map(ord, "\u2028\u2029\x0b\x0c\x85"), "\n"),
    # Control characters are noise (PDF and Word leave some); keep \n and \t.
    **{c: None for c in range(32) if c not in (9, 10)},
    0x7F: None,
    # The Icelandic eth is a common stand-in for Đ in Vietnamese web text.
    ord("Ð"): "Đ",
    ord("ð"): "đ",
    ord("ﬁ"): "fi",
    ord("ﬂ"): "fl",
}
_SPECIAL = re.compile("[" + re.escape("".join(map(chr, _TRANSLATE))) + "]")
_SPACES = re.compile(r" {2,}")
_EDGE_SPACES = re.compile(r" *\n *")
_BLANK_LINES = re.compile(r"\n{3,}")


def clean_text(text: str) -> str:
    """NFC, plain spaces, Unix line ends, at most one blank line in a row, no edge spaces."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    # Word and some PDFs give decomposed Vietnamese (a + U+0301…); compose it first.
    text = unicodedata.normalize("NFC", text)
    # Most texts have none of these characters: a search is cheaper than translate().
    if _SPECIAL.search(text):
        text = text.translate(_TRANSLATE)
    text = _EDGE_SPACES.sub("\n", _SPACES.sub(" ", text))
    return _BLANK_LINES.sub("\n\n", text).strip()


# Frequent Vietnamese words: about 30 % of the words of a Vietnamese text, none of English's.
_VI_TEXT = (
    "và của các có được trong người những cho với là này đã không năm đến một để theo về "
    "thi đua phong trào tỉnh huyện xã tại từ khi nhân dân thực hiện công tác chỉ tiêu phát "
    "động kế hoạch đồng ngày tháng số cơ quan đơn vị trên"
)
_VI_WORDS = frozenset(_VI_TEXT.split())
_VI_FOLDED = frozenset(fold(word) for word in _VI_WORDS)
_WORD = re.compile(r"[^\W\d_]+")
MIN_WORDS = 12  # shorter texts are not judged


_NON_LATIN_LETTER = re.compile(r"[^\W\d_A-Za-z\u00c0-\u024f\u1e00-\u1eff]")


def _language(text: str) -> str:
    """Vietnamese ("vi"), typed without diacritics ("unaccented"), "other" or "short"."""
    sample = text[:8000]
    # Chinese, Thai… do not separate words with spaces: judge them by their letters.
    other_letters = len(_NON_LATIN_LETTER.findall(sample))
    if other_letters >= 20 and other_letters >= 0.3 * len(sample):
        return "other"
    words = _WORD.findall(sample.lower())
    if len(words) < MIN_WORDS:
        return "short"
    if sum(word in _VI_WORDS for word in words) >= 0.12 * len(words):
        return "vi"
    if sum(word in _VI_FOLDED for word in words) >= 0.25 * len(words):
        return "unaccented"
    return "other"


# TCVN3 (ABC, the .VnTime fonts): Vietnamese letters stored in the Latin-1 code points.
_TCVN3 = dict(
    zip(
        map(
            chr,
            [
                *range(0xA1, 0xAF),
                *range(0xB5, 0xBA),
                *range(0xBB, 0xBF),
                *range(0xC6, 0xCD),
                *range(0xCE, 0xD8),
                *range(0xD8, 0xD9),
                *range(0xDC, 0xE0),
                *range(0xE1, 0xF0),
                *range(0xF1, 0xFF),  # 0xF0 is unused
            ],
        ),
        "ĂÂÊÔƠƯĐăâêôơưđàảãáạằẳẵắặầẩẫấậèẻẽéẹềểễếệìỉĩíịòỏõóọồổỗốộờởỡớợùủũúụừửữứựỳỷỹýỵ",
        strict=True,
    )
)
# Symbols that TCVN3 uses as frequent letters (đ, ơ, ư, à, á…) but real text rarely has.
_TCVN3_SIGNS = frozenset(ch for ch in _TCVN3 if ord(ch) < 0xC0 or ch in "×÷")
# Vietnamese letters outside Latin-1: a text that has them is Unicode already.
_VIETNAMESE_LETTERS = re.compile("[ăđơưĂĐƠƯ\u1ea0-\u1ef9]")
_TCVN3_IN_WORD = re.compile(
    "[A-Za-z]["
    + "".join(sorted(_TCVN3_SIGNS))
    + "]|["
    + "".join(sorted(_TCVN3_SIGNS))
    + "][A-Za-z]"
)


def _looks_tcvn3(text: str) -> bool:
    sample = text[:20000]
    if _VIETNAMESE_LETTERS.search(sample):
        return False
    signs = len(_TCVN3_IN_WORD.findall(sample))
    # «guillemets», ® or µ in a Western text are not enough: the converted text must read
    # as Vietnamese.
    return (
        signs >= 3
        and signs >= 0.01 * len(sample)
        and _language(clean_text(_from_tcvn3(sample))) == "vi"
    )


# A line whose plain letters are all capitals (four at least) was typed all in capitals.
_CAPITALS_LINE = re.compile(r"^(?=(?:[^A-Za-z]*[A-Z]){4})[^a-z]*$")
_WORD_WITH_CAPITALS = re.compile(r"\w*[A-ZĂÂÊÔƠƯĐ]\w*[A-ZĂÂÊÔƠƯĐ]\w*")


def _from_tcvn3(text: str) -> str:
    converted = "".join(_TCVN3.get(ch, ch) for ch in text)

    # Capitals were typed in a capitals-only font (.VnTimeH) with the small letters' codes
    # for the accented ones: a word of two capitals or more and no plain small letter is
    # all capitals ("CộNG" → "CỘNG"); "Tự" stays as it is.
    def upper(match: re.Match) -> str:
        word = match.group()
        return word if re.search("[a-z]", word) else word.upper()

    lines = [
        line.upper() if _CAPITALS_LINE.match(line) else _WORD_WITH_CAPITALS.sub(upper, line)
        for line in converted.split("\n")
    ]
    return "\n".join(lines)


# --- kinds and decoding ---------------------------------------------------------------

_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # .doc, .xls of Office 97–2003


def _kind(data: bytes) -> str | None:
    """pdf, docx, jpg, png; a kind that is refused (xlsx, zip, ole, rtf, binary); None: text."""
    kind = detect(data)
    if kind is not None:
        return kind
    if data.startswith((b"PK\x03\x04", b"PK\x05\x06")):
        return "zip"
    if data.startswith(_OLE):
        return "ole"
    if data.lstrip().startswith(b"{\\rtf"):
        return "rtf"
    return None


def _refusal(kind: str, name: str) -> str:
    values = {"name": name}
    if kind == "xlsx":
        return (
            _(
                "The file %(name)s is an Excel workbook. Upload the launch document itself: "
                "Word (.docx), PDF, web page or plain text."
            )
            % values
        )
    if kind == "zip":
        return (
            _(
                "The file %(name)s is a ZIP archive but not a Word document (.docx): it cannot "
                "be read."
            )
            % values
        )
    if kind == "ole":
        return (
            _(
                "The file %(name)s is in the old Word format (.doc). Save it as .docx or PDF "
                "and upload it again."
            )
            % values
        )
    if kind == "rtf":
        return (
            _(
                "The file %(name)s is in Rich Text Format (.rtf). Save it as .docx or PDF and "
                "upload it again."
            )
            % values
        )
    return _not_a_document(name)


def _not_a_document(name: str) -> str:
    return _(
        "The file %(name)s does not contain readable text: it is not a Word document (.docx), "
        "a PDF, a web page or a plain text file."
    ) % {"name": name}


_DECLARED_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)


def _decode(data: bytes, warnings: list[str]) -> str | None:
    """The text of a plain or HTML file, or None if the bytes are not text."""
    for bom, encoding in (
        (codecs.BOM_UTF32_LE, "utf-32"),
        (codecs.BOM_UTF32_BE, "utf-32"),
        (codecs.BOM_UTF8, "utf-8-sig"),
        (codecs.BOM_UTF16_LE, "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16"),
    ):
        if data.startswith(bom):
            return _checked(data.decode(encoding, errors="replace"))
    head = data[:4096]
    if head.count(0) > len(head) // 4:
        # UTF-16 without a byte order mark: ASCII characters and spaces leave every other
        # byte zero. A binary file has its zeros anywhere.
        odd, even = head[1::2].count(0), head[0::2].count(0)
        if min(odd, even) > 0.05 * max(odd, even):
            return None
        try:
            return _checked(data.decode("utf-16-le" if odd > even else "utf-16-be"))
        except UnicodeDecodeError:
            return None
    try:
        return _checked(data.decode("utf-8"))
    except UnicodeDecodeError as error:
        bad_from = error.start
    # A file cut in the middle of a character, or a stray byte or two in UTF-8.
    if bad_from >= len(data) - 3:
        return _checked(data[:bad_from].decode("utf-8"))
    text = data.decode("utf-8", errors="replace")
    if text.count("\ufffd") <= max(2, len(text) // 2000) and re.search(r"[^\x00-\x7f]", text):
        warnings.append(_("A few characters could not be decoded and were replaced by �."))
        return _checked(text)
    latin = data.decode("latin-1")
    if _looks_tcvn3(latin):
        return _checked(latin)
    declared = _DECLARED_CHARSET.search(data[:4096])
    if declared:
        try:
            return _checked(data.decode(declared.group(1).decode("ascii")))
        except (LookupError, UnicodeDecodeError):
            pass
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    return None if best is None else _checked(str(best))


def _checked(text: str) -> str | None:
    """None when decoded "text" is mostly control characters: a binary file."""
    if not text:
        return text
    sample = text[:20000]
    junk = sum(
        1
        for ch in sample
        if (ch < " " and ch not in "\t\n\r\x0c") or ch == "\ufffd" or "\ue000" <= ch <= "\uf8ff"
    )
    return None if junk > 0.02 * len(sample) else text


_HTML_START = re.compile(
    r"\A(?:\s|<!--.*?-->|<\?xml[^>]*>)*<(?:!doctype\s+html|html|head|body|meta|title|div|p|"
    r"article|section|main|h[1-6]|table|span|a|ul|ol)\b",
    re.I | re.S,
)
_HTML_ROOT = re.compile(r"<(?:html|body)\b[^>]*>", re.I)


def _looks_html(text: str) -> bool:
    return bool(_HTML_START.match(text[:4096]) or _HTML_ROOT.search(text[:4096]))


# --- Word -----------------------------------------------------------------------------

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_MC_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"


def _docx_text(data: bytes, name: str) -> str:
    import docx

    damaged = _("The Word document %(name)s is damaged and cannot be opened.") % {"name": name}
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            inflated = sum(info.file_size for info in archive.infolist())
    except zipfile.BadZipFile as error:
        raise ReadError(damaged) from error
    if inflated > MAX_INFLATION * max_bytes():
        check_size(inflated, name)
    try:
        document = docx.Document(io.BytesIO(data))
        numbering = _Numbering(document)
    except Exception as error:  # missing parts, bad XML, wrong content types…
        raise ReadError(damaged) from error
    blocks: list[str] = []
    _docx_blocks(document.element.body, numbering, blocks)
    return "\n\n".join(blocks)


def _docx_blocks(container, numbering: _Numbering, blocks: list[str]) -> None:
    """Paragraphs and tables of ``container`` in document order, one block each."""
    for child in container:
        tag = child.tag
        if tag == _W + "p":
            boxes: list = []
            parts: list[str] = []
            _runs_text(child, parts, boxes)
            text = "".join(parts).strip()
            if text:
                blocks.append(numbering.label(child) + text)
            for box in boxes:
                _docx_blocks(box, numbering, blocks)
        elif tag == _W + "tbl":
            for row in child.iter(_W + "tr"):
                if row.getparent() is not child:
                    continue  # rows of nested tables come with their cell
                cells = []
                for cell in row.iterchildren(_W + "tc"):
                    cell_blocks: list[str] = []
                    _docx_blocks(cell, numbering, cell_blocks)
                    cells.append(cell_blocks)
                _table_row(cells, blocks)
        elif tag in (_W + "sdt", _W + "sdtContent", _W + "customXml", _W + "ins"):
            _docx_blocks(child, numbering, blocks)


def _table_row(cells: list[list[str]], blocks: list[str]) -> None:
    """A row of one-line cells on one line ("GRDP | 7 %"), otherwise cell after cell."""
    filled = [cell for cell in cells if cell]
    if len(filled) > 1 and all(len(cell) == 1 and "\n" not in cell[0] for cell in filled):
        blocks.append(" | ".join(cell[0] for cell in filled))
    else:
        for cell in filled:
            blocks.extend(cell)


def _runs_text(element, parts: list[str], boxes: list) -> None:
    for child in element:
        tag = child.tag
        if tag == _W + "t":
            parts.append(child.text or "")
        elif tag in (_W + "tab", _W + "ptab"):
            parts.append("\t")
        elif tag in (_W + "br", _W + "cr"):
            parts.append("\n")
        elif tag == _W + "noBreakHyphen":
            parts.append("-")
        elif tag == _W + "txbxContent":
            boxes.append(child)
        elif tag in (_W + "del", _W + "pPr", _W + "rPr", _MC_FALLBACK):
            continue  # deleted text, formatting, and the duplicate of a text box
        elif isinstance(child.tag, str):
            _runs_text(child, parts, boxes)


class _Numbering:
    """Word's automatic list numbers ("1.", "a)"), which are not in the paragraph text."""

    def __init__(self, document) -> None:
        self.formats: dict[str, dict[int, tuple[int, str, str]]] = {}
        self.counters: dict[str, dict[int, int]] = {}
        self.style_numbering: dict[str, tuple[str, int]] = {}
        try:
            root = document.part.numbering_part.element
        except (KeyError, NotImplementedError):  # no numbering part; python-docx cannot make one
            root = None
        if root is None:
            return
        abstract: dict[str, dict[int, tuple[int, str, str]]] = {}
        for node in root.iterchildren(_W + "abstractNum"):
            levels = {}
            for level in node.iterchildren(_W + "lvl"):
                levels[int(level.get(_W + "ilvl", "0"))] = (
                    int(_val(level, "start") or 1),
                    _val(level, "numFmt") or "decimal",
                    _val(level, "lvlText") or "",
                )
            abstract[node.get(_W + "abstractNumId")] = levels
        for node in root.iterchildren(_W + "num"):
            abstract_id = _val(node, "abstractNumId")
            levels = dict(abstract.get(abstract_id, {}))
            for override in node.iterchildren(_W + "lvlOverride"):
                start = override.find(_W + "startOverride")
                index = int(override.get(_W + "ilvl", "0"))
                if start is not None and index in levels:
                    _, fmt, text = levels[index]
                    levels[index] = (int(start.get(_W + "val")), fmt, text)
            self.formats[node.get(_W + "numId")] = levels
        for style in document.styles.element.iterchildren(_W + "style"):
            num_pr = style.find(f"{_W}pPr/{_W}numPr")
            if num_pr is not None:
                num_id = _val(num_pr, "numId")
                if num_id:
                    self.style_numbering[style.get(_W + "styleId")] = (
                        num_id,
                        int(_val(num_pr, "ilvl") or 0),
                    )

    def label(self, paragraph) -> str:
        if not self.formats:
            return ""
        num_pr = paragraph.find(f"{_W}pPr/{_W}numPr")
        if num_pr is not None:
            num_id, level = _val(num_pr, "numId"), int(_val(num_pr, "ilvl") or 0)
        else:
            style = paragraph.find(f"{_W}pPr/{_W}pStyle")
            found = self.style_numbering.get(style.get(_W + "val")) if style is not None else None
            if found is None:
                return ""
            num_id, level = found
        levels = self.formats.get(num_id)
        if not levels or level not in levels:
            return ""  # numId 0 switches numbering off
        counters = self.counters.setdefault(num_id, {})
        counters[level] = counters.get(level, levels[level][0] - 1) + 1
        for deeper in [index for index in counters if index > level]:
            del counters[deeper]  # a higher level restarts the ones below
        start, fmt, text = levels[level]
        if fmt == "bullet":
            return "- "
        if fmt == "none" or not text:
            return ""

        def number(match: re.Match) -> str:
            index = int(match.group(1)) - 1
            if index not in levels:
                return ""
            value = counters.get(index, levels[index][0])
            return _format_number(value, levels[index][1])

        label = re.sub(r"%([1-9])", number, text).strip()
        return f"{label} " if label else ""


def _val(element, child: str) -> str | None:
    node = element.find(_W + child)
    return None if node is None else node.get(_W + "val")


def _format_number(value: int, fmt: str) -> str:
    if fmt in ("lowerLetter", "upperLetter"):
        letter = chr(ord("a") + (value - 1) % 26) * ((value - 1) // 26 + 1)
        return letter.upper() if fmt == "upperLetter" else letter
    if fmt in ("lowerRoman", "upperRoman"):
        roman = _roman(value)
        return roman if fmt == "upperRoman" else roman.lower()
    if fmt == "decimalZero":
        return f"{value:02d}"
    return str(value)


def _roman(value: int) -> str:
    result = ""
    numerals = (1000, 900, 500, 400, 100, 90, 50, 40, 10, 9, 5, 4, 1)
    letters = ("M", "CM", "D", "CD", "C", "XC", "L", "XL", "X", "IX", "V", "IV", "I")
    for number, letter in zip(numerals, letters, strict=True):
        while value >= number:
            result += letter
            value -= number
    return result


# --- web pages ------------------------------------------------------------------------

_DROP_TEXT = (
    "script style noscript template svg canvas iframe object embed head nav aside form "
    "button select input textarea"
)
_DROP_TAGS = tuple(_DROP_TEXT.split())
# Page-wide header and footer; those of an article (its title, its date) are kept.
_PAGE_FRAME = ("header", "footer")
_NOISE_TEXT = (
    "menu navbar nav breadcrumb breadcrumbs share social sharing sidebar related comments "
    "comment cookie cookies advert advertisement ads banner"
)
_NOISE_WORDS = frozenset(_NOISE_TEXT.split())
_BLOCK_TEXT = (
    "address article blockquote caption center dd details dialog div dl dt fieldset "
    "figcaption figure h1 h2 h3 h4 h5 h6 header footer hgroup hr li main ol p pre section "
    "summary table tbody thead tfoot ul"
)
_BLOCK_TAGS = frozenset(_BLOCK_TEXT.split())
_KEEP = frozenset(("html", "body", "main", "article"))


def _html_text(html: str) -> str:
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(html, "lxml")
    for element in soup.find_all(_DROP_TAGS):
        element.decompose()
    for element in soup.find_all(_PAGE_FRAME):
        if element.find_parent(("article", "main")) is None:
            element.decompose()
    body = soup.body or soup
    total = len(body.get_text())
    for element in soup.find_all(_is_noise):
        # "has-sidebar" on the wrapper of the whole article must not drop the article.
        if element.decomposed or element.find(("h1", "article", "main")) is not None:
            continue
        if len(element.get_text()) > 0.4 * total:
            continue
        element.decompose()
    blocks: list[str] = []
    try:
        _HtmlBlocks(blocks).walk_all(body)
    except RecursionError:  # absurdly nested markup: flat text is better than nothing
        return soup.get_text("\n")
    return "\n\n".join(blocks)


def _is_noise(tag) -> bool:
    if tag.name in _KEEP or tag.decomposed:
        return False
    if tag.has_attr("hidden") or tag.get("aria-hidden") == "true":
        return True
    if tag.get("role") in ("navigation", "banner", "contentinfo", "complementary"):
        return True
    names = " ".join([*tag.get("class", []), tag.get("id") or ""]).lower()
    return any(part in _NOISE_WORDS for part in re.split(r"[\s_-]+", names))


class _HtmlBlocks:
    """Block elements become paragraphs; inline text is joined; <br> breaks a line."""

    def __init__(self, blocks: list[str]) -> None:
        self.blocks = blocks
        self.buffer: list[str] = []

    def flush(self) -> None:
        text = "".join(self.buffer)
        self.buffer = []
        lines = [re.sub(r"\s+", " ", line).strip() for line in text.split("\n")]
        text = "\n".join(line for line in lines if line)
        if text:
            self.blocks.append(text)

    def walk(self, element) -> None:
        from bs4.element import NavigableString, PreformattedString, Tag

        for child in element.children:
            if isinstance(child, NavigableString):
                # Comments, doctypes, CDATA… are PreformattedStrings: not page text.
                if not isinstance(child, PreformattedString):
                    self.buffer.append(str(child).replace("\n", " "))
            elif isinstance(child, Tag):
                name = child.name
                if name == "br":
                    self.buffer.append("\n")
                elif name == "tr":
                    self.flush()
                    cells = []
                    for cell in child.find_all(("td", "th"), recursive=False):
                        cell_blocks: list[str] = []
                        _HtmlBlocks(cell_blocks).walk_all(cell)
                        cells.append(cell_blocks)
                    _table_row(cells, self.blocks)
                elif name == "pre":
                    self.flush()
                    text = child.get_text().strip("\n")
                    if text.strip():
                        self.blocks.append(text)
                elif name in _BLOCK_TAGS:
                    self.flush()
                    self.walk(child)
                    self.flush()
                else:
                    self.walk(child)

    def walk_all(self, element) -> None:
        self.walk(element)
        self.flush()


# --- PDF ------------------------------------------------------------------------------

_LIST_MARKER = re.compile(
    r"^(?:[-+•–*]\s|\d{1,2}[.)]\s|[a-zđ][.)]\s|[IVX]{1,5}[.)]\s|(?:Điều|Chương|Mục|Phần)\s)"
)
_PAGE_NUMBER = re.compile(r"^(?:-\s*)?(?:trang\s*)?\d{1,4}(?:\s*/\s*\d{1,4})?(?:\s*-)?$", re.I)


def _pdf_text(data: bytes, name: str, warnings: list[str]) -> str:
    import pypdfium2 as pdfium
    import pypdfium2.raw as pdfium_c

    try:
        document = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as error:
        if "password" in str(error).lower():
            raise ReadError(
                _("The PDF %(name)s is protected by a password: it cannot be read.")
                % {"name": name}
            ) from error
        raise ReadError(
            _("The PDF %(name)s is damaged and cannot be opened.") % {"name": name}
        ) from error
    try:
        pages: list[str] = []
        scanned: list[int] = []
        for index in range(len(document)):
            page = document[index]
            text = _pdf_page_text(page)
            if len(re.sub(r"\s", "", text)) < 10 and next(
                page.get_objects(filter=(pdfium_c.FPDF_PAGEOBJ_IMAGE,), max_depth=2), None
            ):
                scanned.append(index)
            pages.append(text)
        if scanned:
            _ocr_pages(document, scanned, pages, name, warnings)
    finally:
        document.close()
    text = "\n\n".join(page for page in pages if page.strip())
    if not text.strip():
        raise ReadError(_("The file %(name)s contains no text.") % {"name": name})
    return text


def _ocr_pages(document, scanned: list[int], pages: list[str], name, warnings) -> None:
    numbers = ", ".join(str(index + 1) for index in scanned)
    has_text = any(page.strip() for page in pages)
    if not ocr_available():
        if not has_text:
            raise ReadError(
                _(
                    "The PDF %(name)s has no text, only scanned images. Reading it needs "
                    "optical character recognition: ask the administrator to install the "
                    "Debian packages tesseract-ocr and tesseract-ocr-vie."
                )
                % {"name": name}
            )
        warnings.append(
            _(
                "Scanned pages without text were skipped (reading them needs the Debian "
                "packages tesseract-ocr and tesseract-ocr-vie). Pages: %(pages)s."
            )
            % {"pages": numbers}
        )
        return
    limit = _setting("THIDUA_READING_OCR_MAX_PAGES", DEFAULT_OCR_MAX_PAGES)
    for index in scanned[:limit]:
        page = document[index]
        width, height = page.get_size()
        scale = min(OCR_DPI / 72, (OCR_MAX_PIXELS / max(width * height, 1)) ** 0.5)
        image = page.render(scale=scale, grayscale=True).to_pil()
        pages[index] = _ocr(image)
    warnings.append(
        _(
            "Scanned pages were read by optical character recognition: check the text and "
            "the numbers. Pages: %(pages)s."
        )
        % {"pages": numbers}
    )
    if len(scanned) > limit:
        warnings.append(_("Only the first %(count)s scanned pages were read.") % {"count": limit})


def _pdf_page_text(page) -> str:
    """The text of a page with wrapped lines joined into paragraphs, by their geometry."""
    textpage = page.get_textpage()
    try:
        text = textpage.get_text_range()
        if textpage.count_chars() != len(text):  # characters outside the BMP: no geometry
            return text
        lines = []
        for match in re.finditer(r"[^\r\n]+", text):
            line = match.group()
            stripped = line.strip()
            if not stripped:
                continue
            first = match.start() + (len(line) - len(line.lstrip()))
            last = match.start() + len(line.rstrip()) - 1
            left, bottom, _right, top = textpage.get_charbox(first)
            _left, _bottom, right, _top = textpage.get_charbox(last)
            lines.append((stripped, left, right, max(top, _top), min(bottom, _bottom)))
    finally:
        textpage.close()
    # A page number alone at the top or the bottom of the page is not part of the text.
    while lines and _PAGE_NUMBER.match(lines[-1][0]):
        lines.pop()
    while lines and _PAGE_NUMBER.match(lines[0][0]):
        lines.pop(0)
    return "\n\n".join(_paragraphs(lines))


def _paragraphs(lines: list[tuple[str, float, float, float, float]]) -> list[str]:
    if not lines:
        return []
    height = statistics.median(top - bottom for _t, _l, _r, top, bottom in lines) or 10
    steps = [a[3] - b[3] for a, b in zip(lines, lines[1:], strict=False)]
    spacing = statistics.median([s for s in steps if 0 < s < 3 * height] or [height * 1.2])
    rights = sorted(right for _t, _l, right, _top, _b in lines)
    right_edge = rights[int(0.9 * (len(rights) - 1))]
    width = right_edge - min(left for _t, left, _r, _top, _b in lines)
    paragraphs = [[lines[0][0]]]
    for previous, line in zip(lines, lines[1:], strict=False):
        step = previous[3] - line[3]
        new = (
            step <= 0  # back up the page: another column
            or step > 1.4 * spacing  # space between paragraphs
            or previous[2] < right_edge - 0.15 * width  # a short line ends its paragraph
            or line[1] > previous[1] + height  # an indented first line
            or _LIST_MARKER.match(line[0]) is not None
        )
        if new:
            paragraphs.append([line[0]])
        else:
            paragraphs[-1].append(line[0])
    return [" ".join(paragraph) for paragraph in paragraphs]


# --- OCR ------------------------------------------------------------------------------


@lru_cache(maxsize=1)
def ocr_available() -> bool:
    """Whether Tesseract and its Vietnamese model are installed."""
    executable = shutil.which("tesseract")
    if executable is None:
        return False
    try:
        listed = subprocess.run(
            [executable, "--list-langs"], capture_output=True, text=True, timeout=30, check=False
        )
    except (OSError, subprocess.SubprocessError):
        return False
    return "vie" in (listed.stdout + listed.stderr).split()


def _ocr(image) -> str:
    buffer = io.BytesIO()
    image.save(buffer, "PNG")
    try:
        result = subprocess.run(
            [shutil.which("tesseract") or "tesseract", "stdin", "stdout", "-l", "vie"],
            input=buffer.getvalue(),
            capture_output=True,
            timeout=OCR_TIMEOUT,
            check=False,
        )
    except (OSError, subprocess.SubprocessError) as error:
        raise ReadError(
            _("Optical character recognition failed: %(error)s") % {"error": error}
        ) from error
    if result.returncode != 0:
        message = result.stderr.decode("utf-8", "replace").strip().splitlines()
        raise ReadError(
            _("Optical character recognition failed: %(error)s")
            % {"error": message[-1] if message else result.returncode}
        )
    # Tesseract breaks lines as printed: rejoin the lines of each paragraph.
    text = result.stdout.decode("utf-8", "replace")
    return "\n\n".join(
        " ".join(line.strip() for line in block.splitlines() if line.strip())
        for block in re.split(r"\n\s*\n", text)
    )


def _image_text(data: bytes, name: str, warnings: list[str]) -> str:
    """A photo or scan of a document, read by OCR."""
    from PIL import Image, ImageOps, UnidentifiedImageError

    if not ocr_available():
        raise ReadError(
            _(
                "The file %(name)s is an image. Reading it needs optical character "
                "recognition: ask the administrator to install the Debian packages "
                "tesseract-ocr and tesseract-ocr-vie."
            )
            % {"name": name}
        )
    try:
        image = ImageOps.exif_transpose(Image.open(io.BytesIO(data)))
        if image.width * image.height > OCR_MAX_PIXELS:
            image.thumbnail((5000, 5000))
        image = image.convert("L")
    except (UnidentifiedImageError, OSError, Image.DecompressionBombError) as error:
        raise ReadError(
            _("The image %(name)s is damaged and cannot be opened.") % {"name": name}
        ) from error
    warnings.append(
        _("The image was read by optical character recognition: check the text and the numbers.")
    )
    return _ocr(image)
