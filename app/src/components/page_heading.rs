//! The page's `<h1>`, the matching document title and the page's
//! description for search engines and link previews, kept in step.

use leptos::prelude::*;
use leptos_meta::{Meta, Title};

use crate::i18n::{t_string, use_i18n};

/// Longest description search engines show in full.
const DESCRIPTION_CHARS: usize = 160;

/// Renders `title` as the page heading and as "`title` · Plaza" in the tab,
/// and `description` (or the site's own when the page has none) as the
/// page's `<meta name="description">`.
#[component]
pub fn PageHeading(
    #[prop(into)] title: Signal<String>,
    /// What the page is about, in a sentence or two.
    #[prop(optional, into)]
    description: Option<String>,
) -> impl IntoView {
    let i18n = use_i18n();
    // On the server the title text must be a plain string: leptos_meta reads
    // it only after the body has rendered, when this component's reactive
    // owner may already be disposed (a reactive title panicked under load).
    let text = title_text(&title.get_untracked());
    let description = shorten(
        description
            .filter(|text| !text.trim().is_empty())
            .unwrap_or_else(|| t_string!(i18n, site.description).to_string()),
    );
    view! {
        <Title text />
        <Meta name="description" content=description />
        <h1>{title}</h1>
    }
}

/// "`title` · Plaza" for the `<title>` element, escaped: leptos_meta writes
/// the title's text as it is (`<title>` holds raw text to it), so a
/// `</title>` in a record's or proposal's title would end the element and
/// the rest would be read as markup. Character references are read back in
/// a title, so the tab shows what was typed.
pub fn title_text(title: &str) -> String {
    let escaped = title
        .replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;");
    format!("{escaped} · Plaza")
}

/// The first `DESCRIPTION_CHARS` characters of `text` on one line, cut at a
/// word with an ellipsis when longer.
fn shorten(text: String) -> String {
    let line = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if line.chars().count() <= DESCRIPTION_CHARS {
        return line;
    }
    let cut: String = line.chars().take(DESCRIPTION_CHARS - 1).collect();
    let cut = cut.rsplit_once(' ').map_or(cut.as_str(), |(head, _)| head);
    format!("{cut}…")
}

#[cfg(test)]
mod tests {
    use super::{shorten, title_text};

    #[test]
    fn a_title_cannot_end_its_element() {
        assert_eq!(
            title_text("A </title><script>x</script> & b"),
            "A &lt;/title&gt;&lt;script&gt;x&lt;/script&gt; &amp; b · Plaza"
        );
    }

    #[test]
    fn a_long_description_is_cut_at_a_word_with_an_ellipsis() {
        let long = "word ".repeat(60);
        let short = shorten(long);
        assert!(short.chars().count() <= 160, "{short}");
        assert!(short.ends_with("word…"), "{short}");
    }

    #[test]
    fn a_short_description_is_kept_on_one_line() {
        assert_eq!(
            shorten("Trees\n  of the city ".to_owned()),
            "Trees of the city"
        );
    }
}
