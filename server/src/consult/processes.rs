//! Consultation processes and their phases: the tables `consult_processes`
//! and `consult_phases`. A process is written with its phases in the
//! caller's transaction, after `Timeline::new` checked them.

use app::consult::{Phase, PhaseKind, Timeline, TimelineError};
use sqlx::any::AnyRow;
use sqlx::{AnyConnection, Row};

use crate::auth::OrganisationId;
use crate::store::Timestamp;

/// The area a process is about.
#[derive(Debug, Clone, PartialEq)]
pub enum Area {
    /// A place named by an IRI (a GeoNames or city gazetteer entry).
    Place(String),
    /// A box: west, south, east, north, WGS 84 degrees.
    Bbox([f64; 4]),
    /// A polygon's outer ring: (longitude, latitude) pairs.
    Polygon(Vec<(f64, f64)>),
}

/// Why an area does not read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum AreaError {
    /// The place is not an absolute web address.
    #[error("the area's place must be a web address (https://…)")]
    BadPlace,
    /// The box is not four numbers in range, west < east, south < north.
    #[error(
        "the area's box must be west,south,east,north in degrees, west < east and south < north"
    )]
    BadBox,
    /// The polygon is not a GeoJSON Polygon of at least four positions.
    #[error("the area's polygon must be a GeoJSON Polygon whose ring has at least four positions")]
    BadPolygon,
}

impl Area {
    /// The area as stored: its kind and text.
    pub fn to_stored(&self) -> (&'static str, String) {
        match self {
            Area::Place(iri) => ("place", iri.clone()),
            Area::Bbox([w, s, e, n]) => ("bbox", format!("{w},{s},{e},{n}")),
            Area::Polygon(ring) => (
                "polygon",
                serde_json::json!({
                    "type": "Polygon",
                    "coordinates": [ring.iter().map(|(x, y)| [*x, *y]).collect::<Vec<_>>()],
                })
                .to_string(),
            ),
        }
    }

    /// The area from its kind and text.
    pub fn from_stored(kind: &str, text: &str) -> Result<Area, AreaError> {
        match kind {
            "place" if app::consult::is_web_address(text) => Ok(Area::Place(text.to_owned())),
            "place" => Err(AreaError::BadPlace),
            "bbox" => {
                let numbers: Vec<f64> = text
                    .split(',')
                    .map(|n| n.trim().parse::<f64>())
                    .collect::<Result<_, _>>()
                    .map_err(|_| AreaError::BadBox)?;
                match numbers[..] {
                    [w, s, e, n]
                        if w < e
                            && s < n
                            && w >= -180.0
                            && e <= 180.0
                            && s >= -90.0
                            && n <= 90.0 =>
                    {
                        Ok(Area::Bbox([w, s, e, n]))
                    }
                    _ => Err(AreaError::BadBox),
                }
            }
            _ => {
                let value: serde_json::Value =
                    serde_json::from_str(text).map_err(|_| AreaError::BadPolygon)?;
                if value["type"] != "Polygon" {
                    return Err(AreaError::BadPolygon);
                }
                let ring: Vec<(f64, f64)> = value["coordinates"][0]
                    .as_array()
                    .ok_or(AreaError::BadPolygon)?
                    .iter()
                    .map(|p| Some((p[0].as_f64()?, p[1].as_f64()?)))
                    .collect::<Option<_>>()
                    .ok_or(AreaError::BadPolygon)?;
                if ring.len() < 4 {
                    return Err(AreaError::BadPolygon);
                }
                Ok(Area::Polygon(ring))
            }
        }
    }

    /// A box or polygon as a WKT polygon in WGS 84 (`None` for a place).
    pub fn wkt(&self) -> Option<String> {
        let ring = match self {
            Area::Place(_) => return None,
            Area::Bbox([w, s, e, n]) => vec![(*w, *s), (*e, *s), (*e, *n), (*w, *n), (*w, *s)],
            Area::Polygon(ring) => ring.clone(),
        };
        let points: Vec<String> = ring.iter().map(|(x, y)| format!("{x} {y}")).collect();
        Some(format!("POLYGON(({}))", points.join(", ")))
    }

    /// Whether the point (latitude, longitude) is inside; a place named by
    /// an IRI has no shape here, so every point is.
    pub fn holds(&self, latitude: f64, longitude: f64) -> bool {
        match self {
            Area::Place(_) => true,
            Area::Bbox([w, s, e, n]) => {
                (*w..=*e).contains(&longitude) && (*s..=*n).contains(&latitude)
            }
            Area::Polygon(ring) => {
                // Even-odd rule on the outer ring.
                let (x, y) = (longitude, latitude);
                let mut inside = false;
                let mut j = ring.len() - 1;
                for i in 0..ring.len() {
                    let (xi, yi) = ring[i];
                    let (xj, yj) = ring[j];
                    if (yi > y) != (yj > y) && x < (xj - xi) * (y - yi) / (yj - yi) + xi {
                        inside = !inside;
                    }
                    j = i;
                }
                inside
            }
        }
    }

