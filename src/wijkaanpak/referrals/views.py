"""Placeholder views: the referral pages are being built (issue 5)."""

from django.http import Http404


def referral_list(request, area_slug):
    raise Http404


def referral_new(request, area_slug):
    raise Http404


def referral_detail(request, area_slug, reference):
    raise Http404
