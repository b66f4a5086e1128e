"""Provides actors: who a provision binds, resolved to the document's parties.

A *mention* is a name in a sentence that could be someone's:

    party     a party's name or alias ("Norland", "the Government of the Republic
              of Norland", "You" for a Licensee)
    joint     a collective with a determiner ("each Party", "the Parties", "either
              party", "Neither Party": negative, so its duty is a prohibition;
              "Each of the Signatories", "All Participants": the lexicon's
              `collective_noun` words count as the schema's collective names)
    nonparty  a defined term or a capitalised name after "the"/"this" ("the Fund",
              "the Board", "this Agreement"): kept as such, never a party
    pronoun   "it", "they": the last actor named before

A party is also named by what its names imply (`derived_aliases`): initials ("the
U.S." and "the USA" for "the United States of America", "NREH" for "Northwind
Renewable Energy Holdings Ltd."), the name after "of" of a state or body ("Freedonia"
for "the Government of Freedonia") and a company's name without its legal form
("Quarrow Software", "Quarrow" for "Quarrow Software Ltd."), a body's head noun after
an article ("the Council" for "Harlow County Council") and its name's adjective before
a collective word ("the Freedonian Side"). A derived alias that two parties would share
names neither; every one says in its rule how it was derived.

The *actor* of a modal verb is chosen from the mentions before it (see
`_Reader._choose` in provisions.py): the last one that is not an owner ("Velmora's liability"),
not the object of a preposition ("the courts of Norland") and not inside a
condition ("if Buyer so requests"); a passive verb's agent wins ("shall be paid
by Buyer" -> Buyer). Where nobody is named, draftdiff/analyse/provisions.py still
keeps the provision: a capitalised name the preamble missed ("Ostravia guarantees")
is a non-party actor; a thing-subject duty goes to the party the schema's
`binds_<role>` words, the same clause's evidence or the one party holding the role
whose trade it is (`role_<side>`, `role_act_<side>`) give it; otherwise the actor is
`unattributed` (kind "none") with the reason in its rule. Every list of words here
comes from the schema.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from draftdiff.analyse.lexicon import Lexicon, alternation, non_overlapping
from draftdiff.model import Party

JOINT = "Parties"
"""The actor name of a joint provision ("each Party", "the Parties")."""


@dataclass(frozen=True)
class Mention:
    """A name in a sentence that may be the subject of a provision."""

    kind: str
    """party, joint, nonparty or pronoun."""
    text: str
    start: int
    end: int
    name: str
    """Party name, JOINT, the non-party's name without its article, or the pronoun."""
    rule: str
    negative: bool = False
    """"Neither Party", "No Party": whatever it shall do, it shall not do."""
    owner: bool = False
    """Followed by a possessive ("Velmora's"): set on the mentions an analysis keeps."""


@dataclass(frozen=True)
class Actor:
    """Who a provision binds (or benefits, for rights and permissions)."""

    kind: str
    """party, joint, nonparty or none (impersonal: "Notices shall be in writing")."""
    name: str | None
    """The party's name, JOINT for joint actors, the non-party's name, or None."""
    parties: tuple[str, ...] = ()
    """The parties who bear it: one for a party, all of them for a joint actor."""
    text: str = ""
    """The words naming the actor in the clause text ("" when none)."""
    start: int = -1
    rule: str = ""
    """Why: "parties: Velmora = Government of the Republic of Velmora", "passive: by Buyer"."""

    @property
    def end(self) -> int:
        return self.start + len(self.text) if self.start >= 0 else -1

    @property
    def is_party(self) -> bool:
        return bool(self.parties)

    @property
    def unattributed(self) -> bool:
        """Binds somebody the text does not name (its `rule` says why): kept, counted
        in no party's ledger, so that a warning can still point at it."""
        return self.kind == "none"


NO_ACTOR = Actor("none", None, rule="unattributed: no subject")


def unattributed(reason: str) -> Actor:
    """A provision's actor when nobody is named, with the reason."""
    return Actor("none", None, rule=f"unattributed: {reason}")


