"""The parts of a small cluster on loopback: a PostgreSQL primary and its streaming replica, Redis, app
hosts (gunicorn) and HAProxy in front. Used by scripts/cluster_demo.py and the tests marked `cluster`.

Both PostgreSQL servers run the embedded PostgreSQL 16 binaries of the `pgserver` wheel; the replica is
made with `pg_basebackup -R`. PostgreSQL refuses to run as root, so as root the servers run as the
unprivileged user the wheel itself uses (`pgserver`). Redis is the machine's on 127.0.0.1:6379 when it
answers, else a `redis-server` started here; Redis and HAProxy come from Debian's packages, installed
with apt-get when missing.
"""

import contextlib
import os
import pwd
import shutil
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATABASE = "archive"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_for_port(port: int, timeout: float = 60, process: subprocess.Popen | None = None) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process is not None and process.poll() is not None:
            raise RuntimeError(f"{process.args[0]} exited with status {process.returncode}")
        with contextlib.suppress(OSError):
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            return
        time.sleep(0.2)
    raise RuntimeError(f"nothing answered on port {port} within {timeout:.0f} s")


def apt_install(package: str, binary: str) -> str:
    """The path of `binary`, installing the Debian package that ships it when it is missing."""
    found = shutil.which(binary) or (f"/usr/sbin/{binary}" if Path(f"/usr/sbin/{binary}").exists() else None)
    if found:
        return found
    sudo = [] if os.geteuid() == 0 else ["sudo"]
    print(f"installing Debian's {package}…", flush=True)
    subprocess.run([*sudo, "apt-get", "update", "-qq"], check=True)
    environment = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    command = [*sudo, "apt-get", "install", "-y", "-qq", "--no-install-recommends", package]
    subprocess.run(command, check=True, env=environment, stdout=subprocess.DEVNULL)
    return shutil.which(binary) or f"/usr/sbin/{binary}"


def _postgres_bin() -> Path:
    import pgserver

    return Path(pgserver.__file__).parent / "pginstall" / "bin"


class Postgres:
    """One PostgreSQL server in a folder of its own, listening on 127.0.0.1:`port`."""

    def __init__(self, data_dir: Path, port: int):
        self.data_dir, self.port = data_dir, port
        self.user = "pgserver" if os.geteuid() == 0 else None
        if self.user:
            from pgserver.utils import ensure_user_exists

            ensure_user_exists(self.user)  # created by the wheel's first start; this may come first

    @property
    def url(self) -> str:
        return f"postgres://postgres@127.0.0.1:{self.port}/{DATABASE}"

    def run(self, tool: str, *args: str) -> str:
        command = [str(_postgres_bin() / tool), *args]
        done = subprocess.run(command, user=self.user, capture_output=True, text=True, timeout=300, cwd="/")
        if done.returncode:
            raise RuntimeError(f"{tool} failed: {done.stderr.strip() or done.stdout.strip()}")
        return done.stdout

    def _own(self, path: Path) -> None:
        if self.user:
            account = pwd.getpwnam(self.user)
            os.chown(path, account.pw_uid, account.pw_gid)

    def init(self) -> None:
        self.data_dir.mkdir(mode=0o700)
        self._own(self.data_dir)
        self.run("initdb", "-D", str(self.data_dir), "--auth=trust", "-U", "postgres", "--encoding=utf8", "--no-sync")

    def clone_of(self, primary: "Postgres") -> None:
        """Make this server a streaming replica of `primary` (which must be running)."""
        self.data_dir.parent.mkdir(parents=True, exist_ok=True)
        self.run(
            "pg_basebackup", "-h", "127.0.0.1", "-p", str(primary.port), "-U", "postgres",
            "-D", str(self.data_dir), "-R", "-X", "stream", "--checkpoint=fast", "--no-sync",
        )  # fmt: skip

    def start(self) -> None:
        options = (
            f"-p {self.port} -c listen_addresses=127.0.0.1 -c unix_socket_directories='' -c fsync=off "
            "-c hot_standby_feedback=on -c max_connections=60"
        )
        self.run("pg_ctl", "-D", str(self.data_dir), "-l", str(self.data_dir / "server.log"), "-o", options, "-w", "start")

    def stop(self, mode: str = "fast") -> None:
        with contextlib.suppress(RuntimeError):
            self.run("pg_ctl", "-D", str(self.data_dir), "-m", mode, "-w", "stop")

    def sql(self, statement: str, database: str = DATABASE):
        import psycopg

        with psycopg.connect(f"postgres://postgres@127.0.0.1:{self.port}/{database}", autocommit=True) as connection:
            cursor = connection.execute(statement)
            return cursor.fetchall() if cursor.description else None


def start_pair(base: Path) -> tuple[Postgres, Postgres]:
    """A primary with the empty `archive` database, and a streaming replica of it, in folders under `base`."""
    primary = Postgres(base / "primary", free_port())
    base.mkdir(parents=True, exist_ok=True)
    if primary.user:
        # The server's user must reach its folders: let everyone traverse the folders above (as pgserver does).
        for folder in [base, *base.parents]:
            if folder.stat().st_uid == os.geteuid():
                folder.chmod(folder.stat().st_mode | 0o055)
    primary._own(base)  # pg_basebackup, run as the server's user, creates the replica's folder here
    primary.init()
    primary.start()
    primary.sql(f"CREATE DATABASE {DATABASE}", database="postgres")
    replica = Postgres(base / "replica", free_port())
    replica.clone_of(primary)
    replica.start()
    return primary, replica


