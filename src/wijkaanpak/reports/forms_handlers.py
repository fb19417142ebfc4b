"""Forms of the handler pages. They check input only; the rules live in services."""

from django import forms
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from wijkaanpak.areas.models import Neighbourhood, Organisation

from .domain.workflow import OPEN_STATUSES
from .models import Category
from .permissions import visible_reports

REASON_MAX = 2000


def _text(label, *, required=False, help_text="", rows=3):
    return forms.CharField(
        label=label,
        required=required,
        max_length=REASON_MAX,
        help_text=help_text,
        strip=True,
        widget=forms.Textarea(attrs={"rows": rows, "class": "utrecht-textarea"}),
    )


class QueueFilterForm(forms.Form):
    neighbourhood = forms.ModelChoiceField(
        label=_("Buurt"),
        queryset=Neighbourhood.objects.none(),
        required=False,
        empty_label=_("Alle buurten"),
    )
    category = forms.ModelChoiceField(
        label=_("Categorie"),
        queryset=Category.objects.none(),
        required=False,
        empty_label=_("Alle categorieën"),
    )
    organisation = forms.ModelChoiceField(
        label=_("Organisatie"),
        queryset=Organisation.objects.none(),
        required=False,
        empty_label=_("Al mijn organisaties"),
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        # Only choices the user's own open reports can have: the lists reveal nothing else,
        # and they cost the same with ten years of closed reports behind them.
        mine = visible_reports(user).filter(status__in=OPEN_STATUSES)
        self.fields["neighbourhood"].queryset = Neighbourhood.objects.filter(
            pk__in=mine.values("neighbourhood")
        ).order_by("name")
        # A sub-category's label names its main category: read them together.
        self.fields["category"].queryset = (
            Category.objects.filter(
                Q(pk__in=mine.values("category")) | Q(children__in=mine.values("category"))
            )
            .select_related("parent")
            .distinct()
        )
        organisations = Organisation.objects.filter(memberships__user=user).distinct()
        if user.is_superuser:
            organisations = Organisation.objects.filter(pk__in=mine.values("organisation"))
        self.fields["organisation"].queryset = organisations
        self.several_organisations = organisations.count() > 1
        for field in self.fields.values():
            field.widget.attrs["class"] = "utrecht-select"


class NoteForm(forms.Form):
    """Pick up, plan, wait, reopen: an optional text for the reporter and an internal note."""

    public_text = _text(
        _("Bericht aan de melder (mag leeg blijven)"),
        help_text=_("De melder leest dit. Schrijf in gewone woorden, zonder namen van collega's."),
    )
    internal_note = _text(_("Interne notitie (alleen voor collega's)"), rows=2)


class ReasonForm(forms.Form):
    """Resolve, cancel, late reason: the reporter must read why."""

    reason = _text(
        _("Uitleg voor de melder"),
        required=True,
        help_text=_("De melder leest dit. Schrijf in gewone woorden wat er is gebeurd of waarom."),
        rows=4,
    )
    internal_note = _text(_("Interne notitie (alleen voor collega's)"), rows=2)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["reason"].error_messages["required"] = _("Schrijf een uitleg voor de melder.")


class MergeForm(forms.Form):
    original = forms.CharField(
        label=_("Kenmerk van de melding die blijft"),
        max_length=20,
        help_text=_("Bijvoorbeeld M-2026-00042. Deze melding wordt daarmee samengevoegd."),
        widget=forms.TextInput(attrs={"class": "utrecht-textbox", "autocomplete": "off"}),
    )

    def __init__(self, *args, user, report, **kwargs):
        super().__init__(*args, **kwargs)
        self.user, self.report = user, report
        self.fields["original"].error_messages["required"] = _("Vul een kenmerk in.")

    def clean_original(self):
        reference = self.cleaned_data["original"].strip().upper()
        original = visible_reports(self.user).filter(reference=reference).first()
        if original is None:
            raise forms.ValidationError(
                _("Melding %(ref)s bestaat niet of hoort niet bij uw organisatie."),
                params={"ref": reference},
            )
        if original.pk == self.report.pk:
            raise forms.ValidationError(_("Kies een andere melding dan deze."))
        return original


class InternalNoteForm(forms.Form):
    note = _text(_("Notitie"), required=True, rows=3)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["note"].error_messages["required"] = _("Schrijf een notitie.")
