"""Provides parties the user names, replacing the ones found automatically for a run.

Three ways to name them, all read into the same `GivenParties`:

    --party "Ukraine=the Government of Ukraine,the Ukrainian Side"   (repeatable)
    --parties parties.yaml          a sidecar file holding a `parties:` mapping
    parties:                        the same block inside a policy file (check)

A `parties:` mapping lists each party's name with its aliases, as a list or one
comma-separated text (or nothing when it has none):

    parties:
      Ukraine: [the Government of Ukraine, the Ukrainian Side]
      United States: the Government of the United States of America, the U.S.

Given parties replace automatic detection in every version of the run; each keeps
where it came from in `Party.found` ("given on the command line", "from
parties.yaml"), which every view shows. An empty name, a name given twice, or an
alias two parties share is an InputError naming the option or file:line.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

import yaml

from draftdiff.errors import InputError
from draftdiff.model import Document, Party

ON_COMMAND_LINE = "given on the command line"


@dataclass(frozen=True)
class GivenParties:
    """Parties named by the user, and where from (for errors and `Party.found`)."""

    parties: tuple[Party, ...] = ()

    def __bool__(self) -> bool:
        return bool(self.parties)

    def apply(self, document: Document) -> Document:
        """The document with these parties instead of the ones found (unchanged when none
        are given)."""
        if not self.parties:
            return document
        return replace(document, parties=self.parties)


def parse_party_option(value: str) -> Party:
    """One `--party "NAME=ALIAS,ALIAS"` value (the aliases are optional)."""
    name, _, aliases = value.partition("=")
    name = " ".join(name.split())
    if not name:
        raise InputError(
            f"--party {value!r}: empty party name", hint='write --party "NAME=ALIAS,ALIAS"'
        )
    names = tuple(a for a in (" ".join(part.split()) for part in aliases.split(",")) if a)
    return Party(name, _unique(names, name), found=ON_COMMAND_LINE)


def combine(sources: Iterable[tuple[Sequence[Party], str]]) -> GivenParties:
    """Parties from several sources (each with the name errors give it), checked together:
    a name given twice, or one alias claimed by two parties, is an InputError."""
    out: list[Party] = []
    owner: dict[str, tuple[str, str]] = {}  # name key -> (party, where it was given)
    for parties, where in sources:
        for party in parties:
            for i, name in enumerate(party.names()):
                key = _key(name)
                if key in owner:
                    other, other_where = owner[key]
                    if other == party.name and i:
                        continue  # an alias repeating the party's own name: harmless
                    what = f"party {name!r}" if not i else f"alias {name!r} of {party.name!r}"
                    raise InputError(
                        f"{what} is already given for party {other!r}"
                        + (f" ({other_where})" if other_where != where else ""),
                        path=where,
                        hint="each name may belong to one party only",
                    )
                owner[key] = (party.name, where)
            out.append(party)
    return GivenParties(tuple(out))


def from_options(values: Sequence[str], file: str | None) -> GivenParties:
    """The parties of `--party` values and a `--parties FILE`, checked together."""
    sources: list[tuple[Sequence[Party], str]] = []
    if file:
        sources.append((load_parties_file(file), file))
    if values:
        sources.append((tuple(parse_party_option(v) for v in values), "--party"))
    return combine(sources)


def load_parties_file(path: str) -> tuple[Party, ...]:
    """The parties of a sidecar file: a YAML mapping whose `parties:` key lists them."""
    try:
        text = Path(path).read_text(encoding="utf-8")
    except FileNotFoundError:
        raise InputError("no such parties file", path=path) from None
    except IsADirectoryError:
        raise InputError("is a directory, not a parties file", path=path) from None
    except UnicodeDecodeError:
        raise InputError("parties file is not UTF-8 text", path=path) from None
    except OSError as err:
        raise InputError(f"cannot read parties file: {err.strerror}", path=path) from None
    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.MarkedYAMLError as err:
        mark = err.problem_mark or err.context_mark
        where = f"{path}:{mark.line + 1}" if mark else path
        raise InputError(f"invalid YAML: {err.problem or err.context}", path=where) from None
    except yaml.YAMLError as err:
        raise InputError(f"invalid YAML: {err}", path=path) from None
    if not isinstance(root, yaml.MappingNode):
        raise InputError("a parties file must be a YAML mapping with a `parties:` key", path=path)
    for key, value in root.value:
        if key.value == "parties":
            return parties_from_node(value, path)
    raise InputError("missing required key 'parties'", path=f"{path}:{_line(root)}")


def parties_from_node(node: yaml.Node, display: str) -> tuple[Party, ...]:
    """A `parties:` mapping (name: aliases) as Parties found "from FILE"; InputError
    names display:line."""
    if not isinstance(node, yaml.MappingNode) or not node.value:
        raise InputError(
            "parties: must map each party's name to its aliases",
            path=f"{display}:{_line(node)}",
            hint="e.g. parties: {Ukraine: [the Government of Ukraine]}",
        )
    out = []
    found = f"from {display}"
    for key_node, value_node in node.value:
        where = f"{display}:{_line(key_node)}"
        name = " ".join(str(key_node.value if key_node.value is not None else "").split())
        if not isinstance(key_node, yaml.ScalarNode) or not name:
            raise InputError("parties: empty party name", path=where)
        out.append(Party(name, _unique(_aliases(value_node, where), name), found=found))
    return tuple(out)


def _aliases(node: yaml.Node, where: str) -> tuple[str, ...]:
    display = where.rsplit(":", 1)[0]
    if isinstance(node, yaml.ScalarNode):
        value = node.value or ""
        return tuple(a for a in (" ".join(p.split()) for p in str(value).split(",")) if a)
    if isinstance(node, yaml.SequenceNode):
        out = []
        for item in node.value:
            if not isinstance(item, yaml.ScalarNode) or not str(item.value).strip():
                raise InputError(
                    "parties: each alias must be a non-empty text", path=f"{display}:{_line(item)}"
                )
            out.append(" ".join(str(item.value).split()))
        return tuple(out)
    raise InputError("parties: aliases must be a list or a comma-separated text", path=where)


def _unique(aliases: Sequence[str], name: str) -> tuple[str, ...]:
    seen = {_key(name)}
    out = []
    for alias in aliases:
        if _key(alias) not in seen:
            seen.add(_key(alias))
            out.append(alias)
    return tuple(out)


def _key(name: str) -> str:
    return " ".join(name.split()).casefold()


def _line(node: yaml.Node) -> int:
    return int(node.start_mark.line) + 1
