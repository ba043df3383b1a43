//! Every record IRI under the public URL, content-negotiated: HTML for
//! people, Turtle, JSON-LD, RDF/XML or N-Triples for machines, by `Accept`
//! or by a `.ttl`, `.jsonld`, `.rdf`, `.nt` suffix; `?version=N` for an
//! earlier version. Plaza's catalog records (`/records/…`) answer with the
//! graph of the record they describe.

use std::collections::HashMap;

use axum::extract::{OriginalUri, Query, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{Html, IntoResponse, Response};
use oxigraph::io::RdfFormat;
use oxigraph::model::{Graph, NamedNode, NamedNodeRef, NamedOrBlankNodeRef, Term, TermRef, Triple};

use crate::catalog::{
    exact_graphs, facts_of, graph_of_nquads, list_versions, pick_literal, version_nquads,
    version_results,
};
use crate::http::AppState;
use crate::http::html::{escape, page};
use crate::rdf::{Representation, negotiate, rdf_format_for_suffix, serialize_graph};
use crate::shacl::{ValidationResult, compact};

/// What a resource can be served as, HTML first (the default).
pub const OFFERED: &[Representation] = &[
    Representation::Html,
    Representation::Rdf(RdfFormat::Turtle),
    Representation::Rdf(RdfFormat::JsonLd {
        profile: oxigraph::io::JsonLdProfileSet::empty(),
    }),
    Representation::Rdf(RdfFormat::RdfXml),
    Representation::Rdf(RdfFormat::NTriples),
];

/// The suffixes of the RDF alternates, in the order of `OFFERED`.
pub const SUFFIXES: &[(&str, &str)] = &[
    ("ttl", "text/turtle"),
    ("jsonld", "application/ld+json"),
    ("rdf", "application/rdf+xml"),
    ("nt", "application/n-triples"),
];

/// GET on a record IRI (or on Plaza's catalog record about it).
pub async fn record(
    State(state): State<AppState>,
    OriginalUri(uri): OriginalUri,
    Query(query): Query<HashMap<String, String>>,
    headers: HeaderMap,
) -> Response {
    let base = state.config.public_url.base_iri();
    let path = uri.path().trim_start_matches('/');
    let (path, suffix_format) = split_suffix(path);
    let requested = NamedNode::new_unchecked(format!("{base}{path}"));
    let representation = match suffix_format {
        Some(format) => Representation::Rdf(format),
        None => {
            let accept = headers.get(header::ACCEPT).and_then(|v| v.to_str().ok());
            match negotiate(accept, OFFERED) {
                Some(representation) => representation,
                None => return not_acceptable(),
            }
        }
    };
    let resource = if path.starts_with("records/") {
        match state
            .catalog
            .store
            .record_of_catalog_record(requested.clone())
            .await
        {
            Ok(Some(resource)) => resource,
            Ok(None) => return not_found(representation, requested.as_str()),
            Err(err) => return server_error(err),
        }
    } else {
        requested.clone()
    };
    let graphs = match state
        .catalog
        .store
        .record_graphs(vec![resource.clone()])
        .await
    {
        Ok(graphs) => graphs,
        Err(err) => return server_error(err),
    };
    let iris = state.catalog.importer.iris();
    let graphs = match exact_graphs(&state.stores.sql, iris, graphs).await {
        Ok(graphs) => graphs,
        Err(err) => return server_error(err),
    };
    let Some((current, facts)) = graphs
        .get(&resource)
        .and_then(|g| facts_of(iris, &resource, g).map(|f| (g, f)))
    else {
        return not_found(representation, requested.as_str());
    };
    let (graph, version) = match query.get("version") {
        None => (current.clone(), facts.version),
        Some(raw) => {
            let Some(version) = raw.parse::<i64>().ok().filter(|v| *v >= 1) else {
                return plain(
                    StatusCode::BAD_REQUEST,
                    "The parameter version must be a whole number from 1 up.",
                );
            };
            match version_nquads(&state.stores.sql, resource.as_str(), version, facts.version).await
            {
                Ok(Some(nquads)) => (graph_of_nquads(&nquads), version),
                Ok(None) => {
                    return plain(
                        StatusCode::NOT_FOUND,
                        &format!(
                            "{} has no version {version}; the current version is {}.",
                            resource.as_str(),
                            facts.version
                        ),
                    );
                }
                Err(err) => return server_error(err),
            }
        }
    };
    match representation {
        Representation::Rdf(format) => rdf_response(&graph, format),
        Representation::Html => {
            let versions = list_versions(&state.stores.sql, resource.as_str(), facts.version)
                .await
                .unwrap_or_default();
            let results: Vec<ValidationResult> =
                version_results(&state.stores.sql, resource.as_str(), version)
                    .await
                    .ok()
                    .flatten()
                    .and_then(|json| serde_json::from_str::<Vec<serde_json::Value>>(&json).ok())
                    .map(|values| values.into_iter().filter_map(result_from_json).collect())
                    .unwrap_or_default();
            let page_path = format!("/{path}");
            let mut response = Html(record_page(
                &resource,
                &graph,
                &page_path,
                version,
                facts.version,
                &versions,
                &results,
            ))
            .into_response();
            response
                .headers_mut()
                .insert(header::VARY, header::HeaderValue::from_static("Accept"));
            response
        }
    }
}

/// `datasets/x.ttl` → (`datasets/x`, Turtle).
pub fn split_suffix(path: &str) -> (&str, Option<RdfFormat>) {
    if let Some((stem, suffix)) = path.rsplit_once('.')
        && !suffix.contains('/')
        && let Some(format) = SUFFIXES
            .iter()
            .find(|(s, _)| *s == suffix)
            .and_then(|(s, _)| rdf_format_for_suffix(s))
    {
        return (stem, Some(format));
    }
    (path, None)
}

/// An RDF response with `Vary: Accept`.
pub fn rdf_response(graph: &Graph, format: RdfFormat) -> Response {
    let content_type = format!("{}; charset=utf-8", format.media_type());
    (
        [
            (header::CONTENT_TYPE, content_type),
            (header::VARY, "Accept".to_owned()),
        ],
        serialize_graph(graph, format),
    )
        .into_response()
}

/// 406 listing what is available.
pub fn not_acceptable() -> Response {
    let types: Vec<&str> = OFFERED.iter().map(|r| r.media_type()).collect();
    plain(
        StatusCode::NOT_ACCEPTABLE,
        &format!(
            "This resource is available as {}. Ask for one of them in the Accept header, or add .ttl, .jsonld, .rdf or .nt to the address.",
            types.join(", ")
        ),
    )
}

fn not_found(representation: Representation, iri: &str) -> Response {
    let message = format!("The catalog has no record at {iri}.");
    match representation {
        Representation::Html => (
            StatusCode::NOT_FOUND,
            Html(page(
                "Record not found",
                &format!(
                    "<h1>Record not found</h1>\n<p>{}</p>\n<p><a href=\"/catalog\">Browse the catalog</a></p>",
                    escape(&message)
                ),
                &[],
            )),
        )
            .into_response(),
        Representation::Rdf(_) => plain(StatusCode::NOT_FOUND, &message),
    }
}

fn plain(status: StatusCode, message: &str) -> Response {
    (
        status,
        [(header::CONTENT_TYPE, "text/plain; charset=utf-8")],
        format!("{message}\n"),
    )
        .into_response()
}

fn server_error(err: impl std::fmt::Display) -> Response {
    tracing::error!(error = %err, "record request failed");
    plain(
        StatusCode::INTERNAL_SERVER_ERROR,
        "Plaza could not read the record; the error is in the server log.",
    )
}

fn result_from_json(value: serde_json::Value) -> Option<ValidationResult> {
    // Only the fields the page shows are needed.
    Some(ValidationResult::for_display(
        value.get("focus_node")?.as_str()?,
        value.get("path").and_then(|p| p.as_str()),
        value.get("message")?.as_str()?,
    ))
}

fn record_page(
    resource: &NamedNode,
    graph: &Graph,
    path: &str,
    version: i64,
    current: i64,
    versions: &[crate::catalog::VersionInfo],
    results: &[ValidationResult],
) -> String {
    let subject = NamedOrBlankNodeRef::from(resource.as_ref());
    let literals = |predicate: &str| -> Vec<oxigraph::model::Literal> {
        graph
            .objects_for_subject_predicate(subject, NamedNodeRef::new_unchecked(predicate))
            .filter_map(|o| match o {
                TermRef::Literal(l) => Some(l.into_owned()),
                _ => None,
            })
            .collect()
    };
    let title = pick_literal(&literals("http://purl.org/dc/terms/title"), "en")
        .map(|l| l.value().to_owned())
        .unwrap_or_else(|| resource.as_str().to_owned());
    let description = pick_literal(&literals("http://purl.org/dc/terms/description"), "en")
        .map(|l| format!("<p>{}</p>", escape(l.value())))
        .unwrap_or_default();
    let mut properties = String::new();
    let mut triples: Vec<Triple> = graph
        .triples_for_subject(subject)
        .map(|t| t.into_owned())
        .collect();
    triples.sort_by(|a, b| a.predicate.cmp(&b.predicate));
    for triple in &triples {
        properties.push_str(&format!(
            "<dt>{}</dt><dd>{}</dd>\n",
            escape(&compact(triple.predicate.as_str())),
            term_html(&triple.object)
        ));
    }
    let version_note = if version == current {
        format!("<p>Version {version} (current).</p>")
    } else {
        format!(
            "<p role=\"status\">You are viewing version {version}; the current version is {current}. <a href=\"{}\">See the current version</a>.</p>",
            escape(path)
        )
    };
    let history: String = versions
        .iter()
        .rev()
        .map(|v| {
            format!(
                "<li><a href=\"{}?version={}\">Version {}</a>, {} {}</li>",
                escape(path),
                v.version,
                v.version,
                escape(&v.change),
                escape(&v.created_at)
            )
        })
        .collect();
    let problems = if results.is_empty() {
        "<p>No SHACL problems were found when this version was stored.</p>".to_owned()
    } else {
        let items: String = results
            .iter()
            .map(|r| format!("<li>{}</li>", escape(&r.message)))
            .collect();
        format!(
            "<p>{} problem(s) against the DCAT-AP shapes:</p><ul>{items}</ul>",
            results.len()
        )
    };
    let downloads: String = SUFFIXES
        .iter()
        .map(|(suffix, media)| {
            format!(
                "<li><a href=\"{}.{suffix}\" type=\"{media}\">{}</a></li>",
                escape(path),
                escape(media)
            )
        })
        .collect();
    let alternates: Vec<(String, &str)> = SUFFIXES
        .iter()
        .map(|(suffix, media)| (format!("{path}.{suffix}"), *media))
        .collect();
    page(
        &title,
        &format!(
            "<h1>{}</h1>\n<p><code>{}</code></p>\n{description}\n{version_note}\n\
             <h2>Properties</h2>\n<dl>\n{properties}</dl>\n\
             <h2>Quality</h2>\n{problems}\n\
             <h2>History</h2>\n<ol reversed>{history}</ol>\n\
             <h2>As data</h2>\n<ul>{downloads}</ul>",
            escape(&title),
            escape(resource.as_str()),
        ),
        &alternates,
    )
}

fn term_html(term: &Term) -> String {
    match term {
        Term::NamedNode(n) => format!(
            "<a href=\"{0}\">{1}</a>",
            escape(n.as_str()),
            escape(&compact(n.as_str()))
        ),
        Term::Literal(l) => match l.language() {
            Some(lang) => format!(
                "<span lang=\"{}\">{}</span>",
                escape(lang),
                escape(l.value())
            ),
            None => escape(l.value()),
        },
        other => escape(&other.to_string()),
    }
}
