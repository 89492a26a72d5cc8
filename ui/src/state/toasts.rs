//! The toast stack: what the window says, and the Undo a deletion waits behind.

use super::Action;
use cvdeck_wire::ResumeId;
use std::rc::Rc;
use yew::AttrValue;

/// Most toasts shown at once; older ones without an Undo make way.
const MOST_SHOWN: usize = 5;

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

/// The toasts shown, oldest first.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Toasts {
    shown: Vec<Toast>,
    last_id: u64,
}

impl Toasts {
    /// The toasts shown, oldest first.
    pub fn shown(&self) -> &[Toast] {
        &self.shown
    }

    /// Takes in what an action says to the person.
    pub fn apply(&mut self, action: &Action) {
        match action {
            Action::Toast(kind, text) => self.push(*kind, text.clone(), None),
            Action::DismissToast(id) => self.shown.retain(|t| t.id != *id),
            Action::DeleteRequested(ids, label) => self.push(
                ToastKind::Info,
                format!("Deleted {label}"),
                Some(ToastAction::UndoDelete(Rc::new(ids.clone()))),
            ),
            Action::UndoDelete(ids) => {
                let undo = Some(ToastAction::UndoDelete(ids.clone()));
                self.shown.retain(|t| t.action != undo);
            }
            Action::RetryFailed(_, message) => self.push(
                ToastKind::Error,
                format!("Retry could not start: {message}"),
                None,
            ),
            Action::ImportStarted(s) if s.queued + s.rejected == 0 => {
                let text = if s.duplicates > 0 {
                    format!("Nothing new: {} duplicates skipped", s.duplicates)
                } else {
                    "No files found to import".to_owned()
                };
                self.push(ToastKind::Info, text, None);
            }
            Action::ImportFinished(f) => {
                let kind = if f.has_trouble() {
                    ToastKind::Info
                } else {
                    ToastKind::Success
                };
                self.push(kind, f.sentence(), None);
            }
            _ => {}
        }
    }

    fn push(&mut self, kind: ToastKind, text: String, action: Option<ToastAction>) {
        self.last_id += 1;
        self.shown.push(Toast {
            id: self.last_id,
            kind,
            text: text.into(),
            action,
        });
        // A burst must not bury the window; a toast with an Undo is never pushed out (its
        // deletion happens when it goes, and a toast pushed out never says it went).
        if self.shown.len() > MOST_SHOWN {
            if let Some(oldest) = self.shown.iter().position(|t| t.action.is_none()) {
                self.shown.remove(oldest);
            }
        }
    }
}
