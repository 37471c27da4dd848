"""Find quoted stretches of text from quote marks alone (straight, curly, unclosed paragraphs)."""

from __future__ import annotations

import re
from dataclasses import dataclass

OPEN = {"“", "„", "«"}
CLOSE = {"”", "»"}
STRAIGHT = '"'
_LINE = re.compile(r"\n")


@dataclass(slots=True)
class Quoted:
    """A quoted stretch: `start`/`end` include the marks; `closed` is False when the paragraph
    opened a quote and never closed it (news style for a quote running on to the next paragraph)."""
    start: int
    end: int
    closed: bool = True
    holes: tuple[tuple[int, int], ...] = ()  # unquoted gaps of a split quote (“A,” he said, “B.”)

    @property
    def inner(self) -> tuple[int, int]:
        """Offsets of the words inside the marks."""
        a, b = self.start + 1, self.end - 1 if self.closed else self.end
        return a, b


def _paragraphs(text: str) -> list[tuple[int, int]]:
    """(start, end) of each non-blank line: plain-text news puts one paragraph on a line."""
    out, pos = [], 0
    for m in _LINE.finditer(text):
        if text[pos:m.start()].strip():
            out.append((pos, m.start()))
        pos = m.end()
    if text[pos:].strip():
        out.append((pos, len(text)))
    return out


def _is_opening_straight(text: str, i: int) -> bool:
    """A straight quote opens when what precedes it is space, start or an opening bracket."""
    return i == 0 or text[i - 1] in " \t\n([{—–-:"


def _mark(text: str, i: int) -> tuple[str, int]:
    """The quote mark at i, as ("open"|"close"|"straight"|"", length). LaTeX-style `` and '' are
    marks too (some newspaper archives write quotes that way)."""
    two = text[i:i + 2]
    if two == "``":
        return "open", 2
    if two == "''":
        return "straight", 2
    ch = text[i]
    if ch in OPEN:
        return "open", 1
    if ch in CLOSE:
        return "close", 1
    if ch == STRAIGHT:
        return "straight", 1
    return "", 1


def find_quoted(text: str) -> list[Quoted]:
    """Every quoted stretch in `text`, in order. Nested single quotes are left inside."""
    spans: list[Quoted] = []
    for pa, pb in _paragraphs(text):
        open_at: int | None = None
        i = pa
        while i < pb:
            kind, n = _mark(text, i)
            if kind == "open" and open_at is not None and i > pa and text[i - 1] in ",.?!" \
                    and (i + n >= pb or text[i + n].isspace()):
                kind = "close"  # a typo'd closing mark: “It's unusual,“ said ...
            if kind == "open" or (kind == "straight" and open_at is None
                                  and _is_opening_straight(text, i)):
                if open_at is None:
                    open_at = i
            elif kind in ("close", "straight") and open_at is not None:
                spans.append(Quoted(open_at, i + n))
                open_at = None
            i += n
        if open_at is not None:
            end = pb
            while end > open_at and text[end - 1].isspace():
                end -= 1
            if end - open_at > 1:
                spans.append(Quoted(open_at, end, closed=False))
    return spans


def word_count(text: str, q: Quoted) -> int:
    """Number of words inside the marks."""
    a, b = q.inner
    return len(text[a:b].split())
