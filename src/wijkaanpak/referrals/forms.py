"""Forms of the referral pages. They parse input; the rules live in services.referring and
domain.workflow, whose Dutch messages are shown at the field they name.
"""

from django import forms
from django.utils.translation import gettext_lazy as _

from wijkaanpak.areas.access import areas_of
from wijkaanpak.areas.models import Neighbourhood, Organisation
from wijkaanpak.interventions.models import AgeBand
from wijkaanpak.programme.forms import DATE_FORMATS, TEXTBOX, UtrechtFormMixin
from wijkaanpak.questiondesk.models import Question
from wijkaanpak.socialmap.models import Offer

from .models import Consent, DataKind, Referral
from .services.referring import MAX_REASON, REQUIRED_DATA, ConsentInput, ReferralInput

State = Referral.State
SELECT = {"class": "utrecht-select utrecht-select--html-select"}
TEXTAREA = {"class": "utrecht-textarea utrecht-textarea--html-textarea", "rows": 3}
RADIO = {"class": "utrecht-radio-button utrecht-radio-button--html-input"}
CHECKBOX = {"class": "utrecht-checkbox utrecht-checkbox--html-input"}
DATE_ERRORS = {"invalid": _("Vul een datum in zoals 31-12-2026.")}


def referable_offers(area):
    """Offers one can refer to: published, taking referrals, with someone to receive them."""
    return (
        Offer.objects.filter(
            area=area, is_published=True, accepts_referrals=True, organisation__isnull=False
        )
        .select_related("organisation")
        .order_by("name")
    )


def linkable_questions(area, user):
    """Questions of the desk a new referral may be linked to, for a user who may change them."""
    if not user.has_perm("questiondesk.change_question"):
        return Question.objects.none()
    return Question.objects.filter(
        area=area,
        area__in=areas_of(user),
        outcome=Question.Outcome.REFERRED,
        referral__isnull=True,
    )


def _text(label, *, help_text="", textarea=False):
    # Not required here: the service says what is missing or too long, in one place.
    widget = (
        forms.Textarea(attrs=TEXTAREA) if textarea else forms.TextInput(attrs={"class": TEXTBOX})
    )
    return forms.CharField(
        label=label, required=False, help_text=help_text, strip=True, widget=widget
    )


def _date(label, **kwargs):
    return forms.DateField(
        label=label,
        required=False,
        input_formats=DATE_FORMATS,
        error_messages=DATE_ERRORS,
        widget=forms.DateInput(attrs={"class": TEXTBOX, "type": "date"}, format="%Y-%m-%d"),
        **kwargs,
    )


def _choice(label, choices, *, widget, help_text="", **kwargs):
    return forms.ChoiceField(
        label=label,
        choices=choices,
        required=False,
        help_text=help_text,
        widget=widget,
        error_messages={"invalid_choice": _("Kies een van de mogelijkheden.")},
        **kwargs,
    )


class OfferChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return f"{obj.name} ({obj.organisation.name})"


def _data_kind_label(kind) -> str:
    if kind in REQUIRED_DATA:
        return _("%(kind)s (gaat altijd mee)") % {"kind": DataKind(kind).label}
    return _("%(kind)s (alleen als u het invult)") % {"kind": DataKind(kind).label}


