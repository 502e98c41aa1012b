"""The graph renderer with the real Graphviz: SVG, PNG, DOT, JSON, GraphML, no-dot fallback."""

from __future__ import annotations

import io
import json
import shutil
import xml.etree.ElementTree as ET
from pathlib import Path

import networkx as nx
import pytest
from support.cli import render_with_cli
from support.synthetic import synthetic

import harmonien_ropa as hr
from harmonien_ropa.cli import main
from harmonien_ropa.outputs import RenderOptions, RenderResult
from harmonien_ropa.outputs import diagram as rg

needs_dot = pytest.mark.skipif(shutil.which("dot") is None, reason="Graphviz 'dot' not installed")
SVG = "{http://www.w3.org/2000/svg}"


def files(result: RenderResult) -> dict[str, bytes]:
    return {a.path: a.content for a in result.artifacts}


@pytest.fixture(scope="module")
def rendered(harmonien: hr.DataMap) -> dict[str, bytes]:
    return files(rg.render(harmonien, RenderOptions()))


@needs_dot
def test_outputs(rendered: dict[str, bytes], harmonien: hr.DataMap) -> None:
    expected = {
        "dataflow.dot",
        "dataflow.svg",
        "dataflow.png",
        "dataflow.json",
        "dataflow.graphml",
        "dataflow.en.dot",
        "dataflow.en.svg",
        "dataflow.en.png",
    } | {f"dataflow/{a.id}{lang}.svg" for a in harmonien.activities for lang in ("", ".en")}
    assert set(rendered) == expected


@needs_dot
def test_every_language_gets_its_pictures(rendered: dict[str, bytes]) -> None:
    """The pictures' labels are in each language: the English overview PNG and per-activity
    pictures are drawn from the English DOT, not copied from the first language's."""
    assert rendered["dataflow.en.png"] != rendered["dataflow.png"]
    assert rg.png_size(rendered["dataflow.en.png"]) != rg.png_size(rendered["dataflow.png"])
    english = ET.fromstring(rendered["dataflow/accounting.en.svg"])
    bokmal = ET.fromstring(rendered["dataflow/accounting.svg"])
    assert english.get("aria-label", "").startswith("Data flows: ")
    assert bokmal.get("aria-label", "").startswith("Dataflyt: ")
    text = " ".join(t.text or "" for t in english.iter(f"{SVG}text"))
    assert "Legend" in text
    assert "Tegnforklaring" not in text


@needs_dot
@pytest.mark.parametrize("name", ["dataflow.svg", "dataflow.en.svg"])
def test_svg_is_xml_with_readable_titles(
    rendered: dict[str, bytes], harmonien: hr.DataMap, name: str
) -> None:
    root = ET.fromstring(rendered[name])
    assert root.tag == f"{SVG}svg"
    assert root.get("role") == "img"
    titles = [t.text or "" for t in root.iter(f"{SVG}title")]
    for system in harmonien.systems:
        assert any(system.name in t for t in titles), system.name
    for party in harmonien.parties:
        assert any(party.name in t for t in titles), party.name
    assert not [t for t in titles if "__" in t or t.startswith("cluster_")]
    text = " ".join(t.text or "" for t in root.iter(f"{SVG}text"))
    legend = "Tegnforklaring" if name == "dataflow.svg" else "Legend"
    assert legend in text
    assert ("USA" if name == "dataflow.svg" else "United States") in text


@needs_dot
def test_svg_marks_special_categories_and_transfers(rendered: dict[str, bytes]) -> None:
    dot = rendered["dataflow.en.dot"].decode()
    wheelchair = next(
        line
        for line in dot.splitlines()
        if 'data_subject__customers -> "activity__wheelchair-seating"' in line
    )
    assert "#D55E00:#FFFFFF:#D55E00" in wheelchair  # double vermillion line
    transfer = next(line for line in dot.splitlines() if "party__meta -> country__US" in line)
    assert "style=dashed" in transfer
    assert "EU–US Data Privacy<BR/>Framework" in transfer
    assert "peripheries=2" in dot  # special-category activity has a double border
    assert "special categories (Art. 9):<BR/>health-related information" in dot


@needs_dot
@pytest.mark.parametrize("name", ["dataflow.png", "dataflow.en.png"])
def test_png_is_sensible(rendered: dict[str, bytes], name: str) -> None:
    png = rendered[name]
    assert png.startswith(b"\x89PNG\r\n\x1a\n")
    width, height = rg.png_size(png)
    assert 1000 <= width <= 5000
    assert 700 <= height <= 5000
    assert b"tIME" not in png
    assert b"tEXt" not in png


@needs_dot
def test_per_activity_svg_shows_only_that_activity(rendered: dict[str, bytes]) -> None:
    root = ET.fromstring(rendered["dataflow/accounting.svg"])
    titles = " ".join(t.text or "" for t in root.iter(f"{SVG}title"))
    assert "Visma (regnskapssystem)" in titles
    assert "Abacus IT AS" in titles
    assert "SuperOffice" not in titles


