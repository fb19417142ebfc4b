"""What a generated programme edition holds: five lines, 60 indicators, 15 of them national.

The 15 national indicators are the Westwijk's quantitative outcome indicators (same key,
name, unit and direction), so the real programme and the 19 generated ones share them and
the national comparison has twenty areas per indicator. The other 45 are plausible
indicators of the same five lines, numbered per line.
"""

from dataclasses import dataclass
from decimal import Decimal

LINES = [
    (1, "kind", "Het Kind", "Garandeer kansen"),
    (2, "ouders", "De Ouders", "Een stabiel thuis"),
    (3, "werk-en-opleiding", "Werk en opleiding", "Van school en thuis naar werk"),
    (4, "veiligheid", "Veiligheid", "Veilig opgroeien en wonen"),
    (5, "leefbaarheid", "Leefbaarheid", "Een wijk om trots op te zijn"),
]
GOALS_PER_LINE = 4
INDICATORS_PER_AREA = 60


@dataclass(frozen=True)
class Spec:
    slug: str
    name: str
    line: int
    unit: str
    polarity: str
    kind: str = "outcome"
    decimals: int = 0
    nl: Decimal | None = None  # the national value; None for effort and qualitative ones
    national: bool = False


H, L = "higher_is_better", "lower_is_better"


def _nat(slug, name, line, unit, polarity, nl, decimals=0) -> Spec:
    return Spec(slug, name, line, unit, polarity, "outcome", decimals, Decimal(nl), True)


NATIONAL = [
    _nat("bereik-vve", "Bereik VVE", 1, "percent", H, "80"),
    _nat("verzuim-po", "% verzuim PO", 1, "percent", L, "4"),
    _nat("verzuim-vo", "% verzuim VO", 1, "percent", L, "6"),
    _nat("schooladvies-gehaald", "% dat schooladvies haalt", 1, "percent", H, "54"),
    _nat("geen-startkwalificatie", "% niet behalen startkwalificatie", 1, "percent", L, "12"),
    _nat("kinderen-in-armoede", "% kinderen dat opgroeit in armoede", 2, "percent", L, "7.1", 1),
    _nat(
        "schuldsanering-per-1000",
        "Aantal inwoners met schuldsanering (per 1000 inwoners)",
        2,
        "per_thousand",
        L,
        "17",
    ),
    _nat("laaggeletterdheid-ouders", "% laaggeletterdheid bij ouders", 2, "percent", L, "12"),
    _nat("ervaren-gezondheid", "Ervaring gezondheid goed/zeer goed", 2, "percent", H, "78"),
    _nat("leeftijd-bij-overlijden", "Gemiddelde leeftijd bij overlijden", 2, "years", H, "78.6", 1),
    _nat("combinatie-multiproblematiek", "Combinatie multiproblematiek", 2, "score", L, "31"),
    _nat("huishoudens-met-uitkering", "% huishoudens met een uitkering", 3, "percent", L, "14"),
    _nat("inkomen-uit-arbeid", "% inwoners met inkomen uit arbeid", 3, "percent", H, "66"),
    _nat("werkloze-jongeren", "% werkloze jongeren", 3, "percent", L, "8"),
    _nat("gemiddeld-inkomen", "Gemiddeld inkomen per inwoner", 3, "euro", H, "27000"),
]

