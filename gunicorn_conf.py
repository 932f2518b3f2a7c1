"""How `make run` serves the portal (gunicorn -c gunicorn_conf.py).

Rate limits (sign-in, tracking) are counted in the limiter's storage. The
embedded default, memory://, is per process: two worker processes would let
through twice the configured figure. So without Redis the portal is ONE
process with threads, and "10 a minute" is 10 a minute. With REDIS_URL the
counters live in Redis and WEB_WORKERS processes (on any number of machines)
share them."""

import os

shared_limits = bool(os.environ.get("REDIS_URL"))
workers = int(os.environ.get("WEB_WORKERS", 2)) if shared_limits else 1
worker_class = "gthread"
threads = int(os.environ.get("WEB_THREADS", 8))
accesslog = "-"
