"""Provides the batch manifest: the pairs to compare, from a YAML or a CSV file.

YAML (`.yaml`, `.yml`): pairs listed one by one, or made by a pairing rule
(pairing.py) from a folder or a file's git history; each entry may name its own
schema. Paths are relative to the manifest's folder.

    schema: fund                    # optional: the schema of entries naming none
    pairs:
      - old: drafts/msa-v1.docx
        new: drafts/msa-v2.docx
        id: msa                     # optional: names its reports (default old--new)
        schema: schemas/msa.yaml    # optional: this pair's schema
      - folder: suppliers/
        rule: against-template
        template: templates/supply.md
        glob: "*.docx"              # optional: default every document
      - folder: versions/
        rule: consecutive-by-name   # or consecutive-by-date
      - file: contracts/lease.md
        rule: git-revisions
        revisions: [v1, v2, HEAD]   # optional: default every commit that changed it

CSV (any other extension): a header naming the columns `old` and `new`, and
optionally `id` and `schema`; one pair per row; lines starting with # are comments.

Every error names the manifest, the line and the entry ("batch.yaml:7:
pairs[2].rule: unknown pairing rule 'by-name' ..."): it is raised before anything
runs, so a bad manifest never leaves half a batch behind.
"""

from __future__ import annotations

import csv
import io
import os
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import yaml

from draftdiff.batch import pairing
from draftdiff.batch.job import Source
from draftdiff.errors import DraftdiffError, InputError

_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,119}")
_PAIR_KEYS = {"old", "new", "id", "schema"}
_RULE_KEYS = {"folder", "file", "rule", "template", "glob", "revisions", "schema"}
CSV_COLUMNS = ("old", "new", "id", "schema")


@dataclass(frozen=True)
class PairSpec:
    """One pair as the manifest gives it."""

    id: str
    old: Source
    new: Source
    schema: str | None
    """Schema name, or absolute path of a schema file; None for the default."""
    schema_shown: str | None
    """The schema as the manifest names it."""
    where: str
    """"batch.yaml:7", for errors about this pair."""


@dataclass(frozen=True)
class Manifest:
    path: str
    pairs: tuple[PairSpec, ...]
    schema: str | None = None
    """The manifest's default schema (resolved), if it names one."""
    files: tuple[str, ...] = ()
    """Every input file (absolute) and the manifest itself: never to be overwritten."""


def load_manifest(path: str) -> Manifest:
    """Read a manifest; InputError names the file, the line and the problem."""
    file = Path(path)
    try:
        text = file.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise InputError("no such manifest", path=path) from None
    except IsADirectoryError:
        raise InputError(
            "is a folder, not a manifest", path=path, hint="give --rule to pair its files"
        ) from None
    except UnicodeDecodeError:
        raise InputError("manifest is not UTF-8 text", path=path) from None
    except OSError as err:
        raise InputError(f"cannot read manifest: {err.strerror}", path=path) from None
    if file.suffix.lower() in (".yaml", ".yml"):
        return _Reader(path).from_yaml(text)
    return _Reader(path).from_csv(text)


def folder_manifest(
    folder: str, rule: str, template: str | None, glob: str | None, schema: str | None
) -> Manifest:
    """The pairs one pairing rule makes of a folder given on the command line."""
    if rule not in pairing.FOLDER_RULES:
        raise InputError(
            f"unknown pairing rule {rule!r}", path="--rule", hint=_rule_hint(pairing.FOLDER_RULES)
        )
    reader = _Reader(folder, base=Path())
    files = pairing.folder_files(Path(folder), folder, glob)
    if rule == "against-template":
        if not template:
            raise InputError("the rule against-template needs --template FILE", path=folder)
        if not Path(template).is_file():
            raise InputError("no such file", path=template)
        made = pairing.against_template(files, Path(template), template)
    else:
        made = pairing.consecutive(files, rule.rsplit("-", 1)[1])
    if not made:
        raise InputError(f"the rule {rule} makes no pairs here", path=folder)
    for pair in made:
        reader.add(pair.id, pair.old, pair.new, schema, schema, folder, given_id=False)
    return reader.manifest(None)


