"""The site's URLs plus the privacy officer's pages, until the site's urls.py includes them.

Tests that use the subject-request pages mark themselves with
`pytest.mark.urls("wijkaanpak.referrals.tests.subject_urls")`; once wijkaanpak/urls.py
includes referrals.urls_subject, this module is the site's URLs unchanged.
"""

from django.urls import include, path

from wijkaanpak import urls as site

INCLUDED = any(getattr(p, "namespace", None) == "referrals_subject" for p in site.urlpatterns)

urlpatterns = (
    site.urlpatterns
    if INCLUDED
    else [path("", include("wijkaanpak.referrals.urls_subject")), *site.urlpatterns]
)