NOT_NAME_WORDS = (  # categories whose words open no name ("Neither", "The", "It")
    "negative_determiner",
    "joint_determiner",
    "preposition",
    "coordinator",
    "article",
    "pronoun",
    "relative",
    "other_determiner",
    "personal_pronoun",
)
_OBJECT_PARTICIPLE = re.compile(r"[a-z]{3,}ing")
"""A participle in lower case right before a name makes the name its object."""
_ACRONYM = re.compile(r"\s(?=[A-Z]{2,5}(?:\s|$))")
"""Where an all-capitals code ("DAP", "USD") follows a word in lower case."""


def _acronym_after_name(name: str) -> int | None:
    """Where an all-capitals code starts after a name written in mixed case, or None:
    "Supplier DAP" is the name "Supplier", "ACME Corp" has none."""
    if name.split()[0].isupper():
        return None
    m = _ACRONYM.search(name)
    return m.end() if m else None


_UPPER = re.compile(r"[^\W\d_a-zäöüß]")
_LOWER = re.compile(r"[a-zäöüß]")

_ARTICLE = re.compile(r"^(?:the|this|these|that)\s+", re.IGNORECASE)


class MentionFinder:
    """The mention patterns of one document: its parties, terms and the schema's words."""

    def __init__(
        self,
        parties: Sequence[Party],
        collective: Sequence[str],
        terms: Sequence[str],
        lexicon: Lexicon,
    ) -> None:
        self.lexicon = lexicon
        self.parties = tuple(p.name for p in parties)
        self._party_of: dict[str, str] = {}
        for party in parties:
            for name in party.names():
                # "the Government of X" and "The Government of X" are the same alias; the
                # pattern below allows the article, so it is dropped here.
                bare = _ARTICLE.sub("", name.strip()) or name
                self._party_of.setdefault(bare, party.name)
                # "you" starts a sentence as "You".
                if bare[:1].islower():
                    self._party_of.setdefault(bare[:1].upper() + bare[1:], party.name)
        # A name every party goes by ("each a Participant" given as an alias of each) is
        # a collective name, not the first party's.
        owners: dict[str, set[str]] = {}
        for party in parties:
            for name in party.names():
                owners.setdefault(_ARTICLE.sub("", name.strip()) or name, set()).add(party.name)
        shared = [n for n, o in owners.items() if len(o) > 1]
        for name in shared:
            self._party_of.pop(name, None)
        taken = set(self._party_of) | set(terms) | set(shared)
        found = derived_aliases(parties, lexicon, taken)
        # "the Council" (Harlow County Council): a head noun names the party only
        # after an article; the other derived aliases stand alone too.
        self._derived = {a: v for a, v in found.items() if not a.startswith(_HEAD)}
        self._heads = {a[len(_HEAD) :]: v for a, v in found.items() if a.startswith(_HEAD)}
        names = alternation(self._party_of)
        articles = alternation(lexicon.phrases("article")) or "the"
        art = rf"(?i:(?:{articles})\s+)"
        self._article = re.compile(rf"^{art}")
        # A role's plural names it too: "Contributors may not ..." (Contributor).
        plural = r"(?:s|es)?"
        own_collective = [
            c
            for c in (*collective, *lexicon.phrases("collective_noun"), *shared)
            if not self._names_party(c)
        ]
        upper_collective = alternation(c for c in own_collective if c[:1].isupper())
        # "the U.S. Side", "the Freedonian Party": a party's name with a collective
        # word after it is that party, not both.
        side = rf"(?:\s+(?:{upper_collective})(?![\w-]))?" if upper_collective else ""
        self._party = (
            re.compile(rf"(?<![\w-]){art}?(?P<n>{names}){plural}(?![\w-]){side}") if names else None
        )
        shouted = alternation(n for n in self._party_of if n.isupper() and n.count(" ") >= 2)
        self._shouted = (
            re.compile(rf"(?<![\w-]){art}?(?P<n>{shouted})(?![\w-])", re.IGNORECASE)
            if shouted
            else None
        )
        derived_names = alternation(self._derived)
        # Initials are matched as written (case-sensitive even in capitals, so "US" is
        # never the pronoun "us"); a dotted one ends at its own full stop.
        self._derived_pattern = (
            re.compile(rf"(?<![\w.-]){art}?(?P<n>{derived_names})(?![\w-]|\.\w){side}")
            if derived_names
            else None
        )
        heads = alternation(self._heads)
        self._head_pattern = (
            re.compile(rf"(?<![\w-]){art}(?P<n>{heads})(?![\w-])") if heads else None
        )
        # ALL-CAPS clauses ("EACH PARTY'S LIABILITY") name parties in capitals.
        self._party_caps = (
            re.compile(rf"(?<![\w-]){art}?(?P<n>{names}){plural}(?![\w-])", re.IGNORECASE)
            if names
            else None
        )
        others = alternation(lexicon.phrases("other_determiner"))
        self._others = re.compile(rf"(?<![\w-])(?:{others})\s+$", re.IGNORECASE) if others else None
        determiners = alternation(lexicon.phrases("joint_determiner"))
        coll = alternation(own_collective)
        # "the Freedonian Side", "the Ukrainian Party": a party's adjective before a
        # collective word names that party.
        self._adjective = (
            re.compile(rf"(?<![\w-]){art}(?P<a>[A-ZÄÖÜ][\w-]+)\s+(?:{upper_collective})(?![\w-])")
            if upper_collective
            else None
        )
        self._stems: dict[str, set[str]] = {}
        for alias in (*self._party_of, *self._derived):
            last = alias.split()[-1] if alias.split() else ""
            if len(last) >= 5 and last[:1].isupper() and last.isalpha():
                owner = self._party_of.get(alias) or self._derived[alias][0]
                self._stems.setdefault(last[:-1], set()).add(owner)
        joint = []
        if determiners and coll:
            joint.append(rf"(?i:(?:{determiners})\s+(?:{coll}))")
        if upper_collective:
            joint.append(upper_collective)
        self._joint = re.compile(rf"(?<![\w-])(?:{'|'.join(joint)})(?![\w-])") if joint else None
        self._negative = {w.casefold() for w in lexicon.phrases("negative_determiner")}
        own = [t for t in terms if t not in self._party_of and t not in own_collective]
        term_names = alternation(own)
        self._term = (
            re.compile(rf"(?<![\w-]){art}?(?P<n>{term_names})(?![\w-])") if term_names else None
        )
        # A capitalised name after an article: "the Board", "The Chair", "this Agreement";
        # or two capitalised words or more: "Licensed Users".
        cap = r"[A-ZÄÖÜ][\w'’-]*"
        connectors = alternation(lexicon.phrases("name_connector"))
        join = rf"\s+(?:(?:{connectors})\s+)?" if connectors else r"\s+"
        self._capitalised = re.compile(
            rf"(?<![\w-]){art}(?P<n>{cap}(?:{join}{cap}){{0,4}})"
            rf"|(?<![\w-])(?P<m>{cap}(?:\s+{cap}){{1,4}})(?![\w-])"
        )
        pronouns = alternation(lexicon.phrases("pronoun"))
        self._pronoun = re.compile(rf"(?<![\w-])(?i:{pronouns})(?![\w'’-])") if pronouns else None

    def find(self, text: str, start: int, end: int) -> list[Mention]:
        """Mentions in text[start:end], overlaps resolved (party > joint > term > name)."""
        candidates: list[Mention] = []
        add = candidates.append

        party_pattern = self._party
        segment = text[start:end]
        lower = len(_LOWER.findall(segment))
        if len(_UPPER.findall(segment)) > 1.5 * lower + 3:
            party_pattern = self._party_caps
        if party_pattern is not None:
            for m in party_pattern.finditer(text, start, end):
                name = m.group("n")
                party = self._party_of.get(name) or self._caps_party(name)
                if party is None or self._after_other(text, m.start()):
                    continue
                rule = f"parties: {party}" + (f" = {name}" if name != party else "")
                add(Mention("party", m.group(), m.start(), m.end(), party, rule))
        if party_pattern is not self._party_caps and self._shouted is not None:
            # A name known only as a signature block writes it ("DEPARTMENT OF DEFENSE OF
            # THE UNITED STATES OF AMERICA") is the same name in the text's own case.
            for m in self._shouted.finditer(text, start, end):
                party = self._caps_party(m.group("n"))
                if party is not None and not self._after_other(text, m.start()):
                    rule = f"parties: {party} = {m.group('n')} (its name in capitals)"
                    add(Mention("party", m.group(), m.start(), m.end(), party, rule))
        if self._derived_pattern is not None:
            for m in self._derived_pattern.finditer(text, start, end):
                alias = m.group("n")
                party, how = self._derived[alias]
                rule = f"parties: {party} = {alias} ({how})"
                add(Mention("party", m.group(), m.start(), m.end(), party, rule))
        if self._head_pattern is not None:
            for m in self._head_pattern.finditer(text, start, end):
                head = m.group("n")
                party, how = self._heads[head]
                rule = f"parties: {party} = {m.group()} ({how})"
                add(Mention("party", m.group(), m.start(), m.end(), party, rule))
        if self._joint is not None:
            for m in self._joint.finditer(text, start, end):
                first = m.group().split()[0].casefold()
                negative = first in self._negative or m.group().casefold().startswith(
                    tuple(n + " " for n in self._negative)
                )
                add(
                    Mention(
                        "joint",
                        m.group(),
                        m.start(),
                        m.end(),
                        JOINT,
                        "parties.collective: " + m.group(),
                        negative=negative,
                    )
                )
        if self._term is not None:
            for m in self._term.finditer(text, start, end):
                name = m.group("n")
                add(Mention("nonparty", m.group(), m.start(), m.end(), name, "terms: " + name))
        candidates.extend(self._capitalised_names(text, start, end))
        if self._adjective is not None:
            for m in self._adjective.finditer(text, start, end):
                adjective = m.group("a")
                owners = {
                    p for stem, ps in self._stems.items() if adjective.startswith(stem) for p in ps
                }
                if len(owners) == 1 and adjective not in self._party_of:
                    party = owners.pop()
                    rule = f"parties: {party} = {m.group()} (adjective of its name)"
                    add(Mention("party", m.group(), m.start(), m.end(), party, rule))
        if self._pronoun is not None:
            for m in self._pronoun.finditer(text, start, end):
                add(
                    Mention(
                        "pronoun",
                        m.group(),
                        m.start(),
                        m.end(),
                        m.group().casefold(),
                        "lexicon.pronoun: " + m.group(),
                    )
                )
        # Overlaps: the longer name wins ("Indemnified Contributor" over the alias
        # "Contributor", "Norland Development Finance Agency" over "Norland"); at equal
        # length, parties before joint names before terms before other names.
        rank = {"party": 0, "joint": 1, "nonparty": 2, "pronoun": 3}
        order = sorted(
            enumerate(candidates),
            key=lambda item: (-(item[1].end - item[1].start), rank[item[1].kind], item[0]),
        )
        return non_overlapping(mention for _, mention in order)

    def _capitalised_names(self, text: str, start: int, end: int) -> Iterator[Mention]:
        """Names nobody was given: "the Board", "Licensed Users" (non-party mentions)."""
        for m in self._capitalised.finditer(text, start, end):
            name = m.group("n") or m.group("m")
            begin = m.start()
            if m.group("m"):
                # "Neither Tadeo", "In Witness": a capitalised function word opening a
                # sentence is not part of a name.
                head = name.split()[0]
                if any(self.lexicon.is_word(head, c) for c in NOT_NAME_WORDS):
                    rest = name[len(head) :].lstrip()
                    if " " not in rest:
                        continue
                    begin = m.end() - len(rest)
                    name = rest
            if name.isupper() and len(name) > 3 and " " in name:
                continue  # a line in capitals is not a name
            stop = _acronym_after_name(name)
            if stop is not None:
                # "by Supplier DAP the Delivery Point": a trade term or currency code
                # after a name is no part of it, so "Supplier" stays the party.
                if " " not in name[:stop].strip():
                    continue
                name = name[:stop].rstrip()
            finish = begin + len(name) if stop is not None else m.end()
            said = text[begin:finish]
            yield Mention("nonparty", said, begin, finish, name, "name: " + said)

    def _names_party(self, word: str) -> bool:
        """ "Participant" when a party is called so: then "each Participant" is it."""
        folded = word.casefold()
        return any(folded in (alias.casefold(), alias.casefold() + "s") for alias in self._party_of)

    def _caps_party(self, name: str) -> str | None:
        folded = name.casefold()
        for alias, party in self._party_of.items():
            if alias.casefold() == folded:
                return party
        return None

    def _after_other(self, text: str, start: int) -> bool:
        """ "other users": not the party the alias "users" names."""
        if self._others is None:
            return False
        return bool(self._others.search(text[max(0, start - 30) : start]))

    # --- whether a mention can be a subject ---------------------------------------------

    def is_owner(self, text: str, mention: Mention) -> bool:
        """ "Velmora's liability": the name owns the subject, it is not the subject."""
        return self.lexicon.at(text, "possessive", mention.end) is not None

    def after_preposition(self, text: str, mention: Mention) -> bool:
        """ "the courts of Norland": the name is an object, not the subject. So is a name
        with an article right after a noun ("die Arbeitszeit der Arbeitnehmer")."""
        head = text[max(0, mention.start - 40) : mention.start].rstrip()
        word = re.search(r"([\w/-]+)$", head)
        if word and self.lexicon.is_word(word.group(1), "preposition"):
            return True
        if word and _OBJECT_PARTICIPLE.fullmatch(word.group(1)):
            return True  # "Every label bearing the Marks must carry": what it bears
        if not self.lexicon.is_word("capitalised_subject", "flags"):
            # English: "On termination of this Agreement the Licensee shall": a subject
            # after an opening phrase, not a genitive.
            return False
        starts_with_article = bool(self._article.match(mention.text))
        return bool(
            starts_with_article
            and word
            and word.group(1)[:1].isupper()
            and not re.search(r"[.;:!?]\s*[\w/-]+$", head)
            and len(head.split()) > 1
        )

    def actor(self, mention: Mention, via: str = "") -> Actor:
        """The actor a (non-pronoun) mention names."""
        rule = mention.rule if not via else f"{via}; {mention.rule}"
        if mention.kind == "party":
            return Actor("party", mention.name, (mention.name,), mention.text, mention.start, rule)
        if mention.kind == "joint":
            return Actor("joint", JOINT, self.parties, mention.text, mention.start, rule)
        return Actor(
            "nonparty",
            self._article.sub("", mention.name),
            (),
            mention.text,
            mention.start,
            rule,
        )

    def party_named(self, word: str) -> Mention | None:
        """The party a bare word names, by its names or derived aliases ("Freedonia")."""
        party = self._party_of.get(word)
        if party is not None:
            return Mention("party", word, -1, -1, party, f"parties: {party} = {word}")
        if word in self._derived:
            party, how = self._derived[word]
            return Mention("party", word, -1, -1, party, f"parties: {party} = {word} ({how})")
        return None

    def first_mention_at(self, text: str, pos: int, end: int) -> Mention | None:
        """The mention starting at `pos` (after spaces), as for a passive agent or a grantee."""
        while pos < end and text[pos].isspace():
            pos += 1
        for mention in self.find(text, pos, min(end, pos + 120)):
            if mention.start == pos:
                return mention
            break
        return None


