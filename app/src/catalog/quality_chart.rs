//! A bar chart of metadata quality per publisher: one stacked bar of its
//! records by rating. Drawn in SVG with attributes only (the CSP allows no
//! inline style), and followed by the same figures as a table, which is the
//! chart's text alternative.

use leptos::prelude::*;

use crate::catalog::PublisherSummary;
use crate::catalog::quality_view::rating_label;
use crate::i18n::{t, t_string, use_i18n};

const RATINGS: [&str; 4] = ["excellent", "good", "sufficient", "bad"];
const COLOURS: [&str; 4] = ["#1e6b30", "#0b5cad", "#b07800", "#a4161a"];
const BAR_HEIGHT: u32 = 28;
const LABEL_WIDTH: u32 = 220;
const BAR_WIDTH: u32 = 460;

/// The chart for `publishers`.
#[component]
pub fn QualityChart(publishers: Vec<PublisherSummary>) -> impl IntoView {
    let i18n = use_i18n();
    let height = (publishers.len() as u32).max(1) * (BAR_HEIGHT + 8) + 40;
    let width = LABEL_WIDTH + BAR_WIDTH + 10;
    let title = t_string!(i18n, publishers.chart_title).to_string();
    view! {
        <figure class="quality-chart">
            <figcaption id="quality-chart-caption">{t!(i18n, publishers.chart_title)}</figcaption>
            <svg
                role="img"
                aria-labelledby="quality-chart-caption"
                viewBox=format!("0 0 {width} {height}")
                width="100%"
                preserveAspectRatio="xMinYMin meet"
            >
                <title>{title}</title>
                {publishers
                    .iter()
                    .enumerate()
                    .map(|(row, publisher)| {
                        let y = row as u32 * (BAR_HEIGHT + 8);
                        let total = publisher.records.max(1) as f64;
                        let mut x = LABEL_WIDTH as f64;
                        let segments: Vec<_> = RATINGS
                            .iter()
                            .zip(COLOURS)
                            .map(|(rating, colour)| {
                                let count = publisher
                                    .ratings
                                    .iter()
                                    .find(|(r, _)| r == rating)
                                    .map_or(0, |(_, c)| *c);
                                let w = f64::from(BAR_WIDTH) * count as f64 / total;
                                let segment = view! {
                                    <rect x=format!("{x:.1}") y=y width=format!("{w:.1}") height=BAR_HEIGHT fill=colour />
                                };
                                x += w;
                                segment
                            })
                            .collect();
                        view! {
                            <text x="0" y=y + BAR_HEIGHT * 2 / 3 font-size="14" fill="#1b1f24">
                                {short(&publisher.name)}
                            </text>
                            {segments}
                        }
                    })
                    .collect_view()}
                {RATINGS
                    .iter()
                    .zip(COLOURS)
                    .enumerate()
                    .map(|(i, (rating, colour))| {
                        let x = LABEL_WIDTH + i as u32 * 115;
                        let y = height - 24;
                        view! {
                            <rect x=x y=y width="14" height="14" fill=colour />
                            <text x=x + 20 y=y + 12 font-size="13" fill="#1b1f24">{rating_label(rating)}</text>
                        }
                    })
                    .collect_view()}
            </svg>
        </figure>
    }
    .into_any()
}

fn short(name: &str) -> String {
    if name.chars().count() > 28 {
        format!("{}…", name.chars().take(27).collect::<String>())
    } else {
        name.to_owned()
    }
}
