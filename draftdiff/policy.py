"""Provides policies for `draftdiff check`: rules a comparison must not break.

A policy is a list of rules; a Comparison breaks a rule when it holds a change
or a ledger figure the rule forbids. Three kinds of rule:

    fail_on        changes of these types (codes, or "family.*"), optionally only
                   those about one party, in one clause (and the clauses under
                   it), or of a minimum severity
    ledger         a party's count (duties, or one kind of provision) rises or
                   falls by more than N between the versions
    one_sidedness  the share of duties on the most burdened party exceeds a limit

`--fail-on CODES` on the command line is a policy of one `fail_on` rule. Policy
files are YAML (see examples/draftdiff-policy.yaml); like schema files they are
read without constructing arbitrary objects, and every error names the file,
line and key:

    policy.yaml:7: rules[1].fail_on[0]: unknown change type 'guarantee.remove'
    (did you mean 'guarantee.removed'?)

A policy file may also name the parties (a `parties:` mapping, as in a
`--parties` file; see draftdiff/parse/given_parties.py); they then replace the
parties found automatically.

A rule that cannot be evaluated is an error, never a pass: a party that neither
version knows (or, for ledger rules, that is no party of the ledger), a clause
that neither version has, a one-sidedness limit where fewer than two parties are
known. The error names the policy file and the rule's line.

Evaluation reads the Comparison only; this module renders nothing.
"""

from __future__ import annotations

import contextlib
import difflib
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

import yaml

from draftdiff.diff.result import (
    CHANGE_TYPES,
    LEDGER_KINDS,
    Change,
    Comparison,
    PartyLedger,
    Severity,
)
from draftdiff.errors import InputError, PolicyError
from draftdiff.model import Party
from draftdiff.parse.given_parties import parties_from_node
from draftdiff.render.labels import change_codes, summary_after_label

FAMILIES = tuple(dict.fromkeys(code.split(".", 1)[0] for code in CHANGE_TYPES))
COUNTS = ("duties", *LEDGER_KINDS)
"""What a ledger rule can count: duties (binding obligations, prohibitions, guarantees) or one
kind of provision."""


# --- the model -------------------------------------------------------------------------


@dataclass(frozen=True)
class ChangeRule:
    """Fail on any change of these types (about `party`, at least `min_severity`)."""

    name: str
    types: tuple[str, ...]
    """Codes, or "family.*" for every code of a family."""
    party: str | None = None
    min_severity: Severity = Severity.INFO
    line: int | None = None
    """Where the rule starts in its policy file (None for --fail-on)."""
    clause: str | None = None
    """Only changes in this clause or a clause under it ("4", "4.2", "Article 7")."""

    def matches(
        self,
        change: Change,
        party: str | None,
        clauses: tuple[frozenset[str], frozenset[str]] | None = None,
    ) -> bool:
        if change.severity.rank > self.min_severity.rank:
            return False
        if party is not None and change.party != party:
            return False
        if clauses is not None and not (
            change.old_clause in clauses[0] or change.new_clause in clauses[1]
        ):
            return False
        # A change matches by its type or by any facet (clause.added folded into the
        # obligation.added of the same new clause still fails a clause.added rule).
        return any(
            code == t or (t.endswith(".*") and code.split(".", 1)[0] == t[:-2])
            for t in self.types
            for code in change.codes
        )


@dataclass(frozen=True)
class LedgerRule:
    """Fail when a party's count changes by more than allowed."""

    name: str
    party: str
    count: str = "duties"
    rises_by_more_than: int | None = None
    falls_by_more_than: int | None = None
    line: int | None = None


@dataclass(frozen=True)
class BalanceRule:
    """Fail when the new version's one-sidedness exceeds `above` (0..1)."""

    name: str
    above: float
    line: int | None = None


Rule = ChangeRule | LedgerRule | BalanceRule


@dataclass(frozen=True)
class Policy:
    rules: tuple[Rule, ...]
    source: str = ""
    """The policy file as the user named it ("" for --fail-on)."""
    parties: tuple[Party, ...] = ()
    """The parties its `parties:` block names (they replace the ones found)."""


@dataclass(frozen=True)
class Violation:
    """One broken rule: what happened, where, and which rule it broke."""

    rule: Rule
    message: str
    clauses: tuple[str, ...] = ()
    """The clause(s) the violation is about, as printed ("4.3", "4.3 (old)")."""
    change: Change | None = None


