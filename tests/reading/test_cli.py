"""``python -m thidua.reading FILE… [--json]``: one result per file, unreadable files on
standard error with exit status 1, the others still read; no database needed."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

import thidua.reading
from thidua.reading.__main__ import main
from thidua.reading.extract import extract_text
from thidua.reading.schema import DOC_TYPES, Reading, ReadTarget, Responsible

ROOT = Path(__file__).resolve().parents[2]
TEXTS = Path(__file__).parent / "texts"
SCHEMA_KEYS = {
    "doc_type",
    "issuer",
    "locality",
    "year",
    "document_number",
    "signed_on",
    "signer",
    "title",
    "theme",
    "motto",
    "contents",
    "targets",
    "responsible",
    "warnings",
}
DIRECTIVE = (
    "Về việc phát động phong trào thi đua năm 2022\n\n"
    "Ủy ban nhân dân tỉnh phát động phong trào thi đua với chủ đề đoàn kết, đổi mới; phấn "
    "đấu tốc độ tăng trưởng kinh tế đạt 7,5% và thu ngân sách đạt 1.250 tỷ đồng.\n"
)


@pytest.fixture
def reader(monkeypatch):
    """A stand-in for the reader: the real text extraction, a fixed movement."""
    calls: list[str] = []

    def read_document(data: bytes, filename: str) -> Reading:
        calls.append(filename)
        if b"BUG" in data:
            raise RuntimeError("the reader tripped")
        text, warnings = extract_text(data, filename)
        start = text.find("đạt 7,5%")
        found = (
            []
            if start < 0
            else [
                ReadTarget(
                    indicator="Tốc độ tăng trưởng kinh tế",
                    value=7.5,
                    unit="%",
                    comparator="dat",
                    reference="so với năm 2021",
                    raw="đạt 7,5%",
                    start=start,
                    end=start + len("đạt 7,5%"),
                )
            ]
        )
        return Reading(
            doc_type="chi_thi",
            issuer="Ủy ban nhân dân tỉnh Điện Biên",
            year=2022,
            signed_on="2022-01-05",
            title=text.splitlines()[0],
            contents=["Đoàn kết", "Đổi mới"],
            targets=found,
            responsible=[Responsible(agency="Sở Nội vụ", task="tham mưu tổng kết")],
            warnings=warnings,
            text=text,
        )

    monkeypatch.setattr(thidua.reading, "read_document", read_document)
    return calls


@pytest.fixture
def files(tmp_path):
    def write(name: str, data: bytes | str) -> str:
        path = tmp_path / name
        path.write_bytes(data.encode() if isinstance(data, str) else data)
        return str(path)

    return write


def run(capsys, *args: str) -> tuple[int, str, str]:
    status = main(list(args))
    out, err = capsys.readouterr()
    return status, out, err


def test_json_prints_one_object_per_file_and_line(reader, files, capsys):
    first = files("chi-thi.txt", DIRECTIVE)
    second = files("ke-hoach.html", f"<html><body><p>Kế hoạch thi đua</p><p>{DIRECTIVE}</p>")
    status, out, err = run(capsys, "--json", first, second)
    assert (status, err) == (0, "")
    objects = [json.loads(line) for line in out.splitlines()]
    assert [item["file"] for item in objects] == [first, second]
    assert set(objects[0]) == SCHEMA_KEYS | {"file"}
    assert objects[0]["title"] == "Về việc phát động phong trào thi đua năm 2022"
    assert objects[1]["title"] == "Kế hoạch thi đua"
    assert objects[0]["targets"][0]["value"] == 7.5
    assert objects[0]["targets"][0]["raw"] == "đạt 7,5%"
    assert objects[0]["responsible"] == [{"agency": "Sở Nội vụ", "task": "tham mưu tổng kết"}]
    # Vietnamese stays readable in the JSON.
    assert "Về việc" in out


def test_unreadable_files_go_to_stderr_and_the_others_are_still_read(reader, files, capsys):
    good = files("chi-thi.txt", DIRECTIVE)
    empty = files("rong.txt", b"")
    garbage = files("rac.docx", bytes(range(256)) * 40)
    missing = str(Path(good).parent / "khong-co.pdf")
    also_good = files("chi-thi-2.txt", DIRECTIVE)
    status, out, err = run(capsys, "--json", "--language", "en", good, empty, garbage)
    status_2, out_2, err_2 = run(capsys, "--json", "--language", "en", missing, also_good)
    assert (status, status_2) == (1, 1)
    assert [json.loads(line)["file"] for line in (out + out_2).splitlines()] == [good, also_good]
    errors = (err + err_2).splitlines()
    assert len(errors) == 3
    assert errors[0] == f"{empty}: The file {empty} is empty."
    assert errors[1].startswith(f"{garbage}: The file {garbage} does not contain readable text")
    assert errors[2].startswith(f"{missing}: cannot open the file")
    # The empty file was refused before the reader was called.
    assert reader == [good, garbage, also_good]


def test_a_failing_reader_does_not_stop_the_other_files(reader, files, capsys):
    broken = files("loi.txt", "BUG " + DIRECTIVE)
    good = files("chi-thi.txt", DIRECTIVE)
    status, out, err = run(capsys, "--json", "--language", "en", broken, good)
    assert status == 1
    assert [json.loads(line)["file"] for line in out.splitlines()] == [good]
    assert err.startswith(f"{broken}: unexpected error: RuntimeError: the reader tripped")


def test_a_file_over_the_limit_is_refused_before_it_is_loaded(reader, files, capsys, settings):
    settings.THIDUA_READING_MAX_BYTES = 100
    big = files("lon.txt", DIRECTIVE * 5)
    status, out, err = run(capsys, "--language", "en", big)
    assert (status, out) == (1, "")
    assert "is too large" in err
    assert reader == []


def test_summary_for_people(reader, files, capsys):
    path = files("chi-thi.txt", DIRECTIVE)
    status, out, err = run(capsys, "--language", "en", path)
    assert (status, err) == (0, "")
    lines = out.splitlines()
    assert lines[0] == path
    assert "  Document type: Directive" in lines
    assert "  Issuer: Ủy ban nhân dân tỉnh Điện Biên" in lines
    assert "  Year: 2022" in lines
    assert "  Signed on: 05/01/2022" in lines
    assert "  Signer: —" in lines  # not read
    assert "  Contents (2):" in lines
    assert "    2. Đổi mới" in lines
    assert "  Targets (1):" in lines
    # Numbers the Vietnamese way, the comparator and the source span.
    assert (
        "    - Tốc độ tăng trưởng kinh tế: reach (đạt) 7,5 % (so với năm 2021)  «đạt 7,5%»" in lines
    )
    assert "    - Sở Nội vụ: tham mưu tổng kết" in lines


def test_the_summary_is_in_the_site_language_by_default(reader, files, capsys, settings):
    settings.LANGUAGE_CODE = "vi"
    path = files("chi-thi.txt", DIRECTIVE)
    _status, out, _err = run(capsys, path)
    assert "đạt 7,5 %" in out  # "reach (đạt)" in Vietnamese is "đạt"
    assert "reach" not in out


def test_warnings_are_listed(reader, files, capsys):
    vietnamese = files("chi-thi.txt", DIRECTIVE)
    english = files("english.txt", "The province launched an emulation movement for 2022. " * 3)
    _status, out, _err = run(capsys, "--language", "en", vietnamese, english)
    first, second = out.split(english)
    assert "Warnings" not in first
    assert "  Targets (0):" in second
    assert "  Warnings (1):\n    ! The text does not look like Vietnamese" in second


def test_standard_input(reader, capsys, monkeypatch):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(DIRECTIVE.encode())))
    status, out, _err = run(capsys, "--json", "-")
    assert status == 0
    assert json.loads(out)["file"] == "-"


def test_no_file_is_a_usage_error(capsys):
    with pytest.raises(SystemExit) as exited:
        main([])
    assert exited.value.code == 2


def module(*args: str, tmp_path: Path) -> subprocess.CompletedProcess:
    """``python -m thidua.reading`` in a fresh process whose database cannot be reached."""
    env = {
        **os.environ,
        "DATABASE_URL": "postgres://nobody@127.0.0.1:9/absent",
        "DJANGO_SETTINGS_MODULE": "thidua.settings",
        "THIDUA_VAR_DIR": str(tmp_path),
    }
    return subprocess.run(
        [sys.executable, "-m", "thidua.reading", *args],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=env,
        timeout=120,
        check=False,
    )


def test_the_module_reports_bad_files_without_a_database(tmp_path):
    empty = tmp_path / "rong.txt"
    empty.write_bytes(b"")
    result = module(
        "--language", "en", str(empty), str(tmp_path / "absent.docx"), tmp_path=tmp_path
    )
    assert result.returncode == 1
    assert result.stdout == ""
    errors = result.stderr.splitlines()
    assert errors[0] == f"{empty}: The file {empty} is empty."
    assert errors[1].startswith(f"{tmp_path / 'absent.docx'}: cannot open the file")


def test_the_module_reads_the_seed_texts_without_a_database(tmp_path):
    seeds = sorted(str(path) for path in TEXTS.glob("seed_*.txt"))
    result = module("--json", *seeds, tmp_path=tmp_path)
    assert result.returncode == 0, result.stderr
    objects = [json.loads(line) for line in result.stdout.splitlines()]
    assert [item["file"] for item in objects] == seeds
    for item in objects:
        assert set(item) == SCHEMA_KEYS | {"file"}
        assert item["doc_type"] in DOC_TYPES
    assert sum(len(item["targets"]) for item in objects) > 0
