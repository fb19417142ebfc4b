"""Synthetic Dutch-looking place names: plausible, never a real place (except the Westwijk's)."""

import random

_HEADS = [
    "Aal",
    "Beek",
    "Berg",
    "Bloem",
    "Bos",
    "Breuk",
    "Broek",
    "Dal",
    "Dijk",
    "Eik",
    "Elst",
    "Gaar",
    "Gouw",
    "Ham",
    "Heide",
    "Hoef",
    "Holt",
    "Hoog",
    "Kamp",
    "Kerk",
    "Laar",
    "Lin",
    "Loo",
    "Meer",
    "Molen",
    "Mun",
    "Ned",
    "Oud",
    "Polder",
    "Rijs",
    "Rode",
    "Schaar",
    "Schil",
    "Sloot",
    "Steen",
    "Ter",
    "Vaar",
    "Veen",
    "Vliet",
    "Voor",
    "Wad",
    "Water",
    "Weer",
    "Wilg",
    "Wolde",
    "Zand",
    "Zeven",
    "Zwaan",
]
_TAILS = [
    "dam",
    "dorp",
    "veen",
    "hoven",
    "burg",
    "hout",
    "meer",
    "broek",
    "berg",
    "horst",
    "rode",
    "stad",
    "wolde",
    "zijl",
    "beek",
    "dijk",
    "gein",
    "haven",
    "kerk",
    "laren",
    "sloot",
    "wijk",
]
_DISTRICT_TAILS = ["wijk", "kwartier", "park", "hof", "polder", "veld", "dreef", "kamp"]
_COMPASS = ["Noord", "Oost", "Zuid", "West", "Centrum", "Midden", "Buiten", "Oude", "Nieuwe"]
STREETS = [
    "Dorpsstraat",
    "Kerkstraat",
    "Molenweg",
    "Schoolstraat",
    "Julianalaan",
    "Beatrixstraat",
    "Lindelaan",
    "Eikenlaan",
    "Vondelstraat",
    "Havenkade",
    "Parkweg",
    "Rembrandtplein",
    "Wilhelminastraat",
    "Marktplein",
    "Stationsweg",
    "Kastanjelaan",
    "Prinsengracht",
    "Tulpstraat",
    "Merelstraat",
    "Sportlaan",
]


class Namer:
    """Hands out unique names from one seeded random source."""

    def __init__(self, rng: random.Random):
        self.rng = rng
        self.used: set[str] = set()

    def _unique(self, make) -> str:
        for _attempt in range(1000):
            name = make()
            if name not in self.used:
                self.used.add(name)
                return name
        raise RuntimeError("ran out of names")

    def municipality(self) -> str:
        return self._unique(lambda: self.rng.choice(_HEADS) + self.rng.choice(_TAILS))

    def district(self, municipality: str) -> str:
        # CBS names repeat across the country ("Centrum"); only codes are unique.
        if self.rng.random() < 0.4:
            return f"{municipality}-{self.rng.choice(_COMPASS)}"
        return self.rng.choice(_HEADS) + self.rng.choice(_DISTRICT_TAILS)

    def neighbourhood(self, district: str, number: int) -> str:
        return f"{district} {number:02d}"
