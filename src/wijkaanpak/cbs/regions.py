"""Keep areas.Region in step with a CBS table: new regions added, names and parents updated.

A code says where it belongs (BU06220301 lies in WK062203, in GM0622, in the Netherlands),
so parents follow from the codes. The whole table is read once and written in batches:
a national file of ~17,000 regions costs a handful of queries, not one per row.
"""

from collections.abc import Iterable
from dataclasses import dataclass
from itertools import count

from wijkaanpak.areas.models import Region

from .parsing import CbsRow

LEVELS = ("NL", "GM", "WK", "BU")  # parents before children
BATCH = 1000


@dataclass
class RegionCounts:
    created: int = 0
    updated: int = 0
    unchanged: int = 0


def parent_code(code: str) -> str | None:
    level = code[:2]
    if level == "GM":
        return "NL00"
    if level == "WK":
        return "GM" + code[2:6]
    if level == "BU":
        return "WK" + code[2:8]
    return None


def sync_regions(rows: Iterable[CbsRow], *, write: bool) -> RegionCounts:
    """Add and update the regions of the rows; with write=False only count what would change."""
    existing = {r.code: r for r in Region.objects.only("id", "code", "level", "name", "parent")}
    ids = {code: region.pk for code, region in existing.items()}
    # A dry run has no database ids for new regions; stand-ins keep the parent comparison right.
    stand_ins = count(-1, -1)
    counts = RegionCounts()
    changed: list[Region] = []
    by_level = {level: [] for level in LEVELS}
    for row in rows:
        by_level[row.level].append(row)
    for level in LEVELS:
        new: list[Region] = []
        for row in by_level[level]:
            parent_id = ids.get(parent_code(row.code))
            region = existing.get(row.code)
            if region is None:
                new.append(
                    Region(
                        code=row.code, level=level, name=row.name or row.code, parent_id=parent_id
                    )
                )
                continue
            # The raw table names districts by code only: never replace a real name by that.
            name = row.name or region.name
            if (region.name, region.level, region.parent_id) == (name, level, parent_id):
                counts.unchanged += 1
                continue
            region.name, region.level, region.parent_id = name, level, parent_id
            changed.append(region)
        counts.created += len(new)
        if not write:
            ids.update((region.code, next(stand_ins)) for region in new)
        elif new:
            Region.objects.bulk_create(new, batch_size=BATCH)
            if any(region.pk is None for region in new):  # a backend that returns no ids
                ids.update(Region.objects.filter(level=level).values_list("code", "id"))
            else:
                ids.update((region.code, region.pk) for region in new)
    counts.updated = len(changed)
    if write and changed:
        Region.objects.bulk_update(changed, ["name", "level", "parent"], batch_size=BATCH)
    return counts
