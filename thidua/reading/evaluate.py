"""How well the reader reads: scores ``read_text`` against the hand-labelled texts.

The labelled set lives in ``tests/reading/``: ``texts/<name>.txt`` and, for each, the answer
key ``gold/<name>.json`` in the schema of ``Reading.to_json()`` (targets without
``raw``/``start``/``end``). ``make eval-reading`` runs :func:`main`, which prints one line per
document and the overall figures.

Targets. A predicted target matches a gold one when

* the values agree (and ``value_max`` too), after the unit's leading scale word is folded into
  the value: "3,2 triệu lượt khách" is 3 200 000 "lượt khách", "250 nghìn tấn" is 250 000
  "tấn", so a reader may keep the scale in the unit or in the value;
* the units agree after light normalisation (case, spaces around "/", "1 vạn" → "vạn",
  "tỉ" → "tỷ", "ngàn" → "nghìn", "VNĐ" → "đồng", "phần trăm" → "%");
* the comparators are equal (``None`` matches only ``None``);
* the indicators overlap: at least half of the gold indicator's *content words* appear in
  the predicted indicator. Content words are the folded words (lower case, tone marks placed
  one way, punctuation dropped, common abbreviations such as UBND expanded; diacritics
  kept) minus numbers and a short list of function words (các, của, và, đạt, khoảng, tối
  thiểu…). A gold indicator with no content word overlaps anything.

Each gold target matches at most one prediction and vice versa (a maximum bipartite
matching, so the order of the targets does not matter). Precision, recall and F1 follow; a
document with no gold and no predicted target scores 1.

Fields. issuer, signer, theme, document_number (and, for :func:`compare_reading`, every other
text field) are equal when their folded forms are equal; ``null`` equals only ``null``. A gold
file may list equally correct spellings under ``"_alternatives": {field: [...]}``. The year
is compared as a number; contents by their count (and, in :func:`compare_reading`, each gold
item's first words must open the predicted item at the same position).
"""

from __future__ import annotations

import argparse
import json
import math
import os
import re
import sys
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

DEFAULT_DIR = Path(__file__).resolve().parents[2] / "tests" / "reading"

# The fields whose accuracy is reported for every document (issue 4, "Accuracy, measured").
ACCURACY_FIELDS = ("issuer", "year", "signer", "theme", "document_number", "contents")
TEXT_FIELDS = (
    "issuer",
    "locality",
    "document_number",
    "signer",
    "title",
    "theme",
    "motto",
)
INDICATOR_OVERLAP = 0.5
CONTENT_PREFIX_WORDS = 6

# Abbreviations written either way in the same kind of document.
_ABBREVIATIONS = {
    "ubnd": "ủy ban nhân dân",
    "hđnd": "hội đồng nhân dân",
    "mttq": "mặt trận tổ quốc",
    "ubmttq": "ủy ban mặt trận tổ quốc",
    "tp": "thành phố",
    "tw": "trung ương",
    "tđkt": "thi đua khen thưởng",
}
# Function words that carry no meaning of their own in an indicator. Diacritics are kept:
# without them "đầu tư" would fold onto "(phấn) đấu" and "từ".
_STOPWORDS = frozenset(
    re.findall(
        r"\S+",
        "các của và trong trên dưới với cho được những mỗi là có theo tại đến từ về ở để đạt "
        "khoảng số năm một hoặc hơn ít nhất tối thiểu không quá phấn đấu còn lên trở",
    )
)
# Old and new placement of the tone mark in an open syllable ("hoá"/"hóa", "thuỷ"/"thủy")
# spell the same word; "toàn", "quý" are the same either way.
_OLD_TONE_PLACEMENT = re.compile(r"(?<!q)(o[àáảãạèéẻẽẹ]|u[ỳýỷỹỵ])(?!\w)")


def _new_tone_placement(match: re.Match) -> str:
    first, second = match.group(1)
    base, mark = unicodedata.normalize("NFD", second)
    return unicodedata.normalize("NFC", first + mark) + base


_SCALES = {"nghìn": 1e3, "triệu": 1e6, "tỷ": 1e9}
_UNIT_WORDS = {
    "tỉ": "tỷ",
    "ngàn": "nghìn",
    "vnđ": "đồng",
    "vnd": "đồng",
    "đ": "đồng",
    "m2": "m²",
}


