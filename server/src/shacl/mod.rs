//! SHACL validation with the official DCAT-AP 3.0.1 shapes, plus the HVD
//! 3.0.0 shapes for the records that declare a high-value-data category.
//! Like the EU's own validator, it reads the bundled EU vocabularies as
//! background knowledge: a licence from the EU licence table is known to be
//! a `dct:LicenseDocument` without the record saying so.

mod report;
mod shapes;
mod validate;

use std::collections::HashSet;

use oxigraph::model::{Graph, NamedNodeRef, NamedOrBlankNode};

pub use report::{Severity, ValidationReport, ValidationResult, compact};
pub use shapes::{ShapesError, dcat_ap, hvd};
pub use validate::ValidatorError;

use crate::rdf::describe;

const HVD_CATEGORY: NamedNodeRef<'_> =
    NamedNodeRef::new_unchecked("http://data.europa.eu/r5r/hvdCategory");

/// What can stop a validation (never the data itself).
#[derive(Debug, thiserror::Error)]
pub enum ShaclError {
    /// A bundled shapes file did not load.
    #[error(transparent)]
    Shapes(#[from] &'static ShapesError),
    /// The validator failed.
    #[error(transparent)]
    Validator(#[from] ValidatorError),
}

/// Validates a body: the DCAT-AP shapes over all of it, the HVD shapes over
/// the descriptions of the resources that declare `dcatap:hvdCategory`.
/// `stop` names the other records, where an HVD description ends.
pub fn validate_body(
    data: &Graph,
    stop: &HashSet<NamedOrBlankNode>,
) -> Result<ValidationReport, ShaclError> {
    validate_body_with(data, stop, &[])
}

/// [`validate_body`] with `known` triples as background knowledge too
/// (the types of catalog records the body links to).
pub fn validate_body_with(
    data: &Graph,
    stop: &HashSet<NamedOrBlankNode>,
    known: &[oxigraph::model::Triple],
) -> Result<ValidationReport, ShaclError> {
    let dcat_ap = dcat_ap()?;
    // The EU vocabulary terms the data uses, typed as the shapes expect.
    let mut background = crate::vocab::vocabularies().background_for(data);
    background.extend_from_slice(known);
    let with_background;
    let data = if background.is_empty() {
        data
    } else {
        let mut augmented = data.clone();
        augmented.extend(background.iter().map(|t| t.as_ref()));
        with_background = augmented;
        &with_background
    };
    let mut results = validate::run_shapes(data, dcat_ap)?;
    let mut applied = vec![dcat_ap.name];
    let hvd_roots: HashSet<NamedOrBlankNode> = data
        .triples_for_predicate(HVD_CATEGORY)
        .map(|t| t.subject.into_owned())
        .collect();
    if !hvd_roots.is_empty() {
        let hvd = hvd()?;
        let mut hvd_data = Graph::new();
        for root in &hvd_roots {
            hvd_data.extend(describe(data, root.as_ref(), stop).iter());
        }
        results.extend(validate::run_shapes(&hvd_data, hvd)?);
        applied.push(hvd.name);
    }
    Ok(ValidationReport::new(applied, results))
}
