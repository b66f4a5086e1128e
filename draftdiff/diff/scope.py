"""Provides scope changes: what a grant or a duty covers, read from both versions.

A provision kept in both versions (same party, same kind) can still change what
it covers. Two ways are read:

    facets of a grant or duty    the schema's `scope_<facet>` phrases ("perpetual",
                                 "for the term of ...", "worldwide", "exclusive",
                                 "non-sublicensable", "irrevocable", "royalty-free")
                                 found in the provision's words; a facet whose words
                                 differ between the versions changed ("perpetual" ->
                                 "for the duration of the copyright")
    the object of a duty         the words of an obligation or prohibition but for its
                                 actor and cue, less its conditions, values, references, scope
                                 phrases and the schema's `scope_filler` words; when
                                 fewer than 40 % of them are shared (20 % when it names
                                 the same capitalised things), the duty is about
                                 something else ("display the logo on advertising" ->
                                 "include an acknowledgement in the documentation");
                                 three or more words cut (or added) and none put in
                                 their place narrow (or widen) it

Both give one `scope.changed` per provision, naming each facet with its words
on both sides. Words of a facet that merely moved or are spelled otherwise
("non-exclusive" = "nonexclusive") are no change, nor are wordings the schema's
`scope_same` lists as one. A duration told by numbers on both sides ("for a
period of three (3) years" -> "five (5) years") is left to value.changed.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import cached_property

from draftdiff.analyse.lexicon import GAP_WORDS, Lexicon
from draftdiff.analyse.provisions import Provision
from draftdiff.analyse.values import Value
from draftdiff.diff.result import Evidence, Side

FACET_PREFIX = "scope_"
NOT_FACETS = frozenset({"scope_same", "scope_not", "scope_filler"})
"""Categories of the scope lexicon that are not facets of a grant's scope."""
OBJECT = "object"
"""The facet name of a duty's object (read from its words, not from the lexicon)."""
OBJECT_OVERLAP = 0.4
"""Least share (Jaccard) of a duty's object words kept for it to be the same duty."""
OBJECT_OVERLAP_SAME_NAMES = 0.2
"""The same, when the capitalised words (what it names: "the Goods") are the same."""
STEM = 4
"""Words are compared by their first letters, so that a rewording ("notify in writing"
-> "give written notice") keeps its words and only another object changes them."""
OBJECT_PART_WORDS = 3
"""Words a duty's object must lose (gaining none) or gain (losing none) to have changed
when most of it stays."""
OBJECT_MIN_WORDS = 3
"""A duty's object is compared only when each side has at least this many words."""

QUOTE_WORDS = 12
"""Words of a facet's text quoted in a summary (the evidence has them all)."""
VALUE_MARK = " 0value0 "
"""Stands for a value inside a key: the words around a number are compared, the number
is value.changed's."""

_WORD = re.compile(r"[^\W_]+")
_COMPLEMENT_STOP = re.compile(r"[,;:.]")
_NOT_ALNUM = re.compile(r"[\W_]+")


@dataclass(frozen=True)
class ScopeWords:
    """Words of one facet found in a provision."""

    facet: str
    """duration, territory, exclusivity, ... (the category without its prefix)."""
    key: str
    """What they mean, spelling aside: the same key on both sides is no change."""
    text: str
    start: int
    """Offset in the clause text."""
    rule: str


@dataclass(frozen=True)
class FacetChange:
    """One facet of a provision that differs between the versions."""

    facet: str
    lost: tuple[ScopeWords, ...]
    """Its words in the old provision only."""
    gained: tuple[ScopeWords, ...]
    """Its words in the new provision only."""
    narrowed: bool = False
    """For a duty's object: words of the old object are gone and none came instead."""

    def describe(self) -> str:
        """ "duration: “perpetual” → “for the term of this Agreement”"."""
        old = " / ".join(f"“{_quoted(w.text)}”" for w in self.lost)
        new = " / ".join(f"“{_quoted(w.text)}”" for w in self.gained)
        if old and new:
            return f"{self.facet}: {old} → {new}"
        return f"{self.facet}: {old} dropped" if old else f"{self.facet}: {new} added"

    def evidence(self, old_clause: str, new_clause: str) -> list[Evidence]:
        sides: tuple[tuple[Side, str, tuple[ScopeWords, ...]], ...] = (
            ("old", old_clause, self.lost),
            ("new", new_clause, self.gained),
        )
        return [
            Evidence(side, clause, w.text, w.start, w.rule)
            for side, clause, found in sides
            for w in found
        ]


