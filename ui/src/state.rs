//! The grid's state and every way it can change, as one reducer.

use cvdeck_wire::events::{ImportFinished, ImportProgress};
use cvdeck_wire::{
    CardDto, ImportStarted, JobDto, JobId, ParseStatus, QueryDto, QueryResult, ResumeId, SortKey,
    StatusCounts,
};
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::rc::Rc;
use yew::prelude::*;

/// How a toast looks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ToastKind {
    /// Something worked.
    Success,
    /// Something did not.
    Error,
    /// For information.
    Info,
}

/// What a toast's button does.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ToastAction {
    /// Bring back cards whose deletion is still pending.
    UndoDelete(Rc<Vec<ResumeId>>),
}

/// How a click marks cards for a bulk action.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MarkHow {
    /// Ctrl/Cmd-click or Space: this card in or out.
    Toggle,
    /// Shift-click: every card from the last one marked to this one.
    Range,
}

/// A transient message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Toast {
    /// Identifies it for dismissal.
    pub id: u64,
    /// Look.
    pub kind: ToastKind,
    /// Text.
    pub text: AttrValue,
    /// An optional button.
    pub action: Option<ToastAction>,
}

/// Everything the window shows.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Deck {
    /// Search, filters and sort the user chose.
    pub query: QueryDto,
    /// Bumped when the user changes the query (the grid scrolls back to the top).
    pub query_generation: u64,
    /// Bumped whenever the order must be asked for again.
    pub refresh: u64,
    /// Bumped when the person changed the library's data (tags, corrections): the order and
    /// the filters' choices are asked for again.
    pub edits: u64,
    /// Bumped when only the counts must be asked for again (the default view keeps its order
    /// up to date itself: status changes do not move cards, new ones go first).
    pub counts_refresh: u64,
    /// Events changed cards since the order was last asked for (counts may be stale).
    pub stale: bool,
    /// The ids matching the query, in order: the grid's rows.
    pub order: Rc<Vec<ResumeId>>,
    /// Cards loaded so far, by id (only those scrolled into view are loaded).
    pub cards: Rc<HashMap<ResumeId, Rc<CardDto>>>,
    /// Counts per status for the chips (everything matching but the status filter).
    pub counts: StatusCounts,
    /// Cards as they were before an optimistic retry, to put back if it fails.
    pub before_retry: HashMap<ResumeId, Rc<CardDto>>,
    /// Cards hidden while their deletion can still be undone.
    pub deleting: Vec<ResumeId>,
    /// Imports in flight.
    pub imports: BTreeMap<u64, ImportProgress>,
    /// Toasts, oldest first.
    pub toasts: Vec<Toast>,
    next_toast: u64,
    /// A drag is over the window.
    pub dragging: bool,
    /// The first order has arrived.
    pub loaded: bool,
    /// The card with keyboard focus.
    pub selected: Option<ResumeId>,
    /// An export under way: (written, total).
    pub exporting: Option<(u64, u64)>,
    /// Cards marked for a bulk action (cleared when the query changes).
    pub marked: Rc<BTreeSet<ResumeId>>,
    /// Where a shift-click range starts.
    mark_anchor: Option<ResumeId>,
    /// The card open in the detail panel.
    pub detail: Option<ResumeId>,
    /// Folders whose new files are imported automatically.
    pub watched: Rc<Vec<String>>,
    /// The last imports that finished: news of them arriving late must not revive them.
    finished_imports: Vec<u64>,
    /// The jobs kept in the library, newest first.
    pub jobs: Rc<Vec<JobDto>>,
    /// With a job chosen: each shown resume's fit score.
    pub scores: Rc<HashMap<ResumeId, u8>>,
    /// Bumped when the chosen job's requirements change (scores and explanations reload).
    pub job_revision: u64,
    /// The view kept from the last time has been put back (or there was none): the grid may
    /// ask for its order, and changes to the view are kept.
    pub restored: bool,
    /// The jobs have arrived (a kept view's job can be checked against them).
    jobs_loaded: bool,
}

