"""Staff forms for money. They read amounts in Dutch notation; rules live in services.money."""

from django import forms
from django.utils.translation import gettext_lazy as _

from wijkaanpak.programme.forms import TEXTBOX, UtrechtFormMixin, date_field

from .models import SpendingEntry
from .services.money import euros, parse_euros

SELECT = "utrecht-select utrecht-select--html-select"
TEXTAREA = "utrecht-textarea utrecht-textarea--html-textarea"


class AmountField(forms.CharField):
    """An amount in euros as typed ("1.234,56"), cleaned into integer cents."""

    # A text box, not type=number: browsers' number inputs mangle the decimal comma.
    def __init__(self, *, allow_negative=False, **kwargs):
        self.allow_negative = allow_negative
        kwargs.setdefault("label", _("Bedrag in euro"))
        kwargs.setdefault("error_messages", {"required": _("Vul het bedrag in.")})
        kwargs.setdefault(
            "help_text", _("Bijvoorbeeld 1.250,00 of 1250. Gebruik een komma voor de centen.")
        )
        kwargs["widget"] = forms.TextInput(
            attrs={"class": TEXTBOX, "inputmode": "decimal", "autocomplete": "off"}
        )
        super().__init__(**kwargs)

    def to_python(self, value):
        value = super().to_python(value)
        if value in self.empty_values:
            return None
        try:
            cents = parse_euros(value)
        except ValueError as exc:
            raise forms.ValidationError(str(exc)) from exc
        if cents < 0 and not self.allow_negative:
            raise forms.ValidationError(_("Het bedrag mag niet negatief zijn."))
        return cents


class LineBudgetForm(UtrechtFormMixin, forms.Form):
    line = forms.ModelChoiceField(
        label=_("Programmalijn"),
        queryset=None,
        empty_label=_("Kies een lijn"),
        error_messages={"required": _("Kies een programmalijn.")},
        widget=forms.Select(attrs={"class": SELECT}),
    )
    amount = AmountField(label=_("Budget voor dit jaar in euro"))
    note = forms.CharField(
        label=_("Toelichting"),
        required=False,
        help_text=_("Bijvoorbeeld: het besluit van de stuurgroep."),
        widget=forms.Textarea(attrs={"class": TEXTAREA, "rows": 3}),
    )

    def __init__(self, *args, programme, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["line"].queryset = programme.lines.order_by("number")


class InterventionBudgetForm(UtrechtFormMixin, forms.Form):
    amount = AmountField(
        label=_("Budget van deze interventie in euro"),
        required=False,
        help_text=_("Laat leeg als het budget niet bekend is. Dat is iets anders dan 0."),
    )

    def __init__(self, *args, intervention=None, **kwargs):
        if intervention is not None and intervention.budget_cents is not None:
            kwargs.setdefault("initial", {"amount": euros(intervention.budget_cents)[2:]})
        super().__init__(*args, **kwargs)


class SpendingForm(UtrechtFormMixin, forms.Form):
    kind = forms.ChoiceField(
        label=_("Soort boeking"),
        choices=SpendingEntry.Kind.choices,
        error_messages={"required": _("Kies of het geld is toegezegd of uitgegeven.")},
        help_text=_("Toegezegd: het geld is beloofd. Uitgegeven: het geld is betaald."),
        widget=forms.Select(attrs={"class": SELECT}),
    )
    amount = AmountField(
        allow_negative=True,
        help_text=_(
            "Bijvoorbeeld 250,00. Een fout herstelt u met een min-bedrag, zoals -250,00, "
            "en een toelichting."
        ),
    )
    on = date_field(_("Datum"))
    note = forms.CharField(
        label=_("Toelichting"),
        error_messages={"required": _("Schrijf kort waar het geld voor is.")},
        help_text=_("Waar is het geld voor? Bij een herstel: wat was er fout?"),
        widget=forms.Textarea(attrs={"class": TEXTAREA, "rows": 3}),
    )
