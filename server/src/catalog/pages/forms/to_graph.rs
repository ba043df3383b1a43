//! A form becomes the record's description. On edit, the stored
//! description is the starting point: the properties the form shows are
//! replaced, everything else (other languages, other properties) is kept.
//! What an edit keeps is `keep.rs`'s; the fields that state one property
//! each are written from the table in `mapping.rs`; the rest is written
//! here, each case by its own function.

use app::catalog::publish::{FORM_LANGUAGES, RecordForm};
use oxigraph::model::vocab::{rdf, xsd};
use oxigraph::model::{BlankNode, Graph, Literal, NamedNode, NamedOrBlankNode, Term, Triple};

use crate::catalog::KindInRdf;
use crate::catalog::RecordKind;
use crate::catalog::pages::forms::checks::{bbox, is_date, is_url};
use crate::catalog::pages::forms::keep::kept_from;
use crate::catalog::pages::forms::mapping::{
    APPLICABLE_LEGISLATION, CONTACT_POINT, DISTRIBUTION, DISTRIBUTION_FIELDS, FormField,
    HVD_REGULATION, RECORD_FIELDS, Slot, ValueKind,
};

const VCARD: &str = "http://www.w3.org/2006/vcard/ns#";

fn dcat(local: &str) -> NamedNode {
    NamedNode::new_unchecked(format!("http://www.w3.org/ns/dcat#{local}"))
}
fn dct(local: &str) -> NamedNode {
    NamedNode::new_unchecked(format!("http://purl.org/dc/terms/{local}"))
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
    let mut graph = match existing {
        Some(existing) => kept_from(existing, iri),
        None => Graph::new(),
    };
    graph.insert(&Triple::new(
        subject.clone(),
        rdf::TYPE,
        Term::from(kind.class()),
    ));
    write_fields(RECORD_FIELDS, form, kind, &subject, &mut graph);
    add_contact_point(form, &subject, &mut graph);
    type_landing_page(form, &mut graph);
    add_spatial(form, &subject, &mut graph);
    add_temporal(form, &subject, &mut graph);
    add_hvd_legislation(form, &subject, &mut graph);
    let nodes = if kind == RecordKind::Dataset {
        add_distributions(form, iri, &mut graph)
    } else {
        Vec::new()
    };
    (graph, nodes)
}

/// The distributions filled in, each a `dcat:Distribution` at its own IRI
/// (kept on edit, else made from the record's) with the rows of
/// [`DISTRIBUTION_FIELDS`]; their nodes, in form order.
fn add_distributions(
    form: &RecordForm,
    iri: &NamedNode,
    graph: &mut Graph,
) -> Vec<NamedOrBlankNode> {
    let mut nodes = Vec::new();
    for (n, d) in form
        .distributions
        .iter()
        .enumerate()
        .filter(|(_, d)| !d.is_empty())
    {
        let node: NamedOrBlankNode = match NamedNode::new(d.iri.as_str()) {
            Ok(existing) if !d.iri.is_empty() => existing.into(),
            _ => distribution_iri(iri, n).into(),
        };
        graph.insert(&Triple::new(
            iri.clone(),
            NamedNode::new_unchecked(DISTRIBUTION),
            Term::from(node.clone()),
        ));
        graph.insert(&Triple::new(node.clone(), rdf::TYPE, dcat("Distribution")));
        write_fields(DISTRIBUTION_FIELDS, d, RecordKind::Dataset, &node, graph);
        nodes.push(node);
    }
    nodes
}

/// Writes the rows of `fields` that `kind`'s form has, as `form` holds
/// them, about `subject`.
fn write_fields<F>(
    fields: &[FormField<F>],
    form: &F,
    kind: RecordKind,
    subject: &NamedOrBlankNode,
    graph: &mut Graph,
) {
    let first = FORM_LANGUAGES[0];
    for field in fields.iter().filter(|f| f.kinds.contains(&kind)) {
        let property = NamedNode::new_unchecked(field.property);
        let terms: Vec<Term> = match &field.slot {
            Slot::One(get, _) => Some(get(form))
                .filter(|v| !v.is_empty())
                .and_then(|v| term_of(field.value, v, first))
                .into_iter()
                .collect(),
            Slot::Many(get, _) => get(form)
                .iter()
                .filter_map(|v| term_of(field.value, v, first))
                .collect(),
            Slot::Listed {
                get, separators, ..
            } => get(form)
                .split(*separators)
                .map(str::trim)
                .filter(|v| !v.is_empty())
                .filter_map(|v| term_of(field.value, v, first))
                .collect(),
            Slot::PerLanguage(get, _) => get(form)
                .iter()
                .filter_map(|(lang, text)| term_of(field.value, text, lang))
                .collect(),
        };
        for term in terms {
            graph.insert(&Triple::new(subject.clone(), property.clone(), term));
        }
    }
}

