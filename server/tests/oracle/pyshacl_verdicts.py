"""The reference verdicts for Plaza's SHACL tests: pySHACL (from PyPI) on the
same shapes and data. Reads lines "PATH<TAB>FORMAT<TAB>SHAPES[,SHAPES...]" on
stdin and prints one JSON object per line: {"path", "conforms"} or
{"path", "error"} when pySHACL cannot judge the file.

As in Plaza, the bundled EU vocabulary terms the data refers to are added
to it as background knowledge. The HVD shapes apply, as in Plaza, to the descriptions of the resources that
declare dcatap:hvdCategory (their own triples and those of the nodes they
reach, stopping at other datasets, services, series and catalogs)."""

import json
import os
import sys
import warnings

import rdflib
from pyshacl import validate

warnings.filterwarnings("ignore")

DCAT = rdflib.Namespace("http://www.w3.org/ns/dcat#")
HVD_CATEGORY = rdflib.URIRef("http://data.europa.eu/r5r/hvdCategory")
RECORD_TYPES = [DCAT.Dataset, DCAT.DataService, DCAT.DatasetSeries, DCAT.Catalog]

# The same local contexts Plaza uses (server/src/rdf/contexts), so that
# rdflib never goes to the network either.
CONTEXT_DIR = os.path.join(os.path.dirname(__file__), "..", "..", "src", "rdf", "contexts")
CONTEXTS = {
    "https://semiceu.github.io/DCAT-AP/releases/3.0.1/context/dcat-ap.jsonld": "dcat-ap-3.0.1.jsonld",
    "https://semiceu.github.io/uri.semic.eu-generated/DCAT-AP/releases/3.0.0/html/examples/context.jsonld": "dcat-ap-3.0.x-examples-context.jsonld",
    "https://semiceu.github.io/DCAT-AP/releases/3.0.0-hvd/context/hvd.jsonld": "dcat-ap-hvd-3.0.0.jsonld",
    "https://semiceu.github.io/MLDCAT-AP/releases/3.1.0/context/mldcat-ap.jsonld": "mldcat-ap-3.1.0.jsonld",
    "https://w3id.org/dspace/2025/1/context.jsonld": "dspace-2025-1.jsonld",
    "https://w3id.org/dspace/2024/1/context.json": "dspace-2024-1.json",
}


def inline_contexts(node):
    """Replaces known context URLs by the contexts themselves."""
    if isinstance(node, dict):
        return {
            key: (inline_context_value(value) if key == "@context" else inline_contexts(value))
            for key, value in node.items()
        }
    if isinstance(node, list):
        return [inline_contexts(item) for item in node]
    return node


def inline_context_value(value):
    if isinstance(value, str) and value in CONTEXTS:
        with open(os.path.join(CONTEXT_DIR, CONTEXTS[value]), encoding="utf-8") as f:
            return json.load(f)["@context"]
    if isinstance(value, list):
        return [inline_context_value(item) for item in value]
    return value


def load(path, fmt):
    """Reads every graph of the file and merges them into one, as Plaza does."""
    dataset = rdflib.Dataset()
    if fmt == "json-ld":
        with open(path, encoding="utf-8") as f:
            document = inline_contexts(json.load(f))
        dataset.parse(data=json.dumps(document), format="json-ld")
    else:
        dataset.parse(path, format=fmt)
    data = rdflib.Graph()
    for s, p, o, _ in dataset.quads((None, None, None, None)):
        data.add((s, p, o))
    return data


def describe(graph, root, stop):
    out = rdflib.Graph()
    seen = {root}
    todo = [root]
    while todo:
        node = todo.pop()
        for s, p, o in graph.triples((node, None, None)):
            out.add((s, p, o))
            if isinstance(o, (rdflib.URIRef, rdflib.BNode)) and o not in stop and o not in seen:
                seen.add(o)
                todo.append(o)
    return out


# The EU vocabulary terms Plaza reads as background knowledge
# (server/src/vocab): for every term the data refers to, its triples.
VOCABULARIES = rdflib.Graph().parse(
    os.path.join(os.path.dirname(__file__), "..", "..", "src", "vocab", "eu-vocabularies.ttl"),
    format="turtle",
)


def with_background(data):
    terms = {o for o in data.objects() if isinstance(o, rdflib.URIRef)}
    for term in terms:
        for triple in VOCABULARIES.triples((term, None, None)):
            data.add(triple)
    return data


def verdict(path, fmt, shapes_files):
    data = with_background(load(path, fmt))
    dcat_ap = rdflib.Graph().parse(shapes_files[0], format="turtle")
    conforms, _, _ = validate(data, shacl_graph=dcat_ap)
    hvd_roots = set(data.subjects(HVD_CATEGORY, None))
    if hvd_roots and len(shapes_files) > 1:
        stop = {s for t in RECORD_TYPES for s in data.subjects(rdflib.RDF.type, t)}
        hvd_data = rdflib.Graph()
        for root in hvd_roots:
            hvd_data += describe(data, root, stop - {root})
        hvd = rdflib.Graph().parse(shapes_files[1], format="turtle")
        hvd_conforms, _, _ = validate(hvd_data, shacl_graph=hvd)
        conforms = conforms and hvd_conforms
    return conforms


for line in sys.stdin:
    path, fmt, shapes = line.rstrip("\n").split("\t")
    try:
        print(json.dumps({"path": path, "conforms": verdict(path, fmt, shapes.split(","))}), flush=True)
    except Exception as err:  # pySHACL or rdflib cannot judge this file
        print(json.dumps({"path": path, "error": f"{type(err).__name__}: {err}"[:300]}), flush=True)
