"""History: the similarity rule, the alignment of two texts and the provenance of paragraphs."""

from __future__ import annotations

from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from generator.history.align import Unit, align, counts, diff_words
from generator.history.provenance import Entry, provenance
from generator.history.series import Member, Overrides, detect
from generator.history.text import CHANGED, similarity, words


def test_words_set_aside_numbering_markers_punctuation_and_case() -> None:
    assert words("Recalling its resolution 73/266,[^1] of 22 December 2018;") == (
        "recalling", "its", "resolution", "73", "266", "of", "22", "december", "2018",
    )  # fmt: skip
    assert words("RECALLING its Resolution 73/266 of 22 December 2018.") == words(
        "Recalling its resolution 73/266,[^2] of 22 December 2018;"
    )
    assert words("回顾其第73/266号决议") == ("回", "顾", "其", "第", "73", "266", "号", "决", "议")


def test_a_date_changed_is_a_changed_paragraph_not_a_new_one() -> None:
    a = words("Decides to include in the provisional agenda of its seventy-fifth session the item")
    b = words("Decides to include in the provisional agenda of its seventy-sixth session the item")
    assert CHANGED <= similarity(a, b) < 1.0
    assert similarity(a, words("Welcomes the report of the Secretary-General on oceans")) < CHANGED


def unit(i: int, text: str) -> Unit:
    return Unit.of(f"op-{i}", f"operative paragraph {i}", text)


SENTENCES = [
    "Decides to include in the provisional agenda of its next session the item",
    "Requests the Secretary-General to submit a report on the implementation of the present resolution",
    "Welcomes the work of the open-ended working group established by the Assembly",
    "Calls upon Member States to promote further the consideration of existing and potential threats",
    "Invites all Member States to continue to inform the Secretary-General of their views",
    "Reaffirms that international law and in particular the Charter of the United Nations is applicable",
    "Encourages Member States to strengthen cooperation in building capacity",
    "Notes with appreciation the contributions of regional organizations to confidence-building measures",
]

texts = st.lists(st.sampled_from(SENTENCES), min_size=0, max_size=8, unique=True)


@settings(max_examples=200, deadline=None)
@given(texts)
def test_a_text_compared_with_itself_is_all_unchanged(paragraphs: list[str]) -> None:
    units = [unit(i, t) for i, t in enumerate(paragraphs, 1)]
    pairs = align(units, units)
    assert [p.status for p in pairs] == ["unchanged"] * len(units)


@settings(max_examples=200, deadline=None)
@given(texts, texts)
def test_every_paragraph_of_both_texts_is_listed_once(before: list[str], after: list[str]) -> None:
    old = [unit(i, t) for i, t in enumerate(before, 1)]
    new = [unit(i, t) for i, t in enumerate(after, 1)]
    pairs = align(old, new)
    assert [p.new.wording for p in pairs if p.new] == after
    assert sorted(p.old.wording for p in pairs if p.old) == sorted(before)
    # Dropped paragraphs keep their relative order; so do the paragraphs in place.
    in_place = [p.old.wording for p in pairs if p.old and p.status != "moved"]
    assert in_place == [t for t in before if t in in_place]
    c = counts(pairs)
    assert c["unchanged"] + c["changed"] + c["moved"] + c["dropped"] == len(before)
    assert c["unchanged"] + c["changed"] + c["moved"] + c["new"] == len(after)


def test_a_paragraph_moved_is_moved() -> None:
    old = [unit(i, t) for i, t in enumerate(SENTENCES[:5], 1)]
    new_order = [SENTENCES[0], SENTENCES[4], SENTENCES[1], SENTENCES[2], SENTENCES[3]]
    pairs = align(old, [unit(i, t) for i, t in enumerate(new_order, 1)])
    assert [p.status for p in pairs] == ["unchanged", "moved", "unchanged", "unchanged", "unchanged"]


def test_changed_new_and_dropped() -> None:
    old = [unit(1, SENTENCES[0]), unit(2, SENTENCES[1]), unit(3, SENTENCES[2])]
    new = [
        unit(1, SENTENCES[0].replace("next", "eighty-first")),
        unit(2, SENTENCES[5]),
        unit(3, SENTENCES[2]),
    ]
    pairs = align(old, new)
    assert [(p.status, p.old.id if p.old else None, p.new.id if p.new else None) for p in pairs] == [
        ("changed", "op-1", "op-1"),
        ("dropped", "op-2", None),
        ("new", None, "op-2"),
        ("unchanged", "op-3", "op-3"),
    ]
    changed = pairs[0]
    assert [(s.op, s.text) for s in changed.diff if s.op != "equal"] == [
        ("delete", "next "),
        ("insert", "eighty-first "),
    ]


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="ab c,.\n", max_size=60), st.text(alphabet="ab c,.\n", max_size=60))
def test_insertions_and_deletions_reconstruct_both_texts(old: str, new: str) -> None:
    segments = diff_words(old, new)
    assert "".join(s.text for s in segments if s.op != "insert") == old
    assert "".join(s.text for s in segments if s.op != "delete") == new


