//! The sections beyond work, education and skills: projects, certificates, awards,
//! publications, volunteering and interests.
//!
//! They share one shape: an item starts on a short line that is not a description (its
//! "head", with the item's name, maybe its issuer and date), and the bullets and sentences
//! under it describe it. Lists of one-line items (certificates, awards) come out one item
//! per line.

use super::clean::fold;
use super::contacts;
use super::dates::{find_range, DateRange};
use super::entries::{is_body, is_bullet, parts_without_dates, strip_bullet};
use crate::lexicon::certificates::CERTIFICATE_LEVELS;
use cvdeck_model::resume::{
    Award, Certificate, Interest, Project, Publication, Skill, Volunteer, Work,
};

/// Most items kept per section: more is a misread section, not a longer resume.
const MAX_ITEMS: usize = 40;

/// One item of a section: its head line, the date found on or right under it, the rest.
struct Block {
    head: String,
    date: Option<DateRange>,
    body: Vec<String>,
}

impl Block {
    /// The head's pieces with the date cut out ("Name", "Issuer").
    fn parts(&self) -> Vec<String> {
        let range = self.date.as_ref().filter(|r| r.span.1 <= self.head.len());
        parts_without_dates(&self.head, range)
    }

    fn start(&self) -> Option<String> {
        self.date.as_ref().and_then(|d| d.start.clone())
    }

    fn end(&self) -> Option<String> {
        self.date.as_ref().and_then(|d| d.end.clone())
    }

    fn url(&self) -> Option<String> {
        std::iter::once(self.head.as_str())
            .chain(self.body.iter().map(String::as_str))
            .flat_map(contacts::urls)
            // A bare domain in an item names its issuer ("Scrum.org"), not a link to it.
            .find(|u| u.contains("://") || u.starts_with("www.") || u.contains('/'))
            .map(|u| contacts::with_scheme(&u))
    }

    fn summary(&self) -> Option<String> {
        let text = self.body.join(" ");
        (!text.trim().is_empty()).then_some(text)
    }
}

/// Only a date ("Apr 2025 – Present"), nothing else worth a name.
fn is_date_line(line: &str) -> Option<DateRange> {
    let range = find_range(line)?;
    let rest = format!("{}{}", &line[..range.span.0], &line[range.span.1..]);
    (rest.chars().filter(|c| c.is_alphabetic()).count() < 2).then_some(range)
}

fn blocks(lines: &[&str]) -> Vec<Block> {
    let every_line_is_bulleted = lines.iter().all(|l| is_bullet(l));
    let mut out: Vec<Block> = Vec::new();
    for line in lines {
        let text = strip_bullet(line).trim();
        if text.is_empty() {
            continue;
        }
        if let Some(block) = out.last_mut() {
            // "Certified … – Cloud Native Computing" / "Foundation, 2018": a head that wraps
            // before its date.
            if block.body.is_empty() && block.date.is_none() && !is_bullet(line) {
                if let Some(date) = find_range(text) {
                    let rest = format!("{}{}", &text[..date.span.0], &text[date.span.1..]);
                    let words = rest.split_whitespace().count();
                    if (1..=3).contains(&words) {
                        block.head.push(' ');
                        block.head.push_str(text);
                        block.date = find_range(&block.head);
                        continue;
                    }
                }
            }
            if block.body.is_empty() && block.date.is_none() {
                if let Some(date) = is_date_line(text) {
                    // The date sits on its own line under the head: keep it, but its span
                    // no longer points into the head.
                    block.date = Some(DateRange {
                        span: (usize::MAX, usize::MAX),
                        ..date
                    });
                    continue;
                }
            }
            let describes = if every_line_is_bulleted {
                // A bulleted list is one item per bullet; a lowercase line is a wrapped tail.
                text.starts_with(|c: char| c.is_lowercase())
            } else {
                is_body(line)
            };
            if describes {
                // A line that is not a bullet of its own continues the one before it
                // (a wrapped highlight), unless that one ended its sentence.
                let continues = !is_bullet(line)
                    && block
                        .body
                        .last()
                        .is_some_and(|b| !b.ends_with(['.', '!', '?']));
                match block.body.last_mut() {
                    Some(last) if continues => {
                        last.push(' ');
                        last.push_str(text);
                    }
                    _ => block.body.push(text.to_owned()),
                }
                continue;
            }
        }
        out.push(Block {
            head: text.to_owned(),
            date: find_range(text),
            body: Vec::new(),
        });
    }
    out.truncate(MAX_ITEMS);
    out
}

