"""Provides sentence splitting for legal text.

A full stop, question or exclamation mark ends a sentence when a space and a
capital, digit, quote or bracket follow it, unless the word it ends is an
abbreviation the schema lists ("U.S.", "Inc.", "No.", "Sec.", "e.g.") or a run
of initials ("U.K."). Numbers such as "3.1" never end one: no space follows
their dot. Spans are offsets into the clause text, so every finding can point
back at its words.
"""

from __future__ import annotations

import re

from draftdiff.analyse.lexicon import Lexicon

Span = tuple[int, int]

# The end of a sentence: terminator, optional closing quotes/brackets, then space.
_END = re.compile(r"[.!?]+[\"”’')\]]*(?=\s)")
_NEXT = re.compile(r"\s+([\"“‘(\[]?)(\S)")
_INITIALS = re.compile(r"(?:[A-Za-z]\.){2,4}")
# One or two digits right before a full stop: at most three characters back, since `$`
# also matches before a final newline ("30\n.").
_DAY = re.compile(r"\d{1,2}$")
_WORD = re.compile(r"\w+")


def split_sentences(text: str, lexicon: Lexicon) -> tuple[Span, ...]:
    """The sentences of a text as (start, end) spans, stripped of outer spaces."""
    spans: list[Span] = []
    start = 0
    for m in _END.finditer(text):
        nxt = _NEXT.match(text, m.end())
        if nxt is None:
            continue
        follower = nxt.group(2)
        if not (follower.isupper() or follower.isdigit() or nxt.group(1)):
            continue
        if m.group().startswith(".") and _is_abbreviation(text, m.start(), lexicon):
            continue
        if m.group() == "." and _ordinal_date(text, m.start(), nxt.end(2) - 1, lexicon):
            continue  # "bis zum 30. Juni 2025": a German ordinal, not a full stop
        spans.append((start, m.end()))
        start = nxt.start(1)
    spans.append((start, len(text)))
    return tuple(s for s in (_strip(text, a, b) for a, b in spans) if s[1] > s[0])


def _is_abbreviation(text: str, dot: int, lexicon: Lexicon) -> bool:
    token = _token_ending_at(text, dot).lstrip("(\"“‘'[")
    if lexicon.is_word(token, "abbreviation"):
        return True
    # A run of initials ("U.S.", "L.L.C."). A single one ("Exhibit A.") may well end a
    # sentence, so it does.
    return bool(_INITIALS.fullmatch(token))


def _token_ending_at(text: str, dot: int) -> str:
    """The run of non-space characters that ends with text[dot]. Walked back from the
    dot rather than searched for from the start: a long clause has many full stops."""
    start = dot
    while start > 0 and not text[start - 1].isspace():
        start -= 1
    return text[start : dot + 1]


def _ordinal_date(text: str, dot: int, next_word: int, lexicon: Lexicon) -> bool:
    if _DAY.search(text, max(0, dot - 3), dot) is None:
        return False
    after = _WORD.match(text, next_word)
    return bool(after and lexicon.is_word(after.group(), "month"))


def _strip(text: str, start: int, end: int) -> Span:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end
