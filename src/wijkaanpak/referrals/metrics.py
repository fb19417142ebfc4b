"""Referrals that started feed the reach of an intervention, as a computed effort indicator.

An indicator names the offers in its metric key, by the offer's slug or by the slug of the
intervention the offer runs:  "referrals.started:buurtgezinnen,lifegoals"  (metric_key holds
80 characters, so the prefix is short). The value for a month is the number of referrals to
those offers in the programme's area that started in that month (Amsterdam time), counted
from rows that survive erasure. Registered in ReferralsConfig.ready().
"""

from decimal import Decimal
from functools import partial

from wijkaanpak.interventions.metrics import parse
from wijkaanpak.programme import metrics as registry
from wijkaanpak.referrals.models import Referral
from wijkaanpak.referrals.services import reach

PREFIX = "referrals.started"
LABEL = "Warme verwijzingen die gestart zijn (aantal)"
SOURCE = (
    "Warme verwijzingen in wijkaanpak: verwijzingen naar het gekozen aanbod die in de maand "
    "gestart zijn"
)


def started(tokens: tuple[str, ...], programme, start, end) -> Decimal | None:
    referrals = Referral.objects.filter(reach.offers_matching(programme.area, tokens))
    value = reach.started_between(referrals, start, end)
    return None if value is None else Decimal(value)


def factory(key: str, parameter: str) -> registry.Metric | None:
    tokens = parse(parameter)
    if tokens is None:
        return None
    source = f"{SOURCE} (aanbod: {', '.join(tokens)})"
    if len(source) > 300:  # Measurement.source holds 300 characters
        source = source[:299] + "…"
    return registry.Metric(key, LABEL, source, partial(started, tokens))


def register() -> None:
    registry.register_family(PREFIX, LABEL, SOURCE, factory)