/// Every change to the state.
#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    /// The order for a query arrived (ignored if the query has changed since).
    Ordered(QueryDto, QueryResult),
    /// Cards asked for as they scrolled into view.
    Loaded(Vec<CardDto>),
    /// Cards from an event batch or a poll.
    Apply(Vec<CardDto>),
    /// Ask for the order again (after events).
    Refresh,
    /// The person changed tags or fields: ask for the order and the filters' choices again.
    Edited,
    /// Ask for the counts again (after events in the default view).
    RefreshCounts,
    /// The library's counts arrived.
    Counted(StatusCounts),
    /// The search box changed (already debounced).
    Search(String),
    /// A status chip: None is "all".
    FilterStatus(Option<ParseStatus>),
    /// Add a skill to the filter.
    AddSkill(String),
    /// Remove a skill from the filter.
    RemoveSkill(String),
    /// Years of experience range.
    Years(Option<u32>, Option<u32>),
    /// Only resumes in this language (None: any).
    Language(Option<String>),
    /// Add a tag to the filter.
    AddTag(String),
    /// Remove a tag from the filter.
    RemoveTag(String),
    /// Sort order.
    Sort(SortKey),
    /// Forget search and filters.
    ClearFilters,
    /// Keyboard focus moved to a card.
    Select(Option<ResumeId>),
    /// Open the detail panel.
    OpenDetail(ResumeId),
    /// Close the detail panel.
    CloseDetail,
    /// Hide cards and offer to undo; the deletion happens when the toast goes. The label
    /// names what goes ("Jane Doe", "3 resumes").
    DeleteRequested(Vec<ResumeId>, String),
    /// The user took the deletion back.
    UndoDelete(Rc<Vec<ResumeId>>),
    /// The deletion was carried out.
    Deleted(Vec<ResumeId>),
    /// Mark or unmark cards for a bulk action.
    Mark(ResumeId, MarkHow),
    /// Mark every card the query shows.
    MarkAll,
    /// An export wrote this many of so many (None: it ended).
    Exporting(Option<(u64, u64)>),
    /// Unmark everything.
    Unmark,
    /// The user asked to retry (optimistic: the card shows processing at once).
    RetryRequested(ResumeId),
    /// The retry was accepted.
    RetryAccepted(ResumeId),
    /// The retry could not start: put the card back and say why.
    RetryFailed(ResumeId, String),
    /// An import was accepted by the backend.
    ImportStarted(ImportStarted),
    /// Progress of an import.
    Progress(ImportProgress),
    /// An import finished.
    ImportFinished(ImportFinished),
    /// The watched folders changed.
    Watched(Vec<String>),
    /// Show a toast.
    Toast(ToastKind, String),
    /// Hide a toast.
    DismissToast(u64),
    /// A drag entered or left the window.
    Dragging(bool),
    /// The jobs kept in the library arrived.
    Jobs(Vec<JobDto>),
    /// A job was added (it becomes the chosen one) or its requirements were saved.
    JobSaved(JobDto),
    /// A job was removed.
    JobDeleted(JobId),
    /// Rank against this job (None: no ranking).
    ChooseJob(Option<JobId>),
    /// With a job: only resumes with every required skill; only those scoring at least N.
    FitFilter(bool, Option<u8>),
    /// The view kept from the last time (None: there was none).
    Restored(Option<QueryDto>),
}

impl Deck {
    /// The grid's rows: the order minus cards whose deletion is pending.
    pub fn visible_order(&self) -> Rc<Vec<ResumeId>> {
        if self.deleting.is_empty() {
            return self.order.clone();
        }
        Rc::new(
            self.order
                .iter()
                .copied()
                .filter(|id| !self.deleting.contains(id))
                .collect(),
        )
    }

    /// Ids of loaded cards still pending or processing (what the polling fallback asks about).
    pub fn active_ids(&self) -> Vec<ResumeId> {
        let mut ids: Vec<ResumeId> = self
            .cards
            .values()
            .filter(|c| c.status.is_active())
            .map(|c| c.id)
            .collect();
        ids.sort_unstable();
        ids
    }

