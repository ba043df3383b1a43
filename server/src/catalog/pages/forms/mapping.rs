//! The record form's fields and the RDF they state, written once: a row
//! per field that is one property of one node, read by both directions
//! (`to_graph.rs` writes the rows, `from_graph.rs` reads them back,
//! `field_errors.rs` finds a result's field by its property). Adding such
//! a field is one row here, next to its member in the app's form.
//!
//! What does not fit a row is explicit code in `to_graph.rs` and
//! `from_graph.rs`: the record's type, the contact point (a `vcard:Kind`
//! with a name and an e-mail), the landing page's type (`foaf:Document`),
//! `dct:spatial` (a place, and a bounding box as a `dct:Location`), the
//! temporal coverage (a `dct:PeriodOfTime`), the high-value category's
//! legislation, and the distributions' nodes, which hold the rows of
//! [`DISTRIBUTION_FIELDS`].

use app::catalog::publish::{DistributionForm, FORM_LANGUAGES, RecordForm};

use crate::catalog::RecordKind;

/// `dcat:` + `local`, as an IRI.
macro_rules! dcat {
    ($local:literal) => {
        concat!("http://www.w3.org/ns/dcat#", $local)
    };
}

/// `dct:` + `local`, as an IRI.
macro_rules! dct {
    ($local:literal) => {
        concat!("http://purl.org/dc/terms/", $local)
    };
}

/// How a field's text is written as an RDF term, and read back.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ValueKind {
    /// A language-tagged literal: in each form language for the fields
    /// with a text per language, else in the first form language.
    Text,
    /// An http(s) address; anything else is left out (the checks say why).
    Url,
    /// An IRI picked from a vocabulary; any IRI is kept.
    Vocabulary,
    /// A date (YYYY-MM-DD) as an `xsd:date`.
    Date,
    /// A count as an `xsd:nonNegativeInteger`.
    Count,
}

/// Where the form holds a field's values: a reader and a writer of the
/// member.
pub enum Slot<F: 'static> {
    /// One value.
    One(fn(&F) -> &String, fn(&mut F) -> &mut String),
    /// Several values, one per posted pair.
    Many(fn(&F) -> &Vec<String>, fn(&mut F) -> &mut Vec<String>),
    /// Several values in one text: split at `separators` when written,
    /// joined with `joiner` (in order) when read.
    Listed {
        /// The member, to read.
        get: fn(&F) -> &String,
        /// The member, to write.
        set: fn(&mut F) -> &mut String,
        /// What separates values as typed.
        separators: &'static [char],
        /// What separates values as shown.
        joiner: &'static str,
    },
    /// A text per form language, as `(language, text)`; the field names
    /// are `{name}_{language}`.
    PerLanguage(
        fn(&F) -> &Vec<(String, String)>,
        fn(&mut F) -> &mut Vec<(String, String)>,
    ),
}

/// One field of the form that states one property of its node.
pub struct FormField<F: 'static> {
    /// The form field's name (for a text per language, its first part).
    pub name: &'static str,
    /// The property's IRI.
    pub property: &'static str,
    /// How its values are written.
    pub value: ValueKind,
    /// Where the form holds them.
    pub slot: Slot<F>,
    /// The kinds of record whose form writes it. A stored record's form
    /// is filled from every row (the page shows only its kind's fields).
    pub kinds: &'static [RecordKind],
}

const ALL: &[RecordKind] = &RecordKind::ALL;
const SERVICES: &[RecordKind] = &[RecordKind::DataService];
const DATASETS: &[RecordKind] = &[RecordKind::Dataset];

