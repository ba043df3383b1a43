//! A process's open data: proposals, comments, supports, survey results
//! and meetings as RFC 4180 CSV (UTF-8, CRLF, a header row) or as a JSON
//! array of objects with the same fields, written as they are read and
//! sent in chunks, so 100,000 comments never sit in memory. Nothing in
//! them names an account: authors appear by the pseudonym the pages show,
//! hidden, deleted and erased contributions are left out, supports are
//! counted per proposal and day, surveys per question and option (and only
//! once their results are public), engagement per week and kind.

use app::consult::survey::{QuestionKind, ResultChart};
use app::consult::{ExportFormat, ExportKind, PhaseKind};
use bytes::Bytes;
use futures_util::TryStreamExt;
use sqlx::AnyConnection;
use tokio::sync::mpsc;

use crate::consult::processes::Process;
use crate::consult::{
    citations, comments, engagement, meeting_outcomes, meetings, proposals, supports, survey_pages,
    surveys,
};
use crate::store::{SqlStore, Timestamp};

/// One value of a row.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    /// Text.
    Text(String),
    /// A whole number.
    Int(i64),
    /// A decimal number.
    Float(f64),
    /// Nothing (an empty CSV field, JSON `null`).
    Empty,
    /// Several values (CSV: separated by spaces; JSON: an array).
    List(Vec<String>),
}

impl From<Option<String>> for Cell {
    fn from(value: Option<String>) -> Self {
        value.map_or(Cell::Empty, Cell::Text)
    }
}

impl From<String> for Cell {
    fn from(value: String) -> Self {
        Cell::Text(value)
    }
}

impl From<&str> for Cell {
    fn from(value: &str) -> Self {
        Cell::Text(value.to_owned())
    }
}

impl From<i64> for Cell {
    fn from(value: i64) -> Self {
        Cell::Int(value)
    }
}

impl From<Option<i64>> for Cell {
    fn from(value: Option<i64>) -> Self {
        value.map_or(Cell::Empty, Cell::Int)
    }
}

impl From<Option<f64>> for Cell {
    fn from(value: Option<f64>) -> Self {
        value.map_or(Cell::Empty, Cell::Float)
    }
}

/// The fields of each export, in order: the CSV header and the JSON keys.
pub fn columns(kind: ExportKind) -> &'static [&'static str] {
    kind.columns()
}

/// The reader went away: stop reading.
#[derive(Debug)]
pub struct Gone;

/// Writes rows in one format into chunks sent to the response.
pub struct Writer {
    format: ExportFormat,
    columns: &'static [&'static str],
    buffer: Vec<u8>,
    rows: usize,
    to: Option<mpsc::Sender<Result<Bytes, std::io::Error>>>,
}

/// Chunks are sent once they hold this many bytes.
const CHUNK: usize = 64 * 1024;

fn csv_field(out: &mut Vec<u8>, text: &str) {
    if text.contains([',', '"', '\r', '\n']) {
        out.push(b'"');
        out.extend_from_slice(text.replace('"', "\"\"").as_bytes());
        out.push(b'"');
    } else {
        out.extend_from_slice(text.as_bytes());
    }
}

impl Writer {
    /// A writer of `kind` in `format`, sending to `to` (`None`: keep all,
    /// for [`Writer::into_bytes`]).
    pub fn new(
        kind: ExportKind,
        format: ExportFormat,
        to: Option<mpsc::Sender<Result<Bytes, std::io::Error>>>,
    ) -> Writer {
        let columns = columns(kind);
        let mut buffer = Vec::with_capacity(CHUNK + 4096);
        match format {
            ExportFormat::Csv => {
                for (i, column) in columns.iter().enumerate() {
                    if i > 0 {
                        buffer.push(b',');
                    }
                    csv_field(&mut buffer, column);
                }
                buffer.extend_from_slice(b"\r\n");
            }
            ExportFormat::Json => buffer.push(b'['),
        }
        Writer {
            format,
            columns,
            buffer,
            rows: 0,
            to,
        }
    }

