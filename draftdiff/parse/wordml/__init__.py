"""Provides element-level WordprocessingML helpers that python-docx leaves to its users.

python-docx opens the package and hands over lxml elements; this package reads
what Word *shows* from them:

    package.py    open a .docx safely (zip-bomb and size checks, no XML entities)
    styles.py     paragraph styles: names, basedOn chains, numbering, heading levels
    numfmt.py     counter values as Word prints them (decimal, roman, ordinalText ...)
    numbering.py  list labels from numbering.xml: levels, overrides, counters
    revisions.py  tracked-change views (all accepted / all rejected) and counts
    content.py    the text of paragraphs, runs, fields, notes; the body in order

`draftdiff/parse/read_docx.py` turns what this package reads into Blocks.
"""
