"""Read an XML file safely: no document type declaration, no entities, no network, no huge trees.

An Akoma Ntoso file needs none of what makes XML dangerous.  A document type declaration is
where external entities (``<!ENTITY x SYSTEM "file:///etc/passwd">``, or an ``http://`` address)
and entity expansion bombs ("billion laughs") are declared, so a file that has one is refused
outright, before any entity could be read or expanded; the parser itself is also set never to
resolve entities, load a DTD or touch the network, and keeps libxml2's limits on the size and
depth of the tree (``huge_tree`` off).
"""

from __future__ import annotations

import re

from lxml import etree

from generator.errors import Problem, UnstructurableTextError

AKN_NS = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"
"""The Akoma Ntoso 3.0 namespace."""

MAX_BYTES = 32 * 1024 * 1024
"""Larger files are refused: the largest resolution published is under 1 MB."""

_DOCTYPE = re.compile(rb"<!DOCTYPE|<!ENTITY", re.IGNORECASE)


def _parser() -> etree.XMLParser:
    return etree.XMLParser(
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        dtd_validation=False,
        huge_tree=False,
        remove_pis=True,
        collect_ids=False,
    )


def _line_of(data: bytes, offset: int) -> int:
    return data.count(b"\n", 0, offset) + 1


def parse_xml(data: bytes, shown: str) -> etree._Element:
    """The root element of ``data``; :class:`UnstructurableTextError` (``path:line: message``)
    for an empty, oversized, malformed or dangerous file."""
    if not data.strip():
        raise UnstructurableTextError([Problem(shown, 0, "the file is empty", hint="give an Akoma Ntoso XML file")])
    if len(data) > MAX_BYTES:
        raise UnstructurableTextError(
            [Problem(shown, 0, f"the file is too large ({len(data):,} bytes; at most {MAX_BYTES:,})")]
        )
    if m := _DOCTYPE.search(data):
        raise UnstructurableTextError(
            [
                Problem(
                    shown,
                    _line_of(data, m.start()),
                    "XML with a document type declaration or entities is refused: they can read "
                    "files, reach the network or expand without bound",
                    data[m.start() : m.start() + 80].decode("utf-8", "replace"),
                    "Akoma Ntoso files need no DOCTYPE: remove it",
                )
            ]
        )
    try:
        root = etree.fromstring(data, _parser())
    except etree.XMLSyntaxError as exc:
        line = exc.lineno or 0
        message = str(exc.msg or exc).split(", line ")[0]
        raise UnstructurableTextError([Problem(shown, line, f"not well-formed XML: {message}")]) from None
    if root is None:  # pragma: no cover - lxml raises instead
        raise UnstructurableTextError([Problem(shown, 0, "not an XML document")])
    docinfo = root.getroottree().docinfo
    if docinfo.doctype or docinfo.internalDTD is not None:  # type: ignore[union-attr]  # declared in an encoding the scan missed
        raise UnstructurableTextError(
            [Problem(shown, 1, "XML with a document type declaration is refused", hint="remove the DOCTYPE")]
        )
    return root


def line_of(el: etree._Element | None) -> int:
    """The line an element starts on (0 when not known)."""
    value = el.sourceline if el is not None else None
    return value if isinstance(value, int) else 0


def local(tag: object) -> str:
    """The local name of an element's tag (``""`` for comments and processing instructions)."""
    if not isinstance(tag, str):
        return ""
    return tag.rpartition("}")[2]


__all__ = ["AKN_NS", "MAX_BYTES", "line_of", "local", "parse_xml"]
