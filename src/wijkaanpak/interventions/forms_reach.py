"""Staff form for reach: one period, a count per age band. Rules live in services.reach."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from wijkaanpak.programme.forms import TEXTBOX, UtrechtFormMixin, date_field

from .models import AgeBand

SELECT = "utrecht-select utrecht-select--html-select"
NUMBER_ATTRS = {"class": TEXTBOX, "inputmode": "numeric", "autocomplete": "off"}


def band_field_name(band: str) -> str:
    return "band_" + band.replace("-", "_")


def _count_field(label, **kwargs):
    return forms.IntegerField(
        label=label,
        required=False,
        min_value=0,
        error_messages={
            "invalid": _("Vul een heel getal in, zoals 12."),
            "min_value": _("Vul 0 of meer in."),
        },
        widget=forms.TextInput(attrs=NUMBER_ATTRS),
        **kwargs,
    )


class ReachForm(UtrechtFormMixin, forms.Form):
    period_start = date_field(_("Begin van de periode"))
    period_end = date_field(_("Einde van de periode"))
    neighbourhood = forms.ModelChoiceField(
        label=_("Buurt"),
        queryset=None,
        required=False,
        empty_label=_("Buurt onbekend of meerdere buurten"),
        widget=forms.Select(attrs={"class": SELECT}),
    )
    activities_held = _count_field(
        _("Aantal activiteiten in deze periode"),
        help_text=_("Bijvoorbeeld het aantal bijeenkomsten. Laat leeg als u het niet weet."),
    )
    source = forms.CharField(
        label=_("Bron"),
        max_length=300,
        error_messages={"required": _("Schrijf waar het cijfer vandaan komt.")},
        help_text=_("Bijvoorbeeld: presentielijsten van de partner."),
        widget=forms.TextInput(attrs={"class": TEXTBOX}),
    )

    def __init__(self, *args, programme, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["neighbourhood"].queryset = programme.area.neighbourhoods.order_by("name")
        for band, label in AgeBand.choices:
            self.fields[band_field_name(band)] = _count_field(label)

    def band_fields(self):
        return [self[band_field_name(band)] for band in AgeBand.values]

    def clean(self):
        data = super().clean()
        if not self.errors and all(data.get(band_field_name(b)) is None for b in AgeBand.values):
            raise ValidationError(
                _("Vul bij minstens één leeftijdsgroep het aantal deelnemers in.")
            )
        return data

    def rows(self) -> list[dict]:
        """One record per filled-in age band; the activities go with the first one only."""
        data = self.cleaned_data
        rows = []
        for band in AgeBand.values:
            count = data.get(band_field_name(band))
            if count is None:
                continue
            rows.append(
                {
                    "period_start": data["period_start"],
                    "period_end": data["period_end"],
                    "neighbourhood": data["neighbourhood"],
                    "source": data["source"],
                    "age_band": band,
                    "participants": count,
                    "activities_held": None if rows else data["activities_held"],
                }
            )
        return rows
