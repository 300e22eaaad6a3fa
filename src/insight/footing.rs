//! Where a person is in their career, from what they said about themselves: which step levels
//! fit them, what their role lacks that some steps assume, and which paths start where they are.
//! Experience and role come first; what they do today (the practice score) only places a step
//! within the levels these allow.

use crate::assets::{Guidance, Level, Need, Path};
use crate::context::{Context, Role};
use crate::scoring::Archetype;

/// From this many years in software, no step is *starting*: the basics are behind them ...
pub const SENIOR_FROM_YEARS: u32 = 10;
/// ... and below this many, none is *leading*: leading others comes later.
pub const EARLY_BELOW_YEARS: u32 = 3;
/// How many career paths a page shows.
pub const MAX_PATHS: usize = 3;

fn senior_years(c: &Context) -> bool {
    c.years.is_some_and(|y| y >= SENIOR_FROM_YEARS)
}

fn senior_role(c: &Context) -> bool {
    matches!(c.role, Some(Role::Staff | Role::Architect | Role::Manager))
}

fn early_years(c: &Context) -> bool {
    c.years.is_some_and(|y| y < EARLY_BELOW_YEARS)
}

fn early_role(c: &Context) -> bool {
    matches!(c.role, Some(Role::Student | Role::Graduate))
}

fn senior(c: &Context) -> bool {
    senior_years(c) || senior_role(c)
}

fn early(c: &Context) -> bool {
    early_years(c) || early_role(c)
}

/// The lowest and highest level a step may have for this person.
pub fn level_bounds(context: Option<&Context>) -> (Level, Level) {
    let rule = level_rule(context);
    (rule.floor, rule.ceiling)
}

/// What experience and role say about a step's level: its bounds, and in words only what
/// made each bound apply ("your experience (15+ years in software)"), for the sentence that
/// says so.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LevelRule {
    pub floor: Level,
    pub ceiling: Level,
    /// Why no step is *starting* (and a *leading* one is preferred), when that applies.
    pub senior: Option<String>,
    /// Why no step is *leading*, when that applies.
    pub early: Option<String>,
}

impl LevelRule {
    pub fn clamp(&self, level: Level) -> Level {
        level.clamp(self.floor, self.ceiling)
    }
}

pub fn level_rule(context: Option<&Context>) -> LevelRule {
    let Some(c) = context else {
        return LevelRule {
            floor: Level::Starting,
            ceiling: Level::Leading,
            senior: None,
            early: None,
        };
    };
    // Only the years or the role that made the rule apply are named.
    let words = |years: bool, role: bool| {
        crate::report::level_basis(&Context {
            years: c.years.filter(|_| years),
            role: c.role.filter(|_| role),
            users: None,
        })
    };
    // The same predicates decide the rule and name its reason, so a reason is never missing.
    let senior = senior(c).then(|| words(senior_years(c), senior_role(c)));
    let early = early(c).then(|| words(early_years(c), early_role(c)));
    let floor = if senior.is_some() {
        Level::Growing
    } else {
        Level::Starting
    };
    let ceiling = if early.is_some() {
        Level::Growing
    } else {
        Level::Leading
    };
    LevelRule {
        floor,
        ceiling: ceiling.max(floor),
        senior: senior.flatten(),
        early: early.flatten(),
    }
}

/// A step's level from what the practice score says alone, kept within what experience and
/// role allow (`steps` also prefers leading steps for senior people where one fits).
pub fn level_for(context: Option<&Context>, progress: f64) -> Level {
    level_rule(context).clamp(Level::for_progress(progress))
}

/// Whether levels were fitted to the person: they said their years or their role.
pub fn has_footing(context: Option<&Context>) -> bool {
    context.is_some_and(|c| c.years.is_some() || c.role.is_some())
}

/// People who write little code today: steps for them work through design reviews they
/// sponsor, standards they set and people they grow; their archetype text has a variant.
pub fn codes_little(context: Option<&Context>) -> bool {
    matches!(
        context.and_then(|c| c.role),
        Some(Role::Manager | Role::Architect)
    )
}

/// What the person's role lacks that some steps assume: nobody is told to ask "your manager"
/// when they are one or have none, nor given team steps when they work alone.
pub fn lacks(context: Option<&Context>) -> &'static [Need] {
    match context.and_then(|c| c.role) {
        Some(Role::Manager) => &[Need::Coding, Need::Manager],
        Some(Role::Architect) => &[Need::Coding],
        Some(Role::Founder) => &[Need::Team, Need::Manager],
        Some(Role::Student) => &[Need::Manager],
        _ => &[],
    }
}