    /// The area in words, for the process page.
    pub fn describe(&self) -> String {
        match self {
            Area::Place(iri) => iri.clone(),
            Area::Bbox([w, s, e, n]) => format!("{s}°, {w}° – {n}°, {e}°"),
            Area::Polygon(ring) => format!("polygon of {} points", ring.len()),
        }
    }
}

/// A stored process.
#[derive(Debug, Clone)]
pub struct Process {
    /// Its random id.
    pub id: String,
    /// Its short name in addresses.
    pub slug: String,
    /// Title.
    pub title: String,
    /// A sentence or two.
    pub summary: String,
    /// The plan, Markdown.
    pub body: String,
    /// The area it is about.
    pub area: Option<Area>,
    /// The organising organisation.
    pub organisation: Option<OrganisationId>,
    /// The cover image's file name under the data directory, and its alt text.
    pub cover: Option<(String, String)>,
    /// Most supports a citizen may give in the process.
    pub max_supports: Option<u32>,
    /// Supports that make a proposal "accepted for study".
    pub support_threshold: Option<u32>,
    /// Its phases.
    pub timeline: Timeline,
    /// When it was last changed.
    pub updated_at: String,
}

/// A process to write.
#[derive(Debug, Clone)]
pub struct NewProcess {
    /// Short name: 2–80 lower-case letters, digits and hyphens.
    pub slug: String,
    /// Title.
    pub title: String,
    /// A sentence or two.
    pub summary: String,
    /// The plan, Markdown.
    pub body: String,
    /// The area.
    pub area: Option<Area>,
    /// The organising organisation.
    pub organisation: Option<OrganisationId>,
    /// Most supports per citizen.
    pub max_supports: Option<u32>,
    /// The "accepted for study" threshold.
    pub support_threshold: Option<u32>,
    /// The phases, in order.
    pub phases: Vec<Phase>,
}

