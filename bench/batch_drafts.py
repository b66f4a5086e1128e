"""Provides small generated draft pairs for `draftdiff batch` tests and benchmarks.

Each pair is a short supply agreement between two parties whose new version differs
from the old by a few of the changes negotiators look for (a weakened duty, a removed
guarantee, a changed amount, a new condition, a reassigned duty), chosen by the pair's
number, so a thousand pairs are a thousand different comparisons.
"""

from __future__ import annotations

from pathlib import Path

PARTIES = (
    ("Acme Supply Ltd", "Supplier", "Borealis Mining plc", "Buyer"),
    ("Norland Energy AS", "Seller", "Velmora Grid SA", "Purchaser"),
    ("Kestrel Components GmbH", "Supplier", "Halcyon Motors Inc.", "Customer"),
    ("Tamsin Foods BV", "Vendor", "Orchard Retail Ltd", "Retailer"),
)

OLD = (
    ("Delivery", "The {A} shall deliver the Goods to the {B} within {days} days of each order."),
    ("Payment", "The {B} shall pay each invoice within {pay} days of receipt."),
    ("Warranty", "The {A} guarantees that the Goods are free of defects for {months} months."),
    ("Termination", "The {B} may terminate this Agreement on {notice} days' written notice."),
    ("Confidentiality", "The {A} shall not disclose Confidential Information to any third party."),
    ("Indemnity", "The {A} shall indemnify the {B} against all losses arising from a breach."),
)


def draft_pair(n: int) -> tuple[str, str]:
    """The old and new text of pair number `n`."""
    a, a_short, b, b_short = PARTIES[n % len(PARTIES)]
    values = {
        "days": 10 + n % 20,
        "pay": 30 + n % 4 * 15,
        "months": 6 + n % 3 * 6,
        "notice": 30 + n % 5 * 10,
    }
    old = [(title, text.format(A=a_short, B=b_short, **values)) for title, text in OLD]
    new = list(old)
    # Which changes this pair makes: the bits of n, so neighbours differ.
    if n & 1:
        new[0] = (
            new[0][0],
            new[0][1].replace("shall deliver", "shall use reasonable efforts to deliver"),
        )
    if n & 2:
        del new[2]
    if n & 4:
        title, text = new[1]
        new[1] = (
            title,
            text.replace(f"within {values['pay']} days", f"within {values['pay'] + 15} days"),
        )
    if n & 8:
        title, text = new[-1]
        new[-1] = (title, "Subject to applicable law, " + text[0].lower() + text[1:])
    if n & 16:
        title, text = new[3]
        new[3] = (title, text.replace(f"The {b_short} may", f"The {a_short} may"))
    if n % 7 == 0:
        new.append(
            (
                "Audit",
                f"The {a_short} shall keep complete records and make them available "
                f"to the {b_short}.",
            )
        )
    return _document(a, a_short, b, b_short, old, n, "1"), _document(
        a, a_short, b, b_short, new, n, "2"
    )


def _document(
    a: str, a_short: str, b: str, b_short: str, clauses: list[tuple[str, str]], n: int, v: str
) -> str:
    lines = [
        f"# Supply Agreement No. {n}",
        "",
        f"Draft {v}",
        "",
        f'This Agreement is made between {a} (the "{a_short}") and {b} (the "{b_short}").',
        "",
    ]
    for k, (title, text) in enumerate(clauses, start=1):
        lines += [f"## {k}. {title}", "", f"{k}.1 {text}", ""]
    return "\n".join(lines)


def write_pairs(folder: Path, count: int, start: int = 0) -> list[tuple[Path, Path]]:
    """Write `count` pairs into `folder` (old and new Markdown files); their paths."""
    folder.mkdir(parents=True, exist_ok=True)
    out = []
    for n in range(start, start + count):
        old_text, new_text = draft_pair(n)
        old, new = folder / f"supply-{n:04d}-v1.md", folder / f"supply-{n:04d}-v2.md"
        old.write_text(old_text, encoding="utf-8")
        new.write_text(new_text, encoding="utf-8")
        out.append((old, new))
    return out


def write_manifest(path: Path, pairs: list[tuple[Path, Path]]) -> Path:
    """A CSV manifest listing the pairs (paths relative to the manifest's folder)."""
    rows = ["old,new"] + [
        f"{o.relative_to(path.parent).as_posix()},{w.relative_to(path.parent).as_posix()}"
        for o, w in pairs
    ]
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    return path
