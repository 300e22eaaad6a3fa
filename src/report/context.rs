//! The person's context in words: one place for how a role, a span of years and who uses their
//! work read, in the result header, every export, Compare and the steps' "why" sentences.

use crate::context::{Context, Role, Users};

/// The ranges the About-you screen offers, by their low end (what it stores).
pub const YEARS: [(u32, &str); 6] = [
    (0, "under 1 year"),
    (1, "1-2 years"),
    (3, "3-5 years"),
    (6, "6-9 years"),
    (10, "10-14 years"),
    (15, "15+ years"),
];

/// "10-14 years" for the low end of a range the screen offers; "12 years" for a number an
/// answers file gave exactly (never a range it might not be in).
/// Said when saving an answer found context.toml unusable: it was moved aside, not overwritten.
pub fn context_kept_aside(kept: &std::path::Path) -> String {
    format!(
        "The old context.toml could not be used, so it was kept as {} and your new answer saved.",
        crate::sanitize::line(&kept.display().to_string())
    )
}

pub fn years_words(years: u32) -> String {
    match YEARS.iter().find(|(low, _)| *low == years) {
        Some((_, words)) => (*words).to_owned(),
        None if years == 1 => "1 year".to_owned(),
        None => format!("{years} years"),
    }
}

pub fn role_words(role: Role) -> &'static str {
    match role {
        Role::Student => "student",
        Role::Graduate => "new graduate, in a first job",
        Role::Developer => "developer or engineer",
        Role::Senior => "senior developer or engineer",
        Role::Staff => "staff, principal or distinguished engineer",
        Role::Lead => "tech lead",
        Role::Manager => "engineering manager",
        Role::Architect => "architect",
        Role::Founder => "founder or solo developer",
        Role::Specialist => "specialist (test/QA, data, SRE/platform, security)",
    }
}

/// The role as a short name, for Compare's "role: senior -> tech lead".
pub fn role_short(role: Role) -> &'static str {
    match role {
        Role::Student => "student",
        Role::Graduate => "graduate",
        Role::Developer => "developer",
        Role::Senior => "senior",
        Role::Staff => "staff/principal",
        Role::Lead => "tech lead",
        Role::Manager => "engineering manager",
        Role::Architect => "architect",
        Role::Founder => "founder/solo",
        Role::Specialist => "specialist",
    }
}

pub fn users_words(users: Users) -> &'static str {
    match users {
        Users::Customers => "customers",
        Users::Teams => "other teams",
        Users::Both => "customers and other teams",
    }
}

/// "15+ years in software · staff, principal or distinguished engineer · builds for other
/// teams", what was said and nothing else; `None` when nothing was.
pub fn context_line(c: &Context) -> Option<String> {
    let parts: Vec<String> = [
        c.years.map(|y| format!("{} in software", years_words(y))),
        c.role.map(|r| role_words(r).to_owned()),
        c.users.map(|u| format!("builds for {}", users_words(u))),
    ]
    .into_iter()
    .flatten()
    .collect();
    (!parts.is_empty()).then(|| parts.join(" · "))
}

/// What the levels were fitted to, as a sentence's object: "your experience (15+ years in
/// software) and role (architect)"; `None` without years or role.
pub fn level_basis(c: &Context) -> Option<String> {
    let years = c.years.map(|y| format!("{} in software", years_words(y)));
    let role = c.role.map(role_words);
    match (years, role) {
        (Some(y), Some(r)) => Some(format!("your experience ({y}) and role ({r})")),
        (Some(y), None) => Some(format!("your experience ({y})")),
        (None, Some(r)) => Some(format!("your role ({r})")),
        (None, None) => None,
    }
}

/// What changed between two results' contexts: "role: senior → tech lead", "years: 3-5 years →
/// 6-9 years"; said only for what both results say (a context left out is no change).
pub fn context_changes(before: Option<&Context>, after: Option<&Context>) -> Vec<String> {
    let (Some(b), Some(a)) = (before, after) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    if let (Some(x), Some(y)) = (b.years, a.years)
        && x != y
    {
        out.push(format!("years: {} → {}", years_words(x), years_words(y)));
    }
    if let (Some(x), Some(y)) = (b.role, a.role)
        && x != y
    {
        out.push(format!("role: {} → {}", role_short(x), role_short(y)));
    }
    if let (Some(x), Some(y)) = (b.users, a.users)
        && x != y
    {
        out.push(format!("users: {} → {}", users_words(x), users_words(y)));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn years_read_as_the_range_picked_or_the_number_given() {
        assert_eq!(years_words(15), "15+ years");
        assert_eq!(years_words(6), "6-9 years");
        assert_eq!(years_words(12), "12 years");
        assert_eq!(years_words(0), "under 1 year");
    }

    #[test]
    fn changes_name_what_moved() {
        let b = Context {
            years: Some(6),
            role: Some(Role::Senior),
            users: None,
        };
        let a = Context {
            role: Some(Role::Lead),
            users: Some(Users::Both),
            ..b
        };
        assert_eq!(
            context_changes(Some(&b), Some(&a)),
            ["role: senior → tech lead"]
        );
        assert!(context_changes(None, Some(&a)).is_empty());
    }

    #[test]
    fn the_basis_names_years_and_role() {
        let c = Context {
            years: Some(15),
            role: Some(Role::Architect),
            users: None,
        };
        assert_eq!(
            level_basis(&c).unwrap_or_default(),
            "your experience (15+ years in software) and role (architect)"
        );
        assert_eq!(level_basis(&Context::default()), None);
    }
}
