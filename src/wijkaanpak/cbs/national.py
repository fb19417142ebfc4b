"""The national indicators we can fill from CBS: cbs/data/national_indicators.json.

Loading is an upsert on the key, so it can run again and again; a second run of the same
file changes nothing. Indicators that are not in the file are never deleted.
"""

import json
import re
from dataclasses import dataclass
from pathlib import Path

from django.db import transaction
from django.utils.translation import gettext as _

from wijkaanpak.programme.models import Indicator, NationalIndicator

NATIONAL_INDICATORS_FILE = Path(__file__).resolve().parent / "data" / "national_indicators.json"
KEY = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")


class NationalIndicatorError(Exception):
    def __init__(self, errors: list[str]):
        super().__init__(errors)
        self.errors = errors


@dataclass
class LoadCounts:
    created: int = 0
    updated: int = 0
    unchanged: int = 0


def load_national_indicators(path: Path = NATIONAL_INDICATORS_FILE) -> LoadCounts:
    try:
        items = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise NationalIndicatorError(
            [_("%(path)s is niet te lezen: %(error)s") % {"path": path, "error": exc}]
        ) from exc
    rows = _validate(items)
    counts = LoadCounts()
    with transaction.atomic():
        existing = {n.key: n for n in NationalIndicator.objects.select_for_update()}
        for key, values in rows.items():
            current = existing.get(key)
            if current is None:
                NationalIndicator.objects.create(key=key, **values)
                counts.created += 1
            elif any(getattr(current, name) != value for name, value in values.items()):
                for name, value in values.items():
                    setattr(current, name, value)
                current.save(update_fields=list(values))
                counts.updated += 1
            else:
                counts.unchanged += 1
    return counts


def _validate(items) -> dict[str, dict]:
    if not isinstance(items, list):
        raise NationalIndicatorError([_("Het bestand moet een lijst van indicatoren zijn.")])
    errors, rows = [], {}
    for number, item in enumerate(items, start=1):
        where = _("indicator %(number)s") % {"number": number}
        if not isinstance(item, dict):
            errors.append(_("%(where)s: verwacht een object.") % {"where": where})
            continue
        key = str(item.get("key") or "")
        problems = []
        if not KEY.fullmatch(key) or len(key) > 80:
            problems.append(_("“key” moet een korte naam zijn, zoals gemiddeld-inkomen."))
        elif key in rows:
            problems.append(_("de sleutel %(key)s staat er twee keer in.") % {"key": key})
        if not str(item.get("name") or "").strip():
            problems.append(_("“name” ontbreekt."))
        if item.get("unit") not in Indicator.Unit.values:
            problems.append(
                _("“unit” moet een van deze zijn: %(units)s.")
                % {"units": ", ".join(Indicator.Unit.values)}
            )
        if item.get("polarity") not in Indicator.Polarity.values:
            problems.append(
                _("“polarity” moet een van deze zijn: %(values)s.")
                % {"values": ", ".join(Indicator.Polarity.values)}
            )
        decimals = item.get("decimals", 0)
        if not isinstance(decimals, int) or isinstance(decimals, bool) or not 0 <= decimals <= 4:
            problems.append(_("“decimals” moet 0 tot en met 4 zijn."))
        if not str(item.get("definition") or "").strip():
            problems.append(
                _("“definition” ontbreekt: zeg welke CBS-kolom het is en wat die meet.")
            )
        if problems:
            errors += [f"{where} ({key or '?'}): {p}" for p in problems]
            continue
        rows[key] = {
            "name": item["name"].strip(),
            "unit": item["unit"],
            "polarity": item["polarity"],
            "decimals": decimals,
            "definition": item["definition"].strip(),
        }
    if errors:
        raise NationalIndicatorError(errors)
    return rows
