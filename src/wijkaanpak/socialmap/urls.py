"""Public pages and iCalendar feeds of the social map ("sociale kaart")."""

from django.urls import path

from .views import feeds, pages

app_name = "socialmap"

PREFIX = "<slug:area>/sociale-kaart/"
urlpatterns = [
    path(PREFIX, pages.search, name="search"),
    path(PREFIX + "aanbod/<slug:slug>/", pages.offer_detail, name="offer"),
    path(PREFIX + "plek/<slug:slug>/", pages.place_detail, name="place"),
    path(PREFIX + "plek/<slug:slug>.ics", feeds.place_feed, name="place-ical"),
    path(PREFIX + "thema/<slug:theme>/", pages.theme_detail, name="theme"),
    path(PREFIX + "thema/<slug:theme>.ics", feeds.theme_feed, name="theme-ical"),
    path(PREFIX + "activiteit/<int:pk>.ics", feeds.event_feed, name="event-ical"),
    path(PREFIX + "agenda/", pages.agenda_page, name="agenda"),
    path(PREFIX + "flyer/<slug:neighbourhood>/", pages.flyer, name="flyer"),
]
