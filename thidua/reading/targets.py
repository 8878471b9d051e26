"""Finding the targets (chỉ tiêu) of a launch text.

A target is a number with a unit of measure, usually after a comparator word ("đạt 10%",
"khoảng 6,14%", "giảm xuống còn 43.048 hộ"), with the indicator it measures in the noun
phrase before it ("Tốc độ tăng trưởng đạt 10%") or, for a share or a count, after it ("92%
số hộ được sử dụng điện", "4 xã đạt chuẩn nông thôn mới"). Without a comparator word a
number is a target only where targets are listed ("với các chỉ tiêu: …", items "(1)…(20)",
a clause after a colon that lists other targets) or after a verb of doing something
countable ("trồng mới 600 ha rừng"). Numbers that label things (dates, document numbers,
congresses, anniversaries, road numbers), count the document's own parts ("06 nội dung"),
set award quotas or report past results are not targets.

``find_targets(text, year)`` works on the cleaned text; every ``start``/``end`` is a span
of that text.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from .rules import (
    ACTION_RE,
    AWARD_RE,
    COMPARATOR_BEFORE_RE,
    COMPARATOR_WORDS,
    COMPOSITE_RE,
    COUNT_NOT_TARGET,
    FUTURE_CUE_RE,
    NOT_TARGET_BEFORE_RE,
    NUMBER,
    NUMBER_RE,
    PAST_CUE_RE,
    POSTFIX,
    POSTFIX_RE,
    REFERENCE_RE,
    TIME_UNITS,
    UNIT_RE,
    Number,
    _,
    clean_value,
    combine_comparators,
    counted_noun,
    english_grouping,
    is_count_unit,
    lower,
    normalise_unit,
    parse_number,
    scale_factor,
)
from .schema import ReadTarget

# Where an indicator may begin: the end of a sentence or clause, a bracket, an item marker
# "(3)" or "Một là,", or a phrase that opens a sub-clause ("trong đó", "nhất là").
_BOUNDARY_RE = re.compile(
    r"[;:!?\n]|\.(?=\s|$)|\(\d{1,2}\)|(?<![\w])(?:trong\s+đó|nhất\s+là|trọng\s+tâm\s+là"
    r"|đặc\s+biệt\s+là|cụ\s+thể\s+là|bao\s+gồm|như\s+sau|riêng)(?![\w])|[()]"
    r"|^[^\W\d_]+(?:\s+[^\W\d_]+){0,2}\s+là\s*,",
    re.M,
)
# Sub-clauses that narrow the previous target: "…65%, trong đó có bằng cấp… đạt 29%",
# "…giảm 3,1%, riêng các huyện nghèo giảm 4,8%".
_NARROWING_RE = re.compile(r"(?:trong\s+đó|riêng)[\s,:]*$")
_QUALIFIER_START_RE = re.compile(r"^(?:có|các|ở|tại|đối\s+với|với)\s", re.I)
# "(PCI)", "(B/c)": short brackets without digits are part of a name, not a clause.
_SHORT_BRACKET_RE = re.compile(r"\([^()\d\n]{1,25}\)")
# Sentences, for deciding whether a number is a past result.
_SENTENCE_RE = re.compile(r"[!?\n]|\.(?=\s|$)")
# After "chỉ tiêu … :" or "mục tiêu … :" the paragraph lists targets, with or without
# comparator words ("(7) Tỷ lệ lao động qua đào tạo 60%").
_LIST_OPEN_RE = re.compile(r"(?<![\w])(?:chỉ\s+tiêu|mục\s+tiêu)(?![\w])[^.;\n]{0,160}?:")
_COLON_RE = re.compile(r"(?<!\d):(?!\d)")
_BULLET_RE = re.compile(r"\n(?=\s*(?:[-+•–]|\(?\d{1,2}[.)]|[a-zđ]\)))")
_MARKER_LIST_RE = re.compile(r"\(1\)[^\n]*?\(2\)")
_RANGE_RE = re.compile(rf"\s*(?:-|–|—|đến|tới)\s*(?P<num>{NUMBER})(?![\w/:])")
# "năm 2021", or a period that has ended: "giai đoạn 2016 - 2020" (its last year counts).
_YEAR_RE = re.compile(r"(?<![\w])(?:năm|giai\s+đoạn\s+\d{4}\s*[-–]\s*)\s*(\d{4})(?![\w])")
_REFERENCE_IN_RE = re.compile(r"so\s+(?:với|cùng)\s+[^,;.()\n]*")
_LEAD_FILLER_RE = re.compile(
    r"^(?:(?:và|hoặc|trong\s+đó|riêng|đồng\s+thời|phấn\s+đấu|thi\s+đua|cụ\s+thể|như|là|gồm"
    r"|với|các\s+chỉ\s+tiêu(?:\s+chủ\s+yếu)?(?:\s+như)?|đảm\s+bảo|bảo\s+đảm|tiếp\s+tục|đạt"
    r"|(?:trong\s+)?năm(?:\s+\d{4})?|mỗi\s+năm|hằng\s+năm|hàng\s+năm|có|thêm|duy\s+trì"
    r"|đến\s+(?:cuối\s+)?năm\s+\d{4}|toàn\s+(?:tỉnh|huyện|xã|thành\s+phố|ngành))(?![\w])[\s,:]*"
    r"|[-–+•,:\s]+|[^\W\d_]+(?:\s+[^\W\d_]+)?\s+là\s*,\s*)+",
    re.I,
)
_TRAIL_FILLER_RE = re.compile(
    r"(?:[\s,:]*(?<![\w])(?:phấn\s+đấu|đạt|năm\s+\d{4}|trong\s+năm|là|có|ở|mức|thêm|với"
    r"|bình\s+quân|sẽ|cần|phải|duy\s+trì|ổn\s+định|từ|đến|và|cho\s+khoảng)|[-–,:\s]+)+$",
    re.I,
)
_TOTAL_RE = re.compile(
    r"^tổng\s+(?=(?:thu|vốn|kim\s+ngạch|giá\s+trị|sản\s+lượng|số|chi|mức|lượng|diện\s+tích)\b)",
    re.I,
)
_CHANGE_INDICATOR_RE = re.compile(r"^(?:mức\s+)?(giảm|tăng)(?![\w])(?!\s+(?:trưởng|cường))", re.I)
# "Giảm tổng số hộ nghèo xuống còn…", "Nâng tỷ lệ… lên…": the verb belongs to the comparator.
_LEVEL_VERB_RE = re.compile(r"^(?:giảm|hạ|kéo\s+giảm|tăng|nâng)\s+(?=\S)", re.I)
_GAP_RE = re.compile(r"^[\s,;(]*(?:và\s+)?$")
_AND_RE = re.compile(r"^\s*(?:,|và|,\s*và)\s*$")
_AFTER_STOP_RE = re.compile(
    r"(?<![\w])(?:so\s+với|so\s+cùng|trở\s+lên|trở\s+xuống|theo|trước|sau\s+khi|vào"
    r"|trong\s+đó|đến|tới|từ|trên\s+tổng|của\s+kế\s+hoạch|phấn\s+đấu)(?![\w])"
)
_AFTER_END_RE = re.compile(r"[;.:()\n\d!?“”\"]|,")
_PERSON_RE = re.compile(
    r"(?<![\w])(?:trẻ\s+em|trẻ|người|em|học\s+sinh|thanh\s+niên|phụ\s+nữ|cháu|bé|người\s+cao\s+tuổi)"
    r"\s+(?:dưới|trên|từ|đủ)?\s*$"
)
_MAX_INDICATOR_WORDS = 20


class _Doc:
    """The text, its lower-case twin and where clauses, sentences and lists begin, computed
    once per text (every lookup is a binary search, so long texts stay linear)."""

    def __init__(self, text: str):
        self.text = text
        self.low = lower(text)
        inside_short = set()
        for m in _SHORT_BRACKET_RE.finditer(self.low):
            inside_short.update((m.start(), m.end() - 1))
        self.bounds = [
            m.end()
            for m in _BOUNDARY_RE.finditer(self.low)
            if not (m.group() in "()" and m.start() in inside_short)
        ]
        self.sentences = [m.end() for m in _SENTENCE_RE.finditer(self.low)]
        self.lists = _merge(_list_spans(self.low))
        self.list_starts = [s for s, _e in self.lists]
        self.runs = _merge(_colon_runs(self.low))
        self.run_starts = [s for s, _e in self.runs]
        self._run_has_comparator: dict[int, bool] = {}

    def clause_start(self, pos: int) -> int:
        i = bisect.bisect_right(self.bounds, pos) - 1
        return self.bounds[i] if i >= 0 else 0

    def sentence_start(self, pos: int) -> int:
        i = bisect.bisect_right(self.sentences, pos) - 1
        return self.sentences[i] if i >= 0 else 0

    def in_list(self, pos: int) -> bool:
        """Inside a list of targets: announced as such, numbered (1), (2)…, or a clause after
        a colon where another number reads as a target on its own."""
        i = bisect.bisect_right(self.list_starts, pos) - 1
        if i >= 0 and pos < self.lists[i][1]:
            return True
        i = bisect.bisect_right(self.run_starts, pos) - 1
        if i < 0 or pos >= self.runs[i][1]:
            return False
        if i not in self._run_has_comparator:
            self._run_has_comparator[i] = _has_compared_number(self, *self.runs[i])
        return self._run_has_comparator[i]


def _merge(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Overlapping spans as disjoint ones, in order."""
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def _list_spans(low: str) -> list[tuple[int, int]]:
    spans = []
    for m in _LIST_OPEN_RE.finditer(low):
        spans.append((m.end(), _paragraph_end(low, m.end())))
    for m in _MARKER_LIST_RE.finditer(low):
        start = low.rfind("\n", 0, m.start()) + 1
        end = low.find("\n", m.end())
        spans.append((start, len(low) if end < 0 else end))
    return spans


