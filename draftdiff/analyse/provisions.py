"""Provides provisions: who must, may or guarantees what, clause by clause.

    analyse_document(document, schema) -> Analysis   (keyed by clause id)

For each clause: split it into sentences; find the modal cues of the schema's
lexicon ("shall", "shall use reasonable efforts to", "guarantees", "may", "shall
be entitled to"); set aside the ones that state no duty ("shall not exceed",
"Nothing in this Agreement shall ...", "delays may occur", definitions); give
each remaining cue its actor (draftdiff/analyse/actors.py), its conditions, its
values and its intensifiers. A duty nobody is named to bear is never dropped: it is
given to the party a schema rule (`binds_licensee`: "Redistributions must ...") or
the same clause ("Buyer shall pay ... Payment shall be made ...") says it binds, or,
failing both, to the one party whose role's trade its verb or subject is
(`role_<side>`/`role_act_<side>`: "The Goods shall be delivered" is the Supplier's),
with that evidence in its notes, or kept unattributed with the reason. The document
itself is never touched: the Analysis lies beside it, keyed by clause id, and every
finding keeps the words and the rule that produced it.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from types import MappingProxyType

from draftdiff.analyse.actors import (
    JOINT,
    NO_ACTOR,
    NOT_NAME_WORDS,
    Actor,
    Mention,
    MentionFinder,
    unattributed,
)
from draftdiff.analyse.conditions import Condition, find_conditions
from draftdiff.analyse.lexicon import Lexicon, Match, lexicon_for
from draftdiff.analyse.modality import (
    CATEGORY_MODALITY,
    MODAL_CATEGORIES,
    NOT_PROVISIONS,
    Cue,
    Modality,
)
from draftdiff.analyse.references import Reference, find_references
from draftdiff.analyse.sentences import Span, split_sentences
from draftdiff.analyse.terms import Definition, TermUses, find_definitions
from draftdiff.analyse.values import Value, value_finder
from draftdiff.model import Block, Clause, Document, Party
from draftdiff.schema.load import builtin_paths, load_schema
from draftdiff.schema.model import Schema

SUMMARY_WORDS = 9
"""Words of a provision's action quoted in summaries."""
_TO = re.compile(r"\bto\s+")
_GRANT_OBJECT = 120
"""How far after "grants" the grantee of "grants <a licence> to <X>" may stand."""
_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)?")
_PARTICIPLE = re.compile(r"[a-z]{2,}ing")
"""A lower-case present participle ("wishing", "receiving") opening a reduced relative."""


@dataclass(frozen=True)
class Provision:
    """One commitment, permission or right found in a clause."""

    clause: str
    actor: Actor
    modality: Modality
    cue: Cue
    sentence: Span
    """The sentence it is in, as offsets into the clause text."""
    span: Span
    """Its own words: from its subject (or cue) to where the next provision starts."""
    conditions: tuple[Condition, ...] = ()
    values: tuple[Value, ...] = ()
    intensifiers: tuple[Cue, ...] = ()
    """Words that harden it ("irrevocably", "with its full faith and credit")."""
    notes: tuple[str, ...] = ()
    """How the reading was reached where it is not plain: "passive: by Buyer",
    "negated subject: Neither Party", "guarantee given: security guarantees"."""
    action: str = ""
    """What is owed or allowed: the words after the cue, up to the end of its span."""
    text: str = ""
    """All its words: the clause text over `span`."""
    concerns: tuple[str, ...] = ()
    """For a provision with no actor, the parties it still concerns ("No distribution
    shall be made to Velmora" concerns Velmora); not counted in any ledger."""

    @property
    def conditional(self) -> bool:
        return bool(self.conditions)

    @property
    def strength(self) -> int:
        return self.modality.strength

    @property
    def bearers(self) -> tuple[str, ...]:
        """The parties it binds or benefits."""
        return self.actor.parties

    def gist(self, words: int = SUMMARY_WORDS) -> str:
        """The first words of the action, for a one-line summary."""
        tokens = self.action.split()
        cut = " ".join(tokens[:words]).rstrip(",;:")
        return cut + ("…" if len(tokens) > words else "")


@dataclass(frozen=True)
class ClauseAnalysis:
    """Everything found in one clause."""

    clause: str
    sentences: tuple[Span, ...] = ()
    provisions: tuple[Provision, ...] = ()
    conditions: tuple[Condition, ...] = ()
    values: tuple[Value, ...] = ()
    references: tuple[Reference, ...] = ()
    definitions: tuple[Definition, ...] = ()
    terms: tuple[str, ...] = ()
    """Defined terms the clause uses (not counting the one it defines)."""
    set_aside: tuple[Cue, ...] = ()
    """Modal-looking words judged not to be provisions, each with the reason."""
    mentions: tuple[Mention, ...] = ()
    """Where the parties are named (party and joint mentions), owners marked."""


@dataclass(frozen=True)
class Analysis:
    """The semantic reading of one document, beside its clause tree."""

    path: str
    schema: str
    parties: tuple[str, ...]
    clauses: Mapping[str, ClauseAnalysis] = field(default_factory=lambda: MappingProxyType({}))
    definitions: Mapping[str, Definition] = field(default_factory=lambda: MappingProxyType({}))
    """Each defined term's definition (the first, when a term is defined twice)."""
    uses: Mapping[str, tuple[str, ...]] = field(default_factory=lambda: MappingProxyType({}))
    """Each defined term's using clauses, in document order."""

    def clause(self, clause_id: str) -> ClauseAnalysis:
        return self.clauses.get(clause_id) or ClauseAnalysis(clause_id)

    def provisions(self, clause_id: str) -> tuple[Provision, ...]:
        return self.clause(clause_id).provisions

    def all_provisions(self) -> Iterator[Provision]:
        for analysis in self.clauses.values():
            yield from analysis.provisions


# --- the document -----------------------------------------------------------------------


