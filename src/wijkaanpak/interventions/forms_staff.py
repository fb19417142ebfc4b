"""Staff forms for interventions. They parse input; the rules live in services."""

from django import forms
from django.utils.translation import gettext_lazy as _

from wijkaanpak.areas.models import Organisation, Place
from wijkaanpak.programme.forms import TEXTBOX, UtrechtFormMixin, date_field

from .models import Evaluation, EvidenceLevel, Intervention, Theme
from .services.lifecycle import allowed_next

SELECT = {"class": "utrecht-select utrecht-select--html-select"}
TEXTAREA = {"class": "utrecht-textarea utrecht-textarea--html-textarea", "rows": 4}
CHECKBOXES = {"class": "utrecht-checkbox utrecht-checkbox--html-input"}


class StatusChangeForm(UtrechtFormMixin, forms.Form):
    to_status = forms.ChoiceField(
        label=_("Nieuwe status"),
        widget=forms.Select(attrs=SELECT),
        error_messages={
            "required": _("Kies een nieuwe status."),
            "invalid_choice": _("Kies een nieuwe status uit de lijst."),
        },
    )
    on = date_field(_("Datum van de wijziging"), help_text=_("Bijvoorbeeld 31-12-2024."))
    reason = forms.CharField(
        label=_("Reden"),
        max_length=2000,
        help_text=_("Waarom verandert de status? Dit ziet iedereen op de pagina."),
        error_messages={"required": _("Vul de reden van de wijziging in.")},
        widget=forms.Textarea(attrs=TEXTAREA),
    )

    def __init__(self, *args, intervention: Intervention, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["to_status"].choices = [("", _("Kies een status"))] + [
            (value, Intervention.Status(value).label) for value in allowed_next(intervention.status)
        ]


class PlanForm(UtrechtFormMixin, forms.ModelForm):
    """Who runs it, where, when and for how many: content of a draft edition."""

    themes = forms.MultipleChoiceField(
        label=_("Thema's"),
        choices=Theme.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple(attrs=CHECKBOXES),
        error_messages={"invalid_choice": _("Kies thema's uit de lijst.")},
    )

    class Meta:
        model = Intervention
        fields = [
            "lead_partner",
            "partners",
            "places",
            "starts_on",
            "ends_on",
            "recurrence",
            "planned_capacity",
            "themes",
        ]
        widgets = {
            "lead_partner": forms.Select(attrs=SELECT),
            "partners": forms.CheckboxSelectMultiple(attrs=CHECKBOXES),
            "places": forms.CheckboxSelectMultiple(attrs=CHECKBOXES),
            "recurrence": forms.TextInput(attrs={"class": TEXTBOX}),
            "planned_capacity": forms.TextInput(attrs={"class": TEXTBOX, "inputmode": "numeric"}),
        }
        labels = {
            "lead_partner": _("Trekker"),
            "partners": _("Partners"),
            "places": _("Vindplekken"),
            "planned_capacity": _("Geplande plaatsen"),
        }
        help_texts = {
            "lead_partner": _("De organisatie die de interventie trekt."),
            "places": _("Waar de interventie mensen bereikt."),
            "planned_capacity": _("Hoeveel mensen kunnen meedoen? Alleen een heel getal."),
        }
        error_messages = {
            "planned_capacity": {
                "invalid": _("Vul het aantal plaatsen in als heel getal, bijvoorbeeld 20."),
                "min_value": _("Het aantal plaatsen kan niet negatief zijn."),
            },
            "lead_partner": {"invalid_choice": _("Kies een trekker uit de lijst.")},
        }

    starts_on = date_field(_("Start"), required=False, help_text=_("Bijvoorbeeld 1-9-2024."))
    ends_on = date_field(_("Einde"), required=False, help_text=_("Leeg als er geen einde is."))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        organisations = Organisation.objects.order_by("name")
        self.fields["lead_partner"].queryset = organisations
        self.fields["lead_partner"].empty_label = _("Nog niet bekend")
        self.fields["partners"].queryset = organisations
        self.fields["places"].queryset = Place.objects.filter(
            area=self.instance.programme.area
        ).order_by("name")
        for name in ("partners", "places"):
            self.fields[name].error_messages["invalid_choice"] = _("Kies uit de lijst.")

    def clean(self):
        data = super().clean()
        starts_on, ends_on = data.get("starts_on"), data.get("ends_on")
        if starts_on and ends_on and ends_on < starts_on:
            self.add_error("ends_on", _("Het einde ligt voor de start. Controleer de datums."))
        return data

    def validate_constraints(self, exclude=None):
        # clean() already names the field for the one constraint a user can break here.
        pass


class EvaluationForm(UtrechtFormMixin, forms.ModelForm):
    evaluated_on = date_field(_("Datum"), help_text=_("Wanneer was de evaluatie klaar?"))

    class Meta:
        model = Evaluation
        fields = [
            "evaluated_on",
            "method",
            "evaluator",
            "findings",
            "judgement",
            "evidence_level",
            "databank_reference",
        ]
        widgets = {
            "method": forms.TextInput(attrs={"class": TEXTBOX}),
            "evaluator": forms.TextInput(attrs={"class": TEXTBOX}),
            "findings": forms.Textarea(attrs=TEXTAREA),
            "judgement": forms.Select(attrs=SELECT),
            "evidence_level": forms.Select(attrs=SELECT),
            "databank_reference": forms.TextInput(attrs={"class": TEXTBOX}),
        }
        help_texts = {
            "method": _("Bijvoorbeeld: gesprekken met deelnemers, vragenlijst."),
            "evaluator": _("Een persoon of organisatie."),
            "evidence_level": _("Zoals de databanken van Movisie, NJi of RIVM het noemen."),
            "databank_reference": _("Naam van de databank en de vindplaats. Leeg als er geen is."),
        }
        error_messages = {
            "method": {"required": _("Vul de methode in.")},
            "evaluator": {"required": _("Vul in wie de evaluatie deed.")},
            "findings": {"required": _("Vul de bevindingen in.")},
            "judgement": {
                "required": _("Kies een oordeel."),
                "invalid_choice": _("Kies een oordeel uit de lijst."),
            },
            "evidence_level": {
                "required": _("Kies de bewijskracht."),
                "invalid_choice": _("Kies de bewijskracht uit de lijst."),
            },
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["evidence_level"].initial = EvidenceLevel.NOT_ASSESSED
