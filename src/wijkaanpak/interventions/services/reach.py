"""Reach of interventions: people reached and activities held, counted per period.

Counts only, never persons. A record belongs to the year (and month) its period ends in;
the computed participants indicator uses the same rule, so the pages and the indicator
agree. Somebody who takes part in several periods is counted in each of them.
"""

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q, Sum
from django.utils import timezone
from django.utils.translation import gettext as _

from ..models import AgeBand, Intervention, ReachRecord

# Fields a staff member fills in once per period, whatever the age band.
PERIOD_FIELDS = ("period_start", "period_end", "neighbourhood", "source")


def _overlapping(intervention, start, end):
    return ReachRecord.objects.filter(
        intervention=intervention, period_start__lte=end, period_end__gte=start
    )


def validate_reach(
    intervention: Intervention,
    *,
    period_start: dt.date,
    period_end: dt.date,
    age_band: str,
    neighbourhood,
    participants: int,
    activities_held: int | None,
    source: str,
    today: dt.date,
) -> None:
    """Raise ValidationError (per field, in Dutch) unless the record may be stored."""
    errors: dict[str, str] = {}
    if period_start > period_end:
        errors["period_end"] = _("Het einde van de periode ligt voor het begin.")
    elif period_end > today:
        errors["period_end"] = _(
            "Het einde van de periode ligt in de toekomst. Vul het bereik in als de periode "
            "voorbij is."
        )
    if age_band not in AgeBand.values:
        errors["age_band"] = _("Kies een leeftijdsgroep.")
    if neighbourhood is not None and neighbourhood.area_id != intervention.programme.area_id:
        errors["neighbourhood"] = _("Deze buurt hoort niet bij het gebied van dit programma.")
    if participants is None or participants < 0:
        errors["participants"] = _("Vul het aantal deelnemers in (0 of meer).")
    if activities_held is not None and activities_held < 0:
        errors["activities_held"] = _("Het aantal activiteiten kan niet negatief zijn.")
    if not (source or "").strip():
        errors["source"] = _(
            "Schrijf waar het cijfer vandaan komt, bijvoorbeeld de presentielijst."
        )
    if not errors:
        overlap = _overlapping(intervention, period_start, period_end)
        same = overlap.filter(age_band=age_band, neighbourhood=neighbourhood)
        if same.exists():
            # Overlapping periods of the same group would count the same people twice.
            errors["period_start"] = _(
                "Voor deze leeftijdsgroep en buurt is er al bereik ingevuld in (een deel van) "
                "deze periode. Zo zouden mensen dubbel tellen."
            )
        elif activities_held is not None and overlap.filter(activities_held__isnull=False).exists():
            # Activities belong to the period, not to an age band: counted once.
            errors["activities_held"] = _(
                "Het aantal activiteiten voor deze periode is al ingevuld. Vul het maar één keer "
                "per periode in."
            )
    if errors:
        raise ValidationError(errors)


@transaction.atomic
def record_reach(
    intervention: Intervention,
    *,
    period_start: dt.date,
    period_end: dt.date,
    age_band: str,
    participants: int,
    source: str,
    neighbourhood=None,
    activities_held: int | None = None,
    user=None,
    today: dt.date | None = None,
) -> ReachRecord:
    # Lock the intervention so two people entering the same period cannot both pass.
    Intervention.objects.select_for_update().filter(pk=intervention.pk).first()
    values = {
        "period_start": period_start,
        "period_end": period_end,
        "age_band": age_band,
        "neighbourhood": neighbourhood,
        "participants": participants,
        "activities_held": activities_held,
        "source": (source or "").strip(),
    }
    validate_reach(intervention, today=today or timezone.localdate(), **values)
    return ReachRecord.objects.create(intervention=intervention, entered_by=user, **values)


@transaction.atomic
def record_reach_rows(intervention, rows: list[dict], *, user=None, today=None):
    """Store several records at once (one per age band), all or none."""
    return [record_reach(intervention, user=user, today=today, **row) for row in rows]


@dataclass
class YearReach:
    year: int
    participants: int = 0
    activities: int | None = None
    by_age_band: dict[str, int] = field(default_factory=dict)
    by_neighbourhood: dict[str, int] = field(default_factory=dict)

    @property
    def age_rows(self) -> list[tuple[str, int]]:
        labels = dict(AgeBand.choices)
        return [(labels[b], self.by_age_band[b]) for b in AgeBand.values if b in self.by_age_band]

    @property
    def neighbourhood_rows(self) -> list[tuple[str, int]]:
        known = sorted((n, c) for n, c in self.by_neighbourhood.items() if n)
        unknown = self.by_neighbourhood.get("")
        return known + ([(_("buurt onbekend"), unknown)] if unknown is not None else [])


def _summarise(records) -> list[YearReach]:
    years: dict[int, YearReach] = {}
    for r in records:
        year = years.setdefault(r.period_end.year, YearReach(r.period_end.year))
        year.participants += r.participants
        if r.activities_held is not None:
            year.activities = (year.activities or 0) + r.activities_held
        year.by_age_band[r.age_band] = year.by_age_band.get(r.age_band, 0) + r.participants
        hood = r.neighbourhood.name if r.neighbourhood_id else ""
        year.by_neighbourhood[hood] = year.by_neighbourhood.get(hood, 0) + r.participants
    return [years[y] for y in sorted(years)]


def reach_summary(intervention: Intervention) -> list[YearReach]:
    """Totals per year (the year a period ends), per age band and per neighbourhood."""
    return _summarise(intervention.reach.select_related("neighbourhood"))


def line_reach(line) -> dict[int, int]:
    """Participants of all the line's interventions per year: {year: total}."""
    totals: dict[int, int] = defaultdict(int)
    for end, count in ReachRecord.objects.filter(intervention__line=line).values_list(
        "period_end", "participants"
    ):
        totals[end.year] += count
    return dict(sorted(totals.items()))


def participants_ending_between(interventions, start: dt.date, end: dt.date) -> int | None:
    """Participants of records whose period ends from start to end; None when there are none."""
    records = ReachRecord.objects.filter(
        Q(intervention__in=interventions), period_end__gte=start, period_end__lte=end
    )
    total = records.aggregate(total=Sum("participants"))["total"]
    return None if total is None else int(total)