def replication_lag(primary: Postgres) -> dict:
    """What the primary knows of its replica: bytes of WAL not yet replayed and the replay lag it measured."""
    rows = primary.sql(
        "SELECT pg_wal_lsn_diff(pg_current_wal_lsn(), replay_lsn)::bigint, "
        "COALESCE(EXTRACT(EPOCH FROM replay_lag), 0)::float FROM pg_stat_replication"
    )
    if not rows:
        return {"connected": False}
    return {"connected": True, "bytes_behind": rows[0][0], "replay_lag_seconds": round(rows[0][1], 4)}


def wait_until_replayed(primary: Postgres, replica: Postgres, timeout: float = 30) -> float:
    """Seconds until the replica replayed everything the primary had written when called."""
    target = primary.sql("SELECT pg_current_wal_lsn()::text")[0][0]
    started = time.monotonic()
    while time.monotonic() - started < timeout:
        if replica.sql(f"SELECT pg_last_wal_replay_lsn() >= '{target}'::pg_lsn")[0][0]:
            return time.monotonic() - started
        time.sleep(0.02)
    raise RuntimeError("the replica did not catch up")


@contextlib.contextmanager
def redis_server(base: Path):
    """The URL of a Redis: the machine's on 127.0.0.1:6379 when it answers, else one started here."""
    with contextlib.suppress(OSError):
        socket.create_connection(("127.0.0.1", 6379), timeout=1).close()
        yield "redis://127.0.0.1:6379/7", "the machine's Redis on 127.0.0.1:6379 (database 7)"
        return
    binary = apt_install("redis-server", "redis-server")
    port = free_port()
    process = subprocess.Popen(
        [binary, "--port", str(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--dir", str(base)],
        stdout=subprocess.DEVNULL,
    )
    try:
        wait_for_port(port, process=process)
        yield f"redis://127.0.0.1:{port}/0", f"redis-server started on 127.0.0.1:{port}"
    finally:
        process.terminate()
        process.wait(10)


def app_environment(primary_url: str, replica_url: str | None, cache_url: str, proxy_port: int) -> dict:
    environment = {key: value for key, value in os.environ.items() if key not in {"DATABASE_URL", "DATABASE_REPLICA_URL"}}
    environment.update(
        DEBUG="0",
        SECRET_KEY="cluster-demo-" + "k" * 50,
        ALLOWED_HOSTS="127.0.0.1,localhost",
        CSRF_TRUSTED_ORIGINS=f"http://127.0.0.1:{proxy_port}",
        SECURE_SSL_REDIRECT="0",
        DATABASE_URL=primary_url,
        CACHE_URL=cache_url,
        LOG_LEVEL="WARNING",
        REPLICA_RETRY_SECONDS="2",
    )
    if replica_url:
        environment["DATABASE_REPLICA_URL"] = replica_url
    return environment


def manage(environment: dict, *args: str) -> str:
    done = subprocess.run(
        [sys.executable, "manage.py", *args], cwd=ROOT, env=environment, capture_output=True, text=True, timeout=600
    )
    if done.returncode:
        raise RuntimeError(f"manage.py {' '.join(args)} failed: {done.stderr.strip()[-2000:]}")
    return done.stdout


def start_app_host(environment: dict, port: int, log: Path, workers: int = 2) -> subprocess.Popen:
    """An app host: gunicorn with the project's config file when there is one, else plain flags."""
    command = [sys.executable, "-m", "gunicorn", "config.wsgi", "--bind", f"127.0.0.1:{port}"]
    if (ROOT / "config" / "gunicorn.py").exists():
        command += ["--config", "config/gunicorn.py"]
    command += ["--workers", str(workers), "--timeout", "60", "--graceful-timeout", "20"]
    process = subprocess.Popen(command, cwd=ROOT, env=environment, stdout=log.open("ab"), stderr=subprocess.STDOUT)
    wait_for_port(port, process=process)
    return process


def stop_process(process: subprocess.Popen, sig: int = signal.SIGTERM, timeout: float = 30) -> None:
    """Stop gracefully: gunicorn closes its listening socket and finishes the requests in flight."""
    if process.poll() is None:
        process.send_signal(sig)
        try:
            process.wait(timeout)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


HAPROXY_CONFIG = """\
global
    maxconn 512
defaults
    mode http
    timeout connect 2s
    timeout client 60s
    timeout server 60s
    # A busy host answers its health check after the requests queued before it: slow is not down.
    timeout check 10s
    retries 3
    option redispatch
    # A request that could not reach an app host (refused, reset before an answer) goes to another one.
    retry-on conn-failure empty-response response-timeout
frontend archive
    bind 127.0.0.1:{port}
    default_backend app_hosts
backend app_hosts
    balance roundrobin
    option httpchk GET /healthz
    http-check expect status 200
    http-response set-header X-App-Host %s
{servers}
"""


def start_haproxy(base: Path, port: int, app_ports: dict) -> subprocess.Popen:
    binary = apt_install("haproxy", "haproxy")
    servers = "\n".join(
        f"    server {name} 127.0.0.1:{app_port} check inter 1s fall 2 rise 2" for name, app_port in app_ports.items()
    )
    config = base / "haproxy.cfg"
    config.write_text(HAPROXY_CONFIG.format(port=port, servers=servers))
    process = subprocess.Popen(
        [binary, "-f", str(config), "-db"], stdout=(base / "haproxy.log").open("ab"), stderr=subprocess.STDOUT
    )
    wait_for_port(port, process=process)
    return process
