//! `/publish/tokens`: the API tokens of the publisher's organisations (for
//! import and harvest scripts): create one (its secret is shown once, on
//! this page right after), see when each was last used, revoke one.

use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

use crate::account::messages::{FormMessage, error_code, invalid};
use crate::account::{TokensView, load_tokens};
use crate::components::{ErrorNotice, PageHeading};
use crate::error::AppError;
use crate::i18n::{t, t_string, use_i18n};

/// The tokens page.
#[component]
pub fn TokensPage() -> impl IntoView {
    let i18n = use_i18n();
    let query = use_query_map();
    let tokens = Resource::new(move || query.with(|q| q.get("created")), load_tokens);
    view! {
        <PageHeading title=move || t_string!(i18n, tokens.title).to_string() />
        <FormMessage form="tokens" />
        <Suspense>
            {move || Suspend::new(async move {
                match tokens.await {
                    Ok(view) => view! { <TokenList view=view /> }.into_any(),
                    Err(AppError::SignInRequired | AppError::Forbidden) => {
                        view! {
                            <p class="notice notice-error" role="alert">{t!(i18n, tokens.publishers_only)}</p>
                            <p><a href="/account/sign-in?next=/publish/tokens">{t!(i18n, account.sign_in_link)}</a></p>
                        }
                            .into_any()
                    }
                    Err(error) => view! { <ErrorNotice error=error /> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn TokenList(view: TokensView) -> impl IntoView {
    let i18n = use_i18n();
    let code = error_code();
    let options = view
        .organisations
        .iter()
        .map(|(org, _)| {
            let org = org.clone();
            view! { <option value=org.id>{org.name}</option> }
        })
        .collect_view();
    view! {
        {view
            .revealed
            .map(|secret| {
                view! {
                    <div class="notice notice-info" role="status">
                        <p>{t!(i18n, tokens.created)}</p>
                        <p><code class="secret">{secret}</code></p>
                    </div>
                }
            })}
        <p class="lead">{t!(i18n, tokens.intro)}</p>
        {view
            .organisations
            .into_iter()
            .map(|(org, tokens)| {
                view! {
                    <h2>{org.name.clone()}</h2>
                    {if tokens.is_empty() {
                        view! { <p>{t!(i18n, tokens.none)}</p> }.into_any()
                    } else {
                        view! {
                            <table class="data-table">
                                <caption>{t!(i18n, tokens.caption, name = org.name.clone())}</caption>
                                <thead>
                                    <tr>
                                        <th scope="col">{t!(i18n, tokens.name)}</th>
                                        <th scope="col">{t!(i18n, tokens.created_at)}</th>
                                        <th scope="col">{t!(i18n, tokens.last_used)}</th>
                                        <th scope="col">{t!(i18n, tokens.status)}</th>
                                    </tr>
                                </thead>
                                <tbody>
                                    {tokens
                                        .into_iter()
                                        .map(|token| {
                                            let name = token.name.clone();
                                            view! {
                                                <tr>
                                                    <th scope="row">{token.name.clone()}</th>
                                                    <td>{day(&token.created_at)}</td>
                                                    <td>
                                                        {token
                                                            .last_used_at
                                                            .as_deref()
                                                            .map_or_else(|| t_string!(i18n, tokens.never).to_string(), day)}
                                                    </td>
                                                    <td>
                                                        {match token.revoked_at {
                                                            Some(at) => {
                                                                view! { {t!(i18n, tokens.revoked_on, date = day(&at))} }.into_any()
                                                            }
                                                            None => {
                                                                view! {
                                                                    <form method="post" action="/publish/tokens/revoke" class="inline-form">
                                                                        <input type="hidden" name="token" value=token.hash />
                                                                        <button type="submit" class="button button-secondary">
                                                                            {t!(i18n, tokens.revoke_button, name = name.clone())}
                                                                        </button>
                                                                    </form>
                                                                }
                                                                    .into_any()
                                                            }
                                                        }}
                                                    </td>
                                                </tr>
                                            }
                                        })
                                        .collect_view()}
                                </tbody>
                            </table>
                        }
                            .into_any()
                    }}
                }
            })
            .collect_view()}
        <h2 id="new-token-heading">{t!(i18n, tokens.new_heading)}</h2>
        <form class="stacked-form" method="post" action="/publish/tokens" aria-labelledby="new-token-heading">
            <div class="field">
                <label for="tokens-organisation">{t!(i18n, admin.organisation_label)}</label>
                <select id="tokens-organisation" name="organisation" required>{options}</select>
            </div>
            <div class="field">
                <label for="tokens-token-name">{t!(i18n, tokens.name)}</label>
                <p class="hint" id="tokens-token-name-hint">{t!(i18n, tokens.name_hint)}</p>
                <input
                    id="tokens-token-name"
                    name="name"
                    type="text"
                    required
                    maxlength="200"
                    aria-describedby="tokens-token-name-hint"
                    aria-invalid=invalid(code, "token-name")
                />
            </div>
            <button type="submit" class="button">{t!(i18n, tokens.create_button)}</button>
        </form>
    }
}

/// The date of an RFC 3339 time.
fn day(at: &str) -> String {
    at.get(..10).unwrap_or(at).to_owned()
}
