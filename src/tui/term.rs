//! The terminal: entering and leaving raw mode, the alternate screen, mouse capture and
//! bracketed paste, on every exit path (return, `?`, panic, every terminating signal, Ctrl-Z and
//! SIGTSTP), and the event loop.

use std::io::{self, BufWriter, IsTerminal, Stdout};
use std::time::Duration;

use crossterm::event::{
    self, DisableBracketedPaste, DisableMouseCapture, EnableBracketedPaste, EnableMouseCapture,
    Event, MouseButton, MouseEventKind,
};
use crossterm::terminal::{self, EnterAlternateScreen, LeaveAlternateScreen};
use crossterm::{cursor, execute};
use ratatui::backend::CrosstermBackend;
use ratatui::layout::{Position, Rect};
use ratatui::{Terminal, TerminalOptions, Viewport};

use super::action::Action;
use super::app::App;
use super::keymap;
use super::signals::{Job, Signals};
use super::view::{self, Hits, MIN_HEIGHT, MIN_WIDTH};

type Term = Terminal<CrosstermBackend<BufWriter<Stdout>>>;

/// Tests set this to `panic` or `error` to prove that a panic, or an error returned from the
/// loop, still restores the terminal (after the first frame is drawn). Debug builds only.
pub const TEST_FAIL_ENV: &str = "ROLEFIT_TEST_FAIL";

#[derive(Debug, thiserror::Error)]
pub enum TuiError {
    #[error(
        "no terminal: the interactive assessment needs a terminal on stdin and stdout; use `rolefit take --plain` to answer line by line"
    )]
    NoTerminal,
    #[error(
        "TERM=dumb: this terminal cannot draw full-screen interfaces; use `rolefit take --plain` to answer line by line, or run rolefit in another terminal"
    )]
    DumbTerminal,
    #[error("terminal error")]
    Io(#[from] io::Error),
    /// Leaving at once (Ctrl-C, a signal) with progress that could not be saved.
    #[error("{0}")]
    NotSaved(String),
}

/// Stdin and stdout must be terminals, there must be a controlling terminal to read keys from,
/// and it must understand cursor movement (not TERM=dumb).
pub fn check_terminal() -> Result<(), TuiError> {
    // The binary checks before it loads anything and `run` again before it changes the terminal:
    // one open of the terminal answers both.
    static TTY: std::sync::OnceLock<bool> = std::sync::OnceLock::new();
    let tty = *TTY.get_or_init(super::signals::has_terminal);
    if !(io::stdin().is_terminal() && io::stdout().is_terminal() && tty) {
        return Err(TuiError::NoTerminal);
    }
    if std::env::var_os("TERM").is_some_and(|t| t == "dumb") {
        return Err(TuiError::DumbTerminal);
    }
    Ok(())
}

fn enter() -> io::Result<()> {
    terminal::enable_raw_mode()?;
    execute!(
        io::stdout(),
        EnterAlternateScreen,
        EnableMouseCapture,
        cursor::Hide
    )?;
    // A paste arrives as one event, not as keys: a pasted "q" or "d" must not act. On its own,
    // and allowed to fail: Windows' legacy console has no bracketed paste (pastes are keys
    // there, as before).
    let _ = execute!(io::stdout(), EnableBracketedPaste);
    Ok(())
}

/// Undoes `enter`; safe to call more than once, and from a panic hook.
pub fn restore() {
    let _ = execute!(io::stdout(), DisableBracketedPaste);
    let _ = execute!(
        io::stdout(),
        DisableMouseCapture,
        LeaveAlternateScreen,
        cursor::Show
    );
    let _ = terminal::disable_raw_mode();
}

/// Restores the terminal when dropped, so an early `?` return cannot leave it raw.
struct Guard;

impl Drop for Guard {
    fn drop(&mut self) {
        restore();
    }
}

fn install_panic_hook() {
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        // Restore first, so the panic message lands on the normal screen in cooked mode.
        restore();
        previous(info);
    }));
}

/// Sets up the terminal, then builds the app with `make` and runs it until it quits. The app is
/// built after the terminal is ready so that slow parts of `make` (parsing the question bank on
/// another core) overlap with setting the terminal up. Returns the app's last word for the
/// shell (what was saved), to print once the terminal is restored.
pub fn run<E: From<TuiError>>(make: impl FnOnce() -> Result<App, E>) -> Result<Option<String>, E> {
    let (guard, signals, mut term) = setup()?;
    let mut app = make()?;
    event_loop(&mut app, &mut term, &signals).map_err(E::from)?;
    drop(guard);
    Ok(app.farewell().map(str::to_owned))
}

/// Raw mode, the alternate screen, mouse capture, and the handlers that restore them. The guard
/// restores the terminal when dropped, so it is made before anything is changed.
fn setup() -> Result<(Guard, Signals, Term), TuiError> {
    check_terminal()?;
    let signals = Signals::install()?;
    install_panic_hook();
    let guard = Guard;
    enter()?;
    // Starts crossterm's event source, and with it its SIGWINCH handler, before the size is read:
    // a resize between the size query and the first poll would otherwise be lost (the terminal
    // would keep a frame of the old size until the next resize). Found by the e2e resize test.
    event::poll(Duration::ZERO)?;
    let (w, h) = terminal::size()?;
    // One large buffer, so each frame reaches the terminal in a single write.
    let backend = CrosstermBackend::new(BufWriter::with_capacity(1 << 16, io::stdout()));
    // A fixed viewport resized from Resize events: no size query on every draw.
    let area = Rect::new(0, 0, w, h);
    let mut term = Terminal::with_options(
        backend,
        TerminalOptions {
            viewport: Viewport::Fixed(area),
        },
    )?;
    // `resize` clears without `clear`'s cursor-position query, a round trip that some terminals
    // never answer and that would slow every start.
    term.resize(area)?;
    Ok((guard, signals, term))
}

