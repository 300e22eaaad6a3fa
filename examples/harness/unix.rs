//! Whole-process figures: start to first frame, key to redraw, and peak memory (VmHWM), for
//! rolefit beside the floor (a minimal ratatui program, `examples/floor.rs`), whiptail and
//! dialog, interleaved (A B C D A B C D ...) in pseudo-terminals of 80x24.
//!
//!   cargo build --release --bin rolefit --example floor
//!   scripts/lean-build.sh          # optional: the lean build is then measured too
//!   cargo run --release --example harness -- [ROUNDS]
//!
//! Each program is spawned directly in a pty (portable-pty); its output feeds a vt100 screen,
//! and times are taken when the bytes arrive: start is "spawn until the known text is on the
//! screen", a key is "write until the screen changes". whiptail and dialog are skipped when not
//! installed (`apt-get install whiptail dialog`).

use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, RecvTimeoutError, channel};
use std::time::{Duration, Instant};

use portable_pty::{CommandBuilder, PtySize, native_pty_system};

const ROWS: u16 = 24;
const COLS: u16 = 80;
const TIMEOUT: Duration = Duration::from_secs(10);
/// Key presses per program run (alternating down and up).
const KEYS: usize = 20;
const DOWN: &str = "\x1b[B";
const UP: &str = "\x1b[A";

struct Program {
    name: &'static str,
    argv: Vec<String>,
    env: Vec<(String, String)>,
    /// On screen once the first frame is complete.
    ready: &'static str,
    /// Keys that lead from the first frame to the screen the key test runs on, and what that
    /// screen shows.
    to_keys: &'static [(&'static str, &'static str)],
}

struct Run {
    start: Duration,
    keys: Vec<Duration>,
    hwm_kib: u64,
}

struct Session {
    parser: vt100::Parser,
    rx: Receiver<(Instant, Vec<u8>)>,
    writer: Box<dyn Write + Send>,
    child: Box<dyn portable_pty::Child + Send + Sync>,
    _master: Box<dyn portable_pty::MasterPty + Send>,
}

impl Session {
    fn spawn(p: &Program) -> (Session, Instant) {
        let pair = native_pty_system()
            .openpty(PtySize {
                rows: ROWS,
                cols: COLS,
                pixel_width: 0,
                pixel_height: 0,
            })
            .unwrap();
        let mut cmd = CommandBuilder::new(&p.argv[0]);
        cmd.args(&p.argv[1..]);
        cmd.env("TERM", "xterm-256color");
        for (k, v) in &p.env {
            cmd.env(k, v);
        }
        let mut reader = pair.master.try_clone_reader().unwrap();
        let writer = pair.master.take_writer().unwrap();
        let (tx, rx) = channel();
        std::thread::spawn(move || {
            let mut buf = [0u8; 65536];
            while let Ok(n) = reader.read(&mut buf) {
                if n == 0 || tx.send((Instant::now(), buf[..n].to_vec())).is_err() {
                    break;
                }
            }
        });
        let t0 = Instant::now();
        let child = pair.slave.spawn_command(cmd).unwrap();
        drop(pair.slave);
        let rows = std::num::NonZero::new(ROWS).unwrap();
        let cols = std::num::NonZero::new(COLS).unwrap();
        let s = Session {
            parser: vt100::Parser::new(rows, cols, 0),
            rx,
            writer,
            child,
            _master: pair.master,
        };
        (s, t0)
    }

    /// Feeds output until `done(screen)`; returns when the bytes that made it true arrived.
    fn until(&mut self, what: &str, done: impl Fn(&str) -> bool) -> Instant {
        let deadline = Instant::now() + TIMEOUT;
        loop {
            match self
                .rx
                .recv_timeout(deadline.saturating_duration_since(Instant::now()))
            {
                Ok((at, bytes)) => {
                    self.parser.process(&bytes);
                    if done(&self.parser.screen().contents()) {
                        return at;
                    }
                }
                Err(RecvTimeoutError::Timeout | RecvTimeoutError::Disconnected) => panic!(
                    "timed out waiting for {what}; the screen shows:\n{}",
                    self.parser.screen().contents()
                ),
            }
        }
    }

    fn wait_for(&mut self, text: &str) -> Instant {
        self.until(text, |s| s.contains(text))
    }

    /// Lets output settle, so the next measurement starts from a quiet terminal.
    fn settle(&mut self) {
        while let Ok((_, bytes)) = self.rx.recv_timeout(Duration::from_millis(30)) {
            self.parser.process(&bytes);
        }
    }

    fn send(&mut self, keys: &str) -> Instant {
        let t = Instant::now();
        self.writer.write_all(keys.as_bytes()).unwrap();
        self.writer.flush().unwrap();
        t
    }

