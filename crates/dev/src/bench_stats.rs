//! Order statistics the benchmark commands report.

/// The value at fraction `p` (0.5: the median, 0.95: p95) of `sorted`; None when empty.
pub fn percentile<T: Copy>(sorted: &[T], p: f64) -> Option<T> {
    let last = sorted.len().checked_sub(1)?;
    sorted.get((last as f64 * p).round() as usize).copied()
}

/// The median of unsorted `values` (panics on none: every caller times at least one run).
pub fn median<T: Copy + Ord>(mut values: Vec<T>) -> T {
    values.sort_unstable();
    percentile(&values, 0.5).expect("at least one value")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn medians_and_p95s() {
        assert_eq!(median(vec![3, 1, 2]), 2);
        assert_eq!(median(vec![4, 1, 3, 2]), 3);
        let hundred: Vec<i64> = (1..=100).collect();
        assert_eq!(percentile(&hundred, 0.95), Some(95));
        assert_eq!(percentile::<i64>(&[], 0.5), None);
    }
}
