"""The Ukrainian interface: a complete catalogue, a current compiled file, and pages that use them."""

import re
import shutil

import polib
import pytest
from django.conf import settings
from django.core.management import call_command
from django.core.management.base import CommandError
from django.template.loader import render_to_string
from django.utils import translation

from reports.models import Article, Claim, Region, Source
from tests.factories import ArticleFactory, ClaimFactory

UK_PO = settings.BASE_DIR / "locale" / "uk" / "LC_MESSAGES" / "django.po"
PLACEHOLDER = re.compile(r"%\(\w+\)[sd]|%[sd]")


def ukrainian_catalogue():
    return polib.pofile(str(UK_PO))


def test_the_ukrainian_catalogue_has_no_untranslated_entry():
    assert [entry.msgid for entry in ukrainian_catalogue().untranslated_entries()] == []


def test_the_ukrainian_catalogue_has_no_fuzzy_entry():
    catalogue = ukrainian_catalogue()

    assert [entry.msgid for entry in catalogue.fuzzy_entries()] == []
    assert not catalogue.metadata_is_fuzzy


def test_the_ukrainian_catalogue_has_three_plural_forms():
    plural_forms = ukrainian_catalogue().metadata["Plural-Forms"]

    assert plural_forms.replace(" ", "").startswith("nplurals=3;")


def test_every_translation_keeps_the_placeholders_of_the_english():
    mismatched = []
    for entry in ukrainian_catalogue().translated_entries():
        if entry.msgid_plural:
            expected = sorted(PLACEHOLDER.findall(entry.msgid_plural))
            translations = entry.msgstr_plural.values()
        else:
            expected = sorted(PLACEHOLDER.findall(entry.msgid))
            translations = [entry.msgstr]
        mismatched += [(entry.msgid, text) for text in translations if sorted(PLACEHOLDER.findall(text)) != expected]

    assert mismatched == []


def test_the_shipped_compiled_catalogue_is_current(capsys):
    call_command("compile_translations", "--check")

    assert "match their .po" in capsys.readouterr().out


@pytest.fixture
def locale_copy(tmp_path, settings):
    """A copy of the project's catalogues to compile and alter, so the shipped files stay untouched."""
    shutil.copytree(settings.BASE_DIR / "locale", tmp_path / "locale")
    settings.LOCALE_PATHS = [tmp_path / "locale"]
    return tmp_path / "locale" / "uk" / "LC_MESSAGES"


def test_check_fails_when_the_compiled_catalogue_is_missing(locale_copy):
    (locale_copy / "django.mo").unlink()

    with pytest.raises(CommandError) as error:
        call_command("compile_translations", "--check")
    assert error.value.returncode == 1


def test_check_fails_when_a_translation_changed_after_compiling(locale_copy):
    catalogue = polib.pofile(str(locale_copy / "django.po"))
    catalogue.find("Claims").msgstr = "Заяви"
    catalogue.save()

    with pytest.raises(CommandError):
        call_command("compile_translations", "--check")


def test_compiling_writes_a_catalogue_that_gettext_reads(locale_copy):
    catalogue = polib.pofile(str(locale_copy / "django.po"))
    catalogue.find("Claims").msgstr = "Заяви"
    catalogue.save()

    call_command("compile_translations")

    compiled = polib.mofile(str(locale_copy / "django.mo"))
    assert compiled.find("Claims").msgstr == "Заяви"
    call_command("compile_translations", "--check")


def test_choice_labels_read_in_ukrainian():
    with translation.override("uk"):
        assert str(Claim.Status.CORROBORATED.label) == "підтверджено"
        assert str(Claim.Status.DISPUTED.label) == "оскаржено"
        assert str(Claim.Status.REFUTED.label) == "спростовано"
        assert str(Claim.Status.UNVERIFIED.label) == "не перевірено"
        assert str(Claim.Status.SUGGESTED.label) == "запропоновано"
        assert str(Region.Kind.OBLAST.label) == "область"
        assert str(Region.Kind.RAION.label) == "район"
        assert str(Region.Kind.HROMADA.label) == "громада"
        assert str(Region.Kind.SETTLEMENT.label) == "населений пункт"
        assert str(Source.Kind.NEWS_AGENCY.label) == "інформаційне агентство"
        assert str(Article.Language.UK.label) == "Українська"


def test_a_record_displays_its_choice_in_ukrainian():
    with translation.override("uk"):
        assert Claim(topic=Claim.Topic.STRIKES, status=Claim.Status.CORROBORATED).get_status_display() == "підтверджено"
        assert Claim(topic=Claim.Topic.STRIKES).get_topic_display() == "удари"


@pytest.mark.parametrize(
    ("count", "expected"),
    [
        (1, "1 результат"),
        (21, "21 результат"),
        (3, "3 результати"),
        (22, "22 результати"),
        (5, "5 результатів"),
        (11, "11 результатів"),
        (14, "14 результатів"),
    ],
)
def test_plural_forms_follow_ukrainian_grammar(count, expected):
    with translation.override("uk"):
        assert translation.ngettext("%(counter)s result", "%(counter)s results", count) % {"counter": count} == expected


def test_the_server_error_page_is_in_ukrainian():
    with translation.override("uk"):
        page = render_to_string("500.html")

    assert '<html lang="uk">' in page
    assert "Щось пішло не так" in page


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("path", "heading"),
    [
        ("/uk/", "<h1>Що повідомляли, хто і коли</h1>"),
        ("/uk/claims/", "<h1>Твердження</h1>"),
        ("/uk/articles/", "<h1>Статті</h1>"),
    ],
)
def test_pages_under_uk_are_in_ukrainian(client, path, heading):
    ClaimFactory(article=ArticleFactory())

    page = client.get(path).content.decode()

    assert '<html lang="uk">' in page
    assert heading in page


@pytest.mark.django_db
def test_the_same_page_without_a_prefix_stays_in_english(client):
    page = client.get("/claims/").content.decode()

    assert '<html lang="en">' in page
    assert "<h1>Claims</h1>" in page


@pytest.mark.django_db
@pytest.mark.parametrize(("count", "summary"), [(1, "1 результат"), (3, "3 результати"), (5, "5 результатів")])
def test_the_result_count_takes_the_ukrainian_plural_form(client, count, summary):
    ClaimFactory.create_batch(count)

    page = client.get("/uk/claims/").content.decode()

    assert summary in page


@pytest.mark.django_db
def test_a_claim_on_the_list_shows_its_status_and_topic_in_ukrainian(client):
    ClaimFactory(status=Claim.Status.CORROBORATED, topic=Claim.Topic.TERRITORIAL_CONTROL)

    page = client.get("/uk/claims/").content.decode()

    assert "підтверджено" in page
    assert "контроль над територією" in page