    /// Time from writing `key` until the screen differs from what it showed before.
    fn key_to_redraw(&mut self, key: &str) -> Duration {
        // Curses programs switch the terminal to application cursor keys (ESC O B, not ESC [ B),
        // as a real terminal would send them.
        let app_keys;
        let key = if self.parser.screen().application_cursor() {
            app_keys = key.replacen("\x1b[", "\x1bO", 1);
            app_keys.as_str()
        } else {
            key
        };
        let before = self.parser.screen().contents_formatted();
        let sent = self.send(key);
        let deadline = Instant::now() + TIMEOUT;
        loop {
            let Ok((at, bytes)) = self
                .rx
                .recv_timeout(deadline.saturating_duration_since(Instant::now()))
            else {
                panic!(
                    "no redraw after a key; the screen shows:\n{}",
                    self.parser.screen().contents()
                );
            };
            self.parser.process(&bytes);
            if self.parser.screen().contents_formatted() != before {
                return at.duration_since(sent);
            }
        }
    }

    fn hwm_kib(&mut self) -> u64 {
        let pid = self.child.process_id().unwrap();
        let status = std::fs::read_to_string(format!("/proc/{pid}/status")).unwrap();
        status
            .lines()
            .find_map(|l| l.strip_prefix("VmHWM:"))
            .and_then(|v| v.split_whitespace().next())
            .and_then(|v| v.parse().ok())
            .unwrap()
    }

