from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from .structure import Goal, Horizon, Programme, ProgrammeLine


class Scope(models.TextChoices):
    """Whose value a number is: the country, the city, or the programme area."""

    NETHERLANDS = "netherlands", _("Nederland")
    CITY = "city", _("stad")
    AREA = "area", _("wijk")


class NationalIndicator(models.Model):
    """An indicator with one national definition (often a CBS figure), so areas can be compared.

    An area's indicator points here when it measures exactly this; the national comparison
    and the CBS import go through this key, never through names, which differ per programme.
    """

    key = models.SlugField(_("sleutel"), max_length=80, unique=True)
    name = models.CharField(_("naam"), max_length=200)
    unit = models.CharField(_("eenheid"), max_length=20)
    polarity = models.CharField(_("richting"), max_length=20)
    decimals = models.PositiveSmallIntegerField(_("decimalen"), default=0)
    definition = models.TextField(_("definitie"), blank=True)

    class Meta:
        verbose_name = _("landelijke indicator")
        verbose_name_plural = _("landelijke indicatoren")
        ordering = ["name"]

    def __str__(self):
        return self.name


class Indicator(models.Model):
    class Kind(models.TextChoices):
        OUTCOME = "outcome", _("hoofdindicator")
        EFFORT = "effort", _("inspanningsindicator")

    class Unit(models.TextChoices):
        PERCENT = "percent", _("procent")
        PER_THOUSAND = "per_thousand", _("per 1000 inwoners")
        EURO = "euro", _("euro")
        YEARS = "years", _("jaren")
        COUNT = "count", _("aantal")
        SCORE = "score", _("score")
        QUALITATIVE = "qualitative", _("kwalitatief")

    class Polarity(models.TextChoices):
        HIGHER_IS_BETTER = "higher_is_better", _("hoger is beter")
        LOWER_IS_BETTER = "lower_is_better", _("lager is beter")

    programme = models.ForeignKey(Programme, on_delete=models.CASCADE, related_name="indicators")
    line = models.ForeignKey(ProgrammeLine, on_delete=models.CASCADE, related_name="indicators")
    slug = models.SlugField(max_length=80)
    name = models.CharField(_("naam"), max_length=200)
    kind = models.CharField(_("soort"), max_length=10, choices=Kind.choices)
    unit = models.CharField(_("eenheid"), max_length=20, choices=Unit.choices)
    polarity = models.CharField(_("richting"), max_length=20, choices=Polarity.choices)
    decimals = models.PositiveSmallIntegerField(_("decimalen"), default=0)
    source_description = models.TextField(_("bron van de cijfers"), blank=True)
    source_reference = models.CharField(_("vindplaats in de bron"), max_length=200, blank=True)
    goals = models.ManyToManyField(Goal, related_name="indicators", blank=True)
    metric_key = models.CharField(
        _("berekend uit"),
        max_length=80,
        blank=True,
        help_text=_("Sleutel van een geregistreerde berekening; leeg voor handmatige cijfers."),
    )
    position = models.PositiveSmallIntegerField(_("volgorde"), default=0)
    # Measurements belong to the series, not to one edition, so a trend survives a new
    # edition; every edition's copy of an indicator keeps the same series key.
    series_key = models.SlugField(_("reeks"), max_length=80, db_index=True, blank=True)
    previous = models.OneToOneField(
        "self", on_delete=models.SET_NULL, null=True, blank=True, related_name="next_edition"
    )
    national = models.ForeignKey(
        NationalIndicator,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="indicators",
        verbose_name=_("landelijke indicator"),
        help_text=_("Alleen als deze indicator precies de landelijke definitie volgt."),
    )

    class Meta:
        verbose_name = _("indicator")
        verbose_name_plural = _("indicatoren")
        ordering = ["line", "position", "name"]
        constraints = [
            models.UniqueConstraint(fields=["programme", "slug"], name="unique_indicator_slug")
        ]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        if not self.series_key:
            self.series_key = self.slug
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("programme:indicator", args=[self.programme.area.slug, self.slug])

    @property
    def is_quantitative(self) -> bool:
        return self.unit != self.Unit.QUALITATIVE


