"""Money of interventions and programme lines, in integer cents only.

Definitions (also shown on the overview page):
- committed ("toegezegd"): every promise of money, including what has since been paid;
- spent ("uitgegeven"): what has been paid;
- remaining ("nog vrij"): the budget minus what is taken, where taken is the larger of
  committed and spent (money paid without a recorded promise is still taken);
- a budget that was never set is unknown (None), never 0: then remaining and the flags
  are unknown too.
A correction is a new entry with a negative amount and a note; entries are never edited.
"""

import datetime as dt
import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q, Sum
from django.utils import timezone
from django.utils.translation import gettext as _

from ..models import Intervention, LineBudget, SpendingEntry

# A sanity ceiling (100 million euro) that catches a mistyped amount, not a policy limit.
MAX_CENTS = 100_000_000_00


def euros(cents: int | None) -> str:
    """Dutch notation: 123456 -> '€ 1.234,56', -1250 -> '€ -12,50'; None -> ''."""
    if cents is None:
        return ""
    sign = "-" if cents < 0 else ""
    whole, part = divmod(abs(int(cents)), 100)
    return f"€ {sign}{whole:,}".replace(",", ".") + f",{part:02d}"


_EUROS = re.compile(r"^(?P<sign>-?)(?P<whole>\d{1,3}(\.\d{3})+|\d+)(,(?P<cents>\d{1,2}))?$")


def parse_euros(text: str) -> int:
    """Read an amount as people type it in the Netherlands into cents, never via a float.

    '1.234,56', '1234,56', '€ 12', '-12,5' are fine; '12.50' is refused because the dot
    means thousands in Dutch and a guess could make an amount 100 times too big.
    """
    cleaned = (text or "").strip().replace("€", "").replace(" ", "").replace("\u00a0", "")
    cleaned = cleaned.replace("\u2212", "-")  # a minus sign pasted from a document
    match = _EUROS.match(cleaned)
    if not match:
        raise ValueError(_("Schrijf het bedrag zoals 1.234,56 of 1234,56 (komma voor centen)."))
    try:
        whole = Decimal(match["whole"].replace(".", ""))
        cents = Decimal((match["cents"] or "0").ljust(2, "0"))
    except InvalidOperation as exc:  # pragma: no cover - the pattern allows digits only
        raise ValueError(_("Dit is geen bedrag.")) from exc
    total = int(whole * 100 + cents)
    return -total if match["sign"] else total


def _taken(committed: int, spent: int) -> int:
    return max(committed, spent)


@dataclass(frozen=True)
class Money:
    budget: int | None
    committed: int
    spent: int

    @property
    def remaining(self) -> int | None:
        if self.budget is None:
            return None
        return self.budget - _taken(self.committed, self.spent)

    @property
    def overspent(self) -> bool | None:
        return None if self.budget is None else self.spent > self.budget

    @property
    def committed_beyond_budget(self) -> bool | None:
        return None if self.budget is None else self.committed > self.budget

    # Display helpers for templates: amounts in Dutch notation.
    @property
    def budget_text(self) -> str:
        return euros(self.budget)

    @property
    def committed_text(self) -> str:
        return euros(self.committed)

    @property
    def spent_text(self) -> str:
        return euros(self.spent)

    @property
    def remaining_text(self) -> str:
        return euros(self.remaining)


def _sums(entries) -> tuple[int, int]:
    totals = entries.aggregate(
        committed=Sum("amount_cents", filter=Q(kind=SpendingEntry.Kind.COMMITTED)),
        spent=Sum("amount_cents", filter=Q(kind=SpendingEntry.Kind.SPENT)),
    )
    return int(totals["committed"] or 0), int(totals["spent"] or 0)


def intervention_money(intervention: Intervention, year: int | None = None) -> Money:
    """Budget, committed and spent of one intervention; `year` limits the entries."""
    entries = intervention.spending.all()
    if year is not None:
        entries = entries.filter(on__year=year)
    committed, spent = _sums(entries)
    return Money(intervention.budget_cents, committed, spent)


@dataclass(frozen=True)
class LineMoney(Money):
    line: object = None
    year: int = 0
    # Sum of the known budgets of the line's interventions; None when none has a budget.
    interventions_budget: int | None = None
    interventions_without_budget: int = 0

    @property
    def allocated_beyond_budget(self) -> bool | None:
        if self.budget is None or self.interventions_budget is None:
            return None
        return self.interventions_budget > self.budget

    @property
    def interventions_budget_text(self) -> str:
        return euros(self.interventions_budget)


