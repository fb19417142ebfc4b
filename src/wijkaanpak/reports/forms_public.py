"""The public report form: no login, works without JavaScript, every error in plain Dutch."""

import re
from decimal import ROUND_HALF_UP, Decimal

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from wijkaanpak.areas.models import Neighbourhood

from .models import Category
from .services import MAX_PHOTOS
from .uploads import clean_photo

TEXT = {"class": "utrecht-textbox utrecht-textbox--html-input"}
SELECT = {"class": "utrecht-select utrecht-select--html-select"}
TEXTAREA = {"class": "utrecht-textarea utrecht-textarea--html-textarea", "rows": 5}
CHECKBOX = {"class": "utrecht-checkbox utrecht-checkbox--html-input"}
SIX_DECIMALS = Decimal("0.000001")
PHONE_RE = re.compile(r"^\+?[\d\s()-]{8,20}$")
# The honeypot's name: a field bots like to fill in and people never see.
HONEYPOT = "website"


def category_choices() -> list:
    """Active categories: a main category with sub-categories becomes a group of options."""
    categories = list(Category.objects.filter(is_active=True).select_related("parent"))
    children: dict[int, list[Category]] = {}
    for category in categories:
        if category.parent_id:
            children.setdefault(category.parent_id, []).append(category)
    choices: list = [("", _("Kies wat voor melding het is"))]
    for main in (c for c in categories if c.parent_id is None):
        subs = children.get(main.pk)
        if subs:
            choices.append((main.name, [(c.slug, c.name) for c in subs]))
        else:
            choices.append((main.slug, main.name))
    return choices


class CoordinateField(forms.DecimalField):
    """A latitude or longitude; a comma works as well as a point, extra decimals are rounded."""

    def to_python(self, value):
        if isinstance(value, str):
            value = value.strip().replace(",", ".")
        number = super().to_python(value)
        return None if number is None else number.quantize(SIX_DECIMALS, ROUND_HALF_UP)


class MultiplePhotoInput(forms.FileInput):
    allow_multiple_selected = True


class PhotoField(forms.FileField):
    """Up to MAX_PHOTOS photos, each checked and re-encoded (reports.uploads)."""

    widget = MultiplePhotoInput

    def clean(self, data, initial=None):
        files = [f for f in (data if isinstance(data, list | tuple) else [data]) if f]
        if len(files) > MAX_PHOTOS:
            raise ValidationError(
                _("U kunt hoogstens %(n)s foto's meesturen. U koos er %(chosen)s.")
                % {"n": MAX_PHOTOS, "chosen": len(files)},
                code="too_many",
            )
        errors, photos = [], []
        for upload in files:
            try:
                photos.append(clean_photo(upload))
            except ValidationError as error:
                errors.extend(error.messages)
        if errors:
            raise ValidationError(errors)
        return photos


