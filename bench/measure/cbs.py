"""The CBS Kerncijfers import over a national file in the real layout, timed.

The file has every region of the bench database (18,143: NL00, 342 GM, 3,300 WK, 14,500
BU) in the OData JSON layout of table 85984NED, with made-up figures from
wijkaanpak.cbs.synthetic. Inside a transaction that is rolled back (the database stays as
generated), the CBS national indicators are loaded and four indicators of every area are
linked to them; then the real import_table runs: it reads the file, updates the regions
and stores each area's figures at area, city and national scale. Reported when the CBS
import exists in this version.
"""

import importlib.util
import json
import random
import tempfile
import time
from pathlib import Path

TABLE = "85984NED"
# Area indicator (generated and Westwijk) -> the CBS national indicator it stands in for.
LINKS = {
    "gemiddeld-inkomen": "gemiddeld-inkomen-per-inwoner",
    "kinderen-in-armoede": "personen-in-armoede",
    "schuldsanering-per-1000": "bijstand-per-1000-inwoners",
    "inkomen-uit-arbeid": "nettoarbeidsparticipatie",
}
KINDS = {"NL": "Land", "GM": "Gemeente", "WK": "Wijk", "BU": "Buurt"}


def available() -> bool:
    return all(
        importlib.util.find_spec(name) is not None
        for name in ("wijkaanpak.cbs.services", "wijkaanpak.cbs.synthetic")
    )


def write_file(path: Path) -> int:
    """Every region of the database as a row of the OData JSON download."""
    from wijkaanpak.areas.models import Region
    from wijkaanpak.cbs import synthetic

    rng = random.Random(1)
    regions = list(Region.objects.select_related("parent__parent").order_by("code"))
    municipality = {}
    for region in regions:
        if region.level == "GM":
            municipality[region.code] = region.name
    rows = []
    for region in sorted(regions, key=lambda r: ("NL", "GM", "WK", "BU").index(r.level)):
        town = municipality.get("GM" + region.code[2:6], "") if region.level != "NL" else ""
        rows.append(synthetic._row(rng, len(rows), region.code, town, KINDS[region.level]))
    metadata = f"https://opendata.cbs.nl/ODataApi/OData/{TABLE}/$metadata#TypedDataSet"
    path.write_text(json.dumps({"odata.metadata": metadata, "value": rows}))
    return len(rows)


def link_areas() -> int:
    from wijkaanpak.programme.models import Indicator, NationalIndicator

    linked = 0
    for slug, key in LINKS.items():
        national = NationalIndicator.objects.get(key=key)
        linked += Indicator.objects.filter(slug=slug).update(national=national)
    return linked


def run() -> dict:
    if not available():
        return {"note": "not available (wijkaanpak.cbs.services.import_table missing)"}
    from django.db import transaction

    from wijkaanpak.cbs import national, services

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"{TABLE}.json"
        rows = write_file(path)
        size = path.stat().st_size
        with transaction.atomic():
            national.load_national_indicators()
            linked = link_areas()
            begun = time.perf_counter()
            outcome = services.import_table(path, TABLE)
            seconds = time.perf_counter() - begun
            transaction.set_rollback(True)
    return {
        "table": TABLE,
        "rows": rows,
        "file_mb": round(size / 1e6, 1),
        "linked_indicators": linked,
        "seconds": round(seconds, 2),
        "rows_per_second": round(rows / seconds),
        "regions_created": outcome.regions_created,
        "regions_updated": outcome.regions_updated,
        "regions_unchanged": outcome.regions_unchanged,
        "measurements_created": outcome.measurements_created,
        "measurements_corrected": outcome.measurements_corrected,
        "measurements_unchanged": outcome.measurements_unchanged,
        "skipped_missing": outcome.skipped_missing,
        "notes": outcome.notes[:3],
    }
