import datetime
from decimal import Decimal

import factory

from wijkaanpak.areas.tests.factories import AreaFactory
from wijkaanpak.programme.models import (
    Goal,
    Horizon,
    Indicator,
    Measurement,
    Programme,
    ProgrammeLine,
    ReferenceValue,
    Scope,
    SourceNote,
    Target,
)


class ProgrammeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Programme

    area = factory.SubFactory(AreaFactory)
    edition_year = 2023
    title = factory.LazyAttribute(lambda p: f"Wij de {p.area.name}")
    ambition = "Kinderen in de wijk groeien op met dezelfde kansen als elders."
    ambition_summary = "Gelijke kansen voor ieder kind."
    starts_on = datetime.date(2023, 1, 1)
    source_document = "Programmaplan"


class HorizonFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Horizon

    programme = factory.SubFactory(ProgrammeFactory)
    years = 4
    label = factory.LazyAttribute(lambda h: f"Over {h.years} jaar")
    due_on = factory.LazyAttribute(
        lambda h: h.programme.starts_on.replace(year=h.programme.starts_on.year + h.years)
    )


class ProgrammeLineFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ProgrammeLine

    programme = factory.SubFactory(ProgrammeFactory)
    number = factory.Sequence(lambda n: n + 1)
    name = factory.Sequence(lambda n: f"Lijn {n + 1}")
    slug = factory.Sequence(lambda n: f"lijn-{n + 1}")


class GoalFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Goal

    line = factory.SubFactory(ProgrammeLineFactory)
    number = factory.Sequence(lambda n: n + 1)
    text = "Meer kinderen halen hun schooladvies."


class IndicatorFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Indicator

    programme = factory.SubFactory(ProgrammeFactory)
    line = factory.SubFactory(ProgrammeLineFactory, programme=factory.SelfAttribute("..programme"))
    slug = factory.Sequence(lambda n: f"indicator-{n}")
    name = factory.Sequence(lambda n: f"Indicator {n}")
    kind = Indicator.Kind.OUTCOME
    unit = Indicator.Unit.PERCENT
    polarity = Indicator.Polarity.HIGHER_IS_BETTER
    decimals = 1


class ReferenceValueFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ReferenceValue

    indicator = factory.SubFactory(IndicatorFactory)
    scope = Scope.AREA
    value = Decimal("10")
    reference_date = datetime.date(2023, 1, 1)
    source = "CBS"


class TargetFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Target

    indicator = factory.SubFactory(IndicatorFactory)
    horizon = factory.SubFactory(
        HorizonFactory, programme=factory.SelfAttribute("..indicator.programme")
    )
    value = Decimal("20")
    state = Target.State.AGREED
    source = "Programmaplan"


class MeasurementFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Measurement

    indicator = factory.SubFactory(IndicatorFactory)
    scope = Scope.AREA
    value = Decimal("12.5")
    period_start = datetime.date(2023, 1, 1)
    period_end = datetime.date(2023, 12, 31)
    source = "CBS Statline"


class SourceNoteFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = SourceNote

    programme = factory.SubFactory(ProgrammeFactory)
    key = factory.Sequence(lambda n: f"opmerking-{n}")
    kind = SourceNote.Kind.ILLEGIBLE
    subject = factory.Sequence(lambda n: f"Opmerking {n}")
    description = "Een cel in de tabel is onleesbaar."
    source_reference = "regel 1"
