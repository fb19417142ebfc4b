from django import forms
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from wijkaanpak.interventions.models import Theme

from .domain.recurrence import cancelled_dates_error, rule_error
from .models import Event, Offer, OpeningHours

SELECT = {"class": "utrecht-select utrecht-select--html-select"}
TEXTBOX = {"class": "utrecht-textbox utrecht-textbox--html-input"}
CHECKBOX = {"class": "utrecht-checkbox utrecht-checkbox--html-input"}
MAX_AGE = 120


class AreaFilterForm(forms.Form):
    """Theme and neighbourhood filters; the names are the query string a resident can share."""

    thema = forms.ChoiceField(
        label=_("Thema"),
        required=False,
        choices=[("", _("Alle thema's"))] + [(v, capfirst(label)) for v, label in Theme.choices],
        widget=forms.Select(attrs=SELECT),
        error_messages={"invalid_choice": _("Kies bij thema een thema uit de lijst.")},
    )
    buurt = forms.ChoiceField(
        label=_("Buurt"),
        required=False,
        widget=forms.Select(attrs=SELECT),
        error_messages={"invalid_choice": _("Kies bij buurt een buurt uit de lijst.")},
    )

    def __init__(self, *args, neighbourhoods, **kwargs):
        super().__init__(*args, **kwargs)
        self.neighbourhoods = {n.slug: n for n in neighbourhoods}
        self.fields["buurt"].choices = [("", _("Alle buurten"))] + [
            (n.slug, n.name) for n in self.neighbourhoods.values()
        ]

    def filters(self) -> dict:
        data = self.cleaned_data
        return {"theme": data["thema"], "neighbourhood": self.neighbourhoods.get(data["buurt"])}


class OfferSearchForm(AreaFilterForm):
    zoek = forms.CharField(
        label=_("Waar zoekt u naar?"),
        required=False,
        max_length=200,
        help_text=_("Bijvoorbeeld: zwemmen, taal of huiswerk."),
        widget=forms.TextInput(attrs={**TEXTBOX, "type": "search"}),
        error_messages={"max_length": _("Gebruik bij 'Waar zoekt u naar?' minder woorden.")},
    )
    leeftijd = forms.IntegerField(
        label=_("Leeftijd"),
        required=False,
        min_value=0,
        max_value=MAX_AGE,
        help_text=_("In jaren. Alleen aanbod voor deze leeftijd."),
        widget=forms.NumberInput(attrs={**TEXTBOX, "inputmode": "numeric"}),
        error_messages={
            "invalid": _("Vul bij leeftijd een heel getal in, bijvoorbeeld 9."),
            "min_value": _("Vul bij leeftijd een getal in van %(limit_value)s of meer."),
            "max_value": _("Vul bij leeftijd een getal in tot en met %(limit_value)s."),
        },
    )
    dag = forms.TypedChoiceField(
        label=_("Dag"),
        required=False,
        coerce=int,
        empty_value=None,
        choices=[("", _("Alle dagen"))]
        + [(v, capfirst(label)) for v, label in OpeningHours.Weekday.choices],
        widget=forms.Select(attrs=SELECT),
        error_messages={"invalid_choice": _("Kies bij dag een dag uit de lijst.")},
    )
    gratis = forms.BooleanField(
        label=_("Alleen gratis aanbod"),
        required=False,
        widget=forms.CheckboxInput(attrs=CHECKBOX),
    )

    field_order = ["zoek", "leeftijd", "thema", "buurt", "dag", "gratis"]

    def filters(self) -> dict:
        """The keyword arguments for services.search.find_offers."""
        data = self.cleaned_data
        return {
            **super().filters(),
            "text": data["zoek"],
            "age": data["leeftijd"],
            "weekday": data["dag"],
            "free_only": data["gratis"],
        }


class ThemesField(forms.MultipleChoiceField):
    widget = forms.CheckboxSelectMultiple

    def __init__(self, **kwargs):
        super().__init__(choices=Theme.choices, **kwargs)


class OfferAdminForm(forms.ModelForm):
    themes = ThemesField(label=_("thema's"), required=False)
    website = forms.URLField(label=_("website"), required=False, assume_scheme="https")

    class Meta:
        model = Offer
        fields = [
            *("area", "kind", "intervention", "organisation", "name", "slug"),
            *("summary", "description", "how_to_join"),
            *("age_min", "age_max", "for_parents", "themes", "languages"),
            *("is_free", "costs", "contact_name", "email", "phone", "website", "places"),
            *("accepts_referrals", "is_published", "is_example", "source"),
        ]


class EventAdminForm(forms.ModelForm):
    class Meta:
        model = Event
        fields = [
            *("offer", "place", "title", "description", "starts_at", "ends_at"),
            *("recurrence_rule", "cancelled_dates"),
        ]

    def clean(self):
        data = super().clean()
        rule = data.get("recurrence_rule", "")
        if rule and (error := rule_error(rule, data.get("starts_at"))):
            self.add_error("recurrence_rule", error)
        if error := cancelled_dates_error(data.get("cancelled_dates") or []):
            self.add_error("cancelled_dates", error)
        return data
