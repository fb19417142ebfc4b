"""What the reporter hears about a report event. (Being built: see the notifications work.)

`on_event` is called by the report services for every ReportEvent they create, inside the
same transaction; it enqueues outbox messages for the contacts who should know.
"""


def on_event(event) -> None:
    return None
