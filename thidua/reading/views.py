"""Reading a launch document into a draft movement: upload or paste → review → confirm.

The upload page reads the document (:func:`thidua.reading.read_document` /
:func:`~thidua.reading.read_text`) and keeps what was read, with the uploaded file, in a
private temporary store (``storages["private"]`` under ``reading/<user>/<token>/``);
nothing is created in the database. The review page shows the text with every item read
highlighted beside the movement as an editable form; only its confirmation creates the
draft movement, its contents, targets and responsibilities, and attaches the document,
in one transaction. A token is confirmed at most once.
"""

from __future__ import annotations

import json
import logging
import re
import secrets
from dataclasses import dataclass
from datetime import date, timedelta
from itertools import pairwise

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.base import ContentFile
from django.core.files.storage import storages
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.html import escape, format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods

import thidua.reading as reading_api
from thidua.core.text import fold, format_number
from thidua.core.uploads import check_upload
from thidua.core.views import add_service_errors, require_action
from thidua.movements import services
from thidua.movements.models import (
    Comparator,
    Direction,
    DocumentKind,
    Movement,
    MovementKind,
    Target,
)
from thidua.org.models import Unit, UnitKind, User

from .extract import ReadError
from .forms import (
    TARGET_LIMITS,
    ContentFormSet,
    ResponsibilityFormSet,
    ReviewForm,
    TargetFormSet,
    UploadForm,
)
from .schema import Reading

logger = logging.getLogger(__name__)

# The temporary store ---------------------------------------------------------------------

STORE = "reading"
# A reading nobody confirmed is dropped after a day (at the user's next upload).
MAX_AGE = timedelta(days=1)
# Documents and scans are attached; a web page or a plain text is kept as the source text.
ATTACHABLE = frozenset({"pdf", "docx", "jpg", "png"})
_TOKEN = re.compile(r"[A-Za-z0-9_-]{16,64}")


def _storage():
    return storages["private"]


def _folder(user: User, token: str) -> str:
    return f"{STORE}/{user.pk}/{token}"


@dataclass
class Draft:
    """What was read, waiting for the user's confirmation."""

    token: str
    name: str  # the uploaded file's name; "" for a pasted text
    attach: bool  # the file is of a kind that is attached to the movement
    reading: dict  # Reading.to_json()
    text: str  # the cleaned text the spans point into
    spans: dict[str, list[list[int]]]
    created: str
    note: str = ""  # why the file is not attached


def save_draft(user: User, reading: Reading, *, data: bytes | None = None, name: str = "") -> str:
    """Keep ``reading`` (and the uploaded ``data``) for ``user``; return its token."""
    storage = _storage()
    _drop_stale(user)
    token = secrets.token_urlsafe(18)
    folder = _folder(user, token)
    attach, note = False, ""
    if data:
        # Kept only if it will be attached: otherwise the text is all that is needed.
        try:
            check_upload(SimpleUploadedFile(name or "van-ban", data), allowed=ATTACHABLE)
        except ValidationError as error:
            note = " ".join(error.messages)
        else:
            attach = True
            storage.save(f"{folder}/source", ContentFile(data))
    payload = {
        "name": name,
        "attach": attach,
        "note": note,
        "reading": reading.to_json(),
        "text": reading.text,
        "spans": {key: [list(span) for span in spans] for key, spans in reading.spans.items()},
        "created": timezone.now().isoformat(),
    }
    storage.save(f"{folder}/reading.json", ContentFile(json.dumps(payload).encode()))
    return token


def load_draft(user: User, token: str) -> Draft | None:
    """``user``'s reading under ``token``, or None (unknown, someone else's, confirmed)."""
    if not _TOKEN.fullmatch(token):
        return None
    storage = _storage()
    name = f"{_folder(user, token)}/reading.json"
    try:
        with storage.open(name, "rb") as handle:
            payload = json.loads(handle.read().decode())
    except (FileNotFoundError, ValueError):
        return None
    return Draft(token=token, **payload)


def _source(user: User, token: str) -> bytes | None:
    try:
        with _storage().open(f"{_folder(user, token)}/source", "rb") as handle:
            return handle.read()
    except FileNotFoundError:
        return None


