from django.contrib import admin

from .models import Intervention


@admin.register(Intervention)
class InterventionAdmin(admin.ModelAdmin):
    list_display = ["__str__", "line", "kind", "age_min", "age_max", "status"]
    list_filter = ["programme", "line", "kind", "status"]
    search_fields = ["name", "description"]
    filter_horizontal = ["goals", "partners", "places"]
