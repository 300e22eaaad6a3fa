//! The question bank: its types, and loading + validating it from TOML with file:line:col spans.

mod balance;
mod error;
mod focus;
mod load;
mod model;
mod raw;
mod validate;

pub use balance::{Imbalance, MAX_SAME_SIDE, imbalances};
pub use error::{BankError, Problem};
pub use focus::{Focus, scale_title};
pub use load::{
    DEFAULT_BANK_TOML, MAX_BANK_BYTES, MAX_BANK_FILES, archived, builtin, load_default, load_path,
    load_str,
};
pub use model::{
    Bank, ChoiceOption, Dimension, Form, Kind, Lens, Pole, Question, RESERVED_OPTION_KEYS, Scale,
};
pub use raw::{LineIndex, line_col};
pub use validate::{MAX_ID_CHARS, MAX_QUESTIONS};
