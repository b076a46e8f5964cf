"""Hostile requests against a real server: every public address and parameter, and the API's own schema.

    .venv/bin/python scripts/fuzz.py [--requests 10000] [--api-cases 10000] [--seed 1]

Builds a small archive of its own under var/fuzz (its own embedded PostgreSQL: the gazetteer, the
sources, the demo article and a few hundred synthetic articles), serves it with gunicorn as production
does (config/gunicorn.py, DEBUG off), then:

1. sends `--requests` generated requests over the lists, details, exports, feeds, API, sitemaps and the
   rest, with hostile values: digits of other scripts, NUL and control characters, very long values,
   repeated parameters, impossible dates, SQL and markup fragments, broken UTF-8, odd methods;
2. runs schemathesis over the API's OpenAPI schema for `--api-cases` generated cases.

Prints the answers counted by status and exits 1 on any 5xx (or any request left without an answer),
naming the first of them. The same --seed sends the same requests.
"""

import argparse
import collections
import http.client
import os
import random
import socket
import subprocess
import sys
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from urllib.parse import quote

ROOT = Path(__file__).resolve().parent.parent
FUZZ_VAR = Path(os.environ.get("FUZZ_VAR_DIR", ROOT / "var" / "fuzz"))
SYNTHETIC_ARTICLES = 300

LISTS = ["/claims/", "/articles/", "/uk/claims/", "/uk/articles/"]
OTHER_PAGES = ["/", "/uk/", "/regions/", "/sources/", "/uk/regions/", "/uk/sources/", "/robots.txt", "/healthz"]
FEEDS = ["/feeds/claims/", "/feeds/articles/", "/uk/feeds/claims/", "/uk/feeds/articles/"]
API_LISTS = ["/api/claims/", "/api/articles/", "/api/regions/", "/api/sources/"]
SITEMAP_SECTIONS = ["pages", "articles", "claims", "regions", "sources"]
LIST_PARAMETERS = [
    "region", "source", "publisher", "claimant", "topic", "status", "language", "q", "sort", "page", "synthetic",
    "published_from", "published_to", "asserted_from", "asserted_to", "occurred_from", "occurred_to",
]  # fmt: skip
API_PARAMETERS = [*LIST_PARAMETERS, "cursor", "limit"]
DATE_PARAMETERS = [name for name in LIST_PARAMETERS if name.endswith(("_from", "_to"))]

HOSTILE_VALUES = [
    # digits that str.isdigit() takes and int() refuses, and others that int() takes
    "²", "¹²", "①", "٣", "５", "߂", "𝟘", "Ⅻ", "½",
    # NUL, control characters, odd spaces and marks
    "\x00", "a\x00b", "\x08", "\x01\x02", "\x1b[31m", "\t", "\r\n", "\x7f", "\u200b", "\u202e", "\ufeff", "\ufffe",
    " ", "", "   ", "+", "-", "--", "%", "%%", "\\", "/", "..", "../../etc/passwd", "?", "#", "&", "=", ";",
    # numbers
    "0", "-1", "1e9", "99999999999999999999999", "1.5", "0x10", "NaN", "inf", "1_000", "٠١", "007",
    # dates
    "2025-02-30", "2025-13-01", "0000-00-00", "9999-12-31", "10000-01-01", "-0001-01-01", "2025-1-1", "yesterday",
    "2025-04-02T10:30:00Z", "2025/04/02", "02.04.2025", "1970-01-01", "2025-04-02\x00",
    # SQL and search syntax
    "' OR '1'='1", "1; DROP TABLE reports_claim; --", "\" OR \"\"=\"", "%' AND 1=1 --", "UNION SELECT NULL--",
    "pg_sleep(10)", "$$", "E'\\x00'", "\"unclosed phrase", "OR OR OR", "-", "-\"\"", "!()&|:*", "a:*", "<->",
    # markup, templates, format strings
    "<script>alert(1)</script>", "\"><svg onload=alert(1)>", "javascript:alert(1)", "{{7*7}}", "{% debug %}",
    "${7*7}", "%s%s%s%n", "%(x)s", "{0}", "=HYPERLINK(\"x\")", "@SUM(1)",
    # scripts and emoji
    "Луганщина", "Лиман", "UA-09", "ua-14", "ukraine", "isw", "🇺🇦", "👩‍👩‍👧", "\U0010ffff", "ß", "İ",
]  # fmt: skip
CHOICES = {
    "sort": ["newest", "oldest", "relevance", "occurred", "NEWEST", "random"],
    "format": ["csv", "json", "jsonl", "xml", "CSV", ""],
    "synthetic": ["exclude", "include", "only", "yes"],
    "zoom": ["0", "6", "12", "5.75", "-3", "400"],
    "bbox": ["22,44,40,53", "-180,-90,180,90", "40,53,22,44", "1,2,3", "22,44,40,53,1"],
    "topic": ["strikes", "territorial_control", "diplomacy", "casualties"],
    "status": ["suggested", "corroborated", "disputed", "accepted"],
    "language": ["en", "uk", "ru", "xx"],
}


