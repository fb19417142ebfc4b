"""Every running intervention of the current edition is on the social map.

The sync owns what comes from the programme (name, description, ages, themes, partner,
places); what the coordinator adds for residents (how to join, contact, costs, referrals)
is never overwritten. An offer whose intervention stopped is hidden, not deleted: referrals
and history keep pointing at it. Example offers of the demo are left alone.
"""

import re
from dataclasses import dataclass, field

from django.db import transaction
from django.utils.text import slugify

from wijkaanpak.interventions.models import Intervention
from wijkaanpak.socialmap.models import Offer

ON_THE_MAP = (Intervention.Status.RUNNING, Intervention.Status.MADE_PERMANENT)
SUMMARY_MAX = 200


@dataclass
class SyncResult:
    created: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    hidden: list[str] = field(default_factory=list)


def first_sentence(text: str, limit: int = SUMMARY_MAX) -> str:
    """The first sentence of `text`, cut at a word boundary when it is too long."""
    text = " ".join(text.split())
    match = re.match(r"(.+?[.!?])(\s|$)", text)
    sentence = match.group(1) if match else text
    if len(sentence) <= limit:
        return sentence
    return sentence[: limit - 1].rsplit(" ", 1)[0] + "…"


def _organisation(intervention: Intervention):
    return intervention.lead_partner or intervention.partners.order_by("name").first()


def _source(intervention: Intervention) -> str:
    programme = intervention.programme
    number = f"interventie {intervention.number}" if intervention.number else "maatregel"
    where = f", {intervention.source_reference}" if intervention.source_reference else ""
    return f"Uitvoeringsprogramma {programme.edition_year}, {number}{where}"


def _existing_offer(intervention: Intervention) -> Offer | None:
    # Follow the thread of editions back: the offer of last year's edition moves along.
    current = intervention
    while current is not None:
        offer = Offer.objects.filter(intervention=current, is_example=False).first()
        if offer is not None:
            return offer
        current = current.previous
    return None


def _unique_slug(area, base: str) -> str:
    slug, n = base[:80], 2
    while Offer.objects.filter(area=area, slug=slug).exists():
        suffix = f"-{n}"
        slug, n = base[: 80 - len(suffix)] + suffix, n + 1
    return slug


@transaction.atomic
def sync_intervention_offers(programme) -> SyncResult:
    result = SyncResult()
    area = programme.area
    running = (
        programme.interventions.filter(status__in=ON_THE_MAP)
        .select_related("lead_partner", "programme", "previous")
        .prefetch_related("places")
    )
    kept = set()
    for intervention in running:
        offer = _existing_offer(intervention)
        created = offer is None
        if created:
            offer = Offer(
                area=area,
                kind=Offer.Kind.INTERVENTION,
                slug=_unique_slug(area, slugify(intervention.slug or intervention.name)),
            )
        offer.intervention = intervention
        offer.organisation = _organisation(intervention)
        offer.name = intervention.name
        offer.summary = first_sentence(intervention.description) or intervention.name
        offer.description = intervention.description
        offer.age_min, offer.age_max = intervention.age_min, intervention.age_max
        offer.themes = list(intervention.themes)
        offer.source = _source(intervention)
        offer.is_published = True
        offer.save()
        offer.places.set(intervention.places.all())
        kept.add(offer.pk)
        (result.created if created else result.updated).append(offer.slug)
    stale = Offer.objects.filter(
        area=area, kind=Offer.Kind.INTERVENTION, is_example=False, is_published=True
    ).exclude(pk__in=kept)
    result.hidden = list(stale.values_list("slug", flat=True))
    stale.update(is_published=False)
    return result