/// The fields about the record itself.
pub const RECORD_FIELDS: &[FormField<RecordForm>] = &[
    FormField {
        name: "title",
        property: dct!("title"),
        value: ValueKind::Text,
        slot: Slot::PerLanguage(|f| &f.titles, |f| &mut f.titles),
        kinds: ALL,
    },
    FormField {
        name: "description",
        property: dct!("description"),
        value: ValueKind::Text,
        slot: Slot::PerLanguage(|f| &f.descriptions, |f| &mut f.descriptions),
        kinds: ALL,
    },
    FormField {
        name: "keywords",
        property: dcat!("keyword"),
        value: ValueKind::Text,
        slot: Slot::Listed {
            get: |f| &f.keywords,
            set: |f| &mut f.keywords,
            separators: &[','],
            joiner: ", ",
        },
        kinds: ALL,
    },
    FormField {
        name: "themes",
        property: dcat!("theme"),
        value: ValueKind::Vocabulary,
        slot: Slot::Many(|f| &f.themes, |f| &mut f.themes),
        kinds: ALL,
    },
    FormField {
        name: "publisher",
        property: dct!("publisher"),
        value: ValueKind::Url,
        slot: Slot::One(|f| &f.publisher, |f| &mut f.publisher),
        kinds: ALL,
    },
    FormField {
        name: "landing_page",
        property: dcat!("landingPage"),
        value: ValueKind::Url,
        slot: Slot::One(|f| &f.landing_page, |f| &mut f.landing_page),
        kinds: ALL,
    },
    FormField {
        name: "languages",
        property: dct!("language"),
        value: ValueKind::Vocabulary,
        slot: Slot::Many(|f| &f.languages, |f| &mut f.languages),
        kinds: ALL,
    },
    FormField {
        name: "access_rights",
        property: dct!("accessRights"),
        value: ValueKind::Vocabulary,
        slot: Slot::One(|f| &f.access_rights, |f| &mut f.access_rights),
        kinds: ALL,
    },
    FormField {
        name: "frequency",
        property: dct!("accrualPeriodicity"),
        value: ValueKind::Vocabulary,
        slot: Slot::One(|f| &f.frequency, |f| &mut f.frequency),
        kinds: ALL,
    },
    FormField {
        name: "issued",
        property: dct!("issued"),
        value: ValueKind::Date,
        slot: Slot::One(|f| &f.issued, |f| &mut f.issued),
        kinds: ALL,
    },
    FormField {
        name: "hvd_category",
        property: HVD_CATEGORY,
        value: ValueKind::Vocabulary,
        slot: Slot::One(|f| &f.hvd_category, |f| &mut f.hvd_category),
        kinds: ALL,
    },
    FormField {
        name: "endpoint_url",
        property: dcat!("endpointURL"),
        value: ValueKind::Url,
        slot: Slot::One(|f| &f.endpoint_url, |f| &mut f.endpoint_url),
        kinds: SERVICES,
    },
    FormField {
        name: "endpoint_description",
        property: dcat!("endpointDescription"),
        value: ValueKind::Url,
        slot: Slot::One(|f| &f.endpoint_description, |f| &mut f.endpoint_description),
        kinds: SERVICES,
    },
    FormField {
        name: "serves_datasets",
        property: dcat!("servesDataset"),
        value: ValueKind::Url,
        slot: Slot::Listed {
            get: |f| &f.serves_datasets,
            set: |f| &mut f.serves_datasets,
            separators: &[' ', ',', '\n'],
            joiner: " ",
        },
        kinds: SERVICES,
    },
];