class ScopeReader:
    """The scope lexicon of one schema, applied to pairs of provisions."""

    def __init__(self, lexicon: Lexicon) -> None:
        self.lexicon = lexicon

    @cached_property
    def facets(self) -> tuple[str, ...]:
        """The facet categories of the schema, in the order it lists them."""
        return tuple(
            c for c in self.lexicon.words if c.startswith(FACET_PREFIX) and c not in NOT_FACETS
        )

    @cached_property
    def _stop(self) -> frozenset[str]:
        """Words a phrase's complement never runs over (the lexicon's `gap_stop`)."""
        return frozenset(w.casefold() for w in self.lexicon.words.get("gap_stop", ()))

    @cached_property
    def _fillers(self) -> frozenset[str]:
        return frozenset(w.casefold() for w in self.lexicon.words.get("scope_filler", ()))

    @cached_property
    def _same(self) -> Mapping[str, str]:
        """Key of each wording -> key of the first wording of its `scope_same` line."""
        out: dict[str, str] = {}
        for line in self.lexicon.words.get("scope_same", ()):
            # An opening ("for the term of ...") keeps its "..." apart from a whole wording.
            parts = [part.strip() for part in line.split(" = ") if part.strip()]
            keys = [_key(part) + ("..." if part.endswith("...") else "") for part in parts]
            for key in keys:
                out.setdefault(key, keys[0])
        return out

    def _canonical(self, key: str, head: str) -> str:
        """The key of one meaning: the whole wording's, else, for a phrase that takes
        the words after it, its opening's (`scope_same`'s "for the term of ... = during
        the term of ...") with those words kept, so that only they can differ."""
        if key in self._same:
            return self._same[key]
        opening = head + "..."
        if key.startswith(head) and opening in self._same:
            return self._same[opening].removesuffix("...") + key[len(head) :]
        return key

    def words(
        self, text: str, start: int, end: int, values: Sequence[Value] = ()
    ) -> list[ScopeWords]:
        """The scope words of text[start:end], look-alikes (`scope_not`) set aside."""
        if not self.facets:
            return []
        found = self.lexicon.find(text, ("scope_not", *self.facets), start, end)
        out = []
        for m in found:
            if m.category == "scope_not":
                continue
            stop = m.end
            if m.phrase.rstrip().endswith("..."):
                stop = _complement_end(text, m.end, end, self._stop)
            words = text[m.start : stop]
            key = _key(words, [v for v in values if m.start <= v.start < stop], m.start)
            out.append(
                ScopeWords(
                    m.category[len(FACET_PREFIX) :],
                    self._canonical(key, _key(text[m.start : m.end])),
                    words.rstrip(),
                    m.start,
                    m.rule,
                )
            )
        return out

    def changes(
        self,
        p: Provision,
        q: Provision,
        old_text: str,
        new_text: str,
        skip_old: Iterable[tuple[int, int]] = (),
        skip_new: Iterable[tuple[int, int]] = (),
    ) -> list[FacetChange]:
        """How the scope of p (old) differs from that of q (new), facet by facet.
        `skip_*` are spans (references, values) no object word is read from."""
        if "guarantee" in (p.modality.family, q.modality.family):
            # A guarantee's force ("irrevocably", "to its knowledge") is
            # guarantee.weakened / .strengthened; what it covers is its own business.
            return []
        before = self.words(old_text, p.span[0], p.span[1], p.values)
        after = self.words(new_text, q.span[0], q.span[1], q.values)
        out = self.compare(before, after)
        # A duty made firmer or softer is obligation.strengthened / .weakened; its
        # object is compared only when its strength stayed.
        changed = None
        if p.modality.is_duty and p.modality is q.modality:
            changed = self._object(p, q, old_text, new_text, before, after, skip_old, skip_new)
        if changed is None and p.modality is q.modality and not out:
            changed = _limb(p, q, old_text, new_text, self._fillers)
        if changed is not None:
            out.append(changed)
        return out

    def compare(
        self, before: Sequence[ScopeWords], after: Sequence[ScopeWords]
    ) -> list[FacetChange]:
        """The facets whose words differ between two sets of scope words."""
        out = []
        for category in self.facets:
            facet = category[len(FACET_PREFIX) :]
            a = [w for w in before if w.facet == facet]
            b = [w for w in after if w.facet == facet]
            keys_a, keys_b = {w.key for w in a}, {w.key for w in b}
            if keys_a == keys_b:
                continue
            lost = tuple(w for w in a if w.key not in keys_b)
            gained = tuple(w for w in b if w.key not in keys_a)
            out.append(FacetChange(facet, lost, gained))
        return out

    def _object(
        self,
        p: Provision,
        q: Provision,
        old_text: str,
        new_text: str,
        before: list[ScopeWords],
        after: list[ScopeWords],
        skip_old: Iterable[tuple[int, int]],
        skip_new: Iterable[tuple[int, int]],
    ) -> FacetChange | None:
        a = self._object_words(p, old_text, before, skip_old)
        b = self._object_words(q, new_text, after, skip_new)
        # Words of a condition on either side are the condition's (condition.added /
        # .removed tells them), wherever its reading ends: left out on both sides.
        conditional = {k for prov, words in ((p, a), (q, b)) for k, at, _ in words if _in(prov, at)}
        a = [w for w in a if w[0] not in conditional]
        b = [w for w in b if w[0] not in conditional]
        keys_a, keys_b = {k for k, _, _ in a}, {k for k, _, _ in b}
        if len(keys_a) < OBJECT_MIN_WORDS or len(keys_b) < OBJECT_MIN_WORDS:
            return None
        lost = keys_a - keys_b
        gained = keys_b - keys_a
        # Another object, or the same one with part of it cut or added ("the Equipment,
        # the Premises and the Stock" -> "the Stock"); one word more or less is a
        # rewording ("any Licence" -> "any New Licence" is clause.modified).
        cut = not gained and len(lost) >= OBJECT_PART_WORDS
        added = not lost and len(gained) >= OBJECT_PART_WORDS
        overlap = len(keys_a & keys_b) / len(keys_a | keys_b)
        # What a duty is about is mostly named: "the Goods", "the Equipment". With the
        # same names on both sides, a low overlap is a rewording of how or when
        # ("promptly upon delivery" -> "without delay after they are delivered").
        same_names = {k for k, _, named in a if named} == {k for k, _, named in b if named}
        other = overlap < (OBJECT_OVERLAP_SAME_NAMES if same_names else OBJECT_OVERLAP)
        if not (other or cut or added):
            return None
        if _blanks(p, old_text) > _blanks(q, new_text):
            # A template's blanks filled in ("[name of lead Purchaser]" -> "Summit
            # Ridge Capital, LP"): the same duty, now naming what it left open.
            return None
        # The object as a reader sees it: the duty's words after its cue, on each side.
        return FacetChange(
            OBJECT,
            (_object_quote(p, old_text),),
            (_object_quote(q, new_text),),
            narrowed=bool(lost) and not gained,
        )

    def _object_words(
        self,
        p: Provision,
        text: str,
        scope: list[ScopeWords],
        skip: Iterable[tuple[int, int]],
    ) -> list[tuple[str, int, bool]]:
        """(word, offset, capitalised) of what a duty is about: its words but for its actor and its
        cue, from the start of its sentence, so "Buyer shall pay the Price" and "The
        Price shall be paid by Buyer" are about the same thing."""
        # From the sentence's start: a passive subject ("The Price shall be paid by
        # Buyer") stands before the provision's own span.
        # To the sentence's end: a span runs on over sentences that hold no provision.
        start, end = min(p.sentence[0], p.span[0]), min(p.span[1], p.sentence[1])
        holes = [(p.cue.start, p.cue.end)]
        holes += [(v.start, v.end) for v in p.values]
        holes += [(w.start, w.start + len(w.text)) for w in scope]
        holes += list(skip)
        if p.actor.start >= 0:
            holes.append((p.actor.start, p.actor.end))
        out = []
        for m in _WORD.finditer(text, start, end):
            if any(a <= m.start() < b for a, b in holes):
                continue
            word = m.group()
            if word.isdigit() or self.lexicon.is_word(word, "scope_filler"):
                continue
            named = word[:1].isupper() and m.start() > p.sentence[0]
            out.append((word.casefold()[:STEM], m.start(), named))
        return out


