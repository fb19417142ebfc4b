"""The national comparison page: every area against the Netherlands, per shared indicator.

Public, like the programme pages it links to. The rules are in domain.comparison; this
module only turns their results into plain Dutch for the table.
"""

from datetime import date
from decimal import Decimal

from django.shortcuts import render
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_safe

from ..domain.comparison import Figure, Kind, Movement, Position, Reason
from ..presentation import format_value
from ..services.comparison import AreaComparison, national_comparison
from .visitor_cache import cached_for_visitors

MOVEMENT_LABELS = {
    Movement.SMALLER: gettext_lazy("kloof kleiner geworden"),
    Movement.LARGER: gettext_lazy("kloof groter geworden"),
    Movement.SAME: gettext_lazy("kloof gelijk gebleven"),
    Movement.UNKNOWN: gettext_lazy("onbekend"),
}
MOVEMENT_TEXTS = {
    Movement.SMALLER: gettext_lazy("Het gebied is vergeleken met Nederland vooruitgegaan."),
    Movement.LARGER: gettext_lazy("Het gebied is vergeleken met Nederland achteruitgegaan."),
    Movement.SAME: gettext_lazy("Het verschil met Nederland is even groot als bij de nulmeting."),
}
REASON_TEXTS = {
    Reason.NO_POLARITY: gettext_lazy("Niet bekend of hoger of lager beter is."),
    Reason.NO_AREA_VALUE: gettext_lazy("Er is nog geen meting van het gebied."),
    Reason.NO_NETHERLANDS_VALUE: gettext_lazy("Er is geen cijfer van Nederland."),
    Reason.NO_BASELINE: gettext_lazy(
        "Er is geen nulmeting: geen meting van het gebied met een cijfer van Nederland uit "
        "dezelfde tijd of eerder, en geen referentiewaarden."
    ),
    Reason.NOTHING_SINCE_BASELINE: gettext_lazy(
        "Er is na de nulmeting nog niet opnieuw gemeten in het gebied."
    ),
}
POSITION_TEXTS = {
    Position.BEHIND: gettext_lazy("slechter dan Nederland"),
    Position.LEVEL: gettext_lazy("gelijk aan Nederland"),
    Position.AHEAD: gettext_lazy("beter dan Nederland"),
}
POLARITY_TEXTS = {
    "higher_is_better": gettext_lazy("hoger is beter"),
    "lower_is_better": gettext_lazy("lager is beter"),
}


def signed(value: Decimal, unit: str, decimals: int) -> str:
    """A difference with its sign: +8,4% or -4.000 euro; zero has none."""
    sign = "+" if value > 0 else "-" if value < 0 else ""
    return sign + format_value(abs(value), unit, decimals)


class Wording:
    """The page's words, translated once per request: at national scale the page has
    thousands of cells, and a translation or date format per cell is what made it slow."""

    def __init__(self):
        self.measured = _("meting over %(period)s")
        self.reference = _("referentiewaarde, peildatum %(date)s")
        self.through = _("%(start)s tot en met %(end)s")
        self.movement = {k: str(v) for k, v in MOVEMENT_LABELS.items()}
        self.explanation = {k: str(v) for k, v in REASON_TEXTS.items()}
        self.explanation.update({k: str(v) for k, v in MOVEMENT_TEXTS.items()})
        self.position = {k: str(v) for k, v in POSITION_TEXTS.items()}
        self._dates = {}

    def day(self, on: date) -> str:
        if on not in self._dates:
            self._dates[on] = date_format(on, "j F Y")
        return self._dates[on]

    def period(self, start: date | None, end: date) -> str:
        """A calendar year reads as the year; any other period as its two dates."""
        whole_year = start and (start.year, start.month, start.day) == (end.year, 1, 1)
        if whole_year and (end.month, end.day) == (12, 31):
            return str(end.year)
        if start is None:
            return self.day(end)
        return self.through % {"start": self.day(start), "end": self.day(end)}

    def describe(self, figure: Figure, unit: str, decimals: int) -> dict:
        if figure.kind == Kind.REFERENCE:
            when = self.reference % {"date": self.day(figure.on)}
        else:
            when = self.measured % {"period": self.period(figure.period_start, figure.on)}
        return {
            "value": format_value(figure.value, unit, decimals),
            "when": when,
            "source": figure.source,
        }

    def row(self, item: AreaComparison, unit: str, decimals: int) -> dict:
        result = item.comparison
        baseline = result.baseline

        def describe(figure):
            return self.describe(figure, unit, decimals) if figure else None

        return {
            "area": item.area,
            "url": item.indicator.get_absolute_url(),
            "latest": describe(result.latest),
            "netherlands": describe(result.netherlands),
            "gap": signed(result.gap, unit, decimals) if result.gap is not None else None,
            "position": self.position.get(result.position, ""),
            "baseline_gap": signed(result.baseline_gap, unit, decimals) if baseline else None,
            "baseline": (
                {"area": describe(baseline.area), "netherlands": describe(baseline.netherlands)}
                if baseline
                else None
            ),
            "movement": result.movement.value,
            "movement_label": self.movement[result.movement],
            "explanation": (
                self.explanation[result.movement]
                if result.reason == Reason.COMPARED
                else self.explanation[result.reason]
            ),
        }


@require_safe
@cached_for_visitors
def national_comparison_page(request):
    words = Wording()
    sections = [
        {
            "national": entry.national,
            "polarity": POLARITY_TEXTS.get(entry.national.polarity),
            "rows": [
                words.row(i, entry.national.unit, entry.national.decimals) for i in entry.areas
            ],
        }
        for entry in national_comparison()
    ]
    return render(
        request,
        "programme/national_comparison.html",
        {"area_slug": "", "sections": sections, "source_word": _("bron")},
    )
