"""Incremental generation: what a run renders and writes, given what changed since the last one.

Every test ends by comparing docs/ with a build from scratch (no cache, no manifest), so that a
skipped unit can never leave a page out of date.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from generator.build import build, generate, load_project, render_pages
from generator.cache import CACHE_DIR
from generator.project import Project, project_from_config

PAGE = "page A/RES/73/266"
OTHER = "page A/RES/73/6"


def generated(project: Project) -> dict[str, bytes]:
    """The generated files in docs/ (the hand-written assets left aside)."""
    pages = render_pages(project, load_project(project, use_cache=False))
    return {rel: (project.docs_dir / rel).read_bytes() for rel in sorted(pages)}


def from_scratch(project: Project) -> dict[str, bytes]:
    """What docs/ should hold: every page rendered without cache."""
    pages = render_pages(project, load_project(project, use_cache=False))
    return {rel: c.encode("utf-8") if isinstance(c, str) else c for rel, c in sorted(pages.items())}


@pytest.fixture
def project(core_copy: Path) -> Project:
    p = project_from_config(core_copy)
    first = build(p)
    assert PAGE in first.rendered and "home" in first.rendered
    return p


def append(path: Path, text: str) -> None:
    path.write_text(path.read_text("utf-8") + text, encoding="utf-8")


def test_second_run_renders_and_writes_nothing(project: Project) -> None:
    report = build(project)
    assert report.rendered == []
    assert report.written == []
    assert report.unchanged == len(from_scratch(project))
    assert generated(project) == from_scratch(project)


def test_commentary_edit_renders_only_its_page(project: Project) -> None:
    append(project.resolutions_dir / "A-RES-73-266" / "commentary" / "op-3.md", "\nA further remark.\n")
    report = build(project)
    assert report.rendered == [PAGE]
    assert [p.relative_to(project.docs_dir).as_posix() for p in report.written] == ["A/RES/73/266/index.md"]
    assert generated(project) == from_scratch(project)


def test_a_new_citation_rerenders_the_cited_page(project: Project) -> None:
    # A commentary on 73/266 that cites a paragraph of 73/6: the page of 73/6 shows "cited in".
    append(
        project.resolutions_dir / "A-RES-73-266" / "commentary" / "op-3.md",
        "\nCompare [its first paragraph](A/RES/73/6#op-1).\n",
    )
    report = build(project)
    assert sorted(report.rendered) == sorted([PAGE, OTHER])
    page = (project.docs_dir / "A/RES/73/6/index.md").read_text("utf-8")
    assert (
        'Cited in the commentary on <a href="../266/#op-3" data-preview>A/RES/73/266, operative paragraph 3</a>' in page
    )
    assert generated(project) == from_scratch(project)


def later_resolution(project: Project, symbol: str, recital: str) -> Path:
    """A copy of A/RES/73/266 as ``symbol``, adopted a year later, whose first preambular
    paragraph is ``recital``: a later resolution of the site that may cite 73/266."""
    source = project.resolutions_dir / "A-RES-73-266"
    number = symbol.removeprefix("A/RES/")
    folder = project.resolutions_dir / ("A-RES-" + number.replace("/", "-"))
    folder.mkdir()
    shutil.copy(source / "source.txt", folder / "source.txt")
    text = (source / "resolution.yaml").read_text("utf-8")
    text = text.replace("A/RES/73/266", symbol).replace("73/266", number).replace("2018-12-22", "2019-12-12")
    start = text.index("    en: its resolutions 53/70")
    end = text.index("\n", start)
    data = folder / "resolution.yaml"
    data.write_text(text[:start] + f"    en: {recital}" + text[end:], encoding="utf-8")
    return data


def test_lineage_follows_the_resolutions_that_cite_each_other(project: Project) -> None:
    # A later resolution recalls 73/266: 73/266's lineage lists it, with its title, after itself.
    data = later_resolution(project, "A/RES/74/28", "its resolution 73/266 of 22 December 2018,")
    report = build(project)
    assert {PAGE, "page A/RES/74/28", "home", "browse", "documents"} <= set(report.rendered)
    page = (project.docs_dir / "A/RES/73/266/index.md").read_text("utf-8")
    after = page[page.index('<li class="ar-timeline-after">') :]
    assert '<a class="ar-symbol" href="../../74/28/">74/28</a> <span class="ar-when">12 December 2019</span>' in after
    assert '<a href="../../74/28/#pp-1" data-preview>preambular paragraph 1</a>' in after
    later = (project.docs_dir / "A/RES/74/28/index.md").read_text("utf-8")
    # and the later one's lineage gives the title of 73/266, which is on the site.
    assert (
        '<a class="ar-symbol" href="../../73/266/">73/266</a> <span class="ar-when">22 December 2018</span>'
        ' <span class="ar-timeline-title">Advancing responsible State behaviour' in later
    )
    assert generated(project) == from_scratch(project)
    # Its title changes: the page of 73/266 shows the new one.
    text = data.read_text("utf-8")
    lines = text.splitlines()
    title = lines[lines.index("title:") + 1]
    data.write_text(text.replace(title, "  en: A later title"), encoding="utf-8")
    mine = {"page A/RES/74/28", "files A/RES/74/28"}
    # (The State pages list the titles of the resolutions each State voted on.)
    assert set(build(project).rendered) == {PAGE, "home", "browse", "states", *mine}
    assert "A later title" in (project.docs_dir / "A/RES/73/266/index.md").read_text("utf-8")
    assert generated(project) == from_scratch(project)
    # It no longer cites 73/266: the lineage of 73/266 has nothing after it any more (and the
    # series on the home page, which follow what the resolutions recall, are made again).
    data.write_text(data.read_text("utf-8").replace("its resolution 73/266 of", "its work of"), encoding="utf-8")
    assert set(build(project).rendered) == {PAGE, "documents", "home", *mine}
    assert "ar-timeline-after" not in (project.docs_dir / "A/RES/73/266/index.md").read_text("utf-8")
    assert generated(project) == from_scratch(project)


def test_new_tags_rerender_the_topic_pages(project: Project) -> None:
    slot = project.resolutions_dir / "A-RES-73-266" / "commentary" / "op-3.md"
    text = slot.read_text("utf-8")
    assert "\ntags:" in text
    tag = next(line for line in text.splitlines() if line.startswith("tags:"))
    slot.write_text(text.replace(tag, "tags: [capacity-building]"), encoding="utf-8")
    report = build(project)
    assert sorted(report.rendered) == sorted([PAGE, "topics"])
    assert generated(project) == from_scratch(project)


def test_a_changed_template_rerenders_every_page_using_it(project: Project) -> None:
    append(project.templates_dir / "resolution.md.j2", "\n")
    report = build(project)
    pages = {name for name in report.rendered if name.startswith("page ")}
    assert pages == {f"page {r.symbol}" for r in load_project(project).resolutions}
    assert generated(project) == from_scratch(project)


def test_a_changed_data_file_rerenders_what_shows_it(project: Project) -> None:
    data = project.resolutions_dir / "A-RES-73-266" / "resolution.yaml"
    text = data.read_text("utf-8")
    assert "Calls upon" in text
    data.write_text(text.replace("Calls upon", "Urges", 1), encoding="utf-8")
    report = build(project)
    # Neither the title nor any citation changed: the home page and the documents index did not.
    assert set(report.rendered) == {PAGE, "files A/RES/73/266"}
    assert "Urges" in (project.docs_dir / "A/RES/73/266/index.md").read_text("utf-8")
    assert generated(project) == from_scratch(project)
    # A new title shows on the home page, the browse pages, the card and the topic pages.
    lines = text.splitlines()
    title = lines[lines.index("title:") + 1]  # title: {en: ...}, one language a line
    data.write_text(data.read_text("utf-8").replace(title, "  en: A shorter title"), encoding="utf-8")
    # (The State pages list the titles of the resolutions each State voted on.)
    assert set(build(project).rendered) == {PAGE, "files A/RES/73/266", "home", "browse", "topics", "states"}
    assert generated(project) == from_scratch(project)
    # A new citation shows in the documents index.
    data.write_text(data.read_text("utf-8").replace("Urges", "Urges, recalling resolution 12/34,"), encoding="utf-8")
    assert set(build(project).rendered) == {PAGE, "files A/RES/73/266", "documents"}
    assert "A/RES/12/34" in (project.docs_dir / "documents/index.md").read_text("utf-8")
    assert generated(project) == from_scratch(project)


def test_a_generated_file_edited_or_deleted_by_hand_is_restored(project: Project) -> None:
    page = project.docs_dir / "A/RES/73/266/index.md"
    page.write_text("edited by hand\n", encoding="utf-8")
    (project.docs_dir / "index.md").unlink()
    report = build(project)
    assert sorted(report.rendered) == sorted([PAGE, "home"])
    assert generated(project) == from_scratch(project)


def test_a_damaged_cache_costs_time_only(project: Project) -> None:
    cache = project.root / CACHE_DIR
    damaged = 0
    for entry in cache.rglob("*"):
        if entry.is_file():
            entry.write_bytes(b"\x80\x04 not a cache entry")
            damaged += 1
    assert damaged > len(load_project(project).resolutions)  # load entries and the manifest
    append(project.resolutions_dir / "A-RES-73-266" / "commentary" / "op-3.md", "\nA further remark.\n")
    report = build(project)
    assert PAGE in report.rendered
    assert [p.relative_to(project.docs_dir).as_posix() for p in report.written] == ["A/RES/73/266/index.md"]
    assert generated(project) == from_scratch(project)


def test_the_cache_does_not_hide_problems(project: Project) -> None:
    # Lint problems and stale warnings come back from the cache exactly as from the files.
    slot = project.resolutions_dir / "A-RES-73-266" / "commentary" / "op-3.md"
    append(slot, "\n<script>alert(1)</script>\n")
    fresh = load_project(project, use_cache=False)
    first = load_project(project)
    cached = load_project(project)
    assert any("op-3.md" in p.path for p in fresh.lint)
    assert cached.lint == first.lint == fresh.lint
    assert cached.stale == fresh.stale
    assert cached.resolutions == fresh.resolutions
    assert cached.slots == fresh.slots


def test_a_moved_project_does_not_reuse_paths(project: Project, tmp_path: Path) -> None:
    moved_root = tmp_path / "moved"
    shutil.copytree(project.root, moved_root)
    moved = project_from_config(moved_root / "mkdocs.yml")
    loaded = load_project(moved)
    assert all(slot.path.is_relative_to(moved_root) for by_id in loaded.slots.values() for slot in by_id.values())
    report, _ = generate(moved, loaded)
    assert report.written == []  # the pages copied along are already right
    assert generated(moved) == from_scratch(moved)


def test_serve_rebuilds_render_in_memory_and_leave_the_manifest(project: Project) -> None:
    append(project.resolutions_dir / "A-RES-73-266" / "commentary" / "op-3.md", "\nA further remark.\n")
    before = (project.docs_dir / "A/RES/73/266/index.md").read_bytes()
    report, pages = generate(project, load_project(project), write=False)
    assert report.written == [] and list(pages) == ["A/RES/73/266/index.md"]
    assert (project.docs_dir / "A/RES/73/266/index.md").read_bytes() == before
    # docs/ is still out of date, and the next build knows it.
    assert build(project).rendered == [PAGE]
    assert generated(project) == from_scratch(project)


def test_workers_produce_the_same_files(project_copy: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # Reading folders and rendering pages in forked workers gives what one process gives.
    import generator.build

    monkeypatch.setattr(generator.build, "PARALLEL_MIN", 1)
    project = project_from_config(project_copy)
    report = build(project, jobs=2)
    assert PAGE in report.rendered
    assert generated(project) == from_scratch(project)
    assert build(project, jobs=2).rendered == []
    append(project.resolutions_dir / "A-RES-73-266" / "commentary" / "op-3.md", "\nA further remark.\n")
    shutil.rmtree(project.root / CACHE_DIR / "summary")  # every folder read again, in the workers
    report = build(project, jobs=2)
    assert report.rendered == [PAGE]
    assert [p.relative_to(project.docs_dir).as_posix() for p in report.written] == ["A/RES/73/266/index.md"]
    assert generated(project) == from_scratch(project)


def test_pages_restored_with_new_times_are_not_rendered_again(project: Project) -> None:
    # A cache restored in CI, or a fresh copy of docs/: the times change, the contents do not.
    for path in project.docs_dir.rglob("*"):
        if path.is_file():
            st = path.stat()
            os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns + 5_000_000_000))
    assert build(project).rendered == []
    page = project.docs_dir / "A/RES/73/266/index.md"
    page.write_text(page.read_text("utf-8").replace("Calls upon", "Calls upom"), encoding="utf-8")
    st = page.stat()
    os.utime(page, ns=(st.st_atime_ns, st.st_mtime_ns - 5_000_000_000))  # same size, other time, other text
    assert build(project).rendered == [PAGE]
    assert generated(project) == from_scratch(project)


def test_lint_asked_later_comes_from_the_cached_models(project: Project, monkeypatch: pytest.MonkeyPatch) -> None:
    # `build` does not lint; the MkDocs plugin then asks for the lint: the commentary is linted
    # from the models in the cache, no data file is read again.
    import generator.build

    slot = project.resolutions_dir / "A-RES-73-266" / "commentary" / "op-3.md"
    append(slot, "\n<script>alert(1)</script>\n")
    build(project)

    def no_reading(*args: object) -> None:
        raise AssertionError("a folder was read again from its files")

    monkeypatch.setattr(generator.build, "_load_folder", no_reading)
    linted = load_project(project)
    assert any("op-3.md" in p.path for p in linted.lint)
    monkeypatch.undo()
    assert linted.lint == load_project(project, use_cache=False).lint


def test_a_changed_adoption_file_rerenders_its_page_and_the_state_pages(project: Project) -> None:
    adoption = project.resolutions_dir / "A-RES-73-266" / "adoption.yaml"
    text = adoption.read_text("utf-8")
    assert "A/73/505" in text
    adoption.write_text(text.replace("A/73/505", "A/73/506"), encoding="utf-8")
    report = build(project)
    assert sorted(report.rendered) == sorted([PAGE, "states"])
    assert "A/73/506" in (project.docs_dir / "A/RES/73/266/index.md").read_text("utf-8")
    assert generated(project) == from_scratch(project)
    # A second run renders nothing.
    assert build(project).rendered == []
