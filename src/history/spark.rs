//! The overall score over time in a bounded number of marks.

/// A series of scores drawn in at most a given number of marks, oldest first: every result is
/// in it, however many there are. Past one mark a result, each mark is the mean of a run of
/// consecutive results, runs as even as the count allows (`words` says how many). The one rule
/// for `rolefit history` and History's screen.
#[derive(Debug, Clone, PartialEq)]
pub struct Spark {
    pub marks: Vec<f64>,
    /// The fewest and the most results one mark stands for.
    pub per_mark: (usize, usize),
}

pub fn spark(series: &[f64], width: usize) -> Spark {
    let n = series.len();
    let w = width.min(n).max(1);
    let bounds = |i: usize| i * n / w;
    let runs = (0..w).map(|i| &series[bounds(i)..bounds(i + 1)]);
    let marks = runs
        .clone()
        .filter(|r| !r.is_empty())
        .map(|r| r.iter().sum::<f64>() / r.len() as f64)
        .collect();
    let sizes = runs.map(<[f64]>::len);
    let per_mark = (sizes.clone().min().unwrap_or(0), sizes.max().unwrap_or(0));
    Spark { marks, per_mark }
}

impl Spark {
    /// What a mark stands for, when it is more than one result.
    pub fn words(&self) -> Option<String> {
        match self.per_mark {
            (_, 0 | 1) => None,
            (a, b) if a == b => Some(format!("each mark is the mean of {a} results")),
            (a, b) => Some(format!("each mark is the mean of {a} or {b} results")),
        }
    }
}

/// A score in [-100, 100] as one of eight block heights.
pub fn spark_char(score: f64) -> char {
    const BARS: [char; 8] = ['▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'];
    // Clamped first, so the index stays in 0..8.
    let i = ((score.clamp(-100.0, 100.0) + 100.0) / 200.0 * 7.0).round() as usize;
    BARS[i.min(7)]
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    #[test]
    fn a_long_series_is_bucketed_into_even_runs() {
        let series: Vec<f64> = (0..10_000).map(|i| f64::from(i % 2) * 10.0).collect();
        let s = spark(&series, 80);
        assert_eq!(s.marks.len(), 80);
        assert_eq!(s.per_mark, (125, 125));
        assert_eq!(s.words().unwrap(), "each mark is the mean of 125 results");
        assert!(
            s.marks.iter().all(|m| (m - 5.0).abs() < 0.5),
            "{:?}",
            s.marks
        );
        let s = spark(&series[..9_999], 80);
        assert_eq!(s.per_mark, (124, 125));
        assert_eq!(
            s.words().unwrap(),
            "each mark is the mean of 124 or 125 results"
        );
    }

    #[test]
    fn a_short_series_is_drawn_as_it_is() {
        let s = spark(&[-100.0, 0.0, 50.0], 80);
        assert_eq!(s.marks, vec![-100.0, 0.0, 50.0]);
        assert_eq!(s.words(), None);
        assert_eq!(spark(&[], 80).marks, Vec::<f64>::new());
        assert_eq!(spark(&[1.0, 2.0], 0).marks, vec![1.5]);
    }

    proptest::proptest! {
        /// Every result counts once, in order: the runs cover the series and the marks fit.
        #[test]
        fn marks_fit_and_keep_the_mean(
            series in proptest::collection::vec(-100.0f64..=100.0, 0..600),
            width in 1usize..120,
        ) {
            let s = spark(&series, width);
            proptest::prop_assert!(s.marks.len() <= width);
            proptest::prop_assert_eq!(s.marks.len(), series.len().min(width));
            proptest::prop_assert!(s.per_mark.1 - s.per_mark.0 <= 1);
            if s.per_mark.0 == s.per_mark.1 && !series.is_empty() {
                let mean = |v: &[f64]| v.iter().sum::<f64>() / v.len() as f64;
                proptest::prop_assert!((mean(&s.marks) - mean(&series)).abs() < 1e-9);
            }
        }
    }
}
