"""Provides loading and validation of YAML schema files, with file:line errors.

Validation happens in two passes over one YAML parse:

1. the JSON Schema in `schemas/draftdiff-schema.json` (the same file editors use)
   checks shapes and names; each error is traced back to its line through the
   composed YAML node tree;
2. checks JSON Schema cannot express: regular expressions compile and carry the
   groups the builder needs, level names are unique, `extends` resolves.

Only `yaml.safe_load`-equivalent construction is used: schema files are data.
"""

from __future__ import annotations

import difflib
import json
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from functools import cache
from pathlib import Path
from types import MappingProxyType
from typing import Any

import jsonschema
import yaml

from draftdiff.errors import SchemaError
from draftdiff.schema.guards import MAX_NODES, ambiguous_repeat, expanded_size
from draftdiff.schema.model import (
    Level,
    Nesting,
    PartyRules,
    Schema,
    TermRules,
    phrase_alternation,
    regex_of_phrase,
)
from draftdiff.schema.stakes import build_stakes

SCHEMA_DIR = Path(__file__).resolve().parent.parent.parent / "schemas"
"""Built-in schemas: the repository's top-level `schemas/` folder."""
JSON_SCHEMA_PATH = SCHEMA_DIR / "draftdiff-schema.json"

PathItem = str | int

# libyaml's safe loader when PyYAML was built with it (about 15 times faster on the
# long lexicon of schemas/base.yaml); the pure-Python one otherwise. Both are safe.
_SAFE_LOADER: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@cache
def _validator() -> jsonschema.Draft202012Validator:
    spec = json.loads(JSON_SCHEMA_PATH.read_text(encoding="utf-8"))
    return jsonschema.Draft202012Validator(spec)


def builtin_paths() -> dict[str, Path]:
    """Built-in schema files by name (file stem), sorted."""
    return {p.stem: p for p in sorted(SCHEMA_DIR.glob("*.yaml"))}


def builtin_schemas() -> dict[str, Schema]:
    """Every built-in schema that may be chosen for a document (abstract ones left out)."""
    loaded = {name: load_schema(path) for name, path in builtin_paths().items()}
    return {name: s for name, s in loaded.items() if not s.abstract}


def find_schema(name_or_path: str) -> Schema:
    """A built-in schema by name, or a schema file by path."""
    builtins = builtin_paths()
    if name_or_path in builtins:
        return load_schema(builtins[name_or_path])
    path = Path(name_or_path)
    if path.suffix in (".yaml", ".yml") or path.exists():
        return load_schema(path)
    known = ", ".join(builtin_schemas())
    raise SchemaError(f"no schema named {name_or_path!r}", hint=f"built-in schemas: {known}")


def load_schema(path: str | Path) -> Schema:
    """Load and validate one schema file; SchemaError names file, line and key."""
    return _load(Path(path).resolve(), display=str(path), seen=())


_LOADED: dict[tuple[Path, float, str], Schema] = {}
"""Schemas already built, by file, modification time and display name. The chain of
files being extended (`seen`, for the cycle check) is not part of the key, so the base
that every built-in extends is read once, not once per schema extending it."""


def _load_cached(path: Path, mtime: float, display: str, seen: tuple[Path, ...]) -> Schema:
    key = (path, mtime, display)
    if key not in _LOADED:
        _LOADED[key] = _load_uncached(path, display, seen)
    return _LOADED[key]


def _load_uncached(path: Path, display: str, seen: tuple[Path, ...]) -> Schema:
    data, root = _read_yaml(path, display)
    _check_shape(data, root, display)
    base: Schema | None = None
    if "extends" in data:
        base = _load_base(data["extends"], path, display, seen, root)
    return _build(data, root, display, base)


def _load(path: Path, display: str, seen: tuple[Path, ...]) -> Schema:
    try:
        mtime = path.stat().st_mtime
    except OSError as err:
        raise SchemaError(f"cannot read schema file: {err.strerror}", path=display) from None
    return _load_cached(path, mtime, display, seen)


def _load_base(
    name: str, path: Path, display: str, seen: tuple[Path, ...], root: yaml.Node
) -> Schema:
    candidate = path.parent / f"{name}.yaml"
    if not candidate.exists():
        candidate = SCHEMA_DIR / f"{name}.yaml"
    line = _line_of(root, ["extends"])
    if not candidate.exists():
        raise SchemaError(
            f"extends unknown schema {name!r}", path=display, line=line, key="extends"
        )
    if candidate.resolve() in (*seen, path):
        raise SchemaError(
            f"extends {name!r}, which extends this file again",
            path=display,
            line=line,
            key="extends",
        )
    return _load(candidate.resolve(), str(candidate), (*seen, path))