# ------------------------------------------------------------------ normalisation


def fold(text: str | None) -> str:
    """Lower case, tone marks placed one way, no punctuation, abbreviations expanded, single
    spaces. Diacritics stay: they tell Vietnamese words apart."""
    if not text:
        return ""
    text = unicodedata.normalize("NFC", text).casefold()
    text = _OLD_TONE_PLACEMENT.sub(_new_tone_placement, text)
    words = re.sub(r"[^\w]+|_", " ", text).split()
    return " ".join(_ABBREVIATIONS.get(w, w) for w in words)


def content_words(text: str | None) -> set[str]:
    return {w for w in fold(text).split() if w not in _STOPWORDS and not w.isdigit()}


def indicator_overlaps(gold: str | None, predicted: str | None) -> bool:
    """At least half of the gold indicator's content words appear in the predicted one."""
    wanted = content_words(gold)
    if not wanted:
        return True
    return len(wanted & content_words(predicted)) / len(wanted) >= INDICATOR_OVERLAP


def normalise_quantity(value: float | None, unit: str | None) -> tuple[float | None, str]:
    """Fold the unit's leading scale words into the value and lightly normalise the unit."""
    text = unicodedata.normalize("NFC", unit or "").strip().lower()
    text = text.replace("phần trăm", "%")
    text = re.sub(r"\s*/\s*", "/", text)
    text = re.sub(r"/1\s+", "/", text)  # "bác sĩ/1 vạn dân" is "bác sĩ/vạn dân"
    words = [_UNIT_WORDS.get(w, w) for w in text.split()]
    scale = 1.0
    while len(words) > 1 and words[0] in _SCALES:
        scale *= _SCALES[words.pop(0)]
    if value is not None:
        value = float(value) * scale
    return value, " ".join(words)


def _same_number(a: float | None, b: float | None) -> bool:
    if a is None or b is None:
        return a is None and b is None
    return math.isclose(a, b, rel_tol=1e-9, abs_tol=1e-9)


def _number(value: Any) -> float | None:
    if value is None or value == "":
        return None
    try:
        return float(value)
    except (TypeError, ValueError):
        return None


def target_matches(gold: dict, predicted: dict) -> bool:
    """Value (and value_max), unit and comparator agree, and the indicators overlap."""
    gold_value, gold_unit = normalise_quantity(_number(gold.get("value")), gold.get("unit"))
    pred_value, pred_unit = normalise_quantity(
        _number(predicted.get("value")), predicted.get("unit")
    )
    gold_max, _ = normalise_quantity(_number(gold.get("value_max")), gold.get("unit"))
    pred_max, _ = normalise_quantity(_number(predicted.get("value_max")), predicted.get("unit"))
    return (
        _same_number(gold_value, pred_value)
        and _same_number(gold_max, pred_max)
        and gold_unit == pred_unit
        and (gold.get("comparator") or None) == (predicted.get("comparator") or None)
        and indicator_overlaps(gold.get("indicator"), predicted.get("indicator"))
    )


def match_targets(gold: Sequence[dict], predicted: Sequence[dict]) -> list[tuple[int, int]]:
    """The largest set of (gold index, predicted index) pairs, each target used once."""
    candidates = [[j for j, pred in enumerate(predicted) if target_matches(g, pred)] for g in gold]
    owner: dict[int, int] = {}  # predicted index -> gold index

    def augment(i: int, seen: set[int]) -> bool:
        for j in candidates[i]:
            if j in seen:
                continue
            seen.add(j)
            if j not in owner or augment(owner[j], seen):
                owner[j] = i
                return True
        return False

    for i in range(len(gold)):
        augment(i, set())
    return sorted((i, j) for j, i in owner.items())


def text_equal(gold: str | None, predicted: str | None, alternatives: Iterable[str] = ()) -> bool:
    """Folded equality; ``None`` (or an empty string) equals only ``None``."""
    predicted = predicted or None
    if gold is None:
        return predicted is None
    if predicted is None:
        return False
    return any(fold(g) == fold(predicted) for g in (gold, *alternatives))