# --- codes --------------------------------------------------------------------------


def check_code(code: str) -> str | None:
    """None when `code` is a change code or "family.*"; else what is wrong with it."""
    if code in CHANGE_TYPES:
        return None
    if code.endswith(".*") and code[:-2] in FAMILIES:
        return None
    options = [*CHANGE_TYPES, *(f"{f}.*" for f in FAMILIES)]
    close = difflib.get_close_matches(code, options, n=1, cutoff=0.6)
    if close:
        return f"unknown change type {code!r} (did you mean {close[0]!r}?)"
    return f"unknown change type {code!r} (codes look like 'guarantee.removed' or 'obligation.*')"


def parse_codes(values: Iterable[str]) -> tuple[str, ...]:
    """Codes from `--fail-on` values ("a,b" and repeated options); PolicyError names the
    first unknown one."""
    codes: list[str] = []
    for value in values:
        for code in value.split(","):
            code = code.strip()
            if not code:
                continue
            problem = check_code(code)
            if problem:
                raise PolicyError(problem, path="--fail-on")
            if code not in codes:
                codes.append(code)
    if not codes:
        raise PolicyError("no change types given", path="--fail-on", hint="e.g. guarantee.removed")
    return tuple(codes)


def policy_from_codes(codes: Sequence[str]) -> Policy:
    return Policy((ChangeRule("--fail-on " + ",".join(codes), tuple(codes)),))


# --- evaluation -----------------------------------------------------------------------


def evaluate(policy: Policy, comparison: Comparison) -> tuple[Violation, ...]:
    """Every violation of every rule, rule by rule, in the Comparison's change order."""
    out: list[Violation] = []
    for rule in policy.rules:
        if isinstance(rule, ChangeRule):
            out.extend(_change_violations(policy, rule, comparison))
        elif isinstance(rule, LedgerRule):
            out.extend(_ledger_violations(policy, rule, comparison))
        else:
            out.extend(_balance_violations(policy, rule, comparison))
    return tuple(out)


def _change_violations(policy: Policy, rule: ChangeRule, comp: Comparison) -> list[Violation]:
    party = _party(policy, rule, rule.party, comp) if rule.party else None
    clauses = _clauses(policy, rule, rule.clause, comp) if rule.clause else None
    found = []
    for change in comp.changes:
        if rule.matches(change, party, clauses):
            where = _where(change)
            who = f" [{change.party}]" if change.party else ""
            codes = change_codes(change)
            summary = summary_after_label(change) if where else change.summary
            message = f"{codes} ({change.severity.value}){who}: {summary}"
            found.append(Violation(rule, message, (where,) if where else (), change))
    return found


def _ledger_violations(policy: Policy, rule: LedgerRule, comp: Comparison) -> list[Violation]:
    party = _party(policy, rule, rule.party, comp, ledger=True)
    old, new = comp.ledger_old.get(party), comp.ledger_new.get(party)
    before, after = _count(old, rule.count), _count(new, rule.count)
    delta = after - before
    what = f"{party}'s {rule.count if rule.count == 'duties' else rule.count + 's'}"
    if rule.rises_by_more_than is not None and delta > rule.rises_by_more_than:
        gained = _ids(new, rule.count) - _ids(old, rule.count)
        message = (
            f"{what} rose from {before} to {after} (+{delta}, more than "
            f"+{rule.rises_by_more_than} allowed)"
        )
        return [Violation(rule, message, tuple(sorted(gained)))]
    if rule.falls_by_more_than is not None and -delta > rule.falls_by_more_than:
        lost = _ids(old, rule.count) - _ids(new, rule.count)
        message = (
            f"{what} fell from {before} to {after} (−{-delta}, more than "
            f"−{rule.falls_by_more_than} allowed)"
        )
        return [Violation(rule, message, tuple(f"{i} (old)" for i in sorted(lost)))]
    return []


def _balance_violations(policy: Policy, rule: BalanceRule, comp: Comparison) -> list[Violation]:
    if len(comp.ledger_new.parties) < 2:
        # A share of one party's duties is always 100 %: no figure to hold the limit to.
        raise PolicyError(
            f"rule {rule.name!r}: one-sidedness cannot be computed for {comp.new.path}: "
            + comp.ledger_new.balance_note().removeprefix("not computed: "),
            path=_rule_where(policy, rule),
            hint=_NAME_PARTIES,
        )
    share, heaviest = comp.ledger_new.one_sidedness(), comp.ledger_new.heaviest()
    if share is None or heaviest is None or share <= rule.above:
        return []
    old = comp.ledger_old.one_sidedness()
    was = f", was {old:.0%}" if old is not None else ""
    message = (
        f"one-sidedness is {share:.0%}{was} ({heaviest.party} bears {heaviest.duties} of "
        f"{sum(e.duties for e in comp.ledger_new)} duties), above the {rule.above:.0%} allowed"
    )
    return [Violation(rule, message)]


