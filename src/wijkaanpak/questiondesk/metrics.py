"""Questions at the desk as a computed effort indicator.

"questiondesk.questions" counts every question of the programme's area in the month;
"questiondesk.questions:money,housing" counts only those themes (the theme codes, short, as
metric_key holds 80 characters). A month before the area's first logged question has no
figure, never 0; the monthly overview uses the same rule (services.overview.count_between).
Registered in QuestionDeskConfig.ready().
"""

from decimal import Decimal
from functools import partial

from wijkaanpak.interventions.models import Theme
from wijkaanpak.programme import metrics as registry

from .services.overview import count_between

KEY = "questiondesk.questions"
LABEL = "Vragen in de tweede huiskamer (aantal)"
SOURCE = (
    "Vragen in de tweede huiskamer in wijkaanpak: het aantal vragen per maand waarin ze "
    "binnenkwamen; maanden voor de eerste vastgelegde vraag hebben geen cijfer"
)


def parse(parameter: str) -> tuple[str, ...] | None:
    """'money, housing' -> ('money', 'housing'); None unless every part is a theme, once."""
    themes = tuple(t.strip().lower() for t in parameter.split(","))
    if not all(t in Theme.values for t in themes) or len(set(themes)) != len(themes):
        return None
    return themes


def questions(themes, programme, start, end) -> Decimal | None:
    count = count_between(programme.area, start, end, themes)
    return None if count is None else Decimal(count)


# One function object, so registering again (a second ready()) is not taken for a clash.
all_questions = partial(questions, None)


def factory(key: str, parameter: str) -> registry.Metric | None:
    themes = parse(parameter)
    if themes is None:
        return None
    labels = ", ".join(str(Theme(t).label) for t in themes)
    return registry.Metric(
        key,
        f"{LABEL}, thema's: {labels}",
        f"{SOURCE} (thema's: {labels})",
        partial(questions, themes),
    )


def register() -> None:
    registry.register(KEY, LABEL, SOURCE, all_questions)
    registry.register_family(KEY, LABEL, SOURCE, factory)
