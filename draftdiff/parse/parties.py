"""Provides party discovery: who the agreement is between, and the names they go by.

The sources, strongest first:

1. the party-introducing sentence (`made by and between A ("Supplier") and B`, or
   a preamble that defines names without "between": `The Government of Norland
   (hereinafter "Norland") and ...`), read by `parties_preamble`;
2. a `Parties` / `Between:` list or a cover page (`parties_blocks`);
3. the schema's definition patterns (`"Anthropic" means Anthropic Ireland, Limited`);
4. the signature block, when fewer than two parties were found so far;
5. the schema's default roles (Licensor and Licensee), only when nothing was found,
   marked `assumed`.

Each party says how it was found (`Party.found`). Defined things ("the Agreement",
"the Effective Date", the schema's `things`) are never parties, and neither are
the collective names (`each a "Party"`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from draftdiff.model import Party
from draftdiff.parse.parties_blocks import (
    labelled_parties,
    letter_addressee,
    party_lists,
    signature_block,
)
from draftdiff.parse.parties_names import aliases_of, bare, entity_name, is_legal_person, key
from draftdiff.parse.parties_preamble import (
    BY,
    INTRODUCER,
    SALUTATION,
    Found,
    read_intro,
    read_stretches,
)
from draftdiff.schema.model import Schema

# How far into a document its preamble may start: cover pages and tables of contents
# come first in many filed agreements (CUAD: up to ~250 blocks of contents).
_SCAN_BLOCKS = 400
_SCAN_CHARS = 80_000
# A preamble sentence split over blocks: "between:" / "ACME Ltd (...); and" / "Beta ...".
_CONTINUES = re.compile(r"(?:[:,;]|\band|\bund)\s*$", re.IGNORECASE)
_CONTINUATION = re.compile(r"^\s*(?:(?i:and|und)\b|-\s*(?i:and)|\(|[a-z]|\d{1,2}[.)]\s)")
_MAX_JOINED = 8
# A party's details on their own lines between two labelled parties.
_DETAILS = re.compile(
    r"^\s*(?:Address|Add|Registered\s+(?:office|address)|Tel(?:ephone)?|Fax|E-?mail|Contact|"
    r"Attn|Attention|Legal\s+representative|Represented\s+by)\b[^:]{0,20}[:：]",
    re.IGNORECASE,
)
_NEXT_LABEL = re.compile(r"^\s*Party\s+[A-Z0-9]{1,2}\s*[:：]")
_LABEL_BEFORE = re.compile(r"\bParty\s+[A-Z0-9]{1,2}\s*[:：]")
# "concluded between: EuroTel" / "Bratislava a.s., ...": a line break inside the first name.
_BROKEN_AFTER_INTRODUCER = re.compile(
    r"\b(?:between|among|by\s+and\s+between)\s*:?\s+[A-Z][\w&-]*(?:\s+[A-Z][\w&-]*)?\s*$"
)
_BROKEN_TAIL = 60
_DEFINES = re.compile(
    r"\b(?:hereinafter|hereafter|nachfolgend|im\s+Folgenden)\b"
    # `(the "Supplier")`, and `A and B (each, a "Side")` with no "between" before it.
    r"|\(\s*(?:(?:each|together|collectively|individually|jointly)\s*,?\s*)?(?:an?\s+|the\s+)?[\"“„]",
    re.I,
)
_TOC_LINE = re.compile(r"\s\d{1,3}\s*$")
_DUTY = re.compile(r"\b(?:shall|must)\b")
# `"Additional Charges" means ...`: a definitions clause; its brackets define terms, not parties.
_MEANS = re.compile(
    r"[\"“”](?:the\s+)?[A-Z][^\"“”]{0,60}[\"“”]\s+(?:means|shall\s+mean|has\s+the\s+meaning)\b"
)
_LEGEND = re.compile(r"CONFIDENTIAL|OMITTED|REDACTED|\[\*+\]", re.IGNORECASE)
_LEGEND_CHARS = 300
_DEFAULT = "schema default"
_FORM = re.compile(
    r",\s+an?\s+[^,()]{0,60}\b(?:corporation|company|partnership|association|GmbH|trust)\b", re.I
)
_PLACEHOLDER = re.compile(
    r"\b(?:signator(?:y|ies)|signature\s+(?:pages?|blocks?))\b|\b(?:listed|identified|named)\s+(?:on|in)\s+"
    r"(?:the\s+)?(?:Schedule|Annex|Appendix|Exhibit)\b",
    re.IGNORECASE,
)
_MANY_SIGNERS_BLOCKS = 600
# "by ACME and each of the persons set forth on the signature page hereto".
_SIGNERS_ELSEWHERE = re.compile(
    r"\b(?:signator(?:y|ies)\s+(?:hereto|to\s+this)|(?:set\s+forth|identified|listed|named)"
    r"\s+(?:on|in)\s+the\s+signature\s+(?:pages?(?:\(s\))?|blocks?)\s+(?:hereto|hereof|of\s+this|to\s+this|"
    r"at\s+the\s+end))",
    re.IGNORECASE,
)
_FRONT_BLOCKS = 40
_BODY_BLOCKS = 300
_SHORT_NAME_CHARS = 4
_SUBJECT_VERB = r"(?:shall|will|may|must|agrees|undertakes|warrants|is\s+entitled)\b"
# First words that many companies share ("First National Bank", "United Telecom").
_GENERIC_FIRST = {
    "first", "united", "national", "general", "american", "global", "international", "the",
    "new", "north", "south", "east", "west", "royal", "federal", "government", "republic",
    "state", "kingdom", "city", "bank", "china", "japan", "british", "european", "asia",
    "party", "parties",
}  # fmt: skip
_LATE_INTRODUCER = 400
_RECITAL_A = re.compile(r"^\s*\(?A[.)]\s+[A-Z]")
_RECITAL_NEXT = re.compile(r"^\s*\(?[B-H][.)]\s+[A-Z]")
_PERSON = re.compile(r"^(?:Dr|Mr|Mrs|Ms|Prof)\.?\s+[A-Z]")
_PARTIES_HEAD = re.compile(r"^\W*(?:the\s+)?part(?:ies|y)\s*:?\s*(?:\(1\)|1[.)])", re.IGNORECASE)
_FRONT_CHARS = 6000
_HEREINAFTER = re.compile(r"hereinafter|hereafter|nachfolgend|im Folgenden|referred", re.IGNORECASE)


def _is_placeholder(found: Found) -> bool:
    """Stands for parties named elsewhere: "the Parties signatory hereto", "each
    other party identified on the signature pages hereto"."""
    return any(_PLACEHOLDER.search(n) for n in (found.name, *found.aliases))


