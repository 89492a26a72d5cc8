//! Cards marked for a bulk action.

use cvdeck_wire::ResumeId;
use std::collections::BTreeSet;
use std::rc::Rc;

/// How a click marks cards for a bulk action.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MarkHow {
    /// Ctrl/Cmd-click or Space: this card in or out.
    Toggle,
    /// Shift-click: every card from the last one marked to this one.
    Range,
}

/// The marked cards and where a shift-click range starts.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Marks {
    ids: Rc<BTreeSet<ResumeId>>,
    anchor: Option<ResumeId>,
}

impl Marks {
    /// The marked cards (cheap to clone into props).
    pub fn ids(&self) -> &Rc<BTreeSet<ResumeId>> {
        &self.ids
    }

    /// Whether no card is marked.
    pub fn is_empty(&self) -> bool {
        self.ids.is_empty()
    }

    /// Marks or unmarks `id`, or with [`MarkHow::Range`] every card of `visible` from the
    /// last one marked to it.
    pub fn mark(&mut self, id: ResumeId, how: MarkHow, visible: &[ResumeId]) {
        let anchor = self.anchor.filter(|_| how == MarkHow::Range);
        let range = anchor.and_then(|a| {
            let from = visible.iter().position(|o| *o == a)?;
            let to = visible.iter().position(|o| *o == id)?;
            Some(&visible[from.min(to)..=from.max(to)])
        });
        let ids = Rc::make_mut(&mut self.ids);
        match range {
            Some(range) => ids.extend(range.iter().copied()),
            None if ids.contains(&id) => {
                ids.remove(&id);
            }
            None => {
                ids.insert(id);
            }
        }
        self.anchor = Some(id);
    }

    /// Marks every card of `visible`.
    pub fn all(&mut self, visible: &[ResumeId]) {
        self.ids = Rc::new(visible.iter().copied().collect());
    }

    /// Unmarks everything.
    pub fn clear(&mut self) {
        *self = Marks::default();
    }

    /// Unmarks `gone` (deleted cards).
    pub fn forget(&mut self, gone: &[ResumeId]) {
        if gone.iter().any(|id| self.ids.contains(id)) {
            Rc::make_mut(&mut self.ids).retain(|m| !gone.contains(m));
        }
    }
}
