//! Metadata quality of a record, after the data.europa.eu Metadata Quality
//! Assessment (MQA): the same five dimensions, checks and points (405 for a
//! dataset). Two differences, both said on the record page: links are
//! counted when given, not fetched (Plaza never fetches while reading RDF),
//! and "DCAT-AP compliance" is Plaza's own SHACL verdict. Distribution
//! checks give the share of distributions that pass; a data service or a
//! series without distributions is assessed on the other checks only.

use app::catalog::{Quality, QualityCheck, QualityDimension};
use oxigraph::model::{Graph, NamedNodeRef, NamedOrBlankNodeRef, TermRef};

use crate::vocab::vocabularies;

const DCAT: &str = "http://www.w3.org/ns/dcat#";
const DCT: &str = "http://purl.org/dc/terms/";
const FILE_TYPE: &str = "http://publications.europa.eu/resource/authority/file-type/";
const IANA: &str = "http://www.iana.org/assignments/media-types/";
const IANA_TLS: &str = "https://www.iana.org/assignments/media-types/";

/// File types that need no proprietary software (after the MQA's list).
const NON_PROPRIETARY: &[&str] = &[
    "CSV",
    "TSV",
    "JSON",
    "JSON_LD",
    "GEOJSON",
    "XML",
    "HTML",
    "TXT",
    "ODS",
    "ODT",
    "GML",
    "KML",
    "GPKG",
    "NETCDF",
    "PARQUET",
    "RDF_TURTLE",
    "RDF_XML",
    "RDF_N_TRIPLES",
    "PNG",
    "TIFF",
    "GEOTIFF",
    "JPEG",
    "ZIP",
    "WMS_SRVC",
    "WFS_SRVC",
];
/// File types a program can read as data (after the MQA's list).
const MACHINE_READABLE: &[&str] = &[
    "CSV",
    "TSV",
    "JSON",
    "JSON_LD",
    "GEOJSON",
    "XML",
    "XLS",
    "XLSX",
    "ODS",
    "GML",
    "KML",
    "KMZ",
    "GPKG",
    "NETCDF",
    "PARQUET",
    "SHP",
    "RDF_TURTLE",
    "RDF_XML",
    "RDF_N_TRIPLES",
    "WMS_SRVC",
    "WFS_SRVC",
];

