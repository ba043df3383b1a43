//! Markdown from citizens and moderators turned into HTML that is safe to
//! put in a page. Safety comes from what is let through, not from cleaning
//! what came out: pulldown-cmark parses, and before anything is written
//! every raw HTML block or span becomes text (so it is shown, escaped),
//! images become their text, links keep only `http`, `https`, `mailto` and
//! same-site addresses and get `rel="nofollow ugc noopener"`, and headings
//! move down a level (the page has its own `h1`). The writer escapes all
//! text and attributes. Comments get the lite flavour: paragraphs, links,
//! emphasis and lists only.

use app::consult::SafeHtml;
use pulldown_cmark::{CowStr, Event, HeadingLevel, Options, Parser, Tag, TagEnd};

/// How much Markdown is rendered.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Flavour {
    /// Process bodies, proposals, answers: headings, lists, quotes, tables.
    Full,
    /// Comments: paragraphs, links, emphasis, lists.
    Lite,
}

/// Whether a link's destination may be followed.
fn is_allowed_destination(dest: &str) -> bool {
    let lower = dest.trim().to_ascii_lowercase();
    lower.starts_with("https://")
        || lower.starts_with("http://")
        || lower.starts_with("mailto:")
        || (lower.starts_with('/') && !lower.starts_with("//"))
        || lower.starts_with('#')
}

/// `text` for a double-quoted attribute: every character that could end
/// the attribute or start markup becomes a character reference.
fn escaped_attribute(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.trim().chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            c if c.is_whitespace() || c.is_control() => out.push_str("%20"),
            c => out.push(c),
        }
    }
    out
}

fn lower(level: HeadingLevel) -> HeadingLevel {
    match level {
        HeadingLevel::H1 => HeadingLevel::H2,
        HeadingLevel::H2 => HeadingLevel::H3,
        HeadingLevel::H3 => HeadingLevel::H4,
        HeadingLevel::H4 => HeadingLevel::H5,
        _ => HeadingLevel::H6,
    }
}

/// `text` as sanitised HTML.
pub fn render(text: &str, flavour: Flavour) -> SafeHtml {
    let mut options = Options::ENABLE_STRIKETHROUGH;
    if flavour == Flavour::Full {
        options |= Options::ENABLE_TABLES;
    }
    // Whether the link being written was let through (nesting is not
    // possible in CommonMark links, so one flag is enough).
    let mut link_open = false;
    let events = Parser::new_ext(text, options).filter_map(|event| {
        Some(match event {
            Event::Html(raw) | Event::InlineHtml(raw) => Event::Text(raw),
            Event::Start(Tag::Image { .. }) | Event::End(TagEnd::Image) => return None,
            Event::Start(Tag::Link { dest_url, .. }) => {
                if is_allowed_destination(&dest_url) {
                    link_open = true;
                    Event::InlineHtml(CowStr::from(format!(
                        "<a href=\"{}\" rel=\"nofollow ugc noopener\">",
                        escaped_attribute(&dest_url)
                    )))
                } else {
                    return None;
                }
            }
            Event::End(TagEnd::Link) => {
                if !std::mem::take(&mut link_open) {
                    return None;
                }
                Event::InlineHtml(CowStr::Borrowed("</a>"))
            }
            Event::Start(Tag::Heading { level, .. }) if flavour == Flavour::Full => {
                Event::Start(Tag::Heading {
                    level: lower(level),
                    id: None,
                    classes: Vec::new(),
                    attrs: Vec::new(),
                })
            }
            Event::End(TagEnd::Heading(level)) if flavour == Flavour::Full => {
                Event::End(TagEnd::Heading(lower(level)))
            }
            Event::Start(Tag::Heading { .. } | Tag::CodeBlock(_) | Tag::BlockQuote(_)) => {
                Event::Start(Tag::Paragraph)
            }
            Event::End(TagEnd::Heading(_) | TagEnd::CodeBlock | TagEnd::BlockQuote(_)) => {
                Event::End(TagEnd::Paragraph)
            }
            Event::Rule if flavour == Flavour::Lite => return None,
            other => other,
        })
    });
    let mut html = String::with_capacity(text.len() * 5 / 4 + 16);
    pulldown_cmark::html::push_html(&mut html, events);
    SafeHtml(html)
}

#[cfg(test)]
mod tests {
    use super::*;

    const ATTACKS: &[&str] = &[
        "<script>alert(1)</script>",
        "<img src=x onerror=alert(1)>",
        "[click](javascript:alert(1))",
        "[click](JaVaScRiPt:alert(1))",
        "[x](data:text/html;base64,PHNjcmlwdD4=)",
        "![x](https://evil.example/x.png\" onerror=\"alert(1))",
        "<a href=\"https://ok.example\" onclick=\"alert(1)\">x</a>",
        "[x](https://ok.example/\"onmouseover=\"alert(1))",
        "<iframe src=https://evil.example></iframe>",
        "<style>body{display:none}</style>",
        "<svg/onload=alert(1)>",
        "<https://ok.example/a?b=\"><script>alert(1)</script>>",
        "[x](//evil.example)",
    ];

    /// The tags in `html` (lower case), and every `href` value.
    fn tags_and_links(html: &str) -> (Vec<String>, Vec<String>) {
        let mut tags = Vec::new();
        let mut links = Vec::new();
        for part in html.split('<').skip(1) {
            let name: String = part
                .trim_start_matches('/')
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric())
                .collect();
            tags.push(name.to_ascii_lowercase());
            let tag = part.split('>').next().unwrap_or("");
            if let Some(rest) = tag.split("href=\"").nth(1) {
                links.push(rest.split('"').next().unwrap_or("").to_owned());
            }
            assert!(
                !tag.to_ascii_lowercase().contains(" on"),
                "an event attribute in <{tag}>"
            );
        }
        (tags, links)
    }

    #[test]
    fn no_markup_of_the_writer_survives() {
        const ALLOWED: &[&str] = &[
            "p",
            "a",
            "em",
            "strong",
            "del",
            "code",
            "pre",
            "ul",
            "ol",
            "li",
            "br",
            "hr",
            "h2",
            "h3",
            "h4",
            "h5",
            "h6",
            "blockquote",
            "table",
            "thead",
            "tbody",
            "tr",
            "th",
            "td",
        ];
        for attack in ATTACKS {
            for flavour in [Flavour::Full, Flavour::Lite] {
                let html = render(attack, flavour).0;
                let (tags, links) = tags_and_links(&html);
                for tag in &tags {
                    assert!(
                        ALLOWED.contains(&tag.as_str()),
                        "{attack:?} gave <{tag}> in {html:?}"
                    );
                }
                for link in &links {
                    assert!(
                        link.starts_with("https://") || link.starts_with("http://"),
                        "{attack:?} gave a link to {link:?}"
                    );
                }
            }
        }
    }

    #[test]
    fn good_markdown_renders_with_safe_links() {
        let html = render(
            "# Plan\n\nA *safer* [crossing](https://havenstad.example/plan).\n\n<b>bold</b>",
            Flavour::Full,
        )
        .0;
        assert!(html.contains("<h2>Plan</h2>"), "{html}");
        assert!(html.contains("<em>safer</em>"));
        assert!(html.contains(
            "<a href=\"https://havenstad.example/plan\" rel=\"nofollow ugc noopener\">crossing</a>"
        ));
        assert!(html.contains("&lt;b&gt;bold&lt;/b&gt;"), "{html}");
        let lite = render("# Not a heading\n\n```\ncode\n```", Flavour::Lite).0;
        assert!(!lite.contains("<h") && !lite.contains("<pre"), "{lite}");
    }
}
