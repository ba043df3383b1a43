//! A form becomes the record's description. On edit, the stored
//! description is the starting point: the properties the form shows are
//! replaced, everything else (other languages, other properties) is kept.

use std::collections::HashSet;

use app::catalog::publish::{FORM_LANGUAGES, RecordForm};
use oxigraph::model::vocab::{rdf, xsd};
use oxigraph::model::{
    BlankNode, Graph, Literal, NamedNode, NamedOrBlankNode, NamedOrBlankNodeRef, Term, TermRef,
    Triple,
};

use crate::catalog::RecordKind;
use crate::catalog::pages::forms::checks::{bbox, is_date, is_url};

const DCAT: &str = "http://www.w3.org/ns/dcat#";
const DCT: &str = "http://purl.org/dc/terms/";
const VCARD: &str = "http://www.w3.org/2006/vcard/ns#";
const R5R: &str = "http://data.europa.eu/r5r/";
const HVD_REGULATION: &str = "http://data.europa.eu/eli/reg_impl/2023/138/oj";

fn dcat(local: &str) -> NamedNode {
    NamedNode::new_unchecked(format!("{DCAT}{local}"))
}
fn dct(local: &str) -> NamedNode {
    NamedNode::new_unchecked(format!("{DCT}{local}"))
}

/// The properties of the record the form controls (replaced on save).
fn controlled() -> Vec<NamedNode> {
    [
        dct("title"),
        dct("description"),
        dcat("keyword"),
        dcat("theme"),
        dct("publisher"),
        dcat("contactPoint"),
        dcat("landingPage"),
        dct("language"),
        dct("accessRights"),
        dct("accrualPeriodicity"),
        dct("spatial"),
        dct("temporal"),
        dct("issued"),
        NamedNode::new_unchecked(format!("{R5R}hvdCategory")),
        NamedNode::new_unchecked(format!("{R5R}applicableLegislation")),
        dcat("endpointURL"),
        dcat("endpointDescription"),
        dcat("servesDataset"),
        dcat("distribution"),
    ]
    .into()
}

/// The IRI of the `n`-th distribution of a record made with the form.
pub fn distribution_iri(record: &NamedNode, n: usize) -> NamedNode {
    NamedNode::new_unchecked(format!("{}/distributions/{}", record.as_str(), n + 1))
}