def find_parties(texts: Iterable[str], schema: Schema) -> tuple[Party, ...]:
    """The parties of a document whose blocks have these texts, in order of appearance."""
    rules = schema.parties
    collective = frozenset(c.casefold() for c in rules.collective)
    things = frozenset(t.casefold() for t in rules.things)
    texts = list(texts)  # read twice: the head here, the signature block below
    head = _head(texts)
    found = _preamble(head, collective, things)
    found = _merge(found, party_lists(head, collective, things))
    if found:
        # A letter agreement's preamble names the senders; its addressee signs too.
        found = _merge(found, letter_addressee(head))
    labelled = labelled_parties(head[: rules.preamble_blocks])
    # "Party A: Beike Co., Ltd." heads the contract: those labels are the parties.
    found = _merge(labelled, found) if len(labelled) >= 2 else _merge(found, labelled)
    if not found:
        found = _definitions(head[: rules.preamble_blocks], schema, collective)
    placeholders = [f for f in found if _is_placeholder(f)]
    if placeholders or _SIGNERS_ELSEWHERE.search(
        " ".join(" ".join(head[:_FRONT_BLOCKS]).split())[:_FRONT_CHARS]
    ):
        # "between and among the Parties signatory hereto": only the signature pages
        # name them (a consortium may have 50 signers, three blocks each).
        found = [f for f in found if f not in placeholders or f.aliases]
        found = _merge(found, signature_block(texts, blocks=_MANY_SIGNERS_BLOCKS))
    elif len(found) < 2:
        found = _merge(found, signature_block(texts))
    if not found:
        return tuple(
            Party(role, tuple(rules.aliases.get(role, ())), assumed=True, found=_DEFAULT)
            for role in rules.roles
        )
    found = _short_names_used(found, texts[: rules.preamble_blocks + _BODY_BLOCKS])
    parties = []
    for item in found:
        extra = [a for a in rules.aliases.get(item.name, ()) if a not in item.aliases]
        parties.append(Party(item.name, (*item.aliases, *extra), found=item.how))
    return tuple(parties)


