"""Staff work: measurement entry, import and export. (Being built.)"""

from django.http import HttpResponse


def measurement_add(request, area):
    return HttpResponse("")


measurement_import = measurement_add
