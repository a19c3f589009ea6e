"""Paragraph numbers as each language prints them, and the Latin label ids are made from.

The six language versions of a resolution number the same paragraphs differently:

========  ==========  ==============  ============  =====================
language   paragraph   subparagraph    under that    section headings
========  ==========  ==============  ============  =====================
en         ``1.``      ``(a)``         ``(i)``       ``I.``, ``A.``
fr es ru   ``1.``      ``a)``          ``i)``        ``I.``, ``A.``
zh         ``1.``      ``(a)``         ``㈠``        ``一``, ``A.``
ar         ``1 -``     ``(أ)``         ``’1‘``       ``أولا``, ``ألف``
========  ==========  ==============  ============  =====================

:func:`canonical` turns any of them into the label ids are made from (``(ب)`` -> ``b``,
``㈡`` -> ``ii``, ``ثانيا`` -> ``II``, Cyrillic ``а)`` -> ``a``); :func:`printed_label` gives the
usual printed form of a label in a language, so that only a number printed otherwise needs to be
kept (:attr:`generator.model.Paragraph.num`).
"""

from __future__ import annotations

import re
from typing import Literal

System = Literal["number", "letter", "roman", "upper", "other"]
"""How a label counts: ``1``; ``a``; ``i``; ``A`` or ``I`` (sections); anything else."""

ROMAN = [
    "i",
    "ii",
    "iii",
    "iv",
    "v",
    "vi",
    "vii",
    "viii",
    "ix",
    "x",
    "xi",
    "xii",
    "xiii",
    "xiv",
    "xv",
    "xvi",
    "xvii",
    "xviii",
    "xix",
    "xx",
    "xxi",
    "xxii",
    "xxiii",
    "xxiv",
    "xxv",
    "xxvi",
    "xxvii",
    "xxviii",
    "xxix",
    "xxx",
    "xxxi",
    "xxxii",
    "xxxiii",
    "xxxiv",
    "xxxv",
]

ARABIC_LETTERS = [
    "أ",
    "ب",
    "ج",
    "د",
    "ه",
    "و",
    "ز",
    "ح",
    "ط",
    "ي",
    "ك",
    "ل",
    "م",
    "ن",
    "س",
    "ع",
    "ف",
    "ص",
    "ق",
    "ر",
    "ش",
    "ت",
    "ث",
    "خ",
    "ذ",
    "ض",
    "ظ",
    "غ",
]
"""Arabic subparagraph letters in the order the UN uses them (abjad), standing for a, b, c ..."""
_ARABIC_VARIANTS = {"هـ": "ه", "ا": "أ", "إ": "أ", "آ": "أ", "ى": "ي"}

ARABIC_LETTER_NAMES = ["ألف", "باء", "جيم", "دال", "هاء", "واو", "زاي", "حاء", "طاء", "ياء", "كاف", "لام", "ميم", "نون"]
"""Section letters spelled out (``ألف`` for A., ``باء`` for B.)."""

_ARABIC_ORDINALS = {
    word.replace("_", " "): n
    for n, word in enumerate(
        [
            "أولا",
            "ثانيا",
            "ثالثا",
            "رابعا",
            "خامسا",
            "سادسا",
            "سابعا",
            "ثامنا",
            "تاسعا",
            "عاشرا",
            "حادي_عشر",
            "ثاني_عشر",
            "ثالث_عشر",
            "رابع_عشر",
            "خامس_عشر",
            "سادس_عشر",
            "سابع_عشر",
            "ثامن_عشر",
            "تاسع_عشر",
            "عشرون",
        ],
        1,
    )
}
"""Section numbers spelled out (``أولا`` for I., ``ثانيا`` for II.)."""

