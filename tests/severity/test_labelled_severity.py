"""The labelled severity set (tests/severity/data/cases.yaml), scored.

The dev cases were read while the stakes rules were written; the held-out ones were
not, so their floor says how the rules carry to new drafting. Floors sit at what was
measured when the rules were done: dev 22/22, held-out 11/11 (one miss allowed).
"""

from __future__ import annotations

import pytest

from tests.severity.score import score

FLOORS = {"dev": 1.0, "held": 0.9}


@pytest.mark.parametrize("split", sorted(FLOORS))
def test_labelled_cases_get_the_severity_and_reason_a_negotiator_expects(split: str) -> None:
    results = score(split)
    agreed = sum(r.ok for r in results) / len(results)
    misses = [f"{r.id}: want {r.want}, got {r.got} ({r.why})" for r in results if not r.ok]
    assert agreed >= FLOORS[split], "\n".join(misses)
