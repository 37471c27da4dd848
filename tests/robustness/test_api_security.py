"""The API's attack surface: read-only by default, token-gated writes, size limits, injection, paths, CORS."""

from __future__ import annotations

import hmac
import json
from pathlib import Path
from typing import Any
from urllib.parse import quote

import duckdb
import pytest
from fastapi.testclient import TestClient

from newsledger.settings import Settings
from newsledger.views.api import create_app

TOKEN = "s3cret-token-for-tests"
ARTICLE = {"text": "KHERSON, Nov 14 (Test Wire) - Ukrainian police returned to the centre of Kherson on Monday, "
                   "the regional governor said, three days after Russian troops withdrew.",
           "outlet": "Test Wire", "published": "2022-11-14"}
INJECTIONS = [
    "' OR '1'='1", "'; DROP TABLE events; --", "\" OR \"\"=\"", "1; SELECT * FROM articles", "%", "_", "\\",
    "%' UNION SELECT record FROM events --", "Robert'); DROP TABLE articles;--", "\x00", "\u202e\ufeff\U0001f600",
    "A" * 5000, "../../../../etc/passwd", "${jndi:ldap://x}", "{{7*7}}", "ev:' OR 1=1 --",
]
INT_INJECTIONS = ["1 OR 1=1", "-1", str(2 ** 31), "1e3", "0x10", ""]
HUGE_INT = "99999999999999999999999"  # past a 64-bit integer
# Values for parameters a route requires, so that every other parameter of that route can be probed.
REQUIRED = {("/api/brief", "date"): "2022-10-03", ("/api/brief", "format"): "json",
            ("/api/export", "format"): "csv"}
TABLES = ("articles", "sentences", "mentions", "events", "event_sources", "quotes", "figures", "places", "times")


def _client(db: Path, **settings: Any) -> TestClient:
    return TestClient(create_app(Settings(db=str(db), **settings)), raise_server_exceptions=False)


def _counts(db: Path) -> dict[str, int]:
    conn = duckdb.connect(str(db), read_only=True)
    try:
        return {t: conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in TABLES}
    finally:
        conn.close()


def _fill(path: str, values: dict[str, str]) -> str:
    for k, v in values.items():
        path = path.replace("{" + k + "}", v)
    return path


def _probes(spec: dict) -> list[tuple[str, str, str, str, str]]:
    """(method, route, name, where, type) for every parameter of every GET route in the OpenAPI schema."""
    out = []
    for route, ops in spec["paths"].items():
        op = ops.get("get")
        if not op:
            continue
        for p in op.get("parameters", []):
            schema = p["schema"]
            types = {schema.get("type")} | {s.get("type") for s in schema.get("anyOf", [])}
            out.append(("get", route, p["name"], p["in"], "integer" if "integer" in types else "string"))
    return out


# -- read-only by default, tokens ----------------------------------------------------------------------------
def test_read_only_by_default(db_copy: Path) -> None:
    before = _counts(db_copy)
    with _client(db_copy) as client:
        assert client.get("/api/health").json()["writable"] is False
        for auth in (None, f"Bearer {TOKEN}", "Bearer "):
            headers = {"Authorization": auth} if auth else {}
            r = client.post("/api/articles", json=ARTICLE, headers=headers)
            assert r.status_code == 403, r.text
            r = client.post("/api/articles/batch", json={"articles": [ARTICLE]}, headers=headers)
            assert r.status_code == 403
        # The file is open read-only: another read-only connection (in this process) can still share it.
        assert duckdb.connect(str(db_copy), read_only=True).execute("SELECT 1").fetchone() == (1,)
        for method in ("put", "patch", "delete"):
            assert getattr(client, method)("/api/events").status_code == 405
    assert _counts(db_copy) == before


@pytest.mark.parametrize("auth", [None, "", "Bearer", "Bearer ", "Bearer wrong", f"Basic {TOKEN}", TOKEN,
                                  f"Bearer {TOKEN}x", f"Bearer {TOKEN[:-1]}", f"Bearer  {TOKEN} extra",
                                  "Bearer \u00e9\u00e8"])
def test_write_needs_the_exact_token(db_copy: Path, auth: str | None) -> None:
    before = _counts(db_copy)
    with _client(db_copy, api_token=TOKEN) as client:
        headers = {"Authorization": auth.encode("utf-8")} if auth is not None else {}
        r = client.post("/api/articles", json=ARTICLE, headers=headers)
        assert r.status_code == 401, r.text
        assert r.headers.get("www-authenticate") == "Bearer"
    assert _counts(db_copy) == before


