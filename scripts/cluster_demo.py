"""Several app hosts behind a load balancer, a read replica and a shared cache, on this machine, under load.

    make cluster-demo
    python scripts/cluster_demo.py --phase-seconds 8 --articles 400 --json results.json

Starts on loopback a PostgreSQL primary and its streaming replica, Redis, two gunicorn app hosts and
HAProxy in front (health checks on /healthz), fills the primary with the shipped data and a small
synthetic archive, then keeps a bounded load of concurrent readers on the proxy through these phases:

  two hosts        both app hosts serve
  host stopping    one host is stopped gracefully; the proxy moves its traffic to the other
  one host         the remaining host alone
  replica stopped  the replica is shut down; reads fall back to the primary
  replica back     the replica is started again; reads return to it
  admin write      an editor changes a source through the admin (on the primary) and reads it back at
                   once; an anonymous reader (served from the replica) sees it within the replica's lag

and prints requests/s and errors (5xx answers and failed connections) for each phase. Exit status 1 if a
phase other than "host stopping" had an error, if more requests failed while a host stopped than were in
flight, or if the written change was not read back.
"""

import argparse
import contextlib
import http.client
import json
import re
import shutil
import sys
import tempfile
import threading
import time
import uuid
from collections import Counter
from html.parser import HTMLParser
from http.cookies import SimpleCookie
from pathlib import Path
from urllib.parse import urlencode

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from scripts import cluster  # noqa: E402

READ_PATHS = ["/", "/claims/", "/articles/", "/sources/", "/regions/", "/claims/?region=UA-14", "/api/claims/", "/healthz"]
ADMIN_PASSWORD = "cluster-demo-" + uuid.uuid4().hex


class Load:
    """`clients` readers on kept-alive connections, each request after the previous answer (a closed loop)."""

    def __init__(self, port: int, clients: int):
        self.port, self.clients = port, clients
        self.phase = None
        self.results: dict[str, Counter] = {}
        self.hosts: dict[str, Counter] = {}
        self.stopped = threading.Event()
        self.lock = threading.Lock()
        self.threads = [threading.Thread(target=self._reader, args=(index,), daemon=True) for index in range(clients)]

    def start(self):
        for thread in self.threads:
            thread.start()

    def stop(self):
        self.stopped.set()
        for thread in self.threads:
            thread.join(30)

    def _count(self, phase, outcome, host=None):
        with self.lock:
            self.results.setdefault(phase, Counter())[outcome] += 1
            if host:
                self.hosts.setdefault(phase, Counter())[host] += 1

    def _reader(self, index):
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
        step = index
        while not self.stopped.is_set():
            phase = self.phase
            if phase is None:
                time.sleep(0.05)
                continue
            path = READ_PATHS[step % len(READ_PATHS)]
            step += 1
            try:
                connection.request("GET", path)
                response = connection.getresponse()
                response.read()
                status = response.status
                outcome = "ok" if status < 400 else "error" if status >= 500 else f"http {status}"
                self._count(phase, outcome, response.getheader("X-App-Host"))
            except (OSError, http.client.HTTPException) as error:
                self._count(phase, f"failed: {error.__class__.__name__}")
                connection.close()
                connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)

    def run_phase(self, name: str, seconds: float, during=None):
        """Load for `seconds` under `name`; `during()` runs once at the start. Returns the phase's figures."""
        started = time.monotonic()
        self.phase = name
        outcome = during() if during else None
        remaining = seconds - (time.monotonic() - started)
        if remaining > 0:
            time.sleep(remaining)
        self.phase = None
        elapsed = time.monotonic() - started
        time.sleep(0.5)  # let the requests of this phase finish, counted under it
        counts = self.results.get(name, Counter())
        errors = sum(
            count for outcome_name, count in counts.items() if outcome_name != "ok" and not outcome_name.startswith("http 4")
        )
        figures = {
            "seconds": round(elapsed, 1),
            "requests": sum(counts.values()),
            "requests_per_second": round(counts["ok"] / elapsed, 1),
            "errors": errors,
            "outcomes": dict(counts),
            "served_by": dict(self.hosts.get(name, {})),
        }
        if outcome is not None:
            figures["detail"] = outcome
        return figures


class _FormFields(HTMLParser):
    """The values a browser would submit from the page's main form: inputs, selected options, text areas."""

    def __init__(self):
        super().__init__()
        self.fields, self._select, self._textarea = {}, None, None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        name = attrs.get("name")
        if tag == "input" and name and attrs.get("type") not in {"submit", "button", "file"}:
            if attrs.get("type") in {"checkbox", "radio"}:
                if "checked" in attrs:
                    self.fields[name] = attrs.get("value", "on")
            else:
                self.fields[name] = attrs.get("value", "")
        elif tag == "select" and name:
            self._select = name
            self.fields.setdefault(name, "")
        elif tag == "option" and self._select and "selected" in attrs:
            self.fields[self._select] = attrs.get("value", "")
        elif tag == "textarea" and name:
            self._textarea = name
            self.fields[name] = ""

    def handle_endtag(self, tag):
        if tag == "select":
            self._select = None
        elif tag == "textarea":
            self._textarea = None

    def handle_data(self, data):
        if self._textarea:
            self.fields[self._textarea] += data


