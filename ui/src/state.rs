//! The grid's state and every way it can change, as one reducer.

use cvdeck_wire::events::{ImportFinished, ImportProgress};
use cvdeck_wire::{CardDto, ImportStarted, ParseStatus, ResumeId};
use std::collections::{BTreeMap, HashMap};
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

/// A transient message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Toast {
    /// Identifies it for dismissal.
    pub id: u64,
    /// Look.
    pub kind: ToastKind,
    /// Text.
    pub text: AttrValue,
}

/// Everything the window shows.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Deck {
    /// Cards by id (shown newest first).
    pub cards: Rc<BTreeMap<ResumeId, Rc<CardDto>>>,
    /// Cards as they were before an optimistic retry, to put back if it fails.
    pub before_retry: HashMap<ResumeId, Rc<CardDto>>,
    /// Imports in flight.
    pub imports: BTreeMap<u64, ImportProgress>,
    /// Toasts, oldest first.
    pub toasts: Vec<Toast>,
    next_toast: u64,
    /// A drag is over the window.
    pub dragging: bool,
    /// The first page has arrived.
    pub loaded: bool,
}

/// Every change to the state.
#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    /// The first page of the library.
    Loaded(Vec<CardDto>),
    /// Cards from an event batch or a poll.
    Apply(Vec<CardDto>),
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
    /// A card was deleted.
    Removed(ResumeId),
    /// Show a toast.
    Toast(ToastKind, String),
    /// Hide a toast.
    DismissToast(u64),
    /// A drag entered or left the window.
    Dragging(bool),
}

impl Deck {
    /// Cards newest first.
    pub fn ordered(&self) -> impl Iterator<Item = &Rc<CardDto>> {
        self.cards.values().rev()
    }

    /// Ids of cards still pending or processing (what the polling fallback asks about).
    pub fn active_ids(&self) -> Vec<ResumeId> {
        self.cards
            .values()
            .filter(|c| c.status.is_active())
            .map(|c| c.id)
            .collect()
    }

    /// Counts per status, for the toolbar.
    pub fn count(&self, status: ParseStatus) -> usize {
        self.cards.values().filter(|c| c.status == status).count()
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
        });
        // A burst must not bury the window.
        if self.toasts.len() > 5 {
            self.toasts.remove(0);
        }
    }

    fn apply(&mut self, incoming: Vec<CardDto>) {
        let cards = Rc::make_mut(&mut self.cards);
        for card in incoming {
            let previous = cards.get(&card.id);
            // An older state arriving late (a poll racing an event) must not win.
            if previous.is_some_and(|p| p.updated_at > card.updated_at) {
                continue;
            }
            if card.status != ParseStatus::Processing {
                self.before_retry.remove(&card.id);
            }
            cards.insert(card.id, Rc::new(card));
        }
    }
}

impl Reducible for Deck {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut next = (*self).clone();
        match action {
            Action::Loaded(cards) => {
                let map = Rc::make_mut(&mut next.cards);
                for card in cards {
                    map.entry(card.id).or_insert_with(|| Rc::new(card));
                }
                next.loaded = true;
            }
            Action::Apply(cards) => next.apply(cards),
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
                if total > 0 {
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
                next.imports.insert(p.import_id, p);
            }
            Action::ImportFinished(f) => {
                next.imports.remove(&f.import_id);
                // Decided from the summary alone, so the order in which the command's answer
                // and the events arrive cannot change what is said.
                let (kind, text) = match (&f.single_name, f.completed, f.failed) {
                    (Some(name), 1, 0) => (
                        ToastKind::Success,
                        format!("Resume for {name} parsed successfully"),
                    ),
                    _ => {
                        let mut text = format!("{} parsed, {} failed", f.completed, f.failed);
                        if f.duplicates > 0 {
                            text.push_str(&format!(", {} duplicates skipped", f.duplicates));
                        }
                        let kind = if f.failed > 0 {
                            ToastKind::Info
                        } else {
                            ToastKind::Success
                        };
                        (kind, text)
                    }
                };
                next.toast(kind, text);
            }
            Action::Removed(id) => {
                Rc::make_mut(&mut next.cards).remove(&id);
            }
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

    fn reduce(deck: Rc<Deck>, action: Action) -> Rc<Deck> {
        deck.reduce(action)
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
        let deck = reduce(
            deck,
            Action::ImportFinished(ImportFinished {
                import_id: 1,
                completed: 1,
                failed: 0,
                duplicates: 0,
                single_name: Some("Jane Doe".into()),
            }),
        );
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
                single_name: None,
            }),
        );
        assert_eq!(deck.toasts[0].text, "298 parsed, 2 failed");
        assert_eq!(deck.progress(), None);
    }

    #[test]
    fn toast_does_not_depend_on_whether_import_started_arrived_first() {
        // The finished event can overtake the command's answer: the toast must not change.
        let finished = ImportFinished {
            import_id: 9,
            completed: 1,
            failed: 0,
            duplicates: 0,
            single_name: Some("Jane Doe".into()),
        };
        let deck = reduce(Rc::default(), Action::ImportFinished(finished));
        assert_eq!(
            deck.toasts[0].text,
            "Resume for Jane Doe parsed successfully"
        );
    }
}