def _claim(user: User, token: str) -> bool:
    """Take the token for one confirmation. The storage writes a file exclusively and
    renames it when the name is taken, so of two confirmations only one gets the name."""
    wanted = f"{_folder(user, token)}/claimed"
    got = _storage().save(wanted, ContentFile(b""))
    if got != wanted:
        _storage().delete(got)
        return False
    return True


def _confirmed(user: User, token: str) -> int | None:
    """The movement a confirmed token created."""
    if not _TOKEN.fullmatch(token):
        return None
    try:
        with _storage().open(f"{_folder(user, token)}/done", "rb") as handle:
            return int(handle.read().decode() or 0) or None
    except (FileNotFoundError, ValueError):
        return None


def _finish(user: User, token: str, movement: Movement) -> None:
    """Remember which movement the token made; drop the reading and the file."""
    storage = _storage()
    folder = _folder(user, token)
    storage.save(f"{folder}/done", ContentFile(str(movement.pk).encode()))
    storage.delete(f"{folder}/reading.json")
    storage.delete(f"{folder}/source")


def forget_draft(user: User, token: str) -> None:
    storage = _storage()
    folder = _folder(user, token)
    for name in ("reading.json", "source", "claimed", "done"):
        storage.delete(f"{folder}/{name}")
    storage.delete(folder)


def _drop_stale(user: User) -> None:
    storage = _storage()
    root = f"{STORE}/{user.pk}"
    try:
        folders, _files = storage.listdir(root)
    except FileNotFoundError:
        return
    limit = timezone.now() - MAX_AGE
    for token in folders:
        folder = f"{root}/{token}"
        try:
            _subfolders, files = storage.listdir(folder)
            times = [storage.get_modified_time(f"{folder}/{f}") for f in files]
        except (FileNotFoundError, NotImplementedError):
            continue
        if not times or max(times) < limit:
            forget_draft(user, token)


# From the reading to the forms -----------------------------------------------------------


def _issuers(user: User):
    """Units in which ``user`` may launch movements."""
    return (
        Unit.objects.restrict(user, "change", label="movements.movement")
        .filter(is_active=True)
        .order_by("path")
    )


# Abbreviations of the names of authorities, spelled out as unit names are.
_ABBREVIATIONS = (
    (r"\bubnd\b", "uy ban nhan dan"),
    (r"\bhdnd\b", "hoi dong nhan dan"),
    (r"\bubmttq\b", "uy ban mat tran to quoc"),
    (r"\btp\.?(?=\s)", "thanh pho"),
    (r"\bgd\s*(?:&|va|-)\s*dt\b", "giao duc va dao tao"),
)


def _spelled_out(name: str) -> str:
    folded = fold(name)
    for pattern, words in _ABBREVIATIONS:
        folded = re.sub(pattern, words, folded)
    return " ".join(folded.replace(",", " ").split())


def match_issuer(issuers, issuer: str | None, locality: str | None = None) -> Unit | None:
    """The unit among ``issuers`` whose name is the issuer read ("UBND tỉnh Lai Châu" is
    "Ủy ban nhân dân tỉnh Lai Châu"), else the closest one naming part of it."""
    if not issuer:
        return None
    base = _spelled_out(issuer)
    variants = [base]
    place = fold(locality or "")
    if place and place not in base:
        variants.insert(0, f"{base} {place}")
    # Names that are the issuer, or the issuer without its last words ("UBND tỉnh" for a
    # committee named without its province); at least three words, so "Sở" matches nothing.
    prefixes = set()
    for variant in variants:
        words = variant.split()
        prefixes.update(" ".join(words[:n]) for n in range(3, len(words) + 1))
    if not prefixes:
        return None
    units = list(issuers.filter(name_folded__in=prefixes).only("pk", "name", "name_folded"))
    for variant in variants:
        exact = [u for u in units if u.name_folded == variant]
        if exact:
            return exact[0]
    if units:
        return max(units, key=lambda u: len(u.name_folded))
    return issuers.filter(name_folded__startswith=f"{variants[-1]} ").order_by("depth").first()