def _year(value: Any) -> int | None:
    try:
        return int(value) if value not in (None, "") else None
    except (TypeError, ValueError):
        return None


def field_correct(name: str, gold: dict, predicted: dict) -> bool:
    """Is one of the ACCURACY_FIELDS right? (contents: the number of items)"""
    if name == "year":
        return _year(gold.get("year")) == _year(predicted.get("year"))
    if name == "contents":
        return len(gold.get("contents") or []) == len(predicted.get("contents") or [])
    alternatives = (gold.get("_alternatives") or {}).get(name, ())
    return text_equal(gold.get(name), predicted.get(name), alternatives)


def _content_opens(gold_item: str, predicted_item: str) -> bool:
    """The gold item's first words appear, in order, near the start of the predicted item
    (an ordinal such as "Một là," or "1." before them is tolerated)."""
    head = fold(gold_item).split()[:CONTENT_PREFIX_WORDS]
    words = fold(predicted_item).split()
    window = words[: len(head) + 4]
    return any(window[k : k + len(head)] == head for k in range(len(window) - len(head) + 1))


def _agencies_cover(these: Sequence[dict], those: Sequence[dict]) -> list[str]:
    """Agencies of ``these`` that no agency of ``those`` overlaps (either way round)."""
    missing = []
    for item in these:
        agency = item.get("agency") or ""
        if not any(
            indicator_overlaps(agency, other.get("agency"))
            or indicator_overlaps(other.get("agency"), agency)
            for other in those
        ):
            missing.append(agency)
    return missing


def compare_reading(gold: dict, predicted: dict) -> list[str]:
    """Every disagreement between a reading and its gold, one line each (empty: all right).

    Checks doc_type, year, signed_on, the text fields, contents (count and openings), targets
    (matched one to one, none missing or extra, references equal) and responsible agencies
    (each gold agency found, each predicted agency a gold one). Warnings are not compared.
    """
    problems: list[str] = []
    alternatives = gold.get("_alternatives") or {}
    if gold.get("doc_type") != predicted.get("doc_type"):
        problems.append(
            f"doc_type: want {gold.get('doc_type')!r}, got {predicted.get('doc_type')!r}"
        )
    if _year(gold.get("year")) != _year(predicted.get("year")):
        problems.append(f"year: want {gold.get('year')!r}, got {predicted.get('year')!r}")
    if (gold.get("signed_on") or None) != (predicted.get("signed_on") or None):
        problems.append(
            f"signed_on: want {gold.get('signed_on')!r}, got {predicted.get('signed_on')!r}"
        )
    for name in TEXT_FIELDS:
        if not text_equal(gold.get(name), predicted.get(name), alternatives.get(name, ())):
            problems.append(f"{name}: want {gold.get(name)!r}, got {predicted.get(name)!r}")

    gold_contents = gold.get("contents") or []
    pred_contents = predicted.get("contents") or []
    if len(gold_contents) != len(pred_contents):
        problems.append(f"contents: want {len(gold_contents)} items, got {len(pred_contents)}")
    else:
        for n, (g, p) in enumerate(zip(gold_contents, pred_contents, strict=True), start=1):
            if not _content_opens(g, p):
                problems.append(f"contents[{n}]: want {g[:60]!r}…, got {p[:60]!r}…")

    gold_targets = gold.get("targets") or []
    pred_targets = predicted.get("targets") or []
    pairs = match_targets(gold_targets, pred_targets)
    matched_gold = {i for i, _ in pairs}
    matched_pred = {j for _, j in pairs}
    for i, target in enumerate(gold_targets):
        if i not in matched_gold:
            problems.append(f"target missing: {describe_target(target)}")
    for j, target in enumerate(pred_targets):
        if j not in matched_pred:
            problems.append(f"target extra: {describe_target(target)}")
    for i, j in pairs:
        want, got = gold_targets[i].get("reference"), pred_targets[j].get("reference")
        if not text_equal(want, got):
            problems.append(
                f"target reference: {describe_target(gold_targets[i])}: want {want!r}, got {got!r}"
            )

    gold_resp = gold.get("responsible") or []
    pred_resp = predicted.get("responsible") or []
    for agency in _agencies_cover(gold_resp, pred_resp):
        problems.append(f"responsible missing: {agency!r}")
    for agency in _agencies_cover(pred_resp, gold_resp):
        problems.append(f"responsible extra: {agency!r}")
    return problems


