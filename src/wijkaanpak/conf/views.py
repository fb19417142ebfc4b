"""Error pages in plain Dutch; Django's defaults are English and technical."""

from django.shortcuts import render


def csrf_failure(request, reason=""):
    # `reason` is technical and stays out of the page.
    return render(request, "403_csrf.html", status=403)
