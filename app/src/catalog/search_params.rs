//! A catalog search as it stands in the URL: `/catalog?q=…&theme=…&sort=…&page=…`.
//! The same search always gives the same URL (parameters in a fixed order),
//! so links to a result page are stable and work without JavaScript.

use serde::{Deserialize, Serialize};

/// The facets a search can be filtered on, in the order pages show them.
pub const FACETS: [&str; 10] = [
    "type",
    "theme",
    "publisher",
    "format",
    "licence",
    "keyword",
    "language",
    "access",
    "quality",
    "missing",
];

/// Results per page.
pub const PAGE_SIZE: usize = 20;
/// The last page a search may ask for (deep pages are for the feed).
pub const MAX_PAGE: usize = 500;
/// The longest query kept (longer text is cut).
pub const MAX_QUERY_CHARS: usize = 200;

/// The order of results.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub enum SortKey {
    /// Best match first (newest first without words).
    #[default]
    Relevance,
    /// Most recently modified first.
    Modified,
    /// By title.
    Title,
}

impl SortKey {
    /// Every order, as the sort menu lists them.
    pub const ALL: [SortKey; 3] = [SortKey::Relevance, SortKey::Modified, SortKey::Title];

    /// The order's name in URLs.
    pub fn name(self) -> &'static str {
        match self {
            SortKey::Relevance => "relevance",
            SortKey::Modified => "modified",
            SortKey::Title => "title",
        }
    }

    fn from_name(name: &str) -> Self {
        Self::ALL
            .into_iter()
            .find(|key| key.name() == name)
            .unwrap_or_default()
    }
}

/// One catalog search.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct SearchParams {
    /// The words typed.
    #[cfg_attr(feature = "ssr", schema(max_length = 200))]
    pub q: String,
    /// Selected facet values: (facet name, value), sorted. Facets: type,
    /// theme, publisher, format, licence, keyword, language, access.
    pub filters: Vec<(String, String)>,
    /// Order of the results.
    pub sort: SortKey,
    /// Page number, from 1.
    #[cfg_attr(feature = "ssr", schema(minimum = 1))]
    pub page: usize,
    /// Results per page.
    #[cfg_attr(feature = "ssr", schema(minimum = 1, maximum = 100))]
    pub page_size: usize,
}

impl Default for SearchParams {
    fn default() -> Self {
        SearchParams {
            q: String::new(),
            filters: Vec::new(),
            sort: SortKey::default(),
            page: 1,
            page_size: PAGE_SIZE,
        }
    }
}

