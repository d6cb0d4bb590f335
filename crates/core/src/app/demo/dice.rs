//! The demo's chance: a small seeded generator (SplitMix64), so every demo is made the same way
//! and a test can count on what it holds.
pub struct Dice(u64);

impl Dice {
    pub fn new(seed: u64) -> Dice {
        Dice(seed)
    }

    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    /// A number from 0 to `n - 1` (0 when `n` is 0).
    pub fn below(&mut self, n: u64) -> u64 {
        self.next().checked_rem(n).unwrap_or(0)
    }

    /// A number from `low` to `high`, both included.
    pub fn range(&mut self, low: i64, high: i64) -> i64 {
        low + self.below(high.abs_diff(low) + 1) as i64
    }

    /// True `percent` times in a hundred.
    pub fn chance(&mut self, percent: u64) -> bool {
        self.below(100) < percent
    }

    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len() as u64) as usize]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stays_in_its_bounds_and_repeats_with_its_seed() {
        let mut dice = Dice::new(1);
        let rolls: Vec<i64> = (0..1000).map(|_| dice.range(3, 7)).collect();
        assert!(rolls.iter().all(|r| (3..=7).contains(r)));
        assert!((3..=7).all(|n| rolls.contains(&n)), "every value comes up");
        let mut again = Dice::new(1);
        assert_eq!(
            rolls[..5],
            (0..5).map(|_| again.range(3, 7)).collect::<Vec<_>>()
        );
    }
}
