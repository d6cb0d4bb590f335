//! The check digit of Government Decree No. 565, shared by IINs and BINs.

/// Weights of the first pass: the 1-based position of each digit.
const FIRST_WEIGHTS: [u32; 11] = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11];

/// Weights of the second pass, used only when the first gives 10.
const SECOND_WEIGHTS: [u32; 11] = [3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2];

/// A remainder that cannot be written as a single digit.
const UNWRITABLE: u32 = 10;

/// Computes the twelfth digit of an IIN or BIN from the first eleven.
///
/// `first11` holds digit values (`0..=9`), not ASCII characters. Returns `None` when both
/// passes give 10: the decree forbids issuing such a number, so no twelfth digit makes
/// it valid.
///
/// ```
/// use rastau_core::ids::check_digit;
///
/// assert_eq!(check_digit(&[9, 0, 0, 1, 0, 1, 3, 0, 0, 0, 0]), Some(7));
/// assert_eq!(check_digit(&[9, 0, 0, 1, 0, 1, 3, 0, 0, 8, 0]), None);
/// ```
pub fn check_digit(first11: &[u8; 11]) -> Option<u8> {
    [FIRST_WEIGHTS, SECOND_WEIGHTS]
        .iter()
        .map(|weights| weighted_remainder(first11, weights))
        .find(|&remainder| remainder != UNWRITABLE)
        // A remainder other than 10 is below 10, so it always fits.
        .and_then(|remainder| u8::try_from(remainder).ok())
}

fn weighted_remainder(digits: &[u8; 11], weights: &[u32; 11]) -> u32 {
    let sum: u32 = digits
        .iter()
        .zip(weights)
        .map(|(&digit, &weight)| u32::from(digit) * weight)
        .sum();
    sum % 11
}

#[cfg(test)]
mod tests {
    use super::*;

    fn digits(s: &str) -> [u8; 11] {
        let bytes = s.as_bytes();
        std::array::from_fn(|i| bytes[i] - b'0')
    }

    #[test]
    fn first_pass_gives_the_digit() {
        assert_eq!(check_digit(&digits("90010130000")), Some(7));
        assert_eq!(check_digit(&digits("15054000000")), Some(7));
        assert_eq!(check_digit(&digits("00022950000")), Some(8));
    }

    #[test]
    fn second_pass_is_used_when_first_gives_ten() {
        let first11 = digits("90010130081");
        assert_eq!(weighted_remainder(&first11, &FIRST_WEIGHTS), 10);
        assert_eq!(check_digit(&first11), Some(1));
        assert_eq!(check_digit(&digits("00022950090")), Some(9));
    }

    #[test]
    fn both_passes_giving_ten_is_unissuable() {
        let first11 = digits("90010130080");
        assert_eq!(weighted_remainder(&first11, &FIRST_WEIGHTS), 10);
        assert_eq!(weighted_remainder(&first11, &SECOND_WEIGHTS), 10);
        assert_eq!(check_digit(&first11), None);
        assert_eq!(check_digit(&digits("00022950096")), None);
    }

    #[test]
    fn second_weights_are_the_first_shifted_by_two() {
        for (i, &weight) in SECOND_WEIGHTS.iter().enumerate() {
            assert_eq!(weight, FIRST_WEIGHTS[(i + 2) % 11]);
        }
    }
}
