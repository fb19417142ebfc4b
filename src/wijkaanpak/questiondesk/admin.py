from django import forms
from django.contrib import admin
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from wijkaanpak.workdays import today

from .models import Question
from .services.questions import FIELDS, validate_question


class QuestionAdminForm(forms.ModelForm):
    """The same rules as the staff form, so the admin cannot store personal data either."""

    class Meta:
        model = Question
        fields = ["area", *FIELDS, "referral", "follow_up_done_on"]

    def clean(self):
        data = super().clean()
        area = data.get("area")
        if area is not None and not self.errors:
            try:
                date_typed = self.instance.pk is None or "asked_on" in self.changed_data
                validate_question(area, data, today=today(), date_typed=date_typed)
            except ValidationError as exc:
                for field, errors in exc.message_dict.items():
                    self.add_error(field if field in self.fields else None, errors)
        return data


@admin.register(Question)
class QuestionAdmin(admin.ModelAdmin):
    form = QuestionAdminForm
    list_display = [
        "asked_on",
        "area",
        "theme",
        "neighbourhood",
        "channel",
        "outcome",
        "referred_to",
        "follow_up_on",
        "follow_up_done_on",
    ]
    list_filter = ["area", "theme", "outcome", "channel", "neighbourhood", "asked_on"]
    date_hierarchy = "asked_on"
    search_fields = ["summary"]
    list_select_related = ["area", "neighbourhood", "referred_to"]
    raw_id_fields = ["referral"]
    readonly_fields = ["recorded_by", "recorded_at"]
    fieldsets = [
        (None, {"fields": ["area", "asked_on", "theme", "neighbourhood", "channel", "summary"]}),
        (
            _("Wat is er gedaan"),
            {
                "fields": [
                    "outcome",
                    "referred_to",
                    "referral",
                    "follow_up_on",
                    "follow_up_done_on",
                ]
            },
        ),
        (_("Vastgelegd"), {"fields": ["recorded_by", "recorded_at"]}),
    ]

    def save_model(self, request, obj, form, change):
        if not change:
            obj.recorded_by = request.user
        super().save_model(request, obj, form, change)
