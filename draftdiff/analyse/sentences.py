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
_TOKEN_START = re.compile(r"\S+$")


def split_sentences(text: str, lexicon: Lexicon) -> tuple[Span, ...]:
    """The sentences of a text as (start, end) spans, stripped of outer spaces."""
    abbreviations = {a.casefold() for a in lexicon.phrases("abbreviation")}
    months = {m.casefold() for m in lexicon.phrases("month")}
    spans: list[Span] = []
    start = 0
    for m in _END.finditer(text):
        nxt = _NEXT.match(text, m.end())
        if nxt is None:
            continue
        follower = nxt.group(2)
        if not (follower.isupper() or follower.isdigit() or nxt.group(1)):
            continue
        if m.group().startswith(".") and _is_abbreviation(text, m.start(), abbreviations):
            continue
        if m.group() == "." and _ordinal_date(text, m.start(), nxt.end(2) - 1, months):
            continue  # "bis zum 30. Juni 2025": a German ordinal, not a full stop
        spans.append((start, m.end()))
        start = nxt.start(1)
    spans.append((start, len(text)))
    return tuple(s for s in (_strip(text, a, b) for a, b in spans) if s[1] > s[0])


def _is_abbreviation(text: str, dot: int, abbreviations: set[str]) -> bool:
    token_match = _TOKEN_START.search(text, 0, dot + 1)
    if token_match is None:
        return False
    token = token_match.group().lstrip("(\"“‘'[")
    if token.casefold() in abbreviations:
        return True
    # A run of initials ("U.S.", "L.L.C."). A single one ("Exhibit A.") may well end a
    # sentence, so it does.
    return bool(re.fullmatch(r"(?:[A-Za-z]\.){2,4}", token))


def _ordinal_date(text: str, dot: int, next_word: int, months: set[str]) -> bool:
    before = re.search(r"(\d{1,2})$", text[:dot])
    after = re.match(r"[\w]+", text[next_word:])
    return bool(before and after and after.group().casefold() in months)


def _strip(text: str, start: int, end: int) -> Span:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end
