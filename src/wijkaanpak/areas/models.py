from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from .validators import validate_area_slug


class Area(models.Model):
    """A programme area, such as the Westwijk: one of the NPLV areas."""

    name = models.CharField(_("naam"), max_length=120)
    slug = models.SlugField(unique=True, validators=[validate_area_slug])
    municipality = models.CharField(_("gemeente"), max_length=120)
    municipality_cbs_code = models.CharField(_("CBS-gemeentecode"), max_length=6, blank=True)
    cbs_code = models.CharField(_("CBS-wijkcode"), max_length=10, blank=True)
    postcode_area = models.CharField(_("postcodegebied"), max_length=20, blank=True)
    province = models.CharField(_("provincie"), max_length=40, blank=True)
    description = models.TextField(_("beschrijving"), blank=True)

    class Meta:
        verbose_name = _("programmagebied")
        verbose_name_plural = _("programmagebieden")
        ordering = ["name"]

    def __str__(self):
        return f"{self.name} ({self.municipality})"


class Neighbourhood(models.Model):
    class Role(models.TextChoices):
        QUADRANT = "quadrant", _("kwadrant van het gebied")
        ADJOINING = "adjoining", _("aangrenzend gebied dat meedoet")
        WATCHED = "watched", _("gebied waar we op neveneffecten letten")

    area = models.ForeignKey(Area, on_delete=models.CASCADE, related_name="neighbourhoods")
    name = models.CharField(_("naam"), max_length=120)
    slug = models.SlugField()
    role = models.CharField(_("rol"), max_length=20, choices=Role.choices, default=Role.QUADRANT)
    cbs_code = models.CharField(_("CBS-buurtcode"), max_length=12, blank=True)

    class Meta:
        verbose_name = _("buurt")
        verbose_name_plural = _("buurten")
        ordering = ["area", "role", "name"]
        constraints = [
            models.UniqueConstraint(fields=["area", "slug"], name="unique_neighbourhood_slug")
        ]

    def __str__(self):
        return self.name


class Organisation(models.Model):
    class Kind(models.TextChoices):
        MUNICIPALITY = "municipality", _("gemeente")
        HOUSING = "housing", _("woningcorporatie")
        SCHOOL = "school", _("school of kindcentrum")
        VOCATIONAL = "vocational", _("mbo-opleiding")
        WELFARE = "welfare", _("zorg en welzijn")
        WORK_INCOME = "work_income", _("werk en inkomen")
        WASTE = "waste", _("afval en reiniging")
        POLICE = "police", _("politie")
        JUSTICE = "justice", _("justitie")
        YOUTH_HEALTH = "youth_health", _("jeugdgezondheid")
        SPORT = "sport", _("sport")
        CULTURE = "culture", _("cultuur")
        FUND = "fund", _("fonds")
        OTHER = "other", _("overig")

    name = models.CharField(_("naam"), max_length=160, unique=True)
    slug = models.SlugField(unique=True)
    kind = models.CharField(_("soort"), max_length=20, choices=Kind.choices, default=Kind.OTHER)
    areas = models.ManyToManyField(Area, related_name="organisations", blank=True)
    description = models.TextField(_("beschrijving"), blank=True)

    class Meta:
        verbose_name = _("partnerorganisatie")
        verbose_name_plural = _("partnerorganisaties")
        ordering = ["name"]

    def __str__(self):
        return self.name


class Place(models.Model):
    """A place where the programme reaches people ("vindplek"): an IKC, a community centre."""

    area = models.ForeignKey(Area, on_delete=models.CASCADE, related_name="places")
    neighbourhood = models.ForeignKey(
        Neighbourhood, on_delete=models.SET_NULL, null=True, blank=True, related_name="places"
    )
    name = models.CharField(_("naam"), max_length=160)
    slug = models.SlugField()
    address = models.CharField(_("adres"), max_length=200, blank=True)
    postal_code = models.CharField(_("postcode"), max_length=7, blank=True)
    city = models.CharField(_("plaats"), max_length=80, blank=True)
    organisation = models.ForeignKey(
        Organisation, on_delete=models.SET_NULL, null=True, blank=True, related_name="places"
    )

    class Meta:
        verbose_name = _("vindplek")
        verbose_name_plural = _("vindplekken")
        ordering = ["name"]
        constraints = [models.UniqueConstraint(fields=["area", "slug"], name="unique_place_slug")]

    def __str__(self):
        return self.name


class Membership(models.Model):
    """A staff member works for an organisation; what they may see follows from it (A1)."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="memberships"
    )
    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="memberships"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("lidmaatschap")
        verbose_name_plural = _("lidmaatschappen")
        constraints = [
            models.UniqueConstraint(fields=["user", "organisation"], name="unique_membership")
        ]

    def __str__(self):
        return f"{self.user} - {self.organisation}"


class Region(models.Model):
    """A CBS region (country, municipality, district, neighbourhood) with its official code.

    The codes are CBS's, trimmed: NL00, GM0622, WK062201, BU06220101. Areas and
    neighbourhoods point at them through their cbs_code fields; the CBS import keeps this
    table up to date from the Kerncijfers wijken en buurten.
    """

    class Level(models.TextChoices):
        COUNTRY = "NL", _("land")
        MUNICIPALITY = "GM", _("gemeente")
        DISTRICT = "WK", _("wijk")
        NEIGHBOURHOOD = "BU", _("buurt")

    code = models.CharField(_("CBS-code"), max_length=12, unique=True)
    level = models.CharField(_("niveau"), max_length=2, choices=Level.choices)
    name = models.CharField(_("naam"), max_length=160)
    parent = models.ForeignKey(
        "self", on_delete=models.SET_NULL, null=True, blank=True, related_name="children"
    )

    class Meta:
        verbose_name = _("CBS-regio")
        verbose_name_plural = _("CBS-regio's")
        ordering = ["code"]

    def __str__(self):
        return f"{self.name} ({self.code})"
