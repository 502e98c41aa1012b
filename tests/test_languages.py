"""Languages: nb, nn and en, the languages a map declares, nynorsk strings and citations,
``--lang`` on every command, and who represents the organisation and advises it on privacy."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
import yaml
from support.golden_files import check_golden
from support.notice_text import Page, render_notice
from support.paths import FIXTURES, SMALL_YAML

import harmonien_ropa as hr
from harmonien_ropa.cli import main
from harmonien_ropa.law.countries import country_name
from harmonien_ropa.law.requirements import ITEMS
from harmonien_ropa.law.terms import TERMS, LegalBasis, Statute, cite, label_cite
from harmonien_ropa.outputs import render
from harmonien_ropa.source.resources import templates_dir
from harmonien_ropa.source.yamlsource import parse

NYNORSK_YAML = FIXTURES / "nynorsk.yaml"

#: Bokmål word forms that nynorsk writes otherwise (ikkje, korleis, kva, kven, kvar, rettar,
#: personopplysningar, verksemd, om, enno, mottakar, behandlar, gjeld, frå, kategoriar,
#: endringar, føresetnad): none may appear in a nynorsk string.
BOKMAL = re.compile(
    r"\b(ikke|hvordan|hvilke|hva|hvem|hvor|rettigheter|personopplysninger|opplysninger"
    r"|virksomhet|virksomheter|hvis|ennå|mottaker|mottakere|behandler"
    r"|gjelder|fra|kategorier|endringer|antakelse)\b",
    re.IGNORECASE,
)


def raw(path: Path) -> dict[str, Any]:
    data = parse(path.read_text(encoding="utf-8"), str(path), positions=False).data
    assert isinstance(data, dict)
    return data


def with_nynorsk(value: Any) -> Any:
    """``value`` with an ``nn`` text beside every ``nb`` one (test data only)."""
    if isinstance(value, dict):
        if "nb" in value and set(value) <= {"nb", "en"}:
            return {**value, "nn": f"{value['nb']} (nn)"}
        return {k: with_nynorsk(v) for k, v in value.items()}
    if isinstance(value, list):
        return [with_nynorsk(v) for v in value]
    return value


def three_languages(order: list[str]) -> hr.DataMap:
    data = with_nynorsk(raw(SMALL_YAML))
    data["organisation"]["languages"] = order
    data["organisation"]["name"] = {"nb": "Fjordkor", "nn": "Fjordkoret", "en": "Fjord Choir"}
    data["systems"][0]["name"] = {"nb": "Medlemsregister", "nn": "Medlemsregister", "en": "Members"}
    return hr.from_data(data)


def texts(datamap: hr.DataMap, only: list[str]) -> dict[str, str]:
    """The text files ``only`` renders for ``datamap``, decoded."""
    return {
        a.path: a.content.decode("utf-8")
        for a in render(datamap, only).artifacts
        if not a.path.endswith((".png", ".xlsx"))
    }


def findings(capsys: pytest.CaptureFixture[str], path: Path, code: str) -> list[str]:
    main(["check", "--data", str(path), "--fail-on", "never", "--select", code])
    return [line for line in capsys.readouterr().out.splitlines() if f" {code} " in line]


# -- every string and every legal term in nynorsk ---------------------------------------------


@pytest.mark.parametrize("table", sorted(p.stem for p in (templates_dir() / "i18n").glob("*.yaml")))
def test_every_interface_string_is_in_all_three_languages(table: str) -> None:
    path = templates_dir() / "i18n" / f"{table}.yaml"
    strings = raw(path)
    assert strings
    for key, texts in strings.items():
        assert set(texts) == {"nb", "nn", "en"}, f"{table}.{key}"
        assert all(isinstance(t, str) and t.strip() for t in texts.values()), f"{table}.{key}"
        assert not BOKMAL.search(texts["nn"]), f"{table}.{key}: {texts['nn']!r} is bokmål"
        # The same placeholders in every language, or one would be lost or fail to fill.
        fields = {lang: sorted(re.findall(r"\{(\w*)\}", t)) for lang, t in texts.items()}
        assert fields["nn"] == fields["nb"] == fields["en"], f"{table}.{key}"


def test_every_legal_term_and_requirement_has_a_nynorsk_label() -> None:
    for key, term in TERMS.items():
        assert term.nn, key
        assert not BOKMAL.search(term.nn), key
    for item in ITEMS:
        assert item.text("nn"), item.key
        assert not BOKMAL.search(item.text("nn")), item.key


def test_citations_in_nynorsk() -> None:
    assert label_cite(LegalBasis.CONTRACT, "nn") == (
        "naudsynt for å oppfylle ein avtale med deg, eller for å gjennomføre tiltak du har "
        "bede om før ein avtale blir inngått (personvernforordninga artikkel 6 nr. 1 bokstav b)"
    )
    assert cite(Statute.NATIONAL_ID, "nn") == (
        "personopplysningslova § 12; personvernforordninga artikkel 87"
    )
    assert cite(Statute.COOKIES, "nn").startswith("ekomlova § 3-15")
    assert cite(Statute.ELECTRONIC_MARKETING_EXISTING_CUSTOMERS, "nn") == (
        "marknadsføringslova § 15 tredje ledd"
    )
    assert cite("arkivloven § 6; GDPR Art. 17(3)(b)", "nn") == (
        "arkivlova § 6; personvernforordninga artikkel 17 nr. 3 bokstav b"
    )
    assert cite("GDPR Art. 49(1) second subparagraph", "nn", short=True) == (
        "art. 49 nr. 1 andre ledd"
    )
    # Bokmål and English are as before.
    assert cite(LegalBasis.CONTRACT, "nb") == "personvernforordningen art. 6 nr. 1 bokstav b"
    assert cite(LegalBasis.CONTRACT, "en") == "GDPR Art. 6(1)(b)"
    assert [country_name(c, "nn") for c in ("NO", "AT", "SE")] == ["Noreg", "Austerrike", "Sverige"]


# -- a map in nynorsk only ---------------------------------------------------------------------


@pytest.fixture(scope="module")
def nynorsk() -> hr.DataMap:
    return hr.load(NYNORSK_YAML)


def test_nynorsk_map_renders_only_nynorsk_files(nynorsk: hr.DataMap) -> None:
    result = render(nynorsk)
    names = {a.path for a in result.artifacts}
    assert {"notice.nn.html", "notice.nn.fragment.html", "notice.nn.md"} <= names
    assert {"record.nn.html", "record.nn.md", "record.csv", "record.json"} <= names
    assert not [n for n in names if re.search(r"\.(nb|en)\.", n)]
    # The first (here the only) language has the unsuffixed graph files.
    assert "dataflow.json" in names
    assert not [n for n in names if "dataflow.nn" in n]
    assert not [m for m in result.messages if "no 'nn' version" in m]


def test_nynorsk_notice_golden(nynorsk: hr.DataMap) -> None:
    files = render_notice(nynorsk)
    check_golden("notice", "nynorsk.nn.md", files["notice.nn.md"].encode("utf-8"))
    page = Page(files["notice.nn.html"])
    assert '<html lang="nn">' in files["notice.nn.html"]
    assert "Kven som er ansvarleg" in page.text("controller")
    assert "personvernforordninga artikkel 6 nr. 1 bokstav b" in page.text()
    assert not BOKMAL.search(page.text())


def test_nynorsk_map_has_no_findings_about_other_languages(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert findings(capsys, NYNORSK_YAML, "ROPA403") == []


def test_nynorsk_texts_in_model_json_and_exports(nynorsk: hr.DataMap) -> None:
    files = texts(nynorsk, ["model", "dpv", "graph"])
    model = files["model.json"]
    assert '"nb": null' not in model
    assert '"en": null' not in model
    assert '"languages": [\n      "nn"\n    ]' in model
    assert '"@language": "nn"' in files["ropa.dpv.jsonld"]
    assert '"@language": "nb"' not in files["ropa.dpv.jsonld"]
    # Who legally represents the controller: dpv:Representative, not the Art. 27 one.
    assert (
        "dpv:hasRepresentative <https://kammerkor.example/ropa#controller/represented-by>"
        in (files["ropa.dpv.ttl"])
    )
    assert '"dagleg leiar"@nn' in files["ropa.dpv.ttl"]
    assert '"label_nn"' in files["dataflow.json"]
    assert '"label_nb"' not in files["dataflow.json"]


def test_a_text_missing_a_declared_language_is_reported_with_its_place(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = NYNORSK_YAML.read_text(encoding="utf-8")
    path = tmp_path / "map.yaml"
    path.write_text(source.replace("{nn: namn}", "{nb: navn}"), encoding="utf-8")
    line = next(i for i, text in enumerate(source.splitlines(), 1) if "{nn: namn}" in text)
    found = findings(capsys, path, "ROPA403")
    assert len(found) == 1
    assert f"map.yaml:{line}:" in found[0]
    assert "has no nn text" in found[0]


def test_languages_are_validated(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = NYNORSK_YAML.read_text(encoding="utf-8")
    path = tmp_path / "map.yaml"
    for wrong, message in (
        ("[nn, nn]", "'nn' is listed twice"),
        ("[nn, de]", "'de' is not allowed"),
        ("[]", "organisation.languages"),
    ):
        path.write_text(source.replace("languages: [nn]", f"languages: {wrong}"), encoding="utf-8")
        assert main(["check", "--data", str(path)]) == 2
        err = capsys.readouterr().err
        assert "map.yaml:5:" in err, err
        assert message in err, err


# -- three languages ---------------------------------------------------------------------------


def test_three_languages_render_each_and_the_first_is_unsuffixed() -> None:
    datamap = three_languages(["nn", "nb", "en"])
    files = {a.path: a.content for a in render(datamap, ["notice", "graph", "record"]).artifacts}
    for lang in ("nb", "nn", "en"):
        assert f"notice.{lang}.html" in files
        assert f"record.{lang}.md" in files
    assert "dataflow.json" in files
    assert "dataflow.nb.dot" in files
    assert "dataflow.en.dot" in files
    assert "dataflow.nn.dot" not in files
    assert "Dataflyt: Fjordkoret" in files["dataflow.dot"].decode()  # nynorsk, the first
    assert "Data flows: Fjord Choir" in files["dataflow.en.dot"].decode()
    # Translated names, each in its language; the page links to the two others.
    nn, en = files["notice.nn.html"].decode(), files["notice.en.html"].decode()
    assert "Personvernerklæring – Fjordkoret" in nn
    assert "Privacy notice – Fjord Choir" in en
    assert 'href="notice.nb.html"' in nn
    assert 'href="notice.en.html"' in nn
    assert "Les på nynorsk" in en
    assert "Les på bokmål" in en  # beside nynorsk, "norsk" would not say which
    assert "Les på bokmål" not in render_notice(hr.load(SMALL_YAML))["notice.en.html"]
    assert "Members" in files["record.en.md"].decode()
    assert "Medlemsregister" in files["record.nb.md"].decode()


def test_three_languages_ask_for_every_text_in_each(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = SMALL_YAML.read_text(encoding="utf-8")
    path = tmp_path / "map.yaml"
    path.write_text(
        source.replace(
            "  name: Fjordkor Demo\n", "  name: Fjordkor Demo\n  languages: [nb, nn, en]\n"
        ),
        encoding="utf-8",
    )
    found = findings(capsys, path, "ROPA403")
    assert len(found) == source.count("nb: ")  # every text of the map, each once
    assert all("has no nn text" in line for line in found)


def test_harmonien_declares_nothing_and_keeps_nb_and_en(harmonien: hr.DataMap) -> None:
    assert harmonien.organisation.languages is None
    assert harmonien.languages == ("nb", "en")
    names = {a.path for a in render(harmonien, ["notice"]).artifacts}
    assert names == {
        f"notice.{lang}.{kind}" for lang in ("nb", "en") for kind in ("html", "fragment.html", "md")
    }


# -- --lang ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("command", "message"),
    [
        (["render", "--lang", "nn", "--out", "{tmp}"], "does not publish in nn"),
        (["render", "--lang", "nb,xx", "--out", "{tmp}"], "unknown language(s) xx"),
        (["locate", "--subject", "members", "--lang", "nn"], "does not publish in nn"),
        (["impact", "--party", "mailhost", "--lang", "nn"], "does not publish in nn"),
        (["diff", str(SMALL_YAML), str(SMALL_YAML), "--lang", "nn"], "does not publish in nn"),
    ],
)
def test_an_undeclared_language_is_a_usage_error(
    command: list[str], message: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    args = [part.replace("{tmp}", str(tmp_path / "out")) for part in command]
    if args[0] != "diff":
        args += ["--data", str(SMALL_YAML)]
    assert main(args) == 2
    err = capsys.readouterr().err
    assert message in err
    assert "Traceback" not in err
    assert not (tmp_path / "out").exists()


def test_lang_defaults_follow_the_declaration(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["locate", "--subject", "members", "--data", str(NYNORSK_YAML)]) == 0
    assert capsys.readouterr().out.startswith("Opplysningar om «medlemmer»")
    assert main(["impact", "--party", "mailhost", "--data", str(NYNORSK_YAML)]) == 0
    assert "Konsekvens om «Mailhost Inc.»" in capsys.readouterr().out
    assert main(["diff", str(NYNORSK_YAML), str(NYNORSK_YAML)]) == 0
    assert capsys.readouterr().out.startswith("Endringar frå versjon 1")
    assert (
        main(["render", "--data", str(NYNORSK_YAML), "--only", "notice", "--out", str(tmp_path)])
        == 0
    )
    assert sorted(p.name for p in tmp_path.glob("notice.*")) == [
        "notice.nn.fragment.html",
        "notice.nn.html",
        "notice.nn.md",
    ]


def test_files_of_a_language_no_longer_declared_are_removed(tmp_path: Path) -> None:
    data = with_nynorsk(raw(SMALL_YAML))
    path = tmp_path / "map.yaml"
    out = tmp_path / "out"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    assert main(["render", "--data", str(path), "--only", "notice", "--out", str(out)]) == 0
    assert (out / "notice.en.html").exists()
    data["organisation"]["languages"] = ["nn"]
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    assert main(["render", "--data", str(path), "--only", "notice", "--out", str(out)]) == 0
    assert sorted(p.name for p in out.glob("notice.*")) == [
        "notice.nn.fragment.html",
        "notice.nn.html",
        "notice.nn.md",
    ]


# -- who represents the organisation, and its data-protection adviser --------------------------


def with_representation(lang_roles: dict[str, str]) -> hr.DataMap:
    data = raw(SMALL_YAML)
    data["organisation"]["represented_by"] = {"role": lang_roles, "name": "Kari Nordmann"}
    data["organisation"]["data_protection_adviser"] = {
        "name": "Per Rådgiver",
        "email": "raad@fjordkor.example",
    }
    return hr.from_data(data)


def test_represented_by_and_adviser_in_the_notice() -> None:
    datamap = with_representation({"nb": "daglig leder", "en": "managing director"})
    files = render_notice(datamap)
    en, nb = Page(files["notice.en.html"]), Page(files["notice.nb.html"])
    assert "Legally represented by managing director, Kari Nordmann" in en.text("controller")
    assert "Representert ved daglig leder, Kari Nordmann" in nb.text("controller")
    # The adviser is a contact, named by function, never as the DPO (still Ola Personvern).
    assert "Per Rådgiver, data-protection adviser – e-mail: raad@fjordkor.example" in en.text(
        "contact"
    )
    assert "Per Rådgiver, personvernrådgiver" in nb.text("contact")
    assert "Per Rådgiver" not in en.text("controller")
    assert "Our data protection officer is Ola Personvern" in en.text("controller")
    assert "Legally represented by:** managing director, Kari Nordmann" in files["notice.en.md"]


def test_represented_by_and_adviser_in_the_record_and_model() -> None:
    datamap = with_representation({"nb": "daglig leder", "en": "managing director"})
    files = texts(datamap, ["record", "model"])
    assert "| Represented by | managing director, Kari Nordmann |" in files["record.en.md"]
    assert (
        "| Data-protection adviser (not a DPO) | Per Rådgiver, raad@fjordkor.example |"
        in files["record.en.md"]
    )
    assert "| Representert ved | daglig leder, Kari Nordmann |" in files["record.nb.md"]
    assert '"represented_by": {' in files["model.json"]
    assert '"data_protection_adviser": {' in files["model.json"]
    # A map without them has neither row.
    plain = texts(hr.load(SMALL_YAML), ["record"])
    assert "Represented by" not in plain["record.en.md"]


def test_represented_by_needs_every_declared_language(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = SMALL_YAML.read_text(encoding="utf-8")
    path = tmp_path / "map.yaml"
    path.write_text(
        source.replace(
            "  contacts:\n",
            "  represented_by: {role: {nb: daglig leder}}\n  contacts:\n",
        ),
        encoding="utf-8",
    )
    found = findings(capsys, path, "ROPA403")
    assert len(found) == 1
    assert "organisation.represented_by.role has no en text" in found[0]


def test_a_new_adviser_or_representation_is_a_change_for_the_record() -> None:
    from harmonien_ropa.changes.changelog import compare

    old = hr.load(SMALL_YAML)
    new = with_representation({"nb": "daglig leder", "en": "managing director"})
    changes = compare(old, new)
    assert [c.text("nn") for c in changes.changes] == [
        "Nye opplysningar om verksemda: kven som representerer verksemda.",
        "Nye opplysningar om verksemda: personvernrådgjevaren.",
    ]
    assert {str(c.level) for c in changes.changes} == {"editorial"}
