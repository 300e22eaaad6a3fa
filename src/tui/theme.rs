//! One set of styles, and its monochrome twin for NO_COLOR: selection is always shown by
//! reverse video and a marker, never by colour alone.

use ratatui::style::{Color, Modifier, Style};

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Theme {
    pub color: bool,
    pub text: Style,
    pub dim: Style,
    pub title: Style,
    pub heading: Style,
    pub selected: Style,
    pub key: Style,
    pub engineer: Style,
    pub developer: Style,
    pub marker: Style,
    pub warning: Style,
    pub border: Style,
    pub gauge_done: Style,
    pub gauge_todo: Style,
}

impl Theme {
    pub fn new(color: bool) -> Theme {
        if color {
            Theme::colored()
        } else {
            Theme::mono()
        }
    }

    fn colored() -> Theme {
        Theme {
            color: true,
            text: Style::new(),
            dim: Style::new().fg(Color::DarkGray),
            title: Style::new().fg(Color::Cyan).add_modifier(Modifier::BOLD),
            heading: Style::new().fg(Color::Yellow).add_modifier(Modifier::BOLD),
            selected: Style::new().add_modifier(Modifier::REVERSED | Modifier::BOLD),
            key: Style::new().fg(Color::Cyan).add_modifier(Modifier::BOLD),
            engineer: Style::new().fg(Color::Blue),
            developer: Style::new().fg(Color::Green),
            marker: Style::new().fg(Color::Yellow).add_modifier(Modifier::BOLD),
            warning: Style::new().fg(Color::Red).add_modifier(Modifier::BOLD),
            border: Style::new().fg(Color::DarkGray),
            gauge_done: Style::new().fg(Color::Cyan),
            gauge_todo: Style::new().fg(Color::DarkGray),
        }
    }

    fn mono() -> Theme {
        let plain = Style::new();
        let bold = Style::new().add_modifier(Modifier::BOLD);
        Theme {
            color: false,
            text: plain,
            dim: plain,
            title: bold,
            heading: bold,
            selected: Style::new().add_modifier(Modifier::REVERSED | Modifier::BOLD),
            key: bold,
            engineer: plain,
            developer: plain,
            marker: bold,
            warning: bold,
            border: plain,
            gauge_done: plain,
            gauge_todo: plain,
        }
    }
}
