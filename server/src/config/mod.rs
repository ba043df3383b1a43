//! Plaza's one typed configuration, read from an optional `plaza.toml` and
//! from `PLAZA_*` environment variables (which win). Every value is checked
//! once here; a bad value stops start-up with the key and the expected form.

use std::collections::BTreeMap;
use std::net::SocketAddr;
use std::path::{Path, PathBuf};

mod auth;

pub use auth::{AuthConfig, OidcConfig};

/// Every setting, with its environment variable, file key, default and the
/// form it expects. The README's configuration table mirrors this list.
pub const SETTINGS: &[Setting] = &[
    Setting::new(
        "address",
        "127.0.0.1:3000",
        "a socket address such as 127.0.0.1:3000",
    ),
    Setting::new("data_dir", "./data", "a directory path"),
    Setting::new(
        "database_url",
        "sqlite://{data_dir}/plaza.db",
        "a URL starting with sqlite: or postgres://",
    ),
    Setting::new(
        "public_url",
        "http://{address}",
        "an absolute http(s) URL without query or fragment, such as https://data.example.org",
    ),
    Setting::new(
        "log_level",
        "info",
        "a tracing filter such as info or plaza=debug,warn",
    ),
    Setting::new("log_format", "text", "text or json"),
    Setting::new("demo", "true", "true or false"),
    Setting::new(
        "site_root",
        "target/site",
        "the directory holding the built pkg/ assets",
    ),
    Setting::new("max_body_bytes", "16777216", "a positive number of bytes"),
    Setting::new(
        "page_max_age_seconds",
        "60",
        "how long a shared cache may keep a page or record for readers who are not signed in, in seconds (0: revalidate every time)",
    ),
    Setting::new(
        "sparql_timeout_ms",
        "10000",
        "a positive number of milliseconds",
    ),
    Setting::new("sparql_max_rows", "10000", "a positive number of rows"),
    Setting::new(
        "auto_hide_reports",
        "3",
        "how many people must report a proposal or comment before it is hidden pending review (a positive number)",
    ),
    Setting::new(
        "time_zone",
        "Europe/Brussels",
        "the city's time zone, a name from the IANA time zone database such as Europe/Amsterdam (new meetings start in it)",
    ),
    Setting::new(
        "results_licence",
        "http://publications.europa.eu/resource/authority/licence/CC_BY_4_0",
        "the IRI of the licence of consultation results published in the catalog (an EU licence authority IRI such as …/licence/CC0)",
    ),
    Setting::new(
        "smtp_url",
        "",
        "empty (reset links go to the log), smtps://user:password@host:465 (TLS), smtp://user:password@host:587?tls=required (STARTTLS) or smtp://host:25 (plain, local relays only)",
    ),
    Setting::new(
        "smtp_from",
        "Plaza <noreply@localhost>",
        "a mailbox such as Plaza <noreply@example.org>",
    ),
    Setting::new(
        "oidc_issuer",
        "",
        "empty (no OpenID Connect sign-in) or the provider's issuer URL, such as https://login.example.org/realms/city",
    ),
    Setting::new(
        "oidc_client_id",
        "",
        "the client id registered at the provider",
    ),
    Setting::new(
        "oidc_client_secret",
        "",
        "the client secret registered at the provider",
    ),
    Setting::new(
        "oidc_name",
        "the city's sign-in",
        "the provider's name on the sign-in button, such as City account",
    ),
    Setting::new(
        "sign_in_rate_per_minute",
        "10",
        "how many sign-in, sign-up and reset posts one address may make per minute (a positive number)",
    ),
    Setting::new(
        "write_api_rate_per_minute",
        "60",
        "how many write API calls one address may make per minute (a positive number)",
    ),
    Setting::new(
        "behind_proxy",
        "false",
        "true when a reverse proxy sets X-Forwarded-For (rate limits then count per client address it gives)",
    ),
];

/// One configuration key.
#[derive(Debug, Clone, Copy)]
pub struct Setting {
    /// Key in `plaza.toml`; the environment variable is `PLAZA_` + upper case.
    pub key: &'static str,
    /// Default value, with `{other_key}` standing for another setting's value.
    pub default: &'static str,
    /// What a valid value looks like, for error messages and the README.
    pub expected: &'static str,
}

impl Setting {
    const fn new(key: &'static str, default: &'static str, expected: &'static str) -> Self {
        Setting {
            key,
            default,
            expected,
        }
    }

    /// The environment variable that sets this key.
    pub fn env_var(&self) -> String {
        format!("PLAZA_{}", self.key.to_ascii_uppercase())
    }
}

