//! Imports in flight, for the toolbar's progress bar.

use super::Action;
use cvdeck_wire::events::ImportProgress;
use std::collections::BTreeMap;

/// How many finished imports are remembered, so that late news of them is ignored.
const FINISHED_KEPT: usize = 64;

/// The imports under way and the last ones that finished.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Imports {
    in_flight: BTreeMap<u64, ImportProgress>,
    /// News of these arriving late must not revive them.
    finished: Vec<u64>,
}

impl Imports {
    /// (done, total) over all imports in flight.
    pub fn progress(&self) -> Option<(u64, u64)> {
        if self.in_flight.is_empty() {
            return None;
        }
        Some(
            self.in_flight
                .values()
                .fold((0, 0), |(d, t), p| (d + p.done, t + p.total)),
        )
    }

    /// Takes in an import's start, progress or end.
    pub fn apply(&mut self, action: &Action) {
        match action {
            Action::ImportStarted(s) => {
                let total = s.queued + s.rejected;
                // A fast import can finish before the command that started it answers.
                if total > 0 && !self.finished.contains(&s.import_id) {
                    self.in_flight.entry(s.import_id).or_insert(ImportProgress {
                        import_id: s.import_id,
                        done: 0,
                        failed: 0,
                        total,
                    });
                }
            }
            Action::Progress(p) if !self.finished.contains(&p.import_id) => {
                self.in_flight.insert(p.import_id, *p);
            }
            Action::ImportFinished(f) => {
                self.in_flight.remove(&f.import_id);
                self.finished.push(f.import_id);
                if self.finished.len() > FINISHED_KEPT {
                    self.finished.remove(0);
                }
            }
            _ => {}
        }
    }
}
