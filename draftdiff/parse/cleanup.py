"""Provides the text cleanup every reader applies before a string becomes `Block.text`.

clean_text(s)     collapse whitespace, drop control characters, keep intended line breaks
clean_literal(s)  the same for literal text (code): lines and their spacing kept
html_to_text(s)   the readable text of an HTML fragment: tags and comments dropped,
                  entities decoded, <br> kept as a line break
"""

from __future__ import annotations

import html
import re
import textwrap

# Characters a block text never keeps, found in one scan (most texts have none):
# - C0 controls except "\n", DEL and C1 controls: never meaningful inside a clause, and a
#   stray one (a form feed, a vertical tab from Word) must not glue two words together;
# - U+2028/U+2029, the Unicode line and paragraph separators: the comparison stage uses
#   U+2029 as its own marker when it joins clause texts, so readers must never emit it;
# - invisible characters that only steer line breaking (zero-width space, word joiner,
#   soft hyphen, a stray byte-order mark): they would show up as phantom edits.
_SPECIAL = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f\u2028\u2029\u200b\u2060\u00ad\ufeff]")
_INVISIBLE = frozenset("\u200b\u2060\u00ad\ufeff")


def _replace_special(match: re.Match[str]) -> str:
    char = match.group()
    if char in _INVISIBLE:
        return ""
    return "\n" if char in "\u2028\u2029" else " "


def _without_specials(text: str) -> str:
    return _SPECIAL.sub(_replace_special, text) if _SPECIAL.search(text) else text


_BLOCK_TAGS = frozenset(
    {
        *("address", "article", "aside", "blockquote", "dd", "div", "dl", "dt", "figcaption"),
        *("figure", "footer", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li"),
        *("main", "nav", "ol", "p", "pre", "section", "table", "tbody", "td", "tfoot", "th"),
        *("thead", "tr", "ul"),
    }
)
# One pass, left to right, each alternative ending at its terminator *or the end of the
# text*: an unclosed comment or tag then swallows the rest instead of being rescanned
# from every "<", which keeps hostile input linear.
_HTML_MARKUP = re.compile(
    r"<!--.*?(?:-->|\Z)"
    r"|<(?P<skip>script|style)\b.*?(?:</(?P=skip)\s*>|\Z)"
    r"|</?(?P<tag>[A-Za-z][A-Za-z0-9-]*)(?:[^>\"']|\"[^\"]*(?:\"|\Z)|'[^']*(?:'|\Z))*(?:>|\Z)"
    r"|<[!?][^>]*(?:>|\Z)",
    re.DOTALL | re.IGNORECASE,
)


def clean_text(text: str) -> str:
    """Plain, comparable text: one space between words, "\\n" only where a line break is meant.

    Control characters become spaces, U+2028/U+2029 become "\\n", a run of whitespace
    becomes "\\n" when it holds a line break and " " otherwise; the result is stripped.
    """
    text = _without_specials(text)
    if "\n" not in text:
        return " ".join(text.split())
    lines = (" ".join(line.split()) for line in text.split("\n"))
    return "\n".join(line for line in lines if line)


def clean_literal(text: str) -> str:
    """Literal text (a fenced code block) with its lines kept but made safe.

    Control characters become spaces, U+2028/U+2029 become "\\n", common indentation,
    trailing spaces and blank lines at either end are dropped; spacing inside lines stays.
    """
    text = _without_specials(text)
    lines = [line.rstrip() for line in text.split("\n")]
    return textwrap.dedent("\n".join(lines)).strip()


def html_to_text(fragment: str) -> str:
    """The text a browser would show for an HTML fragment, before `clean_text`.

    Comments, script and style contents are dropped; <br> becomes "\\n"; block-level tags
    become a space so that "<td>a</td><td>b</td>" does not read as "ab".
    """
    return html.unescape(_HTML_MARKUP.sub(_replace_markup, fragment))


def tag_replacement(tag: str) -> str:
    """What an inline HTML tag stands for in plain text: "\\n", " " or nothing."""
    match = _HTML_MARKUP.fullmatch(tag)
    return _replace_markup(match) if match else ""


def _replace_markup(match: re.Match[str]) -> str:
    name = (match.group("tag") or "").lower()
    if name == "br":
        return "\n"
    return " " if name in _BLOCK_TAGS else ""
