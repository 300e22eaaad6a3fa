/// What a key, click or scroll means, independent of which key it was.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    Up,
    Down,
    Back,
    Forward,
    Confirm,
    /// A number key, 1-based.
    Pick(u8),
    /// A letter with no other meaning on this screen (a choice option's key).
    Letter(char),
    Skip,
    Review,
    Finish,
    Help,
    Quit,
    /// Ctrl-C: save and leave at once.
    Interrupt,
    /// Ctrl-Z: hand the terminal back to the shell until `fg`.
    Suspend,
    Top,
    Bottom,
    PageUp,
    PageDown,
    /// Write the result out as Markdown and HTML.
    Export,
    /// Write this result's team card (no answers) to share.
    Share,
    /// Set a learning goal from this result.
    Goal,
    /// Edit who you are (About you).
    About,
    /// A learning goal over time.
    Timeline,
    /// Answer just a goal's own questions (a goal form).
    AskGoal,
    /// Mark a row (for comparison).
    Mark,
    Rename,
    Delete,
    Compare,
    /// Open or close Compare's list of every changed answer, with the question texts.
    Questions,
    Add,
    Done,
    /// A printable character typed into a text field.
    Type(char),
    /// Backspace, Delete and Ctrl-U in a text field.
    Erase,
    EraseNext,
    Clear,
    /// A mouse click on the i-th item of what is on screen (an option, a row, a button).
    Click(usize),
}