/// The lowest rank of role worth offering: nobody is offered a role behind the one they hold.
fn floor_rank(context: Option<&Context>) -> u8 {
    let Some(c) = context else { return 0 };
    match (c.role, c.years) {
        (Some(Role::Student | Role::Graduate), _) => 0,
        (Some(Role::Developer | Role::Senior | Role::Specialist | Role::Founder), _) => 1,
        (Some(Role::Lead | Role::Manager), _) => 2,
        (Some(Role::Staff | Role::Architect), _) => 3,
        (None, Some(y)) if y < 1 => 0,
        (None, Some(y)) if y >= SENIOR_FROM_YEARS => 2,
        (None, Some(_)) => 1,
        (None, None) => 0,
    }
}

/// The career paths for an archetype, starting where the person is: their role's own next
/// roles first (`[[context_paths]]`), then the archetype's, leaving out any behind them and
/// the one they hold.
pub fn paths(guidance: &Guidance, archetype: Archetype, context: Option<&Context>) -> Option<Path> {
    let base = guidance.paths_for(archetype)?;
    let own = context
        .and_then(|c| c.role)
        .and_then(|r| guidance.context_path(r));
    let floor = floor_rank(context);
    let held = |r: &crate::assets::Role| {
        context
            .and_then(|c| c.role)
            .is_some_and(|h| r.held_by.contains(&h))
    };
    let mut roles: Vec<crate::assets::Role> = Vec::new();
    let lead: Vec<crate::assets::Role> = own
        .map(|p| {
            p.roles
                .iter()
                .filter_map(|id| guidance.role(id))
                .cloned()
                .collect()
        })
        .unwrap_or_default();
    let fill = own.is_none_or(|p| p.fill);
    let rest = base
        .roles
        .into_iter()
        .filter(|r| r.rank >= floor)
        .filter(|_| fill);
    for r in lead.into_iter().chain(rest).filter(|r| !held(r)) {
        if roles.len() < MAX_PATHS && !roles.iter().any(|x| x.id == r.id) {
            roles.push(r);
        }
    }
    let note = own.and_then(|p| p.note.clone()).unwrap_or(base.note);
    Some(Path { note, roles })
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    fn ctx(years: Option<u32>, role: Option<Role>) -> Context {
        Context {
            years,
            role,
            users: None,
        }
    }

    #[test]
    fn experience_and_role_bound_the_level() {
        let principal = ctx(Some(15), Some(Role::Staff));
        assert_eq!(level_for(Some(&principal), -50.0), Level::Growing);
        assert_eq!(level_for(Some(&principal), 80.0), Level::Leading);
        let junior = ctx(Some(1), Some(Role::Developer));
        assert_eq!(level_for(Some(&junior), 90.0), Level::Growing);
        assert_eq!(level_for(Some(&junior), 0.0), Level::Starting);
        // Both rules at once: only the middle is left.
        let odd = ctx(Some(12), Some(Role::Student));
        assert_eq!(level_for(Some(&odd), 0.0), Level::Growing);
        assert_eq!(level_for(Some(&odd), 90.0), Level::Growing);
        assert_eq!(level_for(None, 0.0), Level::Starting);
    }

    #[test]
    fn paths_start_where_the_person_is() {
        let g = Guidance::parse_shipped().unwrap();
        let ids = |a, c: &Context| -> Vec<String> {
            paths(&g, a, Some(c))
                .unwrap()
                .roles
                .into_iter()
                .map(|r| r.id)
                .collect()
        };
        let principal = ctx(Some(15), Some(Role::Staff));
        for a in Archetype::ALL {
            assert!(!ids(a, &principal).contains(&"senior-developer".to_owned()));
            assert!(!ids(a, &principal).is_empty());
        }
        let manager = ctx(Some(14), Some(Role::Manager));
        for a in Archetype::ALL {
            let offered = ids(a, &manager);
            assert!(offered.iter().any(|r| r == "director"), "{offered:?}");
        }
        let student = ctx(Some(0), Some(Role::Student));
        assert_eq!(ids(Archetype::SystemsEngineer, &student)[0], "first-role");
        let founder = ctx(Some(8), Some(Role::Founder));
        assert!(
            ids(Archetype::DeveloperLeaning, &founder)
                .iter()
                .all(|r| r != "tech-lead")
        );
    }
}
