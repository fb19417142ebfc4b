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

WARM_REFERRAL = Activity(
    code="warm-referral",
    name="Warm doorverwijzen van een huishouden naar aanbod",
    purpose="Een huishouden met toestemming aanmelden bij een partner en volgen of de hulp start",
    legal_ground="AVG art. 6 lid 1 sub a: toestemming van de betrokkene",
    confidentiality="vertrouwelijk",
    retention="naam, contact en reden tot 1 jaar na afsluiten van de verwijzing",
)

SUBJECT_REQUEST = Activity(
    code="subject-request",
    name="Afhandelen van een verzoek van een betrokkene (inzage of wissen)",
    purpose="De betrokkene laten zien welke gegevens we hebben, of ze wissen waar dat mag",
    legal_ground="AVG art. 15 en 17: rechten van de betrokkene",
    confidentiality="vertrouwelijk",
    retention="verslag van het verzoek zolang het verwerkingslog bewaard wordt",
)

ACTIVITIES = {a.code: a for a in (REPORT_HANDLING, WARM_REFERRAL, SUBJECT_REQUEST)}
