//! The facets a search can be narrowed by, and how a record's values become
//! facet paths in the index (`/theme/<iri>`, `/keyword/<word>`, …).

use tantivy::schema::Facet;

use crate::search::SearchDocument;

/// A dimension of the catalog a reader can filter on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum FacetKind {
    /// Dataset, data service or series.
    Type,
    /// `dcat:theme`.
    Theme,
    /// `dct:publisher`.
    Publisher,
    /// Distribution `dct:format`.
    Format,
    /// `dct:license`.
    Licence,
    /// `dcat:keyword` (lower case).
    Keyword,
    /// `dct:language`.
    Language,
    /// `dct:accessRights`.
    AccessRights,
    /// Metadata quality rating.
    Quality,
    /// A quality check that misses points (publishers' to-do lists).
    Missing,
}

impl FacetKind {
    /// Every facet, in the order pages show them.
    pub const ALL: [FacetKind; 10] = [
        FacetKind::Type,
        FacetKind::Theme,
        FacetKind::Publisher,
        FacetKind::Format,
        FacetKind::Licence,
        FacetKind::Keyword,
        FacetKind::Language,
        FacetKind::AccessRights,
        FacetKind::Quality,
        FacetKind::Missing,
    ];

    /// The facet's name in URLs and in the index.
    pub fn name(self) -> &'static str {
        match self {
            FacetKind::Type => "type",
            FacetKind::Theme => "theme",
            FacetKind::Publisher => "publisher",
            FacetKind::Format => "format",
            FacetKind::Licence => "licence",
            FacetKind::Keyword => "keyword",
            FacetKind::Language => "language",
            FacetKind::AccessRights => "access",
            FacetKind::Quality => "quality",
            FacetKind::Missing => "missing",
        }
    }

    /// The facet named `name` in a URL.
    pub fn from_name(name: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|kind| kind.name() == name)
    }

    /// The root path of this facet's values.
    pub fn root(self) -> Facet {
        Facet::from_path([self.name()])
    }

    /// The path of one value.
    pub fn path(self, value: &str) -> Facet {
        Facet::from_path([self.name(), &clean(&normalise(self, value))])
    }
}

/// Keywords are matched without regard to case; other values as written.
pub fn normalise(kind: FacetKind, value: &str) -> String {
    match kind {
        FacetKind::Keyword => value.trim().to_lowercase(),
        _ => value.trim().to_owned(),
    }
}

/// Facet paths use the NUL character as separator, which RDF text can hold.
fn clean(value: &str) -> String {
    value.replace('\0', " ")
}

/// Every facet path of a document.
pub fn paths_of(document: &SearchDocument) -> Vec<Facet> {
    let mut paths = vec![FacetKind::Type.path(&document.kind)];
    let mut add = |kind: FacetKind, values: &[String]| {
        paths.extend(values.iter().map(|value| kind.path(value)));
    };
    add(FacetKind::Theme, &document.themes);
    add(FacetKind::Publisher, document.publisher.as_slice());
    add(FacetKind::Format, &document.formats);
    add(FacetKind::Licence, &document.licences);
    add(FacetKind::Language, &document.languages);
    add(FacetKind::AccessRights, &document.access_rights);
    let keywords: Vec<String> = document.keywords.iter().map(|k| k.value.clone()).collect();
    add(FacetKind::Keyword, &keywords);
    add(FacetKind::Quality, &[document.quality_rating().to_owned()]);
    add(FacetKind::Missing, &document.quality_missing);
    paths.sort();
    paths.dedup();
    paths
}
