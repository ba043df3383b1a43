//! A stored record becomes the form that edits it. The fields that state
//! one property each are read from the table in `mapping.rs`; the contact
//! point, the place and bounding box, the period and the distributions'
//! nodes are read here.

use app::catalog::publish::{DistributionForm, FORM_LANGUAGES, RecordForm};
use oxigraph::model::{Graph, NamedNode, NamedNodeRef, NamedOrBlankNodeRef, TermRef};

use crate::catalog::RecordKind;
use crate::catalog::pages::forms::mapping::{
    CONTACT_POINT, DISTRIBUTION, DISTRIBUTION_FIELDS, FormField, RECORD_FIELDS, SPATIAL, Slot,
    TEMPORAL, ValueKind,
};

const DCAT: &str = "http://www.w3.org/ns/dcat#";
const VCARD: &str = "http://www.w3.org/2006/vcard/ns#";

/// The form for the record `iri` of `kind` described in `graph`.
pub fn form_of(graph: &Graph, iri: &NamedNode, kind: RecordKind) -> RecordForm {
    let node: NamedOrBlankNodeRef<'_> = iri.as_ref().into();
    let mut form = RecordForm {
        kind,
        iri: iri.as_str().to_owned(),
        ..RecordForm::default()
    };
    read_fields(RECORD_FIELDS, graph, node, &mut form);
    if let Some(contact) = blank_object(graph, node, CONTACT_POINT) {
        form.contact_name = first_literal(&objects(graph, contact, &format!("{VCARD}fn")));
        form.contact_email = first_iri(&objects(graph, contact, &format!("{VCARD}hasEmail")))
            .trim_start_matches("mailto:")
            .to_owned();
    }
    let spatial = objects(graph, node, SPATIAL);
    form.spatial_place = spatial
        .iter()
        .find_map(|t| match t {
            TermRef::NamedNode(n) => Some(n.as_str().to_owned()),
            _ => None,
        })
        .unwrap_or_default();
    form.spatial_bbox = spatial
        .iter()
        .find_map(|t| match t {
            TermRef::BlankNode(b) => Some(first_literal(&objects(
                graph,
                (*b).into(),
                &format!("{DCAT}bbox"),
            ))),
            _ => None,
        })
        .map(|wkt| bbox_of_wkt(&wkt))
        .unwrap_or_default();
    if let Some(period) = blank_object(graph, node, TEMPORAL) {
        form.temporal_start = first_literal(&objects(graph, period, &format!("{DCAT}startDate")));
        form.temporal_end = first_literal(&objects(graph, period, &format!("{DCAT}endDate")));
    }
    form.distributions = objects(graph, node, DISTRIBUTION)
        .into_iter()
        .filter_map(|t| match t {
            TermRef::NamedNode(n) => Some((n.as_str().to_owned(), NamedOrBlankNodeRef::from(n))),
            TermRef::BlankNode(b) => Some((String::new(), NamedOrBlankNodeRef::from(b))),
            _ => None,
        })
        .map(|(iri, d)| {
            let mut distribution = DistributionForm {
                iri,
                ..DistributionForm::default()
            };
            read_fields(DISTRIBUTION_FIELDS, graph, d, &mut distribution);
            distribution
        })
        .collect();
    form
}

/// Fills `form`'s members for the rows of `fields` from what `graph` says
/// about `node`.
fn read_fields<F>(
    fields: &[FormField<F>],
    graph: &Graph,
    node: NamedOrBlankNodeRef<'_>,
    form: &mut F,
) {
    for field in fields {
        let objects = objects(graph, node, field.property);
        match &field.slot {
            Slot::One(_, set) => *set(form) = one_value(field.value, &objects),
            Slot::Many(_, set) => *set(form) = values(field.value, &objects),
            Slot::Listed { set, joiner, .. } => {
                *set(form) = values(field.value, &objects).join(joiner);
            }
            Slot::PerLanguage(_, set) => *set(form) = texts_per_language(&objects),
        }
    }
}

fn objects<'a>(
    graph: &'a Graph,
    node: NamedOrBlankNodeRef<'_>,
    property: &str,
) -> Vec<TermRef<'a>> {
    graph
        .objects_for_subject_predicate(node, NamedNodeRef::new_unchecked(property))
        .collect()
}

/// The first blank node `node` has as `property`.
fn blank_object<'a>(
    graph: &'a Graph,
    node: NamedOrBlankNodeRef<'_>,
    property: &str,
) -> Option<NamedOrBlankNodeRef<'a>> {
    objects(graph, node, property)
        .into_iter()
        .find_map(|t| match t {
            TermRef::BlankNode(b) => Some(NamedOrBlankNodeRef::from(b)),
            _ => None,
        })
}

