//! The read-only consultations API for other parties (national portals,
//! researchers, newsrooms): `/api/v1/processes`, one process, its
//! proposals (paged, with the list's filters and sorts), its meetings and
//! its surveys (results only when they are public). Open to every origin
//! for GET; no personal data beyond the pseudonyms the pages show.

use std::collections::HashMap;

use app::consult::meeting::MeetingSummary;
use app::consult::survey::{SurveyResults, SurveySummary};
use app::consult::{Phase, PhaseKind, ProposalQuery, ProposalState};
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use serde::Serialize;
use sqlx::AnyConnection;

use crate::api::error::{ApiError, ErrorBody};
use crate::consult::processes::{self, Area, Process};
use crate::consult::proposals::{self, ListFilter};
use crate::consult::{
    citations, meeting_pages, meetings, results, results_dataset, survey_pages, surveys,
};
use crate::state::AppState;
use crate::store::Timestamp;

/// Proposals per page of the API.
const PER_PAGE: usize = 50;

/// A process.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct ApiProcess {
    /// Its short name.
    pub slug: String,
    /// Title.
    pub title: String,
    /// A sentence or two.
    pub summary: String,
    /// `upcoming`, `open` or `past`, by the clock.
    pub status: String,
    /// The phase running now.
    pub current_phase: Option<PhaseKind>,
    /// Its phases, in order (UTC).
    pub phases: Vec<Phase>,
    /// Its area: a place IRI, or a WKT polygon in WGS 84.
    pub area: Option<String>,
    /// The organising organisation's short name.
    pub organisation: Option<String>,
    /// The catalog records it cites.
    pub evidence: Vec<String>,
    /// Its page.
    pub url: String,
    /// Its results page.
    pub results_url: String,
    /// Its results dataset in the catalog, once published.
    pub results_dataset: Option<String>,
}

/// A proposal.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct ApiProposal {
    /// Its number in the process.
    pub number: i64,
    /// Title.
    pub title: String,
    /// Body, Markdown.
    pub body: String,
    /// Where it is in its life.
    pub state: ProposalState,
    /// The official answer, Markdown.
    pub answer: Option<String>,
    /// When it was answered.
    pub answered_at: Option<String>,
    /// Supports.
    pub supports: i64,
    /// Public comments.
    pub comments: i64,
    /// Latitude (WGS 84).
    pub latitude: Option<f64>,
    /// Longitude (WGS 84).
    pub longitude: Option<f64>,
    /// The place in words.
    pub place: Option<String>,
    /// The catalog records it cites.
    pub citations: Vec<String>,
    /// When it was published.
    pub published_at: String,
    /// Its page.
    pub url: String,
}

/// A page of proposals.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct ApiProposalPage {
    /// Proposals matching the filters, in all.
    pub total: u64,
    /// This page, from 1.
    pub page: usize,
    /// Proposals per page.
    pub per_page: usize,
    /// The shuffle's seed (random order): pass it back to page on.
    pub seed: u32,
    /// The next page's address, if there is one.
    pub next: Option<String>,
    /// The proposals.
    pub items: Vec<ApiProposal>,
}

/// A meeting.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct ApiMeeting {
    /// When, where, seats.
    #[serde(flatten)]
    pub meeting: MeetingSummary,
    /// The video room.
    pub online_url: Option<String>,
    /// Latitude (WGS 84).
    pub latitude: Option<f64>,
    /// Longitude (WGS 84).
    pub longitude: Option<f64>,
    /// How many came, once it is over.
    pub attendance: Option<i64>,
    /// Its calendar file.
    pub calendar: String,
    /// Its page.
    pub url: String,
}

/// A survey, with its results when they are public.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct ApiSurvey {
    /// When it is open, how many answered.
    #[serde(flatten)]
    pub survey: SurveySummary,
    /// Its results, once public (the process's results phase).
    pub results: Option<SurveyResults>,
    /// Its page.
    pub url: String,
}

fn unavailable(err: impl std::fmt::Display) -> ApiError {
    ApiError::internal(err)
}

async fn process_named(db: &mut AnyConnection, slug: &str) -> Result<Process, ApiError> {
    processes::by_slug(db, slug)
        .await
        .map_err(unavailable)?
        .ok_or_else(|| {
            ApiError::new(
                StatusCode::NOT_FOUND,
                "unknown_process",
                format!("There is no consultation {slug:?}."),
            )
        })
}

fn area_text(area: &Area) -> String {
    match area {
        Area::Place(iri) => iri.clone(),
        other => other.wkt().unwrap_or_default(),
    }
}