class ReferralForm(UtrechtFormMixin, forms.Form):
    """Consent first, then the minimal data; field names match ReferralInputError's keys."""

    offer = OfferChoiceField(
        label=_("Naar welk aanbod verwijst u?"),
        queryset=Offer.objects.none(),
        to_field_name="slug",
        empty_label=_("Kies het aanbod"),
        widget=forms.Select(attrs=SELECT),
        error_messages={
            "required": _("Kies het aanbod."),
            "invalid_choice": _("Kies een aanbod uit de lijst."),
        },
    )
    referring_organisation = forms.ModelChoiceField(
        label=_("Namens welke organisatie verwijst u?"),
        queryset=Organisation.objects.none(),
        empty_label=_("Kies uw organisatie"),
        widget=forms.Select(attrs=SELECT),
        error_messages={
            "required": _("Kies namens welke organisatie u verwijst."),
            "invalid_choice": _("Kies een organisatie uit de lijst."),
        },
    )
    consent_given_by = _text(
        _("Wie gaf toestemming? (naam of initialen)"),
        help_text=_("De ouder, de voogd of de persoon zelf."),
    )
    consent_relation = _choice(
        _("Wie is dat?"), Consent.Relation.choices, widget=forms.RadioSelect(attrs=RADIO)
    )
    consent_given_on = _date(_("Datum van de toestemming"))
    consent_method = _choice(
        _("Hoe is de toestemming gegeven?"),
        Consent.Method.choices,
        widget=forms.RadioSelect(attrs=RADIO),
    )
    consent_data_kinds = forms.MultipleChoiceField(
        label=_("Welke gegevens mogen naar de partner?"),
        choices=DataKind.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple(attrs=CHECKBOX),
        help_text=_(
            "Naam, contact, reden en urgentie gaan altijd mee: zonder die gegevens kan de "
            "partner het gezin niet bereiken. Leeftijd en buurt gaan alleen mee als u ze "
            "invult. Vink alleen aan waar het gezin ja op zei."
        ),
        error_messages={"invalid_choice": _("Kies gegevens uit de lijst.")},
    )
    person_name = _text(
        _("Naam of initialen"), help_text=_("Alleen wat de partner nodig heeft, zoals J. Jansen.")
    )
    contact_route = _text(
        _("Hoe neemt de partner contact op?"),
        help_text=_("Bijvoorbeeld een telefoonnummer, of 'via de gezinsspecialist van school'."),
    )
    reason = _text(_("Korte reden"), textarea=True)
    urgency = _choice(
        _("Urgentie"),
        Referral.Urgency.choices,
        widget=forms.RadioSelect(attrs=RADIO),
        initial=Referral.Urgency.NORMAL,
    )
    age_band = _choice(
        _("Leeftijd (mag leeg blijven)"),
        [
            ("", _("Niet meesturen")),
            *((v, label) for v, label in AgeBand.choices if v != AgeBand.UNKNOWN),
        ],
        widget=forms.Select(attrs=SELECT),
    )
    neighbourhood = forms.ModelChoiceField(
        label=_("Buurt (mag leeg blijven)"),
        queryset=Neighbourhood.objects.none(),
        required=False,
        empty_label=_("Niet meesturen"),
        widget=forms.Select(attrs=SELECT),
        error_messages={"invalid_choice": _("Kies een buurt uit de lijst.")},
    )
    question = forms.ModelChoiceField(
        queryset=Question.objects.none(),
        required=False,
        widget=forms.HiddenInput,
        error_messages={
            "invalid_choice": _(
                "Deze vraag kan niet aan een verwijzing gekoppeld worden. Maak de verwijzing "
                "zonder de vraag, of kijk bij de vraag of er al een verwijzing bij hoort."
            )
        },
    )

    def __init__(self, *args, area, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["offer"].queryset = referable_offers(area)
        organisations = Organisation.objects.filter(memberships__user=user).distinct()
        self.fields["referring_organisation"].queryset = organisations.order_by("name")
        self.organisations = list(organisations)
        if len(self.organisations) == 1:
            # Nothing to choose: the one organisation is used, and not shown as a question.
            self.fields["referring_organisation"].initial = self.organisations[0].pk
            self.fields["referring_organisation"].widget = forms.HiddenInput()
        self.fields["neighbourhood"].queryset = Neighbourhood.objects.filter(area=area).order_by(
            "name"
        )
        self.fields["question"].queryset = linkable_questions(area, user)
        self.fields["consent_data_kinds"].choices = [
            (kind, _data_kind_label(kind)) for kind in DataKind.values
        ]
        self.fields["reason"].help_text = _(
            "Waar heeft het gezin hulp bij nodig? Hooguit %(n)s tekens."
        ) % {"n": MAX_REASON}

    def consent_input(self) -> ConsentInput:
        data = self.cleaned_data
        return ConsentInput(
            given_by=data["consent_given_by"],
            relation=data["consent_relation"],
            given_on=data["consent_given_on"],
            method=data["consent_method"],
            data_kinds=frozenset(data["consent_data_kinds"]),
        )

    def referral_input(self) -> ReferralInput:
        data = self.cleaned_data
        return ReferralInput(
            person_name=data["person_name"],
            contact_route=data["contact_route"],
            reason=data["reason"],
            urgency=data["urgency"],
            age_band=data["age_band"],
            neighbourhood=data["neighbourhood"],
        )

    def add_service_errors(self, errors: dict[str, str]) -> None:
        for name, message in errors.items():
            self.add_error(name if name in self.fields else None, message)


STEP_LABELS = {
    State.RECEIVED: _("Ontvangen"),
    State.INTAKE_PLANNED: _("Intake gepland"),
    State.STARTED: _("Gestart"),
    State.COMPLETED: _("Afgerond"),
    State.NOT_STARTED: _("Niet gestart"),
    State.WITHDRAWN: _("Intrekken"),
}
STEP_HELP = {
    State.RECEIVED: _("Bevestig dat uw organisatie de verwijzing heeft ontvangen."),
    State.INTAKE_PLANNED: _("Er is een datum voor het eerste gesprek met het gezin."),
    State.STARTED: _("De hulp aan het gezin is begonnen."),
    State.COMPLETED: _("De hulp is klaar."),
    State.NOT_STARTED: _(
        "De hulp start niet, bijvoorbeeld omdat het gezin niet wil of er geen plek is."
    ),
    State.WITHDRAWN: _(
        "Trek de verwijzing in, bijvoorbeeld als het gezin van gedachten is veranderd."
    ),
}
NOTE_LABELS = {
    State.NOT_STARTED: _("Waarom start de hulp niet? (verplicht)"),
    State.WITHDRAWN: _("Waarom trekt u de verwijzing in? (verplicht)"),
}


class StepForm(UtrechtFormMixin, forms.Form):
    """One step of the workflow: a note, and the intake date when an intake is planned."""

    def __init__(self, *args, to_state: str, **kwargs):
        super().__init__(*args, prefix=to_state, **kwargs)
        self.to_state = to_state
        self.label = STEP_LABELS.get(to_state, "")
        self.help = STEP_HELP.get(to_state, "")
        if to_state == State.INTAKE_PLANNED:
            self.fields["intake_on"] = _date(_("Datum van de intake"))
        self.fields["note"] = forms.CharField(
            label=NOTE_LABELS.get(to_state, _("Toelichting (mag leeg blijven)")),
            help_text=_("De andere organisatie leest dit. Schrijf alleen wat nodig is."),
            required=False,
            max_length=MAX_REASON,
            strip=True,
            widget=forms.Textarea(attrs=TEXTAREA),
            error_messages={"max_length": _("Gebruik hooguit %(limit_value)d tekens.")},
        )
