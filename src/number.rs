//! How rolefit writes a score for people: signed, rounded, and never "-0.0" or "+0" for what
//! reads as zero. The one formatter every screen, report and sentence uses.

/// `v` with a sign and `decimals` places ("+12.5", "-3", "0.0"): a value that rounds to zero at
/// that precision is written without a sign.
pub fn signed(v: f64, decimals: usize) -> String {
    let s = format!("{v:+.decimals$}");
    // Rounded by the formatter (as everywhere before): only its digits say whether it reads as 0.
    match s.strip_prefix(['+', '-']) {
        Some(digits) if digits.chars().all(|c| c == '0' || c == '.') => digits.to_owned(),
        _ => s,
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
        assert_eq!(signed(-3.4, 0), "-3");
        assert_eq!(signed(100.0, 0), "+100");
    }
}
