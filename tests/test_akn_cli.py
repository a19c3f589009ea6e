"""``python -m generator import`` on Akoma Ntoso files, folders and archives, and ``export``: what
they print, what they write, their exit status.  Every test writes into a throw-away site."""

from __future__ import annotations

import io
import json
import shutil
import subprocess
import sys
import tarfile
from pathlib import Path

import jsonschema
import pytest

from generator import store
from generator.akn.export import validate
from generator.cli import main
from tests.akn_helpers import AKN, fixture_files, usable_files
from tests.conftest import GOLDEN, ROOT


@pytest.fixture
def site(tmp_path: Path) -> Path:
    shutil.copy(ROOT / "mkdocs.yml", tmp_path / "mkdocs.yml")
    return tmp_path / "mkdocs.yml"


def run(site: Path, *args: str) -> int:
    return main(["--config", str(site), "import", *args])


def files_under(folder: Path) -> set[Path]:
    return set(folder.rglob("*"))


def folder_of(site: Path, slug: str) -> Path:
    return site.parent / "resolutions" / slug


def test_the_language_versions_of_one_resolution_become_one(site: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(site, *map(str, usable_files("A-RES-74-28")), "--imported-on", "2026-01-02") == 0
    out = capsys.readouterr()
    assert "imported A/RES/74/28 (ar, zh, en, fr, es): 15 preambular, 5 operative paragraphs" in out.out
    folder = folder_of(site, "A-RES-74-28")
    assert sorted(p.name for p in folder.iterdir()) == [
        "resolution.yaml",
        "source.ar.xml",
        "source.en.xml",
        "source.es.xml",
        "source.fr.xml",
        "source.zh.xml",
    ]
    assert (folder / "source.fr.xml").read_bytes() == (AKN / "A-RES-74-28" / "fr.xml").read_bytes()
    res = store.load_resolution(folder / "resolution.yaml")
    assert {s.imported for s in res.sources} == {__import__("datetime").date(2026, 1, 2)}


def test_an_empty_file_among_the_versions_is_refused_and_listed(site: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(site, *map(str, fixture_files("A-RES-74-28"))) == 1
    err = capsys.readouterr().err
    assert f"refused: {AKN / 'A-RES-74-28' / 'ru.xml'}: the file is empty" in err
    assert (folder_of(site, "A-RES-74-28") / "resolution.yaml").exists()


def test_summary_adds_languages(site: Path, capsys: pytest.CaptureFixture[str]) -> None:
    before = files_under(site.parent)
    assert run(site, *map(str, usable_files("A-RES-79-252")), "--summary") == 0
    data = json.loads(capsys.readouterr().out)
    assert data["languages"] == ["en", "fr"]
    assert data["symbol"] == "A/RES/79/252A-B"
    assert files_under(site.parent) == before


def test_stdout_is_valid_against_the_schema(site: Path, capsys: pytest.CaptureFixture[str]) -> None:
    before = files_under(site.parent)
    assert run(site, *map(str, usable_files("A-RES-78-16")), "--stdout") == 0
    data = json.loads(capsys.readouterr().out)
    jsonschema.validate(data, store.schema())
    assert files_under(site.parent) == before


@pytest.mark.parametrize(
    ("files", "message"),
    [
        (["hostile/xxe-file.xml"], "document type declaration"),
        (["hostile/xxe-network.xml"], "document type declaration"),
        (["hostile/billion-laughs.xml"], "document type declaration"),
        (["hostile/external-dtd.xml"], "document type declaration"),
        (["hostile/malformed.xml"], "not well-formed XML"),
        (["hostile/not-akn.xml"], "not an Akoma Ntoso document"),
        (["A-RES-74-28/ru.xml"], "the file is empty"),
        (["A-RES-77-36/en.xml", "A-RES-78-16/en.xml"], "different resolutions"),
    ],
)
def test_bad_input_exits_2_and_writes_nothing(
    site: Path, files: list[str], message: str, capsys: pytest.CaptureFixture[str]
) -> None:
    before = files_under(site.parent)
    assert run(site, *(str(AKN / f) for f in files)) == 2
    out = capsys.readouterr()
    assert out.out == ""
    assert out.err.startswith("error: ") and message in out.err
    assert "Traceback" not in out.err
    assert files_under(site.parent) == before


# -- folders and archives -------------------------------------------------------------------------


def make_archive(path: Path, extra: dict[str, bytes] | None = None, symlink: str = "") -> Path:
    """A .tar.xz of some fixtures laid out as the UN's archives are (``<session>/<Language>/``)."""
    languages = {"en": "English", "fr": "French", "ar": "Arabic", "zh": "Chinese", "es": "Spanish", "ru": "Russian"}
    with tarfile.open(path, "w:xz") as tar:
        for name in ("A-RES-74-28", "A-RES-77-36"):
            for f in fixture_files(name):
                member = tarfile.TarInfo(f"74session/{languages[f.stem]}/{name}_{f.stem}.xml")
                data = f.read_bytes()
                member.size = len(data)
                tar.addfile(member, io.BytesIO(data))
        for name, data in (extra or {}).items():
            member = tarfile.TarInfo(name)
            member.size = len(data)
            tar.addfile(member, io.BytesIO(data))
        if symlink:
            link = tarfile.TarInfo(symlink)
            link.type = tarfile.SYMTYPE
            link.linkname = "/etc/passwd"
            tar.addfile(link)
    return path


def test_an_archive_imports_every_resolution_and_lists_what_it_refused(
    site: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    archive = make_archive(tmp_path / "GA-test.tar.xz")
    assert run(site, str(archive), "--jobs", "2") == 1
    out = capsys.readouterr()
    assert "imported 2 resolutions from 7 files (ar, en, es, fr, zh)" in out.out
    assert f"refused: {archive}/74session/Russian/A-RES-74-28_ru.xml: the file is empty" in out.err
    assert "\r[" not in out.err, "no progress bar when standard error is not a terminal"
    for slug in ("A-RES-74-28", "A-RES-77-36"):
        assert (folder_of(site, slug) / "resolution.yaml").exists()


def test_hostile_member_names_are_only_read(site: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    english = (AKN / "A-RES-78-16" / "en.xml").read_bytes()
    (tmp_path / "input").mkdir()
    archive = make_archive(
        tmp_path / "input" / "hostile.tar.xz",
        {"../../escaped.xml": english, "/tmp/absolute-member.xml": b"<x/>", "notes.txt": b"hello"},
        symlink="74session/English/link.xml",
    )
    outside = set(tmp_path.parent.iterdir())
    assert run(site, str(archive)) == 1  # the empty Russian file and "<x/>" are refused
    err = capsys.readouterr().err
    assert "hostile.tar.xz//tmp/absolute-member.xml:1: not an Akoma Ntoso document" in err
    assert sorted(p.name for p in (tmp_path / "input").iterdir()) == ["hostile.tar.xz"]
    assert (folder_of(site, "A-RES-78-16") / "source.en.xml").read_bytes() == english
    assert set(tmp_path.parent.iterdir()) == outside
    assert not Path("/tmp/absolute-member.xml").exists()
    assert not (tmp_path / "escaped.xml").exists() and not (tmp_path.parent / "escaped.xml").exists()
    written = {p.relative_to(site.parent).parts[0] for p in files_under(site.parent) if p.is_file()}
    assert written == {"mkdocs.yml", "resolutions", "input"}


def test_languages_and_only_choose_what_is_imported(site: Path, tmp_path: Path) -> None:
    archive = make_archive(tmp_path / "GA-test.tar.xz")
    assert run(site, str(archive), "--languages", "en,fr", "--only", "74/28") == 0
    res = store.load_resolution(folder_of(site, "A-RES-74-28") / "resolution.yaml")
    assert res.languages == ("en", "fr")
    assert not folder_of(site, "A-RES-77-36").exists()


def test_a_folder_of_language_files(site: Path) -> None:
    assert run(site, str(AKN / "A-RES-76-19")) == 0
    res = store.load_resolution(folder_of(site, "A-RES-76-19") / "resolution.yaml")
    assert res.languages == ("zh", "en")


def test_options_that_do_not_apply_are_refused(site: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(site, str(AKN / "A-RES-76-19"), "--stdout") == 2
    assert "--stdout: applies to one resolution" in capsys.readouterr().err
    assert run(site, str(ROOT / "resolutions" / "A-RES-73-266" / "source.txt"), "--languages", "en") == 2
    assert "--languages: applies to Akoma Ntoso" in capsys.readouterr().err


def test_the_real_command_line_shows_progress_only_on_a_terminal(site: Path, tmp_path: Path) -> None:
    archive = make_archive(tmp_path / "GA-test.tar.xz")
    done = subprocess.run(
        [sys.executable, "-m", "generator", "--config", str(site), "import", str(archive), "--only", "77/36"],
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert "imported 1 resolutions" in done.stdout and "\r" not in done.stderr


# -- re-import keeps commentary ----------------------------------------------------------------------


def test_reimport_keeps_commentary_and_refuses_to_orphan_it(site: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(site, *map(str, usable_files("A-RES-77-36"))) == 0
    slot = folder_of(site, "A-RES-77-36") / "commentary" / "op-5.md"
    slot.parent.mkdir()
    slot.write_text("---\nauthors: [A. Scholar]\nupdated: 2026-01-01\n---\nA note on paragraph 5.\n", "utf-8")
    assert run(site, *map(str, usable_files("A-RES-77-36"))) == 0
    assert slot.read_text("utf-8").endswith("A note on paragraph 5.\n")
    # A version without paragraph 5: the commentary would be orphaned, so nothing is written.
    english = (AKN / "A-RES-77-36" / "en.xml").read_text("utf-8")
    res = store.load_resolution(folder_of(site, "A-RES-77-36") / "resolution.yaml")
    eid = dict(next(s for s in res.sources if s.language == "en").eids)["op-5"]
    start = english.index(f'<paragraph eId="{eid}"')
    shorter = english[:start] + english[english.index("</paragraph>", start) + len("</paragraph>") :]
    changed = slot.parent.parent.parent.parent / "en.xml"
    changed.write_text(shorter, "utf-8")
    before = (folder_of(site, "A-RES-77-36") / "resolution.yaml").read_bytes()
    capsys.readouterr()
    assert run(site, str(changed)) == 2
    assert "commentary on op-5" in capsys.readouterr().err
    assert (folder_of(site, "A-RES-77-36") / "resolution.yaml").read_bytes() == before
    assert run(site, str(changed), "--rename", "op-5=op-4") == 0
    assert (slot.parent / "op-4.md").exists() and not slot.exists()


def test_importing_from_the_xml_replaces_the_text_source(site: Path) -> None:
    folder = folder_of(site, "A-RES-74-28")
    folder.mkdir(parents=True)
    (folder / "source.txt").write_text("an earlier import", "utf-8")
    assert run(site, str(AKN / "A-RES-74-28" / "en.xml")) == 0
    assert not (folder / "source.txt").exists() and (folder / "source.en.xml").exists()


# -- export ---------------------------------------------------------------------------------------------


def export(site: Path, *args: str) -> int:
    return main(["--config", str(site), "export", *args])


def test_export_akn_and_json(site: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(site, *map(str, usable_files("A-RES-74-28"))) == 0
    out = tmp_path / "74-28.fr.xml"
    assert export(site, "A/RES/74/28", "--format", "akn", "--lang", "fr", "--output", str(out)) == 0
    assert validate(out.read_bytes()) == []
    assert b'<FRBRlanguage language="fra"/>' in out.read_bytes()
    capsys.readouterr()
    assert export(site, "A/RES/74/28", "--format", "json", "--lang", "zh") == 0
    data = json.loads(capsys.readouterr().out)
    jsonschema.validate(data, store.schema())
    assert [s["language"] for s in data["sources"]] == ["zh"]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["A/RES/1/1"], "no resolution A/RES/1/1 on this site"),
        (["A/RES/74/28", "--lang", "ru"], "A/RES/74/28 has no ru version"),
    ],
)
def test_export_refuses_what_it_cannot_do(
    site: Path, args: list[str], message: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(site, *map(str, usable_files("A-RES-74-28"))) == 0
    capsys.readouterr()
    assert export(site, *args) == 2
    assert message in capsys.readouterr().err


# -- golden files ------------------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["A-RES-74-28", "A-RES-79-252", "A-RES-77-5"])
def test_golden_imports(site: Path, name: str, golden) -> None:  # type: ignore[no-untyped-def]
    assert run(site, *map(str, usable_files(name)), "--imported-on", "2026-01-02") == 0
    slug = next(p for p in (site.parent / "resolutions").iterdir() if p.is_dir())
    text = (slug / "resolution.yaml").read_text("utf-8")
    golden(f"{name}.akn.resolution.yaml", text.replace(str(AKN), "<fixtures>"))
    assert GOLDEN.exists()
