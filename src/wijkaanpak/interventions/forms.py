from django import forms
from django.utils.translation import gettext_lazy as _

SELECT = {"class": "utrecht-select utrecht-select--html-select"}


class InterventionFilterForm(forms.Form):
    line = forms.ChoiceField(
        label=_("Programmalijn"), required=False, widget=forms.Select(attrs=SELECT)
    )
    age = forms.IntegerField(
        label=_("Leeftijd"),
        required=False,
        widget=forms.NumberInput(attrs={"class": "utrecht-textbox utrecht-textbox--html-input"}),
        min_value=0,
        max_value=120,
        help_text=_("Alleen interventies voor deze leeftijd."),
        error_messages={"invalid": _("Vul een leeftijd in als heel getal, bijvoorbeeld 8.")},
    )
    goal = forms.ChoiceField(label=_("Doel"), required=False, widget=forms.Select(attrs=SELECT))
    unevaluated = forms.BooleanField(
        label=_("Alleen zonder evaluatie"),
        required=False,
        help_text=_("Loopt langer dan een jaar en is het afgelopen jaar niet geëvalueerd."),
        widget=forms.CheckboxInput(
            attrs={"class": "utrecht-checkbox utrecht-checkbox--html-input"}
        ),
    )

    def __init__(self, *args, programme, **kwargs):
        super().__init__(*args, **kwargs)
        lines = list(programme.lines.prefetch_related("goals"))
        self.fields["line"].choices = [("", _("Alle lijnen"))] + [
            (ln.slug, ln.name) for ln in lines
        ]
        self.fields["goal"].choices = [("", _("Alle doelen"))] + [
            (str(goal.pk), f"{ln.name} {goal.number}: {goal.text[:70]}")
            for ln in lines
            for goal in ln.goals.all()
        ]
