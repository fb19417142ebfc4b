"""Coverage rules as tables, and a few cells of the loaded Westwijk programme pinned."""

from types import SimpleNamespace

import pytest

from wijkaanpak.interventions.models import AgeBand, Intervention
from wijkaanpak.interventions.services.coverage import (
    Cell,
    CellState,
    Scope,
    age_bands,
    age_theme_matrix,
    age_theme_table,
    cell_text,
    goal_matrix,
    goal_table,
    programme_age_theme_matrix,
    programme_goal_matrix,
)

S = Intervention.Status
B04, B412, B1218, B1827, ADULTS = (
    AgeBand.CHILDREN_0_4,
    AgeBand.CHILDREN_4_12,
    AgeBand.YOUTH_12_18,
    AgeBand.YOUNG_ADULTS_18_27,
    AgeBand.PARENTS_ADULTS,
)


@pytest.mark.parametrize(
    ("age_min", "age_max", "parents_line", "bands"),
    [
        (0, 4, False, [B04]),  # shares only the boundary 4 with 4-12
        (4, 12, False, [B412]),
        (12, 27, False, [B1218, B1827]),
        (12, 21, False, [B1218, B1827]),
        (4, 27, False, [B412, B1218, B1827]),  # 27 is the boundary with the adults
        (10, None, False, [B412, B1218, B1827, ADULTS]),  # "vanaf 10 jaar"
        (None, 3, False, [B04]),
        (18, 65, False, [B1827, ADULTS]),
        (5, 5, False, [B412]),
        (4, 4, False, [B412]),  # a single age at a boundary falls in the band it starts
        (30, 30, False, [ADULTS]),
        (None, None, True, [ADULTS]),  # Ouders line without ages: for parents
        (None, None, False, []),  # any other line without ages: unknown, never guessed
        (0, 4, True, [B04]),  # an age range wins over the line
    ],
)
def test_age_bands(age_min, age_max, parents_line, bands):
    assert age_bands(age_min, age_max, parents_line=parents_line) == bands


def item(pk, status=S.RUNNING, themes=(), age=(None, None), line="kind"):
    return SimpleNamespace(
        pk=pk,
        status=status,
        themes=list(themes),
        age_min=age[0],
        age_max=age[1],
        line=SimpleNamespace(slug=line, name=line),
    )


@pytest.mark.parametrize(
    ("statuses", "scope", "state"),
    [
        ([S.RUNNING], Scope.RUNNING, CellState.COVERED),
        ([S.MADE_PERMANENT], Scope.RUNNING, CellState.COVERED),
        ([S.IN_PREPARATION], Scope.RUNNING, CellState.EMPTY),
        ([S.IN_PREPARATION], Scope.WITH_PREPARATION, CellState.ONLY_PREPARING),
        ([S.IN_PREPARATION, S.RUNNING], Scope.WITH_PREPARATION, CellState.COVERED),
        ([S.PAUSED, S.STOPPED, S.EVALUATED, S.IDEA], Scope.WITH_PREPARATION, CellState.EMPTY),
        ([], Scope.WITH_PREPARATION, CellState.EMPTY),
    ],
)
def test_goal_cell_state_by_status(statuses, scope, state):
    line = SimpleNamespace(pk=1, name="Het Kind")
    goal = SimpleNamespace(pk=10, number=1, text="Doel")
    items = [item(pk, status) for pk, status in enumerate(statuses, start=1)]
    matrix = goal_matrix([line], {1: [goal]}, items, {i.pk: [10] for i in items}, scope)
    cell = matrix.rows[0].cell
    assert cell.state == state
    assert cell.is_gap is (state != CellState.COVERED)
    assert [row.goal for row in matrix.gaps] == ([goal] if cell.is_gap else [])


def test_an_intervention_serves_only_its_own_goals():
    line = SimpleNamespace(pk=1, name="Het Kind")
    g1, g2 = SimpleNamespace(pk=10, number=1, text="a"), SimpleNamespace(pk=11, number=2, text="b")
    running = item(1)
    matrix = goal_matrix([line], {1: [g1, g2]}, [running], {1: [11]}, Scope.RUNNING)
    assert [(r.goal.number, r.cell.running) for r in matrix.rows] == [(1, []), (2, [running])]


def test_age_theme_matrix_places_each_intervention_in_its_cells():
    toddlers = item(1, themes=["care", "education"], age=(0, 4))
    parents = item(2, S.IN_PREPARATION, themes=["money"], line="ouders")
    no_age = item(3, themes=["safety"], line="veiligheid")
    no_theme = item(4, age=(4, 12))
    stopped = item(5, S.STOPPED, themes=["work"], age=(18, 27))
    matrix = age_theme_matrix(
        [toddlers, parents, no_age, no_theme, stopped], Scope.WITH_PREPARATION
    )
    assert matrix.cell(B04, "care").running == [toddlers]
    assert matrix.cell(B04, "education").state == CellState.COVERED
    assert matrix.cell(B412, "care").state == CellState.EMPTY
    assert matrix.cell(ADULTS, "money").state == CellState.ONLY_PREPARING
    assert matrix.cell(B1827, "work").state == CellState.EMPTY  # stopped is no offer
    assert matrix.unknown_age.cells[matrix.themes.index("safety")].running == [no_age]
    assert matrix.without_theme == [no_theme]
    assert matrix.gap_count == 5 * 10 - 2
    assert age_theme_matrix([parents], Scope.RUNNING).cell(ADULTS, "money").preparing == []


