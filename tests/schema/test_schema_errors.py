"""Broken schema files are rejected with the file, the line, the key and the problem.

Each row is a schema author's mistake and the exact message they get."""

from __future__ import annotations

from pathlib import Path

import pytest

from draftdiff.analyse import analyse_text
from draftdiff.errors import SchemaError
from draftdiff.model import Party
from draftdiff.schema.load import load_schema

GOOD_HEAD = "name: mine\ndescription: My agreements.\n"
LEVELS = "levels:\n  - name: section\n    match: ['(?P<num>\\d+)\\.\\s']\n"

CASES = [
    (
        "unknown_top_key",
        GOOD_HEAD + LEVELS + "lexicn:\n  obligation: [shall]\n",
        "mine.yaml:6: (top level): unknown key 'lexicn' (did you mean 'lexicon'?)",
    ),
    (
        "misspelt_level_key",
        GOOD_HEAD + "levels:\n  - name: section\n    matchs: ['(?P<num>\\d+)']\n",
        "mine.yaml:5: levels[0]: unknown key 'matchs' (did you mean 'match'?)",
    ),
    (
        "missing_name",
        "description: x\n" + LEVELS,
        "mine.yaml:1: (top level): missing required key 'name'",
    ),
    (
        "levels_not_a_list",
        GOOD_HEAD + "levels: section\n",
        "mine.yaml:3: levels: must be a list, not a string",
    ),
    (
        "bad_regex",
        GOOD_HEAD + "levels:\n  - name: section\n    match: ['(?P<num>\\d+']\n",
        "mine.yaml:5: levels[0].match[0]: invalid regular expression: missing ), "
        "unterminated subpattern",
    ),
    (
        "pattern_without_num_group",
        GOOD_HEAD + "levels:\n  - name: section\n    match:\n      - '\\d+\\.'\n",
        "mine.yaml:6: levels[0].match[0]: pattern has no (?P<num>...) group",
    ),
    (
        "bad_nesting_value",
        GOOD_HEAD + LEVELS + "    nesting: dotted\n",
        "mine.yaml:6: levels[0].nesting: 'dotted' is not one of: flat, components",
    ),
    (
        "duplicate_level_name",
        GOOD_HEAD + LEVELS + "  - name: section\n    match: ['(?P<num>[a-z])\\)']\n",
        "mine.yaml:6: levels[1].name: level name 'section' is used twice",
    ),
    (
        "duplicate_key",
        GOOD_HEAD + "name: again\n" + LEVELS,
        "mine.yaml:3: name: key appears twice in the same mapping",
    ),
    (
        "level_without_a_way_to_match",
        GOOD_HEAD + "levels:\n  - name: section\n",
        "mine.yaml:4: levels[0]: a level needs `match` patterns, `headings`, or `caps_headings`",
    ),
    (
        "party_pattern_without_name_group",
        GOOD_HEAD + LEVELS + "parties:\n  definitions: ['\\((?P<full>x)\\)']\n",
        "mine.yaml:7: parties.definitions[0]: pattern has no (?P<name>...) group",
    ),
    (
        "lexicon_phrase_not_a_string",
        GOOD_HEAD + LEVELS + "lexicon:\n  obligation: [shall, 3]\n",
        "mine.yaml:7: lexicon.obligation[1]: must be a string, not a whole number",
    ),
    (
        "invalid_yaml",
        GOOD_HEAD + "levels: [\n",
        "mine.yaml:4: invalid YAML: expected the node content, but found '<stream end>'",
    ),
    (
        "bad_name",
        "name: My Schema\ndescription: x\n" + LEVELS,
        "mine.yaml:1: name: 'My Schema' is not a valid name (lowercase letters, digits, "
        "'-' or '_', starting with a letter)",
    ),
    (
        "extends_unknown",
        GOOD_HEAD + "extends: nosuch\n",
        "mine.yaml:3: extends: extends unknown schema 'nosuch'",
    ),
    (
        "not_a_mapping",
        "- just\n- a list\n",
        "mine.yaml:1: a schema file must be a YAML mapping (key: value lines)",
    ),
]


@pytest.mark.parametrize(("text", "message"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_schema_error_names_file_line_key_and_problem(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, text: str, message: str
) -> None:
    monkeypatch.chdir(tmp_path)
    Path("mine.yaml").write_text(text, encoding="utf-8")
    with pytest.raises(SchemaError) as caught:
        load_schema("mine.yaml")
    assert str(caught.value) == message


def test_schema_extending_a_builtin_loads(tmp_path: Path) -> None:
    path = tmp_path / "treaty-fr.yaml"
    path.write_text(
        "name: treaty-fr\ndescription: French treaties.\nextends: agreement\n"
        "lexicon:\n  obligation: [doit, doivent, s'engage à]\n",
        encoding="utf-8",
    )
    schema = load_schema(path)
    assert schema.lexicon["obligation"] == ("doit", "doivent", "s'engage à")
    assert "guarantee" in schema.lexicon  # inherited
    assert schema.levels  # inherited


def test_schema_extending_itself_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "loop.yaml"
    path.write_text("name: loop\ndescription: x\nextends: loop\n", encoding="utf-8")
    with pytest.raises(SchemaError, match="extends 'loop', which extends this file again"):
        load_schema(path)


def test_lexicon_regular_expression_phrase_is_checked_with_file_and_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    Path("mine.yaml").write_text(
        GOOD_HEAD + LEVELS + "lexicon:\n  obligation: [shall, 're:(unclosed']\n", encoding="utf-8"
    )
    with pytest.raises(SchemaError) as caught:
        load_schema("mine.yaml")
    assert str(caught.value) == (
        "mine.yaml:7: lexicon.obligation[1]: invalid regular expression: missing ), "
        "unterminated subpattern"
    )


def test_a_new_language_or_weakener_is_a_yaml_edit(tmp_path: Path) -> None:
    path = tmp_path / "mine.yaml"
    path.write_text(
        GOOD_HEAD
        + "extends: agreement\n"
        + "lexicon:\n  weak_commitment: [will ponder]\n"
        + "numbers: {dozen: 12}\n",
        encoding="utf-8",
    )
    schema = load_schema(path)
    (p,) = analyse_text(
        "Velmora will ponder a dozen (12) proposals.", (Party("Velmora"),), schema
    ).provisions
    assert (p.modality.value, p.cue.rule) == (
        "weak_commitment",
        "lexicon.weak_commitment: will ponder",
    )
    assert schema.numbers["dozen"] == 12


def test_lexicon_regular_expression_is_checked_as_the_lexicon_compiles_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # "(?i)must" compiles alone, but not inside the group the lexicon wraps it in.
    monkeypatch.chdir(tmp_path)
    Path("mine.yaml").write_text(
        GOOD_HEAD + LEVELS + "lexicon:\n  obligation: [shall, 're:(?i)must']\n", encoding="utf-8"
    )
    with pytest.raises(SchemaError) as caught:
        load_schema("mine.yaml")
    assert str(caught.value) == (
        "mine.yaml:7: lexicon.obligation[1]: invalid regular expression: "
        "global flags not at the start of the expression"
    )
