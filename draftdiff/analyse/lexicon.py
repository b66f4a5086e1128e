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
from typing import Protocol, TypeVar

from draftdiff.schema.model import Schema, phrase_alternation, regex_of_phrase

GAP_WORDS = 6
"""How many words `...` inside a phrase may stand for."""

_WORD = re.compile(r"\w")
_TOKEN = re.compile(r"\w+|[^\w\s]")


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
    """The compiled phrase lists of one schema.

    Phrases are indexed by their first word, so a text is read once, word by word,
    trying only the phrases that can start there: the cost grows with the text, not
    with the number of phrases times the text."""

    def __init__(self, categories: Mapping[str, Sequence[str]]) -> None:
        self.words: dict[str, tuple[str, ...]] = {k: tuple(v) for k, v in categories.items()}
        stops = self.words.get("gap_stop", ())
        stop = "|".join(re.escape(w) for w in sorted(stops, key=len, reverse=True))
        # A gap word: any run of characters other than spaces, commas and semicolons
        # that is not a stop word; commas may separate gap words ("shall, at its own
        # cost, indemnify"), semicolons may not.
        not_stop = rf"(?!(?:{stop})(?![\w-]))" if stop else ""
        self._gap = rf"(?:[\s,]+{not_stop}[^\s;,]+){{0,{GAP_WORDS}}}?"
        # category -> first word -> the phrases starting with it (compiled when first met)
        self._by_first: dict[str, dict[str, _Group]] = {}
        # category -> (pattern, phrases) for `re:` phrases, which are searched everywhere
        self._free: dict[str, tuple[re.Pattern[str], list[str]]] = {}
        self._whole: dict[str, re.Pattern[str]] = {}
        self._ordered: dict[str, list[str]] = {}
        self._plain: dict[str, frozenset[str]] = {}
        # Categories with phrases a word can only be matched against by pattern.
        self._patterned = frozenset(
            category
            for category, phrases in self.words.items()
            if any(p.startswith("re:") or "..." in p for p in phrases)
        )
        self._tables: dict[tuple[str, ...], dict[str, list[tuple[int, str, _Group]]]] = {}
        for category, phrases in self.words.items():
            ordered = sorted(phrases, key=len, reverse=True)
            groups: dict[str, list[str]] = {}
            free: list[str] = []
            for phrase in ordered:
                if phrase.startswith("re:"):
                    free.append(phrase)
                else:
                    first = _TOKEN.match(phrase.strip())
                    groups.setdefault(first.group().casefold() if first else "", []).append(phrase)
            self._by_first[category] = {
                word: _Group(self, members) for word, members in groups.items()
            }
            if free:
                self._free[category] = (self._alternation(free), free)
            self._ordered[category] = ordered
            self._plain[category] = frozenset(
                p.casefold() for p in phrases if not p.startswith("re:") and "..." not in p
            )

    def _alternation(self, phrases: list[str]) -> re.Pattern[str]:
        return phrase_alternation([self._compile(p) for p in phrases])

    def _compile(self, phrase: str) -> str:
        if phrase.startswith("re:"):
            return regex_of_phrase(phrase)
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

    def phrases(self, category: str) -> tuple[str, ...]:
        return self.words.get(category, ())

    def pattern(self, category: str) -> re.Pattern[str] | None:
        """One pattern of all the category's phrases (for occasional whole-text use)."""
        if category not in self._whole and self._ordered.get(category):
            self._whole[category] = self._alternation(self._ordered[category])
        return self._whole.get(category)

    def _match_at(self, text: str, category: str, pos: int, end: int) -> Match | None:
        """The longest phrase of a category starting at `pos` (a token start)."""
        token = _TOKEN.match(text, pos, end)
        if token is None:
            return None
        entry = self._by_first.get(category, {}).get(token.group().casefold())
        if entry is None:
            return None
        pattern, members = entry.pattern, entry.phrases
        m = pattern.match(text, pos, end)
        if m is None or m.end() == m.start():
            return None
        index = int((m.lastgroup or "p0")[1:])
        return Match(category, members[index], m.start(), m.end(), m.group())

    def _free_matches(self, text: str, category: str, start: int, end: int) -> list[Match]:
        entry = self._free.get(category)
        if entry is None:
            return []
        pattern, members = entry
        out = []
        for m in pattern.finditer(text, start, end):
            if m.end() > m.start():
                index = int((m.lastgroup or "p0")[1:])
                out.append(Match(category, members[index], m.start(), m.end(), m.group()))
        return out

    def _candidates(
        self, text: str, categories: Sequence[str], start: int, end: int
    ) -> list[tuple[int, Match]]:
        found: list[tuple[int, Match]] = []
        table = self._table(tuple(categories))
        if table:
            for token in _TOKEN.finditer(text, start, end):
                for priority, category, entry in table.get(token.group().casefold(), ()):
                    m = entry.pattern.match(text, token.start(), end)
                    if m is None or m.end() == m.start():
                        continue
                    index = int((m.lastgroup or "p0")[1:])
                    found.append(
                        (
                            priority,
                            Match(category, entry.phrases[index], m.start(), m.end(), m.group()),
                        )
                    )
        for priority, category in enumerate(categories):
            found.extend((priority, m) for m in self._free_matches(text, category, start, end))
        return found

    def _table(self, categories: tuple[str, ...]) -> dict[str, list[tuple[int, str, _Group]]]:
        """First word -> the phrase groups of these categories that start with it."""
        table = self._tables.get(categories)
        if table is None:
            table = {}
            for priority, category in enumerate(categories):
                for word, entry in self._by_first.get(category, {}).items():
                    table.setdefault(word, []).append((priority, category, entry))
            self._tables[categories] = table
        return table

    def iter(self, text: str, category: str, start: int = 0, end: int | None = None) -> list[Match]:
        """Every (non-overlapping) match of one category in text[start:end], the
        longest first where two overlap."""
        stop = len(text) if end is None else end
        return _resolve(self._candidates(text, [category], start, stop))

    def at(self, text: str, category: str, pos: int) -> Match | None:
        """The longest match of a category starting exactly at `pos`, if any."""
        best = self._match_at(text, category, pos, len(text))
        entry = self._free.get(category)
        if entry is not None:
            m = entry[0].match(text, pos)
            if m is not None and m.end() > m.start() and (best is None or m.end() > best.end):
                index = int((m.lastgroup or "p0")[1:])
                best = Match(category, entry[1][index], m.start(), m.end(), m.group())
        return best

    def find(
        self, text: str, categories: Sequence[str], start: int = 0, end: int | None = None
    ) -> list[Match]:
        """Matches of several categories in text[start:end], overlaps resolved: longest
        first, then the category listed first; returned in text order. (Patterns end
        at `end` as at the end of the text, so callers need not copy a slice.)"""
        stop = len(text) if end is None else end
        return _resolve(self._candidates(text, categories, start, stop))

    def contains(self, text: str, category: str) -> bool:
        return bool(self._candidates(text, [category], 0, len(text)))

    def is_word(self, word: str, category: str) -> bool:
        """True when `word` is, in full, one of the category's phrases."""
        if word.casefold() in self._plain.get(category, frozenset()):
            return True
        if category not in self._patterned:
            return False
        pattern = self.pattern(category)
        return bool(pattern and pattern.fullmatch(word))


class _Group:
    """The phrases of one category that start with one word; compiled on first use,
    since a document meets only a few of the words a lexicon knows."""

    def __init__(self, lexicon: Lexicon, phrases: list[str]) -> None:
        self._lexicon = lexicon
        self.phrases = phrases
        self._pattern: re.Pattern[str] | None = None

    @property
    def pattern(self) -> re.Pattern[str]:
        if self._pattern is None:
            self._pattern = self._lexicon._alternation(self.phrases)
        return self._pattern


def _resolve(found: list[tuple[int, Match]]) -> list[Match]:
    found.sort(key=lambda item: (-(item[1].end - item[1].start), item[0], item[1].start))
    return non_overlapping(match for _, match in found)


class Span(Protocol):
    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...


S = TypeVar("S", bound=Span)


def non_overlapping(preferred: Iterable[S]) -> list[S]:
    """Of spans in order of preference, each that overlaps none kept before it; in text
    order. (Lexicon matches and actor mentions both resolve overlaps this way.)"""
    kept: list[S] = []
    for span in preferred:
        if all(span.end <= k.start or span.start >= k.end for k in kept):
            kept.append(span)
    kept.sort(key=lambda k: k.start)
    return kept


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