/// Assesses the record `subject` described in `graph`, whose SHACL report
/// had `violations` violations.
pub fn assess(graph: &Graph, subject: NamedNodeRef<'_>, violations: usize) -> Quality {
    let record = Description {
        graph,
        node: subject.into(),
    };
    let distributions: Vec<Description<'_>> = graph
        .objects_for_subject_predicate(subject, dcat("distribution").as_ref())
        .filter_map(|term| match term {
            TermRef::NamedNode(n) => Some(n.into()),
            TermRef::BlankNode(b) => Some(b.into()),
            _ => None,
        })
        .map(|node| Description { graph, node })
        .collect();
    let share = |test: &dyn Fn(&Description<'_>) -> bool| -> Option<f64> {
        if distributions.is_empty() {
            None
        } else {
            Some(
                distributions.iter().filter(|d| test(d)).count() as f64
                    / distributions.len() as f64,
            )
        }
    };
    let mut checks = Checks::default();
    checks.whole("findability", "keyword", 30, record.has(dcat("keyword")));
    checks.whole("findability", "theme", 30, record.has(dcat("theme")));
    checks.whole("findability", "spatial", 20, record.has(dct("spatial")));
    checks.whole("findability", "temporal", 20, record.has(dct("temporal")));

    checks.part(
        "accessibility",
        "access_url",
        50,
        share(&|d| d.has(dcat("accessURL"))),
    );
    checks.part(
        "accessibility",
        "download_url",
        50,
        share(&|d| d.has(dcat("downloadURL"))),
    );

    let file_type = |d: &Description<'_>| {
        d.iri(dct("format"))
            .and_then(|f| f.strip_prefix(FILE_TYPE).map(str::to_owned))
    };
    checks.part(
        "interoperability",
        "format",
        20,
        share(&|d| d.has(dct("format"))),
    );
    checks.part(
        "interoperability",
        "media_type",
        10,
        share(&|d| d.has(dcat("mediaType"))),
    );
    checks.part(
        "interoperability",
        "format_vocabulary",
        10,
        share(&|d| {
            file_type(d).is_some()
                || d.iri(dcat("mediaType"))
                    .is_some_and(|m| m.starts_with(IANA) || m.starts_with(IANA_TLS))
        }),
    );
    checks.part(
        "interoperability",
        "non_proprietary",
        20,
        share(&|d| file_type(d).is_some_and(|f| NON_PROPRIETARY.contains(&f.as_str()))),
    );
    checks.part(
        "interoperability",
        "machine_readable",
        20,
        share(&|d| file_type(d).is_some_and(|f| MACHINE_READABLE.contains(&f.as_str()))),
    );
    checks.whole("interoperability", "dcat_ap", 30, violations == 0);

    let in_vocabulary =
        |iri: Option<String>| iri.is_some_and(|i| vocabularies().concept(&i).is_some());
    let licence_given =
        record.has(dct("license")) || share(&|d| d.has(dct("license"))).is_some_and(|s| s > 0.0);
    checks.whole("reusability", "licence", 20, licence_given);
    checks.whole(
        "reusability",
        "licence_vocabulary",
        10,
        in_vocabulary(record.iri(dct("license")))
            || distributions
                .iter()
                .any(|d| in_vocabulary(d.iri(dct("license")))),
    );
    checks.whole(
        "reusability",
        "access_rights",
        10,
        record.has(dct("accessRights")),
    );
    checks.whole(
        "reusability",
        "access_rights_vocabulary",
        5,
        in_vocabulary(record.iri(dct("accessRights"))),
    );
    checks.whole(
        "reusability",
        "contact_point",
        20,
        record.has(dcat("contactPoint")),
    );
    checks.whole("reusability", "publisher", 10, record.has(dct("publisher")));

    checks.part(
        "contextuality",
        "rights",
        5,
        share(&|d| d.has(dct("rights"))),
    );
    checks.part(
        "contextuality",
        "byte_size",
        5,
        share(&|d| d.has(dcat("byteSize"))),
    );
    checks.whole("contextuality", "issued", 5, record.has(dct("issued")));
    checks.whole("contextuality", "modified", 5, record.has(dct("modified")));
    checks.into_quality()
}

#[derive(Default)]
struct Checks {
    dimensions: Vec<QualityDimension>,
}

impl Checks {
    /// A check passed or failed as a whole.
    fn whole(&mut self, dimension: &str, check: &str, max: u32, passed: bool) {
        self.push(dimension, check, max, Some(if passed { max } else { 0 }));
    }

    /// A distribution check: points in proportion to the share that pass,
    /// or no check at all when there is no distribution.
    fn part(&mut self, dimension: &str, check: &str, max: u32, share: Option<f64>) {
        let points = share.map(|s| (f64::from(max) * s).round() as u32);
        self.push(dimension, check, max, points);
    }

    fn push(&mut self, dimension: &str, check: &str, max: u32, points: Option<u32>) {
        let Some(points) = points else { return };
        let position = match self.dimensions.iter().position(|d| d.name == dimension) {
            Some(position) => position,
            None => {
                self.dimensions.push(QualityDimension {
                    name: dimension.to_owned(),
                    checks: Vec::new(),
                });
                self.dimensions.len() - 1
            }
        };
        self.dimensions[position].checks.push(QualityCheck {
            check: check.to_owned(),
            points,
            max,
        });
    }

    fn into_quality(self) -> Quality {
        Quality {
            dimensions: self.dimensions,
        }
    }
}

fn dcat(local: &str) -> oxigraph::model::NamedNode {
    oxigraph::model::NamedNode::new_unchecked(format!("{DCAT}{local}"))
}

fn dct(local: &str) -> oxigraph::model::NamedNode {
    oxigraph::model::NamedNode::new_unchecked(format!("{DCT}{local}"))
}