_CIRCLED = "㈠㈡㈢㈣㈤㈥㈦㈧㈨㈩"
"""Chinese parenthesised numerals: (i) to (x)."""
_CHINESE_DIGITS = {"一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_CYRILLIC_LOOKALIKES = str.maketrans("асеорхуіАВСЕНІКМОРТХ", "aceopxyiABCEHIKMOPTX")
_ARABIC_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩", "0123456789")


def _roman_value(text: str) -> int:
    return ROMAN.index(text.lower()) + 1 if text.lower() in ROMAN else 0


def chinese_number(text: str) -> int:
    """``十二`` -> 12, ``二十四`` -> 24; 0 when ``text`` is not a Chinese numeral."""
    if not text or any(ch not in _CHINESE_DIGITS and ch != "十" for ch in text):
        return 0
    if "十" not in text:
        return _CHINESE_DIGITS.get(text, 0) if len(text) == 1 else 0
    tens, _, units = text.partition("十")
    value = (_CHINESE_DIGITS.get(tens, 0) if tens else 1) * 10
    return value + (_CHINESE_DIGITS.get(units, 0) if units else 0)


def letter(n: int) -> str:
    """The ``n``-th (1-based) subparagraph letter: ``a`` ... ``z``, then ``aa``, ``bb`` (UN style)."""
    if n <= 26:
        return chr(ord("a") + n - 1)
    return chr(ord("a") + (n - 27) % 26) * (2 + (n - 27) // 26)


def letter_value(label: str) -> int:
    """``a`` -> 1, ``z`` -> 26, ``aa`` -> 27; 0 for anything else."""
    if not label.isascii() or not label.isalpha() or len(set(label.lower())) != 1:
        return 0
    return (ord(label[0].lower()) - ord("a") + 1) + 26 * (len(label) - 1)


_STRIP = re.compile(r"^[\s(\[’‘'\"“”«»]+|[\s)\].:’‘'\"“”«»\-–—]+$")


def canonical(printed: str) -> tuple[str, System]:
    """The label a printed number stands for, and how it counts.

    ``"1."`` -> ``("1", "number")``; ``"(b)"``, ``"b)"``, ``"(ب)"`` -> ``("b", "letter")``;
    ``"(iv)"``, ``"’4‘"``, ``"㈣"`` -> ``("iv", "roman")``; ``"II."``, ``"ثانيا"``, ``"二"`` ->
    ``("II", "upper")``; ``"A."``, ``"ألف"`` -> ``("A", "upper")``; ``"4.5"`` ->
    ``("4.5", "number")``; anything else -> (itself without brackets, ``"other"``).  A lower-case
    ``i``, ``v``, ``x`` ... is reported as ``roman``: whether it is a letter is for the context
    to tell (``(i)`` after ``(h)``).
    """
    raw = printed.strip()
    if not raw:
        return "", "other"
    if raw in _CIRCLED:
        return ROMAN[_CIRCLED.index(raw)], "roman"
    if raw.startswith("’") or raw.startswith("‘"):
        inner = raw.strip("’‘ ").translate(_ARABIC_DIGITS)
        if inner.isdigit() and 0 < int(inner) <= len(ROMAN):
            return ROMAN[int(inner) - 1], "roman"
    core = _STRIP.sub("", raw).translate(_ARABIC_DIGITS)
    if not core:
        return raw, "other"
    if re.fullmatch(r"[0-9]+(?:\.[0-9]+)*", core):
        return core, "number"
    if (n := chinese_number(core)) and n <= len(ROMAN):
        return (ROMAN[n - 1] if raw.startswith("(") else ROMAN[n - 1].upper()), (
            "roman" if raw.startswith("(") else "upper"
        )
    arabic = "".join(_ARABIC_VARIANTS.get(ch, ch) for ch in core.replace("هـ", "ه").replace(" ", ""))
    if arabic and len(set(arabic)) == 1 and arabic[0] in ARABIC_LETTERS and len(arabic) <= 3:
        # (أأ), (ب ب): the letters again, doubled, after the 26th (ض)
        return letter(ARABIC_LETTERS.index(arabic[0]) + 1) * len(arabic), "letter"
    if core in ARABIC_LETTER_NAMES:
        return chr(ord("A") + ARABIC_LETTER_NAMES.index(core)), "upper"
    if core in _ARABIC_ORDINALS:
        return ROMAN[_ARABIC_ORDINALS[core] - 1].upper(), "upper"
    latin = core.translate(_CYRILLIC_LOOKALIKES)
    if latin.islower() and _roman_value(latin):
        return latin, "roman"
    if latin.isupper() and (_roman_value(latin) or len(latin) == 1) and latin.isascii():
        return latin, "upper"
    if latin.isascii() and letter_value(latin):
        return latin.lower(), "letter"
    return core, "other"


_CONVENTIONS: dict[str, dict[str, str]] = {
    "en": {"number": "{}.", "letter": "({})", "roman": "({})"},
    "zh": {"number": "{}.", "letter": "({})", "roman": "({})"},
    "ar": {"number": "{} -", "letter": "({})", "roman": "’{}‘"},
}
_LATIN_PAREN = {"number": "{}.", "letter": "{})", "roman": "{})"}


def printed_label(label: str, system: System, language: str) -> str:
    """How ``language`` usually prints the label ``label`` (``b``, ``letter``): ``(b)``, ``b)``, ``(ب)``."""
    if not label:
        return ""
    pattern = _CONVENTIONS.get(language, _LATIN_PAREN).get(system)
    if pattern is None:
        return label
    if language == "ar" and system == "letter" and (n := letter_value(label)) and n <= len(ARABIC_LETTERS):
        return pattern.format(ARABIC_LETTERS[n - 1])
    if language == "ar" and system == "roman" and (n := _roman_value(label)):
        return pattern.format(n)
    if language == "zh" and system == "roman" and (n := _roman_value(label)) and n <= len(_CIRCLED):
        return _CIRCLED[n - 1]
    return pattern.format(label)


def next_letter(label: str) -> str:
    """``a`` -> ``b``, ``z`` -> ``aa``, ``aa`` -> ``bb`` (UN style doubles the letter)."""
    n = letter_value(label)
    return letter(n + 1) if n else ""


def subparagraph_system(label: str, previous: str) -> System:
    """Whether a subparagraph ``label`` following the sibling ``previous`` (``""`` for the first)
    counts as a letter or a roman numeral: ``i`` after ``h`` is a letter, ``i`` first or ``v``
    after ``iv`` a numeral."""
    if not _roman_value(label):
        return "letter"
    if previous and next_letter(previous) == label:
        return "letter"
    if previous:
        return "roman" if _roman_value(previous) else "letter"
    return "roman" if label == "i" else "letter"


__all__ = [
    "ROMAN",
    "System",
    "canonical",
    "chinese_number",
    "letter",
    "letter_value",
    "next_letter",
    "printed_label",
    "subparagraph_system",
]
