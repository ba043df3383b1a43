//! Every record IRI under the public URL, content-negotiated: HTML for
//! people (the Leptos record page), Turtle, JSON-LD, RDF/XML or N-Triples
//! for machines, by `Accept` or by a `.ttl`, `.jsonld`, `.rdf`, `.nt`
//! suffix; `?version=N` for an earlier version. Plaza's catalog records
//! (`/records/…`) answer with the graph of the record they describe.

use std::collections::HashMap;

use axum::extract::{Request, State};
use axum::http::{HeaderMap, Method, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use oxigraph::io::RdfFormat;
use oxigraph::model::{Graph, NamedNode};

use crate::catalog::{current_graphs, description_of, facts_of, graph_of_nquads, version_nquads};
use crate::http::caching::{Validators, append_vary, build, is_personal, moment};
use crate::http::lang::locale_of;
use crate::rdf::{
    OFFERED, Representation, SUFFIXES, negotiate, rdf_format_for_suffix, serialize_graph,
};
use crate::state::AppState;

/// Paths under which records live.
const RECORD_PREFIXES: &[&str] = &["/datasets/", "/services/", "/series/", "/records/"];

/// Content negotiation on record IRIs, before the router: RDF (by suffix or
/// `Accept`) is answered here, HTML goes on to the Leptos record page, and
/// anything else gets 406.
pub async fn negotiate_record(
    State(state): State<AppState>,
    request: Request,
    next: Next,
) -> Response {
    let path = request.uri().path();
    let is_record = RECORD_PREFIXES.iter().any(|p| path.starts_with(p))
        && matches!(*request.method(), Method::GET | Method::HEAD);
    if !is_record {
        return next.run(request).await;
    }
    let (_, suffix_format) = split_suffix(path.trim_start_matches('/'));
    let representation = match suffix_format {
        Some(format) => Representation::Rdf(format),
        None => {
            let accept = request
                .headers()
                .get(header::ACCEPT)
                .and_then(|v| v.to_str().ok());
            match negotiate(accept, OFFERED) {
                Some(representation) => representation,
                None => return not_acceptable(),
            }
        }
    };
    let mut response = match representation {
        Representation::Html => record_page(&state, request, next).await,
        Representation::Rdf(format) => {
            let query: HashMap<String, String> = request
                .uri()
                .query()
                .map(|q| form_urlencoded::parse(q.as_bytes()).into_owned().collect())
                .unwrap_or_default();
            record_rdf(
                &state,
                request.uri().path(),
                request.headers(),
                &query,
                format,
            )
            .await
        }
    };
    append_vary(response.headers_mut(), header::ACCEPT);
    response
}

/// The Leptos record page, with validators from the record version, the
/// reader's language and this build, for readers who are not signed in
/// (a signed-in reader's page is never stored, so never revalidated).
async fn record_page(state: &AppState, request: Request, next: Next) -> Response {
    let https = state.config.public_url.is_https();
    let validators = match is_personal(request.headers(), https) {
        true => None,
        false => page_validators(state, request.uri().path(), request.headers()).await,
    };
    if let Some(validators) = &validators
        && validators.client_is_current(request.headers())
    {
        return validators.not_modified(&[header::ACCEPT, header::COOKIE, header::ACCEPT_LANGUAGE]);
    }
    let mut response = next.run(request).await;
    if let Some(validators) = validators
        && response.status() == StatusCode::OK
    {
        validators.apply(&mut response);
    }
    response
}

/// `W/"<build>-<version>-html-<language>"`, last modified when the record
/// changed or Plaza was built, whichever is later; `None` when there is no
/// such record (or the store fails: the page itself will say so).
async fn page_validators(
    state: &AppState,
    uri_path: &str,
    headers: &HeaderMap,
) -> Option<Validators> {
    let (resource, _) = resolve(state, uri_path).await.ok()??;
    let iris = state.catalog.importer.iris();
    let graphs = state
        .catalog
        .store
        .record_graphs(vec![resource.clone()])
        .await
        .ok()?;
    let facts = facts_of(iris, &resource, graphs.get(&resource)?)?;
    let (build, built) = build();
    let language = app::locale::code(locale_of(headers));
    let modified = moment(&facts.modified).max(*built);
    Some(Validators::new(
        &format!("{build}-{}-html-{language}", facts.version),
        modified,
    ))
}

/// The record an address under a record prefix is about: `datasets/x` is
/// `<base>datasets/x`; Plaza's catalog record `records/…` is about the
/// record its `foaf:primaryTopic` names. `Ok(None)` when there is none;
/// the IRI asked for comes along for messages.
async fn resolve(
    state: &AppState,
    uri_path: &str,
) -> Result<Option<(NamedNode, NamedNode)>, crate::catalog::CatalogStoreError> {
    let base = state.config.public_url.base_iri();
    let (path, _) = split_suffix(uri_path.trim_start_matches('/'));
    let Ok(requested) = NamedNode::new(format!("{base}{path}")) else {
        return Ok(None);
    };
    if !path.starts_with("records/") {
        return Ok(Some((requested.clone(), requested)));
    }
    let resource = state
        .catalog
        .store
        .record_of_catalog_record(requested.clone())
        .await?;
    Ok(resource.map(|resource| (resource, requested)))
}

/// A record (or Plaza's catalog record about it) as RDF in `format`,
/// or `304` when the client's copy is of the current version.
async fn record_rdf(
    state: &AppState,
    uri_path: &str,
    headers: &HeaderMap,
    query: &HashMap<String, String>,
    format: RdfFormat,
) -> Response {
    let (resource, requested) = match resolve(state, uri_path).await {
        Ok(Some(found)) => found,
        Ok(None) => {
            let (path, _) = split_suffix(uri_path.trim_start_matches('/'));
            return not_found(&format!("{}{path}", state.config.public_url.base_iri()));
        }
        Err(err) => return server_error(err),
    };
    let iris = state.catalog.importer.iris();
    let store = state.catalog.store.as_ref();
    let wanted = vec![resource.clone()];
    let graphs = match current_graphs(store, &state.stores.sql, iris, wanted).await {
        Ok(graphs) => graphs,
        Err(err) => return server_error(err),
    };
    let Some((current, facts)) = graphs
        .get(&resource)
        .and_then(|g| facts_of(iris, &resource, g).map(|f| (g, f)))
    else {
        return not_found(requested.as_str());
    };
    if query.get("version").is_none() && description_of(iris, &resource, current).is_empty() {
        return plain(
            StatusCode::GONE,
            &format!(
                "{} was deleted; its earlier versions stay readable with ?version=N.",
                resource.as_str()
            ),
        );
    }
    let graph = match query.get("version") {
        None => current.clone(),
        Some(raw) => {
            let Some(version) = raw.parse::<i64>().ok().filter(|v| *v >= 1) else {
                return plain(
                    StatusCode::BAD_REQUEST,
                    "The parameter version must be a whole number from 1 up.",
                );
            };
            let found = async {
                let db = &mut *state.stores.sql.conn().await?;
                version_nquads(db, resource.as_str(), version, facts.version).await
            };
            match found.await {
                Ok(Some(nquads)) => graph_of_nquads(&nquads),
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
    let validators = Validators::new(
        &format!("{}-{}", facts.version, suffix_of(format)),
        moment(&facts.modified),
    );
    if validators.client_is_current(headers) {
        return validators.not_modified(&[header::ACCEPT]);
    }
    let mut response = rdf_response(&graph, format);
    validators.apply(&mut response);
    response
}

/// The suffix of `format`'s alternate (`ttl`), or its media type.
fn suffix_of(format: RdfFormat) -> &'static str {
    SUFFIXES
        .iter()
        .find(|(_, media)| *media == format.media_type())
        .map(|(suffix, _)| *suffix)
        .unwrap_or(format.media_type())
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

fn not_found(iri: &str) -> Response {
    plain(
        StatusCode::NOT_FOUND,
        &format!("The catalog has no record at {iri}."),
    )
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
