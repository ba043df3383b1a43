//! Parse, serialise and SHACL-validate the files named in `PLAZA_BENCH_FILES`
//! (space-separated), best of three runs each; `.ci/bench-catalog` compares
//! the figures with rdflib and pySHACL on the same files.

use std::time::{Duration, Instant};

use oxigraph::io::{JsonLdProfileSet, RdfFormat};
use plaza::catalog::boundary_nodes;
use plaza::rdf::{Strictness, parse_graph, rdf_format_for_suffix, serialize_graph};
use plaza::shacl::validate_body;

fn best_of_three<T>(mut work: impl FnMut() -> T) -> (Duration, T) {
    let mut best = Duration::MAX;
    let mut last = None;
    for _ in 0..3 {
        let start = Instant::now();
        let value = work();
        best = best.min(start.elapsed());
        last = Some(value);
    }
    (best, last.expect("three runs"))
}

fn ms(duration: Duration) -> String {
    format!("{:.1}", duration.as_secs_f64() * 1000.0)
}

fn main() {
    let files = std::env::var("PLAZA_BENCH_FILES").unwrap_or_default();
    if files.trim().is_empty() {
        eprintln!("set PLAZA_BENCH_FILES to the files to measure");
        return;
    }
    // Compile the shapes once, outside the measurements.
    let _ = plaza::shacl::dcat_ap();
    for path in files.split_whitespace() {
        let extension = path.rsplit('.').next().unwrap_or_default();
        let format = rdf_format_for_suffix(if extension == "xml" { "rdf" } else { extension })
            .unwrap_or_else(|| panic!("unknown syntax of {path}"));
        let body = std::fs::read(path).unwrap_or_else(|e| panic!("{path}: {e}"));
        let base = "https://plaza.example/";
        let (parse, graph) =
            best_of_three(|| parse_graph(&body, format, base, Strictness::Strict).expect("parses"));
        let serialise = |format| best_of_three(|| serialize_graph(&graph, format).len()).0;
        let turtle = serialise(RdfFormat::Turtle);
        let ntriples = serialise(RdfFormat::NTriples);
        let json_ld = serialise(RdfFormat::JsonLd {
            profile: JsonLdProfileSet::empty(),
        });
        let rdf_xml = serialise(RdfFormat::RdfXml);
        let stop = boundary_nodes(&graph);
        let (validate, report) = best_of_three(|| validate_body(&graph, &stop).expect("validates"));
        println!(
            "plaza file={path} triples={} parse_ms={} turtle_ms={} ntriples_ms={} jsonld_ms={} rdfxml_ms={} validate_ms={} results={}",
            graph.len(),
            ms(parse),
            ms(turtle),
            ms(ntriples),
            ms(json_ld),
            ms(rdf_xml),
            ms(validate),
            report.results.len()
        );
    }
}