async fn api_process(
    db: &mut AnyConnection,
    state: &AppState,
    process: &Process,
) -> Result<ApiProcess, ApiError> {
    let base = state.config.public_url.as_str();
    let now = Timestamp::now();
    let evidence = citations::of(&mut *db, &process.id, citations::PROCESS_EVIDENCE)
        .await
        .map_err(unavailable)?
        .into_iter()
        .map(|c| c.iri)
        .collect();
    let stored = results::get(&mut *db, &process.id)
        .await
        .map_err(unavailable)?;
    Ok(ApiProcess {
        slug: process.slug.clone(),
        title: process.title.clone(),
        summary: process.summary.clone(),
        status: process.timeline.status(now.as_str()).code().to_owned(),
        current_phase: process.timeline.current(now.as_str()).map(|p| p.kind),
        phases: process.timeline.phases().to_vec(),
        area: process.area.as_ref().map(area_text),
        organisation: process.organisation.as_ref().map(|o| o.as_str().to_owned()),
        evidence,
        url: format!("{base}/consultations/{}", process.slug),
        results_url: format!("{base}/consultations/{}/results", process.slug),
        results_dataset: stored.dataset_iri,
    })
}

/// Every consultation.
#[utoipa::path(
    get,
    path = "/api/v1/processes",
    summary = "Every consultation, with its phases and where to find its results",
    tag = "consultations",
    responses((status = 200, description = "The consultations", body = Vec<ApiProcess>))
)]
pub async fn list(State(state): State<AppState>) -> Result<axum::Json<Vec<ApiProcess>>, ApiError> {
    let mut db = state.stores.sql.conn().await.map_err(unavailable)?;
    let all = processes::all(&mut db).await.map_err(unavailable)?;
    let mut out = Vec::with_capacity(all.len());
    for process in &all {
        out.push(api_process(&mut db, &state, process).await?);
    }
    Ok(axum::Json(out))
}

/// One consultation.
#[utoipa::path(
    get,
    path = "/api/v1/processes/{slug}",
    summary = "One consultation",
    tag = "consultations",
    params(("slug" = String, Path, description = "The consultation's short name")),
    responses(
        (status = 200, description = "The consultation", body = ApiProcess),
        (status = 404, description = "No such consultation", body = ErrorBody)
    )
)]
pub async fn one(
    State(state): State<AppState>,
    Path(slug): Path<String>,
) -> Result<axum::Json<ApiProcess>, ApiError> {
    let mut db = state.stores.sql.conn().await.map_err(unavailable)?;
    let process = process_named(&mut db, &slug).await?;
    Ok(axum::Json(api_process(&mut db, &state, &process).await?))
}

/// A consultation's proposals, as the list filters and sorts them.
#[utoipa::path(
    get,
    path = "/api/v1/processes/{slug}/proposals",
    summary = "A consultation's public proposals, paged, with the list's filters and sorts",
    tag = "consultations",
    params(
        ("slug" = String, Path, description = "The consultation's short name"),
        ("state" = Option<String>, Query, description = "published, evaluating, accepted, rejected or withdrawn"),
        ("q" = Option<String>, Query, description = "Words in the title or body"),
        ("located" = Option<String>, Query, description = "1: only proposals with a point"),
        ("cites" = Option<String>, Query, description = "Only proposals citing this record IRI"),
        ("sort" = Option<String>, Query, description = "random (with seed), supports, comments or newest"),
        ("seed" = Option<u32>, Query, description = "The random order's seed, from an earlier page"),
        ("page" = Option<usize>, Query, description = "Page, from 1")
    ),
    responses(
        (status = 200, description = "A page of proposals", body = ApiProposalPage),
        (status = 404, description = "No such consultation", body = ErrorBody)
    )
)]
pub async fn proposals_of(
    State(state): State<AppState>,
    Path(slug): Path<String>,
    Query(params): Query<HashMap<String, String>>,
) -> Result<axum::Json<ApiProposalPage>, ApiError> {
    let query = ProposalQuery::from_params(|name| params.get(name).cloned());
    let seed = query.seed.unwrap_or_else(|| {
        let mut bytes = [0u8; 4];
        getrandom::fill(&mut bytes).expect("the operating system gives randomness");
        u32::from_le_bytes(bytes)
    });
    let mut db = state.stores.sql.conn().await.map_err(unavailable)?;
    let process = process_named(&mut db, &slug).await?;
    let numbers = match &query.cites {
        Some(iri) => Some(
            citations::proposals_citing(&mut db, &process.id, iri)
                .await
                .map_err(unavailable)?,
        ),
        None => None,
    };
    let filter = ListFilter {
        state: query.state,
        text: query.text.clone(),
        located: query.located,
        numbers,
    };
    let page = query.page.max(1);
    let (total, found) = proposals::list(
        &mut db,
        &process.id,
        &filter,
        query.sort,
        seed,
        (PER_PAGE as i64, ((page - 1) * PER_PAGE) as i64),
    )
    .await
    .map_err(unavailable)?;
    let base = state.config.public_url.as_str();
    let mut items = Vec::with_capacity(found.len());
    for p in found {
        let cited = citations::of(&mut db, &process.id, p.number)
            .await
            .map_err(unavailable)?;
        items.push(ApiProposal {
            number: p.number,
            title: p.title,
            body: p.body,
            state: p.state,
            answer: p.answer,
            answered_at: p.answered_at,
            supports: p.supports,
            comments: p.comments,
            latitude: p.point.map(|(lat, _)| lat),
            longitude: p.point.map(|(_, lon)| lon),
            place: p.place,
            citations: cited.into_iter().map(|c| c.iri).collect(),
            published_at: p.created_at,
            url: format!("{base}/consultations/{slug}/proposals/{}", p.number),
        });
    }
    let next = (((page * PER_PAGE) as u64) < total).then(|| {
        let mut next = query.at_page(page + 1);
        next.seed = Some(seed);
        format!(
            "{base}/api/v1/processes/{slug}/proposals?{}",
            next.to_query_string()
        )
    });
    Ok(axum::Json(ApiProposalPage {
        total,
        page,
        per_page: PER_PAGE,
        seed,
        next,
        items,
    }))
}

