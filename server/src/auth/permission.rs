//! What a caller may do: handlers state the [`Permission`] they need, and
//! [`decide`] is the one place that grants or refuses it. Pages ask the
//! same function to hide what the server would refuse anyway.

use app::form_failure::FormFailure;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use oxigraph::model::{Graph, NamedNode};

use crate::auth::{ApiToken, Caller, OrganisationId, Person, Role};

/// Something a caller wants to do.
#[derive(Debug, Clone, Copy)]
pub enum Permission<'a> {
    /// Change one's own account: profile, password, data, deletion.
    ManageOwnAccount,
    /// Use the publishers' pages: import, the record form, drafts.
    Publish,
    /// Change or delete the stored record `record`, whose stored graph is
    /// `stored` (the importer checks again what is sent, inside its lock).
    EditRecord {
        /// The record's IRI.
        record: &'a NamedNode,
        /// Its graph as stored.
        stored: &'a Graph,
    },
    /// Write records through the API.
    WriteRecords,
    /// Make an API token for an organisation.
    CreateToken(&'a OrganisationId),
    /// Revoke an API token.
    RevokeToken(&'a ApiToken),
    /// Manage organisations, memberships and roles; read the audit log.
    Administer,
    /// Moderate contributions.
    Moderate,
    /// Take part in consultations: propose, support, comment, report, follow.
    Participate,
    /// Edit, withdraw or delete a proposal or comment written by `author`.
    ChangeContribution {
        /// The contribution's author.
        author: &'a crate::auth::AccountId,
    },
}

/// Why a permission is refused, in words for the person asking.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Refusal {
    /// Administrators only.
    AdministratorsOnly,
    /// Moderators and administrators only.
    ModeratorsOnly,
    /// Members of an organisation only.
    PublishersOnly,
    /// The record is another organisation's.
    AnotherOrganisationsRecord,
    /// Tokens of one's own organisations only.
    TokenForAnotherOrganisation,
    /// Revoking tokens of one's own organisations only.
    RevokeAnotherOrganisationsToken,
    /// The token writes for no organisation.
    TokenWithoutOrganisation,
    /// Only a contribution's author may change it.
    NotTheAuthor,
}

impl Refusal {
    /// A stable code for machine clients.
    pub fn code(self) -> &'static str {
        match self {
            Refusal::AdministratorsOnly => "administrators_only",
            Refusal::ModeratorsOnly => "moderators_only",
            Refusal::PublishersOnly => "publishers_only",
            Refusal::AnotherOrganisationsRecord => "not_your_records",
            Refusal::TokenForAnotherOrganisation | Refusal::RevokeAnotherOrganisationsToken => {
                "not_your_organisation"
            }
            Refusal::TokenWithoutOrganisation => "token_without_organisation",
            Refusal::NotTheAuthor => "not_the_author",
        }
    }

    /// The refusal as a form post's answer (translated).
    pub fn form_failure(self) -> FormFailure {
        match self {
            Refusal::AdministratorsOnly => FormFailure::AdministratorsOnly,
            Refusal::ModeratorsOnly => FormFailure::ModeratorsOnly,
            // A session is never a token: no form post meets the last one.
            Refusal::PublishersOnly | Refusal::TokenWithoutOrganisation => {
                FormFailure::PublishersOnly
            }
            Refusal::AnotherOrganisationsRecord => FormFailure::AnotherOrganisationsRecord,
            Refusal::TokenForAnotherOrganisation => FormFailure::TokenForAnotherOrganisation,
            Refusal::RevokeAnotherOrganisationsToken => {
                FormFailure::RevokeAnotherOrganisationsToken
            }
            Refusal::NotTheAuthor => FormFailure::NotTheAuthor,
        }
    }

    /// What is refused and what to do, in a sentence, for machine clients.
    pub fn message(self) -> &'static str {
        match self {
            Refusal::AdministratorsOnly => {
                "Only administrators manage organisations, memberships and roles."
            }
            Refusal::ModeratorsOnly => "Only moderators and administrators may do this.",
            Refusal::PublishersOnly => {
                "Only publishers may do this: ask an administrator to add you to your organisation."
            }
            Refusal::AnotherOrganisationsRecord => {
                "This record belongs to another organisation: you may not edit it."
            }
            Refusal::TokenForAnotherOrganisation => {
                "You may create tokens only for your own organisations."
            }
            Refusal::RevokeAnotherOrganisationsToken => {
                "You may revoke tokens only of your own organisations."
            }
            Refusal::TokenWithoutOrganisation => {
                "This token belongs to no organisation, so it may not write. Ask an administrator for a token made with `plaza token create --org ORG --name NAME`."
            }
            Refusal::NotTheAuthor => {
                "Only its author may edit, withdraw or delete a proposal or comment."
            }
        }
    }
}

