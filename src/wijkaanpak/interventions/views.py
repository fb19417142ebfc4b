from django.http import HttpResponse


def intervention_list(request, area):
    return HttpResponse("")


intervention_detail = intervention_list
