#!/usr/bin/env python3
"""Regenerate the term lists shipped in ``harmonien_ropa/interop/vocabularies/``.

    python scripts/update-vocabularies.py PATH/TO/dpv-2.3            # both lists
    python scripts/update-vocabularies.py PATH/TO/dpv-2.3 --only dpv
    python scripts/update-vocabularies.py --only fideslang

The DPV list is read with rdflib from the published DPV Turtle files (``dpv.ttl``, ``pd.ttl``,
``eu-gdpr.ttl``, ``loc.ttl`` of the w3c/dpv release, in one folder); the fideslang list from the
default taxonomy of the installed ``fideslang`` package. Both are dev dependencies only: the
package reads the lists written here and needs neither at run time.
"""

from __future__ import annotations

import argparse
import hashlib
import sys
import warnings
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "harmonien_ropa" / "interop" / "vocabularies"

#: Prefix → namespace of the DPV vocabularies we check, and the file that defines each.
DPV_NAMESPACES = {
    "dpv": ("https://w3id.org/dpv#", "dpv.ttl"),
    "pd": ("https://w3id.org/dpv/pd#", "pd.ttl"),
    "eu-gdpr": ("https://w3id.org/dpv/legal/eu/gdpr#", "eu-gdpr.ttl"),
    "loc": ("https://w3id.org/dpv/loc#", "loc.ttl"),
}
#: Terms of these prefixes are listed without their broader concepts (5,000 places, whose
#: broader concepts no check uses).
NAMES_ONLY = {"loc"}
FIDESLANG_KINDS = ("data_category", "data_use", "data_subject")


def _curie(iri: str) -> str | None:
    for prefix, (namespace, _) in DPV_NAMESPACES.items():
        if iri.startswith(namespace) and len(iri) > len(namespace):
            return f"{prefix}:{iri[len(namespace) :]}"
    return None


def dpv_lines(folder: Path) -> list[str]:
    """The header and one line per DPV term: ``curie`` then its broader concepts."""
    import rdflib
    from rdflib.namespace import OWL, RDF, RDFS, SKOS

    graph = rdflib.Graph()
    digests = []
    for _, (_, name) in DPV_NAMESPACES.items():
        path = folder / name
        graph.parse(path, format="turtle")
        digests.append(f"# sha256 {name}: {hashlib.sha256(path.read_bytes()).hexdigest()}")
    version = str(
        graph.value(rdflib.URIRef(DPV_NAMESPACES["dpv"][0].rstrip("#")), OWL.versionInfo)
        or graph.value(rdflib.URIRef(DPV_NAMESPACES["dpv"][0]), OWL.versionInfo)
        or ""
    )
    if not version:
        sys.exit(f"update-vocabularies: no owl:versionInfo for dpv in {folder}/dpv.ttl")
    terms: dict[str, set[str]] = {}
    for subject in set(graph.subjects(RDF.type, None)):
        curie = _curie(str(subject)) if isinstance(subject, rdflib.URIRef) else None
        if curie is None:
            continue
        broader = terms.setdefault(curie, set())
        if curie.split(":", 1)[0] in NAMES_ONLY:
            continue
        for predicate in (SKOS.broader, RDFS.subClassOf, RDFS.subPropertyOf):
            for obj in graph.objects(subject, predicate):
                found = _curie(str(obj)) if isinstance(obj, rdflib.URIRef) else None
                if found is not None and found != curie:
                    broader.add(found)
    header = [
        f"# DPV {version}: every term of the W3C Data Privacy Vocabulary's dpv, pd, eu-gdpr and",
        "# loc vocabularies, one per line, followed by its broader concepts in these vocabularies",
        "# (skos:broader, rdfs:subClassOf, rdfs:subPropertyOf; not listed for loc).",
        f"# version: {version}",
        "# source: https://w3id.org/dpv (w3c/dpv "
        f"{version}/dpv/dpv.ttl, pd/pd.ttl, legal/eu/gdpr/eu-gdpr.ttl, loc/loc.ttl)",
        *digests,
        "# regenerate: python scripts/update-vocabularies.py PATH/TO/DPV-FILES --only dpv",
    ]
    body = [" ".join([term, *sorted(terms[term])]) for term in sorted(terms)]
    return [f"dpv-{version}.txt", *header, *body]


def fideslang_lines() -> list[str]:
    """The header and one line per fideslang key: ``kind key`` [``replaced-by NEW``]."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        import fideslang
        from fideslang import DEFAULT_TAXONOMY

    version = str(fideslang.__version__)
    body = []
    for kind in FIDESLANG_KINDS:
        for item in sorted(getattr(DEFAULT_TAXONOMY, kind), key=lambda i: i.fides_key):
            key = item.fides_key
            parent = getattr(item, "parent_key", None)
            if parent is not None and parent != key.rpartition(".")[0]:
                sys.exit(f"update-vocabularies: fideslang {kind} {key}: parent {parent} unexpected")
            line = f"{kind} {key}"
            if item.version_deprecated:
                line += f" deprecated {item.version_deprecated}"
                if item.replaced_by:
                    line += f" replaced-by {item.replaced_by}"
            body.append(line)
    header = [
        f"# fideslang {version}: the keys of fideslang's default taxonomy, one per line: kind",
        "# (data_category, data_use, data_subject) and key; a deprecated key names the version",
        "# and the key that replaced it. A key's parent is the key without its last part.",
        f"# version: {version}",
        "# source: fideslang (PyPI) fideslang.DEFAULT_TAXONOMY",
        "# regenerate: python scripts/update-vocabularies.py --only fideslang",
    ]
    return [f"fideslang-{version}.txt", *header, *body]


def write(lines: list[str], stem: str) -> Path:
    name, *text = lines
    for old in OUT.glob(f"{stem}-*.txt"):
        if old.name != name:
            old.unlink()
    path = OUT / name
    path.write_text("\n".join(text) + "\n", encoding="utf-8")
    return path


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("dpv", nargs="?", type=Path, help="folder with the DPV Turtle files")
    parser.add_argument("--only", choices=("dpv", "fideslang"), help="regenerate one list")
    args = parser.parse_args(argv)
    if args.only != "fideslang":
        if args.dpv is None:
            parser.error("give the folder with dpv.ttl, pd.ttl, eu-gdpr.ttl and loc.ttl")
        print(write(dpv_lines(args.dpv), "dpv"))
    if args.only != "dpv":
        print(write(fideslang_lines(), "fideslang"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