class Browser:
    """One person's requests through the proxy, keeping their cookies (plain HTTP here, so Secure ones too)."""

    def __init__(self, port: int):
        self.port, self.cookies = port, {}

    def request(self, method: str, path: str, form: dict | None = None):
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
        headers = {"Cookie": "; ".join(f"{key}={value}" for key, value in self.cookies.items())}
        body = None
        if form is not None:
            body = urlencode(form, doseq=True)
            headers.update(
                {"Content-Type": "application/x-www-form-urlencoded", "Referer": f"http://127.0.0.1:{self.port}{path}"}
            )
        connection.request(method, path, body=body, headers=headers)
        response = connection.getresponse()
        text = response.read().decode("utf-8", "replace")
        for header in response.headers.get_all("Set-Cookie") or []:
            for key, morsel in SimpleCookie(header).items():
                self.cookies[key] = morsel.value
        connection.close()
        return response.status, response.getheader("Location"), text

    def form(self, path: str) -> dict:
        status, _, page = self.request("GET", path)
        if status != 200:
            raise RuntimeError(f"GET {path} answered {status}")
        parser = _FormFields()
        parser.feed(page)
        return parser.fields


def admin_write(proxy_port: int, primary, slug: str) -> dict:
    """An editor changes a source's description in the admin; who sees it when."""
    editor = Browser(proxy_port)
    login = editor.form("/admin/login/")
    login.update(username="demo-editor", password=ADMIN_PASSWORD, next="/admin/")
    status, location, _ = editor.request("POST", "/admin/login/", login)
    if status != 302:
        raise RuntimeError(f"admin login answered {status}")
    source_id = primary.sql(f"SELECT id FROM reports_source WHERE slug = '{slug}'")[0][0]
    change = f"/admin/reports/source/{source_id}/change/"
    fields = editor.form(change)
    marker = f"Checked in the cluster demo {uuid.uuid4().hex[:8]}"
    fields["description"] = marker
    status, location, body = editor.request("POST", change, fields)
    if status != 302:
        errors = re.findall(r'class="errorlist[^"]*">(.*?)</ul>', body, re.S)
        raise RuntimeError(f"saving the source answered {status}: {errors}")
    saved_at = time.monotonic()
    lag = cluster.replication_lag(primary)
    # The editor's next read goes to the primary (read your writes): the change is there at once.
    _, _, own_page = editor.request("GET", f"/sources/{slug}/")
    # Another reader, served from the replica, from the moment the save was answered.
    reader, seen_after, reads = Browser(proxy_port), None, 0
    while time.monotonic() - saved_at < 10:
        _, _, page = reader.request("GET", f"/sources/{slug}/")
        reads += 1
        if marker in page:
            seen_after = time.monotonic() - saved_at
            break
        time.sleep(0.005)
    return {
        "editor_sees_change_at_once": marker in own_page,
        "anonymous_reader_sees_change_after_seconds": None if seen_after is None else round(seen_after, 3),
        "anonymous_reads_until_seen": reads,
        "replication_at_save": lag,
    }


def health(proxy_port: int) -> dict:
    connection = http.client.HTTPConnection("127.0.0.1", proxy_port, timeout=10)
    connection.request("GET", "/healthz")
    return json.loads(connection.getresponse().read())


