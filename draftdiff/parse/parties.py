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
from draftdiff.parse.parties_blocks import labelled_parties, party_lists, signature_block
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
_LEGEND = re.compile(r"CONFIDENTIAL|OMITTED|REDACTED|\[\*+\]", re.IGNORECASE)
_DEFAULT = "schema default"
_FORM = re.compile(
    r",\s+an?\s+[^,()]{0,60}\b(?:corporation|company|partnership|association|GmbH|trust)\b", re.I
)
_PLACEHOLDER = re.compile(
    r"\b(?:signator(?:y|ies)|signature\s+pages?)\b|\b(?:listed|identified|named)\s+(?:on|in)\s+"
    r"(?:the\s+)?(?:Schedule|Annex|Appendix|Exhibit)\b",
    re.IGNORECASE,
)
_MANY_SIGNERS_BLOCKS = 600
# "by ACME and each of the persons set forth on the signature page hereto".
_SIGNERS_ELSEWHERE = re.compile(
    r"\b(?:signator(?:y|ies)\s+(?:hereto|to\s+this)|(?:set\s+forth|identified|listed|named)"
    r"\s+(?:on|in)\s+the\s+signature\s+pages?(?:\(s\))?\s+(?:hereto|hereof|of\s+this|to\s+this))",
    re.IGNORECASE,
)
_FRONT_BLOCKS = 40
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
    parties = []
    for item in found:
        extra = [a for a in rules.aliases.get(item.name, ()) if a not in item.aliases]
        parties.append(Party(item.name, (*item.aliases, *extra), found=item.how))
    return tuple(parties)


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
    for i, text in enumerate(texts):
        if i and _is_operative(texts[i - 1]):
            break  # the clauses have begun: "between" no longer introduces parties
        introduces = bool(INTRODUCER.search(text)) or " by " in text
        if not (introduces or _DEFINES.search(text)) or _is_legend_or_contents(text):
            continue
        # "Ladies and Gentlemen:" on its own line: the letter's first sentence names them.
        joined = f"{texts[i - 1]} {text}" if i and SALUTATION.fullmatch(texts[i - 1]) else text
        j = i + 1
        while (
            j < len(texts)
            and j - i < _MAX_JOINED
            and (
                _CONTINUES.search(joined)
                or _CONTINUATION.match(texts[j])
                or _BROKEN_AFTER_INTRODUCER.search(joined[-_BROKEN_TAIL:])
            )
        ):
            joined += " " + texts[j]
            j += 1
        found = read_intro(joined, collective, things)
        if not any(f.how != "preamble" for f in found):
            # `The Government of Norland (hereinafter "Norland") and ...`: no "between".
            found += [
                f
                for f in read_stretches(joined, collective, things, how="preamble")
                if f.how != "preamble"
                and (
                    _HEREINAFTER.search(f.how)
                    or _FORM.search(joined)
                    or any(map(is_legal_person, (f.name, *f.aliases)))
                )
            ]
        if any(f.how != "preamble" for f in found):
            return _merge([], [*found, *listed])
        if found and not listed:
            listed = found
    return _merge([], listed)


def _is_operative(text: str) -> bool:
    """A clause that binds someone ("... shall ..."), not a preamble, recital or legend."""
    return (
        len(text) >= 200
        and bool(_DUTY.search(text))
        and not (INTRODUCER.search(text[:400]) or _LEGEND.search(text))
    )


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