    /// Adds a row, its cells in the order of the columns.
    pub async fn row(&mut self, cells: Vec<Cell>) -> Result<(), Gone> {
        debug_assert_eq!(cells.len(), self.columns.len());
        match self.format {
            ExportFormat::Csv => {
                for (i, cell) in cells.iter().enumerate() {
                    if i > 0 {
                        self.buffer.push(b',');
                    }
                    match cell {
                        Cell::Text(t) => csv_field(&mut self.buffer, t),
                        Cell::Int(n) => self.buffer.extend_from_slice(n.to_string().as_bytes()),
                        Cell::Float(x) => self.buffer.extend_from_slice(x.to_string().as_bytes()),
                        Cell::Empty => {}
                        Cell::List(items) => csv_field(&mut self.buffer, &items.join(" ")),
                    }
                }
                self.buffer.extend_from_slice(b"\r\n");
            }
            ExportFormat::Json => {
                if self.rows > 0 {
                    self.buffer.push(b',');
                }
                self.buffer.push(b'\n');
                let object: serde_json::Map<String, serde_json::Value> = self
                    .columns
                    .iter()
                    .zip(cells)
                    .map(|(column, cell)| {
                        let value = match cell {
                            Cell::Text(t) => serde_json::Value::String(t),
                            Cell::Int(n) => n.into(),
                            Cell::Float(x) => x.into(),
                            Cell::Empty => serde_json::Value::Null,
                            Cell::List(items) => items.into(),
                        };
                        ((*column).to_owned(), value)
                    })
                    .collect();
                serde_json::to_writer(&mut self.buffer, &object).map_err(|_| Gone)?;
            }
        }
        self.rows += 1;
        if self.buffer.len() >= CHUNK {
            self.flush().await?;
        }
        Ok(())
    }

    async fn flush(&mut self) -> Result<(), Gone> {
        let Some(to) = &self.to else {
            return Ok(());
        };
        let chunk = Bytes::from(std::mem::replace(
            &mut self.buffer,
            Vec::with_capacity(CHUNK + 4096),
        ));
        to.send(Ok(chunk)).await.map_err(|_| Gone)
    }

    fn close(&mut self) {
        if self.format == ExportFormat::Json {
            self.buffer.extend_from_slice(b"\n]\n");
        }
    }

    /// Ends the export and sends what is left.
    pub async fn finish(mut self) -> Result<(), Gone> {
        self.close();
        self.flush().await
    }

    /// Ends the export and gives it whole (when built without a sender).
    pub fn into_bytes(mut self) -> Vec<u8> {
        self.close();
        self.buffer
    }
}

/// Why an export stopped.
#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    /// The database failed.
    #[error("the export failed to read: {0}")]
    Sql(#[from] sqlx::Error),
    /// The reader went away.
    #[error("the reader went away")]
    Gone,
}

impl From<Gone> for ExportError {
    fn from(_: Gone) -> Self {
        ExportError::Gone
    }
}

/// Writes process `process`'s export of `kind` into `out`; `base` is the
/// site's public address, for the links.
pub async fn write(
    db: &mut AnyConnection,
    process: &Process,
    kind: ExportKind,
    base: &str,
    out: &mut Writer,
) -> Result<(), ExportError> {
    let page = format!("{base}/consultations/{}", process.slug);
    match kind {
        ExportKind::Proposals => {
            let mut cited = citations::of_proposals(&mut *db, &process.id).await?;
            let mut rows = proposals::public_stream(&mut *db, &process.id);
            while let Some((p, author)) = rows.try_next().await? {
                let number = p.number;
                out.row(vec![
                    number.into(),
                    p.title.into(),
                    p.state.code().into(),
                    p.answer.into(),
                    p.answered_at.into(),
                    p.supports.into(),
                    p.comments.into(),
                    p.point.map(|(lat, _)| lat).into(),
                    p.point.map(|(_, lon)| lon).into(),
                    p.place.into(),
                    Cell::List(cited.remove(&number).unwrap_or_default()),
                    author.into(),
                    p.created_at.into(),
                    format!("{page}/proposals/{number}").into(),
                ])
                .await?;
            }
        }
        ExportKind::Comments => {
            let mut rows = comments::public_stream(&mut *db, &process.id);
            while let Some((c, author)) = rows.try_next().await? {
                out.row(vec![
                    c.id.into(),
                    c.proposal_number.into(),
                    c.parent_id.into(),
                    author.into(),
                    c.alignment.code().into(),
                    c.body.into(),
                    c.ups.into(),
                    c.downs.into(),
                    c.created_at.into(),
                    c.edited_at.into(),
                ])
                .await?;
            }
        }
        ExportKind::Supports => {
            for (proposal, day, count) in supports::per_day(&mut *db, &process.id).await? {
                out.row(vec![proposal.into(), day.into(), count.into()])
                    .await?;
            }
        }
        ExportKind::Surveys => survey_rows(db, process, out).await?,
        ExportKind::Engagement => {
            for week in engagement::of_process(&mut *db, process).await?.weeks {
                let c = week.counts;
                out.row(vec![
                    week.week.into(),
                    c.proposals.into(),
                    c.supports.into(),
                    c.comments.into(),
                    c.responses.into(),
                    c.registrations.into(),
                ])
                .await?;
            }
        }
        ExportKind::Meetings => {
            for m in meetings::of_process(&mut *db, &process.id).await? {
                let outcomes =
                    meeting_outcomes::of_meeting(&mut *db, &process.id, m.number).await?;
                let c = m.content;
                out.row(vec![
                    m.number.into(),
                    c.title.into(),
                    c.format.code().into(),
                    c.starts_at.into(),
                    c.ends_at.into(),
                    c.time_zone.into(),
                    c.address.into(),
                    c.point.map(|(lat, _)| lat).into(),
                    c.point.map(|(_, lon)| lon).into(),
                    c.online_url.into(),
                    c.capacity.into(),
                    m.registered.into(),
                    m.waiting.into(),
                    m.minutes.as_ref().and_then(|x| x.attendance).into(),
                    m.minutes.map(|x| x.text).into(),
                    Cell::List(outcomes.iter().map(|o| o.number.to_string()).collect()),
                    format!("{page}/meetings/{}", m.number).into(),
                ])
                .await?;
            }
        }
    }
    Ok(())
}