def hostile_value(rng):
    kind = rng.random()
    if kind < 0.55:
        return rng.choice(HOSTILE_VALUES)
    if kind < 0.65:
        return rng.choice(HOSTILE_VALUES) * rng.randint(50, 900)  # long, sometimes past the request line limit
    if kind < 0.75:
        return "".join(chr(rng.randint(0, 0x2FFF)) for _ in range(rng.randint(1, 12)))
    if kind < 0.85:
        return rng.choice(HOSTILE_VALUES) + rng.choice(HOSTILE_VALUES)
    return str(rng.randint(-10, 10**6))


def encode(value):
    """Percent-encode every byte that is not plainly safe; some values are sent as broken UTF-8 on purpose."""
    if value.startswith("%BROKEN"):
        return value[len("%BROKEN") :]
    return quote(value.encode("utf-8", "surrogatepass"), safe="")


class RequestMaker:
    def __init__(self, rng, records):
        self.rng = rng
        self.records = records

    def query(self, names, extra=()):
        rng = self.rng
        pairs = []
        for _ in range(rng.choice([0, 1, 1, 2, 3, 5])):
            name = rng.choice(names)
            value = rng.choice(CHOICES[name]) if name in CHOICES and rng.random() < 0.4 else hostile_value(rng)
            repeat = rng.choice([1, 1, 1, 2, 40]) if rng.random() < 0.2 else 1
            pairs += [(name, value)] * repeat
        pairs += list(extra)
        if rng.random() < 0.1:
            pairs.append((hostile_value(rng), hostile_value(rng)))  # an unknown parameter
        if rng.random() < 0.05:
            pairs.append(("%BROKEN%ff%fe", "%BROKEN%c3%28"))
        if not pairs:
            return ""
        return "?" + "&".join(f"{encode(name)}={encode(value)}" for name, value in pairs)

    def segment(self, kind):
        rng = self.rng
        if rng.random() < 0.5:
            return encode(str(rng.choice(self.records[kind])))
        return encode(hostile_value(rng)) or "x"

    def request(self):
        """(kind, method, target)."""
        rng = self.rng
        method = rng.choices(["GET", "HEAD", "OPTIONS", "POST", "TRACE", "PUT", "DELETE", "PROPFIND"], [80, 6, 3, 3, 2, 2, 2, 2])[
            0
        ]
        kind = rng.choices(
            ["list", "export", "detail", "feed", "api-list", "api-detail", "sitemap", "other", "region-search", "map-points"],
            [22, 10, 16, 10, 16, 12, 4, 6, 4, 4],
        )[0]
        prefix = rng.choice(["", "", "", "/uk"])
        if kind == "list":
            target = rng.choice(LISTS) + self.query(LIST_PARAMETERS)
        elif kind == "export":
            export_format = rng.choice(CHOICES["format"][:3])
            target = rng.choice(LISTS) + self.query(LIST_PARAMETERS, extra=[("format", export_format)])
        elif kind == "detail":
            section = rng.choice(["claims", "articles", "regions", "sources"])
            target = f"{prefix}/{section}/{self.segment(section)}/" + (
                self.query(["cite", "page", "q"]) if rng.random() < 0.3 else ""
            )
        elif kind == "feed":
            target = rng.choice(FEEDS) + self.query(LIST_PARAMETERS + ["format"])
        elif kind == "api-list":
            target = rng.choice(API_LISTS) + self.query(API_PARAMETERS)
        elif kind == "api-detail":
            section = rng.choice(["claims", "articles", "regions", "sources"])
            target = f"/api/{section}/{self.segment(section)}/" + (self.query(["synthetic", "x"]) if rng.random() < 0.3 else "")
        elif kind == "sitemap":
            section = rng.choice(SITEMAP_SECTIONS)
            section = section if rng.random() < 0.5 else f"{section}-uk"
            target = rng.choice(["/sitemap.xml", f"/sitemap-{section}.xml", f"/sitemap-{encode(hostile_value(rng))}.xml"])
            target += self.query(["p", "section"]) if rng.random() < 0.5 else ""
        elif kind == "map-points":
            target = rng.choice(["/claims/map.json", "/articles/map.json"]) + self.query([*LIST_PARAMETERS, "zoom", "bbox"])
        elif kind == "region-search":
            target = "/regions/search.json" + self.query(["q", "limit"])
        else:
            target = rng.choice(OTHER_PAGES + ["/api/", "/api/schema/", "/api/docs/"]) + self.query(["x", "page", "q"])
        return kind, method, target


