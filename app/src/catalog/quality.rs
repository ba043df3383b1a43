//! A record's metadata quality as pages show it, in the spirit of the
//! data.europa.eu Metadata Quality Assessment: points in five dimensions,
//! and for every point missing the check that would earn it.

use serde::{Deserialize, Serialize};

/// The five dimensions of the assessment.
pub const DIMENSIONS: [&str; 5] = [
    "findability",
    "accessibility",
    "interoperability",
    "reusability",
    "contextuality",
];

/// One check: what it looks for, and the points it gives.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct QualityCheck {
    /// The check's name (`keyword`, `licence_vocabulary`, …); pages turn
    /// it into advice ("Add keywords …").
    pub check: String,
    /// Points earned.
    pub points: u32,
    /// Points possible.
    pub max: u32,
}

/// The checks of one dimension.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct QualityDimension {
    /// One of [`DIMENSIONS`].
    pub name: String,
    /// Its checks.
    pub checks: Vec<QualityCheck>,
}

impl QualityDimension {
    /// Points earned in this dimension.
    pub fn points(&self) -> u32 {
        self.checks.iter().map(|c| c.points).sum()
    }

    /// Points possible in this dimension.
    pub fn max(&self) -> u32 {
        self.checks.iter().map(|c| c.max).sum()
    }
}

/// A record's quality.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct Quality {
    /// The dimensions with their checks.
    pub dimensions: Vec<QualityDimension>,
}

impl Quality {
    /// Points earned.
    pub fn points(&self) -> u32 {
        self.dimensions.iter().map(QualityDimension::points).sum()
    }

    /// Points possible.
    pub fn max(&self) -> u32 {
        self.dimensions.iter().map(QualityDimension::max).sum()
    }

    /// The rating for the score: `excellent`, `good`, `sufficient` or
    /// `bad`, at the data.europa.eu thresholds scaled to `max`.
    pub fn rating(&self) -> &'static str {
        rating(self.points(), self.max())
    }

    /// Checks that miss points, with the points missing, most first.
    pub fn missing(&self) -> Vec<(&str, u32)> {
        let mut missing: Vec<(&str, u32)> = self
            .dimensions
            .iter()
            .flat_map(|d| d.checks.iter())
            .filter(|c| c.points < c.max)
            .map(|c| (c.check.as_str(), c.max - c.points))
            .collect();
        missing.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
        missing
    }
}

/// The rating of `points` out of `max` (data.europa.eu: excellent from 351
/// of 405, good from 221, sufficient from 121).
pub fn rating(points: u32, max: u32) -> &'static str {
    let share = f64::from(points) / f64::from(max.max(1));
    if share >= 351.0 / 405.0 {
        "excellent"
    } else if share >= 221.0 / 405.0 {
        "good"
    } else if share >= 121.0 / 405.0 {
        "sufficient"
    } else {
        "bad"
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ratings_follow_the_thresholds_at_any_maximum() {
        assert_eq!(rating(405, 405), "excellent");
        assert_eq!(rating(351, 405), "excellent");
        assert_eq!(rating(350, 405), "good");
        assert_eq!(rating(121, 405), "sufficient");
        assert_eq!(rating(0, 405), "bad");
        assert_eq!(rating(100, 115), "excellent");
    }

    #[test]
    fn missing_points_come_most_first() {
        let quality = Quality {
            dimensions: vec![QualityDimension {
                name: "findability".into(),
                checks: vec![
                    QualityCheck {
                        check: "spatial".into(),
                        points: 0,
                        max: 20,
                    },
                    QualityCheck {
                        check: "keyword".into(),
                        points: 0,
                        max: 30,
                    },
                    QualityCheck {
                        check: "theme".into(),
                        points: 30,
                        max: 30,
                    },
                ],
            }],
        };
        assert_eq!(quality.missing(), vec![("keyword", 30), ("spatial", 20)]);
        assert_eq!((quality.points(), quality.max()), (30, 80));
    }
}