/// The description of the record `iri` as the form says, on top of
/// `existing` (its stored description) when editing. Returns the graph and
/// the node of each of the form's distributions, in order.
pub fn record_graph(
    form: &RecordForm,
    iri: &NamedNode,
    kind: RecordKind,
    existing: Option<&Graph>,
) -> (Graph, Vec<NamedOrBlankNode>) {
    let subject: NamedOrBlankNode = iri.clone().into();
    let mut graph = Graph::new();
    let controlled = controlled();
    let first_lang = FORM_LANGUAGES[0];
    // Keep what the form does not show.
    if let Some(existing) = existing {
        let mut dropped: HashSet<NamedOrBlankNode> = HashSet::new();
        for triple in existing.iter() {
            if triple.subject == NamedOrBlankNodeRef::from(iri.as_ref())
                && controlled.iter().any(|p| p.as_ref() == triple.predicate)
            {
                let keep = match triple.object {
                    // Texts in languages the form does not show stay.
                    TermRef::Literal(l) => l.language().is_some_and(|tag| {
                        !FORM_LANGUAGES.contains(&tag.to_ascii_lowercase().as_str())
                    }),
                    _ => false,
                };
                if keep {
                    graph.insert(triple);
                } else if let TermRef::BlankNode(b) = triple.object {
                    dropped.insert(b.into_owned().into());
                } else if triple.predicate == dcat("distribution").as_ref()
                    && let TermRef::NamedNode(n) = triple.object
                {
                    dropped.insert(n.into_owned().into());
                }
            }
        }
        let dropped = reachable(existing, dropped);
        for triple in existing.iter() {
            let controlled_here = triple.subject == NamedOrBlankNodeRef::from(iri.as_ref())
                && controlled.iter().any(|p| p.as_ref() == triple.predicate);
            if !controlled_here && !dropped.contains(&triple.subject.into_owned()) {
                graph.insert(triple);
            }
        }
    }
    let mut add = |s: &NamedOrBlankNode, p: NamedNode, o: Term| {
        graph.insert(&Triple::new(s.clone(), p, o));
    };
    add(&subject, rdf::TYPE.into_owned(), kind.class().into());
    for (lang, text) in &form.titles {
        add(
            &subject,
            dct("title"),
            Literal::new_language_tagged_literal_unchecked(text, lang).into(),
        );
    }
    for (lang, text) in &form.descriptions {
        add(
            &subject,
            dct("description"),
            Literal::new_language_tagged_literal_unchecked(text, lang).into(),
        );
    }
    for keyword in form
        .keywords
        .split(',')
        .map(str::trim)
        .filter(|k| !k.is_empty())
    {
        add(
            &subject,
            dcat("keyword"),
            Literal::new_language_tagged_literal_unchecked(keyword, first_lang).into(),
        );
    }
    let iri_of = |value: &str| NamedNode::new(value).ok().filter(|_| !value.is_empty());
    for theme in form.themes.iter().filter_map(|t| iri_of(t)) {
        add(&subject, dcat("theme"), theme.into());
    }
    if let Some(publisher) = iri_of(&form.publisher).filter(|_| is_url(&form.publisher)) {
        add(&subject, dct("publisher"), publisher.into());
    }
    if !form.contact_name.is_empty() || !form.contact_email.is_empty() {
        let contact: NamedOrBlankNode = BlankNode::default().into();
        add(&subject, dcat("contactPoint"), Term::from(contact.clone()));
        add(
            &contact,
            rdf::TYPE.into_owned(),
            NamedNode::new_unchecked(format!("{VCARD}Kind")).into(),
        );
        if !form.contact_name.is_empty() {
            add(
                &contact,
                NamedNode::new_unchecked(format!("{VCARD}fn")),
                Literal::new_simple_literal(&form.contact_name).into(),
            );
        }
        if let Some(mail) = iri_of(&format!("mailto:{}", form.contact_email))
            .filter(|_| !form.contact_email.is_empty())
        {
            add(
                &contact,
                NamedNode::new_unchecked(format!("{VCARD}hasEmail")),
                mail.into(),
            );
        }
    }
    if is_url(&form.landing_page) {
        let page = NamedNode::new_unchecked(&form.landing_page);
        add(&subject, dcat("landingPage"), page.clone().into());
        add(
            &page.into(),
            rdf::TYPE.into_owned(),
            NamedNode::new_unchecked("http://xmlns.com/foaf/0.1/Document").into(),
        );
    }
    for language in form.languages.iter().filter_map(|l| iri_of(l)) {
        add(&subject, dct("language"), language.into());
    }
    if let Some(access) = iri_of(&form.access_rights) {
        add(&subject, dct("accessRights"), access.into());
    }
    if let Some(frequency) = iri_of(&form.frequency) {
        add(&subject, dct("accrualPeriodicity"), frequency.into());
    }
    if is_url(&form.spatial_place) {
        add(
            &subject,
            dct("spatial"),
            NamedNode::new_unchecked(&form.spatial_place).into(),
        );
    }
    if let Some([w, s, e, n]) = bbox(&form.spatial_bbox) {
        let location: NamedOrBlankNode = BlankNode::default().into();
        add(&subject, dct("spatial"), Term::from(location.clone()));
        add(&location, rdf::TYPE.into_owned(), dct("Location").into());
        let wkt = format!("POLYGON(({w} {s}, {e} {s}, {e} {n}, {w} {n}, {w} {s}))");
        add(
            &location,
            dcat("bbox"),
            Literal::new_typed_literal(
                wkt,
                NamedNode::new_unchecked("http://www.opengis.net/ont/geosparql#wktLiteral"),
            )
            .into(),
        );
    }
    if is_date(&form.temporal_start) || is_date(&form.temporal_end) {
        let period: NamedOrBlankNode = BlankNode::default().into();
        add(&subject, dct("temporal"), Term::from(period.clone()));
        add(&period, rdf::TYPE.into_owned(), dct("PeriodOfTime").into());
        if is_date(&form.temporal_start) {
            add(
                &period,
                dcat("startDate"),
                Literal::new_typed_literal(&form.temporal_start, xsd::DATE).into(),
            );
        }
        if is_date(&form.temporal_end) {
            add(
                &period,
                dcat("endDate"),
                Literal::new_typed_literal(&form.temporal_end, xsd::DATE).into(),
            );
        }
    }
    if is_date(&form.issued) {
        add(
            &subject,
            dct("issued"),
            Literal::new_typed_literal(&form.issued, xsd::DATE).into(),
        );
    }
    if let Some(category) = iri_of(&form.hvd_category) {
        add(
            &subject,
            NamedNode::new_unchecked(format!("{R5R}hvdCategory")),
            category.into(),
        );
        add(
            &subject,
            NamedNode::new_unchecked(format!("{R5R}applicableLegislation")),
            NamedNode::new_unchecked(HVD_REGULATION).into(),
        );
    }
    if kind == RecordKind::DataService {
        if is_url(&form.endpoint_url) {
            add(
                &subject,
                dcat("endpointURL"),
                NamedNode::new_unchecked(&form.endpoint_url).into(),
            );
        }
        if is_url(&form.endpoint_description) {
            add(
                &subject,
                dcat("endpointDescription"),
                NamedNode::new_unchecked(&form.endpoint_description).into(),
            );
        }
        for dataset in form
            .serves_datasets
            .split([' ', ',', '\n'])
            .map(str::trim)
            .filter(|d| is_url(d))
        {
            add(
                &subject,
                dcat("servesDataset"),
                NamedNode::new_unchecked(dataset).into(),
            );
        }
    }
    let mut nodes = Vec::new();
    if kind == RecordKind::Dataset {
        for (n, d) in form
            .distributions
            .iter()
            .enumerate()
            .filter(|(_, d)| !d.is_empty())
        {
            let node: NamedOrBlankNode = match iri_of(&d.iri) {
                Some(existing) => existing.into(),
                None => distribution_iri(iri, n).into(),
            };
            add(&subject, dcat("distribution"), Term::from(node.clone()));
            add(&node, rdf::TYPE.into_owned(), dcat("Distribution").into());
            if !d.title.is_empty() {
                add(
                    &node,
                    dct("title"),
                    Literal::new_language_tagged_literal_unchecked(&d.title, first_lang).into(),
                );
            }
            if !d.description.is_empty() {
                add(
                    &node,
                    dct("description"),
                    Literal::new_language_tagged_literal_unchecked(&d.description, first_lang)
                        .into(),
                );
            }
            if is_url(&d.access_url) {
                add(
                    &node,
                    dcat("accessURL"),
                    NamedNode::new_unchecked(&d.access_url).into(),
                );
            }
            if is_url(&d.download_url) {
                add(
                    &node,
                    dcat("downloadURL"),
                    NamedNode::new_unchecked(&d.download_url).into(),
                );
            }
            if let Some(format) = iri_of(&d.format) {
                add(&node, dct("format"), format.into());
            }
            if let Some(media) = iri_of(&d.media_type) {
                add(&node, dcat("mediaType"), media.into());
            }
            if let Some(licence) = iri_of(&d.licence) {
                add(&node, dct("license"), licence.into());
            }
            if let Ok(size) = d.byte_size.parse::<u64>() {
                add(
                    &node,
                    dcat("byteSize"),
                    Literal::new_typed_literal(size.to_string(), xsd::NON_NEGATIVE_INTEGER).into(),
                );
            }
            nodes.push(node);
        }
    }
    (graph, nodes)
}