/// What separates a project's name from its description.
const DESCRIBED_BY: &[&str] = &[": ", " – ", " — ", " - "];
/// What separates a certificate's or an award's name from who gave it.
const GIVEN_BY: &[&str] = &[": ", " – ", " — ", " - ", ", "];

/// "CaloriCurve: a nutrition tracker" → ("CaloriCurve", "a nutrition tracker").
fn name_and_description(part: &str, separators: &[&str]) -> (String, Option<String>) {
    for separator in separators {
        if let Some((name, rest)) = part.split_once(separator) {
            if name.split_whitespace().count() <= 6 && !rest.trim().is_empty() {
                return (name.trim().to_owned(), Some(rest.trim().to_owned()));
            }
        }
    }
    (part.to_owned(), None)
}

/// Projects: name (and a description after a colon or dash), dates, bullets, link.
pub(crate) fn projects(lines: &[&str]) -> Vec<Project> {
    blocks(lines)
        .into_iter()
        .filter_map(|b| {
            let mut parts = b.parts().into_iter();
            let (name, mut description) = name_and_description(&parts.next()?, DESCRIBED_BY);
            let rest: Vec<String> = parts.collect();
            if description.is_none() && !rest.is_empty() {
                description = Some(rest.join(", "));
            }
            // "nyc-taxi-lakehouse — https://github.com/…": the address is the url.
            let url = b.url();
            if description.as_deref().is_some_and(|d| {
                url.as_deref().is_some_and(|u| {
                    u.ends_with(
                        d.trim_start_matches("https://")
                            .trim_start_matches("http://"),
                    )
                })
            }) {
                description = None;
            }
            Some(Project {
                name,
                description,
                highlights: b.body.clone(),
                start_date: b.start(),
                end_date: b.end(),
                url,
            })
        })
        .collect()
}

/// Certificates: "Name – Issuer, 2021".
pub(crate) fn certificates(lines: &[&str]) -> Vec<Certificate> {
    blocks(lines)
        .into_iter()
        .filter_map(|b| {
            let mut parts = b.parts().into_iter();
            let (mut name, issuer) = name_and_description(&parts.next()?, GIVEN_BY);
            let mut issuer = issuer.or_else(|| parts.next());
            if let Some(level) = issuer.take_if(|i| CERTIFICATE_LEVELS.contains(&fold(i).as_str()))
            {
                name = format!("{name} – {level}");
                issuer = parts.next();
            }
            Some(Certificate {
                name,
                issuer,
                date: b.end().or_else(|| b.start()),
                url: b.url(),
            })
        })
        .collect()
}

/// Awards: "Title – Awarder, 2019", details under it.
pub(crate) fn awards(lines: &[&str]) -> Vec<Award> {
    blocks(lines)
        .into_iter()
        .filter_map(|b| {
            let mut parts = b.parts().into_iter();
            let (title, awarder) = name_and_description(&parts.next()?, GIVEN_BY);
            Some(Award {
                title,
                awarder: awarder.or_else(|| parts.next()),
                date: b.end().or_else(|| b.start()),
                summary: b.summary(),
            })
        })
        .collect()
}

