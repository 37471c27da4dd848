"""Coverage-guided fuzzing (atheris) of the ingest readers, for a bounded time: any raised exception is a bug.

    python benchmarks/fuzz_readers.py [-max_total_time=60] [-timeout=10] [libFuzzer flags...]

Each input is split into a reader choice (one per file extension the walker knows) and the file's bytes,
then goes through the same steps as `walk.read_path`: byte decoding, then the reader. Readers must yield
Articles or errors and never raise; decoding may raise only InputError. Seeds are the hostile files from
tests/robustness/hostile_inputs.py. libFuzzer prints "Done N runs in S second(s)" at the end.

atheris 3.0.0 (the newest wheel on the package index; 3.1.0 is not there) provides the engine; without it,
a plain random-mutation loop over the same seeds runs instead (`--fallback` forces that).
"""

from __future__ import annotations

import importlib.util
import logging
import random
import sys
import tempfile
import time
from pathlib import Path

# Bounds: one minute by default; 10 s per input catches hangs (a reader on 64 KB should take well under a
# second); 64 KB inputs are big enough for nesting and entity tricks while keeping runs fast.
DEFAULT_SECONDS = 60
PER_INPUT_TIMEOUT_S = 10
MAX_LEN = 65536
# The largest file the fuzzed decoder accepts, as walk.read_path allows for a 2M-character article.
MAX_BYTES = 8_000_000

_ROOT = Path(__file__).resolve().parents[1]


def _readers():
    from newsledger.ingest.walk import READERS

    exts = sorted(READERS)
    return exts, READERS


def one_input(data: bytes, exts: list[str], readers: dict) -> int:
    """Run one fuzz input through decode + reader; returns the number of items yielded."""
    from newsledger.errors import InputError, NewsledgerError
    from newsledger.ingest.decode import decode_bytes
    from newsledger.models import Article

    if not data:
        return 0
    ext = exts[data[0] % len(exts)]
    payload = data[1:]
    path = f"fuzz{ext}"
    try:
        text = decode_bytes(payload, path, MAX_BYTES)
    except InputError:
        return 0
    n = 0
    for item in readers[ext](text, path):
        if not isinstance(item, (Article, NewsledgerError)):
            raise TypeError(f"reader for {ext} yielded {type(item).__name__}")
        if isinstance(item, Article) and not item.text.strip():
            raise ValueError(f"reader for {ext} yielded an article with no text")
        n += 1
    return n


def write_seeds(folder: Path) -> int:
    """Seed corpus: every hostile case (except the 50 MB one), once per matching reader byte."""
    spec = importlib.util.spec_from_file_location("hostile_inputs", _ROOT / "tests" / "robustness" /
                                                  "hostile_inputs.py")
    assert spec and spec.loader
    hostile = importlib.util.module_from_spec(spec)
    sys.modules["hostile_inputs"] = hostile  # dataclasses look their module up there
    spec.loader.exec_module(hostile)
    exts, _ = _readers()
    n = 0
    for case in hostile.hostile_cases(huge=False):
        ext = Path(case.filename).suffix.lower()
        if ext in exts:
            (folder / f"seed{n}").write_bytes(bytes([exts.index(ext)]) + case.data[:MAX_LEN - 1])
            n += 1
    for i, text in enumerate(hostile.GOOD_TEXTS):
        (folder / f"good{i}").write_bytes(bytes([exts.index(".md")]) + f"---\ntitle: t\n---\n{text}".encode())
        n += 1
    return n


def run_atheris(argv: list[str]) -> None:
    """Hand over to libFuzzer (never returns)."""
    import atheris

    with atheris.instrument_imports():
        import newsledger.ingest.decode  # noqa: F401
        import newsledger.ingest.metadata  # noqa: F401
        import newsledger.ingest.normalise  # noqa: F401
        import newsledger.ingest.readers  # noqa: F401
    exts, readers = _readers()
    seeds = Path(tempfile.mkdtemp(prefix="fuzz_seeds_"))
    write_seeds(seeds)
    flags = [a for a in argv if a.startswith("-")]
    if not any(a.startswith("-max_total_time") for a in flags):
        flags.append(f"-max_total_time={DEFAULT_SECONDS}")
    if not any(a.startswith("-timeout") for a in flags):
        flags.append(f"-timeout={PER_INPUT_TIMEOUT_S}")
    if not any(a.startswith("-max_len") for a in flags):
        flags.append(f"-max_len={MAX_LEN}")
    if not any(a.startswith("-rss_limit_mb") for a in flags):
        flags.append("-rss_limit_mb=4096")
    atheris.Setup([sys.argv[0], *flags, str(seeds)], lambda data: one_input(data, exts, readers))
    atheris.Fuzz()


def _mutate(rng: random.Random, data: bytes, pool: list[bytes]) -> bytes:
    b = bytearray(data)
    for _ in range(rng.randint(1, 8)):
        op = rng.randrange(5)
        pos = rng.randrange(len(b) + 1)
        if op == 0 and b:
            b[min(pos, len(b) - 1)] = rng.randrange(256)
        elif op == 1:
            b[pos:pos] = bytes(rng.randrange(256) for _ in range(rng.randint(1, 16)))
        elif op == 2 and b:
            del b[pos:pos + rng.randint(1, 64)]
        elif op == 3:
            other = rng.choice(pool)
            start = rng.randrange(len(other) + 1)
            b[pos:pos] = other[start:start + rng.randint(1, 256)]
        else:
            b[pos:pos] = rng.choice([b"<div>", b"</p>", b"&amp;", b"&#0;", b"\n---\n", b'{"text": "', b"\x00",
                                     b"\xff\xfe", b"<![CDATA[", b"\n", b"]]>", b"&lol;", b"\xe2\x80\xa8"])
    return bytes(b[:MAX_LEN])


def run_fallback(seconds: float, seed: int | None = None) -> tuple[int, list[str]]:
    """Random mutations of the seeds for `seconds`; returns (inputs tried, failures)."""
    rng = random.Random(seed)
    exts, readers = _readers()
    with tempfile.TemporaryDirectory() as d:
        write_seeds(Path(d))
        pool = [p.read_bytes() for p in sorted(Path(d).iterdir())]
    tried, failures = 0, []
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        data = _mutate(rng, rng.choice(pool), pool)
        tried += 1
        try:
            one_input(data, exts, readers)
        except Exception as exc:  # noqa: BLE001 - any exception here is a finding, recorded with its input
            failures.append(f"{type(exc).__name__}: {exc} (input {data[:80]!r}...)")
        else:
            if len(pool) < 500 and rng.random() < 0.02:
                pool.append(data)
    return tried, failures


def main() -> None:
    """Command line entry point: atheris when installed, else the random-mutation fallback."""
    logging.basicConfig(level=logging.CRITICAL)  # readers log every bad input; the fuzzer makes millions
    argv = sys.argv[1:]
    if "--fallback" not in argv and importlib.util.find_spec("atheris") is not None:
        run_atheris(argv)
        return
    seconds = next((float(a.split("=", 1)[1]) for a in argv if a.startswith("-max_total_time=")),
                   DEFAULT_SECONDS)
    tried, failures = run_fallback(seconds)
    print(f"fallback fuzz: {tried} inputs in {seconds:g} s, {len(failures)} failures")
    for f in failures[:20]:
        print("  " + f)
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
