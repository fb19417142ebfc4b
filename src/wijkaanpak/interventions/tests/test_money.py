"""Budget arithmetic in cents: no rounding drift, corrections, unknown budgets, overspending."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from wijkaanpak.interventions.models import LineBudget, SpendingEntry
from wijkaanpak.interventions.services.money import (
    Money,
    add_spending,
    euros,
    intervention_money,
    line_money,
    parse_euros,
    programme_money,
    set_intervention_budget,
    set_line_budget,
)
from wijkaanpak.programme.tests.factories import ProgrammeLineFactory

from .factories import InterventionFactory

C, S = SpendingEntry.Kind.COMMITTED, SpendingEntry.Kind.SPENT
TODAY = dt.date(2024, 6, 30)


@pytest.mark.parametrize(
    ("cents", "text"),
    [
        (0, "€ 0,00"),
        (5, "€ 0,05"),
        (123456, "€ 1.234,56"),
        (100000000, "€ 1.000.000,00"),
        (-1250, "€ -12,50"),
        (None, ""),
    ],
)
def test_euros_in_dutch_notation(cents, text):
    assert euros(cents) == text


@pytest.mark.parametrize(
    ("text", "cents"),
    [
        ("1.234,56", 123456),
        ("1234,56", 123456),
        ("€ 12", 1200),
        ("12,5", 1250),
        ("0,10", 10),
        ("-12,50", -1250),
        ("12.500", 1250000),
        ("  € 1.000.000,01 ", 100000001),
    ],
)
def test_parse_euros(text, cents):
    assert parse_euros(text) == cents


@pytest.mark.parametrize("text", ["", "12.50", "12,505", "1,234.56", "twaalf", "1.23,00", "--1"])
def test_parse_euros_refuses_what_it_would_have_to_guess(text):
    with pytest.raises(ValueError, match="komma"):
        parse_euros(text)


MONEY_TABLE = [
    # (budget, committed, spent, remaining, overspent, committed beyond budget)
    (100000, 0, 0, 100000, False, False),
    (100000, 60000, 40000, 40000, False, False),
    (100000, 100000, 100000, 0, False, False),
    (100000, 120000, 90000, -20000, False, True),
    (100000, 90000, 100001, -1, True, False),  # paid without a recorded promise is taken
    (0, 0, 0, 0, False, False),  # a budget of zero is a real budget
    (None, 5000, 5000, None, None, None),  # no budget: unknown, never treated as 0
]


@pytest.mark.parametrize(
    ("budget", "committed", "spent", "remaining", "overspent", "beyond"), MONEY_TABLE
)
def test_money_arithmetic(budget, committed, spent, remaining, overspent, beyond):
    money = Money(budget, committed, spent)
    assert (money.remaining, money.overspent, money.committed_beyond_budget) == (
        remaining,
        overspent,
        beyond,
    )


def book(intervention, kind, cents, on=dt.date(2024, 3, 1), note="test"):
    return add_spending(
        intervention, kind=kind, amount_cents=cents, on=on, note=note, user=None, today=TODAY
    )


@pytest.mark.django_db
def test_many_small_amounts_add_up_exactly():
    intervention = InterventionFactory(budget_cents=1000)
    for _ in range(100):
        book(intervention, S, 10)  # 100 x € 0,10: a float sum gives 9.99999...
    money = intervention_money(intervention)
    assert (money.spent, money.remaining, money.overspent) == (1000, 0, False)
    assert money.spent_text == "€ 10,00"
    book(intervention, S, 1)
    assert intervention_money(intervention).overspent is True


@pytest.mark.django_db
def test_a_correction_is_a_new_negative_entry_with_a_note():
    intervention = InterventionFactory(budget_cents=50000)
    book(intervention, C, 30000, note="Offerte zaalhuur")
    book(intervention, C, -5000, note="Correctie: offerte was lager")
    money = intervention_money(intervention)
    assert (money.committed, money.remaining) == (25000, 25000)
    assert intervention.spending.count() == 2  # nothing edited
    with pytest.raises(ValidationError) as error:
        book(intervention, C, -25001, note="Te grote correctie")
    assert "amount" in error.value.message_dict
    assert intervention.spending.count() == 2


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("values", "field"),
    [
        ({"kind": "gift"}, "kind"),
        ({"amount_cents": 0}, "amount"),
        ({"amount_cents": 12.5}, "amount"),  # never a float
        ({"amount_cents": 10**13}, "amount"),
        ({"on": dt.date(2024, 7, 1)}, "on"),  # in the future
        ({"note": "  "}, "note"),
    ],
)
def test_bad_spending_is_refused_by_field_and_nothing_is_stored(values, field):
    intervention = InterventionFactory()
    data = {"kind": S, "amount_cents": 100, "on": TODAY, "note": "Koffie", **values}
    with pytest.raises(ValidationError) as error:
        add_spending(intervention, user=None, today=TODAY, **data)
    assert field in error.value.message_dict
    assert not SpendingEntry.objects.exists()


@pytest.mark.django_db
def test_year_limits_the_entries():
    intervention = InterventionFactory(budget_cents=None)
    book(intervention, S, 700, on=dt.date(2023, 12, 31))
    book(intervention, S, 300, on=dt.date(2024, 1, 1))
    assert intervention_money(intervention, 2024).spent == 300
    assert intervention_money(intervention).spent == 1000
    assert intervention_money(intervention).remaining is None


@pytest.mark.django_db
def test_line_money_sums_its_interventions_and_flags_overspending():
    line = ProgrammeLineFactory()
    a = InterventionFactory(programme=line.programme, line=line, budget_cents=60000)
    b = InterventionFactory(programme=line.programme, line=line, budget_cents=50000)
    InterventionFactory(programme=line.programme, line=line, budget_cents=None)
    elsewhere = InterventionFactory(programme=line.programme, budget_cents=999)
    book(a, C, 40000)
    book(a, S, 33333)
    book(b, S, 66667)
    book(b, S, 1, on=dt.date(2023, 5, 1))  # another year
    book(elsewhere, S, 500)

    unknown = line_money(line, 2024)
    assert unknown.budget is None and unknown.remaining is None and unknown.overspent is None
    assert (unknown.interventions_budget, unknown.interventions_without_budget) == (110000, 1)

    set_line_budget(line, 2024, 100000, note="Besluit stuurgroep")
    money = line_money(line, 2024)
    assert (money.committed, money.spent) == (40000, 100000)
    assert (money.remaining, money.overspent, money.allocated_beyond_budget) == (0, False, True)
    set_line_budget(line, 2024, 99999)  # changing the budget replaces it
    assert LineBudget.objects.filter(line=line).count() == 1
    assert line_money(line, 2024).overspent is True

    overview = programme_money(line.programme, 2024)
    ours = next(o for o in overview if o.money.line == line)
    assert [r.intervention for r in ours.interventions] == [
        a,
        b,
        ours.interventions[2].intervention,
    ]
    assert ours.interventions[1].money.spent == 66667


@pytest.mark.django_db
def test_budgets_cannot_be_negative_and_an_intervention_budget_can_be_unknown():
    line = ProgrammeLineFactory()
    with pytest.raises(ValidationError):
        set_line_budget(line, 2024, -1)
    intervention = InterventionFactory(budget_cents=100)
    with pytest.raises(ValidationError):
        set_intervention_budget(intervention, -100)
    set_intervention_budget(intervention, None)
    intervention.refresh_from_db()
    assert intervention.budget_cents is None
