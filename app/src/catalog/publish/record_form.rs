//! A record as the publishers' form holds it: plain strings and IRIs, read
//! from and written to the same `name=value` pairs the HTML form posts
//! (so the server and, for checks as you type, the browser parse it alike).

use serde::{Deserialize, Serialize};

/// Languages that get a title and description field of their own.
pub const FORM_LANGUAGES: [&str; 2] = ["en", "fr"];

/// One distribution of a dataset.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct DistributionForm {
    /// Its IRI when it has one (kept on edit), else empty.
    pub iri: String,
    /// Title (in the first form language).
    pub title: String,
    /// Description (in the first form language).
    #[serde(default)]
    pub description: String,
    /// Where the data can be reached.
    pub access_url: String,
    /// Where the file itself is.
    pub download_url: String,
    /// `dct:format` (an EU file type IRI).
    pub format: String,
    /// `dcat:mediaType` (an IANA media type IRI).
    pub media_type: String,
    /// `dct:license` (an EU licence IRI).
    pub licence: String,
    /// Size in bytes.
    pub byte_size: String,
}

impl DistributionForm {
    /// True when nothing was filled in.
    pub fn is_empty(&self) -> bool {
        self.title.is_empty()
            && self.description.is_empty()
            && self.access_url.is_empty()
            && self.download_url.is_empty()
            && self.format.is_empty()
            && self.media_type.is_empty()
            && self.licence.is_empty()
            && self.byte_size.is_empty()
    }
}

/// A dataset, data service or series as the form holds it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct RecordForm {
    /// Dataset, data service or series.
    pub kind: crate::catalog::RecordKind,
    /// The record's IRI when editing; empty for a new record.
    pub iri: String,
    /// For a new record: the last part of its address (made from the
    /// title when empty).
    pub slug: String,
    /// Title per form language.
    pub titles: Vec<(String, String)>,
    /// Description per form language.
    pub descriptions: Vec<(String, String)>,
    /// Keywords, comma-separated, in the first form language.
    pub keywords: String,
    /// `dcat:theme` IRIs.
    pub themes: Vec<String>,
    /// `dct:publisher` IRI.
    pub publisher: String,
    /// Contact point name.
    pub contact_name: String,
    /// Contact point e-mail.
    pub contact_email: String,
    /// `dcat:landingPage`.
    pub landing_page: String,
    /// `dct:language` IRIs.
    pub languages: Vec<String>,
    /// `dct:accessRights` IRI.
    pub access_rights: String,
    /// `dct:accrualPeriodicity` IRI.
    pub frequency: String,
    /// `dct:spatial` place IRI.
    pub spatial_place: String,
    /// Bounding box as "west,south,east,north" in degrees (WGS 84).
    pub spatial_bbox: String,
    /// Temporal coverage start (YYYY-MM-DD).
    pub temporal_start: String,
    /// Temporal coverage end (YYYY-MM-DD).
    pub temporal_end: String,
    /// `dct:issued` (YYYY-MM-DD).
    pub issued: String,
    /// High-value dataset category IRI (empty when not high-value).
    pub hvd_category: String,
    /// For a data service: `dcat:endpointURL`.
    pub endpoint_url: String,
    /// For a data service: `dcat:endpointDescription`.
    pub endpoint_description: String,
    /// For a data service: the datasets it serves (`dcat:servesDataset`),
    /// addresses separated by spaces or commas.
    #[serde(default)]
    pub serves_datasets: String,
    /// Distributions (datasets).
    pub distributions: Vec<DistributionForm>,
}

/// The form field names a result can point at.
pub mod fields {
    /// `title_en`, `title_fr`, …
    pub fn title(lang: &str) -> String {
        format!("title_{lang}")
    }
    /// `description_en`, …
    pub fn description(lang: &str) -> String {
        format!("description_{lang}")
    }
    /// `dist{n}_{field}` for the n-th distribution.
    pub fn distribution(n: usize, field: &str) -> String {
        format!("dist{n}_{field}")
    }
}

