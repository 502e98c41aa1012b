"""The publication gate: which maps are ready to publish, the notice's banner, ``render --final``."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from support.notice_text import Page, render_notice
from support.paths import HARMONIEN_YAML, SMALL_YAML

import harmonien_ropa as hr
from harmonien_ropa.checks.publication import BlockerKind, counts
from harmonien_ropa.cli import main
from harmonien_ropa.law.requirements import missing
from harmonien_ropa.law.rights import notice_activities
from harmonien_ropa.outputs.staging import MANIFEST
from harmonien_ropa.source.i18n import strings

NOTICE_FILES = [
    f"notice.{lang}.{suffix}" for lang in ("nb", "en") for suffix in ("html", "fragment.html", "md")
]
SMALL = SMALL_YAML.read_text(encoding="utf-8")

# Edits of the small, fully confirmed fixture map (each: text to find, text to put after it).
MEMBERSHIP_END = "    dpia: {status: not_needed, reason: {nb: Lite omfang., en: Small scale.}}\n"
ASSUME_BASIS = (
    MEMBERSHIP_END,
    "    assumptions:\n      legal_basis: The board has not decided yet.\n",
)
ASSUME_BASIS_AND_ART9 = (
    MEMBERSHIP_END,
    "    assumptions:\n"
    "      legal_basis: The board has not decided yet.\n"
    "      art9_condition: Consent forms are not yet in use.\n",
)
ASSUME_TRANSFER = (
    "        mechanism: scc\n",
    "        assumptions: {mechanism: The clauses are not signed yet.}\n",
)
ASSUME_PARTY_MECHANISM = (
    "    safeguards_copy: {nb: Be oss om en kopi., en: Ask us for a copy.}\n",
    "    assumptions: {transfer_mechanism: Not checked.}\n",
)
ASSUME_RETENTION = (MEMBERSHIP_END, "    assumptions:\n      retention: A guess.\n")
# An error finding: the membership activity uses health data without an Art. 9 condition.
NO_ART9 = ("    art9_condition: explicit_consent\n", None)


def variant(folder: Path, *edits: tuple[str, str | None], extra: str = "") -> Path:
    """The small map with ``edits`` applied (``None``: delete the line), written to a file."""
    text = SMALL
    for anchor, addition in edits:
        assert text.count(anchor) == 1, anchor
        text = text.replace(anchor, anchor + addition if addition is not None else "")
    path = folder / "map.yaml"
    path.write_text(text + extra, encoding="utf-8")
    return path


def line_of(path: Path, needle: str, after: str = "") -> int:
    lines = path.read_text(encoding="utf-8").splitlines()
    start = next(i for i, line in enumerate(lines) if after in line)
    return next(i for i, line in enumerate(lines) if i >= start and needle in line) + 1


def heads(stderr: str) -> list[str]:
    """The ``file:line:col: severity CODE`` part of each finding line."""
    return re.findall(r"^(\S+:\d+:\d+: \w+ ROPA\d+) ", stderr, re.MULTILINE)


# -- which maps are ready ----------------------------------------------------------------


def test_confirmed_map_is_ready(tmp_path: Path) -> None:
    assert hr.publication_blockers(SMALL_YAML) == ()
    # An assumption that is not a legal ground (a retention period) does not block.
    assert hr.publication_blockers(variant(tmp_path, ASSUME_RETENTION)) == ()


@pytest.mark.parametrize(
    ("edits", "kinds"),
    [
        ([ASSUME_BASIS], [BlockerKind.LEGAL_BASIS]),
        ([ASSUME_BASIS_AND_ART9], [BlockerKind.LEGAL_BASIS, BlockerKind.ART9_CONDITION]),
        ([ASSUME_TRANSFER], [BlockerKind.TRANSFER_GROUND]),
        ([ASSUME_PARTY_MECHANISM], [BlockerKind.TRANSFER_GROUND]),
        ([NO_ART9], [BlockerKind.MISSING_ITEM]),
    ],
)
def test_each_kind_of_blocker_at_its_line(
    tmp_path: Path, edits: list[tuple[str, str | None]], kinds: list[BlockerKind]
) -> None:
    path = variant(tmp_path, *edits)
    blockers = hr.publication_blockers(path)
    assert [b.kind for b in blockers] == kinds
    for blocker in blockers:
        assert blocker.path == str(path)
        if blocker.kind in (BlockerKind.FINDING, BlockerKind.MISSING_ITEM):
            assert blocker.code == "ROPA102"
            assert blocker.line == line_of(path, "data_categories: [name, email, health]")
        else:
            # The ROPA901 finding on the assumption's note, as `check` reports it.
            assert blocker.code == "ROPA901"
            assert blocker.finding.severity is hr.Severity.WARNING
            field = {
                BlockerKind.LEGAL_BASIS: "legal_basis:",
                BlockerKind.ART9_CONDITION: "art9_condition:",
                BlockerKind.TRANSFER_GROUND: "mechanism:",
            }[blocker.kind]
            assert blocker.line == line_of(path, field, "assumptions")
        # For publication every blocker is an error.
        assert blocker.format().startswith(
            f"{path}:{blocker.line}:{blocker.column}: error {blocker.code} "
        )


def test_blockers_are_checks_errors_and_assumed_legal_grounds(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """On Harmonien: exactly the errors of `check`, its ROPA901 findings on a legal basis,
    Art. 9 condition or Chapter V ground, and the findings of the rules that report an Art. 13
    or 14 item the law layer finds missing for an activity in the notice, each as an error."""
    assert main(["check", "--data", str(HARMONIEN_YAML)]) == 1
    report = capsys.readouterr().out
    gated = re.compile(
        r"\.(legal_basis|art9_condition|mechanism|transfer_mechanism|dpf_certified): "
    )
    datamap = hr.load(HARMONIEN_YAML)
    missing_codes = {
        code
        for activity in notice_activities(datamap)
        for item, _ in missing(datamap, activity)
        if not item.record
        for code in item.rules
    }
    expected = []
    for line in report.splitlines():
        head = re.match(r"^(\S+:\d+:\d+: )(error|warning|info) (ROPA\d+) (.*)$", line)
        if head and (
            head[2] == "error"
            or (head[3] == "ROPA901" and gated.search(head[4]))
            or head[3] in missing_codes
        ):
            expected.append(f"{head[1]}error {head[3]} {head[4]}")
    blockers = hr.publication_blockers(HARMONIEN_YAML)
    assert [b.format().splitlines()[0] for b in blockers] == expected
    found = counts(blockers)
    # Harmonien's map assumes several legal bases, one Art. 9 condition and its transfers.
    assert found[BlockerKind.LEGAL_BASIS] >= 5
    assert found[BlockerKind.ART9_CONDITION] >= 1
    assert found[BlockerKind.TRANSFER_GROUND] >= 4


def test_acknowledged_ignored_or_unselected_grounds_do_not_block(tmp_path: Path) -> None:
    ack = (
        MEMBERSHIP_END,
        "    assumptions:\n      legal_basis: The board has not decided yet.\n"
        "    acknowledge:\n      - code: ROPA901\n        reason: The board accepted it.\n",
    )
    assert hr.publication_blockers(variant(tmp_path, ack)) == ()
    ack_error = (
        MEMBERSHIP_END,
        "    acknowledge:\n      - code: ROPA102\n        reason: Being fixed.\n",
    )
    assert hr.publication_blockers(variant(tmp_path, NO_ART9, ack_error)) == ()
    ignored = "settings:\n  check:\n    ignore: [ROPA901, ROPA102]\n"
    assert hr.publication_blockers(variant(tmp_path, ASSUME_BASIS, NO_ART9, extra=ignored)) == ()
    # fail-on: never leaves the assumed grounds and the missing notice items (the Art. 9
    # condition the notice must state), whatever their severity.
    never = "settings:\n  check:\n    fail_on: never\n"
    blockers = hr.publication_blockers(variant(tmp_path, ASSUME_BASIS, NO_ART9, extra=never))
    assert sorted(b.kind for b in blockers) == sorted(
        [BlockerKind.MISSING_ITEM, BlockerKind.LEGAL_BASIS]
    )


def test_pyproject_settings_apply_as_for_check(tmp_path: Path) -> None:
    path = variant(tmp_path, ASSUME_BASIS, NO_ART9)
    (tmp_path / "pyproject.toml").write_text(
        '[tool.harmonien_ropa]\nignore = ["ROPA102"]\n', encoding="utf-8"
    )
    assert [b.kind for b in hr.publication_blockers(path)] == [BlockerKind.LEGAL_BASIS]
    # A map already loaded is configured by its own settings only; without positions, every
    # blocker is at the start of the file.
    unplaced = hr.publication_blockers(hr.load(path))
    assert [(b.path, b.line, b.column, b.code) for b in unplaced] == [
        ("<map>", 1, 1, "ROPA102"),
        ("<map>", 1, 1, "ROPA901"),
    ]


# -- the banner --------------------------------------------------------------------------


@pytest.mark.parametrize("draft", [False, True])
def test_harmonien_notice_has_the_banner_in_every_file(harmonien: hr.DataMap, draft: bool) -> None:
    files = render_notice(harmonien, draft=draft)
    assert sorted(files) == sorted(NOTICE_FILES)
    for name, text in files.items():
        s = strings("notice", name.split(".")[1])
        if name.endswith(".md"):
            banner = next(line for line in text.splitlines() if s["not_ready_title"] in line)
            assert banner.startswith(f"> **{s['not_ready_title']}** ")
            words = banner.replace("\\", "")  # Markdown escapes
        else:
            assert text.count('id="not-ready"') == 1
            words = Page(text).text("not-ready")
            assert words.startswith(s["not_ready_title"])
            # Before the content, right after the title and version line.
            assert text.index('id="not-ready"') < text.index('id="controller"')
        assert "harmonien-ropa render --final" in words


def test_banner_sentence_counts_in_both_languages(tmp_path: Path) -> None:
    path = variant(
        tmp_path, ASSUME_BASIS_AND_ART9, ASSUME_TRANSFER, ASSUME_PARTY_MECHANISM, NO_ART9
    )
    files = render_notice(hr.load(path))
    assert (
        Page(files["notice.en.html"])
        .text("not-ready")
        .startswith(
            "Not ready for publication. 1 legal basis (Art. 6), 1 condition for special categories "
            "(Art. 9) and 2 transfer grounds (Chapter V) are still assumptions; 1 item that GDPR "
            "Art. 13 or 14 requires in the notice is missing. "
        )
    )
    assert (
        Page(files["notice.nb.html"])
        .text("not-ready")
        .startswith(
            "Ikke klar til publisering. 1 behandlingsgrunnlag (art. 6), 1 vilkår for særlige "
            "kategorier (art. 9) og 2 overføringsgrunnlag (kapittel V) er fortsatt antakelser; "
            "1 opplysning som personvernforordningen art. 13 eller 14 krever i erklæringen, "
            "mangler. "
        )
    )
    one = render_notice(hr.load(variant(tmp_path, ASSUME_BASIS)))
    assert (
        Page(one["notice.en.html"])
        .text("not-ready")
        .startswith(
            "Not ready for publication. 1 legal basis (Art. 6) is still an assumption. Each one"
        )
    )
    errors = render_notice(hr.load(variant(tmp_path, NO_ART9)))
    assert (
        Page(errors["notice.nb.html"])
        .text("not-ready")
        .startswith(
            "Ikke klar til publisering. 1 opplysning som personvernforordningen art. 13 eller 14 "
            "krever i erklæringen, mangler. Hver"
        )
    )


@pytest.mark.parametrize("draft", [False, True])
def test_ready_notice_has_no_banner(small: hr.DataMap, draft: bool) -> None:
    for name, text in render_notice(small, draft=draft).items():
        s = strings("notice", name.split(".")[1])
        assert s["not_ready_title"] not in text
        assert 'id="not-ready"' not in text


def test_blockers_given_by_the_caller_decide_the_banner(harmonien: hr.DataMap) -> None:
    files = render_notice(harmonien, blockers=())
    assert all('id="not-ready"' not in text for text in files.values())
    assert all("Not ready" not in text and "Ikke klar" not in text for text in files.values())


# -- render --final and the banner on the command line -----------------------------------


def test_final_refuses_harmonien_and_writes_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "out"
    code = main(["render", "--final", "--data", str(HARMONIEN_YAML), "--out", str(out)])
    captured = capsys.readouterr()
    assert code == 1
    assert not out.exists()
    assert captured.out == ""
    blockers = hr.publication_blockers(HARMONIEN_YAML)
    lines = captured.err.splitlines()
    assert lines[0] == (
        f"harmonien-ropa: render --final: not ready for publication; {len(blockers)} "
        "blocker(s), nothing written:"
    )
    assert "\n".join(lines[1:]) == "\n".join(b.format() for b in blockers)
    assert len(heads(captured.err)) == len(blockers) > 0
    assert all(" error ROPA" in head for head in heads(captured.err))
    # The assumed basis of the prospects activity is among them, at its line.
    basis = line_of(HARMONIEN_YAML, "legal_basis: >-", "data_subjects: [prospects]")
    assert (
        f"{HARMONIEN_YAML}:{basis}:7: error ROPA901 assumed activity 'prospects'.legal_basis: "
        in captured.err
    )


@pytest.mark.parametrize("only", ["record", "model", "notice,graph"])
def test_final_refuses_whatever_only_asks_for(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], only: str
) -> None:
    out = tmp_path / "out"
    out.mkdir()
    (out / "record.csv").write_text("earlier render\n", encoding="utf-8")
    code = main(
        ["render", "--final", "--only", only, "--data", str(HARMONIEN_YAML), "--out", str(out)]
    )
    assert code == 1
    assert "not ready for publication" in capsys.readouterr().err
    assert sorted(p.name for p in out.iterdir()) == ["record.csv"]
    assert (out / "record.csv").read_text(encoding="utf-8") == "earlier render\n"


def test_final_renders_a_ready_map_without_banner(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "out"
    code = main(
        [
            "render",
            "--final",
            "--only",
            "notice,model",
            "--data",
            str(SMALL_YAML),
            "--out",
            str(out),
        ]
    )
    assert code == 0, capsys.readouterr().err
    assert "not ready" not in capsys.readouterr().err
    names = sorted(p.name for p in out.iterdir() if p.name != MANIFEST)
    assert names == sorted([*NOTICE_FILES, "model.json"])
    for name in NOTICE_FILES:
        text = (out / name).read_text(encoding="utf-8")
        assert "Not ready" not in text
        assert "Ikke klar" not in text


def test_final_passes_once_blockers_are_acknowledged_or_ignored(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = variant(tmp_path, ASSUME_BASIS, NO_ART9)
    out = tmp_path / "out"
    args = ["render", "--final", "--only", "notice", "--data", str(path), "--out", str(out)]
    assert main(args) == 1
    err = capsys.readouterr().err
    assert heads(err) == [
        f"{path}:{line_of(path, 'data_categories: [name, email, health]')}:5: error ROPA102",
        f"{path}:{line_of(path, 'legal_basis:', 'assumptions')}:7: error ROPA901",
    ]
    config = tmp_path / "settings.toml"
    config.write_text(
        '[tool.harmonien_ropa.check]\nignore = ["ROPA102", "ROPA901"]\n', encoding="utf-8"
    )
    assert main([*args, "--config", str(config)]) == 0
    assert "Not ready" not in (out / "notice.en.html").read_text(encoding="utf-8")


def test_plain_render_shows_the_banner_with_checks_configuration(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = variant(tmp_path, NO_ART9)
    out = tmp_path / "out"
    args = ["render", "--only", "notice", "--data", str(path), "--out", str(out)]
    assert main(args) == 0
    assert "notice: not ready for publication (1 blocker(s))" in capsys.readouterr().err
    assert 'id="not-ready"' in (out / "notice.nb.html").read_text(encoding="utf-8")
    (tmp_path / "pyproject.toml").write_text(
        '[tool.harmonien_ropa]\nignore = ["ROPA102"]\n', encoding="utf-8"
    )
    assert main(args) == 0
    assert "not ready" not in capsys.readouterr().err
    assert 'id="not-ready"' not in (out / "notice.nb.html").read_text(encoding="utf-8")


@pytest.mark.parametrize("final", [False, True])
def test_bad_selector_in_the_map_is_reported_at_its_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], final: bool
) -> None:
    path = variant(tmp_path, extra="settings:\n  check:\n    ignore: [ROPA1, NOPE]\n")
    out = tmp_path / "out"
    args = ["render", "--only", "notice", "--data", str(path), "--out", str(out)]
    assert main([*args, "--final"] if final else args) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"{path}:{line_of(path, 'ignore: [ROPA1, NOPE]')}:")
    assert " error ROPA004 " in err
    assert not out.exists()


@pytest.mark.parametrize("order", [["--final", "--draft"], ["--draft", "--final"]])
def test_final_and_draft_together_is_a_usage_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], order: list[str]
) -> None:
    out = tmp_path / "out"
    assert main(["render", *order, "--data", str(SMALL_YAML), "--out", str(out)]) == 2
    assert "not allowed with argument" in capsys.readouterr().err
    assert not out.exists()


@pytest.mark.parametrize(
    ("option", "message"),
    [(["--only", "poster"], "unknown output 'poster'"), (["--lang", "de"], "unknown language")],
)
def test_final_reports_usage_errors_before_the_gate(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], option: list[str], message: str
) -> None:
    out = tmp_path / "out"
    args = ["render", "--final", *option, "--data", str(HARMONIEN_YAML), "--out", str(out)]
    assert main(args) == 2
    err = capsys.readouterr().err
    assert message in err
    assert "not ready" not in err
    assert not out.exists()
