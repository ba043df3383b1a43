//! `/publish/import`: upload a file of DCAT-AP records, strict or lenient.
//! A plain multipart form; with JavaScript, `/upload-progress.js` shows the
//! upload's progress for large files.

use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

use crate::account::Notice;
use crate::catalog::publish::publisher_session;
use crate::components::{ErrorNotice, PageHeading};
use crate::i18n::{t, t_string, use_i18n};

/// The import page.
#[component]
pub fn ImportPage() -> impl IntoView {
    let i18n = use_i18n();
    let query = use_query_map();
    let session = Resource::new(|| (), |_| publisher_session());
    let error = move || {
        query
            .with(|q| q.get("error"))
            .map(|code| Notice::from_code(&code))
    };
    view! {
        <PageHeading title=move || t_string!(i18n, publish.import_title).to_string() />
        <Suspense>
            {move || Suspend::new(async move {
                match session.await {
                    Ok(Some(_)) => {
                        view! {
                            <p class="lead">{t!(i18n, publish.import_intro)}</p>
                            {error()
                                .map(|code| {
                                    view! {
                                        <p class="notice notice-error" role="alert">
                                            {match code {
                                                Some(Notice::ImportEmpty) => t!(i18n, publish.error_empty).into_any(),
                                                Some(Notice::ImportFormat) => t!(i18n, publish.error_format).into_any(),
                                                Some(Notice::Unavailable) => t!(i18n, errors.store_unavailable).into_any(),
                                                _ => t!(i18n, publish.error_upload).into_any(),
                                            }}
                                        </p>
                                    }
                                })}
                            <form
                                id="import-form"
                                class="stacked-form"
                                method="post"
                                action="/publish/import"
                                enctype="multipart/form-data"
                            >
                                <div class="field">
                                    <label for="import-file">{t!(i18n, publish.file_label)}</label>
                                    <input
                                        id="import-file"
                                        name="file"
                                        type="file"
                                        required
                                        accept=".ttl,.rdf,.xml,.jsonld,.nt,.nq"
                                        aria-describedby="import-file-hint"
                                    />
                                    <p id="import-file-hint" class="hint">{t!(i18n, publish.file_hint)}</p>
                                </div>
                                <fieldset>
                                    <legend>{t!(i18n, publish.mode_legend)}</legend>
                                    <div class="choice">
                                        <input id="mode-strict" type="radio" name="mode" value="strict" checked />
                                        <label for="mode-strict">{t!(i18n, publish.mode_strict)}</label>
                                    </div>
                                    <div class="choice">
                                        <input id="mode-lenient" type="radio" name="mode" value="lenient" />
                                        <label for="mode-lenient">{t!(i18n, publish.mode_lenient)}</label>
                                    </div>
                                </fieldset>
                                <button type="submit" class="button">{t!(i18n, publish.import_button)}</button>
                                <div class="upload-status" hidden>
                                    <label for="upload-progress">{t!(i18n, publish.uploading)}</label>
                                    <progress id="upload-progress" max="100"></progress>
                                    <p class="hint" role="status" data-processing=move || t_string!(i18n, publish.processing).to_string()></p>
                                </div>
                            </form>
                            <script src="/upload-progress.js" defer></script>
                        }
                            .into_any()
                    }
                    Ok(None) => {
                        view! {
                            <p>
                                <a href="/publish">{t!(i18n, publish.sign_in_first)}</a>
                            </p>
                        }
                            .into_any()
                    }
                    Err(error) => view! { <ErrorNotice error /> }.into_any(),
                }
            })}
        </Suspense>
    }
}