# --- names a party goes by without being given them -------------------------------------

_HEAD = "\x00head:"
"""Marks a derived alias that is a head noun, named only after an article."""
_CAP_WORD = re.compile(r"[A-ZÄÖÜ][\w'’&-]*")


def derived_aliases(
    parties: Sequence[Party], lexicon: Lexicon, taken: set[str]
) -> dict[str, tuple[str, str]]:
    """Alias -> (party, how it was derived), for the names a draft uses later for a
    party it named in full: initials, the name after "of", a company's short name.
    Aliases two parties would share, and names already in use, are left out."""
    found: dict[str, set[tuple[str, str]]] = {}
    suffixes = sorted(lexicon.phrases("entity_suffix"), key=len, reverse=True)
    heads = {w.casefold() for w in lexicon.phrases("name_head")}
    bodies = {w.casefold() for w in lexicon.phrases("head_noun")}
    generic = {w.casefold() for w in lexicon.phrases("generic_name_word")}
    # Word by word: "of the" lets "the" stand inside "Ministry of X of the Kingdom of Y".
    connectors = {w.casefold() for p in lexicon.phrases("name_connector") for w in p.split()}
    # A common noun opening a company's name is no short name for it ("Software AG").
    generic |= {w.casefold() for w in lexicon.phrases("common_noun") if not w.startswith("re:")}
    for party in parties:
        for full in party.names():
            name = _ARTICLE.sub("", full.strip())
            for alias, how in _derivations(name, suffixes, heads, bodies, generic, connectors):
                said = alias.removeprefix(_HEAD)
                if said not in taken and (said != alias or said.casefold() not in generic):
                    found.setdefault(alias, set()).add((party.name, how))
    out: dict[str, tuple[str, str]] = {}
    for alias, owners in found.items():
        if len({p for p, _ in owners}) == 1:
            out[alias] = sorted(owners)[0]
    return out


