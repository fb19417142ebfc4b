"""The reports' figure for the programme: the share picked up within 5 working days.

Registered with the programme's metric registry in ReportsConfig.ready(); the programme
core computes the indicator whose metric_key is KEY without importing this app.
"""

import datetime as dt
from decimal import Decimal

from wijkaanpak.reports import statistics
from wijkaanpak.reports.domain import deadlines
from wijkaanpak.reports.models import Report

KEY = "reports.pickup_within_5_working_days"
LABEL = "Meldingen openbare ruimte binnen 5 werkdagen opgepakt (procent)"
SOURCE = (
    "Meldingen openbare ruimte in wijkaanpak: het deel van de meldingen die in de maand "
    "zijn ontvangen en binnen 5 werkdagen zijn opgepakt (zonder geannuleerde en dubbele "
    "meldingen, en zonder meldingen waarvan de termijn nog loopt)"
)


def pickup_within_5_working_days(programme, start: dt.date, end: dt.date) -> Decimal | None:
    """The share for the programme's area, for reports received from start to end.

    The counting rule is statistics.py's; None when there is nothing to count yet.
    """
    reports = statistics.received_between(Report.objects.filter(area=programme.area), start, end)
    return statistics.share(statistics.report_facts(reports), deadlines.today()).percentage
