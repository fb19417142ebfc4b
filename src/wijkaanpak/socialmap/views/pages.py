"""Public pages of the social map: no login, no JavaScript needed, plain Dutch."""

from django.http import Http404
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.views.decorators.http import require_safe

from wijkaanpak.areas.models import Area, Place
from wijkaanpak.interventions.models import Theme
from wijkaanpak.workdays import today as amsterdam_today

from ..domain.labels import audience_label, costs_label, schedule_label
from ..forms import AreaFilterForm, OfferSearchForm
from ..models import Offer
from ..services.agenda import agenda, filter_events, published_events, upcoming
from ..services.search import find_offers, offer_at_place, published_offers

# A flyer fits on one A4 page: more than this is on the website, and the flyer says so.
FLYER_OFFERS = 12
FLYER_DATES = 14


def area_or_404(slug) -> Area:
    return get_object_or_404(Area, slug=slug)


def theme_or_404(code) -> Theme:
    if code not in Theme.values:
        raise Http404
    return Theme(code)


def _described(offers) -> list[Offer]:
    """Offers with what a result list shows: places, theme names, audience and costs."""
    offers = list(offers.select_related("area").prefetch_related("places__neighbourhood"))
    for offer in offers:
        offer.theme_items = [(c, Theme(c).label) for c in offer.themes if c in Theme.values]
        offer.audience = audience_label(offer.age_range_label, offer.for_parents)
        offer.costs_text = costs_label(offer.is_free, offer.costs)
    return offers


def _page(request, area_obj, template, **context):
    return render(request, template, {"area_slug": area_obj.slug, "area": area_obj, **context})


@require_safe
def search(request, area):
    area_obj = area_or_404(area)
    form = OfferSearchForm(request.GET or None, neighbourhoods=area_obj.neighbourhoods.all())
    offers = None
    if not form.is_bound:
        offers = _described(find_offers(area_obj))
    elif form.is_valid():
        offers = _described(find_offers(area_obj, **form.filters()))
    return _page(
        request,
        area_obj,
        "socialmap/search.html",
        form=form,
        offers=offers,
        neighbourhoods=area_obj.neighbourhoods.all(),
        themes=Theme.choices,
    )


@require_safe
def offer_detail(request, area, slug):
    area_obj = area_or_404(area)
    found = _described(published_offers(area_obj).filter(slug=slug).select_related("organisation"))
    if not found:
        raise Http404
    offer = found[0]
    events = list(offer.events.select_related("place", "offer__area"))
    for event in events:
        event.schedule = schedule_label(event.recurrence_rule, event.starts_at)
    return _page(
        request,
        area_obj,
        "socialmap/offer.html",
        offer=offer,
        events=events,
        places=offer.places.select_related("neighbourhood").prefetch_related("opening_hours"),
        dates=upcoming(published_events(area_obj).filter(offer=offer)),
    )


@require_safe
def place_detail(request, area, slug):
    area_obj = area_or_404(area)
    place = get_object_or_404(
        Place.objects.select_related("neighbourhood", "organisation"), area=area_obj, slug=slug
    )
    return _page(
        request,
        area_obj,
        "socialmap/place.html",
        place=place,
        opening_hours=place.opening_hours.all(),
        offers=_described(published_offers(area_obj).filter(offer_at_place(place))),
        dates=upcoming(filter_events(published_events(area_obj), place=place)),
    )


@require_safe
def theme_detail(request, area, theme):
    area_obj = area_or_404(area)
    theme_obj = theme_or_404(theme)
    return _page(
        request,
        area_obj,
        "socialmap/theme.html",
        theme=theme_obj,
        offers=_described(find_offers(area_obj, theme=theme_obj.value)),
        dates=upcoming(filter_events(published_events(area_obj), theme=theme_obj.value)),
    )


@require_safe
def agenda_page(request, area):
    area_obj = area_or_404(area)
    neighbourhoods = area_obj.neighbourhoods.all()
    form = AreaFilterForm(request.GET or None, neighbourhoods=neighbourhoods)
    days = None
    if not form.is_bound:
        days = agenda(area_obj)
    elif form.is_valid():
        days = agenda(area_obj, **form.filters())
    return _page(
        request,
        area_obj,
        "socialmap/agenda.html",
        form=form,
        days=days,
        neighbourhoods=neighbourhoods,
    )


@require_safe
def flyer(request, area, neighbourhood):
    area_obj = area_or_404(area)
    neighbourhood_obj = get_object_or_404(area_obj.neighbourhoods, slug=neighbourhood)
    offers = _described(find_offers(area_obj, neighbourhood=neighbourhood_obj))
    occurrences = [
        o for day in agenda(area_obj, neighbourhood=neighbourhood_obj) for o in day.occurrences
    ]
    return _page(
        request,
        area_obj,
        "socialmap/flyer.html",
        neighbourhood=neighbourhood_obj,
        offers=offers[:FLYER_OFFERS],
        more_offers=len(offers) > FLYER_OFFERS,
        dates=occurrences[:FLYER_DATES],
        more_dates=len(occurrences) > FLYER_DATES,
        has_examples=any(o.is_example for o in offers)
        or any(o.event.offer.is_example for o in occurrences),
        today=amsterdam_today(),
        site_link=request.build_absolute_uri(reverse("socialmap:search", args=[area_obj.slug])),
    )