def _paragraph_end(low: str, pos: int) -> int:
    """The end of the paragraph at ``pos``, with the bullets that follow a line ending in a
    colon."""
    end = low.find("\n", pos)
    end = len(low) if end < 0 else end
    if low[pos:end].strip():
        return end
    while end < len(low) and _BULLET_RE.match(low, end):
        nxt = low.find("\n", end + 1)
        end = len(low) if nxt < 0 else nxt
    return end


def _colon_runs(low: str) -> list[tuple[int, int]]:
    runs = []
    for m in _COLON_RE.finditer(low):
        end = _paragraph_end(low, m.end())
        if end > m.end():
            runs.append((m.end(), end))
    return runs


def _has_compared_number(doc: _Doc, start: int, end: int) -> bool:
    """Does a number of this stretch read as a target on its own (a comparator word or a
    verb of doing before it, a unit after it)?"""
    for m in NUMBER_RE.finditer(doc.low, start, end):
        lo = max(start, m.start() - 40)
        cue = COMPARATOR_BEFORE_RE.search(doc.low, lo, m.start()) or ACTION_RE.search(
            doc.low, lo, m.start()
        )
        if cue and UNIT_RE.match(doc.low, m.end()):
            return True
    return False


def _skip_number(doc: _Doc, start: int, end: int) -> bool:
    """Item markers, dates, times and document numbers around a number."""
    text = doc.text
    before = text[start - 1] if start else ""
    after = text[end : end + 2]
    if before == "(" and after[:1] == ")":
        return True  # "(3)"
    line_start = text.rfind("\n", 0, start) + 1
    if not text[line_start:start].strip() and after[:1] in {".", ")", "/"}:
        return True  # "1. Tiếp tục…", "2) …" at the start of a line
    # 09/02/2022, 09:52, 34-CT/TW, 19/CT-TTg
    return bool(re.match(r"[/:]\w|[-–][^\W\d]|\.\d", after))