impl SearchParams {
    /// The search described by URL query pairs; unknown parameters and
    /// facets are ignored, and bad numbers fall back to the first page.
    pub fn from_pairs<'a>(pairs: impl IntoIterator<Item = (&'a str, &'a str)>) -> Self {
        let mut params = SearchParams::default();
        for (key, value) in pairs {
            match key {
                "q" => params.q = value.trim().chars().take(MAX_QUERY_CHARS).collect(),
                "sort" => params.sort = SortKey::from_name(value),
                "page" => params.page = value.parse().unwrap_or(1),
                facet if FACETS.contains(&facet) && !value.trim().is_empty() => {
                    params
                        .filters
                        .push((facet.to_owned(), value.trim().to_owned()));
                }
                _ => {}
            }
        }
        params.normalised()
    }

    /// The same search with its words cut to [`MAX_QUERY_CHARS`], its page
    /// in range and its filters in order.
    pub fn normalised(mut self) -> Self {
        if self.q.chars().count() > MAX_QUERY_CHARS {
            self.q = self.q.chars().take(MAX_QUERY_CHARS).collect();
        }
        self.page = self.page.clamp(1, MAX_PAGE);
        self.page_size = self.page_size.clamp(1, 100);
        self.filters.sort_by_key(|(name, value)| {
            (
                FACETS
                    .iter()
                    .position(|f| f == name)
                    .unwrap_or(FACETS.len()),
                value.clone(),
            )
        });
        self.filters.dedup();
        self
    }

    /// Whether `value` of `facet` is selected.
    pub fn has_filter(&self, facet: &str, value: &str) -> bool {
        self.filters.iter().any(|(n, v)| n == facet && v == value)
    }

    /// The same search, also filtered on `value` of `facet` (first page).
    pub fn with_filter(&self, facet: &str, value: &str) -> Self {
        let mut next = self.clone();
        next.filters.push((facet.to_owned(), value.to_owned()));
        next.page = 1;
        next.normalised()
    }

    /// The same search without the filter on `value` of `facet` (first page).
    pub fn without_filter(&self, facet: &str, value: &str) -> Self {
        let mut next = self.clone();
        next.filters.retain(|(n, v)| !(n == facet && v == value));
        next.page = 1;
        next
    }

    /// The same words and order, without any filter (first page).
    pub fn without_all_filters(&self) -> Self {
        let mut next = self.clone();
        next.filters.clear();
        next.page = 1;
        next
    }

    /// The same search on page `page`.
    pub fn with_page(&self, page: usize) -> Self {
        let mut next = self.clone();
        next.page = page;
        next.normalised()
    }

    /// The URL query string (without `?`): `q`, the filters in facet order,
    /// `sort` unless it is the default, `page` unless it is the first.
    pub fn query_string(&self) -> String {
        let mut out = form_urlencoded::Serializer::new(String::new());
        if !self.q.is_empty() {
            out.append_pair("q", &self.q);
        }
        for (name, value) in &self.filters {
            out.append_pair(name, value);
        }
        if self.sort != SortKey::default() {
            out.append_pair("sort", self.sort.name());
        }
        if self.page > 1 {
            out.append_pair("page", &self.page.to_string());
        }
        out.finish()
    }

    /// The address of this search.
    pub fn href(&self) -> String {
        let query = self.query_string();
        if query.is_empty() {
            "/catalog".to_owned()
        } else {
            format!("/catalog?{query}")
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(query: &str) -> SearchParams {
        let pairs: Vec<(String, String)> = form_urlencoded::parse(query.as_bytes())
            .into_owned()
            .collect();
        SearchParams::from_pairs(pairs.iter().map(|(k, v)| (k.as_str(), v.as_str())))
    }

    #[test]
    fn the_same_search_always_gives_the_same_url() {
        let a =
            parse("page=2&theme=http%3A%2F%2Fx%2FB&q=trees&theme=http%3A%2F%2Fx%2FA&type=dataset");
        let b =
            parse("type=dataset&theme=http%3A%2F%2Fx%2FA&theme=http%3A%2F%2Fx%2FB&q=trees&page=2");
        assert_eq!(a.href(), b.href());
        assert_eq!(
            a.href(),
            "/catalog?q=trees&type=dataset&theme=http%3A%2F%2Fx%2FA&theme=http%3A%2F%2Fx%2FB&page=2"
        );
    }

    #[test]
    fn bad_or_unknown_parameters_fall_back_to_the_defaults() {
        let params = parse("page=-3&sort=sideways&colour=red&theme=");
        assert_eq!(params, SearchParams::default());
        assert_eq!(params.href(), "/catalog");
        assert_eq!(parse("page=99999").page, MAX_PAGE);
    }

    #[test]
    fn adding_or_removing_a_filter_goes_back_to_the_first_page() {
        let params = parse("q=bike&page=3");
        let filtered = params.with_filter("format", "CSV");
        assert_eq!(filtered.page, 1);
        assert!(filtered.has_filter("format", "CSV"));
        assert_eq!(
            filtered.without_filter("format", "CSV").href(),
            "/catalog?q=bike"
        );
    }

    #[test]
    fn a_long_query_is_cut() {
        let long = "a".repeat(1000);
        assert_eq!(parse(&format!("q={long}")).q.len(), MAX_QUERY_CHARS);
        let typed = SearchParams {
            q: "é".repeat(300),
            ..SearchParams::default()
        };
        assert_eq!(typed.normalised().q.chars().count(), MAX_QUERY_CHARS);
    }
}
