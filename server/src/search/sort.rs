//! Sort keys: unique strings (the IRI breaks ties) so that a page of
//! results is the same page every time it is asked for.

use tantivy::tokenizer::TokenStream;

use crate::search::SearchDocument;
use crate::search::document::pick_text;
use crate::search::schema::{SORT_LANGUAGES, plain};

/// The sort keys of one record.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SortKeys {
    /// Last modified: the date as written, then the IRI.
    pub modified: String,
    /// Title per page language: folded to lower case, then the IRI.
    pub titles: Vec<(&'static str, String)>,
}

/// The sort keys of `document`.
pub fn sort_keys(document: &SearchDocument) -> SortKeys {
    let modified = format!(
        "{}\u{1}{}",
        document.modified.as_deref().unwrap_or_default(),
        document.iri
    );
    let titles = SORT_LANGUAGES
        .iter()
        .map(|lang| {
            let title = pick_text(&document.titles, lang)
                .map(|t| fold(&t.value))
                .unwrap_or_else(|| "\u{10FFFF}".to_owned());
            (*lang, format!("{title}\u{1}{}", document.iri))
        })
        .collect();
    SortKeys { modified, titles }
}

/// Lower case without accents, words separated by one space.
fn fold(text: &str) -> String {
    let mut analyser = plain();
    let mut stream = analyser.token_stream(text);
    let mut words = Vec::new();
    while stream.advance() {
        words.push(stream.token().text.clone());
    }
    words.join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::search::Text;

    fn document(titles: &[(&str, &str)]) -> SearchDocument {
        SearchDocument {
            iri: "https://city.example/datasets/a".into(),
            page: String::new(),
            kind: "dataset".into(),
            version: 1,
            titles: titles
                .iter()
                .map(|(lang, value)| Text {
                    lang: Some((*lang).into()),
                    value: (*value).into(),
                })
                .collect(),
            descriptions: vec![],
            keywords: vec![],
            themes: vec![],
            publisher: None,
            publisher_names: vec![],
            formats: vec![],
            licences: vec![],
            languages: vec![],
            access_rights: vec![],
            modified: Some("2024-01-02".into()),
            violations: 0,
            quality_points: 0,
            quality_max: 405,
            quality_missing: vec![],
        }
    }

    #[test]
    fn titles_sort_without_case_or_accents_in_each_page_language() {
        let keys = sort_keys(&document(&[("en", "Élan Trees"), ("fr", "Arbres")]));
        assert!(keys.titles[0].1.starts_with("elan trees\u{1}"));
        assert!(keys.titles[1].1.starts_with("arbres\u{1}"));
        assert_eq!(
            keys.modified,
            "2024-01-02\u{1}https://city.example/datasets/a"
        );
    }

    #[test]
    fn a_record_without_a_title_sorts_last() {
        let keys = sort_keys(&document(&[]));
        assert!(keys.titles[0].1.as_str() > "zzz");
    }
}
