import pytest

from generator import ids


@pytest.mark.parametrize(
    ("label", "expected"),
    [("(a)", "a"), ("12.", "12"), ("(IV)", "iv"), ("aa", "aa"), ("(ii)", "ii")],
)
def test_normalise_label(label: str, expected: str) -> None:
    assert ids.normalise_label(label) == expected


def test_ids_follow_numbering() -> None:
    assert ids.preambular_id(3) == "pp-3"
    assert ids.operative_id("1") == "op-1"
    assert ids.subparagraph_id("op-1", "(a)") == "op-1-a"
    assert ids.subparagraph_id("op-1-a", "ii") == "op-1-a-ii"


def test_unique_suffixes_repeated_labels() -> None:
    taken: set[str] = set()
    assert [ids.unique("op-1-a", taken) for _ in range(3)] == ["op-1-a", "op-1-a-2", "op-1-a-3"]


@pytest.mark.parametrize("text", ["pp-1", "op-12", "op-1-a", "op-16-i", "op-4-aa-x"])
def test_is_paragraph_id(text: str) -> None:
    assert ids.is_paragraph_id(text)


@pytest.mark.parametrize("text", ["pp-0", "pp-a", "op-", "index", "op-1-", "pp-1-A"])
def test_is_not_paragraph_id(text: str) -> None:
    assert not ids.is_paragraph_id(text)