def _rule_hint(rules: Sequence[str]) -> str:
    return "rules: " + ", ".join(rules)


class _Reader:
    """Collects the pairs of one manifest, raising InputError at the offending line."""

    def __init__(self, path: str, base: Path | None = None) -> None:
        self.path = path
        self.base = Path(path).parent if base is None else base
        self.pairs: list[PairSpec] = []
        self.ids: dict[str, str] = {}
        self.files: set[str] = {str(Path(path).resolve())}
        self.schemas: dict[str, str] = {}

    def error(self, line: int | None, key: str, message: str, hint: str = "") -> InputError:
        where = f"{self.path}:{line}" if line is not None else self.path
        return InputError(f"{key}: {message}" if key else message, path=where, hint=hint)

    # --- YAML ------------------------------------------------------------------------

    def from_yaml(self, text: str) -> Manifest:
        try:
            root = yaml.compose(text, Loader=yaml.SafeLoader)
        except yaml.MarkedYAMLError as err:
            mark = err.problem_mark or err.context_mark
            problem = err.problem or err.context or "invalid YAML"
            line = mark.line + 1 if mark else None
            raise self.error(line, "", f"invalid YAML: {problem}") from None
        except yaml.YAMLError as err:
            raise self.error(None, "", f"invalid YAML: {err}") from None
        if not isinstance(root, yaml.MappingNode):
            line = root.start_mark.line + 1 if root is not None else 1
            raise self.error(line, "", "a manifest must be a YAML mapping with a `pairs:` list")
        top = self.mapping(root, "", {"schema", "pairs"})
        default: tuple[str | None, str | None] = (None, None)
        if "schema" in top:
            node = top["schema"]
            default = self.schema(self.scalar(node, "schema"), _line(node), "schema")
        if "pairs" not in top:
            raise self.error(_line(root), "", "missing required key 'pairs'")
        entries = top["pairs"]
        if not isinstance(entries, yaml.SequenceNode) or not entries.value:
            raise self.error(_line(entries), "pairs", "must be a non-empty list")
        for n, node in enumerate(entries.value):
            self.entry(node, f"pairs[{n}]", default)
        return self.manifest(default[0])

    def entry(self, node: yaml.Node, key: str, default: tuple[str | None, str | None]) -> None:
        if not isinstance(node, yaml.MappingNode):
            raise self.error(_line(node), key, "must be a mapping (old: and new:, or a rule)")
        fields = self.mapping(node, key, _PAIR_KEYS | _RULE_KEYS)
        line = _line(node)
        where = f"{self.path}:{line}"
        schema, shown = default
        if "schema" in fields:
            node = fields["schema"]
            schema, shown = self.schema(self.scalar(node, f"{key}.schema"), _line(node), key)
        if "rule" not in fields and "folder" not in fields and "file" not in fields:
            extra = sorted(set(fields) - _PAIR_KEYS)
            if extra:
                raise self.error(_line(fields[extra[0]]), f"{key}.{extra[0]}", "needs a `rule:`")
            for side in ("old", "new"):
                if side not in fields:
                    raise self.error(line, key, f"missing required key {side!r}")
            old = self.file(fields["old"], f"{key}.old")
            new = self.file(fields["new"], f"{key}.new")
            given = self.scalar(fields["id"], f"{key}.id") if "id" in fields else None
            if given is not None:
                self.check_id(given, _line(fields["id"]), f"{key}.id")
            derived = f"{Path(old.path).stem}--{Path(new.path).stem}"
            self.add(given or derived, old, new, schema, shown, where, given_id=given is not None)
            return
        self.rule(fields, key, line, schema, shown, where)

    def rule(
        self,
        fields: dict[str, yaml.Node],
        key: str,
        line: int,
        schema: str | None,
        shown: str | None,
        where: str,
    ) -> None:
        if "rule" not in fields:
            raise self.error(line, key, "missing required key 'rule'", _rule_hint(pairing.RULES))
        rule = self.scalar(fields["rule"], f"{key}.rule")
        rule_line = _line(fields["rule"])
        if rule not in pairing.RULES:
            raise self.error(
                rule_line,
                f"{key}.rule",
                f"unknown pairing rule {rule!r}",
                _rule_hint(pairing.RULES),
            )
        allowed = {"rule", "schema"} | (
            {"file", "revisions"}
            if rule == "git-revisions"
            else {"folder", "glob"} | ({"template"} if rule == "against-template" else set())
        )
        for name, value in fields.items():
            if name not in allowed:
                raise self.error(_line(value), f"{key}.{name}", f"not a key of the rule {rule}")
        try:
            if rule == "git-revisions":
                made = self.git(fields, key, line)
            else:
                made = self.folder(fields, key, line, rule)
        except DraftdiffError as err:
            # Name the manifest line as well as the folder or file the problem is in.
            raise self.error(line, key, str(err)) from None
        if not made:
            raise self.error(line, key, f"the rule {rule} makes no pairs")
        for pair in made:
            self.add(pair.id, pair.old, pair.new, schema, shown, where, given_id=False)

    def folder(
        self, fields: dict[str, yaml.Node], key: str, line: int, rule: str
    ) -> list[pairing.Pairing]:
        if "folder" not in fields:
            raise self.error(line, key, f"the rule {rule} needs `folder:`")
        folder_text = self.scalar(fields["folder"], f"{key}.folder")
        folder = self.base / folder_text
        shown = os.path.normpath(folder)
        glob = self.scalar(fields["glob"], f"{key}.glob") if "glob" in fields else None
        files = pairing.folder_files(folder, shown, glob)
        for path, _ in files:
            self.files.add(str(path.resolve()))
        if rule == "against-template":
            if "template" not in fields:
                raise self.error(line, key, "the rule against-template needs `template:`")
            template = self.file(fields["template"], f"{key}.template")
            return pairing.against_template(files, Path(template.path), template.shown)
        return pairing.consecutive(files, rule.rsplit("-", 1)[1])

    def git(self, fields: dict[str, yaml.Node], key: str, line: int) -> list[pairing.Pairing]:
        if "file" not in fields:
            raise self.error(line, key, "the rule git-revisions needs `file:`")
        text = self.scalar(fields["file"], f"{key}.file")
        path = self.base / text
        revs: list[str] = []
        if "revisions" in fields:
            node = fields["revisions"]
            if not isinstance(node, yaml.SequenceNode):
                raise self.error(_line(node), f"{key}.revisions", "must be a list of revisions")
            revs = [self.scalar(n, f"{key}.revisions[{i}]") for i, n in enumerate(node.value)]
        self.files.add(str(path.resolve()))
        return pairing.git_revisions(path, os.path.normpath(path), revs)

    def mapping(self, node: yaml.MappingNode, key: str, allowed: set[str]) -> dict[str, yaml.Node]:
        out: dict[str, yaml.Node] = {}
        for k, v in node.value:
            name = k.value if isinstance(k, yaml.ScalarNode) else None
            where = f"{key}.{name}" if key else str(name)
            if name not in allowed:
                known = ", ".join(sorted(allowed))
                raise self.error(_line(k), where, "unknown key", f"known keys: {known}")
            if name in out:
                raise self.error(_line(k), where, "given twice")
            out[name] = v
        return out

    def scalar(self, node: yaml.Node, key: str) -> str:
        if not isinstance(node, yaml.ScalarNode) or not str(node.value).strip():
            raise self.error(_line(node), key, "must be a non-empty text")
        return str(node.value).strip()

    def file(self, node: yaml.Node, key: str) -> Source:
        return self.source(self.scalar(node, key), _line(node), key)

    # --- CSV -------------------------------------------------------------------------

    def from_csv(self, text: str) -> Manifest:
        lines = [("" if line.lstrip().startswith("#") else line) for line in text.splitlines()]
        rows = csv.reader(io.StringIO("\n".join(lines) + "\n"))
        header: list[str] | None = None
        for row in rows:
            line = rows.line_num
            if not any(cell.strip() for cell in row):
                continue
            if header is None:
                header = [c.strip().lower() for c in row]
                for column in header:
                    if column not in CSV_COLUMNS:
                        raise self.error(
                            line,
                            "",
                            f"unknown column {column!r}",
                            "the header names old and new, optionally id and schema",
                        )
                for column in ("old", "new"):
                    if column not in header:
                        raise self.error(line, "", f"the header has no {column!r} column")
                continue
            if len(row) != len(header):
                raise self.error(line, "", f"{len(row)} fields where the header has {len(header)}")
            cells = {c: v.strip() for c, v in zip(header, row, strict=True)}
            for column in ("old", "new"):
                if not cells[column]:
                    raise self.error(line, column, "empty")
            old = self.source(cells["old"], line, "old")
            new = self.source(cells["new"], line, "new")
            given = cells.get("id") or None
            if given is not None:
                self.check_id(given, line, "id")
            schema, shown = self.schema(cells.get("schema") or None, line, "schema")
            derived = f"{Path(old.path).stem}--{Path(new.path).stem}"
            where = f"{self.path}:{line}"
            self.add(given or derived, old, new, schema, shown, where, given_id=given is not None)
        if header is None:
            raise self.error(1, "", "empty manifest", "the first line names the columns old,new")
        if not self.pairs:
            raise self.error(rows.line_num, "", "no pairs listed")
        return self.manifest(None)

    # --- shared ----------------------------------------------------------------------

    def source(self, text: str, line: int, key: str) -> Source:
        path = self.base / text
        shown = os.path.normpath(path)
        if not path.exists():
            raise self.error(line, key, f"no such file: {shown}")
        if not path.is_file():
            raise self.error(line, key, f"not a file: {shown}")
        self.files.add(str(path.resolve()))
        return pairing.file_source(path, shown)

    def schema(self, text: str | None, line: int, key: str) -> tuple[str | None, str | None]:
        """The schema as the worker loads it (a name, or an absolute path), checked now: a
        typo must fail before the batch runs, not once per pair."""
        if text is None:
            return None, None
        if text in self.schemas:
            return self.schemas[text], text
        from draftdiff.schema.load import builtin_schemas, find_schema

        value = text
        # A schema file is named by a path (relative to the manifest); a bare word is a
        # built-in schema's name, and a typo in it is reported as one.
        if text not in builtin_schemas() and (
            "/" in text or Path(text).suffix in (".yaml", ".yml")
        ):
            value = str((self.base / text).resolve())
        try:
            find_schema(value)
        except DraftdiffError as err:
            raise self.error(line, key, " ".join(str(err).split())) from None
        self.schemas[text] = value
        return value, text

    def check_id(self, given: str, line: int, key: str) -> None:
        if not _ID.fullmatch(given):
            raise self.error(
                line,
                key,
                f"{given!r} is not a usable id",
                "letters, digits, '.', '_' and '-', starting with a letter or digit",
            )
        if given in self.ids:
            raise self.error(line, key, f"id {given!r} already used at {self.ids[given]}")

    def add(
        self,
        pair_id: str,
        old: Source,
        new: Source,
        schema: str | None,
        shown: str | None,
        where: str,
        *,
        given_id: bool,
    ) -> None:
        if not given_id:
            pair_id = _safe_id(pair_id)
            base, n = pair_id, 1
            while pair_id in self.ids:
                n += 1
                pair_id = f"{base}-{n}"
        self.ids[pair_id] = where
        self.pairs.append(PairSpec(pair_id, old, new, schema, shown, where))

    def manifest(self, default: str | None) -> Manifest:
        return Manifest(self.path, tuple(self.pairs), default, tuple(sorted(self.files)))


def _safe_id(text: str) -> str:
    """A derived id usable as a file name: other characters become "_"."""
    cleaned = re.sub(r"[^A-Za-z0-9._-]", "_", text).lstrip("._-")[:120]
    return cleaned or "pair"


def _line(node: yaml.Node | None) -> int:
    return int(node.start_mark.line) + 1 if node is not None else 1
