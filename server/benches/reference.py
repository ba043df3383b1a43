"""The same measurements as benches/rdf_io.rs with rdflib and pySHACL from
PyPI: parse, serialise (Turtle, N-Triples, JSON-LD, RDF/XML) and validate
with the same DCAT-AP shapes, best of three (validation: one run, it is slow).
Usage: reference.py SHAPES FILE..."""

import sys
import time
import warnings

import rdflib
from pyshacl import validate

warnings.filterwarnings("ignore")
shapes = rdflib.Graph().parse(sys.argv[1], format="turtle")


def best_of(runs, work):
    best = float("inf")
    value = None
    for _ in range(runs):
        start = time.perf_counter()
        value = work()
        best = min(best, time.perf_counter() - start)
    return best * 1000, value


for path in sys.argv[2:]:
    fmt = {"ttl": "turtle", "rdf": "xml", "xml": "xml", "jsonld": "json-ld", "nt": "nt"}[path.rsplit(".", 1)[1]]
    parse, graph = best_of(3, lambda: rdflib.Graph().parse(path, format=fmt))
    times = {name: best_of(3, lambda: graph.serialize(format=name))[0] for name in ["turtle", "nt", "json-ld", "xml"]}
    start = time.perf_counter()
    conforms, report, _ = validate(graph, shacl_graph=shapes)
    validation = (time.perf_counter() - start) * 1000
    print(
        f"rdflib file={path} triples={len(graph)} parse_ms={parse:.1f} turtle_ms={times['turtle']:.1f} "
        f"ntriples_ms={times['nt']:.1f} jsonld_ms={times['json-ld']:.1f} rdfxml_ms={times['xml']:.1f} "
        f"validate_ms={validation:.1f} results={len(list(report.subjects(rdflib.RDF.type, rdflib.URIRef('http://www.w3.org/ns/shacl#ValidationResult'))))}",
        flush=True,
    )
