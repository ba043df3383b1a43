//! The survey builder as a use case: a button that adds, removes or moves
//! a question keeps the form as a draft and comes back to it; Save checks
//! everything at once and writes the survey in one transaction with its
//! audit entry. A refused attempt is kept as a draft. Questions no longer
//! change once the survey has a response (`surveys::update` refuses).

use app::consult::survey::{BuilderAction, SurveyInput, SurveyProblem};

use crate::auth::{Account, audit};
use crate::consult::form_drafts::{self, Draft};
use crate::consult::processes;
use crate::consult::surveys::{self, SurveyContent, UpdateError};
use crate::store::SqlStore;

/// What a builder post did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Built {
    /// The survey is saved as number …
    Saved(i64),
    /// The form changed (a question added, removed or moved) and is kept
    /// as a draft, to be shown again.
    Edited,
}

/// Why the builder post was not taken.
#[derive(Debug, thiserror::Error)]
pub enum SurveyAdminError {
    /// No such process or survey.
    #[error("no such consultation or survey")]
    NotFound,
    /// The post named no button the form has.
    #[error("unknown action")]
    UnknownAction,
    /// The survey has problems; what was typed is kept as a draft.
    #[error("the survey has problems: {0:?}")]
    Refused(Vec<SurveyProblem>),
    /// The database failed.
    #[error("survey storage failed: {0}")]
    Sql(#[from] sqlx::Error),
}

/// Takes the builder's post for a new survey of `slug` (`number` =
/// `None`) or for survey `number`, by `moderator`.
pub async fn build(
    sql: &SqlStore,
    moderator: &Account,
    slug: &str,
    number: Option<i64>,
    posted: &[(String, String)],
) -> Result<Built, SurveyAdminError> {
    let (mut input, action) = SurveyInput::from_pairs(posted);
    let action = action.ok_or(SurveyAdminError::UnknownAction)?;
    let mut tx = sql.begin().await?;
    let process = processes::by_slug(&mut tx, slug)
        .await?
        .ok_or(SurveyAdminError::NotFound)?;
    if let Some(number) = number {
        surveys::get(&mut tx, &process.id, number)
            .await?
            .ok_or(SurveyAdminError::NotFound)?;
    }
    let draft = Draft::Survey {
        process_id: &process.id,
        number: number.unwrap_or(0),
    };
    if action != BuilderAction::Save {
        input.apply(action);
        form_drafts::save(
            &mut tx,
            &moderator.id,
            &draft,
            &input,
            &[] as &[SurveyProblem],
        )
        .await?;
        tx.commit().await?;
        return Ok(Built::Edited);
    }
    let phases: Vec<_> = process.timeline.phases().iter().map(|p| p.kind).collect();
    let refuse = |problems: Vec<SurveyProblem>| SurveyAdminError::Refused(problems);
    let checked = match input.check(&phases) {
        Ok(checked) => checked,
        Err(problems) => {
            form_drafts::save(&mut tx, &moderator.id, &draft, &input, &problems).await?;
            tx.commit().await?;
            return Err(refuse(problems));
        }
    };
    let content = SurveyContent {
        title: checked.title,
        intro: checked.intro,
        phase: checked.phase,
        results_after_answer: checked.results_after_answer,
        definition: checked.definition,
    };
    let (saved, action) = match number {
        Some(number) => match surveys::update(&mut tx, &process.id, number, &content).await {
            Ok(()) => (number, "survey.update"),
            Err(UpdateError::Answered) => {
                drop(tx);
                let mut db = sql.conn().await?;
                let problems = [SurveyProblem::Answered];
                form_drafts::save(&mut db, &moderator.id, &draft, &input, &problems).await?;
                return Err(refuse(problems.to_vec()));
            }
            Err(UpdateError::NotFound) => return Err(SurveyAdminError::NotFound),
            Err(UpdateError::Sql(err)) => return Err(err.into()),
        },
        None => {
            processes::hold(&mut tx, &process.id).await?;
            (
                surveys::create(&mut tx, &process.id, &content).await?,
                "survey.create",
            )
        }
    };
    form_drafts::discard(&mut tx, &moderator.id, &draft).await?;
    let detail = format!(
        "Survey {saved} of {slug}: {} questions, open during the {} phase.",
        content.definition.len(),
        content.phase.code()
    );
    audit::record(
        &mut tx,
        Some(moderator),
        action,
        &format!("{slug}/surveys/{saved}"),
        &detail,
    )
    .await?;
    tx.commit().await?;
    Ok(Built::Saved(saved))
}