/// One row per question and option of each survey whose results are
/// public (the process is in its results phase): counts, shares of those
/// who answered, average ranks; a free-text question gives one row with
/// how many wrote, not what they wrote.
async fn survey_rows(
    db: &mut AnyConnection,
    process: &Process,
    out: &mut Writer,
) -> Result<(), ExportError> {
    let now = Timestamp::now();
    let public = process
        .timeline
        .phase(PhaseKind::Results)
        .is_some_and(|p| p.starts_at.as_str() <= now.as_str());
    if !public {
        return Ok(());
    }
    for survey in surveys::of_process(&mut *db, &process.id).await? {
        let results = survey_pages::results(&mut *db, process, &survey, false, false)
            .await
            .map_err(|e| ExportError::Sql(sqlx::Error::Protocol(format!("{e:?}"))))?;
        let kinds: Vec<_> = survey
            .content
            .definition
            .questions()
            .map(|(_, q)| q.kind.clone())
            .collect();
        for question in results.questions {
            let kind = kinds.get(question.number).map(QuestionKind::question_type);
            let answered = question.answered;
            let share = |count: i64| {
                (answered > 0)
                    .then(|| ((count as f64 / answered as f64) * 10_000.0).round() / 10_000.0)
            };
            let base =
                |row: Cell, option: Cell, count: Cell, share: Option<f64>, rank: Option<f64>| {
                    vec![
                        survey.number.into(),
                        survey.content.title.as_str().into(),
                        (question.number as i64 + 1).into(),
                        kind.map_or(Cell::Empty, |k| k.code().into()),
                        question.prompt.as_str().into(),
                        row,
                        option,
                        count,
                        answered.into(),
                        share.into(),
                        rank.into(),
                    ]
                };
            match question.chart {
                ResultChart::Bars(bars) => {
                    for bar in bars {
                        let share = share(bar.count);
                        out.row(base(
                            Cell::Empty,
                            bar.label.into(),
                            bar.count.into(),
                            share,
                            None,
                        ))
                        .await?;
                    }
                }
                ResultChart::Ranks(ranks) => {
                    for rank in ranks {
                        out.row(base(
                            Cell::Empty,
                            rank.label.into(),
                            Cell::Empty,
                            None,
                            rank.average,
                        ))
                        .await?;
                    }
                }
                ResultChart::Matrix { rows, .. } => {
                    for row in rows {
                        for (point, count) in row.counts.iter().enumerate() {
                            out.row(base(
                                row.label.as_str().into(),
                                ((point + 1) as i64).to_string().into(),
                                (*count).into(),
                                share(*count),
                                None,
                            ))
                            .await?;
                        }
                    }
                }
                ResultChart::Texts { written, .. } => {
                    out.row(base(
                        Cell::Empty,
                        Cell::Empty,
                        written.into(),
                        share(written),
                        None,
                    ))
                    .await?;
                }
            }
        }
    }
    Ok(())
}

/// Streams process `process`'s export of `kind` in `format`: the chunks,
/// as a reading task produces them.
pub fn stream(
    sql: SqlStore,
    process: Process,
    kind: ExportKind,
    format: ExportFormat,
    base: String,
) -> mpsc::Receiver<Result<Bytes, std::io::Error>> {
    let (to, from) = mpsc::channel(4);
    tokio::spawn(async move {
        let failed = to.clone();
        let run = async {
            let mut db = sql.conn().await?;
            let mut out = Writer::new(kind, format, Some(to));
            write(&mut db, &process, kind, &base, &mut out).await?;
            out.finish().await?;
            Ok::<_, ExportError>(())
        };
        match run.await {
            Ok(()) | Err(ExportError::Gone) => {}
            Err(err) => {
                tracing::error!(
                    "the {} export of {} failed: {err}",
                    kind.code(),
                    process.slug
                );
                // The response is cut short, so no one takes it for whole.
                let _ = failed
                    .send(Err(std::io::Error::other(err.to_string())))
                    .await;
            }
        }
    });
    from
}