class Client:
    """One keep-alive connection per thread, opened again whenever the server closes it."""

    local = threading.local()

    def __init__(self, port):
        self.port = port

    def send(self, method, target):
        for attempt in range(2):
            connection = getattr(self.local, "connection", None) or http.client.HTTPConnection("127.0.0.1", self.port, timeout=60)
            self.local.connection = connection
            try:
                connection.request(method, target, headers={"X-Fuzz": "1"})
                response = connection.getresponse()
                body = response.read()
                if response.will_close:
                    connection.close()
                    self.local.connection = None
                return response.status, body[:300]
            except (http.client.HTTPException, OSError):
                connection.close()
                self.local.connection = None
                if attempt:
                    raise
        raise AssertionError("unreachable")


def run(command, **env):
    result = subprocess.run(command, cwd=ROOT, env=environment(**env), capture_output=True, text=True)
    if result.returncode != 0:
        sys.exit(f"error: {' '.join(command)} failed:\n{result.stdout}{result.stderr}")
    return result.stdout


def environment(**extra):
    values = {key: value for key, value in os.environ.items() if key not in {"DATABASE_URL", "DEBUG", "CACHE_URL"}}
    values.update(VAR_DIR=str(FUZZ_VAR), DEBUG="0", SECRET_KEY="fuzz-" + "s3cr3t-" * 10, ALLOWED_HOSTS="127.0.0.1")
    values.update(SECURE_SSL_REDIRECT="0", LOG_LEVEL="CRITICAL")
    # What is tested here is that nothing fails, not the rate limit: one client sends everything.
    values.update(dict.fromkeys(("API_RATE_LIMIT", "FEED_RATE_LIMIT", "EXPORT_RATE_LIMIT"), "100000000/minute"))
    values.update(extra)
    return values


def prepare():
    manage = [sys.executable, "manage.py"]
    run([*manage, "migrate", "--no-input", "-v", "0"])
    run([*manage, "load_demo"])
    count = run(
        [*manage, "shell", "-c", "from reports.models import Article; print(Article.objects.filter(is_synthetic=True).count())"]
    )
    if int(count.strip().splitlines()[-1]) < SYNTHETIC_ARTICLES:
        run([*manage, "generate_archive", "--articles", str(SYNTHETIC_ARTICLES), "--seed", "1", "--replace"])
    run([*manage, "collectstatic", "--no-input", "-v", "0"])
    script = (
        "import json; from reports.models import Article, Claim, Region, Source\n"
        "print(json.dumps({'claims': list(Claim.objects.values_list('id', flat=True)[:300]),"
        "'articles': list(Article.objects.values_list('slug', flat=True)[:300]),"
        "'regions': list(Region.objects.values_list('slug', flat=True)[:300]) + ['UA-09', 'UA-14'],"
        "'sources': list(Source.objects.values_list('slug', flat=True)[:300])}))"
    )
    import json

    return json.loads(run([*manage, "shell", "-c", script]).strip().splitlines()[-1])


def serve():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    log = open(FUZZ_VAR / "gunicorn.log", "w")  # noqa: SIM115 (closed with the server)
    command = [sys.executable, "-m", "gunicorn", "config.wsgi", "--config", "config/gunicorn.py", "--bind", f"127.0.0.1:{port}"]
    process = subprocess.Popen(command, cwd=ROOT, env=environment(), stdout=log, stderr=subprocess.STDOUT)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        if process.poll() is not None:
            sys.exit(f"error: gunicorn exited; see {log.name}")
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            return process, port, log
        except OSError:
            time.sleep(0.2)
    process.terminate()
    sys.exit("error: gunicorn did not start within 120 s")