def analyse_document(document: Document, schema: Schema) -> Analysis:
    """Read every clause of a document for provisions, values, terms and references."""
    lexicon = lexicon_for(schema)
    parents: dict[str, str | None] = {}
    for top in document.clauses:
        _parents(top, None, parents)
    # Headings and the title carry no provisions, nor do drafting notes (footnotes,
    # endnotes, comments): they explain the text.
    clauses = [c for c in document.walk() if not (c.is_heading_only or c.is_note)]
    # Pass 1: sentences and definitions, so that pass 2 knows every term.
    sentences: dict[str, tuple[Span, ...]] = {}
    defining: dict[str, frozenset[Span]] = {}
    definitions: dict[str, list[Definition]] = {}
    first: dict[str, Definition] = {}
    party_names = {n for p in document.parties for n in p.names()}
    collective = set(schema.parties.collective)
    for clause in clauses:
        spans = split_sentences(clause.text, lexicon)
        sentences[clause.id] = spans
        found = [d for s in spans for d in find_definitions(clause.text, clause.id, s, schema)]
        # Pass 2 reads no duty in a sentence that defines a term, even a party's name
        # ("Buyer" means ...): kept here, so it need not match the same patterns again.
        defining[clause.id] = frozenset(d.sentence for d in found if not d.inline)
        found = [d for d in found if d.term not in party_names and d.term not in collective]
        definitions[clause.id] = found
        for d in found:
            if d.term not in first or (first[d.term].inline and not d.inline):
                first[d.term] = d
    reader = _Reader(schema, lexicon, document.parties, tuple(first))
    uses_finder = TermUses(first)
    result: dict[str, ClauseAnalysis] = {}
    uses: dict[str, list[str]] = {t: [] for t in first}
    for clause in clauses:
        own = {d.term for d in definitions[clause.id]}
        used = tuple(t for t in uses_finder.used(clause.text) if t not in own)
        for term in used:
            uses[term].append(clause.id)
        analysis = reader.clause(
            clause.id, clause.text, sentences[clause.id], defining[clause.id], parents
        )
        result[clause.id] = replace(analysis, definitions=tuple(definitions[clause.id]), terms=used)
    return Analysis(
        path=document.path,
        schema=schema.name,
        parties=tuple(p.name for p in document.parties),
        clauses=MappingProxyType(result),
        definitions=MappingProxyType(first),
        uses=MappingProxyType({t: tuple(ids) for t, ids in uses.items()}),
    )


def analyse(document: Document) -> Analysis:
    """Read a document with the schema it was parsed with."""
    return analyse_document(document, schema_of(document))


def schema_of(document: Document) -> Schema:
    """The schema a document was structured with (the abstract base if it is gone)."""
    if document.schema_path and Path(document.schema_path).is_file():
        return load_schema(document.schema_path)
    builtins = builtin_paths()
    return load_schema(builtins.get(document.schema, builtins["base"]))


def analyse_text(
    text: str, parties: tuple[Party, ...], schema: Schema, clause_id: str = "1"
) -> ClauseAnalysis:
    """Read one piece of text as a clause of a document with these parties."""
    block = Block(text, text, 1)
    clause = Clause(clause_id, "", "", text, "body", 0, block)
    document = Document("<text>", "", schema.name, (clause,), parties)
    return analyse_document(document, schema).clause(clause_id)


def _parents(clause: Clause, parent: str | None, out: dict[str, str | None]) -> None:
    out[clause.id] = parent
    for child in clause.children:
        _parents(child, clause.id, out)


# --- one clause -------------------------------------------------------------------------


@dataclass
class _Draft:
    """A provision being built (mutable until the sentence is read)."""

    actor: Actor
    modality: Modality
    cue: Match
    start: int
    notes: list[str] = field(default_factory=list)
    end: int = 0
    opens_complement: bool = False
    """Its action starts with a "that" clause ("warrants that", "shall ensure that"):
    modal verbs of non-parties inside it describe what is owed, not new duties."""