class ReferenceValue(models.Model):
    """A baseline figure ("nulmeting") for one scope; the area's value is the baseline."""

    indicator = models.ForeignKey(
        Indicator, on_delete=models.CASCADE, related_name="reference_values"
    )
    scope = models.CharField(_("schaal"), max_length=12, choices=Scope.choices)
    value = models.DecimalField(_("waarde"), max_digits=14, decimal_places=4)
    reference_date = models.DateField(_("peildatum"))
    source = models.CharField(_("bron"), max_length=300)
    source_reference = models.CharField(_("vindplaats in de bron"), max_length=200, blank=True)
    note = models.TextField(_("toelichting"), blank=True)

    class Meta:
        verbose_name = _("referentiewaarde")
        verbose_name_plural = _("referentiewaarden")
        ordering = ["indicator", "scope"]
        constraints = [
            models.UniqueConstraint(fields=["indicator", "scope"], name="unique_reference_scope")
        ]

    def __str__(self):
        return f"{self.indicator}: {self.get_scope_display()} {self.value}"


class Target(models.Model):
    class State(models.TextChoices):
        AGREED = "agreed", _("afgesproken")
        PROPOSED = "proposed", _("voorstel")

    indicator = models.ForeignKey(Indicator, on_delete=models.CASCADE, related_name="targets")
    horizon = models.ForeignKey(Horizon, on_delete=models.PROTECT, related_name="targets")
    value = models.DecimalField(_("streefwaarde"), max_digits=14, decimal_places=4)
    state = models.CharField(_("status"), max_length=10, choices=State.choices)
    source = models.CharField(_("bron"), max_length=300)
    source_reference = models.CharField(_("vindplaats in de bron"), max_length=200, blank=True)
    rule = models.CharField(_("regel van het voorstel"), max_length=200, blank=True)
    confirmed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    confirmed_at = models.DateTimeField(_("bevestigd op"), null=True, blank=True)

    class Meta:
        verbose_name = _("streefwaarde")
        verbose_name_plural = _("streefwaarden")
        ordering = ["indicator", "horizon__years"]
        constraints = [
            models.UniqueConstraint(fields=["indicator", "horizon"], name="unique_target_horizon")
        ]

    def __str__(self):
        return f"{self.indicator}: {self.horizon} {self.value} ({self.get_state_display()})"


class MeasurementQuerySet(models.QuerySet):
    def current(self):
        return self.filter(superseded_at__isnull=True)

    def of_series(self, indicator):
        """The measurements of this indicator in every edition of its area's programme."""
        return self.filter(
            indicator__programme__area_id=indicator.programme.area_id,
            indicator__series_key=indicator.series_key,
        )


class Measurement(models.Model):
    """A measured value. A correction adds a row and marks the old one superseded."""

    indicator = models.ForeignKey(Indicator, on_delete=models.PROTECT, related_name="measurements")
    scope = models.CharField(_("schaal"), max_length=12, choices=Scope.choices, default=Scope.AREA)
    value = models.DecimalField(_("waarde"), max_digits=14, decimal_places=4)
    period_start = models.DateField(_("begin periode"))
    period_end = models.DateField(_("einde periode"))
    source = models.CharField(_("bron"), max_length=300)
    note = models.TextField(_("toelichting"), blank=True)
    entered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, related_name="+"
    )
    entered_at = models.DateTimeField(_("ingevoerd op"), auto_now_add=True)
    supersedes = models.OneToOneField(
        "self", on_delete=models.PROTECT, null=True, blank=True, related_name="superseded_by"
    )
    superseded_at = models.DateTimeField(_("vervangen op"), null=True, blank=True)

    objects = MeasurementQuerySet.as_manager()

    class Meta:
        verbose_name = _("meting")
        verbose_name_plural = _("metingen")
        ordering = ["indicator", "period_end", "entered_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["indicator", "scope", "period_end"],
                condition=Q(superseded_at__isnull=True),
                name="one_current_measurement_per_period",
            ),
            models.CheckConstraint(
                condition=Q(period_start__lte=models.F("period_end")),
                name="measurement_period_in_order",
            ),
        ]

    def __str__(self):
        return f"{self.indicator}: {self.value} ({self.period_end})"


class CurveStory(models.Model):
    """ "Turning the curve": what the table says about an outcome indicator in an edition."""

    indicator = models.OneToOneField(Indicator, on_delete=models.CASCADE, related_name="story")
    story_behind_the_curve = models.TextField(_("het verhaal achter de curve"), blank=True)
    partners = models.TextField(_("partners die kunnen helpen"), blank=True)
    what_works = models.TextField(_("wat werkt"), blank=True)
    action_plan = models.TextField(_("actieplan"), blank=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("verhaal achter de curve")
        verbose_name_plural = _("verhalen achter de curve")

    def __str__(self):
        return f"{self.indicator}"
