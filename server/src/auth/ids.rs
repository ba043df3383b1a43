//! Ids that are all short strings in SQL but must never be mixed up: an
//! account's and an organisation's each get their own type, so that
//! `add_member(organisation, account)` does not compile with the two
//! swapped.

use std::fmt;

macro_rules! id_type {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize)]
        #[serde(transparent)]
        pub struct $name(String);

        impl $name {
            /// The id as stored.
            pub fn as_str(&self) -> &str {
                &self.0
            }

            /// An id read from the database or typed by an operator; it is
            /// checked where it is looked up (an unknown id finds nothing).
            pub fn from_stored(id: impl Into<String>) -> Self {
                $name(id.into())
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(&self.0)
            }
        }
    };
}

id_type!(
    /// An account's random id.
    AccountId
);

id_type!(
    /// An organisation's short name (`havenstad`), used in URLs and `--org`.
    OrganisationId
);

impl AccountId {
    /// A new random 128-bit id, as hex.
    pub fn random() -> Self {
        AccountId(crate::auth::random_id())
    }
}