/// The fields about each distribution (a dataset's).
pub const DISTRIBUTION_FIELDS: &[FormField<DistributionForm>] = &[
    FormField {
        name: "title",
        property: dct!("title"),
        value: ValueKind::Text,
        slot: Slot::One(|d| &d.title, |d| &mut d.title),
        kinds: DATASETS,
    },
    FormField {
        name: "description",
        property: dct!("description"),
        value: ValueKind::Text,
        slot: Slot::One(|d| &d.description, |d| &mut d.description),
        kinds: DATASETS,
    },
    FormField {
        name: "access_url",
        property: dcat!("accessURL"),
        value: ValueKind::Url,
        slot: Slot::One(|d| &d.access_url, |d| &mut d.access_url),
        kinds: DATASETS,
    },
    FormField {
        name: "download_url",
        property: dcat!("downloadURL"),
        value: ValueKind::Url,
        slot: Slot::One(|d| &d.download_url, |d| &mut d.download_url),
        kinds: DATASETS,
    },
    FormField {
        name: "format",
        property: dct!("format"),
        value: ValueKind::Vocabulary,
        slot: Slot::One(|d| &d.format, |d| &mut d.format),
        kinds: DATASETS,
    },
    FormField {
        name: "media_type",
        property: dcat!("mediaType"),
        value: ValueKind::Vocabulary,
        slot: Slot::One(|d| &d.media_type, |d| &mut d.media_type),
        kinds: DATASETS,
    },
    FormField {
        name: "licence",
        property: dct!("license"),
        value: ValueKind::Vocabulary,
        slot: Slot::One(|d| &d.licence, |d| &mut d.licence),
        kinds: DATASETS,
    },
    FormField {
        name: "byte_size",
        property: dcat!("byteSize"),
        value: ValueKind::Count,
        slot: Slot::One(|d| &d.byte_size, |d| &mut d.byte_size),
        kinds: DATASETS,
    },
];

/// `r5r:hvdCategory`: the high-value dataset category.
pub const HVD_CATEGORY: &str = "http://data.europa.eu/r5r/hvdCategory";
/// `r5r:applicableLegislation`, stated with every high-value category.
pub const APPLICABLE_LEGISLATION: &str = "http://data.europa.eu/r5r/applicableLegislation";
/// The high-value datasets regulation, the legislation a category applies.
pub const HVD_REGULATION: &str = "http://data.europa.eu/eli/reg_impl/2023/138/oj";
/// `dcat:contactPoint`: the contact point node.
pub const CONTACT_POINT: &str = dcat!("contactPoint");
/// `dct:spatial`: a place and a bounding box.
pub const SPATIAL: &str = dct!("spatial");
/// `dct:temporal`: the period of time.
pub const TEMPORAL: &str = dct!("temporal");
/// `dcat:distribution`: the distributions' nodes.
pub const DISTRIBUTION: &str = dcat!("distribution");

/// The record's properties the form controls: on save they are replaced,
/// keeping only texts in languages the form does not show.
pub fn controlled_properties() -> impl Iterator<Item = &'static str> {
    RECORD_FIELDS.iter().map(|f| f.property).chain([
        CONTACT_POINT,
        SPATIAL,
        TEMPORAL,
        APPLICABLE_LEGISLATION,
        DISTRIBUTION,
    ])
}

/// The row of `fields` that states `property`.
pub fn field_of<F>(
    fields: &'static [FormField<F>],
    property: &str,
) -> Option<&'static FormField<F>> {
    fields.iter().find(|f| f.property == property)
}

impl<F> FormField<F> {
    /// The name of its input (for a text per language, the first form
    /// language's), where its errors are shown.
    pub fn input_name(&self) -> String {
        match self.slot {
            Slot::PerLanguage(..) => format!("{}_{}", self.name, FORM_LANGUAGES[0]),
            _ => self.name.to_owned(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use app::catalog::publish::fields;

    #[test]
    fn every_row_names_the_input_the_form_posts() {
        for field in RECORD_FIELDS {
            let name = field.input_name();
            let form = RecordForm::from_pairs([(name.as_str(), "x")]);
            let filled = match &field.slot {
                Slot::One(get, _) | Slot::Listed { get, .. } => get(&form) == "x",
                Slot::Many(get, _) => get(&form) == &["x"],
                Slot::PerLanguage(get, _) => {
                    get(&form) == &[(FORM_LANGUAGES[0].into(), "x".into())]
                }
            };
            assert!(filled, "{name} does not fill its row's member");
        }
        for field in DISTRIBUTION_FIELDS {
            let name = fields::distribution(0, field.name);
            let form = RecordForm::from_pairs([(name.as_str(), "x")]);
            let Slot::One(get, _) = &field.slot else {
                panic!("{name}: a distribution's fields hold one value each");
            };
            assert_eq!(get(&form.distributions[0]), "x", "{name}");
        }
    }
}
