"""Rules for finding interventions."""

from django.db.models import Q, QuerySet


def filter_interventions(
    interventions: QuerySet,
    *,
    line_slug: str = "",
    age: int | None = None,
    goal_id: int | None = None,
) -> QuerySet:
    """Narrow a list by programme line, an age the offer must include, and a goal it serves.

    An intervention without an age range is for all ages, so it stays in an age filter.
    """
    if line_slug:
        interventions = interventions.filter(line__slug=line_slug)
    if age is not None:
        interventions = interventions.filter(
            (Q(age_min__isnull=True) | Q(age_min__lte=age))
            & (Q(age_max__isnull=True) | Q(age_max__gte=age))
        )
    if goal_id is not None:
        interventions = interventions.filter(goals__id=goal_id)
    return interventions.distinct()
