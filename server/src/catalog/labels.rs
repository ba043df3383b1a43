//! Choosing which language-tagged literal to show a reader.

use oxigraph::model::Literal;

/// Picks the literal for `lang`: an exact language match, then English,
/// then an untagged literal, then any literal (deterministically, the
/// smallest by value so repeated renders agree).
pub fn pick_literal<'a>(literals: &'a [Literal], lang: &str) -> Option<&'a Literal> {
    let tagged = |wanted: &str| {
        literals.iter().find(|l| {
            l.language().is_some_and(|tag| {
                tag.eq_ignore_ascii_case(wanted) || tag.starts_with(&format!("{wanted}-"))
            })
        })
    };
    tagged(lang)
        .or_else(|| tagged("en"))
        .or_else(|| literals.iter().find(|l| l.language().is_none()))
        .or_else(|| literals.iter().min_by(|a, b| a.value().cmp(b.value())))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lits() -> Vec<Literal> {
        vec![
            Literal::new_language_tagged_literal_unchecked("Vélo", "fr"),
            Literal::new_language_tagged_literal_unchecked("Bicycle", "en"),
            Literal::new_simple_literal("Fiets"),
        ]
    }

    #[test]
    fn the_requested_language_wins() {
        assert_eq!(
            pick_literal(&lits(), "fr").map(Literal::value),
            Some("Vélo")
        );
    }

    #[test]
    fn english_is_the_fallback_for_a_missing_language() {
        assert_eq!(
            pick_literal(&lits(), "de").map(Literal::value),
            Some("Bicycle")
        );
    }

    #[test]
    fn untagged_then_any_literal_is_used_when_english_is_missing() {
        let only_nl = vec![Literal::new_language_tagged_literal_unchecked(
            "Fiets", "nl",
        )];
        assert_eq!(
            pick_literal(&lits()[2..], "fr").map(Literal::value),
            Some("Fiets")
        );
        assert_eq!(
            pick_literal(&only_nl, "fr").map(Literal::value),
            Some("Fiets")
        );
        assert_eq!(pick_literal(&[], "fr"), None);
    }

    #[test]
    fn a_regional_tag_matches_its_language() {
        let be = vec![Literal::new_language_tagged_literal_unchecked(
            "Vélo", "fr-BE",
        )];
        assert_eq!(pick_literal(&be, "fr").map(Literal::value), Some("Vélo"));
    }
}
