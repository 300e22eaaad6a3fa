//! Checking `assets/guidance.toml` when it is loaded: every problem named with its line, and
//! coverage (paths for every archetype, steps for every dimension, direction and level, and
//! for every audience whose role rules some steps out).

use toml::Spanned;

use super::AssetsError;
use super::{AUDIENCES, DIMENSIONS, FILE, File, Guidance, Level, QuadrantId, STEPS_PER_LEVEL};
use crate::bank::Pole;
use crate::scoring::Archetype;

/// Parses and checks guidance text, reporting every problem with its line.
pub fn parse(text: &str) -> Result<Guidance, AssetsError> {
    let file: File = toml::from_str(text).map_err(|e| AssetsError::Parse {
        file: FILE,
        message: e.message().to_owned(),
    })?;
    let mut problems = Vec::new();
    let at = |span: std::ops::Range<usize>| {
        format!("{FILE}:{}", crate::bank::line_col(text, span.start).0)
    };
    let blank = |s: &str| s.trim().is_empty();
    for (name, value) in [
        ("retake", &file.retake),
        ("quick_note", &file.quick_note),
        ("goal_note", &file.goal_note),
        ("adaptive_note", &file.adaptive_note),
        ("adaptive_predicted", &file.adaptive_predicted),
        ("adaptive_curtailed", &file.adaptive_curtailed),
        ("leveling", &file.leveling),
    ] {
        if blank(value) {
            problems.push(format!("{FILE}: `{name}` must not be empty"));
        }
    }
    for r in &file.roles {
        let role = r.get_ref();
        if [&role.title, &role.day, &role.skills, &role.way]
            .iter()
            .any(|s| blank(s))
        {
            problems.push(format!(
                "{}: role `{}` needs a title, day, skills and way, none empty",
                at(r.span()),
                role.id
            ));
        }
    }
    for p in &file.context_paths {
        for id in &p.get_ref().roles {
            match file.roles.iter().find(|r| r.get_ref().id == *id) {
                None => problems.push(format!("{}: unknown role `{id}`", at(p.span()))),
                Some(r) if r.get_ref().held_by.contains(&p.get_ref().role) => {
                    problems.push(format!(
                        "{}: offers `{id}` to people who hold it (its held_by)",
                        at(p.span())
                    ));
                }
                Some(_) => {}
            }
        }
        if p.get_ref().roles.is_empty() || p.get_ref().note.as_deref().is_some_and(blank) {
            problems.push(format!(
                "{}: roles must not be empty, nor a note given empty",
                at(p.span())
            ));
        }
    }
    for p in &file.paths {
        let set = p.get_ref();
        if set.roles.is_empty() || blank(&set.note) {
            problems.push(format!(
                "{}: roles and note must not be empty",
                at(p.span())
            ));
        }
        for id in &set.roles {
            if !file.roles.iter().any(|r| r.get_ref().id == *id) {
                problems.push(format!("{}: unknown role `{id}`", at(p.span())));
            }
        }
    }
    for s in &file.steps {
        if !DIMENSIONS.contains(&s.get_ref().dimension.as_str()) {
            problems.push(format!(
                "{}: unknown dimension `{}`",
                at(s.span()),
                s.get_ref().dimension
            ));
        }
        if blank(&s.get_ref().text) {
            problems.push(format!("{}: empty step text", at(s.span())));
        }
    }
    for q in &file.quadrants {
        if blank(&q.get_ref().title) || blank(&q.get_ref().text) {
            problems.push(format!("{}: empty quadrant title or text", at(q.span())));
        }
    }
    let g = Guidance {
        paths: file.paths.into_iter().map(Spanned::into_inner).collect(),
        roles: file.roles.into_iter().map(Spanned::into_inner).collect(),
        context_paths: file
            .context_paths
            .into_iter()
            .map(Spanned::into_inner)
            .collect(),
        quadrants: file
            .quadrants
            .into_iter()
            .map(Spanned::into_inner)
            .collect(),
        steps: file.steps.into_iter().map(Spanned::into_inner).collect(),
        retake: file.retake,
        quick_note: file.quick_note,
        goal_note: file.goal_note,
        adaptive_note: file.adaptive_note,
        adaptive_predicted: file.adaptive_predicted,
        adaptive_curtailed: file.adaptive_curtailed,
        leveling: file.leveling,
    };
    coverage(&g, &mut problems);
    if problems.is_empty() {
        Ok(g)
    } else {
        Err(AssetsError::Guidance(problems))
    }
}

