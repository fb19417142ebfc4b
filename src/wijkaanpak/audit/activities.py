"""The register of processing activities ("verwerkingsactiviteiten"): why personal data is
processed, on what legal ground, and how long records of it are kept.
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class Activity:
    code: str
    name: str
    purpose: str
    legal_ground: str
    confidentiality: str
    retention: str


REPORT_HANDLING = Activity(
    code="report-handling",
    name="Behandelen van meldingen openbare ruimte",
    purpose="Een melding over de openbare ruimte oppakken, oplossen en de melder informeren",
    legal_ground="AVG art. 6 lid 1 sub e: taak van algemeen belang (beheer openbare ruimte)",
    confidentiality="intern",
    retention="contactgegevens tot 1 jaar na afsluiten van de melding",
)

ACTIVITIES = {a.code: a for a in (REPORT_HANDLING,)}
