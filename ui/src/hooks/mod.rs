//! The window's effects as hooks: what talks to the shell over time (backend events, the
//! query's order, the refresh timer, the polling fallback, loading cards as they scroll into
//! view) and what listens to the whole document (shortcuts). `App` calls each once; the
//! components only render and dispatch.
//!
//! The reducer's dispatcher is in a context ([`DeckDispatch`]), so that a panel dispatches
//! for itself instead of being handed callbacks through its parents.

mod backend;
mod cards;
mod keys;
mod view;

pub use backend::{use_backend_events, use_library_at_start};
pub use cards::{use_card_loader, use_polling};
pub use keys::use_global_keys;
pub use view::{use_counts, use_refresh_timer, use_view};

use crate::state::Deck;
use yew::prelude::*;

/// The reducer's dispatcher, as `App` provides it to everything below it. It never changes,
/// so components that take it from the context are not rendered again for it.
pub type DeckDispatch = UseReducerDispatcher<Deck>;

/// The reducer's dispatcher from `App`'s context.
///
/// # Panics
/// Outside `App`'s context provider: every component that dispatches is rendered under it.
#[hook]
pub fn use_deck_dispatch() -> DeckDispatch {
    use_context::<DeckDispatch>().expect("rendered under App's DeckDispatch provider")
}
