//! A stored record becomes the form that edits it.

use app::catalog::publish::{DistributionForm, FORM_LANGUAGES, RecordForm};
use oxigraph::model::{Graph, NamedNode, NamedNodeRef, NamedOrBlankNodeRef, TermRef};

const DCAT: &str = "http://www.w3.org/ns/dcat#";
const DCT: &str = "http://purl.org/dc/terms/";
const VCARD: &str = "http://www.w3.org/2006/vcard/ns#";

/// The form for the record `iri` of `kind` described in `graph`.
pub fn form_of(graph: &Graph, iri: &NamedNode, kind: &str) -> RecordForm {
    let node: NamedOrBlankNodeRef<'_> = iri.as_ref().into();
    let objects = |s: NamedOrBlankNodeRef<'_>, p: &str| -> Vec<TermRef<'_>> {
        graph
            .objects_for_subject_predicate(s, NamedNodeRef::new_unchecked(p))
            .collect()
    };
    let iris = |s: NamedOrBlankNodeRef<'_>, p: &str| -> Vec<String> {
        let mut all: Vec<String> = objects(s, p)
            .into_iter()
            .filter_map(|t| match t {
                TermRef::NamedNode(n) => Some(n.as_str().to_owned()),
                _ => None,
            })
            .collect();
        all.sort();
        all
    };
    let first_iri = |s, p: &str| iris(s, p).into_iter().next().unwrap_or_default();
    let text = |s, p: &str| {
        objects(s, p)
            .into_iter()
            .find_map(|t| match t {
                TermRef::Literal(l) => Some(l.value().to_owned()),
                _ => None,
            })
            .unwrap_or_default()
    };
    let texts = |p: &str| -> Vec<(String, String)> {
        let literals: Vec<_> = objects(node, p)
            .into_iter()
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
    };
    let blank = |p: &str| {
        objects(node, p).into_iter().find_map(|t| match t {
            TermRef::BlankNode(b) => Some(NamedOrBlankNodeRef::from(b)),
            _ => None,
        })
    };
    let mut keywords: Vec<String> = objects(node, &format!("{DCAT}keyword"))
        .into_iter()
        .filter_map(|t| match t {
            TermRef::Literal(l)
                if l.language()
                    .is_none_or(|tag| tag.eq_ignore_ascii_case(FORM_LANGUAGES[0])) =>
            {
                Some(l.value().to_owned())
            }
            _ => None,
        })
        .collect();
    keywords.sort();
    let contact = blank(&format!("{DCAT}contactPoint"));
    let period = blank(&format!("{DCT}temporal"));
    let spatial = objects(node, &format!("{DCT}spatial"));
    let bbox = spatial.iter().find_map(|t| match t {
        TermRef::BlankNode(b) => Some(text((*b).into(), &format!("{DCAT}bbox"))),
        _ => None,
    });
    let distributions = objects(node, &format!("{DCAT}distribution"))
        .into_iter()
        .filter_map(|t| match t {
            TermRef::NamedNode(n) => Some((n.as_str().to_owned(), NamedOrBlankNodeRef::from(n))),
            TermRef::BlankNode(b) => Some((String::new(), NamedOrBlankNodeRef::from(b))),
            _ => None,
        })
        .map(|(iri, d)| DistributionForm {
            iri,
            title: text(d, &format!("{DCT}title")),
            description: text(d, &format!("{DCT}description")),
            access_url: first_iri(d, &format!("{DCAT}accessURL")),
            download_url: first_iri(d, &format!("{DCAT}downloadURL")),
            format: first_iri(d, &format!("{DCT}format")),
            media_type: first_iri(d, &format!("{DCAT}mediaType")),
            licence: first_iri(d, &format!("{DCT}license")),
            byte_size: text(d, &format!("{DCAT}byteSize")),
        })
        .collect();
    RecordForm {
        kind: kind.to_owned(),
        iri: iri.as_str().to_owned(),
        slug: String::new(),
        titles: texts(&format!("{DCT}title")),
        descriptions: texts(&format!("{DCT}description")),
        keywords: keywords.join(", "),
        themes: iris(node, &format!("{DCAT}theme")),
        publisher: first_iri(node, &format!("{DCT}publisher")),
        contact_name: contact
            .map(|c| text(c, &format!("{VCARD}fn")))
            .unwrap_or_default(),
        contact_email: contact
            .map(|c| {
                first_iri(c, &format!("{VCARD}hasEmail"))
                    .trim_start_matches("mailto:")
                    .to_owned()
            })
            .unwrap_or_default(),
        landing_page: first_iri(node, &format!("{DCAT}landingPage")),
        languages: iris(node, &format!("{DCT}language")),
        access_rights: first_iri(node, &format!("{DCT}accessRights")),
        frequency: first_iri(node, &format!("{DCT}accrualPeriodicity")),
        spatial_place: spatial
            .iter()
            .find_map(|t| match t {
                TermRef::NamedNode(n) => Some(n.as_str().to_owned()),
                _ => None,
            })
            .unwrap_or_default(),
        spatial_bbox: bbox.map(|wkt| bbox_of_wkt(&wkt)).unwrap_or_default(),
        temporal_start: period
            .map(|p| text(p, &format!("{DCAT}startDate")))
            .unwrap_or_default(),
        temporal_end: period
            .map(|p| text(p, &format!("{DCAT}endDate")))
            .unwrap_or_default(),
        issued: text(node, &format!("{DCT}issued"))
            .chars()
            .take(10)
            .collect(),
        hvd_category: first_iri(node, "http://data.europa.eu/r5r/hvdCategory"),
        endpoint_url: first_iri(node, &format!("{DCAT}endpointURL")),
        endpoint_description: first_iri(node, &format!("{DCAT}endpointDescription")),
        serves_datasets: iris(node, &format!("{DCAT}servesDataset")).join(" "),
        distributions,
    }
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
