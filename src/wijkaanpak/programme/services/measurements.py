"""Recording and correcting measurements. A stored value is never overwritten.

A correction adds a row that points at the row it replaces (`supersedes`) and stamps
the old row `superseded_at`, so every figure ever shown stays traceable.
"""

import enum
from datetime import date
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from ..models import Indicator, Measurement, Scope
from .parsing import plain_number

# Mirrors Measurement.value (max_digits=14, decimal_places=4).
MAX_DECIMAL_PLACES = 4
MAX_WHOLE = Decimal(10) ** (14 - MAX_DECIMAL_PLACES)
SOURCE_MAX_LENGTH = 300
# Units where a negative figure cannot be a real measurement.
NON_NEGATIVE_UNITS = {
    Indicator.Unit.PERCENT,
    Indicator.Unit.PER_THOUSAND,
    Indicator.Unit.COUNT,
    Indicator.Unit.YEARS,
}


class Outcome(enum.StrEnum):
    CREATED = "created"
    CORRECTED = "corrected"
    UNCHANGED = "unchanged"


def validate_measurement(
    indicator: Indicator,
    *,
    value: Decimal,
    period_start: date,
    period_end: date,
    scope: str,
    source: str,
    today: date | None = None,
) -> None:
    """Raise one ValidationError keyed by field, so forms and imports can point at the cause."""
    errors: dict[str, list[str]] = {}

    def fail(field: str, message: str) -> None:
        errors.setdefault(field, []).append(message)

    if isinstance(value, float):
        raise TypeError("Measurement values are Decimal, never float.")
    today = today or timezone.localdate()
    if not indicator.is_quantitative:
        fail(
            "value",
            _("“%(name)s” is een kwalitatieve indicator. Daarvoor kunt u geen getal invoeren.")
            % {"name": indicator.name},
        )
    else:
        for message in _value_problems(indicator, Decimal(value)):
            fail("value", message)
    if scope not in Scope.values:
        fail("scope", _("Kies de schaal: wijk, stad of Nederland."))
    if period_end < period_start:
        fail("period_end", _("Het einde van de periode ligt vóór het begin."))
    if period_end > today:
        fail(
            "period_end",
            _("Het einde van de periode ligt in de toekomst. Voer alleen gemeten waarden in."),
        )
    if not (source or "").strip():
        fail("source", _("Vul de bron in: waar komt dit cijfer vandaan?"))
    elif len(source.strip()) > SOURCE_MAX_LENGTH:
        fail("source", _("De bron is te lang: gebruik hoogstens 300 tekens."))
    if errors:
        raise ValidationError(errors)


def _value_problems(indicator: Indicator, value: Decimal) -> list[str]:
    if not value.is_finite():
        return [_("Vul een getal in.")]
    if abs(value) >= MAX_WHOLE:
        return [_("Dit getal is te groot.")]
    if value != value.quantize(Decimal(1).scaleb(-MAX_DECIMAL_PLACES)):
        return [_("Gebruik hoogstens 4 cijfers achter de komma.")]
    problems = []
    if indicator.unit == Indicator.Unit.PERCENT and not Decimal(0) <= value <= Decimal(100):
        problems.append(_("Een percentage ligt tussen 0 en 100."))
    elif indicator.unit in NON_NEGATIVE_UNITS and value < 0:
        problems.append(_("Deze waarde kan niet negatief zijn."))
    if indicator.unit == Indicator.Unit.COUNT and value != value.to_integral_value():
        problems.append(_("Een aantal is een heel getal, zonder cijfers achter de komma."))
    return problems


def current_measurement(indicator: Indicator, scope: str, period_end: date) -> Measurement | None:
    return (
        Measurement.objects.current()
        .of_series(indicator)
        .filter(scope=scope, period_end=period_end)
        .first()
    )


