"""What reading a launch document gives: the JSON schema of issue 4, as dataclasses.

``Reading.to_json()`` is exactly the schema the command line prints and the tests' gold
files hold. ``Reading.text`` is the cleaned text the spans (``start``/``end``) point into;
it is not part of the JSON.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field

DOC_TYPES = ("chi_thi", "ke_hoach", "quyet_dinh", "tin_bai", "khac")
COMPARATORS = ("dat", "khoang", "tren", "duoi", "toi_thieu", "khong_qua", "tang", "giam")


@dataclass
class ReadTarget:
    indicator: str
    value: float | None
    value_max: float | None = None
    unit: str | None = None
    comparator: str | None = None
    reference: str | None = None
    raw: str = ""
    start: int = 0
    end: int = 0


@dataclass
class Responsible:
    agency: str
    task: str


@dataclass
class Reading:
    doc_type: str = "khac"
    issuer: str | None = None
    locality: str | None = None
    year: int | None = None
    document_number: str | None = None
    signed_on: str | None = None  # ISO date
    signer: str | None = None
    title: str | None = None
    theme: str | None = None
    motto: str | None = None
    contents: list[str] = field(default_factory=list)
    targets: list[ReadTarget] = field(default_factory=list)
    responsible: list[Responsible] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    # Not in the JSON: the cleaned text that ``start``/``end`` point into, and where each
    # field other than the targets was found ({field: [(start, end), …]}).
    text: str = field(default="", repr=False)
    spans: dict[str, list[tuple[int, int]]] = field(default_factory=dict, repr=False)

    def to_json(self) -> dict:
        data = asdict(self)
        data.pop("text")
        data.pop("spans")
        return data