class _Reader:
    """Reads clauses of one document: its schema's words, its parties and terms."""

    def __init__(
        self, schema: Schema, lexicon: Lexicon, parties: tuple[Party, ...], terms: tuple[str, ...]
    ) -> None:
        self.schema = schema
        self.lexicon = lexicon
        self.mentions = MentionFinder(parties, schema.parties.collective, terms, lexicon)
        self.values = value_finder(schema, lexicon)
        self.auxiliaries = {a.casefold() for a in lexicon.phrases("auxiliary")}
        self.parties = tuple(p.name for p in parties)
        # word -> the word_family lines it is in ("pay payment paid payable").
        self.families: dict[str, list[str]] = {}
        for line in lexicon.phrases("word_family"):
            for member in line.split():
                self.families.setdefault(member.casefold(), []).append(line)
        # binds_<role>: thing-subject duties the schema lets bind one party.
        self.bound_roles: dict[str, str] = {}
        for category in lexicon.words:
            if not category.startswith("binds_"):
                continue
            role = category.removeprefix("binds_").replace("_", " ")
            # The role, or a name the schema gives it ("You" for the Licensee).
            called = {role} | {
                alias.casefold()
                for name, aliases in schema.parties.aliases.items()
                if name.casefold() == role
                for alias in aliases
            }
            for party in parties:
                if any(n.casefold() in called for n in party.names()):
                    self.bound_roles[category] = party.name
                    break
        # role_<side>: the side's short names (Supplier, Seller, Vendor ...); the one
        # party called so, if exactly one is, performs the side's acts (role_act_<side>).
        self.sides: dict[str, tuple[str, str]] = {}  # act category -> (party, its role)
        holders: dict[str, dict[str, str]] = {}  # side -> party -> its role
        for category in lexicon.words:
            side = category.removeprefix("role_")
            if side == category or side.startswith(("act_", "not")):
                continue
            if f"role_act_{side}" not in lexicon.words:
                continue
            held_by = holders.setdefault(side, {})
            for party in parties:
                for n in party.names():
                    held = _role_of(n, lexicon.phrases(category))
                    if held is not None:
                        held_by.setdefault(party.name, held)
        # A role listed on two sides (a Distributor buys from its Supplier and sells to
        # its Customers) yields, on each side, to a party whose role is of that side only.
        sides_of: dict[str, int] = {}
        for held_by in holders.values():
            for name in held_by:
                sides_of[name] = sides_of.get(name, 0) + 1
        for side, held_by in holders.items():
            plain = {n: r for n, r in held_by.items() if sides_of[n] == 1}
            chosen = plain if plain else held_by
            if len(chosen) == 1:
                ((party_name, held_role),) = chosen.items()
                self.sides[f"role_act_{side}"] = (party_name, held_role)

    def clause(
        self,
        clause_id: str,
        text: str,
        sentences: tuple[Span, ...],
        defining: frozenset[Span],
        parents: Mapping[str, str | None],
    ) -> ClauseAnalysis:
        """Reads one clause; `defining` are its sentences that define a term."""
        references = find_references(text, clause_id, self.schema, parents)
        values = self.values.find(text, tuple((r.start, r.end) for r in references))
        provisions: list[Provision] = []
        conditions: list[Condition] = []
        set_aside: list[Cue] = []
        mentions: list[Mention] = []
        last_actor: Actor | None = None
        # Values are sorted and never overlap: each sentence is handed only those that
        # reach into it, so a clause of many sentences is read in linear time.
        starts = [v.start for v in values]
        ends = [v.end for v in values]
        for span in sentences:
            found = self.mentions.find(text, span[0], span[1])
            mentions.extend(m for m in found if m.kind in ("party", "joint"))
            near = values[bisect_right(ends, span[0]) : bisect_left(starts, span[1])]
            props, conds, aside, last_actor = self._sentence(
                clause_id, text, span, span in defining, near, found, last_actor
            )
            provisions.extend(props)
            conditions.extend(conds)
            set_aside.extend(aside)
        return ClauseAnalysis(
            clause=clause_id,
            sentences=sentences,
            provisions=tuple(self._by_role(text, self._by_evidence(text, provisions))),
            conditions=tuple(conditions),
            values=values,
            references=references,
            set_aside=tuple(set_aside),
            mentions=tuple(replace(m, owner=self.mentions.is_owner(text, m)) for m in mentions),
        )

    def _by_evidence(self, text: str, provisions: list[Provision]) -> list[Provision]:
        """ "Buyer shall pay the Price. Payment shall be made within 30 days.": a duty
        with nobody named whose subject or passive verb is of the family of a verb one
        party alone is bound to in the same clause is that party's, and says why.
        Without such evidence it stays unattributed ("Payment shall be made" alone
        binds nobody named)."""
        if not any(p.actor.unattributed for p in provisions):
            return provisions
        bound: dict[str, dict[str, str]] = {}  # family key -> party -> its words
        for p in provisions:
            if p.actor.kind == "party" and p.modality.is_duty and p.actor.name:
                verb = _first_word(p.action)
                said = " ".join(f"{p.actor.text or p.actor.name} {p.cue.text} {verb}".split())
                for key in self._family(verb):
                    bound.setdefault(key, {}).setdefault(p.actor.name, said)
        out = []
        for p in provisions:
            if p.actor.unattributed and p.modality.is_duty:
                # The passive verb says what is done ("Invoices shall be paid": paid);
                # a light one ("Payment shall be made") leaves it to the subject.
                action = _WORD.findall(p.action)[:2]
                passive = action[1] if len(action) > 1 and action[0].casefold() == "be" else ""
                if passive and not self.lexicon.is_word(passive, "light_verb"):
                    words = [passive]
                else:
                    words = _WORD.findall(text[p.span[0] : p.cue.start])
                for word in words:
                    owners = {o: w for k in self._family(word) for o, w in bound.get(k, {}).items()}
                    if len(owners) == 1:
                        ((party, said),) = owners.items()
                        rule = f"evidence: “{word}” binds {party} (“{said}” in this clause)"
                        actor = Actor("party", party, (party,), "", -1, rule)
                        p = replace(p, actor=actor, notes=(*p.notes, rule))
                        break
                    if len(owners) > 1:
                        # The clause binds several to the verb: no role may pick one.
                        who = " and ".join(sorted(owners))
                        note = f"contested evidence: “{word}” binds {who} in this clause"
                        p = replace(p, notes=(*p.notes, note))
                        break
            out.append(p)
        return out

    def _by_role(self, text: str, provisions: list[Provision]) -> list[Provision]:
        """ "The Goods shall be delivered", "Payment shall be made": a duty with nobody
        named (no agent, no evidence in the clause) whose passive verb or subject is an
        act of one side (`role_act_<side>`: the supplying side delivers, the paying side
        pays) is the party's that alone holds a role of that side (`role_<side>`:
        Supplier, Seller, Vendor ...). Two parties of one side, or none, leave it open."""
        if not self.sides:
            return provisions
        out = []
        for p in provisions:
            contested = any(n.startswith("contested evidence:") for n in p.notes)
            if p.actor.unattributed and p.modality.is_duty and not contested:
                found = self._role_act(text, p)
                if found is not None:
                    (party, role), said = found
                    rule = f"role: {party} ({role}) — “{said}”"
                    actor = Actor("party", party, (party,), "", -1, rule)
                    p = replace(p, actor=actor, notes=(*p.notes, rule))
            out.append(p)
        return out

    def _role_act(self, text: str, p: Provision) -> tuple[tuple[str, str], str] | None:
        """The side whose act this duty is, and the words that say so."""
        reason = p.actor.rule.removeprefix("unattributed: ")
        action = " ".join(p.action.split())
        means = re.search(r"\bby\s+(\w+)", action)
        if reason.startswith("passive, nobody named after"):
            # "paid by wire transfer" names a means; "by a carrier" an agent.
            if means is None or not means.group(1).islower():
                return None
            if self.lexicon.is_word(means.group(1), "role_agent_determiner"):
                return None
        elif reason not in ("passive with no named agent", "no party or name before the verb"):
            return None  # a relative clause, a description: binds nobody
        subject = " ".join(text[p.span[0] : p.cue.start].split())
        subject = re.sub(r"^(?:[^\w]+|and\s+|or\s+)+", "", subject)
        excluded = self.lexicon.pattern("role_not")
        if excluded is not None and excluded.search(subject):
            return None  # "Refunds shall be paid": the other side pays those
        words = _WORD.findall(action)[:3]
        passive = len(words) > 1 and words[0].casefold() == "be"
        light = passive and self.lexicon.is_word(words[1], "light_verb")
        if light and len(words) > 2:
            # "shall be made available": a light verb with its complement says what is done.
            found = self._role_verb(f"{subject} be {words[1]} {words[2]}")
            if found is not None:
                return found
        if passive and not light and not self.lexicon.is_word(words[1], "passive_by_instrument"):
            # The verb says what is done; the subject may narrow it ("Confidential
            # Information ... be returned"): the match must reach the verb. A verb that
            # names no act ("Each delivery shall be accompanied by") leaves it to the subject.
            return self._role_verb(f"{subject} be {words[1]}")
        # "Payment shall be made", "Delivery shall take place": the subject says it.
        head = re.sub(r"^(?:(?:the|all|any|each|every|such)\s+)+", "", subject, flags=re.I)
        for category, holder in self.sides.items():
            noun = self.lexicon.at(head, category, 0)
            if noun is not None:
                return holder, noun.text
        return None

    def _role_verb(self, said: str) -> tuple[tuple[str, str], str] | None:
        """The side whose act `said` ("The Goods be delivered") ends with, and its words."""
        for category, holder in self.sides.items():
            pattern = self.lexicon.pattern(category)
            verb = pattern.search(said) if pattern else None
            if verb is not None and verb.end() == len(said):
                return holder, " ".join(verb.group().split())
        return None

    def _family(self, word: str) -> set[str]:
        """Keys shared by a verb and its noun or participle: a `word_family` line of
        the lexicon ("pay payment paid"), else the word less a regular ending."""
        folded = word.casefold()
        if len(folded) < 3:
            return set()
        keys = {f"family:{line}" for line in self.families.get(folded, ())}
        stem = re.sub(r"(?:ments?|ery|eries|ed|ing|ions?|ations?|s)$", "", folded)
        if len(stem) >= 4:
            keys.add(stem)
        return keys

    # --- one sentence -------------------------------------------------------------------

    def _sentence(
        self,
        clause_id: str,
        text: str,
        span: Span,
        defines: bool,
        values: tuple[Value, ...],
        mentions: list[Mention],
        last_actor: Actor | None,
    ) -> tuple[list[Provision], list[Condition], list[Cue], Actor | None]:
        lx = self.lexicon
        start, end = span
        conditions = find_conditions(text, start, end, lx)
        found = [
            m
            for m in lx.find(text, MODAL_CATEGORIES, start, end)
            if not any(v.start <= m.start < v.end for v in values)  # "May 5" is a date
        ]
        if defines:
            # A definition ("Fund" means ...) states no duty, whatever its verbs.
            return [], conditions, [_cue(m, "in a definition") for m in found], last_actor
        blockers = lx.iter(text, "non_duty_subject", start, end)
        drafts: list[_Draft] = []
        # Where "Neither A nor B" names its actors, so that their duties, and those of
        # verbs that share them, are prohibitions. Offsets are clause-relative, so they
        # must not outlive the sentence (or they negate whoever stands there next).
        negated: set[int] = set()
        aside: list[Cue] = []
        window_start = start
        for cue in found:
            # The subject of a cue is looked for after the last provision read: cues set
            # aside ("who intends to") leave their words to the next one.
            window = (window_start, cue.start)
            prev = drafts[-1] if drafts else None
            if cue.category in NOT_PROVISIONS:
                aside.append(_cue(cue, "states no duty"))
                continue
            blocker = next(
                (b for b in blockers if b.start < cue.start and ";" not in text[b.end : cue.start]),
                None,
            )
            if blocker is not None:
                aside.append(_cue(cue, f"after “{blocker.text}”: states no duty"))
                continue
            if prev is not None and self._joins_modal(text, prev, cue):
                window_start = cue.end
                continue
            read = self._read_cue(
                text, cue, window, end, mentions, conditions, prev, last_actor, negated
            )
            if isinstance(read, str):
                if read:
                    aside.append(_cue(cue, read))
                continue
            actors, modality, notes = read
            shared = any(n.startswith("shares the subject") for n in notes)
            if prev is not None and prev.opens_complement and not shared:
                inside = prev.modality is Modality.GUARANTEE or not any(a.is_party for a in actors)
                if inside:
                    # "Seller warrants that the Goods shall be free of defects": what is
                    # warranted, not a duty of the Goods.
                    aside.append(_cue(cue, f"part of what “{prev.cue.text}” covers"))
                    continue
            if (
                shared
                and prev is not None
                and prev.modality is modality
                and not self._is_auxiliary(cue.text)
            ):
                # "will defend ... and indemnify": one provision with two verbs.
                window_start = cue.end
                continue
            if self._inside_condition(text, cue, conditions):
                # "provided that Velmora notifies Norland": the condition's own verb.
                aside.append(_cue(cue, "inside a condition"))
                continue
            reason = self._no_duty(text, cue, window, actors, notes)
            if reason:
                aside.append(_cue(cue, reason))
                continue
            for actor in actors:
                subject_start = (
                    actor.start
                    if window[0] <= actor.start < cue.start
                    else self._segment_start(text, window, cue.start)
                )
                draft = _Draft(actor, modality, cue, subject_start, list(notes))
                draft.opens_complement = self._opens_complement(text, cue.end, end)
                drafts.append(draft)
            window_start = cue.end
            if any(a.kind != "none" for a in actors):
                last_actor = actors[-1]
        for i, draft in enumerate(drafts):
            later = [d.start for d in drafts[i + 1 :] if d.start > draft.cue.start]
            draft.end = later[0] if later else end
        provisions = [
            self._freeze(clause_id, text, span, d, conditions, values, drafts, mentions)
            for d in drafts
        ]
        return provisions, conditions, aside, last_actor

    def _read_cue(
        self,
        text: str,
        cue: Match,
        window: Span,
        end: int,
        mentions: list[Mention],
        conditions: list[Condition],
        prev: _Draft | None,
        last_actor: Actor | None,
        negated: set[int],
    ) -> tuple[list[Actor], Modality, list[str]] | str:
        """The actors, modality and notes of one cue, or why it is no provision
        ("" to drop it silently: it is part of the provision before it). `negated` holds
        the sentence's actors named after "Neither"; the cue's own are added to it."""
        modality = CATEGORY_MODALITY[cue.category]
        notes: list[str] = []
        between = text[window[0] : window[1]]
        actors: list[Actor]
        after = self.lexicon.at(text, "subject_after", cue.start)
        subject_then = (
            self.mentions.first_mention_at(text, after.end, end) if after is not None else None
        )
        if after is not None and subject_then is not None:
            # German word order: "Die Kosten ... hat der Arbeitgeber zu tragen" puts the
            # subject after the verb, unless a party stands before it ("Der Lizenznehmer
            # darf die Software nicht ...", where "die Software" is the object).
            before = self._choose(text, window, mentions, conditions, cue.start)
            if before is not None and (
                before.kind in ("party", "joint")
                or self._front_subject(text, window, before, subject_then)
            ):
                after = None
        if after is not None and (subject_then is not None or after.end >= cue.end - 1):
            # "nor shall Licensee challenge", "in no event shall X use": the subject follows.
            subject = subject_then
            if subject is not None and subject.kind != "pronoun":
                actors = self._with_coordinated(text, subject, mentions, (cue.end, end), negated)
                notes = [f"subject after “{cue.text}”"]
            elif prev is not None:
                actors, notes = [prev.actor], ["shares the subject of the verb before"]
            else:
                actors = [NO_ACTOR]
        elif self._is_auxiliary(cue.text):
            actors, notes = self._modal_subject(
                text, cue, window, mentions, conditions, prev, last_actor, negated
            )
        else:
            adjacent = self._adjacent_subject(text, cue, window, mentions, last_actor, negated)
            if adjacent is not None:
                actors, notes = adjacent
            elif prev is not None and self._only_adverbs(between):
                # "shall indemnify", "shall not warrant", "shall grant": the main verb of
                # the modal just read, not a provision of its own.
                if modality is Modality.GUARANTEE and prev.modality is Modality.OBLIGATION:
                    prev.modality = Modality.GUARANTEE
                    prev.notes.append(f"guarantee verb: {cue.text} ({cue.rule})")
                return ""
            elif prev is not None and self._ends_with_coordinator(between):
                actors, notes = [prev.actor], ["shares the subject of the verb before"]
            elif self.lexicon.is_word(cue.text, "verb_cue") and cue.category != "grant":
                # "Metavante agrees to provide", "each Sponsor represents and warrants":
                # words that are only ever a verb bind someone even when the subject is
                # nobody the document names; kept unattributed rather than dropped.
                actors, notes = [NO_ACTOR], ["subject not a party: unattributed"]
            else:
                # "Ostravia guarantees that ...": a name the preamble did not give is
                # still the one who guarantees.
                named = self._bare_name(text, window, cue, strict=False)
                if named is None:
                    return "no subject right before it (a noun, not a verb)"
                actors = [named]
        if cue.category == "grant":
            grantee = self._grantee(text, cue, end)
            if grantee is None:
                return "grant without a named grantee"
            grantor = actors[0].name if actors else None
            notes = [*notes, f"granted by {grantor or 'the grantor'}"]
            actors = [grantee]
        if modality in (Modality.OBLIGATION, Modality.PERMISSION, Modality.RIGHT) and any(
            _negated(a, mentions, text, window, self.lexicon) or a.start in negated for a in actors
        ):
            modality = Modality.PROHIBITION
            said = actors[0].text or text[window[0] : window[1]]
            notes.append("negated subject: " + " ".join(said.split()))
        # After the negation: "Neither the name ... may be used" stays a prohibition.
        if actors and all(a.kind == "none" for a in actors):
            bound = self._bound_by_schema(text, window, cue.start)
            if bound is None and not self.lexicon.is_word(cue.text, "future"):
                # Not "Your use ... will constitute acceptance": a future fact.
                bound = self._conduct_owner(text, window, cue.start, mentions)
            if bound is not None:
                actors, notes = [bound], [*notes, bound.rule]
        if modality is Modality.OBLIGATION:
            given = self._guarantee_given(text, cue.end, end)
            if given is not None:
                modality = Modality.GUARANTEE
                notes.append(f"guarantee given: {given.text} ({given.rule})")
        return actors, modality, notes

    def _inside_condition(self, text: str, cue: Match, conditions: list[Condition]) -> bool:
        """Whether a cue is the verb of a condition rather than a provision. A modal
        verb counts only inside a hypothesis that closes before the main clause ("If
        the Goods must be returned, the Buyer shall ..."): "provided that Velmora shall
        notify" still binds Velmora, and an "if" running to the full stop may hold the
        main verb itself."""
        around = [c for c in conditions if c.start <= cue.start < c.end]
        if not around:
            return False
        if not self._is_auxiliary(cue.text):
            return True
        return any(
            self.lexicon.is_word(c.cue, "hypothetical_condition")
            and c.end < len(text)
            and text[c.end] in ",;"
            for c in around
        )

    def _joins_modal(self, text: str, prev: _Draft, cue: Match) -> bool:
        """ "may not and must not", "shall and will": one modal said twice. The cue of
        the provision before is extended over both."""
        between = text[prev.cue.end : cue.start]
        if not re.fullmatch(r"\s*(?:and|or|and/or)\s*", between):
            return False
        if not (self._is_auxiliary(cue.text) and self._is_auxiliary(prev.cue.text)):
            return False
        prev.cue = Match(
            prev.cue.category,
            prev.cue.phrase,
            prev.cue.start,
            cue.end,
            text[prev.cue.start : cue.end],
        )
        return True

    def _no_duty(
        self, text: str, cue: Match, window: Span, actors: list[Actor], notes: list[str]
    ) -> str:
        """Why a cue read so far is still no provision, or ""."""
        nobody = all(a.kind in ("none", "nonparty") for a in actors)
        passive = any(n.startswith("passive") for n in notes)
        if nobody and not passive and self.lexicon.is_word(cue.text, "future"):
            return "future fact: nobody is bound"
        if (
            all(a.kind == "none" for a in actors)
            and not passive
            and cue.category == "permission"
            and self._is_auxiliary(cue.text)
        ):
            if self._name_before(text, window, cue):
                notes.append("subject not a party: unattributed")
                return ""
            return "possibility: nobody is given leave"
        if all(a.kind == "none" for a in actors) and cue.category != "permission":
            # "the balance of which shall be divided by two": describes, binds nobody.
            seg = text[self._segment_start(text, window, cue.start) : cue.start]
            if self.lexicon.contains(seg, "relative_which"):
                return "describes something (a relative clause), binds nobody"
        return ""

    def _name_before(self, text: str, window: Span, cue: Match) -> bool:
        """ "Customer may assign ... to an Affiliate of Customer": right before the modal
        stands a capitalised word the text also capitalises mid-sentence, so a name (of
        someone the document does not list), not a thing ("Delays may occur"). Not for
        "may be"/"may have", which with an unknown subject are mostly possibility."""
        before = re.search(r"([A-Z][\w&.-]*)[\s,]*$", text[window[0] : cue.start])
        if before is None or self.lexicon.is_word(before.group(1), "pronoun"):
            return False
        if re.match(r"\s+(?:not\s+|also\s+)?(?:be|have)\b", text[cue.end :]):
            return False
        name, at = before.group(1), window[0] + before.start(1)
        elsewhere = re.finditer(rf"(?<=[a-z,;]\s)(?:the\s+)?(?P<n>{re.escape(name)})\b", text)
        return any(m.start("n") != at for m in elsewhere)

    def _freeze(
        self,
        clause_id: str,
        text: str,
        span: Span,
        draft: _Draft,
        conditions: list[Condition],
        values: tuple[Value, ...],
        drafts: list[_Draft],
        mentions: list[Mention],
    ) -> Provision:
        own = [
            c
            for c in conditions
            if draft.start <= c.start < draft.end
            or (c.start < draft.start and not any(d.start <= c.start < d.end for d in drafts))
        ]
        intensifiers = tuple(
            _cue(m)
            for m in self.lexicon.find(text, ["intensifier", "weakener"], draft.start, draft.end)
        )
        action = text[draft.cue.end : draft.end].strip()
        action = re.sub(r"(?:[,;]?\s*\b(?:and|or|but)\b)?[\s,;.:]*$", "", action)
        concerns: tuple[str, ...] = ()
        if draft.actor.kind == "none" and draft.modality is Modality.PROHIBITION:
            # "No distribution shall be made to Velmora": a ban nobody is named to keep,
            # which still concerns the one party it names.
            named = {
                m.name
                for m in mentions
                if draft.start <= m.start < draft.end and m.kind in ("party", "joint")
            }
            if len(named) == 1:
                only = named.pop()
                concerns = self.parties if only == JOINT else (only,)
        return Provision(
            clause=clause_id,
            actor=draft.actor,
            modality=draft.modality,
            cue=_cue(draft.cue),
            sentence=span,
            span=(draft.start, draft.end),
            conditions=tuple(own),
            values=tuple(v for v in values if draft.start <= v.start < draft.end),
            intensifiers=intensifiers,
            notes=tuple(draft.notes),
            action=action,
            text=text[draft.start : draft.end].strip(),
            concerns=concerns,
        )

    # --- subjects -----------------------------------------------------------------------

    def _by_instrument(self, passive: str) -> bool:
        """ "be accompanied by": the verb's "by" names a thing that goes with the act."""
        verbs = _WORD.findall(passive)
        return len(verbs) >= 3 and self.lexicon.is_word(verbs[1], "passive_by_instrument")

    def _is_auxiliary(self, cue: str) -> bool:
        first = cue.split()[0].casefold() if cue.split() else ""
        return first in self.auxiliaries

    def _modal_subject(
        self,
        text: str,
        cue: Match,
        window: Span,
        mentions: list[Mention],
        conditions: list[Condition],
        prev: _Draft | None,
        last_actor: Actor | None,
        negated: set[int],
    ) -> tuple[list[Actor], list[str]]:
        # A passive verb names its actor after "by": "shall be paid by Buyer".
        passive = self.lexicon.at(text, "passive_agent", _skip_spaces(text, cue.end))
        if passive is not None and self._by_instrument(passive.text):
            return [unattributed("passive with no named agent")], [
                f"passive, “by” names no agent: {' '.join(passive.text.split())}"
            ]
        if passive is not None and passive.start - cue.end <= 1:
            agent = self.mentions.first_mention_at(text, passive.end, len(text))
            if agent is not None and agent.kind != "pronoun":
                actor = self.mentions.actor(agent, via="passive: by")
                return [actor], [f"passive: {' '.join(passive.text.split())} {agent.text}"]
            said = " ".join(passive.text.split())
            return [unattributed(f"passive, nobody named after “{said}”")], [
                f"passive with no named agent: {said}"
            ]
        verb = _skip_spaces(text, cue.end)
        bare = self.lexicon.at(text, "passive", verb)
        if self.lexicon.at(text, "active_passive", verb) is not None:
            bare = None  # "Diplomat will be required to notify": Diplomat is bound
        if (bare is not None and bare.start - cue.end <= 1) or self.lexicon.at(
            text, "passive_cue", cue.start
        ):
            # "must be distributed", "may be amended": what is acted on is the subject.
            return [unattributed("passive with no named agent")], ["passive with no named agent"]
        between = text[window[0] : window[1]]
        if prev is not None and self._ends_with_coordinator(between):
            return [prev.actor], ["shares the subject of the verb before"]
        if prev is None and self._ends_with_coordinator(between):
            # "DeepSeek fully understands ... and will take": the sentence's subject.
            first = self._sentence_subject(text, window, mentions)
            if first is not None:
                return [self.mentions.actor(first)], ["shares the subject of the sentence"]
        owner = self._owner_of_which(text, window, mentions)
        if owner is not None:
            return [owner], [f"“which” = {owner.text}’s …"]
        subject = self._choose(text, window, mentions, conditions, cue.start)
        if subject is None:
            bare_subject = self._bare_subject(text, window, cue.start) or self._bare_name(
                text, window, cue, strict=True
            )
            if bare_subject is not None:
                return [bare_subject], []
            return [unattributed("no party or name before the verb")], []
        if subject.kind == "pronoun":
            actor, notes = self._antecedent(subject, last_actor, mentions)
            return [actor], notes
        return self._with_coordinated(text, subject, mentions, window, negated), []

    def _with_coordinated(
        self,
        text: str,
        subject: Mention,
        mentions: list[Mention],
        window: Span,
        negated: set[int],
    ) -> list[Actor]:
        """ "Provider and Customer shall": both parties; all of them make a joint actor.
        Where "Neither" names them, their starts go into `negated`."""
        group = [subject]
        named = ("party", "joint", "nonparty")
        for mention in reversed([m for m in mentions if m.end <= group[0].start]):
            if mention.start < window[0] or mention.kind not in named:
                break
            link = text[mention.end : group[0].start]
            if not re.fullmatch(r",?\s*(?:and|&|nor|or)\s+", link):
                break
            if self._after_a_word(text, window, mention):
                break  # "appoint the Chair, and Velmora shall": the Chair is an object
            group.insert(0, mention)
        # One provision per actor named: "we" after "notify us, and" is one party.
        unique: dict[str, Mention] = {}
        for m in group:
            unique.setdefault(m.name, m)
        group = list(unique.values())
        if subject.name in unique:
            subject = unique[subject.name]
        if len(group) == 1 or subject.kind not in named:
            return [self.mentions.actor(subject)]
        names = {m.name for m in group}
        if self.lexicon.contains(
            text[max(0, group[0].start - 12) : group[0].start], "negative_determiner"
        ):
            group = [replace(m, negative=True) for m in group]
            subject = group[-1]
        if JOINT in names or set(self.parties) <= names:
            if any(m.negative for m in group):
                negated.add(group[0].start)
            joined = text[group[0].start : subject.end]
            actor = self.mentions.actor(subject)
            return (
                [Actor("joint", JOINT, self.parties, joined, group[0].start, "joined subjects")]
                if actor.kind != "none"
                else [actor]
            )
        negated.update(m.start for m in group if m.negative)
        return [self.mentions.actor(m) for m in group]

    def _adjacent_subject(
        self,
        text: str,
        cue: Match,
        window: Span,
        mentions: list[Mention],
        last_actor: Actor | None,
        negated: set[int],
    ) -> tuple[list[Actor], list[str]] | None:
        """For a main verb ("warrants", "undertakes to"): its subject must stand right
        before it, with at most adverbs between ("Licensor hereby grants")."""
        for mention in reversed(mentions):
            if mention.end > cue.start or mention.start < window[0]:
                continue
            if not self._only_adverbs(text[mention.end : cue.start]):
                return None
            if self.mentions.is_owner(text, mention):
                return None
            if mention.kind == "pronoun":
                actor, notes = self._antecedent(mention, last_actor, mentions)
                return [actor], notes
            return self._with_coordinated(text, mention, mentions, window, negated), []
        return None

    def _choose(
        self,
        text: str,
        window: Span,
        mentions: list[Mention],
        conditions: list[Condition],
        cue_start: int,
    ) -> Mention | None:
        """The subject of a modal verb: the last name before it that is linked to it
        (nothing but adverbs, a parenthesis or a relative clause between), that owns
        nothing ("Velmora's liability") and is no object ("the courts of Norland")."""
        candidates = [
            m
            for m in mentions
            if window[0] <= m.start
            and m.end <= window[1]
            and not self.mentions.is_owner(text, m)
            and not self.mentions.after_preposition(text, m)
        ]
        # A name inside a condition ("if Buyer so requests") is the subject only when the
        # modal itself stands inside that condition ("except that Recipient may disclose").
        own = [c for c in conditions if c.start <= cue_start < c.end]
        candidates = [
            m
            for m in candidates
            if not any(c.start <= m.start < c.end for c in conditions)
            or any(c.start <= m.start < c.end for c in own)
        ]
        for mention in reversed(candidates):
            if self._linked(text[mention.end : cue_start]):
                return mention
        return None

    def _sentence_subject(self, text: str, window: Span, mentions: list[Mention]) -> Mention | None:
        """A party named first in the sentence, before its first verb."""
        for mention in mentions:
            if mention.start < window[0] or mention.kind not in ("party", "joint"):
                continue
            if re.fullmatch(r"\W*", text[window[0] : mention.start]):
                return mention
            return None
        return None

    def _owner_of_which(self, text: str, window: Span, mentions: list[Mention]) -> Actor | None:
        """ "without Tripath's consent, which shall not be unreasonably withheld": the
        duty is the owner's (Tripath's)."""
        head = text[window[0] : window[1]]
        m = re.search(r",?\s*(\w+)\s*$", head)
        if m is None or not self.lexicon.is_word(m.group(1), "relative_which"):
            return None
        owners = [
            x
            for x in mentions
            if window[0] <= x.start < window[0] + m.start()
            and x.kind in ("party", "joint")
            and self.mentions.is_owner(text, x)
            # the owner's one thing, then the relative: "Tripath's consent, which"
            and re.fullmatch(r"['’]s\s+\w+", text[x.end : window[0] + m.start()].strip(" ,"))
        ]
        return self.mentions.actor(owners[-1]) if owners else None

    def _bare_subject(self, text: str, window: Span, cue_start: int) -> Actor | None:
        """ "Contributors may not", "Nachtarbeitnehmer sind berechtigt": one capitalised
        word opening the sentence, right before the cue, names a non-party actor."""
        if not self.lexicon.is_word("capitalised_subject", "flags"):
            return None  # in English a capital often only starts the sentence ("Notices")
        head = text[window[0] : cue_start]
        m = re.fullmatch(r"\W*([A-ZÄÖÜ][\w-]+)\s+", head)
        if m is None or self.lexicon.is_word(m.group(1), "negative_determiner"):
            return None
        if self.lexicon.is_word(m.group(1), "pronoun") or self.lexicon.is_word(
            m.group(1), "article"
        ):
            return None
        word = m.group(1)
        return Actor("nonparty", word, (), word, window[0] + m.start(1), "capitalised subject")

    def _after_a_word(self, text: str, window: Span, mention: Mention) -> bool:
        """Whether a word other than a coordinator or determiner stands right before
        the mention (so it ends a phrase: an object, not the first of several subjects)."""
        head = text[window[0] : mention.start]
        word = re.search(r"([\w'’-]+)\s*$", head)
        if word is None or re.search(r"[,;:(]\s*$", head):
            return False
        return not any(
            self.lexicon.is_word(word.group(1), c)
            for c in ("coordinator", "negative_determiner", "joint_determiner", "adverb")
        )

    def _front_subject(
        self, text: str, window: Span, before: Mention, after: Mention | None
    ) -> bool:
        """Verb-second German: a noun phrase opening the sentence with an article that
        can be nominative is the subject ("Der Käufer darf die Maschine nicht ..."),
        unless the one after the verb can only be nominative and the one before can be
        something else ("Die Ware muss der Käufer untersuchen": "der" after the verb)."""
        if not re.fullmatch(r"\W*", text[window[0] : before.start]):
            return False
        first = before.text.split()[0] if before.text.split() else ""
        if not self.lexicon.is_word(first, "subject_article"):
            return False
        then = after.text.split()[0] if after is not None and after.text.split() else ""
        only_nominative = self.lexicon.is_word(then, "post_verb_nominative")
        return not only_nominative or self.lexicon.is_word(first, "post_verb_nominative")

    def _bare_name(self, text: str, window: Span, cue: Match, *, strict: bool) -> Actor | None:
        """A capitalised word opening the subject, right before the verb (adverbs
        between), that the mention patterns did not know: "Ostravia guarantees",
        "Vestria shall not". A party's derived alias resolves to the party. With an
        auxiliary (`strict`), an English capital may only open the sentence ("Notices
        shall be sent"), so a plural, a common noun's ending or a passive verb after
        it rule the word out."""
        tokens = list(re.finditer(r"[\w'’-]+", text[window[0] : cue.start]))
        while tokens and self.lexicon.is_word(tokens[-1].group(), "adverb"):
            tokens.pop()
        if not tokens:
            return None
        last = tokens[-1]
        word = last.group()
        begin = window[0] + last.start()
        # It opens the sentence or a clause of it ("..., and Quellmark may"), never
        # ends a phrase ("in einer Betriebs- oder Dienstvereinbarung kann").
        lead = text[window[0] : begin]
        if len(tokens) > 1 and self.lexicon.is_word(tokens[-2].group(), "coordinator"):
            lead = text[window[0] : window[0] + tokens[-2].start()]
        if lead.strip() and not re.search(r"[,;:]\s*$", lead):
            return None
        if not re.match(r"[A-ZÄÖÜ]", word) or any(
            self.lexicon.is_word(word, c) for c in NOT_NAME_WORDS
        ):
            return None
        if word.isupper() and cue.text.isupper():
            return None  # "THERE SHALL BE NO RIGHT": a line in capitals, not a name
        party = self.mentions.party_named(word)
        if party is not None:
            return Actor("party", party.name, (party.name,), word, begin, party.rule)
        if strict:
            verb = _skip_spaces(text, cue.end)
            if (
                (word.endswith("s") and not word.endswith("ss"))
                or self.lexicon.is_word(word, "common_noun")
                or self.lexicon.at(text, "passive", verb) is not None
            ):
                return None
        return Actor("nonparty", word, (), word, begin, f"name not among the parties: {word}")

    def _conduct_owner(
        self, text: str, window: Span, cue_start: int, mentions: list[Mention]
    ) -> Actor | None:
        """ "Your use of the Services must comply", "Customer's access shall be": the
        conduct of a party binds that party (`conduct_noun` after its possessive)."""
        pos = self._segment_start(text, window, cue_start)
        for mention in mentions:
            if mention.start != pos or mention.kind not in ("party", "joint"):
                continue
            owner = self.lexicon.at(text, "possessive", mention.end)
            after = owner.end if owner is not None else mention.end
            if owner is None and not self.lexicon.is_word(mention.text, "possessive_determiner"):
                return None
            noun = self.lexicon.at(text, "conduct_noun", _skip_spaces(text, after))
            if noun is None or noun.end > cue_start:
                return None
            actor = self.mentions.actor(mention)
            rule = f"conduct of its owner: “{text[mention.start : noun.end]}”"
            return replace(actor, rule=f"{rule}; {actor.rule}")
        return None

    def _bound_by_schema(self, text: str, window: Span, cue_start: int) -> Actor | None:
        """ "Redistributions ... must retain": a thing-subject duty the schema's
        `binds_<role>` words give to that party (a licence's conditions bind the
        Licensee), when its subject opens with one of them."""
        if not self.bound_roles:
            return None
        # The subject opens the segment before the cue, or the sentence when a phrase
        # set off by commas stands between ("Every copy, including the backup copy,
        # must retain").
        starts = (self._segment_start(text, window, cue_start), _skip_spaces(text, window[0]))
        for pos in dict.fromkeys(starts):
            negative = re.match(r"(\w+)\s+", text[pos:cue_start])
            if negative and self.lexicon.is_word(negative.group(1), "negative_determiner"):
                pos += negative.end()
            for category, party in self.bound_roles.items():
                found = self.lexicon.at(text, category, pos)
                if found is not None and found.end <= cue_start:
                    said = " ".join(found.text.split())
                    rule = f"schema rule lexicon.{category}: “{said}” binds {party}"
                    return Actor("party", party, (party,), "", -1, rule)
        return None

    def _linked(self, between: str) -> bool:
        rest = re.sub(r"\([^()]*\)", " ", between).strip()
        if not rest:
            return True
        first = re.match(r"[\w’']+", rest)
        if first and self.lexicon.is_word(first.group(), "relative"):
            return True  # "Any Party that receives ... shall"
        if first and _PARTICIPLE.fullmatch(first.group()) and not re.search(r"[;.]", rest):
            # "A Party wishing to transfer its shares shall": a relative clause without
            # its "that", opened by the subject's own participle.
            return True
        if rest.startswith(",") and rest.endswith(","):
            return True  # "Velmora, acting through the Agency, shall"
        if self._only_adverbs(rest):
            return True
        # "Customer acknowledges, and must notify": two verbs of one subject.
        pieces = re.findall(r"[\w/]+", rest)
        if len(pieces) == 2 and self.lexicon.is_word(pieces[1], "coordinator"):
            return True
        # "WLI from time to time may", "Customer during the Term shall": a short phrase
        # opened by a preposition.
        words_ = re.findall(r"[^\s,]+", rest)
        return (
            bool(words_)
            and self.lexicon.is_word(words_[0], "preposition")
            and len(words_) <= 6
            and not any(self.lexicon.is_word(w, "coordinator") for w in words_)
        )

    def _antecedent(
        self, pronoun: Mention, last_actor: Actor | None, mentions: Sequence[Mention] = ()
    ) -> tuple[Actor, list[str]]:
        if last_actor is None:
            # "If users discover ..., they shall": the last name before the pronoun.
            named = [m for m in mentions if m.end <= pronoun.start and m.kind in ("party", "joint")]
            if named:
                last_actor = self.mentions.actor(named[-1])
        if last_actor is None:
            return NO_ACTOR, [f"pronoun “{pronoun.text}” with nobody named before"]
        actor = replace(
            last_actor,
            text=pronoun.text,
            start=pronoun.start,
            rule=f"pronoun “{pronoun.text}” = {last_actor.name}",
        )
        return actor, [f"“{pronoun.text}” = {last_actor.name}"]

    def _grantee(self, text: str, cue: Match, end: int) -> Actor | None:
        pos = _skip_spaces(text, cue.end)
        to = re.match(r"to\s+", text[pos:])
        if to:
            pos += to.end()
        mention = self.mentions.first_mention_at(text, pos, end)
        if mention is None:
            # "grants an exclusive, worldwide license to the Company": the grantee
            # follows what is granted. The first "to" before a name, within the object.
            for to_name in _TO.finditer(text, pos, min(end, pos + _GRANT_OBJECT)):
                mention = self.mentions.first_mention_at(text, to_name.end(), end)
                if mention is not None:
                    break
        if mention is None or mention.kind == "pronoun":
            return None
        return self.mentions.actor(mention, via="grantee")

    def _guarantee_given(self, text: str, start: int, end: int) -> Match | None:
        """ "shall provide security guarantees": a guarantee given through a plain verb."""
        verb = self.lexicon.at(text, "guarantee_verb", _skip_spaces(text, start))
        if verb is None:
            return None
        for obj in self.lexicon.iter(text, "guarantee_object", verb.end, min(end, verb.end + 80)):
            if len(text[verb.end : obj.start].split()) <= 4:
                return obj
        return None

    def _opens_complement(self, text: str, start: int, end: int) -> bool:
        head = text[start:end].split()[:3]
        return any(w.casefold().strip(",") == "that" for w in head)

    def _segment_start(self, text: str, window: Span, cue_start: int) -> int:
        """Where the words a subject-less provision is about begin: after the last
        comma, semicolon or coordinator before its cue ("..., and the fees shall")."""
        chunk = text[window[0] : cue_start]
        cut = 0
        for m in re.finditer(r"[,;:]|\b(?:and|or|but)\b", chunk):
            cut = m.end()
        pos = window[0] + cut
        return _skip_spaces(text, pos)

    def _only_adverbs(self, between: str) -> bool:
        rest = between
        for m in reversed(self.lexicon.find(between, ["adverb"])):
            rest = rest[: m.start] + " " + rest[m.end :]
        return not re.findall(r"[^\s,]+", rest)

    def _ends_with_coordinator(self, between: str) -> bool:
        words = re.findall(r"[\w/]+", between)
        return bool(words) and self.lexicon.is_word(words[-1], "coordinator")