/// A field of one value: the first IRI (in order), or the first literal
/// (a date without its time).
fn one_value(kind: ValueKind, objects: &[TermRef<'_>]) -> String {
    match kind {
        ValueKind::Url | ValueKind::Vocabulary => first_iri(objects),
        ValueKind::Date => first_literal(objects).chars().take(10).collect(),
        ValueKind::Text | ValueKind::Count => first_literal(objects),
    }
}

/// A field of several values, in order: the IRIs, or the literals (texts
/// only in the first form language or in none).
fn values(kind: ValueKind, objects: &[TermRef<'_>]) -> Vec<String> {
    let mut all: Vec<String> = objects
        .iter()
        .filter_map(|t| match (kind, t) {
            (ValueKind::Url | ValueKind::Vocabulary, TermRef::NamedNode(n)) => {
                Some(n.as_str().to_owned())
            }
            (ValueKind::Text, TermRef::Literal(l))
                if l.language()
                    .is_none_or(|tag| tag.eq_ignore_ascii_case(FORM_LANGUAGES[0])) =>
            {
                Some(l.value().to_owned())
            }
            (ValueKind::Date | ValueKind::Count, TermRef::Literal(l)) => Some(l.value().to_owned()),
            _ => None,
        })
        .collect();
    all.sort();
    all
}

/// A text per form language: the literal in that language (for the first
/// form language, else one in no language).
fn texts_per_language(objects: &[TermRef<'_>]) -> Vec<(String, String)> {
    let literals: Vec<_> = objects
        .iter()
        .filter_map(|t| match t {
            TermRef::Literal(l) => Some(l),
            _ => None,
        })
        .collect();
    FORM_LANGUAGES
        .iter()
        .filter_map(|lang| {
            literals
                .iter()
                .find(|l| {
                    l.language()
                        .is_some_and(|tag| tag.eq_ignore_ascii_case(lang))
                })
                .or_else(|| {
                    (*lang == FORM_LANGUAGES[0])
                        .then(|| literals.iter().find(|l| l.language().is_none()))
                        .flatten()
                })
                .map(|l| ((*lang).to_owned(), l.value().to_owned()))
        })
        .collect()
}

fn first_iri(objects: &[TermRef<'_>]) -> String {
    values(ValueKind::Url, objects)
        .into_iter()
        .next()
        .unwrap_or_default()
}

fn first_literal(objects: &[TermRef<'_>]) -> String {
    objects
        .iter()
        .find_map(|t| match t {
            TermRef::Literal(l) => Some(l.value().to_owned()),
            _ => None,
        })
        .unwrap_or_default()
}

/// "POLYGON((w s, e s, e n, w n, w s))" → "w,s,e,n" (else the WKT as is).
fn bbox_of_wkt(wkt: &str) -> String {
    let numbers: Vec<f64> = wkt
        .split(|c: char| !(c.is_ascii_digit() || c == '.' || c == '-'))
        .filter_map(|n| n.parse().ok())
        .collect();
    if numbers.len() < 8 {
        return wkt.to_owned();
    }
    let xs: Vec<f64> = numbers.iter().step_by(2).copied().collect();
    let ys: Vec<f64> = numbers.iter().skip(1).step_by(2).copied().collect();
    let min = |v: &[f64]| v.iter().copied().fold(f64::INFINITY, f64::min);
    let max = |v: &[f64]| v.iter().copied().fold(f64::NEG_INFINITY, f64::max);
    format!("{},{},{},{}", min(&xs), min(&ys), max(&xs), max(&ys))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::RecordKind;
    use crate::catalog::pages::forms::record_graph;

    fn filled(kind: &str, pairs: &[(&str, &str)]) -> RecordForm {
        let common = [
            ("kind", kind),
            ("iri", "http://x.test/d"),
            ("title_en", "Trees"),
            ("title_fr", "Arbres"),
            ("description_en", "All trees"),
            ("keywords", "leaves, roots"),
            ("themes", "http://x.test/theme/ENVI"),
            ("publisher", "https://x.test/org"),
            ("contact_name", "Desk"),
            ("contact_email", "desk@x.test"),
            ("landing_page", "https://x.test/page"),
            ("languages", "http://x.test/language/ENG"),
            ("access_rights", "http://x.test/access/PUBLIC"),
            ("frequency", "http://x.test/frequency/DAILY"),
            ("spatial_place", "https://x.test/place"),
            ("spatial_bbox", "3.6,51,3.8,51.1"),
            ("temporal_start", "2020-01-01"),
            ("temporal_end", "2021-02-03"),
            ("issued", "2022-05-06"),
            ("hvd_category", "http://x.test/hvd/geo"),
        ];
        RecordForm::from_pairs(common.into_iter().chain(pairs.iter().copied()))
    }

    #[test]
    fn a_form_read_back_from_its_graph_is_the_same_form() {
        let iri = NamedNode::new_unchecked("http://x.test/d");
        let dataset = filled(
            "dataset",
            &[
                ("dist0_iri", "http://x.test/d/distributions/1"),
                ("dist0_title", "CSV"),
                ("dist0_description", "The trees as CSV"),
                ("dist0_access_url", "https://x.test/a"),
                ("dist0_download_url", "https://x.test/a.csv"),
                ("dist0_format", "http://x.test/file-type/CSV"),
                ("dist0_media_type", "http://x.test/media-type/text/csv"),
                ("dist0_licence", "http://x.test/licence/CC_BY_4_0"),
                ("dist0_byte_size", "1234"),
            ],
        );
        let service = filled(
            "service",
            &[
                ("endpoint_url", "https://x.test/api"),
                ("endpoint_description", "https://x.test/api/doc"),
                ("serves_datasets", "https://x.test/d1 https://x.test/d2"),
            ],
        );
        for (form, kind) in [
            (dataset, RecordKind::Dataset),
            (service, RecordKind::DataService),
        ] {
            let (graph, _) = record_graph(&form, &iri, kind, None);
            assert_eq!(form_of(&graph, &iri, form.kind), form);
        }
    }
}