def _short_names_used(found: list[Found], texts: Sequence[str]) -> list[Found]:
    """A name never defined short but used so in the clauses: the preamble says "EuroTel
    Bratislava a.s.", the clauses "EuroTel shall ...". The first word of a party's name
    is an alias when the clauses make it the subject of a duty, and no other party's
    name starts with it."""
    firsts = [bare(f.name).split()[0] for f in found if bare(f.name).split()]
    body = " ".join(texts)
    out = []
    for item in found:
        words = bare(item.name).split()
        first = words[0].strip(",") if len(words) > 1 else ""
        if (
            # Only a written company name, not a role ("Party A", "Service Provider").
            is_legal_person(item.name)
            and len(first) >= _SHORT_NAME_CHARS
            and first[0].isupper()
            and firsts.count(words[0]) == 1
            and first.casefold() not in _GENERIC_FIRST
            and first not in item.aliases
            and re.search(rf"\b{re.escape(first)}\s+{_SUBJECT_VERB}", body)
        ):
            item = Found(item.name, (*item.aliases, first), item.how)
        out.append(item)
    return out


def _head(texts: Iterable[str]) -> list[str]:
    out: list[str] = []
    size = 0
    for text in texts:
        if len(out) >= _SCAN_BLOCKS or size > _SCAN_CHARS:
            break
        # A block longer than the whole scan (a 10 MB paragraph) is read only so far:
        # the definition patterns cost ~160 steps a character.
        out.append(text[:_SCAN_CHARS])
        size += len(text)
    return out


def _preamble(
    texts: Sequence[str], collective: frozenset[str], things: frozenset[str]
) -> list[Found]:
    """Parties of the first block that defines some (with its continuation blocks);
    failing that, of the first that lists some (`between A and B`, a title or cover)."""
    listed: list[Found] = []
    late = False
    for i, text in enumerate(texts):
        if i and _is_operative(texts[i - 1]):
            if listed or late or i > _FRONT_BLOCKS:
                break  # the clauses have begun: "between" no longer introduces parties
            # A cover note binding nobody in particular ("EDT documents shall be deemed
            # valid ...") may precede the preamble: look on, for a defining sentence only.
            late = True
        if late and not INTRODUCER.search(text[:_LATE_INTRODUCER]):
            continue
        introduces = bool(INTRODUCER.search(text)) or " by " in text
        if not (introduces or _DEFINES.search(text)) or _is_legend_or_contents(text):
            continue
        if _is_definitions_clause(text):
            continue  # `1. Definitions ... "New Employees" means ...` names no party
        # "Ladies and Gentlemen:" on its own line: the letter's first sentence names them.
        joined = f"{texts[i - 1]} {text}" if i and SALUTATION.fullmatch(texts[i - 1]) else text
        j = i + 1
        while j < len(texts) and j - i < _MAX_JOINED:
            if _DETAILS.match(texts[j]) and _NEXT_LABEL.match(
                texts[j + 1 : j + 2][0] if j + 1 < len(texts) else ""
            ):
                # "Party A: ACME (...)" / "Address: ..." / "Party B: [•] (...)": skip the address.
                j += 1
                continue
            if not (
                _CONTINUES.search(joined)
                or _CONTINUATION.match(texts[j])
                or (_NEXT_LABEL.match(texts[j]) and _LABEL_BEFORE.search(joined))
                # Recitals "A. ACME Inc. (the "Company") ..." / "B. Dr. Maya Chen (the ...)".
                or (_RECITAL_A.match(joined) and _RECITAL_NEXT.match(texts[j]))
                or _BROKEN_AFTER_INTRODUCER.search(joined[-_BROKEN_TAIL:])
            ):
                break
            joined += " " + texts[j]
            j += 1
        found = read_intro(joined, collective, things)
        if not any(f.how != "preamble" for f in found):
            # `The Government of Norland (hereinafter "Norland") and ...`: no "between".
            stretches = read_stretches(joined, collective, things, how="preamble")
            defined = [
                f
                for f in stretches
                if f.how != "preamble"
                and (
                    _HEREINAFTER.search(f.how)
                    # "PARTIES (1) ACME Ltd ... (the "Employer"); and (2) Jo Bloggs of ... (the
                    # "Executive")": a list of the parties, people included.
                    or _PARTIES_HEAD.match(joined)
                    or _FORM.search(joined)
                    or any(map(is_legal_person, (f.name, *f.aliases)))
                    or any(_PERSON.match(a) for a in f.aliases)
                )
            ]
            # "The Government of Ostrava and the Health Data Authority of Lorvania (the
            # "Authority")": the state listed beside a defined party is one too.
            found += [
                f
                for f in stretches
                if f in defined or (defined and f.how == "preamble" and is_legal_person(f.name))
            ]
        if any(f.how != "preamble" for f in found):
            return _merge([], [*found, *listed])
        if found and not listed and not late:
            listed = found
    return _merge([], listed)