_BLANK = re.compile(r"\[[^\]]{0,120}\]")
_LIST_TOKEN = re.compile(r"[^\W_]+|[,;]")
_JOINS = frozenset({",", ";", "and", "or", "and/or"})


LIMB_WORDS = 6
"""Most words a limb of a list has; more is a clause or sentence of its own."""
_DETERMINER = frozenset({"the", "a", "an", "any", "all", "its", "their", "such", "each", "our"})


def _limb(
    p: Provision, q: Provision, old_text: str, new_text: str, fillers: frozenset[str]
) -> FacetChange | None:
    """A limb of a list cut from (or added to) what a provision covers: "data warehouse
    design, dashboard reporting and predictive modelling" -> "... and dashboard
    reporting", "cleaning, security and waste management" -> "..., waste management and
    grounds maintenance". Only words on one side, with the list's commas or "and"
    around them; one word more or less inside a phrase ("defects" -> "material
    defects") is no limb. Conditions are condition.added's, values value.changed's."""

    def tokens(prov: Provision, text: str) -> list[tuple[str, int]]:
        start, end = prov.span
        holes = [(c.start, c.end) for c in prov.conditions]
        holes += [(v.start, v.end) for v in prov.values]
        return [
            (m.group().casefold(), m.start())
            for m in _LIST_TOKEN.finditer(text, start, end)
            if not any(a <= m.start() < b for a, b in holes)
        ]

    a, b = tokens(p, old_text), tokens(q, new_text)
    # "..., and Velmora shall": the comma or "and" before the next provision is no list.
    while a and a[-1][0] in _JOINS:
        a.pop()
    while b and b[-1][0] in _JOINS:
        b.pop()
    matcher = difflib.SequenceMatcher(a=[t for t, _ in a], b=[t for t, _ in b], autojunk=False)
    lost: list[tuple[str, int]] = []
    gained: list[tuple[str, int]] = []
    joined = False
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            continue
        for side, part in ((lost, a[i1:i2]), (gained, b[j1:j2])):
            for word, at in part:
                if word in _JOINS:
                    joined = True
                else:
                    side.append((word, at))
    if not joined or bool(lost) == bool(gained):
        return None
    found = lost or gained
    if len(found) > LIMB_WORDS or all(w in fillers for w, _ in found):
        return None
    # Before the action's first determiner stand its verbs ("redistribute, sell or
    # transfer the Service"): another act is another provision, not a wider one.
    prov, seq = (p, a) if lost else (q, b)
    first_object = next((at for w, at in seq if at >= prov.cue.end and w in _DETERMINER), None)
    if first_object is None or found[0][1] < first_object:
        return None
    side_text = old_text if lost else new_text
    words = side_text[found[0][1] : found[-1][1] + len(found[-1][0])]
    limb = ScopeWords(OBJECT, _key(words), words, found[0][1], "list limb")
    return FacetChange(
        OBJECT, (limb,) if lost else (), (limb,) if gained else (), narrowed=bool(lost)
    )


