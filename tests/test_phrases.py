import pytest

from generator.importer.phrases import split_opening


@pytest.mark.parametrize(
    ("text", "phrase"),
    [
        ("Recalling its resolutions 53/70", "Recalling"),
        ("Confirming also the conclusions", "Confirming also"),
        ("Confirming further the conclusions", "Confirming further"),
        ("Expressing concern that these", "Expressing concern"),
        ("Noting with satisfaction the activities", "Noting with satisfaction"),
        ("Seriously concerned about", "Seriously concerned"),
        ("Bearing in mind that", "Bearing in mind"),
        ("Calls upon Member States:", "Calls upon"),
        ("Also requests the Secretary-General", "Also requests"),
        ("Once again calls upon all States", "Once again calls upon"),
        ("Expresses its appreciation to the Court", "Expresses its appreciation"),
        ("Welcomes and urges the parties", "Welcomes and urges"),
        ("Decides to include", "Decides"),
        ("Requests the Chair", "Requests"),
        ("Acting under Chapter VII of the Charter", "Acting"),
    ],
)
def test_opening_phrase(text: str, phrase: str) -> None:
    got, rest = split_opening(text)
    assert got == phrase
    assert f"{got} {rest}".strip() == text


def test_comma_after_phrase_stays_with_the_rest() -> None:
    assert split_opening("Taking note, with appreciation, of") == ("Taking note", ", with appreciation, of")


@pytest.mark.parametrize("text", ["", "(a) To be guided", "the General Assembly", "1998 was"])
def test_no_phrase(text: str) -> None:
    assert split_opening(text) == ("", text)


def test_a_participle_after_an_adverb_is_the_head() -> None:
    assert split_opening("Also noting with satisfaction the report") == ("Also noting with satisfaction", "the report")
