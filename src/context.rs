//! Who the person is: experience, role and who uses what they build. Asked once, kept with each
//! result as `[context]`, read by `insight` (steps, paths, texts) and by the team view, and never
//! by `scoring`: the questions must place everyone fairly on their own.
//!
//! Every field is optional ("prefer not to say" is a real answer). Wording for people lives in
//! `report`; this module holds values and their stable ids only.

use serde::{Deserialize, Serialize};

/// The most years anyone can claim: a bound so a hostile file cannot print a silly number.
pub const MAX_YEARS: u32 = 60;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Role {
    /// Studying, not yet in a software job. Files from before `Graduate` existed said `student`
    /// for "student or new graduate" too: they still read, as a student.
    Student,
    /// A new graduate in their first job: employed, so never told how to get one.
    Graduate,
    Developer,
    Senior,
    Staff,
    Lead,
    Manager,
    Architect,
    Founder,
    Specialist,
}

impl Role {
    pub const ALL: [Role; 10] = [
        Role::Student,
        Role::Graduate,
        Role::Developer,
        Role::Senior,
        Role::Staff,
        Role::Lead,
        Role::Manager,
        Role::Architect,
        Role::Founder,
        Role::Specialist,
    ];

    /// The id used in files and JSON.
    pub fn id(self) -> &'static str {
        match self {
            Role::Student => "student",
            Role::Graduate => "graduate",
            Role::Developer => "developer",
            Role::Senior => "senior",
            Role::Staff => "staff",
            Role::Lead => "lead",
            Role::Manager => "manager",
            Role::Architect => "architect",
            Role::Founder => "founder",
            Role::Specialist => "specialist",
        }
    }

    pub fn from_id(id: &str) -> Option<Role> {
        Role::ALL.into_iter().find(|r| r.id() == id)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Users {
    Customers,
    Teams,
    Both,
}

impl Users {
    pub const ALL: [Users; 3] = [Users::Customers, Users::Teams, Users::Both];

    pub fn id(self) -> &'static str {
        match self {
            Users::Customers => "customers",
            Users::Teams => "teams",
            Users::Both => "both",
        }
    }

    pub fn from_id(id: &str) -> Option<Users> {
        Users::ALL.into_iter().find(|u| u.id() == id)
    }
}

/// `[context]` in a result, an answers file or the data folder's `context.toml`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Context {
    /// Whole years in software. The screen stores the low end of the range picked.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub years: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub role: Option<Role>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub users: Option<Users>,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ContextError {
    #[error("years must be a whole number from 0 to {MAX_YEARS}, not {0}")]
    Years(u32),
}

impl Context {
    /// Nothing said at all: the page then says levels assume mid-career.
    pub fn is_empty(&self) -> bool {
        self.years.is_none() && self.role.is_none() && self.users.is_none()
    }

    /// Checks what serde cannot: the range of `years`. Run on every context read from a file.
    pub fn validate(&self) -> Result<(), ContextError> {
        match self.years {
            Some(y) if y > MAX_YEARS => Err(ContextError::Years(y)),
            _ => Ok(()),
        }
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    #[test]
    fn ids_round_trip() {
        for r in Role::ALL {
            assert_eq!(Role::from_id(r.id()), Some(r));
        }
        for u in Users::ALL {
            assert_eq!(Users::from_id(u.id()), Some(u));
        }
    }

    #[test]
    fn toml_round_trip_and_years_bound() {
        let c = Context {
            years: Some(15),
            role: Some(Role::Staff),
            users: Some(Users::Teams),
        };
        let s = toml::to_string(&c).unwrap();
        assert!(s.contains("role = \"staff\""), "{s}");
        assert_eq!(toml::from_str::<Context>(&s).unwrap(), c);
        assert!(c.validate().is_ok());
        assert!(
            Context {
                years: Some(61),
                ..c
            }
            .validate()
            .is_err()
        );
        assert!(Context::default().is_empty());
    }
}
