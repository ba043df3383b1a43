//! `GET /api/openapi.json`: an OpenAPI 3.1 description of every route that
//! answers JSON. Written by hand, and checked by a test against the routes
//! the server registers.

use axum::extract::State;
use serde_json::{Value, json};

use crate::state::AppState;

/// (method, path) of every route that answers JSON; a test keeps it true.
pub const JSON_ROUTES: &[(&str, &str)] = &[
    ("post", "/api/validate"),
    ("post", "/api/import"),
    ("get", "/api/records/history"),
    ("get", "/api/openapi.json"),
    ("post", "/api/fn/search-catalog"),
    ("get", "/sparql"),
    ("post", "/sparql"),
    ("get", "/catalog.jsonld"),
    ("get", "/healthz"),
    ("get", "/readyz"),
];

/// Serves the document with this server's public URL.
pub async fn openapi(State(state): State<AppState>) -> axum::Json<Value> {
    axum::Json(openapi_document(
        state.config.public_url.base_iri().trim_end_matches('/'),
    ))
}

fn error_response(description: &str) -> Value {
    json!({ "description": description, "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Error" } } } })
}

fn rdf_body() -> Value {
    let schema = json!({ "type": "string" });
    json!({
        "required": true,
        "description": "RDF in one of the syntaxes below, chosen by Content-Type.",
        "content": {
            "text/turtle": { "schema": schema },
            "application/rdf+xml": { "schema": schema },
            "application/ld+json": { "schema": schema },
            "application/n-triples": { "schema": schema },
            "application/n-quads": { "schema": schema }
        }
    })
}