def _comparators(doc: _Doc, lo: int, pos: int) -> tuple[list[str], int, list[str]]:
    """Comparator words just before ``pos`` (nearest first), where the first one starts, and
    the words as written."""
    found: list[str] = []
    words: list[str] = []
    start = pos
    window_lo = max(lo, pos - 80)
    while True:
        m = COMPARATOR_BEFORE_RE.search(doc.low, window_lo, start)
        if not m:
            break
        word = re.sub(r"\s+", " ", m.group("comp"))
        found.append(COMPARATOR_WORDS[word])
        words.append(word)
        start = m.start()
    return found, start, words


def _after_phrase(doc: _Doc, pos: int, counted: bool) -> tuple[str, int]:
    """What a share or a count is of: "92% [số hộ được sử dụng điện lưới quốc gia]". A count
    may go on past a comma when no other number follows in the clause ("02 sáng kiến, giải
    pháp cải tiến kỹ thuật được công nhận")."""
    low = doc.low
    m = re.match(r"[ \t]+(?=[^\W\d_])", low[pos : pos + 2])
    if not m and counted and low[pos : pos + 1] == ",":
        # "02 sáng kiến, giải pháp cải tiến kỹ thuật được công nhận;"
        clause_end = re.search(r"[;.:\n]|$", low[pos + 1 :]).start() + pos + 1
        if not re.search(r"\d", low[pos:clause_end]) and re.match(r",\s*[^\W\d_]", low[pos:]):
            m = re.match(r",\s*", low[pos:])
    if not m:
        return "", pos
    begin = pos + m.end()
    end = begin
    while True:
        end_m = _AFTER_END_RE.search(low, end)
        end = end_m.start() if end_m else len(low)
        if not (end_m and end_m.group() == ","):
            break
        # Go on past the comma while the next piece has no number of its own.
        piece_end = re.search(r"[,;.:\n]|$", low[end + 1 :]).start() + end + 1
        if re.search(r"\d", low[end + 1 : piece_end]):
            break
        end += 1
    stop = _AFTER_STOP_RE.search(low, begin, end)
    if stop:
        end = stop.start()
    at_number = end < len(low) and low[end].isdigit()
    label = NOT_TARGET_BEFORE_RE.search(low, begin, end) if at_number else None
    comparator = COMPARATOR_BEFORE_RE.search(low, begin, label.start() if label else end)
    if label:
        # "…số người chết do tai nạn giao thông [trên cả] 3 tiêu chí": a count, not a target.
        end = comparator.start() if comparator else label.start()
    elif comparator or at_number:
        # The words before the next number are its indicator, not this one's:
        # "20.000 tỷ đồng và tỷ lệ giải ngân đạt trên 95%", "5,2 km đường… và 1,8 km".
        end = comparator.start() if comparator else end
        cut = max(low.rfind(" và ", begin, end), low.rfind(",", begin, end))
        if cut >= 0:
            end = cut
        elif comparator:
            end = begin
    raw = re.sub(
        r"(?:(?:^|\s+)(?:và|hoặc|cho|của|với|là))+\s*$", "", doc.text[begin:end].rstrip(" ,-–")
    )
    if doc.text[begin - 2 : begin].strip() == "," and raw:
        raw = ", " + raw
        begin -= 2
    words = raw.split()
    if len(words) > 14:
        words = words[:14]
        raw = " ".join(words)
    return (raw, begin + len(raw)) if raw else ("", pos)