def _norm(name: str) -> str:
    """A party name for matching: case and a leading "the" do not matter."""
    return re.sub(r"^the\s+", "", " ".join(name.split()).casefold())


def _count(entry: PartyLedger, count: str) -> int:
    return entry.duties if count == "duties" else len(getattr(entry, count))


def _ids(entry: PartyLedger, count: str) -> set[str]:
    # Duties are the binding obligations (not weak commitments), prohibitions, guarantees.
    kinds = ("binding", "prohibition", "guarantee") if count == "duties" else (count,)
    return {i for kind in kinds for i in getattr(entry, kind)}


def _where(change: Change) -> str:
    if change.new_clause is not None:
        return change.new_clause
    if change.old_clause is not None:
        return f"{change.old_clause} (old)"
    return ""


_NAME_PARTIES = 'name the parties in a parties: block of the policy or with --party "NAME=ALIAS"'


def _rule_where(policy: Policy, rule: Rule) -> str | None:
    if policy.source and rule.line:
        return f"{policy.source}:{rule.line}"
    return policy.source or None


def _party(policy: Policy, rule: Rule, name: str, comp: Comparison, *, ledger: bool = False) -> str:
    """The party a rule names, by its name or any alias in either version; a name no
    document, change or ledger knows is an error (a typo must not pass silently). A
    ledger rule must name a party of the documents: a non-party actor ("the Fund", or a
    party the preamble reading missed) has no ledger to hold to a limit."""
    wanted = _norm(name)
    for doc in (comp.new, comp.old):
        for party in doc.parties:
            if wanted in (_norm(n) for n in party.names()):
                return party.name
    where = _rule_where(policy, rule)
    known = comp.parties()
    bearers = [e.party for ledger in (comp.ledger_new, comp.ledger_old) for e in ledger.others]
    for other in dict.fromkeys((*known, *bearers)):
        if _norm(other) == wanted:
            if not ledger:
                return other
            parties = ", ".join(
                dict.fromkeys(p.name for d in (comp.new, comp.old) for p in d.parties)
            )
            raise PolicyError(
                f"rule {rule.name!r}: {name!r} bears provisions but is no party of either "
                f"version, so it has no ledger (parties: {parties or 'none found'})",
                path=where,
                hint=_NAME_PARTIES,
            )
    names = ", ".join(known) or "none found"
    raise PolicyError(
        f"rule {rule.name!r}: no party named {name!r} in either version",
        path=where,
        hint=f"parties: {names}",
    )


def _clauses(
    policy: Policy, rule: Rule, wanted: str, comp: Comparison
) -> tuple[frozenset[str], frozenset[str]]:
    """Ids of the clause a rule names and the clauses under it, in each version; a clause
    neither version has is an error."""
    key = _clause_key(wanted)
    found: list[frozenset[str]] = []
    for doc in (comp.old, comp.new):
        ids: set[str] = set()
        for clause in doc.walk():
            if key in (_clause_key(clause.id), _clause_key(clause.number)):
                ids.update(c.id for c in clause.walk())
        found.append(frozenset(ids))
    if not (found[0] or found[1]):
        raise PolicyError(
            f"rule {rule.name!r}: no clause {wanted!r} in either version",
            path=_rule_where(policy, rule),
            hint="give the clause number as the document prints it, e.g. 4.2",
        )
    return found[0], found[1]


def _clause_key(number: str) -> str:
    """ "Article 7." -> "7", "§ 4.2" -> "4.2": the number without its word and dots."""
    text = re.sub(r"^(?:article|section|clause|art\.|§)\s*", "", number.strip(), flags=re.I)
    return text.rstrip(".").casefold()


# --- loading ---------------------------------------------------------------------------

_TOP_KEYS = ("rules", "description", "parties")
_RULE_KEYS = (
    "name",
    "description",
    "fail_on",
    "party",
    "clause",
    "min_severity",
    "ledger",
    "one_sidedness",
)
_KINDS = ("fail_on", "ledger", "one_sidedness")
_LEDGER_KEYS = ("party", "count", "rises_by_more_than", "falls_by_more_than")
_BALANCE_KEYS = ("above",)


