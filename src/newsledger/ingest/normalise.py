"""Text normalisation and content-hash article ids, so the same text always gets the same id."""

from __future__ import annotations

import hashlib
import re
import unicodedata

_WS = re.compile(r"[ \t\u00a0\u2000-\u200b]+")
_BLANKS = re.compile(r"\n{3,}")


def clean_text(text: str) -> str:
    """Tidy whitespace and Unicode form while keeping paragraphs; this is the text we store and offset into."""
    text = unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))
    lines = [_WS.sub(" ", line).strip() for line in text.split("\n")]
    return _BLANKS.sub("\n\n", "\n".join(lines)).strip()


def identity_text(text: str) -> str:
    """Aggressive normal form used only for the id: case, punctuation spacing and quotes do not matter."""
    t = unicodedata.normalize("NFKC", text).lower()
    t = t.replace("\u2019", "'").replace("\u2018", "'").replace("\u201c", '"').replace("\u201d", '"')
    return " ".join(t.split())


def article_id(text: str) -> str:
    """Stable 16-hex-digit id: a SHA-256 of the identity text."""
    return hashlib.sha256(identity_text(text).encode("utf-8")).hexdigest()[:16]
