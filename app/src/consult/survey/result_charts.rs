//! A survey's results as server-rendered SVG charts, each with its data
//! table: bars with counts and percentages for choices and scales, average
//! ranks for a ranking, stacked points per matrix row, and the free-text
//! answers the reader may read. The SVG is drawn from the counts alone (no
//! script, no inline style: the colours are classes of the stylesheet);
//! its `<title>` says what it shows, and the table holds the same figures.

use leptos::prelude::*;

use crate::consult::survey::{
    Bar, MatrixRow, QuestionResult, Rank, ResultChart, SCALE_POINTS, SurveyResults, TextShown,
    percent, point_label,
};
use crate::i18n::{t, t_string, use_i18n};

/// The drawing's width, in its own units.
const WIDTH: u32 = 600;
/// The longest bar.
const BAR_MAX: f64 = 440.0;
/// One bar's row: its label above, the bar below.
const ROW: u32 = 46;

/// The results section of a survey's page.
#[component]
pub fn SurveyResultsView(results: SurveyResults, action: String) -> impl IntoView {
    let i18n = use_i18n();
    let moderated = results.moderated;
    let responses = results.responses;
    view! {
        <section id="results" class="survey-results" aria-labelledby="results-heading">
            <h2 id="results-heading">{t!(i18n, surveys.results_heading)}</h2>
            <p>{t!(i18n, surveys.responses_count, count = responses)}</p>
            {results
                .questions
                .into_iter()
                .map(|question| view! { <QuestionChart question moderated action=action.clone() /> })
                .collect_view()}
        </section>
    }
}

/// One question's result: its caption, chart and table; `prefix` keeps
/// its ids apart from another survey's on the same page.
#[component]
pub fn QuestionChart(
    question: QuestionResult,
    moderated: bool,
    action: String,
    #[prop(optional)] prefix: String,
) -> impl IntoView {
    let i18n = use_i18n();
    let caption = format!("{}. {}", question.number + 1, question.prompt);
    let answered = question.answered;
    let title_id = format!("{prefix}chart-{}-title", question.number);
    let chart = match question.chart {
        ResultChart::Bars(bars) => {
            view! { <Bars bars answered title_id=title_id.clone() caption=caption.clone() /> }
                .into_any()
        }
        ResultChart::Ranks(ranks) => {
            view! { <Ranks ranks title_id=title_id.clone() caption=caption.clone() /> }.into_any()
        }
        ResultChart::Matrix { rows, low, high } => {
            view! { <Matrix rows low high title_id=title_id.clone() caption=caption.clone() /> }
                .into_any()
        }
        ResultChart::Texts { written, shown } => {
            view! { <Texts written shown moderated number=question.number action /> }.into_any()
        }
    };
    view! {
        <figure class="survey-result">
            <figcaption>
                <strong>{caption.clone()}</strong>
                " · "
                {t!(i18n, surveys.answered_count, count = answered)}
            </figcaption>
            {chart}
        </figure>
    }
}

/// A bar's length for `value` of `max`.
fn length(value: f64, max: f64) -> f64 {
    if max <= 0.0 {
        0.0
    } else {
        (value / max * BAR_MAX).max(0.0)
    }
}

