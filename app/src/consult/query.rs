//! The consultation lists' searches as they stand in the address, read
//! leniently (an unknown value is ignored, a page is clamped) and written
//! back in a fixed order, so the same list always has the same address and
//! its links work without JavaScript.

use crate::consult::{
    PhaseKind, ProcessQuery, ProcessStatus, ProposalQuery, ProposalSort, ProposalState,
};

/// Processes per page.
pub const PROCESSES_PER_PAGE: usize = 10;
/// Proposals per page.
pub const PROPOSALS_PER_PAGE: usize = 20;
/// The last page a list may ask for.
pub const MAX_PAGE: usize = 1000;
/// The longest text searched (longer text is cut).
pub const MAX_TEXT_CHARS: usize = 200;

fn page_of(value: Option<String>) -> usize {
    value
        .and_then(|p| p.trim().parse::<usize>().ok())
        .unwrap_or(1)
        .clamp(1, MAX_PAGE)
}

fn text_of(value: Option<String>) -> String {
    crate::consult::one_line(&value.unwrap_or_default())
        .chars()
        .take(MAX_TEXT_CHARS)
        .collect()
}

fn query_string(pairs: &[(&str, String)]) -> String {
    let mut out = form_urlencoded::Serializer::new(String::new());
    for (key, value) in pairs {
        out.append_pair(key, value);
    }
    let text = out.finish();
    if text.is_empty() {
        text
    } else {
        format!("?{text}")
    }
}

impl ProcessQuery {
    /// The search in an address's parameters (`get` reads one).
    pub fn from_params(get: impl Fn(&str) -> Option<String>) -> ProcessQuery {
        ProcessQuery {
            status: get("status").and_then(|s| ProcessStatus::from_code(&s)),
            phase: get("phase").and_then(|s| PhaseKind::from_code(&s)),
            text: text_of(get("q")),
            page: page_of(get("page")),
        }
    }

    /// The search's address, from `/consultations`.
    pub fn href(&self) -> String {
        let mut pairs = Vec::new();
        if let Some(status) = self.status {
            pairs.push(("status", status.code().to_owned()));
        }
        if let Some(phase) = self.phase {
            pairs.push(("phase", phase.code().to_owned()));
        }
        if !self.text.is_empty() {
            pairs.push(("q", self.text.clone()));
        }
        if self.page > 1 {
            pairs.push(("page", self.page.to_string()));
        }
        format!("/consultations{}", query_string(&pairs))
    }

    /// The same search at `page`.
    pub fn at_page(&self, page: usize) -> ProcessQuery {
        ProcessQuery {
            page,
            ..self.clone()
        }
    }
}

impl ProposalQuery {
    /// The search in an address's parameters (`get` reads one).
    pub fn from_params(get: impl Fn(&str) -> Option<String>) -> ProposalQuery {
        ProposalQuery {
            state: get("state").and_then(|s| ProposalState::from_code(&s)),
            text: text_of(get("q")),
            located: get("located").is_some_and(|v| v == "1" || v == "on"),
            cites: get("cites")
                .map(|c| c.trim().to_owned())
                .filter(|c| crate::consult::is_web_address(c)),
            sort: get("sort")
                .and_then(|s| ProposalSort::from_code(&s))
                .unwrap_or_default(),
            seed: get("seed").and_then(|s| s.trim().parse().ok()),
            page: page_of(get("page")),
        }
    }

    /// The search's query string (`?state=…`, or empty); the seed only
    /// matters, and is only written, for the random order.
    pub fn to_query_string(&self) -> String {
        let mut pairs = Vec::new();
        if let Some(state) = self.state {
            pairs.push(("state", state.code().to_owned()));
        }
        if !self.text.is_empty() {
            pairs.push(("q", self.text.clone()));
        }
        if self.located {
            pairs.push(("located", "1".to_owned()));
        }
        if let Some(cites) = &self.cites {
            pairs.push(("cites", cites.clone()));
        }
        if self.sort != ProposalSort::Random {
            pairs.push(("sort", self.sort.code().to_owned()));
        } else if let Some(seed) = self.seed {
            pairs.push(("seed", seed.to_string()));
        }
        if self.page > 1 {
            pairs.push(("page", self.page.to_string()));
        }
        query_string(&pairs)
    }

    /// The same search at `page`.
    pub fn at_page(&self, page: usize) -> ProposalQuery {
        ProposalQuery {
            page,
            ..self.clone()
        }
    }

    /// The same search in another order, from its first page.
    pub fn sorted(&self, sort: ProposalSort) -> ProposalQuery {
        ProposalQuery {
            sort,
            page: 1,
            ..self.clone()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn params<'a>(pairs: &'a [(&'a str, &'a str)]) -> impl Fn(&str) -> Option<String> + 'a {
        move |key| {
            pairs
                .iter()
                .find(|(k, _)| *k == key)
                .map(|(_, v)| v.to_string())
        }
    }

    #[test]
    fn a_proposal_search_reads_back_from_its_address() {
        let query = ProposalQuery::from_params(params(&[
            ("page", "3"),
            ("seed", "42"),
            ("state", "accepted"),
            ("located", "1"),
            ("q", "  bike   lane "),
        ]));
        assert_eq!(query.text, "bike lane");
        let text = query.to_query_string();
        assert_eq!(text, "?state=accepted&q=bike+lane&located=1&seed=42&page=3");
        let pairs: Vec<(String, String)> = form_urlencoded::parse(&text.as_bytes()[1..])
            .into_owned()
            .collect();
        let again = ProposalQuery::from_params(|k| {
            pairs
                .iter()
                .find(|(key, _)| key == k)
                .map(|(_, v)| v.clone())
        });
        assert_eq!(again, query);
        assert_eq!(
            query.sorted(ProposalSort::Newest).to_query_string(),
            "?state=accepted&q=bike+lane&located=1&sort=newest"
        );
    }

    #[test]
    fn nonsense_is_ignored_and_pages_are_clamped() {
        let query = ProcessQuery::from_params(params(&[
            ("status", "bogus"),
            ("phase", "supports"),
            ("page", "99999"),
        ]));
        assert_eq!(query.status, None);
        assert_eq!(query.page, MAX_PAGE);
        assert_eq!(query.at_page(1).href(), "/consultations?phase=supports");
        let cites = ProposalQuery::from_params(params(&[("cites", "javascript:x")]));
        assert_eq!(cites.cites, None);
    }
}
