"""The social map ("sociale kaart"): what is on offer for children and parents, where and when.

An offer is either a running intervention of the programme or a regular service of a
partner. Events are its dated moments, one-off or recurring by an RFC 5545 rule, so the
agenda, the iCalendar feeds and the HSDS schedules all read the same rule.
"""

from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from wijkaanpak.areas.models import Area, Organisation, Place
from wijkaanpak.interventions.models import Intervention


class Offer(models.Model):
    class Kind(models.TextChoices):
        INTERVENTION = "intervention", _("onderdeel van het programma")
        SERVICE = "service", _("vast aanbod van een partner")

    area = models.ForeignKey(Area, on_delete=models.CASCADE, related_name="offers")
    kind = models.CharField(_("soort"), max_length=20, choices=Kind.choices)
    # The intervention in the edition that is current; a sync follows it to the next edition.
    intervention = models.ForeignKey(
        Intervention,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="offers",
        verbose_name=_("interventie"),
    )
    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="offers",
        verbose_name=_("organisatie"),
        help_text=_("Wie het aanbod uitvoert en verwijzingen ontvangt."),
    )
    name = models.CharField(_("naam"), max_length=200)
    slug = models.SlugField(max_length=80)
    summary = models.CharField(
        _("in één zin"), max_length=200, help_text=_("Korte uitleg in eenvoudig Nederlands.")
    )
    description = models.TextField(_("beschrijving"), blank=True)
    age_min = models.PositiveSmallIntegerField(_("leeftijd vanaf"), null=True, blank=True)
    age_max = models.PositiveSmallIntegerField(_("leeftijd tot en met"), null=True, blank=True)
    for_parents = models.BooleanField(
        _("voor ouders"), default=False, help_text=_("Ook of juist voor ouders en opvoeders.")
    )
    themes = models.JSONField(
        _("thema's"), default=list, blank=True, help_text=_("Codes uit Theme.")
    )
    is_free = models.BooleanField(
        _("gratis"), null=True, help_text=_("Leeg als het niet bekend is.")
    )
    costs = models.CharField(_("kosten"), max_length=200, blank=True)
    how_to_join = models.TextField(_("hoe doe je mee"), blank=True)
    contact_name = models.CharField(_("contactpersoon"), max_length=120, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    phone = models.CharField(_("telefoon"), max_length=30, blank=True)
    website = models.URLField(_("website"), blank=True)
    languages = models.JSONField(
        _("talen"),
        default=list,
        blank=True,
        help_text=_("ISO 639-1 codes, bijvoorbeeld nl, ar, tr."),
    )
    places = models.ManyToManyField(Place, related_name="offers", blank=True)
    accepts_referrals = models.BooleanField(
        _("neemt verwijzingen aan"),
        default=False,
        help_text=_("Professionals kunnen een gezin hierheen warm doorverwijzen."),
    )
    is_published = models.BooleanField(_("zichtbaar voor iedereen"), default=True)
    is_example = models.BooleanField(
        _("voorbeeldgegevens"),
        default=False,
        help_text=_("Gegevens voor de demo, niet uit de bron: pagina's zeggen dat erbij."),
    )
    source = models.CharField(_("bron"), max_length=300, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("aanbod")
        verbose_name_plural = _("aanbod")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["area", "slug"], name="unique_offer_slug"),
            models.CheckConstraint(
                condition=models.Q(age_min__isnull=True)
                | models.Q(age_max__isnull=True)
                | models.Q(age_min__lte=models.F("age_max")),
                name="offer_age_range_in_order",
            ),
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("socialmap:offer", args=[self.area.slug, self.slug])

    @property
    def age_range_label(self) -> str:
        if self.age_min is None and self.age_max is None:
            return ""
        if self.age_max is None:
            return f"vanaf {self.age_min} jaar"
        if self.age_min is None:
            return f"tot en met {self.age_max} jaar"
        return f"{self.age_min} tot en met {self.age_max} jaar"


class OpeningHours(models.Model):
    class Weekday(models.IntegerChoices):
        MONDAY = 0, _("maandag")
        TUESDAY = 1, _("dinsdag")
        WEDNESDAY = 2, _("woensdag")
        THURSDAY = 3, _("donderdag")
        FRIDAY = 4, _("vrijdag")
        SATURDAY = 5, _("zaterdag")
        SUNDAY = 6, _("zondag")

    place = models.ForeignKey(Place, on_delete=models.CASCADE, related_name="opening_hours")
    weekday = models.PositiveSmallIntegerField(_("dag"), choices=Weekday.choices)
    opens_at = models.TimeField(_("open vanaf"))
    closes_at = models.TimeField(_("open tot"))
    note = models.CharField(_("toelichting"), max_length=120, blank=True)

    class Meta:
        verbose_name = _("openingstijd")
        verbose_name_plural = _("openingstijden")
        ordering = ["place", "weekday", "opens_at"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(opens_at__lt=models.F("closes_at")),
                name="opening_hours_in_order",
            ),
        ]

    def __str__(self):
        hours = f"{self.opens_at:%H:%M}-{self.closes_at:%H:%M}"
        return f"{self.place} {self.get_weekday_display()} {hours}"


class Event(models.Model):
    """A dated moment of an offer ("activiteit"): one-off, or recurring by an RFC 5545 RRULE."""

    offer = models.ForeignKey(Offer, on_delete=models.CASCADE, related_name="events")
    place = models.ForeignKey(
        Place, on_delete=models.PROTECT, null=True, blank=True, related_name="events"
    )
    title = models.CharField(
        _("titel"), max_length=200, blank=True, help_text=_("Leeg: de naam van het aanbod.")
    )
    description = models.TextField(_("beschrijving"), blank=True)
    starts_at = models.DateTimeField(_("begint"), help_text=_("De eerste keer."))
    ends_at = models.DateTimeField(_("eindigt"), help_text=_("Einde van de eerste keer."))
    recurrence_rule = models.CharField(
        _("herhaling (RRULE)"),
        max_length=300,
        blank=True,
        help_text=_("RFC 5545, bijvoorbeeld FREQ=WEEKLY;BYDAY=WE;UNTIL=20261231T235959Z."),
    )
    cancelled_dates = models.JSONField(
        _("vervallen data"),
        default=list,
        blank=True,
        help_text=_("Data (JJJJ-MM-DD) die niet doorgaan."),
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("activiteit")
        verbose_name_plural = _("activiteiten")
        ordering = ["starts_at"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(starts_at__lt=models.F("ends_at")), name="event_period_in_order"
            ),
        ]

    def __str__(self):
        return self.display_title

    def get_absolute_url(self):
        return reverse("socialmap:offer", args=[self.offer.area.slug, self.offer.slug])

    @property
    def display_title(self) -> str:
        return self.title or self.offer.name