/// Every archetype has paths, every quadrant a name, every dimension x direction x level steps.
fn coverage(g: &Guidance, problems: &mut Vec<String>) {
    for a in Archetype::ALL {
        if !g.paths.iter().any(|p| p.archetype == a) {
            problems.push(format!(
                "{FILE}: no career paths for archetype `{}`",
                a.id()
            ));
        }
    }
    for q in QuadrantId::ALL {
        if g.quadrant(q).is_none() {
            problems.push(format!("{FILE}: quadrant {q:?} has no name"));
        }
    }
    for d in DIMENSIONS {
        for pole in [Pole::Engineer, Pole::Developer] {
            for level in Level::ALL {
                let n = g.steps_at(d, pole, level).count();
                if n < STEPS_PER_LEVEL {
                    problems.push(format!(
                        "{FILE}: dimension `{d}` has {n} {} steps toward {pole:?}, needs {STEPS_PER_LEVEL}",
                        level.as_str()
                    ));
                }
                for (who, lacks, levels) in AUDIENCES {
                    if levels.contains(&level)
                        && g.steps_fitting(d, pole, level, lacks).next().is_none()
                    {
                        problems.push(format!(
                            "{FILE}: dimension `{d}` has no {} step toward {pole:?} for {who} (needing none of {lacks:?})",
                            level.as_str()
                        ));
                    }
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::super::*;
    use super::*;

    #[test]
    fn the_shipped_guidance_covers_every_dimension_direction_and_level_twice() {
        let g = Guidance::parse_shipped().unwrap();
        for d in DIMENSIONS {
            for pole in [Pole::Engineer, Pole::Developer] {
                for level in Level::ALL {
                    assert!(g.steps_at(d, pole, level).count() >= STEPS_PER_LEVEL);
                }
            }
        }
        for a in Archetype::ALL {
            let p = g.paths_for(a).unwrap();
            assert!(!p.roles.is_empty() && p.roles.iter().all(|r| !r.way.is_empty()));
        }
    }

    #[test]
    fn a_missing_step_or_an_unknown_role_is_named_with_its_line() {
        // Drop the last step (path, developer, leading, the one needing no team) and point a
        // path at a role that is not there.
        let cut = GUIDANCE_TOML
            .rfind("[[steps]]")
            .map_or(GUIDANCE_TOML, |i| &GUIDANCE_TOML[..i]);
        let broken = cut.replacen(
            "roles = [\"senior-developer\", \"specialist\", \"tech-lead\"]",
            "roles = [\"senior-developer\", \"astronaut\"]",
            1,
        );
        let Err(AssetsError::Guidance(problems)) = parse(&broken) else {
            panic!("accepted");
        };
        assert!(
            problems.iter().any(|p| p
                == "assets/guidance.toml: dimension `path` has no leading step toward Developer for people working on their own (needing none of [Team, Manager])"),
            "{problems:?}"
        );
        assert!(
            problems
                .iter()
                .any(|p| p.ends_with("unknown role `astronaut`") && p.contains("guidance.toml:")),
            "{problems:?}"
        );
    }

    #[test]
    fn a_path_offered_to_the_people_who_hold_it_is_refused() {
        let broken = GUIDANCE_TOML.replacen(
            "role = \"staff\"\nroles = [\"architect\", \"director\"]",
            "role = \"staff\"\nroles = [\"principal-engineer\", \"director\"]",
            1,
        );
        assert_ne!(broken, GUIDANCE_TOML);
        let Err(AssetsError::Guidance(problems)) = parse(&broken) else {
            panic!("accepted");
        };
        assert!(
            problems
                .iter()
                .any(|p| p
                    .ends_with("offers `principal-engineer` to people who hold it (its held_by)")),
            "{problems:?}"
        );
    }

    #[test]
    fn levels_start_at_the_band_edges() {
        assert_eq!(Level::for_progress(-100.0), Level::Starting);
        assert_eq!(Level::for_progress(19.9), Level::Starting);
        assert_eq!(Level::for_progress(20.0), Level::Growing);
        assert_eq!(Level::for_progress(59.9), Level::Growing);
        assert_eq!(Level::for_progress(60.0), Level::Leading);
    }

    #[test]
    fn balanced_needs_both_lenses_near_the_middle() {
        assert_eq!(QuadrantId::of(10.0, -10.0), QuadrantId::Balanced);
        assert_eq!(QuadrantId::of(10.1, 0.0), QuadrantId::EngineerByChoice);
        assert_eq!(
            QuadrantId::of(-30.0, 5.0),
            QuadrantId::DeveloperOnEngineerDuty
        );
        assert_eq!(
            QuadrantId::of(30.0, -5.0),
            QuadrantId::EngineerOnDeveloperDuty
        );
    }
}
