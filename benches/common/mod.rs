//! What more than one benchmark needs.

/// A valid bank of `n` questions over the default bank's six dimensions, kinds in turn.
pub fn generated_bank(n: usize) -> String {
    let mut out = String::from("name = \"generated\"\nversion = \"1\"\n");
    let dims = ["scope", "focus", "skills", "impact", "workstyle", "path"];
    for d in dims {
        out.push_str(&format!(
            "\n[[dimensions]]\nid = \"{d}\"\ntitle = \"Dimension {d}\"\nengineer = \"The engineer end of {d}\"\ndeveloper = \"The developer end of {d}\"\n"
        ));
    }
    for i in 0..n {
        let dim = dims[i % dims.len()];
        let lens = if (i / dims.len()).is_multiple_of(2) {
            "preference"
        } else {
            "practice"
        };
        let head = format!(
            "\n[[questions]]\nid = \"q{i}\"\ndimension = \"{dim}\"\nlens = \"{lens}\"\nquick = {}\ntext = \"Question {i}: how much do you enjoy the part of the work that this sentence describes?\"\n",
            i % 10 == 0
        );
        out.push_str(&head);
        out.push_str(match i % 3 {
            0 => "kind = \"likert\"\nkeyed = \"engineer\"\n",
            1 => "kind = \"pair\"\nengineer = \"Design the system\"\ndeveloper = \"Ship the feature\"\n",
            _ => "kind = \"choice\"\noptions = [\n  { key = \"a\", text = \"Map the system\", lean = 1.0 },\n  { key = \"b\", text = \"Pair with QA\", lean = 0.0 },\n  { key = \"c\", text = \"Ship it\", lean = -1.0 },\n]\n",
        });
    }
    out
}
