"""Provides the generated drafts the property tests compare: Markdown and plain text,
and Word documents with multi-level list numbering and tracked changes.

A Word draft is a list of paragraphs (list level or none, and runs that are plain,
inserted or deleted); `as_docx` writes it with tests/parse/docx_build.py, so it is read
exactly as a file saved by Word, and `visible` says the words Word shows with every
change accepted (or rejected).
"""

from __future__ import annotations

from dataclasses import dataclass

from hypothesis import strategies as st

from tests.parse.docx_build import abstract, docx, level, num, p, revision, run
from tests.test_nothing_lost import drafts as text_drafts
from tests.test_nothing_lost import revisions as text_revisions

__all__ = ["WordDraft", "as_docx", "text_drafts", "text_revisions", "word_drafts", "word_pairs"]

WORDS = [
    "Velmora",
    "Norland",
    "shall",
    "may",
    "not",
    "pay",
    "deliver",
    "the",
    "Fund",
    "Goods",
    "within",
    "thirty",
    "days",
    "use",
    "reasonable",
    "efforts",
    "to",
    "guarantees",
    "provided",
    "that",
    "é",
    "§",
]

Run = tuple[str, str]
"""(kind, text): kind "plain", "ins" or "del"."""


@dataclass(frozen=True)
class Para:
    level: int | None
    """List level 0-2, or None for a paragraph without a number."""
    runs: tuple[Run, ...]


@dataclass(frozen=True)
class WordDraft:
    title: str
    paras: tuple[Para, ...]

    def visible(self, accepted: bool = True) -> list[str]:
        """Each paragraph's words as Word shows them (accepted or rejected)."""
        hidden = "del" if accepted else "ins"
        return [" ".join(t for k, t in para.runs if k != hidden) for para in self.paras]


_sentence = st.lists(st.sampled_from(WORDS), min_size=1, max_size=8).map(" ".join)
_run = st.tuples(st.sampled_from(["plain", "plain", "plain", "ins", "del"]), _sentence)


@st.composite
def _para(draw: st.DrawFn, tracked: bool = True) -> Para:
    runs = draw(
        st.lists(
            _run if tracked else st.tuples(st.just("plain"), _sentence), min_size=1, max_size=3
        )
    )
    if not any(k == "plain" for k, _ in runs):
        runs.insert(0, ("plain", draw(_sentence)))
    lvl = draw(st.sampled_from([0, 0, 1, 1, 2, None]))
    return Para(lvl, tuple(runs))


def word_drafts(tracked: bool = True) -> st.SearchStrategy[WordDraft]:
    return st.builds(
        WordDraft,
        title=_sentence,
        paras=st.lists(_para(tracked), min_size=1, max_size=8).map(tuple),
    )


@st.composite
def word_pairs(draw: st.DrawFn) -> tuple[WordDraft, WordDraft]:
    """A Word draft and a revision of it: paragraphs dropped, added, reworded, moved."""
    old = draw(word_drafts())
    paras = []
    for para in old.paras:
        action = draw(st.sampled_from(["keep", "keep", "keep", "drop", "reword", "add"]))
        if action == "keep":
            paras.append(para)
        elif action == "reword":
            paras.append(Para(para.level, (*para.runs, ("plain", draw(_sentence)))))
        elif action == "add":
            paras.extend([para, draw(_para())])
    if len(paras) > 3 and draw(st.booleans()):
        paras[1], paras[-1] = paras[-1], paras[1]
    return old, WordDraft(old.title, tuple(paras))


_NUMBERING = abstract(
    0,
    level(0, "decimal", "%1."),
    level(1, "decimal", "%1.%2"),
    level(2, "lowerLetter", "(%3)"),
) + num(1, 0)


def as_docx(draft: WordDraft) -> bytes:
    body = [p(draft.title, ppr='<w:pStyle w:val="Title"/>')]
    rev_id = 1
    for para in draft.paras:
        content = []
        for kind, text in para.runs:
            if kind == "plain":
                content.append(run(text + " "))
            else:
                tracked = run(text + " ", deleted=kind == "del")
                content.append(revision(kind, tracked, rev_id=rev_id))
                rev_id += 1
        ppr = (
            f'<w:numPr><w:ilvl w:val="{para.level}"/><w:numId w:val="1"/></w:numPr>'
            if para.level is not None
            else ""
        )
        body.append(p(ppr=ppr, runs="".join(content)))
    styles = '<w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/></w:style>'
    return docx("".join(body), numbering=_NUMBERING, styles=styles)
