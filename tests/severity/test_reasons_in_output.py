"""Every finding says why it has its severity: in JSON (`reason`, `reason_kind`), in the
text summary and in the HTML report, on the bundled samples v2 → v3."""

from __future__ import annotations

import json
from functools import cache

from draftdiff.diff.compare import compare
from draftdiff.diff.result import Comparison
from draftdiff.parse import parse_file
from draftdiff.render.html import render_html
from draftdiff.render.json import render_json


@cache
def v2_v3() -> Comparison:
    return compare(parse_file("samples/fund-v2-middle.md"), parse_file("samples/fund-v3-final.md"))


def _by_clause(changes: list[dict], clause: str) -> list[dict]:
    return [c for c in changes if clause in (c["old_clause"], c["new_clause"])]


def test_json_gives_every_change_a_reason_and_what_it_rests_on() -> None:
    changes = json.loads(render_json(v2_v3()))["changes"]
    assert all(c["reason"] and c["reason_kind"] for c in changes)
    # Courts of one party -> arbitration: the forum, high, never "reworded" and low.
    forum = _by_clause(changes, "11.1")[0]
    assert (forum["severity"], forum["reason_kind"]) == ("high", "forum")
    assert forum["summary"].startswith("11.1: forum and dispute resolution — “courts of Norland”")
    assert "Arbitration" in forum["summary"] and "reworded" not in forum["summary"]
    assert forum["reason"].startswith("forum and dispute resolution changed")
    # Norland had no duties in v2: its first ones are high, and say so.
    first = [c for c in changes if c["type"] == "obligation.added" and c["party"] == "Norland"]
    assert first and all(c["severity"] == "high" and c["reason_kind"] == "ledger" for c in first)
    assert "Norland had no duties in the old version" in first[0]["reason"]
    # Equal seats on the board: a change of control, said once.
    board = _by_clause(changes, "5.2")[0]
    assert board["summary"].startswith("5.2: control of the board changes — Norland appoints 3")
    assert "equal seats" in board["summary"] and board["reason_kind"] == "governance"


def test_html_report_shows_the_reason_under_each_finding() -> None:
    html = render_html(v2_v3())
    assert html.count('<span class="reason"') == len(v2_v3().changes)
    assert 'data-reason-kind="forum">why high: forum and dispute resolution changed' in html