fn event_loop(app: &mut App, term: &mut Term, signals: &Signals) -> Result<(), TuiError> {
    // Only a debug build (what the tests run) honours it: the shipped binary never panics on
    // request.
    let inject = if cfg!(debug_assertions) {
        std::env::var(TEST_FAIL_ENV).unwrap_or_default()
    } else {
        String::new()
    };
    let mut hits = Hits::new();
    let mut dirty = true;
    let mut watching = false;
    loop {
        if dirty {
            term.draw(|f| hits = view::draw(app, f.area(), f.buffer_mut()))?;
            dirty = false;
            // Started once the first frame is out: a thread's creation need not delay it.
            if !watching {
                watch_for_hangup(app.pending.clone());
                watching = true;
            }
            match inject.as_str() {
                "panic" => panic!("injected panic ({TEST_FAIL_ENV}=panic)"),
                "error" => {
                    return Err(io::Error::other(format!(
                        "injected error ({TEST_FAIL_ENV}=error)"
                    ))
                    .into());
                }
                _ => {}
            }
        }
        if let Some(why) = signals.stopped_by() {
            app.save_and_leave(&why);
        }
        if app.leaving() {
            return app
                .unsaved()
                .map_or(Ok(()), |why| Err(TuiError::NotSaved(why.to_owned())));
        }
        let by_key = std::mem::take(&mut app.suspend);
        let job = if by_key {
            Some(Job::Suspend)
        } else {
            signals.take_job()
        };
        match job {
            Some(Job::Suspend) => {
                suspend(term, signals, by_key)?;
                dirty = true;
                continue;
            }
            Some(Job::Resume) => {
                // Continued after a stop we did not see coming (SIGSTOP): the shell may have
                // changed the terminal's modes and drawn over the screen.
                resume(term)?;
                dirty = true;
                continue;
            }
            None => {}
        }
        if !event::poll(POLL)? {
            continue;
        }
        let area = term.get_frame().area();
        let too_small = area.width < MIN_WIDTH || area.height < MIN_HEIGHT;
        let actions = match event::read()? {
            Event::Key(key) => keymap::action(app.context(), key).into_iter().collect(),
            Event::Mouse(m) => mouse(&hits, m.kind, m.column, m.row).into_iter().collect(),
            Event::Paste(text) => keymap::paste(app.context(), &text),
            Event::Resize(w, h) => {
                term.resize(Rect::new(0, 0, w, h))?;
                dirty = true;
                Vec::new()
            }
            _ => Vec::new(),
        };
        for action in actions {
            // Below the usable size nothing is visible to act on; only leaving works.
            if too_small && !matches!(action, Action::Interrupt | Action::Suspend) {
                continue;
            }
            app.update(action);
            dirty = true;
        }
    }
}

/// How long one wait for an event lasts before the loop checks signals again.
const POLL: Duration = Duration::from_millis(250);

/// When the terminal disappears without a SIGHUP reaching us (its emulator closed the pty),
/// crossterm's reader spins on end-of-file inside `poll` and the loop never gets control back.
/// A watcher notices that stdin stopped being a terminal and ends the process (there is no
/// screen left to restore): `pending` saves what the last save could not, or says on stderr
/// what was lost and exits non-zero.
fn watch_for_hangup(pending: super::app::Pending) {
    std::thread::spawn(move || {
        loop {
            std::thread::sleep(Duration::from_millis(500));
            if !io::stdin().is_terminal() {
                pending.exit_now("the terminal closed");
            }
        }
    });
}

fn mouse(hits: &Hits, kind: MouseEventKind, column: u16, row: u16) -> Option<Action> {
    match kind {
        MouseEventKind::Down(MouseButton::Left) => hits
            .iter()
            .find(|(r, _)| r.contains(Position::new(column, row)))
            .map(|(_, a)| *a),
        MouseEventKind::ScrollUp => Some(Action::Up),
        MouseEventKind::ScrollDown => Some(Action::Down),
        _ => None,
    }
}

/// Ctrl-Z (`by_key`) or SIGTSTP: give the terminal back, stop until `fg`, then take it again
/// and redraw everything.
fn suspend(term: &mut Term, signals: &Signals, by_key: bool) -> Result<(), TuiError> {
    restore();
    signals.stop_self(by_key)?;
    resume(term)
}

/// Takes the terminal again and redraws everything on the next frame.
fn resume(term: &mut Term) -> Result<(), TuiError> {
    enter()?;
    // Starts crossterm's event source, and with it its SIGWINCH handler, before the size is read:
    // a resize between the size query and the first poll would otherwise be lost (the terminal
    // would keep a frame of the old size until the next resize). Found by the e2e resize test.
    event::poll(Duration::ZERO)?;
    let (w, h) = terminal::size()?;
    term.resize(Rect::new(0, 0, w, h))?;
    Ok(())
}