/// How log lines are written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LogFormat {
    /// Human-readable lines.
    Text,
    /// One JSON object per line, for log collectors.
    Json,
}

/// The public base URL under which Plaza mints IRIs, without trailing slash.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PublicUrl(String);

impl PublicUrl {
    /// Parses and normalises a base URL (scheme and host required, no query or fragment).
    pub fn parse(value: &str) -> Result<Self, String> {
        let trimmed = value.trim_end_matches('/');
        let rest = trimmed
            .strip_prefix("https://")
            .or_else(|| trimmed.strip_prefix("http://"))
            .ok_or("it must start with http:// or https://")?;
        if rest.is_empty() || rest.starts_with('/') {
            return Err("it has no host".into());
        }
        if trimmed.contains(['?', '#']) {
            return Err("it must not have a query or fragment".into());
        }
        oxigraph::model::NamedNode::new(format!("{trimmed}/"))
            .map_err(|err| format!("it is not a valid IRI ({err})"))?;
        Ok(PublicUrl(trimmed.to_owned()))
    }

    /// The URL without trailing slash, e.g. `https://data.example.org`.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The base IRI against which relative IRIs resolve (with trailing slash).
    pub fn base_iri(&self) -> String {
        format!("{}/", self.0)
    }

    /// Whether the site is served over TLS (secure cookies, HSTS).
    pub fn is_https(&self) -> bool {
        self.0.starts_with("https://")
    }
}

/// The validated configuration.
#[derive(Debug, Clone)]
pub struct Config {
    /// Where the server listens.
    pub address: SocketAddr,
    /// Where the embedded stores keep their files.
    pub data_dir: PathBuf,
    /// SQL database: SQLite (embedded) or PostgreSQL.
    pub database_url: String,
    /// Base URL for minted IRIs and absolute links.
    pub public_url: PublicUrl,
    /// Tracing filter directive.
    pub log_level: String,
    /// Text or JSON logs.
    pub log_format: LogFormat,
    /// Seed the demo city on first start with empty stores.
    pub demo: bool,
    /// Directory with the built front-end assets (`pkg/`, favicon, …).
    pub site_root: PathBuf,
    /// Largest request body accepted; larger ones get 413.
    pub max_body_bytes: usize,
    /// How long a shared cache may keep an anonymous page (`max-age`).
    pub page_max_age_seconds: u64,
    /// Longest a `/sparql` query may run.
    pub sparql_timeout_ms: u64,
    /// Most result rows (or triples) a `/sparql` answer may hold.
    pub sparql_max_rows: usize,
    /// Distinct reports that hide a contribution pending review.
    pub auto_hide_reports: usize,
    /// The city's time zone (IANA name): where new meetings are.
    pub time_zone: String,
    /// The licence of consultation results published in the catalog.
    pub results_licence: String,
    /// Sending mail, and signing in through a provider.
    pub auth: AuthConfig,
}

/// A configuration value that cannot be used.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum ConfigError {
    /// A value does not have the expected form.
    #[error("{env_var} (or `{key}` in plaza.toml) is {value:?}, but {reason}: expected {expected}")]
    Invalid {
        /// Key in the file.
        key: &'static str,
        /// Environment variable.
        env_var: String,
        /// The rejected value.
        value: String,
        /// Why it was rejected.
        reason: String,
        /// The expected form.
        expected: &'static str,
    },
    /// The configuration file cannot be read or parsed.
    #[error("cannot read configuration file {path}: {reason}")]
    File {
        /// The file.
        path: String,
        /// What went wrong.
        reason: String,
    },
    /// The configuration file has a key Plaza does not know.
    #[error("unknown key `{key}` in {path}; known keys: {known}")]
    UnknownKey {
        /// The file.
        path: String,
        /// The unknown key.
        key: String,
        /// The keys Plaza knows.
        known: String,
    },
}

impl Config {
    /// Loads the configuration from `file` (or `./plaza.toml` when present)
    /// and the process environment.
    pub fn load(file: Option<&Path>) -> Result<Self, ConfigError> {
        let default_file = Path::new("plaza.toml");
        let path = file.or_else(|| default_file.exists().then_some(default_file));
        let file_values = match path {
            Some(path) => read_file(path)?,
            None => BTreeMap::new(),
        };
        Self::from_sources(&file_values, |name| std::env::var(name).ok())
    }