# (name, unit, polarity, kind, national value or None); numbered per line into slugs.
_OTHERS = {
    1: [
        ("Kinderen met een zwemdiploma", "percent", H, "outcome", "85"),
        ("Kinderen dat lid is van een sportclub", "percent", H, "outcome", "62"),
        ("Kwalitatieve meting welbevinden kinderen", "qualitative", H, "outcome", None),
        ("Deelnemers naschoolse activiteiten", "count", H, "effort", None),
        ("Scholen met een gezonde lunch", "count", H, "effort", None),
        ("Jongeren met een stageplek", "percent", H, "outcome", "70"),
        ("Voortijdig schoolverlaters per 1000 leerlingen", "per_thousand", L, "outcome", "18"),
    ],
    2: [
        ("Huishoudens met betalingsachterstanden", "percent", L, "outcome", "9"),
        ("Ouders in een taaltraject", "count", H, "effort", None),
        ("Inwoners met overgewicht", "percent", L, "outcome", "50"),
        ("Eenzaamheid onder inwoners", "percent", L, "outcome", "46"),
        ("Kwalitatieve meting bij inwoners", "qualitative", H, "outcome", None),
        ("Gezinnen met een vaste regisseur", "count", H, "effort", None),
    ],
    3: [
        ("Instroom in werk vanuit een uitkering", "count", H, "effort", None),
        ("Mbo-studenten met een diploma", "percent", H, "outcome", "74"),
        ("Inwoners met een vast contract", "percent", H, "outcome", "61"),
        ("Jongeren in een leerwerkbaan", "count", H, "effort", None),
        ("Langdurig werklozen", "per_thousand", L, "outcome", "21"),
        ("Inwoners die een cursus volgen", "percent", H, "outcome", "19"),
        ("Werkgevers in het netwerk", "count", H, "effort", None),
        ("Bijstandsduur in jaren", "years", L, "outcome", "4.1"),
    ],
    4: [
        ("Ervaren onveiligheid in de buurt", "percent", L, "outcome", "17"),
        ("Woninginbraken per 1000 woningen", "per_thousand", L, "outcome", "2"),
        ("Jongeren met politiecontact", "per_thousand", L, "outcome", "24"),
        ("Overlast door jongeren", "percent", L, "outcome", "13"),
        ("Drugsoverlast", "percent", L, "outcome", "9"),
        ("Vertrouwen in de politie", "score", H, "outcome", "6.4"),
        ("Huisbezoeken bij woonoverlast", "count", H, "effort", None),
        ("Geweldsmisdrijven per 1000 inwoners", "per_thousand", L, "outcome", "5"),
        ("Cameratoezicht op hotspots", "count", H, "effort", None),
        ("Meldingen van woonoverlast", "count", L, "outcome", None),
        ("Jongeren in een preventietraject", "count", H, "effort", None),
        ("Slachtofferschap van criminaliteit", "percent", L, "outcome", "16"),
    ],
    5: [
        ("Tevredenheid met de buurt", "score", H, "outcome", "7.6"),
        ("Zwerfafval in de buurt", "percent", L, "outcome", "29"),
        ("Meldingen binnen 5 werkdagen opgepakt", "percent", H, "effort", None),
        ("Gerenoveerde woningen", "count", H, "effort", None),
        ("Nieuwbouwwoningen", "count", H, "effort", None),
        ("Groen per inwoner in vierkante meters", "score", H, "outcome", "42"),
        ("Inwoners die zich inzetten voor de buurt", "percent", H, "outcome", "31"),
        ("Overbewoning", "per_thousand", L, "outcome", "11"),
        ("Verhuizingen binnen de wijk", "percent", H, "outcome", "35"),
        ("Leegstaande winkels", "percent", L, "outcome", "8"),
        ("Buurtactiviteiten", "count", H, "effort", None),
        ("Bewonersinitiatieven", "count", H, "effort", None),
    ],
}
DECIMALS = {"percent": 1, "per_thousand": 0, "euro": 0, "years": 1, "count": 0, "score": 1}
PICKUP_METRIC = "reports.pickup_within_5_working_days"


def indicator_specs(count: int = INDICATORS_PER_AREA) -> list[Spec]:
    """The first `count` (at most 60) indicators of a generated edition, in line order.

    The national ones come first, so a smaller edition still shares them.
    """
    specs = list(NATIONAL)
    for line, items in _OTHERS.items():
        for n, (name, unit, polarity, kind, nl) in enumerate(items, start=1):
            specs.append(
                Spec(
                    f"{LINES[line - 1][1]}-{n:02d}",
                    name,
                    line,
                    unit,
                    polarity,
                    kind,
                    DECIMALS.get(unit, 0),
                    Decimal(nl) if nl else None,
                )
            )
    assert len(specs) == INDICATORS_PER_AREA, len(specs)
    return sorted(specs[:count], key=lambda s: s.line)
