"""Find the opening phrase of a paragraph when the source has no italics to mark it.

The UN prints a paragraph's opening phrase in italics: "*Recalling also* its resolution ...",
"*Calls upon* Member States ...".  Markdown and PDF sources carry those italics and the importer
uses them.  Plain text loses them; then the phrase is taken as the first word together with the
words that UN drafting treats as part of it:

- leading adverbs: "*Deeply concerned*", "*Also requests*", "*Once again calls upon*";
- trailing adverbs: "*Recalling also*", "*Noting further*", "*Recognizing also*" (when a
  function word or a name follows: in "*Encourages* further efforts" the adverb qualifies the
  noun);
- nothing after a comma: "*Reaffirming*, in that regard, ...";
- fixed complements: "*Calls upon*", "*Takes note*", "*Bearing in mind*", "*Noting with
  satisfaction*", "*Expressing concern*", "*Expresses its appreciation*", "*Reaffirms its
  commitment*".
"""

from __future__ import annotations

import re

LEADING_ADVERBS = frozenset(
    {
        "also", "further", "furthermore", "again", "deeply", "seriously", "gravely",
        "strongly", "fully", "firmly", "once", "urgently", "solemnly", "profoundly",
        "alarmed", "most", "keenly", "particularly", "equally",
    }
)  # fmt: skip
TRAILING_ADVERBS = frozenset({"also", "further", "furthermore", "moreover", "again", "once"})
COMPLEMENTS: tuple[tuple[str, ...], ...] = tuple(
    tuple(c.split())
    for c in (
        "upon", "on", "note with appreciation", "note with satisfaction", "note", "in mind",
        "into account", "with deep concern", "with grave concern", "with serious concern",
        "with concern", "with satisfaction", "with appreciation", "with interest",
        "with regret", "with alarm", "its deep concern", "its grave concern",
        "its serious concern", "its utmost concern", "its concern", "its deep appreciation",
        "its appreciation", "its gratitude", "its strong support", "its support", "its full support",
        "its firm conviction", "its conviction", "its strong commitment", "its full commitment",
        "its commitment",
        "its determination", "deep concern", "grave concern", "serious concern", "concern",
        "appreciation", "satisfaction", "regret", "the view", "note of",
    )
)  # fmt: skip
# Complements that make sense only after particular first words.
_COMPLEMENT_HEADS = {
    ("upon",): {"calls", "calling"},
    ("on",): {"calls", "calling"},
    ("in", "mind"): {"bearing", "bears"},
    ("into", "account"): {"taking", "takes"},
    ("the", "view"): {"taking", "takes", "expressing", "expresses"},
}
_WORD = re.compile(r"\S+")
_EXPRESSIVE = frozenset({"concern", "deep", "grave", "serious", "its", "appreciation", "satisfaction", "regret"})
_EXPRESSING = frozenset(
    {
        "expressing", "expresses", "expressed", "reiterating", "reiterates", "conveying",
        "reaffirming", "reaffirms", "renewing", "renews",
    }
)  # fmt: skip
# A trailing adverb belongs to the phrase when a function word or a name follows it
# ("Noting further that", "Recalling also its"), not a noun it qualifies ("Encourages further efforts").
_AFTER_ADVERB = frozenset(
    [
        "the",
        "that",
        "its",
        "their",
        "his",
        "her",
        "a",
        "an",
        "to",
        "with",
        "in",
        "of",
        "on",
        "at",
        "for",
        "all",
        "any",
        "by",
        "upon",
        "from",
        "this",
        "these",
        "those",
        "each",
        "every",
        "and",
        "as",
        "whether",
        "how",
        "what",
        "which",
        "where",
        "when",
        "once",
    ]
)


def _words(text: str) -> list[tuple[str, int]]:
    return [(m.group(0), m.end()) for m in _WORD.finditer(text)]


def split_opening(text: str) -> tuple[str, str]:
    """Split ``text`` into (opening phrase, rest).  ``("", text)`` when it has no such phrase."""
    words = _words(text)
    if not words or not words[0][0][:1].isupper() or not words[0][0].rstrip(",;:").isalpha():
        return "", text
    i = 0
    # Leading adverbs: "Also requests", "Deeply concerned", "Once again calls upon".
    while i + 1 < len(words) and words[i][0].lower() in LEADING_ADVERBS and i < 2:
        i += 1
    if not words[i][0].rstrip(",;:").isalpha():
        return "", text
    head = words[i][0].lower()
    i += 1
    if head[-1] in ",;:":
        # "Reaffirming, in that regard, ...": punctuation closes the phrase.
        end = words[i - 1][1] - 1
        return text[:end], text[end:].lstrip()
    # "Welcomes and urges", "Condemns and deplores": two verbs joined by "and".
    if (
        i + 1 < len(words)
        and words[i][0] == "and"
        and words[i + 1][0].isalpha()
        and words[i + 1][0].islower()
        and words[i + 1][0].endswith("s")
        and head.endswith("s")
    ):
        i += 2
    while i < len(words) and words[i][0].lower() in TRAILING_ADVERBS:
        if words[i][0].lower() == "once" and (i + 1 >= len(words) or words[i + 1][0] != "again"):
            break
        following = words[i + 1][0] if i + 1 < len(words) else ""
        if following and following.lower() not in _AFTER_ADVERB and not following[:1].isupper():
            break
        i += 2 if words[i][0].lower() == "once" else 1
    lowered = [w.lower() for w, _ in words]
    for comp in COMPLEMENTS:
        heads = _COMPLEMENT_HEADS.get(comp)
        if heads is not None and head not in heads:
            continue
        if comp[0] in _EXPRESSIVE and head not in _EXPRESSING:
            continue
        got = lowered[i : i + len(comp)]
        if len(got) < len(comp) or tuple(got[:-1]) != comp[:-1]:
            continue
        last = got[-1]
        if last == comp[-1]:
            i += len(comp)
            break
        if last.rstrip(",;:") == comp[-1]:
            # "Taking note, with ...": the comma belongs to the rest.
            end = words[i + len(comp) - 1][1] - (len(last) - len(comp[-1]))
            return text[:end], text[end:].lstrip()
    end = words[i - 1][1]
    phrase = text[:end].rstrip(",;:")
    return phrase, text[len(phrase) :].lstrip()
