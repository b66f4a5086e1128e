"""Provides list labels as Word renders them from numbering.xml.

    w:num (numId) --abstractNumId--> w:abstractNum --w:lvl[ilvl]--> start, numFmt, lvlText
          └─ w:lvlOverride: w:startOverride, or a whole replacement w:lvl

Word's rules, as this module applies them:

- Counters belong to the *abstract* list: paragraphs of two w:num that share an
  abstractNum continue one sequence. "Restart numbering" in Word makes a new w:num
  with a w:startOverride, applied the first time that w:num is used, to the level
  of that first paragraph and deeper ones (a shallower level already counting goes
  on: the article number of a restarted section list stays).
- A level restarts after any shallower level is used, unless w:lvlRestart says
  after which level (0 = never).
- "%1.%2." is filled with each level's counter in that level's own format,
  except that a level marked w:isLgl prints every number as decimal ("Article
  III" + isLgl section → "3.1"; a decimalZero level keeps its zero: "3.01").
- A list entered at a deeper level counts the missing shallower levels as used
  at their start value, so the next shallower item is the second one.
- Text formats ("Twenty-first", "Vingt-et-unième") are spelt in the language of
  the paragraph's style, else the document default (numfmt.py).
- A numbering style (w:numStyleLink) stands for the abstractNum that defines it
  (w:styleLink), so the two share counters.
- A paragraph style with numbering but no w:ilvl takes the level whose w:pStyle
  is that style (how heading styles are numbered).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from lxml import etree

from draftdiff.parse.wordml.ns import first_child, int_or, on, qn, wval
from draftdiff.parse.wordml.numfmt import format_number
from draftdiff.parse.wordml.styles import Styles

LEVELS = 9
"""Word lists have levels 0-8."""
_MAX_LINKS = 4
"""numStyleLink indirections followed before giving up (a loop in a hostile file)."""
# Bullets are often Symbol/Wingdings private-use characters; show the usual glyph.
_BULLET_GLYPHS = {
    "\uf0b7": "•",
    "\uf0a7": "▪",
    "\uf0a8": "◆",
    "\uf076": "❖",
    "\uf0d8": "➢",
    "\uf0fc": "✓",
    "\uf0e8": "➔",
    "\uf02d": "-",
    "\uf06f": "o",
}


@dataclass(frozen=True)
class Level:
    """One w:lvl of a list definition."""

    ilvl: int
    start: int = 0
    """w:start; the specification's default is 0 (Word writes 1 explicitly)."""
    fmt: str = "decimal"
    text: str = ""
    """w:lvlText, e.g. "%1.%2." or a bullet character."""
    restart: int | None = None
    """w:lvlRestart: restart after level `restart` (1-based) is used; 0 = never."""
    legal: bool = False
    """w:isLgl: print the numbers of all levels as decimal."""
    style: str | None = None
    """w:pStyle: the paragraph style this level belongs to."""
    custom: str = ""
    """w:numFmt/@w:format for the "custom" format ("001, 002, 003, ...")."""


@dataclass(frozen=True)
class AbstractNum:
    id: str
    levels: dict[int, Level]
    num_style_link: str | None = None


@dataclass(frozen=True)
class Num:
    id: str
    abstract_id: str
    levels: dict[int, Level] = field(default_factory=dict)
    """Whole-level replacements from w:lvlOverride/w:lvl."""
    starts: dict[int, int] = field(default_factory=dict)
    """w:lvlOverride/w:startOverride values by level."""


@dataclass(frozen=True)
class Label:
    """The number Word prints before one paragraph."""

    text: str
    """As rendered: "3.2.", "(a)", "Article IV", or a bullet glyph."""
    ilvl: int
    fmt: str
    """The level's number format; "bullet" and "none" carry no number."""

    @property
    def is_number(self) -> bool:
        return self.fmt != "bullet" and bool(self.text.strip())


