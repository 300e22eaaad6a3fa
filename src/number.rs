//! How rolefit writes a score for people: signed, rounded, and never "-0.0" or "+0" for what
//! reads as zero. The one formatter every screen, report and sentence uses.

/// `v` with a sign and `decimals` places ("+12.5", "-3", "0.0"): a value that rounds to zero at
/// that precision is written without a sign.
pub fn signed(v: f64, decimals: usize) -> String {
    // Half away from zero (62.5 → 63, as people round), then formatted exactly.
    let scale = 10f64.powi(i32::try_from(decimals).unwrap_or(0));
    let rounded = (v * scale).round() / scale;
    if rounded == 0.0 {
        format!("{:.decimals$}", 0.0)
    } else {
        format!("{rounded:+.decimals$}")
    }
}

#[cfg(test)]
mod tests {
    use super::signed;

    #[test]
    fn zero_has_no_sign_at_any_precision() {
        for v in [0.0, -0.0, 0.04, -0.04, 0.049, -0.049] {
            assert_eq!(signed(v, 1), "0.0", "{v}");
        }
        for v in [0.4, -0.4, -0.0] {
            assert_eq!(signed(v, 0), "0", "{v}");
        }
        assert_eq!(signed(-0.06, 1), "-0.1");
        assert_eq!(signed(12.26, 1), "+12.3");
        // Half away from zero, in both places.
        assert_eq!(signed(62.5, 0), "+63");
        assert_eq!(signed(81.25, 1), "+81.3");
        assert_eq!(signed(-62.5, 0), "-63");
        assert_eq!(signed(-3.4, 0), "-3");
        assert_eq!(signed(100.0, 0), "+100");
    }
}
