//! Engine events out to the window: card changes coalesced to at most ten batches a second,
//! progress throttled the same way, and a native notification when an import finishes.

use crate::convert;
use cvdeck_engine::{EngineEvent, EventSink};
use cvdeck_wire::events::{
    self as names, ExportProgress, ImportFinished, ImportProgress, ResumeBatch,
};
use cvdeck_wire::{CardDto, ResumeId};
use std::collections::{BTreeMap, HashMap};
use std::sync::Arc;
use std::time::Duration;
use tauri::{AppHandle, Emitter, Runtime};
use tauri_plugin_notification::NotificationExt;
use tokio::sync::mpsc::{unbounded_channel, UnboundedReceiver};

/// The flush interval: ten batches a second at most.
pub const BATCH_INTERVAL: Duration = Duration::from_millis(100);

/// A sink for the engine and the receiving end the bridge drains.
pub fn channel() -> (EventSink, UnboundedReceiver<EngineEvent>) {
    let (tx, rx) = unbounded_channel();
    let sink: EventSink = Arc::new(move |event| {
        // The receiver only goes away when the app is shutting down.
        let _ = tx.send(event);
    });
    (sink, rx)
}

/// When an absorbed event has to reach the window.
pub enum Urgency {
    /// With the next coalesced batch.
    NextTick,
    /// Now (an import's first cards).
    FlushNow,
    /// Now, followed by this summary and a notification.
    Finished(ImportFinished),
}

/// What has changed since the last flush.
#[derive(Default)]
pub struct Pending {
    cards: BTreeMap<ResumeId, CardDto>,
    progress: HashMap<u64, ImportProgress>,
}

impl Pending {
    /// Folds one engine event in and says whether it must go out before the next tick.
    pub fn absorb(&mut self, event: EngineEvent) -> Urgency {
        match event {
            EngineEvent::CardsAdded(cards) => {
                self.insert(cards);
                // New cards show at once, so a fast parse never hides the pending state.
                Urgency::FlushNow
            }
            EngineEvent::CardsChanged(cards) => {
                self.insert(cards);
                Urgency::NextTick
            }
            EngineEvent::ImportProgress(p) => {
                self.progress.insert(p.import_id, convert::progress(p));
                Urgency::NextTick
            }
            EngineEvent::ImportFinished(s) => Urgency::Finished(convert::finished(s)),
        }
    }

    fn insert(&mut self, cards: Vec<cvdeck_engine::Card>) {
        for c in cards {
            // Later states replace earlier ones: the UI only needs the latest.
            self.cards.insert(c.id, convert::card(c));
        }
    }

    /// Takes the batch and the progress to emit.
    pub fn take(&mut self) -> (Option<ResumeBatch>, Vec<ImportProgress>) {
        let cards: Vec<CardDto> = std::mem::take(&mut self.cards).into_values().collect();
        let progress = std::mem::take(&mut self.progress).into_values().collect();
        (
            (!cards.is_empty()).then_some(ResumeBatch { cards }),
            progress,
        )
    }
}

/// Drains engine events until the app quits.
pub async fn bridge<R: Runtime>(app: AppHandle<R>, mut rx: UnboundedReceiver<EngineEvent>) {
    let mut pending = Pending::default();
    let mut tick = tokio::time::interval(BATCH_INTERVAL);
    tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    loop {
        tokio::select! {
            event = rx.recv() => {
                let Some(event) = event else { break };
                match pending.absorb(event) {
                    Urgency::NextTick => {}
                    Urgency::FlushNow => flush(&app, &mut pending),
                    Urgency::Finished(finished) => {
                        // Cards and progress first, so the UI's totals agree with the summary.
                        flush(&app, &mut pending);
                        emit(&app, names::IMPORT_FINISHED, &finished);
                        notify(&app, &finished);
                    }
                }
            }
            _ = tick.tick() => flush(&app, &mut pending),
        }
    }
}

fn flush<R: Runtime>(app: &AppHandle<R>, pending: &mut Pending) {
    let (batch, progress) = pending.take();
    if let Some(batch) = batch {
        emit(app, names::RESUME_UPDATED, &batch);
    }
    for p in progress {
        emit(app, names::IMPORT_PROGRESS, &p);
    }
}

fn emit<R: Runtime, T: serde::Serialize + Clone>(app: &AppHandle<R>, event: &str, payload: &T) {
    if let Err(e) = app.emit(event, payload.clone()) {
        tracing::warn!("cannot emit {event}: {e}");
    }
}

/// The sentence a notification and a toast say about a finished import.
/// Least time between two export progress events.
const EXPORT_PROGRESS_EVERY: Duration = Duration::from_millis(100);

/// An export's progress callback: tells the window at most ten times a second, and at the end.
pub fn export_progress<R: Runtime>(app: AppHandle<R>) -> impl FnMut(u64, u64) + Send + 'static {
    let mut last: Option<std::time::Instant> = None;
    move |done, total| {
        let due = last.is_none_or(|t| t.elapsed() >= EXPORT_PROGRESS_EVERY);
        if due || done == total {
            last = Some(std::time::Instant::now());
            let _ = app.emit(names::EXPORT_PROGRESS, ExportProgress { done, total });
        }
    }
}

/// A native notification about the library itself (it is damaged, say).
pub fn notify_problem<R: Runtime>(app: &AppHandle<R>, problem: &str) {
    if let Err(e) = app
        .notification()
        .builder()
        .title("CV Deck: the library needs attention")
        .body(problem)
        .show()
    {
        tracing::warn!("cannot show notification: {e}");
    }
}

fn notify<R: Runtime>(app: &AppHandle<R>, finished: &ImportFinished) {
    let notifications = app.notification();
    if let Ok(tauri_plugin_notification::PermissionState::Prompt) = notifications.permission_state()
    {
        let _ = notifications.request_permission();
    }
    // A missing notification daemon must never break an import.
    if let Err(e) = notifications
        .builder()
        .title("CV Deck: import finished")
        .body(finished.sentence())
        .show()
    {
        tracing::warn!("cannot show notification: {e}");
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use cvdeck_engine::store::Card;
    use cvdeck_engine::Status;

    fn card(id: i64, status: Status) -> Card {
        Card {
            id,
            file_name: format!("{id}.pdf"),
            status,
            name: None,
            headline: None,
            email: None,
            phone: None,
            location: None,
            skills: vec![],
            failure: None,
            attempts: 0,
            updated_at: 0,
            experience_months: None,
            same_person: vec![],
            tags: vec![],
        }
    }

    #[test]
    fn a_burst_of_changes_becomes_one_batch_with_latest_states() {
        let mut pending = Pending::default();
        for status in [Status::Pending, Status::Processing, Status::Completed] {
            pending.absorb(EngineEvent::CardsChanged(vec![
                card(1, status),
                card(2, Status::Pending),
            ]));
        }
        let (batch, _) = pending.take();
        let cards = batch.unwrap().cards;
        assert_eq!(cards.len(), 2);
        assert_eq!(cards[0].status, cvdeck_wire::ParseStatus::Completed);
        assert!(pending.take().0.is_none());
    }
}
