import re

from django import forms
from django.utils.translation import gettext_lazy as _

from . import second_factor

CODE_PATTERN = re.compile(r"^\d{6}$")


class CodeForm(forms.Form):
    """The 6-digit code from the authenticator app, checked against one device."""

    code = forms.CharField(
        label=_("Code uit de app"),
        help_text=_("De 6 cijfers die de app nu laat zien."),
        max_length=20,
        error_messages={"required": _("Vul de code uit de app in.")},
        widget=forms.TextInput(
            attrs={
                "class": "utrecht-textbox utrecht-textbox--html-input",
                "autocomplete": "one-time-code",
                "inputmode": "numeric",
                "size": "8",
            }
        ),
    )

    def __init__(self, *args, device, **kwargs):
        super().__init__(*args, **kwargs)
        self.device = device

    def clean_code(self):
        # Apps show the code as "123 456"; people type it that way too.
        code = re.sub(r"[\s-]", "", self.cleaned_data["code"])
        if not CODE_PATTERN.match(code):
            raise forms.ValidationError(_("Een code bestaat uit 6 cijfers."))
        try:
            second_factor.check_code(self.device, code)
        except second_factor.CodeRefused as exc:
            raise forms.ValidationError(str(exc)) from exc
        return code