impl RecordForm {
    /// The form posted as `pairs` (repeated names for several values).
    pub fn from_pairs<'a>(pairs: impl IntoIterator<Item = (&'a str, &'a str)>) -> Self {
        let mut form = RecordForm::default();
        for (name, value) in pairs {
            let value = value.trim();
            match name {
                "kind" => {
                    form.kind = crate::catalog::RecordKind::from_name(value).unwrap_or_default()
                }
                "iri" => form.iri = value.to_owned(),
                "slug" => form.slug = value.to_owned(),
                "keywords" => form.keywords = value.to_owned(),
                "themes" if !value.is_empty() => form.themes.push(value.to_owned()),
                "publisher" => form.publisher = value.to_owned(),
                "contact_name" => form.contact_name = value.to_owned(),
                "contact_email" => form.contact_email = value.to_owned(),
                "landing_page" => form.landing_page = value.to_owned(),
                "languages" if !value.is_empty() => form.languages.push(value.to_owned()),
                "access_rights" => form.access_rights = value.to_owned(),
                "frequency" => form.frequency = value.to_owned(),
                "spatial_place" => form.spatial_place = value.to_owned(),
                "spatial_bbox" => form.spatial_bbox = value.to_owned(),
                "temporal_start" => form.temporal_start = value.to_owned(),
                "temporal_end" => form.temporal_end = value.to_owned(),
                "issued" => form.issued = value.to_owned(),
                "hvd_category" => form.hvd_category = value.to_owned(),
                "endpoint_url" => form.endpoint_url = value.to_owned(),
                "endpoint_description" => form.endpoint_description = value.to_owned(),
                "serves_datasets" => form.serves_datasets = value.to_owned(),
                other => form.set_indexed(other, value),
            }
        }
        form
    }

    fn set_indexed(&mut self, name: &str, value: &str) {
        if let Some(lang) = name.strip_prefix("title_") {
            if FORM_LANGUAGES.contains(&lang) && !value.is_empty() {
                self.titles.push((lang.to_owned(), value.to_owned()));
            }
        } else if let Some(lang) = name.strip_prefix("description_") {
            if FORM_LANGUAGES.contains(&lang) && !value.is_empty() {
                self.descriptions.push((lang.to_owned(), value.to_owned()));
            }
        } else if let Some(rest) = name.strip_prefix("dist")
            && let Some((index, field)) = rest.split_once('_')
            && let Ok(index) = index.parse::<usize>()
            && index < 50
        {
            while self.distributions.len() <= index {
                self.distributions.push(DistributionForm::default());
            }
            let d = &mut self.distributions[index];
            let slot = match field {
                "iri" => &mut d.iri,
                "title" => &mut d.title,
                "description" => &mut d.description,
                "access_url" => &mut d.access_url,
                "download_url" => &mut d.download_url,
                "format" => &mut d.format,
                "media_type" => &mut d.media_type,
                "licence" => &mut d.licence,
                "byte_size" => &mut d.byte_size,
                _ => return,
            };
            *slot = value.to_owned();
        }
    }

    /// The title in `lang`, if given.
    pub fn title(&self, lang: &str) -> &str {
        text_in(&self.titles, lang)
    }

    /// The description in `lang`, if given.
    pub fn description(&self, lang: &str) -> &str {
        text_in(&self.descriptions, lang)
    }
}

fn text_in<'a>(texts: &'a [(String, String)], lang: &str) -> &'a str {
    texts
        .iter()
        .find(|(l, _)| l == lang)
        .map_or("", |(_, t)| t.as_str())
}

/// A problem with one field, for the form to show next to it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct FieldError {
    /// The field's name (as in the form), or "" for the record as a whole.
    pub field: String,
    /// What is wrong.
    pub kind: FieldProblem,
    /// The validator's own words, for [`FieldProblem::Other`].
    pub message: String,
}

/// What is wrong with a field. The variants are in the alphabetical order
/// of their JSON names, which is the order errors are listed in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum FieldProblem {
    /// Not four numbers west, south, east, north.
    Bbox,
    /// Not a date.
    Date,
    /// The period ends before it starts.
    DateOrder,
    /// Not an email address.
    Email,
    /// A value of the wrong form (SHACL datatype, pattern, length).
    Format,
    /// Not a number.
    Number,
    /// Anything else: the validator's own words are in the message.
    Other,
    /// A value is required.
    Required,
    /// Not a valid address part.
    Slug,
    /// The address is taken.
    Taken,
    /// More values than allowed.
    TooMany,
    /// Not a web address.
    Url,
    /// Not a term of the vocabulary the field takes.
    Vocabulary,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn posted_pairs_become_a_form_with_its_lists_and_distributions() {
        let form = RecordForm::from_pairs([
            ("kind", "dataset"),
            ("title_en", " Trees "),
            ("title_fr", "Arbres"),
            ("title_xx", "ignored"),
            ("themes", "http://t/ENVI"),
            ("themes", "http://t/TRAN"),
            ("themes", ""),
            ("dist1_download_url", "http://x/b.csv"),
            ("dist0_title", "A"),
            ("dist99_title", "ignored"),
        ]);
        assert_eq!(form.title("en"), "Trees");
        assert_eq!(form.title("fr"), "Arbres");
        assert_eq!(form.titles.len(), 2);
        assert_eq!(form.themes, ["http://t/ENVI", "http://t/TRAN"]);
        assert_eq!(form.distributions.len(), 2);
        assert_eq!(form.distributions[0].title, "A");
        assert_eq!(form.distributions[1].download_url, "http://x/b.csv");
    }
}