/// A refused permission.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Denied {
    /// Nobody is signed in: sign in first, then go to `then`.
    SignInFirst {
        /// Where to go after signing in, if not the account page.
        then: Option<&'static str>,
    },
    /// Signed in, but not allowed.
    Forbidden(Refusal),
}

impl From<Denied> for app::services::ServiceError {
    /// A refusal as the pages' services report it.
    fn from(denied: Denied) -> Self {
        match denied {
            Denied::SignInFirst { .. } => app::services::ServiceError::SignInRequired,
            Denied::Forbidden(_) => app::services::ServiceError::Forbidden,
        }
    }
}

/// Whether `caller` may do what `permission` names.
pub fn decide(caller: &Caller, permission: Permission<'_>) -> Result<(), Denied> {
    let person = caller.person();
    let role = caller.role();
    let member_of = |org: &OrganisationId| caller.organisations().iter().any(|o| &o.id == org);
    let is_admin = role == Some(Role::Admin);
    let sign_in = |then| Err(Denied::SignInFirst { then });
    let refuse = |why| Err(Denied::Forbidden(why));
    match permission {
        Permission::ManageOwnAccount if person.is_none() => sign_in(None),
        Permission::ManageOwnAccount => Ok(()),
        Permission::Publish | Permission::EditRecord { .. } if person.is_none() => {
            sign_in(Some("/publish"))
        }
        Permission::Publish | Permission::EditRecord { .. }
            if !is_admin && caller.organisations().is_empty() =>
        {
            refuse(Refusal::PublishersOnly)
        }
        Permission::Publish => Ok(()),
        Permission::EditRecord { record, stored } => {
            if caller.write_scope().covers(record, stored) {
                Ok(())
            } else {
                refuse(Refusal::AnotherOrganisationsRecord)
            }
        }
        Permission::WriteRecords => match caller {
            Caller::Anonymous => sign_in(Some("/publish")),
            _ if caller.writes_everything() || !caller.organisations().is_empty() => Ok(()),
            Caller::Token(_) => refuse(Refusal::TokenWithoutOrganisation),
            Caller::Person(_) => refuse(Refusal::PublishersOnly),
        },
        _ if person.is_none() => sign_in(None),
        Permission::CreateToken(org) if is_admin || member_of(org) => Ok(()),
        Permission::CreateToken(_) => refuse(Refusal::TokenForAnotherOrganisation),
        Permission::RevokeToken(token)
            if is_admin || token.organisation.as_ref().is_some_and(member_of) =>
        {
            Ok(())
        }
        Permission::RevokeToken(_) => refuse(Refusal::RevokeAnotherOrganisationsToken),
        Permission::Administer if is_admin => Ok(()),
        Permission::Administer => refuse(Refusal::AdministratorsOnly),
        Permission::Moderate if role >= Some(Role::Moderator) => Ok(()),
        Permission::Moderate => refuse(Refusal::ModeratorsOnly),
        Permission::Participate => Ok(()),
        Permission::ChangeContribution { author }
            if person.is_some_and(|p| &p.account.id == author) =>
        {
            Ok(())
        }
        Permission::ChangeContribution { .. } => refuse(Refusal::NotTheAuthor),
    }
}

impl Caller {
    /// Whether the caller may do what `permission` names.
    pub fn may(&self, permission: Permission<'_>) -> bool {
        decide(self, permission).is_ok()
    }

    /// The person calling, when they may do what `permission` names.
    pub fn person_who_may(&self, permission: Permission<'_>) -> Result<&Person, Denied> {
        decide(self, permission)?;
        self.person().ok_or(Denied::SignInFirst { then: None })
    }
}