def _trim(indicator: str) -> str:
    indicator = re.sub(r"\s+", " ", indicator).strip()
    for _round in range(3):
        indicator = _LEAD_FILLER_RE.sub("", indicator)
        indicator = _TRAIL_FILLER_RE.sub("", indicator)
        indicator = _TOTAL_RE.sub("", indicator)
    indicator = indicator.strip(" ,;:-–")
    if indicator.count("(") != indicator.count(")"):
        indicator = indicator.replace("(", "").replace(")", "").strip()
    words = indicator.split()
    if len(words) > _MAX_INDICATOR_WORDS:
        # A run-on clause: keep what follows its last comma, or its last words.
        cut = indicator.rfind(",")
        indicator = indicator[cut + 1 :].strip() if cut > 0 else " ".join(words[-12:])
    return indicator[:1].upper() + indicator[1:] if indicator else ""


def _is_past(doc: _Doc, lo: int, pos: int, year: int | None) -> bool:
    """A result already reached ("Năm 2022, huyện đã hoàn thành…", "kết quả…", "theo báo
    cáo…"), not a goal. What a reference says ("so với ước thực hiện năm 2021") is ignored."""
    segment = _REFERENCE_IN_RE.sub(lambda m: " " * len(m.group()), doc.low[lo:pos])
    past = [m.start() for m in PAST_CUE_RE.finditer(segment)]
    future = [m.start() for m in FUTURE_CUE_RE.finditer(segment)]
    if past and (not future or past[-1] > future[-1]):
        return True
    if year:
        for m in _YEAR_RE.finditer(segment):
            if int(m.group(1)) < year and (not future or future[-1] < m.start()):
                return True
    return False