def hostile_requests(port, records, count, seed, threads):
    rng = random.Random(seed)
    maker = RequestMaker(rng, records)
    planned = [maker.request() for _ in range(count)]
    client = Client(port)
    statuses = collections.Counter()
    by_kind = collections.defaultdict(collections.Counter)
    failures = []

    def one(item):
        kind, method, target = item
        try:
            status, body = client.send(method, target)
        except (http.client.HTTPException, OSError) as error:
            status, body = f"no answer ({error.__class__.__name__})", b""
        return kind, method, target, status, body

    with ThreadPoolExecutor(threads) as pool:
        for kind, method, target, status, body in pool.map(one, planned):
            statuses[status] += 1
            by_kind[kind][status] += 1
            if not isinstance(status, int) or status >= 500:
                failures.append(f"{method} {target[:300]} -> {status} {body[:200]!r}")
    return statuses, by_kind, failures


def schema_cases(port, count, seed):
    """Schemathesis over /api/schema/: cases spread over the operations until `count` were sent."""
    import schemathesis
    from hypothesis import HealthCheck, Phase, given
    from hypothesis import seed as hypothesis_seed
    from hypothesis import settings as hypothesis_settings

    base_url = f"http://127.0.0.1:{port}"
    schema = schemathesis.openapi.from_url(f"{base_url}/api/schema/")
    operations = [result.ok() for result in schema.get_all_operations()]
    statuses = collections.Counter()
    failures = []
    sent = 0
    round_number = 0
    while sent < count and round_number < 20:
        per_operation = max(1, (count - sent) // len(operations) + 1)
        for operation in operations:

            @given(case=operation.as_strategy())
            @hypothesis_settings(
                max_examples=per_operation,
                deadline=None,
                database=None,
                phases=[Phase.generate],
                suppress_health_check=list(HealthCheck),
            )
            @hypothesis_seed(seed * 1000 + round_number)
            def send(case):
                nonlocal sent
                response = case.call(base_url=base_url, timeout=60)
                sent += 1
                statuses[response.status_code] += 1
                if response.status_code >= 500:
                    failures.append(f"{case.method} {case.formatted_path} {case.query} -> {response.status_code}")

            send()
        round_number += 1
    return statuses, failures


def show(title, statuses):
    total = sum(statuses.values())
    parts = ", ".join(f"{status}: {number:,}" for status, number in sorted(statuses.items(), key=lambda item: str(item[0])))
    print(f"{title}: {total:,} ({parts})")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--requests", type=int, default=10_000, help="Hostile requests to send (default 10,000).")
    parser.add_argument("--api-cases", type=int, default=10_000, help="Schemathesis cases over the API (default 10,000).")
    parser.add_argument("--seed", type=int, default=1, help="The same seed sends the same requests (default 1).")
    parser.add_argument("--threads", type=int, default=6, help="Requests in flight at once (default 6).")
    args = parser.parse_args()

    started = time.monotonic()
    FUZZ_VAR.mkdir(parents=True, exist_ok=True)
    os.environ.update(VAR_DIR=str(FUZZ_VAR))
    records = prepare()
    print(f"archive ready under {FUZZ_VAR} ({time.monotonic() - started:.0f} s)")
    process, port, log = serve()
    try:
        began = time.monotonic()
        statuses, by_kind, failures = hostile_requests(port, records, args.requests, args.seed, args.threads)
        show(f"hostile requests ({time.monotonic() - began:.0f} s)", statuses)
        for kind in sorted(by_kind):
            show(f"  {kind}", by_kind[kind])
        began = time.monotonic()
        api_statuses, api_failures = schema_cases(port, args.api_cases, args.seed)
        show(f"schemathesis cases over /api/schema/ ({time.monotonic() - began:.0f} s)", api_statuses)
    finally:
        process.terminate()
        process.wait(timeout=60)
        log.close()
    problems = failures + api_failures
    for line in problems[:20]:
        print("  server error:", line)
    print(f"{len(problems)} server errors or unanswered requests; total {time.monotonic() - started:.0f} s")
    sys.exit(1 if problems else 0)


if __name__ == "__main__":
    main()