def _derivations(
    name: str,
    suffixes: Sequence[str],
    heads: set[str],
    bodies: set[str],
    generic: set[str],
    connectors: set[str],
) -> list[tuple[str, str]]:
    out: list[tuple[str, str]] = []
    bare = name.rstrip(" ,.")
    for suffix in suffixes:
        cut = re.sub(rf",?\s+{re.escape(suffix.rstrip('.'))}\.?$", "", bare)
        if cut != bare:
            bare = cut.rstrip(" ,")
            break
    words = bare.split()
    if not words or not all(_CAP_WORD.fullmatch(w) or w.casefold() in connectors for w in words):
        return out
    caps = [w for w in words if w.casefold() not in connectors]
    lowered = [w.casefold() for w in words]
    before_of = words[: lowered.index("of")] if "of" in lowered else words
    # Initials: of every capitalised word ("USA"), of every word ("ROK" for "Republic
    # of Korea"), and of those before the first "of" ("US" for "United States of
    # America", "UK" for "United Kingdom of Great Britain ...").
    for span in (caps, words, before_of):
        if len(span) >= 2:
            letters = "".join(w[0].upper() for w in span)
            out.append((letters, f"initials of {name}"))
            out.append(("".join(c + "." for c in letters), f"initials of {name}"))
    # "Government of Freedonia" -> "Freedonia", "Federal Republic of Germany" ->
    # "Germany": a state's or body's name after "of".
    if "of" in lowered and any(w.casefold() in heads for w in before_of):
        tail = words[len(lowered) - lowered[::-1].index("of") :]
        if tail and all(_CAP_WORD.fullmatch(w) for w in tail):
            out.append((" ".join(tail), f"the name after “of” in {name}"))
    # "the Council" for "Harlow County Council", "the Republic" for "the Republic of
    # Marisca": the head noun of a public body's or company's name, after an article.
    head = before_of[-1]
    if len(words) > 1 and head.casefold() in bodies:
        out.append((_HEAD + head, f"head noun of {name}"))
    # "Quarrow Software Ltd." -> "Quarrow Software", "Quarrow": a company without its form.
    if bare != name.rstrip(" ,.") and lowered[0] not in heads:
        out.append((bare, f"{name} without its legal form"))
        if len(words) > 1 and lowered[0] not in generic:
            out.append((words[0], f"first word of {name}"))
    return [(a, h) for a, h in out if a != name and len(a.strip(".")) > 1]
