//! The dashboard's panels, the keys that show them (from the keymap table) and the tab bar.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget};

use crate::tui::keymap::{Context, Trigger, bindings};
use crate::tui::theme::Theme;

/// A panel of the dashboard, in tab order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Panel {
    #[default]
    Overview,
    Archetype,
    Dimensions,
    Chart,
    Why,
    Steps,
    Paths,
}

impl Panel {
    pub const ALL: [Panel; 7] = [
        Panel::Overview,
        Panel::Archetype,
        Panel::Dimensions,
        Panel::Chart,
        Panel::Why,
        Panel::Steps,
        Panel::Paths,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Panel::Overview => "Overview",
            Panel::Archetype => "Archetype",
            Panel::Dimensions => "Dimensions",
            Panel::Chart => "Chart",
            Panel::Why => "Why",
            Panel::Steps => "Steps",
            Panel::Paths => "Paths",
        }
    }

    fn index(self) -> usize {
        Panel::ALL.iter().position(|p| *p == self).unwrap_or(0)
    }

    /// Its number on the tab bar, 1 for the first.
    pub fn number(self) -> usize {
        self.index() + 1
    }

    /// The panel numbered `n` (1 for the first), the nearest one past either end.
    pub fn numbered(n: u8) -> Panel {
        Panel::ALL[usize::from(n).clamp(1, Panel::ALL.len()) - 1]
    }

    pub fn next(self) -> Panel {
        Panel::ALL[(self.index() + 1) % Panel::ALL.len()]
    }

    pub fn previous(self) -> Panel {
        let n = Panel::ALL.len();
        Panel::ALL[(self.index() + n - 1) % n]
    }

    /// The key that shows this panel, as the keymap table binds it on the dashboard: its digit
    /// when the digits reach it, else none (Tab still gets there).
    pub fn key(self) -> Option<String> {
        let n = self.number();
        bindings(Context::Result)
            .iter()
            .flat_map(|b| b.triggers)
            .any(|t| matches!(t, Trigger::Digits(max) if usize::from(*max) >= n))
            .then(|| n.to_string())
    }
}

/// The panels by number and name; when they do not all fit, the others by number only.
pub fn tab_bar(current: Panel, area: Rect, buf: &mut Buffer, theme: &Theme) {
    let full: usize = Panel::ALL.iter().map(|p| p.name().len() + 4).sum();
    let spans: Vec<Span<'static>> = Panel::ALL
        .iter()
        .map(|p| {
            let here = *p == current;
            let text = if here || full <= usize::from(area.width) {
                format!(" {} {} ", p.number(), p.name())
            } else {
                format!(" {} ", p.number())
            };
            Span::styled(text, if here { theme.selected } else { theme.dim })
        })
        .collect();
    Paragraph::new(Line::from(spans)).render(area, buf);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_panel_has_its_digit_in_the_keymap_and_tab_goes_round() {
        for p in Panel::ALL {
            assert_eq!(p.key(), Some(p.number().to_string()));
            assert_eq!(Panel::numbered(u8::try_from(p.number()).unwrap_or(0)), p);
            assert_eq!(p.next().previous(), p);
        }
        assert_eq!(Panel::Paths.next(), Panel::Overview);
        assert_eq!(Panel::numbered(0), Panel::Overview);
        assert_eq!(Panel::numbered(9), Panel::Paths);
    }
}