#[component]
fn Bars(bars: Vec<Bar>, answered: i64, title_id: String, caption: String) -> impl IntoView {
    let i18n = use_i18n();
    let max = bars.iter().map(|b| b.count).max().unwrap_or(0) as f64;
    let height = ROW * bars.len() as u32;
    let summary = bars
        .iter()
        .map(|b| {
            format!(
                "{}: {} ({} %)",
                b.label,
                b.count,
                percent(b.count, answered)
            )
        })
        .collect::<Vec<_>>()
        .join("; ");
    let drawn = bars
        .iter()
        .enumerate()
        .map(|(i, bar)| {
            let y = i as u32 * ROW;
            let w = length(bar.count as f64, max);
            let figure = format!("{} ({} %)", bar.count, percent(bar.count, answered));
            view! {
                <text x="0" y=(y + 16).to_string() class="chart-label">{bar.label.clone()}</text>
                <rect x="0" y=(y + 22).to_string() width=format!("{w:.1}") height="16" class="chart-bar" />
                <text x=format!("{:.1}", w + 8.0) y=(y + 35).to_string() class="chart-value">{figure}</text>
            }
        })
        .collect_view();
    let rows = bars
        .into_iter()
        .map(|bar| {
            let pct = percent(bar.count, answered);
            view! {
                <tr>
                    <th scope="row">{bar.label}</th>
                    <td>{bar.count}</td>
                    <td>{format!("{pct} %")}</td>
                </tr>
            }
        })
        .collect_view();
    let head = view! {
        <th scope="col">{t!(i18n, surveys.column_answer)}</th>
        <th scope="col">{t!(i18n, surveys.column_count)}</th>
        <th scope="col">{t!(i18n, surveys.column_percent)}</th>
    };
    view! {
        <ChartWithTable
            title_id
            caption
            summary
            height
            drawn=drawn.into_any()
            head=head.into_any()
            body=rows.into_any()
        />
    }
}

#[component]
fn Ranks(ranks: Vec<Rank>, title_id: String, caption: String) -> impl IntoView {
    let i18n = use_i18n();
    let count = ranks.len() as f64;
    let height = ROW * ranks.len() as u32;
    let mut ordered: Vec<Rank> = ranks;
    ordered.sort_by(|a, b| {
        let key = |r: &Rank| r.average.unwrap_or(f64::MAX);
        key(a).total_cmp(&key(b))
    });
    let shown = |average: Option<f64>| match average {
        Some(a) => format!("{a:.2}"),
        None => "–".to_owned(),
    };
    let summary = ordered
        .iter()
        .map(|r| format!("{}: {}", r.label, shown(r.average)))
        .collect::<Vec<_>>()
        .join("; ");
    let drawn = ordered
        .iter()
        .enumerate()
        .map(|(i, rank)| {
            let y = i as u32 * ROW;
            // The best rank (1) draws the longest bar.
            let w = rank.average.map_or(0.0, |a| length(count + 1.0 - a, count));
            view! {
                <text x="0" y=(y + 16).to_string() class="chart-label">{rank.label.clone()}</text>
                <rect x="0" y=(y + 22).to_string() width=format!("{w:.1}") height="16" class="chart-bar" />
                <text x=format!("{:.1}", w + 8.0) y=(y + 35).to_string() class="chart-value">{shown(rank.average)}</text>
            }
        })
        .collect_view();
    let rows = ordered
        .into_iter()
        .map(|rank| {
            view! {
                <tr>
                    <th scope="row">{rank.label}</th>
                    <td>{shown(rank.average)}</td>
                </tr>
            }
        })
        .collect_view();
    let head = view! {
        <th scope="col">{t!(i18n, surveys.column_option)}</th>
        <th scope="col">{t!(i18n, surveys.column_average_rank)}</th>
    };
    view! {
        <p class="hint">{t!(i18n, surveys.ranks_hint)}</p>
        <ChartWithTable
            title_id
            caption
            summary
            height
            drawn=drawn.into_any()
            head=head.into_any()
            body=rows.into_any()
        />
    }
}