def _in(p: Provision, at: int) -> bool:
    """True when offset `at` lies inside one of the provision's conditions."""
    return any(c.start <= at < c.end for c in p.conditions)


def _blanks(p: Provision, text: str) -> int:
    """How many bracketed blanks of a template ("[name]") the provision's sentence has."""
    return len(_BLANK.findall(text, p.sentence[0], p.sentence[1]))


def _complement_end(text: str, start: int, end: int, stop_words: frozenset[str]) -> int:
    """Where the words a phrase takes end: before the next comma, semicolon, colon,
    full stop or `gap_stop` word ("for the term of this Agreement and is worldwide"
    takes "this Agreement"), after GAP_WORDS words, or at `end`."""
    stop = _COMPLEMENT_STOP.search(text, start, end)
    limit = stop.start() if stop else end
    last = start
    for count, m in enumerate(_WORD.finditer(text, start, limit)):
        if count == GAP_WORDS or m.group().casefold() in stop_words:
            break
        last = m.end()
    return last


def _key(words: str, values: Sequence[Value] = (), offset: int = 0) -> str:
    """Letters and digits only, lower-cased, with values taken out (their change is
    value.changed): "Non-Exclusive" = "non exclusive" = "nonexclusive"."""
    text = words
    for v in sorted(values, key=lambda v: v.start, reverse=True):
        a, b = v.start - offset, v.end - offset
        text = text[:a] + VALUE_MARK + text[b:]
    return _NOT_ALNUM.sub("", text.casefold())


def _object_quote(p: Provision, text: str) -> ScopeWords:
    """The object as a reader sees it: the duty's words after its cue, to the end of
    its sentence, exactly as they stand (evidence offsets point at them)."""
    end = min(p.span[1], p.sentence[1])
    rest = text[p.cue.end : end]
    words = rest.strip().rstrip(".;,")
    start = p.cue.end + len(rest) - len(rest.lstrip())
    return ScopeWords(OBJECT, "", words, start, "scope: object")


def _quoted(text: str) -> str:
    """One line of at most QUOTE_WORDS words."""
    tokens = text.split()
    return " ".join(tokens[:QUOTE_WORDS]) + ("…" if len(tokens) > QUOTE_WORDS else "")


__all__ = ["FacetChange", "ScopeReader", "ScopeWords"]