def describe_target(target: dict) -> str:
    value = target.get("value")
    if target.get("value_max") is not None:
        value = f"{value}–{target['value_max']}"
    parts = [target.get("comparator") or "", str(value), target.get("unit") or ""]
    text = " ".join(p for p in parts if p)
    return f"{target.get('indicator')!r} {text}"


# ------------------------------------------------------------------ the labelled set


@dataclass
class Labelled:
    name: str
    text: str
    gold: dict


def load_labelled(directory: Path | str = DEFAULT_DIR) -> list[Labelled]:
    """The texts of ``directory/texts`` with their gold labels, by name."""
    directory = Path(directory)
    items = []
    for path in sorted((directory / "texts").glob("*.txt")):
        gold_path = directory / "gold" / f"{path.stem}.json"
        if not gold_path.exists():
            raise FileNotFoundError(f"{path.name} has no gold label ({gold_path})")
        items.append(
            Labelled(
                name=path.stem,
                text=path.read_text(encoding="utf-8"),
                gold=json.loads(gold_path.read_text(encoding="utf-8")),
            )
        )
    return items


# ------------------------------------------------------------------ scoring


def prf(tp: int, n_gold: int, n_pred: int) -> tuple[float, float, float]:
    """Precision, recall, F1; nothing predicted and nothing expected is perfect."""
    precision = tp / n_pred if n_pred else 1.0
    recall = tp / n_gold if n_gold else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


@dataclass
class DocumentScore:
    name: str
    gold: dict
    predicted: dict
    pairs: list[tuple[int, int]]
    fields: dict[str, bool]
    error: str | None = None

    @property
    def n_gold(self) -> int:
        return len(self.gold.get("targets") or [])

    @property
    def n_pred(self) -> int:
        return len(self.predicted.get("targets") or [])

    @property
    def tp(self) -> int:
        return len(self.pairs)

    @property
    def prf(self) -> tuple[float, float, float]:
        return prf(self.tp, self.n_gold, self.n_pred)

    def missed(self) -> list[dict]:
        matched = {i for i, _ in self.pairs}
        return [t for i, t in enumerate(self.gold.get("targets") or []) if i not in matched]

    def extra(self) -> list[dict]:
        matched = {j for _, j in self.pairs}
        return [t for j, t in enumerate(self.predicted.get("targets") or []) if j not in matched]


@dataclass
class Report:
    documents: list[DocumentScore] = field(default_factory=list)

    @property
    def tp(self) -> int:
        return sum(d.tp for d in self.documents)

    @property
    def n_gold(self) -> int:
        return sum(d.n_gold for d in self.documents)

    @property
    def n_pred(self) -> int:
        return sum(d.n_pred for d in self.documents)

    @property
    def prf(self) -> tuple[float, float, float]:
        """Micro-averaged over all targets of all documents."""
        return prf(self.tp, self.n_gold, self.n_pred)

    def accuracy(self, name: str) -> float:
        if not self.documents:
            return 0.0
        return sum(d.fields[name] for d in self.documents) / len(self.documents)

    def document(self, name: str) -> DocumentScore:
        return next(d for d in self.documents if d.name == name)

    @property
    def errors(self) -> list[str]:
        return [f"{d.name}: {d.error}" for d in self.documents if d.error]


def as_json(reading: Any) -> dict:
    """A reader may return a ``Reading`` or already its JSON dict."""
    if hasattr(reading, "to_json"):
        return reading.to_json()
    if isinstance(reading, dict):
        return reading
    raise TypeError(f"the reader returned {type(reading).__name__}, not a Reading")


def score_document(
    name: str, gold: dict, predicted: dict, error: str | None = None
) -> DocumentScore:
    return DocumentScore(
        name=name,
        gold=gold,
        predicted=predicted,
        pairs=match_targets(gold.get("targets") or [], predicted.get("targets") or []),
        # A document the reader failed on earns no field, not even the empty ones.
        fields={f: error is None and field_correct(f, gold, predicted) for f in ACCURACY_FIELDS},
        error=error,
    )