@needs_dot
def test_render_is_deterministic(harmonien: hr.DataMap, rendered: dict[str, bytes]) -> None:
    again = files(rg.render(harmonien, RenderOptions()))
    assert again == rendered


@needs_dot
def test_the_command_writes_every_graph_file(tmp_path: Path, rendered: dict[str, bytes]) -> None:
    # Byte-identical across hash seeds and processes: tests/test_determinism.py, for every output.
    written = render_with_cli(tmp_path, "graph")
    assert len(written) == 24
    assert written == rendered


def test_json_and_graphml_are_full_graphs(harmonien: hr.DataMap) -> None:
    out = files(rg.render(harmonien, RenderOptions(languages=("en",))))
    data = json.loads(out["dataflow.json"])
    assert {n["kind"] for n in data["nodes"]} == {
        "data_subject",
        "data_category",
        "activity",
        "system",
        "party",
        "country",
    }
    graph = nx.read_graphml(io.BytesIO(out["dataflow.graphml"]), force_multigraph=True)
    assert graph.number_of_nodes() == len(data["nodes"])
    assert graph.number_of_edges() == len(data["links"])


def test_missing_dot_still_writes_dot_json_graphml(
    harmonien: hr.DataMap, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))  # no 'dot' anywhere
    result = rg.render(harmonien, RenderOptions())
    paths = set(files(result))
    assert paths == {"dataflow.dot", "dataflow.en.dot", "dataflow.json", "dataflow.graphml"}
    assert result.messages == [rg.INSTALL_HINT]
    assert "apt-get install graphviz" in rg.INSTALL_HINT


def test_missing_dot_cli_exits_ok_with_message(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("PATH", str(tmp_path / "empty"))
    out = tmp_path / "out"
    code = main(["render", "--only", "graph", "--out", str(out)])
    assert code == 0
    assert "Graphviz" in capsys.readouterr().err
    assert (out / "dataflow.dot").is_file()
    assert not (out / "dataflow.svg").exists()


@needs_dot
def test_large_maps_are_aggregated(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(rg, "AGGREGATE_ABOVE", 5)
    result = rg.render(synthetic(6), RenderOptions(languages=("en",)))
    assert any("aggregated" in m for m in result.messages)
    out = files(result)
    assert "activity__" not in out["dataflow.dot"].decode()
    assert "Synthetic Org (aggregated by system and recipient)" in out["dataflow.dot"].decode()
    assert len([p for p in out if p.startswith("dataflow/")]) == 6
    ET.fromstring(out["dataflow.svg"])


@pytest.mark.slow
@needs_dot
def test_200_activities_render_aggregated() -> None:
    result = rg.render(synthetic(200), RenderOptions(languages=("nb",)))
    assert any("200 activities" in m for m in result.messages)
    out = files(result)
    assert len([p for p in out if p.startswith("dataflow/")]) == 200
    width, height = rg.png_size(out["dataflow.png"])
    assert width > 0
    assert height > 0


@needs_dot
def test_names_over_graphvizs_16_kib_limit_are_shortened_in_pictures(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A name of 20,000 characters (the most a text may hold) passes check; render shortens it
    in the pictures (Graphviz refuses strings over 16 KiB) and keeps it whole in the data."""
    import re

    from support.paths import SMALL_YAML

    text = SMALL_YAML.read_text(encoding="utf-8")
    name = "    name: {nb: Medlemskap, en: Membership}\n"
    assert name in text
    long_nb, long_en = "Æ]&\\" * 5000, "x" * 20000
    data = tmp_path / "long.yaml"
    data.write_text(
        text.replace(
            name,
            f'    name: {{nb: "{long_nb.replace(chr(92), chr(92) * 2)}", en: "{long_en}"}}\n',
            1,
        ),
        encoding="utf-8",
    )
    assert main(["check", "--data", str(data), "--fail-on", "never"]) == 0
    out = tmp_path / "out"
    assert main(["render", "--data", str(data), "--only", "graph", "--out", str(out)]) == 0
    assert "dot' exited" not in capsys.readouterr().err
    for dot_file in ("dataflow.dot", "dataflow.en.dot"):
        source = (out / dot_file).read_text(encoding="utf-8")
        strings = re.findall(r'"(?:[^"\\]|\\.)*"|<(?:[^<>]|<[^<>]*>)*>', source)
        assert max(len(s.encode("utf-8")) for s in strings) < 16384
        assert "…" in source
    assert (out / "dataflow.svg").stat().st_size > 0
    assert (out / "dataflow" / "membership.svg").stat().st_size > 0
    nodes = json.loads((out / "dataflow.json").read_text(encoding="utf-8"))["nodes"]
    assert {long_nb, long_en} <= {n.get("label_nb") for n in nodes} | {
        n.get("label_en") for n in nodes
    }