def _is_operative(text: str) -> bool:
    """A clause that binds someone ("... shall ..."), not a preamble, recital or legend."""
    if len(text) < 200 or INTRODUCER.search(text[:400]):
        return False
    legend = _LEGEND.search(text)
    if legend:
        # "***Confidential treatment requested ... filed separately with the Commission.
        # 16.3 DCL may terminate ...": each page of clauses may open with the legend.
        text = text[legend.end() + _LEGEND_CHARS :]
    return bool(_DUTY.search(text))


def _is_definitions_clause(text: str) -> bool:
    """A definitions clause: a term is defined (`"X" means`) before anything that could
    introduce a party. A page-long block that starts with the preamble is not one."""
    means = _MEANS.search(text)
    if not means:
        return False
    intro = [h.start() for h in (INTRODUCER.search(text), _DEFINES.search(text)) if h]
    return not intro or means.start() < min(intro)


def _is_legend_or_contents(text: str) -> bool:
    """A redaction legend ("CONFIDENTIAL ... OMITTED") or a line of contents ("Parties 1")."""
    if len(text) < 200 and _TOC_LINE.search(text[-6:]):
        return True
    return bool(_LEGEND.search(text)) and not (INTRODUCER.search(text) or BY.search(text))


def _definitions(texts: Sequence[str], schema: Schema, collective: frozenset[str]) -> list[Found]:
    """The schema's own definition patterns (`"Anthropic" means Anthropic Ireland, Limited`)."""
    found: list[Found] = []
    for text in texts:
        for pattern in schema.parties.definitions:
            for match in pattern.finditer(text):
                name = match.group("name").strip().strip("*_ ")
                if not name or name.casefold() in collective or not name[0].isupper():
                    continue
                full = entity_name(match.groupdict().get("full") or "")
                if not (is_legal_person(full) or name in schema.parties.roles):
                    # `... runs on the Authenticated Transfer Protocol ("AT Protocol")`:
                    # a thing defined in passing names no party unless a legal person
                    # or one of the schema's roles ("you (the "Customer")") stands there.
                    continue
                aliases = [a for a in aliases_of(full) if a != name] if full else []
                how = f"definition: {' '.join(match.group(0).split())[:60]}"
                found = _merge(found, [Found(name, tuple(aliases), how)])
    return found


def _merge(found: list[Found], more: Iterable[Found]) -> list[Found]:
    """`found` plus `more`; one entity found twice (a cover page repeats the preamble)
    keeps its first name and how it was first found, and gains the other names."""
    out = list(found)
    # Each entry's keys, kept beside it rather than recomputed for every new item.
    out_keys = [_keys(f) for f in out]
    for item in more:
        keys = _keys(item) - {""}
        same = next((i for i, k in enumerate(out_keys) if keys & k), None)
        if same is None:
            out.append(item)
            out_keys.append(_keys(item))
            continue
        old = out[same]
        aliases = [*old.aliases, *(a for a in (item.name, *item.aliases) if a not in old.aliases)]
        out[same] = Found(old.name, tuple(a for a in aliases if bare(a) != old.name), old.how)
        out_keys[same] = _keys(out[same])
    return out


def _keys(found: Found) -> set[str]:
    return {key(n) for n in (found.name, *found.aliases)}
