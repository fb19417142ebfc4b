"""Two POSTs with the same Idempotency-Key at the same moment create one report (E6, R1).

Runs on PostgreSQL only (CI): SQLite serialises all writers, so there is no race to show.
"""

import threading

import pytest
from django.db import connection
from django.test import Client

from wijkaanpak.reports.models import Report

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(connection.vendor != "postgresql", reason="a real race needs PostgreSQL"),
]


def test_concurrent_duplicates_create_one_report(area, categories, api_key):
    form = {
        "api_key": api_key,
        "service_code": "zwerfafval",
        "neighbourhood": "noordoost",
        "address_string": "Korfmakerstraat",
        "description": "Vuilniszakken naast de container.",
    }
    start = threading.Barrier(4)
    answers = []

    def post():
        try:
            start.wait()
            response = Client().post(
                "/open311/v2/requests.json", form, HTTP_IDEMPOTENCY_KEY="tegelijk"
            )
            answers.append((response.status_code, response.json()))
        finally:
            connection.close()

    threads = [threading.Thread(target=post) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)

    assert [status for status, _body in answers] == [201] * 4
    assert len({body[0]["service_request_id"] for _status, body in answers}) == 1
    assert Report.objects.count() == 1