#[component]
fn Matrix(
    rows: Vec<MatrixRow>,
    low: String,
    high: String,
    title_id: String,
    caption: String,
) -> impl IntoView {
    let i18n = use_i18n();
    let height = ROW * rows.len() as u32 + 30;
    let summary = rows
        .iter()
        .map(|r| {
            let counts = r
                .counts
                .iter()
                .enumerate()
                .map(|(p, c)| format!("{}: {c}", p + 1))
                .collect::<Vec<_>>()
                .join(", ");
            format!("{} ({counts})", r.label)
        })
        .collect::<Vec<_>>()
        .join("; ");
    let drawn = rows
        .iter()
        .enumerate()
        .map(|(i, row)| {
            let y = i as u32 * ROW;
            let total: i64 = row.counts.iter().sum();
            let mut x = 0.0;
            let segments = row
                .counts
                .iter()
                .enumerate()
                .map(|(p, c)| {
                    let w = length(*c as f64, total as f64);
                    let at = x;
                    x += w;
                    view! { <rect x=format!("{at:.1}") y=(y + 22).to_string() width=format!("{w:.1}") height="16" class=format!("chart-point-{}", p + 1) /> }
                })
                .collect_view();
            view! {
                <text x="0" y=(y + 16).to_string() class="chart-label">{row.label.clone()}</text>
                {segments}
            }
        })
        .collect_view();
    let legend_y = ROW * rows.len() as u32 + 18;
    let legend = (1..=SCALE_POINTS)
        .map(|p| {
            let x = (u32::from(p) - 1) * 90;
            view! {
                <rect x=x.to_string() y=(legend_y - 10).to_string() width="12" height="12" class=format!("chart-point-{p}") />
                <text x=(x + 16).to_string() y=legend_y.to_string() class="chart-value">{p.to_string()}</text>
            }
        })
        .collect_view();
    let points = (1..=SCALE_POINTS)
        .map(|p| view! { <th scope="col">{point_label(p, &low, &high)}</th> })
        .collect_view();
    let head = view! {
        <th scope="col">{t!(i18n, surveys.column_row)}</th>
        {points}
    };
    let body = rows
        .into_iter()
        .map(|row| {
            view! {
                <tr>
                    <th scope="row">{row.label}</th>
                    {row.counts.into_iter().map(|c| view! { <td>{c}</td> }).collect_view()}
                </tr>
            }
        })
        .collect_view();
    view! {
        <ChartWithTable
            title_id
            caption
            summary
            height
            drawn=view! { {drawn} {legend} }.into_any()
            head=head.into_any()
            body=body.into_any()
        />
    }
}

/// An SVG chart whose `<title>` says what it shows, `drawn` its marks, and
/// the same figures as a table (`head` its header cells, `body` its rows)
/// in a disclosure under it.
#[component]
fn ChartWithTable(
    title_id: String,
    caption: String,
    summary: String,
    height: u32,
    drawn: AnyView,
    head: AnyView,
    body: AnyView,
) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <svg viewBox=format!("0 0 {WIDTH} {height}") class="chart" role="img" aria-labelledby=title_id.clone() preserveAspectRatio="xMinYMin meet">
            <title id=title_id.clone()>{format!("{caption}. {summary}")}</title>
            {drawn}
        </svg>
        <details class="chart-table">
            <summary>{t!(i18n, surveys.data_table)}</summary>
            <table>
                <caption class="visually-hidden">{caption}</caption>
                <thead>
                    <tr>{head}</tr>
                </thead>
                <tbody>{body}</tbody>
            </table>
        </details>
    }
}

#[component]
fn Texts(
    written: i64,
    shown: Vec<TextShown>,
    moderated: bool,
    number: usize,
    action: String,
) -> impl IntoView {
    let i18n = use_i18n();
    let note = if moderated {
        t_string!(i18n, surveys.texts_moderated).to_string()
    } else {
        t_string!(i18n, surveys.texts_public).to_string()
    };
    let may_publish = !action.is_empty();
    let items = shown
        .into_iter()
        .map(|text| {
            let button = may_publish.then(|| {
                let label = if text.published {
                    t_string!(i18n, surveys.withdraw_text).to_string()
                } else {
                    t_string!(i18n, surveys.publish_text).to_string()
                };
                view! {
                    <form method="post" action=action.clone() class="inline-form">
                        <input type="hidden" name="response" value=text.response.clone() />
                        <input type="hidden" name="question" value=number.to_string() />
                        {(!text.published).then(|| view! { <input type="hidden" name="publish" value="true" /> })}
                        <button type="submit" class="button button-small button-secondary">{label}</button>
                    </form>
                }
            });
            let badge = (moderated && text.published)
                .then(|| view! { <span class="badge">{t!(i18n, surveys.published_badge)}</span> " " });
            view! {
                <li>
                    <blockquote>{text.text}</blockquote>
                    <p class="text-answer-actions">{badge}{button}</p>
                </li>
            }
        })
        .collect_view();
    view! {
        <p>{t!(i18n, surveys.texts_written, count = written)}</p>
        <p class="hint">{note}</p>
        <ul class="text-answers">{items}</ul>
    }
}
