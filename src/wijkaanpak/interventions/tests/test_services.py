"""Table test of the age rule the pages and the API share."""

import pytest

from wijkaanpak.interventions.models import Intervention
from wijkaanpak.interventions.services import covers_age

from .factories import InterventionFactory

AGE_TABLE = [
    # (age_min, age_max, age asked, included)
    (0, 4, 0, True),
    (0, 4, 4, True),
    (0, 4, 5, False),
    (12, 27, 11, False),
    (12, None, 40, True),
    (None, 12, 3, True),
    (None, None, 8, False),  # unknown range: not offered as fitting
]


@pytest.mark.django_db
@pytest.mark.parametrize(("age_min", "age_max", "age", "included"), AGE_TABLE)
def test_covers_age(age_min, age_max, age, included):
    intervention = InterventionFactory(age_min=age_min, age_max=age_max)
    found = Intervention.objects.filter(covers_age(age), pk=intervention.pk).exists()
    assert found is included