def line_money(line, year: int) -> LineMoney:
    """The line's budget for `year` and what its interventions committed and spent that year."""
    budget = LineBudget.objects.filter(line=line, year=year).values_list("amount_cents", flat=True)
    budgets = list(line.interventions.values_list("budget_cents", flat=True))
    known = [b for b in budgets if b is not None]
    committed, spent = _sums(SpendingEntry.objects.filter(intervention__line=line, on__year=year))
    return LineMoney(
        budget=budget.first(),
        committed=committed,
        spent=spent,
        line=line,
        year=year,
        interventions_budget=sum(known) if known else None,
        interventions_without_budget=len(budgets) - len(known),
    )


@dataclass(frozen=True)
class InterventionRow:
    intervention: Intervention
    money: Money


@dataclass(frozen=True)
class LineOverview:
    money: LineMoney
    interventions: list[InterventionRow]


def programme_money(programme, year: int) -> list[LineOverview]:
    """Per line of the programme: its money for `year`, and the money of its interventions."""
    overview = []
    for line in programme.lines.order_by("number"):
        rows = [
            InterventionRow(i, intervention_money(i, year))
            for i in line.interventions.order_by("position", "number", "name")
        ]
        overview.append(LineOverview(line_money(line, year), rows))
    return overview


def _check_amount(cents: int, field: str, *, allow_negative: bool) -> None:
    if not isinstance(cents, int) or isinstance(cents, bool):
        raise ValidationError({field: _("Het bedrag moet in hele centen zijn.")})
    if cents < 0 and not allow_negative:
        raise ValidationError({field: _("Het bedrag mag niet negatief zijn.")})
    if abs(cents) > MAX_CENTS:
        raise ValidationError({field: _("Dit bedrag is te groot. Kijk het bedrag na.")})


@transaction.atomic
def set_line_budget(line, year: int, amount_cents: int, *, note: str = "") -> LineBudget:
    """Set (or change) the budget of a line for a year; allowed in draft and adopted editions.

    Budgets are operational: they may change during the year whatever the edition's state.
    """
    _check_amount(amount_cents, "amount", allow_negative=False)
    if not 2000 <= year <= 2100:
        raise ValidationError({"year": _("Kies een geldig jaar.")})
    budget, _created = LineBudget.objects.update_or_create(
        line=line, year=year, defaults={"amount_cents": amount_cents, "note": note.strip()}
    )
    return budget


@transaction.atomic
def set_intervention_budget(intervention: Intervention, amount_cents: int | None) -> Intervention:
    """Set an intervention's budget; None means "not known", which is different from 0."""
    if amount_cents is not None:
        _check_amount(amount_cents, "amount", allow_negative=False)
    intervention.budget_cents = amount_cents
    intervention.save(update_fields=["budget_cents"])
    return intervention


@transaction.atomic
def add_spending(
    intervention: Intervention,
    *,
    kind: str,
    amount_cents: int,
    on: dt.date,
    note: str,
    user,
    today: dt.date | None = None,
) -> SpendingEntry:
    """Book money committed or spent. A negative amount is a correction and needs a note."""
    today = today or timezone.localdate()
    # Lock the intervention so two corrections at once cannot both pass the total check.
    Intervention.objects.select_for_update().filter(pk=intervention.pk).first()
    errors = {}
    if kind not in SpendingEntry.Kind.values:
        errors["kind"] = _("Kies of het geld is toegezegd of uitgegeven.")
    try:
        _check_amount(amount_cents, "amount", allow_negative=True)
    except ValidationError as exc:
        errors.update(exc.message_dict)
    else:
        if amount_cents == 0:
            errors["amount"] = _("Een bedrag van € 0,00 boeken heeft geen zin.")
    if on > today:
        errors["on"] = _("De datum mag niet in de toekomst liggen.")
    if not note.strip():
        errors["note"] = _("Schrijf kort waar het geld voor is.")
    if not errors and amount_cents < 0:
        booked = intervention.spending.filter(kind=kind).aggregate(total=Sum("amount_cents"))
        if (booked["total"] or 0) + amount_cents < 0:
            errors["amount"] = _(
                "Deze correctie is groter dan wat er is geboekt. Kijk het bedrag na."
            )
    if errors:
        raise ValidationError(errors)
    return SpendingEntry.objects.create(
        intervention=intervention,
        kind=kind,
        amount_cents=amount_cents,
        on=on,
        note=note.strip(),
        entered_by=user,
    )
