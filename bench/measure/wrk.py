"""Latency and throughput with wrk (Debian's), read from a Lua done() hook as JSON.

wrk keeps every connection busy: a new request goes out as soon as the answer is in, so
16 connections are 16 clients that never pause (a closed-loop load, the worst case).
"""

import json
import shutil
import subprocess
import tempfile
from pathlib import Path

DONE_HOOK = """
done = function(summary, latency, requests)
  local e = summary.errors
  io.write("WRKJSON ", string.format(
    '{"requests": %d, "duration_us": %d, "p50_us": %d, "p95_us": %d, "p99_us": %d, '
    .. '"max_us": %d, "mean_us": %.0f, "errors_status": %d, "errors_socket": %d}\\n',
    summary.requests, summary.duration, latency:percentile(50), latency:percentile(95),
    latency:percentile(99), latency.max, latency.mean, e.status,
    e.connect + e.read + e.write + e.timeout))
end
"""

# One cookie per request in turn, so concurrent staff requests are different sessions, as
# different handlers would be (each request saves its session: SESSION_SAVE_EVERY_REQUEST).
COOKIES = """
local cookies = {%s}
local turn = 0
request = function()
  turn = turn %% #cookies + 1
  wrk.headers["Cookie"] = cookies[turn]
  return wrk.format("GET")
end
"""

# A new report per request, each with its own Idempotency-Key (thread number + counter).
POST_REPORT = """
local counter = 0
local threads = 0
local prefix = "%(prefix)s"
setup = function(thread)
  threads = threads + 1
  thread:set("id", threads)
end
request = function()
  counter = counter + 1
  local key = prefix .. "-" .. tostring(id) .. "-" .. tostring(counter)
  wrk.headers["Idempotency-Key"] = key
  wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
  return wrk.format("POST", nil, nil, "%(body)s")
end
"""


def available() -> bool:
    return shutil.which("wrk") is not None


def run(url: str, connections: int, seconds: int, script: str = "", threads: int = 2) -> dict:
    """Run wrk; returns requests/s, p50/p95/p99/max in ms and the error counts."""
    with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as handle:
        handle.write(script + DONE_HOOK)
    try:
        done = subprocess.run(
            [
                "wrk",
                f"--threads={min(threads, connections)}",
                f"--connections={connections}",
                f"--duration={seconds}s",
                "--timeout=30s",
                f"--script={handle.name}",
                url,
            ],
            capture_output=True,
            text=True,
            check=True,
        )
    finally:
        Path(handle.name).unlink()
    line = next(x for x in done.stdout.splitlines() if x.startswith("WRKJSON "))
    raw = json.loads(line.removeprefix("WRKJSON "))
    seconds_run = raw["duration_us"] / 1e6
    return {
        "connections": connections,
        "requests": raw["requests"],
        "per_second": round(raw["requests"] / seconds_run, 1),
        "p50_ms": raw["p50_us"] / 1000,
        "p95_ms": raw["p95_us"] / 1000,
        "p99_ms": raw["p99_us"] / 1000,
        "max_ms": raw["max_us"] / 1000,
        "non_2xx": raw["errors_status"],
        "socket_errors": raw["errors_socket"],
    }


def lua_string(text: str) -> str:
    return text.replace("\\", "\\\\").replace('"', '\\"')


def cookie_script(cookies: list[str]) -> str:
    return COOKIES % ", ".join(f'"{lua_string(c)}"' for c in cookies)


def post_script(body: str, prefix: str) -> str:
    return POST_REPORT % {"body": lua_string(body), "prefix": lua_string(prefix)}
