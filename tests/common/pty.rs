//! Runs the real binary in a pseudo-terminal and reads the screen back through a VT parser.
#![allow(dead_code, clippy::unwrap_used, clippy::expect_used)]

use std::io::{Read, Write};
use std::path::Path;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use portable_pty::{Child, CommandBuilder, PtySize, native_pty_system};

pub const ROWS: u16 = 24;
pub const COLS: u16 = 80;
const TIMEOUT: Duration = Duration::from_secs(15);

pub struct Pty {
    parser: Arc<Mutex<vt100::Parser>>,
    raw: Arc<Mutex<Vec<u8>>>,
    writer: Box<dyn Write + Send>,
    pub child: Box<dyn Child + Send + Sync>,
    master: Box<dyn portable_pty::MasterPty + Send>,
}

pub fn bin() -> &'static str {
    env!("CARGO_BIN_EXE_rolefit")
}

impl Pty {
    /// Runs `script` with `sh -c` in a fresh pty; the data directory is `data`.
    pub fn shell(script: &str, data: &Path, extra_env: &[(&str, &str)]) -> Pty {
        let pair = native_pty_system()
            .openpty(PtySize {
                rows: ROWS,
                cols: COLS,
                pixel_width: 0,
                pixel_height: 0,
            })
            .unwrap();
        let mut cmd = CommandBuilder::new("sh");
        cmd.args(["-c", script]);
        cmd.cwd(data);
        cmd.env("ROLEFIT_DATA_DIR", data);
        cmd.env("TERM", "xterm-256color");
        cmd.env_remove("NO_COLOR");
        cmd.env("HOME", data.join("home-must-not-be-used"));
        for (k, v) in extra_env {
            cmd.env(k, v);
        }
        let child = pair.slave.spawn_command(cmd).unwrap();
        drop(pair.slave);
        let mut reader = pair.master.try_clone_reader().unwrap();
        let writer = pair.master.take_writer().unwrap();
        let parser = Arc::new(Mutex::new(vt100::Parser::new(nz(ROWS), nz(COLS), 0)));
        let raw = Arc::new(Mutex::new(Vec::new()));
        let (p, r) = (Arc::clone(&parser), Arc::clone(&raw));
        std::thread::spawn(move || {
            let mut buf = [0u8; 8192];
            while let Ok(n) = reader.read(&mut buf) {
                if n == 0 {
                    break;
                }
                p.lock().unwrap().process(&buf[..n]);
                r.lock().unwrap().extend_from_slice(&buf[..n]);
            }
        });
        Pty {
            parser,
            raw,
            writer,
            child,
            master: pair.master,
        }
    }

    /// Runs rolefit with `args`, then prints its exit code and the terminal's modes, so a test
    /// can check what state rolefit left the terminal in.
    pub fn rolefit(args: &str, data: &Path, extra_env: &[(&str, &str)]) -> Pty {
        let script = format!("{} {args}; echo \"EXIT=$?\"; stty -a", bin());
        Pty::shell(&script, data, extra_env)
    }

    pub fn screen(&self) -> String {
        self.parser.lock().unwrap().screen().contents()
    }

    pub fn with_screen<T>(&self, f: impl FnOnce(&vt100::Screen) -> T) -> T {
        f(self.parser.lock().unwrap().screen())
    }

    pub fn raw_output(&self) -> String {
        String::from_utf8_lossy(&self.raw.lock().unwrap()).into_owned()
    }

    /// Waits until `text` is on the screen; fails the test with the screen if it never is.
    pub fn wait_for(&self, text: &str) {
        let start = Instant::now();
        while start.elapsed() < TIMEOUT {
            if self.screen().contains(text) {
                return;
            }
            std::thread::sleep(Duration::from_millis(10));
        }
        panic!(
            "timed out waiting for {text:?}; the screen shows:\n{}",
            self.screen()
        );
    }

    pub fn send(&mut self, keys: &str) {
        self.writer.write_all(keys.as_bytes()).unwrap();
        self.writer.flush().unwrap();
    }

    pub fn resize(&self, rows: u16, cols: u16) {
        // The parser first, so the redraw that the resize triggers lands on a screen of the new size.
        self.parser
            .lock()
            .unwrap()
            .screen_mut()
            .set_size(nz(rows), nz(cols));
        self.master
            .resize(PtySize {
                rows,
                cols,
                pixel_width: 0,
                pixel_height: 0,
            })
            .unwrap();
    }

    /// From a form's intro to its first question: Enter on the intro, and Enter on About you
    /// (which confirms what it shows).
    pub fn begin(&mut self) {
        // The footer, not the last line of the intro: a long intro scrolls that out of view.
        self.wait_for("Enter begin");
        self.send("\r");
        self.wait_for("Continue to the first question");
        self.send("\r");
    }

    /// Starts the quick form (from its intro), answers all 14 questions with `key`, and presses
    /// f on the review; leaves the screen there.
    pub fn answer_quick_and_finish(&mut self, key: &str) {
        self.begin();
        for n in 1..=14 {
            self.wait_for(&format!("Question {n} of 14"));
            self.send(key);
        }
        self.wait_for("Finish and see your result");
        self.send("f");
    }

