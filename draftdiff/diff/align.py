"""Provides clause alignment: which clause of the old version is which of the new.

Content first, numbering second, so renumbering and moves are recognised rather
than reported as deletions and insertions:

1. anchors - clauses whose words are the same (ignoring case, punctuation and
   whitespace). Keys unique on both sides are paired and their longest
   increasing run (patience diff) fixes the common order; the gaps between
   anchors are then diffed on the keys they share, which pairs repeated texts.
2. exact moves - same words, out of that order.
3. similar text - candidates come from an index of the words each clause has
   that are rare in the document, so no step compares every clause with every
   other; a pair inside the same gap of anchors is a modification, one across
   gaps a move.
4. numbering - what is left with the same id in the same gap, if it still shares
   some words, is the same clause rewritten.
5. splits and merges - an unpaired clause next to a modified one whose words it
   took or gave.
6. the rest is added or removed.

Every step is linear or n log n in the number of clauses, apart from diffs
inside gaps, which are small when documents are mostly unchanged.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter, defaultdict, deque
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import pairwise

from draftdiff.diff.result import Op, Status
from draftdiff.diff.textdiff import cosmetic_key, diff_sequences, similarity, words
from draftdiff.model import Clause

# A reworded clause keeps at least this share of its words (Dice coefficient).
MODIFIED_THRESHOLD = 0.5
# A clause that also moved must be closer to its old self to be believed.
MOVED_THRESHOLD = 0.6
# Same number, same place: the same clause even if more heavily rewritten.
SAME_NUMBER_THRESHOLD = 0.2
# A word in more clauses than this share of the document is too common to index.
COMMON_WORD_SHARE = 0.05
COMMON_WORD_MIN = 12
CANDIDATES_PER_CLAUSE = 8
# A neighbour is absorbed into a split/merge when this share of its words is found
# in the other side and the pair's similarity rises by at least SPLIT_GAIN.
SPLIT_CONTAINMENT = 0.7
SPLIT_GAIN = 0.05
MAX_SPLIT_PARTS = 4


@dataclass(frozen=True)
class Link:
    """One aligned group: indices into the old and new clause lists (pre-order)."""

    status: Status
    old: tuple[int, ...]
    new: tuple[int, ...]


def align(old: Sequence[Clause], new: Sequence[Clause]) -> list[Link]:
    """Align two versions' clauses (each in document order). Every index of both
    sides appears in exactly one Link; links come in reading order of the new
    version, removed clauses placed after the clause that preceded them."""
    return _Aligner(old, new).run()


class _Aligner:
    def __init__(self, old: Sequence[Clause], new: Sequence[Clause]) -> None:
        self.old = old
        self.new = new
        self.old_keys = [cosmetic_key(c.text) for c in old]
        self.new_keys = [cosmetic_key(c.text) for c in new]
        self.a_to_b: dict[int, int] = {}
        self.b_to_a: dict[int, int] = {}
        self.status: dict[int, Status] = {}  # keyed by old index
        self.anchors: list[tuple[int, int]] = []

    # --- driver ---

    def run(self) -> list[Link]:
        self._anchor_identical()
        self._pair_exact_moves()
        self._pair_similar()
        self._pair_same_number()
        groups = self._absorb_splits_and_merges()
        return self._ordered_links(groups)

    def _link(self, a: int, b: int, status: Status) -> None:
        self.a_to_b[a] = b
        self.b_to_a[b] = a
        self.status[a] = status

    # --- 1. anchors ---

    def _anchor_identical(self) -> None:
        old_count = Counter(self.old_keys)
        new_count = Counter(self.new_keys)
        new_pos = {k: j for j, k in enumerate(self.new_keys) if new_count[k] == 1}
        unique = [
            (i, new_pos[k])
            for i, k in enumerate(self.old_keys)
            if old_count[k] == 1 and k in new_pos
        ]
        anchors = _longest_increasing(unique)
        # Diff each gap on the keys both of its sides contain: pairs repeated texts
        # ("Reserved.") in order without comparing unrelated clauses.
        full: list[tuple[int, int]] = []
        bounds = [(-1, -1), *anchors, (len(self.old), len(self.new))]
        for (a0, b0), (a1, b1) in pairwise(bounds):
            full.extend(self._diff_gap(range(a0 + 1, a1), range(b0 + 1, b1)))
            if a1 < len(self.old):
                full.append((a1, b1))
        self.anchors = full
        for a, b in full:
            if not same_number(self.old[a], self.new[b]):
                self._link(a, b, Status.RENUMBERED)
            elif self.old[a].text == self.new[b].text:
                self._link(a, b, Status.UNCHANGED)
            else:
                self._link(a, b, Status.MODIFIED)  # cosmetic: same words, other marks

    def _diff_gap(self, olds: range, news: range) -> list[tuple[int, int]]:
        if not olds or not news:
            return []
        shared = {self.old_keys[i] for i in olds} & {self.new_keys[j] for j in news}
        if not shared:
            return []
        a_idx = [i for i in olds if self.old_keys[i] in shared]
        b_idx = [j for j in news if self.new_keys[j] in shared]
        pairs: list[tuple[int, int]] = []
        i = j = 0
        for op, n in diff_sequences(
            [self.old_keys[x] for x in a_idx], [self.new_keys[x] for x in b_idx]
        ):
            if op is Op.EQUAL:
                pairs.extend((a_idx[i + k], b_idx[j + k]) for k in range(n))
                i += n
                j += n
            elif op is Op.DELETE:
                i += n
            else:
                j += n
        return pairs

    # --- 2. exact moves ---

    def _pair_exact_moves(self) -> None:
        waiting: dict[str, deque[int]] = defaultdict(deque)
        for j, key in enumerate(self.new_keys):
            if j not in self.b_to_a:
                waiting[key].append(j)
        for i, key in enumerate(self.old_keys):
            if i in self.a_to_b or not waiting.get(key):
                continue
            j = waiting[key].popleft()
            self._link(i, j, Status.MOVED)

    # --- 3. similar text ---

    def _gap_of(self) -> tuple[list[int], list[int]]:
        """Gap number of every clause on each side: how many anchors precede it."""
        anchor_a = sorted(a for a, _ in self.anchors)
        anchor_b = sorted(b for _, b in self.anchors)
        gap_a = [bisect.bisect_left(anchor_a, i) for i in range(len(self.old))]
        gap_b = [bisect.bisect_left(anchor_b, j) for j in range(len(self.new))]
        return gap_a, gap_b

    def _pair_similar(self) -> None:
        free_a = [i for i in range(len(self.old)) if i not in self.a_to_b]
        free_b = [j for j in range(len(self.new)) if j not in self.b_to_a]
        if not free_a or not free_b:
            return
        gap_a, gap_b = self._gap_of()
        new_words = {j: set(words(self.new[j].text)) for j in free_b}
        index: dict[str, list[int]] = defaultdict(list)
        for j in free_b:
            for word in new_words[j]:
                index[word].append(j)
        limit = max(COMMON_WORD_MIN, int(COMMON_WORD_SHARE * len(free_b)))
        by_gap: dict[int, list[int]] = defaultdict(list)
        for j in free_b:
            by_gap[gap_b[j]].append(j)

        scored: list[tuple[float, int, int, bool]] = []
        for i in free_a:
            hits: Counter[int] = Counter()
            for word in set(words(self.old[i].text)):
                postings = index.get(word, ())
                if len(postings) <= limit:
                    hits.update(postings)
            candidates = {j for j, _ in hits.most_common(CANDIDATES_PER_CLAUSE)}
            # Clauses made only of common words still meet their neighbours in the gap.
            candidates.update(by_gap.get(gap_a[i], ())[:CANDIDATES_PER_CLAUSE])
            for j in candidates:
                sim = similarity(self.old[i].text, self.new[j].text)
                same_gap = gap_a[i] == gap_b[j]
                if sim >= (MODIFIED_THRESHOLD if same_gap else MOVED_THRESHOLD):
                    # Prefer the candidate in the same place, then the one with the same id.
                    bonus = 0.05 * same_gap + 0.01 * (self.old[i].id == self.new[j].id)
                    scored.append((sim + bonus, i, j, same_gap))
        scored.sort(key=lambda s: (-s[0], s[1], s[2]))
        chosen: list[tuple[int, int, bool]] = []
        for _, i, j, same_gap in scored:
            if i in self.a_to_b or j in self.b_to_a:
                continue
            self.a_to_b[i], self.b_to_a[j] = j, i  # reserve; status set below
            chosen.append((i, j, same_gap))
        # Inside one gap, pairs that cross each other cannot all be in order: the
        # longest increasing run stays "modified", the others moved.
        in_gap = sorted((i, j) for i, j, same in chosen if same)
        ordered = set(_longest_increasing(in_gap))
        for i, j, _ in chosen:
            self.status[i] = Status.MODIFIED if (i, j) in ordered else Status.MOVED

    # --- 4. numbering second ---

    def _pair_same_number(self) -> None:
        gap_a, gap_b = self._gap_of()
        free_b: dict[tuple[int, str], int] = {}
        for j, clause in enumerate(self.new):
            if j not in self.b_to_a and clause.number:
                free_b.setdefault((gap_b[j], clause.id), j)
        for i, clause in enumerate(self.old):
            if i in self.a_to_b or not clause.number:
                continue
            match = free_b.get((gap_a[i], clause.id))
            if match is None or match in self.b_to_a:
                continue
            if similarity(clause.text, self.new[match].text) >= SAME_NUMBER_THRESHOLD:
                self._link(i, match, Status.MODIFIED)

    # --- 5. splits and merges ---

    def _absorb_splits_and_merges(self) -> list[Link]:
        links: list[Link] = []
        taken_a: set[int] = set()
        taken_b: set[int] = set()
        for a, b in sorted(self.a_to_b.items()):
            status = self.status[a]
            olds, news = [a], [b]
            if status is Status.MODIFIED:
                news = self._grow(self.old[a].text, b, self.new, self.b_to_a, taken_b)
                if len(news) == 1:
                    olds = self._grow(self.new[b].text, a, self.old, self.a_to_b, taken_a)
            if len(news) > 1:
                status = Status.SPLIT
            elif len(olds) > 1:
                status = Status.MERGED
            taken_a.update(olds)
            taken_b.update(news)
            links.append(Link(status, tuple(olds), tuple(news)))
        links.extend(
            Link(Status.REMOVED, (i,), ()) for i in range(len(self.old)) if i not in taken_a
        )
        links.extend(Link(Status.ADDED, (), (j,)) for j in range(len(self.new)) if j not in taken_b)
        return links

    def _grow(
        self,
        whole: str,
        start: int,
        side: Sequence[Clause],
        paired: dict[int, int],
        taken: set[int],
    ) -> list[int]:
        """Extend `start` with unpaired neighbours whose words come from `whole`."""
        parts = [start]
        whole_words = Counter(words(whole))
        best = similarity(whole, side[start].text)
        for step in (1, -1):
            k = start + step
            while 0 <= k < len(side) and len(parts) < MAX_SPLIT_PARTS:
                if k in paired or k in taken:
                    break
                candidate_words = Counter(words(side[k].text))
                size = sum(candidate_words.values())
                if size == 0:
                    break
                contained = sum((candidate_words & whole_words).values()) / size
                joined = sorted([*parts, k])
                sim = similarity(whole, " ".join(side[x].text for x in joined))
                if contained < SPLIT_CONTAINMENT or sim < best + SPLIT_GAIN:
                    break
                parts, best = joined, sim
                k += step
        return sorted(parts)

    # --- 6. reading order ---

    def _ordered_links(self, links: list[Link]) -> list[Link]:
        # Removed clauses go right after the group holding the nearest preceding old
        # clause that still exists; everything else in the new version's order.
        home_of_old: dict[int, int] = {}
        for link in links:
            if link.new:
                home_of_old.update((a, min(link.new)) for a in link.old)
        preceding_home: list[int] = []
        last = -1
        for a in range(len(self.old)):
            preceding_home.append(last)
            last = home_of_old.get(a, last)

        def key(link: Link) -> tuple[int, int, int]:
            if link.new:
                return (min(link.new), 0, 0)
            a = link.old[0]
            return (preceding_home[a], 1, a)

        return sorted(links, key=key)


def same_number(old: Clause, new: Clause) -> bool:
    """True when a clause kept its number. Unnumbered paragraphs have only positional
    ids ("¶3"), which shift with every paragraph added before them: they never count
    as renumbered, nor does the "(a)" of a definition ("1.1¶3(a)") when a definition
    is added before it."""
    if not old.number and not new.number:
        return True
    return _POSITION.sub("¶", old.id) == _POSITION.sub("¶", new.id)


_POSITION = re.compile(r"¶\d+")


def _longest_increasing(pairs: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    """Longest run of pairs increasing in both coordinates (pairs sorted by the first)."""
    tails: list[int] = []  # smallest second coordinate ending a run of each length
    tail_at: list[int] = []
    previous: list[int] = [-1] * len(pairs)
    for index, (_, b) in enumerate(pairs):
        pos = bisect.bisect_left(tails, b)
        if pos == len(tails):
            tails.append(b)
            tail_at.append(index)
        else:
            tails[pos] = b
            tail_at[pos] = index
        previous[index] = tail_at[pos - 1] if pos else -1
    out = []
    k = tail_at[-1] if tail_at else -1
    while k >= 0:
        out.append(pairs[k])
        k = previous[k]
    return out[::-1]
