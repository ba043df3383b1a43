//! The harvestable catalog: `/catalog.{ttl,jsonld,rdf,nt}` and `/catalog`
//! by `Accept`, paged with Hydra. Every page carries the catalog's own
//! description and the complete graphs of its records (agents, contact
//! points, distributions), as the data.europa.eu and CKAN harvesters expect.

use std::collections::HashMap;
use std::str::FromStr;

use axum::extract::{Query, Request, State};
use axum::http::{HeaderMap, Method, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use oxigraph::io::{JsonLdProfileSet, RdfFormat};
use oxigraph::model::vocab::{rdf, xsd};
use oxigraph::model::{Graph, Literal, NamedNode, Triple};

use crate::api::ApiError;
use crate::catalog::{CatalogIris, RecordQuery, current_graphs, facts_of};
use crate::http::caching::{Validators, append_vary, moment};
use crate::http::records::{not_acceptable, rdf_response};
use crate::rdf::OFFERED;
use crate::rdf::{Representation, negotiate};
use crate::routes::Routes;
use crate::state::AppState;

/// Records per page when `page_size` is not given.
pub const DEFAULT_PAGE_SIZE: usize = 100;
/// The largest page a client may ask for.
pub const MAX_PAGE_SIZE: usize = 1000;

const HYDRA: &str = "http://www.w3.org/ns/hydra/core#";

/// The feed's parameters, checked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FeedParams {
    page: usize,
    page_size: usize,
    modified_since: Option<String>,
    text: Option<String>,
}

impl FeedParams {
    /// Checks the query string; the error names the parameter.
    pub fn parse(query: &HashMap<String, String>) -> Result<Self, ApiError> {
        let number = |name: &str, default: usize| -> Result<usize, ApiError> {
            match query.get(name) {
                None => Ok(default),
                Some(raw) => raw
                    .trim()
                    .parse::<usize>()
                    .ok()
                    .filter(|n| *n >= 1)
                    .ok_or_else(|| {
                        ApiError::bad_parameter(name, "must be a whole number from 1 up.")
                    }),
            }
        };
        let page = number("page", 1)?;
        let page_size = number("page_size", DEFAULT_PAGE_SIZE)?.min(MAX_PAGE_SIZE);
        let modified_since = match query.get("modified_since").map(|s| s.trim()) {
            None | Some("") => None,
            Some(raw) => Some(normalise_date_time(raw).ok_or_else(|| {
                ApiError::bad_parameter(
                    "modified_since",
                    "must be an ISO 8601 date or date-time, e.g. 2026-01-31 or 2026-01-31T12:00:00Z.",
                )
            })?),
        };
        let text = query
            .get("q")
            .map(|q| q.trim().to_owned())
            .filter(|q| !q.is_empty());
        Ok(FeedParams {
            page,
            page_size,
            modified_since,
            text,
        })
    }
}

/// `2026-01-31` → `2026-01-31T00:00:00Z`; a date-time without a time zone
/// is taken as UTC. `None` when it is not ISO 8601.
fn normalise_date_time(raw: &str) -> Option<String> {
    if oxsdatatypes::Date::from_str(raw).is_ok() && raw.len() == 10 {
        return Some(format!("{raw}T00:00:00Z"));
    }
    let value = oxsdatatypes::DateTime::from_str(raw).ok()?;
    Some(if value.timezone_offset().is_some() {
        raw.to_owned()
    } else {
        format!("{raw}Z")
    })
}

/// The feed's RDF addresses: `/catalog.ttl`, `.jsonld`, `.rdf` and `.nt`
/// (`/catalog` itself is negotiated by [`negotiate_catalog`]).
pub fn routes() -> Routes {
    Routes::new()
        .get("/catalog.ttl", |s, q, h| {
            feed_with_suffix(s, q, h, RdfFormat::Turtle, "ttl")
        })
        .documented(utoipa_axum::routes!(feed_as_json_ld))
        .get("/catalog.rdf", |s, q, h| {
            feed_with_suffix(s, q, h, RdfFormat::RdfXml, "rdf")
        })
        .get("/catalog.nt", |s, q, h| {
            feed_with_suffix(s, q, h, RdfFormat::NTriples, "nt")
        })
}

