//! Parse results saved in groups: one transaction for the results that arrive within
//! [`GATHER`] of the first (at most [`MAX_GROUP`]). A commit flushes the search index's
//! in-memory terms into a new segment and writes the pages it touched to the log, whatever
//! it holds: with a commit per file, committing was most of the import's own work (a profile
//! of the CLI's process: 35 % in commits, half of that the search index's flush). A card
//! waits at most [`GATHER`] longer to change.

use super::{blocking, Inner};
use crate::pipeline::Parsed;
use crate::store::{Card, Failure, Library, Outcome, ResumeId, StoreError};
use crate::ParseError;
use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};
use tokio::sync::oneshot;

/// How long the first result of a group waits for others. 100 ms with up to 128 results
/// took 2–3 % less of an import's time than 50 ms and 64 (fewer, larger index segments to
/// flush and merge); a card still changes within a tenth of a second.
const GATHER: Duration = Duration::from_millis(100);
/// The most results one transaction holds.
const MAX_GROUP: usize = 128;

/// Results waiting for the next group, and the lock the group's writer holds.
#[derive(Default)]
pub(super) struct Saver {
    waiting: Mutex<Vec<Waiting>>,
    writing: Mutex<()>,
}

struct Waiting {
    arrived: Instant,
    id: ResumeId,
    outcome: Result<Parsed, Failure>,
    reply: oneshot::Sender<Result<Card, StoreError>>,
}

/// Saves one row's parse outcome (in a group with whatever else is waiting) and gives its
/// card as saved.
pub(super) async fn save(
    inner: &Arc<Inner>,
    id: ResumeId,
    outcome: Result<Parsed, ParseError>,
) -> Result<Card, StoreError> {
    let (reply, saved) = oneshot::channel();
    let outcome = outcome.map_err(super::failure);
    lock(&inner.saver.waiting).push(Waiting {
        arrived: Instant::now(),
        id,
        outcome,
        reply,
    });
    // Every result offers to write; whoever holds the writer's lock next writes all that is
    // waiting by then, so one that arrives during a commit goes into the next group.
    let writer = inner.clone();
    if let Err(e) = blocking(move || writer.saver.write_waiting(&writer.library)).await {
        tracing::warn!("saving parse results: {e}");
    }
    saved.await.unwrap_or_else(|_| {
        Err(StoreError::Io(std::io::Error::other(
            "the parse result was lost before it could be saved",
        )))
    })
}

fn lock<T>(m: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|p| p.into_inner())
}

impl Saver {
    fn write_waiting(&self, library: &Library) {
        let _writing = lock(&self.writing);
        // Gather: let the group fill for a while after its first result came.
        loop {
            let waiting = lock(&self.waiting);
            let Some(first) = waiting.first() else {
                // An earlier writer took this one's result into its group.
                return;
            };
            let waited = first.arrived.elapsed();
            if waiting.len() >= MAX_GROUP || waited >= GATHER {
                break;
            }
            drop(waiting);
            std::thread::sleep((GATHER - waited).min(Duration::from_millis(5)));
        }
        let group: Vec<Waiting> = {
            let mut waiting = lock(&self.waiting);
            let n = waiting.len().min(MAX_GROUP);
            waiting.drain(..n).collect()
        };
        if group.is_empty() {
            // An earlier writer took this one's result into its group.
            return;
        }
        let (entries, replies): (Vec<_>, Vec<_>) = group
            .into_iter()
            .map(|w| ((w.id, w.outcome), w.reply))
            .unzip();
        let outcomes: Vec<(ResumeId, Outcome<'_>)> = entries
            .iter()
            .map(|(id, parsed)| (*id, outcome(parsed)))
            .collect();
        let ids: Vec<ResumeId> = entries.iter().map(|(id, _)| *id).collect();
        match library.save_results(&outcomes) {
            Ok(()) => {
                let mut cards: HashMap<ResumeId, Card> = match library.cards(&ids) {
                    Ok(cards) => cards.into_iter().map(|c| (c.id, c)).collect(),
                    Err(e) => {
                        tracing::warn!("cannot read saved cards: {e}");
                        HashMap::new()
                    }
                };
                for (id, reply) in ids.into_iter().zip(replies) {
                    let _ = reply.send(cards.remove(&id).ok_or(StoreError::NotFound(id)));
                }
            }
            // One by one, so that each gets its own answer: a row the group could not take
            // does not keep the others from being saved.
            Err(_) => {
                for ((id, outcome), reply) in outcomes.into_iter().zip(replies) {
                    let saved = library
                        .save_results(&[(id, outcome)])
                        .and_then(|()| library.card(id));
                    let _ = reply.send(saved);
                }
            }
        }
    }
}

fn outcome(parsed: &Result<Parsed, Failure>) -> Outcome<'_> {
    match parsed {
        Ok(p) => Outcome::Completed {
            format: p.format.as_str(),
            resume: &p.resume,
            text: &p.text,
        },
        Err(failure) => Outcome::Failed {
            format: None,
            failure,
        },
    }
}
