"""Questions residents bring to the programme office, the "second living room".

No personal data: theme, neighbourhood, channel and what was done. A referral made from a
question lives in the referrals app, with its own consent and protection.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from wijkaanpak.areas.models import Area, Neighbourhood, Organisation
from wijkaanpak.interventions.models import Theme
from wijkaanpak.referrals.models import Referral


class Question(models.Model):
    class Channel(models.TextChoices):
        WALK_IN = "walk_in", _("binnengelopen")
        PHONE = "phone", _("telefoon")
        EMAIL = "email", _("e-mail")
        MESSAGE = "message", _("app of sms")
        OUTREACH = "outreach", _("in de wijk of bij een activiteit")

    class Outcome(models.TextChoices):
        ANSWERED = "answered", _("beantwoord")
        REFERRED = "referred", _("doorverwezen")
        FOLLOW_UP = "follow_up", _("komt terug op een datum")

    area = models.ForeignKey(Area, on_delete=models.PROTECT, related_name="questions")
    asked_on = models.DateField(_("datum"))
    theme = models.CharField(_("thema"), max_length=20, choices=Theme.choices)
    neighbourhood = models.ForeignKey(
        Neighbourhood,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("buurt"),
    )
    channel = models.CharField(
        _("hoe kwam de vraag binnen"), max_length=20, choices=Channel.choices
    )
    outcome = models.CharField(_("wat is er gedaan"), max_length=20, choices=Outcome.choices)
    referred_to = models.ForeignKey(
        Organisation,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("doorverwezen naar"),
    )
    referral = models.ForeignKey(
        Referral, on_delete=models.SET_NULL, null=True, blank=True, related_name="questions"
    )
    follow_up_on = models.DateField(_("terugkomen op"), null=True, blank=True)
    follow_up_done_on = models.DateField(_("teruggekomen op"), null=True, blank=True)
    summary = models.CharField(_("korte omschrijving zonder namen"), max_length=300, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    recorded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("vraag")
        verbose_name_plural = _("vragen")
        ordering = ["-asked_on", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(outcome="follow_up") | models.Q(follow_up_on__isnull=False),
                name="question_follow_up_has_date",
            ),
        ]

    def __str__(self):
        return f"{self.asked_on} {self.get_theme_display()}"
