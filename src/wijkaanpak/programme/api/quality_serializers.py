"""Serializer of a data-quality finding: something missing or wrong in a programme's data."""

from rest_framework import serializers


class FindingSerializer(serializers.Serializer):
    check = serializers.CharField(
        read_only=True,
        help_text="Stable key of the check that found it, e.g. `indicator_without_baseline`.",
    )
    severity = serializers.ChoiceField(
        choices=[
            ("error", "Wrong data that must be corrected."),
            ("warning", "Missing data that keeps progress from being shown."),
            ("info", "Worth knowing; nothing is wrong with the data itself."),
        ],
        read_only=True,
        help_text="How serious the finding is.",
    )
    subject = serializers.CharField(
        read_only=True, help_text="What the finding is about, e.g. the indicator's name."
    )
    message = serializers.CharField(
        read_only=True, help_text="What is missing or wrong, in plain Dutch."
    )
    source_reference = serializers.CharField(
        read_only=True,
        help_text="Where in the source document the subject is found; empty when unknown.",
    )
    url = serializers.SerializerMethodField(
        help_text="Absolute URL of the page about the subject; null when there is none."
    )

    def get_url(self, finding) -> str | None:
        if not finding.url:
            return None
        request = self.context.get("request")
        return request.build_absolute_uri(finding.url) if request else finding.url