/// `/catalog.jsonld`, the feed for machines that read JSON.
#[utoipa::path(
    get,
    path = "/catalog.jsonld",
    summary = "The harvestable catalog feed as JSON-LD, paged with Hydra (also .ttl, .rdf, .nt, and /catalog by Accept)",
    params(
        ("page" = Option<u32>, Query, minimum = 1, description = "From 1"),
        ("page_size" = Option<u32>, Query, minimum = 1, maximum = 1000, description = "Records per page (100 unless given)"),
        ("modified_since" = Option<String>, Query, format = DateTime, description = "Only records modified since"),
        ("q" = Option<String>, Query, description = "Words the records must match")
    ),
    responses(
        (status = 200, description = "One page", content_type = "application/ld+json"),
        (status = 400, description = "A parameter is invalid", body = crate::api::ErrorBody),
        (status = 404, description = "The page is past the last one", body = crate::api::ErrorBody)
    )
)]
pub async fn feed_as_json_ld(
    state: State<AppState>,
    query: Query<HashMap<String, String>>,
    headers: HeaderMap,
) -> Response {
    let format = RdfFormat::JsonLd {
        profile: JsonLdProfileSet::empty(),
    };
    feed_with_suffix(state, query, headers, format, "jsonld").await
}

/// `/catalog.ttl` and friends.
pub async fn feed_with_suffix(
    state: State<AppState>,
    query: Query<HashMap<String, String>>,
    headers: HeaderMap,
    format: RdfFormat,
    suffix: &'static str,
) -> Response {
    feed(state, query, &headers, format, Some(suffix)).await
}

/// Sends `/catalog` to the feed when the client prefers RDF to HTML; 406
/// when it accepts neither. Everything else goes on to the pages.
pub async fn negotiate_catalog(
    State(state): State<AppState>,
    request: Request,
    next: Next,
) -> Response {
    let is_catalog = request.uri().path() == "/catalog"
        && matches!(*request.method(), Method::GET | Method::HEAD);
    if !is_catalog {
        return next.run(request).await;
    }
    let accept = request
        .headers()
        .get(header::ACCEPT)
        .and_then(|v| v.to_str().ok())
        .map(str::to_owned);
    match negotiate(accept.as_deref(), OFFERED) {
        Some(Representation::Html) => {
            let mut response = next.run(request).await;
            append_vary(response.headers_mut(), header::ACCEPT);
            response
        }
        Some(Representation::Rdf(format)) => {
            let query: HashMap<String, String> = request
                .uri()
                .query()
                .map(|q| form_urlencoded::parse(q.as_bytes()).into_owned().collect())
                .unwrap_or_default();
            let mut response =
                feed(State(state), Query(query), request.headers(), format, None).await;
            append_vary(response.headers_mut(), header::ACCEPT);
            response
        }
        None => not_acceptable(),
    }
}

async fn feed(
    State(state): State<AppState>,
    Query(query): Query<HashMap<String, String>>,
    headers: &HeaderMap,
    format: RdfFormat,
    suffix: Option<&'static str>,
) -> Response {
    let params = match FeedParams::parse(&query) {
        Ok(params) => params,
        Err(err) => return err.into_response(),
    };
    let iris = state.catalog.importer.iris().clone();
    let slice = match state
        .catalog
        .store
        .list_records(RecordQuery {
            offset: (params.page - 1) * params.page_size,
            limit: params.page_size,
            modified_since: params.modified_since.clone(),
            text: params.text.clone(),
        })
        .await
    {
        Ok(slice) => slice,
        Err(err) => return ApiError::internal(err).into_response(),
    };
    let last = slice.total.div_ceil(params.page_size).max(1);
    if params.page > last {
        return ApiError::new(
            StatusCode::NOT_FOUND,
            "no_such_page",
            format!(
                "There are {last} page(s) of {} record(s); page {} does not exist.",
                slice.total, params.page
            ),
        )
        .into_response();
    }
    let mut wanted = vec![iris.catalog.clone()];
    wanted.extend(slice.records.iter().cloned());
    let store = state.catalog.store.as_ref();
    let graphs = match current_graphs(store, &state.stores.sql, &iris, wanted).await {
        Ok(graphs) => graphs,
        Err(err) => return ApiError::internal(err).into_response(),
    };
    let last_change = match store.last_change().await {
        Ok(last_change) => last_change,
        Err(err) => return ApiError::internal(err).into_response(),
    };
    let validators = Validators::new(
        &page_tag(&params, format, slice.total, &iris, &graphs),
        last_change.as_ref().and_then(moment),
    );
    if validators.client_is_current(headers) {
        return validators.not_modified(&[]);
    }
    let mut graph = Graph::new();
    for named in graphs.values() {
        graph.extend(named.iter());
    }
    let page_url = |page: usize| {
        let mut query = form_urlencoded::Serializer::new(String::new());
        query.append_pair("page", &page.to_string());
        if params.page_size != DEFAULT_PAGE_SIZE {
            query.append_pair("page_size", &params.page_size.to_string());
        }
        if let Some(since) = &params.modified_since {
            query.append_pair("modified_since", since);
        }
        if let Some(text) = &params.text {
            query.append_pair("q", text);
        }
        let path = match suffix {
            Some(suffix) => format!("catalog.{suffix}"),
            None => "catalog".to_owned(),
        };
        NamedNode::new_unchecked(format!("{}{path}?{}", iris.base, query.finish()))
    };
    let hydra = |name: &str| NamedNode::new_unchecked(format!("{HYDRA}{name}"));
    let view = page_url(params.page);
    let total = Literal::new_typed_literal(slice.total.to_string(), xsd::INTEGER);
    graph.insert(&Triple::new(
        iris.catalog.clone(),
        rdf::TYPE,
        hydra("Collection"),
    ));
    graph.insert(&Triple::new(
        iris.catalog.clone(),
        hydra("totalItems"),
        total.clone(),
    ));
    graph.insert(&Triple::new(
        iris.catalog.clone(),
        hydra("view"),
        view.clone(),
    ));
    graph.insert(&Triple::new(
        view.clone(),
        rdf::TYPE,
        hydra("PartialCollectionView"),
    ));
    graph.insert(&Triple::new(view.clone(), hydra("totalItems"), total));
    graph.insert(&Triple::new(
        view.clone(),
        hydra("itemsPerPage"),
        Literal::new_typed_literal(params.page_size.to_string(), xsd::INTEGER),
    ));
    graph.insert(&Triple::new(view.clone(), hydra("first"), page_url(1)));
    graph.insert(&Triple::new(view.clone(), hydra("last"), page_url(last)));
    if params.page > 1 {
        graph.insert(&Triple::new(
            view.clone(),
            hydra("previous"),
            page_url(params.page - 1),
        ));
    }
    if params.page < last {
        graph.insert(&Triple::new(
            view.clone(),
            hydra("next"),
            page_url(params.page + 1),
        ));
    }
    let mut response = rdf_response(&graph, format);
    validators.apply(&mut response);
    response
}

