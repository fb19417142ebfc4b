"""Staff forms for measurements. They parse input; the rules live in services.measurements."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from .models import Indicator, Programme, Scope
from .services.measurements import validate_measurement
from .services.parsing import parse_decimal

TEXTBOX = "utrecht-textbox utrecht-textbox--html-input"
DATE_FORMATS = ["%Y-%m-%d", "%d-%m-%Y", "%d/%m/%Y"]
SCOPE_CHOICES = [(s, Scope(s).label) for s in (Scope.AREA, Scope.CITY, Scope.NETHERLANDS)]
INVALID_CLASS = {
    forms.Select: "utrecht-select--invalid",
    forms.Textarea: "utrecht-textarea--invalid",
    forms.FileInput: "utrecht-textbox--invalid",
}


class UtrechtFormMixin:
    """Marks invalid widgets with the NL Design System modifier class after validation.

    Django itself links errors and help texts through aria-describedby
    (ids "<id>_error" and "<id>_helptext"); our field template uses those ids.
    """

    def full_clean(self):
        super().full_clean()
        for name in self.errors:
            if name in self.fields:
                widget = self.fields[name].widget
                modifier = INVALID_CLASS.get(type(widget), "utrecht-textbox--invalid")
                widget.attrs["class"] = f"{widget.attrs.get('class', '')} {modifier}".strip()


def apply_service_errors(form: forms.Form, error: ValidationError) -> None:
    """Show a service's ValidationError at the right field, or above the form.

    A field that already has an error keeps only that one, so a message is not said twice.
    """
    if not hasattr(error, "error_dict"):
        form.add_error(None, error)
        return
    for name, errors in error.error_dict.items():
        if name in form.fields and name in form.errors:
            continue
        form.add_error(name if name in form.fields else None, errors)


def value_field(**kwargs) -> forms.CharField:
    # A text box, not type=number: browsers' number inputs mangle the decimal comma.
    return forms.CharField(
        label=_("Waarde"),
        error_messages={"required": _("Vul de waarde in.")},
        help_text=_("Alleen het getal, bijvoorbeeld 7,1. Gebruik geen punt voor duizendtallen."),
        widget=forms.TextInput(attrs={"class": TEXTBOX, "inputmode": "decimal"}),
        **kwargs,
    )


def date_field(label, **kwargs) -> forms.DateField:
    return forms.DateField(
        label=label,
        error_messages={
            "required": _("Vul een datum in."),
            "invalid": _("Vul een datum in zoals 31-12-2024."),
        },
        input_formats=DATE_FORMATS,
        widget=forms.DateInput(attrs={"class": TEXTBOX, "type": "date"}, format="%Y-%m-%d"),
        **kwargs,
    )


def source_field(**kwargs) -> forms.CharField:
    return forms.CharField(
        label=_("Bron"),
        max_length=300,
        error_messages={"required": _("Vul de bron in: waar komt dit cijfer vandaan?")},
        help_text=_("Waar komt het cijfer vandaan? Bijvoorbeeld: CBS Statline, tabel 85039."),
        widget=forms.TextInput(attrs={"class": TEXTBOX}),
        **kwargs,
    )


class MeasurementForm(UtrechtFormMixin, forms.Form):
    indicator = forms.TypedChoiceField(
        label=_("Indicator"),
        coerce=int,
        error_messages={"required": _("Kies een indicator.")},
        widget=forms.Select(attrs={"class": "utrecht-select utrecht-select--html-select"}),
    )
    scope = forms.ChoiceField(
        label=_("Schaal"),
        choices=SCOPE_CHOICES,
        initial=Scope.AREA,
        help_text=_("Gaat het cijfer over de wijk, de hele stad of heel Nederland?"),
        widget=forms.Select(attrs={"class": "utrecht-select utrecht-select--html-select"}),
    )
    value = value_field()
    period_start = date_field(_("Begin van de periode"))
    period_end = date_field(
        _("Einde van de periode"), help_text=_("De laatste dag waarover het cijfer gaat.")
    )
    source = source_field()
    note = forms.CharField(
        label=_("Toelichting (mag leeg blijven)"),
        required=False,
        widget=forms.Textarea(
            attrs={"class": "utrecht-textarea utrecht-textarea--html-textarea", "rows": 3}
        ),
    )

    def __init__(self, *args, programme: Programme, **kwargs):
        super().__init__(*args, **kwargs)
        indicators = (
            programme.indicators.exclude(unit=Indicator.Unit.QUALITATIVE)
            .select_related("line")
            .order_by("line__number", "position", "name")
        )
        self._indicators = {i.pk: i for i in indicators}
        groups: dict[str, list] = {}
        for i in indicators:
            groups.setdefault(i.line.name, []).append((i.pk, f"{i.name} ({i.get_unit_display()})"))
        self.fields["indicator"].choices = [("", _("Kies een indicator")), *groups.items()]

    def clean_indicator(self):
        return self._indicators[self.cleaned_data["indicator"]]

    def clean_value(self):
        return parse_decimal(self.cleaned_data["value"])

    def clean(self):
        # Run the service's rules now too, so the user sees every problem in one go.
        data = super().clean()
        needed = ("indicator", "value", "period_start", "period_end", "scope")
        if all(data.get(name) is not None for name in needed):
            try:
                validate_measurement(
                    data["indicator"],
                    value=data["value"],
                    period_start=data["period_start"],
                    period_end=data["period_end"],
                    scope=data["scope"],
                    source=data.get("source", ""),
                )
            except ValidationError as exc:
                apply_service_errors(self, exc)
        return data


class CorrectionForm(UtrechtFormMixin, forms.Form):
    value = value_field()
    period_start = date_field(_("Begin van de periode"))
    source = source_field()
    note = forms.CharField(
        label=_("Waarom corrigeert u deze meting?"),
        error_messages={"required": _("Schrijf op waarom u de meting corrigeert.")},
        help_text=_("Bijvoorbeeld: typfout, of de bron heeft het cijfer aangepast."),
        widget=forms.Textarea(
            attrs={"class": "utrecht-textarea utrecht-textarea--html-textarea", "rows": 3}
        ),
    )

    def clean_value(self):
        return parse_decimal(self.cleaned_data["value"])


class ImportForm(UtrechtFormMixin, forms.Form):
    file = forms.FileField(
        label=_("Bestand met metingen"),
        error_messages={
            "required": _("Kies een bestand."),
            "empty": _("Het bestand is leeg."),
        },
        help_text=_("Een Excel-bestand (.xlsx) of een CSV-bestand (.csv)."),
        widget=forms.FileInput(
            attrs={
                "class": "utrecht-textbox utrecht-textbox--html-input",
                "accept": ".csv,.xlsx,text/csv,"
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            }
        ),
    )
