"""Provides `page_text_changes`: headers and footers compared beside the clause tree.

Headers and footers are not clauses (no obligations live there), but a changed
draft stamp, confidentiality legend or document number is something a reviewer
wants to know. Each kind and placement ("footer", "first-page header") is
compared as one text; a difference is one `header_footer.changed` change. Only formats
that have page texts are compared: a Markdown draft has no footer to lose.
"""

from __future__ import annotations

from draftdiff.diff.classify import snippet
from draftdiff.diff.result import Change, Severity
from draftdiff.model import Document, PageText

CODE = "header_footer.changed"
"""The change code for a header or footer added, removed or reworded."""
PAGE_TEXT_FORMATS = frozenset({"docx"})
_PLACES = {"default": "", "first": "first-page ", "even": "even-page "}


def page_text_changes(old: Document, new: Document) -> list[Change]:
    """One change per header/footer slot whose text differs between the versions."""
    if old.format not in PAGE_TEXT_FORMATS or new.format not in PAGE_TEXT_FORMATS:
        return []
    before, after = _slots(old.page_texts), _slots(new.page_texts)
    changes = []
    for slot in [*before, *(s for s in after if s not in before)]:
        was, now = before.get(slot, ""), after.get(slot, "")
        if " ".join(was.split()) == " ".join(now.split()):
            continue
        name = page_text_name(*slot)
        if not was:
            summary = f"{name} added: {snippet(now)}"
        elif not now:
            summary = f"{name} removed: {snippet(was)}"
        else:
            summary = f"{name} now reads: {snippet(now)} (was: {snippet(was)})"
        changes.append(Change(CODE, Severity.LOW, summary))
    return changes


def page_text_name(kind: str, place: str) -> str:
    """How a report names a slot: "footer", "first-page header", "even-page footer"."""
    return f"{_PLACES.get(place, place + ' ')}{kind}"


def _slots(page_texts: tuple[PageText, ...]) -> dict[tuple[str, str], str]:
    slots: dict[tuple[str, str], list[str]] = {}
    for page in page_texts:
        texts = slots.setdefault((page.kind, page.place), [])
        if page.text not in texts:
            texts.append(page.text)
    return {slot: " / ".join(texts) for slot, texts in slots.items()}
