"""Provides the semantic reading of a document: provisions, values, terms, references.

    document --sentences--> cues (schema lexicon) --actors, conditions, values--> provisions

`analyse_document(document, schema)` returns an Analysis keyed by clause id; the
document is never changed. Modules, in pipeline order: lexicon (the schema's
phrase lists compiled), sentences, values, conditions, references, terms, actors,
modality (the ladder), provisions (the reading itself).
"""

from draftdiff.analyse.actors import JOINT, Actor
from draftdiff.analyse.conditions import Condition
from draftdiff.analyse.modality import Cue, Modality
from draftdiff.analyse.provisions import (
    Analysis,
    ClauseAnalysis,
    Provision,
    analyse,
    analyse_document,
    analyse_text,
    schema_of,
)
from draftdiff.analyse.references import Reference
from draftdiff.analyse.terms import Definition
from draftdiff.analyse.values import Value

__all__ = [
    "JOINT",
    "Actor",
    "Analysis",
    "ClauseAnalysis",
    "Condition",
    "Cue",
    "Definition",
    "Modality",
    "Provision",
    "Reference",
    "Value",
    "analyse",
    "analyse_document",
    "analyse_text",
    "schema_of",
]
