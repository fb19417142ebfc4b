from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from .forms import EventAdminForm, OfferAdminForm
from .models import Event, Offer, OpeningHours

EVENT_FIELDS = [
    "title",
    "place",
    "starts_at",
    "ends_at",
    "recurrence_rule",
    "cancelled_dates",
    "description",
]


class EventInline(admin.StackedInline):
    """An offer's dates; the recurrence rule is checked, so no page ever meets a bad one."""

    model = Event
    form = EventAdminForm
    extra = 0
    fields = EVENT_FIELDS
    autocomplete_fields = ["place"]


@admin.register(Offer)
class OfferAdmin(admin.ModelAdmin):
    form = OfferAdminForm
    list_display = ["name", "area", "kind", "organisation", "is_published", "is_example"]
    list_filter = ["area", "kind", "is_published", "is_example", "accepts_referrals"]
    search_fields = ["name", "summary", "description", "organisation__name"]
    prepopulated_fields = {"slug": ["name"]}
    filter_horizontal = ["places"]
    raw_id_fields = ["intervention"]
    inlines = [EventInline]
    fieldsets = [
        (None, {"fields": ["area", "kind", "intervention", "organisation", "name", "slug"]}),
        (_("Tekst"), {"fields": ["summary", "description", "how_to_join"]}),
        (_("Voor wie"), {"fields": ["age_min", "age_max", "for_parents", "themes", "languages"]}),
        (_("Kosten"), {"fields": ["is_free", "costs"]}),
        (_("Contact"), {"fields": ["contact_name", "email", "phone", "website"]}),
        (_("Waar"), {"fields": ["places"]}),
        (
            _("Zichtbaarheid"),
            {"fields": ["accepts_referrals", "is_published", "is_example", "source"]},
        ),
    ]


@admin.register(Event)
class EventAdmin(admin.ModelAdmin):
    form = EventAdminForm
    list_display = ["__str__", "offer", "place", "starts_at", "recurrence_rule"]
    list_filter = ["offer__area", "place"]
    search_fields = ["title", "offer__name"]
    autocomplete_fields = ["offer", "place"]
    fields = ["offer", *EVENT_FIELDS]


@admin.register(OpeningHours)
class OpeningHoursAdmin(admin.ModelAdmin):
    list_display = ["place", "weekday", "opens_at", "closes_at", "note"]
    list_filter = ["weekday", "place__area"]
    search_fields = ["place__name"]
    autocomplete_fields = ["place"]