/// The answer to a form post that is refused: the sign-in page (and back),
/// or 403 with a sentence saying why. Nothing was changed.
impl IntoResponse for Denied {
    fn into_response(self) -> Response {
        match self {
            Denied::SignInFirst { then: None } => {
                Redirect::to("/account/sign-in?error=signin").into_response()
            }
            Denied::SignInFirst { then: Some(then) } => {
                Redirect::to(&format!("/account/sign-in?error=signin&next={then}")).into_response()
            }
            Denied::Forbidden(refusal) => {
                crate::html::form_failure(StatusCode::FORBIDDEN, refusal.form_failure())
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::auth::{Account, AccountId, Organisation, TokenHolder};

    fn person(role: Role, orgs: &[&str]) -> Caller {
        Caller::Person(Person {
            account: Account {
                id: AccountId::from_stored("a"),
                email: None,
                email_verified: true,
                has_password: true,
                pseudonym: "a".into(),
                role,
                created_at: String::new(),
                deleted: false,
            },
            organisations: orgs.iter().map(|id| organisation(id)).collect(),
            session_hash: String::new(),
        })
    }

    fn organisation(id: &str) -> Organisation {
        Organisation {
            id: OrganisationId::from_stored(id),
            name: id.into(),
            agent_iri: format!("https://x.example/agents/{id}"),
        }
    }

    fn token(org: Option<&str>, site_wide: bool) -> Caller {
        Caller::Token(TokenHolder {
            token: ApiToken {
                name: "t".into(),
                hash: String::new(),
                organisation: org.map(OrganisationId::from_stored),
                site_wide,
                created_at: String::new(),
                last_used_at: None,
                revoked_at: None,
            },
            organisations: org.into_iter().map(organisation).collect(),
        })
    }

    #[test]
    fn each_permission_goes_to_whom_it_should() {
        let parks = OrganisationId::from_stored("parks");
        let anonymous = Caller::Anonymous;
        let citizen = person(Role::Citizen, &[]);
        let publisher = person(Role::Citizen, &["parks"]);
        let other = person(Role::Citizen, &["roads"]);
        let moderator = person(Role::Moderator, &[]);
        let admin = person(Role::Admin, &[]);
        assert_eq!(
            decide(&anonymous, Permission::Publish),
            Err(Denied::SignInFirst {
                then: Some("/publish")
            })
        );
        assert_eq!(
            decide(&citizen, Permission::Publish),
            Err(Denied::Forbidden(Refusal::PublishersOnly))
        );
        assert!(publisher.may(Permission::Publish) && admin.may(Permission::Publish));
        assert!(publisher.may(Permission::CreateToken(&parks)));
        assert!(!other.may(Permission::CreateToken(&parks)));
        assert!(admin.may(Permission::CreateToken(&parks)));
        assert!(moderator.may(Permission::Moderate) && admin.may(Permission::Moderate));
        assert!(!publisher.may(Permission::Moderate) && !moderator.may(Permission::Administer));
        assert!(citizen.may(Permission::ManageOwnAccount));
        assert!(citizen.may(Permission::Participate) && !anonymous.may(Permission::Participate));
        let a = crate::auth::AccountId::from_stored("a");
        let b = crate::auth::AccountId::from_stored("b");
        assert!(citizen.may(Permission::ChangeContribution { author: &a }));
        assert_eq!(
            decide(&citizen, Permission::ChangeContribution { author: &b }),
            Err(Denied::Forbidden(Refusal::NotTheAuthor))
        );
        assert!(!admin.may(Permission::ChangeContribution { author: &b }));
        assert!(!anonymous.may(Permission::ManageOwnAccount));
        // Sessions and tokens get their write scope the same way.
        assert!(token(Some("parks"), false).may(Permission::WriteRecords));
        assert!(token(None, true).may(Permission::WriteRecords));
        assert_eq!(
            decide(&token(None, false), Permission::WriteRecords),
            Err(Denied::Forbidden(Refusal::TokenWithoutOrganisation))
        );
        assert_eq!(
            token(Some("parks"), false).write_scope(),
            publisher.write_scope()
        );
        assert_eq!(token(None, true).write_scope(), admin.write_scope());
    }

    #[test]
    fn a_stored_record_is_edited_by_its_own_publishers_and_administrators() {
        use oxigraph::model::{Literal, Triple};
        let record = NamedNode::new("https://x.example/datasets/a").unwrap();
        let mut stored = Graph::new();
        stored.insert(&Triple::new(
            record.clone(),
            NamedNode::new("http://purl.org/dc/terms/publisher").unwrap(),
            NamedNode::new("https://x.example/agents/parks").unwrap(),
        ));
        stored.insert(&Triple::new(
            record.clone(),
            NamedNode::new("http://purl.org/dc/terms/title").unwrap(),
            Literal::new_simple_literal("A"),
        ));
        let edit = Permission::EditRecord {
            record: &record,
            stored: &stored,
        };
        assert!(person(Role::Citizen, &["parks"]).may(edit));
        assert!(person(Role::Admin, &[]).may(edit));
        assert_eq!(
            decide(&person(Role::Citizen, &["roads"]), edit),
            Err(Denied::Forbidden(Refusal::AnotherOrganisationsRecord))
        );
    }
}