/// "[3] A. Jain, …" or "3. A. Jain, …": a numbered citation.
fn is_numbered(line: &str) -> bool {
    let line = strip_bullet(line).trim_start();
    let digits = line
        .trim_start_matches('[')
        .chars()
        .take_while(char::is_ascii_digit)
        .count();
    (1..=3).contains(&digits) && {
        let rest = line.trim_start_matches('[')[digits..].trim_start();
        rest.starts_with([']', '.', ')'])
    }
}

/// Citations wrap over several short lines: a new one starts at a number, a bullet, or after
/// a line that ended with a full stop.
fn citations(lines: &[&str]) -> Vec<Block> {
    let mut out: Vec<Block> = Vec::new();
    for line in lines {
        let text = strip_bullet(line).trim();
        if text.is_empty() {
            continue;
        }
        let starts_new = is_numbered(line)
            || line.trim_start() != text
            || out
                .last()
                .is_none_or(|b| b.body.last().unwrap_or(&b.head).trim_end().ends_with('.'));
        match out.last_mut() {
            Some(block) if !starts_new => block.body.push(text.to_owned()),
            _ => out.push(Block {
                head: text.to_owned(),
                date: None,
                body: Vec::new(),
            }),
        }
    }
    out.truncate(MAX_ITEMS);
    out
}

/// Publications: the citation as printed (wrapped lines joined), its year and link.
pub(crate) fn publications(lines: &[&str]) -> Vec<Publication> {
    citations(lines)
        .into_iter()
        .map(|mut b| {
            b.head = std::iter::once(b.head.as_str())
                .chain(b.body.iter().map(String::as_str))
                .collect::<Vec<_>>()
                .join(" ");
            b.body.clear();
            b.date = find_range(&b.head);
            let release_date = b
                .end()
                .or_else(|| b.start())
                .or_else(|| b.body.iter().find_map(|l| find_range(l)?.start));
            Publication {
                url: b.url(),
                release_date,
                summary: b.summary(),
                name: b.head,
            }
        })
        .collect()
}

/// Volunteering reads like work: organisation, role, dates, bullets.
pub(crate) fn volunteer(jobs: Vec<Work>) -> Vec<Volunteer> {
    jobs.into_iter()
        .map(|w| Volunteer {
            organization: w.name,
            position: w.position,
            start_date: w.start_date,
            end_date: w.end_date,
            highlights: w.highlights,
        })
        .collect()
}

