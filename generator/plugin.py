"""MkDocs adapter: runs the generator before every build and makes ``mkdocs serve`` watch its inputs.

All the work is done by :func:`generator.build.build`; this file only connects it to MkDocs.
"""

from __future__ import annotations

import logging
import time
import zlib
from pathlib import Path
from typing import Any

from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from generator.build import Loaded, default_jobs, generate, load_project
from generator.errors import GeneratorError
from generator.passthrough import PassthroughExtension, anchor_ids
from generator.project import Project, project_from_config
from generator.render import GENERATED_MARKER
from generator.search import index_site

log = logging.getLogger("mkdocs.plugins.annotated-resolutions")


class ResolutionsConfig(base.Config):
    resolutions_dir = c.Type(str, default="resolutions")
    templates_dir = c.Type(str, default="templates")


class ResolutionsPlugin(BasePlugin[ResolutionsConfig]):
    def __init__(self) -> None:
        self.project: Project | None = None
        self.loaded: Loaded | None = None
        self.serving = False
        self.builds = 0
        self.held: dict[str, bytes] = {}
        """The HTML of generated pages between their conversion and their rendering, compressed."""
        self.in_memory: dict[str, str | bytes] = {}
        """Pages of a serve rebuild, handed to MkDocs without writing them into docs/."""

    def on_startup(self, *, command: str, dirty: bool) -> None:
        self.serving = command == "serve"

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        config_file = Path(config.config_file_path)
        self.project = project_from_config(
            config_file,
            resolutions_dir=self.config.resolutions_dir,
            templates_dir=self.config.templates_dir,
            docs_dir=config.docs_dir,
            repo_url=config.repo_url or "",
            edit_uri=config.edit_uri or "",
            site_url=config.site_url or "",
        )
        # The generated pages' HTML blocks reach the output without Python-Markdown parsing them
        # (the same output, faster: generator/passthrough.py).
        if not any(isinstance(e, PassthroughExtension) for e in config.markdown_extensions):
            config.markdown_extensions.append(PassthroughExtension())
        return config

    def on_pre_build(self, *, config: MkDocsConfig) -> None:
        assert self.project is not None
        started = time.process_time()
        try:
            # Forked workers only outside `serve`, whose web server runs in threads.
            jobs = 1 if self.serving else default_jobs()
            self.loaded = load_project(self.project, jobs=jobs)
            for problem in self.loaded.lint:
                # Warnings, so that `mkdocs build --strict` refuses what `check` refuses; the
                # page itself shows the commentary neutralised.
                log.warning(problem.format())
            for problem in self.loaded.stale:
                log.info(problem.format())
            for problem in self.loaded.adoptions.warnings:  # sources that disagree: shown on the page too
                log.info(problem.format())
            # While serving, a rebuild must not write into docs/: serve watches it and would
            # rebuild once more. The changed pages go to MkDocs in memory (see on_files); docs/
            # is brought up to date by the next `mkdocs build` or `python -m generator build`.
            in_memory = self.serving and self.builds > 0
            report, self.in_memory = generate(self.project, self.loaded, write=not in_memory, jobs=jobs)
        except GeneratorError as exc:
            raise PluginError(f"annotated-resolutions: the resolution data has problems:\n{exc}") from None
        self.builds += 1
        # The generator's own CPU time in this process (forked workers of a first run not counted):
        # bench/bench.py reads it to report the generator's share of a build.
        log.info(
            "annotated-resolutions: %d pages written, %d unchanged, in %.2f s of CPU",
            len(report.written),
            report.unchanged,
            time.process_time() - started,
        )

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        assert self.project is not None
        for rel, content in self.in_memory.items():
            on_disk = self.project.docs_dir / rel
            data = content.encode("utf-8") if isinstance(content, str) else content
            if on_disk.exists() and on_disk.read_bytes() == data:
                continue
            existing = files.get_file_from_path(rel)
            if existing is not None:
                files.remove(existing)
            files.append(File.generated(config, rel, content=content))
        return files

    def on_page_content(self, html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        # MkDocs checks links to anchors against the ids it read in raw HTML; the passthrough
        # hides the generated HTML from that reader, so give it the ids of the page as built.
        if page.present_anchor_ids is not None:
            page.present_anchor_ids |= anchor_ids(html)
        # MkDocs converts every page before it renders any, holding every source and every HTML
        # body until the end: for thousands of generated pages, gigabytes. A generated page's
        # source is not needed once converted (its title is in its front matter; an empty
        # source, not None, keeps it), and its HTML is kept compressed until its turn comes.
        if GENERATED_MARKER in (page.markdown or "")[:1000] and page.meta.get("title"):
            page.markdown = ""
            self.held[page.file.src_uri] = zlib.compress(html.encode("utf-8"), 1)
            return ""
        return html

    def on_page_context(self, context: Any, *, page: Page, config: MkDocsConfig, nav: Any) -> Any:
        held = self.held.pop(page.file.src_uri, None)
        if held is not None:
            page.content = zlib.decompress(held).decode("utf-8")
        return context

    def on_post_page(self, output: str, *, page: Page, config: MkDocsConfig) -> str:
        # Its file rendered, a generated page's HTML is let go (the link checks read its ids).
        if page.markdown == "" and page.meta.get("title"):
            page.content = ""
        return output

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        # The site search's index, from the built pages (the same command serves Zensical).
        try:
            report = index_site(Path(config.site_dir))
        except GeneratorError as exc:
            raise PluginError(f"annotated-resolutions: the search index could not be built:\n{exc}") from None
        log.info("search index: %d pages, %d words, %d KB", report.pages, report.words, report.bytes // 1024)

    def on_serve(self, server: Any, *, config: MkDocsConfig, builder: Any) -> Any:
        assert self.project is not None
        for folder in (self.project.resolutions_dir, self.project.templates_dir):
            if folder.exists():
                server.watch(str(folder))
        return server
