"""Repairs of the wording shared by the text forms (Markdown, plain text, a PDF's text layer).

Text extracted from a PDF, and Markdown converted from one, carries artefacts of the extraction.
Each repair here is driven by the document itself, never by a list of known words:

- :func:`fix_spacing`: runs of white space become one space; a space before the second half of
  a hyphenated word goes (``Secretary -General`` -> ``Secretary-General``), and so does a space
  inside curly quotes (``Countries ”`` -> ``Countries”``);
- :func:`resolve_line_hyphens`: a hyphen at a line end (marked :data:`LINE_HYPHEN` when the lines
  were joined) stays a hyphen (``twenty-first``), unless the document spells the word without
  it elsewhere and never with it (``continu-ous`` -> ``continuous``);
- :func:`rejoin_split_words`: two adjacent fragments are one word when the document uses the
  joined word elsewhere and at least one fragment is not a word of the document
  (``Internati onal`` -> ``International``, ``in o rder`` -> ``in order``), or when a fragment is
  a single letter that is not a word (``peopl e``);
- :func:`bare_markers` and :func:`trailing_marker`: footnote markers printed as plain digits
  (the text layer loses superscripts) become ``[^N]`` when a footnote of that number exists and
  the digits stand where a marker stands: glued after punctuation (``Court,2``), after a
  capitalised word or punctuation (``Court 1``, ``Bodies, 5``), glued to a word (``Goals2``) or
  to a year (``2015–20303``); a number is taken only as the next footnote not yet cited or one
  already cited, so ``paragraph 3`` stays a number.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable

LINE_HYPHEN = "\u00ad"
"""Marks a hyphen that ended a line, until :func:`resolve_line_hyphens` decides on it."""

_SPACES = re.compile(r"\s+")
_SPACED_HYPHEN = re.compile(r"(?<=[A-Za-z]) -(?=[A-Za-z])")
_SPACED_QUOTES = re.compile(r"(?<=\S) +(?=[”’](?:[\s,;:.)]|$))|(?<=[“‘]) +(?=\S)")
_WORD_CHARS = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")
_LEAD_PUNCT = "“‘\"'([«"
_TRAIL_PUNCT = "”’\"'),;:.!?»]"


def fix_spacing(text: str) -> str:
    text = _SPACES.sub(" ", text).strip()
    text = _SPACED_HYPHEN.sub("-", text)
    return _SPACED_QUOTES.sub("", text)


def vocabulary(texts: Iterable[str]) -> Counter[str]:
    """How often each word (lower-cased letters, inner apostrophes kept) occurs in ``texts``."""
    counts: Counter[str] = Counter()
    for text in texts:
        counts.update(w.lower() for w in _WORD_CHARS.findall(text.replace(LINE_HYPHEN, "-")))
    return counts


def hyphenated_vocabulary(texts: Iterable[str]) -> Counter[str]:
    counts: Counter[str] = Counter()
    for text in texts:
        counts.update(m.group(0).lower() for m in re.finditer(r"[^\W\d_]+(?:-[^\W\d_]+)+", text))
    return counts


_SUSPENDING = frozenset({"and", "or", "nor", "to"})
"""Words after which a hyphen ending a line is a suspended hyphen, not a word broken in two."""


def resolve_line_hyphens(text: str, words: Counter[str], hyphenated: Counter[str]) -> str:
    def decide(m: re.Match[str]) -> str:
        left, right = m.group(1), m.group(2)
        if right in _SUSPENDING:
            # A suspended hyphen: "age- and gender-responsive", "pre- or post-conflict".
            return f"{left}- {right}"
        joined = (left + right).lower()
        if words[joined] > 0 and hyphenated[f"{left}-{right}".lower()] == 0:
            return left + right
        return f"{left}-{right}"

    text = re.sub(rf"([^\W\d_]*){LINE_HYPHEN}\s*([^\W\d_]*)", decide, text)
    return text.replace(LINE_HYPHEN, "-")


def _core(token: str) -> tuple[str, str, str]:
    """(leading punctuation, the word, trailing punctuation) of a token."""
    start, end = 0, len(token)
    while start < end and token[start] in _LEAD_PUNCT:
        start += 1
    while end > start and token[end - 1] in _TRAIL_PUNCT:
        end -= 1
    return token[:start], token[start:end], token[end:]


def _is_word(fragment: str, words: Counter[str]) -> bool:
    """Whether ``fragment`` occurs in the document other than in this one place."""
    low = fragment.lower()
    if len(low) == 1:
        return low in ("a", "i")
    return words[low] > 1


def rejoin_split_words(text: str, words: Counter[str]) -> str:
    """Join fragments of words split by a stray space; see the module docstring."""
    tokens = text.split(" ")
    out: list[str] = []
    i = 0
    while i < len(tokens):
        current = tokens[i]
        while i + 1 < len(tokens):
            lead, left, trail = _core(current)
            nlead, right, ntrail = _core(tokens[i + 1])
            if trail or nlead or not left.isalpha() or not right.isalpha() or not right[0].islower():
                break
            joined = (left + right).lower()
            known = words[joined] > 0 and not (_is_word(left, words) and _is_word(right, words))
            # A single letter that is no word joins a neighbour that is no word either:
            # "peopl e", "in o rder" (not "ino rder").
            single = (len(right) == 1 and right not in ("a", "i") and not _is_word(left, words)) or (
                len(left) == 1 and left.lower() not in ("a", "i") and not _is_word(right, words)
            )
            if not (known or single):
                break
            current = lead + left + right + ntrail
            i += 1
        out.append(current)
        i += 1
    return " ".join(out)


# -- footnote markers printed as plain digits ----------------------------------------------------

_NUMBERING_WORDS = frozenset(
    [
        "article",
        "articles",
        "chapter",
        "chapters",
        "goal",
        "goals",
        "target",
        "targets",
        "annex",
        "annexes",
        "part",
        "parts",
        "section",
        "sections",
        "rule",
        "rules",
        "principle",
        "principles",
        "protocol",
        "protocols",
        "paragraph",
        "paragraphs",
        "table",
        "figure",
        "volume",
        "vol",
        "no",
        "page",
        "pages",
        "item",
        "items",
        "session",
        "meeting",
        "resolution",
        "resolutions",
        "decision",
        "decisions",
        "recommendation",
        "recommendations",
        "appendix",
        "title",
        "schedule",
        "clause",
        "regulation",
        "amendment",
        "option",
        "phase",
        "step",
        "stage",
        "level",
        "category",
        "class",
        "grade",
        "region",
        "zone",
        "sector",
    ]
)
"""Words that drafting follows with a number ("Article 2", "Goal 16"): a number after them is no
footnote marker."""


class MarkerScanner:
    """Finds bare-digit footnote markers in the body, paragraph by paragraph, in order.

    ``defined`` are the numbers of the document's footnotes.  The scanner remembers which it has
    seen cited so that a number is accepted only as the next new footnote or a re-citation.
    """

    def __init__(self, defined: Iterable[str]) -> None:
        self.defined = {int(n) for n in defined if n.isdigit()}
        self.cited: set[int] = set()

    @property
    def next_new(self) -> int:
        rest = sorted(self.defined - self.cited)
        return rest[0] if rest else -1

    def accept(self, number: str, new_only: bool = False) -> bool:
        n = int(number)
        if n not in self.defined:
            return False
        if n == self.next_new or (not new_only and n in self.cited):
            self.cited.add(n)
            return True
        return False

    def note_marked(self, text: str) -> None:
        """Record markers already written ``[^N]`` (so later bare digits are re-citations)."""
        for m in re.finditer(r"\[\^([0-9]+)\]", text):
            self.cited.add(int(m.group(1)))

    def scan(self, text: str) -> str:
        tokens = text.split(" ")
        out: list[str] = []
        for i, token in enumerate(tokens):
            out.append(self._token(token, tokens[i - 1] if i else "", out))
        return " ".join(out).replace(" \x00", "")

    def _token(self, token: str, previous: str, out: list[str]) -> str:
        if "[^" in token:
            self.note_marked(token)
            return token
        # A standalone number: "Court 1", "Bodies, 5", "2013 9".
        if re.fullmatch(r"[0-9]{1,3}", token) and previous:
            last = previous[-1]
            word = previous.rstrip(_TRAIL_PUNCT)
            after_word = previous[:1].isupper() and word.isalpha() and word.lower() not in _NUMBERING_WORDS
            after_punct = last in ",;:)”’" or (last == "." and len(previous) > 1 and previous[-2].isalpha())
            after_year = bool(re.fullmatch(r"(?:1[89]|20)[0-9]{2}", previous))
            if (after_word or after_punct) and "/" not in previous and self.accept(token):
                return f"\x00[^{token}]"
            if after_year and self.accept(token, new_only=True):
                return f"\x00[^{token}]"
            return token
        # Glued after punctuation: "Court,2", "2017/18;4", "UNISPACE+50,1".
        m = re.fullmatch(r"(.*?[A-Za-z0-9)”’\]][,;:)”’])([0-9]{1,3})", token)
        if m and self.accept(m.group(2)):
            return f"{m.group(1)}[^{m.group(2)}]"
        m = re.fullmatch(r"(.*?[A-Za-z]\.)([0-9]{1,3})", token)
        if m and "/" not in token and not re.search(r"[0-9]", m.group(1)) and self.accept(m.group(2)):
            return f"{m.group(1)}[^{m.group(2)}]"
        # Glued to a word: "Goals2".
        m = re.fullmatch(r"([A-Za-z][a-z]+)([0-9]{1,3})([,;:.]?)", token)
        if m and self.accept(m.group(2)):
            return f"{m.group(1)}[^{m.group(2)}]{m.group(3)}"
        # Glued to a year: "2015–20303" is "2015–2030" and marker 3.
        m = re.fullmatch(r"(.*?(?<![0-9])(?:1[89]|20)[0-9]{2})([0-9]{1,2})([,;:.]?)", token)
        if m and self.accept(m.group(2), new_only=True):
            return f"{m.group(1)}[^{m.group(2)}]{m.group(3)}"
        return token


def bare_markers(texts: list[str], defined: Iterable[str]) -> list[str]:
    """``texts`` (body paragraphs in order) with bare-digit markers written ``[^N]``."""
    scanner = MarkerScanner(defined)
    return [scanner.scan(t) for t in texts]


_TRAILING = re.compile(r"(?<=[A-Za-z0-9)”’])([,;.])([0-9]{1,3})$")


def trailing_marker(text: str, defined: set[str]) -> str:
    """A paragraph ending in punctuation then digits (``UNISPACE+50,1``) ends with a marker
    when a footnote of that number exists: no paragraph ends with a number after its comma.
    After a full stop only outside a symbol (``A/73/L.6`` ends with a number)."""
    m = _TRAILING.search(text)
    if not m or m.group(2) not in defined:
        return text
    token = text[: m.start()].rsplit(" ", 1)[-1]
    if m.group(1) == "." and ("/" in token or any(c.isdigit() for c in token)):
        return text
    return f"{text[: m.end(1)]}[^{m.group(2)}]"


__all__ = [
    "LINE_HYPHEN",
    "MarkerScanner",
    "bare_markers",
    "fix_spacing",
    "hyphenated_vocabulary",
    "rejoin_split_words",
    "resolve_line_hyphens",
    "trailing_marker",
    "vocabulary",
]