# --- reading ---------------------------------------------------------------------------


def _read_yaml(path: Path, display: str) -> tuple[dict[str, Any], yaml.Node]:
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        raise SchemaError("schema file is not UTF-8 text", path=display) from None
    except OSError as err:
        raise SchemaError(f"cannot read schema file: {err.strerror}", path=display) from None
    try:
        try:
            root, data = _parse_yaml(text, _SAFE_LOADER, display)
        except yaml.YAMLError:
            # Read it again with the pure-Python loader, whose messages are the ones
            # users see (and tests pin): "expected the node content, but found ...".
            root, data = _parse_yaml(text, yaml.SafeLoader, display)
    except yaml.MarkedYAMLError as err:
        mark = err.problem_mark or err.context_mark
        line = mark.line + 1 if mark else None
        problem = err.problem or err.context or "invalid YAML"
        raise SchemaError(f"invalid YAML: {problem}", path=display, line=line) from None
    except yaml.YAMLError as err:
        raise SchemaError(f"invalid YAML: {err}", path=display) from None
    if root is None or not isinstance(data, dict):
        raise SchemaError(
            "a schema file must be a YAML mapping (key: value lines)", path=display, line=1
        )
    return data, root


def _parse_yaml(text: str, loader_class: Any, display: str) -> tuple[yaml.Node | None, Any]:
    """The node tree, whose marks give every key its line, and the data constructed
    from that same tree: the text is parsed once. The loader is a safe one, so
    construction is `yaml.safe_load`'s."""
    loader = loader_class(text)
    try:
        root = loader.get_single_node()
        if root is None:
            return None, None
        if expanded_size(root) > MAX_NODES:
            # "Billion laughs": aliases of aliases; every later pass would expand them.
            raise SchemaError(
                f"YAML aliases expand to more than {MAX_NODES:,} nodes (an alias bomb?)",
                path=display,
            )
        if isinstance(root, yaml.MappingNode):
            # Checked before construction, which rewrites mappings that use `<<`
            # merge keys in place, their merged keys then looking duplicated.
            _reject_duplicate_keys(root, display, [])
        return root, loader.construct_document(root)
    finally:
        loader.dispose()


def _reject_duplicate_keys(node: yaml.Node, display: str, path: list[PathItem]) -> None:
    if isinstance(node, yaml.MappingNode):
        seen: set[str] = set()
        for key_node, value_node in node.value:
            key = str(key_node.value)
            if key in seen:
                raise SchemaError(
                    "key appears twice in the same mapping",
                    path=display,
                    line=key_node.start_mark.line + 1,
                    key=_dotted([*path, key]),
                )
            seen.add(key)
            _reject_duplicate_keys(value_node, display, [*path, key])
    elif isinstance(node, yaml.SequenceNode):
        for i, item in enumerate(node.value):
            _reject_duplicate_keys(item, display, [*path, i])


# --- pass 1: JSON Schema ---------------------------------------------------------------


def _check_shape(data: Mapping[str, Any], root: yaml.Node, display: str) -> None:
    errors = sorted(
        _validator().iter_errors(data),
        key=lambda e: (_line_of(root, list(e.absolute_path)) or 0, list(e.absolute_path)),
    )
    if errors:
        raise _explain(errors[0], root, display)


