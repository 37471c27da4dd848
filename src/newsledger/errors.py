"""One catalogue of error codes: each error says what went wrong and what to do."""

from __future__ import annotations


class NewsledgerError(Exception):
    """An error a user can act on. `code` is stable (E001...) so docs and tests can refer to it."""

    def __init__(self, code: str, message: str, *, path: str | None = None, line: int | None = None):
        self.code = code
        self.path = path
        self.line = line
        where = ""
        if path:
            where = f"{path}:{line}: " if line else f"{path}: "
        super().__init__(f"[{code}] {where}{message}")


class InputError(NewsledgerError):
    """A bad input file or record; the rest of the batch goes on."""


# Catalogue: code -> short meaning. Kept here so `newsledger errors` and the docs list every code.
CATALOGUE: dict[str, str] = {
    "E001": "spaCy model not installed",
    "E002": "unknown NLP mode (NEWSLEDGER_NLP_MODE is fast or full)",
    "E100": "input file is empty",
    "E101": "input file is not text (binary or undecodable)",
    "E102": "input file is too large",
    "E103": "broken JSON line",
    "E104": "broken or empty HTML page",
    "E105": "broken RSS/Atom feed",
    "E106": "front matter is not valid YAML",
    "E107": "unparseable publication date (article kept, date marked unknown)",
    "E108": "record has no text",
    "E109": "path does not exist",
    "E110": "broken WARC archive (records before the break are kept)",
    "E200": "database error",
    "E300": "evaluation data not found or unreadable",
    "E400": "batch mode: Ray not installed, or batch output unreadable",
}