# How a text launches its movement: "phát động phong trào thi đua đặc biệt…", "tổ chức
# đợt thi đua…" (folded). Only the first such phrase names this movement; later ones name
# others ("các phong trào thi đua chuyên đề của tỉnh").
_LAUNCH = re.compile(
    r"\b(?:phat dong|to chuc|trien khai)\s+(?:cac\s+)?(?P<what>phong trao|dot)\s+thi dua"
    r"(?P<next>(?:\s+\S+){0,2})"
)


def suggest_kind(title: str | None, text: str) -> str:
    """A special campaign calls itself "đặc biệt", a periodic one "chuyên đề", "theo đợt",
    an "đợt thi đua" or goes by a quoted name: in its title, else where the text launches
    it ("đặc biệt là…" in a paragraph does not count). Else an annual movement."""
    title = fold(title)
    if "dac biet" in title:
        return MovementKind.SPECIAL
    if re.search(r"\bchuyen de\b|\btheo dot\b|\bdot thi dua\b", title):
        return MovementKind.THEMATIC
    launch = _LAUNCH.search(" ".join(fold(f"{title}\n{text}").split()))
    if launch is None:
        return MovementKind.ANNUAL
    following = launch.group("next")
    if following.startswith(" dac biet"):
        return MovementKind.SPECIAL
    if launch.group("what") == "dot" or re.match(r" (?:chuyen de|theo dot)\b", following):
        return MovementKind.THEMATIC
    # A movement launched under a quoted name ("Doanh nghiệp chuyển đổi số") has a theme;
    # the annual one is "thi đua yêu nước năm…", "thực hiện thắng lợi nhiệm vụ…".
    if re.match(r"\s*[“\"«]", following):
        return MovementKind.THEMATIC
    return MovementKind.ANNUAL


_NUMBER_WORDS = "một|hai|ba|bốn|tư|năm|sáu|bảy|tám|chín|mười"
_CONTENT_LABEL = re.compile(
    rf"^\s*(?P<label>(?:\d{{1,2}}|[IVX]{{1,5}}|[a-zđ])[.)]|(?:{_NUMBER_WORDS})\s+là\s*[,:.]?)\s*",
    re.IGNORECASE,
)
_BULLET = re.compile(r"^\s*[-–•+*]\s+")


def split_label(item: str) -> tuple[str, str]:
    """("1.", "Thi đua…") from "1. Thi đua…"; bullets are dropped."""
    match = _CONTENT_LABEL.match(item)
    if match and len(match.group("label")) <= 30 and item[match.end() :].strip():
        return match.group("label").strip(), item[match.end() :].strip()
    return "", _BULLET.sub("", item).strip()


def _number(value) -> str:
    return "" if value is None else format_number(value)


def _period(reading: dict) -> tuple[date, date]:
    year = reading.get("year")
    if not isinstance(year, int) or not 1945 <= year <= 2100:
        signed = _iso_date(reading.get("signed_on"))
        year = signed.year if signed else timezone.localdate().year
    return date(year, 1, 1), date(year, 12, 31)


def _iso_date(value) -> date | None:
    try:
        return date.fromisoformat(value) if value else None
    except (TypeError, ValueError):
        return None


def _default_issuer(issuers) -> int | None:
    """As on the new movement page: the highest People's Committee the user may act for."""
    return (
        issuers.filter(kind=UnitKind.PEOPLES_COMMITTEE)
        .order_by("depth", "path")
        .values_list("pk", flat=True)
        .first()
    )


def _movement_initial(draft: Draft, issuers) -> dict:
    reading = draft.reading
    starts, ends = _period(reading)
    issuer = match_issuer(issuers, reading.get("issuer"), reading.get("locality"))
    return {
        "title": (reading.get("title") or "")[:500],
        "kind": suggest_kind(reading.get("title"), draft.text),
        "issuer": issuer.pk if issuer else _default_issuer(issuers),
        "signer": (reading.get("signer") or "")[:150],
        "document_number": (reading.get("document_number") or "")[:60],
        "document_date": _iso_date(reading.get("signed_on")),
        "starts_on": starts,
        "ends_on": ends,
        "theme": reading.get("theme") or "",
        "mottos": reading.get("motto") or "",
    }


