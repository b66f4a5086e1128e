"""The shipped schemas load, pass the published JSON Schema, and are listed."""

from __future__ import annotations

import json

import jsonschema
import pytest
import yaml

from draftdiff.schema.load import JSON_SCHEMA_PATH, SCHEMA_DIR, builtin_schemas, load_schema

SHIPPED = sorted(SCHEMA_DIR.glob("*.yaml"))


def test_at_least_agreement_contract_and_license_ship() -> None:
    assert {"agreement", "contract", "license"} <= set(builtin_schemas())


@pytest.mark.parametrize("path", SHIPPED, ids=lambda p: p.name)
def test_shipped_schema_passes_the_published_json_schema(path) -> None:
    spec = json.loads(JSON_SCHEMA_PATH.read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(spec)
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator(spec).validate(data)


@pytest.mark.parametrize("path", SHIPPED, ids=lambda p: p.name)
def test_shipped_schema_loads_with_levels_and_lexicon(path) -> None:
    schema = load_schema(path)
    assert schema.levels
    assert {"obligation", "prohibition", "permission", "guarantee"} <= set(schema.lexicon)


def test_extending_schema_inherits_levels_and_adds_its_aliases() -> None:
    license_schema = builtin_schemas()["license"]
    base = load_schema(SCHEMA_DIR / "base.yaml")
    assert license_schema.levels == base.levels
    assert "You" in license_schema.parties.aliases["Licensee"]
    assert license_schema.lexicon["obligation"] == base.lexicon["obligation"]


def test_abstract_base_is_never_offered_for_documents() -> None:
    assert "base" not in builtin_schemas()