/// `value` as a term of `kind` (a text in `lang`), if it is one.
fn term_of(kind: ValueKind, value: &str, lang: &str) -> Option<Term> {
    match kind {
        ValueKind::Text => Some(Literal::new_language_tagged_literal_unchecked(value, lang).into()),
        ValueKind::Url => is_url(value).then(|| NamedNode::new_unchecked(value).into()),
        ValueKind::Vocabulary => NamedNode::new(value)
            .ok()
            .filter(|_| !value.is_empty())
            .map(Term::from),
        ValueKind::Date => {
            is_date(value).then(|| Literal::new_typed_literal(value, xsd::DATE).into())
        }
        ValueKind::Count => value.parse::<u64>().ok().map(|size| {
            Literal::new_typed_literal(size.to_string(), xsd::NON_NEGATIVE_INTEGER).into()
        }),
    }
}

/// The contact point: a `vcard:Kind` with the name and the e-mail given.
fn add_contact_point(form: &RecordForm, subject: &NamedOrBlankNode, graph: &mut Graph) {
    if form.contact_name.is_empty() && form.contact_email.is_empty() {
        return;
    }
    let contact: NamedOrBlankNode = BlankNode::default().into();
    let vcard = |local: &str| NamedNode::new_unchecked(format!("{VCARD}{local}"));
    graph.insert(&Triple::new(
        subject.clone(),
        NamedNode::new_unchecked(CONTACT_POINT),
        Term::from(contact.clone()),
    ));
    graph.insert(&Triple::new(contact.clone(), rdf::TYPE, vcard("Kind")));
    if !form.contact_name.is_empty() {
        graph.insert(&Triple::new(
            contact.clone(),
            vcard("fn"),
            Literal::new_simple_literal(&form.contact_name),
        ));
    }
    if !form.contact_email.is_empty()
        && let Ok(mail) = NamedNode::new(format!("mailto:{}", form.contact_email))
    {
        graph.insert(&Triple::new(contact, vcard("hasEmail"), mail));
    }
}

/// The landing page is a `foaf:Document`.
fn type_landing_page(form: &RecordForm, graph: &mut Graph) {
    if is_url(&form.landing_page) {
        graph.insert(&Triple::new(
            NamedNode::new_unchecked(&form.landing_page),
            rdf::TYPE,
            NamedNode::new_unchecked("http://xmlns.com/foaf/0.1/Document"),
        ));
    }
}

/// A high-value category (written by its row) comes with its legislation.
fn add_hvd_legislation(form: &RecordForm, subject: &NamedOrBlankNode, graph: &mut Graph) {
    if !form.hvd_category.is_empty() && NamedNode::new(form.hvd_category.as_str()).is_ok() {
        graph.insert(&Triple::new(
            subject.clone(),
            NamedNode::new_unchecked(APPLICABLE_LEGISLATION),
            NamedNode::new_unchecked(HVD_REGULATION),
        ));
    }
}

/// `dct:spatial`: the place, and the bounding box as a `dct:Location`.
fn add_spatial(form: &RecordForm, subject: &NamedOrBlankNode, graph: &mut Graph) {
    if is_url(&form.spatial_place) {
        graph.insert(&Triple::new(
            subject.clone(),
            dct("spatial"),
            NamedNode::new_unchecked(&form.spatial_place),
        ));
    }
    if let Some([w, s, e, n]) = bbox(&form.spatial_bbox) {
        let location: NamedOrBlankNode = BlankNode::default().into();
        graph.insert(&Triple::new(
            subject.clone(),
            dct("spatial"),
            Term::from(location.clone()),
        ));
        graph.insert(&Triple::new(location.clone(), rdf::TYPE, dct("Location")));
        let wkt = format!("POLYGON(({w} {s}, {e} {s}, {e} {n}, {w} {n}, {w} {s}))");
        graph.insert(&Triple::new(
            location,
            dcat("bbox"),
            Literal::new_typed_literal(
                wkt,
                NamedNode::new_unchecked("http://www.opengis.net/ont/geosparql#wktLiteral"),
            ),
        ));
    }
}

/// `dct:temporal`: a `dct:PeriodOfTime` with the dates given.
fn add_temporal(form: &RecordForm, subject: &NamedOrBlankNode, graph: &mut Graph) {
    if !is_date(&form.temporal_start) && !is_date(&form.temporal_end) {
        return;
    }
    let period: NamedOrBlankNode = BlankNode::default().into();
    graph.insert(&Triple::new(
        subject.clone(),
        dct("temporal"),
        Term::from(period.clone()),
    ));
    graph.insert(&Triple::new(period.clone(), rdf::TYPE, dct("PeriodOfTime")));
    for (property, date) in [
        ("startDate", &form.temporal_start),
        ("endDate", &form.temporal_end),
    ] {
        if is_date(date) {
            graph.insert(&Triple::new(
                period.clone(),
                dcat(property),
                Literal::new_typed_literal(date, xsd::DATE),
            ));
        }
    }
}
