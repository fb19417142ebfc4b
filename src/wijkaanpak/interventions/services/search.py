"""Rules for finding interventions; the pages and the API share them."""

from django.db.models import Q, QuerySet


def covers_age(age: int) -> Q:
    """Interventions whose target group includes `age`.

    An open end of the range counts as open. An intervention without any age range is left
    out: whether it fits that age is unknown, and a parent looking for an offer for a child
    of 8 should not be shown extra waste collection.
    """
    known = Q(age_min__isnull=False) | Q(age_max__isnull=False)
    from_ok = Q(age_min__isnull=True) | Q(age_min__lte=age)
    to_ok = Q(age_max__isnull=True) | Q(age_max__gte=age)
    return known & from_ok & to_ok


def filter_interventions(
    interventions: QuerySet,
    *,
    line_slug: str = "",
    age: int | None = None,
    goal_id: int | None = None,
    status: str = "",
) -> QuerySet:
    if line_slug:
        interventions = interventions.filter(line__slug=line_slug)
    if age is not None:
        interventions = interventions.filter(covers_age(age))
    if goal_id is not None:
        interventions = interventions.filter(goals__id=goal_id)
    if status:
        interventions = interventions.filter(status=status)
    return interventions.distinct()