    /// Builds the configuration from file values and an environment lookup.
    pub fn from_sources(
        file: &BTreeMap<String, String>,
        env: impl Fn(&str) -> Option<String>,
    ) -> Result<Self, ConfigError> {
        let mut raw: BTreeMap<&'static str, String> = BTreeMap::new();
        for setting in SETTINGS {
            let value = env(&setting.env_var())
                .or_else(|| file.get(setting.key).cloned())
                .unwrap_or_else(|| setting.default.to_owned());
            raw.insert(setting.key, value);
        }
        let get = |key: &str| raw.get(key).cloned().unwrap_or_default();

        let address = parse(&get("address"), "address", |v| {
            v.parse::<SocketAddr>().map_err(|e| e.to_string())
        })?;
        let data_dir = parse(&get("data_dir"), "data_dir", |v| {
            if v.trim().is_empty() {
                Err("it is empty".into())
            } else {
                Ok(PathBuf::from(v))
            }
        })?;
        let database_url = get("database_url").replace("{data_dir}", &data_dir.to_string_lossy());
        let database_url = parse(&database_url, "database_url", |v| {
            if v.starts_with("sqlite:")
                || v.starts_with("postgres://")
                || v.starts_with("postgresql://")
            {
                Ok(v.to_owned())
            } else {
                Err("the database kind is not supported".into())
            }
        })?;
        let public_url = get("public_url").replace("{address}", &address.to_string());
        let public_url = parse(&public_url, "public_url", PublicUrl::parse)?;
        let log_level = parse(&get("log_level"), "log_level", |v| {
            tracing_subscriber::EnvFilter::try_new(v)
                .map(|_| v.to_owned())
                .map_err(|e| e.to_string())
        })?;
        let log_format = parse(&get("log_format"), "log_format", |v| {
            match v.to_ascii_lowercase().as_str() {
                "text" => Ok(LogFormat::Text),
                "json" => Ok(LogFormat::Json),
                _ => Err("it is neither text nor json".into()),
            }
        })?;
        let demo = parse(&get("demo"), "demo", parse_bool)?;
        let site_root = PathBuf::from(get("site_root"));
        let positive = |v: &str| match v.parse::<usize>() {
            Ok(0) => Err("it is zero".into()),
            Ok(n) => Ok(n),
            Err(e) => Err(e.to_string()),
        };
        let max_body_bytes = parse(&get("max_body_bytes"), "max_body_bytes", positive)?;
        let page_max_age_seconds =
            parse(&get("page_max_age_seconds"), "page_max_age_seconds", |v| {
                v.parse::<u64>().map_err(|e| e.to_string())
            })?;
        let sparql_timeout_ms =
            parse(&get("sparql_timeout_ms"), "sparql_timeout_ms", positive)? as u64;
        let sparql_max_rows = parse(&get("sparql_max_rows"), "sparql_max_rows", positive)?;
        let auto_hide_reports = parse(&get("auto_hide_reports"), "auto_hide_reports", positive)?;
        let time_zone = parse(&get("time_zone"), "time_zone", |v| {
            if crate::consult::meeting_time::is_known(v) {
                Ok(v.to_owned())
            } else {
                Err("the time zone database has no such zone".into())
            }
        })?;
        let results_licence = parse(&get("results_licence"), "results_licence", |v| {
            oxigraph::model::NamedNode::new(v)
                .map(|_| v.to_owned())
                .map_err(|e| format!("it is not an IRI ({e})"))
        })?;
        let auth = AuthConfig::from_values(&get)?;
        Ok(Config {
            address,
            data_dir,
            database_url,
            public_url,
            log_level,
            log_format,
            demo,
            site_root,
            max_body_bytes,
            page_max_age_seconds,
            sparql_timeout_ms,
            sparql_max_rows,
            auto_hide_reports,
            time_zone,
            results_licence,
            auth,
        })
    }

    /// Where Oxigraph keeps the RDF store.
    pub fn rdf_dir(&self) -> PathBuf {
        self.data_dir.join("rdf")
    }

    /// Where the search index is kept (derived from the stores).
    pub fn search_dir(&self) -> PathBuf {
        self.data_dir.join("search")
    }
}

pub(crate) fn parse<T>(
    value: &str,
    key: &'static str,
    check: impl FnOnce(&str) -> Result<T, String>,
) -> Result<T, ConfigError> {
    check(value.trim()).map_err(|reason| {
        let setting = SETTINGS.iter().find(|s| s.key == key);
        ConfigError::Invalid {
            key,
            env_var: setting.map(Setting::env_var).unwrap_or_default(),
            value: value.to_owned(),
            reason,
            expected: setting.map(|s| s.expected).unwrap_or(""),
        }
    })
}

pub(crate) fn parse_bool(value: &str) -> Result<bool, String> {
    match value.to_ascii_lowercase().as_str() {
        "true" | "1" | "yes" | "on" => Ok(true),
        "false" | "0" | "no" | "off" => Ok(false),
        _ => Err("it is not a boolean".into()),
    }
}

