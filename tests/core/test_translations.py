"""The Vietnamese and English catalogues are complete and compiled."""

import os
import shutil
from pathlib import Path

import polib
import pytest
from django.conf import settings
from django.core.management import call_command
from django.test import override_settings
from django.utils import translation

LOCALE = Path(settings.BASE_DIR) / "locale"
PROJECT = Path(settings.BASE_DIR).parent


@pytest.mark.parametrize("language", ["vi", "en"])
def test_catalogue_has_no_untranslated_or_fuzzy_entries(language):
    catalogue = polib.pofile(str(LOCALE / language / "LC_MESSAGES" / "django.po"))
    assert catalogue.untranslated_entries() == []
    assert catalogue.fuzzy_entries() == []


@pytest.mark.parametrize("language", ["vi", "en"])
def test_compiled_catalogue_matches_the_source(language):
    po = polib.pofile(str(LOCALE / language / "LC_MESSAGES" / "django.po"))
    mo = polib.mofile(str(LOCALE / language / "LC_MESSAGES" / "django.mo"))
    compiled = {
        (e.msgctxt, e.msgid): (e.msgstr, tuple(sorted(e.msgstr_plural.items()))) for e in mo
    }
    for entry in po.translated_entries():
        key = (entry.msgctxt, entry.msgid)
        assert key in compiled, f"{entry.msgid!r} is not compiled: run `make messages`"
        assert compiled[key] == (entry.msgstr, tuple(sorted(entry.msgstr_plural.items()))), (
            entry.msgid
        )


def test_every_string_in_the_code_is_in_the_catalogues(tmp_path):
    """Extract the strings again (xgettext) into a copy and check none is untranslated."""
    if shutil.which("xgettext") is None:
        pytest.fail("GNU gettext (xgettext) is needed for this test: apt-get install gettext")
    shutil.copytree(LOCALE, tmp_path / "locale")
    cwd = os.getcwd()
    os.chdir(PROJECT)
    try:
        with override_settings(LOCALE_PATHS=[tmp_path / "locale"]):
            call_command(
                "makemessages",
                locale=["vi", "en"],
                no_obsolete=True,
                ignore_patterns=[".venv", "var", "tests", "bench", "build"],
                verbosity=0,
            )
    finally:
        os.chdir(cwd)
    for language in ("vi", "en"):
        catalogue = polib.pofile(str(tmp_path / "locale" / language / "LC_MESSAGES" / "django.po"))
        missing = [e.msgid for e in catalogue.untranslated_entries()] + [
            e.msgid for e in catalogue.fuzzy_entries()
        ]
        assert missing == [], f"{language}: run `make messages` and translate: {missing[:20]}"


def test_vietnamese_is_the_default_and_english_switchable(client, users):
    client.force_login(users["secretariat"])
    vietnamese = client.get("/").content.decode()
    assert "Tổng quan" in vietnamese
    client.post("/i18n/setlang/", {"language": "en", "next": "/"})
    english = client.get("/").content.decode()
    assert "Overview" in english
    assert "Tổng quan" not in english
    translation.activate(settings.LANGUAGE_CODE)


def test_browser_language_does_not_override_vietnamese(client, users):
    client.force_login(users["secretariat"])
    page = client.get("/", HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9").content.decode()
    assert "Tổng quan" in page
