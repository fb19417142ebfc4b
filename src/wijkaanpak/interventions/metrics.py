"""Participants reached by chosen interventions, as a computed effort indicator.

An indicator chooses the interventions in its metric key, so no field on Indicator is
needed:  "interventions.participants:krachtbus,buurtgezinnen"  or by number in the
programme: "interventions.participants:13,12" (short, as metric_key holds 80 characters).

The value for a month is the sum of participants of the reach records of those
interventions whose period ENDS in that month (a record spanning months counts once, in its
last month); no records means no figure, never 0. An intervention is followed across
editions through its `previous` links, so a new edition does not break the series.
Registered in InterventionsConfig.ready().
"""

import re
from decimal import Decimal
from functools import partial

from wijkaanpak.programme import metrics as registry

from .models import Intervention
from .services.reach import participants_ending_between

PREFIX = "interventions.participants"
LABEL = "Deelnemers bereikt door gekozen interventies (aantal)"
SOURCE = (
    "Bereik van interventies in wijkaanpak: de deelnemers van de gekozen interventies "
    "opgeteld, per maand waarin de periode van een registratie eindigt"
)
_TOKEN = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")


def parse(parameter: str) -> tuple[str, ...] | None:
    """'krachtbus, 12' -> ('krachtbus', '12'); None for anything that is not a plain list."""
    tokens = tuple(t.strip().lower() for t in parameter.split(","))
    if not tokens or not all(_TOKEN.match(t) for t in tokens) or len(set(tokens)) != len(tokens):
        return None
    return tokens


def resolve(programme, tokens: tuple[str, ...]) -> list[int]:
    """Ids of the chosen interventions of this edition and of the same ones in other editions."""
    numbers = [int(t) for t in tokens if t.isdigit()]
    slugs = [t for t in tokens if not t.isdigit()]
    chosen = programme.interventions.filter(slug__in=slugs) | programme.interventions.filter(
        number__in=numbers
    )
    ids = set(chosen.values_list("pk", flat=True))
    frontier = set(ids)
    while frontier:  # walk the `previous` links both ways until nothing new turns up
        linked = Intervention.objects.filter(previous_id__in=frontier).values_list("pk", flat=True)
        earlier = Intervention.objects.filter(pk__in=frontier, previous__isnull=False).values_list(
            "previous_id", flat=True
        )
        frontier = (set(linked) | set(earlier)) - ids
        ids |= frontier
    return sorted(ids)


def participants(tokens, programme, start, end) -> Decimal | None:
    total = participants_ending_between(resolve(programme, tokens), start, end)
    return None if total is None else Decimal(total)


def factory(key: str, parameter: str) -> registry.Metric | None:
    tokens = parse(parameter)
    if tokens is None:
        return None
    chosen = ", ".join(tokens)
    source = f"{SOURCE} (interventies: {chosen})"
    if len(source) > 300:  # Measurement.source holds 300 characters
        source = source[:299] + "…"
    return registry.Metric(key, LABEL, source, partial(participants, tokens))


def register() -> None:
    registry.register_family(PREFIX, LABEL, SOURCE, factory)
