"""Coverage ("sluitend aanbod"): which goals, age bands and themes the offer leaves open.

Two matrices, both plain data computed from interventions:

- goals x interventions: a goal is served by the interventions linked to it;
- age bands x themes: an intervention covers every cell of an age band it reaches and a
  theme it has.

A cell is covered only by a *running* intervention (running or made permanent). Anything
else is a gap; where interventions in preparation would fill it, the cell says so
separately ("alleen in voorbereiding"), because "nothing is planned" and "something is
planned but not running yet" ask for different decisions.

Age rule. The source writes age groups as ranges that share their boundaries ("0-4",
"4-12", "12-27"), and so do the bands. A range therefore covers a band when the two
overlap by more than a boundary: "Alle peuters in beeld" (0-4) covers 0-4 and not 4-12.
A single age (5-5) covers the band it falls in. An open upper end reaches the adults.
Ages of 27 and over belong to "ouders en volwassenen".
An intervention without any age range covers "ouders en volwassenen" when it belongs to
the parents' line (the Ouders line is for parents: its interventions give no ages); any
other intervention without an age range covers no band and is listed as "leeftijd onbekend"
instead of being guessed into one.
"""

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from django.db import models
from django.utils.translation import gettext_lazy as _

from wijkaanpak.interventions.models import AgeBand, Intervention, Theme

RUNNING = (Intervention.Status.RUNNING, Intervention.Status.MADE_PERMANENT)
PREPARING = (Intervention.Status.IN_PREPARATION,)

# Lines whose interventions are for parents and other adults when they give no age.
PARENTS_LINE_SLUGS = frozenset({"ouders"})
ADULT_AGE = 27

# (band, from, to): ranges share their boundaries; None is open.
BANDS: tuple[tuple[str, int, int | None], ...] = (
    (AgeBand.CHILDREN_0_4, 0, 4),
    (AgeBand.CHILDREN_4_12, 4, 12),
    (AgeBand.YOUTH_12_18, 12, 18),
    (AgeBand.YOUNG_ADULTS_18_27, 18, ADULT_AGE),
    (AgeBand.PARENTS_ADULTS, ADULT_AGE, None),
)


class Scope(models.TextChoices):
    """Which interventions a matrix takes into account."""

    RUNNING = "running", _("Alleen lopende interventies")
    WITH_PREPARATION = "with_preparation", _("Ook interventies in voorbereiding")


class CellState(models.TextChoices):
    COVERED = "covered", _("Loopt")
    ONLY_PREPARING = "only_preparing", _("Gat: geen lopende interventie, alleen in voorbereiding")
    EMPTY = "empty", _("Gat: geen lopende interventie")


@dataclass
class Cell:
    running: list = field(default_factory=list)
    preparing: list = field(default_factory=list)

    @property
    def state(self) -> str:
        if self.running:
            return CellState.COVERED
        return CellState.ONLY_PREPARING if self.preparing else CellState.EMPTY

    @property
    def state_label(self) -> str:
        return CellState(self.state).label

    @property
    def is_gap(self) -> bool:
        return self.state != CellState.COVERED

    def add(self, intervention) -> None:
        target = self.running if intervention.status in RUNNING else self.preparing
        if intervention not in target:
            target.append(intervention)


def statuses(scope: str) -> tuple[str, ...]:
    return RUNNING + PREPARING if scope == Scope.WITH_PREPARATION else RUNNING


def _counted(interventions: Iterable, scope: str) -> list:
    wanted = statuses(scope)
    return [i for i in interventions if i.status in wanted]


# Goals x interventions ----------------------------------------------------------------


@dataclass
class GoalRow:
    goal: object
    cell: Cell


@dataclass
class LineBlock:
    line: object
    rows: list[GoalRow]


@dataclass
class GoalMatrix:
    scope: str
    lines: list[LineBlock]

    @property
    def rows(self) -> list[GoalRow]:
        return [row for block in self.lines for row in block.rows]

    @property
    def gaps(self) -> list[GoalRow]:
        return [row for row in self.rows if row.cell.is_gap]


def goal_matrix(
    lines: Sequence, goals_of_line: dict, interventions: Iterable, goals_of: dict, scope: str
) -> GoalMatrix:
    """``goals_of_line[line.pk]``: the line's goals; ``goals_of[intervention.pk]``: goal pks."""
    cells: dict[int, Cell] = {}
    for intervention in _counted(interventions, scope):
        for goal_pk in goals_of.get(intervention.pk, ()):
            cells.setdefault(goal_pk, Cell()).add(intervention)
    return GoalMatrix(
        scope,
        [
            LineBlock(line, [GoalRow(g, cells.get(g.pk, Cell())) for g in goals_of_line[line.pk]])
            for line in lines
        ],
    )


def programme_goal_matrix(programme, scope: str = Scope.RUNNING) -> GoalMatrix:
    lines = list(programme.lines.prefetch_related("goals").order_by("number"))
    interventions = list(_programme_interventions(programme).prefetch_related("goals"))
    return goal_matrix(
        lines,
        {line.pk: sorted(line.goals.all(), key=lambda g: g.number) for line in lines},
        interventions,
        {i.pk: [g.pk for g in i.goals.all()] for i in interventions},
        scope,
    )