/// The OpenAPI document for a server at `server_url`.
pub fn openapi_document(server_url: &str) -> Value {
    json!({
        "openapi": "3.1.0",
        "info": {
            "title": "Plaza API",
            "version": env!("CARGO_PKG_VERSION"),
            "description": "The machine side of a Plaza catalog: DCAT-AP 3 validation and import, record history, the harvestable feed and SPARQL.",
            "license": { "name": "Apache-2.0", "identifier": "Apache-2.0" }
        },
        "servers": [{ "url": server_url }],
        "components": {
            "securitySchemes": { "bearer": { "type": "http", "scheme": "bearer", "description": "An organisation's token, made on /publish/tokens or with `plaza token create --org ORG --name NAME`; it writes only that organisation's records." } },
            "schemas": {
                "Error": {
                    "type": "object",
                    "required": ["error", "message"],
                    "properties": {
                        "error": { "type": "string", "description": "A stable machine code, e.g. invalid_rdf." },
                        "message": { "type": "string", "description": "What is wrong and what to do." },
                        "line": { "type": ["integer", "null"] },
                        "column": { "type": ["integer", "null"] }
                    }
                },
                "ValidationResult": {
                    "type": "object",
                    "properties": {
                        "focus_node": { "type": "string" },
                        "path": { "type": ["string", "null"] },
                        "severity": { "enum": ["Violation", "Warning", "Info"] },
                        "message": { "type": "string" },
                        "shape": { "type": ["string", "null"] },
                        "constraint": { "type": "string" },
                        "value": { "type": ["string", "null"] },
                        "shapes": { "type": "string" }
                    }
                },
                "ValidationReport": {
                    "type": "object",
                    "required": ["conforms", "results"],
                    "properties": {
                        "conforms": { "type": "boolean" },
                        "shapes": { "type": "array", "items": { "type": "string" } },
                        "violations": { "type": "integer" },
                        "warnings": { "type": "integer" },
                        "results": { "type": "array", "items": { "$ref": "#/components/schemas/ValidationResult" } }
                    }
                },
                "ImportSummary": {
                    "type": "object",
                    "properties": {
                        "mode": { "enum": ["strict", "lenient"] },
                        "stored": { "type": "boolean" },
                        "created": { "type": "integer" },
                        "updated": { "type": "integer" },
                        "unchanged": { "type": "integer" },
                        "records_with_violations": { "type": "integer" },
                        "unattached_triples": { "type": "integer" },
                        "refused": { "type": "array", "items": { "type": "object", "properties": { "node": { "type": "string" }, "reason": { "type": "string" } } } },
                        "records": { "type": "array", "items": {
                            "type": "object",
                            "properties": {
                                "iri": { "type": "string" },
                                "kind": { "enum": ["dataset", "data_service", "dataset_series"] },
                                "outcome": { "enum": ["created", "updated", "unchanged", "refused"] },
                                "version": { "type": ["integer", "null"] },
                                "results": { "type": "array", "items": { "$ref": "#/components/schemas/ValidationResult" } }
                            }
                        } },
                        "other_results": { "type": "array", "items": { "$ref": "#/components/schemas/ValidationResult" } }
                    }
                }
            }
        },
        "paths": {
            "/api/validate": { "post": {
                "summary": "Validate DCAT-AP records against the official SHACL shapes without storing them",
                "requestBody": rdf_body(),
                "responses": {
                    "200": { "description": "The SHACL report (also as text/turtle or text/html by Accept)",
                             "content": { "application/json": { "schema": { "$ref": "#/components/schemas/ValidationReport" } } } },
                    "400": error_response("The body is not valid RDF (line and column given)"),
                    "406": error_response("No acceptable report format"),
                    "413": { "description": "The body is larger than PLAZA_MAX_BODY_BYTES" },
                    "415": error_response("The Content-Type is not an RDF syntax")
                }
            } },
            "/api/import": { "post": {
                "summary": "Store every record of the body in one transaction",
                "security": [{ "bearer": [] }],
                "parameters": [{ "name": "mode", "in": "query", "schema": { "enum": ["strict", "lenient"], "default": "strict" },
                                 "description": "strict refuses the whole body when a record has a sh:Violation; lenient stores every record with its violations" }],
                "requestBody": rdf_body(),
                "responses": {
                    "200": { "description": "What was created, updated or unchanged",
                             "content": { "application/json": { "schema": { "$ref": "#/components/schemas/ImportSummary" } } } },
                    "400": error_response("The body is not valid RDF, or a parameter is wrong"),
                    "401": error_response("No valid bearer token (missing, unknown or revoked)"),
                    "403": error_response("Nothing stored: records of another organisation than the token's (`not_your_records`, with `records`), or a token of no organisation"),
                    "413": { "description": "The body is larger than PLAZA_MAX_BODY_BYTES" },
                    "415": error_response("The Content-Type is not an RDF syntax"),
                    "422": error_response("Nothing stored: strict mode and violations (the summary is in `summary`), or no record in the body"),
                    "429": error_response("Too many calls from this address (`rate_limited`, with `retry_after` seconds; also the Retry-After header)")
                }
            } },
            "/api/records/history": { "get": {
                "summary": "The versions of a record; each is served as RDF at {iri}?version=N",
                "parameters": [{ "name": "iri", "in": "query", "required": true, "schema": { "type": "string", "format": "iri" } }],
                "responses": {
                    "200": { "description": "The history", "content": { "application/json": { "schema": {
                        "type": "object",
                        "properties": {
                            "iri": { "type": "string" },
                            "current_version": { "type": "integer" },
                            "versions": { "type": "array", "items": { "type": "object", "properties": {
                                "version": { "type": "integer" }, "created_at": { "type": "string", "format": "date-time" }, "change": { "enum": ["created", "updated"] } } } }
                        }
                    } } } },
                    "400": error_response("Missing or invalid iri"),
                    "404": error_response("No such record")
                }
            } },
            "/api/openapi.json": { "get": {
                "summary": "This document",
                "responses": { "200": { "description": "OpenAPI 3.1", "content": { "application/json": {} } } }
            } },
            "/api/fn/search-catalog": { "post": {
                "summary": "The catalog page's server function: a search with facet counts, labels in a language",
                "requestBody": { "content": { "application/json": { "schema": {
                    "type": "object", "required": ["lang", "params"], "properties": {
                        "lang": { "type": "string", "examples": ["en", "fr"] },
                        "params": { "type": "object", "properties": {
                            "q": { "type": "string", "maxLength": 200 },
                            "filters": { "type": "array", "description": "[facet, value] pairs; facets: type, theme, publisher, format, licence, keyword, language, access",
                                         "items": { "type": "array", "prefixItems": [{ "type": "string" }, { "type": "string" }] } },
                            "sort": { "enum": ["Relevance", "Modified", "Title"] },
                            "page": { "type": "integer", "minimum": 1 },
                            "page_size": { "type": "integer", "minimum": 1, "maximum": 100 } } } } } } } },
                "responses": { "200": { "description": "Total, the page's records, facet counts", "content": { "application/json": {} } } }
            } },
            "/sparql": {
                "get": {
                    "summary": "SPARQL 1.1 Protocol query (read-only); HTML editor for browsers",
                    "parameters": [{ "name": "query", "in": "query", "schema": { "type": "string" } }],
                    "responses": {
                        "200": { "description": "Results by Accept: SPARQL JSON, XML, CSV, TSV; graphs as Turtle, JSON-LD, N-Triples, RDF/XML",
                                 "content": { "application/sparql-results+json": {}, "application/sparql-results+xml": {}, "text/csv": {}, "text/tab-separated-values": {}, "text/turtle": {}, "application/ld+json": {} } },
                        "400": error_response("Not a query (updates are refused), or the query does not parse"),
                        "406": error_response("No acceptable result format"),
                        "503": error_response("The query hit the time limit or the row cap")
                    }
                },
                "post": {
                    "summary": "SPARQL 1.1 Protocol query by POST (form or application/sparql-query)",
                    "requestBody": { "content": { "application/sparql-query": { "schema": { "type": "string" } },
                                                  "application/x-www-form-urlencoded": { "schema": { "type": "object", "properties": { "query": { "type": "string" } } } } } },
                    "responses": { "200": { "description": "As for GET" }, "400": error_response("Not a query"), "415": error_response("Unsupported body") }
                }
            },
            "/catalog.jsonld": { "get": {
                "summary": "The harvestable catalog feed as JSON-LD, paged with Hydra (also .ttl, .rdf, .nt, and /catalog by Accept)",
                "parameters": [
                    { "name": "page", "in": "query", "schema": { "type": "integer", "minimum": 1, "default": 1 } },
                    { "name": "page_size", "in": "query", "schema": { "type": "integer", "minimum": 1, "maximum": 1000, "default": 100 } },
                    { "name": "modified_since", "in": "query", "schema": { "type": "string", "format": "date-time" } },
                    { "name": "q", "in": "query", "schema": { "type": "string" } }
                ],
                "responses": { "200": { "description": "One page", "content": { "application/ld+json": {} } },
                               "400": error_response("A parameter is invalid"), "404": error_response("The page is past the last one") }
            } },
            "/healthz": { "get": { "summary": "Liveness", "responses": { "200": { "description": "Alive", "content": { "application/json": {} } } } } },
            "/readyz": { "get": { "summary": "Readiness of both stores", "responses": {
                "200": { "description": "Ready", "content": { "application/json": {} } },
                "503": { "description": "A store does not answer", "content": { "application/json": {} } } } } }
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_json_route_is_described() {
        let document = openapi_document("https://plaza.example");
        for (method, path) in JSON_ROUTES {
            assert!(
                document["paths"][path][method].is_object(),
                "{method} {path} is missing from the OpenAPI document"
            );
        }
    }

    #[test]
    fn every_api_route_the_server_registers_is_listed() {
        let declared = crate::api::routes(60, false).declared();
        assert!(declared.len() >= 4, "{declared:?}");
        for route in declared.iter().filter(|r| r.path != "/api/{*rest}") {
            assert!(
                JSON_ROUTES
                    .iter()
                    .any(|(m, p)| *p == route.path && m.eq_ignore_ascii_case(route.method)),
                "{} {} is registered but not in JSON_ROUTES / the OpenAPI document",
                route.method,
                route.path
            );
        }
    }
}
