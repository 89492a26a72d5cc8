//! The cards loaded so far, and what an optimistic retry put in their place.

use cvdeck_wire::{CardDto, ParseStatus, ResumeId};
use std::collections::HashMap;
use std::rc::Rc;

/// Cards by id (only those scrolled into view are loaded).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct CardCache {
    cards: Rc<HashMap<ResumeId, Rc<CardDto>>>,
    /// Cards as they were before an optimistic retry, to put back if it fails.
    before_retry: HashMap<ResumeId, Rc<CardDto>>,
}

impl CardCache {
    /// The cards (cheap to clone into props).
    pub fn all(&self) -> &Rc<HashMap<ResumeId, Rc<CardDto>>> {
        &self.cards
    }

    /// One card, if loaded.
    pub fn get(&self, id: &ResumeId) -> Option<&Rc<CardDto>> {
        self.cards.get(id)
    }

    /// Cards asked for as they scrolled into view; an older state never replaces a newer.
    pub fn loaded(&mut self, incoming: Vec<CardDto>) {
        let map = Rc::make_mut(&mut self.cards);
        for card in incoming {
            if map
                .get(&card.id)
                .is_none_or(|p| p.updated_at <= card.updated_at)
            {
                map.insert(card.id, Rc::new(card));
            }
        }
    }

    /// Keeps `card` (already checked to be newer); a card past processing needs no undoing.
    pub(super) fn insert(&mut self, card: CardDto) {
        if card.status != ParseStatus::Processing {
            self.before_retry.remove(&card.id);
        }
        Rc::make_mut(&mut self.cards).insert(card.id, Rc::new(card));
    }

    /// Shows `id` as processing at once; false if it is not loaded.
    pub fn retry_requested(&mut self, id: ResumeId) -> bool {
        let Some(card) = self.cards.get(&id).cloned() else {
            return false;
        };
        self.before_retry.insert(id, card.clone());
        let mut optimistic = (*card).clone();
        optimistic.status = ParseStatus::Processing;
        optimistic.error = None;
        Rc::make_mut(&mut self.cards).insert(id, Rc::new(optimistic));
        true
    }

    /// The retry was accepted: the card's own events take over.
    pub fn retry_accepted(&mut self, id: ResumeId) {
        self.before_retry.remove(&id);
    }

    /// The retry could not start: the card as it was.
    pub fn retry_failed(&mut self, id: ResumeId) {
        if let Some(previous) = self.before_retry.remove(&id) {
            Rc::make_mut(&mut self.cards).insert(id, previous);
        }
    }

    /// Forgets deleted cards.
    pub fn remove(&mut self, ids: &[ResumeId]) {
        let cards = Rc::make_mut(&mut self.cards);
        for id in ids {
            cards.remove(id);
        }
    }
}