@dataclass(frozen=True)
class _Resolved:
    key: str
    num: Num
    ilvl: int
    level: Callable[[int], Level]


class Numbering:
    """The list definitions of one document (numbering.xml plus the styles)."""

    def __init__(self, root: etree._Element | None, styles: Styles) -> None:
        self.styles = styles
        self.abstracts: dict[str, AbstractNum] = {}
        self.nums: dict[str, Num] = {}
        if root is None:
            return
        for element in root.iterchildren(qn("w:abstractNum")):
            abstract_id = wval(element, "abstractNumId")
            if abstract_id is None:
                continue
            link = wval(first_child(element, qn("w:numStyleLink")))
            self.abstracts.setdefault(abstract_id, AbstractNum(abstract_id, _levels(element), link))
        for element in root.iterchildren(qn("w:num")):
            num_id = wval(element, "numId")
            abstract_id = wval(first_child(element, qn("w:abstractNumId")))
            if num_id is None or abstract_id is None:
                continue
            levels: dict[int, Level] = {}
            starts: dict[int, int] = {}
            for override in element.iterchildren(qn("w:lvlOverride")):
                ilvl = int_or(wval(override, "ilvl"), -1)
                if not 0 <= ilvl < LEVELS:
                    continue
                start = first_child(override, qn("w:startOverride"))
                if start is not None:
                    starts[ilvl] = int_or(wval(start), 0)
                lvl = first_child(override, qn("w:lvl"))
                if lvl is not None:
                    levels[ilvl] = _level(lvl, ilvl)
            self.nums.setdefault(num_id, Num(num_id, abstract_id, levels, starts))

    def resolve(self, num_id: str, ilvl: int | None, style_id: str | None) -> _Resolved | None:
        """The list and level a paragraph's (numId, ilvl) stands for; None = no list."""
        num = self.nums.get(num_id)
        if num is None:
            return None
        abstract = self._abstract(num.abstract_id)
        if abstract is None:
            return None
        if ilvl is None:
            ilvl = next(
                (lv.ilvl for lv in abstract.levels.values() if style_id and lv.style == style_id),
                0,
            )
        ilvl = min(max(ilvl, 0), LEVELS - 1)

        def level(index: int) -> Level:
            return num.levels.get(index) or abstract.levels.get(index) or Level(index)

        return _Resolved(abstract.id, num, ilvl, level)

    def _abstract(self, abstract_id: str) -> AbstractNum | None:
        abstract = self.abstracts.get(abstract_id)
        for _ in range(_MAX_LINKS):
            if abstract is None or not abstract.num_style_link:
                return abstract
            linked_num = self.styles.numbering_style_num(abstract.num_style_link)
            target = self.nums.get(linked_num) if linked_num else None
            linked = self.abstracts.get(target.abstract_id) if target else None
            if linked is None or linked.id == abstract.id:
                return abstract
            abstract = linked
        return abstract


