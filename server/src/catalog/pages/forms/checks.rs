//! Checks of what was typed, before SHACL: addresses, e-mail, dates,
//! numbers and the bounding box, each reported on its field.

use app::catalog::publish::{FieldError, FieldProblem, RecordForm, fields};

fn error(field: String, kind: FieldProblem) -> FieldError {
    FieldError {
        field,
        kind,
        message: String::new(),
    }
}

/// True for an absolute http(s) address.
pub fn is_url(value: &str) -> bool {
    (value.starts_with("http://") || value.starts_with("https://"))
        && oxigraph::model::NamedNode::new(value).is_ok()
        && !value.contains(char::is_whitespace)
}

/// True for YYYY-MM-DD.
pub fn is_date(value: &str) -> bool {
    value.len() == 10 && oxsdatatypes::Date::from_str(value).is_ok()
}

/// The box "west,south,east,north", if well formed and on the globe.
pub fn bbox(value: &str) -> Option<[f64; 4]> {
    let numbers: Vec<f64> = value
        .split(',')
        .map(|n| n.trim().parse::<f64>())
        .collect::<Result<_, _>>()
        .ok()?;
    let [w, s, e, n] = <[f64; 4]>::try_from(numbers).ok()?;
    let ok = (-180.0..=180.0).contains(&w)
        && (-180.0..=180.0).contains(&e)
        && (-90.0..=90.0).contains(&s)
        && (-90.0..=90.0).contains(&n)
        && s < n
        && w < e;
    ok.then_some([w, s, e, n])
}

use std::str::FromStr;

/// Problems with what was typed, by field (`format` errors).
pub fn input_errors(form: &RecordForm) -> Vec<FieldError> {
    let mut errors = Vec::new();
    let mut url = |field: String, value: &str| {
        if !value.is_empty() && !is_url(value) {
            errors.push(error(field, FieldProblem::Url));
        }
    };
    url("landing_page".into(), &form.landing_page);
    url("spatial_place".into(), &form.spatial_place);
    url("publisher".into(), &form.publisher);
    url("endpoint_url".into(), &form.endpoint_url);
    url("endpoint_description".into(), &form.endpoint_description);
    if form
        .serves_datasets
        .split([' ', ',', '\n'])
        .map(str::trim)
        .any(|d| !d.is_empty() && !is_url(d))
    {
        url("serves_datasets".into(), "not a url");
    }
    for (n, d) in form.distributions.iter().enumerate() {
        url(fields::distribution(n, "access_url"), &d.access_url);
        url(fields::distribution(n, "download_url"), &d.download_url);
    }
    for (n, d) in form.distributions.iter().enumerate() {
        if !d.byte_size.is_empty() && d.byte_size.parse::<u64>().is_err() {
            errors.push(error(
                fields::distribution(n, "byte_size"),
                FieldProblem::Number,
            ));
        }
    }
    if !form.contact_email.is_empty() && !valid_email(&form.contact_email) {
        errors.push(error("contact_email".into(), FieldProblem::Email));
    }
    for (field, value) in [
        ("temporal_start", &form.temporal_start),
        ("temporal_end", &form.temporal_end),
        ("issued", &form.issued),
    ] {
        if !value.is_empty() && !is_date(value) {
            errors.push(error(field.into(), FieldProblem::Date));
        }
    }
    if is_date(&form.temporal_start)
        && is_date(&form.temporal_end)
        && form.temporal_end < form.temporal_start
    {
        errors.push(error("temporal_end".into(), FieldProblem::DateOrder));
    }
    if !form.spatial_bbox.is_empty() && bbox(&form.spatial_bbox).is_none() {
        errors.push(error("spatial_bbox".into(), FieldProblem::Bbox));
    }
    if !form.slug.is_empty() && crate::catalog::slug(&form.slug) != form.slug {
        errors.push(error("slug".into(), FieldProblem::Slug));
    }
    errors
}

fn valid_email(value: &str) -> bool {
    let Some((local, domain)) = value.split_once('@') else {
        return false;
    };
    !local.is_empty()
        && domain.contains('.')
        && !domain.starts_with('.')
        && !value.contains(char::is_whitespace)
        && oxigraph::model::NamedNode::new(format!("mailto:{value}")).is_ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn typed_values_are_checked_field_by_field() {
        let form = RecordForm::from_pairs([
            ("landing_page", "www.example.org"),
            ("contact_email", "nobody"),
            ("temporal_start", "2024-13-01"),
            ("spatial_bbox", "4,51,3,52"),
            ("dist0_byte_size", "12 MB"),
            ("dist0_download_url", "https://example.org/a.csv"),
        ]);
        let fields: Vec<(String, FieldProblem)> = input_errors(&form)
            .into_iter()
            .map(|e| (e.field, e.kind))
            .collect();
        assert!(fields.contains(&("landing_page".into(), FieldProblem::Url)));
        assert!(fields.contains(&("contact_email".into(), FieldProblem::Email)));
        assert!(fields.contains(&("temporal_start".into(), FieldProblem::Date)));
        assert!(fields.contains(&("spatial_bbox".into(), FieldProblem::Bbox)));
        assert!(fields.contains(&("dist0_byte_size".into(), FieldProblem::Number)));
        assert!(!fields.iter().any(|(f, _)| f == "dist0_download_url"));
        assert_eq!(bbox("3.6, 51.0, 3.8, 51.1"), Some([3.6, 51.0, 3.8, 51.1]));
    }
}