def _explain(err: jsonschema.ValidationError, root: yaml.Node, display: str) -> SchemaError:
    path: list[PathItem] = list(err.absolute_path)
    line = _line_of(root, path)
    key = _dotted(path)
    instance = err.instance
    if err.validator == "additionalProperties" and isinstance(instance, dict):
        spec = err.schema if isinstance(err.schema, dict) else {}
        allowed = sorted(spec.get("properties", {}))
        unexpected = [k for k in instance if k not in allowed]
        bad = unexpected[0] if unexpected else "?"
        close = difflib.get_close_matches(bad, allowed, n=1)
        hint = f"did you mean {close[0]!r}?" if close else "expected one of: " + ", ".join(allowed)
        return SchemaError(
            f"unknown key {bad!r}",
            path=display,
            line=_line_of(root, [*path, bad], key=True),
            key=key or "(top level)",
            hint=hint,
        )
    if err.validator == "required":
        missing = err.message.split("'")[1] if "'" in err.message else err.message
        return SchemaError(
            f"missing required key {missing!r}", path=display, line=line, key=key or "(top level)"
        )
    if err.validator == "anyOf" and isinstance(instance, dict) and path[:1] == ["levels"]:
        return SchemaError(
            "a level needs `match` patterns, `headings`, or `caps_headings`",
            path=display,
            line=line,
            key=key,
        )
    if err.validator == "type":
        want = err.validator_value
        return SchemaError(
            f"must be {_a(want)}, not {_a(_yaml_type(instance))}", path=display, line=line, key=key
        )
    if err.validator == "enum":
        options = ", ".join(str(v) for v in _as_list(err.validator_value))
        return SchemaError(
            f"{instance!r} is not one of: {options}", path=display, line=line, key=key
        )
    if err.validator == "pattern":
        return SchemaError(
            f"{instance!r} is not a valid name (lowercase letters, digits, '-' or '_', "
            "starting with a letter)",
            path=display,
            line=line,
            key=key,
        )
    return SchemaError(err.message, path=display, line=line, key=key)


def _as_list(value: object) -> list[object]:
    return list(value) if isinstance(value, list | tuple) else [value]


def _a(kind: object) -> str:
    names = {
        "object": "a mapping",
        "array": "a list",
        "string": "a string",
        "integer": "a whole number",
        "boolean": "true or false",
        "number": "a number",
        "null": "empty",
    }
    if isinstance(kind, list):
        return " or ".join(names.get(str(k), str(k)) for k in kind)
    return names.get(str(kind), str(kind))


def _yaml_type(value: object) -> str:
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, dict):
        return "object"
    if isinstance(value, list):
        return "array"
    if isinstance(value, str):
        return "string"
    if isinstance(value, int):
        return "integer"
    if value is None:
        return "null"
    return "number"


def _dotted(path: Sequence[PathItem]) -> str:
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


def _line_of(root: yaml.Node, path: Sequence[PathItem], *, key: bool = False) -> int | None:
    """1-based line of the node at `path` (of its key, with key=True)."""
    node: yaml.Node = root
    key_node: yaml.Node | None = None
    for part in path:
        if isinstance(node, yaml.MappingNode):
            match = [(k, v) for k, v in node.value if k.value == part]
            if not match:
                break
            key_node, node = match[0]
        elif isinstance(node, yaml.SequenceNode) and isinstance(part, int):
            if part >= len(node.value):
                break
            key_node, node = None, node.value[part]
        else:
            break
    target = key_node if key and key_node is not None else node
    return target.start_mark.line + 1


# --- pass 2: meaning, and building the Schema ---------------------------------------------