@dataclass
class _Quantity:
    """A number as written, with its range, unit and where the quantity ends."""

    raw: str
    number: Number
    value: float
    value_max: float | None
    unit: str | None
    end: int


def _quantity(doc: _Doc, m: re.Match) -> _Quantity:
    """Read the quantity that starts with the number ``m``: a composite amount ("12.739 tỷ
    600 triệu đồng"), a range ("6,5–7%", "6,5% - 7%", "từ 6,5 đến 7%") or one number, and its
    unit."""
    low = doc.low
    number = parse_number(m.group())
    quantity = _Quantity(m.group(), number, number.value, None, None, m.end())
    comp = COMPOSITE_RE.match(low, m.end())
    if comp:
        small = parse_number(comp.group("num")).value
        big, little = comp.group("big"), comp.group("small")
        quantity.value += small * scale_factor(little) / scale_factor(big)
        quantity.unit = normalise_unit(big + (comp.group("rest") or " đồng"))
        quantity.end = comp.end()
        return quantity
    um = UNIT_RE.match(low, m.end())
    if um:
        quantity.unit = normalise_unit(um.group("unit"))
        quantity.end = um.end()
    rm = _RANGE_RE.match(low, quantity.end)
    if rm and not _skip_number(doc, rm.start("num"), rm.end("num")):
        um2 = UNIT_RE.match(low, rm.end())
        unit2 = normalise_unit(um2.group("unit")) if um2 else None
        high = parse_number(rm.group("num")).value
        compatible = quantity.unit is None or unit2 in (None, quantity.unit)
        if compatible and (unit2 or quantity.unit) and high > quantity.value:
            quantity.value_max = high
            quantity.unit = quantity.unit or unit2
            quantity.end = um2.end() if um2 else rm.end()
    return quantity


def _ambiguity(q: _Quantity) -> tuple[float, str | None]:
    """The value of a number written with an ambiguous mark, and the warning to give."""
    raw, unit = q.raw, q.unit or ""
    if q.number.ambiguous and "," in raw and is_count_unit(unit):
        grouped = english_grouping(raw)
        if grouped is not None:
            return grouped, _(
                "“%(raw)s %(unit)s” was read as %(value)s (a count cannot be a fraction)."
            ) % {"raw": raw, "unit": unit, "value": clean_value(grouped)}
    elif q.number.ambiguous and "." in raw and "," not in raw:
        return q.value, _(
            "“%(raw)s” was read with a decimal point; Vietnamese writes “%(vn)s”."
        ) % {"raw": raw, "vn": raw.replace(".", ",")}
    return q.value, None


