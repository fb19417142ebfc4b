from django.contrib import admin

from .models import Area, Neighbourhood, Organisation, Place


class NeighbourhoodInline(admin.TabularInline):
    model = Neighbourhood
    extra = 0
    prepopulated_fields = {"slug": ["name"]}


@admin.register(Area)
class AreaAdmin(admin.ModelAdmin):
    list_display = ["name", "municipality", "municipality_cbs_code", "cbs_code"]
    search_fields = ["name", "municipality"]
    prepopulated_fields = {"slug": ["name"]}
    inlines = [NeighbourhoodInline]


@admin.register(Neighbourhood)
class NeighbourhoodAdmin(admin.ModelAdmin):
    list_display = ["name", "area", "role", "cbs_code"]
    list_filter = ["area", "role"]
    search_fields = ["name"]


@admin.register(Organisation)
class OrganisationAdmin(admin.ModelAdmin):
    list_display = ["name", "kind"]
    list_filter = ["kind", "areas"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(Place)
class PlaceAdmin(admin.ModelAdmin):
    list_display = ["name", "area", "neighbourhood", "organisation"]
    list_filter = ["area"]
    search_fields = ["name", "address"]
