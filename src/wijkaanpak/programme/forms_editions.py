"""Staff forms for editions: start, edit a draft, adopt, and the curve story. Rules: services."""

from django import forms
from django.utils.translation import gettext_lazy as _

from .forms import TEXTBOX, UtrechtFormMixin, value_field
from .models import CurveStory
from .services.parsing import parse_decimal

TEXTAREA = "utrecht-textarea utrecht-textarea--html-textarea"
SELECT = "utrecht-select utrecht-select--html-select"


def textarea(rows=4):
    return forms.Textarea(attrs={"class": TEXTAREA, "rows": rows})


class StartEditionForm(UtrechtFormMixin, forms.Form):
    year = forms.IntegerField(
        label=_("Jaar van de nieuwe editie"),
        min_value=2000,
        max_value=2100,
        error_messages={
            "required": _("Vul het jaar in."),
            "invalid": _("Vul een jaar in, bijvoorbeeld 2024."),
            "min_value": _("Vul een jaar in, bijvoorbeeld 2024."),
            "max_value": _("Vul een jaar in, bijvoorbeeld 2024."),
        },
        widget=forms.TextInput(attrs={"class": TEXTBOX, "inputmode": "numeric"}),
    )


class RationaleForm(UtrechtFormMixin, forms.Form):
    change_rationale = forms.CharField(
        label=_("Wat verandert er en waarom?"),
        required=False,
        help_text=_("Voor de stuurgroep: wat hebben we het afgelopen jaar geleerd?"),
        widget=textarea(6),
    )


class AdoptForm(RationaleForm):
    change_rationale = forms.CharField(
        label=_("Wat verandert er en waarom?"),
        error_messages={
            "required": _("Schrijf eerst op wat er verandert en waarom. De stuurgroep leest dit.")
        },
        help_text=_("Voor de stuurgroep: wat hebben we het afgelopen jaar geleerd?"),
        widget=textarea(6),
    )


class TargetForm(UtrechtFormMixin, forms.Form):
    horizon = forms.TypedChoiceField(
        label=_("Horizon"),
        coerce=int,
        error_messages={"required": _("Kies een horizon.")},
        widget=forms.Select(attrs={"class": SELECT}),
    )
    value = value_field()
    value.label = _("Nieuwe streefwaarde")

    def __init__(self, *args, programme, **kwargs):
        super().__init__(*args, **kwargs)
        self._horizons = {h.pk: h for h in programme.horizons.all()}
        self.fields["horizon"].choices = [(h.pk, h.label) for h in self._horizons.values()]

    def clean_horizon(self):
        return self._horizons[self.cleaned_data["horizon"]]

    def clean_value(self):
        return parse_decimal(self.cleaned_data["value"])


class GoalForm(UtrechtFormMixin, forms.Form):
    text = forms.CharField(
        label=_("Doel"),
        error_messages={"required": _("Schrijf het doel op.")},
        help_text=_("In één of twee zinnen, zoals: Meer kinderen beginnen zonder achterstand."),
        widget=textarea(3),
    )


class CurveStoryForm(UtrechtFormMixin, forms.ModelForm):
    class Meta:
        model = CurveStory
        fields = ["story_behind_the_curve", "partners", "what_works", "action_plan"]
        labels = {
            "story_behind_the_curve": _("Het verhaal achter de curve"),
            "partners": _("Partners die kunnen helpen"),
            "what_works": _("Wat werkt"),
            "action_plan": _("Actieplan"),
        }
        help_texts = {
            "story_behind_the_curve": _("Waarom gaat het cijfer zo? Wat zien we in de wijk?"),
            "partners": _("Wie kan helpen om het cijfer te veranderen?"),
            "what_works": _("Wat weten we over wat werkt? Uit onderzoek of uit ervaring."),
            "action_plan": _("Wat gaan we doen, wie doet het en wanneer?"),
        }
        widgets = {
            name: textarea(5)
            for name in ("story_behind_the_curve", "partners", "what_works", "action_plan")
        }
