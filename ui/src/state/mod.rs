//! The grid's state and every way it can change, as one reducer over parts that each take
//! in the actions that concern them: the query (`query`), the card cache (`cards`), the
//! toasts (`toasts`), the imports in flight (`imports`) and the marks (`marks`). What ties
//! them together — the order, the counts, the detail panel, deletions behind Undo — is here.

mod cards;
mod imports;
mod marks;
pub mod query;
mod toasts;

pub use cards::CardCache;
pub use imports::Imports;
pub use marks::{MarkHow, Marks};
pub use toasts::{Toast, ToastAction, ToastKind, Toasts};

use cvdeck_wire::events::{ImportFinished, ImportProgress};
use cvdeck_wire::{
    CardDto, ImportStarted, JobDto, JobId, ParseStatus, QueryDto, QueryResult, ResumeId, SortKey,
    StatusCounts,
};
use std::collections::{HashMap, HashSet};
use std::rc::Rc;
use yew::prelude::*;

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
    /// Cards loaded so far.
    pub cards: CardCache,
    /// Counts per status for the chips (everything matching but the status filter).
    pub counts: StatusCounts,
    /// Cards hidden while their deletion can still be undone.
    pub deleting: Vec<ResumeId>,
    /// Imports in flight.
    pub imports: Imports,
    /// Toasts, oldest first.
    pub toasts: Toasts,
    /// A drag is over the window.
    pub dragging: bool,
    /// The first order has arrived.
    pub loaded: bool,
    /// The card with keyboard focus.
    pub selected: Option<ResumeId>,
    /// An export under way: (written, total).
    pub exporting: Option<(u64, u64)>,
    /// Cards marked for a bulk action (cleared when the query changes).
    pub marked: Marks,
    /// The card open in the detail panel.
    pub detail: Option<ResumeId>,
    /// Folders whose new files are imported automatically.
    pub watched: Rc<Vec<String>>,
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
            .all()
            .values()
            .filter(|c| c.status.is_active())
            .map(|c| c.id)
            .collect();
        ids.sort_unstable();
        ids
    }

    /// Whether only the default view is shown: every card, newest first.
    pub fn is_unfiltered(&self) -> bool {
        query::is_unfiltered(&self.query)
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

    /// (done, total) over all imports in flight.
    pub fn progress(&self) -> Option<(u64, u64)> {
        self.imports.progress()
    }

    fn set_query(&mut self, change: impl FnOnce(&mut QueryDto)) {
        let before = self.query.clone();
        change(&mut self.query);
        if self.query != before {
            self.query_generation += 1;
            self.refresh += 1;
            self.selected = None;
            self.marked.clear();
        }
    }

    /// A card the grid shows moved from `from` to `to` before the library said so.
    fn recount(&mut self, id: ResumeId, from: ParseStatus, to: ParseStatus) {
        if from == to || !self.order.contains(&id) {
            return;
        }
        let n = count_of(&mut self.counts, from);
        *n = n.saturating_sub(1);
        *count_of(&mut self.counts, to) += 1;
    }

    fn apply(&mut self, incoming: Vec<CardDto>) {
        let unfiltered = self.is_unfiltered();
        let mut new_ids = Vec::new();
        // Another view's rows, looked up only when a card it shows changes status.
        let mut shown: Option<HashSet<ResumeId>> = None;
        for card in incoming {
            let previous = self.cards.get(&card.id).cloned();
            // An older state arriving late (a poll racing an event) must not win.
            if previous
                .as_ref()
                .is_some_and(|p| p.updated_at > card.updated_at)
            {
                continue;
            }
            // The default view is every id, newest (largest) first: a binary search finds it.
            let is_new = unfiltered
                && self
                    .order
                    .binary_search_by(|probe| card.id.cmp(probe))
                    .is_err();
            if previous.as_ref().is_none_or(|p| p.status != card.status) {
                self.stale = true;
                // The default view counts every card: its count moves at once, not a second
                // later when the library's counts arrive. (A change to a card never loaded
                // says nothing of what it was: that one waits for the library's counts.)
                if unfiltered && (is_new || previous.is_some()) {
                    if let Some(p) = &previous {
                        let n = count_of(&mut self.counts, p.status);
                        *n = n.saturating_sub(1);
                    }
                    *count_of(&mut self.counts, card.status) += 1;
                }
                // Any other view counts the cards it shows the same way until the next
                // refresh brings the library's counts (which also decide what still matches).
                if let Some(p) = previous.as_ref().filter(|_| !unfiltered) {
                    let shown = shown.get_or_insert_with(|| self.order.iter().copied().collect());
                    if shown.contains(&card.id) {
                        let n = count_of(&mut self.counts, p.status);
                        *n = n.saturating_sub(1);
                        *count_of(&mut self.counts, card.status) += 1;
                    }
                }
            }
            if is_new {
                new_ids.push(card.id);
            }
            self.cards.insert(card);
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

impl Reducible for Deck {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut next = (*self).clone();
        // The parts take in what concerns them; what ties them together follows.
        next.toasts.apply(&action);
        next.imports.apply(&action);
        let mut edited = false;
        next.set_query(|q| edited = query::apply(q, &action));
        if edited {
            return Rc::new(next);
        }
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
            Action::Loaded(cards) => next.cards.loaded(cards),
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
            Action::Restored(view) => {
                next.restored = true;
                if let Some(view) = view {
                    next.set_query(|q| *q = view);
                    if next.jobs_loaded && next.query.job.is_some() && next.job().is_none() {
                        next.set_query(|q| query::choose_job(q, None));
                    }
                }
            }
            Action::Jobs(jobs) => {
                next.jobs = Rc::new(jobs);
                next.jobs_loaded = true;
                // A job deleted elsewhere (the CLI) cannot stay chosen.
                if next.query.job.is_some() && next.job().is_none() {
                    next.set_query(|q| query::choose_job(q, None));
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
                    next.set_query(|q| query::choose_job(q, Some(job.id)));
                }
            }
            Action::JobDeleted(id) => {
                Rc::make_mut(&mut next.jobs).retain(|j| j.id != id);
                if next.query.job == Some(id) {
                    next.set_query(|q| query::choose_job(q, None));
                }
            }
            Action::Select(id) => next.selected = id,
            Action::OpenDetail(id) => {
                next.selected = Some(id);
                next.detail = Some(id);
            }
            Action::CloseDetail => next.detail = None,
            Action::DeleteRequested(ids, _) => {
                for id in &ids {
                    if !next.deleting.contains(id) {
                        next.deleting.push(*id);
                    }
                }
                if next.detail.is_some_and(|d| ids.contains(&d)) {
                    next.detail = None;
                }
                next.marked.forget(&ids);
            }
            Action::UndoDelete(ids) => next.deleting.retain(|d| !ids.contains(d)),
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
                next.cards.remove(&ids);
                next.stale = true;
            }
            Action::Mark(id, how) => {
                let visible = next.visible_order();
                next.marked.mark(id, how, &visible);
                next.selected = Some(id);
            }
            Action::MarkAll => {
                let visible = next.visible_order();
                next.marked.all(&visible);
            }
            Action::Unmark => next.marked.clear(),
            // The last progress event may arrive after the command's answer: a finished
            // export clears the bar rather than bringing it back.
            Action::Exporting(progress) => {
                next.exporting = progress.filter(|(done, total)| done < total)
            }
            Action::RetryRequested(id) => {
                let Some(was) = next.cards.get(&id).map(|c| c.status) else {
                    return self;
                };
                next.cards.retry_requested(id);
                // The chips move with the card at once: a card the grid shows as processing
                // counts as processing.
                next.recount(id, was, ParseStatus::Processing);
            }
            Action::RetryAccepted(id) => next.cards.retry_accepted(id),
            Action::RetryFailed(id, _) => {
                next.cards.retry_failed(id);
                if let Some(back) = next.cards.get(&id).map(|c| c.status) {
                    next.recount(id, ParseStatus::Processing, back);
                }
            }
            Action::ImportFinished(_) => {
                // The chips must be right when the toast says the import is done.
                next.stale = false;
                if next.is_unfiltered() {
                    next.counts_refresh += 1;
                } else {
                    next.refresh += 1;
                }
            }
            Action::Watched(folders) => next.watched = Rc::new(folders),
            Action::Dragging(on) => next.dragging = on,
            // Taken in by the parts above.
            Action::ImportStarted(_)
            | Action::Progress(_)
            | Action::Toast(..)
            | Action::DismissToast(_) => {}
            // Edits of the query, handled above.
            Action::Search(_)
            | Action::FilterStatus(_)
            | Action::AddSkill(_)
            | Action::RemoveSkill(_)
            | Action::Years(..)
            | Action::Language(_)
            | Action::AddTag(_)
            | Action::RemoveTag(_)
            | Action::Sort(_)
            | Action::ClearFilters
            | Action::ChooseJob(_)
            | Action::FitFilter(..) => {}
        }
        Rc::new(next)
    }
}

#[cfg(test)]
mod tests;
