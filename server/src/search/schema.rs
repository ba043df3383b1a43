//! The index's fields and text analysers. Every text goes to a plain field
//! (lower case, accents folded) so any word matches in any language; a
//! language-tagged text also goes to its language's stemmed field, so
//! "trees" finds "tree" and "vélos" finds "vélo". Titles have fields of
//! their own so that they weigh more.

use tantivy::schema::{
    FAST, FacetOptions, Field, INDEXED, IndexRecordOption, STORED, STRING, Schema,
    TextFieldIndexing, TextOptions,
};
use tantivy::tokenizer::{
    AsciiFoldingFilter, Language, LowerCaser, RemoveLongFilter, SimpleTokenizer, Stemmer,
    TextAnalyzer,
};

/// Bump when the fields or analysers change: an index written with another
/// version is rebuilt from the store at start-up.
pub const SCHEMA_VERSION: u32 = 2;

/// The languages with a stemmer: BCP 47 primary tag and stemmer.
pub const STEMMED: &[(&str, Language)] = &[
    ("da", Language::Danish),
    ("de", Language::German),
    ("el", Language::Greek),
    ("en", Language::English),
    ("es", Language::Spanish),
    ("fi", Language::Finnish),
    ("fr", Language::French),
    ("hu", Language::Hungarian),
    ("it", Language::Italian),
    ("nl", Language::Dutch),
    ("no", Language::Norwegian),
    ("pt", Language::Portuguese),
    ("ro", Language::Romanian),
    ("sv", Language::Swedish),
];

/// The languages pages are shown in, each with its own title sort key.
pub const SORT_LANGUAGES: &[&str] = &["en", "fr"];

/// A pair of full-text fields (titles, other texts) read with one analyser.
#[derive(Debug, Clone)]
pub struct TextFields {
    /// The analyser's name (`plain` or `stem_xx`).
    pub analyser: String,
    /// Titles.
    pub title: Field,
    /// Descriptions, keywords and publisher names.
    pub text: Field,
}

/// Every field of the index.
#[derive(Debug, Clone)]
pub struct Fields {
    /// The record IRI (exact, to replace and delete by).
    pub iri: Field,
    /// The record's version (to check the index against the store).
    pub version: Field,
    /// The whole [`crate::search::SearchDocument`] as JSON.
    pub document: Field,
    /// Facet paths: `/theme/<iri>`, `/format/<iri>`, ….
    pub facet: Field,
    /// Metadata quality in thousandths of the points possible.
    pub quality: Field,
    /// Sort key for "last modified": the date, then the IRI.
    pub sort_modified: Field,
    /// Sort keys for "title", one per page language.
    pub sort_title: Vec<(&'static str, Field)>,
    /// The plain fields, then one pair per stemmed language.
    pub texts: Vec<(Option<&'static str>, TextFields)>,
}

/// The schema and its fields.
pub fn schema() -> (Schema, Fields) {
    let mut builder = Schema::builder();
    let iri = builder.add_text_field("iri", STRING | STORED);
    let version = builder.add_i64_field("version", INDEXED | FAST);
    let document = builder.add_text_field("document", STORED);
    let facet = builder.add_facet_field("facet", FacetOptions::default());
    let quality = builder.add_i64_field("quality", INDEXED | FAST);
    let sort_modified = builder.add_text_field("sort_modified", STRING | FAST);
    let sort_title = SORT_LANGUAGES
        .iter()
        .map(|lang| {
            (
                *lang,
                builder.add_text_field(&format!("sort_title_{lang}"), STRING | FAST),
            )
        })
        .collect();
    let mut texts = Vec::new();
    let mut add_pair = |lang: Option<&'static str>, analyser: String| {
        let options = TextOptions::default().set_indexing_options(
            TextFieldIndexing::default()
                .set_tokenizer(&analyser)
                .set_index_option(IndexRecordOption::WithFreqsAndPositions),
        );
        let suffix = lang.unwrap_or("plain");
        let title = builder.add_text_field(&format!("title_{suffix}"), options.clone());
        let text = builder.add_text_field(&format!("text_{suffix}"), options);
        texts.push((
            lang,
            TextFields {
                analyser,
                title,
                text,
            },
        ));
    };
    add_pair(None, "plain".to_owned());
    for (lang, _) in STEMMED {
        add_pair(Some(lang), format!("stem_{lang}"));
    }
    let fields = Fields {
        iri,
        version,
        document,
        facet,
        quality,
        sort_modified,
        sort_title,
        texts,
    };
    (builder.build(), fields)
}

/// The analysers the schema names, to register on an index.
pub fn analysers() -> Vec<(String, TextAnalyzer)> {
    let mut all = vec![("plain".to_owned(), plain())];
    for (lang, language) in STEMMED {
        all.push((
            format!("stem_{lang}"),
            TextAnalyzer::builder(SimpleTokenizer::default())
                .filter(RemoveLongFilter::limit(40))
                .filter(LowerCaser)
                .filter(Stemmer::new(*language))
                .filter(AsciiFoldingFilter)
                .build(),
        ));
    }
    all
}

/// Lower case, accents folded, no stemming.
pub fn plain() -> TextAnalyzer {
    TextAnalyzer::builder(SimpleTokenizer::default())
        .filter(RemoveLongFilter::limit(40))
        .filter(LowerCaser)
        .filter(AsciiFoldingFilter)
        .build()
}

/// The stemmed language of a language tag (`fr-BE` → `fr`), if any.
pub fn stemmed_language(tag: &str) -> Option<&'static str> {
    let primary = tag.split('-').next().unwrap_or(tag).to_ascii_lowercase();
    let primary = if primary == "nb" || primary == "nn" {
        "no".to_owned()
    } else {
        primary
    };
    STEMMED
        .iter()
        .map(|(lang, _)| *lang)
        .find(|lang| *lang == primary)
}