class PublicReportForm(forms.Form):
    category = forms.ChoiceField(
        label=_("Wat wilt u melden?"),
        widget=forms.Select(attrs=SELECT),
        error_messages={
            "required": _("Kies wat voor melding het is."),
            "invalid_choice": _("Kies een soort melding uit de lijst."),
        },
    )
    neighbourhood = forms.ChoiceField(
        label=_("In welke buurt is het?"),
        widget=forms.Select(attrs=SELECT),
        help_text=_("Weet u het niet zeker? Kies de buurt die er het dichtst bij is."),
        error_messages={
            "required": _("Kies de buurt."),
            "invalid_choice": _("Kies een buurt uit de lijst."),
        },
    )
    address = forms.CharField(
        label=_("Adres"),
        required=False,
        max_length=200,
        widget=forms.TextInput(attrs={**TEXT, "autocomplete": "street-address"}),
        help_text=_("Straat en huisnummer, bijvoorbeeld Van Hogendorplaan 12."),
        error_messages={"max_length": _("Het adres is te lang: hoogstens 200 tekens.")},
    )
    location_description = forms.CharField(
        label=_("Of beschrijf de plek"),
        required=False,
        max_length=300,
        widget=forms.TextInput(attrs=TEXT),
        help_text=_("Geen adres? Beschrijf waar het is, bijvoorbeeld: speeltuin achter de school."),
        error_messages={
            "max_length": _("De beschrijving van de plek is te lang: hoogstens 300 tekens.")
        },
    )
    latitude = CoordinateField(
        label=_("Breedtegraad (niet verplicht)"),
        required=False,
        min_value=-90,
        max_value=90,
        widget=forms.NumberInput(attrs={**TEXT, "step": "any", "inputmode": "decimal"}),
        help_text=_(
            "Weet u de precieze plek uit een kaart-app? Vul dan de breedtegraad in, "
            "bijvoorbeeld 51.9042."
        ),
        error_messages={
            "invalid": _("Vul de breedtegraad in als getal, bijvoorbeeld 51.9042."),
            "min_value": _("De breedtegraad ligt tussen -90 en 90."),
            "max_value": _("De breedtegraad ligt tussen -90 en 90."),
        },
    )
    longitude = CoordinateField(
        label=_("Lengtegraad (niet verplicht)"),
        required=False,
        min_value=-180,
        max_value=180,
        widget=forms.NumberInput(attrs={**TEXT, "step": "any", "inputmode": "decimal"}),
        help_text=_("En de lengtegraad, bijvoorbeeld 4.3276."),
        error_messages={
            "invalid": _("Vul de lengtegraad in als getal, bijvoorbeeld 4.3276."),
            "min_value": _("De lengtegraad ligt tussen -180 en 180."),
            "max_value": _("De lengtegraad ligt tussen -180 en 180."),
        },
    )
    description = forms.CharField(
        label=_("Wat is er aan de hand?"),
        max_length=2000,
        widget=forms.Textarea(attrs=TEXTAREA),
        help_text=_(
            "Schrijf kort wat u ziet. Zet hier geen namen of andere persoonlijke gegevens."
        ),
        error_messages={
            "required": _("Schrijf wat er aan de hand is."),
            "max_length": _("De beschrijving is te lang: hoogstens 2000 tekens."),
        },
    )
    photos = PhotoField(
        label=_("Foto's (niet verplicht)"),
        required=False,
        widget=MultiplePhotoInput(
            attrs={"class": "utrecht-textbox", "accept": "image/jpeg,image/png"}
        ),
        help_text=_("Hoogstens 3 foto's van het type JPG of PNG. Elke foto hoogstens 10 MB."),
    )
    email = forms.EmailField(
        label=_("E-mailadres (niet verplicht)"),
        required=False,
        max_length=254,
        widget=forms.EmailInput(attrs={**TEXT, "autocomplete": "email"}),
        help_text=_("Dan sturen we u een bevestiging met een link om uw melding te volgen."),
        error_messages={"invalid": _("Vul een geldig e-mailadres in, zoals naam@voorbeeld.nl.")},
    )
    phone = forms.CharField(
        label=_("Telefoonnummer (niet verplicht)"),
        required=False,
        max_length=30,
        widget=forms.TextInput(attrs={**TEXT, "autocomplete": "tel", "inputmode": "tel"}),
        help_text=_("Alleen als wij u iets willen vragen over de melding."),
        error_messages={"max_length": _("Het telefoonnummer is te lang.")},
    )
    wants_updates = forms.BooleanField(
        label=_("Houd mij op de hoogte"),
        required=False,
        widget=forms.CheckboxInput(attrs=CHECKBOX),
        help_text=_("U krijgt een e-mail als er iets verandert aan uw melding."),
    )
    website = forms.CharField(
        label=_("Laat dit veld leeg"),
        required=False,
        widget=forms.TextInput(attrs={"tabindex": "-1", "autocomplete": "off"}),
    )

    # The order on the page, so the error summary lists errors in the order people read.
    field_order = [
        "category",
        "description",
        "photos",
        "neighbourhood",
        "address",
        "location_description",
        "latitude",
        "longitude",
        "email",
        "phone",
        "wants_updates",
        "website",
    ]

    def __init__(self, *args, area, **kwargs):
        super().__init__(*args, **kwargs)
        self.area = area
        self.fields["category"].choices = category_choices()
        self.quadrants = {
            n.slug: n for n in area.neighbourhoods.filter(role=Neighbourhood.Role.QUADRANT)
        }
        self.fields["neighbourhood"].choices = [("", _("Kies de buurt"))] + [
            (slug, n.name) for slug, n in self.quadrants.items()
        ]

    def clean_category(self):
        slug = self.cleaned_data["category"]
        category = Category.objects.filter(slug=slug, is_active=True).first()
        if category is None:
            raise ValidationError(_("Deze soort melding bestaat niet meer. Kies een andere."))
        return category

    def clean_neighbourhood(self):
        return self.quadrants[self.cleaned_data["neighbourhood"]]

    def clean_phone(self):
        phone = self.cleaned_data["phone"].strip()
        if phone and not PHONE_RE.match(phone):
            raise ValidationError(
                _("Vul een telefoonnummer in met alleen cijfers, bijvoorbeeld 06 12345678.")
            )
        return phone

    def clean(self):
        data = super().clean()
        place = data.get("address", "").strip() or data.get("location_description", "").strip()
        if not place and not {"address", "location_description"} & set(self.errors):
            self.add_error("address", _("Vul een adres in of beschrijf de plek."))
        latitude, longitude = data.get("latitude"), data.get("longitude")
        if (latitude is None) != (longitude is None) and not {"latitude", "longitude"} & set(
            self.errors
        ):
            missing = "longitude" if longitude is None else "latitude"
            self.add_error(
                missing, _("Vul de breedtegraad en de lengtegraad allebei in, of allebei niet.")
            )
        if data.get("wants_updates") and not data.get("email") and "email" not in self.errors:
            self.add_error("email", _("Vul uw e-mailadres in als u op de hoogte wilt blijven."))
        return data

    @property
    def honeypot_filled(self) -> bool:
        return bool((self.data.get(HONEYPOT) or "").strip())

    def report_values(self) -> dict:
        """The cleaned values as create_report takes them."""
        data = self.cleaned_data
        return {
            "area": self.area,
            "neighbourhood": data["neighbourhood"],
            "category": data["category"],
            "description": data["description"],
            "address": data["address"],
            "location_description": data["location_description"],
            "latitude": data["latitude"],
            "longitude": data["longitude"],
            "email": data["email"],
            "phone": data["phone"],
            "wants_updates": data["wants_updates"],
            "photos": data.get("photos") or [],
        }


class FeedbackForm(forms.Form):
    solved = forms.TypedChoiceField(
        label=_("Is het opgelost?"),
        choices=[("ja", _("Ja, het is opgelost")), ("nee", _("Nee, het is niet opgelost"))],
        coerce=lambda value: value == "ja",
        widget=forms.RadioSelect(attrs={"class": "utrecht-radio-button"}),
        error_messages={"required": _("Kies ja of nee.")},
    )
    text = forms.CharField(
        label=_("Wilt u nog iets zeggen? (niet verplicht)"),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={**TEXTAREA, "rows": 3}),
        help_text=_("Bijvoorbeeld wat er nog niet goed is. Zet hier geen persoonlijke gegevens."),
        error_messages={"max_length": _("Uw tekst is te lang: hoogstens 1000 tekens.")},
    )