def _build(data: Mapping[str, Any], root: yaml.Node, display: str, base: Schema | None) -> Schema:
    def compiled(
        at: list[PathItem],
        source: str,
        compiler: Callable[[str], re.Pattern[str]] = re.compile,
    ) -> re.Pattern[str]:
        try:
            pattern = compiler(source)
        except re.error as err:
            raise SchemaError(
                f"invalid regular expression: {err.msg}",
                path=display,
                line=_line_of(root, at),
                key=_dotted(at),
            ) from None
        except (RecursionError, OverflowError, MemoryError):
            raise SchemaError(
                "regular expression too large or nested too deeply",
                path=display,
                line=_line_of(root, at),
                key=_dotted(at),
            ) from None
        risky = ambiguous_repeat(source)
        if risky:
            # It would run on every line of every document: refused before it can hang.
            raise SchemaError(
                f"regular expression can take exponential time: {risky}",
                path=display,
                line=_line_of(root, at),
                key=_dotted(at),
                hint="make the inner repeat possessive (a++) or the group atomic (?>...)",
            )
        return pattern

    def compile_all(
        patterns: Iterable[str], where: Sequence[PathItem], groups: Sequence[str] = ()
    ) -> tuple[re.Pattern[str], ...]:
        out = []
        for i, source in enumerate(patterns):
            at = [*where, i]
            pattern = compiled(at, source)
            for group in groups:
                if group not in pattern.groupindex:
                    raise SchemaError(
                        f"pattern has no (?P<{group}>...) group",
                        path=display,
                        line=_line_of(root, at),
                        key=_dotted(at),
                    )
            out.append(pattern)
        return tuple(out)

    def own_or_inherited(
        raw: Mapping[str, Any],
        where: Sequence[str],
        groups: Sequence[str],
        inherited: tuple[re.Pattern[str], ...],
    ) -> tuple[re.Pattern[str], ...]:
        """The file's patterns at `where` (its last item a key of `raw`), else the base's."""
        key = where[-1]
        return compile_all(raw[key], where, groups) if key in raw else inherited

    if "levels" in data:
        levels = []
        names: set[str] = set()
        for i, raw in enumerate(data["levels"]):
            if raw["name"] in names:
                raise SchemaError(
                    f"level name {raw['name']!r} is used twice",
                    path=display,
                    line=_line_of(root, ["levels", i, "name"]),
                    key=f"levels[{i}].name",
                )
            names.add(raw["name"])
            levels.append(
                Level(
                    name=raw["name"],
                    match=compile_all(raw.get("match", ()), ["levels", i, "match"], ["num"]),
                    headings=tuple(raw.get("headings", ())),
                    caps_headings=bool(raw.get("caps_headings", False)),
                    nesting=Nesting(raw.get("nesting", "flat")),
                    continuous=bool(raw.get("continuous", False)),
                )
            )
        level_tuple = tuple(levels)
    elif base is not None:
        level_tuple = base.levels
    else:
        raise SchemaError(
            "missing required key 'levels'",
            path=display,
            line=1,
            key="(top level)",
            hint="or `extends` a schema that has them",
        )

    raw_parties = dict(data.get("parties", {}))
    base_parties = base.parties if base else PartyRules()
    parties = PartyRules(
        definitions=own_or_inherited(
            raw_parties, ["parties", "definitions"], ["name"], base_parties.definitions
        ),
        collective=tuple(raw_parties.get("collective", base_parties.collective)),
        aliases=MappingProxyType(
            {
                **base_parties.aliases,
                **{k: tuple(v) for k, v in raw_parties.get("aliases", {}).items()},
            }
        ),
        roles=tuple(raw_parties.get("roles", base_parties.roles)),
        preamble_blocks=int(raw_parties.get("preamble_blocks", base_parties.preamble_blocks)),
        things=tuple(raw_parties.get("things", base_parties.things)),
    )
    lexicon = dict(base.lexicon) if base else {}
    for category, phrases in data.get("lexicon", {}).items():
        for i, phrase in enumerate(phrases):
            if not phrase.strip():
                at: list[PathItem] = ["lexicon", category, i]
                raise SchemaError(
                    "empty phrase", path=display, line=_line_of(root, at), key=_dotted(at)
                )
            if phrase.startswith("re:"):
                # Compiled the way the lexicon compiles it: a pattern valid on its own
                # may not be once wrapped, and would then fail only at analysis.
                at = ["lexicon", category, i]
                compiled(at, regex_of_phrase(phrase), lambda regex: phrase_alternation([regex]))
        lexicon[category] = tuple(phrases)
    numbers = dict(base.numbers) if base else {}
    numbers.update({str(k).casefold(): v for k, v in data.get("numbers", {}).items()})
    raw_terms = dict(data.get("terms", {}))
    base_terms = base.terms if base else TermRules()
    terms = TermRules(
        definitions=own_or_inherited(
            raw_terms, ["terms", "definitions"], ["term"], base_terms.definitions
        ),
        inline=own_or_inherited(raw_terms, ["terms", "inline"], ["term"], base_terms.inline),
    )
    references = own_or_inherited(data, ["references"], ["target"], base.references if base else ())
    hints = own_or_inherited(data, ["hints"], (), base.hints if base else ())

    def missing_group(at: list[PathItem], group: str) -> SchemaError:
        return SchemaError(
            f"pattern has no (?P<{group}>...) group",
            path=display,
            line=_line_of(root, at),
            key=_dotted(at),
        )

    stakes = build_stakes(
        data.get("stakes"), base.stakes if base else None, compiled, missing_group
    )
    return Schema(
        name=data["name"],
        description=data["description"],
        path=display,
        levels=level_tuple,
        parties=parties,
        lexicon=MappingProxyType(lexicon),
        hints=hints,
        abstract=bool(data.get("abstract", False)),
        numbers=MappingProxyType(numbers),
        terms=terms,
        references=references,
        stakes=stakes,
    )
