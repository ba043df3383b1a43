//! The quality of a record as readers and publishers see it: the score,
//! its rating, a bar per dimension, and what to add to earn the points
//! missing.

use leptos::prelude::*;

use crate::catalog::Quality;
use crate::i18n::{t, t_string, use_i18n};

/// The panel with a record's quality.
#[component]
pub fn QualityPanel(quality: Quality) -> impl IntoView {
    let i18n = use_i18n();
    let points = quality.points();
    let max = quality.max();
    let rating = quality.rating();
    let missing: Vec<(String, u32)> = quality
        .missing()
        .into_iter()
        .map(|(check, points)| (check.to_owned(), points))
        .collect();
    view! {
        <section class="quality" aria-labelledby="quality-heading">
            <h2 id="quality-heading">{t!(i18n, quality.title)}</h2>
            <p class="quality-score">
                <strong class=format!("rating rating-{rating}")>{rating_label(rating)}</strong>
                " · "
                {t!(i18n, quality.score, points, max)}
            </p>
            <dl class="quality-dimensions">
                {quality
                    .dimensions
                    .into_iter()
                    .map(|dimension| {
                        let earned = dimension.points();
                        let possible = dimension.max();
                        view! {
                            <div>
                                <dt>{dimension_label(&dimension.name)}</dt>
                                <dd>
                                    <meter min="0" max=possible value=earned>{earned}" / "{possible}</meter>
                                    " "
                                    {earned}
                                    " / "
                                    {possible}
                                </dd>
                            </div>
                        }
                    })
                    .collect_view()}
            </dl>
            {if missing.is_empty() {
                view! { <p>{t!(i18n, quality.all_done)}</p> }.into_any()
            } else {
                view! {
                    <h3>{t!(i18n, quality.to_improve)}</h3>
                    <ul class="quality-advice">
                        {missing
                            .into_iter()
                            .map(|(check, points)| {
                                view! {
                                    <li>
                                        {check_advice(&check)}
                                        " "
                                        <span class="points">"(+"{t!(i18n, quality.points_missing, points)}")"</span>
                                    </li>
                                }
                            })
                            .collect_view()}
                    </ul>
                }
                    .into_any()
            }}
            <p class="quality-method">{t!(i18n, quality.method)}</p>
        </section>
    }
    .into_any()
}

/// A rating's name in the reader's language.
pub fn rating_label(rating: &str) -> String {
    let i18n = use_i18n();
    match rating {
        "excellent" => t_string!(i18n, quality.rating_excellent),
        "good" => t_string!(i18n, quality.rating_good),
        "sufficient" => t_string!(i18n, quality.rating_sufficient),
        _ => t_string!(i18n, quality.rating_bad),
    }
    .to_string()
}

/// A dimension's name in the reader's language.
pub fn dimension_label(name: &str) -> String {
    let i18n = use_i18n();
    match name {
        "findability" => t_string!(i18n, quality.findability),
        "accessibility" => t_string!(i18n, quality.accessibility),
        "interoperability" => t_string!(i18n, quality.interoperability),
        "reusability" => t_string!(i18n, quality.reusability),
        _ => t_string!(i18n, quality.contextuality),
    }
    .to_string()
}

/// A check's short name in the reader's language.
pub fn check_label(check: &str) -> String {
    let i18n = use_i18n();
    match check {
        "keyword" => t_string!(i18n, quality.check_keyword),
        "theme" => t_string!(i18n, quality.check_theme),
        "spatial" => t_string!(i18n, quality.check_spatial),
        "temporal" => t_string!(i18n, quality.check_temporal),
        "access_url" => t_string!(i18n, quality.check_access_url),
        "download_url" => t_string!(i18n, quality.check_download_url),
        "format" => t_string!(i18n, quality.check_format),
        "media_type" => t_string!(i18n, quality.check_media_type),
        "format_vocabulary" => t_string!(i18n, quality.check_format_vocabulary),
        "non_proprietary" => t_string!(i18n, quality.check_non_proprietary),
        "machine_readable" => t_string!(i18n, quality.check_machine_readable),
        "dcat_ap" => t_string!(i18n, quality.check_dcat_ap),
        "licence" => t_string!(i18n, quality.check_licence),
        "licence_vocabulary" => t_string!(i18n, quality.check_licence_vocabulary),
        "access_rights" => t_string!(i18n, quality.check_access_rights),
        "access_rights_vocabulary" => t_string!(i18n, quality.check_access_rights_vocabulary),
        "contact_point" => t_string!(i18n, quality.check_contact_point),
        "publisher" => t_string!(i18n, quality.check_publisher),
        "rights" => t_string!(i18n, quality.check_rights),
        "byte_size" => t_string!(i18n, quality.check_byte_size),
        "issued" => t_string!(i18n, quality.check_issued),
        "modified" => t_string!(i18n, quality.check_modified),
        other => return other.to_owned(),
    }
    .to_string()
}

/// What to add to pass a check, in the reader's language.
pub fn check_advice(check: &str) -> String {
    let i18n = use_i18n();
    match check {
        "keyword" => t_string!(i18n, quality.advice_keyword),
        "theme" => t_string!(i18n, quality.advice_theme),
        "spatial" => t_string!(i18n, quality.advice_spatial),
        "temporal" => t_string!(i18n, quality.advice_temporal),
        "access_url" => t_string!(i18n, quality.advice_access_url),
        "download_url" => t_string!(i18n, quality.advice_download_url),
        "format" => t_string!(i18n, quality.advice_format),
        "media_type" => t_string!(i18n, quality.advice_media_type),
        "format_vocabulary" => t_string!(i18n, quality.advice_format_vocabulary),
        "non_proprietary" => t_string!(i18n, quality.advice_non_proprietary),
        "machine_readable" => t_string!(i18n, quality.advice_machine_readable),
        "dcat_ap" => t_string!(i18n, quality.advice_dcat_ap),
        "licence" => t_string!(i18n, quality.advice_licence),
        "licence_vocabulary" => t_string!(i18n, quality.advice_licence_vocabulary),
        "access_rights" => t_string!(i18n, quality.advice_access_rights),
        "access_rights_vocabulary" => t_string!(i18n, quality.advice_access_rights_vocabulary),
        "contact_point" => t_string!(i18n, quality.advice_contact_point),
        "publisher" => t_string!(i18n, quality.advice_publisher),
        "rights" => t_string!(i18n, quality.advice_rights),
        "byte_size" => t_string!(i18n, quality.advice_byte_size),
        "issued" => t_string!(i18n, quality.advice_issued),
        "modified" => t_string!(i18n, quality.advice_modified),
        other => return other.to_owned(),
    }
    .to_string()
}