def wait_for(condition, timeout: float, what: str):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        with contextlib.suppress(Exception):
            if condition():
                return
        time.sleep(0.2)
    raise RuntimeError(f"timed out waiting for {what}")


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--phase-seconds", type=float, default=8, help="how long each phase lasts (default 8)")
    parser.add_argument("--clients", type=int, default=8, help="concurrent readers (default 8)")
    parser.add_argument("--articles", type=int, default=400, help="synthetic articles to serve (default 400)")
    parser.add_argument("--json", type=Path, help="also write the figures to this file")
    parser.add_argument("--keep", action="store_true", help="keep the servers' folders and logs (printed at the end)")
    options = parser.parse_args(argv)

    base = Path(tempfile.mkdtemp(prefix="archive-cluster-"))
    processes, primary, replica = [], None, None
    try:
        started = time.monotonic()
        primary, replica = cluster.start_pair(base / "pg")
        print(f"PostgreSQL primary on 127.0.0.1:{primary.port}, streaming replica on 127.0.0.1:{replica.port}", flush=True)
        with cluster.redis_server(base) as (cache_url, redis_note):
            print(f"Redis: {redis_note}", flush=True)
            proxy_port = cluster.free_port()
            host_ports = {"app1": cluster.free_port(), "app2": cluster.free_port()}
            setup_env = cluster.app_environment(primary.url, None, cache_url, proxy_port)
            print(f"filling the primary (the shipped data and {options.articles} synthetic articles)…", flush=True)
            cluster.manage(setup_env, "migrate", "--no-input")
            cluster.manage(setup_env, "collectstatic", "--no-input")
            cluster.manage(setup_env, "load_demo")
            cluster.manage(setup_env, "generate_archive", "--articles", str(options.articles), "--seed", "1")
            cluster.manage(
                {**setup_env, "DJANGO_SUPERUSER_PASSWORD": ADMIN_PASSWORD},
                "createsuperuser", "--no-input", "--username", "demo-editor", "--email", "editor@example.org",
            )  # fmt: skip
            caught_up = cluster.wait_until_replayed(primary, replica, timeout=60)
            print(f"replica caught up {caught_up:.2f} s after the load", flush=True)

            app_env = cluster.app_environment(primary.url, replica.url, cache_url, proxy_port)
            app_env["API_RATE_LIMIT"] = "1000000/minute"  # one client address makes all this load
            hosts = {name: cluster.start_app_host(app_env, port, base / f"{name}.log") for name, port in host_ports.items()}
            processes += list(hosts.values())
            processes.append(cluster.start_haproxy(base, proxy_port, host_ports))
            wait_for(lambda: health(proxy_port)["databases"]["replica"]["serving_reads"], 30, "the replica to serve reads")
            print(f"HAProxy on 127.0.0.1:{proxy_port} in front of {', '.join(f'{n} :{p}' for n, p in host_ports.items())}")
            ready = time.monotonic() - started
            print(f"ready after {ready:.0f} s; {options.clients} readers for {options.phase_seconds:.0f} s a phase\n")

            load = Load(proxy_port, options.clients)
            load.start()
            seconds = options.phase_seconds
            phases = {}
            load.run_phase("warm-up", seconds)  # workers load templates and caches fill; not reported
            phases["two hosts"] = load.run_phase("two hosts", seconds)
            phases["host stopping"] = load.run_phase("host stopping", seconds, lambda: cluster.stop_process(hosts["app2"]))
            phases["one host"] = load.run_phase("one host", seconds)

            def stop_replica():
                replica.stop("fast")
                return {"health_after": None}

            phases["replica stopped"] = load.run_phase("replica stopped", seconds, stop_replica)
            phases["replica stopped"]["detail"]["health_after"] = health(proxy_port)["databases"]

            def start_replica():
                replica.start()
                return {}

            phases["replica back"] = load.run_phase("replica back", seconds, start_replica)
            wait_for(lambda: health(proxy_port)["databases"]["replica"]["serving_reads"], 20, "the replica to serve reads again")
            phases["replica back"]["detail"]["health_after"] = health(proxy_port)["databases"]
            phases["admin write"] = load.run_phase("admin write", seconds, lambda: admin_write(proxy_port, primary, "isw"))
            load.stop()
    finally:
        for process in reversed(processes):
            cluster.stop_process(process)
        for server in (replica, primary):
            if server is not None:
                server.stop("immediate")
        if not options.keep:
            shutil.rmtree(base, ignore_errors=True)

    report(phases)
    if options.keep:
        print(f"\nfolders and logs kept in {base}")
    if options.json:
        options.json.write_text(json.dumps(phases, indent=2, default=str))
    return 0 if passed(phases, options.clients) else 1


def report(phases: dict) -> None:
    print(f"{'phase':<16} {'requests/s':>10} {'requests':>9} {'errors':>7}  served by")
    for name, figures in phases.items():
        served = ", ".join(f"{host} {count}" for host, count in sorted(figures["served_by"].items()))
        print(f"{name:<16} {figures['requests_per_second']:>10} {figures['requests']:>9} {figures['errors']:>7}  {served}")
        other = {outcome: count for outcome, count in figures["outcomes"].items() if outcome != "ok"}
        if other:
            print(f"{'':<16} not ok: {other}")
    replica = phases["replica stopped"]["detail"]["health_after"].get("replica", {})
    status, serving = replica.get("status"), replica.get("serving_reads")
    print(f"\nwith the replica stopped, /healthz said: replica {status}, serving reads: {serving}")
    write = phases["admin write"]["detail"]
    print(f"admin write: the editor saw it at once: {write['editor_sees_change_at_once']}")
    print(
        f"a reader on the replica saw it {write['anonymous_reader_sees_change_after_seconds']} s after the save returned, "
        f"on read {write['anonymous_reads_until_seen']}"
    )
    print(f"replication at the save: {write['replication_at_save']}")


def passed(phases: dict, clients: int) -> bool:
    write = phases["admin write"]["detail"]
    return (
        all(figures["errors"] == 0 for name, figures in phases.items() if name != "host stopping")
        and phases["host stopping"]["errors"] <= clients  # at most the requests in flight when it stopped
        and write["editor_sees_change_at_once"]
        and write["anonymous_reader_sees_change_after_seconds"] is not None
        and phases["replica stopped"]["detail"]["health_after"]["replica"]["status"] == "down"
    )


if __name__ == "__main__":
    sys.exit(main())
