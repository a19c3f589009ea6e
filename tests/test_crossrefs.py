"""Paragraph references in commentary, "cited by", the documents index and the lineage."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from generator.citations import document_index, lineage
from generator.commentary import Slot
from generator.crossrefs import find_refs, resolve
from generator.model import Resolution
from generator.render import Linker, commentary_html
from generator.store import load_resolution
from tests.conftest import ROOT
from tests.site_server import build_site


@pytest.fixture(scope="module")
def seed() -> Resolution:
    return load_resolution(ROOT / "resolutions/A-RES-73-266/resolution.yaml")


def slot(body: str, pid: str = "op-1-a", body_line: int = 5) -> Slot:
    return Slot(pid, Path(f"commentary/{pid}.md"), body, body_line)


def test_reference_forms() -> None:
    body = (
        "See [operative paragraph 3](#op-3) and\n"
        "[its (b)](A/RES/73/266#op-1-b), [the other one](A/RES/73/6), "
        "[a heading](#background), [a site](https://example.org/#op-3), `[code](#op-9)`.\n"
        "```\n[fenced](#op-9)\n```\n"
    )
    refs = find_refs(slot(body), "A/RES/73/266")
    assert [(r.symbol, r.paragraph_id, r.line) for r in refs] == [
        ("A/RES/73/266", "op-3", 5),
        ("A/RES/73/266", "op-1-b", 6),
        ("A/RES/73/6", "", 6),
    ]


def test_references_become_site_links_with_previews() -> None:
    body = "See [op 3](#op-3), [73/6](A/RES/73/6) and [its op 2](A/RES/73/6#op-2); [elsewhere](A/RES/70/1)."
    linker = Linker("A/RES/73/266/index.md", frozenset({"A/RES/73/266", "A/RES/73/6"}))
    out = str(commentary_html(slot(body), "A/RES/73/266", linker))
    assert '<a href="#op-3" class="ar-ref" data-preview="">op 3</a>' in out
    assert '<a href="../6/" class="ar-ref">73/6</a>' in out
    assert '<a href="../6/#op-2" class="ar-ref" data-preview="">its op 2</a>' in out
    assert '<a href="https://undocs.org/A/RES/70/1" class="ar-ref">elsewhere</a>' in out


def test_bad_references_are_reported_with_file_and_line(seed: Resolution) -> None:
    slots = {"A/RES/73/266": {"op-1-a": slot("Fine: [x](#op-3).\nWrong: [y](#op-33)\n[z](A/RES/1/2#op-1)")}}
    crossrefs, problems = resolve({seed.symbol: seed}, slots, {"commentary/op-1-a.md": "c/op-1-a.md"})
    assert [(p.path, p.line) for p in problems] == [("c/op-1-a.md", 6), ("c/op-1-a.md", 7)]
    assert "'op-33', which A/RES/73/266 does not have" in problems[0].message
    assert problems[0].snippet == "[y](#op-33)"
    assert "this site does not have A/RES/1/2" in problems[1].message
    assert [b.paragraph_id for b in crossrefs.cited_by[("A/RES/73/266", "op-3")]] == ["op-1-a"]


def test_cited_by_in_document_order_without_self_references(seed: Resolution) -> None:
    slots = {
        "A/RES/73/266": {
            "op-3": slot("Compare [op 1](#op-1) and [itself](#op-3).", "op-3"),
            "pp-10": slot("Leads to [op 1](#op-1).", "pp-10"),
        }
    }
    crossrefs, problems = resolve({seed.symbol: seed}, slots, {})
    assert problems == []
    assert [b.name for b in crossrefs.cited_by[("A/RES/73/266", "op-1")]] == [
        "preambular paragraph 10",
        "operative paragraph 3",
    ]
    assert ("A/RES/73/266", "op-3") not in crossrefs.cited_by


def test_documents_index(seed: Resolution) -> None:
    docs = {d.symbol: d for d in document_index([seed])}
    assert len([d for d in docs.values() if d.kind == "resolution"]) == 19
    assert docs["A/DEC/72/512"].kind == "decision"
    assert [c.where for c in docs["A/65/201"].citations] == [
        "footnote 1 to preambular paragraph 10",
        "footnote 1 to operative paragraph 1 (a)",
    ]
    assert docs["A/73/505"].citations[0].where == "header"
    assert not docs["A/RES/53/70"].on_site


def test_lineage_oldest_first_with_dates(seed: Resolution) -> None:
    items = lineage(seed)
    assert len(items) == 20
    assert (items[0].symbol, str(items[0].date)) == ("A/RES/53/70", "1998-12-04")
    assert (items[-1].symbol, items[-1].kind, str(items[-1].date)) == ("A/DEC/72/512", "decision", "2017-12-04")
    assert [i.date for i in items] == sorted(i.date for i in items if i.date)


def test_broken_reference_fails_build_and_check(project_copy: Path) -> None:
    path = project_copy.parent / "resolutions/A-RES-73-266/commentary/op-3.md"
    lines = path.read_text("utf-8").splitlines()
    lines.append("See also [the sixth](#op-66).")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    where = f"resolutions/A-RES-73-266/commentary/op-3.md:{len(lines)}"
    result = build_site(project_copy)
    assert result.returncode != 0
    assert f"{where}: reference to paragraph 'op-66', which A/RES/73/266 does not have" in result.stderr
    check = subprocess.run(
        [sys.executable, "-m", "generator", "--config", str(project_copy), "check"], capture_output=True, text=True
    )
    assert check.returncode == 1
    assert where in check.stderr


def test_documents_page_and_cited_by_in_the_site(tmp_path: Path) -> None:
    from tests.conftest import copy_project

    config = copy_project(tmp_path)
    result = build_site(config)
    assert result.returncode == 0, result.stderr
    documents = (tmp_path / "site/documents/index.html").read_text("utf-8")
    assert 'href="https://undocs.org/A/RES/53/70"' in documents
    assert 'href="../A/RES/73/266/#pp-10"' in documents
    page = (tmp_path / "site/A/RES/73/266/index.html").read_text("utf-8")
    assert (
        '<p class="ar-cited-by">Cited in the commentary on <a href="#pp-10" data-preview>preambular paragraph 10</a>, '
        '<a href="#op-1-a" data-preview>operative paragraph 1 (a)</a>.</p>'
    ) in page


def test_strict_build_fails_on_a_broken_anchor(tmp_path: Path) -> None:
    """MkDocs' validation settings make a link to a paragraph that does not exist fail --strict."""
    from tests.conftest import copy_project

    config = copy_project(tmp_path)
    (tmp_path / "docs" / "notes.md").write_text("# Notes\n\nSee [op 99](A/RES/73/266/index.md#op-99).\n")
    result = build_site(config)
    assert result.returncode != 0
    assert "op-99" in result.stderr