/// A consultation's meetings.
#[utoipa::path(
    get,
    path = "/api/v1/processes/{slug}/meetings",
    summary = "A consultation's meetings, by start",
    tag = "consultations",
    params(("slug" = String, Path, description = "The consultation's short name")),
    responses(
        (status = 200, description = "The meetings", body = Vec<ApiMeeting>),
        (status = 404, description = "No such consultation", body = ErrorBody)
    )
)]
pub async fn meetings_of(
    State(state): State<AppState>,
    Path(slug): Path<String>,
) -> Result<axum::Json<Vec<ApiMeeting>>, ApiError> {
    let mut db = state.stores.sql.conn().await.map_err(unavailable)?;
    let process = process_named(&mut db, &slug).await?;
    let now = Timestamp::now();
    let base = state.config.public_url.as_str();
    let all = meetings::of_process(&mut db, &process.id)
        .await
        .map_err(unavailable)?;
    Ok(axum::Json(
        all.iter()
            .map(|m| {
                let page = format!("{base}/consultations/{slug}/meetings/{}", m.number);
                ApiMeeting {
                    meeting: meeting_pages::summary(m, now.as_str()),
                    online_url: m.content.online_url.clone(),
                    latitude: m.content.point.map(|p| p.0),
                    longitude: m.content.point.map(|p| p.1),
                    attendance: m.minutes.as_ref().and_then(|x| x.attendance),
                    calendar: format!("{page}/calendar.ics"),
                    url: page,
                }
            })
            .collect(),
    ))
}

/// A consultation's surveys.
#[utoipa::path(
    get,
    path = "/api/v1/processes/{slug}/surveys",
    summary = "A consultation's surveys and polls, with their results once public",
    tag = "consultations",
    params(("slug" = String, Path, description = "The consultation's short name")),
    responses(
        (status = 200, description = "The surveys", body = Vec<ApiSurvey>),
        (status = 404, description = "No such consultation", body = ErrorBody)
    )
)]
pub async fn surveys_of(
    State(state): State<AppState>,
    Path(slug): Path<String>,
) -> Result<axum::Json<Vec<ApiSurvey>>, ApiError> {
    let mut db = state.stores.sql.conn().await.map_err(unavailable)?;
    let process = process_named(&mut db, &slug).await?;
    let now = Timestamp::now();
    let public = results_dataset::in_results(&process, now.as_str());
    let base = state.config.public_url.as_str();
    let mut out = Vec::new();
    for survey in surveys::of_process(&mut db, &process.id)
        .await
        .map_err(unavailable)?
    {
        let results = if public {
            Some(
                survey_pages::results(&mut db, &process, &survey, false, false)
                    .await
                    .map_err(|e| ApiError::internal(format!("{e:?}")))?,
            )
        } else {
            None
        };
        out.push(ApiSurvey {
            survey: survey_pages::summary(&process, &survey, now.as_str()),
            results,
            url: format!("{base}/consultations/{slug}/surveys/{}", survey.number),
        });
    }
    Ok(axum::Json(out))
}