/// Why a process was not written.
#[derive(Debug, thiserror::Error)]
pub enum ProcessError {
    /// The slug breaks the rules.
    #[error(
        "{0:?} is not a usable short name: 2 to 80 lower-case letters, digits and hyphens, starting with a letter"
    )]
    BadSlug(String),
    /// Another process has the slug.
    #[error("another consultation has the short name {0:?}")]
    SlugTaken(String),
    /// Title empty or over 200 characters, or summary over 600.
    #[error("the title must be 1 to 200 characters and the summary at most 600")]
    BadText,
    /// The phases are not a timeline.
    #[error("the phases are not usable: {0}")]
    Timeline(#[from] TimelineError),
    /// The database failed.
    #[error("consultation storage failed: {0}")]
    Sql(#[from] sqlx::Error),
}

/// Whether `slug` is a usable short name.
pub fn is_slug(slug: &str) -> bool {
    (2..=80).contains(&slug.len())
        && slug.starts_with(|c: char| c.is_ascii_lowercase())
        && slug
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
}

const COLUMNS: &str = "id, slug, title, summary, body, area_kind, area, organisation_id, \
     cover_file, cover_alt, max_supports, support_threshold, updated_at";

/// Creates a process with its phases, in `db`'s transaction.
pub async fn create(db: &mut AnyConnection, new: &NewProcess) -> Result<Process, ProcessError> {
    if !is_slug(&new.slug) {
        return Err(ProcessError::BadSlug(new.slug.clone()));
    }
    let title_chars = new.title.trim().chars().count();
    if title_chars == 0 || title_chars > 200 || new.summary.chars().count() > 600 {
        return Err(ProcessError::BadText);
    }
    let timeline = Timeline::new(new.phases.clone())?;
    if by_slug(&mut *db, &new.slug).await?.is_some() {
        return Err(ProcessError::SlugTaken(new.slug.clone()));
    }
    let id = crate::auth::random_id();
    let now = Timestamp::now();
    let (area_kind, area) = match &new.area {
        Some(area) => {
            let (kind, text) = area.to_stored();
            (Some(kind), Some(text))
        }
        None => (None, None),
    };
    sqlx::query(
        "INSERT INTO consult_processes (id, slug, title, summary, body, area_kind, area, \
         organisation_id, max_supports, support_threshold, created_at, updated_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $11)",
    )
    .bind(&id)
    .bind(&new.slug)
    .bind(new.title.trim())
    .bind(new.summary.trim())
    .bind(&new.body)
    .bind(area_kind)
    .bind(area)
    .bind(new.organisation.as_ref().map(|o| o.as_str().to_owned()))
    .bind(new.max_supports.map(i64::from))
    .bind(new.support_threshold.map(i64::from))
    .bind(now.as_str())
    .execute(&mut *db)
    .await?;
    write_phases(db, &id, &timeline).await?;
    Ok(Process {
        id,
        slug: new.slug.clone(),
        title: new.title.trim().to_owned(),
        summary: new.summary.trim().to_owned(),
        body: new.body.clone(),
        area: new.area.clone(),
        organisation: new.organisation.clone(),
        cover: None,
        max_supports: new.max_supports,
        support_threshold: new.support_threshold,
        timeline,
        updated_at: now.into_string(),
    })
}

/// Replaces process `id`'s text, area, organisation, limits and phases
/// with `new`'s (its slug stays), in `db`'s transaction.
pub async fn update(
    db: &mut AnyConnection,
    id: &str,
    new: &NewProcess,
) -> Result<(), ProcessError> {
    let title_chars = new.title.trim().chars().count();
    if title_chars == 0 || title_chars > 200 || new.summary.chars().count() > 600 {
        return Err(ProcessError::BadText);
    }
    let timeline = Timeline::new(new.phases.clone())?;
    let (area_kind, area) = match &new.area {
        Some(area) => {
            let (kind, text) = area.to_stored();
            (Some(kind), Some(text))
        }
        None => (None, None),
    };
    sqlx::query(
        "UPDATE consult_processes SET title = $1, summary = $2, body = $3, area_kind = $4, \
         area = $5, organisation_id = $6, max_supports = $7, support_threshold = $8, \
         updated_at = $9 WHERE id = $10",
    )
    .bind(new.title.trim())
    .bind(new.summary.trim())
    .bind(&new.body)
    .bind(area_kind)
    .bind(area)
    .bind(new.organisation.as_ref().map(|o| o.as_str().to_owned()))
    .bind(new.max_supports.map(i64::from))
    .bind(new.support_threshold.map(i64::from))
    .bind(Timestamp::now().as_str())
    .bind(id)
    .execute(&mut *db)
    .await?;
    write_phases(db, id, &timeline).await?;
    Ok(())
}

/// Sets (or, with `None`, removes) process `id`'s cover: its file name
/// under the data directory and its text alternative.
pub async fn set_cover(
    db: &mut AnyConnection,
    id: &str,
    cover: Option<(&str, &str)>,
) -> Result<(), sqlx::Error> {
    sqlx::query("UPDATE consult_processes SET cover_file = $1, cover_alt = $2 WHERE id = $3")
        .bind(cover.map(|c| c.0))
        .bind(cover.map(|c| c.1))
        .bind(id)
        .execute(&mut *db)
        .await?;
    Ok(())
}

async fn write_phases(
    db: &mut AnyConnection,
    id: &str,
    timeline: &Timeline,
) -> Result<(), sqlx::Error> {
    sqlx::query("DELETE FROM consult_phases WHERE process_id = $1")
        .bind(id)
        .execute(&mut *db)
        .await?;
    for phase in timeline.phases() {
        sqlx::query(
            "INSERT INTO consult_phases (process_id, kind, starts_at, ends_at) VALUES ($1, $2, $3, $4)",
        )
        .bind(id)
        .bind(phase.kind.code())
        .bind(&phase.starts_at)
        .bind(&phase.ends_at)
        .execute(&mut *db)
        .await?;
    }
    Ok(())
}

/// Takes the next proposal number of process `id` (an update, so two
/// transactions never get the same one).
pub async fn next_proposal_number(db: &mut AnyConnection, id: &str) -> Result<i64, sqlx::Error> {
    sqlx::query(
        "UPDATE consult_processes SET proposal_numbers = proposal_numbers + 1 WHERE id = $1 \
         RETURNING proposal_numbers",
    )
    .bind(id)
    .fetch_one(&mut *db)
    .await
    .map(|row| row.get::<i64, _>(0))
}

/// Waits for other transactions writing to process `id` (supports,
/// proposals) to finish, and keeps them waiting until this one ends: a
/// limit checked after this holds until the commit.
pub async fn hold(db: &mut AnyConnection, id: &str) -> Result<(), sqlx::Error> {
    sqlx::query("UPDATE consult_processes SET proposal_numbers = proposal_numbers WHERE id = $1")
        .bind(id)
        .execute(&mut *db)
        .await
        .map(|_| ())
}

fn process_of(row: &AnyRow, phases: Vec<Phase>) -> Result<Process, sqlx::Error> {
    let corrupt = |what: String| sqlx::Error::Decode(what.into());
    let area = match (
        row.get::<Option<String>, _>("area_kind"),
        row.get::<Option<String>, _>("area"),
    ) {
        (Some(kind), Some(text)) => {
            Some(Area::from_stored(&kind, &text).map_err(|e| corrupt(e.to_string()))?)
        }
        _ => None,
    };
    let cover = match (
        row.get::<Option<String>, _>("cover_file"),
        row.get::<Option<String>, _>("cover_alt"),
    ) {
        (Some(file), Some(alt)) => Some((file, alt)),
        _ => None,
    };
    let count = |column: &str| {
        row.get::<Option<i64>, _>(column)
            .and_then(|n| u32::try_from(n).ok())
    };
    Ok(Process {
        id: row.get("id"),
        slug: row.get("slug"),
        title: row.get("title"),
        summary: row.get("summary"),
        body: row.get("body"),
        area,
        organisation: row
            .get::<Option<String>, _>("organisation_id")
            .map(OrganisationId::from_stored),
        cover,
        max_supports: count("max_supports"),
        support_threshold: count("support_threshold"),
        timeline: Timeline::new(phases).map_err(|e| corrupt(e.to_string()))?,
        updated_at: row.get("updated_at"),
    })
}

async fn phases_of(db: &mut AnyConnection, id: &str) -> Result<Vec<Phase>, sqlx::Error> {
    let rows = sqlx::query(
        "SELECT kind, starts_at, ends_at FROM consult_phases WHERE process_id = $1 ORDER BY starts_at",
    )
    .bind(id)
    .fetch_all(&mut *db)
    .await?;
    Ok(rows
        .iter()
        .filter_map(|row| {
            Some(Phase {
                kind: PhaseKind::from_code(&row.get::<String, _>(0))?,
                starts_at: row.get(1),
                ends_at: row.get(2),
            })
        })
        .collect())
}

/// The process whose short name is `slug`.
pub async fn by_slug(db: &mut AnyConnection, slug: &str) -> Result<Option<Process>, sqlx::Error> {
    let row = sqlx::query(&format!(
        "SELECT {COLUMNS} FROM consult_processes WHERE slug = $1"
    ))
    .bind(slug)
    .fetch_optional(&mut *db)
    .await?;
    match row {
        Some(row) => {
            let phases = phases_of(db, &row.get::<String, _>("id")).await?;
            process_of(&row, phases).map(Some)
        }
        None => Ok(None),
    }
}

/// The process whose id is `id`.
pub async fn by_id(db: &mut AnyConnection, id: &str) -> Result<Option<Process>, sqlx::Error> {
    let row = sqlx::query(&format!(
        "SELECT {COLUMNS} FROM consult_processes WHERE id = $1"
    ))
    .bind(id)
    .fetch_optional(&mut *db)
    .await?;
    match row {
        Some(row) => process_of(&row, phases_of(db, id).await?).map(Some),
        None => Ok(None),
    }
}

/// Every process (a city runs tens of them, not thousands), newest first.
pub async fn all(db: &mut AnyConnection) -> Result<Vec<Process>, sqlx::Error> {
    let rows = sqlx::query(&format!(
        "SELECT {COLUMNS} FROM consult_processes ORDER BY created_at DESC, id"
    ))
    .fetch_all(&mut *db)
    .await?;
    let phases = sqlx::query(
        "SELECT process_id, kind, starts_at, ends_at FROM consult_phases ORDER BY starts_at",
    )
    .fetch_all(&mut *db)
    .await?;
    rows.iter()
        .map(|row| {
            let id: String = row.get("id");
            let mine = phases
                .iter()
                .filter(|p| p.get::<String, _>(0) == id)
                .filter_map(|p| {
                    Some(Phase {
                        kind: PhaseKind::from_code(&p.get::<String, _>(1))?,
                        starts_at: p.get(2),
                        ends_at: p.get(3),
                    })
                })
                .collect();
            process_of(row, mine)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn areas_read_back_and_hold_their_points() {
        let bbox = Area::from_stored("bbox", "3.6,51.0,3.8,51.1").unwrap();
        assert!(bbox.holds(51.05, 3.7) && !bbox.holds(52.0, 3.7));
        let (kind, text) = bbox.to_stored();
        assert_eq!(Area::from_stored(kind, &text).unwrap(), bbox);
        let square = r#"{"type":"Polygon","coordinates":[[[0,0],[2,0],[2,2],[0,2],[0,0]]]}"#;
        let polygon = Area::from_stored("polygon", square).unwrap();
        assert!(polygon.holds(1.0, 1.0) && !polygon.holds(3.0, 1.0));
        assert_eq!(
            Area::from_stored("bbox", "3.8,51,3.6,51.1"),
            Err(AreaError::BadBox)
        );
        assert_eq!(
            Area::from_stored("polygon", r#"{"type":"Point","coordinates":[0,0]}"#),
            Err(AreaError::BadPolygon)
        );
        assert!(is_slug("cycle-route-2027") && !is_slug("Cycle") && !is_slug("a"));
    }
}