def evaluate(
    reader: Callable[[str], Any] | None = None,
    directory: Path | str = DEFAULT_DIR,
    labelled: Sequence[Labelled] | None = None,
) -> Report:
    """Read every labelled text with ``reader`` (default ``thidua.reading.read_text``) and score it.

    A document the reader fails on scores as an empty reading, with the error recorded.
    """
    if reader is None:
        from . import read_text as reader
    report = Report()
    for item in load_labelled(directory) if labelled is None else labelled:
        error = None
        try:
            predicted = as_json(reader(item.text))
        except Exception as exc:  # one bad document must not hide the others' scores
            predicted, error = {}, f"{type(exc).__name__}: {exc}"
        report.documents.append(score_document(item.name, item.gold, predicted, error))
    return report


# ------------------------------------------------------------------ printing

_FIELD_HEADS = {
    "issuer": "issuer",
    "year": "year",
    "signer": "signer",
    "theme": "theme",
    "document_number": "number",
    "contents": "contents",
}


def format_report(report: Report, verbose: bool = False) -> str:
    heads = [_FIELD_HEADS[f] for f in ACCURACY_FIELDS]
    name_width = max([len("document"), *(len(d.name) for d in report.documents)])
    header = f"{'document':<{name_width}}  gold  pred    tp      P      R     F1  " + "  ".join(
        f"{h:>{max(len(h), 4)}}" for h in heads
    )
    lines = [header, "-" * len(header)]
    for doc in report.documents:
        p, r, f1 = doc.prf
        marks = "  ".join(
            f"{('✓' if doc.fields[f] else '✗'):>{max(len(h), 4)}}"
            for f, h in zip(ACCURACY_FIELDS, heads, strict=True)
        )
        lines.append(
            f"{doc.name:<{name_width}}  {doc.n_gold:>4}  {doc.n_pred:>4}  {doc.tp:>4}  "
            f"{p:5.2f}  {r:5.2f}  {f1:5.2f}  {marks}"
        )
        if doc.error:
            lines.append(f"    error: {doc.error}")
        if verbose:
            lines.extend(f"    missed: {describe_target(t)}" for t in doc.missed())
            lines.extend(f"    extra:  {describe_target(t)}" for t in doc.extra())
            for f in ACCURACY_FIELDS:
                if not doc.fields[f]:
                    want, got = doc.gold.get(f), doc.predicted.get(f)
                    if f == "contents":
                        want, got = len(want or []), len(got or [])
                    lines.append(f"    {f}: want {want!r}, got {got!r}")
    lines.append("-" * len(header))
    p, r, f1 = report.prf
    accuracy = "  ".join(
        f"{report.accuracy(f):>{max(len(h), 4)}.2f}"
        for f, h in zip(ACCURACY_FIELDS, heads, strict=True)
    )
    lines.append(
        f"{'overall':<{name_width}}  {report.n_gold:>4}  {report.n_pred:>4}  {report.tp:>4}  "
        f"{p:5.2f}  {r:5.2f}  {f1:5.2f}  {accuracy}"
    )
    lines.append(
        f"{len(report.documents)} documents, {report.n_gold} gold targets; "
        f"target precision {p:.3f}, recall {r:.3f}, F1 {f1:.3f}"
    )
    return "\n".join(lines)


def _setup_django() -> None:
    """The reader's messages go through gettext, which needs configured settings."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "thidua.settings")
    import django

    django.setup()


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m thidua.reading.evaluate",
        description="Score the reader against the hand-labelled texts.",
    )
    parser.add_argument(
        "--dir", type=Path, default=DEFAULT_DIR, help="folder holding texts/ and gold/"
    )
    parser.add_argument(
        "-v", "--verbose", action="store_true", help="list missed and extra targets, wrong fields"
    )
    parser.add_argument(
        "--min-f1", type=float, default=None, help="exit with status 1 below this target F1"
    )
    args = parser.parse_args(argv)
    _setup_django()
    report = evaluate(directory=args.dir)
    print(format_report(report, verbose=args.verbose))
    if args.min_f1 is not None and report.prf[2] < args.min_f1:
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
