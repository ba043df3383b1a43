//! `plaza token`, `plaza org` and `plaza account`: the command line's
//! side of people and organisations, for the first administrator and for
//! scripts. Each change and its audit entry (as the command line) commit
//! together in one transaction.

use std::io::BufRead;

use anyhow::{Context, bail};

use crate::auth::accounts::{NewAccount, account_by_email, create_account, set_role};
use crate::auth::organisations::{
    add_member, create_organisation, list_organisations, organisation,
};
use crate::auth::{OrganisationId, Role, TokenScope, audit, create_token, revoke_token_named};
use crate::cli::{AccountCommand, OrgCommand, TokenCommand};
use crate::commands::create_data_dir;
use crate::config::Config;
use crate::store::SqlStore;

async fn open_sql(config: &Config) -> anyhow::Result<SqlStore> {
    create_data_dir(config)?;
    let sql = SqlStore::connect(&config.database_url).await?;
    sql.migrate().await?;
    Ok(sql)
}

/// `plaza token …`.
pub async fn token(config: Config, command: TokenCommand) -> anyhow::Result<()> {
    let sql = open_sql(&config).await?;
    let outcome = match command {
        TokenCommand::Create {
            org,
            all_organisations,
            name,
        } => create_cli_token(&sql, org.as_deref(), all_organisations, &name).await,
        TokenCommand::Revoke { name } => revoke_by_name(&sql, &name).await,
    };
    sql.close().await;
    outcome
}

async fn create_cli_token(
    sql: &SqlStore,
    org: Option<&str>,
    all_organisations: bool,
    name: &str,
) -> anyhow::Result<()> {
    let org = org.map(OrganisationId::from_stored);
    let (scope, writes) = match (&org, all_organisations) {
        (Some(org), false) => (
            TokenScope::Organisation(org),
            format!("only {org}'s records"),
        ),
        (None, true) => (
            TokenScope::AllOrganisations,
            "the records of every organisation".to_owned(),
        ),
        _ => bail!("Give either --org ORG or --all-organisations."),
    };
    let mut tx = sql.begin().await?;
    let token = create_token(&mut tx, scope, name, None).await?;
    let detail = format!("Created on the command line; it writes {writes}.");
    audit::record(&mut tx, None, "token.create", name.trim(), &detail).await?;
    tx.commit().await?;
    println!("{token}");
    eprintln!(
        "Created the token \"{}\". It is shown only now: store it safely. Send it as \
         `Authorization: Bearer <token>` to /api/import; it writes {writes}.",
        name.trim()
    );
    Ok(())
}

async fn revoke_by_name(sql: &SqlStore, name: &str) -> anyhow::Result<()> {
    let mut tx = sql.begin().await?;
    if !revoke_token_named(&mut tx, name).await? {
        bail!("There is no unrevoked token named \"{}\".", name.trim());
    }
    audit::record(
        &mut tx,
        None,
        "token.revoke",
        name.trim(),
        "Revoked on the command line.",
    )
    .await?;
    tx.commit().await?;
    eprintln!("Revoked the token \"{}\".", name.trim());
    Ok(())
}

/// `plaza org …`.
pub async fn org(config: Config, command: OrgCommand) -> anyhow::Result<()> {
    let sql = open_sql(&config).await?;
    let outcome = async {
        let mut tx = sql.begin().await?;
        match command {
            OrgCommand::Create {
                id,
                name,
                publisher,
            } => {
                let org = create_organisation(&mut tx, &id, &name, &publisher).await?;
                let detail = format!("Created {} with publisher {}.", org.name, org.agent_iri);
                audit::record(
                    &mut tx,
                    None,
                    "organisation.create",
                    org.id.as_str(),
                    &detail,
                )
                .await?;
                eprintln!("Created the organisation {} ({}).", org.id, org.name);
            }
            OrgCommand::List => {
                for org in list_organisations(&mut tx).await? {
                    println!("{}\t{}\t{}", org.id, org.name, org.agent_iri);
                }
            }
            OrgCommand::AddMember { org, email } => {
                let Some(found) =
                    organisation(&mut tx, &OrganisationId::from_stored(org.as_str())).await?
                else {
                    bail!("There is no organisation \"{org}\"; see `plaza org list`.");
                };
                let Some(member) = account_by_email(&mut tx, &email)
                    .await?
                    .filter(|a| !a.deleted)
                else {
                    bail!("There is no account with the email {email}.");
                };
                if add_member(&mut tx, &found.id, &member.id).await? {
                    let detail = format!("member added for {}.", found.name);
                    audit::record(&mut tx, None, "membership.add", &member.pseudonym, &detail)
                        .await?;
                    eprintln!("{} now publishes for {}.", member.pseudonym, found.name);
                } else {
                    eprintln!("{} already publishes for {}.", member.pseudonym, found.name);
                }
            }
        }
        tx.commit().await?;
        anyhow::Ok(())
    }
    .await;
    sql.close().await;
    outcome
}

/// `plaza account …`.
pub async fn account(config: Config, command: AccountCommand) -> anyhow::Result<()> {
    let sql = open_sql(&config).await?;
    let outcome = async {
        let mut tx = sql.begin().await?;
        match command {
            AccountCommand::Create { email, pseudonym, role } => {
                let role: Role = role.parse().map_err(anyhow::Error::msg)?;
                let mut password = String::new();
                std::io::stdin()
                    .lock()
                    .read_line(&mut password)
                    .context("Could not read the password from standard input")?;
                let password = password.trim_end_matches(['\r', '\n']);
                let created = create_account(
                    &mut tx,
                    NewAccount {
                        email: &email,
                        password: Some(password),
                        pseudonym: &pseudonym,
                        email_verified: false,
                    },
                )
                .await
                .map_err(|err| match err {
                    crate::auth::accounts::AccountError::Password(problem) => anyhow::anyhow!(
                        "The password is refused: {}",
                        match problem {
                            crate::auth::passwords::PasswordProblem::TooShort => "it has fewer than 12 characters.",
                            crate::auth::passwords::PasswordProblem::TooLong => "it has more than 200 characters.",
                            crate::auth::passwords::PasswordProblem::Common => "it is a common password (or one dressed up); choose a longer, unusual one.",
                        }
                    ),
                    other => other.into(),
                })?;
                if role != Role::Citizen {
                    set_role(&mut tx, &created.id, role).await?;
                    let detail = format!("Created with role {}.", role.as_str());
                    audit::record(&mut tx, None, "role.set", &created.pseudonym, &detail).await?;
                }
                eprintln!("Created the account {} ({}) with role {}.", created.pseudonym, email.trim(), role.as_str());
            }
            AccountCommand::SetRole { email, role } => {
                let role: Role = role.parse().map_err(anyhow::Error::msg)?;
                let Some(found) = account_by_email(&mut tx, &email).await?.filter(|a| !a.deleted) else {
                    bail!("There is no account with the email {email}.");
                };
                set_role(&mut tx, &found.id, role).await?;
                let detail = format!("Role {} → {}.", found.role.as_str(), role.as_str());
                audit::record(&mut tx, None, "role.set", &found.pseudonym, &detail).await?;
                eprintln!("{} is now {}.", found.pseudonym, role.as_str());
            }
        }
        tx.commit().await?;
        anyhow::Ok(())
    }
    .await;
    sql.close().await;
    outcome
}
