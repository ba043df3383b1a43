//! Outgoing mail (password reset links): through SMTP when `smtp_url` is
//! set, otherwise written to the log so a single-machine deployment and
//! the tests can follow the link.

use lettre::message::Mailbox;
use lettre::{AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor};

use crate::config::AuthConfig;

/// Sends Plaza's mail.
#[derive(Clone)]
pub enum Mailer {
    /// Writes each message to the log (target `plaza::mail`).
    Log,
    /// Sends through an SMTP server.
    Smtp {
        /// The connection pool to the server.
        transport: Box<AsyncSmtpTransport<Tokio1Executor>>,
        /// The sender.
        from: Mailbox,
    },
}

impl Mailer {
    /// The mailer the configuration asks for.
    pub fn from_config(config: &AuthConfig) -> anyhow::Result<Self> {
        let Some(url) = &config.smtp_url else {
            return Ok(Mailer::Log);
        };
        let transport = AsyncSmtpTransport::<Tokio1Executor>::from_url(url)
            .map_err(|e| anyhow::anyhow!("PLAZA_SMTP_URL cannot be used: {e}"))?
            .build();
        let transport = Box::new(transport);
        let from = config
            .smtp_from
            .parse()
            .map_err(|e| anyhow::anyhow!("PLAZA_SMTP_FROM is not a mailbox: {e}"))?;
        Ok(Mailer::Smtp { transport, from })
    }

    /// Whether messages leave the machine (an SMTP server is set).
    pub fn sends_mail(&self) -> bool {
        matches!(self, Mailer::Smtp { .. })
    }

    /// Sends a plain-text message to `to`. Failures are logged and returned.
    pub async fn send(&self, to: &str, subject: &str, body: &str) -> Result<(), String> {
        match self {
            Mailer::Log => {
                tracing::info!(target: "plaza::mail", %to, %subject, "mail not sent (no PLAZA_SMTP_URL):\n{body}");
                Ok(())
            }
            Mailer::Smtp { transport, from } => {
                let to: Mailbox = to.parse().map_err(|e| format!("bad recipient: {e}"))?;
                let message = Message::builder()
                    .from(from.clone())
                    .to(to)
                    .subject(subject)
                    .body(body.to_owned())
                    .map_err(|e| format!("could not build the message: {e}"))?;
                transport.send(message).await.map(|_| ()).map_err(|e| {
                    tracing::error!("mail to the SMTP server failed: {e}");
                    e.to_string()
                })
            }
        }
    }
}
