"""Paragraph numbers in the six languages: every printed form reads back as the label it prints."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from generator import ids, numbering

LANGUAGES = ("ar", "zh", "en", "fr", "ru", "es", "de")


@given(st.integers(1, 52), st.sampled_from(LANGUAGES))
def test_letters_read_back(n: int, language: str) -> None:
    label = numbering.letter(n)
    printed = numbering.printed_label(label, "letter", language)
    assert numbering.canonical(printed)[0] == label
    assert ids.normalise_label(label) == label


@given(st.integers(1, 20), st.sampled_from(LANGUAGES))
def test_roman_numerals_read_back(n: int, language: str) -> None:
    label = numbering.ROMAN[n - 1]
    printed = numbering.printed_label(label, "roman", language)
    assert numbering.canonical(printed) == (label, "roman")


@given(st.integers(1, 999), st.sampled_from(LANGUAGES))
def test_numbers_read_back(n: int, language: str) -> None:
    printed = numbering.printed_label(str(n), "number", language)
    assert numbering.canonical(printed) == (str(n), "number")


@pytest.mark.parametrize(
    ("printed", "label", "system"),
    [
        ("(أ)", "a", "letter"),
        ("(هـ)", "e", "letter"),
        ("(أأ)", "aa", "letter"),
        ("(ب ب)", "bb", "letter"),
        ("’4‘", "iv", "roman"),
        ("㈢", "iii", "roman"),
        ("(十二)", "xii", "roman"),
        ("二", "II", "upper"),
        ("ثانيا", "II", "upper"),
        ("ألف", "A", "upper"),
        ("а)", "a", "letter"),  # Cyrillic a, as some Russian files print it
        ("١٠ -", "10", "number"),
        ("4.5", "4.5", "number"),
        ("•", "•", "other"),
    ],
)
def test_printed_forms_of_the_six_languages(printed: str, label: str, system: str) -> None:
    assert numbering.canonical(printed) == (label, system)


@pytest.mark.parametrize(
    ("label", "previous", "system"),
    [("i", "h", "letter"), ("i", "", "roman"), ("v", "iv", "roman"), ("v", "u", "letter"), ("b", "a", "letter")],
)
def test_i_after_h_is_a_letter(label: str, previous: str, system: str) -> None:
    assert numbering.subparagraph_system(label, previous) == system


def test_a_dotted_number_keeps_its_parts_apart_in_ids() -> None:
    assert ids.normalise_label("4.5") == "4-5" != ids.normalise_label("45")
