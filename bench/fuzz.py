"""Schemathesis over the committed OpenAPI schema against a real server (security.md E7).

Makes a scratch PostgreSQL database (migrated; the Westwijk programme, roles, report
categories; reports and warm referrals from bench/reliability_data.py), starts gunicorn with
production settings on loopback, and runs schemathesis over docs/api/openapi.yaml as a staff
member past the second factor, so the staff endpoints are reached too. Prints a summary;
exits 1 when a check failed. `make bench` runs it with a large budget:

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres .venv/bin/python bench/fuzz.py \\
        [--max-examples 100] [--seed 1] [--workers 2]

The test suite runs the same function with a small budget (tests/reliability).
"""

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench import scratch, servers  # noqa: E402

SCHEMA = ROOT / "docs" / "api" / "openapi.yaml"
# What must hold for every response: never a 5xx, and every answer as the schema says.
CHECKS = (
    "not_a_server_error",
    "response_schema_conformance",
    "content_type_conformance",
)
# Schema examples, boundary values of every parameter (valid and invalid), random data.
PHASES = ("examples", "coverage", "fuzzing")


@dataclass
class Outcome:
    returncode: int
    seconds: float
    output: str
    summary: str

    @property
    def passed(self) -> bool:
        return self.returncode == 0


def seed_data(database_url: str) -> dict:
    """Reports, referrals and a staff session in the database; returns the session's cookies."""
    out = scratch.manage(
        database_url, "shell", "-c", "from bench.reliability_data import main; main()"
    )
    return json.loads(out.strip().splitlines()[-1])


def auth_headers(session: dict) -> list[str]:
    cookie = f"sessionid={session['sessionid']}; csrftoken={session['csrftoken']}"
    # The CSRF header is what a browser's JavaScript would send for session-authenticated POSTs.
    return ["-H", f"Cookie: {cookie}", "-H", f"X-CSRFToken: {session['csrftoken']}"]


def run(
    base_url: str,
    session: dict,
    *,
    max_examples: int,
    seed: int = 1,
    checks: tuple[str, ...] = CHECKS,
    phases: tuple[str, ...] = PHASES,
    workers: int = 1,
) -> Outcome:
    """Run the schemathesis CLI; its caches go to a temporary folder, not the work tree."""
    with tempfile.TemporaryDirectory(prefix="schemathesis-") as workdir:
        command = [
            str(Path(sys.executable).with_name("schemathesis")),
            "run",
            str(SCHEMA),
            f"--url={base_url}",
            f"--checks={','.join(checks)}",
            f"--phases={','.join(phases)}",
            f"--max-examples={max_examples}",
            f"--seed={seed}",
            f"--workers={workers}",
            "--generation-database=none",
            "--generation-with-security-parameters=false",
            "--request-timeout=30",
            "--no-color",
            *auth_headers(session),
        ]
        started = time.monotonic()
        done = subprocess.run(
            command, cwd=workdir, capture_output=True, text=True, check=False, timeout=3600
        )
        seconds = time.monotonic() - started
    output = done.stdout + done.stderr
    return Outcome(done.returncode, seconds, output, _summary(output))


def _summary(output: str) -> str:
    """The CLI's own SUMMARY block (operations, phases, failures, test cases)."""
    marker = output.rfind(" SUMMARY ")
    return output[output.rfind("\n", 0, marker) + 1 :].strip() if marker >= 0 else output[-3000:]


def fuzz(database_url: str, *, max_examples: int, seed: int = 1, workers: int = 1) -> Outcome:
    """The whole run on a scratch copy of the server in `database_url`; everything is dropped."""
    template = scratch.prepared_template(database_url, "wijkaanpak_fuzz_tmpl")
    url = scratch.clone(template, "wijkaanpak_fuzz")
    server = None
    try:
        session = seed_data(url)
        server = servers.start_gunicorn(url, workers=2)
        return run(server.url, session, max_examples=max_examples, seed=seed, workers=workers)
    finally:
        if server is not None:
            servers.stop(server)
        scratch.drop(url)
        scratch.drop(template)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--max-examples", type=int, default=100)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--verbose", action="store_true", help="print the whole CLI output")
    args = parser.parse_args()
    database_url = os.environ.get("DATABASE_URL", scratch.DEFAULT_URL)
    if not database_url.startswith("postgres"):
        print("fuzz: needs PostgreSQL; set DATABASE_URL=postgres://...", file=sys.stderr)
        return 2
    outcome = fuzz(
        database_url, max_examples=args.max_examples, seed=args.seed, workers=args.workers
    )
    print(outcome.output if args.verbose or not outcome.passed else outcome.summary)
    print(
        f"\nfuzz: {'passed' if outcome.passed else 'FAILED'} in {outcome.seconds:.0f} s "
        f"(max {args.max_examples} examples per operation, seed {args.seed}, "
        f"checks {', '.join(CHECKS)})"
    )
    return 0 if outcome.passed else 1


if __name__ == "__main__":
    sys.exit(main())