def load_policy(path: str | Path) -> Policy:
    """Read and check a policy file; PolicyError names file, line and key."""
    display = str(path)
    try:
        text = Path(path).read_text(encoding="utf-8")
    except FileNotFoundError:
        raise PolicyError("no such policy file", path=display) from None
    except IsADirectoryError:
        raise PolicyError("is a directory, not a policy file", path=display) from None
    except UnicodeDecodeError:
        raise PolicyError("policy file is not UTF-8 text", path=display) from None
    except OSError as err:
        raise PolicyError(f"cannot read policy file: {err.strerror}", path=display) from None
    return parse_policy(text, display)


def parse_policy(text: str, display: str = "policy") -> Policy:
    """A policy from YAML text; `display` names it in errors."""
    reader = _Reader(display)
    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.MarkedYAMLError as err:
        mark = err.problem_mark or err.context_mark
        problem = err.problem or err.context or "invalid YAML"
        raise reader.error(
            mark.line + 1 if mark else None, "", f"invalid YAML: {problem}"
        ) from None
    except yaml.YAMLError as err:
        raise PolicyError(f"invalid YAML: {err}", path=display) from None
    if not isinstance(root, yaml.MappingNode):
        line = root.start_mark.line + 1 if root is not None else 1
        raise reader.error(line, "", "a policy file must be a YAML mapping with a `rules:` list")
    top = reader.mapping(root, "", _TOP_KEYS)
    if "rules" not in top:
        raise reader.error(root.start_mark.line + 1, "", "missing required key 'rules'")
    rules_node = top["rules"]
    if not isinstance(rules_node, yaml.SequenceNode) or not rules_node.value:
        raise reader.error(_line(rules_node), "rules", "must be a non-empty list of rules")
    rules = tuple(reader.rule(node, i) for i, node in enumerate(rules_node.value))
    parties: tuple[Party, ...] = ()
    if "parties" in top:
        try:
            parties = parties_from_node(top["parties"], display)
        except InputError as err:  # a policy's own problem: reported as a policy error
            raise PolicyError(err.message, path=err.path, hint=err.hint) from None
    return Policy(rules, display, parties)


def _line(node: yaml.Node) -> int:
    return int(node.start_mark.line) + 1


