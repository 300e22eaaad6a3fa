//! Signals sent to the TUI from outside, with the real binary in a pseudo-terminal: every
//! terminating signal saves progress and restores the terminal; SIGTSTP gives the terminal back
//! and SIGCONT (`fg`) redraws the whole screen.
//!
//! They find and watch processes through `/proc`, so they run on Linux: the stop tests prove the
//! Linux way of seeing a held SIGTSTP; macOS's (src/tui/signals/held/kqueue.rs) shares the rest of
//! the design but is compiled here, not run.
// A pseudo-terminal and Unix signals: Unix only (Windows runs every other test).
#![cfg(unix)]
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::time::{Duration, Instant};

use common::pty::Pty;
use rolefit::store::Store;

/// Answers the first quick question, sends `signal`, and checks rolefit left with the answer
/// saved and the terminal as it found it.
fn saves_and_restores(signal: &str) {
    let data = tempfile::tempdir().unwrap();
    let mut pty = Pty::rolefit("take --quick", data.path(), &[]);
    pty.begin();
    pty.wait_for("Question 1 of 14");
    pty.send("2");
    pty.wait_for("Question 2 of 14");
    pty.signal(signal);
    assert_eq!(pty.finish(), 0, "{signal}");
    pty.assert_terminal_restored();
    let saved = Store::open(data.path())
        .unwrap()
        .load_in_progress()
        .unwrap()
        .unwrap_or_else(|| panic!("{signal}: no progress saved"));
    assert_eq!(saved.assessment.progress().answered, 1, "{signal}");
    assert_eq!(saved.assessment.position(), 1, "{signal}");
}

#[test]
fn sigint_sigquit_sigterm_and_sighup_save_and_restore_the_terminal() {
    for signal in ["INT", "QUIT", "TERM", "HUP"] {
        saves_and_restores(signal);
    }
}

#[test]
fn user_and_timer_signals_save_and_restore_the_terminal() {
    for signal in ["USR1", "USR2", "ALRM", "VTALRM", "PROF"] {
        saves_and_restores(signal);
    }
}

#[cfg(target_os = "linux")] // SIGPWR and the real-time signals are Linux's
#[test]
fn the_other_terminating_signals_save_and_restore_the_terminal() {
    let (rtmin, rtmax) = (libc::SIGRTMIN(), libc::SIGRTMAX());
    let mut signals = vec![
        "XCPU".to_owned(),
        "IO".to_owned(),
        libc::SIGPWR.to_string(),
        rtmin.to_string(),
        rtmax.to_string(),
    ];
    if cfg!(any(target_arch = "x86_64", target_arch = "aarch64")) {
        signals.push("16".to_owned()); // SIGSTKFLT
    }
    for signal in &signals {
        saves_and_restores(signal);
    }
}

#[test]
fn sigpipe_is_ignored() {
    let data = tempfile::tempdir().unwrap();
    let mut pty = Pty::rolefit("", data.path(), &[]);
    pty.wait_for("Take the full assessment");
    pty.signal("PIPE");
    std::thread::sleep(Duration::from_millis(400));
    still_works_then_quits(&mut pty);
}

/// From the home screen: keys still reach rolefit (History opens and closes), q leaves cleanly.
fn still_works_then_quits(pty: &mut Pty) {
    // Full, quick, adaptive, History.
    pty.send("4");
    pty.wait_for("No saved results yet");
    pty.send("q");
    pty.wait_for("Take the full assessment");
    pty.send("q");
    assert_eq!(pty.finish(), 0);
    pty.assert_terminal_restored();
}

/// The state letter of a process (R, S, T for stopped, ...).
fn state(pid: u32) -> char {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).unwrap();
    let rest = stat.rsplit_once(") ").unwrap().1;
    rest.chars().next().unwrap()
}

/// The parent a job-control shell would be: runs its arguments in a process group of their
/// own, in the terminal's foreground, with the stop signals' default actions, and waits for
/// them to exit (not to stop); then prints the exit code as `sh` would. Unlike a child of the
/// pty's `sh -c`, whose group is orphaned (no parent in the session outside it), such a job is
/// stopped by a stop signal's default action, as at a shell prompt. Perl, as resetting an
/// inherited ignored signal takes `unsafe` in Rust.
const JOB_PARENT: &str = r#"
use POSIX;
$SIG{TTOU} = "IGNORE";
open(my $tty, "+<", "/dev/tty") or die "no terminal";
my $pid = fork() // die "fork";
if ($pid == 0) {
    setpgid(0, 0);
    tcsetpgrp(fileno($tty), $$);
    $SIG{$_} = "DEFAULT" for qw(TTOU TTIN TSTP);
    exec(@ARGV) or die "exec";
}
waitpid($pid, 0);
tcsetpgrp(fileno($tty), getpgrp());
exit(WIFEXITED($?) ? WEXITSTATUS($?) : 128 + WTERMSIG($?));
"#;

/// rolefit with `args`, run as a foreground job under `JOB_PARENT`; returns it with rolefit's
/// pid.
fn job(args: &str, data: &std::path::Path) -> (Pty, u32) {
    let program = data.join("job-parent.pl");
    std::fs::write(&program, JOB_PARENT).unwrap();
    let script = format!(
        "perl {} {} {args}; echo \"EXIT=$?\"; stty -a",
        program.display(),
        common::pty::bin()
    );
    let pty = Pty::shell(&script, data, &[]);
    let pid = common::pty::child_of(pty.rolefit_pid());
    (pty, pid)
}

