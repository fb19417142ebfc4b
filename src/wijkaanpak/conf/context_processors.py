from django.conf import settings


def site(request):
    return {
        "SITE_NAME": settings.SITE_NAME,
        "DESIGN_TOKENS_CSS": settings.DESIGN_TOKENS_CSS,
        "DESIGN_THEME_CLASS": settings.DESIGN_THEME_CLASS,
    }
