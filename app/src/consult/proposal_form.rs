//! The proposal form's fields and their checks, the same on both sides:
//! the server refuses with these problems (and keeps what was typed as a
//! draft), the page shows them next to their fields.

use serde::{Deserialize, Serialize};

/// Shortest title.
pub const TITLE_MIN: usize = 5;
/// Longest title.
pub const TITLE_MAX: usize = 150;
/// Longest body.
pub const BODY_MAX: usize = 10_000;
/// Longest place text.
pub const PLACE_MAX: usize = 200;
/// Most citations on one proposal.
pub const CITATIONS_MAX: usize = 20;

/// What the form posts, as typed.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct ProposalInput {
    /// Title.
    #[serde(default)]
    pub title: String,
    /// Body, Markdown.
    #[serde(default)]
    pub body: String,
    /// Latitude, decimal degrees (WGS 84), or empty.
    #[serde(default)]
    pub latitude: String,
    /// Longitude, decimal degrees (WGS 84), or empty.
    #[serde(default)]
    pub longitude: String,
    /// A place in words (an address, a street corner), kept as text.
    #[serde(default)]
    pub place: String,
    /// Catalog record IRIs, one per line.
    #[serde(default)]
    pub citations: String,
}

/// A proposal that passed the form's checks.
#[derive(Debug, Clone, PartialEq)]
pub struct ProposalContent {
    /// Title, on one line.
    pub title: String,
    /// Body, Markdown.
    pub body: String,
    /// Latitude and longitude.
    pub point: Option<(f64, f64)>,
    /// The place in words.
    pub place: Option<String>,
    /// The IRIs cited, each once, in the order typed.
    pub citations: Vec<String>,
}

/// Why the form was refused; each is about one field.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub enum ProposalProblem {
    /// The title is shorter than [`TITLE_MIN`].
    TitleShort,
    /// The title is longer than [`TITLE_MAX`].
    TitleLong,
    /// The body is empty.
    BodyEmpty,
    /// The body is longer than [`BODY_MAX`].
    BodyLong,
    /// The place is longer than [`PLACE_MAX`].
    PlaceLong,
    /// Only one of latitude and longitude, or not numbers in range.
    Coordinates,
    /// The point is outside the process's area.
    OutsideArea,
    /// Line `line` (from 1) of the citations is not a web address.
    CitationNotIri {
        /// The line.
        line: usize,
    },
    /// The catalog has no record with this IRI.
    CitationUnknown {
        /// The IRI.
        iri: String,
    },
    /// More than [`CITATIONS_MAX`] citations.
    TooManyCitations,
}

impl ProposalProblem {
    /// The field it is about (the suffix of the field's id, `proposal-title`).
    pub fn field(&self) -> &'static str {
        match self {
            ProposalProblem::TitleShort | ProposalProblem::TitleLong => "title",
            ProposalProblem::BodyEmpty | ProposalProblem::BodyLong => "body",
            ProposalProblem::PlaceLong => "place",
            ProposalProblem::Coordinates | ProposalProblem::OutsideArea => "latitude",
            ProposalProblem::CitationNotIri { .. }
            | ProposalProblem::CitationUnknown { .. }
            | ProposalProblem::TooManyCitations => "citations",
        }
    }
}

/// `text` on one line: runs of white space (newlines included) become one
/// space, and the ends are trimmed.
pub fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Whether `text` is an absolute `http` or `https` address with a host and
/// nothing a browser would not send (spaces, angle brackets, quotes).
pub fn is_web_address(text: &str) -> bool {
    let rest = text
        .strip_prefix("https://")
        .or_else(|| text.strip_prefix("http://"));
    match rest {
        Some(rest) => {
            let host = rest.split(['/', '?', '#']).next().unwrap_or("");
            !host.is_empty()
                && text.len() <= 2000
                && !text
                    .chars()
                    .any(|c| c.is_whitespace() || c.is_control() || "<>\"{}|\\^`".contains(c))
        }
        None => false,
    }
}

