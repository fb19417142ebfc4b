from django import forms
from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy as _

from wijkaanpak.areas.models import Organisation
from wijkaanpak.reports.models import Category

from .models import Participant
from .uploads import checked_photo

TEXT = {"class": "utrecht-textbox utrecht-textbox--html-input"}
AREA = {"class": "utrecht-textarea utrecht-textarea--html-textarea", "rows": 4}
SELECT = {"class": "utrecht-select utrecht-select--html-select"}
DATE = {**TEXT, "type": "date"}
DATE_ERRORS = {
    "required": _("Vul een datum in."),
    "invalid": _("Vul een datum in als dag-maand-jaar, bijvoorbeeld 14-05-2027."),
}
DATE_FORMATS = ["%Y-%m-%d", "%d-%m-%Y", "%d/%m/%Y"]


def date_field(label, **kwargs):
    return forms.DateField(
        label=label,
        input_formats=DATE_FORMATS,
        widget=forms.DateInput(attrs=DATE, format="%Y-%m-%d"),
        error_messages=DATE_ERRORS,
        **kwargs,
    )


def coordinate_field(label, limit):
    return forms.DecimalField(
        label=label,
        required=False,
        max_digits=9,
        decimal_places=6,
        min_value=-limit,
        max_value=limit,
        localize=True,
        widget=forms.TextInput(attrs={**TEXT, "inputmode": "decimal"}),
        error_messages={"invalid": _("Vul een getal in, bijvoorbeeld 51,9123.")},
    )


class RescheduleForm(forms.Form):
    planned_on = date_field(_("Nieuwe datum"))


class HeldForm(forms.Form):
    held_on = date_field(_("Gehouden op"))
    summary = forms.CharField(
        label=_("Verslag"),
        widget=forms.Textarea(attrs=AREA),
        help_text=_("Wat is er gezien en afgesproken? Schrijf geen namen van bewoners."),
        error_messages={"required": _("Schrijf in een paar zinnen wat er is gezien.")},
    )


class CancelForm(forms.Form):
    reason = forms.CharField(
        label=_("Waarom gaat de schouw niet door?"),
        widget=forms.Textarea(attrs=AREA),
        help_text=_("Deze reden staat op de openbare pagina."),
        error_messages={"required": _("Schrijf waarom de schouw niet doorgaat.")},
    )


class ParticipantForm(forms.Form):
    kind = forms.ChoiceField(
        label=_("Wie deed mee?"), choices=Participant.Kind.choices, widget=forms.Select(SELECT)
    )
    count = forms.IntegerField(
        label=_("Aantal"),
        initial=1,
        min_value=1,
        max_value=200,
        widget=forms.NumberInput(attrs=TEXT),
        help_text=_("Bewoners kunt u in één keer tellen, bijvoorbeeld 6."),
        error_messages={"invalid": _("Vul een heel getal in, bijvoorbeeld 6.")},
    )
    display_name = forms.CharField(
        label=_("Naam of rol"),
        required=False,
        max_length=120,
        widget=forms.TextInput(attrs=TEXT),
        help_text=_(
            "Bij een bewoner alleen de rol, bijvoorbeeld 'bewoner Wetering'. "
            "Geen e-mailadres of telefoonnummer."
        ),
    )
    organisation = forms.ModelChoiceField(
        label=_("Organisatie"),
        queryset=Organisation.objects.order_by("name"),
        required=False,
        widget=forms.Select(SELECT),
        empty_label=_("geen organisatie"),
    )


class FindingForm(forms.Form):
    category = forms.ModelChoiceField(
        label=_("Categorie"),
        queryset=Category.objects.filter(is_active=True).select_related("parent"),
        widget=forms.Select(SELECT),
        error_messages={"required": _("Kies een categorie.")},
    )
    place = forms.CharField(
        label=_("Plek"),
        max_length=200,
        widget=forms.TextInput(attrs=TEXT),
        help_text=_("Straat en huisnummer, of een beschrijving: 'speeltuin achter de school'."),
        error_messages={"required": _("Schrijf waar het is.")},
    )
    latitude = coordinate_field(_("Breedtegraad (niet verplicht)"), 90)
    longitude = coordinate_field(_("Lengtegraad (niet verplicht)"), 180)
    description = forms.CharField(
        label=_("Wat is er gezien?"),
        widget=forms.Textarea(attrs=AREA),
        error_messages={"required": _("Schrijf wat er is gezien.")},
    )
    photo = forms.FileField(
        label=_("Foto (niet verplicht)"),
        required=False,
        widget=forms.ClearableFileInput(attrs={"accept": "image/jpeg,image/png"}),
        help_text=_("Een JPG- of PNG-foto. Zet geen mensen of kentekens in beeld."),
    )

    def clean_photo(self):
        return checked_photo(self.cleaned_data.get("photo"))


def staff_choices():
    users = (
        get_user_model()
        .objects.filter(is_active=True, memberships__isnull=False)
        .distinct()
        .prefetch_related("memberships__organisation")
        .order_by("last_name", "username")
    )
    return users


class StaffChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, user):
        organisations = ", ".join(m.organisation.name for m in user.memberships.all())
        return f"{user.get_full_name() or user.get_username()} ({organisations})"


class ActionForm(forms.Form):
    description = forms.CharField(
        label=_("Afspraak: wat wordt er gedaan?"),
        widget=forms.Textarea(attrs=AREA),
        error_messages={"required": _("Schrijf wat er wordt gedaan.")},
    )
    owner_organisation = forms.ModelChoiceField(
        label=_("Wie doet het? (organisatie)"),
        queryset=Organisation.objects.order_by("name"),
        widget=forms.Select(SELECT),
        error_messages={"required": _("Kies de organisatie die het doet.")},
    )
    owner = StaffChoiceField(
        label=_("Medewerker (niet verplicht)"),
        queryset=get_user_model().objects.none(),
        required=False,
        widget=forms.Select(SELECT),
        empty_label=_("nog niemand"),
    )
    due_on = date_field(_("Klaar op"))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["owner"].queryset = staff_choices()


class CompleteActionForm(forms.Form):
    resolution_note = forms.CharField(
        label=_("Hoe is het opgelost?"),
        widget=forms.Textarea(attrs=AREA),
        help_text=_("Deze tekst staat op de openbare pagina."),
        error_messages={"required": _("Schrijf hoe het is opgelost.")},
    )