def _negated(
    actor: Actor, mentions: list[Mention], text: str, window: Span, lexicon: Lexicon
) -> bool:
    for mention in mentions:
        if mention.start == actor.start and mention.negative:
            return True
    if actor.kind != "none":
        return False
    first = re.match(r"\W*([\w]+)", text[window[0] : window[1]])
    return bool(first and lexicon.is_word(first.group(1), "negative_determiner"))


def _role_of(name: str, roles: tuple[str, ...]) -> str | None:
    """The role a party's name gives it: "Supplier", "the Service Provider" (ends with
    one), never "Supplier Holdings" (starts with one)."""
    folded = re.sub(r"^the\s+", "", name.strip(), flags=re.I).casefold()
    for role in roles:
        r = role.casefold()
        if folded == r or folded.endswith(" " + r):
            return role
    return None


def _first_word(text: str) -> str:
    found = _WORD.search(text)
    return found.group() if found else ""


def _skip_spaces(text: str, pos: int) -> int:
    while pos < len(text) and text[pos] in " \t\n":
        pos += 1
    return pos


def _cue(match: Match, note: str = "") -> Cue:
    return Cue(match.text, match.start, match.rule, note)


def words(text: str) -> list[str]:
    """Lower-cased words of a text (for comparing provisions across versions)."""
    return [w.casefold() for w in _WORD.findall(text)]