/// `roots` and every blank node they reach, in `graph`.
fn reachable(graph: &Graph, roots: HashSet<NamedOrBlankNode>) -> HashSet<NamedOrBlankNode> {
    let mut seen = roots.clone();
    let mut todo: Vec<NamedOrBlankNode> = roots.into_iter().collect();
    while let Some(node) = todo.pop() {
        for triple in graph.triples_for_subject(node.as_ref()) {
            if let TermRef::BlankNode(b) = triple.object {
                let next: NamedOrBlankNode = b.into_owned().into();
                if seen.insert(next.clone()) {
                    todo.push(next);
                }
            }
        }
    }
    seen
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rdf::{Strictness, parse_graph};
    use oxigraph::io::RdfFormat;

    #[test]
    fn an_edit_keeps_what_the_form_does_not_show() {
        let existing = parse_graph(
            br#"@prefix dct: <http://purl.org/dc/terms/> . @prefix dcat: <http://www.w3.org/ns/dcat#> .
            <http://x.test/d> a dcat:Dataset ; dct:title "Old"@en, "Alt"@de ; dct:provenance [ a dct:ProvenanceStatement ] ;
              dcat:contactPoint [ <http://www.w3.org/2006/vcard/ns#fn> "Old contact" ] ."#,
            RdfFormat::Turtle,
            "http://x.test/",
            Strictness::Strict,
        )
        .expect("Turtle");
        let form = RecordForm::from_pairs([("kind", "dataset"), ("title_en", "New")]);
        let iri = NamedNode::new_unchecked("http://x.test/d");
        let (graph, _) = record_graph(&form, &iri, RecordKind::Dataset, Some(&existing));
        let text = graph.to_string();
        assert!(text.contains("ProvenanceStatement"), "{text}");
        assert!(text.contains("\"Alt\"@de"), "{text}");
        assert!(
            text.contains("\"New\"@en") && !text.contains("\"Old\"@en"),
            "{text}"
        );
        assert!(
            !text.contains("Old contact"),
            "the form's contact replaces the old one: {text}"
        );
    }
}
