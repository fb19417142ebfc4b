"""Forms of the question desk. They parse input; the rules live in services.questions."""

from django import forms
from django.utils.translation import gettext_lazy as _

from wijkaanpak.interventions.models import Theme
from wijkaanpak.programme.forms import TEXTBOX, UtrechtFormMixin, date_field

from .models import Question

SELECT = {"class": "utrecht-select utrecht-select--html-select"}
CHECKBOX = {"class": "utrecht-checkbox utrecht-checkbox--html-input"}
TEXTAREA = {"class": "utrecht-textarea utrecht-textarea--html-textarea", "rows": 3}
SUMMARY_MAX = Question._meta.get_field("summary").max_length  # the help text names it


def _choice(label, choices, *, message, empty, required=True):
    return forms.ChoiceField(
        label=label,
        choices=[("", empty), *choices],
        required=required,
        error_messages={"required": message, "invalid_choice": message},
        widget=forms.Select(attrs=SELECT),
    )


def _from_area(label, *, message, empty, help_text=""):
    # The queryset is the area's own; a forged id is an invalid choice, never a 500.
    return forms.ModelChoiceField(
        label=label,
        queryset=None,
        required=False,
        empty_label=empty,
        help_text=help_text,
        error_messages={"invalid_choice": message},
        widget=forms.Select(attrs=SELECT),
    )


class QuestionForm(UtrechtFormMixin, forms.Form):
    asked_on = date_field(_("Datum"), help_text=_("De dag waarop de vraag binnenkwam."))
    theme = _choice(
        _("Thema"),
        Theme.choices,
        message=_("Kies een thema uit de lijst."),
        empty=_("Kies een thema"),
    )
    neighbourhood = _from_area(
        _("Buurt (mag leeg blijven)"),
        message=_("Kies een buurt uit de lijst."),
        empty=_("Buurt onbekend of buiten de wijk"),
    )
    channel = _choice(
        _("Hoe kwam de vraag binnen?"),
        Question.Channel.choices,
        message=_("Kies uit de lijst hoe de vraag binnenkwam."),
        empty=_("Kies hoe de vraag binnenkwam"),
    )
    outcome = _choice(
        _("Wat is er gedaan?"),
        Question.Outcome.choices,
        message=_("Kies uit de lijst wat er met de vraag is gedaan."),
        empty=_("Kies wat er is gedaan"),
    )
    referred_to = _from_area(
        _("Doorverwezen naar (mag leeg blijven)"),
        message=_("Kies een organisatie uit de lijst."),
        empty=_("Geen organisatie, of niet in de lijst"),
        help_text=_("Alleen als de vraag is doorverwezen."),
    )
    follow_up_on = date_field(
        _("Terugkomen op"),
        required=False,
        help_text=_("Alleen als u later op de vraag terugkomt. Niet voor de datum van de vraag."),
    )
    summary = forms.CharField(
        label=_("Korte omschrijving zonder namen (mag leeg blijven)"),
        required=False,
        max_length=SUMMARY_MAX,
        help_text=_(
            "Schrijf alleen waar de vraag over ging, zoals 'vraag over huurtoeslag'. Schrijf "
            "geen namen, telefoonnummers, e-mailadressen, adressen of BSN. Hoogstens 300 tekens."
        ),
        error_messages={
            "max_length": _(
                "De korte omschrijving is te lang: gebruik hoogstens %(limit_value)d tekens "
                "(nu %(show_value)d)."
            )
        },
        widget=forms.Textarea(attrs=TEXTAREA),
    )

    def __init__(self, *args, area, offer_warm_referral=False, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["neighbourhood"].queryset = area.neighbourhoods.order_by("name")
        self.fields["referred_to"].queryset = area.organisations.order_by("name")
        if offer_warm_referral:
            self.fields["warm_referral"] = forms.BooleanField(
                label=_("Nu een warme verwijzing maken"),
                required=False,
                help_text=_(
                    "Alleen bij 'doorverwezen'. Na het opslaan gaat u naar de pagina voor een "
                    "warme verwijzing. Daar vraagt u eerst toestemming."
                ),
                widget=forms.CheckboxInput(attrs=CHECKBOX),
            )

    def warm_referral_field(self):
        return self["warm_referral"] if "warm_referral" in self.fields else None


class ListFilterForm(forms.Form):
    """Filters of the list of questions; the names are the Dutch words in the address."""

    maand = forms.DateField(
        label=_("Maand"),
        required=False,
        input_formats=["%Y-%m"],
        help_text=_("Bijvoorbeeld 2024-03 voor maart 2024."),
        error_messages={"invalid": _("Vul een maand in zoals 2024-03.")},
        widget=forms.DateInput(attrs={"class": TEXTBOX, "type": "month"}, format="%Y-%m"),
    )
    thema = _choice(
        _("Thema"),
        Theme.choices,
        message=_("Kies een thema uit de lijst."),
        required=False,
        empty=_("Alle thema's"),
    )
    buurt = _from_area(
        _("Buurt"), message=_("Kies een buurt uit de lijst."), empty=_("Alle buurten")
    )
    uitkomst = _choice(
        _("Wat is er gedaan?"),
        Question.Outcome.choices,
        message=_("Kies uit de lijst wat er met de vraag is gedaan."),
        required=False,
        empty=_("Alles"),
    )

    def __init__(self, *args, area, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["buurt"].queryset = area.neighbourhoods.order_by("name")

    def filters(self) -> dict:
        """The valid filters as keyword arguments of services.questions.filtered."""
        data = self.cleaned_data if self.is_bound else {}
        return {
            "month": data.get("maand"),
            "theme": data.get("thema") or None,
            "neighbourhood": data.get("buurt"),
            "outcome": data.get("uitkomst") or None,
        }


class YearForm(forms.Form):
    jaar = forms.TypedChoiceField(
        label=_("Jaar"),
        coerce=int,
        required=False,
        error_messages={"invalid_choice": _("Kies een jaar uit de lijst.")},
        widget=forms.Select(attrs=SELECT),
    )

    def __init__(self, *args, years, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["jaar"].choices = [(y, str(y)) for y in reversed(years)]