    /// On the "could not be saved" dialog, which must offer Try again and Save elsewhere: saves
    /// the result to `target` and returns it as read back from there.
    pub fn save_elsewhere(&mut self, target: &Path) -> rolefit::store::ResultFile {
        self.wait_for("could not be saved");
        let screen = self.screen();
        assert!(
            screen.contains("Try again") && screen.contains("Save elsewhere"),
            "{screen}"
        );
        self.send("e");
        self.wait_for("Save the result to");
        self.send("\x15");
        self.send(&target.display().to_string());
        self.send("\r");
        self.wait_for("Saved to");
        toml::from_str(&std::fs::read_to_string(target).unwrap()).unwrap()
    }

    /// The pid of rolefit, the shell's child.
    pub fn rolefit_pid(&self) -> u32 {
        child_of(self.child.process_id().unwrap())
    }

    /// Sends keys and waits until rolefit has made another read (`syscr` in /proc/PID/io), so a
    /// resize sent next cannot overtake them: the two reach rolefit by different roads.
    pub fn send_and_wait_for_read(&mut self, keys: &str) {
        let pid = self.rolefit_pid();
        let reads = || {
            std::fs::read_to_string(format!("/proc/{pid}/io"))
                .ok()
                .and_then(|io| {
                    io.lines()
                        .find_map(|l| l.strip_prefix("syscr: "))
                        .and_then(|n| n.trim().parse::<u64>().ok())
                })
                .unwrap_or(0)
        };
        let before = reads();
        self.send(keys);
        let start = Instant::now();
        while reads() <= before {
            assert!(start.elapsed() < TIMEOUT, "rolefit never read {keys:?}");
            std::thread::sleep(Duration::from_millis(5));
        }
    }

    pub fn signal(&self, signal: &str) {
        let pid = self.rolefit_pid();
        let ok = std::process::Command::new("kill")
            .args([&format!("-{signal}"), &pid.to_string()])
            .status()
            .unwrap();
        assert!(ok.success());
    }

    /// Waits for the shell to end and returns rolefit's exit code (printed as EXIT=n).
    pub fn finish(&mut self) -> i32 {
        let start = Instant::now();
        while start.elapsed() < TIMEOUT {
            if let Some(_status) = self.child.try_wait().unwrap() {
                // Let the reader drain what is left.
                std::thread::sleep(Duration::from_millis(50));
                let out = self.raw_output();
                let code = out
                    .rsplit("EXIT=")
                    .next()
                    .and_then(|s| s.split_whitespace().next())
                    .and_then(|s| s.parse().ok());
                return code.unwrap_or_else(|| panic!("no exit code in output:\n{out}"));
            }
            std::thread::sleep(Duration::from_millis(10));
        }
        self.child.kill().ok();
        panic!(
            "the program did not exit; the screen shows:\n{}",
            self.screen()
        );
    }

    /// Asserts rolefit left the terminal usable: primary screen, cursor shown, no mouse
    /// reporting, cooked mode with echo (from `stty -a`, run after it in the same terminal).
    pub fn assert_terminal_restored(&self) {
        self.with_screen(|s| {
            assert!(!s.alternate_screen(), "still on the alternate screen");
            assert!(!s.hide_cursor(), "cursor still hidden");
            assert_eq!(
                s.mouse_protocol_mode(),
                vt100::MouseProtocolMode::None,
                "mouse capture left on"
            );
        });
        let out = self.raw_output();
        let stty = out.rsplit("EXIT=").next().unwrap_or_default();
        let words: Vec<&str> = stty.split_whitespace().collect();
        for mode in ["icanon", "echo", "isig"] {
            assert!(
                words.contains(&mode),
                "`{mode}` is off after rolefit exited:\n{stty}"
            );
        }
    }
}

fn nz(n: u16) -> std::num::NonZero<u16> {
    std::num::NonZero::new(n).unwrap()
}

/// The pid of a child of `parent` (waits for one to start).
pub fn child_of(parent: u32) -> u32 {
    let start = Instant::now();
    while start.elapsed() < TIMEOUT {
        for entry in std::fs::read_dir("/proc").unwrap().flatten() {
            let Ok(pid) = entry.file_name().to_string_lossy().parse::<u32>() else {
                continue;
            };
            let Ok(stat) = std::fs::read_to_string(format!("/proc/{pid}/stat")) else {
                continue;
            };
            // Fields after the command name (which may hold spaces) start at ") ".
            let Some(rest) = stat.rsplit_once(") ").map(|(_, r)| r) else {
                continue;
            };
            let ppid: u32 = rest
                .split_whitespace()
                .nth(1)
                .and_then(|p| p.parse().ok())
                .unwrap_or(0);
            if ppid == parent {
                return pid;
            }
        }
        std::thread::sleep(Duration::from_millis(10));
    }
    panic!("{parent} never started a child");
}
