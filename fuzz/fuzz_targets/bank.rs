//! A question bank from arbitrary bytes: an error, never a panic. A bank that loads is also
//! taken through a whole assessment and scored.
#![no_main]

use libfuzzer_sys::fuzz_target;
use rolefit::bank::Form;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let Ok(bank) = rolefit::bank::load_str(text, std::path::Path::new("fuzz.toml")) else {
        return;
    };
    for form in [Form::Full, Form::Quick] {
        let Ok(mut a) = rolefit::engine::Assessment::new(&bank, form, Some(1)) else {
            continue;
        };
        for i in 0..a.len() {
            if let Some(q) = a.question_at(&bank, i)
                && let Some(answer) = rolefit::answers::answer_at(q, i % 5)
            {
                let _ = a.jump(i);
                let _ = a.answer(&bank, answer);
            }
        }
        let _ = rolefit::scoring::score_answers(&bank, form, a.answers());
    }
});
