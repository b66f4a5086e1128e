"""What every self-contained HTML page draftdiff writes shares: its Jinja2 template,
its inlined CSS and script, and the Content-Security-Policy that allows exactly those.

The change report (html.py), the history report (history_html.py) and the batch index
(batch_index.py) are single files meant to be mailed and archived: nothing is fetched,
and a page must not be able to run anything but its own inlined script.
"""

from __future__ import annotations

import base64
import hashlib
from functools import cache
from importlib import resources

import jinja2


@cache
def template(name: str) -> jinja2.Template:
    """A template of templates/: every {{ }} is escaped, since document text and
    manifest names reach the page and are never marked safe."""
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("draftdiff.render", "templates"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    return env.get_template(name)


@cache
def asset(name: str) -> str:
    """A CSS or script file of templates/, to be inlined verbatim."""
    text = resources.files("draftdiff.render").joinpath("templates", name).read_text("utf-8")
    closing = "</style" if name.endswith(".css") else "</script"
    # Inlined verbatim, so it must not be able to close its own element early.
    if closing in text.lower():
        raise ValueError(f"{name} contains {closing}")
    return text


def csp(css: str, js: str | None = None) -> str:
    """A policy allowing the one inlined style block, the one inlined script (or no
    script at all) and nothing else: no fetches, images, frames or form posts."""

    def digest(text: str) -> str:
        return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode()).digest()).decode() + "'"

    scripts = digest(js) if js is not None else "'none'"
    return (
        f"default-src 'none'; style-src {digest(css)}; script-src {scripts}; "
        "img-src 'none'; connect-src 'none'; base-uri 'none'; form-action 'none'"
    )
