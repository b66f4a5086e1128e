"""The public surface is what __all__ says, and nothing disappears by accident."""

import draftdiff


def test_public_names_are_exactly_these() -> None:
    assert sorted(draftdiff.__all__) == sorted(
        [
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
    )
    for name in draftdiff.__all__:
        assert hasattr(draftdiff, name), name


def test_every_error_is_a_draftdiff_error() -> None:
    for name in ("InputError", "OutputError", "ParseError", "PolicyError", "SchemaError"):
        assert issubclass(getattr(draftdiff, name), draftdiff.DraftdiffError)
