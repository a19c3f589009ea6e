import pytest

from generator.references import find_references, symbol_kind, undocs_url

PP1 = (
    "its resolutions 53/70 of 4 December 1998, 54/49 of 1 December 1999, 55/28 of 20 November 2000, "
    "56/19 of 29 November 2001, 57/53 of 22 November 2002, 58/32 of 8 December 2003, 59/61 of 3 December "
    "2004, 60/45 of 8 December 2005, 61/54 of 6 December 2006, 62/17 of 5 December 2007, 63/37 of "
    "2 December 2008, 64/25 of 2 December 2009, 65/41 of 8 December 2010, 66/24 of 2 December 2011, "
    "67/27 of 3 December 2012, 68/243 of 27 December 2013, 69/28 of 2 December 2014, 70/237 of "
    "23 December 2015 and 71/28 of 5 December 2016, as well as its decision 72/512 of 4 December 2017,"
)


def symbols(text: str, prefix: str = "A") -> list[str]:
    return [r.symbol for r in find_references(text, prefix)]


def test_list_of_resolutions_and_a_decision() -> None:
    got = symbols(PP1)
    assert len(got) == 20
    assert got[0] == "A/RES/53/70"
    assert got[18] == "A/RES/71/28"
    assert got[19] == "A/DEC/72/512"


def test_spans_cover_exactly_the_printed_number() -> None:
    refs = find_references(PP1)
    assert [PP1[r.start : r.end] for r in refs][:2] == ["53/70", "54/49"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("See A/AC.105/1137.", ["A/AC.105/1137"]),
        ("(A/73/L.6 and A/73/L.6/Add.1)", ["A/73/L.6", "A/73/L.6/Add.1"]),
        ("draft A/C.1/73/L.37", ["A/C.1/73/L.37"]),
        ("resolution A/RES/73/266 of", ["A/RES/73/266"]),
        ("its resolution 2625 (XXV) of 24 October 1970", ["A/RES/2625(XXV)"]),
        (
            "resolutions 2453 A (XXIII) of 20 December 1968, 37/90 of 10 December 1982",
            ["A/RES/2453(XXIII)", "A/RES/37/90"],
        ),
        (
            "resolutions 1547 (2004) of 11 June 2004, 1556 (2004) of 30 July 2004",
            ["S/RES/1547(2004)", "S/RES/1556(2004)"],
        ),
        ("statement S/PRST/2006/5 of", ["S/PRST/2006/5"]),
        ("UN Doc A/75/816 (2021)", ["A/75/816"]),
        ("resolution S/RES/1590 (2005) of", ["S/RES/1590(2005)"]),
        (
            'resolutions 68/262 of 27 March 2014, entitled "Territorial integrity of Ukraine", ES-11/1 of 2 March 2022',
            ["A/RES/68/262", "A/RES/ES-11/1"],
        ),
    ],
)
def test_recognised_forms(text: str, expected: list[str]) -> None:
    assert symbols(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "on 22 December 2018",
        "the 2010, 2013 and 2015 reports",
        "open 24/7 and HIV/AIDS",
        "Sendai Framework for Disaster Risk Reduction 2015–2030",
        "paragraphs 3/4 of",  # a bare number outside a list of resolutions
        "XA/65/201",  # never inside a word
    ],
)
def test_not_symbols(text: str) -> None:
    assert symbols(text) == []


def test_kinds_and_links() -> None:
    assert symbol_kind("A/RES/73/266") == "resolution"
    assert symbol_kind("A/DEC/72/512") == "decision"
    assert symbol_kind("A/C.1/73/L.37") == "draft"
    assert symbol_kind("S/PRST/2006/5") == "statement"
    assert symbol_kind("A/65/201") == "document"
    assert undocs_url("S/RES/1590(2005)") == "https://undocs.org/S/RES/1590(2005)"
