//! The floor the harness measures rolefit against: the smallest ordinary ratatui 0.30 program,
//! a five-item list with ↑/↓ and q, drawn the default way (`ratatui::init`, a size query per
//! draw). Build it in the same profile as rolefit: `cargo build --release --example floor`.

use ratatui::crossterm::event::{self, Event, KeyCode, KeyEventKind};
use ratatui::widgets::{Block, List, ListState};

fn main() -> std::io::Result<()> {
    let mut terminal = ratatui::init();
    let items = ["Item 1", "Item 2", "Item 3", "Item 4", "Item 5"];
    let mut state = ListState::default().with_selected(Some(0));
    let result = loop {
        let drawn = terminal.draw(|f| {
            let list = List::new(items)
                .block(Block::bordered().title("floor"))
                .highlight_symbol("> ");
            f.render_stateful_widget(list, f.area(), &mut state);
        });
        if let Err(e) = drawn {
            break Err(e);
        }
        match event::read() {
            Ok(Event::Key(k)) if k.kind == KeyEventKind::Press => match k.code {
                KeyCode::Down => state.select_next(),
                KeyCode::Up => state.select_previous(),
                KeyCode::Char('q') => break Ok(()),
                _ => {}
            },
            Ok(_) => {}
            Err(e) => break Err(e),
        }
    };
    ratatui::restore();
    result
}
