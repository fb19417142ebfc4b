"""Bad input never gets a 5xx, and every answer is what the API schema says (security.md E7).

The short run of bench/fuzz.py: schemathesis over docs/api/openapi.yaml (examples, boundary
values and random data, valid and invalid) against gunicorn with production settings, as a
staff member past the second factor, on a scratch database with reports and referrals.
`make bench` runs the same with a much larger budget.
"""

from bench.fuzz import CHECKS, run, seed_data
from bench.servers import start_gunicorn, stop

from .conftest import needs_postgres

pytestmark = needs_postgres

MAX_EXAMPLES = 3  # per operation, per phase: the whole test stays under a minute


def test_no_server_error_and_every_answer_as_the_schema_says(scratch_database):
    url = scratch_database("wijkaanpak_fuzz")
    session = seed_data(url)
    server = start_gunicorn(url, workers=2)
    try:
        outcome = run(server.url, session, max_examples=MAX_EXAMPLES, workers=2)
    finally:
        stop(server)
    print(f"\nschemathesis ({', '.join(CHECKS)}): {outcome.seconds:.0f} s\n{outcome.summary}")
    assert outcome.passed, outcome.output
