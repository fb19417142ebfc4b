"""A national-sized CBS table with made-up figures, in the OData JSON or CSV layout.

For the benchmark and the tests: the real national file is the user's download (docs/cbs.md).
The columns are those of table 85984NED, so its bundled mapping reads the file.
"""

import csv
import json
import random
from pathlib import Path

TABLE = "85984NED"
# Ten figure columns, four of them mapped; the rest are read past, as in a real download.
COLUMNS = (
    ("AantalInwoners_5", 0),
    ("Mannen_6", 0),
    ("Vrouwen_7", 0),
    ("HuishoudensTotaal_29", 0),
    ("GemiddeldeWOZWaardeVanWoningen_39", 1),
    ("Nettoarbeidsparticipatie_71", 1),
    ("GemiddeldInkomenPerInwoner_78", 1),
    ("PersonenInArmoede_81", 1),
    ("PersonenPerSoortUitkeringBijstand_87", 0),
    ("AfstandTotHuisartsenpraktijk_110", 1),
)
MISSING_SHARE = 0.05  # share of figures suppressed in districts and neighbourhoods


def write_synthetic_table(
    path: Path,
    *,
    municipalities: int = 342,
    districts: int = 10,
    neighbourhoods: int = 4,
    fmt: str = "json",
    seed: int = 1,
) -> int:
    """Write the file and return its number of rows (the defaults give 17,443 regions)."""
    rng = random.Random(seed)  # noqa: S311 - made-up figures, reproducible from the seed
    rows = [_row(rng, 0, "NL00", "Nederland", "Land")]
    for m in range(1, municipalities + 1):
        name = f"Gemeente {m}"
        rows.append(_row(rng, len(rows), f"GM{m:04d}", name, "Gemeente"))
        for d in range(districts):
            rows.append(_row(rng, len(rows), f"WK{m:04d}{d:02d}", name, "Wijk"))
            for n in range(1, neighbourhoods + 1):
                rows.append(_row(rng, len(rows), f"BU{m:04d}{d:02d}{n:02d}", name, "Buurt"))
    if fmt == "json":
        metadata = f"https://opendata.cbs.nl/ODataApi/OData/{TABLE}/$metadata#TypedDataSet"
        Path(path).write_text(json.dumps({"odata.metadata": metadata, "value": rows}))
    else:
        with Path(path).open("w", newline="", encoding="utf-8") as out:
            writer = csv.writer(out, delimiter=";", quoting=csv.QUOTE_NONNUMERIC)
            writer.writerow(list(rows[0]))
            for row in rows:
                writer.writerow(["       ." if v is None else v for v in row.values()])
    return len(rows)


def _row(rng: random.Random, number: int, code: str, municipality: str, kind: str) -> dict:
    row = {
        "ID": number,
        "WijkenEnBuurten": code.ljust(10),
        "Gemeentenaam_1": municipality.ljust(40),
        "SoortRegio_2": kind.ljust(10),
        "Codering_3": code.ljust(10),
        "IndelingswijzigingWijkenEnBuurten_4": "." if kind in ("Land", "Gemeente") else "1",
    }
    for column, decimals in COLUMNS:
        if kind in ("Wijk", "Buurt") and rng.random() < MISSING_SHARE:
            row[column] = None
        elif decimals:
            row[column] = round(rng.uniform(1, 90), decimals)
        else:
            row[column] = rng.randint(100, 20_000)
    return row
