"""The site with resolutions imported from Akoma Ntoso: it builds strictly, and publishes each
resolution's Akoma Ntoso XML and JSON per language, linked from the page's header."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

from generator import store
from generator.akn.export import validate
from generator.cli import main
from tests.akn_helpers import usable_files
from tests.conftest import ROOT, copy_project
from tests.site_server import build_site


def test_a_site_with_resolutions_a_and_b_sections_annexes_and_tables_builds(tmp_path: Path) -> None:
    config = copy_project(tmp_path)
    for name in ("A-RES-79-252", "A-RES-76-241", "A-RES-77-5", "A-RES-75-257B"):
        assert main(["--config", str(config), "import", *map(str, usable_files(name))]) == 0
    result = build_site(config)
    assert result.returncode == 0, result.stderr
    folder = tmp_path / "site" / "A" / "RES" / "79" / "252A-B"
    for language in ("en", "fr"):
        assert validate((folder / f"resolution.{language}.xml").read_bytes()) == []
        jsonschema.validate(json.loads((folder / f"resolution.{language}.json").read_text("utf-8")), store.schema())
    page = (folder / "index.html").read_text("utf-8")
    assert 'href="resolution.en.xml"' in page and 'href="resolution.en.json"' in page
    assert 'id="a-op-1"' in page and 'id="b-op-1"' in page, "the page shows the paragraphs of A and of B"


@pytest.mark.parametrize("path", sorted((ROOT / "resolutions").glob("*/resolution.yaml")), ids=lambda p: p.parent.name)
def test_the_sites_data_files_are_listed_for_every_language(path: Path) -> None:
    from generator.akn.export import data_file_names

    res = store.load_resolution(path)
    names = data_file_names(res)
    assert sorted(names) == sorted(res.languages)
    assert names[res.language] == (f"resolution.{res.language}.xml", f"resolution.{res.language}.json")


def test_the_footer_credits_the_united_nations() -> None:
    text = (ROOT / "mkdocs.yml").read_text("utf-8")
    line = next(line for line in text.splitlines() if line.startswith("copyright:"))
    assert "United Nations" in line and "unofficial copies" in line and "without warranty" in line
