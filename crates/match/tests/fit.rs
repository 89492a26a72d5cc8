//! The fit score's promises: every point is on a line, more evidence never lowers a score, and
//! a required skill the resume shows never lowers it either.

use cvdeck_match::{score, Evidence, LanguageRequirement, Requirements, SkillHit, Source};

const SKILLS: &[&str] = &[
    "Python",
    "SQL",
    "Kubernetes",
    "Docker",
    "Java",
    "project management",
    "Git",
    "Linux",
    "Terraform",
    "communication",
    "React",
    "PostgreSQL",
];

/// A small deterministic generator (no dependency needed for a test).
struct Lcg(u64);
impl Lcg {
    fn next(&mut self, n: usize) -> usize {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        ((self.0 >> 33) % n as u64) as usize
    }
}

fn source(i: usize) -> Source {
    [Source::Skills, Source::Work, Source::Text][i % 3]
}

fn job(rng: &mut Lcg) -> Requirements {
    let mut reqs = Requirements {
        title: Some(["Backend Engineer", "Data Analyst", "Project Manager"][rng.next(3)].into()),
        min_years: Some(1 + rng.next(8) as u32),
        location: Some(["Berlin", "Lisboa", "Lyon"][rng.next(3)].into()),
        ..Requirements::default()
    };
    for _ in 0..1 + rng.next(6) {
        reqs.require(SKILLS[rng.next(SKILLS.len())]);
    }
    for _ in 0..rng.next(4) {
        let s = SKILLS[rng.next(SKILLS.len())];
        if !reqs.required.iter().any(|r| r == s) {
            reqs.welcome(s);
        }
    }
    if rng.next(2) == 0 {
        reqs.languages.push(LanguageRequirement {
            code: "de".into(),
            level: Some(4),
        });
    }
    reqs
}

fn resume(rng: &mut Lcg) -> Evidence {
    let mut ev = Evidence {
        months: (rng.next(3) > 0).then(|| rng.next(150) as i64),
        titles: vec![["Backend Developer", "Senior Data Analyst", "Nurse"][rng.next(3)].into()],
        city: Some(["Berlin", "Porto", "Lyon"][rng.next(3)].into()),
        ..Evidence::default()
    };
    for _ in 0..rng.next(8) {
        let s = SKILLS[rng.next(SKILLS.len())];
        ev.add_hit(s, source(rng.next(3)), s);
    }
    ev
}

#[test]
fn every_point_is_on_a_line() {
    let mut rng = Lcg(7);
    for _ in 0..500 {
        let (reqs, ev) = (job(&mut rng), resume(&mut rng));
        let fit = score(&reqs, &ev);
        let sum: f32 = fit.lines.iter().map(|l| l.points).sum();
        let max: f32 = fit.lines.iter().map(|l| l.max).sum();
        assert_eq!(fit.score, sum.round() as u8, "{fit:?}");
        assert!(
            (max - 100.0).abs() < 0.01,
            "the lines' maxima make 100: {max}"
        );
        assert!(fit
            .lines
            .iter()
            .all(|l| l.points <= l.max + 1e-4 && l.points >= 0.0));
    }
}

#[test]
fn more_evidence_never_lowers_a_score() {
    let mut rng = Lcg(11);
    for _ in 0..500 {
        let reqs = job(&mut rng);
        let mut ev = resume(&mut rng);
        let before = score(&reqs, &ev).score;
        let s = SKILLS[rng.next(SKILLS.len())];
        ev.add_hit(s, source(rng.next(3)), s);
        ev.months = ev.months.map(|m| m + rng.next(24) as i64);
        let after = score(&reqs, &ev).score;
        assert!(after >= before, "{s}: {before} -> {after}");
    }
}

#[test]
fn a_matched_required_skill_never_lowers_a_score() {
    let mut rng = Lcg(13);
    for _ in 0..500 {
        let mut reqs = job(&mut rng);
        let mut ev = resume(&mut rng);
        let before = score(&reqs, &ev).score;
        let new_skill = "Rust";
        ev.add_hit(new_skill, Source::Skills, "Rust");
        reqs.require(new_skill);
        let after = score(&reqs, &ev);
        assert!(after.score >= before, "{before} -> {}", after.score);
        assert!(after.lines.iter().any(|l| l.asked == "Rust" && l.met));
    }
}

#[test]
fn the_explanation_names_the_words_that_matched_and_what_is_missing() {
    let reqs =
        cvdeck_match::read_ad("Requirements:\n- Kubernetes and Postgres\n- 4 years of experience");
    let mut ev = Evidence {
        months: Some(24),
        ..Evidence::default()
    };
    ev.skills.push(SkillHit {
        skill: "Kubernetes".into(),
        source: Source::Skills,
        printed: "k8s".into(),
    });
    let fit = score(&reqs, &ev);
    let lines: Vec<String> = fit
        .lines
        .iter()
        .map(|l| {
            format!(
                "{} {} | {} | {:.1}/{:.1}",
                if l.met { "✓" } else { "✗" },
                l.asked,
                l.found,
                l.points,
                l.max
            )
        })
        .collect();
    assert_eq!(
        lines,
        [
            "✓ Kubernetes | skills: k8s | 38.5/38.5",
            "✗ PostgreSQL | not found | 0.0/38.5",
            "✗ 4+ years | 2 years | 11.5/23.1",
        ]
    );
    assert_eq!(fit.score, 50);
    assert!(!fit.has_all_required());
}
