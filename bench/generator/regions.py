"""CBS-shaped regions: NL00, ~342 municipalities (GM + 4 digits), ~3,300 districts (WK + 6)
and 14,500 neighbourhoods (BU + 8), each code extending its parent's digits as CBS's do."""

import random
from dataclasses import dataclass, field

from .names import Namer

COUNTRY_CODE = "NL00"
MUNICIPALITIES = 342
DISTRICTS = 3_300
# Municipalities the programme areas need, with their real names and codes.
FIXED_MUNICIPALITIES = {622: "Vlaardingen"}


@dataclass
class Region:
    id: int
    code: str
    level: str
    name: str
    parent_id: int | None

    def row(self) -> tuple:
        return (self.id, self.code, self.level, self.name, self.parent_id)


@dataclass
class District:
    region: Region
    municipality: Region
    neighbourhoods: list[Region] = field(default_factory=list)


@dataclass
class Tree:
    regions: list[Region]
    districts: list[District]

    def count(self, level: str) -> int:
        return sum(1 for r in self.regions if r.level == level)


def allocate(total: int, weights: list[float], low: int = 1, high: int = 99) -> list[int]:
    """Split `total` over the weights (largest remainder), each share within [low, high]."""
    scale = total / sum(weights)
    shares = [min(high, max(low, int(w * scale))) for w in weights]
    order = sorted(range(len(weights)), key=lambda i: weights[i] * scale - shares[i], reverse=True)
    step = 0
    while sum(shares) != total:
        i = order[step % len(order)]
        if sum(shares) < total and shares[i] < high:
            shares[i] += 1
        elif sum(shares) > total and shares[i] > low:
            shares[i] -= 1
        step += 1
    return shares


def build(rng: random.Random, namer: Namer, neighbourhoods: int) -> Tree:
    regions = [Region(1, COUNTRY_CODE, "NL", "Nederland", None)]
    numbers = set(FIXED_MUNICIPALITIES)
    while len(numbers) < MUNICIPALITIES:
        numbers.add(rng.randrange(1, 2000))
    numbers = sorted(numbers)
    district_counts = allocate(
        min(DISTRICTS, neighbourhoods), [rng.lognormvariate(0, 0.8) for _ in numbers]
    )
    districts: list[District] = []
    for number, count in zip(numbers, district_counts, strict=True):
        name = FIXED_MUNICIPALITIES.get(number) or namer.municipality()
        municipality = Region(len(regions) + 1, f"GM{number:04d}", "GM", name, 1)
        regions.append(municipality)
        for d in range(1, count + 1):
            code = f"WK{number:04d}{d:02d}"
            region = Region(len(regions) + 1, code, "WK", namer.district(name), municipality.id)
            regions.append(region)
            districts.append(District(region, municipality))
    sizes = allocate(neighbourhoods, [rng.lognormvariate(0, 0.6) for _ in districts])
    for district, size in zip(districts, sizes, strict=True):
        for b in range(1, size + 1):
            code = f"BU{district.region.code[2:]}{b:02d}"
            name = namer.neighbourhood(district.region.name, b)
            region = Region(len(regions) + 1, code, "BU", name, district.region.id)
            regions.append(region)
            district.neighbourhoods.append(region)
    return Tree(regions, districts)