class Counters:
    """List counters while reading one story (the body, or the notes) in order."""

    def __init__(self, numbering: Numbering) -> None:
        self.numbering = numbering
        self._values: dict[str, dict[int, int]] = {}
        self._pending_start: dict[str, dict[int, int]] = {}
        self._seen_nums: set[str] = set()

    def next_label(self, num_id: str, ilvl: int | None, style_id: str | None) -> Label | None:
        """Count one paragraph of list `num_id` at level `ilvl` and render its label."""
        resolved = self.numbering.resolve(num_id, ilvl, style_id)
        if resolved is None:
            return None
        key, ilvl = resolved.key, resolved.ilvl
        values = self._values.setdefault(key, {})
        pending = self._pending_start.setdefault(key, {})
        if resolved.num.id not in self._seen_nums:
            self._seen_nums.add(resolved.num.id)
            for index, start in resolved.num.starts.items():
                if index < ilvl and index in values:
                    # A restart list first used at "2.1" restarts its own level and the
                    # deeper ones; the article counter that "%1" shows goes on
                    # (LibreOffice as Word: "Restart numbering" on a section writes a
                    # startOverride for every level, and Article 2's sections stay "2.x").
                    continue
                values.pop(index, None)
                pending[index] = start
        level = resolved.level(ilvl)
        if ilvl in values:
            values[ilvl] += 1
        else:
            values[ilvl] = pending.pop(ilvl, level.start)
        # A list entered at a deeper level counts its missing parents as used at their
        # start: after "1)" at level 2 with no level-1 item before it, the next level-1
        # item is "2)", not "1)" (Word, and LibreOffice likewise).
        for shallower in range(ilvl):
            if shallower not in values:
                values[shallower] = pending.pop(shallower, resolved.level(shallower).start)
        for deeper in [index for index in values if index > ilvl]:
            restart = resolved.level(deeper).restart
            if restart is None or (restart > 0 and ilvl < restart):
                del values[deeper]
        language = self.numbering.styles.language(style_id)
        return Label(_render(level, resolved, values, pending, language), ilvl, level.fmt)


def _render(
    level: Level,
    resolved: _Resolved,
    values: dict[int, int],
    pending: dict[int, int],
    language: str = "",
) -> str:
    if level.fmt == "bullet":
        return "".join(_BULLET_GLYPHS.get(ch, ch) for ch in level.text)
    out: list[str] = []
    text = level.text
    index = 0
    while index < len(text):
        char = text[index]
        if char == "%" and index + 1 < len(text) and text[index + 1].isdigit():
            ref = int(text[index + 1]) - 1
            index += 2
            if not 0 <= ref < LEVELS:
                continue
            referred = resolved.level(ref)
            value = values.get(ref, pending.get(ref, referred.start))
            # isLgl turns roman and letter counters into Arabic numerals; a
            # decimalZero level keeps its zero ("Article I" + "Section %1.%2" with
            # a decimalZero level 2 → "Section 1.01", as Word prints it).
            fmt = referred.fmt
            if level.legal and fmt not in ("none", "decimalZero"):
                fmt = "decimal"
            out.append(format_number(value, fmt, referred.custom, language))
            continue
        out.append(char)
        index += 1
    return "".join(out)


def _levels(abstract: etree._Element) -> dict[int, Level]:
    levels: dict[int, Level] = {}
    for element in abstract.iterchildren(qn("w:lvl")):
        ilvl = int_or(wval(element, "ilvl"), -1)
        if 0 <= ilvl < LEVELS and ilvl not in levels:
            levels[ilvl] = _level(element, ilvl)
    return levels


def _level(element: etree._Element, ilvl: int) -> Level:
    fmt_element = _num_fmt(element)
    text_element = first_child(element, qn("w:lvlText"))
    restart = first_child(element, qn("w:lvlRestart"))
    return Level(
        ilvl=ilvl,
        start=int_or(wval(first_child(element, qn("w:start"))), 0),
        fmt=(wval(fmt_element) or "decimal") if fmt_element is not None else "decimal",
        text=(wval(text_element) or "") if text_element is not None else "",
        restart=int_or(wval(restart), 0) if restart is not None else None,
        legal=on(first_child(element, qn("w:isLgl"))),
        style=wval(first_child(element, qn("w:pStyle"))),
        custom=(wval(fmt_element, "format") or "") if fmt_element is not None else "",
    )


def _num_fmt(lvl: etree._Element) -> etree._Element | None:
    """w:numFmt, looking inside mc:AlternateContent (Word 2010+ writes custom formats
    such as "001, 002, ..." in an mc:Choice with a decimalZero fallback)."""
    direct = first_child(lvl, qn("w:numFmt"))
    if direct is not None:
        return direct
    for alternate in lvl.iterchildren(qn("mc:AlternateContent")):
        for branch in alternate:
            found = first_child(branch, qn("w:numFmt"))
            if found is not None:
                return found
    return None