pub(crate) fn coordinate(text: &str, limit: f64) -> Option<f64> {
    let value: f64 = text.trim().replace(',', ".").parse().ok()?;
    (value.is_finite() && value.abs() <= limit).then_some(value)
}

impl ProposalInput {
    /// The proposal, or every problem with the form (the server adds those
    /// only it can see: the area, unknown records).
    pub fn check(&self) -> Result<ProposalContent, Vec<ProposalProblem>> {
        let mut problems = Vec::new();
        let title = one_line(&self.title);
        let title_chars = title.chars().count();
        if title_chars < TITLE_MIN {
            problems.push(ProposalProblem::TitleShort);
        } else if title_chars > TITLE_MAX {
            problems.push(ProposalProblem::TitleLong);
        }
        let body = self.body.trim().replace("\r\n", "\n");
        if body.is_empty() {
            problems.push(ProposalProblem::BodyEmpty);
        } else if body.chars().count() > BODY_MAX {
            problems.push(ProposalProblem::BodyLong);
        }
        let place = one_line(&self.place);
        if place.chars().count() > PLACE_MAX {
            problems.push(ProposalProblem::PlaceLong);
        }
        let point = match (self.latitude.trim(), self.longitude.trim()) {
            ("", "") => None,
            (lat, lon) => match (coordinate(lat, 90.0), coordinate(lon, 180.0)) {
                (Some(lat), Some(lon)) => Some((lat, lon)),
                _ => {
                    problems.push(ProposalProblem::Coordinates);
                    None
                }
            },
        };
        let mut citations: Vec<String> = Vec::new();
        for (i, line) in self.citations.lines().enumerate() {
            let iri = line.trim();
            if iri.is_empty() {
                continue;
            }
            if !is_web_address(iri) {
                problems.push(ProposalProblem::CitationNotIri { line: i + 1 });
            } else if !citations.iter().any(|c| c == iri) {
                citations.push(iri.to_owned());
            }
        }
        if citations.len() > CITATIONS_MAX {
            problems.push(ProposalProblem::TooManyCitations);
        }
        if problems.is_empty() {
            Ok(ProposalContent {
                title,
                body,
                point,
                place: (!place.is_empty()).then_some(place),
                citations,
            })
        } else {
            Err(problems)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn input(title: &str, body: &str) -> ProposalInput {
        ProposalInput {
            title: title.into(),
            body: body.into(),
            ..ProposalInput::default()
        }
    }

    #[test]
    fn a_good_proposal_passes_in_its_cleaned_form() {
        let mut form = input("  A  safer\ncrossing ", "Please.\r\n");
        form.latitude = "51,05".into();
        form.longitude = "3.72".into();
        form.citations = "https://data.havenstad.example/datasets/a\n\nhttps://data.havenstad.example/datasets/a\n".into();
        let content = form.check().unwrap();
        assert_eq!(content.title, "A safer crossing");
        assert_eq!(content.body, "Please.");
        assert_eq!(content.point, Some((51.05, 3.72)));
        assert_eq!(content.citations.len(), 1);
    }

    #[test]
    fn every_problem_names_its_field() {
        let mut form = input("Hi", "");
        form.latitude = "91".into();
        form.citations = "https://ok.example/a\nnot an address\njavascript:alert(1)".into();
        let problems = form.check().unwrap_err();
        assert_eq!(
            problems,
            vec![
                ProposalProblem::TitleShort,
                ProposalProblem::BodyEmpty,
                ProposalProblem::Coordinates,
                ProposalProblem::CitationNotIri { line: 2 },
                ProposalProblem::CitationNotIri { line: 3 },
            ]
        );
        assert_eq!(problems[2].field(), "latitude");
        let long = input(&"x".repeat(100_000), &"y".repeat(BODY_MAX + 1));
        assert_eq!(
            long.check().unwrap_err(),
            vec![ProposalProblem::TitleLong, ProposalProblem::BodyLong]
        );
        assert!(!is_web_address("https:///nohost") && is_web_address("http://a.example"));
    }
}
