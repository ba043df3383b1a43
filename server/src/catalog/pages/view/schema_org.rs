//! schema.org `Dataset` JSON-LD for a dataset page, as search engines read
//! it (Google Dataset Search and others): name, description, keywords,
//! licence, publisher, dates, coverage and downloads.

use oxigraph::model::{Graph, NamedNodeRef, NamedOrBlankNodeRef, TermRef};
use serde_json::{Map, Value, json};

use crate::catalog::pages::view::values::name_of;
use crate::vocab::vocabularies;

const DCAT: &str = "http://www.w3.org/ns/dcat#";
const DCT: &str = "http://purl.org/dc/terms/";

/// The JSON-LD of `resource`, a dataset described in `graph`, whose page is
/// `page`; texts in `lang` where the record has them.
pub fn dataset_json_ld(
    graph: &Graph,
    resource: NamedNodeRef<'_>,
    page: &str,
    lang: &str,
) -> String {
    let node: NamedOrBlankNodeRef<'_> = resource.into();
    let text = |property: &str| -> Option<String> {
        let literals: Vec<oxigraph::model::Literal> = graph
            .objects_for_subject_predicate(node, NamedNodeRef::new_unchecked(property))
            .filter_map(|t| match t {
                TermRef::Literal(l) => Some(l.into_owned()),
                _ => None,
            })
            .collect();
        crate::catalog::pick_literal(&literals, lang).map(|l| l.value().to_owned())
    };
    let iris = |subject: NamedOrBlankNodeRef<'_>, property: &str| -> Vec<String> {
        graph
            .objects_for_subject_predicate(subject, NamedNodeRef::new_unchecked(property))
            .filter_map(|t| match t {
                TermRef::NamedNode(n) => Some(n.as_str().to_owned()),
                _ => None,
            })
            .collect()
    };
    let mut out = Map::new();
    out.insert("@context".into(), json!("https://schema.org/"));
    out.insert("@type".into(), json!("Dataset"));
    out.insert("@id".into(), json!(resource.as_str()));
    out.insert("url".into(), json!(page));
    let name = text(&format!("{DCT}title")).unwrap_or_else(|| resource.as_str().to_owned());
    out.insert("name".into(), json!(name));
    // Google asks for a description of 50 characters or more.
    let description = text(&format!("{DCT}description")).unwrap_or_else(|| name.clone());
    out.insert("description".into(), json!(description));
    if let Some(identifier) = text(&format!("{DCT}identifier")) {
        out.insert("identifier".into(), json!(identifier));
    }
    let keywords: Vec<String> = graph
        .objects_for_subject_predicate(node, NamedNodeRef::new_unchecked(&format!("{DCAT}keyword")))
        .filter_map(|t| match t {
            TermRef::Literal(l)
                if l.language()
                    .is_none_or(|tag| tag.eq_ignore_ascii_case(lang)) =>
            {
                Some(l.value().to_owned())
            }
            _ => None,
        })
        .collect();
    if !keywords.is_empty() {
        out.insert("keywords".into(), json!(keywords));
    }
    let mut licences = iris(node, &format!("{DCT}license"));
    let distributions: Vec<NamedOrBlankNodeRef<'_>> = graph
        .objects_for_subject_predicate(
            node,
            NamedNodeRef::new_unchecked(&format!("{DCAT}distribution")),
        )
        .filter_map(|t| match t {
            TermRef::NamedNode(n) => Some(n.into()),
            TermRef::BlankNode(b) => Some(b.into()),
            _ => None,
        })
        .collect();
    for distribution in &distributions {
        licences.extend(iris(*distribution, &format!("{DCT}license")));
    }
    licences.sort();
    licences.dedup();
    if let Some(licence) = licences.first() {
        out.insert("license".into(), json!(licence));
    }
    if let Some(publisher) = graph.object_for_subject_predicate(
        node,
        NamedNodeRef::new_unchecked(&format!("{DCT}publisher")),
    ) {
        let (id, name) = match publisher {
            TermRef::NamedNode(n) => (Some(n.as_str().to_owned()), name_of(graph, n.into(), lang)),
            TermRef::BlankNode(b) => (None, name_of(graph, b.into(), lang)),
            _ => (None, None),
        };
        let mut organisation = Map::new();
        organisation.insert("@type".into(), json!("Organization"));
        if let Some(id) = id {
            organisation.insert("@id".into(), json!(id));
        }
        if let Some(name) = name {
            organisation.insert("name".into(), json!(name));
        }
        out.insert("publisher".into(), Value::Object(organisation.clone()));
        out.insert("creator".into(), Value::Object(organisation));
    }
    if let Some(issued) = text(&format!("{DCT}issued")) {
        out.insert("datePublished".into(), json!(issued));
    }
    if let Some(modified) = text(&format!("{DCT}modified")) {
        out.insert("dateModified".into(), json!(modified));
    }
    let languages: Vec<String> = iris(node, &format!("{DCT}language"))
        .iter()
        .map(|iri| vocabularies().label(iri, "en"))
        .collect();
    if !languages.is_empty() {
        out.insert("inLanguage".into(), json!(languages));
    }
    if iris(node, &format!("{DCT}accessRights"))
        .iter()
        .any(|a| a.ends_with("/access-right/PUBLIC"))
    {
        out.insert("isAccessibleForFree".into(), json!(true));
    }
    let downloads: Vec<Value> = distributions
        .iter()
        .filter_map(|distribution| {
            let url = iris(*distribution, &format!("{DCAT}downloadURL"))
                .into_iter()
                .chain(iris(*distribution, &format!("{DCAT}accessURL")))
                .next()?;
            let mut download = Map::new();
            download.insert("@type".into(), json!("DataDownload"));
            download.insert("contentUrl".into(), json!(url));
            let media = iris(*distribution, &format!("{DCAT}mediaType"))
                .into_iter()
                .next()
                .and_then(|m| m.split("/media-types/").nth(1).map(str::to_owned))
                .or_else(|| {
                    iris(*distribution, &format!("{DCT}format"))
                        .first()
                        .map(|f| vocabularies().label(f, "en"))
                });
            if let Some(media) = media {
                download.insert("encodingFormat".into(), json!(media));
            }
            Some(Value::Object(download))
        })
        .collect();
    if !downloads.is_empty() {
        out.insert("distribution".into(), json!(downloads));
    }
    // Inside <script>, "</" would end the element: JSON allows "<\/".
    serde_json::to_string(&Value::Object(out))
        .unwrap_or_default()
        .replace("</", "<\\/")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rdf::{Strictness, parse_graph};
    use oxigraph::io::RdfFormat;

    #[test]
    fn a_dataset_becomes_schema_org_json_ld_that_cannot_close_its_script_element() {
        let graph = parse_graph(
            br#"@prefix dcat: <http://www.w3.org/ns/dcat#> . @prefix dct: <http://purl.org/dc/terms/> .
            <http://x.test/d> a dcat:Dataset ; dct:title "Trees</script><script>alert(1)"@en ;
              dct:description "Every street tree of the city, with species and planting year."@en ;
              dct:license <http://publications.europa.eu/resource/authority/licence/CC0> ;
              dcat:distribution [ dcat:downloadURL <http://x.test/t.csv> ;
                dcat:mediaType <http://www.iana.org/assignments/media-types/text/csv> ] ."#,
            RdfFormat::Turtle,
            "http://x.test/",
            Strictness::Strict,
        )
        .expect("Turtle");
        let json = dataset_json_ld(
            &graph,
            NamedNodeRef::new_unchecked("http://x.test/d"),
            "http://x.test/d",
            "en",
        );
        assert!(!json.contains("</script>"));
        let value: Value = serde_json::from_str(&json).expect("valid JSON");
        assert_eq!(value["@type"], "Dataset");
        assert_eq!(value["name"], "Trees</script><script>alert(1)");
        assert_eq!(value["distribution"][0]["encodingFormat"], "text/csv");
        assert_eq!(
            value["license"],
            "http://publications.europa.eu/resource/authority/licence/CC0"
        );
    }
}