/// A node and the graph that describes it.
struct Description<'a> {
    graph: &'a Graph,
    node: NamedOrBlankNodeRef<'a>,
}

impl Description<'_> {
    fn has(&self, property: oxigraph::model::NamedNode) -> bool {
        self.graph
            .object_for_subject_predicate(self.node, property.as_ref())
            .is_some()
    }

    fn iri(&self, property: oxigraph::model::NamedNode) -> Option<String> {
        self.graph
            .objects_for_subject_predicate(self.node, property.as_ref())
            .find_map(|term| match term {
                TermRef::NamedNode(n) => Some(n.as_str().to_owned()),
                _ => None,
            })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rdf::{Strictness, parse_graph};
    use oxigraph::io::RdfFormat;

    fn quality(turtle: &str, violations: usize) -> Quality {
        let prefixes = "@prefix dcat: <http://www.w3.org/ns/dcat#> . @prefix dct: <http://purl.org/dc/terms/> .\n\
            @prefix ft: <http://publications.europa.eu/resource/authority/file-type/> .\n\
            @prefix lic: <http://publications.europa.eu/resource/authority/licence/> .\n\
            @prefix ar: <http://publications.europa.eu/resource/authority/access-right/> .\n";
        let graph = parse_graph(
            format!("{prefixes}{turtle}").as_bytes(),
            RdfFormat::Turtle,
            "http://x.test/",
            Strictness::Strict,
        )
        .expect("test Turtle");
        assess(
            &graph,
            NamedNodeRef::new_unchecked("http://x.test/d"),
            violations,
        )
    }

    #[test]
    fn a_complete_dataset_scores_every_point_of_the_405() {
        let q = quality(
            "<http://x.test/d> a dcat:Dataset ; dcat:keyword \"k\" ; dcat:theme <http://publications.europa.eu/resource/authority/data-theme/TRAN> ;
               dct:spatial <http://x.test/city> ; dct:temporal [ a dct:PeriodOfTime ] ; dct:license lic:CC0 ;
               dct:accessRights ar:PUBLIC ; dcat:contactPoint [ a <http://www.w3.org/2006/vcard/ns#Kind> ] ;
               dct:publisher <http://x.test/city-hall> ; dct:issued \"2024-01-01\" ; dct:modified \"2024-02-01\" ;
               dcat:distribution [ dcat:accessURL <http://x.test/a> ; dcat:downloadURL <http://x.test/a.csv> ;
                 dct:format ft:CSV ; dcat:mediaType <http://www.iana.org/assignments/media-types/text/csv> ;
                 dct:license lic:CC0 ; dct:rights [ a dct:RightsStatement ] ; dcat:byteSize 10 ] .",
            0,
        );
        assert_eq!((q.points(), q.max()), (405, 405), "{:?}", q.missing());
        assert_eq!(q.rating(), "excellent");
    }

    #[test]
    fn a_bare_dataset_is_told_what_to_add_most_valuable_first() {
        let q = quality(
            "<http://x.test/d> a dcat:Dataset ; dcat:distribution [ dcat:accessURL <http://x.test/a> ; dct:format ft:XLSX ] , [ dcat:accessURL <http://x.test/b> ] .",
            3,
        );
        assert_eq!(q.max(), 405);
        let missing = q.missing();
        assert_eq!(missing[0], ("download_url", 50));
        assert!(missing.contains(&("dcat_ap", 30)));
        // Half the distributions have a format, XLSX is machine-readable but proprietary.
        assert!(missing.contains(&("format", 10)));
        assert!(missing.contains(&("machine_readable", 10)));
        assert!(missing.contains(&("non_proprietary", 20)));
        assert_eq!(q.rating(), "bad");
    }

    #[test]
    fn a_service_without_distributions_is_assessed_on_the_other_checks() {
        let q = quality(
            "<http://x.test/d> a dcat:DataService ; dcat:keyword \"api\" .",
            0,
        );
        assert_eq!(q.max(), 405 - 50 - 50 - 20 - 10 - 10 - 20 - 20 - 5 - 5);
        assert!(
            q.missing()
                .iter()
                .all(|(check, _)| *check != "download_url")
        );
    }
}
