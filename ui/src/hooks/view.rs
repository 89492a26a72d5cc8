//! The query's view: kept between starts, ordered by the shell, refreshed while events flow.

use crate::context::DeckDispatch;
use crate::ipc;
use crate::state::{Action, ToastKind};
use cvdeck_wire::QueryDto;
use gloo_timers::callback::Timeout;
use wasm_bindgen_futures::spawn_local;
use yew::prelude::*;

/// While events flow, the order and the chips' counts are asked for again at most this often.
const REFRESH_MS: u32 = 1000;

/// The view kept from the last time first (the grid's first order is the one it shows), each
/// change of it kept for the next start (a read-only library keeps none), and the order for
/// the current query: on start, when the query changes, and on each `refresh`.
#[hook]
pub fn use_view(dispatch: DeckDispatch, query: QueryDto, refresh: u64, restored: bool) {
    {
        let dispatch = dispatch.clone();
        use_effect_with((), move |_| {
            spawn_local(async move {
                dispatch.dispatch(Action::Restored(ipc::load_view().await.ok().flatten()));
            });
        });
    }
    use_effect_with((query.clone(), restored), |(query, restored)| {
        if *restored {
            let query = query.clone();
            spawn_local(async move {
                let _ = ipc::save_view(query).await;
            });
        }
    });
    use_effect_with((query, refresh, restored), move |(query, _, restored)| {
        if !*restored {
            return;
        }
        let query = query.clone();
        spawn_local(async move {
            match ipc::query_resumes(query.clone()).await {
                Ok(result) => dispatch.dispatch(Action::Ordered(query, result)),
                Err(e) => dispatch.dispatch(Action::Toast(
                    ToastKind::Error,
                    format!("Cannot load the library: {}", e.message),
                )),
            }
        });
    });
}

/// Events changed cards (`stale`): asks for the counts (default view) or the order and
/// counts again, at most once a second.
#[hook]
pub fn use_refresh_timer(dispatch: DeckDispatch, stale: bool, unfiltered: bool) {
    use_effect_with((stale, unfiltered), move |(stale, unfiltered)| {
        let action = if *unfiltered {
            Action::RefreshCounts
        } else {
            Action::Refresh
        };
        let timer = stale.then(|| Timeout::new(REFRESH_MS, move || dispatch.dispatch(action)));
        move || drop(timer)
    });
}

/// The status counts, asked for each time `counts_refresh` moves past 0.
#[hook]
pub fn use_counts(dispatch: DeckDispatch, counts_refresh: u64) {
    use_effect_with(counts_refresh, move |n| {
        if *n > 0 {
            spawn_local(async move {
                if let Ok(counts) = ipc::status_counts().await {
                    dispatch.dispatch(Action::Counted(counts));
                }
            });
        }
    });
}
