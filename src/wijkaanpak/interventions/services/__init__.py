"""Business rules for interventions; views, API and exports call these."""

from .search import covers_age, filter_interventions

__all__ = ["covers_age", "filter_interventions"]