def _targets_initial(reading: dict) -> list[dict]:
    comparators = set(Comparator.values)
    rows = []
    for target in reading.get("targets") or []:
        comparator = target.get("comparator")
        rows.append(
            {
                "include": target.get("value") is not None,
                "indicator": (target.get("indicator") or "")[: TARGET_LIMITS["indicator"]],
                "comparator": comparator if comparator in comparators else Comparator.REACH,
                "value": _number(target.get("value")),
                "value_max": _number(target.get("value_max")),
                "measure": (target.get("unit") or "")[: TARGET_LIMITS["measure"]],
                "reference": (target.get("reference") or "")[: TARGET_LIMITS["reference"]],
            }
        )
    return rows


def _contents_initial(reading: dict) -> list[dict]:
    rows = []
    for item in reading.get("contents") or []:
        label, text = split_label(item or "")
        rows.append({"include": True, "label": label, "text": text})
    return rows


def _responsibilities_initial(reading: dict) -> list[dict]:
    return [
        {"include": True, "agency": (r.get("agency") or "")[:500], "task": r.get("task") or ""}
        for r in reading.get("responsible") or []
    ]


# The highlighted text --------------------------------------------------------------------


@dataclass(frozen=True)
class Mark:
    start: int
    end: int
    kind: str  # "target" or the field read
    ref: str  # the id (without "id_") of the form field it goes with; "" for none
    row: str  # the form row it goes with ("targets-0"), or the field name
    label: str


# Where each field read goes in the review form; list fields go to the row of their index.
FIELD_REFS = {
    "title": "title",
    "issuer": "issuer",
    "locality": "issuer",
    "signer": "signer",
    "document_number": "document_number",
    "signed_on": "document_date",
    "year": "starts_on",
    "theme": "theme",
    "motto": "mottos",
    "doc_type": "kind",
}
ROW_REFS = {"contents": ("contents", "text"), "responsible": ("responsibilities", "task")}


def _marks(draft: Draft, labels: dict[str, str]) -> list[Mark]:
    size = len(draft.text)
    marks = []

    def add(start, end, **kwargs):
        if isinstance(start, int) and isinstance(end, int) and 0 <= start < end <= size:
            marks.append(Mark(start, end, **kwargs))

    for index, target in enumerate(draft.reading.get("targets") or []):
        add(
            target.get("start"),
            target.get("end"),
            kind="target",
            ref=f"targets-{index}-value",
            row=f"targets-{index}",
            label=target.get("indicator") or "",
        )
    for field, spans in (draft.spans or {}).items():
        for index, span in enumerate(spans or []):
            if not isinstance(span, list | tuple) or len(span) != 2:
                continue
            if field in ROW_REFS:
                prefix, name = ROW_REFS[field]
                ref, row = f"{prefix}-{index}-{name}", f"{prefix}-{index}"
                label = f"{labels.get(prefix, prefix)} {index + 1}"
            else:
                ref = row = FIELD_REFS.get(field, "")
                label = labels.get(ref, field)
            add(span[0], span[1], kind=field, ref=ref, row=row or field, label=label)
    return marks


def highlight(text: str, marks: list[Mark]) -> SafeString:
    """``text``, escaped, with each mark wrapped in ``<mark>`` (nested where marks nest;
    a mark crossing another's end is split in two)."""
    bounds = sorted({0, len(text), *(m.start for m in marks), *(m.end for m in marks)})
    # Outer marks first: earlier start, then later end.
    ordered = sorted(marks, key=lambda m: (m.start, -m.end, m.kind != "target", m.ref))
    parts: list[str] = []
    open_marks: list[Mark] = []
    for start, end in pairwise(bounds):
        wanted = [m for m in ordered if m.start <= start and m.end >= end]
        keep = 0
        while keep < min(len(open_marks), len(wanted)) and open_marks[keep] is wanted[keep]:
            keep += 1
        parts.extend("</mark>" for _mark in open_marks[keep:])
        for mark in wanted[keep:]:
            parts.append(
                format_html(
                    '<mark class="rd-mark rd-{}" data-kind="{}" data-ref="{}" data-row="{}"'
                    ' title="{}" tabindex="0">',
                    "target" if mark.kind == "target" else "field",
                    mark.kind,
                    mark.ref,
                    mark.row,
                    mark.label,
                )
            )
        open_marks = wanted
        parts.append(escape(text[start:end]))
    parts.extend("</mark>" for _mark in open_marks)
    return mark_safe("".join(parts))  # noqa: S308 - every piece is escaped above


