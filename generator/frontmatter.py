"""The YAML front matter of a generated page."""

from __future__ import annotations

import html
from collections.abc import Mapping

import yaml
from markupsafe import Markup

THEME_INSERTS_RAW = ("title", "description")
"""Front matter fields that the theme (Material for MkDocs) inserts into its HTML without
escaping (``<title>``, ``<meta name="description">``, the header, the navigation): they hold
HTML-escaped text.  Every other field is read by this project's own templates, which escape."""


_DUMPER = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
"""libyaml's emitter where PyYAML has it (its wheels do): a tenth of the time of the Python one,
which was a seventh of a resolution page's rendering.  The two quote a few rare texts
differently (characters outside the Basic Multilingual Plane are escaped): both are YAML for the
same values."""


def _escape(text: str) -> str:
    """``&``, ``<``, ``>`` and ``"``: what breaks HTML text or a double-quoted attribute (the
    theme quotes its attributes with ``"``; an apostrophe, common in titles, stays as it is)."""
    return html.escape(text, quote=False).replace('"', "&quot;")


def front_matter(meta: Mapping[str, object]) -> Markup:
    """YAML front matter, quoted safely whatever the values contain (PyYAML's safe dumper); the
    fields the theme inserts raw (:data:`THEME_INSERTS_RAW`) HTML-escaped."""
    data = {k: _escape(v) if k in THEME_INSERTS_RAW and isinstance(v, str) else v for k, v in meta.items()}
    text = yaml.dump(data, Dumper=_DUMPER, allow_unicode=True, sort_keys=False, width=100_000)
    return Markup("---\n" + text + "---")  # noqa: S704 - YAML, not HTML: the page file's header