    /// Whether only the default view is shown: every card, newest first.
    pub fn is_unfiltered(&self) -> bool {
        let q = &self.query;
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

    /// The chips' counts as a person sees the grid: resumes whose deletion can still be undone
    /// count as gone.
    pub fn shown_counts(&self) -> StatusCounts {
        let mut counts = self.counts;
        for id in &self.deleting {
            if let Some(card) = self.cards.get(id) {
                let n = count_of(&mut counts, card.status);
                *n = n.saturating_sub(1);
            }
        }
        counts
    }

    /// The job the grid is ranked against.
    pub fn job(&self) -> Option<&JobDto> {
        let id = self.query.job?;
        self.jobs.iter().find(|j| j.id == id)
    }

    fn set_query(&mut self, change: impl FnOnce(&mut QueryDto)) {
        let before = self.query.clone();
        change(&mut self.query);
        if self.query != before {
            self.query_generation += 1;
            self.refresh += 1;
            self.selected = None;
            self.marked = Rc::default();
            self.mark_anchor = None;
        }
    }

    /// (done, total) over all imports in flight.
    pub fn progress(&self) -> Option<(u64, u64)> {
        if self.imports.is_empty() {
            return None;
        }
        Some(
            self.imports
                .values()
                .fold((0, 0), |(d, t), p| (d + p.done, t + p.total)),
        )
    }

    fn toast(&mut self, kind: ToastKind, text: String) {
        self.next_toast += 1;
        self.toasts.push(Toast {
            id: self.next_toast,
            kind,
            text: text.into(),
            action: None,
        });
        // A burst must not bury the window; a toast with an Undo is never pushed out (its
        // deletion happens when it goes, and a toast pushed out never says it went).
        if self.toasts.len() > 5 {
            if let Some(oldest) = self.toasts.iter().position(|t| t.action.is_none()) {
                self.toasts.remove(oldest);
            }
        }
    }

    fn apply(&mut self, incoming: Vec<CardDto>) {
        let unfiltered = self.is_unfiltered();
        let cards = Rc::make_mut(&mut self.cards);
        let mut new_ids = Vec::new();
        for card in incoming {
            let previous = cards.get(&card.id);
            // An older state arriving late (a poll racing an event) must not win.
            if previous.is_some_and(|p| p.updated_at > card.updated_at) {
                continue;
            }
            // The default view is every id, newest (largest) first: a binary search finds it.
            let is_new = unfiltered
                && self
                    .order
                    .binary_search_by(|probe| card.id.cmp(probe))
                    .is_err();
            if previous.is_none_or(|p| p.status != card.status) {
                self.stale = true;
                // The default view counts every card: its count moves at once, not a second
                // later when the library's counts arrive. (A change to a card never loaded
                // says nothing of what it was: that one waits for the library's counts.)
                if unfiltered && (is_new || previous.is_some()) {
                    if let Some(p) = previous {
                        let n = count_of(&mut self.counts, p.status);
                        *n = n.saturating_sub(1);
                    }
                    *count_of(&mut self.counts, card.status) += 1;
                }
            }
            if card.status != ParseStatus::Processing {
                self.before_retry.remove(&card.id);
            }
            if is_new {
                new_ids.push(card.id);
            }
            cards.insert(card.id, Rc::new(card));
        }
        // New cards show at once in the default view (newest first); any other view picks
        // them up at the next refresh, which also decides whether they match.
        if !new_ids.is_empty() {
            new_ids.sort_unstable_by(|a, b| b.cmp(a));
            let order = Rc::make_mut(&mut self.order);
            new_ids.extend(order.iter().copied());
            *order = new_ids;
        }
    }
}

/// The count of `status` among `counts`.
fn count_of(counts: &mut StatusCounts, status: ParseStatus) -> &mut u64 {
    match status {
        ParseStatus::Pending => &mut counts.pending,
        ParseStatus::Processing => &mut counts.processing,
        ParseStatus::Completed => &mut counts.completed,
        ParseStatus::Failed => &mut counts.failed,
    }
}

/// Ranks against `job` (best fit first), or stops ranking (back to the newest first, the fit
/// filters gone).
fn choose_job(q: &mut QueryDto, job: Option<JobId>) {
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

impl Reducible for Deck {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut next = (*self).clone();
        match action {
            Action::Ordered(query, result) => {
                if query != next.query {
                    return self;
                }
                next.scores = Rc::new(if result.scores.is_empty() {
                    HashMap::new()
                } else {
                    result.ids.iter().copied().zip(result.scores).collect()
                });
                next.order = Rc::new(result.ids);
                next.counts = result.counts;
                next.loaded = true;
                // The panel does not stay open on a resume the grid no longer shows.
                if next.detail.is_some_and(|d| !next.order.contains(&d)) {
                    next.detail = None;
                }
            }
            Action::Loaded(cards) => {
                let map = Rc::make_mut(&mut next.cards);
                for card in cards {
                    let newer = map
                        .get(&card.id)
                        .is_none_or(|p| p.updated_at <= card.updated_at);
                    if newer {
                        map.insert(card.id, Rc::new(card));
                    }
                }
            }
            Action::Apply(cards) => next.apply(cards),
            Action::Refresh => {
                next.stale = false;
                next.refresh += 1;
            }
            Action::Edited => {
                next.stale = false;
                next.refresh += 1;
                next.edits += 1;
            }
            Action::RefreshCounts => {
                next.stale = false;
                next.counts_refresh += 1;
            }
            Action::Counted(counts) => {
                if next.is_unfiltered() {
                    next.counts = counts;
                }
            }
            Action::Search(text) => {
                let text = text.trim().to_owned();
                next.set_query(|q| {
                    let had_search = q.search.is_some();
                    q.search = (!text.is_empty()).then_some(text);
                    // Searching ranks by relevance unless the user picked an order.
                    match (had_search, q.search.is_some()) {
                        (false, true) if q.sort == SortKey::Newest => q.sort = SortKey::Relevance,
                        (true, false) if q.sort == SortKey::Relevance => q.sort = SortKey::Newest,
                        _ => {}
                    }
                });
            }
            Action::FilterStatus(status) => next.set_query(|q| q.status = status),
            Action::AddSkill(skill) => next.set_query(|q| {
                if !q.skills.iter().any(|s| s.eq_ignore_ascii_case(&skill)) {
                    q.skills.push(skill);
                }
            }),
            Action::RemoveSkill(skill) => next.set_query(|q| q.skills.retain(|s| *s != skill)),
            Action::Years(min, max) => next.set_query(|q| {
                q.min_years = min;
                q.max_years = max;
            }),
            Action::Language(language) => next.set_query(|q| q.language = language),
            Action::AddTag(tag) => next.set_query(|q| {
                if !q.tags.iter().any(|t| t.eq_ignore_ascii_case(&tag)) {
                    q.tags.push(tag);
                }
            }),
            Action::RemoveTag(tag) => next.set_query(|q| q.tags.retain(|t| *t != tag)),
            Action::Sort(sort) => next.set_query(|q| q.sort = sort),
            // The job stays chosen: clearing filters is about which resumes, not which job.
            Action::ClearFilters => next.set_query(|q| {
                *q = QueryDto {
                    sort: if q.job.is_some() {
                        SortKey::Fit
                    } else {
                        SortKey::Newest
                    },
                    job: q.job,
                    ..QueryDto::default()
                }
            }),
            Action::Restored(view) => {
                next.restored = true;
                if let Some(view) = view {
                    next.set_query(|q| *q = view);
                    if next.jobs_loaded && next.query.job.is_some() && next.job().is_none() {
                        next.set_query(|q| choose_job(q, None));
                    }
                }
            }
            Action::Jobs(jobs) => {
                next.jobs = Rc::new(jobs);
                next.jobs_loaded = true;
                // A job deleted elsewhere (the CLI) cannot stay chosen.
                if next.query.job.is_some() && next.job().is_none() {
                    next.set_query(|q| choose_job(q, None));
                }
            }
            Action::JobSaved(job) => {
                let jobs = Rc::make_mut(&mut next.jobs);
                match jobs.iter_mut().find(|j| j.id == job.id) {
                    Some(known) => *known = job.clone(),
                    None => jobs.insert(0, job.clone()),
                }
                if next.query.job == Some(job.id) {
                    next.job_revision += 1;
                    next.refresh += 1;
                } else {
                    next.set_query(|q| choose_job(q, Some(job.id)));
                }
            }
            Action::JobDeleted(id) => {
                Rc::make_mut(&mut next.jobs).retain(|j| j.id != id);
                if next.query.job == Some(id) {
                    next.set_query(|q| choose_job(q, None));
                }
            }
            Action::ChooseJob(id) => next.set_query(|q| choose_job(q, id)),
            Action::FitFilter(all_required, min_score) => next.set_query(|q| {
                q.all_required = all_required;
                q.min_score = min_score.filter(|m| *m > 0);
            }),
            Action::Select(id) => next.selected = id,
            Action::OpenDetail(id) => {
                next.selected = Some(id);
                next.detail = Some(id);
            }
            Action::CloseDetail => next.detail = None,
            Action::DeleteRequested(ids, label) => {
                for id in &ids {
                    if !next.deleting.contains(id) {
                        next.deleting.push(*id);
                    }
                }
                if next.detail.is_some_and(|d| ids.contains(&d)) {
                    next.detail = None;
                }
                if ids.iter().any(|id| next.marked.contains(id)) {
                    let marked = Rc::make_mut(&mut next.marked);
                    marked.retain(|m| !ids.contains(m));
                }
                next.toast(ToastKind::Info, format!("Deleted {label}"));
                if let Some(t) = next.toasts.last_mut() {
                    t.action = Some(ToastAction::UndoDelete(Rc::new(ids)));
                }
            }
            Action::UndoDelete(ids) => {
                next.deleting.retain(|d| !ids.contains(d));
                let undo = Some(ToastAction::UndoDelete(ids));
                next.toasts.retain(|t| t.action != undo);
            }
            Action::Deleted(ids) => {
                next.deleting.retain(|d| !ids.contains(d));
                // Gone from the view: out of its counts at once, as they were while hidden.
                for id in &ids {
                    if let Some(status) = next.cards.get(id).map(|c| c.status) {
                        if next.order.contains(id) {
                            let n = count_of(&mut next.counts, status);
                            *n = n.saturating_sub(1);
                        }
                    }
                }
                Rc::make_mut(&mut next.order).retain(|o| !ids.contains(o));
                let cards = Rc::make_mut(&mut next.cards);
                for id in &ids {
                    cards.remove(id);
                }
                next.stale = true;
            }
            Action::Mark(id, how) => {
                let anchor = next.mark_anchor.filter(|_| how == MarkHow::Range);
                let range = anchor.and_then(|a| {
                    let visible = next.visible_order();
                    let from = visible.iter().position(|o| *o == a)?;
                    let to = visible.iter().position(|o| *o == id)?;
                    Some(visible[from.min(to)..=from.max(to)].to_vec())
                });
                let marked = Rc::make_mut(&mut next.marked);
                match range {
                    Some(ids) => marked.extend(ids),
                    None if marked.contains(&id) => {
                        marked.remove(&id);
                    }
                    None => {
                        marked.insert(id);
                    }
                }
                next.mark_anchor = Some(id);
                next.selected = Some(id);
            }
            // The last progress event may arrive after the command's answer: a finished
            // export clears the bar rather than bringing it back.
            Action::Exporting(progress) => {
                next.exporting = progress.filter(|(done, total)| done < total)
            }
            Action::MarkAll => {
                next.marked = Rc::new(next.visible_order().iter().copied().collect());
            }
            Action::Unmark => {
                next.marked = Rc::default();
                next.mark_anchor = None;
            }
            Action::RetryRequested(id) => {
                let Some(card) = next.cards.get(&id).cloned() else {
                    return self;
                };
                next.before_retry.insert(id, card.clone());
                let mut optimistic = (*card).clone();
                optimistic.status = ParseStatus::Processing;
                optimistic.error = None;
                Rc::make_mut(&mut next.cards).insert(id, Rc::new(optimistic));
            }
            Action::RetryAccepted(id) => {
                next.before_retry.remove(&id);
            }
            Action::RetryFailed(id, message) => {
                if let Some(previous) = next.before_retry.remove(&id) {
                    Rc::make_mut(&mut next.cards).insert(id, previous);
                }
                next.toast(
                    ToastKind::Error,
                    format!("Retry could not start: {message}"),
                );
            }
            Action::ImportStarted(s) => {
                let total = s.queued + s.rejected;
                // A fast import can finish before the command that started it answers.
                if total > 0 && !next.finished_imports.contains(&s.import_id) {
                    next.imports.entry(s.import_id).or_insert(ImportProgress {
                        import_id: s.import_id,
                        done: 0,
                        failed: 0,
                        total,
                    });
                }
                if total == 0 {
                    let text = if s.duplicates > 0 {
                        format!("Nothing new: {} duplicates skipped", s.duplicates)
                    } else {
                        "No files found to import".to_owned()
                    };
                    next.toast(ToastKind::Info, text);
                }
            }
            Action::Progress(p) => {
                if !next.finished_imports.contains(&p.import_id) {
                    next.imports.insert(p.import_id, p);
                }
            }
            Action::ImportFinished(f) => {
                next.imports.remove(&f.import_id);
                next.finished_imports.push(f.import_id);
                if next.finished_imports.len() > 64 {
                    next.finished_imports.remove(0);
                }
                // The chips must be right when the toast says the import is done.
                next.stale = false;
                if next.is_unfiltered() {
                    next.counts_refresh += 1;
                } else {
                    next.refresh += 1;
                }
                let kind = if f.has_trouble() {
                    ToastKind::Info
                } else {
                    ToastKind::Success
                };
                next.toast(kind, f.sentence());
            }
            Action::Watched(folders) => next.watched = Rc::new(folders),
            Action::Toast(kind, text) => next.toast(kind, text),
            Action::DismissToast(id) => next.toasts.retain(|t| t.id != id),
            Action::Dragging(on) => next.dragging = on,
        }
        Rc::new(next)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn card(id: ResumeId, status: ParseStatus, updated_at: i64) -> CardDto {
        CardDto {
            status,
            updated_at,
            ..CardDto::pending(id, &format!("{id}.pdf"))
        }
    }

    /// A one-file import whose resume, Jane Doe's, parsed.
    fn jane_doe_parsed(import_id: u64) -> ImportFinished {
        ImportFinished {
            import_id,
            completed: 1,
            failed: 0,
            duplicates: 0,
            left_pending: 0,
            problem: None,
            single_name: Some("Jane Doe".into()),
            single_failure: None,
        }
    }

    fn reduce(deck: Rc<Deck>, action: Action) -> Rc<Deck> {
        deck.reduce(action)
    }

    /// The default view's order arriving.
    fn ordered(ids: Vec<ResumeId>) -> Action {
        Action::Ordered(
            QueryDto::default(),
            QueryResult {
                ids,
                counts: StatusCounts::default(),
                scores: Vec::new(),
            },
        )
    }

    #[test]
    fn a_batch_updates_only_the_cards_it_names() {
        let deck = reduce(
            Rc::default(),
            Action::Loaded(vec![
                card(1, ParseStatus::Pending, 1),
                card(2, ParseStatus::Pending, 1),
            ]),
        );
        let untouched = deck.cards[&2].clone();
        let deck = reduce(
            deck,
            Action::Apply(vec![card(1, ParseStatus::Completed, 2)]),
        );
        assert_eq!(deck.cards[&1].status, ParseStatus::Completed);
        // Same Rc: the unchanged card's props compare equal without a deep comparison.
        assert!(Rc::ptr_eq(&deck.cards[&2], &untouched));
    }

    #[test]
    fn optimistic_retry_then_revert() {
        let mut failed = card(1, ParseStatus::Failed, 5);
        failed.error = Some(cvdeck_wire::FailureDto {
            kind: "corrupt".into(),
            message: "damaged".into(),
        });
        let deck = reduce(Rc::default(), Action::Loaded(vec![failed.clone()]));
        let deck = reduce(deck, Action::RetryRequested(1));
        assert_eq!(deck.cards[&1].status, ParseStatus::Processing);
        assert_eq!(deck.cards[&1].error, None);
        let deck = reduce(deck, Action::RetryFailed(1, "library is locked".into()));
        assert_eq!(*deck.cards[&1], failed);
        assert_eq!(
            deck.toasts.last().unwrap().text,
            "Retry could not start: library is locked"
        );
    }

    #[test]
    fn a_late_poll_does_not_undo_a_newer_event() {
        let deck = reduce(
            Rc::default(),
            Action::Apply(vec![card(1, ParseStatus::Completed, 10)]),
        );
        let deck = reduce(
            deck,
            Action::Apply(vec![card(1, ParseStatus::Processing, 9)]),
        );
        assert_eq!(deck.cards[&1].status, ParseStatus::Completed);
        assert!(deck.active_ids().is_empty());
    }

    #[test]
    fn a_single_resume_gets_its_own_toast_and_a_bulk_import_one_summary() {
        let started = |id, queued| {
            Action::ImportStarted(ImportStarted {
                import_id: id,
                queued,
                duplicates: 0,
                rejected: 0,
            })
        };
        let mut done = card(1, ParseStatus::Completed, 2);
        done.name = Some("Jane Doe".into());
        let deck = reduce(Rc::default(), started(1, 1));
        let deck = reduce(deck, Action::Apply(vec![done]));
        let deck = reduce(deck, Action::ImportFinished(jane_doe_parsed(1)));
        assert_eq!(
            deck.toasts
                .iter()
                .map(|t| t.text.to_string())
                .collect::<Vec<_>>(),
            vec!["Resume for Jane Doe parsed successfully"]
        );

        let deck = reduce(Rc::default(), started(2, 300));
        let deck = reduce(
            deck,
            Action::Apply(
                (10..300)
                    .map(|i| card(i, ParseStatus::Completed, 2))
                    .collect(),
            ),
        );
        assert!(deck.toasts.is_empty());
        let deck = reduce(
            deck,
            Action::ImportFinished(ImportFinished {
                import_id: 2,
                completed: 298,
                failed: 2,
                duplicates: 0,
                left_pending: 0,
                problem: None,
                single_name: None,
                single_failure: None,
            }),
        );
        assert_eq!(deck.toasts[0].text, "298 parsed, 2 failed");
        assert_eq!(deck.progress(), None);
    }

    #[test]
    fn toast_does_not_depend_on_whether_import_started_arrived_first() {
        // The finished event can overtake the command's answer: the toast must not change.
        let finished = jane_doe_parsed(9);
        let deck = reduce(Rc::default(), Action::ImportFinished(finished));
        assert_eq!(
            deck.toasts[0].text,
            "Resume for Jane Doe parsed successfully"
        );
    }

    #[test]
    fn new_cards_lead_the_default_view_and_wait_for_a_refresh_in_a_filtered_one() {
        let deck = reduce(Rc::default(), ordered(vec![2, 1]));
        let deck = reduce(
            deck,
            Action::Apply(vec![
                card(3, ParseStatus::Pending, 1),
                card(4, ParseStatus::Pending, 1),
            ]),
        );
        assert_eq!(*deck.order, vec![4, 3, 2, 1]);
        assert!(deck.stale, "the chips' counts must be asked for again");

        let deck = reduce(deck, Action::FilterStatus(Some(ParseStatus::Failed)));
        let generation = deck.query_generation;
        let deck = reduce(deck, Action::Apply(vec![card(5, ParseStatus::Pending, 1)]));
        assert!(
            !deck.order.contains(&5),
            "a filtered view waits for the backend's answer"
        );
        assert_eq!(deck.query_generation, generation);
    }

    #[test]
    fn an_answer_for_an_old_query_is_ignored() {
        let deck = reduce(Rc::default(), Action::Search("rust".into()));
        let old = QueryDto::default();
        let deck = reduce(
            deck,
            Action::Ordered(
                old,
                QueryResult {
                    ids: vec![1, 2, 3],
                    counts: StatusCounts::default(),
                    scores: Vec::new(),
                },
            ),
        );
        assert!(deck.order.is_empty());
        assert!(!deck.loaded);
    }

    #[test]
    fn a_late_last_export_event_does_not_leave_the_bar_behind() {
        let deck = reduce(Rc::default(), Action::Exporting(Some((5, 10))));
        assert_eq!(deck.exporting, Some((5, 10)));
        let deck = reduce(deck, Action::Exporting(None));
        let deck = reduce(deck, Action::Exporting(Some((10, 10))));
        assert_eq!(deck.exporting, None);
    }

    #[test]
    fn only_edits_ask_for_the_filters_choices_again() {
        let deck = reduce(Rc::default(), Action::Refresh);
        assert_eq!((deck.refresh, deck.edits), (1, 0));
        let deck = reduce(deck, Action::Edited);
        assert_eq!((deck.refresh, deck.edits), (2, 1));
    }

    #[test]
    fn a_language_filters_until_cleared() {
        let deck = reduce(Rc::default(), Action::Language(Some("de".into())));
        assert_eq!(deck.query.language.as_deref(), Some("de"));
        assert!(!deck.is_unfiltered());
        let deck = reduce(deck, Action::ClearFilters);
        assert_eq!(deck.query.language, None);
        assert!(deck.is_unfiltered());
    }

    #[test]
    fn searching_ranks_by_relevance_until_the_search_is_cleared() {
        let deck = reduce(Rc::default(), Action::Search("  müller ".into()));
        assert_eq!(deck.query.search.as_deref(), Some("müller"));
        assert_eq!(deck.query.sort, SortKey::Relevance);
        let deck = reduce(deck, Action::Search(String::new()));
        assert_eq!(
            (deck.query.search.clone(), deck.query.sort),
            (None, SortKey::Newest)
        );
        let deck = reduce(deck, Action::Sort(SortKey::Name));
        let deck = reduce(deck, Action::Search("go".into()));
        assert_eq!(deck.query.sort, SortKey::Name, "a chosen order is kept");
    }

    #[test]
    fn a_deletion_hides_the_card_until_undone_or_carried_out() {
        let deck = reduce(Rc::default(), ordered(vec![2, 1]));
        let deck = reduce(deck, Action::OpenDetail(2));
        let deck = reduce(deck, Action::DeleteRequested(vec![2], "Jane Doe".into()));
        assert_eq!(*deck.visible_order(), vec![1]);
        assert_eq!(deck.detail, None);
        let undo = Rc::new(vec![2]);
        assert_eq!(
            deck.toasts[0].action,
            Some(ToastAction::UndoDelete(undo.clone()))
        );
        let undone = reduce(deck.clone(), Action::UndoDelete(undo));
        assert_eq!(*undone.visible_order(), vec![2, 1]);
        assert!(undone.toasts.is_empty());
        let gone = reduce(deck, Action::Deleted(vec![2]));
        assert_eq!(*gone.order, vec![1]);
        assert!(gone.deleting.is_empty());
    }

    #[test]
    fn ctrl_and_shift_clicks_mark_cards_and_a_new_query_forgets_them() {
        let deck = reduce(Rc::default(), ordered(vec![5, 4, 3, 2, 1]));
        let deck = reduce(deck, Action::Mark(4, MarkHow::Toggle));
        let deck = reduce(deck, Action::Mark(2, MarkHow::Range));
        assert_eq!(
            deck.marked.iter().copied().collect::<Vec<_>>(),
            vec![2, 3, 4]
        );
        let deck = reduce(deck, Action::Mark(3, MarkHow::Toggle));
        assert_eq!(deck.marked.iter().copied().collect::<Vec<_>>(), vec![2, 4]);
        // A bulk deletion unmarks what it hides; select-all takes what is shown.
        let deck = reduce(
            deck,
            Action::DeleteRequested(vec![2, 4], "2 resumes".into()),
        );
        assert!(deck.marked.is_empty());
        let deck = reduce(deck, Action::MarkAll);
        assert_eq!(
            deck.marked.iter().copied().collect::<Vec<_>>(),
            vec![1, 3, 5]
        );
        let deck = reduce(deck, Action::Search("go".into()));
        assert!(deck.marked.is_empty());
    }

    #[test]
    fn the_default_view_refreshes_only_its_counts_after_events() {
        let deck = reduce(
            Rc::default(),
            Action::Apply(vec![card(1, ParseStatus::Pending, 1)]),
        );
        assert!(deck.stale && deck.is_unfiltered());
        let deck = reduce(deck, Action::RefreshCounts);
        assert_eq!(
            (deck.stale, deck.counts_refresh, deck.refresh),
            (false, 1, 0)
        );
        let counts = StatusCounts {
            completed: 7,
            ..StatusCounts::default()
        };
        let deck = reduce(deck, Action::Counted(counts));
        assert_eq!(deck.counts, counts);
        // A filtered view's counts come with its order, never from the library-wide count.
        let deck = reduce(deck, Action::FilterStatus(Some(ParseStatus::Failed)));
        let deck = reduce(deck, Action::Counted(StatusCounts::default()));
        assert_eq!(deck.counts, counts);
    }

    #[test]
    fn a_fast_import_that_finished_before_its_start_answer_leaves_no_progress_bar() {
        // Regression: the progress bar stayed at "0 / 1" after a one-file import whose
        // finished event overtook the command's answer and a late progress event.
        let finished = jane_doe_parsed(4);
        let deck = reduce(Rc::default(), Action::ImportFinished(finished));
        let deck = reduce(
            deck,
            Action::Progress(ImportProgress {
                import_id: 4,
                done: 0,
                failed: 0,
                total: 1,
            }),
        );
        let deck = reduce(
            deck,
            Action::ImportStarted(ImportStarted {
                import_id: 4,
                queued: 1,
                duplicates: 0,
                rejected: 0,
            }),
        );
        assert_eq!(deck.progress(), None);
    }

    fn job(id: JobId, title: &str) -> JobDto {
        JobDto {
            id,
            title: title.to_owned(),
            requirements: cvdeck_wire::RequirementsDto::default(),
        }
    }

    #[test]
    fn a_new_job_is_chosen_and_ranks_the_grid_until_it_is_put_away() {
        let mut deck = Rc::new(Deck::default());
        deck = reduce(deck, Action::Search("rust".into()));
        assert_eq!(deck.query.sort, SortKey::Relevance);
        deck = reduce(deck, Action::JobSaved(job(7, "Backend Engineer")));
        assert_eq!((deck.query.job, deck.query.sort), (Some(7), SortKey::Fit));
        assert!(!deck.is_unfiltered());
        assert_eq!(
            deck.job().map(|j| j.title.as_str()),
            Some("Backend Engineer")
        );
        deck = reduce(
            deck.clone(),
            Action::Ordered(
                deck.query.clone(),
                QueryResult {
                    ids: vec![3, 1],
                    counts: StatusCounts::default(),
                    scores: vec![90, 40],
                },
            ),
        );
        assert_eq!(deck.scores.get(&3), Some(&90));
        // Saving its requirements again keeps it and asks for the ranking again.
        let (revision, refresh) = (deck.job_revision, deck.refresh);
        deck = reduce(deck, Action::JobSaved(job(7, "Backend Engineer (Go)")));
        assert_eq!(
            (deck.job_revision, deck.refresh),
            (revision + 1, refresh + 1)
        );
        deck = reduce(deck, Action::FitFilter(true, Some(50)));
        assert!(deck.query.all_required);
        // Clearing the filters keeps the job; putting it away drops its filters.
        deck = reduce(deck, Action::ClearFilters);
        assert_eq!((deck.query.job, deck.query.sort), (Some(7), SortKey::Fit));
        deck = reduce(deck, Action::FitFilter(true, None));
        deck = reduce(deck, Action::ChooseJob(None));
        assert_eq!(deck.query.sort, SortKey::Newest);
        assert!(!deck.query.all_required);
        deck = reduce(deck, Action::ChooseJob(Some(7)));
        deck = reduce(deck, Action::JobDeleted(7));
        assert_eq!(deck.query.job, None);
        assert!(deck.jobs.is_empty());
    }

    #[test]
    fn a_burst_of_toasts_does_not_push_out_an_undo() {
        let mut deck = Rc::new(Deck::default());
        deck = reduce(deck, Action::DeleteRequested(vec![4], "Jane Doe".into()));
        for i in 0..8 {
            deck = reduce(deck, Action::Toast(ToastKind::Info, format!("news {i}")));
        }
        assert_eq!(deck.toasts.len(), 5);
        assert!(
            deck.toasts.iter().any(|t| t.action.is_some()),
            "the Undo toast went without a word: its deletion would never happen"
        );
    }

    #[test]
    fn the_panel_closes_when_the_filter_no_longer_shows_its_resume() {
        let mut deck = reduce(Rc::new(Deck::default()), ordered(vec![3, 2, 1]));
        deck = reduce(deck, Action::OpenDetail(2));
        deck = reduce(deck, Action::Search("rust".into()));
        deck = reduce(
            deck.clone(),
            Action::Ordered(
                deck.query.clone(),
                QueryResult {
                    ids: vec![3, 2],
                    counts: StatusCounts::default(),
                    scores: Vec::new(),
                },
            ),
        );
        assert_eq!(deck.detail, Some(2), "still shown: stays open");
        deck = reduce(deck, Action::Search("go".into()));
        deck = reduce(
            deck.clone(),
            Action::Ordered(
                deck.query.clone(),
                QueryResult {
                    ids: vec![1],
                    counts: StatusCounts::default(),
                    scores: Vec::new(),
                },
            ),
        );
        assert_eq!(deck.detail, None);
    }

    #[test]
    fn counts_follow_the_cards_at_once_and_a_pending_delete_counts_as_gone() {
        let mut deck = reduce(Rc::new(Deck::default()), ordered(vec![]));
        deck = reduce(
            deck,
            Action::Apply(vec![
                card(1, ParseStatus::Pending, 1),
                card(2, ParseStatus::Pending, 1),
            ]),
        );
        assert_eq!((deck.counts.pending, deck.counts.completed), (2, 0));
        deck = reduce(
            deck,
            Action::Apply(vec![card(1, ParseStatus::Completed, 2)]),
        );
        assert_eq!((deck.counts.pending, deck.counts.completed), (1, 1));
        // A card never loaded but in the order: its old status is unknown, counts wait.
        deck = reduce(deck, Action::Loaded(vec![]));
        let mut known = (*deck).clone();
        known.order = Rc::new(vec![3, 2, 1]);
        let deck = reduce(
            Rc::new(known),
            Action::Apply(vec![card(3, ParseStatus::Failed, 5)]),
        );
        assert_eq!(deck.counts.failed, 0);
        let deck = reduce(deck, Action::DeleteRequested(vec![1], "Jane Doe".into()));
        assert_eq!(deck.shown_counts().completed, 0);
        assert_eq!(
            deck.counts.completed, 1,
            "the library still has it until the toast goes"
        );
    }

    #[test]
    fn a_kept_view_comes_back_without_a_job_that_is_gone() {
        let view = QueryDto {
            search: Some("rust".into()),
            sort: SortKey::Fit,
            job: Some(9),
            ..QueryDto::default()
        };
        let deck = reduce(
            Rc::new(Deck::default()),
            Action::Restored(Some(view.clone())),
        );
        assert!(deck.restored);
        assert_eq!(
            deck.query, view,
            "the jobs have not arrived: kept until they do"
        );
        let deck = reduce(deck, Action::Jobs(vec![job(3, "Other")]));
        assert_eq!(
            (deck.query.job, deck.query.sort),
            (None, SortKey::Relevance)
        );
        assert_eq!(deck.query.search.as_deref(), Some("rust"));

        let deck = reduce(Rc::new(Deck::default()), Action::Jobs(vec![]));
        let deck = reduce(deck, Action::Restored(Some(view)));
        assert_eq!(
            deck.query.job, None,
            "the jobs are known and it is not among them"
        );
        let deck = reduce(Rc::new(Deck::default()), Action::Restored(None));
        assert!(deck.restored);
        assert_eq!(deck.query, QueryDto::default());
    }
}
