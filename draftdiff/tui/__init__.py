"""Provides the terminal browser: `draftdiff OLD NEW` on a terminal (Textual).

The only package that imports textual (tests/test_import_hygiene.py checks). The plain
parts are importable on their own: `model` (outline rows, filters, navigation),
`history` (a clause across versions), `versions` (drafts and their comparisons),
`texts` (styled text), `export` (the `e` report), `background` (slow work off screen).
The app is `draftdiff.tui.app.DraftdiffApp`.
"""