# Creating the movement -------------------------------------------------------------------

ATTACHMENT_KINDS = {
    "chi_thi": DocumentKind.LAUNCH,
    "quyet_dinh": DocumentKind.LAUNCH,
    "ke_hoach": DocumentKind.PLAN,
}
LOWER_IS_BETTER = {Comparator.DECREASE, Comparator.BELOW, Comparator.AT_MOST}


class _Refused(Exception):
    """A service refused part of the confirmation: everything is rolled back."""


def _kept(formset) -> list[tuple[int, dict]]:
    return [(index, form.cleaned_data) for index, form in enumerate(formset) if form.kept()]


class _Rows(list):
    """Kept rows that remember their formset, so a refusal lands on the right row."""

    def __init__(self, formset):
        super().__init__(_kept(formset))
        self.formset = formset


def _target_fields(row: dict, order: int) -> dict:
    comparator = row["comparator"]
    return {
        "order": order,
        "indicator": row["indicator"].strip(),
        "measure": (row.get("measure") or "").strip(),
        "comparator": comparator,
        "value": row["value"],
        "value_max": row.get("value_max"),
        "direction": Direction.LOWER if comparator in LOWER_IS_BETTER else Direction.HIGHER,
        # "tăng 19,46%" is a share of the baseline; "tăng 500 tỷ đồng" an amount.
        "relative_change": (row.get("measure") or "").strip() == "%",
        "reference": (row.get("reference") or "").strip(),
    }


def _create(user: User, draft: Draft, form, contents, targets, responsibilities) -> Movement:
    """The draft movement with everything confirmed, in one transaction; a refusal is
    shown next to its field and nothing is kept."""
    data = dict(form.cleaned_data)
    with transaction.atomic():
        try:
            movement = services.movement_create(
                actor=user,
                contents=[(row["label"].strip(), row["text"].strip()) for _i, row in contents],
                responsibilities=[
                    (row["agency"].strip(), row["task"].strip()) for _i, row in responsibilities
                ],
                source_text=draft.text,
                **data,
            )
        except ValidationError as error:
            add_service_errors(form, error)
            raise _Refused from error
        except PermissionDenied as error:
            form.add_error("issuer", _("You cannot launch movements for this unit."))
            raise _Refused from error
        refused = False
        for order, (index, row) in enumerate(targets, start=1):
            try:
                services.target_create(
                    actor=user,
                    movement=movement,
                    level=Target.Level.MOVEMENT,
                    **_target_fields(row, order),
                )
            except ValidationError as error:
                add_service_errors(targets.formset[index], error, default_field="value")
                refused = True
        if refused:
            raise _Refused
        if draft.attach and draft.name:
            source = _source(user, draft.token)
            if source:
                try:
                    services.attachment_add(
                        actor=user,
                        movement=movement,
                        upload=SimpleUploadedFile(draft.name, source),
                        kind=ATTACHMENT_KINDS.get(
                            draft.reading.get("doc_type"), DocumentKind.OTHER
                        ),
                    )
                except ValidationError as error:
                    form.add_error(None, error)
                    raise _Refused from error
    return movement


# Views -----------------------------------------------------------------------------------


