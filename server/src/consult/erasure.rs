//! "Also erase my contributions": when a person deletes their account and
//! ticks it, the text of their proposals and comments goes too (threads
//! keep their shape, counts stay right), in the deletion's transaction.

use sqlx::AnyConnection;

use crate::auth::AccountId;
use crate::auth::personal_data::BoxFuture;
use crate::consult::{comments, proposals};

/// Erases `author`'s public contributions inside `db`'s transaction.
pub fn erase_contributions<'a>(
    db: &'a mut AnyConnection,
    author: &'a AccountId,
) -> BoxFuture<'a, Result<(), sqlx::Error>> {
    Box::pin(async move {
        proposals::erase_by(db, author).await?;
        for (process_id, number, count) in comments::erase_by(db, author).await? {
            proposals::count_comment(db, &process_id, number, -count).await?;
        }
        Ok(())
    })
}