/// A feed page's entity tag: a digest of what the page is made of (its
/// parameters and syntax, the number of records, each record listed with
/// its version, and the catalog's own description), so it changes with
/// any record version on the page and with the page's place in the list.
fn page_tag(
    params: &FeedParams,
    format: RdfFormat,
    total: usize,
    iris: &CatalogIris,
    graphs: &HashMap<NamedNode, Graph>,
) -> String {
    use sha2::Digest;
    let mut parts: Vec<String> = graphs
        .iter()
        .map(|(iri, graph)| match facts_of(iris, iri, graph) {
            Some(facts) => format!("{iri} {}", facts.version),
            None => {
                let mut triples: Vec<String> = graph.iter().map(|t| t.to_string()).collect();
                triples.sort();
                format!("{iri} {}", triples.join("\n"))
            }
        })
        .collect();
    parts.sort();
    let mut digest = sha2::Sha256::new();
    digest.update(format!("{params:?} {} {total}\n", format.media_type()));
    digest.update(parts.join("\n"));
    format!("feed-{}", hex::encode(&digest.finalize()[..12]))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn params(pairs: &[(&str, &str)]) -> Result<FeedParams, ApiError> {
        FeedParams::parse(
            &pairs
                .iter()
                .map(|(k, v)| (k.to_string(), v.to_string()))
                .collect(),
        )
    }

    #[test]
    fn dates_and_date_times_are_accepted_and_normalised_to_utc() {
        assert_eq!(
            params(&[("modified_since", "2026-01-31")])
                .unwrap()
                .modified_since
                .as_deref(),
            Some("2026-01-31T00:00:00Z")
        );
        assert_eq!(
            params(&[("modified_since", "2026-01-31T12:00:00")])
                .unwrap()
                .modified_since
                .as_deref(),
            Some("2026-01-31T12:00:00Z")
        );
        assert_eq!(
            params(&[("modified_since", "2026-01-31T12:00:00+02:00")])
                .unwrap()
                .modified_since
                .as_deref(),
            Some("2026-01-31T12:00:00+02:00")
        );
        assert!(params(&[("modified_since", "yesterday")]).is_err());
    }

    #[test]
    fn page_size_is_capped_and_page_must_be_positive() {
        assert_eq!(
            params(&[("page_size", "50000")]).unwrap().page_size,
            MAX_PAGE_SIZE
        );
        assert!(params(&[("page", "0")]).is_err());
        assert!(params(&[("page", "two")]).is_err());
    }
}