@pytest.mark.parametrize(
    ("running", "preparing", "text"),
    [
        (["A"], [], "A"),
        (["A", "B"], ["C"], "A; B (in voorbereiding: C)"),
        ([], ["C"], "Gat: geen lopende interventie, alleen in voorbereiding: C"),
        ([], [], "Gat: geen lopende interventie"),
    ],
)
def test_cell_text_writes_gaps_out(running, preparing, text):
    cell = Cell(running=[_Named(n) for n in running], preparing=[_Named(n) for n in preparing])
    assert cell_text(cell) == text


class _Named:
    def __init__(self, name):
        self.name = name

    def __str__(self):
        return self.name


# The loaded Westwijk programme ----------------------------------------------------------


def names(interventions):
    return [i.name for i in interventions]


@pytest.mark.django_db
def test_westwijk_goal_kind_1_is_served_by_alle_peuters_in_beeld_in_preparation(westwijk):
    matrix = programme_goal_matrix(westwijk, Scope.WITH_PREPARATION)
    kind = westwijk.lines.get(slug="kind")
    kind_1 = next(r for r in matrix.rows if (r.goal.line_id, r.goal.number) == (kind.pk, 1))
    assert names(kind_1.cell.preparing) == ["Alle peuters in beeld"]
    assert kind_1.cell.state == CellState.ONLY_PREPARING
    running_only = programme_goal_matrix(westwijk, Scope.RUNNING)
    assert [r.cell.state for r in running_only.rows if r.goal.pk == kind_1.goal.pk] == [
        CellState.EMPTY
    ]


@pytest.mark.django_db
def test_westwijk_goals_with_a_running_intervention(westwijk):
    matrix = programme_goal_matrix(westwijk, Scope.RUNNING)
    covered = {
        (block.line.slug, row.goal.number): names(row.cell.running)
        for block in matrix.lines
        for row in block.rows
        if not row.cell.is_gap
    }
    assert covered == {
        ("kind", 2): ["Manifest Onderwijs"],
        ("kind", 3): ["Manifest Onderwijs"],
        ("werk-en-opleiding", 3): ["Leven Lang Ontwikkelen"],
        ("veiligheid", 1): ["Campagne 'meld een vermoeden' en campagne tegen wapenbezit"],
        ("veiligheid", 2): ["Campagne 'meld een vermoeden' en campagne tegen wapenbezit"],
    }
    assert len(matrix.gaps) == 21 - 5


@pytest.mark.django_db
def test_westwijk_age_theme_cells(westwijk):
    matrix = programme_age_theme_matrix(westwijk, Scope.WITH_PREPARATION)
    upbringing_0_4 = matrix.cell(B04, "upbringing")
    assert upbringing_0_4.state == CellState.ONLY_PREPARING
    assert names(upbringing_0_4.preparing) == ["Centering Parenting"]
    assert matrix.cell(B04, "housing").state == CellState.EMPTY
    assert matrix.cell(B04, "housing").preparing == []
    assert names(matrix.cell(B412, "care").running) == ["Manifest Onderwijs"]
    assert "Voorzieningenwijzer" in names(matrix.cell(ADULTS, "money").preparing)
    # Youth-crime measures give no ages: they show as "leeftijd onbekend", not as 12-18.
    assert matrix.cell(B1218, "safety").state == CellState.EMPTY
    unknown_safety = matrix.unknown_age.cells[matrix.themes.index("safety")]
    assert "Twee jeugdboa's" in names(unknown_safety.preparing)
    assert matrix.without_theme == []

    running = programme_age_theme_matrix(westwijk, Scope.RUNNING)
    assert running.cell(B04, "upbringing").state == CellState.EMPTY


@pytest.mark.django_db
def test_westwijk_export_tables_have_dutch_headers_and_gaps_in_words(westwijk):
    headers, rows = goal_table(programme_goal_matrix(westwijk, Scope.WITH_PREPARATION))
    assert headers[:3] == ["Lijn", "Doel", "Omschrijving van het doel"]
    assert rows[0][0:2] == ["Het Kind", 1]
    assert rows[0][4] == "1. Alle peuters in beeld"
    assert rows[0][5] == "Gat: geen lopende interventie, alleen in voorbereiding"

    headers, rows = age_theme_table(programme_age_theme_matrix(westwijk, Scope.RUNNING))
    assert headers == [
        "Thema", "0 tot 4 jaar", "4 tot 12 jaar", "12 tot 18 jaar", "18 tot 27 jaar",
        "ouders en volwassenen", "leeftijd onbekend",
    ]  # fmt: skip
    assert [r[0] for r in rows] == [
        "opvoeding", "zorg", "onderwijs", "werk", "geld", "wonen", "overlast", "vrije tijd",
        "openbare ruimte", "veiligheid",
    ]  # fmt: skip
    assert rows[0][1] == "Gat: geen lopende interventie"  # opvoeding, 0-4
    assert rows[1][2] == "3. Manifest Onderwijs"  # zorg, 4-12
    assert rows[3][6] == "Leven Lang Ontwikkelen"  # werk, leeftijd onbekend
