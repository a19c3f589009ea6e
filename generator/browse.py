"""Where a resolution is shelved in the site's navigation: by body, then by session or year.

The navigation stays small whatever the number of resolutions: the theme's sidebar holds one
entry, ``Browse``; the generated pages under ``browse/`` list the bodies, each body its
sessions (General Assembly) or years (Security Council and others), each of those its
resolutions.  A shelf is read from the symbol, so it never depends on another resolution:

=========================  ==========================  ===============================
symbol                     shelf (URL part)            label
=========================  ==========================  ===============================
``A/RES/73/266``           ``73``                      ``73rd session (2018–2019)``
``A/RES/ES-11/4``          ``es-11``                   ``11th emergency special session``
``A/RES/S-27/2``           ``s-27``                    ``27th special session``
``A/RES/2625(XXV)``        ``25``                      ``25th session (1970–1971)``
``S/RES/1590(2005)``       ``2005``                    ``2005``
anything else              the year of adoption        the year (``undated`` without one)
=========================  ==========================  ===============================
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from datetime import date

BROWSE_PAGE = "browse/index.md"

_GA_SESSION = re.compile(r"^A/(?:RES/|DEC/|C\.[1-6]/)?(?P<session>[0-9]{1,3})/(?:L\.)?[0-9]+")
"""A General Assembly resolution, decision or draft (``A/C.1/80/L.20``, ``A/80/L.5``) of a
regular session."""
_GA_SPECIAL = re.compile(r"^A/RES/(?P<kind>ES|S)-(?P<session>[0-9]{1,3})/[0-9]+")
_GA_ROMAN = re.compile(r"^A/RES/[0-9]+\s?\((?P<roman>[IVXLCDM]+)\)")
_YEAR = re.compile(r"\((?P<year>[0-9]{4})\)$")
_ROMAN = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100, "D": 500, "M": 1000}
FIRST_GA_YEAR = 1946
"""The year the General Assembly's first session opened: session N opens in 1945 + N."""


def ordinal(n: int) -> str:
    """``1st``, ``2nd``, ``3rd``, ``11th``, ``73rd``."""
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def roman(text: str) -> int:
    """``XXV`` -> 25."""
    total = 0
    for i, c in enumerate(text):
        value = _ROMAN[c]
        total += -value if i + 1 < len(text) and _ROMAN[text[i + 1]] > value else value
    return total


def slug(text: str) -> str:
    """``General Assembly`` -> ``general-assembly``."""
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-") or "other"


@dataclass(frozen=True, slots=True)
class Shelf:
    """A body's session or year: one page of the navigation."""

    body: str
    """``General Assembly``."""
    slug: str
    """The shelf's part of the URL: ``73``, ``es-11``, ``2005``."""
    label: str
    """``73rd session (2018–2019)``."""
    order: tuple[int, int]
    """Sorts the shelves of a body, newest first: (kind, minus its number)."""

    @property
    def body_slug(self) -> str:
        return slug(self.body)

    @property
    def page(self) -> str:
        """The shelf's page in docs/."""
        return f"browse/{self.body_slug}/{self.slug}/index.md"

    @property
    def body_page(self) -> str:
        return body_page(self.body)


def body_page(body: str) -> str:
    """The page in docs/ that lists a body's sessions or years."""
    return f"browse/{slug(body)}/index.md"


def shelf_of(symbol: str, body: str, adopted: date | None) -> Shelf:
    """The shelf of a resolution (see the module's table)."""
    if m := _GA_SPECIAL.match(symbol):
        n = int(m.group("session"))
        emergency = m.group("kind") == "ES"
        kind = "emergency special session" if emergency else "special session"
        return Shelf(body, f"{m.group('kind').lower()}-{n}", f"{ordinal(n)} {kind}", (1 if emergency else 2, -n))
    m = _GA_SESSION.match(symbol) or _GA_ROMAN.match(symbol)
    if m:
        n = int(m.group("session")) if "session" in m.groupdict() else roman(m.group("roman"))
        opens = FIRST_GA_YEAR + n - 1
        return Shelf(body, str(n), f"{ordinal(n)} session ({opens}–{opens + 1})", (0, -n))
    year = int(m.group("year")) if (m := _YEAR.search(symbol)) else adopted.year if adopted else 0
    if year:
        return Shelf(body, str(year), str(year), (0, -year))
    return Shelf(body, "undated", "undated", (9, 0))