fn read_file(path: &Path) -> Result<BTreeMap<String, String>, ConfigError> {
    let file_error = |reason: String| ConfigError::File {
        path: path.display().to_string(),
        reason,
    };
    let text = std::fs::read_to_string(path).map_err(|e| file_error(e.to_string()))?;
    parse_file(&text, &path.display().to_string())
}

/// Parses the text of a `plaza.toml` into raw values, refusing unknown keys.
pub fn parse_file(text: &str, path: &str) -> Result<BTreeMap<String, String>, ConfigError> {
    let table: toml::Table = text
        .parse()
        .map_err(|e: toml::de::Error| ConfigError::File {
            path: path.into(),
            reason: e.to_string(),
        })?;
    let mut values = BTreeMap::new();
    for (key, value) in table {
        if !SETTINGS.iter().any(|s| s.key == key) {
            let known = SETTINGS
                .iter()
                .map(|s| s.key)
                .collect::<Vec<_>>()
                .join(", ");
            return Err(ConfigError::UnknownKey {
                path: path.into(),
                key,
                known,
            });
        }
        let text = match value {
            toml::Value::String(s) => s,
            other => other.to_string(),
        };
        values.insert(key, text);
    }
    Ok(values)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn env_of(pairs: &[(&str, &str)]) -> impl Fn(&str) -> Option<String> {
        let map: BTreeMap<String, String> = pairs
            .iter()
            .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
            .collect();
        move |name| map.get(name).cloned()
    }

    #[test]
    fn defaults_give_a_local_sqlite_setup() {
        let config =
            Config::from_sources(&BTreeMap::new(), env_of(&[])).expect("defaults are valid");
        assert_eq!(config.address.to_string(), "127.0.0.1:3000");
        assert_eq!(config.database_url, "sqlite://./data/plaza.db");
        assert_eq!(config.public_url.as_str(), "http://127.0.0.1:3000");
        assert!(config.demo);
        assert_eq!(config.log_format, LogFormat::Text);
    }

    #[test]
    fn environment_overrides_the_file() {
        let file =
            parse_file("address = \"0.0.0.0:8080\"\ndemo = false\n", "plaza.toml").expect("valid");
        let config = Config::from_sources(&file, env_of(&[("PLAZA_ADDRESS", "127.0.0.1:9999")]))
            .expect("valid");
        assert_eq!(config.address.port(), 9999);
        assert!(!config.demo);
    }

    #[test]
    fn a_bad_address_names_the_key_and_the_expected_form() {
        let err = Config::from_sources(&BTreeMap::new(), env_of(&[("PLAZA_ADDRESS", "localhost")]))
            .expect_err("invalid");
        let message = err.to_string();
        assert!(message.contains("PLAZA_ADDRESS"), "{message}");
        assert!(message.contains("127.0.0.1:3000"), "{message}");
    }

    #[test]
    fn bad_values_are_refused_for_every_checked_key() {
        for (var, value) in [
            ("PLAZA_DATABASE_URL", "mysql://x"),
            ("PLAZA_PUBLIC_URL", "data.example.org"),
            ("PLAZA_PUBLIC_URL", "https://data.example.org/?a=b"),
            ("PLAZA_LOG_FORMAT", "xml"),
            ("PLAZA_DEMO", "maybe"),
            ("PLAZA_MAX_BODY_BYTES", "0"),
            ("PLAZA_LOG_LEVEL", "[unclosed"),
        ] {
            let err = Config::from_sources(&BTreeMap::new(), env_of(&[(var, value)]))
                .expect_err(&format!("{var}={value} should be refused"));
            assert!(err.to_string().contains(var), "{err}");
        }
    }

    #[test]
    fn public_url_loses_its_trailing_slash() {
        let url = PublicUrl::parse("https://data.example.org/city/").expect("valid");
        assert_eq!(url.as_str(), "https://data.example.org/city");
        assert_eq!(url.base_iri(), "https://data.example.org/city/");
        assert!(url.is_https());
    }

    #[test]
    fn an_unknown_file_key_is_refused_with_the_known_keys() {
        let err = parse_file("adress = \"x\"", "plaza.toml").expect_err("unknown key");
        assert!(err.to_string().contains("adress"));
        assert!(err.to_string().contains("address"));
    }

    #[test]
    fn a_malformed_file_is_refused() {
        assert!(matches!(
            parse_file("address = ", "plaza.toml"),
            Err(ConfigError::File { .. })
        ));
    }
}