# Age bands x themes ---------------------------------------------------------------------


def age_bands(age_min: int | None, age_max: int | None, *, parents_line: bool) -> list[str]:
    """The bands an age range reaches, by the rule in the module docstring."""
    if age_min is None and age_max is None:
        return [AgeBand.PARENTS_ADULTS] if parents_line else []
    low = age_min or 0
    found = []
    for band, start, end in BANDS:
        if age_max is not None and low == age_max:
            reached = start <= low and (end is None or low < end)
        else:
            reached = (end is None or low < end) and (age_max is None or age_max > start)
        if reached:
            found.append(band)
    return found


def bands_of(intervention) -> list[str]:
    return age_bands(
        intervention.age_min,
        intervention.age_max,
        parents_line=intervention.line.slug in PARENTS_LINE_SLUGS,
    )


@dataclass
class BandRow:
    band: str
    cells: list[Cell]  # in the order of THEMES

    @property
    def label(self) -> str:
        return AgeBand(self.band).label


@dataclass
class AgeThemeMatrix:
    scope: str
    themes: list[str]
    rows: list[BandRow]
    unknown_age: BandRow  # interventions with themes but no age band: not counted as gaps
    without_theme: list = field(default_factory=list)

    def cell(self, band: str, theme: str) -> Cell:
        row = next(r for r in self.rows if r.band == band)
        return row.cells[self.themes.index(theme)]

    @property
    def cell_count(self) -> int:
        return len(self.rows) * len(self.themes)

    @property
    def gap_count(self) -> int:
        return sum(cell.is_gap for row in self.rows for cell in row.cells)

    @property
    def theme_labels(self) -> list[str]:
        return [Theme(code).label for code in self.themes]

    @property
    def by_theme(self) -> list["ThemeRow"]:
        return [
            ThemeRow(code, [row.cells[i] for row in self.rows], self.unknown_age.cells[i])
            for i, code in enumerate(self.themes)
        ]


@dataclass
class ThemeRow:
    theme: str
    cells: list[Cell]  # in the order of BANDS
    unknown: Cell  # interventions of this theme whose age is unknown

    @property
    def label(self) -> str:
        return Theme(self.theme).label


def age_theme_matrix(interventions: Iterable, scope: str) -> AgeThemeMatrix:
    themes = list(Theme.values)
    grid = {band: [Cell() for _theme in themes] for band, _s, _e in BANDS}
    unknown = [Cell() for _theme in themes]
    without_theme = []
    for intervention in _counted(interventions, scope):
        codes = [c for c in intervention.themes or [] if c in themes]
        if not codes:
            without_theme.append(intervention)
            continue
        rows = [grid[band] for band in bands_of(intervention)] or [unknown]
        for row in rows:
            for code in codes:
                row[themes.index(code)].add(intervention)
    return AgeThemeMatrix(
        scope,
        themes,
        [BandRow(band, grid[band]) for band, _s, _e in BANDS],
        BandRow(AgeBand.UNKNOWN, unknown),
        without_theme,
    )


def programme_age_theme_matrix(programme, scope: str = Scope.RUNNING) -> AgeThemeMatrix:
    return age_theme_matrix(_programme_interventions(programme), scope)


def _programme_interventions(programme):
    return programme.interventions.select_related("line", "programme__area").order_by(
        "line__number", "position", "number", "name"
    )


# Tables for the exports: plain text, Dutch headers ------------------------------------------


def _names(interventions: Iterable) -> str:
    return "; ".join(str(i) for i in interventions)


def cell_text(cell: Cell) -> str:
    """One cell in words: the gap is written out, never left to an empty cell or a colour."""
    if cell.state == CellState.COVERED:
        text = _names(cell.running)
        if cell.preparing:
            text += f" ({_('in voorbereiding')}: {_names(cell.preparing)})"
        return text
    if cell.preparing:
        return f"{cell.state_label}: {_names(cell.preparing)}"
    return str(cell.state_label)


def goal_table(matrix: GoalMatrix) -> tuple[list[str], list[list]]:
    headers = [
        str(_("Lijn")),
        str(_("Doel")),
        str(_("Omschrijving van het doel")),
        str(_("Lopende interventies")),
        str(_("In voorbereiding")),
        str(_("Beoordeling")),
    ]
    rows = [
        [
            block.line.name,
            row.goal.number,
            row.goal.text,
            _names(row.cell.running),
            _names(row.cell.preparing),
            str(row.cell.state_label),
        ]
        for block in matrix.lines
        for row in block.rows
    ]
    return headers, rows


def age_theme_table(matrix: AgeThemeMatrix) -> tuple[list[str], list[list]]:
    """Themes as rows and age bands as columns, as on the page (ten rows read well on a phone)."""
    headers = [
        str(_("Thema")),
        *[str(row.label) for row in matrix.rows],
        str(matrix.unknown_age.label),
    ]
    rows = [
        [
            str(theme.label),
            *[cell_text(c) for c in theme.cells],
            _names(theme.unknown.running + theme.unknown.preparing),
        ]
        for theme in matrix.by_theme
    ]
    return headers, rows