def find_targets(
    text: str, year: int | None = None, skip: tuple[int, int] | None = None
) -> tuple[list[ReadTarget], list[str]]:
    """The targets of ``text`` (cleaned) and warnings about numbers that looked like targets
    but could not be read. ``year`` is the year the movement is for: a figure for an earlier
    year ("năm 2021 đạt…") is a past result. ``skip`` is a span not to read (a news headline
    rounds the figures of its article)."""
    doc = _Doc(text)
    low = doc.low
    targets: list[ReadTarget] = []
    warnings: list[str] = []
    consumed = 0  # numbers before this offset belong to a target already read
    prev: ReadTarget | None = None
    prev_end = 0
    for m in NUMBER_RE.finditer(low):
        start = m.start()
        if start < consumed or _skip_number(doc, start, m.end()):
            continue
        if skip and skip[0] <= start < skip[1]:
            continue
        if m.end() < len(low) and low[m.end()].isalnum() and not UNIT_RE.match(low, m.end()):
            continue  # "925B", "2a"
        q = _quantity(doc, m)
        clause = doc.clause_start(start)
        lo = max(clause, prev_end)
        found, comp_start, comp_words = _comparators(doc, lo, start)
        if not found and NOT_TARGET_BEFORE_RE.search(low, max(clause, start - 20), start):
            consumed = q.end  # "Chỉ thị số 19", "lần thứ 13", "Đường tỉnh 927", "cả 3"
            continue
        if not found:
            # "giảm tỷ suất sinh thô 0,2‰", "mức giảm tỷ lệ hộ nghèo 3,1%": the change verb
            # opens the clause.
            ch = _CHANGE_INDICATOR_RE.match(_trim(text[lo:start]))
            if ch:
                found = ["giam" if ch.group(1).lower() == "giảm" else "tang"]
        verdict = _verdict(doc, q, start, lo, clause, found, comp_start, year)
        if verdict == "label":
            consumed = q.end
        if verdict == "unitless":
            warnings.append(
                _("Looked like a target but no unit of measure was found: “%(raw)s”.")
                % {"raw": text[comp_start : m.end()].strip()}
            )
        if verdict != "target":
            continue
        assert q.unit is not None
        value, warning = _ambiguity(q)
        if warning:
            warnings.append(warning)
        # What follows the unit, then a postfix comparator ("95% trở lên") and a reference.
        noun = counted_noun(q.unit)
        post = POSTFIX_RE.match(low, q.end)  # "5% trở lên số người chết…"
        after, after_end = _after_phrase(doc, post.end() if post else q.end, bool(noun))
        if not post:
            post = POSTFIX_RE.match(low, max(q.end, after_end))
        comparator = combine_comparators(found)
        if post:
            if comparator in (None, "dat"):
                comparator = POSTFIX[post.group("post")]
            after_end = max(after_end, post.end())
        ref_m = REFERENCE_RE.match(text, max(q.end, after_end))
        # The indicator: the noun phrase before the comparator, completed by what is
        # counted and what follows ("đào tạo nghề cho" + "lao động").
        before_text = text[lo:comp_start]
        digit = re.search(r"\d(?!.*\d)", before_text, re.S)
        if digit:
            # "Diện tích lúa 45.000 ha, năng suất đạt…": the indicator starts after the
            # last number of the clause.
            cut = re.search(r",|\svà\s", before_text[digit.end() :])
            if cut:
                lo += digit.end() + cut.end()
                before_text = text[lo:comp_start]
        before = _trim(before_text)
        if comp_words and comp_words[0] in {"xuống còn", "xuống", "xuống dưới", "lên", "còn"}:
            before = _trim(_LEVEL_VERB_RE.sub("", before))
        narrowing = (
            prev is not None
            and prev_end >= clause - 14
            and bool(_NARROWING_RE.search(low, max(0, clause - 12), clause))
        )
        indicator = _indicator(
            low, before_text, before, after, noun, q.unit, prev, prev_end, comp_start, narrowing
        )
        if not found and prev is not None and _AND_RE.match(low[prev_end:start]):
            comparator = prev.comparator  # "đạt 12 bác sĩ/vạn dân và 33 giường bệnh/vạn dân"
        # The span: from the indicator (or comparator) to the unit, postfix or reference.
        span_start = comp_start
        if before:
            found_at = before_text.lower().find(before.lower()[:12])
            if found_at >= 0:
                span_start = lo + found_at
        span_end = max(q.end, after_end, ref_m.end("ref") if ref_m else q.end)
        span_start = min(span_start, start)
        while span_start < start and text[span_start] in " ,;:-–(":
            span_start += 1
        target = ReadTarget(
            indicator=indicator or _("(indicator not found)"),
            value=clean_value(value),
            value_max=clean_value(q.value_max) if q.value_max is not None else None,
            unit=q.unit,
            comparator=comparator,
            reference=ref_m.group("ref").strip() if ref_m else None,
            raw=text[span_start:span_end],
            start=span_start,
            end=span_end,
        )
        targets.append(target)
        prev, prev_end, consumed = target, span_end, span_end
    return targets, warnings


