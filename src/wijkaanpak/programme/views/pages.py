from django.http import HttpResponse


def home(request):
    return HttpResponse("wijkaanpak")


overview = line_detail = indicator_detail = data_quality = home