def test_provenance() -> None:
    def entry(symbol: str, year: int, pid: str, text: str) -> Entry:
        return Entry(symbol, date(year, 12, 1), pid, words(text))

    entries = [
        entry("A/RES/74/1", 2019, "op-1", SENTENCES[0]),
        entry("A/RES/75/1", 2020, "op-1", SENTENCES[0]),
        entry("A/RES/75/1", 2020, "op-2", SENTENCES[1]),
        entry("A/RES/76/1", 2021, "op-1", SENTENCES[0]),
        entry("A/RES/76/1", 2021, "op-2", SENTENCES[1].replace("a report", "an annual report")),
        entry("A/RES/76/1", 2021, "op-3", SENTENCES[6]),
    ]
    found = provenance(entries)
    assert found[("A/RES/74/1", "op-1")].status == "new"
    assert found[("A/RES/76/1", "op-1")].since is not None
    assert found[("A/RES/76/1", "op-1")].since.symbol == "A/RES/74/1"  # the earliest
    changed = found[("A/RES/76/1", "op-2")].changed_from
    assert changed is not None and (changed.symbol, changed.paragraph_id) == ("A/RES/75/1", "op-2")
    assert found[("A/RES/76/1", "op-3")].status == "new"


# -- series ------------------------------------------------------------------------------------

DEV = "Developments in the field of information and telecommunications in the context of international security"
ADV = "Advancing responsible State behaviour in cyberspace in the context of international security"
POA = "Programme of action to advance responsible State behaviour in the use of ICTs"
OEWG = "Open-ended working group on security of and in the use of information and communications technologies"
ICT = [  # symbol, adopted, title, resolutions it recalls (from the UN's XML of the series)
    ("A/RES/73/266", date(2018, 12, 22), ADV, ""),
    ("A/RES/74/28", date(2019, 12, 12), ADV, "73/266"),
    ("A/RES/74/29", date(2019, 12, 12), DEV, "73/27"),
    ("A/RES/75/32", date(2020, 12, 7), ADV, "73/266 73/27 74/28 74/29"),
    ("A/RES/75/240", date(2020, 12, 31), DEV, "73/27 74/29"),
    ("A/RES/76/19", date(2021, 12, 6), DEV, "73/266 73/27 74/28 74/29 75/240 75/32"),
    ("A/RES/77/36", date(2022, 12, 7), DEV, "73/27 74/29 75/240 76/19"),
    ("A/RES/77/37", date(2022, 12, 7), POA, "73/266 73/27 74/28 74/29 75/240 75/32 76/19"),
    ("A/RES/78/16", date(2023, 12, 4), POA, "73/266 73/27 74/28 74/29 75/240 75/32 76/19 77/37"),
    ("A/RES/78/237", date(2023, 12, 22), DEV, "73/27 74/29 75/240 76/19 77/36"),
    ("A/RES/79/237", date(2024, 12, 24), OEWG, "75/240 76/19"),
    ("A/RES/80/16", date(2025, 12, 1), OEWG, "75/240 79/237"),
]


def ict_members() -> list[Member]:
    return [
        Member(
            symbol,
            adopted,
            int(symbol.split("/")[2]),
            title,
            "" if symbol == "A/RES/73/266" else DEV,
            frozenset(f"A/RES/{r}" for r in recalls.split()),
        )
        for symbol, adopted, title, recalls in ICT
    ]


def test_the_ict_series_are_three_lines() -> None:
    links, series = detect(ict_members())
    lines = {s.name: s.members for s in series}
    short = {name: [m.removeprefix("A/RES/") for m in members] for name, members in lines.items()}
    assert short == {
        ADV: ["73/266", "74/28", "75/32", "76/19"],
        DEV: ["74/29", "75/240", "76/19", "77/36", "78/237", "79/237", "80/16"],
        POA: ["77/37", "78/16"],
    }
    assert links.predecessors["A/RES/76/19"] == ["A/RES/75/240", "A/RES/75/32"]
    assert {s: p for s, p in links.predecessors.items() if len(p) > 1} == {
        "A/RES/76/19": ["A/RES/75/240", "A/RES/75/32"]
    }
    assert "A/RES/77/37" not in links.predecessors


def test_series_yaml_splits_and_adds() -> None:
    overrides = Overrides(series=(("Renamed", ("A/RES/77/37", "A/RES/79/237")),), split=frozenset({"A/RES/79/237"}))
    links, series = detect(ict_members(), overrides)
    assert links.predecessors["A/RES/79/237"] == ["A/RES/77/37"]
    assert ("Renamed", ("A/RES/77/37", "A/RES/79/237", "A/RES/80/16")) in [(s.name, s.members) for s in series]
    developments = next(s for s in series if s.name == DEV)
    assert "A/RES/79/237" not in developments.members  # split off that line