def _verdict(
    doc: _Doc,
    q: _Quantity,
    start: int,
    lo: int,
    clause: int,
    found: list[str],
    comp_start: int,
    year: int | None,
) -> str:
    """Is this quantity a target ("target"), a label or a count of the document's parts
    whose number must not be read again ("label"), a comparator followed by a number
    without a unit ("unitless"), or something else ("no")?"""
    low = doc.low
    if q.unit is None:
        is_year = q.number.integer_text and 1900 <= q.value <= 2100
        return "unitless" if found and not is_year and doc.in_list(start) else "no"
    if q.unit in COUNT_NOT_TARGET:
        return "label"  # "06 nội dung", "18 chỉ tiêu", "kỷ niệm 70 năm", "20 tập thể"
    if q.unit in TIME_UNITS and (not found or _PERSON_RE.search(low, lo, comp_start)):
        return "no"  # "trong 4 tháng đầu năm", "trẻ em dưới 5 tuổi"
    if AWARD_RE.search(low, max(clause, start - 200), start):
        return "no"  # an award quota
    if not found and q.value_max is None and not doc.in_list(start):
        # Without a comparator, a goal needs a verb of doing or "… trở lên"; a range
        # ("từ 6,5 đến 7%") is one by itself.
        post = POSTFIX_RE.match(low, q.end)
        if not post and not ACTION_RE.search(low, max(lo, start - 60), start):
            return "no"
    if _is_past(doc, max(doc.sentence_start(start), start - 400), start, year):
        return "no"
    return "target"


def _indicator(
    low: str,
    before_text: str,
    before: str,
    after: str,
    noun: str | None,
    unit: str,
    prev: ReadTarget | None,
    prev_end: int,
    comp_start: int,
    narrowing: bool,
) -> str:
    """The indicator of a target from the words before it, the thing counted and the words
    after it; a bare "…, tăng 50,49%" after a target measures the same thing."""
    if prev is not None and not before and not after:
        gap_only = _GAP_RE.match(low[prev_end:comp_start])
        if gap_only and (not noun or unit == prev.unit):
            return prev.indicator  # "…đạt 2.316 tỷ đồng, tăng 50,49% so với năm 2021"
    parts = [before]
    if noun and "/" in unit:
        noun = unit  # "bác sĩ/vạn dân"
    if noun and noun.lower() not in before.lower():
        parts.append(noun)
    parts.append(after)
    indicator = _trim(" ".join(p for p in parts if p).replace(" , ", ", "))
    if narrowing and prev is not None:
        raw_before = re.sub(r"\s+", " ", before_text).strip(" ,:")
        if not raw_before:
            # "100% cán bộ…, trong đó ít nhất 70% hoàn thành tốt nhiệm vụ"
            return _trim(f"{prev.indicator} {after}") if after else prev.indicator
        if _QUALIFIER_START_RE.match(raw_before):
            # "tỷ lệ lao động qua đào tạo … trong đó có bằng cấp, chứng chỉ"
            return _trim(f"{prev.indicator} {raw_before[:1].lower()}{raw_before[1:]}")
    return indicator