/// Interests: a list, read as skills are, one name per item.
pub(crate) fn interests(groups: Vec<Skill>) -> Vec<Interest> {
    groups
        .into_iter()
        .flat_map(|g| {
            if g.keywords.is_empty() {
                vec![g.name]
            } else {
                g.keywords
            }
        })
        .take(MAX_ITEMS)
        .map(|name| Interest { name })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn projects_with_dates_on_the_head_or_under_it() {
        let lines = [
            "Apr 2025 – Present\tCaloriCurve",
            "• A nutrition-tracking web app that helps users log meals",
            "• Built with React and Firebase; https://caloricurve.example.app/",
            "Rythmix: a music player for the browser",
            "2023",
        ];
        let p = projects(&lines);
        assert_eq!(p.len(), 2, "{p:#?}");
        assert_eq!(p[0].name, "CaloriCurve");
        assert_eq!(p[0].start_date.as_deref(), Some("2025-04"));
        assert_eq!(p[0].end_date, None);
        assert_eq!(p[0].highlights.len(), 2);
        assert_eq!(
            p[0].url.as_deref(),
            Some("https://caloricurve.example.app/")
        );
        assert_eq!(p[1].name, "Rythmix");
        assert_eq!(
            p[1].description.as_deref(),
            Some("a music player for the browser")
        );
        assert_eq!(p[1].start_date.as_deref(), Some("2023"));
    }

    #[test]
    fn one_certificate_per_bullet_with_issuer_and_date() {
        let lines = [
            "• AWS Certified Solutions Architect – Amazon Web Services, 2021",
            "• Google Data Analytics Professional Certificate (Coursera)",
            "• Zertifikat Scrum Master – Scrum.org, März 2019",
        ];
        let c = certificates(&lines);
        assert_eq!(c.len(), 3, "{c:#?}");
        assert_eq!(c[0].name, "AWS Certified Solutions Architect");
        assert_eq!(c[0].issuer.as_deref(), Some("Amazon Web Services"));
        assert_eq!(c[0].date.as_deref(), Some("2021"));
        assert_eq!(c[2].date.as_deref(), Some("2019-03"));
        // A level ends the certification's name; the issuer may follow it.
        let c = certificates(&[
            "AWS Certified Data Analytics – Specialty (2022)",
            "AWS Certified Developer – Associate – Amazon Web Services, 2020",
        ]);
        assert_eq!(c[0].name, "AWS Certified Data Analytics – Specialty");
        assert_eq!(c[0].issuer, None);
        assert_eq!(c[1].name, "AWS Certified Developer – Associate");
        assert_eq!(c[1].issuer.as_deref(), Some("Amazon Web Services"));
    }

    #[test]
    fn a_certificate_that_wraps_before_its_date() {
        let lines = [
            "Certified Kubernetes Administrator – Cloud Native Computing",
            "Foundation, 2018",
            "CCNA – Cisco, 2023",
        ];
        let c = certificates(&lines);
        assert_eq!(c.len(), 2, "{c:#?}");
        assert_eq!(
            c[0].issuer.as_deref(),
            Some("Cloud Native Computing Foundation")
        );
        assert_eq!(c[0].date.as_deref(), Some("2018"));
    }

    #[test]
    fn awards_with_details_under_them() {
        let lines = [
            "Dean's List – Cornell University\t2013",
            "Awarded to the top 10% of the class for two semesters.",
            "Hackathon winner, HackNY 2012",
        ];
        let a = awards(&lines);
        assert_eq!(a.len(), 2, "{a:#?}");
        assert_eq!(a[0].title, "Dean's List");
        assert_eq!(a[0].awarder.as_deref(), Some("Cornell University"));
        assert_eq!(a[0].date.as_deref(), Some("2013"));
        assert!(a[0].summary.as_deref().unwrap_or("").contains("top 10%"));
        assert_eq!(a[1].title, "Hackathon winner");
        assert_eq!(a[1].date.as_deref(), Some("2012"));
    }

    #[test]
    fn wrapped_citations_are_one_publication_each() {
        let lines = [
            "[1] A. Jain, D. Das, and A. Saxena. Planit: A crowdsourcing approach for learning to",
            "plan paths from large scale preference feedback. Tech Report, ICRA, 2015.",
            "[2] S. Tilsen and D. Das. Articulatory coordination of onsets. Journal of Phonetics,",
            "2013.",
            "Towards Sharper Object Boundaries in Depth Estimation. arXiv, 2025.",
        ];
        let p = publications(&lines);
        assert_eq!(p.len(), 3, "{p:#?}");
        assert!(p[0].name.ends_with("ICRA, 2015."), "{}", p[0].name);
        assert_eq!(p[0].release_date.as_deref(), Some("2015"));
        assert_eq!(p[1].release_date.as_deref(), Some("2013"));
        assert_eq!(p[2].release_date.as_deref(), Some("2025"));
    }

    #[test]
    fn a_wrapped_highlight_stays_one_highlight() {
        let lines = [
            "CaloriCurve",
            "• A smart nutrition-tracking web app that helps users log meals, monitor calories and",
            "nutrients, set personal goals, and track progress.",
            "• Built with React.",
        ];
        let p = projects(&lines);
        assert_eq!(p[0].highlights.len(), 2, "{:#?}", p[0].highlights);
    }

    #[test]
    fn interests_from_a_list() {
        let groups = super::super::lists::skills(&["Robotics, Climbing, Chess"], "Interests");
        let names: Vec<String> = interests(groups).into_iter().map(|i| i.name).collect();
        assert_eq!(names, ["Robotics", "Climbing", "Chess"]);
    }
}
