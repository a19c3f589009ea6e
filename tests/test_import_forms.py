"""The forms of tests/fixtures/forms/ (see its README): each imports, structured as it should be,
with a warning for what the importer changed or could not place, and no word lost."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest

from generator import store
from generator.cite import cite_resolution
from generator.errors import GeneratorError
from generator.importer import import_file
from generator.importer.selfcheck import words
from generator.model import Resolution

FORMS = Path(__file__).parent / "fixtures" / "forms"


def texts(r: Resolution) -> list[str]:
    """Every text the structured resolution holds (its data, dates also as printed)."""
    out: list[str] = []

    def visit(value: object) -> None:
        if isinstance(value, dict):
            for key, v in value.items():
                if key not in ("sources", "id", "after", "cited_by"):
                    visit(v)
        elif isinstance(value, list):
            for v in value:
                visit(v)
        elif isinstance(value, str):
            out.append(value)
            if re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", value):
                out.append(date.fromisoformat(value).strftime("%-d %B %Y"))
        elif isinstance(value, int):
            out.append(str(value))

    visit(store.to_data(r))
    return out


_FURNITURE = re.compile(r"[“”\"]|\[\^[0-9]+\]|^\(?[a-z0-9]{1,3}[.)]$")


def word_bag(text: str) -> list[str]:
    """The words of ``text`` without quotation marks, labels and markers (what a form adds)."""
    out = []
    for w in words(text).split():
        w = _FURNITURE.sub("", w).strip().lstrip("[").rstrip("]")  # a committee line's brackets
        w = re.sub(r"^\(?[a-z0-9]{1,3}[.)]$", "", w)
        if w and not re.fullmatch(r"[0-9]{1,3}", w):
            out.append(re.sub(r"[0-9]+$", "", w) if re.search(r"[,;.][0-9]+$", w) else w)
    return out


FORM_WORDS = {"Distr.:", "Agenda", "item"}
"""Words of the masthead's fixed form, stored as the fields they introduce."""


def no_word_lost(path: Path, r: Resolution) -> None:
    have = " ".join(word_bag(" ".join(texts(r))))
    for w in word_bag(path.read_text("utf-8").replace("\r", "\n")):
        if w in FORM_WORDS:
            continue
        assert w.strip(",;:.") in have, f"{w!r} of {path.name} is missing"


EXPECTED = {
    # file: (symbol, kind, body, preambular, operative, warnings matching)
    "sc_press.txt": (
        "S/RES/2718(2023)",
        "resolution",
        "Security Council",
        3,
        3,
        ["press release", "not part of a masthead", "introduction"],
    ),
    "reads.txt": ("S/RES/1234(2010)", "resolution", "Security Council", 1, 2, ["introduction"]),
    "decision.txt": ("A/DEC/73/546", "decision", "General Assembly", 0, 1, []),
    "ecosoc.txt": ("E/RES/2023/5", "resolution", "Economic and Social Council", 1, 2, []),
    "hrc.txt": ("A/HRC/RES/54/1", "resolution", "Human Rights Council", 1, 2, ["after the closing formula"]),
    "cr.txt": ("A/RES/99/1", "resolution", "General Assembly", 1, 2, []),
    "word.txt": ("A/RES/99/2", "resolution", "General Assembly", 1, 2, ["list item", "list item", "read as footnotes"]),
    "late_number.txt": (
        "A/RES/99/3",
        "resolution",
        "General Assembly",
        1,
        3,
        ["first line", "first line", "first line"],
    ),
}


@pytest.mark.parametrize("name", EXPECTED)
def test_each_form_imports(name: str) -> None:
    symbol, kind, body, pre, ops, warned = EXPECTED[name]
    result = import_file(FORMS / name)
    r = result.resolution
    assert (r.symbol, r.kind, r.body, len(r.preamble), len(r.operative)) == (symbol, kind, body, pre, ops)
    assert len(result.warnings) == len(warned)
    for warning, expected in zip(result.warnings, warned, strict=True):
        assert expected in warning.message
    no_word_lost(FORMS / name, r)


def test_press_release_paragraphs_lose_only_their_quotation_marks() -> None:
    r = import_file(FORMS / "sc_press.txt").resolution
    assert r.formula.pick("en") == "The Security Council,"
    assert [p.label for p in r.operative] == ["1", "2", "3"]
    assert r.operative[1].text.pick("en") == "the Secretary-General to report on “progress” every 90 days;"
    assert r.operative[2].text.pick("en") == "to remain seized of the matter."
    prose, introduction = r.unplaced
    assert prose.text.startswith("The Security Council this morning adopted")
    assert introduction.text == "The full text of resolution 2718 (2023) reads as follows:"


def test_word_export_subparagraphs_and_footnotes() -> None:
    r = import_file(FORMS / "word.txt").resolution
    assert [(c.label, c.text.pick("en")) for c in r.operative[0].children] == [
        ("a", "to act;"),
        ("b", "to review the measures;[^2]"),
    ]
    assert r.preamble[0].text.pick("en").endswith("2015,[^1]")
    assert [(f.number, f.text.pick("en")) for f in r.footnotes] == [("1", "Resolution 70/1."), ("2", "See A/99/2.")]


def test_a_late_number_goes_back_in_front() -> None:
    r = import_file(FORMS / "late_number.txt").resolution
    assert [(p.label, p.phrase.pick("en")) for p in r.operative] == [
        ("1", "Requests"),
        ("2", "Decides"),
        ("3", "Requests"),
    ]
    assert (
        r.operative[2].text.pick("en")
        == "the Secretary-General to report on the implementation of the present resolution."
    )
    assert r.operative[0].text.pick("en") == (
        "the Secretary-General to submit a report to the General Assembly at its next session on the "
        "implementation of the present resolution;"
    )


def test_a_decision_has_its_own_page_and_ids() -> None:
    r = import_file(FORMS / "decision.txt").resolution
    assert (r.slug, r.url_path) == ("A-DEC-73-546", "A/DEC/73/546")
    (p,) = r.operative
    assert (p.id, p.label, p.phrase.pick("en")) == ("op-1", "", "")
    assert p.text.pick("en").startswith("At its 65th plenary meeting, on 22 December 2018, the General Assembly")
    assert cite_resolution(r).bluebook == "G.A. Dec. 73/546, U.N. Doc. A/DEC/73/546 (n.d.)"


@pytest.mark.parametrize(
    ("text", "why"),
    [
        ("Minutes of the meeting\n\nThe chair opened the meeting.\n", "does not look like a resolution"),
        ("Dear colleagues,\n\nPlease find attached the agenda.\n\nBest regards\n", "does not look like a resolution"),
    ],
)
def test_what_is_not_a_resolution_is_refused_with_why(tmp_path: Path, text: str, why: str) -> None:
    path = tmp_path / "other.txt"
    path.write_text(text, "utf-8")
    with pytest.raises(GeneratorError) as caught:
        import_file(path)
    assert why in caught.value.problems[0].message
