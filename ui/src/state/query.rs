//! The person's query (search, filters, sort, job) and the actions that edit it.

use super::Action;
use cvdeck_wire::{JobId, QueryDto, SortKey};

/// Whether `q` is the default view: every card, newest first.
pub fn is_unfiltered(q: &QueryDto) -> bool {
    q.search.is_none()
        && q.status.is_none()
        && q.skills.is_empty()
        && q.min_years.is_none()
        && q.max_years.is_none()
        && q.language.is_none()
        && q.tags.is_empty()
        && q.sort == SortKey::Newest
        && q.job.is_none()
}

/// Edits `q` as `action` asks; false (and `q` untouched) for an action that is not an edit
/// of the query.
pub fn apply(q: &mut QueryDto, action: &Action) -> bool {
    match action {
        Action::Search(text) => search(q, text),
        Action::FilterStatus(status) => q.status = *status,
        Action::AddSkill(skill) => add_once(&mut q.skills, skill),
        Action::RemoveSkill(skill) => q.skills.retain(|s| s != skill),
        Action::Years(min, max) => {
            q.min_years = *min;
            q.max_years = *max;
        }
        Action::Language(language) => q.language = language.clone(),
        Action::AddTag(tag) => add_once(&mut q.tags, tag),
        Action::RemoveTag(tag) => q.tags.retain(|t| t != tag),
        Action::Sort(sort) => q.sort = *sort,
        // The job stays chosen: clearing filters is about which resumes, not which job.
        Action::ClearFilters => {
            *q = QueryDto {
                sort: if q.job.is_some() {
                    SortKey::Fit
                } else {
                    SortKey::Newest
                },
                job: q.job,
                ..QueryDto::default()
            }
        }
        Action::ChooseJob(id) => choose_job(q, *id),
        Action::FitFilter(all_required, min_score) => {
            q.all_required = *all_required;
            q.min_score = min_score.filter(|m| *m > 0);
        }
        _ => return false,
    }
    true
}

fn search(q: &mut QueryDto, text: &str) {
    let text = text.trim();
    let had_search = q.search.is_some();
    q.search = (!text.is_empty()).then(|| text.to_owned());
    // Searching ranks by relevance unless the person picked an order.
    match (had_search, q.search.is_some()) {
        (false, true) if q.sort == SortKey::Newest => q.sort = SortKey::Relevance,
        (true, false) if q.sort == SortKey::Relevance => q.sort = SortKey::Newest,
        _ => {}
    }
}

/// Adds `value` unless it is there in any letter case.
fn add_once(list: &mut Vec<String>, value: &str) {
    if !list.iter().any(|v| v.eq_ignore_ascii_case(value)) {
        list.push(value.to_owned());
    }
}

/// Ranks against `job` (best fit first), or stops ranking (back to the newest first, the fit
/// filters gone).
pub fn choose_job(q: &mut QueryDto, job: Option<JobId>) {
    q.job = job;
    match job {
        Some(_) if matches!(q.sort, SortKey::Newest | SortKey::Relevance) => q.sort = SortKey::Fit,
        None => {
            if q.sort == SortKey::Fit {
                q.sort = if q.search.is_some() {
                    SortKey::Relevance
                } else {
                    SortKey::Newest
                };
            }
            q.all_required = false;
            q.min_score = None;
        }
        Some(_) => {}
    }
}
