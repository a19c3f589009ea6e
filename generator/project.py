"""Where a project's parts live, and the repository host settings read from ``mkdocs.yml``."""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlencode

import yaml


class _LenientLoader(yaml.SafeLoader):
    """Reads ``mkdocs.yml`` without importing what its ``!!python/name`` tags point at."""


def _env_tag(loader: yaml.SafeLoader, node: yaml.Node) -> object:
    """MkDocs' ``!ENV NAME`` / ``!ENV [NAME, OTHER, default]``: the first variable set, else the default."""
    if isinstance(node, yaml.ScalarNode):
        return os.environ.get(str(loader.construct_scalar(node)))
    items = loader.construct_sequence(node) if isinstance(node, yaml.SequenceNode) else []
    for name in items[:-1]:
        if str(name) in os.environ:
            return os.environ[str(name)]
    return items[-1] if items else None


_LenientLoader.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)
_LenientLoader.add_constructor("!ENV", _env_tag)
_LenientLoader.add_multi_constructor("!", lambda loader, suffix, node: None)


@dataclass(frozen=True, slots=True)
class Project:
    root: Path
    docs_dir: Path
    resolutions_dir: Path
    templates_dir: Path
    repo_url: str
    """``https://github.com/owner/name`` or ``""`` when the site has no repository."""
    branch: str
    site_url: str

    def rel(self, path: Path) -> str:
        """``path`` relative to the repository root, with forward slashes."""
        if path.is_relative_to(self.root):  # paths built from the root: no file system look-up
            return path.relative_to(self.root).as_posix()
        return path.resolve().relative_to(self.root.resolve()).as_posix()

    def edit_url(self, path: Path) -> str:
        """The repository host's web editor for an existing file."""
        if not self.repo_url:
            return ""
        return f"{self.repo_url}/edit/{self.branch}/{quote(self.rel(path))}"

    def view_url(self, path: Path) -> str:
        """The repository host's page for a file."""
        if not self.repo_url:
            return ""
        return f"{self.repo_url}/blob/{self.branch}/{quote(self.rel(path))}"

    def create_url(self, path: Path, content: str = "") -> str:
        """The repository host's "new file" form, with the file's name filled in, and its first
        content when ``content`` is given (see :func:`new_file_value` for sharing that part)."""
        if not self.repo_url:
            return ""
        folder = quote(self.rel(path.parent))
        url = f"{self.repo_url}/new/{self.branch}/{folder}?{urlencode({'filename': path.name})}"
        return f"{url}&{new_file_value(content)}" if content else url


def read_mkdocs_config(config_file: Path) -> dict[str, Any]:
    with config_file.open(encoding="utf-8") as fh:
        loaded = yaml.load(fh, Loader=_LenientLoader)
    return loaded if isinstance(loaded, dict) else {}


def plugin_options(config: dict[str, Any]) -> dict[str, Any]:
    for entry in config.get("plugins") or ():
        if isinstance(entry, dict) and "annotated-resolutions" in entry:
            opts = entry["annotated-resolutions"]
            return opts if isinstance(opts, dict) else {}
    return {}


def project_from_config(
    config_file: Path,
    *,
    resolutions_dir: str = "resolutions",
    templates_dir: str = "templates",
    docs_dir: str | None = None,
    repo_url: str | None = None,
    edit_uri: str | None = None,
    site_url: str | None = None,
) -> Project:
    """The project around ``mkdocs.yml``; explicit arguments win over what the file says."""
    root = config_file.parent
    config = read_mkdocs_config(config_file) if config_file.exists() else {}
    opts = plugin_options(config)
    repo = (repo_url if repo_url is not None else config.get("repo_url") or "").rstrip("/")
    uri = edit_uri if edit_uri is not None else config.get("edit_uri") or "edit/main/docs/"
    m = re.match(r"^(?:edit|blob|tree)/([^/]+)/", uri)
    return Project(
        root=root,
        docs_dir=root / (docs_dir or config.get("docs_dir") or "docs"),
        resolutions_dir=root / opts.get("resolutions_dir", resolutions_dir),
        templates_dir=root / opts.get("templates_dir", templates_dir),
        repo_url=repo,
        branch=m.group(1) if m else "main",
        site_url=site_url if site_url is not None else config.get("site_url") or "",
    )


@cache
def new_file_value(content: str) -> str:
    """The ``value=`` query parameter that fills a new file with ``content`` in the repository
    host's "new file" form: appended to a :meth:`Project.create_url` address."""
    return urlencode({"value": content})
