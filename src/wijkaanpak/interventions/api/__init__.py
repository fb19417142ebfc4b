"""The interventions' read API: serializers and viewsets, wired in wijkaanpak.api_urls."""
