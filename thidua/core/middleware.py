from django.conf import settings
from django.middleware.locale import LocaleMiddleware
from django.utils import translation


class LanguageMiddleware(LocaleMiddleware):
    """Vietnamese unless the user chose otherwise with the language switch.

    Django's LocaleMiddleware follows the browser's Accept-Language, and many office
    browsers in Viet Nam send "en-US": the product's language would then depend on how a
    machine was installed. Only the explicit choice (the language cookie) counts here.
    """

    def process_request(self, request):
        chosen = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME)
        language = chosen if chosen in dict(settings.LANGUAGES) else settings.LANGUAGE_CODE
        translation.activate(language)
        request.LANGUAGE_CODE = translation.get_language()
