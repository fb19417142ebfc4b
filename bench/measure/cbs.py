"""The CBS Kerncijfers import over a national-sized file in the real layout, timed.

The file comes from wijkaanpak.cbs.synthetic (made-up figures, the columns of table
85984NED, every municipality, district and neighbourhood); the import is the real
import_table with the bundled mapping, inside a transaction that is rolled back so the
bench database stays as generated. Reported when the CBS import exists in this version.
"""

import importlib.util
import tempfile
import time
from pathlib import Path

TABLE = "85984NED"


def available() -> bool:
    return all(
        importlib.util.find_spec(name) is not None
        for name in ("wijkaanpak.cbs.services", "wijkaanpak.cbs.synthetic")
    )


def run() -> dict:
    if not available():
        return {"note": "not available (wijkaanpak.cbs.services.import_table missing)"}
    from django.db import transaction

    from wijkaanpak.cbs import national, services, synthetic

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"{TABLE}.json"
        rows = synthetic.write_synthetic_table(path, fmt="json")
        size = path.stat().st_size
        with transaction.atomic():
            national.load_national_indicators()
            begun = time.perf_counter()
            outcome = services.import_table(path, TABLE)
            seconds = time.perf_counter() - begun
            transaction.set_rollback(True)
    return {
        "table": TABLE,
        "rows": rows,
        "file_mb": round(size / 1e6, 1),
        "seconds": round(seconds, 2),
        "rows_per_second": round(rows / seconds),
        "regions_created": outcome.regions_created,
        "regions_updated": outcome.regions_updated,
        "measurements_created": outcome.measurements_created,
        "measurements_corrected": outcome.measurements_corrected,
    }