fn kill(signal: &str, pid: u32) {
    let sent = std::process::Command::new("kill")
        .args([&format!("-{signal}"), &pid.to_string()])
        .status()
        .unwrap();
    assert!(sent.success());
}

fn wait_until(what: &str, pty: &Pty, mut done: impl FnMut(&Pty) -> bool) {
    let start = Instant::now();
    while !done(pty) {
        assert!(
            start.elapsed() < Duration::from_secs(15),
            "timed out waiting for {what}; the screen shows:\n{}",
            pty.screen()
        );
        std::thread::sleep(Duration::from_millis(10));
    }
}

#[test]
fn sigtstp_gives_the_terminal_back_and_sigcont_redraws_everything() {
    let data = tempfile::tempdir().unwrap();
    let (mut pty, pid) = job("", data.path());
    pty.wait_for("Take the full assessment");
    kill("TSTP", pid);
    wait_until("rolefit to stop", &pty, |_| state(pid) == 'T');
    // Written before the stop; the pty's reader may not have passed all of it on yet.
    wait_until("the terminal given back", &pty, |p| {
        p.with_screen(|s| {
            !s.alternate_screen()
                && !s.hide_cursor()
                && s.mouse_protocol_mode() == vt100::MouseProtocolMode::None
        })
    });
    let drawn = |p: &Pty| p.raw_output().matches("Take the full assessment").count();
    let before = drawn(&pty);
    kill("CONT", pid);
    wait_until("the home screen drawn again", &pty, |p| {
        drawn(p) > before && p.with_screen(|s| s.alternate_screen())
    });
    pty.wait_for("Take the full assessment");
    still_works_then_quits(&mut pty);
}

/// Ctrl-Z is a key in raw mode: the same stop, made by rolefit itself.
#[test]
fn ctrl_z_stops_and_sigcont_brings_it_back() {
    let data = tempfile::tempdir().unwrap();
    let (mut pty, pid) = job("", data.path());
    pty.wait_for("Take the full assessment");
    pty.send("\x1a");
    wait_until("rolefit to stop", &pty, |_| state(pid) == 'T');
    // The reader of the pty may not have passed on what rolefit wrote before it stopped yet.
    wait_until("the terminal given back", &pty, |p| {
        !p.with_screen(|s| s.alternate_screen())
    });
    kill("CONT", pid);
    wait_until("the alternate screen again", &pty, |p| {
        p.with_screen(|s| s.alternate_screen())
    });
    pty.wait_for("Take the full assessment");
    still_works_then_quits(&mut pty);
}

/// Issue 19 item 9: SIGTSTP followed at once by SIGCONT (one shell sends both, microseconds
/// apart) must not leave the TUI stopped: the CONT cancels the stop it follows. Ten pairs, then
/// a burst of twenty; after each, rolefit must be running and answer keys.
#[test]
fn sigtstp_then_sigcont_at_once_never_leaves_it_stopped() {
    at_once(10, 1);
}

/// A burst of 20 pairs, each sent at once after the other: whenever the CONT arrives (before
/// the loop looks, while it gives the terminal back, or after the stop), rolefit ends running.
#[test]
fn a_burst_of_sigtstp_and_sigcont_never_leaves_it_stopped() {
    at_once(1, 20);
}

/// In a group with no shell to continue it (a child of `sh -c`, or started straight by a terminal
/// emulator), a stop would freeze the window for good: as for any program, the kernel does not
/// stop it. The terminal is given back and taken again, and rolefit goes on.
#[test]
fn sigtstp_does_not_freeze_a_process_nobody_can_continue() {
    let data = tempfile::tempdir().unwrap();
    let mut pty = Pty::rolefit("", data.path(), &[]);
    pty.wait_for("Take the full assessment");
    let drawn = |p: &Pty| p.raw_output().matches("Take the full assessment").count();
    let before = drawn(&pty);
    pty.signal("TSTP");
    wait_until("the home screen drawn again", &pty, |p| drawn(p) > before);
    assert_ne!(state(pty.rolefit_pid()), 'T');
    still_works_then_quits(&mut pty);
}

/// `rounds` times, `pairs` TSTP-then-CONT pairs sent at once; never left stopped.
fn at_once(rounds: usize, pairs: usize) {
    let data = tempfile::tempdir().unwrap();
    let (mut pty, pid) = job("", data.path());
    pty.wait_for("Take the full assessment");
    let pair = format!("kill -TSTP {pid}; kill -CONT {pid}");
    let script = vec![pair.as_str(); pairs].join("; ");
    for _ in 0..rounds {
        let sent = std::process::Command::new("sh")
            .args(["-c", &script])
            .status()
            .unwrap();
        assert!(sent.success());
        // Longer than the loop's wait for events, so it has looked at what arrived.
        std::thread::sleep(Duration::from_millis(600));
        assert_ne!(state(pid), 'T', "left stopped after: {script}");
    }
    pty.wait_for("Take the full assessment");
    still_works_then_quits(&mut pty);
}
