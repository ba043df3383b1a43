//! The kinds of record the catalog holds, shared by the server (which reads
//! them from RDF and writes them in the API) and the pages (which label
//! them and choose the record form's fields), so that a kind is never a
//! string to be matched.

use serde::{Deserialize, Serialize};

/// A kind of catalog record. In JSON (the API, the import summary) it is
/// `dataset`, `data_service` or `dataset_series`; in addresses, forms and
/// facets its [`name`](RecordKind::name).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum RecordKind {
    /// `dcat:Dataset`.
    #[default]
    Dataset,
    /// `dcat:DataService`.
    DataService,
    /// `dcat:DatasetSeries`.
    DatasetSeries,
}

impl RecordKind {
    /// Every kind, in order of precedence when a node has several of
    /// these types (a series is also a dataset).
    pub const ALL: [RecordKind; 3] = [
        RecordKind::DatasetSeries,
        RecordKind::DataService,
        RecordKind::Dataset,
    ];

    /// The short name in addresses, forms and the type facet: `dataset`,
    /// `service` or `series`.
    pub fn name(self) -> &'static str {
        match self {
            RecordKind::Dataset => "dataset",
            RecordKind::DataService => "service",
            RecordKind::DatasetSeries => "series",
        }
    }

    /// The kind whose [`name`](RecordKind::name) is `name`.
    pub fn from_name(name: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|kind| kind.name() == name)
    }

    /// The DCAT class's local name (`DataService`).
    pub fn class_name(self) -> &'static str {
        match self {
            RecordKind::Dataset => "Dataset",
            RecordKind::DataService => "DataService",
            RecordKind::DatasetSeries => "DatasetSeries",
        }
    }

    /// The path segment of minted IRIs: `datasets`, `services`, `series`.
    pub fn segment(self) -> &'static str {
        match self {
            RecordKind::Dataset => "datasets",
            RecordKind::DataService => "services",
            RecordKind::DatasetSeries => "series",
        }
    }

    /// The kind for a [`segment`](RecordKind::segment).
    pub fn from_segment(segment: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|kind| kind.segment() == segment)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_and_segments_read_back_and_json_keeps_the_api_codes() {
        for kind in RecordKind::ALL {
            assert_eq!(RecordKind::from_name(kind.name()), Some(kind));
            assert_eq!(RecordKind::from_segment(kind.segment()), Some(kind));
        }
        assert_eq!(RecordKind::from_name("data_service"), None);
        assert_eq!(
            serde_json::to_string(&RecordKind::DataService).unwrap(),
            "\"data_service\""
        );
    }
}
