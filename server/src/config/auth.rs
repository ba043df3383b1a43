//! The settings for mail, OpenID Connect sign-in and the reverse proxy.

use super::{ConfigError, parse, parse_bool};

/// Sending mail, and signing in through a provider.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AuthConfig {
    /// `smtp://…` or `smtps://…`; `None` writes reset links to the log.
    pub smtp_url: Option<String>,
    /// The sender of Plaza's mail.
    pub smtp_from: String,
    /// The OpenID Connect provider, when one is configured.
    pub oidc: Option<OidcConfig>,
    /// A reverse proxy sets X-Forwarded-For.
    pub behind_proxy: bool,
    /// Sign-in, sign-up and reset posts per address and minute.
    pub sign_in_rate_per_minute: u32,
    /// Write API calls per address and minute.
    pub write_api_rate_per_minute: u32,
}

/// An OpenID Connect provider.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OidcConfig {
    /// Issuer URL (discovery at `{issuer}/.well-known/openid-configuration`).
    pub issuer: String,
    /// Client id registered at the provider.
    pub client_id: String,
    /// Client secret registered at the provider.
    pub client_secret: String,
    /// The provider's name on the sign-in button.
    pub name: String,
}

impl AuthConfig {
    /// Reads and checks the values (`get` gives a key's raw value).
    pub fn from_values(get: &impl Fn(&str) -> String) -> Result<Self, ConfigError> {
        let smtp_url = parse(&get("smtp_url"), "smtp_url", |v| {
            if v.is_empty() {
                Ok(None)
            } else if v.starts_with("smtp://") || v.starts_with("smtps://") {
                Ok(Some(v.to_owned()))
            } else {
                Err("it starts with neither smtp:// nor smtps://".into())
            }
        })?;
        let smtp_from = parse(&get("smtp_from"), "smtp_from", |v| {
            v.parse::<lettre::message::Mailbox>()
                .map(|_| v.to_owned())
                .map_err(|e| format!("it is not a mailbox ({e})"))
        })?;
        let issuer = get("oidc_issuer").trim().trim_end_matches('/').to_owned();
        let oidc = if issuer.is_empty() {
            None
        } else {
            let issuer = parse(&issuer, "oidc_issuer", |v| {
                if v.starts_with("https://") || v.starts_with("http://") {
                    Ok(v.to_owned())
                } else {
                    Err("it is not an http(s) URL".into())
                }
            })?;
            let required = |key: &'static str| {
                parse(&get(key), key, |v| {
                    if v.is_empty() {
                        Err("it is empty while oidc_issuer is set".into())
                    } else {
                        Ok(v.to_owned())
                    }
                })
            };
            Some(OidcConfig {
                issuer,
                client_id: required("oidc_client_id")?,
                client_secret: required("oidc_client_secret")?,
                name: required("oidc_name")?,
            })
        };
        let behind_proxy = parse(&get("behind_proxy"), "behind_proxy", parse_bool)?;
        let rate = |key: &'static str| {
            parse(&get(key), key, |v| match v.parse::<u32>() {
                Ok(0) => Err("it is zero".into()),
                Ok(n) => Ok(n),
                Err(e) => Err(e.to_string()),
            })
        };
        let sign_in_rate_per_minute = rate("sign_in_rate_per_minute")?;
        let write_api_rate_per_minute = rate("write_api_rate_per_minute")?;
        Ok(AuthConfig {
            smtp_url,
            smtp_from,
            oidc,
            behind_proxy,
            sign_in_rate_per_minute,
            write_api_rate_per_minute,
        })
    }
}