def save_measurement(
    indicator: Indicator,
    *,
    value: Decimal,
    period_start: date,
    period_end: date,
    scope: str = Scope.AREA,
    source: str,
    note: str = "",
    entered_by=None,
    allow_correction: bool = True,
) -> tuple[Measurement, Outcome]:
    """Record a value and say what happened; the import needs the outcome for its summary."""
    validate_measurement(
        indicator,
        value=value,
        period_start=period_start,
        period_end=period_end,
        scope=scope,
        source=source,
    )
    source, note = source.strip(), (note or "").strip()
    with transaction.atomic():
        existing = (
            Measurement.objects.select_for_update()
            .current()
            .of_series(indicator)
            .filter(scope=scope, period_end=period_end)
            .first()
        )
        if existing is None:
            try:
                with transaction.atomic():
                    created = Measurement.objects.create(
                        indicator=indicator,
                        scope=scope,
                        value=value,
                        period_start=period_start,
                        period_end=period_end,
                        source=source,
                        note=note,
                        entered_by=entered_by,
                    )
            except IntegrityError as exc:
                # Someone stored the same period between our read and our insert.
                raise ValidationError(
                    _(
                        "Iemand anders heeft net een meting voor deze periode opgeslagen. "
                        "Probeer het opnieuw."
                    )
                ) from exc
            return created, Outcome.CREATED
        if same_measurement(
            existing, value=value, period_start=period_start, source=source, note=note
        ):
            return existing, Outcome.UNCHANGED
        if not allow_correction:
            raise ValidationError(
                {
                    "period_end": _(
                        "Voor deze indicator, schaal en periode staat al een meting "
                        "(waarde %(value)s). U mag metingen niet corrigeren."
                    )
                    % {"value": plain_number(existing.value)}
                }
            )
        corrected = correct_measurement(
            existing,
            value=value,
            period_start=period_start,
            source=source,
            note=note,
            entered_by=entered_by,
        )
        return corrected, Outcome.CORRECTED


def record_measurement(
    indicator: Indicator,
    *,
    value: Decimal,
    period_start: date,
    period_end: date,
    scope: str = Scope.AREA,
    source: str,
    note: str = "",
    entered_by=None,
    allow_correction: bool = True,
) -> Measurement:
    """Store a value; an existing different value for the same period is corrected, not lost."""
    measurement, _outcome = save_measurement(
        indicator,
        value=value,
        period_start=period_start,
        period_end=period_end,
        scope=scope,
        source=source,
        note=note,
        entered_by=entered_by,
        allow_correction=allow_correction,
    )
    return measurement


def correct_measurement(
    measurement: Measurement,
    *,
    value: Decimal,
    source: str,
    note: str = "",
    entered_by=None,
    period_start: date | None = None,
) -> Measurement:
    """Replace a current measurement by a new row; the old row stays, marked superseded."""
    period_start = period_start or measurement.period_start
    validate_measurement(
        measurement.indicator,
        value=value,
        period_start=period_start,
        period_end=measurement.period_end,
        scope=measurement.scope,
        source=source,
    )
    source, note = source.strip(), (note or "").strip()
    with transaction.atomic():
        # Re-read under a lock: the caller's copy may be stale.
        old = Measurement.objects.select_for_update().get(pk=measurement.pk)
        if old.superseded_at is not None:
            raise ValidationError(
                _("Deze meting is al gecorrigeerd. Corrigeer de nieuwste versie."),
                code="superseded",
            )
        if same_measurement(old, value=value, period_start=period_start, source=source, note=note):
            raise ValidationError(
                _("De correctie is gelijk aan de meting. Er is niets veranderd."),
                code="unchanged",
            )
        # Stamp the old row first: the one-current-row constraint holds at every statement.
        old.superseded_at = timezone.now()
        old.save(update_fields=["superseded_at"])
        new = Measurement.objects.create(
            indicator=old.indicator,
            scope=old.scope,
            value=value,
            period_start=period_start,
            period_end=old.period_end,
            source=source,
            note=note,
            entered_by=entered_by,
            supersedes=old,
        )
    measurement.superseded_at = old.superseded_at
    return new


def same_measurement(existing: Measurement, *, value, period_start, source, note) -> bool:
    return (
        Decimal(existing.value) == Decimal(value)
        and existing.period_start == period_start
        and existing.source == source
        and existing.note == note
    )
