"""draftdiff: diff versions of draft agreements and see who now owes what to whom.

The public surface is small on purpose (tests/test_exported_members.py guards it):

    parse_file(path, schema=None) -> Document
    compare(old, new) -> Comparison
    DraftdiffError and its subclasses

Everything else is reachable through its module and may change.
"""

__version__ = "0.1.0"

from draftdiff.diff.compare import compare
from draftdiff.diff.result import Change, ClausePair, Comparison
from draftdiff.errors import (
    DraftdiffError,
    InputError,
    OutputError,
    ParseError,
    PolicyError,
    SchemaError,
)
from draftdiff.model import Clause, Document, Party
from draftdiff.parse.document import parse_file, parse_text

__all__ = [
    "Change",
    "Clause",
    "ClausePair",
    "Comparison",
    "Document",
    "DraftdiffError",
    "InputError",
    "OutputError",
    "ParseError",
    "Party",
    "PolicyError",
    "SchemaError",
    "__version__",
    "compare",
    "parse_file",
    "parse_text",
]
