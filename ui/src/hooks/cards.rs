//! Cards fetched as they come into view, and the polling fallback for cards in flight.

use crate::context::DeckDispatch;
use crate::ipc;
use crate::state::{Action, ToastKind};
use cvdeck_wire::ResumeId;
use gloo_timers::callback::Interval;
use std::cell::RefCell;
use std::collections::HashSet;
use std::rc::Rc;
use wasm_bindgen_futures::spawn_local;
use yew::prelude::*;

/// How often the polling fallback asks about cards still in flight.
const POLL_MS: u32 = 5000;
/// Most ids one poll asks about (the shell's page limit).
const POLL_BATCH: usize = 1000;
/// Most cards asked for at once as they scroll into view.
const LOAD_BATCH: usize = 200;

/// A callback that loads the cards it is given, each once however often it is asked, in
/// batches, and hands them to the reducer.
#[hook]
pub fn use_card_loader(dispatch: DeckDispatch) -> Callback<Vec<ResumeId>> {
    let in_flight = use_mut_ref(HashSet::<ResumeId>::new);
    use_callback((), move |ids: Vec<ResumeId>, _| {
        load_cards(&dispatch, &in_flight, ids);
    })
}

/// While cards are in flight (`active`), asks about exactly those every few seconds, in case
/// an event was missed.
#[hook]
pub fn use_polling(dispatch: DeckDispatch, active: Vec<ResumeId>) {
    use_effect_with(active, move |ids| {
        // One request covers at most a page; events carry the rest.
        let ids: Vec<ResumeId> = ids.iter().copied().take(POLL_BATCH).collect();
        let interval = (!ids.is_empty()).then(|| {
            Interval::new(POLL_MS, move || {
                let (d, ids) = (dispatch.clone(), ids.clone());
                spawn_local(async move {
                    if let Ok(cards) = ipc::get_cards(ids).await {
                        d.dispatch(Action::Apply(cards));
                    }
                });
            })
        });
        move || drop(interval)
    });
}

fn load_cards(
    dispatch: &DeckDispatch,
    in_flight: &Rc<RefCell<HashSet<ResumeId>>>,
    ids: Vec<ResumeId>,
) {
    let wanted: Vec<ResumeId> = {
        let mut flight = in_flight.borrow_mut();
        ids.into_iter().filter(|id| flight.insert(*id)).collect()
    };
    for batch in wanted.chunks(LOAD_BATCH) {
        let (d, flight, batch) = (dispatch.clone(), in_flight.clone(), batch.to_vec());
        spawn_local(async move {
            let result = ipc::get_cards(batch.clone()).await;
            {
                let mut flight = flight.borrow_mut();
                for id in &batch {
                    flight.remove(id);
                }
            }
            match result {
                Ok(cards) => d.dispatch(Action::Loaded(cards)),
                Err(e) => d.dispatch(Action::Toast(
                    ToastKind::Error,
                    format!("Cannot load cards: {}", e.message),
                )),
            }
        });
    }
}