class _Reader:
    """Turns YAML nodes into rules, raising PolicyError at the offending node."""

    def __init__(self, display: str) -> None:
        self.display = display

    def error(self, line: int | None, key: str, message: str, hint: str = "") -> PolicyError:
        where = f"{self.display}:{line}" if line else self.display
        return PolicyError(f"{key}: {message}" if key else message, path=where, hint=hint)

    def mapping(self, node: yaml.Node, key: str, allowed: Sequence[str]) -> dict[str, yaml.Node]:
        if not isinstance(node, yaml.MappingNode):
            raise self.error(_line(node), key, "must be a mapping (key: value lines)")
        out: dict[str, yaml.Node] = {}
        for key_node, value_node in node.value:
            name = str(key_node.value)
            here = f"{key}.{name}" if key else name
            if name in out:
                raise self.error(_line(key_node), here, "key appears twice")
            if name not in allowed:
                close = difflib.get_close_matches(name, allowed, n=1)
                hint = (
                    f"did you mean {close[0]!r}?"
                    if close
                    else "expected one of: " + ", ".join(allowed)
                )
                raise self.error(
                    _line(key_node), key or "(top level)", f"unknown key {name!r}", hint
                )
            out[name] = value_node
        return out

    def scalar(self, node: yaml.Node, key: str) -> object:
        if not isinstance(node, yaml.ScalarNode):
            raise self.error(_line(node), key, "must be a single value")
        return yaml.SafeLoader("").construct_object(node)

    def text(self, node: yaml.Node, key: str) -> str:
        value = self.scalar(node, key)
        if not isinstance(value, str) or not value.strip():
            raise self.error(_line(node), key, "must be a non-empty text")
        return value.strip()

    def count(self, node: yaml.Node, key: str) -> int:
        value = self.scalar(node, key)
        if isinstance(value, bool) or not isinstance(value, int) or value < 0:
            raise self.error(_line(node), key, "must be a whole number, 0 or more")
        return value

    def share(self, node: yaml.Node, key: str) -> float:
        value = self.scalar(node, key)
        if isinstance(value, str) and value.strip().endswith("%"):
            with contextlib.suppress(ValueError):  # not a number: reported just below
                value = float(value.strip()[:-1]) / 100
        if isinstance(value, bool) or not isinstance(value, int | float) or not 0 <= value <= 1:
            raise self.error(_line(node), key, "must be a share between 0 and 1, or a percentage")
        return float(value)

    def codes(self, node: yaml.Node, key: str) -> tuple[str, ...]:
        items: list[tuple[str, yaml.Node, str]] = []
        if isinstance(node, yaml.SequenceNode):
            for i, item in enumerate(node.value):
                items.append((self.text(item, f"{key}[{i}]"), item, f"{key}[{i}]"))
        else:
            for part in self.text(node, key).split(","):
                items.append((part.strip(), node, key))
        codes: list[str] = []
        for code, item, where in items:
            problem = check_code(code)
            if problem:
                raise self.error(_line(item), where, problem)
            codes.append(code)
        if not codes:
            raise self.error(_line(node), key, "must list at least one change type")
        return tuple(codes)

    def rule(self, node: yaml.Node, index: int) -> Rule:
        key = f"rules[{index}]"
        fields = self.mapping(node, key, _RULE_KEYS)
        line = _line(node)
        kinds = [k for k in _KINDS if k in fields]
        if len(kinds) != 1:
            found = " and ".join(kinds) if kinds else "none"
            raise self.error(
                line, key, f"a rule needs exactly one of fail_on, ledger, one_sidedness ({found})"
            )
        name = self.text(fields["name"], f"{key}.name") if "name" in fields else f"rule {index + 1}"
        for only in ("party", "clause", "min_severity"):
            if only in fields and kinds[0] != "fail_on":
                raise self.error(
                    _line(fields[only]),
                    f"{key}.{only}",
                    f"belongs to a fail_on rule; a {kinds[0]} rule names its party inside",
                )
        if kinds[0] == "fail_on":
            types = self.codes(fields["fail_on"], f"{key}.fail_on")
            party = self.text(fields["party"], f"{key}.party") if "party" in fields else None
            severity = Severity.INFO
            if "min_severity" in fields:
                raw = self.text(fields["min_severity"], f"{key}.min_severity")
                if raw not in {s.value for s in Severity}:
                    raise self.error(
                        _line(fields["min_severity"]),
                        f"{key}.min_severity",
                        f"unknown severity {raw!r}",
                        "one of: high, medium, low, info",
                    )
                severity = Severity(raw)
            clause = None
            if "clause" in fields:
                clause = str(self.scalar(fields["clause"], f"{key}.clause")).strip()
                if not clause:
                    raise self.error(
                        _line(fields["clause"]), f"{key}.clause", "must be a clause number"
                    )
            return ChangeRule(name, types, party, severity, line, clause)
        if kinds[0] == "ledger":
            where = f"{key}.ledger"
            spec = self.mapping(fields["ledger"], where, _LEDGER_KEYS)
            if "party" not in spec:
                raise self.error(_line(fields["ledger"]), where, "missing required key 'party'")
            count = "duties"
            if "count" in spec:
                count = self.text(spec["count"], f"{where}.count")
                if count not in COUNTS:
                    raise self.error(
                        _line(spec["count"]),
                        f"{where}.count",
                        f"unknown count {count!r}",
                        "one of: " + ", ".join(COUNTS),
                    )
            limits = [k for k in ("rises_by_more_than", "falls_by_more_than") if k in spec]
            if not limits:
                raise self.error(
                    _line(fields["ledger"]),
                    where,
                    "needs rises_by_more_than or falls_by_more_than (or both)",
                )
            return LedgerRule(
                name,
                self.text(spec["party"], f"{where}.party"),
                count,
                self.count(spec["rises_by_more_than"], f"{where}.rises_by_more_than")
                if "rises_by_more_than" in spec
                else None,
                self.count(spec["falls_by_more_than"], f"{where}.falls_by_more_than")
                if "falls_by_more_than" in spec
                else None,
                line,
            )
        where = f"{key}.one_sidedness"
        spec = self.mapping(fields["one_sidedness"], where, _BALANCE_KEYS)
        if "above" not in spec:
            raise self.error(_line(fields["one_sidedness"]), where, "missing required key 'above'")
        return BalanceRule(name, self.share(spec["above"], f"{where}.above"), line)