@login_required
@require_http_methods(["GET", "POST"])
def upload(request: HttpRequest) -> HttpResponse:
    require_action(Movement, request.user, "change")
    post = request.method == "POST"
    form = UploadForm(request.POST if post else None, request.FILES if post else None)
    if post and form.is_valid():
        file = form.cleaned_data.get("file")
        field = "file" if file else "text"
        data = None
        try:
            if file:
                data = file.read()
                reading = reading_api.read_document(data, file.name)
            else:
                reading = reading_api.read_text(form.cleaned_data["text"])
        except ReadError as error:
            form.add_error(field, str(error))
        except ValidationError as error:
            form.add_error(field, error)
        except Exception:  # a document the reader chokes on is a message, not a crash
            logger.exception("Reading %r failed", file.name if file else "pasted text")
            form.add_error(field, _("This document could not be read."))
        else:
            token = save_draft(request.user, reading, data=data, name=file.name if file else "")
            return redirect("reading:review", token=token)
    return render(request, "reading/upload.html", {"form": form, "title": _("Read a document")})


@login_required
@require_http_methods(["GET", "POST"])
def review(request: HttpRequest, token: str) -> HttpResponse:
    require_action(Movement, request.user, "change")
    user = request.user
    draft = load_draft(user, token)
    if draft is None:
        done = _confirmed(user, token)
        if done and Movement.objects.restrict(user, "view").filter(pk=done).exists():
            messages.info(request, _("This document was already confirmed: here is its draft."))
            return redirect("movements:detail", pk=done)
        raise Http404
    if request.method == "POST" and "discard" in request.POST:
        forget_draft(user, token)
        messages.info(request, _("The reading was discarded; nothing was created."))
        return redirect("reading:upload")

    issuers = _issuers(user)
    post = request.POST if request.method == "POST" else None
    reading = draft.reading
    form = ReviewForm(post, initial=_movement_initial(draft, issuers), issuer_queryset=issuers)
    contents = ContentFormSet(post, initial=_contents_initial(reading), prefix="contents")
    targets = TargetFormSet(post, initial=_targets_initial(reading), prefix="targets")
    responsibilities = ResponsibilityFormSet(
        post, initial=_responsibilities_initial(reading), prefix="responsibilities"
    )
    formsets = (contents, targets, responsibilities)
    # Every form is validated, so every error shows at once.
    valid = [form.is_valid(), *(f.is_valid() for f in formsets)]
    if post is not None and all(valid):
        if not _claim(user, token):
            done = _confirmed(user, token)
            if done:
                messages.info(request, _("This document was already confirmed: here is its draft."))
                return redirect("movements:detail", pk=done)
            form.add_error(None, _("This document is being confirmed already; wait a moment."))
        else:
            try:
                movement = _create(
                    user,
                    draft,
                    form,
                    _Rows(contents),
                    _Rows(targets),
                    _Rows(responsibilities),
                )
            except _Refused:
                _storage().delete(f"{_folder(user, token)}/claimed")
            else:
                _finish(user, token, movement)
                messages.success(
                    request,
                    _(
                        "The draft movement “%(title)s” was created with %(targets)s targets. "
                        "Check it, choose its participants, then launch it."
                    )
                    % {"title": movement.title, "targets": movement.targets.count()},
                )
                return redirect("movements:detail", pk=movement.pk)

    labels = {name: str(field.label) for name, field in form.fields.items()}
    labels.update(contents=_("Content"), responsibilities=_("Responsibility"), targets=_("Target"))
    read_targets = reading.get("targets") or []
    context = {
        "title": _("Review what was read"),
        "draft": draft,
        "reading": reading,
        "form": form,
        "contents": contents,
        "targets": targets,
        "responsibilities": responsibilities,
        "target_rows": [
            (row, read_targets[i] if i < len(read_targets) else None)
            for i, row in enumerate(targets)
        ],
        "marked_text": highlight(draft.text, _marks(draft, labels)),
        "doc_types": dict(DOC_TYPE_LABELS),
    }
    return render(request, "reading/review.html", context)


DOC_TYPE_LABELS = (
    ("chi_thi", gettext_lazy("Directive")),
    ("ke_hoach", gettext_lazy("Plan")),
    ("quyet_dinh", gettext_lazy("Decision")),
    ("tin_bai", gettext_lazy("News article")),
    ("khac", gettext_lazy("Other document")),
)
