//! The new-goal form's fields, as an enum: names, order and which take ←/→.

/// The form's fields, top to bottom; Save is the button under them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    Dimension,
    Score,
    Target,
    Due,
    Note,
    Save,
}

impl Field {
    pub const ALL: [Field; 6] = [
        Field::Dimension,
        Field::Score,
        Field::Target,
        Field::Due,
        Field::Note,
        Field::Save,
    ];

    /// Its name beside its value (Save is a button, with none).
    pub fn label(self) -> &'static str {
        match self {
            Field::Dimension => "Dimension",
            Field::Score => "Score",
            Field::Target => "Target",
            Field::Due => "Due",
            Field::Note => "Note",
            Field::Save => "",
        }
    }

    /// ←/→ step through its values (Note and Save take Enter instead).
    pub fn steps(self) -> bool {
        !matches!(self, Field::Note | Field::Save)
    }

    fn index(self) -> usize {
        self as usize
    }

    /// The field `by` places down, wrapping round.
    pub(super) fn moved(self, by: isize) -> Field {
        let n = Field::ALL.len() as isize;
        Field::ALL[(self.index() as isize + by).rem_euclid(n) as usize]
    }

    /// The `i`-th field from the top (a click), Save for anything beyond.
    pub(super) fn nth(i: usize) -> Field {
        Field::ALL.get(i).copied().unwrap_or(Field::Save)
    }
}

#[cfg(test)]
mod tests {
    use super::Field;

    #[test]
    fn fields_wrap_round_and_a_click_past_them_is_save() {
        assert_eq!(Field::Dimension.moved(-1), Field::Save);
        assert_eq!(Field::Save.moved(1), Field::Dimension);
        assert_eq!(Field::Target.moved(1), Field::Due);
        assert_eq!(Field::nth(3), Field::Due);
        assert_eq!(Field::nth(99), Field::Save);
        let stepping: Vec<Field> = Field::ALL.into_iter().filter(|f| f.steps()).collect();
        assert_eq!(
            stepping.len(),
            4,
            "←/→ change the first four, as the view draws them"
        );
    }
}