def test_right_token_writes_and_compare_is_constant_time(db_copy: Path, nlp,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    del nlp  # the write path analyses with the session's cached pipeline
    calls = []
    real = hmac.compare_digest

    def spy(a, b):
        calls.append((a, b))
        return real(a, b)

    monkeypatch.setattr("newsledger.views.api_write.hmac.compare_digest", spy)
    before = _counts(db_copy)
    with _client(db_copy, api_token=TOKEN) as client:
        r = client.post("/api/articles", json=ARTICLE, headers={"Authorization": f"bearer {TOKEN}"})
        assert r.status_code == 201, r.text
        assert r.json()["stored"] == 1
    assert calls and all(isinstance(a, bytes) and isinstance(b, bytes) for a, b in calls)
    assert _counts(db_copy)["articles"] == before["articles"] + 1


# -- request size ---------------------------------------------------------------------------------------------
def test_request_size_limits(db_copy: Path) -> None:
    limit = 20_000
    before = _counts(db_copy)
    with _client(db_copy, api_token=TOKEN, max_request_bytes=limit) as client:
        auth = {"Authorization": f"Bearer {TOKEN}", "Content-Type": "application/json"}
        big = json.dumps({**ARTICLE, "text": "x" * limit}).encode()
        assert client.post("/api/articles", content=big, headers=auth).status_code == 413
        # Without a Content-Length (chunked upload) the body is still refused (the status is checked below).
        chunks = (big[i:i + 4096] for i in range(0, len(big), 4096))
        assert client.post("/api/articles", content=chunks, headers=auth).status_code in (400, 413)
        # A lying Content-Length is refused, not trusted.
        for bad in ("-1", "abc", str(10 ** 30)):
            r = client.post("/api/articles", content=b"{}", headers={**auth, "Content-Length": bad})
            assert r.status_code in (400, 413), (bad, r.status_code)
        # The size check comes before authentication: an anonymous flood is refused just as early.
        assert client.post("/api/articles", content=big, headers={"Content-Type": "application/json"}
                           ).status_code == 413
    with _client(db_copy, api_token=TOKEN, max_article_chars=500) as client:
        auth = {"Authorization": f"Bearer {TOKEN}"}
        r = client.post("/api/articles", json={**ARTICLE, "text": "Troops left. " * 100}, headers=auth)
        assert r.status_code == 413
        r = client.post("/api/articles/batch", json={"articles": [{"text": f"Item {i}."} for i in range(300)]},
                        headers=auth)
        assert r.status_code == 413
    assert _counts(db_copy) == before


def test_chunked_upload_over_the_limit_is_413(db_copy: Path) -> None:
    with _client(db_copy, api_token=TOKEN, max_request_bytes=20_000) as client:
        big = json.dumps({**ARTICLE, "text": "x" * 20_000}).encode()
        chunks = (big[i:i + 4096] for i in range(0, len(big), 4096))
        r = client.post("/api/articles", content=chunks, headers={"Authorization": f"Bearer {TOKEN}",
                                                                   "Content-Type": "application/json"})
        assert r.status_code == 413


def test_page_size_is_capped(db_copy: Path) -> None:
    with _client(db_copy) as client:
        assert client.get("/api/events", params={"limit": 10 ** 9}).status_code == 422
        assert client.get("/api/events", params={"offset": -1}).status_code == 422


# -- injection through every parameter -------------------------------------------------------------------------
def test_injection_strings_through_every_parameter(db_copy: Path) -> None:
    before = _counts(db_copy)
    failures = []
    with _client(db_copy) as client:
        probes = _probes(client.app.openapi())
        assert len(probes) >= 60, "the OpenAPI schema lost its parameters"
        for _, route, name, where, kind in probes:
            base = {k: v for (r, k), v in REQUIRED.items() if r == route and k != name}
            path_values = {p: "x" for _, r, p, w, _ in probes if r == route and w == "path"}
            for value in (INT_INJECTIONS if kind == "integer" else INJECTIONS):
                if where == "path":
                    if not value or "/" in value:
                        continue  # a slash makes another route; empty is no route
                    url, params = _fill(route, {**path_values, name: quote(value, safe="")}), base
                else:
                    url, params = _fill(route, path_values), {**base, name: value}
                r = client.get(url, params=params)
                if r.status_code not in (200, 404, 422):
                    failures.append(f"{route} {name}={value[:30]!r}: {r.status_code} {r.text[:120]}")
    assert not failures, "\n".join(failures)
    assert _counts(db_copy) == before


def test_huge_integers_are_refused_not_500(db_copy: Path) -> None:
    failures = []
    with _client(db_copy) as client:
        for _, route, name, where, kind in _probes(client.app.openapi()):
            if kind != "integer" or where != "query":
                continue
            base = {k: v for (r, k), v in REQUIRED.items() if r == route and k != name}
            r = client.get(route, params={**base, name: HUGE_INT})
            if r.status_code not in (200, 422):
                failures.append(f"{route} {name}: {r.status_code}")
    assert not failures, failures


@pytest.mark.parametrize("name", ["place", "actor", "outlet", "modality", "story", "type"])
def test_injection_matches_nothing(db_copy: Path, name: str) -> None:
    """An injection string is a literal value: it filters everything out instead of matching everything."""
    with _client(db_copy) as client:
        total = client.get("/api/events").json()["total"]
        assert total > 0
        for value in ("' OR '1'='1", "%", "_", "%' OR 1=1 --", "\\"):
            got = client.get("/api/events", params={name: value})
            assert got.status_code == 200 and got.json()["total"] == 0, (name, value, got.json().get("total"))


def test_like_wildcards_are_literal_in_article_filters(db_copy: Path) -> None:
    with _client(db_copy) as client:
        for route in ("/api/articles", "/api/quotes", "/api/figures", "/api/stories"):
            key = route.rsplit("/", 1)[1]
            assert client.get(route).json()[key], f"{route} is empty, so the test proves nothing"
            for value in ("%", "_", "' OR '1'='1"):
                r = client.get(route, params={"outlet": value})
                assert r.status_code == 200 and r.json()[key] == [], (route, value)
            r = client.get("/api/quotes", params={"speaker": "%"})
            assert r.json()["quotes"] == []


# -- no file paths from requests ---------------------------------------------------------------------------
def test_no_parameter_names_a_file(db_copy: Path) -> None:
    with _client(db_copy) as client:
        spec = client.app.openapi()
    suspicious = {"path", "file", "filename", "dir", "directory", "db", "database", "src", "source_path", "url"}
    for _, route, name, _, _ in _probes(spec):
        assert name.lower() not in suspicious, f"{route} takes a {name} parameter"
    for schema_name, schema in spec.get("components", {}).get("schemas", {}).items():
        for field in schema.get("properties", {}):
            if schema_name.endswith("In"):
                assert field.lower() not in suspicious - {"url"}, f"request body {schema_name} takes {field}"


@pytest.mark.parametrize("url", ["/static/../../../../etc/passwd", "/static/%2e%2e/%2e%2e/%2e%2e/etc/passwd",
                                 "/static/..%2f..%2f..%2fetc%2fpasswd", "/static//etc/passwd",
                                 "/vendor/leaflet/../../../../../etc/passwd", "/place/..%2f..%2fetc%2fpasswd",
                                 "/static/%2fetc%2fpasswd", "/tiles/0/0/..%2f..%2fetc%2fpasswd.png"])
def test_path_traversal_gives_no_file(db_copy: Path, url: str) -> None:
    with _client(db_copy) as client:
        r = client.get(url)
    assert "root:" not in r.text
    assert r.status_code in (200, 400, 404, 422)
    if r.status_code == 200:
        assert r.headers["content-type"].startswith("text/html")  # the place page itself, not a file


def test_request_cannot_choose_the_database(db_copy: Path, tmp_path: Path) -> None:
    other = tmp_path / "other.duckdb"
    with _client(db_copy, api_token=TOKEN) as client:
        for params in ({"db": str(other)}, {"database": str(other)}):
            assert client.get("/api/events", params=params).status_code == 200
        r = client.post("/api/articles", json={**ARTICLE, "source_path": "/etc/passwd", "db": str(other)},
                        headers={"Authorization": f"Bearer {TOKEN}"})
        assert r.status_code in (201, 422)
    assert not other.exists()
    conn = duckdb.connect(str(db_copy), read_only=True)
    try:
        paths = [p for (p,) in conn.execute("SELECT source_path FROM articles").fetchall()]
    finally:
        conn.close()
    assert "/etc/passwd" not in paths


# -- CORS ----------------------------------------------------------------------------------------------------
def test_cors_off_by_default(db_copy: Path) -> None:
    with _client(db_copy) as client:
        r = client.get("/api/events", headers={"Origin": "https://evil.example"})
        assert r.status_code == 200 and "access-control-allow-origin" not in r.headers
        r = client.options("/api/events", headers={"Origin": "https://evil.example",
                                                   "Access-Control-Request-Method": "GET"})
        assert "access-control-allow-origin" not in r.headers


def test_cors_only_for_configured_origins(db_copy: Path) -> None:
    with _client(db_copy, cors_origins="https://desk.example") as client:
        ok = client.get("/api/events", headers={"Origin": "https://desk.example"})
        assert ok.headers.get("access-control-allow-origin") == "https://desk.example"
        bad = client.get("/api/events", headers={"Origin": "https://evil.example"})
        assert "access-control-allow-origin" not in bad.headers
        pre = client.options("/api/articles", headers={"Origin": "https://evil.example",
                                                       "Access-Control-Request-Method": "POST"})
        assert "access-control-allow-origin" not in pre.headers
