//! From a posted form to a record ready to save: its IRI, its graph (on top
//! of the stored description when editing), the errors by field (typed
//! values, then SHACL) and the quality it would have.

use app::catalog::Quality;
use app::catalog::publish::{FORM_LANGUAGES, FieldError, FieldProblem, RecordForm};
use oxigraph::model::{Graph, NamedNode};

use crate::catalog::pages::forms::{field_errors, input_errors, record_graph};
use crate::catalog::{RecordKind, boundary_nodes, current_graphs, description_of, slug};
use crate::state::CatalogServices;
use crate::store::SqlStore;

/// A form, understood.
pub struct Prepared {
    /// The record's IRI.
    pub iri: NamedNode,
    /// Its kind.
    pub kind: RecordKind,
    /// Its description as it would be stored.
    pub graph: Graph,
    /// Errors by field; empty when the record can be saved.
    pub errors: Vec<FieldError>,
    /// The quality it would have.
    pub quality: Quality,
    /// Whether the record exists already.
    pub exists: bool,
}

/// Understands `form`.
pub async fn prepare(
    catalog: &CatalogServices,
    sql: &SqlStore,
    form: &RecordForm,
) -> Result<Prepared, String> {
    let kind = form.kind;
    let iris = catalog.importer.iris();
    let mut errors = input_errors(form);
    let editing = !form.iri.is_empty();
    let iri = if editing {
        NamedNode::new(form.iri.clone()).map_err(|e| e.to_string())?
    } else {
        let base_slug = if form.slug.is_empty() {
            FORM_LANGUAGES
                .iter()
                .map(|l| slug(form.title(l)))
                .find(|s| !s.is_empty())
                .unwrap_or_default()
        } else {
            slug(&form.slug)
        };
        let local = if base_slug.is_empty() {
            "untitled".to_owned()
        } else {
            base_slug
        };
        NamedNode::new_unchecked(format!("{}{}/{local}", iris.base, kind.segment()))
    };
    let stored = current_graphs(catalog.store.as_ref(), sql, iris, vec![iri.clone()])
        .await
        .map_err(|e| e.to_string())?;
    let existing = stored.get(&iri).map(|g| description_of(iris, &iri, g));
    if !editing && existing.is_some() {
        errors.push(FieldError {
            field: "slug".into(),
            kind: FieldProblem::Taken,
            message: String::new(),
        });
    }
    let base = if editing { existing.as_ref() } else { None };
    let (mut graph, distributions) = record_graph(form, &iri, kind, base);
    describe_publisher(sql, &iri, &mut graph).await?;
    let check = graph.clone();
    let known = crate::catalog::record_types(
        catalog.store.as_ref(),
        crate::catalog::linked_records(&graph),
    )
    .await
    .map_err(|e| e.to_string())?;
    let report = tokio::task::spawn_blocking(move || {
        crate::shacl::validate_body_with(&check, &boundary_nodes(&check), &known)
    })
    .await
    .map_err(|e| e.to_string())?
    .map_err(|e| e.to_string())?;
    let violations = report
        .results
        .iter()
        .filter(|r| r.severity == crate::shacl::Severity::Violation)
        .count();
    for error in field_errors(&report.results, &iri, &graph, &distributions) {
        if !errors
            .iter()
            .any(|e| e.field == error.field && !error.field.is_empty())
        {
            errors.push(error);
        }
    }
    let quality = crate::quality::assess(&graph, iri.as_ref(), violations);
    Ok(Prepared {
        iri,
        kind,
        graph,
        errors,
        quality,
        exists: existing.is_some(),
    })
}

/// Describes the record's publisher in the record (as every record Plaza
/// stores does, so each is whole) when it is an organisation of Plaza's and
/// the record does not describe it yet: `foaf:Agent` with its name.
async fn describe_publisher(
    sql: &SqlStore,
    iri: &NamedNode,
    graph: &mut oxigraph::model::Graph,
) -> Result<(), String> {
    use oxigraph::model::vocab::rdf;
    use oxigraph::model::{Literal, Triple};
    let foaf = |local: &str| NamedNode::new_unchecked(format!("http://xmlns.com/foaf/0.1/{local}"));
    for agent in crate::auth::publishers(iri, graph) {
        if graph
            .objects_for_subject_predicate(&agent, rdf::TYPE)
            .next()
            .is_some()
        {
            continue;
        }
        let mut db = sql.conn().await.map_err(|e| e.to_string())?;
        let organisation =
            crate::auth::organisations::organisation_by_agent(&mut db, agent.as_str())
                .await
                .map_err(|e| e.to_string())?;
        if let Some(organisation) = organisation {
            let name = organisation.name;
            graph.insert(&Triple::new(agent.clone(), rdf::TYPE, foaf("Agent")));
            graph.insert(&Triple::new(
                agent.clone(),
                foaf("name"),
                Literal::new_simple_literal(name),
            ));
        }
    }
    Ok(())
}
