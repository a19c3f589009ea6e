"""``python -m generator import`` on good and bad input: what it prints, what it writes, its exit
status.  Every test points ``--config`` at a copy of mkdocs.yml in a temporary folder, so nothing
is ever written into the repository."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest

from generator import store
from generator.cli import main
from tests.conftest import ROOT
from tests.fixtures.pdfmaker import make_pdf

CORPUS = Path(__file__).resolve().parent / "fixtures" / "corpus"

SUMMARY_KEYS = [
    "symbol",
    "body",
    "kind",
    "title",
    "adoption_date",
    "preambular",
    "operative",
    "subparagraphs",
    "subsubparagraphs",
    "footnotes",
    "footnote_refs",
    "annexes",
    "warnings",
    "languages",
]


@pytest.fixture
def site(tmp_path: Path) -> Path:
    """A throw-away site: its mkdocs.yml; resolutions are written under it."""
    shutil.copy(ROOT / "mkdocs.yml", tmp_path / "mkdocs.yml")
    return tmp_path / "mkdocs.yml"


def files_under(folder: Path) -> set[Path]:
    return set(folder.rglob("*"))


def run(site: Path, *args: str) -> int:
    return main(["--config", str(site), "import", *args])


def test_import_writes_the_structured_resolution_and_its_source(site: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(site, str(CORPUS / "A_RES_73_7-EN.pdf")) == 0
    folder = site.parent / "resolutions" / "A-RES-73-7"
    assert (folder / "source.pdf").read_bytes() == (CORPUS / "A_RES_73_7-EN.pdf").read_bytes()
    res = store.load_resolution(folder / "resolution.yaml")
    assert (res.symbol, len(res.operative), res.source.format) == ("A/RES/73/7", 28, "pdf")
    assert "imported A/RES/73/7: 13 preambular, 28 operative paragraphs, 9 footnotes" in capsys.readouterr().out


def test_symbol_option_for_a_text_that_does_not_print_it(site: Path) -> None:
    assert run(site, str(CORPUS / "S_RES_1590_2005.txt"), "--symbol", "S/RES/1590(2005)") == 0
    res = store.load_resolution(site.parent / "resolutions" / "S-RES-1590-2005" / "resolution.yaml")
    assert res.symbol == "S/RES/1590(2005)"


def test_a_reimport_keeps_the_given_title(site: Path) -> None:
    """A title a maintainer gave a text that prints none is not in the text: a re-import keeps it."""
    args = (str(CORPUS / "S_RES_1590_2005.txt"), "--symbol", "S/RES/1590(2005)")
    assert run(site, *args) == 0
    data = site.parent / "resolutions" / "S-RES-1590-2005" / "resolution.yaml"
    text = data.read_text("utf-8")
    data.write_text(text.replace("title_line: 0\n", "title_line: 0\ndescriptive_title:\n  en: Sudan\n"), "utf-8")
    assert run(site, *args) == 0
    res = store.load_resolution(data)
    assert (res.title.pick("en"), res.display_title("en")) == ("", "Sudan")


@pytest.mark.parametrize("option", ["--summary", "--stdout"])
def test_printing_writes_nothing(site: Path, option: str, capsys: pytest.CaptureFixture[str]) -> None:
    before = files_under(site.parent)
    assert run(site, str(CORPUS / "A_RES_73_6.txt"), option) == 0
    assert files_under(site.parent) == before
    json.loads(capsys.readouterr().out)


def test_summary(site: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(site, str(CORPUS / "A_RES_73_6.txt"), "--summary") == 0
    out = capsys.readouterr()
    data = json.loads(out.out)
    assert list(data) == SUMMARY_KEYS
    assert data["symbol"] == "A/RES/73/6" and data["adoption_date"] == "2018-10-26"
    assert (data["preambular"], data["operative"], data["footnotes"], data["footnote_refs"]) == (25, 14, 6, 9)
    assert len(data["warnings"]) == 6 and all(w.startswith(f"{CORPUS / 'A_RES_73_6.txt'}:") for w in data["warnings"])
    assert out.err == ""


def test_summary_of_a_security_council_resolution(site: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(site, str(CORPUS / "S_RES_1590_2005.txt"), "--summary", "--symbol", "S/RES/1590(2005)") == 0
    data = json.loads(capsys.readouterr().out)
    assert data == {
        "symbol": "S/RES/1590(2005)",
        "body": "Security Council",
        "kind": "resolution",
        "title": "",
        "adoption_date": "2005-03-24",
        "preambular": 23,
        "operative": 18,
        "subparagraphs": 6,
        "subsubparagraphs": 10,
        "footnotes": 0,
        "footnote_refs": 0,
        "annexes": 0,
        "warnings": [],
        "languages": ["en"],
    }


@pytest.mark.parametrize("file", ["A_RES_73_6-EN.pdf", "A_RES_73_7.txt", "A_RES_ES-11_4.md"])
def test_stdout_is_valid_against_the_schema(site: Path, file: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(site, str(CORPUS / file), "--stdout") == 0
    data = json.loads(capsys.readouterr().out)
    jsonschema.Draft202012Validator(store.schema()).validate(data)


def test_format_can_be_forced(site: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(site, str(CORPUS / "A_RES_73_7.txt"), "--summary", "--format", "pdf-text") == 0
    assert json.loads(capsys.readouterr().out)["operative"] == 28
    assert run(site, str(CORPUS / "A_RES_73_7.md"), "--format", "pdf") == 2
    assert "cannot read this PDF" in capsys.readouterr().err


BAD_INPUTS: dict[str, tuple[bytes | None, str]] = {
    "empty.txt": (b"", "the file is empty"),
    "blank.md": (b"\n  \n\t\n", "the file is empty"),
    "binary.bin": (bytes(range(256)) * 8, "binary file"),
    "latin1.txt": ("The General Assembly,\n1. Décide.\n".encode("latin-1"), "not valid UTF-8"),
    "readme.md": (b"# My project\n\nInstall it with pip.\n\nThen run it.\n", "does not look like a resolution"),
    "list.txt": (b"Shopping\n\n1. Apples.\n\n2. Pears.\n", "cannot tell which resolution this is"),
    "scan.pdf": (make_pdf([[], []]), "the PDF has no text layer"),
    "damaged.pdf": (b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog", "cannot read this PDF"),
    "missing.txt": (None, "no such file"),
}


@pytest.mark.parametrize("name", BAD_INPUTS)
@pytest.mark.parametrize("option", [[], ["--summary"], ["--stdout"]])
def test_bad_input_exit_2_with_a_message_and_nothing_written(
    site: Path, tmp_path: Path, name: str, option: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    data, message = BAD_INPUTS[name]
    path = tmp_path / "in" / name
    path.parent.mkdir()
    if data is not None:
        path.write_bytes(data)
    before = files_under(site.parent)
    assert run(site, str(path), *option) == 2
    out = capsys.readouterr()
    assert out.out == ""
    assert out.err.startswith(f"error: {path}")
    assert message in out.err
    assert "Traceback" not in out.err
    assert files_under(site.parent) == before


def test_a_folder_without_akoma_ntoso_files(site: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "notes.txt").write_text("not a resolution", "utf-8")
    before = files_under(site.parent)
    assert run(site, str(tmp_path)) == 2
    assert "found no Akoma Ntoso file" in capsys.readouterr().err
    assert files_under(site.parent) == before


def test_the_real_command_line(site: Path, tmp_path: Path) -> None:
    """Through ``python -m generator``: no traceback, status 2, the problem with its line."""
    bad = tmp_path / "not-a-resolution.txt"
    bad.write_text("Minutes of the meeting\n\nThe chair opened the meeting.\n", encoding="utf-8")
    proc = subprocess.run(
        [sys.executable, "-m", "generator", "--config", str(site), "import", str(bad)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=False,
    )
    assert proc.returncode == 2
    assert "Traceback" not in proc.stderr
    assert f"{bad}:1: no operative paragraphs found" in proc.stderr
    assert not (site.parent / "resolutions").exists()
