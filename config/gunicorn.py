"""gunicorn's settings for the archive: `gunicorn --config config/gunicorn.py config.wsgi`.

Threads, not sync workers. An export streams for as long as its reader reads; with sync workers each
reader holds a whole process, so a few clients that ask for a large file and never read it leave no
process for /healthz or the pages. Here each worker process serves many requests at once on threads,
and a reader that takes no bytes for SEND_TIMEOUT seconds is dropped (config/wsgi.py), which frees its
thread and its database connection. Command-line options override these (e.g. `--bind`).

Environment: WEB_WORKERS (processes, default 2: one per core), WEB_THREADS (threads per process,
default 16), PORT or BIND (default 127.0.0.1:8000).
"""

import os

bind = os.environ.get("BIND") or f"127.0.0.1:{os.environ.get('PORT', '8000')}"
worker_class = "gthread"
workers = int(os.environ.get("WEB_WORKERS", "2"))
threads = int(os.environ.get("WEB_THREADS", "16"))
# Connections a worker keeps at once, waiting ones included; beyond it the kernel's backlog queues them.
worker_connections = 200
# With threads the worker's main loop answers the heartbeat while requests run, so this restarts a worker
# that is truly stuck, not one that is streaming a long export.
timeout = 60
graceful_timeout = 30
keepalive = 5
# Longer request lines get 414, more or larger headers 431, before the application sees them.
limit_request_line = 8190
limit_request_fields = 100
limit_request_field_size = 8190
# Renew each process now and then, so that a slow leak in a dependency cannot grow without bound.
max_requests = 5000
max_requests_jitter = 500
