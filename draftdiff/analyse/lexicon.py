"""Provides the schema's phrase lists compiled into matchers.

A schema's `lexicon:` maps a category ("obligation", "condition", "currency", ...)
to phrases. Each phrase becomes one regular expression:

    shall use ... efforts to   words match whole and case-insensitively; spaces
                               match any run of whitespace; `...` stands for up
                               to six words, none of them in `gap_stop`
    re:\\w+ly                   a phrase starting with `re:` is a regular expression

`Lexicon.find(text, categories)` returns the matches of several categories with
overlaps resolved the way a reader resolves them: the longest phrase wins
("shall not exceed" over "shall not" over "shall"), then the category listed
first. Nothing here knows English; the words are all in the YAML.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from draftdiff.schema.model import Schema

GAP_WORDS = 6
"""How many words `...` inside a phrase may stand for."""

_WORD = re.compile(r"\w")


@dataclass(frozen=True)
class Match:
    """One phrase of the lexicon found in a text."""

    category: str
    phrase: str
    """The lexicon entry that matched, as written in the schema."""
    start: int
    end: int
    text: str
    """The words as they stand in the text."""

    @property
    def rule(self) -> str:
        """How evidence names the rule: "lexicon.obligation: shall"."""
        return f"lexicon.{self.category}: {self.phrase}"


class Lexicon:
    """The compiled phrase lists of one schema."""

    def __init__(self, categories: Mapping[str, Sequence[str]]) -> None:
        self.words: dict[str, tuple[str, ...]] = {k: tuple(v) for k, v in categories.items()}
        stops = self.words.get("gap_stop", ())
        stop = "|".join(re.escape(w) for w in sorted(stops, key=len, reverse=True))
        # A gap word: any run of characters other than spaces, commas and semicolons
        # that is not a stop word; commas may separate gap words ("shall, at its own
        # cost, indemnify"), semicolons may not.
        not_stop = rf"(?!(?:{stop})(?![\w-]))" if stop else ""
        self._gap = rf"(?:[\s,]+{not_stop}[^\s;,]+){{0,{GAP_WORDS}}}?"
        self._patterns: dict[str, re.Pattern[str]] = {}
        self._phrases: dict[str, list[str]] = {}
        for category, phrases in self.words.items():
            ordered = sorted(phrases, key=len, reverse=True)
            self._phrases[category] = ordered
            parts = [f"(?P<p{i}>{self._compile(p)})" for i, p in enumerate(ordered)]
            if parts:
                self._patterns[category] = re.compile("|".join(parts), re.IGNORECASE)

    def _compile(self, phrase: str) -> str:
        if phrase.startswith("re:"):
            return f"(?:{phrase[3:]})"
        pieces = []
        for token in phrase.split():
            if token == "...":
                # The gap brings its own leading spaces; the next word brings its own.
                pieces.append(self._gap)
                continue
            body = re.escape(token)
            if _WORD.match(token[0]):
                body = r"(?<![\w-])" + body
            if _WORD.match(token[-1]):
                body += r"(?![\w-])"
            if not pieces:
                pieces.append(body)
            elif pieces[-1] == self._gap:
                pieces.append(r"[\s,]+" + body)
            else:
                pieces.append(r"\s+" + body)
        return "".join(pieces)

    def has(self, category: str) -> bool:
        return category in self._patterns

    def phrases(self, category: str) -> tuple[str, ...]:
        return self.words.get(category, ())

    def pattern(self, category: str) -> re.Pattern[str] | None:
        return self._patterns.get(category)

    def iter(self, text: str, category: str, start: int = 0, end: int | None = None) -> list[Match]:
        """Every (non-overlapping) match of one category in text[start:end]."""
        pattern = self._patterns.get(category)
        if pattern is None:
            return []
        stop = len(text) if end is None else end
        out = []
        phrases = self._phrases[category]
        for m in pattern.finditer(text, start, stop):
            if m.end() == m.start():
                continue
            index = int((m.lastgroup or "p0")[1:])
            out.append(Match(category, phrases[index], m.start(), m.end(), m.group()))
        return out

    def at(self, text: str, category: str, pos: int) -> Match | None:
        """The match of a category starting exactly at `pos`, if any."""
        pattern = self._patterns.get(category)
        if pattern is None:
            return None
        m = pattern.match(text, pos)
        if m is None or m.end() == m.start():
            return None
        index = int((m.lastgroup or "p0")[1:])
        return Match(category, self._phrases[category][index], m.start(), m.end(), m.group())

    def ending_at(self, text: str, category: str, end: int, *, window: int = 60) -> Match | None:
        """The longest match of a category that ends exactly at `end`."""
        pattern = self._patterns.get(category)
        if pattern is None:
            return None
        best: Match | None = None
        for start in range(max(0, end - window), end):
            m = pattern.fullmatch(text, start, end)
            if m is not None:
                index = int((m.lastgroup or "p0")[1:])
                best = Match(category, self._phrases[category][index], start, end, m.group())
                break
        return best

    def find(self, text: str, categories: Sequence[str], start: int = 0) -> list[Match]:
        """Matches of several categories, overlaps resolved: longest first, then the
        category listed first; returned in text order."""
        found: list[tuple[int, int, Match]] = []
        for priority, category in enumerate(categories):
            found.extend((priority, 0, m) for m in self.iter(text, category, start))
        found.sort(key=lambda item: (-(item[2].end - item[2].start), item[0], item[2].start))
        taken: list[Match] = []
        for _, _, match in found:
            if all(match.end <= t.start or match.start >= t.end for t in taken):
                taken.append(match)
        taken.sort(key=lambda m: m.start)
        return taken

    def contains(self, text: str, category: str) -> bool:
        pattern = self._patterns.get(category)
        return bool(pattern and pattern.search(text))

    def is_word(self, word: str, category: str) -> bool:
        """True when `word` is, in full, one of the category's phrases."""
        pattern = self._patterns.get(category)
        return bool(pattern and pattern.fullmatch(word))


_CACHE: dict[int, tuple[Schema, Lexicon]] = {}


def lexicon_for(schema: Schema) -> Lexicon:
    """The compiled lexicon of a schema (compiled once per loaded schema)."""
    hit = _CACHE.get(id(schema))
    if hit is not None and hit[0] is schema:
        return hit[1]
    lexicon = Lexicon(schema.lexicon)
    _CACHE[id(schema)] = (schema, lexicon)
    return lexicon


def alternation(words: Iterable[str]) -> str:
    """A regex alternative of literal words, longest first (for names and terms)."""
    unique = sorted({w for w in words if w}, key=len, reverse=True)
    return "|".join(re.escape(w) for w in unique)