    fn kill(mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn measure(p: &Program) -> Run {
    eprint!(" {}", p.name);
    let (mut s, t0) = Session::spawn(p);
    let start = s.wait_for(p.ready).duration_since(t0);
    for (key, shows) in p.to_keys {
        s.settle();
        s.send(key);
        s.wait_for(shows);
    }
    s.settle();
    let keys = (0..KEYS)
        .map(|i| {
            let d = s.key_to_redraw(if i % 2 == 0 { DOWN } else { UP });
            s.settle();
            d
        })
        .collect();
    let hwm_kib = s.hwm_kib();
    s.kill();
    Run {
        start,
        keys,
        hwm_kib,
    }
}

/// Peak memory of rolefit after a whole full assessment, answered key by key.
fn rolefit_full_assessment_hwm(bin: &Path, data: &Path) -> u64 {
    let p = Program {
        name: "rolefit",
        argv: vec![bin.display().to_string(), "take".into()],
        env: vec![("ROLEFIT_DATA_DIR".into(), data.display().to_string())],
        ready: "Press Enter to begin",
        to_keys: &[],
    };
    let (mut s, _) = Session::spawn(&p);
    s.wait_for(p.ready);
    s.send("\r");
    // About you: Enter confirms what it shows.
    s.wait_for("Continue to the first question");
    s.send("\r");
    for n in 1..=51 {
        s.wait_for(&format!("Question {n} of 51"));
        s.send(&((n % 3) + 1).to_string());
    }
    s.wait_for("Finish and see your result");
    s.send("f");
    s.wait_for("1 Overview");
    s.settle();
    let hwm = s.hwm_kib();
    s.kill();
    hwm
}

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(f64::total_cmp);
    let n = v.len();
    if n == 0 {
        return f64::NAN;
    }
    if n % 2 == 1 {
        v[n / 2]
    } else {
        (v[n / 2 - 1] + v[n / 2]) / 2.0
    }
}

fn installed(bin: &str) -> bool {
    std::process::Command::new("sh")
        .args(["-c", &format!("command -v {bin}")])
        .output()
        .is_ok_and(|o| o.status.success())
}

fn radiolist(bin: &str) -> Program {
    let mut argv: Vec<String> = [bin, "--radiolist", "Pick one", "15", "40", "5"]
        .into_iter()
        .map(String::from)
        .collect();
    for i in 1..=5 {
        argv.extend([
            format!("{i}"),
            format!("Item {i}"),
            if i == 1 { "on" } else { "off" }.into(),
        ]);
    }
    Program {
        name: if bin == "whiptail" {
            "whiptail"
        } else {
            "dialog"
        },
        argv,
        env: vec![],
        ready: "Item 5",
        to_keys: &[],
    }
}

/// The lean build of `scripts/lean-build.sh` (`target/<host>/lean/rolefit`), if there is one.
fn lean_build(root: &Path) -> Option<PathBuf> {
    if let Some(p) = std::env::var_os("ROLEFIT_LEAN_BIN") {
        return Some(PathBuf::from(p));
    }
    std::fs::read_dir(root.join("target"))
        .ok()?
        .filter_map(Result::ok)
        .map(|e| e.path().join("lean/rolefit"))
        .find(|p| p.is_file())
}

fn rolefit_program(name: &'static str, bin: &Path, data: &Path) -> Program {
    Program {
        name,
        argv: vec![bin.display().to_string()],
        env: vec![("ROLEFIT_DATA_DIR".into(), data.display().to_string())],
        ready: "Quit",
        // Home, then the quick form's first question: keys are measured where people press them.
        // A new question starts with nothing chosen: the first ↓ picks option 1, so the
        // measured ↓/↑ move between options 1 and 2 and every key changes the screen.
        to_keys: &[
            ("2", "Press Enter to begin"),
            ("\r", "Question 1 of 14"),
            (DOWN, "▶ 1"),
        ],
    }
}

pub fn main() {
    let rounds: usize = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(15);
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    // ROLEFIT_BIN measures another build in place of the default one; the lean build
    // (scripts/lean-build.sh, or ROLEFIT_LEAN_BIN) is measured beside it when it exists.
    let rolefit = std::env::var_os("ROLEFIT_BIN")
        .map_or_else(|| root.join("target/release/rolefit"), PathBuf::from);
    let floor = root.join("target/release/examples/floor");
    for b in [&rolefit, &floor] {
        assert!(
            b.is_file(),
            "{} is missing: cargo build --release --bin rolefit --example floor",
            b.display()
        );
    }
    let mut builds = vec![("rolefit", rolefit)];
    match lean_build(&root) {
        Some(lean) => builds.push(("rolefit lean", lean)),
        None => {
            eprintln!("no lean build (scripts/lean-build.sh); measuring the default build only")
        }
    }
    // One data folder per build: each run's unfinished quick assessment is removed after it.
    let data: Vec<tempfile::TempDir> = builds
        .iter()
        .map(|_| tempfile::tempdir().unwrap())
        .collect();
    let mut programs = vec![Program {
        name: "floor",
        argv: vec![floor.display().to_string()],
        env: vec![],
        ready: "Item 5",
        to_keys: &[],
    }];
    for ((name, bin), d) in builds.iter().zip(&data) {
        programs.push(rolefit_program(name, bin, d.path()));
    }
    for bin in ["whiptail", "dialog"] {
        if installed(bin) {
            programs.push(radiolist(bin));
        } else {
            eprintln!("{bin} is not installed; skipped");
        }
    }
    let mut runs: Vec<Vec<Run>> = programs.iter().map(|_| Vec::new()).collect();
    for round in 0..rounds {
        for (i, p) in programs.iter().enumerate() {
            runs[i].push(measure(p));
        }
        // rolefit's unfinished quick assessment would change its home screen: start clean.
        for d in &data {
            let _ = std::fs::remove_file(d.path().join("in-progress.toml"));
        }
        eprint!("\rround {}/{rounds}", round + 1);
    }
    eprintln!();
    let full_hwm: Vec<u64> = builds
        .iter()
        .map(|(_, bin)| {
            let d = tempfile::tempdir().unwrap();
            rolefit_full_assessment_hwm(bin, d.path())
        })
        .collect();
    let floor_start = median(
        runs[0]
            .iter()
            .map(|r| r.start.as_secs_f64() * 1e3)
            .collect(),
    );
    let floor_key = median(
        runs[0]
            .iter()
            .flat_map(|r| r.keys.iter().map(|k| k.as_secs_f64() * 1e3))
            .collect(),
    );
    println!(
        "{rounds} interleaved rounds, {KEYS} keys a run, pty {COLS}x{ROWS}, medians\n\n\
         | program | start to first frame | x floor | key to redraw | x floor | peak RSS (VmHWM) |\n\
         |---|---:|---:|---:|---:|---:|"
    );
    for (p, r) in programs.iter().zip(&runs) {
        let start = median(r.iter().map(|x| x.start.as_secs_f64() * 1e3).collect());
        let key = median(
            r.iter()
                .flat_map(|x| x.keys.iter().map(|k| k.as_secs_f64() * 1e3))
                .collect(),
        );
        let hwm = median(r.iter().map(|x| x.hwm_kib as f64 / 1024.0).collect());
        println!(
            "| {} | {start:.2} ms | {:.2} | {key:.3} ms | {:.2} | {hwm:.2} MiB |",
            p.name,
            start / floor_start,
            key / floor_key
        );
    }
    println!();
    for ((name, bin), hwm) in builds.iter().zip(full_hwm) {
        let size = std::fs::metadata(bin).map(|m| m.len()).unwrap_or(0);
        println!(
            "{name}: peak RSS {:.2} MiB after a whole full assessment (51 answers, result saved, \
             dashboard); binary {:.2} MiB ({size} bytes, {})",
            hwm as f64 / 1024.0,
            size as f64 / 1_048_576.0,
            bin.display()
        );
    }
}