# -- agenda items and subjects: more ways into thousands of resolutions, each a page ----------

AGENDA_PAGE = "browse/agenda-items/index.md"
SUBJECTS_PAGE = "browse/subjects/index.md"
SERIES_PAGE = "browse/series/index.md"

THESAURI: dict[str, tuple[str, str]] = {
    "SDGO": ("sdg", "Sustainable Development Goals"),
    "UNBIS": ("unbis", "UNBIS Thesaurus"),
    "EuroVoc": ("eurovoc", "EuroVoc"),
}
"""The publisher's classifications shown as subject pages: dictionary as in the data -> (URL
part, name), in the order the subject index shows them.  The library's authorities (``DHLAUTH``,
mostly one name per resolution) and agendas are not: the agenda item has pages of its own."""

SDG_NAMES = (
    "No poverty",
    "Zero hunger",
    "Good health and well-being",
    "Quality education",
    "Gender equality",
    "Clean water and sanitation",
    "Affordable and clean energy",
    "Decent work and economic growth",
    "Industry, innovation and infrastructure",
    "Reduced inequalities",
    "Sustainable cities and communities",
    "Responsible consumption and production",
    "Climate action",
    "Life below water",
    "Life on land",
    "Peace, justice and strong institutions",
    "Partnerships for the goals",
)
"""The seventeen Goals of the 2030 Agenda (A/RES/70/1), by number."""


@dataclass(frozen=True, slots=True, order=True)
class Subject:
    """A keyword of one of :data:`THESAURI`: one page of the navigation."""

    order: tuple[int, int, str]
    """Sorts subjects: thesaurus, then goal number or label."""
    thesaurus: str
    """The URL part of its thesaurus: ``unbis``."""
    slug: str
    label: str
    """As readers see it: ``Sustainable development``, ``Goal 16: Peace, justice and strong institutions``."""

    @property
    def page(self) -> str:
        return f"browse/subjects/{self.thesaurus}/{self.slug}/index.md"


def subject_of(dictionary: str, value: str) -> Subject | None:
    """The subject page of a keyword, or None for a dictionary without pages.

    ``("UNBIS", "sustainable_development")`` -> ``Sustainable development``;
    ``("SDGO", "16")`` -> ``Goal 16: Peace, justice and strong institutions``."""
    if dictionary not in THESAURI:
        return None
    part, _ = THESAURI[dictionary]
    rank = list(THESAURI).index(dictionary)
    if dictionary == "SDGO":
        if not value.isdigit() or not 1 <= int(value) <= len(SDG_NAMES):
            return Subject((rank, 99, value), part, slug(value), f"Goal {value}")
        n = int(value)
        return Subject((rank, n, ""), part, str(n), f"Goal {n}: {SDG_NAMES[n - 1]}")
    words = " ".join(value.replace("_", " ").split())
    if not words:
        return None
    label = words[:1].upper() + words[1:]
    return Subject((rank, 0, label.lower()), part, slug(words)[:80].strip("-") or "subject", label)


def agenda_slugs(titles: list[str]) -> dict[str, str]:
    """A URL part for each agenda item title: its words, and when they are many, the first of
    them and a short digest of the whole title (many titles begin alike: "Cooperation between
    the United Nations and regional and other organizations: ...")."""
    out: dict[str, str] = {}
    for title in sorted(set(titles)):
        full = slug(title)
        if len(full) <= 64:
            out[title] = full
        else:
            digest = hashlib.sha256(title.encode("utf-8")).hexdigest()[:6]
            out[title] = f"{full[:56].rsplit('-', 1)[0]}-{digest}"
    return out


def agenda_page(slug_: str) -> str:
    return f"browse/agenda-items/{slug_}/index.md"
