//! What the account and administration pages show, as the server gives it.

use serde::{Deserialize, Serialize};

/// An organisation, as pages name it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct OrganisationView {
    /// Short name (`parks-department`).
    pub id: String,
    /// Display name.
    pub name: String,
    /// The IRI of its `foaf:Agent` in the catalog.
    pub agent_iri: String,
}

/// The person signed in on this browser.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct Viewer {
    /// Public pseudonym.
    pub pseudonym: String,
    /// Email (never shown to others).
    pub email: String,
    /// `citizen`, `moderator` or `admin`.
    pub role: String,
    /// The organisations they publish for.
    pub organisations: Vec<OrganisationView>,
    /// Whether they can sign in with a password.
    pub has_password: bool,
    /// The sign-in providers linked to the account (issuer URLs).
    pub providers: Vec<String>,
    /// When the account was made (RFC 3339).
    pub created_at: String,
}

impl Viewer {
    /// Whether they manage organisations, memberships and roles.
    pub fn is_admin(&self) -> bool {
        self.role == "admin"
    }

    /// Whether they may use the publishers' pages.
    pub fn is_publisher(&self) -> bool {
        self.is_admin() || !self.organisations.is_empty()
    }
}

/// Whether a password reset link works.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub enum ResetLink {
    /// It may set a new password.
    Valid,
    /// Older than an hour.
    Expired,
    /// Used already.
    Used,
    /// No such link.
    Unknown,
}

/// What the sign-in page offers besides a password.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct SignInOptions {
    /// The OpenID Connect provider's name, when one is configured.
    pub provider: Option<String>,
}

/// An account as administrators see it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct AccountRow {
    /// Account id (for the role form).
    pub id: String,
    /// Public pseudonym.
    pub pseudonym: String,
    /// Email.
    pub email: String,
    /// Site role.
    pub role: String,
    /// Names of the organisations they publish for.
    pub organisations: Vec<String>,
}

/// An organisation with its members, for administrators.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct OrganisationRow {
    /// The organisation.
    pub organisation: OrganisationView,
    /// Members as (pseudonym, email).
    pub members: Vec<(String, String)>,
}

/// The administration page.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct AdminView {
    /// Every organisation with its members.
    pub organisations: Vec<OrganisationRow>,
    /// Every account that is not deleted.
    pub accounts: Vec<AccountRow>,
}

/// One audit log entry.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct AuditRow {
    /// When (RFC 3339).
    pub at: String,
    /// Who.
    pub actor: String,
    /// What (`organisation.create`, …).
    pub action: String,
    /// To what.
    pub target: String,
    /// Details.
    pub detail: String,
}

/// One API token, never its secret.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct TokenRow {
    /// Its name.
    pub name: String,
    /// Its hash (identifies it for revocation).
    pub hash: String,
    /// When it was made.
    pub created_at: String,
    /// When it was last used.
    pub last_used_at: Option<String>,
    /// When it was revoked.
    pub revoked_at: Option<String>,
}

/// The tokens page.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct TokensView {
    /// Each organisation the viewer speaks for, with its tokens.
    pub organisations: Vec<(OrganisationView, Vec<TokenRow>)>,
    /// A token just created, shown this once.
    pub revealed: Option<String>,
}
